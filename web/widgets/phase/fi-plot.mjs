// The f-I curve as a small uPlot chart: firing rate (Hz) against the input
// current, I_SN as a dashed vertical line, the current I as a solid one.
import uPlot from 'uplot';
import { AXIS, fixed } from '../shared/plot-style.mjs';

export class FIPlot {
  constructor(container, height = 160) {
    Object.assign(this, { container, height, plot: null, key: '', data: [[], []], marks: { iSN: NaN, I: NaN } });
  }

  /** labels: { I, rate, iSN, now }; I, rate: the curve; marks: { iSN, I }. */
  set(labels, I, rate, marks) {
    this.data = [Array.from(I), Array.from(rate)];
    this.marks = marks;
    const key = JSON.stringify(labels);
    if (key !== this.key) {
      this.key = key;
      this.destroy();
      this.key = key;
      this.labels = labels;
    }
    if (this.plot) this.plot.setData(this.data);
    else this.render();
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
  }

  /** Redraw the marks only (the current I moved). */
  mark(marks) {
    this.marks = marks;
    this.plot?.redraw(false);
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
    const line = (u, x, color, dash, text) => {
      if (!Number.isFinite(x) || x < u.scales.x.min || x > u.scales.x.max) return;
      const c = u.ctx;
      const dpr = devicePixelRatio || 1;
      const px = Math.round(u.valToPos(x, 'x', true));
      c.save();
      c.strokeStyle = color;
      c.fillStyle = color;
      c.lineWidth = 1.5 * dpr;
      c.setLineDash(dash.map((v) => v * dpr));
      c.beginPath();
      c.moveTo(px, u.bbox.top);
      c.lineTo(px, u.bbox.top + u.bbox.height);
      c.stroke();
      c.font = `${10 * dpr}px system-ui, sans-serif`;
      c.textAlign = 'left';
      c.setLineDash([]);
      c.fillText(text, px + 3 * dpr, u.bbox.top + 11 * dpr);
      c.restore();
    };
    this.plot = new uPlot({
      width, height: this.height,
      cursor: { drag: { x: false, y: false }, points: { size: 5 } },
      scales: { x: { time: false }, y: { range: (u, lo, hi) => [0, Math.max(10, hi * 1.08)] } },
      axes: [
        { ...AXIS, label: L.I, labelSize: 16, size: 28 },
        { ...AXIS, label: L.rate, labelSize: 16, size: 40 },
      ],
      series: [
        { label: 'I', value: fixed(2) },
        { label: L.rate, stroke: '#2456c7', width: 1.6, value: fixed(1), points: { show: true, size: 3 } },
      ],
      hooks: {
        draw: [(u) => {
          line(u, this.marks.iSN, '#8e44ad', [5, 4], L.iSN);
          line(u, this.marks.I, '#c0392b', [], L.now);
        }],
      },
    }, this.data, this.container);
  }
}
