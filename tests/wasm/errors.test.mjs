// Error model of the binding: wrong types -> TypeError, bad values ->
// RangeError, each message starting with the function name and naming the
// argument; never a WebAssembly.RuntimeError; the module keeps working after
// every error. Limits in sc.limits agree with the C core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { loadRawCore, STATUS } from './helpers/raw-core.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

const img = new Float32Array(16).fill(1); // 4x4
const k3 = new Float32Array(9).fill(1 / 9);
const gp = { sigma: 2, theta: 0.3, lambda: 6 };
const withNaN = (a, i, v = NaN) => { const b = Float32Array.from(a); b[i] = v; return b; };

// [call, error class, message regex]; message must name the argument.
function convCases(fn) {
  const c = (args, Class, re) => [(sc) => sc[fn](...args), Class, re];
  const base = [img, 4, 4, k3, 3, 3];
  const at = (i, v) => { const a = [...base]; a[i] = v; return a; };
  return [
    c(at(0, 'image'), TypeError, /image must be/),
    c(at(0, null), TypeError, /image must be/),
    c(at(0, {}), TypeError, /image must be/),
    c(at(0, new DataView(new ArrayBuffer(64))), TypeError, /image must be/),
    c(at(0, new BigInt64Array(16)), TypeError, /image must be/),
    c(at(0, new Float32Array(15)), RangeError, /image has length 15, expected 16/),
    c(at(0, [1, 2, '3', ...new Array(13).fill(0)]), TypeError, /image\[2\] must be a number/),
    c(at(0, withNaN(img, 5)), RangeError, /image: value is not finite/),
    c(at(0, withNaN(img, 15, Infinity)), RangeError, /image: value is not finite/),
    c(at(0, Float64Array.from(img, (v, i) => (i === 3 ? 1e39 : v))), RangeError, /image: value is not finite/), // overflows float32
    c(at(1, '4'), TypeError, /width must be an integer/),
    c(at(1, true), TypeError, /width must be an integer/),
    ...[0, -1, 1.5, NaN, Infinity, -Infinity, 8193].map((v) => c(at(1, v), RangeError, /width .* out of range/)),
    ...[0, 2.5, NaN, 8193].map((v) => c(at(2, v), RangeError, /height .* out of range/)),
    c([img, 4097, 4097, k3, 3, 3], RangeError, /width \* height = 16785409 exceeds 16777216/),
    c(at(3, 'k'), TypeError, /kernel must be/),
    c(at(3, new Float32Array(8)), RangeError, /kernel has length 8, expected 9/),
    c(at(3, withNaN(k3, 4)), RangeError, /kernel: value is not finite/),
    c(at(3, withNaN(k3, 0, -Infinity)), RangeError, /kernel: value is not finite/),
    ...[0, -3, 1.5, NaN, 1026].map((v) => c(at(4, v), RangeError, /kernel width .* out of range/)),
    ...[0, 1026, Infinity].map((v) => c(at(5, v), RangeError, /kernel height .* out of range/)),
    c(at(5, null), TypeError, /kernel height must be an integer/),
    c([...base, 'reflect'], TypeError, /options must be an object/),
    c([...base, null], TypeError, /options must be an object/),
    c([...base, { border: 'mirror' }], RangeError, /unknown border "mirror"/),
    c([...base, { border: 2 }], TypeError, /border must be a string/),
    c([...base, { method: 'winograd' }], RangeError, /unknown method "winograd"/),
    c([...base, { method: 'DIRECT' }], RangeError, /unknown method "DIRECT"/),
    c([...base, { method: null }], TypeError, /method must be a string/),
    c([...base, { rankTol: -0.1 }], RangeError, /rankTol -0.1 is out of range/),
    c([...base, { rankTol: NaN }], RangeError, /rankTol must be finite/),
    c([...base, { rankTol: '1e-3' }], TypeError, /rankTol must be a number/),
    c([...base, { boarder: 'constant' }], RangeError, /unknown option 'boarder'/),
  ];
}

