// The trace–determinant plane (p = a + d, q = ad − bc) as a small inset: the
// regions of the lecture's classification (saddle below q = 0; nodes outside
// and foci inside the parabola p² = 4q; centres on p = 0, q > 0) and the
// current (p, q) as a point. The parabola is geometry of the picture, not a
// computation about the system: the point's (p, q) come from the binding.
// The scale follows the point (fitTraceDet), and each region's label is
// placed where its whole box lies inside that region.
import { Viewport } from './plane.mjs';
import { drawAxes, drawMarker, drawPolyline, prepareCanvas } from './plane-draw.mjs';

// Half-width of the default view: the lecture's matrices (entries of order 1).
const BASE_SPAN = 4;

export function traceDetViewport() {
  return new Viewport(0, 1.4, BASE_SPAN, 240, 200);
}

/** Which region (p, q) lies in: 'saddle', 'sfocus', 'ufocus', 'snode', 'unode'. */
export function traceDetRegion(p, q) {
  if (q < 0) return 'saddle';
  if (p * p < 4 * q) return p < 0 ? 'sfocus' : 'ufocus';
  return p < 0 ? 'snode' : 'unode';
}

/**
 * Set vp's scale for the point (p, q): the half-width is BASE_SPAN times a
 * power of two (steps, so small moves keep the picture), the smallest that is
 * at least twice max(|p|, 2 √|q|); q runs from −0.5 T to T = 0.7 (s/2)², so
 * the parabola leaves through the top and the node regions beside it are
 * tall enough for their labels. This holds the point inside (|q| ≤ s²/16 =
 * T / 2.8) and gives the parabola the same shape at every scale. Without a
 * point: the default view (s = 4).
 */
export function fitTraceDet(vp, point) {
  const need = point && Number.isFinite(point.p) && Number.isFinite(point.q)
    ? 2 * Math.max(Math.abs(point.p), 2 * Math.sqrt(Math.abs(point.q))) : BASE_SPAN;
  const k = Math.ceil(Math.log2(Math.max(need, 1e-6) / BASE_SPAN));
  const span = BASE_SPAN * 2 ** Math.max(-40, Math.min(20, k));
  const top = 0.7 * (span * span) / 4;
  const bottom = -0.5 * top;
  vp.setView(0, (top + bottom) / 2, span);
  vp.yHalf = (top - bottom) / 2;
}

/**
 * labels: { saddle, center, sfocus, ufocus, snode, unode } in the current
 * language. Returns the labels drawn: [{ key, region, box: [x, y, w, h] }]
 * in CSS pixels (a label that fits nowhere in its region is left out).
 */
export function drawTraceDet(canvas, vp, point, labels) {
  const ctx = prepareCanvas(canvas, vp.w, vp.h);
  const [x0, x1, , y1] = vp.box;
  // Regions: saddles (q < 0) tinted, foci (inside the parabola) tinted.
  const [, zy] = vp.toPx(0, 0);
  ctx.fillStyle = '#fdf2e9';
  ctx.fillRect(0, zy, vp.w, vp.h - zy);
  const para = [];
  for (let i = 0; i <= 80; i++) {
    const p = x0 + ((x1 - x0) * i) / 80;
    para.push(p, (p * p) / 4);
  }
  ctx.fillStyle = '#eef4fb';
  ctx.beginPath();
  for (let i = 0; i < para.length; i += 2) {
    const [px, py] = vp.toPx(para[i], para[i + 1]);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.lineTo(vp.w, -10);
  ctx.lineTo(0, -10);
  ctx.fill();
  drawAxes(ctx, vp, { xLabel: 'p', yLabel: 'q' });
  drawPolyline(ctx, vp, Float64Array.from(para), { color: '#2456c7', width: 1.5 });
  // Centres: the positive q-axis.
  drawPolyline(ctx, vp, [0, 0, 0, y1 + 1], { color: '#c0392b', width: 2.5 });
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const placed = [];
  // The centres' label: beside the q-axis, at 45 % of the height. The axis
  // names (p at the right end of q = 0, q at the top of the q-axis) are kept clear.
  const [ax, ay] = vp.toPx(0, 0);
  const cw = ctx.measureText(labels.center).width;
  const cBox = [ax + 5, Math.round(0.45 * ay), cw, 11];
  ctx.fillStyle = '#c0392b';
  ctx.fillText(labels.center, cBox[0], cBox[1] + 9);
  placed.push({ key: 'center', region: null, box: cBox });
  const axisNames = [[vp.w - 16, ay - 18, 16, 34], [ax - 4, 0, 20, 18]];
  // The point's marker is kept clear of labels.
  let marker = null;
  if (point && Number.isFinite(point.p) && Number.isFinite(point.q)) {
    const [px, py] = vp.toPx(point.p, point.q);
    marker = [px - 9, py - 9, 18, 18];
  }
  // Preferred spots (fractions of the canvas) per region; the nearest free spot whose box lies inside wins.
  const want = { saddle: [0.72, 0.88], snode: [0.1, 0.55], unode: [0.9, 0.55], sfocus: [0.3, 0.12], ufocus: [0.7, 0.12] };
  ctx.fillStyle = '#1d2330';
  for (const [key, region] of [['saddle', 'saddle'], ['snode', 'snode'], ['unode', 'unode'], ['sfocus', 'sfocus'], ['ufocus', 'ufocus']]) {
    // 10 px type, or smaller where the region is too narrow for it.
    for (const size of [10, 9, 8]) {
      ctx.font = `${size}px system-ui, sans-serif`;
      const w = ctx.measureText(labels[key]).width;
      const box = findSpot(vp, region, w, size + 1, want[key], [...placed.map((l) => l.box), ...axisNames, ...(marker ? [marker] : [])]);
      if (!box) continue;
      ctx.fillText(labels[key], box[0], box[1] + size - 1);
      placed.push({ key, region, box });
      break;
    }
  }
  if (marker) {
    // A point outside the view sits just inside its edge (open marker) so it is never lost.
    const [px, py] = vp.toPx(point.p, point.q);
    const m = 7;
    const inside = px >= m && px <= vp.w - m && py >= m && py <= vp.h - m;
    const [cp, cq] = vp.toModel(Math.min(vp.w - m, Math.max(m, px)), Math.min(vp.h - m, Math.max(m, py)));
    drawMarker(ctx, vp, cp, cq, { fill: '#1d2330', open: !inside, r: 5 });
  }
  return placed;
}

/** Whether every point of a 5 × 3 grid over the pixel box (1 px margin) lies in the region. */
function boxInRegion(vp, region, [x, y, w, h]) {
  for (let i = 0; i <= 4; i++) {
    for (let j = 0; j <= 2; j++) {
      const [p, q] = vp.toModel(x - 1 + ((w + 2) * i) / 4, y - 1 + ((h + 2) * j) / 2);
      if (traceDetRegion(p, q) !== region) return false;
    }
  }
  return true;
}

const overlaps = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

/** The free w × h pixel box inside the region nearest the preferred spot (fractions of the canvas), or null. */
function findSpot(vp, region, w, h, [fx, fy], taken) {
  let best = null;
  let bestD = Infinity;
  for (let y = 3; y + h <= vp.h - 3; y += 3) {
    for (let x = 3; x + w <= vp.w - 3; x += 3) {
      const d = Math.hypot(x + w / 2 - fx * vp.w, y + h / 2 - fy * vp.h);
      if (d >= bestD) continue;
      const box = [x, y, w, h];
      if (taken.some((b) => overlaps(b, box)) || !boxInRegion(vp, region, box)) continue;
      best = box;
      bestD = d;
    }
  }
  return best;
}
