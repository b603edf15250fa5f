// <simcore-boltzmann>: Boltzmann machine learning as lecture 7 closes with
// it, Δw_ij = ε(⟨s_i s_j⟩_data − ⟨s_i s_j⟩_model). A machine with hidden
// units (full, or restricted: an RBM) learns the 4-2-4 encoder, bars and
// stripes or the student's drawings by exact statistics, Gibbs sampling with
// annealing, CD-k or PCD; the page shows both phases' statistics and their
// difference, the weights, the exact log-likelihood per epoch, fantasies
// from the free-running machine, the encoder's recall table and pattern
// completion with clamped units. The machine lives in a session of the
// compute lane (sessions.mjs); each animation frame asks for the epochs the
// speed allows (frame-args.mjs). This file holds the element's life, state
// and read-outs; dom.mjs builds the DOM, panels.mjs draws.
import { SimcoreElement } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { drive, openSession } from '../shared/sessions.mjs';
import { PendingCalls } from '../shared/calls.mjs';
import { decodeGrids, encodeGrids } from '../shared/grid-bits.mjs';
import { DOM } from './dom.mjs';
import { PANELS } from './panels.mjs';
import { BOLTZMANN_SCHEMA, MAX_DRAWN } from './schema.mjs';
import { DRAW_SIDE, dataEntropy, dataSet, flatten } from './datasets.mjs';
import { FANTASIES, effectiveMethod, frameArgs, learnOptions } from './frame-args.mjs';
import { unitAt } from './views.mjs';

export { BOLTZMANN_SCHEMA };

const REBUILD = ['set', 'machine', 'hidden', 'seed'];
const VIEW = ['temperature', 'method']; // the statistics shown depend on them: a paused machine shows them anew

export class SimcoreBoltzmann extends SimcoreElement {
  static schema = BOLTZMANN_SCHEMA;

  start() {
    this.gen = 0; // bumped by every new session: frames of an older one are dropped
    this.calls = new PendingCalls();
    this.maxExact = 20; // the core's, from the first frame on
    this.dirty = new Set(['session', 'controls']);
    this.pen = new Int8Array(DRAW_SIDE * DRAW_SIDE).fill(-1);
    this.cursor = {}; // keyboard cursors of the completion and drawing grids (shown while focused)
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.pause();
    this.gen++;
    this.sessionReady?.then((s) => s.dispose(), () => {});
    this.sessionReady = null;
    this.llPlot.destroy();
  }

  relabel() {
    this.syncControls();
    this.redraw();
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (REBUILD.includes(k)) this.dirty.add('session');
      // Drawings the widget stored itself need nothing more than a new data set; from a link the same.
      else if (k === 'drawn' && this._state.set === 'drawn') this.dirty.add('session');
      else if (VIEW.includes(k)) this.dirty.add('view');
      else if (k === 'epochs') this.dirty.add('info');
    }
    if (changed.includes('drawn')) this.dirty.add('drawList');
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
    if (d.has('session') || !this.sessionReady) this.rebuild();
    if (d.has('controls')) {
      this.method = effectiveMethod(this._state, this.units, this.maxExact);
      this.syncControls();
    }
    if (d.has('drawList') || !this.drawListShown) this.drawDrawList();
    if (d.has('view') && !d.has('session') && !this.running) this.advance({ stats: true, recall: this.isEncoder, ...this.sampleArgs() });
    if (d.has('info')) this.showInfo();
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle(); // the first frame is drawn
      if (this.core) this.dataset.core = `${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`;
      this.showTiming();
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  /** The student's drawings (the `drawn` field). */
  get drawings() {
    return decodeGrids(this._state.drawn, BOLTZMANN_SCHEMA.drawn) ?? [];
  }

  get isEncoder() {
    return this.shown?.set === 'encoder';
  }

