// <simcore-hopfield>'s dynamics: a neuron, a sweep, the animated recall and
// annealing, all as steps of the network's session (sessions.mjs, which
// calls the core's net.advance). The page keeps the budget of updates per
// animation frame and applies the frames it gets back; the update order,
// the anneal schedule, fixed points and 2-cycles are the core's. Mixed into
// the element (hopfield.mjs).
import { t } from '../shared/i18n.mjs';
import { drive } from '../shared/sessions.mjs';
import { frameArgs } from './frame-args.mjs';

export const DYNAMICS = {
  stepNeuron() {
    if (this._state.mode !== 'async') return;
    this.pause();
    this.advance({ mode: 'async', temperature: this._state.temperature, updates: 1 });
  },

  /** The rest of the current sweep (async) or one sweep (sync). */
  stepSweep() {
    this.pause();
    const { mode, temperature } = this._state;
    this.advance(mode === 'sync' ? { mode, temperature, updates: 1 } : { mode, temperature, rest: true });
  },

  /** One step outside an animation; its frame becomes the state and the link. */
  advance(args) {
    const gen = this.gen;
    return this.netStep(args).then((f) => {
      if (gen !== this.gen) return;
      this.applyFrame(f);
      this.status = f.end;
      this.refresh();
      this.keepNeurons();
    }).catch((err) => this.fail(err));
  },

  toggleRun() {
    if (!this.running) return this.run('recall');
    this.pause();
    this.keepNeurons();
  },

  startAnneal() {
    this.pause();
    this.run('anneal');
  },

  async run(kind) {
    const r = { kind, k: 0, budget: 0, last: performance.now() };
    this.running = r;
    this.status = null;
    this.els.play.dataset.i18n = 'hopfield.pause';
    this.els.play.textContent = t('hopfield.pause');
    const session = await this.sessionReady;
    if (this.running !== r) return; // paused (or edited) while the network was being built
    const gen = this.gen;
    r.last = performance.now();
    this.driver = drive(session, {
      element: this,
      calls: this.calls,
      args: (now) => (this.running === r ? frameArgs(r, this._state, this.n, now) : null),
      frame: (f) => this.onFrame(f, r, gen),
      done: (err) => err && this.fail(err),
    });
  },

  /** A frame of the animation (also one that was in flight when it paused). */
  onFrame(f, r, gen) {
    if (gen !== this.gen) return; // an edit replaced the state meanwhile
    this.applyFrame(f);
    if (r.kind === 'anneal') {
      r.T = f.temperature;
      // Then settle at T = 0.
      if (r.k >= this._state.annealSweeps) Object.assign(r, { kind: 'recall', settle: true, budget: 0 });
    }
    if (f.end) {
      this.status = f.end;
      this.pause();
      this.highlight = -1;
    }
    this.refresh();
    if (this.running !== r) this.keepNeurons(); // ended, or the last frame after a pause
  },

  pause() {
    this.driver?.stop();
    this.driver = null;
    if (!this.running) return;
    this.running = null;
    this.els.play.dataset.i18n = 'hopfield.play';
    this.els.play.textContent = t('hopfield.play');
    this.showInfo();
  },
};
