// Drawing on a Viewport (plane.mjs): axes with ticks and labels, an arrow
// field, polylines with direction arrows, markers. Pixels and colours only;
// every value drawn arrives from the binding.
import { niceTicks, tickLabel } from './plane.mjs';

const INK = '#1d2330';
const GRID = '#e8ebf0';
const MUTED = '#5b6474';

/** Size the canvas's backing store for devicePixelRatio; returns a context drawing in CSS pixels. */
export function prepareCanvas(canvas, w, h) {
  const dpr = globalThis.devicePixelRatio || 1;
  const bw = Math.round(w * dpr);
  const bh = Math.round(h * dpr);
  if (canvas.width !== bw) canvas.width = bw;
  if (canvas.height !== bh) canvas.height = bh;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}

/** Grid lines, the axes through 0 (or the edges when 0 is off screen), tick labels, axis names. */
export function drawAxes(ctx, vp, { xLabel = 'x', yLabel = 'y' } = {}) {
  const [x0, x1, y0, y1] = vp.box;
  const n = Math.max(2, Math.round(vp.w / 70));
  const tx = niceTicks(x0, x1, n);
  const ty = niceTicks(y0, y1, Math.max(2, Math.round(vp.h / 70)));
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.beginPath();
  for (const v of tx.ticks) {
    const px = Math.round(vp.toPx(v, 0)[0]) + 0.5;
    ctx.moveTo(px, 0);
    ctx.lineTo(px, vp.h);
  }
  for (const v of ty.ticks) {
    const py = Math.round(vp.toPx(0, v)[1]) + 0.5;
    ctx.moveTo(0, py);
    ctx.lineTo(vp.w, py);
  }
  ctx.stroke();
  // Axes: through the origin when visible, else pinned to the left/bottom edge.
  const [ox, oy] = vp.toPx(0, 0);
  const ax = Math.round(Math.min(vp.w - 1, Math.max(0, ox))) + 0.5;
  const ay = Math.round(Math.min(vp.h - 1, Math.max(0, oy))) + 0.5;
  ctx.strokeStyle = '#9aa3b2';
  ctx.beginPath();
  ctx.moveTo(0, ay);
  ctx.lineTo(vp.w, ay);
  ctx.moveTo(ax, 0);
  ctx.lineTo(ax, vp.h);
  ctx.stroke();
  ctx.fillStyle = MUTED;
  ctx.font = '10px system-ui, sans-serif';
  // Tick labels sit on the axis side that has room.
  const below = ay < vp.h - 14;
  ctx.textAlign = 'center';
  ctx.textBaseline = below ? 'top' : 'bottom';
  for (const v of tx.ticks) {
    if (v === 0) continue;
    const px = vp.toPx(v, 0)[0];
    if (px < 12 || px > vp.w - 12) continue;
    ctx.fillText(tickLabel(v, tx.step), px, below ? ay + 3 : ay - 3);
  }
  const right = ax < vp.w - 40;
  ctx.textAlign = right ? 'left' : 'right';
  ctx.textBaseline = 'middle';
  for (const v of ty.ticks) {
    if (v === 0) continue;
    const py = vp.toPx(0, v)[1];
    if (py < 10 || py > vp.h - 10) continue;
    ctx.fillText(tickLabel(v, ty.step), right ? ax + 4 : ax - 4, py);
  }
  ctx.fillStyle = INK;
  ctx.font = 'italic 13px system-ui, sans-serif';
  ctx.textAlign = 'right';
  // The axis name on the other side of the axis from its tick labels; past
  // the tick labels when that side is off the canvas (an axis pinned to the
  // bottom edge has its ticks above it: the name goes above them).
  const nameAbove = !below || ay - 16 >= 0;
  ctx.textBaseline = nameAbove ? 'bottom' : 'top';
  ctx.fillText(xLabel, vp.w - 4, below ? (nameAbove ? ay - 3 : ay + 16) : ay - 16);
  ctx.textAlign = right ? 'left' : 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(yLabel, right ? ax + 5 : ax - 5, 3);
  ctx.restore();
}

