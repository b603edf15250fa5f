// The learning curves of <simcore-mlp> (uPlot): loss (log scale) or error
// rate against the epoch, training solid and test dashed, for network A and
// (side by side) B overlaid. uPlot fixes labels and series at creation, so a
// new language or a change of the network count rebuilds the chart.
import uPlot from 'uplot';
import { AXIS, legendMatchingLines } from '../shared/plot-style.mjs';

export const NET_COLOURS = ['#6a3fb5', '#e8590c'];

export class Curves {
  /** log: logarithmic y (the loss); height in px. */
  constructor(container, { log = false, height = 170 } = {}) {
    Object.assign(this, { container, log, height, plot: null, key: '', data: [[]] });
  }

  /** labels: { x, y, names: ['A training', 'A test', ...] } (two series per network). */
  setup(labels) {
    const key = JSON.stringify(labels);
    if (key === this.key) return;
    this.key = key;
    this.labels = labels;
    this.destroy();
    this.render();
  }

  /** data: [epochs, then per network training and test values]; NaN shows as a gap. */
  setData(data) {
    this.data = data.map((col, k) => (k === 0 ? col : col.map((v) => (Number.isFinite(v) ? (this.log ? Math.max(v, 1e-6) : v) : null))));
    if (this.plot) this.plot.setData(this.data);
    else this.render();
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
    const series = L.names.map((label, k) => ({
      label, stroke: NET_COLOURS[k >> 1], width: 1.6, dash: k % 2 ? [5, 3] : undefined, points: { show: false },
      value: (u, v) => (v == null ? '–' : this.log ? v.toPrecision(3) : v.toFixed(2)),
    }));
    const data = this.data.length === series.length + 1 ? this.data : [[], ...series.map(() => [])];
    this.plot = new uPlot({
      width, height: this.height,
      cursor: { drag: { x: false, y: false }, points: { size: 5 } },
      legend: legendMatchingLines(),
      scales: { x: { time: false }, y: this.log ? { distr: 3 } : { range: (u, lo, hi) => [0, Math.max(1, hi * 1.05)] } },
      axes: [{ ...AXIS, label: L.x, labelSize: 14, size: 26 }, { ...AXIS, label: L.y, labelSize: 14, size: 44 }],
      series: [{ label: L.x, value: (u, v) => (v == null ? '–' : String(v)) }, ...series],
    }, data, this.container);
  }
}