  /** A new session for the data and machine of the state (the old one disposed); learning goes on if it ran. */
  rebuild() {
    const wasRunning = Boolean(this.running?.learn);
    this.pause();
    const s = this._state;
    const ds = dataSet(s.set, this.drawings);
    this.shown = { set: s.set, ...ds, hidden: s.hidden, restricted: s.machine === 'rbm', entropy: dataEntropy(ds.rows) };
    this.units = ds.visible + s.hidden;
    this.method = effectiveMethod(s, this.units, this.maxExact);
    const params = { set: s.set, visible: ds.visible, hidden: s.hidden, restricted: s.machine === 'rbm', seed: s.seed,
      data: flatten(ds.rows, ds.visible), temperature: s.temperature };
    const previous = this.sessionReady;
    this.sessionReady = (async () => {
      // The new one first: the shared lane (a worker) ends when its last session closes.
      const session = await openSession('boltzmann', 'learn', params);
      (await previous?.catch(() => null))?.dispose();
      return session;
    })();
    const gen = ++this.gen;
    this.ll = { x: [], y: [] };
    this.epoch = 0;
    this.frameData = null;
    this.stats = null;
    this.fantasies = null;
    this.recallTable = null;
    this.diverged = null;
    this.lastMs = null;
    this.startCompletion(0, false);
    this.fillStartChoices();
    this.setupPlot();
    // The first frame's arguments now: by the time the session is open, a newer rebuild may have replaced the data.
    const firstArgs = { stats: true, fantasies: FANTASIES, recall: s.set === 'encoder', ...this.sampleArgs(), learn: learnOptions(s, this.method) };
    this.calls.track(this.sessionReady.then(async (session) => {
      const first = session.step(firstArgs);
      this.core = await session.lane.ready;
      return first;
    }).then((f) => {
      if (gen !== this.gen) return;
      this.applyFrame(f);
      if (wasRunning) this.run();
    })).catch((err) => this.fail(err));
  }

  /** One step of the session, in order after every earlier call. */
  netStep(args) {
    return this.calls.track(this.sessionReady.then((session) => session.step(args)));
  }

  /** A step outside the animation; its frame is drawn. */
  advance(args) {
    const gen = this.gen;
    return this.netStep({ learn: learnOptions(this._state, this.method), ...args }).then((f) => {
      if (gen === this.gen) this.applyFrame(f);
    }).catch((err) => this.fail(err));
  }

  /** The completion part of a step: the current clamp, when completion is shown. */
  sampleArgs() {
    return this.comp ? { complete: { clamp: Uint8Array.from(this.comp.clamp), values: Int8Array.from(this.comp.values) } } : {};
  }

  /** A frame: new curve points, weights, statistics and samples. */
  applyFrame(f) {
    this.epoch = f.epoch;
    this.maxExact = f.maxExact;
    if (f.epochsRun) this.lastMs = f.ms / f.epochsRun;
    for (let i = 0; i < f.rows.length; i += 2) {
      if (f.rows[i] === 0) this.ll = { x: [], y: [] }; // a reset starts the curve again
      this.ll.x.push(f.rows[i]);
      this.ll.y.push(f.rows[i + 1]);
    }
    this.frameData = { weights: f.weights, biases: f.biases, units: f.units };
    this.diverged = f.diverged;
    if (f.stats) {
      const { data, model } = f.stats;
      const diff = data.pairs.map((v, i) => v - model.pairs[i]);
      const diffMeans = data.means.map((v, i) => v - model.means[i]);
      this.stats = { how: f.stats.how, sweeps: f.stats.sweeps, data, model, diff, diffMeans, epoch: f.epoch };
    }
    if (f.fantasies) this.fantasies = f.fantasies;
    if (f.recall) this.recallTable = f.recall;
    if (f.completion && this.comp) {
      this.comp.sample = f.completion.sample;
      this.comp.probs = f.completion.probs;
      this.comp.how = f.completion.how;
      this.comp.count++;
    }
    this.redraw();
  }

  // ---- learning ----

  toggleRun() {
    if (this.running?.learn) this.setRun({ learn: false });
    else if (this.epoch < this._state.epochs && !this.diverged) this.setRun({ learn: true });
  }

  toggleCompletion() {
    this.setRun({ complete: !this.running?.complete });
  }

