// Evenly spaced streamlines for <simcore-phase-plane> (after Jobard and
// Lefer): seeds on a grid of the view; each seed far enough from the lines
// already drawn starts a line, integrated forward and backward by the core
// (sc.integrate, dopri5 with dense output), cut where it comes within about
// half the spacing of another line or closes on itself. This file only
// places seeds and cuts; the curves come from the binding. It runs in the
// compute worker (jobs.mjs); streamlines-draw.mjs draws the result.

/**
 * Lines in model coordinates (Float64Array x, y, …) with the screen speed of
 * each point (px per unit time). sep: spacing in px; typical: a typical
 * screen speed of the field (px per unit time) to choose the output step.
 */
export function streamlines(sc, sys, vp, { sep = 24, typical }) {
  const cell = sep / 2;
  const nx = Math.ceil(vp.w / cell) + 1;
  const ny = Math.ceil(vp.h / cell) + 1;
  const owner = new Int32Array(nx * ny); // line id + 1
  const arcAt = new Float32Array(nx * ny); // arc length (px) of the owner's point in the cell
  const passOf = new Uint8Array(nx * ny); // which run of the owner (0 forward, 1 backward) claimed it
  const [x0, x1, y0, y1] = vp.box;
  const step = 2 / typical; // output every ~2 px at the typical speed
  const T = (4 * (vp.w + vp.h)) / typical; // long enough to cross the view twice at that speed
  const lines = [];
  let ids = 0;
  const cellOf = (px, py) => {
    const i = Math.floor(px / cell);
    const j = Math.floor(py / cell);
    return i < 0 || j < 0 || i >= nx || j >= ny ? -1 : j * nx + i;
  };
  const nearOther = (c, id) => {
    const i = c % nx;
    const j = (c - i) / nx;
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        const ii = i + di;
        const jj = j + dj;
        if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue;
        const o = owner[jj * nx + ii];
        if (o && o !== id) return true;
      }
    }
    return false;
  };
  // Walk one direction's samples from the seed, claiming cells; stop near another line or its own older part.
  const walk = (res, id, pass) => {
    const pts = [];
    const speeds = [];
    const claimed = [];
    let arc = 0;
    let prev = null;
    for (let k = 0; k < res.t.length; k++) {
      const x = res.y[2 * k];
      const y = res.y[2 * k + 1];
      const [px, py] = vp.toPx(x, y);
      const c = cellOf(px, py);
      if (c < 0 || !Number.isFinite(px) || !Number.isFinite(py)) break;
      if (prev) {
        const d = Math.hypot(px - prev[0], py - prev[1]);
        arc += d;
        if (k > 1 && nearOther(c, id)) break;
        // Its own older part (same run), or the other run once clear of the seed: a closed orbit or a spiral's arm.
        if (owner[c] === id && (passOf[c] === pass ? arcAt[c] < arc - 2 * sep : arc > 2 * sep)) break;
        speeds.push(d / step);
      } else {
        speeds.push(NaN);
      }
      if (owner[c] !== id) {
        owner[c] = id;
        arcAt[c] = arc;
        passOf[c] = pass;
        claimed.push(c);
      }
      pts.push(x, y);
      prev = [px, py];
      if (k > 20 && arc < 0.5) break; // resting at an equilibrium
    }
    return { pts, speeds, claimed, arc };
  };
  const bounds = [[x0, x1], [y0, y1]];
  for (let sy = cell; sy < vp.h; sy += sep) {
    for (let sx = cell; sx < vp.w; sx += sep) {
      const c = cellOf(sx, sy);
      if (owner[c] || nearOther(c, 0)) continue;
      const id = ++ids;
      const [mx, my] = vp.toModel(sx, sy);
      const run = (t1) => sc.integrate({ system: sys.system, params: sys.params, y0: [mx, my], t1, dt: step, method: 'dopri5', bounds, maxSteps: 20000 });
      const fw = walk(run(T), id, 0);
      const bw = walk(run(-T), id, 1);
      // A line squeezed between others (or clipping a corner) is too short to read: give its cells back.
      if (fw.arc + bw.arc < 1.5 * sep) {
        for (const k of [...fw.claimed, ...bw.claimed]) owner[k] = 0;
        continue;
      }
      const n = bw.pts.length / 2;
      const pts = new Float64Array(bw.pts.length + fw.pts.length - 2);
      const speeds = new Float64Array(pts.length / 2);
      for (let i = 0; i < n; i++) {
        pts[2 * i] = bw.pts[2 * (n - 1 - i)];
        pts[2 * i + 1] = bw.pts[2 * (n - 1 - i) + 1];
        speeds[i] = bw.speeds[n - 1 - i];
      }
      pts.set(fw.pts.slice(2), 2 * n);
      speeds.set(fw.speeds.slice(1), n);
      lines.push({ pts, speeds, seed: n - 1 });
    }
  }
  return lines;
}
