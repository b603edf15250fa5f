// Time series of two variables as a uPlot chart (the phase-plane widgets'
// linked plots), a live legend, and optional marks (e.g. spike times) as
// ticks along the top. Axes (`axes` of set()): 'free' (left axis for the
// first, right for the second, each scaled to its data), 'shared' (both on
// one left axis: values compare directly) or 'aligned' (two axes whose zeros
// sit at the same height, so two variables that go to 0 end on one line).
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
   * to tick; range: optional fixed [min, max] of the first series; axes:
   * 'free', 'shared' or 'aligned' (see the top of this file).
   */
  set(labels, t, a, b, marks = [], range = null, axes = 'free') {
    this.data = [t, a, b];
    this.marks = marks;
    const key = JSON.stringify([labels, range, axes]);
    if (key !== this.key) {
      this.key = key;
      this.plot?.destroy();
      this.plot = null;
      this.labels = labels;
      this.range = range;
      this.axes = axes;
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
    const shared = this.axes === 'shared';
    const aligned = this.axes === 'aligned' ? (k) => (u, lo, hi) => alignedZeros(this.data[1], this.data[2])[k] ?? [lo, hi] : null;
    const scaleA = this.range ? { range: this.range } : aligned ? { range: aligned(0) } : {};
    const scaleB = aligned ? { range: aligned(1) } : {};
    const yAxes = shared
      ? [{ ...AXIS, scale: 'a', label: `${L.a}, ${L.b}`, labelSize: 16, size: 40 }]
      : [{ ...AXIS, scale: 'a', label: L.a, labelSize: 16, size: 40 },
        { ...AXIS, scale: 'b', side: 1, label: L.b, labelSize: 16, size: 40, grid: { show: false } }];
    this.plot = new uPlot({
      width, height: this.height,
      cursor: { drag: { x: true, y: false }, points: { size: 5 } },
      scales: { x: { time: false }, a: scaleA, b: scaleB },
      axes: [{ ...AXIS, label: L.t, labelSize: 16, size: 28 }, ...yAxes],
      series: [
        { label: 't', value: fixed(2) },
        { label: L.a, scale: 'a', stroke: '#c0392b', width: 1.3, value: fixed(3) },
        { label: L.b, scale: shared ? 'a' : 'b', stroke: '#2456c7', width: 1.3, value: fixed(3) },
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

/** [min, max] of the finite values of xs, widened to hold 0; null if none. */
function rangeWithZero(xs) {
  let lo = 0;
  let hi = 0;
  let any = false;
  for (const v of xs) {
    if (!Number.isFinite(v)) continue;
    any = true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return any ? [lo, hi] : null;
}

/**
 * Ranges for two series with their zeros at the same height: each range
 * holds its data and 0, and 0 sits at one common fraction f of both (the
 * larger of the two series' own fractions), padded by 5 % on both ends.
 * Returns [rangeA, rangeB] (null for a series without finite values).
 */
export function alignedZeros(a, b) {
  const r = [rangeWithZero(a), rangeWithZero(b)];
  const frac = r.filter(Boolean).map(([lo, hi]) => (hi > lo ? -lo / (hi - lo) : 0.5));
  let f = Math.max(0, ...frac);
  // One series all negative (f = 1) and the other with positive values: meet in the middle.
  if (f >= 1 && r.some((x) => x && x[1] > 0)) f = 0.5;
  return r.map((x) => {
    if (!x) return null;
    let [lo, hi] = x;
    if (hi === lo) return [-1, 1];
    if (f <= 0) lo = 0;
    else if (f >= 1) hi = 0;
    else {
      const n = Math.max(-lo, (f / (1 - f)) * hi);
      lo = -n;
      hi = (n * (1 - f)) / f;
    }
    return [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
  });
}