  /** Learning and sampling share one driver: it runs while either is on. */
  async setRun(change) {
    const r = this.running ?? { learn: false, complete: false, budget: 0, last: performance.now() };
    Object.assign(r, change);
    if (!r.learn && !r.complete) return this.pause();
    this.running = r;
    this.showRunLabels();
    if (this.driver) return;
    const session = await this.sessionReady;
    if (this.running !== r || this.driver) return;
    const gen = this.gen;
    r.last = performance.now();
    this.driver = drive(session, {
      element: this,
      calls: this.calls,
      args: (now) => (this.running === r ? frameArgs(r, this._state, this.epoch, now, this.viewArgs()) : null),
      frame: (f) => {
        if (gen !== this.gen) return;
        this.applyFrame(f);
        if (r.learn && (this.epoch >= this._state.epochs || f.diverged)) this.setRun({ learn: false });
      },
      done: (err) => err && this.fail(err),
    });
  }

  run() {
    return this.setRun({ learn: true });
  }

  viewArgs() {
    return { units: this.units, maxExact: this.maxExact, encoder: this.isEncoder, completion: this.sampleArgs().complete };
  }

  pause() {
    this.driver?.stop();
    this.driver = null;
    if (!this.running) return;
    this.running = null;
    this.showRunLabels();
    this.showInfo();
  }

  showRunLabels() {
    const set = (el, key) => { el.dataset.i18n = key; el.textContent = t(key); };
    set(this.els.play, this.running?.learn ? 'bm.pause' : 'bm.play');
    set(this.els.compRun, this.running?.complete ? 'bm.comp.stop' : 'bm.comp.run');
  }

  /** One epoch outside the animation. */
  stepEpoch() {
    this.setRun({ learn: false });
    if (this.diverged) return;
    this.advance({ epochs: 1, budgetMs: Infinity, stats: true, fantasies: FANTASIES, recall: this.isEncoder, ...this.sampleArgs() });
  }

  /** Back to the initial weights (the same seed gives the same weights and sampler), epoch 0. */
  resetWeights() {
    this.setRun({ learn: false });
    this.ll = { x: [], y: [] };
    this.advance({ reset: true, stats: true, fantasies: FANTASIES, recall: this.isEncoder, ...this.sampleArgs() });
  }

  newFantasies() {
    this.advance({ fantasies: FANTASIES });
  }

  // ---- pattern completion ----

  /** Start from data vector k: its values, nothing clamped (the encoder: V1 clamped, the recall question). */
  startCompletion(k, draw = true) {
    const rows = this.shown.rows;
    const v = rows[Math.min(k, rows.length - 1)];
    this.comp = { start: k, values: Int8Array.from(v), clamp: new Uint8Array(v.length), sample: null, probs: null, count: 0 };
    if (this.shown.groups.length) for (const i of this.shown.groups[0]) this.comp.clamp[i] = 1;
    if (draw) this.sampleOnce();
  }

  /** The value a unit shows now: its clamp, else the last sample. */
  shownValue(i) {
    const c = this.comp;
    return c.clamp[i] || !c.sample ? c.values[i] : c.sample[i];
  }

  /** A click on the completion grid clamps the unit at the value it shows, or frees a clamped one. */
  toggleClamp(e) {
    if (e.button !== 0 || !this.comp) return;
    const i = unitAt(this.els.compGrid, e, this.shown.layout);
    if (i >= 0) this.toggleClampAt(i);
  }

  toggleClampAt(i) {
    const c = this.comp;
    if (c.clamp[i]) c.clamp[i] = 0;
    else {
      c.values[i] = this.shownValue(i);
      c.clamp[i] = 1;
    }
    this.drawCompletion();
    if (!this.running?.complete) this.sampleOnce();
  }

  /** Clamp the first half of the visible units (the encoder: V1) at the values they show. */
  clampHalf() {
    const c = this.comp;
    const half = this.shown.groups[0] ?? Array.from({ length: Math.floor(c.values.length / 2) }, (_, i) => i);
    for (let i = 0; i < c.values.length; i++) {
      if (!c.clamp[i]) c.values[i] = this.shownValue(i);
      c.clamp[i] = half.includes(i) ? 1 : 0;
    }
    this.drawCompletion();
    if (!this.running?.complete) this.sampleOnce();
  }

  unclampAll() {
    for (let i = 0; i < this.comp.clamp.length; i++) {
      this.comp.values[i] = this.shownValue(i);
      this.comp.clamp[i] = 0;
    }
    this.drawCompletion();
    if (!this.running?.complete) this.sampleOnce();
  }

  sampleOnce() {
    if (this.sessionReady) this.advance(this.sampleArgs());
  }

