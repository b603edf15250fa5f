// The charts of <simcore-hopfield> (uPlot): the energy trace of the running
// recall and the capacity curves. A small line chart wrapper with vertical
// markers (the 0.138 load, the current load); labels are fixed at creation
// in uPlot, so a language switch rebuilds the chart.
import uPlot from 'uplot';
import { AXIS, legendMatchingLines } from '../shared/plot-style.mjs';

export class LinePlot {
  /**
   * options: { height, x: { range? }, y: { range? }, format(x) for the legend,
   * series: [{ stroke, width, dash }] } ; labels via setLabels({ x, y, series: [...] }).
   */
  constructor(container, options) {
    this.container = container;
    this.options = options;
    this.plot = null;
    this.labels = null;
    this.data = [[], ...options.series.map(() => [])];
    this.markers = [];
  }

  setLabels(labels) {
    if (JSON.stringify(labels) === JSON.stringify(this.labels)) return;
    this.labels = labels;
    this.plot?.destroy();
    this.plot = null;
    this.render();
  }

  /** data: [xs, ys1, ys2, ...]; markers: [{ x, color, dash }] drawn as vertical lines. */
  setData(data, markers = this.markers) {
    this.data = data;
    this.markers = markers;
    if (this.plot) this.plot.setData(data);
    else this.render();
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.options.height });
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
    if (!this.labels || width === 0) return;
    const o = this.options;
    const L = this.labels;
    const fmt = (v) => (v == null ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
    this.plot = new uPlot({
      width,
      height: o.height,
      cursor: { drag: { x: false, y: false }, points: { size: 5 } },
      legend: legendMatchingLines(),
      scales: { x: { time: false, ...(o.x?.range ? { range: o.x.range } : {}) }, y: o.y?.range ? { range: o.y.range } : {} },
      axes: [
        { ...AXIS, label: L.x, labelSize: 16, size: 28 },
        { ...AXIS, label: L.y, labelSize: 16, size: 42 },
      ],
      series: [
        { label: L.x, value: (u, v) => fmt(v) },
        ...o.series.map((s, i) => ({ label: L.series[i], stroke: s.stroke, width: s.width ?? 1.5, dash: s.dash,
          points: { show: s.points ?? false }, value: (u, v) => fmt(v) })),
      ],
      hooks: {
        draw: [(u) => {
          const { ctx } = u;
          for (const m of this.markers) {
            const x = Math.round(u.valToPos(m.x, 'x', true));
            if (!(x >= u.bbox.left && x <= u.bbox.left + u.bbox.width)) continue;
            ctx.save();
            ctx.strokeStyle = m.color ?? '#1d2330';
            ctx.lineWidth = devicePixelRatio || 1;
            ctx.setLineDash(m.dash ?? [4, 4]);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          }
        }],
      },
    }, this.data, this.container);
  }
}
