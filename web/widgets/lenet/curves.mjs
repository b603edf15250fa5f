// The per-pass curves of <simcore-lenet> (uPlot): test error rate, or the
// training and test loss (log scale), against the pass. Passes are few (1 to
// 30), so every value is marked and the axis runs over the whole planned run
// with whole-number ticks. uPlot fixes labels at creation, so a new language
// rebuilds the chart.
import uPlot from 'uplot';
import { AXIS, legendMatchingLines } from '../shared/plot-style.mjs';

const COLOURS = ['#e8590c', '#6a3fb5']; // training, test

export class PassCurves {
  /** log: logarithmic y (the loss); height in px. */
  constructor(container, { log = false, height = 160 } = {}) {
    Object.assign(this, { container, log, height, plot: null, key: '', data: null, passes: 1 });
  }

  /** labels: { x, y, names: one per series } (with two series: training solid, test dashed). */
  setup(labels) {
    const key = JSON.stringify(labels);
    if (key === this.key) return;
    this.key = key;
    this.labels = labels;
    this.destroy();
    this.render();
  }

  /** data: [passes, ...series]; NaN shows as a gap. passes: the planned run (the x axis' end). */
  setData(data, passes) {
    this.data = data.map((col, k) => (k === 0 ? col : col.map((v) => (Number.isFinite(v) ? (this.log ? Math.max(v, 1e-6) : v) : null))));
    const end = Math.max(1, passes, ...data[0]);
    if (end !== this.passes || !this.plot) {
      this.passes = end;
      this.destroy();
      this.render();
    } else {
      this.plot.setData(this.data);
    }
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
    else if (!this.plot) this.render();
  }

  get canvas() {
    return this.plot?.ctx.canvas ?? null;
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
  }

  render() {
    const width = this.container.clientWidth;
    const L = this.labels;
    if (!L || width === 0) return;
    const two = L.names.length > 1;
    const series = L.names.map((label, k) => ({
      label, stroke: COLOURS[two ? k : 1], width: 1.6, dash: two && k === 0 ? undefined : two ? [5, 3] : undefined,
      points: { show: true, size: 5 },
      value: (u, v) => (v == null ? '–' : this.log ? v.toPrecision(3) : v.toFixed(2)),
    }));
    const data = this.data?.length === series.length + 1 ? this.data : [[], ...series.map(() => [])];
    const end = this.passes;
    this.plot = new uPlot({
      width, height: this.height,
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      legend: legendMatchingLines(),
      scales: { x: { time: false, range: () => [0, end] }, y: this.log ? { distr: 3 } : { range: (u, lo, hi) => [0, Math.max(10, hi * 1.05)] } },
      axes: [{ ...AXIS, label: L.x, labelSize: 14, size: 26, incrs: [1, 2, 5, 10] },
        { ...AXIS, label: L.y, labelSize: 14, size: 44 }],
      series: [{ label: L.x, value: (u, v) => (v == null ? '–' : String(v)) }, ...series],
    }, data, this.container);
  }
}
