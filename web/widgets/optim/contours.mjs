// Contour pictures of a grid of f values (pixels only; the values come from
// the core): bands between levels filled with a light ramp and a line where
// the band changes, drawn at grid resolution into an offscreen canvas that
// the plane scales to its size. Levels are quantiles of the visible values,
// so every function (Rosenbrock spans 0 to 10^4) gets evenly used bands.

/** About n levels splitting the finite values into bands of equal area. */
export function levelsOf(values, n = 18) {
  const finite = Float32Array.from(values.filter(Number.isFinite)).sort();
  const out = [];
  for (let k = 1; k < n; k++) {
    const v = finite[Math.floor((k / n) * (finite.length - 1))];
    if (v !== undefined && (out.length === 0 || v > out[out.length - 1])) out.push(v);
  }
  return out;
}

function band(levels, v) {
  let lo = 0, hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (levels[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Low values deep, high values pale: the eye reads the valleys.
const RAMP = [[44, 92, 160], [120, 170, 214], [205, 226, 240], [248, 246, 238]];
function ramp(t) {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x)), f = x - i;
  return RAMP[i].map((c, k) => Math.round(c + f * (RAMP[i + 1][k] - c)));
}

/**
 * The grid (row-major from the bottom-left, values[j * nx + i]) as a canvas
 * of nx x ny pixels, top row = largest y. fill: bands coloured; line: the
 * contour colour [r, g, b, a]; within: [i, j, r], lines only within r grid
 * points of (i, j) (a local approximation drawn where it is meant).
 */
export function contourCanvas(values, nx, ny, levels, { fill = true, line = [30, 40, 60, 150], target, within = null } = {}) {
  const c = target ?? document.createElement('canvas');
  c.width = nx;
  c.height = ny;
  const g = c.getContext('2d');
  const img = g.createImageData(nx, ny);
  const b = new Int16Array(nx * ny);
  for (let k = 0; k < nx * ny; k++) b[k] = Number.isNaN(values[k]) ? -1 : band(levels, values[k]);
  const colours = Array.from({ length: levels.length + 1 }, (_, k) => ramp(k / Math.max(1, levels.length)));
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i, o = 4 * (row + i), here = b[k];
      const near = !within || (i - within[0]) ** 2 + (j - within[1]) ** 2 <= within[2] ** 2;
      const edge = near && here >= 0 && ((i + 1 < nx && b[k + 1] >= 0 && b[k + 1] !== here) || (j + 1 < ny && b[k + nx] >= 0 && b[k + nx] !== here));
      if (edge) {
        img.data.set(line, o);
      } else if (fill) {
        const rgb = here < 0 ? [226, 226, 226] : colours[here]; // grey: f undefined
        img.data.set(rgb, o);
        img.data[o + 3] = 255;
      }
    }
  }
  g.putImageData(img, 0, 0);
  return c;
}
