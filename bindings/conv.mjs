// Convolution, correlation and Gabor functions of the binding.
// Conventions: docs/conv.md and docs/gabor.md; types: simcore.d.ts.
import { checkArray, checkInt, checkNumber, checkOption, isArray, readOptions } from './core/validate.mjs';

export const BORDERS = Object.freeze(['constant', 'replicate', 'reflect', 'reflect101', 'wrap']);
export const METHODS = Object.freeze(['auto', 'direct', 'separable', 'fft']);
const PARTS = Object.freeze(['real', 'imag']);

export function convApi({ ex, i32, block, copyIn, copyOut, check, checkOutputs, limit }) {
  // sc.limits, read from the core (core/include/simcore/limits.h).
  const LIMITS = Object.freeze({
    maxImageDim: limit('SC_CONV_MAX_DIM'),
    maxImagePixels: limit('SC_CONV_MAX_PIXELS'),
    maxKernelDim: limit('SC_CONV_MAX_KERNEL_DIM'),
    maxOrientations: limit('SC_GABOR_MAX_ORIENTATIONS'),
    maxScales: limit('SC_GABOR_MAX_SCALES'),
    maxBankValues: limit('SC_GABOR_MAX_BANK_VALUES'),
  });

  function checkImage(fn, image, width, height) {
    checkInt(fn, 'width', width, 1, LIMITS.maxImageDim);
    checkInt(fn, 'height', height, 1, LIMITS.maxImageDim);
    if (width * height > LIMITS.maxImagePixels) {
      throw new RangeError(`${fn}: width * height = ${width * height} exceeds ${LIMITS.maxImagePixels} pixels`);
    }
    return checkArray(fn, 'image', image, width * height);
  }

  // An output the core may report as overflowing (see checkOutputs).
  const overflow = (ptr, n, what, inputs = 'image') => ({
    ptr, n, message: (i, v) => `${what} overflows float32 (element ${i} is ${v}); scale the ${inputs} down`,
  });

  let lastInfo = null;

  function conv(fn, correlate, image, width, height, kernel, kw, kh, options) {
    image = checkImage(fn, image, width, height);
    checkInt(fn, 'kernel width', kw, 1, LIMITS.maxKernelDim);
    checkInt(fn, 'kernel height', kh, 1, LIMITS.maxKernelDim);
    kernel = checkArray(fn, 'kernel', kernel, kw * kh);
    const o = readOptions(fn, 'options', options, ['border', 'method', 'rankTol'], true);
    const border = o.border === undefined ? 0 : checkOption(fn, 'border', o.border, BORDERS);
    const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, METHODS);
    const rankTol = o.rankTol === undefined ? 0 : checkNumber(fn, 'rankTol', o.rankTol, { min: 0, max: 0.5 });

    const n = width * height;
    const pImage = copyIn('image', image);
    const pKernel = copyIn('kernel', kernel);
    const pOut = block('out', n * 4);
    const pInfo = block('info', 5 * 4);
    checkOutputs(fn, ex.sc_flat_conv2d(pImage, width, height, pKernel, kw, kh, border, method,
      correlate, rankTol, pOut, pInfo), { out: overflow(pOut, n, 'the result', 'image or kernel') });
    const info = i32().slice(pInfo >> 2, (pInfo >> 2) + 5);
    const out = copyOut(pOut, n);
    lastInfo = Object.freeze({
      method: METHODS[info[0]], rank: info[1], fftWidth: info[2], fftHeight: info[3], cacheHit: info[4] === 1,
    });
    return out;
  }

  // p: the snapshot from readOptions.
  function gaborParams(fn, p, { needTheta = true } = {}) {
    const sigma = checkNumber(fn, 'sigma', p.sigma, { gt: 0 });
    const theta = needTheta ? checkNumber(fn, 'theta', p.theta) : 0;
    const lambda = checkNumber(fn, 'lambda', p.lambda, { gt: 0 });
    const gamma = p.gamma === undefined ? 0.5 : checkNumber(fn, 'gamma', p.gamma, { gt: 0 });
    const psi = p.psi === undefined ? 0 : checkNumber(fn, 'psi', p.psi);
    let width = 0;
    let height = 0;
    if (isArray(p.size)) {
      if (p.size.length !== 2) throw new RangeError(`${fn}: size must be a number or [width, height]`);
      width = checkInt(fn, 'size[0]', p.size[0], 1, LIMITS.maxKernelDim);
      height = checkInt(fn, 'size[1]', p.size[1], 1, LIMITS.maxKernelDim);
    } else if (p.size !== undefined) {
      width = height = checkInt(fn, 'size', p.size, 1, LIMITS.maxKernelDim);
    } else if (3 * Math.max(sigma, sigma / gamma) > (LIMITS.maxKernelDim - 1) / 2) {
      throw new RangeError(`${fn}: sigma ${sigma} with gamma ${gamma} needs a kernel larger than ${LIMITS.maxKernelDim} px; pass a smaller sigma or an explicit size`);
    }
    return { sigma, theta, lambda, gamma, psi, width, height };
  }

  function kernelSize(fn, g) {
    const p = block('size', 8);
    check(fn, ex.sc_flat_gabor_kernel_size(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, p));
    const s = i32();
    return [s[p >> 2], s[(p >> 2) + 1]];
  }

  return {
    limits: LIMITS,

    convolve2d(image, width, height, kernel, kw, kh, options) {
      return conv('convolve2d', 0, image, width, height, kernel, kw, kh, options);
    },

    correlate2d(image, width, height, kernel, kw, kh, options) {
      return conv('correlate2d', 1, image, width, height, kernel, kw, kh, options);
    },

    /** What the last convolve2d/correlate2d call did: method, rank, FFT size, cache hit. */
    lastConvolution: () => lastInfo,

    /** Free the FFT path's cached image spectrum. */
    clearCache() {
      ex.sc_conv_cache_clear();
    },

    gaborKernel(params) {
      const fn = 'gaborKernel';
      const p = readOptions(fn, 'params', params, ['sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'part']);
      const g = gaborParams(fn, p);
      const part = p.part === undefined ? 0 : checkOption(fn, 'part', p.part, PARTS);
      const [width, height] = kernelSize(fn, g);
      const pOut = block('kernel-out', width * height * 4);
      check(fn, ex.sc_flat_gabor_kernel(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, part, pOut));
      return { width, height, data: copyOut(pOut, width * height) };
    },

    gaborFilter(image, width, height, params) {
      const fn = 'gaborFilter';
      image = checkImage(fn, image, width, height);
      const p = readOptions(fn, 'params', params, ['sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'border']);
      const g = gaborParams(fn, p);
      const border = p.border === undefined ? 3 : checkOption(fn, 'border', p.border, BORDERS);
      const n = width * height;
      const pImage = copyIn('image', image);
      const pRe = block('out', n * 4);
      const pIm = block('out2', n * 4);
      const pMag = block('out3', n * 4);
      checkOutputs(fn, ex.sc_flat_gabor_filter(pImage, width, height, g.sigma, g.theta, g.lambda, g.gamma, g.psi,
        g.width, g.height, border, pRe, pIm, pMag),
      { re: overflow(pRe, n, 'real'), im: overflow(pIm, n, 'imag'), magnitude: overflow(pMag, n, 'magnitude') });
      return { real: copyOut(pRe, n), imag: copyOut(pIm, n), magnitude: copyOut(pMag, n) };
    },

    gaborBank(image, width, height, params) {
      const fn = 'gaborBank';
      image = checkImage(fn, image, width, height);
      const p = readOptions(fn, 'params', params, ['sigma', 'lambda', 'gamma', 'psi', 'size', 'border', 'orientations', 'scales', 'scaleFactor']);
      const g = gaborParams(fn, p, { needTheta: false });
      const orientations = p.orientations === undefined ? 8
        : checkInt(fn, 'orientations', p.orientations, 1, LIMITS.maxOrientations);
      const scales = p.scales === undefined ? 1 : checkInt(fn, 'scales', p.scales, 1, LIMITS.maxScales);
      const scaleFactor = p.scaleFactor === undefined ? 2
        : checkNumber(fn, 'scaleFactor', p.scaleFactor, { gt: 1, max: 8 });
      const border = p.border === undefined ? 3 : checkOption(fn, 'border', p.border, BORDERS);
      // The largest scale multiplies sigma and an explicit size by
      // scaleFactor^(scales-1); say so here rather than let the core report
      // a bare "sigma: size out of range" (same arithmetic as sc_gabor_bank).
      const grow = scaleFactor ** (scales - 1);
      const tooBig = g.width === 0
        ? 3 * Math.max(g.sigma, g.sigma / g.gamma) * grow > (LIMITS.maxKernelDim - 1) / 2
        : Math.trunc(Math.max(g.width, g.height) * grow) > LIMITS.maxKernelDim;
      if (tooBig) {
        throw new RangeError(`${fn}: ${g.width === 0 ? `sigma ${g.sigma}` : 'size'} at the largest scale (x${grow}) ` +
          `needs a kernel larger than ${LIMITS.maxKernelDim} px; use fewer scales or a smaller sigma, size or scaleFactor`);
      }
      const n = width * height;
      // The energy holds orientations x pixels floats; both limits allow 4 GiB.
      if (orientations * n > LIMITS.maxBankValues) {
        throw new RangeError(`${fn}: orientations ${orientations} x ${n} pixels = ${orientations * n} energy values ` +
          `exceed ${LIMITS.maxBankValues} (${LIMITS.maxBankValues / 2 ** 18} MiB of float32); use fewer orientations or a smaller image`);
      }
      const pImage = copyIn('image', image);
      const pEnergy = block('bank', n * orientations * 4);
      const pDominant = block('out', n * 4);
      // The core stops at the first orientation that overflows: the first
      // non-finite value of the block lies in it.
      checkOutputs(fn, ex.sc_flat_gabor_bank(pImage, width, height, g.sigma, g.lambda, g.gamma, g.psi, g.width, g.height,
        orientations, scales, scaleFactor, border, pEnergy, pDominant),
      { energy: { ptr: pEnergy, n: n * orientations,
        message: (i, v) => `energy[${Math.floor(i / n)}] overflows float32 (element ${i % n} is ${v}); scale the image down` } });
      const energy = [];
      for (let k = 0; k < orientations; k++) energy.push(copyOut(pEnergy + k * n * 4, n));
      const thetas = Float64Array.from({ length: orientations }, (_, k) => (k * Math.PI) / orientations);
      return { thetas, energy, dominant: copyOut(pDominant, n) };
    },
  };
}
