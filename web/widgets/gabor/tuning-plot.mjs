// The orientation tuning curve as a uPlot chart: two series over 0–180°
// (simple and complex cell), a dashed marker at the filter's θ, and uPlot's
// live legend, which reads out the responses under the cursor. The simple
// cell is a dashed line over the complex cell's solid one: at ψ = 0 the two
// coincide (tuning.mjs says why) and must still be seen as two. uPlot's
// stylesheet is bundled as text and placed in the widget's shadow root.
import uPlot from 'uplot';
import { AXIS, legendMatchingLines } from '../shared/plot-style.mjs';
import css from 'uplot/dist/uPlot.min.css';

export const TUNING_PLOT_CSS = css;
const HEIGHT = 150;

export class TuningPlot {
  constructor(container) {
    this.container = container;
    this.plot = null;
    this.data = [[], [], []];
    this.marker = 0;
    this.labels = null;
  }

  /** labels: { x, y, simple, complex }; a change rebuilds the chart (uPlot fixes them at creation). */
  setLabels(labels) {
    if (JSON.stringify(labels) === JSON.stringify(this.labels)) return;
    this.labels = labels;
    this.plot?.destroy();
    this.plot = null;
    this.render();
  }

  /** xs in degrees; responses already normalised to [0, 1]; marker = θ in degrees. */
  setData(xs, simple, complex, marker) {
    this.data = [xs, complex, simple];
    this.marker = marker;
    if (this.plot) this.plot.setData(this.data);
    else this.render();
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: HEIGHT });
  }

  get canvas() {
    return this.plot?.ctx.canvas ?? null;
  }

  render() {
    const width = this.container.clientWidth;
    if (!this.labels || !this.data[0].length || width === 0) return;
    const L = this.labels;
    this.plot = new uPlot({
      width,
      height: HEIGHT,
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      legend: legendMatchingLines(),
      scales: { x: { time: false, range: [0, 180] }, y: { range: [0, 1.05] } },
      axes: [
        { ...AXIS, label: L.x, labelSize: 16, size: 28, splits: () => [0, 45, 90, 135, 180], values: (u, ticks) => ticks.map((t) => `${t}°`) },
        { ...AXIS, label: L.y, labelSize: 16, size: 34, splits: () => [0, 0.5, 1], values: (u, ticks) => ticks.map((t) => t.toFixed(1)) },
      ],
      series: [
        { label: 'φ', value: (u, v) => (v == null ? '–' : `${v.toFixed(0)}°`) },
        // Complex first, so the dashed simple-cell line is drawn on top of it.
        { label: L.complex, stroke: '#c0392b', width: 3, value: (u, v) => (v == null ? '–' : v.toFixed(2)) },
        { label: L.simple, stroke: '#2456c7', width: 2, dash: [6, 5], value: (u, v) => (v == null ? '–' : v.toFixed(2)) },
      ],
      hooks: {
        // The filter's own orientation θ: where the curves should peak.
        draw: [(u) => {
          const x = Math.round(u.valToPos(this.marker, 'x', true));
          const { ctx } = u;
          ctx.save();
          ctx.strokeStyle = '#1d2330';
          ctx.lineWidth = devicePixelRatio || 1;
          ctx.setLineDash([4, 4]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        }],
      },
    }, this.data, this.container);
  }
}
