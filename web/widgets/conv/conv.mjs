// <simcore-conv>: the convolution engine playground. One 2-D correlation or
// convolution of a test image with a kernel, and what the engine did: the
// method that ran (auto picks one), the separable rank, the FFT size and
// whether the image spectrum came from the cache, and the time per call.
// Attributes and URL-hash fields: conv-schema.mjs. Gabor kernels come from
// the page-thread core; the convolution runs in a compute lane (a worker).
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang, t } from '../shared/i18n.mjs';
import { makeImage } from '../shared/images.mjs';
import { autoScale, drawColourBar, drawField, present } from '../shared/draw.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import { pageCore } from '../shared/core.mjs';
import { box, gaussian, random, sobelX } from './kernels.mjs';
import css from './style.mjs';
import { CONV_SCHEMA } from './schema.mjs';

export { CONV_SCHEMA };

const DEG = 180 / Math.PI;
const RAD = { toUi: (v) => v * DEG, fromUi: (v) => v / DEG };
// Gabor's in the Gabor widget's order.
const SLIDERS = [
  { name: 'lambda', min: 2, max: 40, step: 0.5, fmt: (v) => `${v} px` },
  { name: 'theta', min: 0, max: 180, step: 1, ...RAD, fmt: (v) => `${Math.round(v * DEG)}°` },
  { name: 'sigma', min: 1, max: 12, step: 0.25, fmt: (v) => `${v} px` },
  { name: 'gamma', min: 0.3, max: 1.5, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'psi', min: -180, max: 180, step: 5, ...RAD, fmt: (v) => `${Math.round(v * DEG)}°` },
  { name: 'gaussSigma', min: 0.5, max: 12, step: 0.25, fmt: (v) => `${v} px` },
  { name: 'ksize', min: 1, max: 127, step: 1, fmt: (v) => `${v} px` },
];
const SELECTS = ['op', 'border', 'method', 'rankTol', 'build', 'image', 'imageSize', 'kernel'];
// Which kernels each kernel control belongs to.
const FOR_KERNEL = {
  theta: ['gabor'], lambda: ['gabor'], sigma: ['gabor'], gamma: ['gabor'], psi: ['gabor'], autoSize: ['gabor'],
  gaussSigma: ['gaussian'], ksize: ['gabor', 'box', 'random'], reroll: ['random'],
};
const KERNEL_FIELDS = new Set(['kernel', 'theta', 'lambda', 'sigma', 'gamma', 'psi', 'autoSize', 'gaussSigma', 'ksize', 'seed']);
const TIMING_WINDOW = 7; // median over the last calls in the same regime

let imageIds = 0;

