// Procedural input images for the demos: square n×n Float32Array in [0, 1],
// row-major with row 0 at the top. Deterministic (seeded) so a URL reproduces
// exactly what a student saw. Orientation angles follow the Gabor convention
// of docs/gabor.md: the normal to the stripes at angle a, clockwise on screen.

export const IMAGE_NAMES = Object.freeze(['grating', 'star', 'zoneplate', 'bars', 'text', 'texture']);

function xorshift(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

/** Four quadrants of gratings at 0°, 45°, 90°, 135°, wavelength `lambda` px. */
export function gratings(n, lambda = 10) {
  const out = new Float32Array(n * n);
  const h = n >> 1;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const a = ((y >= h ? 2 : 0) + (x >= h ? 1 : 0)) * Math.PI / 4;
      out[y * n + x] = 0.5 + 0.5 * Math.cos(2 * Math.PI * (x * Math.cos(a) + y * Math.sin(a)) / lambda);
    }
  }
  return out;
}

/** One grating over the whole image: cos(2π(x cos a + y sin a)/λ + phase), centred. */
export function grating(n, lambda, angle, phase = 0) {
  const out = new Float32Array(n * n);
  const c = Math.cos(angle) / lambda;
  const s = Math.sin(angle) / lambda;
  const o = (n - 1) / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) out[y * n + x] = 0.5 + 0.5 * Math.cos(2 * Math.PI * ((x - o) * c + (y - o) * s) + phase);
  }
  return out;
}

/** Siemens star: 36 sinusoidal spokes; every orientation at every radius. */
export function siemensStar(n, spokes = 36) {
  const out = new Float32Array(n * n);
  const o = (n - 1) / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.hypot(x - o, y - o);
      out[y * n + x] = r > o ? 0.5 : 0.5 + 0.5 * Math.cos(spokes * Math.atan2(y - o, x - o));
    }
  }
  return out;
}

/** Zone plate cos(π r²/n): local frequency rises linearly to 0.5 cycle/px at the edge. */
export function zonePlate(n) {
  const out = new Float32Array(n * n);
  const o = n / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r2 = (x - o) ** 2 + (y - o) ** 2;
      out[y * n + x] = 0.5 + 0.5 * Math.cos(Math.PI * r2 / n);
    }
  }
  return out;
}

/** A 4×4 grid of bars, rotated in steps of 180°/16, antialiased by distance. */
export function bars(n) {
  const out = new Float32Array(n * n).fill(0.15);
  const cells = 4;
  const cell = n / cells;
  const half = cell * 0.36;
  const w = Math.max(1.5, n / 128);
  for (let k = 0; k < cells * cells; k++) {
    const a = k * Math.PI / 16; // the bar's normal, as for θ
    const cx = (k % cells + 0.5) * cell;
    const cy = (Math.floor(k / cells) + 0.5) * cell;
    const c = Math.cos(a);
    const s = Math.sin(a);
    for (let y = Math.floor(cy - cell / 2); y < cy + cell / 2; y++) {
      for (let x = Math.floor(cx - cell / 2); x < cx + cell / 2; x++) {
        const across = (x - cx) * c + (y - cy) * s;
        const along = -(x - cx) * s + (y - cy) * c;
        if (Math.abs(along) > half) continue;
        const v = Math.min(1, Math.max(0, w - Math.abs(across) + 0.5));
        if (v > 0) out[y * n + x] = Math.max(out[y * n + x], 0.15 + 0.85 * v);
      }
    }
  }
  return out;
}

/** Checkerboard of `cells`×`cells` squares, 0 and 1: sharp edges for the border modes. */
export function checker(n, cells = 8) {
  const out = new Float32Array(n * n);
  const cell = n / cells;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) out[y * n + x] = (Math.floor(x / cell) + Math.floor(y / cell)) % 2;
  }
  return out;
}

/** Fractal value noise warped into wood-like rings: a natural-looking texture. */
export function texture(n, seed = 7) {
  const rand = xorshift(seed);
  const noise = new Float32Array(n * n);
  let amp = 1;
  for (let grid = 4; grid <= n / 2; grid *= 2, amp *= 0.55) {
    const g = new Float32Array((grid + 1) * (grid + 1)).map(() => rand());
    for (let y = 0; y < n; y++) {
      const gy = (y / n) * grid;
      const iy = Math.floor(gy);
      const fy = gy - iy;
      for (let x = 0; x < n; x++) {
        const gx = (x / n) * grid;
        const ix = Math.floor(gx);
        const fx = gx - ix;
        const i = iy * (grid + 1) + ix;
        const top = g[i] + (g[i + 1] - g[i]) * fx;
        const bottom = g[i + grid + 1] + (g[i + grid + 2] - g[i + grid + 1]) * fx;
        noise[y * n + x] += amp * (top + (bottom - top) * fy);
      }
    }
  }
  const out = new Float32Array(n * n);
  const o = n / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const r = Math.hypot((x - o) * 0.6, y - 1.4 * o) / (n / 24);
      out[y * n + x] = 0.5 + 0.35 * Math.sin(2 * Math.PI * r + 5 * noise[y * n + x]) + 0.15 * (noise[y * n + x] - 1);
    }
  }
  return out;
}

/** Text drawn with the page's fonts (needs a canvas); luminance in [0, 1]. */
export function text(n, makeCanvas) {
  const canvas = makeCanvas(n, n);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, n, n);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lines = ['Gabor', 'V1 方向', 'simcore'];
  lines.forEach((line, i) => {
    ctx.font = `bold ${Math.round(n / 5.5)}px sans-serif`;
    ctx.fillText(line, n / 2, n * (0.22 + 0.28 * i));
  });
  return toGray(ctx.getImageData(0, 0, n, n).data, n * n);
}

/** RGBA bytes -> luminance in [0, 1] (Rec. 601 weights). */
export function toGray(rgba, count) {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
  return out;
}

export function makeImage(name, n, makeCanvas) {
  switch (name) {
    case 'grating': return gratings(n);
    case 'star': return siemensStar(n);
    case 'zoneplate': return zonePlate(n);
    case 'bars': return bars(n);
    case 'text': return text(n, makeCanvas);
    case 'texture': return texture(n);
    case 'checker': return checker(n);
    default: throw new RangeError(`makeImage: unknown image '${name}'`);
  }
}
