// <simcore-gabor>: the Gabor filter demo. Kernel, its spectrum, the input
// image and the filtered output; the V1 view (orientation bank, orientation
// map, tuning curve). Conventions (OpenCV's): docs/gabor.md.
// Attributes and URL-hash fields: gabor-schema.mjs (θ and ψ in radians).
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { makeImage } from '../shared/images.mjs';
import { cameraAvailable, fileSource, startCamera } from '../shared/image-source.mjs';
import { drawColourBar, drawField, drawOrientationKey, drawOrientationMap, download, downloadPng, present } from '../shared/draw.mjs';
import { TUNING_PLOT_CSS, TuningPlot } from './tuning-plot.mjs';
import { COINCIDE, curveGap } from './tuning.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import { pageCore } from '../shared/core.mjs';
import css from './style.mjs';
import { GABOR_SCHEMA, sigmaFromBandwidth } from './schema.mjs';

export { GABOR_SCHEMA, sigmaFromBandwidth };

const PI = Math.PI;
const DEG = 180 / PI;

// Slider definitions: state field, label key, slider range in display units,
// and the conversion between display units and state units.
const RAD = { toUi: (v) => v * DEG, fromUi: (v) => v / DEG };
const SLIDERS = [
  { name: 'lambda', min: 2, max: 64, step: 0.5, fmt: (v) => v.toFixed(1) },
  { name: 'theta', min: 0, max: 180, step: 1, ...RAD, fmt: (v) => `${(v * DEG).toFixed(0)}°` },
  { name: 'psi', min: -180, max: 180, step: 5, ...RAD, fmt: (v) => `${(v * DEG).toFixed(0)}°` },
  { name: 'sigma', min: 0.5, max: 32, step: 0.5, fmt: (v) => v.toFixed(1) },
  { name: 'bandwidth', min: 0.25, max: 3, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'gamma', min: 0.1, max: 2, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'size', min: 3, max: 127, step: 2, fmt: (v) => `${v}×${v}` },
  { name: 'orientations', min: 4, max: 16, step: 1, fmt: (v) => String(v) },
];
const SELECTS = ['sigmaMode', 'view', 'image', 'imageSize', 'build'];
const PANELS = ['kernel', 'spectrum', 'input', 'output', 'orientationMap', 'tuning', 'bank'];

// Which outputs each field invalidates.
const KERNEL_FIELDS = new Set(['lambda', 'theta', 'psi', 'sigmaMode', 'sigma', 'bandwidth', 'gamma', 'size', 'view', 'orientations']);
const FILTER_FIELDS = new Set(['lambda', 'theta', 'psi', 'sigmaMode', 'sigma', 'bandwidth', 'gamma', 'size', 'view']);
const BANK_FIELDS = new Set(['lambda', 'psi', 'sigmaMode', 'sigma', 'bandwidth', 'gamma', 'size', 'orientations']);

let imageIds = 0;

export class SimcoreGabor extends SimcoreElement {
  static schema = GABOR_SCHEMA;

  /** Effective kernel parameters for the binding. */
  params() {
    const s = this._state;
    const sigma = s.sigmaMode === 'bandwidth' ? sigmaFromBandwidth(s.lambda, s.bandwidth) : s.sigma;
    return { sigma, theta: s.theta, lambda: s.lambda, gamma: s.gamma, psi: s.psi, size: s.size };
  }

