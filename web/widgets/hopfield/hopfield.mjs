// <simcore-hopfield>: a Hopfield network the student draws on. Stored
// patterns (built-in digits, letters, random, or the student's drawings),
// corruption, recall neuron by neuron, sweep by sweep or animated, at
// temperature T (Glauber units) or by annealing; energy trace, overlaps,
// weight matrix and the capacity curve. The network lives in a session of
// the compute lane (sessions.mjs: a worker, or the page thread), advanced
// by the core (conventions in docs/hopfield.md). This file holds the
// element's life, state and editing; its other parts are mixed in:
// dom.mjs (controls and panels), dynamics.mjs (steps and animation),
// panels.mjs (drawing), capacity.mjs (the capacity chart).
// Attributes and URL-hash fields: schema.mjs.
import { SimcoreElement } from '../shared/base.mjs';
import { openSession } from '../shared/sessions.mjs';
import { eraseBlock, flipNoise, patternSet, resample, rng, SET_SIZES } from './patterns.mjs';
import { HOPFIELD_SCHEMA } from './schema.mjs';
import { decodeGrids, encodeGrids } from '../shared/grid-bits.mjs';
import { DOM, SELECTS, SLIDERS } from './dom.mjs';
import { DYNAMICS } from './dynamics.mjs';
import { PANELS } from './panels.mjs';
import { CAPACITY_CHART } from './capacity.mjs';
import { PendingCalls } from '../shared/calls.mjs';

export { HOPFIELD_SCHEMA };

const MAX_OWN = HOPFIELD_SCHEMA.drawn.maxCount; // drawings the student can add (and a link can hold)
const MAX_POINTS = 5000; // energy trace length kept

export class SimcoreHopfield extends SimcoreElement {
  static schema = HOPFIELD_SCHEMA;

  start() {
    this.gen = 0; // bumped by every new state: frames asked for before it are dropped
    this.calls = new PendingCalls();
    this.trace = { x: [0], y: [0] };
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
    this.gen++;
    this.sessionReady?.then((s) => s.dispose(), () => {});
    this.sessionReady = null;
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
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    if (d.has('net') || !this.sessionReady) this.rebuild(d.has('neurons'));
    if (d.has('store') && !d.has('net')) this.storePatterns(); // rebuild() stores too
    if (d.has('neurons') && !d.has('net')) this.applyNeurons();
    if (d.has('info')) this.showInfo();
    // New chart settings recompute a chart already shown or under way (latest wins).
    if (d.has('capacity') && (this.capacity || this.capRun)) this.computeCapacity();
    if (d.has('weights') && !d.has('net') && !d.has('store')) this.drawWeights();
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle(); // the network's first frame is drawn
      if (this.core) this.dataset.core = `${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`;
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

  /**
   * Store the set's patterns and the drawings with the chosen rule: a new
   * network (W from scratch) in a new session, the old one disposed.
   */
  storePatterns() {
    const s = this._state;
    this.own = decodeGrids(s.drawn, HOPFIELD_SCHEMA.drawn) ?? [];
    this.ownText = s.drawn;
    this.patterns = [
      ...patternSet(s.set, s.size, s.count, s.seed),
      ...this.own.map((o, k) => ({ label: `✎${k + 1}`, own: k, bits: o.size === s.size ? o.bits : resample(o.bits, o.size, s.size) })),
    ];
    const flat = new Int8Array(this.patterns.length * this.n);
    this.patterns.forEach((p, k) => flat.set(p.bits, k * this.n));
    const params = { n: this.n, seed: s.seed, patterns: flat, rule: s.rule, state: Int8Array.from(this.s) };
    const simd = s.build === 'simd';
    const previous = this.sessionReady;
    this.sessionReady = (async () => {
      // The new one first: the shared lane (a worker) ends when its last session closes.
      const session = await openSession('hopfield', 'net', params, { simd });
      (await previous?.catch(() => null))?.dispose();
      return session;
    })();
    this.W = null;
    this.drawThumbs(); // before the state: the overlap bars must match the new patterns
    this.resetTrace();
    const gen = this.gen;
    this.calls.track(this.sessionReady.then(async (session) => {
      // Asked for at once: a store right after this one disposes this session after the calls made so far.
      const snap = session.snapshot();
      this.core = await session.lane.ready; // the build and version it runs
      return snap;
    }).then((snap) => {
      this.W = snap.weights;
      this.storeMs = snap.storeMs;
      this.drawWeights();
      this.drawCapacity();
      this.showTiming();
      if (gen !== this.gen) return; // the state was edited meanwhile: its frame follows
      this.applyFrame(snap);
      this.trace = { x: [0], y: [snap.energy] };
      this.refresh();
    })).catch((err) => this.fail(err));
  }

  /** Send the JS copy of the state to the network and restart the traces. */
  setNetState() {
    this.resetTrace();
    const gen = this.gen;
    this.netStep({ set: Int8Array.from(this.s) }).then((f) => {
      if (gen !== this.gen) return;
      this.applyFrame(f);
      this.trace = { x: [0], y: [f.energy] };
      this.refresh();
    }).catch((err) => this.fail(err));
  }

  /** A new state on the page: frames asked for before it are stale. */
  resetTrace() {
    this.gen++;
    this.highlight = -1;
    this.status = null;
    this.drawGrid();
  }

  /** One step of the network's session, in order after every earlier call. */
  netStep(args) {
    return this.calls.track(this.sessionReady.then((session) => session.step(args)));
  }

  /** The state, overlaps and new energy points of a frame. */
  applyFrame(f) {
    this.s = f.state;
    this.overlapValues = Array.from(f.overlaps);
    this.highlight = f.last ?? -1;
    if (!f.sweeps) return;
    const tr = this.trace;
    for (let k = 0; k < f.sweeps.length; k++) {
      tr.x.push(f.sweeps[k]);
      tr.y.push(f.energies[k]);
    }
    if (tr.x.length > MAX_POINTS) {
      tr.x.splice(0, tr.x.length - MAX_POINTS);
      tr.y.splice(0, tr.y.length - MAX_POINTS);
    }
  }

  /** Resolves once every call to the network made so far has answered (tests, ready). */
  async whenIdle() {
    await this.calls.settled();
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


Object.assign(SimcoreHopfield.prototype, DOM, DYNAMICS, PANELS, CAPACITY_CHART);
