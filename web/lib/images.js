// Procedural test images for the demos. Each generator returns an n×n
// row-major Float32Array with values in [0, 1]. Classic script (pages must
// work from file://, where module imports fail): it attaches to
// globalThis.simcoreWeb.images.
(function (root) {
  'use strict';
  const ns = (root.simcoreWeb = root.simcoreWeb || {});

  // mulberry32: a tiny seeded PRNG, so "noise" is the same image on every load.
  function rng(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Sinusoidal grating; thetaDeg is the direction of the wave vector in image
  // coordinates (y down; 0 = vertical stripes), as θ of a Gabor kernel, so a
  // Gabor kernel with the same θ and λ = period responds most.
  function grating(n, { thetaDeg = 30, period = 10 } = {}) {
    const out = new Float32Array(n * n);
    const t = (thetaDeg * Math.PI) / 180;
    const kx = (2 * Math.PI * Math.cos(t)) / period;
    const ky = (2 * Math.PI * Math.sin(t)) / period;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) out[y * n + x] = 0.5 + 0.5 * Math.cos(kx * x + ky * y);
    }
    return out;
  }

  // Siemens star: black and white sectors; every orientation and (towards the
  // centre) every spatial frequency at once. 4×4 supersampling keeps the
  // sector edges from aliasing.
  function siemens(n, { spokes = 18 } = {}) {
    const out = new Float32Array(n * n);
    const c = n / 2;
    const S = 4;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let s = 0;
        for (let j = 0; j < S; j++) {
          for (let i = 0; i < S; i++) {
            const phi = Math.atan2(y + (j + 0.5) / S - c, x + (i + 0.5) / S - c);
            if (Math.sin(spokes * phi) > 0) s++;
          }
        }
        out[y * n + x] = s / (S * S);
      }
    }
    return out;
  }

  // Zone plate cos(π r² / n): the local frequency r / n cycles per pixel grows
  // linearly from 0 at the centre to Nyquist (0.5) at the middle of each edge.
  function zonePlate(n) {
    const out = new Float32Array(n * n);
    const c = (n - 1) / 2;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const r2 = (x - c) ** 2 + (y - c) ** 2;
        out[y * n + x] = 0.5 + 0.5 * Math.cos((Math.PI * r2) / n);
      }
    }
    return out;
  }

  // A 4×4 grid of short bright bars, orientations 0°, 22.5°, … 157.5° (each
  // twice), antialiased by the distance to the bar's centre line.
  function bars(n, { cells = 4 } = {}) {
    const out = new Float32Array(n * n);
    const cell = n / cells;
    const half = 0.36 * cell;
    const w = Math.max(1, cell / 14);
    for (let cy = 0; cy < cells; cy++) {
      for (let cx = 0; cx < cells; cx++) {
        const k = (cy * cells + cx) % 8;
        const t = (k * Math.PI) / 8;
        const ux = Math.cos(t);
        const uy = -Math.sin(t); // image y points down; angles turn anticlockwise on screen
        const mx = (cx + 0.5) * cell;
        const my = (cy + 0.5) * cell;
        const x0 = Math.floor(cx * cell);
        const y0 = Math.floor(cy * cell);
        for (let y = y0; y < Math.floor((cy + 1) * cell); y++) {
          for (let x = x0; x < Math.floor((cx + 1) * cell); x++) {
            const dx = x + 0.5 - mx;
            const dy = y + 0.5 - my;
            const along = Math.max(0, Math.abs(dx * ux + dy * uy) - half);
            const across = Math.abs(-dx * uy + dy * ux);
            const d = Math.hypot(along, Math.max(0, across - w / 2));
            out[y * n + x] = Math.max(0, 1 - d);
          }
        }
      }
    }
    return out;
  }

  function checker(n, { cells = 8 } = {}) {
    const out = new Float32Array(n * n);
    const cell = n / cells;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) out[y * n + x] = (Math.floor(x / cell) + Math.floor(y / cell)) % 2;
    }
    return out;
  }

  // Value noise: three octaves of smoothly interpolated random lattices,
  // rescaled to [0, 1]. Seeded, so reproducible.
  function noise(n, { seed = 7 } = {}) {
    const out = new Float32Array(n * n);
    const rand = rng(seed);
    const smooth = (t) => t * t * (3 - 2 * t);
    let amp = 1;
    for (let spacing = n / 8; spacing >= n / 64; spacing /= 2) {
      const g = Math.ceil(n / spacing) + 1;
      const lattice = Float32Array.from({ length: g * g }, rand);
      for (let y = 0; y < n; y++) {
        const fy = y / spacing;
        const iy = Math.floor(fy);
        const ty = smooth(fy - iy);
        for (let x = 0; x < n; x++) {
          const fx = x / spacing;
          const ix = Math.floor(fx);
          const tx = smooth(fx - ix);
          const a = lattice[iy * g + ix] + (lattice[iy * g + ix + 1] - lattice[iy * g + ix]) * tx;
          const b = lattice[(iy + 1) * g + ix] + (lattice[(iy + 1) * g + ix + 1] - lattice[(iy + 1) * g + ix]) * tx;
          out[y * n + x] += amp * (a + (b - a) * ty);
        }
      }
      amp /= 2;
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of out) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    for (let i = 0; i < out.length; i++) out[i] = (out[i] - lo) / (hi - lo);
    return out;
  }

  const generators = { grating, siemens, zoneplate: zonePlate, bars, checker, noise };

  ns.images = Object.freeze({
    // [id, label] in menu order.
    list: Object.freeze([
      ['grating', 'Oriented grating'],
      ['siemens', 'Siemens star'],
      ['zoneplate', 'Zone plate'],
      ['bars', 'Bars at 8 orientations'],
      ['checker', 'Checkerboard'],
      ['noise', 'Noise texture'],
    ]),
    generate(id, n, options) {
      const g = generators[id];
      if (!g) throw new RangeError(`images.generate: unknown image '${id}'`);
      return g(n, options);
    },
    rng,
  });
})(globalThis);
