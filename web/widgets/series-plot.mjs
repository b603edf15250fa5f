// Time series of two variables as a uPlot chart (the phase-plane widgets'
// linked plots): left axis for the first, right axis for the second, a live
// legend, and optional marks (e.g. spike times) as ticks along the top.
// uPlot fixes labels at creation, so a label change rebuilds the chart.
import uPlot from 'uplot';
import { AXIS, fixed } from './plot-style.mjs';
import css from 'uplot/dist/uPlot.min.css';

export const SERIES_PLOT_CSS = css;

export class SeriesPlot {
  constructor(container, height = 150) {
    Object.assign(this, { container, height, plot: null, key: '', data: [[], [], []], marks: [], cursorAt: null, onPick: null });
  }

  /** A dashed vertical line at time t (null: none), e.g. the time the phase plane shows. */
  setCursorLine(t) {
    if (t === this.cursorAt) return;
    this.cursorAt = t;
    this.plot?.redraw(false);
  }

  /**
   * labels: { t, a, b } axis names; t: times; a, b: the two series; marks: times
   * to tick; range: optional fixed [min, max] of the first series.
   */
  set(labels, t, a, b, marks = [], range = null) {
    this.data = [t, a, b];
    this.marks = marks;
    const key = JSON.stringify([labels, range]);
    if (key !== this.key) {
      this.key = key;
      this.plot?.destroy();
      this.plot = null;
      this.labels = labels;
      this.range = range;
    }
    if (this.plot) this.plot.setData(this.data);
    else this.render();
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
    this.key = '';
  }

  get canvas() {
    return this.plot?.ctx.canvas ?? null;
  }

  render() {
    const width = this.container.clientWidth;
    if (!width || !this.labels) return;
    const L = this.labels;
    this.plot = new uPlot({
      width, height: this.height,
      cursor: { drag: { x: true, y: false }, points: { size: 5 } },
      scales: { x: { time: false }, a: this.range ? { range: this.range } : {}, b: {} },
      axes: [
        { ...AXIS, label: L.t, labelSize: 16, size: 28 },
        { ...AXIS, scale: 'a', label: L.a, labelSize: 16, size: 40 },
        { ...AXIS, scale: 'b', side: 1, label: L.b, labelSize: 16, size: 40, grid: { show: false } },
      ],
      series: [
        { label: 't', value: fixed(2) },
        { label: L.a, scale: 'a', stroke: '#c0392b', width: 1.3, value: fixed(3) },
        { label: L.b, scale: 'b', stroke: '#2456c7', width: 1.3, value: fixed(3) },
      ],
      hooks: {
        draw: [(u) => {
          const c = u.ctx;
          const dpr = devicePixelRatio || 1;
          if (this.cursorAt !== null) {
            const x = Math.round(u.valToPos(this.cursorAt, 'x', true));
            c.save();
            c.strokeStyle = '#1e8449';
            c.lineWidth = 1.5 * dpr;
            c.setLineDash([4 * dpr, 3 * dpr]);
            c.beginPath();
            c.moveTo(x, u.bbox.top);
            c.lineTo(x, u.bbox.top + u.bbox.height);
            c.stroke();
            c.restore();
          }
          if (!this.marks.length) return;
          c.save();
          c.strokeStyle = '#1d2330';
          c.lineWidth = 1.5 * dpr;
          c.beginPath();
          for (const m of this.marks) {
            const x = Math.round(u.valToPos(m, 'x', true));
            c.moveTo(x, u.bbox.top);
            c.lineTo(x, u.bbox.top + 8 * dpr);
          }
          c.stroke();
          c.restore();
        }],
      },
    }, this.data, this.container);
    // A click (not the end of a drag-zoom) reports the time under the pointer.
    let downX = null;
    this.plot.over.addEventListener('pointerdown', (e) => { downX = e.clientX; });
    this.plot.over.addEventListener('click', (e) => {
      const l = this.plot.cursor.left;
      if (this.onPick && downX !== null && Math.abs(e.clientX - downX) < 4 && l >= 0) this.onPick(this.plot.posToVal(l, 'x'));
      downX = null;
    });
  }
}
