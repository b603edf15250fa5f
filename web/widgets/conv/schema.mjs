// State of <simcore-conv>, the convolution engine playground: the allow-list
// for its attributes and URL hash. θ and ψ in radians (the controls show
// degrees), as in gabor-schema.mjs; lengths in pixels.
import { IMAGE_NAMES } from '../shared/images.mjs';

const PI = Math.PI;

export const CONV_KERNELS = Object.freeze(['gabor', 'gaussian', 'box', 'sobel-x', 'random']);
export const CONV_IMAGES = Object.freeze([...IMAGE_NAMES, 'checker']);
// The separable method keeps the fewest SVD terms within this relative
// Frobenius error; '0' is the core's default (1e-6). A menu, not a slider:
// the useful values span five decades.
export const RANK_TOLS = Object.freeze(['0', '0.0001', '0.001', '0.01', '0.05', '0.1', '0.2']);

export const CONV_SCHEMA = Object.freeze({
  op: { type: 'choice', choices: ['correlate', 'convolve'], default: 'correlate' },
  border: { type: 'choice', choices: ['constant', 'replicate', 'reflect', 'reflect101', 'wrap'], default: 'reflect101' },
  method: { type: 'choice', choices: ['auto', 'direct', 'separable', 'fft'], default: 'auto' },
  rankTol: { type: 'choice', choices: RANK_TOLS, default: '0' },
  kernel: { type: 'choice', choices: CONV_KERNELS, default: 'gabor' },
  theta: { type: 'number', min: 0, max: PI, default: PI / 6 },
  lambda: { type: 'number', min: 2, max: 40, default: 10 },
  sigma: { type: 'number', min: 1, max: 12, default: 4 },
  gamma: { type: 'number', min: 0.3, max: 1.5, default: 0.5 },
  psi: { type: 'number', min: -PI, max: PI, default: 0 },
  // Gabor only: the core picks the size (±3σ of the envelope) unless unticked.
  autoSize: { type: 'bool', default: true },
  gaussSigma: { type: 'number', min: 0.5, max: 12, default: 2 },
  // Box, random and (without autoSize) Gabor; even sizes anchor one pixel up-left of centre.
  ksize: { type: 'int', min: 1, max: 127, default: 15 },
  // The random kernel's seed, so a link reproduces it; "new random kernel" adds 1.
  seed: { type: 'int', min: 1, max: 999999, default: 1 },
  image: { type: 'choice', choices: CONV_IMAGES, default: 'star' },
  imageSize: { type: 'choice', choices: ['128', '256', '512'], default: '256' },
  build: { type: 'choice', choices: ['simd', 'scalar'], default: 'simd' },
  // Where the convolution runs; 'inline' (the page thread) as in gabor-schema.mjs. Attribute or hash only.
  compute: { type: 'choice', choices: ['worker', 'inline'], default: 'worker' },
});
