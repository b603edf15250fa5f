// <simcore-kernels>: lecture 7's homework on one data set of heights and
// weights of men and women: (1) 1-D kernel density estimates of height and
// weight per sex, (2) 2-D density contours per sex, (3) kernel regression of
// weight on height per sex with the LOOCV curve, (4) an SVM classifying sex
// from (height, weight), with the kernel trick drawn as a lift to
// (x, y, x² + y²). Every estimate comes from the core through worker jobs
// (jobs.mjs; one latest-wins channel per view, so a slider recomputes only
// its view); this file holds the data, the state and the controls, views.mjs
// the drawing. Attributes and URL-hash fields: schema.mjs.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import { download, downloadPng } from '../shared/draw.mjs';
import { KERNELS_SCHEMA, KERNELS, C_GRID, GAMMA_GRID } from './schema.mjs';
import { parseCsv } from './csv.mjs';
import { syntheticData } from './data.mjs';
import { VIEWS } from './views.mjs';
import { summary } from './summary.mjs';
import css from './style.mjs';

export { KERNELS_SCHEMA };

const SEXES = ['m', 'f'];
const GRID1 = 201; // 1-D grid points
const GRID2 = 81; // 2-D grid side
const KDE2_METHOD = 'binned'; // linear binning + FFT: ~1 ms a sex against ~20 ms exact; its error bound is shown
const SVM_GRID = 61;
const FOLDS = 5;
const CV_SEED = 1;
const COEF0 = 1; // poly and sigmoid: (γ xᵀz + 1)^d keeps the lower-order terms

// Controls: [field, kind, view]. Sliders: range in UI units, to/from state.
const LOG = { toUi: Math.log10, fromUi: (v) => Number((10 ** v).toPrecision(4)) };
const SLIDERS = {
  hHeight: { min: 0.2, max: 15, step: 0.1, fmt: (v) => `${v.toFixed(1)} cm` },
  hWeight: { min: 0.5, max: 30, step: 0.1, fmt: (v) => `${v.toFixed(1)} kg` },
  scale2: { min: 0.25, max: 3, step: 0.05, fmt: (v) => `×${v.toFixed(2)}` },
  regH: { min: 0.5, max: 25, step: 0.1, fmt: (v) => `${v.toFixed(1)} cm` },
  C: { min: -2, max: 3, step: 0.05, ...LOG, fmt: (v) => v.toPrecision(3) },
  gamma: { min: -3, max: 2, step: 0.05, ...LOG, fmt: (v) => v.toPrecision(3) },
  degree: { min: 1, max: 5, step: 1, fmt: String },
};
const SELECTS = {
  kernel: KERNELS, rule: KERNELS_SCHEMA.rule.choices, rule2: KERNELS_SCHEMA.rule2.choices,
  regMethod: KERNELS_SCHEMA.regMethod.choices, regBw: KERNELS_SCHEMA.regBw.choices,
  svmKernel: KERNELS_SCHEMA.svmKernel.choices, addSex: SEXES, edit: KERNELS_SCHEMA.edit.choices,
};
const VIEW_CONTROLS = {
  kde1d: ['kernel', 'rule', 'hHeight', 'hWeight'],
  kde2d: ['rule2', 'scale2'],
  reg: ['regMethod', 'regBw', 'regH'],
  svm: ['svmKernel', 'C', 'gamma', 'degree'],
};
// Which views each field invalidates ('data': all of them).
const FIELD_VIEWS = {
  seed: ['data'], addedM: ['data'], addedF: ['data'], removed: ['data'],
  kernel: ['kde1d', 'kde2d', 'reg'], rule: ['kde1d'], hHeight: ['kde1d'], hWeight: ['kde1d'],
  rule2: ['kde2d'], scale2: ['kde2d'], regMethod: ['reg'], regBw: ['reg'], regH: ['reg'],
  svmKernel: ['svm', 'cv'], C: ['svm'], gamma: ['svm'], degree: ['svm', 'cv'],
};
const ALL = ['kde1d', 'kde2d', 'reg', 'svm', 'cv'];

const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
const sd = (a, m) => Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1));

