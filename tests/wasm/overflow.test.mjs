// Finite inputs whose float32 results overflow: the core reports
// SC_ERR_OVERFLOW naming the output and the binding throws a RangeError that
// names the output and the first bad element (the binding no longer scans
// successful results). The batch step dt has a limit. docs/reliability.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { loadRawCore, STATUS } from './helpers/raw-core.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };
const fill = (n, v) => new Float32Array(n).fill(v);
const ones3 = fill(9, 1);

for (const [name, sc] of Object.entries(builds)) {
  const stillWorks = () =>
    assert.deepEqual(Array.from(sc.correlate2d(Float32Array.of(1, 2), 2, 1, Float32Array.of(3), 1, 1)), [3, 6]);

  test(`${name}: convolution that overflows float32 throws RangeError naming the result, every method`, () => {
    for (const method of ['auto', 'direct', 'separable', 'fft']) {
      // 9 x 3e38 > FLT_MAX at every pixel: element 0 is the first.
      assert.throws(() => sc.convolve2d(fill(20, 3e38), 5, 4, ones3, 3, 3, { method, border: 'replicate' }),
        (e) => e instanceof RangeError &&
          /^convolve2d: the result overflows float32 \(element 0 is (-?Infinity|NaN)\); scale the image or kernel down$/.test(e.message),
        method);
      // 1e30 x 9 fits: the values are not refused for being large.
      const out = sc.correlate2d(fill(20, 1e30), 5, 4, ones3, 3, 3, { method, border: 'replicate' });
      for (const v of out) assert.ok(Math.abs(v - 9e30) <= 1e-5 * 9e30, `${method}: ${v}`);
    }
    // The first bad element is named: out(x) = I(x - 1) + I(x) overflows
    // only where columns 3 and 4 (2e38 each) meet, at x = 4.
    const img = fill(20, 1);
    for (let y = 0; y < 4; y++) img[y * 5 + 3] = img[y * 5 + 4] = 2e38;
    assert.throws(() => sc.correlate2d(img, 5, 4, Float32Array.of(1, 1), 2, 1, { method: 'direct', border: 'replicate' }),
      /the result overflows float32 \(element 4 is Infinity\)/);
    stillWorks();
  });

  test(`${name}: Gabor filter and bank overflow name the output`, () => {
    const p = { sigma: 1, theta: 0, lambda: 4, size: 5 };
    assert.throws(() => sc.gaborFilter(fill(64, 3e38), 8, 8, p),
      (e) => e instanceof RangeError && /^gaborFilter: real overflows float32 \(element 0 is .*\); scale the image down$/.test(e.message));
    // psi = pi/2 puts the cosine (sum about 3) into the imaginary part, and
    // the real part (an odd kernel) of a constant image is about 0.
    assert.throws(() => sc.gaborFilter(fill(64, 3e38), 8, 8, { ...p, psi: Math.PI / 2 }), /gaborFilter: (real|imag) overflows float32/);
    assert.throws(() => sc.gaborBank(fill(64, 3e38), 8, 8, { sigma: 1, lambda: 4, orientations: 4 }),
      (e) => e instanceof RangeError && /^gaborBank: energy\[0\] overflows float32 \(element \d+ is .*\); scale the image down$/.test(e.message));
    const r = sc.gaborFilter(fill(64, 1e30), 8, 8, p);
    assert.ok(r.magnitude.every((v) => Number.isFinite(v) && v > 1e30));
    stillWorks();
  });

  test(`${name}: a direction field that leaves float32 throws RangeError with the grid point`, () => {
    const o = { system: 'linear2d', params: { a: 1e10, b: 0, c: 0, d: 1e10 }, x: [-1e30, 1e30, 3], y: [-1, 1, 2] };
    assert.throws(() => sc.directionField(o),
      (e) => e instanceof RangeError &&
        /^directionField: the field overflows float32 at grid point 0 \(-Infinity\); use a smaller box or smaller parameters$/.test(e.message));
    const out = new Float32Array(12).fill(7);
    assert.throws(() => sc.directionField({ ...o, out }), RangeError);
    assert.deepEqual(Array.from(out), new Array(12).fill(7), 'the caller\'s out is left alone');
    const f = sc.directionField({ ...o, x: [-1e20, 1e20, 3] });
    assert.ok(Math.abs(f[0] + 1e30) <= 1e24, `dx at x = -1e20: ${f[0]}`);
  });

  test(`${name}: integrateBatch refuses a dt above odeLimits.maxBatchDt before stepping`, () => {
    assert.equal(sc.odeLimits.maxBatchDt, 1e6);
    const y0s = Float32Array.of(1, 2);
    const params = { a: 0, b: 0, c: 0, d: 0 };
    assert.throws(() => sc.integrateBatch({ system: 'linear2d', params, y0s, dt: 3e38 }),
      (e) => e instanceof RangeError && /^integrateBatch: dt 3e\+38 is out of range \(0\.\.1000000\)$/.test(e.message));
    assert.deepEqual(Array.from(y0s), [1, 2]);
    assert.deepEqual(Array.from(sc.integrateBatch({ system: 'linear2d', params, y0s, dt: 1e6, steps: 2 })), [1, 2]);
    // Lanes still leave float32 on their own (documented): a fast system.
    const y = Float32Array.of(1, 1, 0, 0);
    sc.integrateBatch({ system: 'linear2d', params: { a: 1e20, b: 0, c: 0, d: 1e20 }, y0s: y, dt: 1, steps: 3 });
    assert.ok(!Number.isFinite(y[0]) && y[2] === 0 && y[3] === 0, Array.from(y).join());
  });
}

for (const kind of ['simd', 'scalar']) {
  test(`${kind} core: overflow status and argument`, async () => {
    const { ex, call } = await loadRawCore(kind);
    const img = ex.malloc(4 * 20), k = ex.malloc(4 * 9), out = ex.malloc(4 * 40), info = ex.malloc(20);
    new Float32Array(ex.memory.buffer, img, 20).fill(3e38);
    new Float32Array(ex.memory.buffer, k, 9).fill(1);
    assert.deepEqual(call('sc_flat_conv2d', img, 5, 4, k, 3, 3, 1, 1, 1, 0, out, info), { status: STATUS.OVERFLOW, arg: 'out' });
    assert.deepEqual(call('sc_flat_gabor_filter', img, 5, 4, 1, 0, 4, 0.5, 0, 5, 5, 1, 0, 0, out),
      { status: STATUS.OVERFLOW, arg: 'magnitude' });
    const msg = ex.sc_status_message(STATUS.OVERFLOW);
    const b = new Uint8Array(ex.memory.buffer, msg);
    assert.equal(new TextDecoder().decode(b.subarray(0, b.indexOf(0))), 'result overflows float32; scale the input down');
  });
}
