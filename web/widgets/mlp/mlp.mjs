// <simcore-mlp>: the back-propagation playground. A multilayer perceptron
// (or two, side by side: configurations A and B on the same data, seed and
// sample order) trained by the core on Haykin's double moon or a small 2-D
// set; the decision map with the data, per-epoch learning curves of
// training and test loss and error rate, the network's weights, the test
// confusion matrix and error count (as Haykin reports them) and the
// gradient norm. The training run lives in a session of the compute lane
// (sessions.mjs: a worker, or the page thread); each animation frame asks
// for the epochs the speed setting allows (frame-args.mjs) and draws the
// frame that comes back. This file holds the element's life and state;
// dom.mjs builds the controls and panels, view.mjs and curves.mjs draw.
// Attributes and URL-hash fields: schema.mjs.
import { SimcoreElement } from '../shared/base.mjs';
import { parseCsv } from './csv.mjs';
import { t, translate } from '../shared/i18n.mjs';
import { drive, openSession } from '../shared/sessions.mjs';
import { DOM } from './dom.mjs';
import { MLP_SCHEMA, parseNet } from './schema.mjs';
import { CURVE_ROW, frameArgs, stopOptions, trainOptions, viewArgs } from './frame-args.mjs';
import { boundary, classBoundary, drawMap, drawNet, drawUnits, mapImage, toModel } from './view.mjs';
import { classCount } from './data.mjs';
import { PendingCalls } from '../shared/calls.mjs';
import { bpEquations } from './bp-math.mjs';

export { MLP_SCHEMA };

export const GRID = 200; // decision map side, points (≥ 200 × 200 per frame)
const REBUILD = ['data', 'n', 'nTest', 'r', 'w', 'd', 'noise', 'dataSeed', 'net', 'compare', 'netB', 'loss', 'preprocess', 'seed'];
const MAX_ADDED = MLP_SCHEMA.plus.maxCount;
const BP_ROWS = 24; // units listed per layer in the BP view
const SUP = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const sup = (n) => String(n).split('').map((d) => SUP[d]).join('');

export class SimcoreMlp extends SimcoreElement {
  static schema = MLP_SCHEMA;

  start() {
    this.gen = 0; // bumped by every new session: frames of an older one are dropped
    this.calls = new PendingCalls();
    this.dirty = new Set(['session', 'controls']);
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.rebuildAgain = false;
    this.building = null;
    this.resizeObserver?.disconnect();
    this.pause();
    this.gen++;
    this.sessionReady?.then((s) => s.dispose(), () => {});
    this.sessionReady = null;
    this.lossCurves.destroy();
    this.errorCurves.destroy();
  }

