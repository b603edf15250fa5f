// A model-coordinate viewport for 2-D planes (phase planes, trace–determinant
// planes): model ↔ pixel mapping, zoom about a point, pan. By default equal
// scale on both axes (the view is a centre and a half-width; the half-height
// follows the canvas's aspect), so angles in the picture are angles in the
// model: eigenvectors and nullclines look the way the algebra says. Planes
// whose variables have different units (v in mV, u in mV/ms) set `yHalf`, the
// half-height in model units, instead. No drawing here (plane-draw.mjs) and
// no numerics of any model.

export class Viewport {
  /** cx, cy: centre; span: half-width in model units; w, h: CSS pixels; yHalf: half-height (null: equal scale). */
  constructor(cx = 0, cy = 0, span = 1, w = 300, h = 300, yHalf = null) {
    Object.assign(this, { cx, cy, span, w, h, yHalf });
  }

  setView(cx, cy, span) {
    this.cx = cx;
    this.cy = cy;
    this.span = span;
  }

  setSize(w, h) {
    this.w = w;
    this.h = h;
  }

  /** Model x units per pixel. */
  get unit() {
    return (2 * this.span) / this.w;
  }

  /** Model y units per pixel. */
  get unitY() {
    return this.yHalf === null ? this.unit : (2 * this.yHalf) / this.h;
  }

  /** The visible box: [xmin, xmax, ymin, ymax]. */
  get box() {
    const hy = (this.unitY * this.h) / 2;
    return [this.cx - this.span, this.cx + this.span, this.cy - hy, this.cy + hy];
  }

  toPx(x, y) {
    return [this.w / 2 + (x - this.cx) / this.unit, this.h / 2 - (y - this.cy) / this.unitY];
  }

  toModel(px, py) {
    return [this.cx + (px - this.w / 2) * this.unit, this.cy - (py - this.h / 2) * this.unitY];
  }

  /** Zoom by `factor` (> 1 zooms in) keeping the model point under (px, py) fixed. */
  zoomAt(factor, px = this.w / 2, py = this.h / 2) {
    const [mx, my] = this.toModel(px, py);
    this.span /= factor;
    if (this.yHalf !== null) this.yHalf /= factor;
    const [nx, ny] = this.toModel(px, py);
    this.cx += mx - nx;
    this.cy += my - ny;
  }

  /** Move the picture by (dx, dy) pixels (the content follows the pointer). */
  panBy(dx, dy) {
    this.cx -= dx * this.unit;
    this.cy += dy * this.unitY;
  }
}

/** Round tick positions (1, 2, 5 × 10^k) covering [lo, hi], about `n` of them. */
export function niceTicks(lo, hi, n = 5) {
  const raw = (hi - lo) / Math.max(1, n);
  if (!(raw > 0) || !Number.isFinite(raw)) return { ticks: [], step: 0 };
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { ticks, step };
}

/** A tick label with as many decimals as the step needs. */
export function tickLabel(v, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(Math.min(decimals, 6)).replace(/^-0(\.0*)?$/, '0');
}
