// Gabor kernels, filters and orientation banks (V1 simple and complex
// cells). Conventions (OpenCV's getGaborKernel): docs/gabor.md; types:
// simcore.d.ts.
import { checkInt, checkNumber, checkOption, isArray, readOptions } from './core/validate.mjs';
import { imageChecks } from './core/images.mjs';
import { BORDERS } from './conv.mjs';

const PARTS = Object.freeze(['real', 'imag']);

export function gaborApi({ ex, i32, block, copyIn, copyOut, check, checkOutputs, boundary }, LIMITS) {
  const { checkImage, overflow } = imageChecks(LIMITS);
  const SIZE = boundary.status.SC_ERR_SIZE;
  const f64 = () => new Float64Array(ex.memory.buffer);
  const tuningSteps = boundary.limits.SC_GABOR_MAX_TUNING_STEPS;

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
    }
    const g = { sigma, theta, lambda, gamma, psi, width, height };
    // The size rule is the core's (sc_gabor_kernel_size): ask it, and say
    // what to change when the auto size is too big.
    const size = kernelSizeOf(g);
    if (size.status === SIZE && width === 0) {
      throw new RangeError(`${fn}: sigma ${sigma} with gamma ${gamma} needs a kernel larger than ${LIMITS.maxKernelDim} px; pass a smaller sigma or an explicit size`);
    }
    check(fn, size.status);
    g.kw = size.width;
    g.kh = size.height;
    return g;
  }

  function kernelSizeOf(g) {
    const p = block('size', 8);
    const status = ex.sc_flat_gabor_kernel_size(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, p);
    const s = i32();
    return { status, width: s[p >> 2], height: s[(p >> 2) + 1] };
  }

  // The params of gaborKernel / gaborKernelPair / gaborTuning.
  function kernelParams(fn, params, extra = []) {
    const p = readOptions(fn, 'params', params, ['sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', ...extra]);
    return [gaborParams(fn, p), p];
  }

  return {
    gaborKernel(params) {
      const fn = 'gaborKernel';
      const [g, p] = kernelParams(fn, params, ['part']);
      const part = p.part === undefined ? 0 : checkOption(fn, 'part', p.part, PARTS);
      const { kw: width, kh: height } = g;
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
      // scaleFactor^(scales-1) (sc_gabor_bank_kernel_size decides); say so
      // here rather than let the core report a bare "sigma: size out of range".
      const grow = scaleFactor ** (scales - 1);
      const pTop = block('size', 8);
      const topStatus = ex.sc_flat_gabor_bank_kernel_size(g.sigma, g.lambda, g.gamma, g.psi, g.width, g.height,
        orientations, scales, scaleFactor, pTop);
      if (topStatus === SIZE) {
        throw new RangeError(`${fn}: ${g.width === 0 ? `sigma ${g.sigma}` : 'size'} at the largest scale (x${grow}) ` +
          `needs a kernel larger than ${LIMITS.maxKernelDim} px; use fewer scales or a smaller sigma, size or scaleFactor`);
      }
      check(fn, topStatus);
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

    gaborKernelPair(params) {
      const fn = 'gaborKernelPair';
      const [g] = kernelParams(fn, params);
      const n = g.kw * g.kh;
      const pRe = block('kernel-out', n * 4);
      const pIm = block('kernel-out2', n * 4);
      check(fn, ex.sc_flat_gabor_kernel_pair(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, pRe, pIm));
      return { width: g.kw, height: g.kh, real: copyOut(pRe, n), imag: copyOut(pIm, n) };
    },

    gaborTuning(params, steps = 91) {
      const fn = 'gaborTuning';
      const [g] = kernelParams(fn, params);
      steps = checkInt(fn, 'steps', steps, 2, tuningSteps);
      const pS = block('tuning-simple', steps * 8);
      const pC = block('tuning-complex', steps * 8);
      check(fn, ex.sc_flat_gabor_tuning(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, steps, pS, pC));
      const d = f64();
      return {
        angles: Float64Array.from({ length: steps }, (_, s) => (s * Math.PI) / (steps - 1)),
        simple: d.slice(pS >> 3, (pS >> 3) + steps),
        complex: d.slice(pC >> 3, (pC >> 3) + steps),
      };
    },
  };
}

/**
 * This area for the loader (core/load.mjs): the core area it calls and how it
 * joins the API. It reads conv's limits: the conv area comes with gabor.
 */
export const AREA = Object.freeze({ name: 'gabor', core: 'gabor', attach: (core, api) => gaborApi(core, api.limits) });
