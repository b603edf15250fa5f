// Plain-JS references and comparison helpers for the wasm tests.

// Deterministic xorshift32 in [-1, 1), so failures reproduce.
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return (s >>> 8) * (2 / 16777216) - 1;
  };
}

export function randomArray(n, seed) {
  const r = random(seed);
  return Float32Array.from({ length: n }, r);
}

// Source index for a coordinate outside [0, n) under each border rule
// (OpenCV's borderInterpolate, written from its documentation); -1 = zero.
export function borderIndex(i, n, border) {
  if (i >= 0 && i < n) return i;
  switch (border) {
    case 'constant': return -1;
    case 'replicate': return i < 0 ? 0 : n - 1;
    case 'wrap': return ((i % n) + n) % n;
    case 'reflect':
    case 'reflect101': {
      if (n === 1) return 0;
      const d = border === 'reflect' ? 0 : 1;
      while (i < 0 || i >= n) i = i < 0 ? -i - 1 + d : 2 * n - i - 1 - d;
      return i;
    }
    default: throw new Error(`unknown border ${border}`);
  }
}

// Correlation with the kernel anchored at (kw/2, kh/2), in float64, plus the
// per-pixel scale sum |k||x| over the same window (for relative tolerances).
export function correlateRef(image, width, height, kernel, kw, kh, border) {
  const out = new Float64Array(width * height);
  const scale = new Float64Array(width * height);
  const ax = kw >> 1, ay = kh >> 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0, abs = 0;
      for (let j = 0; j < kh; j++) {
        const sy = borderIndex(y + j - ay, height, border);
        if (sy < 0) continue;
        for (let i = 0; i < kw; i++) {
          const sx = borderIndex(x + i - ax, width, border);
          if (sx < 0) continue;
          const p = kernel[j * kw + i] * image[sy * width + sx];
          acc += p;
          abs += Math.abs(p);
        }
      }
      out[y * width + x] = acc;
      scale[y * width + x] = abs;
    }
  }
  return { out, scale };
}

// Point reflection of a row-major kw x kh kernel: convolve == correlate(flip).
export const flip = (kernel) => Float32Array.from(kernel).reverse();

// Largest |got - want| / scale; scale is a number or a per-element array.
// Returns { err, at } so a failure message can name the pixel.
export function maxRelErr(got, want, scale) {
  let err = 0, at = -1;
  for (let i = 0; i < want.length; i++) {
    const s = typeof scale === 'number' ? scale : scale[i];
    const e = Math.abs(got[i] - want[i]) / Math.max(s, 1e-30);
    if (Number.isNaN(e)) return { err: Infinity, at: i }; // an unwritten output
    if (e > err) { err = e; at = i; }
  }
  return { err, at };
}

export const maxAbs = (a) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