function paramCases(fn, call, { theta = true } = {}) {
  const c = (params, Class, re) => [(sc) => call(sc, params), Class, re];
  const p = theta ? gp : { sigma: 2, lambda: 6 };
  return [
    c(undefined, TypeError, /params must be an object/),
    c('sigma=2', TypeError, /params must be an object/),
    c([2, 0, 6], TypeError, /params must be an object/),
    c({ ...p, sigma: '2' }, TypeError, /sigma must be a number/),
    c({ ...p, sigma: undefined }, TypeError, /sigma must be a number, got undefined$/),
    // Positive but overflowing the kernel coefficients (was a kernel of NaN):
    // rejected by the core, which names the argument.
    c({ ...p, sigma: 1e-200, size: 5 }, RangeError, /sigma: value out of range/),
    c({ ...p, gamma: 1e300, size: 5 }, RangeError, /gamma: value out of range/),
    c({ ...p, lambda: 1e-310, size: 5 }, RangeError, /lambda: value out of range/),
    ...[0, -1, NaN, Infinity].map((v) => c({ ...p, sigma: v }, RangeError, /sigma/)),
    ...[0, -6, NaN].map((v) => c({ ...p, lambda: v }, RangeError, /lambda/)),
    ...[0, -0.5, Infinity].map((v) => c({ ...p, gamma: v }, RangeError, /gamma/)),
    c({ ...p, psi: NaN }, RangeError, /psi must be finite/),
    ...(theta ? [c({ ...p, theta: Infinity }, RangeError, /theta must be finite/),
      c({ ...p, theta: '0' }, TypeError, /theta must be a number/)] : []),
    ...[0, -5, 2.5, 1026, NaN].map((v) => c({ ...p, size: v }, RangeError, /size .* out of range/)),
    c({ ...p, size: [5] }, RangeError, /size must be a number or \[width, height\]/),
    c({ ...p, size: [5, 0] }, RangeError, /size\[1\] 0 is out of range/),
    c({ ...p, size: ['5', 5] }, TypeError, /size\[0\] must be an integer/),
    c({ ...p, size: null }, TypeError, /size must be an integer/),
    // Auto size would exceed the kernel limit.
    c({ ...p, sigma: 200 }, RangeError, /sigma 200 .* needs a kernel larger than 1025/),
    c({ ...p, gamma: 0.01 }, RangeError, /sigma 2 with gamma 0.01 needs a kernel larger/),
    c({ ...p, bogus: 1 }, RangeError, /unknown option 'bogus'/),
  ];
}

const CASES = {
  convolve2d: convCases('convolve2d'),
  correlate2d: convCases('correlate2d'),
  gaborKernel: [
    ...paramCases('gaborKernel', (sc, p) => sc.gaborKernel(p)),
    [(sc) => sc.gaborKernel({ ...gp, part: 'complex' }), RangeError, /unknown part "complex"/],
    [(sc) => sc.gaborKernel({ ...gp, part: 1 }), TypeError, /part must be a string/],
    [(sc) => sc.gaborKernel({ ...gp, border: 'wrap' }), RangeError, /unknown option 'border'/],
  ],
  gaborFilter: [
    ...paramCases('gaborFilter', (sc, p) => sc.gaborFilter(img, 4, 4, p)),
    [(sc) => sc.gaborFilter('img', 4, 4, gp), TypeError, /image must be/],
    [(sc) => sc.gaborFilter(img, 0, 4, gp), RangeError, /width 0 is out of range/],
    [(sc) => sc.gaborFilter(img, 4, 8193, gp), RangeError, /height 8193 is out of range/],
    [(sc) => sc.gaborFilter(img, 4, 3, gp), RangeError, /image has length 16, expected 12/],
    [(sc) => sc.gaborFilter(withNaN(img, 2), 4, 4, gp), RangeError, /image: value is not finite/],
    [(sc) => sc.gaborFilter(img, 4, 4, { ...gp, border: 'zero' }), RangeError, /unknown border "zero"/],
    [(sc) => sc.gaborFilter(img, 4, 4, { ...gp, part: 'real' }), RangeError, /unknown option 'part'/],
  ],
  gaborBank: [
    ...paramCases('gaborBank', (sc, p) => sc.gaborBank(img, 4, 4, p), { theta: false }),
    [(sc) => sc.gaborBank(img, 4, 4, { ...gp }), RangeError, /unknown option 'theta'/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, orientations: 0 }), RangeError, /orientations 0 is out of range/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, orientations: 65 }), RangeError, /orientations 65 is out of range/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, orientations: 4.5 }), RangeError, /orientations 4.5/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, orientations: '8' }), TypeError, /orientations must be an integer/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scales: 0 }), RangeError, /scales 0 is out of range/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scales: 9 }), RangeError, /scales 9 is out of range/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scaleFactor: 1 }), RangeError, /scaleFactor 1 must be > 1/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scaleFactor: NaN }), RangeError, /scaleFactor must be finite/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scaleFactor: 9 }), RangeError, /scaleFactor 9 is out of range/],
    // The largest scale's kernel exceeds the limit: auto size (half-width
    // 3 * sigma/gamma * 2^7 = 1536 px) and explicit size 300 * 2^2.
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, scales: 8 }), RangeError, /sigma 2 at the largest scale \(x128\) needs a kernel larger than 1025/],
    [(sc) => sc.gaborBank(img, 4, 4, { sigma: 2, lambda: 6, size: 300, scales: 3 }), RangeError, /size at the largest scale \(x4\)/],
    [(sc) => sc.gaborBank(withNaN(img, 0), 4, 4, { sigma: 2, lambda: 6 }), RangeError, /image: value is not finite/],
  ],
};

