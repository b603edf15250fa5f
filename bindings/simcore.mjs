// simcore: the JavaScript binding. A thin layer over the C core compiled to
// WebAssembly: it validates every argument (errors name the argument), copies
// inputs into wasm memory, calls the core and copies results out into
// JS-owned typed arrays. Scratch blocks are reused between calls.
// Types and conventions: simcore.d.ts. Architecture: docs/architecture.md.
import { wasmBytes } from './wasm-source.mjs';
import { checkArray, checkInt, checkNumber, checkObject, checkOption, describe } from './validate.mjs';

export const BORDERS = Object.freeze(['constant', 'replicate', 'reflect', 'reflect101', 'wrap']);
export const METHODS = Object.freeze(['auto', 'direct', 'separable', 'fft']);
const PARTS = Object.freeze(['real', 'imag']);

// Mirrors core/include/simcore/{conv,gabor}.h; tests check the core agrees.
export const LIMITS = Object.freeze({
  maxImageDim: 8192,
  maxImagePixels: 1 << 24,
  maxKernelDim: 1025,
  maxOrientations: 64,
  maxScales: 8,
});

// -sMAXIMUM_MEMORY in CMakeLists.txt (2 GiB).
const MAX_BLOCK_BYTES = 2 ** 31;

// C status -> JS error class (core/include/simcore/status.h).
const ERROR_CLASS = [null, TypeError, RangeError, RangeError, RangeError, RangeError, Error, Error];

// Smallest module using a v128 instruction (from wasm-feature-detect).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3,
  2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

export function simdSupported() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

async function instantiate(bytes) {
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== 'function') continue;
    // Memory growth is the only import the core uses; anything else is a
    // build mistake and must fail loudly, not silently.
    const fn = imp.name === 'emscripten_notify_memory_growth'
      ? () => {}
      : () => { throw new Error(`simcore: unexpected call to import ${imp.module}.${imp.name}`); };
    (imports[imp.module] ??= {})[imp.name] = fn;
  }
  const instance = await WebAssembly.instantiate(module, imports);
  instance.exports._initialize();
  return instance.exports;
}

/**
 * Load the core. `simd: false` loads the scalar-only build (for comparisons);
 * with `simd: true` (default) the scalar build is loaded anyway when the
 * engine lacks SIMD128, and `sc.simd` tells which one runs.
 */
export async function loadSimcore(options = {}) {
  const fn = 'loadSimcore';
  checkObject(fn, 'options', options, true);
  for (const key of Object.keys(options)) {
    if (!['simd', 'wasm'].includes(key)) throw new RangeError(`${fn}: unknown option '${key}'`);
  }
  const wantSimd = options.simd ?? true;
  if (typeof wantSimd !== 'boolean') throw new TypeError(`${fn}: simd must be a boolean, got ${describe(wantSimd)}`);
  const wasm = options.wasm;
  if (wasm !== undefined && !(wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm))) {
    throw new TypeError(`${fn}: wasm must be an ArrayBuffer or a typed array of module bytes, got ${describe(wasm)}`);
  }
  const simd = wantSimd && simdSupported();
  const bytes = wasm ?? await wasmBytes(simd ? 'simd' : 'scalar');
  return createApi(await instantiate(bytes));
}

