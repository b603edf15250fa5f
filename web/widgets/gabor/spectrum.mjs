// Magnitude spectrum of a small kernel, for display only: zero-pad to P×P
// (P a power of two ≥ 2·size, so the passband is sampled finely), 2-D FFT,
// shift zero frequency to the centre. A kernel of 31×31 costs well under a
// millisecond. Row y of the result is vertical frequency fy = (y − P/2)/P
// cycles/px, column x is fx, matching the kernel's screen axes.

function fft1d(re, im, n, off, stride) {
  // In-place iterative radix-2 on the strided sequence.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const a = off + i * stride;
      const b = off + j * stride;
      let t = re[a]; re[a] = re[b]; re[b] = t;
      t = im[a]; im[a] = im[b]; im[b] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = off + (i + k) * stride;
        const b = off + (i + k + len / 2) * stride;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}

export function paddedSize(w, h) {
  let p = 64;
  while (p < 2 * Math.max(w, h) && p < 512) p *= 2;
  return p;
}

/**
 * |FFT| of the complex kernel (re + i·im; im may be null), centred, as a
 * Float32Array P×P. Kernel given in display layout (row = y, col = x).
 */
export function magnitudeSpectrum(re, im, w, h, p = paddedSize(w, h)) {
  const R = new Float64Array(p * p);
  const I = new Float64Array(p * p);
  // Centre the kernel on the origin (wrap-around) so the phase is clean.
  const cx = w >> 1;
  const cy = h >> 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y - cy + p) % p) * p + ((x - cx + p) % p);
      R[i] = re[y * w + x];
      if (im) I[i] = im[y * w + x];
    }
  }
  for (let y = 0; y < p; y++) fft1d(R, I, p, y * p, 1);
  for (let x = 0; x < p; x++) fft1d(R, I, p, x, p);
  const out = new Float32Array(p * p);
  const half = p >> 1;
  for (let y = 0; y < p; y++) {
    for (let x = 0; x < p; x++) {
      const i = y * p + x;
      out[((y + half) % p) * p + ((x + half) % p)] = Math.hypot(R[i], I[i]);
    }
  }
  return { data: out, size: p };
}
