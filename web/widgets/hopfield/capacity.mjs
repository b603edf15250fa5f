// <simcore-hopfield>'s capacity chart: recall rate against load for the
// three rules, one worker job per rule (jobs.mjs), latest wins. Mixed into
// the element (hopfield.mjs).
import { t } from '../shared/i18n.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';

// Random patterns on n neurons (the schema's capacityN and capacityTrials),
// 10 % noise, exact recall and final overlap.
const CAPACITY = { noise: 0.1, loads: Array.from({ length: 15 }, (_, k) => 0.02 * (k + 1)) };
const CAP_RULES = ['hebb', 'storkey', 'pseudoinverse'];
const AMIT_LOAD = 0.138; // Amit, Gutfreund and Sompolinsky 1985

export const CAPACITY_CHART = {
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
  },

  /** End a computation under way (its worker with it); the curves done so far stay. */
  stopCapacity() {
    if (!this.capRun) return;
    this.lane?.lane.terminate();
    this.lane = null;
    this.capRun = null;
    this.setCapButton('hopfield.capacity.compute');
    this.showCapNote('hopfield.capacity.note');
    this.drawCapacity();
  },

  setCapButton(key) {
    this.els.capBtn.dataset.i18n = key;
    this.els.capBtn.textContent = t(key);
  },

  showCapNote(key) {
    this.els.capInfo.dataset.i18n = key;
    this.els.capInfo.textContent = t(key);
  },

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
  },
};
