// State of <simcore-gabor>: the allow-list for its attributes and URL hash.
// θ and ψ in radians (the page shows degrees); lengths in pixels.
import { IMAGE_NAMES } from '../shared/images.mjs';

const PI = Math.PI;

export const GABOR_SCHEMA = Object.freeze({
  lambda: { type: 'number', min: 2, max: 64, default: 10 },
  theta: { type: 'number', min: 0, max: PI, default: 0 },
  psi: { type: 'number', min: -PI, max: PI, default: 0 },
  sigmaMode: { type: 'choice', choices: ['sigma', 'bandwidth'], default: 'sigma' },
  sigma: { type: 'number', min: 0.5, max: 32, default: 4 },
  bandwidth: { type: 'number', min: 0.25, max: 3, default: 1 },
  gamma: { type: 'number', min: 0.1, max: 2, default: 0.5 },
  // Odd only: OpenCV turns an even size n into n + 1, which a slider would misreport.
  size: { type: 'int', min: 3, max: 127, odd: true, default: 31 },
  view: { type: 'choice', choices: ['real', 'imag', 'magnitude'], default: 'real' },
  image: { type: 'choice', choices: IMAGE_NAMES, default: 'grating' },
  imageSize: { type: 'choice', choices: ['128', '256', '512'], default: '256' },
  orientations: { type: 'int', min: 4, max: 16, default: 8 },
  build: { type: 'choice', choices: ['simd', 'scalar'], default: 'simd' },
  // Where filtering runs; 'inline' (the page thread) exists to measure what
  // the worker buys (docs/benchmarks.md). No control; attribute or hash only.
  compute: { type: 'choice', choices: ['worker', 'inline'], default: 'worker' },
});

/** σ from the half-response bandwidth b (octaves) at wavelength λ (docs/gabor.md). */
export function sigmaFromBandwidth(lambda, b) {
  return (lambda / PI) * Math.sqrt(Math.LN2 / 2) * (2 ** b + 1) / (2 ** b - 1);
}
