// Dense linear algebra through the binding (gemm, gemv, dot, axpy), both
// wasm builds, against a float64 reference in JS: odd sizes, transposes,
// leading dimensions, 1 x N and N x 1, the learning shapes, NaN-prefilled
// outputs with beta = 0, errors naming their argument, and the core's own
// limits (raw exports).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { loadRawCore, STATUS } from './helpers/raw-core.mjs';
import { rng } from './helpers/hostile.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };
const EPS = 2 ** -23;

// op(X)[r][s] of a stored matrix.
const at = (x, ld, trans, r, s) => (trans ? x[s * ld + r] : x[r * ld + s]);

// The float64 product and the error bound of a float sum of k products.
function gemmRef(m, n, k, a, b, { transA = false, transB = false, alpha = 1, beta = 0, c, lda, ldb, ldc = n } = {}) {
  lda ??= transA ? m : k;
  ldb ??= transB ? k : n;
  const want = new Float64Array(m * ldc);
  const tol = new Float64Array(m * ldc);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < ldc; j++) {
      const o = i * ldc + j;
      if (j >= n) { want[o] = c ? c[o] : 0; continue; }
      let s = 0;
      let mag = 0;
      for (let p = 0; p < k; p++) {
        const t = at(a, lda, transA, i, p) * at(b, ldb, transB, p, j);
        s += t;
        mag += Math.abs(t);
      }
      want[o] = alpha * s + (beta !== 0 ? beta * c[o] : 0);
      tol[o] = (k + 2) * EPS * (Math.abs(alpha) * mag + (beta !== 0 ? Math.abs(beta * c[o]) : 0)) + 1e-30;
    }
  }
  return { want, tol };
}

function assertClose(got, { want, tol }, what) {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol[i])) assert.fail(`${what}: [${i}] = ${got[i]}, want ${want[i]} (tol ${tol[i]})`);
  }
}

