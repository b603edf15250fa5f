// The trace–determinant plane (p = a + d, q = ad − bc) as a small inset: the
// regions of the lecture's classification (saddle below q = 0; nodes outside
// and foci inside the parabola p² = 4q; centres on p = 0, q > 0) and the
// current (p, q) as a point. The parabola is geometry of the picture, not a
// computation about the system: the point's (p, q) come from the binding.
import { Viewport } from './plane.mjs';
import { drawAxes, drawMarker, drawPolyline, prepareCanvas } from './plane-draw.mjs';

export function traceDetViewport() {
  return new Viewport(0, 1.4, 4, 240, 200);
}

/** labels: { saddle, center, sfocus, ufocus, snode, unode } in the current language. */
export function drawTraceDet(canvas, vp, point, labels) {
  const ctx = prepareCanvas(canvas, vp.w, vp.h);
  const [x0, x1, y0, y1] = vp.box;
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
  ctx.fillStyle = '#1d2330';
  ctx.textAlign = 'center';
  const put = (text, x, y, align = 'center') => {
    const [px, py] = vp.toPx(x, y);
    ctx.textAlign = align;
    ctx.fillText(text, align === 'left' ? 4 : align === 'right' ? vp.w - 4 : px, py);
  };
  put(labels.saddle, 0.5 * x1, y0 * 0.5);
  put(labels.sfocus, x0 * 0.45, y1 * 0.72);
  put(labels.ufocus, x1 * 0.45, y1 * 0.72);
  put(labels.snode, 0, 1.1, 'left');
  put(labels.unode, 0, 1.1, 'right');
  ctx.fillStyle = '#c0392b';
  const [cxp, cyp] = vp.toPx(0, y1 * 0.45);
  ctx.textAlign = 'left';
  ctx.fillText(labels.center, cxp + 4, cyp);
  if (point && Number.isFinite(point.p) && Number.isFinite(point.q)) {
    // A point outside the view sits just inside its edge (open marker) so it is never lost.
    const [px, py] = vp.toPx(point.p, point.q);
    const m = 7;
    const inside = px >= m && px <= vp.w - m && py >= m && py <= vp.h - m;
    const [cp, cq] = vp.toModel(Math.min(vp.w - m, Math.max(m, px)), Math.min(vp.h - m, Math.max(m, py)));
    drawMarker(ctx, vp, cp, cq, { fill: '#1d2330', open: !inside, r: 5 });
  }
}
