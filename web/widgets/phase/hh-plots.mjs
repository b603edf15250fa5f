// A small uPlot chart of several series against one x (the Hodgkin–Huxley
// widget's V(t), I(t), gates, x∞(V) and τx(V) plots). uPlot fixes labels at
// creation, so a label change rebuilds the chart; new data only replaces it.
import uPlot from 'uplot';
import { AXIS, fixed, legendMatchingLines } from '../shared/plot-style.mjs';

export class LinePlot {
  /** series: [{ key, stroke, dash? }]; range: fixed [min, max] of y, or null. */
  constructor(container, height, series, range = null) {
    Object.assign(this, { container, height, series, range, plot: null, key: '', data: null });
  }

  /** labels: { x, y, series: { key: name } }; data: [x, ...one array per series]. */
  set(labels, data) {
    this.data = data;
    const key = JSON.stringify(labels);
    if (key !== this.key) {
      this.plot?.destroy();
      this.plot = null;
      this.key = key;
      this.labels = labels;
    }
    if (this.plot) this.plot.setData(data);
    else this.render();
  }

  resize() {
    const width = this.container.clientWidth;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
    else if (!this.plot && this.data) this.render();
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
    this.key = '';
  }

  render() {
    const width = this.container.clientWidth;
    if (!width || !this.labels || !this.data) return;
    const L = this.labels;
    this.plot = new uPlot({
      width, height: this.height,
      legend: legendMatchingLines(),
      cursor: { drag: { x: false, y: false }, points: { size: 4 } },
      scales: { x: { time: false }, y: this.range ? { range: this.range } : {} },
      axes: [{ ...AXIS, label: L.x, labelSize: 14, size: 26 }, { ...AXIS, label: L.y, labelSize: 14, size: 42 }],
      series: [{ label: L.x, value: fixed(2) },
        ...this.series.map((s) => ({ label: L.series[s.key], stroke: s.stroke, width: 1.5, dash: s.dash, value: fixed(3), points: { show: false } }))],
    }, this.data, this.container);
  }
}