// Speed colour: a light blue-to-orange ramp over log speed (the field spans
// decades); light, so trajectories drawn over the field stay in front.
const RAMP = [[0, 150, 178, 218], [0.5, 170, 150, 200], [1, 230, 150, 100]];
export function ramp(t) {
  let k = 0;
  while (k < RAMP.length - 2 && t > RAMP[k + 1][0]) k++;
  const [t0, ...a] = RAMP[k];
  const [t1, ...b] = RAMP[k + 1];
  const f = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * f)).join(',')})`;
}

/**
 * Normalised arrows of a direction field sampled on an nx × ny grid over
 * [x0, x1] × [y0, y1] (x fastest; field = dx0, dy0, dx1, dy1, …), coloured by
 * log speed on screen relative to the fastest arrow shown. Arrow length: `len` px.
 */
export function drawArrowField(ctx, vp, field, [x0, x1, nx], [y0, y1, ny], len) {
  // Directions and speeds in screen pixels per unit time (the axes may have
  // different scales); screen y points down.
  const sx = 1 / vp.unit;
  const sy = -1 / vp.unitY;
  let max = 0;
  for (let i = 0; i < nx * ny; i++) max = Math.max(max, Math.hypot(field[2 * i] * sx, field[2 * i + 1] * sy));
  if (!(max > 0) || !Number.isFinite(max)) return;
  ctx.save();
  ctx.lineWidth = 1.2;
  ctx.lineCap = 'round';
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const fx = field[2 * k] * sx;
      const fy = field[2 * k + 1] * sy;
      const s = Math.hypot(fx, fy);
      if (!(s > 0) || !Number.isFinite(s)) continue;
      const [px, py] = vp.toPx(x0 + ((x1 - x0) * i) / (nx - 1), y0 + ((y1 - y0) * j) / (ny - 1));
      const ux = fx / s;
      const uy = fy / s;
      // log10 speed over 2 decades below the maximum → [0, 1].
      ctx.strokeStyle = ramp(1 + Math.log10(s / max) / 2);
      const bx = px - (ux * len) / 2;
      const by = py - (uy * len) / 2;
      const ex = px + (ux * len) / 2;
      const ey = py + (uy * len) / 2;
      ctx.beginPath();
      ctx.moveTo(bx, by);
      ctx.lineTo(ex, ey);
      const hl = Math.min(5, len * 0.35);
      ctx.moveTo(ex - hl * (ux * 0.87 - uy * 0.5), ey - hl * (uy * 0.87 + ux * 0.5));
      ctx.lineTo(ex, ey);
      ctx.lineTo(ex - hl * (ux * 0.87 + uy * 0.5), ey - hl * (uy * 0.87 - ux * 0.5));
      ctx.stroke();
    }
  }
  ctx.restore();
}

/**
 * Model-coordinate polyline (x0, y0, x1, y1, …); optional dash and
 * arrowheads every `arrowEvery` px along it, none within arrowEvery / 2 px of
 * one already drawn (a closed orbit traced ten times gets one ring of
 * arrows, not ten). Returns the arrowheads' pixel positions.
 */
export function drawPolyline(ctx, vp, pts, { color = INK, width = 1.5, dash = null, arrowEvery = 0, start = 0, end = pts.length / 2 } = {}) {
  const arrows = [];
  if (end - start < 2) return arrows;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  if (dash) ctx.setLineDash(dash);
  ctx.beginPath();
  let moved = false;
  // Points far off screen are clipped to a generous band so huge values
  // (an unstable node's escape) do not overflow the canvas's coordinates.
  const lim = 4 * Math.max(vp.w, vp.h);
  for (let i = start; i < end; i++) {
    let [px, py] = vp.toPx(pts[2 * i], pts[2 * i + 1]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) { moved = false; continue; }
    px = Math.max(-lim, Math.min(lim, px));
    py = Math.max(-lim, Math.min(lim, py));
    if (moved) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    moved = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
  if (arrowEvery > 0) {
    let acc = arrowEvery / 2;
    let [qx, qy] = vp.toPx(pts[2 * start], pts[2 * start + 1]);
    for (let i = start + 1; i < end; i++) {
      const [px, py] = vp.toPx(pts[2 * i], pts[2 * i + 1]);
      const d = Math.hypot(px - qx, py - qy);
      acc += d;
      if (acc >= arrowEvery && d > 0 && px > 0 && py > 0 && px < vp.w && py < vp.h) {
        acc = 0;
        if (!arrows.some(([ax, ay]) => Math.hypot(ax - px, ay - py) < arrowEvery / 2)) {
          arrowHead(ctx, px, py, (px - qx) / d, (py - qy) / d, 7);
          arrows.push([px, py]);
        }
      }
      qx = px;
      qy = py;
    }
  }
  ctx.restore();
  return arrows;
}

/** A filled arrowhead with its tip at (x, y) pointing along the unit (ux, uy). */
export function arrowHead(ctx, x, y, ux, uy, size) {
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - size * ux + size * 0.45 * uy, y - size * uy - size * 0.45 * ux);
  ctx.lineTo(x - size * ux - size * 0.45 * uy, y - size * uy + size * 0.45 * ux);
  ctx.closePath();
  ctx.fill();
}

/** A line through model point (x, y) along the direction (vx, vy), across the whole view. */
export function drawLineThrough(ctx, vp, x, y, vx, vy, { color = INK, width = 1, dash = [6, 4] } = {}) {
  const n = Math.hypot(vx, vy);
  if (!(n > 0)) return;
  const [bx0, bx1, by0, by1] = vp.box;
  const reach = 2 * Math.hypot(bx1 - bx0, by1 - by0) + Math.hypot(x - (bx0 + bx1) / 2, y - (by0 + by1) / 2); // beyond every corner
  drawPolyline(ctx, vp, [x - (vx / n) * reach, y - (vy / n) * reach, x + (vx / n) * reach, y + (vy / n) * reach], { color, width, dash });
}

/** A segment of `half` px on each side of model point (x, y) along the model direction (vx, vy). */
export function drawSegmentThrough(ctx, vp, x, y, vx, vy, half, { color = INK, width = 1, dash = [6, 4] } = {}) {
  // The direction on screen (the axes may have different scales), then back to model units.
  const sx = vx / vp.unit;
  const sy = vy / vp.unitY;
  const n = Math.hypot(sx, sy);
  if (!(n > 0)) return;
  const dx = (sx / n) * half * vp.unit;
  const dy = (sy / n) * half * vp.unitY;
  drawPolyline(ctx, vp, [x - dx, y - dy, x + dx, y + dy], { color, width, dash });
}

/** A round marker (filled, or open for unstable points) with an optional text label beside it. */
export function drawMarker(ctx, vp, x, y, { fill = INK, open = false, label = '', r = 5, below = false, left = false } = {}) {
  const [px, py] = vp.toPx(x, y);
  ctx.save();
  ctx.beginPath();
  ctx.arc(px, py, r, 0, 2 * Math.PI);
  ctx.lineWidth = 2;
  ctx.strokeStyle = fill;
  ctx.fillStyle = open ? '#fff' : fill;
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  if (label) drawLabel(ctx, vp, px, py, label, { below, left });
}

/** A text label on a white box next to the pixel (px, py): right and above unless told (or out of room). */
export function drawLabel(ctx, vp, px, py, label, { below = false, left = false } = {}) {
  ctx.save();
  ctx.font = '12px system-ui, sans-serif';
  const w = ctx.measureText(label).width;
  const rightFits = px + w + 12 < vp.w;
  const leftFits = px - w - 12 > 0;
  const lx = (left && leftFits) || !rightFits ? px - 9 - w : px + 9;
  const ly = below || py <= 20 ? py + 18 : py - 9;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(lx - 2, ly - 12, w + 4, 16);
  ctx.fillStyle = INK;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(label, lx, ly);
  ctx.restore();
}

/**
 * Markers for equilibria, then their labels (so no marker covers a label).
 * Where a neighbour is within 80 px, labels alternate: left and above, right and below.
 */
export function drawEquilibria(ctx, vp, eqs, labelOf) {
  const px = eqs.map((e) => vp.toPx(e.x, e.y));
  eqs.forEach((e) => drawMarker(ctx, vp, e.x, e.y, { open: !e.type.startsWith('stable') }));
  let flip = false;
  eqs.forEach((e, i) => {
    const crowded = px.some((q, j) => j !== i && Math.hypot(q[0] - px[i][0], q[1] - px[i][1]) < 80);
    flip = crowded ? !flip : false;
    drawLabel(ctx, vp, px[i][0], px[i][1], labelOf(e), crowded ? { left: flip, below: !flip } : {});
  });
}
