// Canvas drawing for <simcore-kernels>: axes with ticks, data-to-pixel maps,
// contour lines of a gridded field (marching squares, for drawing only: the
// field itself comes from the core) and fields as colour images.
export const COLOURS = Object.freeze({ m: '#2456c7', f: '#c73a5b', mFill: 'rgba(36,86,199,0.25)', fFill: 'rgba(199,58,91,0.25)', ink: '#1d2330', muted: '#5b6474', grid: '#e6e9ef' });
const PAD = { l: 44, r: 8, t: 8, b: 30 };

/** Nice tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(10)));
  return out;
}

/** Size the canvas to its CSS box at the device's pixel ratio; returns the context in CSS pixels. */
export function fit(canvas, aspect = 0.62) {
  const w = Math.max(160, canvas.clientWidth || canvas.parentElement?.clientWidth || 300);
  const h = Math.round(w * aspect);
  const dpr = globalThis.devicePixelRatio || 1;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, w, h };
}

/** An axes frame: { ctx, X, Y, inv, box } with X/Y data → px and inv px → data. */
export function axes(canvas, { x: [x0, x1], y: [y0, y1], xLabel = '', yLabel = '', aspect, logX = false }) {
  const { ctx, w, h } = fit(canvas, aspect);
  const box = { l: PAD.l, t: PAD.t, r: w - PAD.r, b: h - PAD.b };
  const fx = (v) => (logX ? Math.log10(v) : v);
  const X = (v) => box.l + ((fx(v) - fx(x0)) / (fx(x1) - fx(x0))) * (box.r - box.l);
  const Y = (v) => box.b - ((v - y0) / (y1 - y0)) * (box.b - box.t);
  const inv = (px, py) => {
    const u = fx(x0) + ((px - box.l) / (box.r - box.l)) * (fx(x1) - fx(x0));
    return [logX ? 10 ** u : u, y0 + ((box.b - py) / (box.b - box.t)) * (y1 - y0)];
  };
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = COLOURS.grid;
  ctx.fillStyle = COLOURS.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xt = logX ? ticks(Math.log10(x0), Math.log10(x1)).map((e) => 10 ** e) : ticks(x0, x1);
  for (const v of xt) {
    const px = X(v);
    ctx.beginPath(); ctx.moveTo(px, box.t); ctx.lineTo(px, box.b); ctx.stroke();
    ctx.fillText(logX ? String(Number(v.toPrecision(1))) : String(v), px, box.b + 3);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks(y0, y1, 4)) {
    const py = Y(v);
    ctx.beginPath(); ctx.moveTo(box.l, py); ctx.lineTo(box.r, py); ctx.stroke();
    ctx.fillText(String(v), box.l - 3, py);
  }
  ctx.strokeStyle = COLOURS.muted;
  ctx.strokeRect(box.l, box.t, box.r - box.l, box.b - box.t);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, (box.l + box.r) / 2, h - 1);
  ctx.save();
  ctx.translate(10, (box.t + box.b) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top';
  ctx.fillText(yLabel, 0, -8);
  ctx.restore();
  return { ctx, X, Y, inv, box, w, h };
}

/** A polyline through (xs[i], ys[i]); NaN breaks it. */
export function line(f, xs, ys, colour, width = 2, dash = []) {
  const { ctx } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.box.l, f.box.t, f.box.r - f.box.l, f.box.b - f.box.t);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i])) { pen = false; continue; }
    if (pen) ctx.lineTo(f.X(xs[i]), f.Y(ys[i]));
    else ctx.moveTo(f.X(xs[i]), f.Y(ys[i]));
    pen = true;
  }
  ctx.stroke();
  ctx.restore();
}

/** Segments of the level-`level` contour of field[j * nx + i] on axes xs, ys (marching squares). */
export function contourSegments(field, xs, ys, level) {
  const nx = xs.length;
  const out = [];
  const at = (i, j) => field[j * nx + i] - level;
  const cross = (xa, ya, va, xb, yb, vb) => { const t = va / (va - vb); return [xa + t * (xb - xa), ya + t * (yb - ya)]; };
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const v = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      const p = [[xs[i], ys[j]], [xs[i + 1], ys[j]], [xs[i + 1], ys[j + 1]], [xs[i], ys[j + 1]]];
      const pts = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e];
        const b = v[(e + 1) % 4];
        if ((a < 0) !== (b < 0)) pts.push(cross(p[e][0], p[e][1], a, p[(e + 1) % 4][0], p[(e + 1) % 4][1], b));
      }
      if (pts.length === 2) out.push(pts);
      else if (pts.length === 4) out.push([pts[0], pts[1]], [pts[2], pts[3]]);
    }
  }
  return out;
}

export function drawContour(f, field, xs, ys, level, colour, width = 1.5, dash = []) {
  const { ctx } = f;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  for (const [[ax, ay], [bx, by]] of contourSegments(field, xs, ys, level)) {
    ctx.moveTo(f.X(ax), f.Y(ay));
    ctx.lineTo(f.X(bx), f.Y(by));
  }
  ctx.stroke();
  ctx.restore();
}

/** Fill the axes box with colour(field value) per grid cell (y outer, y up). */
export function drawField(f, field, nx, ny, colour) {
  const img = document.createElement('canvas');
  img.width = nx;
  img.height = ny;
  const ictx = img.getContext('2d');
  const data = ictx.createImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [r, g, b] = colour(field[j * nx + i]);
      const o = ((ny - 1 - j) * nx + i) * 4;
      data.data[o] = r; data.data[o + 1] = g; data.data[o + 2] = b; data.data[o + 3] = 255;
    }
  }
  ictx.putImageData(data, 0, 0);
  f.ctx.imageSmoothingEnabled = true;
  f.ctx.drawImage(img, f.box.l, f.box.t, f.box.r - f.box.l, f.box.b - f.box.t);
}

/** Points as dots (or rings), coloured by sex. */
export function dots(f, rows, { radius = 2.5, ring = false, alpha = 1 } = {}) {
  const { ctx } = f;
  ctx.save();
  ctx.globalAlpha = alpha;
  for (const r of rows) {
    ctx.beginPath();
    ctx.arc(f.X(r.height), f.Y(r.weight), radius, 0, 2 * Math.PI);
    if (ring) { ctx.strokeStyle = COLOURS.ink; ctx.lineWidth = 1.5; ctx.stroke(); } else { ctx.fillStyle = COLOURS[r.sex]; ctx.fill(); }
    if (r.added && !ring) { ctx.strokeStyle = COLOURS.ink; ctx.lineWidth = 1; ctx.stroke(); }
  }
  ctx.restore();
}

export function legend(f, items) {
  const { ctx } = f;
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let y = f.box.t + 9;
  for (const [colour, text, dash] of items) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash ?? []);
    ctx.beginPath(); ctx.moveTo(f.box.r - 120, y); ctx.lineTo(f.box.r - 100, y); ctx.stroke();
    ctx.fillStyle = COLOURS.ink;
    ctx.fillText(text, f.box.r - 96, y);
    y += 14;
  }
  ctx.restore();
}