/** Short numbers for colour-bar ends. */
function fmt(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100 || a < 0.01) return v.toExponential(1);
  return v.toPrecision(2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const timeText = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`);

export class SimcoreConv extends SimcoreElement {
  static schema = CONV_SCHEMA;

  build(root) {
    adoptStyle(root, css);
    this.els = {};
    const row = (name, control, out) => {
      const r = h('div', { class: 'row' }, [h('label', { for: control.id, dataset: { i18n: `conv.${name}` } }), out, control]);
      this.els[name] = { ...this.els[name], row: r };
      return r;
    };
    for (const sl of SLIDERS) {
      const input = h('input', { type: 'range', id: `c-${sl.name}`, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        this.setState({ [sl.name]: sl.fromUi ? sl.fromUi(v) : v });
      });
      this.els[sl.name] = { input, out: h('output', { for: input.id }), sl };
      row(sl.name, input, this.els[sl.name].out);
    }
    for (const name of SELECTS) {
      const select = h('select', { id: `c-${name}`, name });
      for (const c of CONV_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `conv.${name}.${c}` } }));
      if (name === 'imageSize') for (const o of select.options) o.removeAttribute('data-i18n'), (o.textContent = `${o.value} × ${o.value}`);
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      this.els[name] = { select };
      row(name, select);
    }
    const auto = h('input', { type: 'checkbox', id: 'c-autoSize', name: 'autoSize' });
    // Unticking starts from the size the core chose.
    auto.addEventListener('change', () => this.setState(auto.checked ? { autoSize: true }
      : { autoSize: false, ksize: this.kernel?.width ?? this._state.ksize }));
    this.els.autoSize = { input: auto, row: h('label', { class: 'check' }, [auto, h('span', { dataset: { i18n: 'conv.autoSize' } })]) };
    const reroll = h('button', { type: 'button', id: 'c-reroll', dataset: { i18n: 'conv.reroll' },
      onclick: () => this.setState({ seed: this._state.seed % CONV_SCHEMA.seed.max + 1 }) });
    this.els.reroll = { row: h('div', { class: 'buttons' }, [reroll]) };

    const group = (key, names) => h('fieldset', {}, [h('legend', { dataset: { i18n: `conv.group.${key}` } }),
      ...names.map((n) => this.els[n].row)]);
    const form = h('form', { onsubmit: (e) => e.preventDefault() }, [
      group('engine', ['op', 'border', 'method', 'rankTol', 'build']),
      group('kernel', ['kernel', 'lambda', 'theta', 'psi', 'sigma', 'gamma', 'gaussSigma', 'autoSize', 'ksize', 'reroll']),
      group('input', ['image', 'imageSize']),
    ]);

    const bar = (key) => {
      this.els[`${key}Lo`] = h('span');
      this.els[`${key}Hi`] = h('span');
      this.els[`${key}Bar`] = h('canvas');
      return h('div', { class: 'bar' }, [this.els[`${key}Lo`], this.els[`${key}Bar`], this.els[`${key}Hi`]]);
    };
    const panel = (key, canvasClass, extra = []) => {
      const canvas = h('canvas', { class: canvasClass, role: 'img', dataset: { panel: key, i18nLabel: `conv.panel.${key}` } });
      this.els[`${key}Canvas`] = canvas;
      return h('figure', { dataset: { panel: key } }, [
        h('figcaption', {}, [h('span', { dataset: { i18n: `conv.panel.${key}` } })]), canvas, ...extra]);
    };
    this.els.kernelSize = h('span', { class: 'size' });
    const inputFig = panel('input', 'img');
    const kernelFig = panel('kernel', 'img px', [bar('kernel')]);
    kernelFig.querySelector('figcaption').append(this.els.kernelSize);
    const outputFig = panel('output', 'img', [bar('output')]);

    const readout = h('dl', { class: 'readout' });
    for (const key of ['time', 'method', 'rank', 'fft', 'cache']) {
      this.els[`read-${key}`] = h('dd', { dataset: { read: key }, text: '–' });
      readout.append(h('div', {}, [h('dt', { dataset: { i18n: `conv.read.${key}` } }), this.els[`read-${key}`]]));
    }
    this.els.error = h('p', { class: 'error', role: 'alert', hidden: true });
    const readFig = h('figure', { class: 'wide', dataset: { panel: 'readout' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'conv.panel.readout' } })]), readout, this.els.error]);

    this.els.timing = h('div', { class: 'timing', role: 'status', 'aria-live': 'polite', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'conv.title' } }), this.els.lang, this.els.timing]);
    const panels = h('div', { class: 'panels' }, [inputFig, kernelFig, outputFig, readFig]);
    root.append(h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, panels])]));

    // Images draw at data resolution off screen, then scale to their box.
    this.sources = { input: document.createElement('canvas'), output: document.createElement('canvas') };
    this.resizeObserver = new ResizeObserver(() => {
      for (const k of Object.keys(this.sources)) if (this.sources[k].width > 0) present(this.els[`${k}Canvas`], this.sources[k]);
    });
    this.resizeObserver.observe(inputFig);
  }

  start() {
    this.dirty = new Set(['kernel', 'image', 'build']);
    this.timings = [];
    this.timingKey = '';
    this.renders = 0;
    this.version = 0; // counts state changes; "ready" means the output of the latest
    this.dataset.state = 'pending';
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.lane?.lane.terminate();
    this.lane = null;
  }

  relabel() {
    this.showStatus();
    this.showReadout();
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (KERNEL_FIELDS.has(k)) this.dirty.add('kernel');
      if (k === 'image' || k === 'imageSize') this.dirty.add('image');
      if (k === 'build' || k === 'compute') this.dirty.add('build');
    }
    this.version++;
    this.dataset.state = 'pending';
    this.schedule();
  }

  /** One render per frame: redraw what changed, then one convolution with the latest state. */
  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    this.syncControls();
    const simd = this._state.build === 'simd';
    if (!this.lane || d.has('build')) {
      this.lane?.lane.terminate();
      this.lane = new Channel(createLane(simd, { inline: this._state.compute === 'inline' }));
      d.add('image');
      d.add('kernel'); // the Gabor kernel comes from that build's core
    }
    const lane = this.lane;
    this.sc = await pageCore(simd);
    // Removed (or rebuilt) while the core loaded: the lane this render was for is gone.
    if (this.lane !== lane) return;
    this.dataset.core = `${this.sc.version} ${this.sc.simd ? 'SIMD' : 'scalar'}`;
    this.showStatus();
    if (d.has('image')) this.setImage();
    if (d.has('kernel')) this.drawKernel();
    this.requestConv();
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
    this.els.autoSize.input.checked = s.autoSize;
    for (const [name, kernels] of Object.entries(FOR_KERNEL)) this.els[name].row.hidden = !kernels.includes(s.kernel);
    this.els.ksize.input.disabled = s.kernel === 'gabor' && s.autoSize;
    // The rank tolerance only matters where the separable method can run.
    this.els.rankTol.select.disabled = s.method === 'direct' || s.method === 'fft';
  }

  setImage() {
    const n = Number(this._state.imageSize);
    const data = makeImage(this._state.image, n, (w, hh) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = hh;
      return c;
    });
    this.image = { id: ++imageIds, data, n };
    drawField(this.sources.input, data, n, n, 'gray', [0, 1]);
    present(this.els.inputCanvas, this.sources.input);
    this.lane.lane.setImage(this.image.id, data, n, n);
  }

  makeKernel() {
    const s = this._state;
    switch (s.kernel) {
      case 'gabor': {
        const p = { sigma: s.sigma, theta: s.theta, lambda: s.lambda, gamma: s.gamma, psi: s.psi };
        if (!s.autoSize) p.size = s.ksize;
        const k = this.sc.gaborKernel(p);
        return { width: k.width, height: k.height, data: k.data };
      }
      case 'gaussian': return gaussian(s.gaussSigma);
      case 'box': return box(s.ksize);
      case 'sobel-x': return sobelX();
      default: return random(s.ksize, s.seed);
    }
  }

  /** The kernel is drawn as the array the engine slides over the image (correlation's view). */
  drawKernel() {
    const k = this.makeKernel();
    this.kernel = k;
    const [lo, hi] = drawField(this.els.kernelCanvas, k.data, k.width, k.height, 'diverging');
    drawColourBar(this.els.kernelBar, 'diverging');
    this.els.kernelLo.textContent = fmt(lo);
    this.els.kernelHi.textContent = fmt(hi);
    this.els.kernelSize.textContent = `${k.width} × ${k.height}`;
    if (this._state.kernel === 'gabor' && this._state.autoSize) {
      // Show the size the core chose on the (disabled) size slider.
      this.els.ksize.input.value = String(k.width);
      this.els.ksize.out.textContent = `${k.width} px`;
    }
  }

  async requestConv() {
    const s = this._state;
    const k = this.kernel;
    const version = this.version;
    const job = {
      type: 'conv', imageId: this.image.id, op: s.op, border: s.border, method: s.method, rankTol: Number(s.rankTol),
      kernel: { width: k.width, height: k.height, data: k.data.slice() },
    };
    try {
      const r = await this.lane.request(job);
      this.showResult(r, job);
    } catch (err) {
      if (!(err instanceof Superseded)) this.fail(err);
      return;
    }
    this.renders++;
    this.dataset.renders = String(this.renders);
    if (version === this.version) this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'conv', ms: this.result?.ms } }));
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  showResult(r, job) {
    if (r.error) {
      // Bad combinations are the engine's answer, not a widget failure: show them.
      this.result = null;
      this.els.error.hidden = false;
      this.els.error.textContent = r.error;
      this.showReadout();
      return;
    }
    this.els.error.hidden = true;
    this.els.error.textContent = '';
    // Timings of different regimes do not mix: a new window when anything
    // but the kernel's values changes.
    const key = [this._state.build, job.method, r.info.method, r.w, job.kernel.width, job.kernel.height, job.border, job.op].join();
    if (key !== this.timingKey) {
      this.timings = [];
      this.timingKey = key;
    }
    this.timings.push(r.ms);
    if (this.timings.length > TIMING_WINDOW) this.timings.shift();
    this.result = r;
    const { map, range } = autoScale(r.out);
    drawField(this.sources.output, r.out, r.w, r.h, map, range);
    present(this.els.outputCanvas, this.sources.output);
    drawColourBar(this.els.outputBar, map);
    this.els.outputLo.textContent = fmt(range[0]);
    this.els.outputHi.textContent = fmt(range[1]);
    this.els.outputCanvas.dataset.map = map;
    this.showReadout();
  }

  showReadout() {
    const r = this.result;
    const info = r?.info;
    const set = (key, text) => { this.els[`read-${key}`].textContent = text; };
    set('time', r ? `${timeText(median(this.timings))} (${t('conv.medianOf').replace('{n}', this.timings.length)})` : '–');
    set('method', info ? info.method : '–');
    set('rank', info?.method === 'separable' ? String(info.rank) : '–');
    set('fft', info?.method === 'fft' && info.fftWidth ? `${info.fftWidth} × ${info.fftHeight}` : '–');
    set('cache', info?.method === 'fft' ? t(info.cacheHit ? 'conv.cache.hit' : 'conv.cache.miss') : '–');
  }

  showStatus() {
    if (!this.sc) return;
    const key = this.sc.simd ? 'conv.status.simd' : this._state.build === 'simd' ? 'conv.status.noSimd' : 'conv.status.scalar';
    delete this.els.timing.dataset.i18n; // composed here from now on
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = `simcore ${this.sc.version} · ${t(key)}`;
  }
}