export class SimcoreKernels extends SimcoreElement {
  static schema = KERNELS_SCHEMA;

  build(root) {
    adoptStyle(root, css);
    this.els = {};
    const control = (name) => {
      const id = `c-${name}`;
      const label = h('label', { for: id, dataset: { i18n: `kernels.${name}` } });
      if (SLIDERS[name]) {
        const sl = SLIDERS[name];
        const input = h('input', { type: 'range', id, min: sl.min, max: sl.max, step: sl.step });
        input.addEventListener('input', () => {
          const v = Number(input.value);
          this.setState({ [name]: sl.fromUi ? sl.fromUi(v) : v });
        });
        const out = h('output', { for: id });
        const row = h('div', { class: 'row slider' }, [label, out, input]);
        this.els[name] = { input, out, row };
        return row;
      }
      const select = h('select', { id });
      for (const c of SELECTS[name]) select.append(h('option', { value: c, dataset: { i18n: `kernels.${name}.${c}` } }));
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      const row = h('div', { class: 'row' }, [label, select]);
      this.els[name] = { select, row };
      return row;
    };
    const png = (key) => h('button', { type: 'button', text: 'PNG', title: 'PNG', dataset: { png: key },
      onclick: () => downloadPng(this.els[`${key}Canvas`], `kernels-${key}.png`) });
    const canvas = (key, extra = {}) => {
      const c = h('canvas', { role: 'img', dataset: { view: key, i18nLabel: `kernels.view.${key}` }, ...extra });
      this.els[`${key}Canvas`] = c;
      return c;
    };
    const figure = (key, children) => h('figure', { dataset: { view: key } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: `kernels.view.${key}` } }), png(key)]), ...children]);
    const section = (key, figures) => {
      const note = h('p', { class: 'note' });
      this.els[`${key}Note`] = note;
      return h('section', { class: `view v-${key}`, dataset: { section: key } }, [
        h('h3', { dataset: { i18n: `kernels.section.${key}` } }),
        h('div', { class: 'controls' }, VIEW_CONTROLS[key].map(control)),
        h('div', { class: 'figs' }, figures), note]);
    };

    // Data bar: open or paste a CSV, back to the synthetic set, the edit mode, the summary.
    const file = h('input', { type: 'file', accept: '.csv,.txt,.tsv,text/csv,text/plain', hidden: true,
      onchange: () => file.files[0] && file.files[0].text().then((text) => this.loadCsv(text, file.files[0].name)) });
    this.els.paste = h('textarea', { rows: 5, spellcheck: false });
    const pasteBox = h('div', { class: 'paste', hidden: true }, [this.els.paste,
      h('button', { type: 'button', dataset: { i18n: 'kernels.usePasted', act: 'usePasted' }, onclick: () => this.loadCsv(this.els.paste.value, '') })]);
    this.els.dataInfo = h('p', { class: 'data-info', role: 'status' });
    this.els.dataError = h('p', { class: 'data-error', role: 'alert', hidden: true });
    this.els.badRows = h('details', { class: 'bad', hidden: true }, [h('summary'), h('ul')]);
    const bar = h('div', { class: 'databar' }, [
      h('button', { type: 'button', dataset: { i18n: 'kernels.open', act: 'open' }, onclick: () => file.click() }),
      h('button', { type: 'button', dataset: { i18n: 'kernels.paste', act: 'paste' }, onclick: () => { pasteBox.hidden = !pasteBox.hidden; } }),
      h('button', { type: 'button', dataset: { i18n: 'kernels.synthetic', act: 'synthetic' }, onclick: () => this.useSynthetic() }),
      control('edit'), control('addSex'),
      h('button', { type: 'button', dataset: { i18n: 'kernels.clearEdits', act: 'clearEdits' },
        onclick: () => this.setState({ addedM: [], addedF: [], removed: '' }) }),
      h('button', { type: 'button', dataset: { i18n: 'kernels.summary', act: 'summary' }, onclick: () => this.downloadSummary() }),
      file]);

    const kde1d = section('kde1d', [figure('height', [canvas('height')]), figure('weight', [canvas('weight')])]);
    const kde2d = section('kde2d', [figure('scatter2d', [canvas('scatter2d', { class: 'clickable' })])]);
    const reg = section('reg', [figure('reg', [canvas('reg', { class: 'clickable' })]), figure('cv', [canvas('cv')])]);
    const svm = section('svm', [figure('svm', [canvas('svm', { class: 'clickable' })]),
      figure('heat', [canvas('heat', { class: 'clickable' })]), figure('lift', [canvas('lift'), this.els.liftNote = h('p', { class: 'note' })])]);

    this.els.timing = h('div', { class: 'timing', role: 'status', 'aria-live': 'polite', dataset: { i18n: 'status.loading' } });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'kernels.title' } }), this.els.timing]);
    this.els.root = h('div', { class: 'root' }, [header, bar, pasteBox, this.els.dataInfo, this.els.dataError, this.els.badRows,
      h('div', { class: 'views' }, [kde1d, kde2d, reg, svm])]);
    root.append(this.els.root);

    for (const key of ['scatter2d', 'reg', 'svm']) {
      this.els[`${key}Canvas`].addEventListener('click', (e) => this.clickScatter(key, e));
    }
    this.els.heatCanvas.addEventListener('click', (e) => this.clickHeat(e));
    // Drag the lifted view sideways to turn it.
    this.azimuth = -0.6;
    const lift = this.els.liftCanvas;
    lift.addEventListener('pointerdown', (e) => {
      const x0 = e.clientX;
      const a0 = this.azimuth;
      const move = (ev) => { this.azimuth = a0 + (ev.clientX - x0) / 80; this.drawLift(); };
      const up = () => { lift.removeEventListener('pointermove', move); lift.removeEventListener('pointerup', up); };
      lift.addEventListener('pointermove', move);
      lift.addEventListener('pointerup', up);
    });
    this.resizeObserver = new ResizeObserver(() => this.drawAll());
    this.resizeObserver.observe(this.els.root);
  }

  start() {
    this.results = {};
    this.pending = new Set();
    this.timing = {};
    this.base = { rows: syntheticData(this._state.seed), name: 'synthetic' };
    this.dirty = new Set(['controls', 'data']);
    this.els.paste.placeholder = t('kernels.pastePlaceholder');
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.lane?.terminate();
    this.cvLane?.terminate();
    this.lane = null;
    this.cvLane = null;
    this.channels = null;
  }

  relabel() {
    this.els.paste.placeholder = t('kernels.pastePlaceholder');
    this.drawAll();
    this.showInfo();
    this.showTiming();
  }

  stateChanged(changed) {
    for (const k of changed) for (const v of FIELD_VIEWS[k] ?? []) this.dirty.add(v);
    if (changed.includes('seed') && this.base.name === 'synthetic') this.base = { rows: syntheticData(this._state.seed), name: 'synthetic' };
    this.dirty.add('controls');
    this.schedule();
  }

  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    if (!this.lane) {
      // The CV grid (hundreds of trainings) gets a lane of its own, so the other views stay live meanwhile.
      const inline = this.getAttribute('compute') === 'inline';
      this.lane = createLane(true, { inline });
      this.cvLane = createLane(true, { inline });
      this.channels = Object.fromEntries(ALL.map((k) => [k, new Channel(k === 'cv' ? this.cvLane : this.lane)]));
    }
    if (d.has('data')) {
      this.makeData();
      for (const k of ALL) d.add(k);
      this.showInfo();
    }
    for (const k of ALL) if (d.has(k)) this.request(k);
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle();
      const core = await this.lane.ready;
      this.dataset.core = `${core.version} ${core.simd ? 'SIMD' : 'scalar'}`;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  syncControls() {
    const s = this._state;
    for (const [name, sl] of Object.entries(SLIDERS)) {
      const { input, out } = this.els[name];
      const ui = sl.toUi ? sl.toUi(s[name]) : s[name];
      if (Math.abs(Number(input.value) - ui) >= sl.step / 2) input.value = String(ui);
      out.textContent = sl.fmt(s[name]);
    }
    for (const name of Object.keys(SELECTS)) this.els[name].select.value = s[name];
    const hand = s.rule === 'hand';
    this.els.hHeight.row.classList.toggle('off', !hand);
    this.els.hWeight.row.classList.toggle('off', !hand);
    this.els.regH.row.classList.toggle('off', s.regBw !== 'hand');
    this.els.gamma.row.classList.toggle('off', s.svmKernel === 'linear');
    this.els.degree.row.classList.toggle('off', s.svmKernel !== 'poly');
  }

  // ---- data ----

  /** The rows every view uses: the data set without removed rows, plus the added points. */
  makeData() {
    const s = this._state;
    const removed = new Set(s.removed.split(',').filter(Boolean).map(Number));
    const rows = this.base.rows.map((r, i) => ({ sex: r.sex, height: r.height, weight: r.weight, index: i }))
      .filter((r) => !removed.has(r.index));
    for (const [sex, field] of [['m', 'addedM'], ['f', 'addedF']]) {
      s[field].forEach(([height, weight], k) => rows.push({ sex, height, weight, added: k }));
    }
    const bySex = Object.fromEntries(SEXES.map((x) => [x, rows.filter((r) => r.sex === x)]));
    // Fewer than 3 of a sex leaves the 2-D rule without a covariance: keep the last good set.
    if (SEXES.some((x) => bySex[x].length < 3)) {
      this.dataWarning = 'kernels.tooFew';
      if (this.rows) return;
    } else this.dataWarning = null;
    this.rows = rows;
    this.bySex = bySex;
    this.dataGen = (this.dataGen ?? 0) + 1;
    this.results = {}; // results of other data are never drawn over these (the canvases keep their pixels until redrawn)
    const hs = rows.map((r) => r.height);
    const ws = rows.map((r) => r.weight);
    const pad = (a, p, step) => [Math.floor((Math.min(...a) - p) / step) * step, Math.ceil((Math.max(...a) + p) / step) * step];
    this.range = { height: pad(hs, 8, 5), weight: pad(ws, 12, 10) };
    // The SVM works on standardised coordinates: z = (v − mean) / SD (n − 1), over both sexes.
    const mh = mean(hs);
    const mw = mean(ws);
    this.std = { height: [mh, sd(hs, mh)], weight: [mw, sd(ws, mw)] };
  }

  /** The student's CSV replaces the data (and drops edits made on the old one); a bad file keeps the old data. */
  loadCsv(text, name) {
    let parsed;
    try {
      parsed = parseCsv(text);
    } catch (err) {
      this.els.dataError.hidden = false;
      this.els.dataError.textContent = `${t('kernels.badCsv')}: ${err.message}`;
      return false;
    }
    this.els.dataError.hidden = true;
    this.base = { rows: parsed.rows, name: name || t('kernels.pasted'), bad: parsed.bad };
    if (!this.setState({ addedM: [], addedF: [], removed: '' }).length) this.invalidate('data');
    this.showBadRows(parsed.bad);
    return true;
  }

  useSynthetic() {
    this.base = { rows: syntheticData(this._state.seed), name: 'synthetic' };
    this.els.dataError.hidden = true;
    this.showBadRows([]);
    this.invalidate('data');
  }

  showBadRows(bad) {
    const box = this.els.badRows;
    box.hidden = !bad.length;
    box.querySelector('summary').textContent = t('kernels.badRows').replace('{n}', bad.length);
    box.querySelector('ul').replaceChildren(...bad.slice(0, 200).map((b) => h('li', { text: `${t('kernels.line')} ${b.line}: ${b.reason}` })));
  }

  invalidate(what) {
    this.dirty.add(what);
    this.schedule();
  }

  /** Add a point of the chosen sex where clicked, or (shift, or the remove mode) remove the nearest. */
  clickScatter(key, e) {
    const f = this.frames?.[key];
    if (!f) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const s = this._state;
    if (e.shiftKey || s.edit === 'remove') {
      let best = null;
      let bestD = 15 * 15; // px²: only a point near the click
      for (const r of this.rows) {
        const d = (f.X(r.height) - px) ** 2 + (f.Y(r.weight) - py) ** 2;
        if (d < bestD) { bestD = d; best = r; }
      }
      if (!best) return;
      if (best.added !== undefined) {
        const field = best.sex === 'm' ? 'addedM' : 'addedF';
        this.setState({ [field]: s[field].filter((_, k) => k !== best.added) });
      } else {
        this.setState({ removed: [...s.removed.split(',').filter(Boolean), String(best.index)].join(',') });
      }
      return;
    }
    const [height, weight] = f.inv(px, py);
    const field = s.addSex === 'm' ? 'addedM' : 'addedF';
    if (s[field].length >= KERNELS_SCHEMA[field].maxCount) return;
    this.setState({ [field]: [...s[field], [Math.round(height * 10) / 10, Math.round(weight * 10) / 10]] });
  }

  clickHeat(e) {
    const f = this.frames?.heat;
    if (!f) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const cell = f.cellAt(e.clientX - rect.left, e.clientY - rect.top);
    if (cell) this.setState({ C: C_GRID[cell.iC], gamma: this._state.svmKernel === 'linear' ? this._state.gamma : GAMMA_GRID[cell.iG] });
  }

  // ---- jobs ----

  jobFor(key) {
    const s = this._state;
    const by = this.bySex;
    const f64 = (rows, k) => Float64Array.from(rows, (r) => r[k]);
    const axis = (k, n) => ({ from: this.range[k][0], to: this.range[k][1], n });
    if (key === 'kde1d') {
      const one = (k) => ({ type: 'kernelsKde1d', kernel: s.kernel, rule: s.rule, h: k === 'height' ? s.hHeight : s.hWeight,
        grid: axis(k, GRID1), data: { m: f64(by.m, k), f: f64(by.f, k) } });
      return { type: 'pair', jobs: { height: one('height'), weight: one('weight') } };
    }
    const xy = (rows) => Float64Array.from(rows.flatMap((r) => [r.height, r.weight]));
    if (key === 'kde2d') {
      return { type: 'kernelsKde2d', kernel: s.kernel, rule: s.rule2, scale: s.scale2, method: KDE2_METHOD,
        grid: { x: axis('height', GRID2), y: axis('weight', GRID2) }, data: { m: xy(by.m), f: xy(by.f) } };
    }
    if (key === 'reg') {
      const [lo, hi] = this.range.height;
      const bandwidths = Float64Array.from({ length: 40 }, (_, k) => 0.5 * (60 ** (k / 39))); // 0.5 … 30 cm
      return { type: 'kernelsRegression', cvKey: `${this.dataGen}/${s.regMethod}/${s.kernel}`, method: s.regMethod, kernel: s.kernel, hand: s.regBw === 'hand', h: s.regH, bandwidths,
        grid: { from: lo, to: hi, n: GRID1 }, data: Object.fromEntries(SEXES.map((x) => [x, { x: f64(by[x], 'height'), y: f64(by[x], 'weight') }])) };
    }
    const { x, labels } = this.svmData();
    const params = { kernel: s.svmKernel, degree: s.degree, coef0: COEF0 };
    if (key === 'svm') {
      const z = (k, v) => (v - this.std[k][0]) / this.std[k][1];
      const zAxis = (k) => ({ from: z(k, this.range[k][0]), to: z(k, this.range[k][1]), n: SVM_GRID });
      return { type: 'kernelsSvm', ...params, C: s.C, gamma: s.gamma, x, labels, grid: { x: zAxis('height'), y: zAxis('weight') } };
    }
    return { type: 'kernelsSvmCv', ...params, C: Float64Array.from(C_GRID), gamma: s.svmKernel === 'linear' ? [1] : Float64Array.from(GAMMA_GRID),
      x, labels, folds: FOLDS, seed: CV_SEED };
  }

  /** Standardised (height, weight), interleaved, and labels: men +1, women −1. */
  svmData() {
    const [mh, sh] = this.std.height;
    const [mw, sw] = this.std.weight;
    return { x: Float64Array.from(this.rows.flatMap((r) => [(r.height - mh) / sh, (r.weight - mw) / sw])),
      labels: Int8Array.from(this.rows, (r) => (r.sex === 'm' ? 1 : -1)) };
  }

  request(key) {
    const job = this.jobFor(key);
    const ch = this.channels[key];
    const t0 = performance.now();
    // The two 1-D variables travel as one request (latest wins over the pair).
    const run = job.type === 'pair'
      ? ch.request({ type: 'kernelsKde1d', ...job.jobs.height }).then(async (height) => ({ height, weight: await this.lane.post(job.jobs.weight) }))
      : ch.request(job);
    const gen = this.dataGen;
    const p = run.then((r) => {
      if (gen !== this.dataGen) return; // computed for data since replaced: the newer request follows
      this.results[key] = r;
      this.timing[key] = { ms: key === 'kde1d' ? r.height.ms + r.weight.ms : r.ms, round: performance.now() - t0 };
      this.draw(key);
      this.showTiming();
      this.dispatchEvent(new CustomEvent('rendered', { detail: { what: key } }));
    }).catch((err) => {
      if (err instanceof Superseded) return;
      delete this.results[key]; // a view never shows numbers of other data as if they were these
      this.fail(err);
    }).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves once every view has drawn the latest state (tests, ready). */
  async whenIdle() {
    for (;;) {
      if (this.frame) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const p = [...this.pending];
      if (!p.length && !this.frame) return;
      await Promise.allSettled(p);
    }
  }

  draw(key) {
    if (key === 'kde1d') this.drawKde1d();
    else if (key === 'kde2d') this.drawKde2d();
    else if (key === 'reg') this.drawReg();
    else if (key === 'svm') { this.drawSvm(); this.drawLift(); } else if (key === 'cv') { this.drawHeat(); this.drawSvm(); }
  }

  drawAll() {
    if (!this.rows) return;
    for (const k of ALL) if (this.results[k]) this.draw(k);
  }

  showInfo() {
    if (!this.rows) return;
    const b = this.base;
    const src = b.name === 'synthetic' ? t('kernels.syntheticName') : b.name;
    const s = this._state;
    const edits = s.addedM.length + s.addedF.length;
    const removed = s.removed.split(',').filter(Boolean).length;
    this.els.dataInfo.textContent = t('kernels.dataInfo').replace('{src}', src).replace('{m}', this.bySex.m.length).replace('{f}', this.bySex.f.length)
      + (edits || removed ? ` · ${t('kernels.edits').replace('{a}', edits).replace('{r}', removed)}` : '')
      + (this.dataWarning ? ` · ${t(this.dataWarning)}` : '');
    this.els.dataInfo.classList.toggle('synthetic', b.name === 'synthetic');
  }

  showTiming() {
    const tm = this.timing;
    const parts = ALL.filter((k) => tm[k]).map((k) => `${t(`kernels.time.${k}`)} ${tm[k].ms.toFixed(1)} ms`);
    parts.push(this.lane?.where === 'worker' ? t('kernels.time.worker') : t('kernels.time.inline'));
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = parts.join(' · ');
  }

  downloadSummary() {
    const text = summary(this);
    if (text) download(new Blob([text], { type: 'text/markdown' }), 'kernels-summary.md');
    return text;
  }

  // ---- read-outs for tests and pages ----

  /** The rows every view uses: [{ sex, height, weight }]. */
  get data() {
    return (this.rows ?? []).map(({ sex, height, weight }) => ({ sex, height, weight }));
  }

  /** What the views show, as numbers: the latest results of each view's job. */
  get shown() {
    return structuredClone({ ...this.results, std: this.std, range: this.range, folds: FOLDS, cvSeed: CV_SEED, coef0: COEF0,
      cvAccuracy: this.cvAccuracy(), C_GRID, GAMMA_GRID });
  }

  /** The cross-validated accuracy at the chosen (C, γ) when it is a grid point, else null. */
  cvAccuracy() {
    const cv = this.results.cv;
    if (!cv) return null;
    const s = this._state;
    const iC = cv.C.findIndex((c) => Math.abs(c / s.C - 1) < 1e-3);
    const iG = s.svmKernel === 'linear' ? 0 : cv.gamma.findIndex((g) => Math.abs(g / s.gamma - 1) < 1e-3);
    return iC < 0 || iG < 0 ? null : cv.accuracy[iC * cv.gamma.length + iG];
  }
}

Object.assign(SimcoreKernels.prototype, VIEWS);
