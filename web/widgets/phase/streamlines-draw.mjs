// Drawing of the streamlines that streamlines.mjs computes (in the worker),
// on the page thread: the lines are in model coordinates, so lines computed
// for an earlier view still sit in the right place while a pan is computed.
import { ramp } from './plane-draw.mjs';

const BINS = 12;

/** Lines coloured per segment by speed on the arrows' scale (2 decades below `max`), an arrowhead at each seed. */
export function drawStreamlines(ctx, vp, lines, max) {
  const paths = Array.from({ length: BINS }, () => new Path2D());
  const bin = (s) => Math.round(Math.min(1, Math.max(0, 1 + Math.log10(s / max) / 2)) * (BINS - 1));
  for (const { pts, speeds, seed } of lines) {
    const n = pts.length / 2;
    for (let k = 1; k < n; k++) {
      const s = Number.isFinite(speeds[k]) ? speeds[k] : speeds[k + 1];
      const p = paths[bin(s) || 0];
      const [ax, ay] = vp.toPx(pts[2 * k - 2], pts[2 * k - 1]);
      const [bx, by] = vp.toPx(pts[2 * k], pts[2 * k + 1]);
      p.moveTo(ax, ay);
      p.lineTo(bx, by);
    }
    // Arrowhead at the seed, along the line.
    if (seed + 1 < n) {
      const [ax, ay] = vp.toPx(pts[2 * seed], pts[2 * seed + 1]);
      const [bx, by] = vp.toPx(pts[2 * seed + 2], pts[2 * seed + 3]);
      const d = Math.hypot(bx - ax, by - ay);
      if (d > 0) {
        const ux = (bx - ax) / d;
        const uy = (by - ay) / d;
        const p = paths[bin(speeds[seed + 1]) || 0];
        p.moveTo(ax - 5 * (ux * 0.87 - uy * 0.5), ay - 5 * (uy * 0.87 + ux * 0.5));
        p.lineTo(ax, ay);
        p.lineTo(ax - 5 * (ux * 0.87 + uy * 0.5), ay - 5 * (uy * 0.87 - ux * 0.5));
      }
    }
  }
  ctx.save();
  ctx.lineWidth = 1.2;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  paths.forEach((p, k) => {
    ctx.strokeStyle = ramp(k / (BINS - 1));
    ctx.stroke(p);
  });
  ctx.restore();
}