function createApi(ex) {
  const f32 = () => new Float32Array(ex.memory.buffer);
  const i32 = () => new Int32Array(ex.memory.buffer);

  // One reusable malloc block per role; grows, never shrinks.
  const blocks = new Map();
  function block(role, bytes) {
    // malloc takes a 32-bit size: 2^32 bytes would wrap to malloc(0) and the
    // core would write past the block (heap corruption, then a trap). Nothing
    // above 2 GiB fits the build's MAXIMUM_MEMORY anyway.
    if (bytes > MAX_BLOCK_BYTES) {
      throw new Error(`simcore: out of memory: ${role} needs ${bytes} bytes, more than the ${MAX_BLOCK_BYTES}-byte wasm memory`);
    }
    const b = blocks.get(role);
    if (b && b.bytes >= bytes) return b.ptr;
    if (b) ex.free(b.ptr);
    blocks.delete(role);
    const ptr = ex.malloc(Math.max(bytes, 16));
    if (!ptr) throw new Error(`simcore: out of memory allocating ${bytes} bytes for ${role}`);
    blocks.set(role, { ptr, bytes: Math.max(bytes, 16) });
    return ptr;
  }
  function copyIn(role, array) {
    const ptr = block(role, array.length * 4);
    f32().set(array, ptr >> 2); // views are rebuilt after every malloc
    return ptr;
  }
  const copyOut = (ptr, n) => f32().slice(ptr >> 2, (ptr >> 2) + n);

  function cString(ptr) {
    const bytes = new Uint8Array(ex.memory.buffer, ptr);
    let end = 0;
    while (bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(0, end));
  }

  function check(fn, status) {
    if (status === 0) return;
    const Class = ERROR_CLASS[status] ?? Error;
    const arg = cString(ex.sc_last_error_arg());
    throw new Class(`${fn}: ${arg ? arg + ': ' : ''}${cString(ex.sc_status_message(status))}`);
  }

  function checkKeys(fn, object, allowed) {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) throw new RangeError(`${fn}: unknown option '${key}' (allowed: ${allowed.join(', ')})`);
    }
  }

  function checkImage(fn, image, width, height) {
    checkInt(fn, 'width', width, 1, LIMITS.maxImageDim);
    checkInt(fn, 'height', height, 1, LIMITS.maxImageDim);
    if (width * height > LIMITS.maxImagePixels) {
      throw new RangeError(`${fn}: width * height = ${width * height} exceeds ${LIMITS.maxImagePixels} pixels`);
    }
    checkArray(fn, 'image', image, width * height);
  }

  let lastInfo = null;

  function conv(fn, correlate, image, width, height, kernel, kw, kh, options) {
    checkImage(fn, image, width, height);
    checkInt(fn, 'kernel width', kw, 1, LIMITS.maxKernelDim);
    checkInt(fn, 'kernel height', kh, 1, LIMITS.maxKernelDim);
    checkArray(fn, 'kernel', kernel, kw * kh);
    const o = checkObject(fn, 'options', options, true);
    checkKeys(fn, o, ['border', 'method', 'rankTol']);
    const border = o.border === undefined ? 0 : checkOption(fn, 'border', o.border, BORDERS);
    const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, METHODS);
    const rankTol = o.rankTol === undefined ? 0 : checkNumber(fn, 'rankTol', o.rankTol, { min: 0, max: 0.5 });

    const n = width * height;
    const pImage = copyIn('image', image);
    const pKernel = copyIn('kernel', kernel);
    const pOut = block('out', n * 4);
    const pInfo = block('info', 5 * 4);
    check(fn, ex.sc_flat_conv2d(pImage, width, height, pKernel, kw, kh, border, method,
      correlate, rankTol, pOut, pInfo));
    const info = i32().slice(pInfo >> 2, (pInfo >> 2) + 5);
    lastInfo = Object.freeze({
      method: METHODS[info[0]], rank: info[1], fftWidth: info[2], fftHeight: info[3], cacheHit: info[4] === 1,
    });
    return copyOut(pOut, n);
  }

  function gaborParams(fn, params, { needTheta = true } = {}) {
    const p = checkObject(fn, 'params', params);
    const sigma = checkNumber(fn, 'sigma', p.sigma, { gt: 0 });
    const theta = needTheta ? checkNumber(fn, 'theta', p.theta) : 0;
    const lambda = checkNumber(fn, 'lambda', p.lambda, { gt: 0 });
    const gamma = p.gamma === undefined ? 0.5 : checkNumber(fn, 'gamma', p.gamma, { gt: 0 });
    const psi = p.psi === undefined ? 0 : checkNumber(fn, 'psi', p.psi);
    let width = 0;
    let height = 0;
    if (Array.isArray(p.size)) {
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

  return Object.freeze({
    version: cString(ex.sc_version()),
    simd: ex.sc_has_simd() === 1,
    limits: LIMITS,

    memoryBytes: () => ex.memory.buffer.byteLength,

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
      const g = gaborParams(fn, params);
      checkKeys(fn, params, ['sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'part']);
      const part = params.part === undefined ? 0 : checkOption(fn, 'part', params.part, PARTS);
      const [width, height] = kernelSize(fn, g);
      const pOut = block('kernel-out', width * height * 4);
      check(fn, ex.sc_flat_gabor_kernel(g.sigma, g.theta, g.lambda, g.gamma, g.psi, g.width, g.height, part, pOut));
      return { width, height, data: copyOut(pOut, width * height) };
    },

    gaborFilter(image, width, height, params) {
      const fn = 'gaborFilter';
      checkImage(fn, image, width, height);
      const g = gaborParams(fn, params);
      checkKeys(fn, params, ['sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'border']);
      const border = params.border === undefined ? 3 : checkOption(fn, 'border', params.border, BORDERS);
      const n = width * height;
      const pImage = copyIn('image', image);
      const pRe = block('out', n * 4);
      const pIm = block('out2', n * 4);
      const pMag = block('out3', n * 4);
      check(fn, ex.sc_flat_gabor_filter(pImage, width, height, g.sigma, g.theta, g.lambda, g.gamma, g.psi,
        g.width, g.height, border, pRe, pIm, pMag));
      return { real: copyOut(pRe, n), imag: copyOut(pIm, n), magnitude: copyOut(pMag, n) };
    },

    gaborBank(image, width, height, params) {
      const fn = 'gaborBank';
      checkImage(fn, image, width, height);
      const g = gaborParams(fn, params, { needTheta: false });
      checkKeys(fn, params, ['sigma', 'lambda', 'gamma', 'psi', 'size', 'border', 'orientations', 'scales', 'scaleFactor']);
      const orientations = params.orientations === undefined ? 8
        : checkInt(fn, 'orientations', params.orientations, 1, LIMITS.maxOrientations);
      const scales = params.scales === undefined ? 1 : checkInt(fn, 'scales', params.scales, 1, LIMITS.maxScales);
      const scaleFactor = params.scaleFactor === undefined ? 2
        : checkNumber(fn, 'scaleFactor', params.scaleFactor, { gt: 1, max: 8 });
      const border = params.border === undefined ? 3 : checkOption(fn, 'border', params.border, BORDERS);
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
      const pImage = copyIn('image', image);
      const pEnergy = block('bank', n * orientations * 4);
      const pDominant = block('out', n * 4);
      check(fn, ex.sc_flat_gabor_bank(pImage, width, height, g.sigma, g.lambda, g.gamma, g.psi, g.width, g.height,
        orientations, scales, scaleFactor, border, pEnergy, pDominant));
      const energy = [];
      for (let k = 0; k < orientations; k++) energy.push(copyOut(pEnergy + k * n * 4, n));
      const thetas = Float64Array.from({ length: orientations }, (_, k) => (k * Math.PI) / orientations);
      return { thetas, energy, dominant: copyOut(pDominant, n) };
    },
  });
}