for (const [name, sc] of Object.entries(builds)) {
  // A call whose answer is known, to show the module survived each error.
  const stillWorks = () => {
    const out = sc.correlate2d(Float32Array.of(1, 2, 3, 4), 2, 2, Float32Array.of(2), 1, 1);
    assert.deepEqual(Array.from(out), [2, 4, 6, 8]);
  };

  for (const [fn, cases] of Object.entries(CASES)) {
    test(`${name}: ${fn} rejects bad arguments with TypeError/RangeError naming them`, () => {
      for (const [i, [call, Class, re]] of cases.entries()) {
        assert.throws(() => call(sc), (e) => {
          assert.ok(!(e instanceof WebAssembly.RuntimeError), `case ${i}: wasm trap ${e.message}`);
          assert.equal(e.constructor, Class, `case ${i}: ${e.constructor.name} instead of ${Class.name}: ${e.message}`);
          assert.match(e.message, new RegExp(`^${fn}: `), `case ${i}: message names the function`);
          assert.match(e.message, re, `case ${i}`);
          return true;
        }, `case ${i} (${re}) did not throw`);
        stillWorks();
      }
    });
  }

  test(`${name}: limits are exactly the accepted maxima`, () => {
    const L = sc.limits;
    // Widest and tallest images (1 px in the other dimension: small).
    assert.equal(sc.correlate2d(new Float32Array(L.maxImageDim), L.maxImageDim, 1, Float32Array.of(1), 1, 1).length, L.maxImageDim);
    assert.equal(sc.correlate2d(new Float32Array(L.maxImageDim), 1, L.maxImageDim, Float32Array.of(1), 1, 1).length, L.maxImageDim);
    // Largest kernels (on a 1 px image: the kernel is larger than the image).
    const kBig = new Float32Array(L.maxKernelDim).fill(1);
    assert.deepEqual(Array.from(sc.correlate2d(Float32Array.of(3), 1, 1, kBig, L.maxKernelDim, 1, { border: 'replicate' })), [3 * L.maxKernelDim]);
    assert.deepEqual(Array.from(sc.convolve2d(Float32Array.of(3), 1, 1, kBig, 1, L.maxKernelDim, { border: 'constant' })), [3]);
    assert.equal(sc.gaborKernel({ ...gp, size: [L.maxKernelDim, 3] }).width, L.maxKernelDim);
    assert.equal(sc.gaborKernel({ ...gp, size: [3, L.maxKernelDim - 1] }).height, L.maxKernelDim, 'even size + 1 = limit');
    assert.equal(sc.gaborBank(img, 4, 4, { sigma: 1, lambda: 4, size: 3, orientations: L.maxOrientations }).energy.length, L.maxOrientations);
    assert.equal(sc.gaborBank(img, 4, 4, { sigma: 1, lambda: 4, size: 3, scaleFactor: 1.1, scales: L.maxScales }).energy.length, 8);
    assert.throws(() => sc.correlate2d(img, L.maxImageDim + 1, 1, k3, 3, 3), RangeError);
    assert.throws(() => sc.correlate2d(img, 4, 4, kBig, L.maxKernelDim + 1, 1), RangeError);
    assert.throws(() => sc.gaborBank(img, 4, 4, { sigma: 1, lambda: 4, orientations: L.maxOrientations + 1 }), /orientations/);
  });
}