test('limits agree with the core', async () => {
  const LINALG_LIMITS = builds.simd.linalgLimits;
  assert.deepEqual(LINALG_LIMITS, { maxDim: 65536, maxElements: 2 ** 26 });
  const { ex, call } = await loadRawCore('simd');
  const p = ex.malloc(64);
  const max = LINALG_LIMITS.maxDim;
  // m = maxDim + 1 is refused, maxDim passes the size check (then a's extent fails)
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, max + 1, 1, 1, 1, p, 1, p, 1, 0, p, 1), { status: STATUS.SIZE, arg: 'm' });
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, max, 1, max, 1, p, max, p, 1, 0, p, 1), { status: STATUS.SIZE, arg: 'a' });
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, 1, 1, 1, 1, p, max, p, 1, 0, p, 1), { status: STATUS.OK, arg: '' });
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, 1, 1, 1, 1, p, max + 1, p, 1, 0, p, 1), { status: STATUS.SIZE, arg: 'lda' });
  // extent (rows - 1) * ld + cols: 1024 * 65536 + 1 = maxElements + 1
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, 1025, 1, 1, 1, p, max, p, 1, 0, p, 1), { status: STATUS.SIZE, arg: 'a' });
  assert.deepEqual(call('sc_flat_gemm_f32', 2, 0, 1, 1, 1, 1, p, 1, p, 1, 0, p, 1), { status: STATUS.OPTION, arg: 'trans_a' });
  assert.deepEqual(call('sc_flat_gemm_f32', 0, 0, 1, 1, 1, 1e300, p, 1, p, 1, 0, p, 1), { status: STATUS.NONFINITE, arg: 'alpha' });
  assert.deepEqual(call('sc_flat_dot_f32', LINALG_LIMITS.maxElements + 1, p, p, p), { status: STATUS.SIZE, arg: 'n' });
  assert.deepEqual(call('sc_flat_gemv_f32', 0, 1, 1, 1, p, 1, 0, 0, p), { status: STATUS.NULL, arg: 'x' });
  ex.free(p);
});

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: gemm matches the float64 reference on odd sizes, transposes and leading dimensions`, () => {
    const r = rng(5);
    const dims = [1, 2, 3, 5, 8, 9, 17, 33];
    let cases = 0;
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const m of dims) {
          for (const n of [1, 4, 7, 16, 19]) {
            for (const k of [1, 3, 8, 31]) {
              const pad = (m + n + k) % 3;
              const [ar, ac] = transA ? [k, m] : [m, k];
              const [br, bc] = transB ? [n, k] : [k, n];
              const lda = ac + pad, ldb = bc + 2 * pad, ldc = n + pad;
              const a = r.floats(ar * lda), b = r.floats(br * ldb), c = r.floats(m * ldc);
              const beta = cases % 3 === 0 ? 0.5 : 0;
              if (beta === 0) c.fill(NaN); // beta = 0 must ignore C's old contents
              const o = { transA, transB, alpha: cases % 2 ? -1.5 : 1, beta, c, lda, ldb, ldc };
              const got = sc.gemm(m, n, k, a, b, o);
              const ref = gemmRef(m, n, k, a, b, o);
              for (let i = 0; i < m; i++) {
                for (let j = n; j < ldc; j++) { // the gaps between rows are kept bit for bit
                  const g = i * ldc + j;
                  assert.ok(Object.is(got[g], c[g]), `gap ${g} kept`);
                  got[g] = ref.want[g] = 0;
                }
              }
              assertClose(got, ref, `${name} ${m}x${n}x${k} ${transA ? 'T' : 'N'}${transB ? 'T' : 'N'} ld ${lda},${ldb},${ldc}`);
              cases++;
            }
          }
        }
      }
    }
    assert.equal(cases, 4 * 8 * 5 * 4);
  });

  test(`${name}: gemm on the learning shapes, blocked sizes, 1 x N and N x 1`, () => {
    const r = rng(9);
    for (const [m, n, k, transA, transB] of [[1000, 20, 2], [64, 100, 784], [784, 100, 64, true], [64, 784, 100, false, true],
      [6, 784, 25], [16, 100, 150], [120, 64, 400], [1, 300, 9], [300, 1, 9], [65, 513, 257, true, true]]) {
      const a = r.floats(m * k), b = r.floats(k * n);
      const o = { transA: !!transA, transB: !!transB };
      assertClose(sc.gemm(m, n, k, a, b, o), gemmRef(m, n, k, a, b, o), `${name} ${m}x${n}x${k}`);
    }
  });

  test(`${name}: gemv, dot and axpy match the float64 reference`, () => {
    const r = rng(3);
    for (const [m, n] of [[1, 1], [1, 37], [37, 1], [5, 16], [17, 33], [100, 64]]) {
      for (const trans of [false, true]) {
        const lda = n + (m % 3);
        const a = r.floats(m * lda), x = r.floats(trans ? m : n), y0 = r.floats(trans ? n : m);
        const got = sc.gemv(m, n, a, x, { trans, alpha: 2, beta: -1, y: y0, lda });
        // gemv is gemm with op(A) (rows x cols) times x as a column
        const [rows, cols] = trans ? [n, m] : [m, n];
        const ref = gemmRef(rows, 1, cols, a, x, { transA: trans, lda, ldb: 1, alpha: 2, beta: -1, c: y0, ldc: 1 });
        assertClose(got, ref, `gemv ${m}x${n}${trans ? 'ᵀ' : ''}`);
        const nanY = new Float32Array(trans ? n : m).fill(NaN);
        assert.ok(sc.gemv(m, n, a, x, { trans, lda, y: nanY }).every(Number.isFinite), 'beta 0 ignores NaN y');
      }
    }
    for (const n of [1, 3, 4, 17, 1000]) {
      const x = r.floats(n), y = r.floats(n);
      let s = 0, mag = 0;
      for (let i = 0; i < n; i++) { s += x[i] * y[i]; mag += Math.abs(x[i] * y[i]); }
      assert.ok(Math.abs(sc.dot(x, y) - s) <= (n + 1) * EPS * mag, `dot ${n}`);
      const z = sc.axpy(-0.25, x, y);
      for (let i = 0; i < n; i++) assert.ok(Math.abs(z[i] - (y[i] - 0.25 * x[i])) <= 2 * EPS * (Math.abs(y[i]) + Math.abs(x[i])), `axpy ${n} [${i}]`);
    }
    assert.equal(sc.dot([1, 2, 3], Float64Array.of(4, 5, 6)), 32);
  });

  test(`${name}: known answers and errors name their argument`, () => {
    // [1 2 3; 4 5 6] [1 0; 0 1; 1 1] = [4 5; 10 11]; with the transposes spelt out
    const a = Float32Array.of(1, 2, 3, 4, 5, 6), b = Float32Array.of(1, 0, 0, 1, 1, 1);
    assert.deepEqual(Array.from(sc.gemm(2, 2, 3, a, b)), [4, 5, 10, 11]);
    assert.deepEqual(Array.from(sc.gemm(2, 2, 3, Float32Array.of(1, 4, 2, 5, 3, 6), Float32Array.of(1, 0, 1, 0, 1, 1), { transA: true, transB: true })), [4, 5, 10, 11]);
    assert.deepEqual(Array.from(sc.gemm(2, 2, 3, a, b, { beta: 1, c: [1, 1, 1, 1], alpha: 2 })), [9, 11, 21, 23]);
    assert.deepEqual(Array.from(sc.gemv(2, 3, a, [1, 1, 1])), [6, 15]);
    assert.throws(() => sc.gemm(0, 2, 3, a, b), { name: 'RangeError', message: /^gemm: m 0 is out of range/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b.subarray(1)), { name: 'RangeError', message: /^gemm: b has length 5, expected 6/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { lda: 2 }), { name: 'RangeError', message: /^gemm: lda 2 is out of range/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { transA: 1 }), { name: 'TypeError', message: /^gemm: transA must be a boolean/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { beta: 1 }), { name: 'RangeError', message: /^gemm: beta 1 needs the input matrix c/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { alpha: 1e39 }), { name: 'RangeError', message: /^gemm: alpha/ });
    assert.throws(() => sc.gemm(2, 2, 3, Float32Array.of(1, 2, NaN, 4, 5, 6), b), { name: 'RangeError', message: /^gemm: a: / });
    assert.throws(() => sc.gemm(1, 1, 2, [3e38, 3e38], [3e38, 3e38]), { name: 'RangeError', message: /^gemm: c\[0\] is Infinity: finite inputs overflowed/ });
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { transpose: true }), { name: 'RangeError', message: /^gemm: unknown option 'transpose'/ });
    assert.throws(() => sc.dot([1, 2], [1]), { name: 'RangeError', message: /^dot: y has length 1, expected 2/ });
    assert.throws(() => sc.dot([], []), { name: 'RangeError', message: /^dot: x has length 0/ });
    assert.throws(() => sc.axpy('2', [1], [1]), { name: 'TypeError', message: /^axpy: alpha must be a number/ });
    assert.throws(() => sc.axpy(1, [1], [NaN]), { name: 'RangeError', message: /^axpy: y: / });
    assert.throws(() => sc.gemv(2, 3, a, [1, 1]), { name: 'RangeError', message: /^gemv: x has length 2, expected 3/ });
    const out = new Float32Array(4).fill(NaN);
    assert.equal(sc.gemm(2, 2, 3, a, b, { out }), out, 'out is filled and returned');
    assert.deepEqual(Array.from(out), [4, 5, 10, 11]);
    assert.throws(() => sc.gemm(2, 2, 3, a, b, { out: new Float32Array(3) }), { name: 'RangeError', message: /^gemm: out has length 3, expected 4/ });
    assert.throws(() => sc.gemv(2, 3, a, [1, 1, 1], { out: [0, 0] }), { name: 'TypeError', message: /^gemv: out must be a Float32Array/ });
    // ldc > n without c: the gaps are zeros
    assert.deepEqual(Array.from(sc.gemm(2, 2, 3, a, b, { ldc: 3 })), [4, 5, 0, 10, 11, 0]);
    assert.deepEqual(Array.from(sc.gemm(1, 1, 1, [2], [3])), [6], 'still usable after errors');
  });

  test(`${name}: repeated calls do not grow memory`, () => {
    const a = new Float32Array(64 * 64).fill(0.5);
    sc.gemm(64, 64, 64, a, a);
    const before = sc.memoryBytes();
    for (let i = 0; i < 2000; i++) sc.gemm(64, 64, 64, a, a);
    assert.equal(sc.memoryBytes(), before);
  });
}

test('SIMD and scalar builds agree within the float32 bound', () => {
  const r = rng(21);
  const a = r.floats(70 * 90), b = r.floats(90 * 50);
  const ref = gemmRef(70, 50, 90, a, b);
  assertClose(builds.simd.gemm(70, 50, 90, a, b), ref, 'simd');
  assertClose(builds.scalar.gemm(70, 50, 90, a, b), ref, 'scalar');
});

test('linalg.d.ts parses and declares the limits and options the binding reads', async () => {
  const { readFile } = await import('node:fs/promises');
  const { transform } = await import('esbuild');
  const dts = await readFile(new URL('../../bindings/linalg.d.ts', import.meta.url), 'utf8');
  assert.equal((await transform(dts, { loader: 'ts' })).warnings.length, 0);
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const members = (name) => [...code.match(new RegExp(`interface ${name} \\{([^}]*)\\}`))[1].matchAll(/^ {2}(?:readonly )?(\w+)\??:/gm)].map((m) => m[1]).sort();
  assert.deepEqual(members('LinalgLimits'), Object.keys(builds.simd.linalgLimits).sort());
  // an option the .d.ts declares is accepted; the binding rejects unknown ones
  const sc = builds.simd;
  for (const key of members('GemmOptions')) {
    assert.doesNotThrow(() => { try { sc.gemm(1, 1, 1, [1], [1], { [key]: undefined }); } catch (e) { if (/unknown option/.test(e.message)) throw e; } }, key);
  }
  assert.deepEqual(members('GemmOptions'), ['alpha', 'beta', 'c', 'lda', 'ldb', 'ldc', 'out', 'transA', 'transB']);
  assert.deepEqual(members('GemvOptions'), ['alpha', 'beta', 'lda', 'out', 'trans', 'y']);
});
