// <simcore-hopfield>: a Hopfield network the student draws on. Stored
// patterns (built-in digits, letters, random, or the student's drawings),
// corruption, recall neuron by neuron, sweep by sweep or animated, at
// temperature T (Glauber units) or by annealing; energy trace, overlaps,
// weight matrix and the capacity curve. All numerics are the core's
// (sc.hopfield, sc.hopfieldCapacity; conventions in docs/hopfield.md);
// this file keeps the schedule of updates and draws.
// Attributes and URL-hash fields: hopfield-schema.mjs.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { drawField, downloadPng, present } from '../shared/draw.mjs';
import { NeuronGrid, drawPattern } from './grid.mjs';
import { LinePlot } from './plots.mjs';
import { eraseBlock, flipNoise, patternSet, resample, rng, SET_SIZES } from './patterns.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import { pageCore } from '../shared/core.mjs';
import uplotCss from 'uplot/dist/uPlot.min.css';
import css from './style.mjs';
import { HOPFIELD_SCHEMA } from './schema.mjs';
import { decodeGrids, encodeGrids } from '../shared/grid-bits.mjs';

export { HOPFIELD_SCHEMA };

const SLIDERS = [
  { name: 'size', min: 8, max: 32, step: 1, fmt: (v) => `${v}×${v}` },
  { name: 'count', min: 0, max: 40, step: 1, fmt: (v) => String(v) },
  { name: 'temperature', min: 0, max: 3, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'noise', min: 0, max: 50, step: 1, fmt: (v) => `${v} %` },
  { name: 'speed', min: 0.25, max: 30, step: 0.25, fmt: (v) => `${v.toFixed(2)}/s` },
  { name: 'annealFrom', min: 0.05, max: 5, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'annealTo', min: 0.01, max: 1, step: 0.01, fmt: (v) => v.toFixed(2) },
  { name: 'annealSweeps', min: 2, max: 500, step: 1, fmt: (v) => String(v) },
];
const SELECTS = ['set', 'rule', 'mode', 'build'];
const PANELS = ['grid', 'controls', 'patterns', 'energy', 'weights', 'capacity'];
const MAX_OWN = HOPFIELD_SCHEMA.drawn.maxCount; // drawings the student can add (and a link can hold)
const MAX_POINTS = 5000; // energy trace length kept
// Capacity chart: random patterns on n neurons (the schema's capacityN and
// capacityTrials), 10 % noise, exact recall and final overlap.
const CAPACITY = { noise: 0.1, loads: Array.from({ length: 15 }, (_, k) => 0.02 * (k + 1)) };
const CAP_RULES = ['hebb', 'storkey', 'pseudoinverse'];
const AMIT_LOAD = 0.138; // Amit, Gutfreund and Sompolinsky 1985

export class SimcoreHopfield extends SimcoreElement {
  static schema = HOPFIELD_SCHEMA;