test('a Gabor bank larger than its energy limit throws RangeError naming orientations, before allocating', async () => {
  // 4096 x 4096 x 64 orientations x 4 bytes = 2^32: once a wrapped
  // malloc(0) and heap corruption, then a generic "out of memory" Error; now
  // the limit on orientations x pixels is checked before anything is copied
  // (a fresh instance: the wasm memory must not grow for the 64 MB image).
  const sc = await loadSimcore();
  const side = 4096;
  const img = new Float32Array(side * side);
  const before = sc.memoryBytes();
  assert.throws(() => sc.gaborBank(img, side, side, { sigma: 0.5, lambda: 3, size: 1, orientations: 64 }),
    (e) => e instanceof RangeError &&
      /^gaborBank: orientations 64 x 16777216 pixels = 1073741824 energy values exceed 134217728 \(512 MiB of float32\); use fewer orientations or a smaller image$/.test(e.message));
  assert.throws(() => sc.gaborBank(img, side, side, { sigma: 0.5, lambda: 3, size: 1, orientations: 9 }),
    (e) => e instanceof RangeError && /orientations 9 .* exceed 134217728/.test(e.message), '9 x 2^24 > 2^27');
  assert.equal(sc.memoryBytes(), before, 'nothing allocated');
  assert.equal(sc.limits.maxBankValues, 2 ** 27);
  assert.deepEqual(Array.from(sc.correlate2d(Float32Array.of(1, 2), 2, 1, Float32Array.of(3), 1, 1)), [3, 6]);
});

test('loadSimcore rejects bad options', async () => {
  await assert.rejects(loadSimcore('simd'), { name: 'TypeError', message: /loadSimcore: options must be an object/ });
  await assert.rejects(loadSimcore({ simd: 'no' }), { name: 'TypeError', message: /loadSimcore: simd must be a boolean/ });
  await assert.rejects(loadSimcore({ simd: false, threads: 2 }), { name: 'RangeError', message: /loadSimcore: unknown option 'threads'/ });
  await assert.rejects(loadSimcore({ wasm: 'simcore.wasm' }), { name: 'TypeError', message: /loadSimcore: wasm must be an ArrayBuffer/ });
  await assert.rejects(loadSimcore({ wasm: null }), { name: 'TypeError', message: /loadSimcore: wasm must be/ });
});

test('loadSimcore({ wasm }) uses the given bytes', async () => {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(new URL('../../dist/wasm/simcore-scalar.wasm', import.meta.url));
  // The module reports what it is, whatever was asked for.
  const sc = await loadSimcore({ wasm: new Uint8Array(bytes) });
  assert.equal(sc.simd, false);
  assert.deepEqual(Array.from(sc.correlate2d(Float32Array.of(1, 2), 2, 1, Float32Array.of(3), 1, 1)), [3, 6]);
});

