// Convolution and correlation functions of the binding (Gabor filters:
// gabor.mjs). Conventions: docs/conv.md; types: simcore.d.ts.
import { checkArray, checkInt, checkNumber, checkOption, readOptions } from './core/validate.mjs';
import { imageChecks } from './core/images.mjs';

export const BORDERS = Object.freeze(['constant', 'replicate', 'reflect', 'reflect101', 'wrap']);
export const METHODS = Object.freeze(['auto', 'direct', 'separable', 'fft']);

export function convApi({ ex, i32, block, copyIn, copyOut, check, checkOutputs, limit }) {
  // sc.limits (images, kernels and Gabor banks), read from the core
  // (core/include/simcore/limits.h).
  const LIMITS = Object.freeze({
    maxImageDim: limit('SC_CONV_MAX_DIM'),
    maxImagePixels: limit('SC_CONV_MAX_PIXELS'),
    maxKernelDim: limit('SC_CONV_MAX_KERNEL_DIM'),
    maxOrientations: limit('SC_GABOR_MAX_ORIENTATIONS'),
    maxScales: limit('SC_GABOR_MAX_SCALES'),
    maxBankValues: limit('SC_GABOR_MAX_BANK_VALUES'),
  });

  const { checkImage, overflow } = imageChecks(LIMITS);

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

    /**
     * Centred magnitude spectrum |DFT| of re + i·im (im may be null), the
     * image's centre at the origin, zero-padded to size x size (0: the
     * core's choice, sc_fft_spectrum_size). Returns { size, data }.
     */
    spectrum2d(re, im, width, height, size = 0) {
      const fn = 'spectrum2d';
      const maxSide = limit('SC_FFT_MAX_SPECTRUM');
      checkInt(fn, 'width', width, 1, maxSide);
      checkInt(fn, 'height', height, 1, maxSide);
      re = checkArray(fn, 're', re, width * height);
      if (im !== null && im !== undefined) im = checkArray(fn, 'im', im, width * height);
      checkInt(fn, 'size', size, 0, maxSide);
      const pSize = block('spectrum-size', 4);
      check(fn, ex.sc_flat_fft_spectrum_size(width, height, pSize));
      const p = size || i32()[pSize >> 2];
      const pRe = copyIn('image', re);
      const pIm = im ? copyIn('kernel', im) : 0;
      const pOut = block('out', p * p * 4);
      checkOutputs(fn, ex.sc_flat_fft_spectrum(pRe, pIm, width, height, size, pOut),
        { out: overflow(pOut, p * p, 'the spectrum', 're or im') });
      return { size: p, data: copyOut(pOut, p * p) };
    },
  };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'conv', core: 'conv', attach: (core) => convApi(core) });