  // ---- drawing ----

  drawClick(e) {
    if (e.button !== 0) return;
    const i = unitAt(this.els.drawGrid, e, { rows: DRAW_SIDE, cols: DRAW_SIDE });
    if (i >= 0) this.flipPen(i);
  }

  flipPen(i) {
    this.pen[i] = -this.pen[i];
    this.drawPen();
  }

  /** Keyboard on a grid (`comp` or `draw`): arrows move a cursor, space or enter acts on its unit. */
  gridKey(e, which) {
    const { rows, cols } = which === 'comp' ? this.shown.layout : { rows: DRAW_SIDE, cols: DRAW_SIDE };
    const at = this.cursor[which] ?? 0;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (moves[e.key]) {
      const [dx, dy] = moves[e.key];
      const x = Math.min(cols - 1, Math.max(0, (at % cols) + dx));
      const y = Math.min(rows - 1, Math.max(0, Math.floor(at / cols) + dy));
      this.cursor[which] = y * cols + x;
    } else if (e.key === ' ' || e.key === 'Enter') {
      if (which === 'comp') this.toggleClampAt(at);
      else this.flipPen(at);
    } else return;
    e.preventDefault();
    if (which === 'comp') this.drawCompletion();
    else this.drawPen();
  }

  clearDrawing() {
    this.pen.fill(-1);
    this.drawPen();
  }

  /** The drawing joins the data set (and the link), up to MAX_DRAWN patterns. */
  addDrawing() {
    const grids = this.drawings;
    if (grids.length >= MAX_DRAWN) {
      this.status = 'full';
      this.showInfo();
      return;
    }
    this.setState({ drawn: encodeGrids([...grids, { size: DRAW_SIDE, bits: Int8Array.from(this.pen) }]) });
  }

  /** Removes drawn pattern k (the last one stays: a data set needs a vector). */
  removeDrawing(k) {
    const grids = this.drawings;
    if (grids.length <= 1) return;
    grids.splice(k, 1);
    this.setState({ drawn: encodeGrids(grids) });
  }

  /** Resolves once every call to the session made so far has answered (tests, ready). */
  async whenIdle() {
    await this.calls.settled();
  }

  // ---- read-outs for tests and pages ----

  /** The log-likelihood curve: { epochs, values } (mean ln P(v) in nats; NaN where not enumerable). */
  get logLikelihood() {
    return { epochs: [...this.ll.x], values: [...this.ll.y] };
  }

  /** The matrices shown: n, visible, how, data, model, diff (n × n, row-major), weights, biases. */
  get matrices() {
    if (!this.stats || !this.frameData) return null;
    const s = this.stats;
    return { n: this.frameData.units, visible: this.shown.visible, how: s.how, epoch: s.epoch,
      data: Array.from(s.data.pairs), model: Array.from(s.model.pairs), diff: Array.from(s.diff),
      weights: Array.from(this.frameData.weights), biases: Array.from(this.frameData.biases) };
  }

  /** The fantasies shown: [{ visible: [...], hidden: [...] }]. */
  get fantasyPatterns() {
    if (!this.fantasies) return [];
    const n = this.frameData.units;
    const nv = this.shown.visible;
    const out = [];
    for (let f = 0; f < this.fantasies.length / n; f++) {
      const s = this.fantasies.subarray(f * n, (f + 1) * n);
      out.push({ visible: Array.from(s.subarray(0, nv)), hidden: Array.from(s.subarray(nv)) });
    }
    return out;
  }

  /** The encoder's recall table: { rows: [{ input, hidden, code, out, output }], distinct, recalled }, or null. */
  get recall() {
    return this.recallTable ? structuredClone(this.recallTable) : null;
  }

  /** Pattern completion: { clamp, values, sample (visible), probs (visible), count }. */
  get completion() {
    const c = this.comp;
    if (!c) return null;
    const nv = this.shown.visible;
    return { clamp: Array.from(c.clamp), values: Array.from(c.values), sample: c.sample ? Array.from(c.sample.subarray(0, nv)) : null,
      probs: c.probs ? Array.from(c.probs.subarray(0, nv)) : null, count: c.count };
  }
}

Object.assign(SimcoreBoltzmann.prototype, DOM, PANELS);