// The C core enforces the same limits itself (the binding's checks mirror
// it): the limit is accepted, limit + 1 rejected with the argument named.
// Sizes are checked before any array is read or allocated, so tiny buffers do.
for (const kind of ['simd', 'scalar']) {
  test(`${kind} core: limits and statuses agree with sc.limits`, async () => {
    const { ex, call } = await loadRawCore(kind);
    const L = builds.simd.limits;
    const buf = ex.malloc(4 * 8192), out = ex.malloc(4 * 8192), info = ex.malloc(20);
    new Float32Array(ex.memory.buffer, buf, 8192).fill(0);
    const conv = (w, h, kw, kh, extra = {}) => {
      const o = { border: 0, method: 0, tol: 0, ...extra };
      return call('sc_flat_conv2d', buf, w, h, buf, kw, kh, o.border, o.method, 1, o.tol, out, info);
    };
    assert.deepEqual(conv(L.maxImageDim, 1, 1, 1), { status: STATUS.OK, arg: '' });
    assert.deepEqual(conv(L.maxImageDim + 1, 1, 1, 1), { status: STATUS.SIZE, arg: 'width' });
    assert.deepEqual(conv(1, L.maxImageDim + 1, 1, 1), { status: STATUS.SIZE, arg: 'height' });
    assert.deepEqual(conv(0, 1, 1, 1), { status: STATUS.SIZE, arg: 'width' });
    const side = Math.ceil(Math.sqrt(L.maxImagePixels + 1));
    assert.deepEqual(conv(side, side, 1, 1), { status: STATUS.SIZE, arg: 'width * height' });
    assert.deepEqual(conv(1, 1, L.maxKernelDim, 1), { status: STATUS.OK, arg: '' });
    assert.deepEqual(conv(1, 1, L.maxKernelDim + 1, 1), { status: STATUS.SIZE, arg: 'kernel width' });
    assert.deepEqual(conv(1, 1, 1, L.maxKernelDim + 1), { status: STATUS.SIZE, arg: 'kernel height' });
    assert.deepEqual(conv(2, 2, 1, 1, { border: 5 }), { status: STATUS.OPTION, arg: 'border' });
    assert.deepEqual(conv(2, 2, 1, 1, { method: 4 }), { status: STATUS.OPTION, arg: 'method' });
    assert.deepEqual(conv(2, 2, 1, 1, { border: -1 }), { status: STATUS.OPTION, arg: 'border' });
    assert.deepEqual(call('sc_flat_conv2d', 0, 2, 2, buf, 1, 1, 0, 0, 1, 0, out, info), { status: STATUS.NULL, arg: 'image' });
    new Float32Array(ex.memory.buffer, buf, 1)[0] = NaN;
    assert.deepEqual(conv(2, 2, 3, 3), { status: STATUS.NONFINITE, arg: 'kernel' });
    new Float32Array(ex.memory.buffer, buf, 1)[0] = 0;
    const bank = (o, s) => call('sc_flat_gabor_bank', buf, 4, 4, 1, 4, 0.5, 0, 3, 3, o, s, 0, 0, 0, out);
    assert.equal(bank(L.maxOrientations, 1).status, STATUS.OK);
    assert.deepEqual(bank(L.maxOrientations + 1, 1), { status: STATUS.RANGE, arg: 'orientations' });
    assert.deepEqual(bank(1, L.maxScales + 1), { status: STATUS.RANGE, arg: 'scales' });
    // orientations x pixels above maxBankValues: refused before the image is read.
    const big = (o) => call('sc_flat_gabor_bank', buf, 4096, 4096, 1, 4, 0.5, 0, 3, 3, o, 1, 0, 0, out, 0);
    assert.deepEqual(big(L.maxBankValues / 4096 ** 2 + 1), { status: STATUS.SIZE, arg: 'orientations * width * height' });
    assert.deepEqual(call('sc_flat_ode_batch', 0, buf, 4, out, 1, 1e7, 1, 0), { status: STATUS.RANGE, arg: 'dt' });
    const size = (w, h) => call('sc_flat_gabor_kernel_size', 2, 0, 6, 0.5, 0, w, h, info);
    assert.equal(size(L.maxKernelDim, L.maxKernelDim - 1).status, STATUS.OK);
    assert.deepEqual(size(L.maxKernelDim + 1, 3), { status: STATUS.SIZE, arg: 'width' });
    assert.deepEqual(size(3, L.maxKernelDim + 1), { status: STATUS.SIZE, arg: 'height' });
    assert.deepEqual(call('sc_flat_gabor_kernel_size', 0, 0, 6, 0.5, 0, 3, 3, info), { status: STATUS.RANGE, arg: 'sigma' });
    assert.deepEqual(call('sc_flat_gabor_kernel_size', 2, NaN, 6, 0.5, 0, 3, 3, info), { status: STATUS.NONFINITE, arg: 'theta' });
    assert.deepEqual(call('sc_flat_gabor_kernel', 2, 0, 6, 0.5, 0, 3, 3, 2, out), { status: STATUS.OPTION, arg: 'part' });
  });
}