  build(root) {
    adoptStyle(root, css + TUNING_PLOT_CSS);
    this.els = {};
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        this.setState({ [sl.name]: sl.fromUi ? sl.fromUi(v) : v });
      });
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `gabor.${sl.name}` } }), out, input]);
      this.els[sl.name] = { input, out, row, sl };
      form.append(row);
    }
    for (const name of SELECTS) {
      const id = `c-${name}`;
      const select = h('select', { id, name });
      for (const c of GABOR_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `gabor.${name}.${c}` } }));
      if (name === 'image') select.append(h('option', { value: 'user', disabled: true, dataset: { i18n: 'gabor.image.user' } }));
      if (name === 'imageSize') for (const o of select.options) o.removeAttribute('data-i18n'), (o.textContent = `${o.value}×${o.value}`);
      select.addEventListener('change', () => {
        if (name === 'image') {
          this.stopCamera();
          this.userImage = null;
        }
        if (!this.setState({ [name]: select.value }).length && name === 'image') this.invalidate('image');
      });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `gabor.${name}` } }), select]);
      this.els[name] = { select, row };
    }
    // Order: kernel controls, then view, then input, then V1 and build.
    const order = ['lambda', 'theta', 'psi', 'sigmaMode', 'sigma', 'bandwidth', 'gamma', 'size', 'view', 'image', 'imageSize', 'orientations', 'build'];
    const fileInput = h('input', { type: 'file', accept: 'image/*', onchange: () => fileInput.files[0] && this.loadFile(fileInput.files[0]) });
    // The camera button exists only where the browser offers getUserMedia.
    this.els.camera = cameraAvailable()
      ? h('button', { type: 'button', class: 'camera', dataset: { i18n: 'gabor.camera' }, onclick: () => this.toggleCamera() })
      : null;
    const file = h('div', { class: 'file' }, [
      h('button', { type: 'button', dataset: { i18n: 'gabor.open' }, onclick: () => fileInput.click() }),
      this.els.camera, h('span', { dataset: { i18n: 'gabor.drop' } }), fileInput,
    ]);
    form.replaceChildren(...order.flatMap((n) => (n === 'imageSize' ? [this.els[n].row, file] : [this.els[n].row])));

    const panel = (key, canvasClass, extra = [], cls = '') => {
      const canvas = h('canvas', { class: canvasClass, role: 'img', dataset: { panel: key, i18nLabel: `gabor.panel.${key}` } });
      // Exports use the full-resolution source where the panel shows a scaled copy.
      const png = h('button', { type: 'button', text: 'PNG', title: 'PNG',
        onclick: () => downloadPng(this.sources[key] ?? canvas, `gabor-${key}.png`) });
      const fig = h('figure', { class: cls, dataset: { panel: key } }, [
        h('figcaption', {}, [h('span', { dataset: { i18n: `gabor.panel.${key}` } }), png]), canvas, ...extra]);
      this.els[`${key}Canvas`] = canvas;
      return fig;
    };
    const barCanvas = h('canvas');
    this.els.barLo = h('span');
    this.els.barHi = h('span');
    this.els.barCanvas = barCanvas;
    const csv = h('button', { type: 'button', dataset: { i18n: 'gabor.csv' }, onclick: () => this.downloadCsv() });
    const kernelFig = panel('kernel', 'img px', [h('div', { class: 'bar' }, [this.els.barLo, barCanvas, this.els.barHi])]);
    kernelFig.querySelector('figcaption').append(csv);
    const spectrumFig = panel('spectrum', 'img px', [h('p', { class: 'note', dataset: { i18n: 'gabor.spectrum.note' } })]);
    const inputFig = panel('input', 'img');
    // An opened picture or the camera is cut to its centre square: say how much.
    this.els.cropNote = h('p', { class: 'note crop', hidden: true });
    inputFig.append(this.els.cropNote);
    const outputFig = panel('output', 'img');
    this.els.outLo = h('span');
    this.els.outHi = h('span');
    this.els.outBar = h('canvas');
    outputFig.append(h('div', { class: 'bar' }, [this.els.outLo, this.els.outBar, this.els.outHi]));
    const key = h('canvas', { class: 'key' });
    drawOrientationKey(key);
    const mapFig = panel('orientationMap', 'img');
    // The hue key sits on the map's corner, so wrap the two.
    mapFig.append(h('div', { class: 'stack' }, [this.els.orientationMapCanvas, key]));
    this.els.thumbs = h('div', { class: 'thumbs' });
    const bankFig = h('figure', { dataset: { panel: 'bank' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'gabor.panel.bank' } })]), this.els.thumbs]);
    const plotBox = h('div', { class: 'plot' });
    this.els.tuningNote = h('p', { class: 'note', dataset: { i18n: 'gabor.tuning.same' } });
    const tuningFig = h('figure', { class: 'wide', dataset: { panel: 'tuning' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'gabor.panel.tuning' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.tuningPlot.canvas && downloadPng(this.tuningPlot.canvas, 'gabor-tuning.png') })]),
      plotBox, this.els.tuningNote]);
    this.tuningPlot = new TuningPlot(plotBox);

    this.els.timing = h('div', { class: 'timing', role: 'status', 'aria-live': 'polite', dataset: { i18n: 'status.loading' } });
    this.els.busy = h('span', { class: 'busy', hidden: true, dataset: { i18n: 'gabor.computing' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'gabor.title' } }), this.els.busy, this.els.lang, this.els.timing]);
    const panels = h('div', { class: 'panels' }, [kernelFig, spectrumFig, inputFig, outputFig, mapFig, tuningFig, bankFig]);
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, panels])]);
    root.append(this.els.root);

    this.applyLayout(form, panels);

    // Drop an image anywhere on the widget; it is decoded here, never sent anywhere.
    const r = this.els.root;
    r.addEventListener('dragover', (e) => { e.preventDefault(); r.classList.add('drop'); });
    r.addEventListener('dragleave', () => r.classList.remove('drop'));
    r.addEventListener('drop', (e) => {
      e.preventDefault();
      r.classList.remove('drop');
      const f = e.dataTransfer?.files?.[0];
      if (f) this.loadFile(f);
    });
    // Image panels draw at data resolution off screen, then scale to the box.
    this.sources = {};
    for (const k of ['input', 'output', 'orientationMap']) this.sources[k] = document.createElement('canvas');
    this.resizeObserver = new ResizeObserver(() => {
      for (const k of Object.keys(this.sources)) if (this.sources[k].width > 0) present(this.els[`${k}Canvas`], this.sources[k]);
      this.tuningPlot.resize();
      if (!this.tuningPlot.plot) this.drawTuning();
    });
    this.resizeObserver.observe(tuningFig);
    this.resizeObserver.observe(inputFig);
  }

  /**
   * Layout attributes (not state): `controls="theta,gamma"` and
   * `panels="kernel,tuning"` show only the named controls and panels, for a
   * slide with little room. Unknown names are ignored; missing = all.
   */
  applyLayout(form, panels) {
    const pick = (attr, known) => {
      const text = this.getAttribute(attr);
      if (text === null) return null;
      const names = text.split(',').map((x) => x.trim()).filter((x) => known.includes(x));
      return names.length ? new Set(names) : null;
    };
    const controls = pick('controls', [...SLIDERS.map((x) => x.name), ...SELECTS, 'file']);
    if (controls) {
      for (const [name, el] of Object.entries(this.els)) {
        if (el?.row && !controls.has(name)) el.row.hidden = true;
      }
      if (!controls.has('file')) form.querySelector('.file').hidden = true;
    }
    const shown = pick('panels', PANELS);
    this.shownPanels = shown ?? new Set(PANELS);
    for (const fig of panels.children) fig.hidden = !this.shownPanels.has(fig.dataset.panel);
  }

  /**
   * A hash that names an image (a preset link, a shared URL) means that
   * image: it replaces an opened file or the camera, as choosing it in the
   * menu does, even when the state already names that image.
   */
  applyHash(hash) {
    const names = new URLSearchParams(String(hash ?? '').replace(/^#/, '')).has('image');
    if (names && this.userImage) {
      this.stopCamera();
      this.userImage = null;
      this.dirty.add('controls');
      this.invalidate('image');
    }
    return super.applyHash(hash);
  }

  start() {
    this.dirty = new Set(['kernel', 'image', 'filter', 'bank', 'controls']);
    this.timing = {};
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.stopCamera();
    this.resizeObserver?.disconnect();
    this.lanes?.filter.lane.terminate();
    this.lanes?.bank.lane.terminate();
    this.lanes = null;
  }

  relabel() {
    this.showTiming();
    this.drawTuning();
    this.showCrop();
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (KERNEL_FIELDS.has(k)) this.dirty.add('kernel');
      if (FILTER_FIELDS.has(k)) this.dirty.add('filter');
      if (BANK_FIELDS.has(k)) this.dirty.add('bank');
      if (k === 'image' || k === 'imageSize') this.dirty.add('image');
      if (k === 'build' || k === 'compute') this.dirty.add('build');
    }
    this.dirty.add('controls');
    this.schedule();
  }

  invalidate(what) {
    this.dirty.add(what);
    this.schedule();
  }

  /** Coalesce all changes of one frame into one render. */
  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    const simd = this._state.build === 'simd';
    if (!this.lanes || d.has('build')) {
      this.lanes?.filter.lane.terminate();
      this.lanes?.bank.lane.terminate();
      const inline = this._state.compute === 'inline';
      this.lanes = { filter: new Channel(createLane(simd, { inline })), bank: new Channel(createLane(simd, { inline })) };
      this.sc = null;
      d.add('image');
    }
    const lanes = this.lanes;
    this.sc = await pageCore(simd);
    // Removed (or rebuilt) while the core loaded: the lanes this render was for are gone.
    if (this.lanes !== lanes) return;
    if (d.has('image') || d.has('build')) this.setImage();
    if (d.has('kernel') || d.has('build')) this.drawKernel();
    if (d.has('filter') || d.has('image') || d.has('build')) this.requestFilter();
    const wantBank = this.shownPanels.has('orientationMap');
    if (wantBank && (d.has('bank') || d.has('image') || d.has('build'))) this.requestBank();
    if (!this.readyFired) {
      this.readyFired = true;
      this.dataset.core = `${this.sc.version} ${this.sc.simd ? 'SIMD' : 'scalar'}`;
    }
  }

  syncControls() {
    const s = this._state;
    for (const sl of SLIDERS) {
      const { input, out } = this.els[sl.name];
      const ui = sl.toUi ? sl.toUi(s[sl.name]) : s[sl.name];
      if (Math.abs(Number(input.value) - ui) >= sl.step / 2) input.value = String(ui);
      out.textContent = sl.fmt(s[sl.name]);
    }
    for (const name of SELECTS) this.els[name].select.value = s[name];
    if (this.userImage) this.els.image.select.value = 'user';
    const bw = s.sigmaMode === 'bandwidth';
    this.els.sigma.row.classList.toggle('hidden', bw);
    this.els.bandwidth.row.classList.toggle('hidden', !bw);
    // Show the derived σ next to the bandwidth so the link stays visible.
    if (bw) this.els.bandwidth.out.textContent = `${s.bandwidth.toFixed(2)} (σ ${this.params().sigma.toFixed(1)})`;
  }

  setImage() {
    const n = Number(this._state.imageSize);
    const data = this.userImage ? this.userImage(n) : makeImage(this._state.image, n, (w, hh) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = hh;
      return c;
    });
    this.image = { id: ++imageIds, data, w: n, h: n };
    drawField(this.sources.input, data, n, n, 'gray', [0, 1]);
    present(this.els.inputCanvas, this.sources.input);
    this.showCrop();
    this.lanes.filter.lane.setImage(this.image.id, data, n, n);
    this.lanes.bank.lane.setImage(this.image.id, data, n, n);
  }

  /** Under the input: the opened picture's size and the square the filters use (none for built-in images). */
  showCrop() {
    const note = this.els?.cropNote;
    if (!note) return;
    const crop = this.userImage?.crop;
    note.hidden = !crop;
    if (!crop) return;
    const n = this._state.imageSize;
    const key = crop.width === crop.height ? 'gabor.crop.none' : 'gabor.crop.centre';
    note.textContent = t(key).replace('{w}', crop.width).replace('{h}', crop.height)
      .replaceAll('{s}', crop.side).replaceAll('{n}', n);
  }

  /** Kernel in display layout (row = y, col = x; the core stores it point-reflected): one core call for both parts. */
  kernelParts(params) {
    const k = this.sc.gaborKernelPair(params);
    return { w: k.width, h: k.height, re: k.real.reverse(), im: k.imag.reverse() };
  }

  drawKernel() {
    const t0 = performance.now();
    const p = this.params();
    const k = this.kernelParts(p);
    this.kernel = k;
    const view = this._state.view;
    let shown = view === 'real' ? k.re : k.im;
    if (view === 'magnitude') shown = k.re.map((v, i) => Math.hypot(v, k.im[i]));
    const map = view === 'magnitude' ? 'sequential' : 'diverging';
    const [lo, hi] = drawField(this.els.kernelCanvas, shown, k.w, k.h, map);
    drawColourBar(this.els.barCanvas, map);
    this.els.barLo.textContent = lo.toFixed(2);
    this.els.barHi.textContent = hi.toFixed(2);
    const kernelMs = performance.now() - t0;

    // Spectrum of what is shown (the core FFT, sc.spectrum2d): real or
    // imaginary part → two lobes at ±f; the complex kernel (magnitude view)
    // → one lobe at +f.
    const spec = view === 'magnitude' ? this.sc.spectrum2d(k.re, k.im, k.w, k.h)
      : this.sc.spectrum2d(shown, null, k.w, k.h);
    drawField(this.els.spectrumCanvas, spec.data, spec.size, spec.size, 'sequential');

    this.tuning = { ...this.sc.gaborTuning(p), theta: p.theta, lambda: p.lambda };
    this.drawTuning();
    this.drawThumbs(p);
    this.timing.kernel = kernelMs;
    this.showTiming();
  }

  /**
   * The bank's real parts. They depend on every kernel parameter but θ, so
   * they are drawn again only when one of those changes; a θ tick moves the
   * highlight alone.
   */
  drawThumbs(p) {
    const n = this._state.orientations;
    const thumbs = this.els.thumbs;
    const key = JSON.stringify([n, p.sigma, p.lambda, p.gamma, p.psi, p.size, this.sc.simd]);
    if (key !== this.thumbKey) {
      this.thumbKey = key;
      while (thumbs.children.length > n) thumbs.lastChild.remove();
      while (thumbs.children.length < n) thumbs.append(h('canvas'));
      for (let i = 0; i < n; i++) {
        const kr = this.sc.gaborKernel({ ...p, theta: (i * PI) / n, part: 'real' });
        drawField(thumbs.children[i], kr.data.reverse(), kr.width, kr.height, 'diverging');
        thumbs.children[i].title = `θ = ${((i * 180) / n).toFixed(1)}°`;
      }
    }
    // Mark the bank member closest to the current θ (orientations wrap at π).
    const k = Math.round((p.theta / PI) * n) % n;
    for (let i = 0; i < n; i++) thumbs.children[i].classList.toggle('current', i === k);
  }

  drawTuning() {
    if (!this.tuning || !this.els) return;
    const { angles, simple, complex } = this.tuning;
    let max = 0;
    for (let i = 0; i < angles.length; i++) max = Math.max(max, simple[i], complex[i]);
    max ||= 1;
    this.tuningPlot.setLabels({ x: t('gabor.tuning.x'), y: t('gabor.tuning.y'), simple: t('gabor.tuning.simple'), complex: t('gabor.tuning.complex') });
    this.tuningPlot.setData(Array.from(angles, (a) => a * DEG), Array.from(simple, (v) => v / max),
      Array.from(complex, (v) => v / max), this._state.theta * DEG);
    // Say on the plot whether the two cells' curves are one line, and why.
    const key = curveGap(simple, complex) < COINCIDE ? 'gabor.tuning.same' : 'gabor.tuning.differ';
    this.els.tuningNote.dataset.i18n = key;
    this.els.tuningNote.textContent = t(key);
  }

  async requestFilter() {
    const lane = this.lanes.filter;
    const t0 = performance.now();
    this.els.busy.hidden = false;
    try {
      const r = await lane.request({ type: 'filter', imageId: this.image.id, params: this.params() });
      const view = this._state.view;
      const data = r[view === 'imag' ? 'imag' : view];
      const map = view === 'magnitude' ? 'sequential' : 'diverging';
      const [lo, hi] = drawField(this.sources.output, data, r.w, r.h, map);
      present(this.els.outputCanvas, this.sources.output);
      drawColourBar(this.els.outBar, map);
      this.els.outLo.textContent = lo.toFixed(1);
      this.els.outHi.textContent = hi.toFixed(1);
      this.timing.filter = r.ms;
      this.timing.update = performance.now() - t0;
      this.timing.n = r.w;
      this.timing.where = lane.lane.where;
      this.els.busy.hidden = !lane.queued;
      this.showTiming();
      this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'filter', ms: r.ms } }));
      if (!this.readyResolved) {
        this.readyResolved = true;
        this._resolveReady(this);
        this.dispatchEvent(new CustomEvent('ready'));
      }
    } catch (err) {
      if (!(err instanceof Superseded)) {
        this.els.busy.hidden = true;
        this.fail(err);
      }
    }
  }

  async requestBank() {
    const s = this._state;
    const p = this.params();
    try {
      const r = await this.lanes.bank.request({ type: 'bank', imageId: this.image.id, params: {
        sigma: p.sigma, lambda: p.lambda, gamma: p.gamma, psi: p.psi, size: p.size, orientations: s.orientations } });
      drawOrientationMap(this.sources.orientationMap, r.dominant, r.strength, r.w, r.h);
      present(this.els.orientationMapCanvas, this.sources.orientationMap);
      this.timing.bank = r.ms;
      this.showTiming();
      this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'bank', ms: r.ms } }));
    } catch (err) {
      if (!(err instanceof Superseded)) this.fail(err);
    }
  }

  showTiming() {
    const tm = this.timing;
    if (!tm || !this.els) return;
    const parts = [];
    if (tm.kernel !== undefined) parts.push(`${t('gabor.time.kernel')} ${tm.kernel.toFixed(1)} ms`);
    if (tm.filter !== undefined) {
      parts.push(`${t('gabor.time.filter')} ${tm.n}² ${tm.filter.toFixed(0)} ms (${t(tm.where === 'worker' ? 'gabor.time.worker' : 'gabor.time.inline')})`);
    }
    if (tm.bank !== undefined) parts.push(`${t('gabor.time.bank')} ×${this._state.orientations} ${tm.bank.toFixed(0)} ms`);
    if (this.sc) parts.push(this.sc.simd ? 'SIMD' : t('gabor.build.scalar'));
    delete this.els.timing.dataset.i18n; // from now on the line is composed here
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = parts.join(' · ');
  }

  async loadFile(file) {
    try {
      const source = await fileSource(file);
      this.stopCamera();
      this.userImage = source;
      this.dirty.add('controls');
      this.invalidate('image');
    } catch {
      this.els.timing.textContent = t('gabor.badImage');
      this.els.timing.classList.add('error');
    }
  }

  /** Camera frames as the input image, one per finished update (latest wins). */
  async toggleCamera() {
    if (this.camera) {
      this.stopCamera();
      return;
    }
    try {
      this.camera = await startCamera((source) => {
        this.userImage = source;
        this.dirty.add('controls');
        this.invalidate('image');
      }, () => !this.lanes?.filter.running && !this.lanes?.filter.queued);
      this.els.camera.dataset.i18n = 'gabor.cameraStop';
      this.els.camera.textContent = t('gabor.cameraStop');
    } catch {
      this.els.timing.textContent = t('gabor.cameraDenied');
      this.els.timing.classList.add('error');
    }
  }

  stopCamera() {
    if (!this.camera) return;
    this.camera.stop();
    this.camera = null;
    if (this.els?.camera) {
      this.els.camera.dataset.i18n = 'gabor.camera';
      this.els.camera.textContent = t('gabor.camera');
    }
  }

  downloadCsv() {
    const k = this.kernel;
    if (!k) return;
    const view = this._state.view;
    const rows = [];
    for (let y = 0; y < k.h; y++) {
      const row = [];
      for (let x = 0; x < k.w; x++) {
        const i = y * k.w + x;
        const v = view === 'real' ? k.re[i] : view === 'imag' ? k.im[i] : Math.hypot(k.re[i], k.im[i]);
        row.push(Number(v.toPrecision(7)));
      }
      rows.push(row.join(','));
    }
    download(new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }), `gabor-kernel-${view}.csv`);
  }

  /** The tuning curve currently shown, with the θ (rad) and λ it was computed for; angles in degrees. */
  get tuningData() {
    if (!this.tuning) return null;
    const { angles, simple, complex, theta, lambda } = this.tuning;
    return { degrees: Array.from(angles, (a) => a * DEG), simple: Array.from(simple), complex: Array.from(complex), theta, lambda };
  }
}