  build(root) {
    this.els = {};
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => this.setState({ [sl.name]: Number(input.value) }));
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `hopfield.${sl.name}` } }), out, input]);
      this.els[sl.name] = { input, out, row };
    }
    for (const name of SELECTS) {
      const id = `c-${name}`;
      const select = h('select', { id, name });
      for (const c of HOPFIELD_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `hopfield.${name}.${c}` } }));
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `hopfield.${name}` } }), select]);
      this.els[name] = { select, row };
    }
    const group = (key, names) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...names.map((n) => this.els[n].row)]);
    form.append(
      group('hopfield.group.memory', ['set', 'count', 'rule', 'size']),
      group('hopfield.group.dynamics', ['mode', 'temperature', 'speed', 'noise']),
      group('hopfield.group.anneal', ['annealFrom', 'annealTo', 'annealSweeps']),
      this.els.build.row,
    );

    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    this.els.grid = h('canvas', { class: 'grid', role: 'img', dataset: { i18nLabel: 'hopfield.panel.grid' } });
    this.gridView = new NeuronGrid(this.els.grid, () => this.s, (i, v, first) => this.paintCell(i, v, first), () => this.paintEnd());
    this.els.play = button('hopfield.play', () => this.toggleRun(), 'primary');
    this.els.stepBtn = button('hopfield.step', () => this.stepNeuron());
    const recallBar = h('div', { class: 'tools' }, [
      this.els.play, this.els.stepBtn, button('hopfield.sweep', () => this.stepSweep()),
      button('hopfield.anneal', () => this.startAnneal()),
    ]);
    const editBar = h('div', { class: 'tools' }, [
      button('hopfield.corrupt', () => this.corrupt()), button('hopfield.erase', () => this.erase()),
      button('hopfield.randomState', () => this.randomState()), button('hopfield.clear', () => this.clearState()),
      button('hopfield.invert', () => this.invert()), button('hopfield.store', () => this.storeDrawing()),
    ]);
    this.els.info = h('p', { class: 'info', role: 'status', 'aria-live': 'polite' });
    const gridFig = h('figure', { class: 'gridfig', dataset: { panel: 'grid' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.grid' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.exportPng() })]),
      this.els.grid, this.els.info, recallBar, editBar,
      h('p', { class: 'note', dataset: { i18n: 'hopfield.drawHint' } }),
    ]);

    this.els.thumbs = h('div', { class: 'thumbs' });
    this.els.forget = button('hopfield.forget', () => this.forgetOwn());
    const patternsFig = h('figure', { dataset: { panel: 'patterns' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.patterns' } }), this.els.forget]),
      this.els.thumbs, h('p', { class: 'note', dataset: { i18n: 'hopfield.patternsHint' } })]);

    const energyBox = h('div', { class: 'plot' });
    this.energyPlot = new LinePlot(energyBox, { height: 150, series: [{ stroke: '#2456c7', width: 1.5 }] });
    const energyFig = h('figure', { dataset: { panel: 'energy' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.energy' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.energyPlot.canvas && downloadPng(this.energyPlot.canvas, 'hopfield-energy.png') })]),
      energyBox]);

    this.els.weights = h('canvas', { class: 'img', role: 'img', dataset: { i18nLabel: 'hopfield.panel.weights' } });
    this.els.weightsView = h('select', { name: 'weights', 'aria-label': 'W' });
    for (const c of HOPFIELD_SCHEMA.weights.choices) this.els.weightsView.append(h('option', { value: c, dataset: { i18n: `hopfield.weights.${c}` } }));
    this.els.weightsView.addEventListener('change', () => this.setState({ weights: this.els.weightsView.value }));
    this.els.weightsNote = h('span');
    this.els.wLo = h('span');
    this.els.wHi = h('span');
    const weightsFig = h('figure', { dataset: { panel: 'weights' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.weights' } }), this.els.weightsView,
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => downloadPng(this.weightSource, 'hopfield-weights.png') })]),
      this.els.weights, h('div', { class: 'range' }, [this.els.wLo, this.els.weightsNote, this.els.wHi])]);

    const capBox = h('div', { class: 'plot' });
    this.capacityPlot = new LinePlot(capBox, { height: 170, x: { range: [0, 0.31] }, y: { range: [0, 1.02] }, series: [
      // Each series its own colour (and the overlap dashed): the legend swatches must tell them apart.
      { stroke: '#c0392b', width: 2, points: true }, { stroke: '#d0528f', width: 1.5, dash: [5, 4] },
      { stroke: '#2a9d5c', width: 2 }, { stroke: '#6a3fb5', width: 2 }] });
    this.els.capBtn = button('hopfield.capacity.compute', () => (this.capRun ? this.stopCapacity() : this.computeCapacity()));
    this.els.capInfo = h('p', { class: 'note', dataset: { i18n: 'hopfield.capacity.note' } });
    this.els.capN = h('select', { id: 'c-capacityN', name: 'capacityN' },
      HOPFIELD_SCHEMA.capacityN.choices.map((c) => h('option', { value: c, text: c })));
    this.els.capN.addEventListener('change', () => this.setState({ capacityN: this.els.capN.value }));
    const tr = HOPFIELD_SCHEMA.capacityTrials;
    this.els.capTrials = h('input', { type: 'range', id: 'c-capacityTrials', name: 'capacityTrials', min: tr.min, max: tr.max, step: 1 });
    this.els.capTrials.addEventListener('input', () => this.setState({ capacityTrials: Number(this.els.capTrials.value) }));
    this.els.capTrialsOut = h('output', { for: 'c-capacityTrials' });
    const capControls = h('div', { class: 'capctl' }, [
      h('span', {}, [h('label', { for: 'c-capacityN', dataset: { i18n: 'hopfield.capacityN' } }), this.els.capN]),
      h('span', { class: 'trials' }, [h('label', { for: 'c-capacityTrials', dataset: { i18n: 'hopfield.capacityTrials' } }),
        this.els.capTrials, this.els.capTrialsOut])]);
    const capacityFig = h('figure', { class: 'wide', dataset: { panel: 'capacity' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.capacity' } }), this.els.capBtn]),
      capControls, capBox, this.els.capInfo]);

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'hopfield.title' } }), this.els.lang, this.els.timing]);
    const side = h('div', { class: 'side' }, [patternsFig, energyFig, weightsFig]);
    // One grid of four areas (hopfield-style.mjs): the neurons come first on a phone.
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [gridFig, form, side, capacityFig])]);
    adoptStyle(root, css + uplotCss);
    root.append(this.els.root);
    this.applyLayout(form);

    this.weightSource = document.createElement('canvas');
    this.resizeObserver = new ResizeObserver(() => {
      if (this.s) this.drawGrid();
      if (this.weightSource.width > 0) this.presentWeights();
      this.energyPlot.resize();
      this.capacityPlot.resize();
    });
    this.resizeObserver.observe(gridFig);
    this.resizeObserver.observe(energyFig);
    this.resizeObserver.observe(capacityFig);
  }

  /**
   * Layout attribute (not state): `panels="grid,energy"` shows only the named
   * parts (grid, controls, patterns, energy, weights, capacity), for a slide
   * with little room. Unknown names are ignored; missing = all.
   */
  applyLayout(form) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    for (const fig of this.els.root.querySelectorAll('figure[data-panel]')) fig.hidden = !names.has(fig.dataset.panel);
    form.hidden = !names.has('controls');
    this.els.root.querySelector('.layout').classList.toggle('no-form', form.hidden); // no empty controls column
  }

  start() {
    this.own = []; // the student's drawings: { bits, size }, decoded from the `drawn` field
    this.capacity = null;
    this.highlight = -1;
    this.dirty = new Set(['net', 'controls']);
    if (this._state.neurons) this.dirty.add('neurons'); // a state given as an attribute
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.pause();
    this.net?.dispose();
    this.net = null;
    this.stopCapacity();
    this.lane?.lane.terminate();
    this.lane = null;
    this.energyPlot.destroy();
    this.capacityPlot.destroy();
  }

  relabel() {
    if (this.W) this.drawWeightView();
    this.drawEnergy();
    this.drawCapacity();
    this.showInfo();
    this.showTiming();
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (['size', 'set', 'count', 'seed', 'build'].includes(k)) this.dirty.add('net');
      else if (k === 'rule') this.dirty.add('store');
      // Text the widget wrote itself (a stored drawing, an edit) needs nothing;
      // text from outside (a link, an attribute) is applied.
      else if (k === 'drawn' && this._state.drawn !== this.ownText) this.dirty.add('store');
      else if (k === 'neurons' && this._state.neurons !== this.neuronsText) this.dirty.add('neurons');
      else if (k === 'capacityN' || k === 'capacityTrials') this.dirty.add('capacity');
      else if (k === 'mode' || k === 'temperature') this.dirty.add('info');
      else if (k === 'weights') this.dirty.add('weights');
    }
    this.dirty.add('controls');
    this.schedule();
  }

  fail(err) {
    this.pause();
    super.fail(err);
  }

  async render() {
    // Load the core first, then take the dirty set: a render that waited for
    // the core must not act on a set a later render (say, after a link's hash
    // came in) also acts on; from here on a render runs without a pause.
    const simd = this._state.build === 'simd';
    if (!this.sc || this.sc.simd !== simd) this.sc = await pageCore(simd);
    if (this.sc.simd !== (this._state.build === 'simd')) { // the build changed meanwhile: the next render loads it
      this.schedule();
      return;
    }
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    if (d.has('net') || !this.net) this.rebuild(d.has('neurons'));
    if (d.has('store') && !d.has('net')) this.storePatterns(); // rebuild() stores too
    if (d.has('neurons') && !d.has('net')) this.applyNeurons();
    if (d.has('info')) this.showInfo();
    // New chart settings recompute a chart already shown or under way (latest wins).
    if (d.has('capacity') && (this.capacity || this.capRun)) this.computeCapacity();
    if (d.has('weights') && !d.has('net') && !d.has('store')) this.drawWeights();
    if (!this.readyFired) {
      this.readyFired = true;
      this.dataset.core = `${this.sc.version} ${this.sc.simd ? 'SIMD' : 'scalar'}`;
      this.showTiming();
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  syncControls() {
    const s = this._state;
    for (const sl of SLIDERS) {
      const { input, out } = this.els[sl.name];
      if (Math.abs(Number(input.value) - s[sl.name]) >= sl.step / 2) input.value = String(s[sl.name]);
      out.textContent = sl.fmt(s[sl.name]);
    }
    for (const name of SELECTS) this.els[name].select.value = s[name];
    this.els.weightsView.value = s.weights;
    // Sliders say how many the set really has.
    this.els.count.out.textContent = String(Math.min(s.count, SET_SIZES[s.set]));
    this.els.stepBtn.disabled = s.mode === 'sync';
    this.els.capN.value = s.capacityN;
    this.els.capTrials.value = String(s.capacityTrials);
    this.els.capTrialsOut.textContent = String(s.capacityTrials);
  }

  /**
   * New network for the grid size; patterns from the set, drawings resampled;
   * the state from a link (`neurons`, when it came with this change) or else
   * the first pattern, corrupted (and `neurons` cleared: a link then derives it).
   */
  rebuild(linked) {
    this.pause();
    const s = this._state;
    this.size = s.size;
    this.n = s.size * s.size;
    this.random = rng(s.seed * 7919 + 17);
    this.s = new Int8Array(this.n).fill(-1);
    this.storePatterns();
    const given = linked ? this.linkedNeurons() : null;
    if (given) {
      this.s = given;
    } else if (this.patterns.length) {
      this.s = Int8Array.from(this.patterns[0].bits);
      flipNoise(this.s, s.noise / 100, this.random);
    }
    this.setNetState();
    if (given) this.keepNeurons();
    else if (s.neurons) {
      this.neuronsText = '';
      this.setState({ neurons: '' });
    }
  }

  /** The state in the `neurons` field at this grid size (resampled if a link gave another size), or null. */
  linkedNeurons() {
    const g = decodeGrids(this._state.neurons, HOPFIELD_SCHEMA.neurons)?.[0];
    if (!g) return null;
    return g.size === this.size ? g.bits : resample(g.bits, g.size, this.size);
  }

  /** A state from a link or an attribute, on the current network. */
  applyNeurons() {
    const given = this.linkedNeurons();
    if (!given) return;
    this.pause();
    this.s = given;
    this.setNetState();
    this.keepNeurons();
  }

  /** Write the current state to the `neurons` field (and so to the page's URL hash). */
  keepNeurons() {
    const text = encodeGrids([{ size: this.size, bits: this.s }]);
    this.neuronsText = text;
    this.setState({ neurons: text });
  }

  /** Store the set's patterns and the drawings with the chosen rule (a new network: W from scratch). */
  storePatterns() {
    const s = this._state;
    const t0 = performance.now();
    this.own = decodeGrids(s.drawn, HOPFIELD_SCHEMA.drawn) ?? [];
    this.ownText = s.drawn;
    this.patterns = [
      ...patternSet(s.set, s.size, s.count, s.seed),
      ...this.own.map((o, k) => ({ label: `✎${k + 1}`, own: k, bits: o.size === s.size ? o.bits : resample(o.bits, o.size, s.size) })),
    ];
    this.net?.dispose();
    this.net = this.sc.hopfield(this.n);
    this.net.seed(s.seed);
    // With no pattern W stays zero (every field 0: all neurons go to +1).
    if (this.patterns.length) this.net.store(this.patterns.map((p) => p.bits), { rule: s.rule });
    this.storeMs = performance.now() - t0;
    this.drawThumbs(); // before the state: the overlap bars must match the new patterns
    if (this.s) this.setNetState();
    this.drawWeights();
    this.drawCapacity();
    this.showTiming();
  }

  /** Push the JS copy of the state to the network and restart the traces. */
  setNetState() {
    this.net.setState(this.s);
    this.highlight = -1;
    this.status = null;
    this.perm = null; // a fresh order: a fixed point means a whole sweep without a flip
    this.time = 0;
    this.history = [];
    this.trace = { x: [0], y: [this.net.energy()] };
    this.refresh();
  }

  refresh() {
    if (this.highlight >= 0) this.focus = this.highlight;
    if (this.W && this._state.weights === 'neuron' && this.focus !== this.shownFocus) this.drawWeightView();
    this.drawGrid();
    this.drawOverlaps();
    this.drawEnergy();
    this.showInfo();
  }

  drawGrid() {
    this.gridView.draw(this.s, this.size, this.highlight);
  }

  // ---- editing ----

  paintCell(i, v, first) {
    if (first) this.pause();
    this.focus = i;
    if (this.s[i] === v) return;
    this.s[i] = v;
    this.highlight = -1;
    this.drawGrid();
  }

  paintEnd() {
    this.setNetState();
    this.keepNeurons();
    this.dispatchEvent(new CustomEvent('edit', { detail: { state: Int8Array.from(this.s) } }));
  }

  edit(fn) {
    this.pause();
    fn(this.s);
    this.setNetState();
    this.keepNeurons();
  }

  corrupt() { this.edit((s) => flipNoise(s, this._state.noise / 100, this.random)); }
  erase() { this.edit((s) => eraseBlock(s, this.size, this.random)); }
  randomState() { this.edit((s) => { for (let i = 0; i < s.length; i++) s[i] = this.random() < 0.5 ? -1 : 1; }); }
  clearState() { this.edit((s) => s.fill(-1)); }
  invert() { this.edit((s) => { for (let i = 0; i < s.length; i++) s[i] = -s[i]; }); }

  /** A stored pattern becomes the state (then corrupt it and recall). */
  loadPattern(k) {
    const p = this.patterns[k];
    if (p) this.edit((s) => s.set(p.bits));
  }

  /** The drawing joins the stored patterns and the `drawn` field, while a link has room for it. */
  storeDrawing() {
    if (this.patterns.length >= this.n) return;
    const text = encodeGrids([...this.own, { size: this.size, bits: this.s }]);
    if (this.own.length >= MAX_OWN || text.length > HOPFIELD_SCHEMA.drawn.maxLength) {
      this.status = 'full';
      this.showInfo();
      return;
    }
    this.pause();
    this.ownText = text;
    this.setState({ drawn: text });
    this.storePatterns();
  }

  forgetOwn() {
    if (!this.own.length) return;
    this.pause();
    this.ownText = '';
    this.setState({ drawn: '' });
    this.storePatterns();
  }

  // ---- dynamics ----

  /** A fresh random order of all neurons (one per sweep, from the widget's seeded generator). */
  newOrder() {
    const perm = this.perm ?? new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) perm[i] = i;
    for (let i = this.n - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    this.perm = perm;
    this.cursor = 0;
    this.sweepFlips = 0;
  }

  /**
   * Up to `count` asynchronous updates (neurons in the current order) at
   * temperature T. Returns true at a T = 0 fixed point: a whole order
   * (sweep) without a flip, which stops the updates there.
   */
  advanceAsync(count, T) {
    while (count > 0) {
      if (!this.perm || this.cursor >= this.n) this.newOrder();
      const k = Math.min(count, this.n - this.cursor);
      const order = this.perm.subarray(this.cursor, this.cursor + k);
      this.cursor += k;
      count -= k;
      this.sweepFlips += this.net.step({ mode: 'async', temperature: T, order });
      this.highlight = order[k - 1];
      this.time += k / this.n;
      if (this.cursor >= this.n && T === 0 && this.sweepFlips === 0) return true;
    }
    return false;
  }

  /** One synchronous sweep; returns 'fixed', 'cycle' (T = 0 2-cycle: s(t+1) = s(t−1) ≠ s(t)) or ''. */
  advanceSync(T) {
    const flips = this.net.step({ mode: 'sync', temperature: T });
    this.time += 1;
    const state = this.net.state;
    this.history.push(state);
    if (this.history.length > 3) this.history.shift();
    this.highlight = -1;
    if (T > 0) return '';
    if (flips === 0) return 'fixed';
    const hs = this.history;
    if (hs.length === 3 && hs[0].every((v, i) => v === hs[2][i])) return 'cycle';
    return '';
  }

  /** Read the state back and add an energy point at the current time (in sweeps). */
  record() {
    this.s = this.net.state;
    const tr = this.trace;
    tr.x.push(this.time);
    tr.y.push(this.net.energy());
    if (tr.x.length > MAX_POINTS) {
      tr.x.splice(0, tr.x.length - MAX_POINTS);
      tr.y.splice(0, tr.y.length - MAX_POINTS);
    }
  }

  stepNeuron() {
    if (this._state.mode !== 'async') return;
    this.pause();
    const fixed = this.advanceAsync(1, this._state.temperature);
    this.record();
    this.status = fixed ? 'fixed' : null;
    this.refresh();
    this.keepNeurons();
  }

  stepSweep() {
    this.pause();
    const T = this._state.temperature;
    if (this._state.mode === 'sync') {
      this.status = this.advanceSync(T) || null;
      this.record();
    } else {
      // The rest of the current order, or a whole new one.
      const k = this.perm && this.cursor < this.n ? this.n - this.cursor : this.n;
      this.status = this.advanceAsync(k, T) ? 'fixed' : null;
      this.record();
    }
    this.refresh();
    this.keepNeurons();
  }

  toggleRun() {
    if (!this.running) return this.run('recall');
    this.pause();
    this.keepNeurons();
  }

  startAnneal() {
    this.pause();
    this.run('anneal');
  }

  run(kind) {
    this.running = { kind, k: 0, budget: 0, last: performance.now() };
    this.status = null;
    this.els.play.dataset.i18n = 'hopfield.pause';
    this.els.play.textContent = t('hopfield.pause');
    this.loop = requestAnimationFrame((now) => this.tick(now));
  }

  pause() {
    if (this.loop) cancelAnimationFrame(this.loop);
    this.loop = 0;
    if (!this.running) return;
    this.running = null;
    this.els.play.dataset.i18n = 'hopfield.play';
    this.els.play.textContent = t('hopfield.play');
    this.showInfo();
  }

  /** Geometric schedule T_k = from (to/from)^(k/(K−1)) (docs/hopfield.md), one sweep per temperature. */
  annealT(k) {
    const { annealFrom: from, annealTo: to, annealSweeps: K } = this._state;
    const hi = Math.max(from, to);
    return hi * (Math.min(from, to) / hi) ** (k / (K - 1));
  }

  tick(now) {
    const r = this.running;
    if (!r) return;
    try {
      const s = this._state;
      const dt = Math.min(0.1, (now - r.last) / 1000);
      r.last = now;
      let end = null;
      if (r.kind === 'anneal') {
        // The whole schedule takes about 3 s, or longer at a slow speed.
        r.budget += dt * Math.max(s.speed, s.annealSweeps / 3);
        while (r.budget >= 1 && r.k < s.annealSweeps) {
          r.budget -= 1;
          r.T = this.annealT(r.k++);
          if (s.mode === 'sync') this.advanceSync(r.T);
          else this.advanceAsync(this.n, r.T);
          this.record();
        }
        // Then settle at T = 0.
        if (r.k >= s.annealSweeps) Object.assign(r, { kind: 'recall', settle: true, budget: 0 });
      } else {
        const T = r.settle ? 0 : s.temperature;
        if (s.mode === 'sync') {
          r.budget += dt * s.speed;
          while (r.budget >= 1 && !end) {
            r.budget -= 1;
            end = this.advanceSync(T) || null;
            this.record();
          }
        } else {
          // Neuron by neuron: a smooth animation and an energy point per chunk.
          r.budget += dt * s.speed * this.n;
          const chunk = Math.max(1, Math.ceil(this.n / 32));
          while (r.budget >= 1 && !end) {
            const k = Math.min(chunk, Math.floor(r.budget));
            r.budget -= k;
            if (this.advanceAsync(k, T)) end = 'fixed';
            this.record();
          }
        }
      }
      if (end) {
        this.status = end;
        this.pause();
        this.highlight = -1;
        this.keepNeurons();
      }
      this.refresh();
      if (this.running) this.loop = requestAnimationFrame((t2) => this.tick(t2));
    } catch (err) {
      this.fail(err);
    }
  }

  // ---- drawing the panels ----

  drawThumbs() {
    const box = this.els.thumbs;
    box.replaceChildren();
    this.bars = [];
    this.patterns.forEach((p, k) => {
      const c = h('canvas');
      drawPattern(c, p.bits, this.size);
      const bar = h('span', { class: 'fill' });
      const value = h('span', { class: 'm' });
      const b = h('button', { type: 'button', class: 'thumb', title: p.label, onclick: () => this.loadPattern(k) }, [
        c, h('span', { class: 'bar' }, [bar]), h('span', { class: 'label' }, [h('span', { text: p.label }), value])]);
      b.setAttribute('aria-label', `${t('hopfield.loadPattern')} ${p.label}`);
      box.append(b);
      this.bars.push({ bar, value });
    });
    if (!this.patterns.length) box.append(h('p', { class: 'note', dataset: { i18n: 'hopfield.noPatterns' }, text: t('hopfield.noPatterns') }));
    this.els.forget.hidden = !this.own.length;
  }

  /** Overlap bars: m^μ ∈ [−1, 1], drawn from the centre (0) to the right (+) or left (−). */
  drawOverlaps() {
    if (!this.bars?.length) return;
    const m = this.net.overlaps();
    this.overlapValues = Array.from(m);
    let best = 0;
    for (let k = 1; k < m.length; k++) if (Math.abs(m[k]) > Math.abs(m[best])) best = k;
    this.bars.forEach(({ bar, value }, k) => {
      const v = m[k];
      bar.style.left = `${50 + Math.min(0, v) * 50}%`;
      bar.style.width = `${Math.abs(v) * 50}%`;
      bar.classList.toggle('neg', v < 0);
      value.textContent = v.toFixed(2);
      bar.parentElement.parentElement.classList.toggle('best', k === best && Math.abs(v) > 0.999);
    });
  }

  drawEnergy() {
    if (!this.trace) return;
    this.energyPlot.setLabels({ x: t('hopfield.energy.x'), y: t('hopfield.energy.y'), series: [t('hopfield.energy.series')] });
    this.energyPlot.setData([this.trace.x, this.trace.y]);
  }

  /** W from the network (cached until the next store), then the chosen view of it. */
  drawWeights() {
    const n = this.n;
    this.W = this.net.weights();
    // Colour range from the 99th percentile of |w|: a few large entries
    // (pseudo-inverse) would otherwise wash the rest out to white.
    const mags = Float32Array.from(this.W, Math.abs).sort();
    this.wRange = mags[Math.floor(0.99 * (mags.length - 1))] || mags[mags.length - 1] || 1;
    this.focus = Math.min(this.focus ?? -1, n - 1);
    this.drawWeightView();
  }

  drawWeightView() {
    const m = this.wRange;
    const n = this.n;
    if (this._state.weights === 'neuron') {
      // Row i of W on the grid: what neuron i hears from every other neuron.
      const i = this.focus >= 0 ? this.focus : (this.size >> 1) * this.size + (this.size >> 1);
      this.shownFocus = i;
      drawField(this.weightSource, this.W.subarray(i * n, (i + 1) * n), this.size, this.size, 'diverging', [-m, m]);
      const ctx = this.weightSource.getContext('2d');
      ctx.fillStyle = '#e8590c';
      ctx.fillRect(i % this.size, Math.floor(i / this.size), 1, 1);
      this.els.weightsNote.textContent = `${t('hopfield.weights.into')} (${i % this.size}, ${Math.floor(i / this.size)})`;
    } else {
      drawField(this.weightSource, this.W, n, n, 'diverging', [-m, m]);
      this.els.weightsNote.textContent = t('hopfield.weightsNote');
    }
    this.presentWeights();
    this.els.wLo.textContent = (-m).toPrecision(2);
    this.els.wHi.textContent = m.toPrecision(2);
  }

  /** One pixel per weight when the box is larger (sharp cells), filtered down when smaller. */
  presentWeights() {
    const src = this.weightSource;
    const box = this.els.weights;
    if ((box.clientWidth || 0) * (globalThis.devicePixelRatio || 1) >= src.width) {
      box.width = src.width;
      box.height = src.height;
      box.getContext('2d').drawImage(src, 0, 0);
    } else {
      present(box, src);
    }
  }

  showInfo() {
    if (!this.els || !this.trace) return;
    const s = this._state;
    const tr = this.trace;
    const parts = [`${t('hopfield.info.sweeps')} ${Number(tr.x[tr.x.length - 1].toFixed(3))}`,
      `E = ${tr.y[tr.y.length - 1].toFixed(3)}`];
    if (this.running?.kind === 'anneal') parts.push(`${t('hopfield.info.annealing')} T = ${this.running.T?.toFixed(3) ?? '–'}`);
    else if (this.running) parts.push(t('hopfield.info.running'));
    else if (this.status === 'fixed') parts.push(t('hopfield.info.fixed'));
    else if (this.status === 'cycle') parts.push(t('hopfield.info.cycle'));
    else if (this.status === 'full') parts.push(t('hopfield.info.full'));
    if (!this.running && s.temperature > 0) parts.push(t('hopfield.info.hot'));
    const m = this.overlapValues ?? [];
    let k = -1;
    for (let j = 0; j < m.length; j++) if (k < 0 || Math.abs(m[j]) > Math.abs(m[k])) k = j;
    if (k >= 0 && !this.running) {
      if (Math.abs(m[k]) > 0.999) parts.push(t(m[k] > 0 ? 'hopfield.info.recalled' : 'hopfield.info.negated'));
      // A T = 0 fixed point that is no stored pattern (nor its negative): a spurious state.
      else if (this.status === 'fixed') parts.push(`${t('hopfield.info.spurious')} ${this.patterns[k].label}: m = ${m[k].toFixed(2)}${t('hopfield.info.spuriousEnd')}`);
    }
    this.els.info.textContent = parts.join(' · ');
  }

  showTiming() {
    if (!this.sc || !this.els) return;
    const p = this.patterns?.length ?? 0;
    const parts = [`n = ${this.n}`, `p = ${p}`, `p/n = ${(p / this.n).toFixed(3)}`];
    if (this.storeMs !== undefined) parts.push(`${t('hopfield.time.store')} ${this.storeMs.toFixed(1)} ms`);
    parts.push(this.sc.simd ? 'SIMD' : t('hopfield.build.scalar'));
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = parts.join(' · ');
  }

  exportPng() {
    const c = document.createElement('canvas');
    drawPattern(c, this.s, this.size);
    downloadPng(c, 'hopfield-state.png');
  }

  // ---- capacity ----

  /**
   * Recall against load for the three rules, one worker job per rule (the
   * chart fills in as they finish). Latest wins: a new request or "stop"
   * ends the worker (a job at n = 1024 runs for seconds) and drops its result.
   */
  async computeCapacity() {
    this.stopCapacity();
    const run = { n: Number(this._state.capacityN), trials: this._state.capacityTrials };
    const simd = this._state.build === 'simd';
    if (!this.lane || this.laneSimd !== simd) {
      this.lane?.lane.terminate();
      this.lane = new Channel(createLane(simd));
      this.laneSimd = simd;
    }
    this.capRun = run;
    this.capacity = { n: run.n, trials: run.trials, ms: 0 };
    this.setCapButton('hopfield.capacity.stop');
    this.showCapNote('hopfield.capacity.running');
    this.drawCapacity();
    try {
      for (const rule of CAP_RULES) {
        const r = await this.lane.request({ type: 'hopfieldCapacity', options: { ...CAPACITY, n: run.n, trials: run.trials, rule, seed: 1 } });
        if (this.capRun !== run) return;
        this.capacity[rule] = r;
        this.capacity.ms += r.ms;
        this.drawCapacity();
      }
      this.capRun = null;
      this.setCapButton('hopfield.capacity.compute');
      this.showCapNote('hopfield.capacity.note');
      this.drawCapacity();
      this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'capacity', ms: this.capacity.ms, n: run.n, trials: run.trials } }));
    } catch (err) {
      if (this.capRun === run && !(err instanceof Superseded)) {
        this.stopCapacity();
        this.fail(err);
      }
    }
  }

  /** End a computation under way (its worker with it); the curves done so far stay. */
  stopCapacity() {
    if (!this.capRun) return;
    this.lane?.lane.terminate();
    this.lane = null;
    this.capRun = null;
    this.setCapButton('hopfield.capacity.compute');
    this.showCapNote('hopfield.capacity.note');
    this.drawCapacity();
  }

  setCapButton(key) {
    this.els.capBtn.dataset.i18n = key;
    this.els.capBtn.textContent = t(key);
  }

  showCapNote(key) {
    this.els.capInfo.dataset.i18n = key;
    this.els.capInfo.textContent = t(key);
  }

  drawCapacity() {
    if (!this.els) return;
    const c = this.capacity;
    const load = (this.patterns?.length ?? 0) / (this.n || 1);
    this.capacityPlot.setLabels({ x: t('hopfield.capacity.x'), y: t('hopfield.capacity.y'),
      series: [t('hopfield.capacity.hebb'), t('hopfield.capacity.hebbOverlap'), t('hopfield.capacity.storkey'), t('hopfield.capacity.pinv')] });
    const markers = [{ x: AMIT_LOAD, color: '#1d2330', dash: [4, 4] }, { x: load, color: '#e8590c', dash: [2, 3] }];
    const done = c && CAP_RULES.find((r) => c[r]);
    if (!done) {
      this.capacityPlot.setData([[0, 0.31], [null, null], [null, null], [null, null], [null, null]], markers);
    } else {
      // Rules not computed yet (or stopped) have no curve.
      const ys = (r, key = 'recall') => (c[r] ? Array.from(c[r][key]) : Array.from(c[done].loads, () => null));
      this.capacityPlot.setData([Array.from(c[done].loads), ys('hebb'), ys('hebb', 'overlap'), ys('storkey'), ys('pseudoinverse')], markers);
    }
    const note = this.els.capInfo;
    const key = note.dataset.i18n;
    const what = c ? ` (n = ${c.n}, ${c.trials} ${t('hopfield.capacity.trialsUnit')}${this.capRun ? '' : `, ${c.ms.toFixed(0)} ms`})` : '';
    note.textContent = t(key) + what;
  }

  // ---- read-outs for tests and pages ----

  /** The current state (copy; +1 = ink), row-major size × size. */
  get neuronState() {
    return this.s ? Int8Array.from(this.s) : null;
  }

  /** The stored patterns: [{ label, bits }]. */
  get storedPatterns() {
    return (this.patterns ?? []).map((p) => ({ label: p.label, bits: Int8Array.from(p.bits) }));
  }

  /** The energy trace since the last edit: { sweeps: [...], energy: [...] }. */
  get energySeries() {
    return this.trace ? { sweeps: [...this.trace.x], energy: [...this.trace.y] } : null;
  }

  get overlaps() {
    return this.overlapValues ? [...this.overlapValues] : [];
  }
}