  relabel() {
    this.setupCurves();
    this.redraw();
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (k === 'data') this.own = null; // another data set chosen (or linked): the imported one goes
      if (REBUILD.includes(k)) this.dirty.add('session');
      // Points the widget added itself need nothing (the session has them); from outside (a link) they rebuild.
      else if ((k === 'plus' || k === 'minus') && JSON.stringify([this._state.plus, this._state.minus]) !== this.addedText) this.dirty.add('session');
      else if (k === 'showTest') this.dirty.add('draw');
      else if (k === 'epochs') this.dirty.add('info');
      else if (k === 'units' || k === 'unitsLayer') this.dirty.add('view');
    }
    this.dirty.add('controls');
    this.schedule();
  }

  fail(err) {
    this.pause();
    super.fail(err);
  }

  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    if (d.has('session') || !this.sessionReady) this.rebuild();
    if (d.has('draw')) this.redraw();
    if (d.has('info')) this.showInfo();
    // Hidden-unit maps asked for while paused: one frame (a running training brings them anyway).
    if (d.has('view') && !d.has('session') && !this.running) this.advance(viewArgs(this._state));
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle(); // the first frame is drawn
      if (this.core) this.dataset.core = `${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`;
      this.showTiming();
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  /** A class as the page names it: ±1 for two, else 1 … K (or the CSV's label). */
  className(c) {
    if ((this.data?.classes ?? 2) === 2) return t(c ? 'mlp.class.plus' : 'mlp.class.minus');
    return `${t('mlp.class')} ${this.own?.labels?.[c] ?? c + 1}`;
  }

  /** Classes of the data the state names (the student's CSV: its labels). */
  classCount() {
    return classCount(this.own ? { own: this.own } : this._state);
  }

  /** The confusion matrices sized for K classes (rebuilt only when K changes). */
  setClasses(K) {
    for (const c of this.cards) {
      if (c.classes === K) continue;
      c.cells = this.fillConfusion(c.confusion, K, this.own?.labels);
      c.classes = K;
      translate(c.confusion);
    }
  }

  /** The networks of the state: [{ units, acts }] (A, and B when side by side). */
  get specs() {
    const s = this._state;
    return [parseNet(s.net), ...(s.compare ? [parseNet(s.netB)] : [])];
  }

  /** Points added by hand, as [x, y, class]. */
  added() {
    return [...this._state.plus.map(([x, y]) => [x, y, 1]), ...this._state.minus.map(([x, y]) => [x, y, 0])];
  }

  /** A new session for the data and networks of the state (the old one disposed); training goes on if it was running. */
  rebuild() {
    // Latest wins: while a session is being built (a slider dragged), the next waits and takes the state as it is then.
    if (this.building) {
      this.rebuildAgain = true;
      return;
    }
    const wasRunning = Boolean(this.running);
    this.pause();
    const s = this._state;
    this.addedText = JSON.stringify([s.plus, s.minus]);
    const specs = this.specs;
    this.shownSpecs = specs; // the networks of this session (the state may move on while the next one builds)
    const params = {
      data: { data: s.data, n: s.n, nTest: s.nTest, r: s.r, w: Math.min(s.w, 1.9 * s.r), d: s.d, noise: s.noise, classes: s.classes, seed: s.dataSeed,
        added: this.added(), ...(this.own ? { own: { train: this.own.train, test: this.own.test, classes: this.own.classes } } : {}) },
      nets: specs, loss: s.loss, seed: s.seed, preprocess: s.preprocess, grid: GRID,
    };
    const previous = this.sessionReady;
    this.sessionReady = (async () => {
      // The new one first: the shared lane (a worker) ends when its last session closes.
      const session = await openSession('mlp', 'train', params);
      (await previous?.catch(() => null))?.dispose();
      return session;
    })();
    const gen = ++this.gen;
    const K = this.classCount();
    this.layersText = specs.map((sp) => [2, ...sp.units, K > 2 ? K : s.loss === 'ce' ? 2 : 1].join('-'));
    this.history = specs.map(() => []);
    this.nets = specs.map(() => null);
    this.epoch = 0;
    this.status = null;
    this.layout();
    this.setupCurves();
    // Tracked to the end, so whenIdle() also waits for a rebuild this one hands on.
    this.calls.track(this.sessionReady.then(async (session) => {
      const snap = session.snapshot();
      const first = session.step(viewArgs(s));
      this.core = await session.lane.ready;
      return Promise.all([snap, first]);
    }).then(([snap, f]) => {
      if (gen !== this.gen) return;
      this.data = snap;
      this.layers = snap.layers;
      this.setClasses(snap.classes);
      this.addedFrom = snap.train.c.length - this.added().length;
      this.applyFrame(f);
      if (wasRunning) this.run();
    }).catch((err) => this.fail(err)).finally(() => {
      // Not after stop() (a removed widget opens nothing), nor for a build a newer start() replaced.
      if (this.building !== token) return;
      this.building = null;
      if (this.rebuildAgain) {
        this.rebuildAgain = false;
        this.rebuild();
      }
    }));
    const token = {};
    this.building = token;
  }

  /** One step of the session, in order after every earlier call. */
  netStep(args) {
    return this.calls.track(this.sessionReady.then((session) => session.step(args)));
  }

  /** A frame: new curve rows, read-outs, maps and weights. */
  applyFrame(f) {
    this.epoch = f.epoch;
    this.sample = f.sample ?? null; // shown until the next frame
    this.lastMs = f.epochsRun ? f.ms / f.epochsRun : this.lastMs;
    if (f.eta !== null && f.eta !== undefined) this.eta = f.eta; // the η of the last epoch (a schedule changes it)
    f.nets.forEach((n, k) => {
      const hist = this.history[k];
      for (let i = 0; i < n.rows.length; i += CURVE_ROW) hist.push(Array.from(n.rows.subarray(i, i + CURVE_ROW)));
      const card = this.cards[k];
      if (n.map) {
        const K = this.data?.classes ?? 2;
        card.image = mapImage(n.map, GRID, card.image, K);
        card.edges = K > 2 ? classBoundary(n.map, GRID, K) : boundary(n.map, GRID);
      }
      this.nets[k] = { ...n, weights: n.weights ?? this.nets[k]?.weights, units: n.units ?? null, bp: n.bp ?? null, map: undefined };
    });
    this.redraw();
  }

  /** Cards shown and their titles (one per network). */
  layout() {
    const s = this._state;
    this.cards.forEach((c, k) => { c.fig.hidden = k >= this.layersText.length; });
    this.els.main.classList.toggle('single', !s.compare);
    this.cards.forEach((c, k) => {
      if (k >= this.layersText.length) return;
      const acts = this.shownSpecs[k].acts.map((a) => t(`mlp.act.${a}`)).join(', ');
      c.title.textContent = `${k ? 'B' : 'A'} · ${this.layersText[k]}${acts ? ` · ${acts}` : ''}`;
    });
  }

  setupCurves() {
    if (!this.layersText) return;
    const names = [];
    this.layersText.forEach((_, k) => {
      const tag = this.layersText.length > 1 ? `${k ? 'B' : 'A'} ` : '';
      names.push(`${tag}${t('mlp.curve.train')}`, `${tag}${t('mlp.curve.test')}`);
    });
    this.lossCurves.setup({ x: t('mlp.curve.epoch'), y: t('mlp.curve.loss'), names });
    this.errorCurves.setup({ x: t('mlp.curve.epoch'), y: t('mlp.curve.error'), names });
  }

  redraw(resized = false) {
    if (!this.history) return;
    this.layout();
    this.history.forEach((_, k) => this.drawCard(k));
    const xs = this.history[0].map((r) => r[0]);
    const col = (c, scale = 1) => this.history.flatMap((hist) => [hist.map((r) => r[c] * scale), hist.map((r) => r[c + 1] * scale)]);
    this.lossCurves.setData([xs, ...col(1)]);
    this.errorCurves.setData([xs, ...col(3, 100)]);
    if (resized) {
      this.lossCurves.resize();
      this.errorCurves.resize();
    }
    this.showInfo();
    this.showTiming();
  }

  drawCard(k) {
    const c = this.cards[k];
    const n = this.nets[k];
    drawMap(c.map, { image: c.image, edges: c.edges, view: this.data?.view, data: this.data, showTest: this._state.showTest, addedFrom: this.addedFrom, sample: this.sample });
    drawNet(c.net, this.layers?.[k], n?.weights, 130);
    if (!n) return;
    const last = this.history[k].at(-1) ?? [];
    const pct = (e, m) => (m ? `${e} / ${m} (${(100 * e / m).toFixed(2)} %)` : '–');
    const sample = this.sample ? ` · ${t('mlp.read.sample')} ${this.sample.index} (${this.sample.x.toFixed(2)}, ${this.sample.y.toFixed(2)}) ${this.className(this.sample.c)}` : '';
    const lines = n.diverged ? [t('mlp.read.diverged')] : [
      `${t('mlp.read.epoch')} ${this.epoch}${sample}`,
      `${t('mlp.read.testErrors')} ${pct(n.testErrors, n.testCount)}`,
      `${t('mlp.read.trainErrors')} ${pct(n.trainErrors, n.trainCount)}`,
      `${t('mlp.read.trainLoss')} ${fmt(last[1])} · ${t('mlp.read.testLoss')} ${fmt(last[2])}`,
      `${t('mlp.read.grad')} = ${fmt(n.gradNorm)}${this._state.schedule !== 'constant' && this.eta ? ` · η = ${fmt(this.eta)}` : ''}`,
      ...(n.stopped ? [t(`mlp.read.stopped.${n.stopped}`).replace('{n}', String(n.bestEpoch))] : []),
    ];
    c.read.replaceChildren(...lines.map((text, i) => Object.assign(document.createElement('div'), { textContent: text, className: i === 1 ? 'key' : '' })));
    c.read.classList.toggle('error', Boolean(n.diverged));
    this.drawUnitMaps(k);
    this.drawBp(k);
    const K = c.classes;
    c.cells.forEach((cell, i) => {
      cell.textContent = String(n.confusion[i] ?? 0);
      cell.className = i % (K + 1) === 0 ? 'right' : n.confusion[i] ? 'wrong' : '';
    });
  }

  /** The hidden units' maps of network k, and the layer choice (1 … its hidden layers). */
  drawUnitMaps(k) {
    const c = this.cards[k];
    const u = this.nets[k]?.units;
    const depth = this.shownSpecs[k]?.units.length ?? 0;
    c.units.hidden = !this._state.units || !depth;
    if (c.units.hidden) return;
    if (c.layer.options.length !== depth) {
      c.layer.replaceChildren(...Array.from({ length: depth }, (_, l) => Object.assign(document.createElement('option'), { value: String(l + 1), textContent: String(l + 1) })));
    }
    c.layer.value = String(Math.min(this._state.unitsLayer, depth));
    if (u) drawUnits(c.tiles, u);
  }

  /**
   * The BP view (frame `bp`): for the sample of the last one-sample step, per
   * layer the local fields S, outputs x and δ of every unit (at most
   * BP_ROWS), the lecture's equation for δ, and the largest |η δ x|.
   */
  drawBp(k) {
    const c = this.cards[k];
    const bp = this.nets[k]?.bp;
    c.bp.hidden = !bp;
    if (!bp) return;
    const el = (tag, text, cls) => Object.assign(document.createElement(tag), { textContent: text, className: cls ?? '' });
    const L = bp.layers.length;
    const head = el('div', `${t('mlp.bp.title')} ${bp.index}: x⁽⁰⁾ = (${bp.input.map(fmt).join(', ')}), y = ${fmt(bp.target[0])}`, 'bpHead');
    const tables = bp.layers.map((layer, l) => {
      const table = el('table', '', 'bpTable');
      const cap = el('caption', `${l + 1 === L ? t('mlp.bp.output') : `${t('mlp.bp.hidden')} ${l + 1}`} · φ = ${t(`mlp.act.${layer.act}`)}`);
      table.append(cap);
      const tr = (cells, th) => {
        const row = document.createElement('tr');
        for (const v of cells) row.append(el(th ? 'th' : 'td', v));
        return row;
      };
      table.append(tr(['j', `S⁽${sup(l + 1)}⁾`, `x⁽${sup(l + 1)}⁾`, `δ⁽${sup(l + 1)}⁾`], true));
      for (let j = 0; j < Math.min(layer.units, BP_ROWS); j++) table.append(tr([String(j + 1), fmt(layer.S[j]), fmt(layer.x[j]), fmt(layer.delta[j])]));
      if (layer.units > BP_ROWS) table.append(tr(['…', '', '', '']));
      let big = 0;
      for (let q = 0; q < layer.dw.length; q++) big = Math.max(big, Math.abs(layer.dw[q]));
      const foot = el('div', `${l + 1 === L ? t('mlp.bp.deltaOut') : t('mlp.bp.deltaHidden')} · max |ηδx| = ${fmt(big)}`, 'bpEq');
      const box = el('div', '', 'bpLayer');
      box.append(table, foot);
      const math = bpEquations(bp, l, fmt);
      if (math) box.append(el('div', `j = ${math.dataset.unit}, i = ${math.dataset.input}`, 'bpIdx'), math);
      return box;
    });
    c.bp.replaceChildren(head, el('div', t('mlp.bp.update'), 'bpEq'), el('div', '', 'bpLayers'));
    c.bp.lastChild.append(...tables);
  }

  showInfo() {
    const s = this._state;
    let text = '';
    if (this.status === 'full') text = t('mlp.info.full');
    else if (this.epoch >= s.epochs && !this.running) text = t('mlp.info.done');
    else if (!this.running && this.nets?.length && this.nets.every((n) => n?.stopped)) text = t('mlp.info.stopped');
    this.els.info.textContent = text;
  }

  showTiming() {
    if (!this.core) return;
    const parts = [`simcore ${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`];
    if (this.lastMs) parts.push(`${this.lastMs.toFixed(2)} ${t('mlp.time.perEpoch')}`);
    if (this.rate) parts.push(`${this.rate.toFixed(0)} ${t('mlp.time.rate')}`);
    this.els.timing.textContent = parts.join(' · ');
    this.els.timing.classList.remove('error');
  }

  // ---- training ----

  toggleRun() {
    if (this.running) this.pause();
    else this.run();
  }

  async run() {
    if (this.epoch >= this._state.epochs) return;
    const r = { budget: 0, last: performance.now(), t0: performance.now(), e0: this.epoch };
    this.running = r;
    this.setPlayLabel('mlp.pause');
    const session = await this.sessionReady;
    if (this.running !== r) return;
    const gen = this.gen;
    r.last = performance.now();
    this.driver = drive(session, {
      element: this,
      calls: this.calls,
      args: (now) => (this.running === r ? frameArgs(r, this._state, this.epoch, now) : null),
      frame: (f) => {
        if (gen !== this.gen) return;
        this.applyFrame(f);
        this.rate = (this.epoch - r.e0) / Math.max(1e-3, (performance.now() - r.t0) / 1000);
        if (this.epoch >= this._state.epochs || f.nets.every((n) => n.diverged || n.stopped)) this.pause();
      },
      done: (err) => err && this.fail(err),
    });
  }

  pause() {
    this.driver?.stop();
    this.driver = null;
    if (!this.running) return;
    this.running = null;
    this.setPlayLabel('mlp.play');
    this.showInfo();
  }

  setPlayLabel(key) {
    this.els.play.dataset.i18n = key;
    this.els.play.textContent = t(key);
  }

  /** One online step on the next training sample (the session's order), highlighted on the map. */
  stepSample() {
    this.pause();
    this.advance({ samples: 1, bp: true, train: trainOptions(this._state), ...viewArgs(this._state) });
  }

  /** One epoch outside the animation (any time budget). */
  stepEpoch() {
    this.pause();
    this.advance({ epochs: 1, budgetMs: Infinity, train: trainOptions(this._state), stop: stopOptions(this._state), ...viewArgs(this._state) });
  }

  /** Every network back to its initial weights (the same seed gives the same weights), epoch 0. */
  resetWeights() {
    this.pause();
    this.history = this.history.map(() => []);
    this.advance({ reset: true, ...viewArgs(this._state) });
  }

  advance(args) {
    const gen = this.gen;
    return this.netStep(args).then((f) => {
      if (gen === this.gen) this.applyFrame(f);
    }).catch((err) => this.fail(err));
  }

  /** A click on a map at (px, py) of a w × h canvas adds a training point of the chosen class. */
  addPoint(px, py, w, h) {
    if (!this.data || (this.data.classes ?? 2) > 2) return; // clicks add ±1 points: two-class data only
    const s = this._state;
    const [x, y] = toModel(this.data.view, w, h, px, py).map((v) => Number(v.toPrecision(4)));
    const field = s.addClass;
    if (s[field].length >= MAX_ADDED || Math.abs(x) > 100 || Math.abs(y) > 100) {
      this.status = 'full';
      this.showInfo();
      return;
    }
    this.status = null;
    const c = field === 'plus' ? 1 : 0;
    const next = [...s[field], [x, y]];
    this.addedText = JSON.stringify(field === 'plus' ? [next, s.minus] : [s.plus, next]);
    this.setState({ [field]: next });
    // The drawing's copy of the training set grows too (the session appends in the same order).
    const tr = this.data.train;
    this.data.train = { x: Float32Array.of(...tr.x, x, y), c: Uint8Array.of(...tr.c, c) };
    this.netStep({ add: [[x, y, c]], ...viewArgs(s) }).then((f) => this.applyFrame(f)).catch((err) => this.fail(err));
  }

  /**
   * The student's own data from CSV text (null: back to the generated set).
   * It stays in the page: the URL keeps the other settings only.
   */
  useOwnData(text, name = '') {
    if (text === null) {
      this.own = null;
    } else {
      try {
        this.own = { ...parseCsv(text), name };
      } catch (err) {
        this.els.own.note.textContent = err.message;
        this.els.own.note.classList.add('error');
        return;
      }
    }
    this.dirty.add('session');
    this.dirty.add('controls');
    this.schedule();
  }

  clearAdded() {
    this.setState({ plus: [], minus: [] });
  }

  /** Resolves once every call made so far has answered (tests, ready). */
  async whenIdle() {
    await this.calls.settled();
  }

  /** The curves as CSV: one line per epoch, per network its training and test loss and error rate. */
  curvesCsv() {
    const tags = this.history.length > 1 ? ['A_', 'B_'] : [''];
    const head = ['epoch', ...tags.flatMap((g) => ['train_loss', 'test_loss', 'train_error', 'test_error'].map((c) => g + c))];
    const lines = this.history[0].map((row, i) => [row[0], ...this.history.flatMap((hist) => hist[i]?.slice(1) ?? [])]
      .map((v) => (Number.isFinite(v) ? String(v) : '')).join(','));
    return [head.join(','), ...lines].join('\n') + '\n';
  }

  // ---- read-outs for tests and pages ----

  /** Per network: { epoch, testErrors, testCount, trainErrors, confusion, gradNorm, diverged, stopped (the rule), eta (the last epoch's) }. */
  get readout() {
    return (this.nets ?? []).map((n) => n && { epoch: this.epoch, testErrors: n.testErrors, testCount: n.testCount,
      trainErrors: n.trainErrors, trainCount: n.trainCount, confusion: Array.from(n.confusion), gradNorm: n.gradNorm, diverged: n.diverged ?? null,
      stopped: n.stopped ?? null, eta: this.eta ?? this._state.eta });
  }

  /** Per network: the curve rows [epoch, training loss, test loss, training error, test error]. */
  get curves() {
    return (this.history ?? []).map((h) => h.map((r) => [...r]));
  }

  /** Per network: the BP view of the last one-sample step ({ index, input, target, layers: [{ S, x, delta, dw }] }) or null. */
  get bp() {
    return (this.nets ?? []).map((n) => (n?.bp ? { ...n.bp, layers: n.bp.layers.map((l) => ({ ...l, S: [...l.S], x: [...l.x], delta: [...l.delta], dw: [...l.dw] })) } : null));
  }

  /** Per network: a copy of the current weights (docs/mlp.md order). */
  get weights() {
    return (this.nets ?? []).map((n) => (n?.weights ? Array.from(n.weights) : null));
  }

  get running() {
    return this._running ?? null;
  }

  set running(v) {
    this._running = v;
  }
}

const fmt = (v) => (v === undefined || !Number.isFinite(v) ? '–' : v === 0 ? '0' : Math.abs(v) >= 0.01 ? v.toPrecision(3) : v.toExponential(2));

Object.assign(SimcoreMlp.prototype, DOM);
