// Small classic kernels for <simcore-conv>, as { width, height, data } in the
// layout the binding takes (row-major, the array the engine slides over the
// image). Gabor kernels come from the core (sc.gaborKernel). No DOM.

import { rng } from '../shared/rng.mjs';

/** Odd size covering ±3σ, the usual truncation (99.7 % of the mass in 1-D). */
export const gaussianSize = (sigma) => 2 * Math.ceil(3 * sigma) + 1;

/** Sampled isotropic Gaussian, normalised to sum 1. */
export function gaussian(sigma, size = gaussianSize(sigma)) {
  const data = new Float32Array(size * size);
  const c = (size - 1) / 2;
  let sum = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = Math.exp(-((x - c) ** 2 + (y - c) ** 2) / (2 * sigma * sigma));
      data[y * size + x] = v;
      sum += v;
    }
  }
  for (let i = 0; i < data.length; i++) data[i] /= sum;
  return { width: size, height: size, data };
}

/** Mean filter. */
export function box(size) {
  return { width: size, height: size, data: new Float32Array(size * size).fill(1 / (size * size)) };
}

/** Horizontal derivative (responds to vertical edges); antisymmetric, so convolution flips its sign. */
export function sobelX() {
  return { width: 3, height: 3, data: Float32Array.of(-1, 0, 1, -2, 0, 2, -1, 0, 1) };
}

/** Uniform in [-1, 1], scaled so Σ|k| = 1 (outputs stay within the input's range). */
export function random(size, seed = 1) {
  const rand = rng(seed);
  const data = Float32Array.from({ length: size * size }, () => 2 * rand() - 1);
  let s = 0;
  for (const v of data) s += Math.abs(v);
  for (let i = 0; i < data.length; i++) data[i] /= s;
  return { width: size, height: size, data };
}
