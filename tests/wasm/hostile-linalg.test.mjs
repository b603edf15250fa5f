// Hostile and random arguments to the linear-algebra functions of the
// binding (gemm, gemv, dot, axpy), on both wasm builds (the property:
// helpers/hostile.mjs). A call that succeeds must match a float64 reference
// computed from the arguments as the binding should have read them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';

const NAMES = ['m', 'n', 'k', 'a', 'b', 'c', 'x', 'y', 'options', 'transA', 'transB', 'trans', 'alpha', 'beta',
  'lda', 'ldb', 'ldc', 'out', 'option'];
const EPS = 2 ** -23;

// op(X)[r][s] of a stored matrix
const at = (x, ld, t, r, s) => (t ? x[s * ld + r] : x[r * ld + s]);

function assertGemm(out, m, n, k, a, b, o, where) {
  const { transA = false, transB = false, alpha = 1, beta = 0, ldc = n } = o ?? {};
  const lda = o?.lda ?? (transA ? m : k), ldb = o?.ldb ?? (transB ? k : n);
  const c = o?.c === undefined ? null : numbers(o.c);
  assert.ok(out instanceof Float32Array && out.length === (c ? c.length : m * ldc), `${where} output length`);
  assertFinite(out, 'out', where);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0, mag = 0;
      for (let p = 0; p < k; p++) {
        const t = at(a, lda, transA, i, p) * at(b, ldb, transB, p, j);
        s += t;
        mag += Math.abs(t);
      }
      const cij = beta !== 0 ? c[i * ldc + j] : 0;
      const want = alpha * s + beta * cij;
      const tol = (k + 2) * EPS * (Math.abs(alpha) * mag + Math.abs(beta * cij)) + 1e-30;
      assert.ok(Math.abs(out[i * ldc + j] - want) <= tol, `${where} c[${i}][${j}] = ${out[i * ldc + j]}, want ${want}`);
    }
  }
}

function specs() {
  return [
    {
      fn: 'gemm', names: NAMES, arrayKeys: ['c'],
      slots: [{ index: 0, names: ['m'] }, { index: 1, names: ['n'] }, { index: 2, names: ['k'] },
        { index: 3, kind: 'array', names: ['a'] }, { index: 4, kind: 'array', names: ['b'] }, { index: 5, kind: 'object', names: ['options'] }],
      make(r) {
        const m = r.int(1, 9), n = r.int(1, 9), k = r.int(1, 9);
        const o = { transA: r.bool(), transB: r.bool(), alpha: r.pick([1, -0.5, 2]) };
        if (r.bool()) {
          o.beta = r.pick([0, 0.5]);
          o.c = r.floats(m * n);
        }
        return { args: [m, n, k, r.floats(m * k), r.floats(k * n), o] };
      },
      call: (sc, a) => sc.gemm(...a),
      verify(out, valid, where, a) {
        assertGemm(out, a[0], a[1], a[2], numbers(a[3]), numbers(a[4]), a[5], where);
      },
    },
    {
      fn: 'gemv', names: NAMES, arrayKeys: ['y'],
      slots: [{ index: 0, names: ['m'] }, { index: 1, names: ['n'] }, { index: 2, kind: 'array', names: ['a'] },
        { index: 3, kind: 'array', names: ['x'] }, { index: 4, kind: 'object', names: ['options'] }],
      make(r) {
        const m = r.int(1, 9), n = r.int(1, 9), trans = r.bool();
        const o = { trans, alpha: r.pick([1, 3]) };
        if (r.bool()) {
          o.beta = 0.5;
          o.y = r.floats(trans ? n : m);
        }
        return { args: [m, n, r.floats(m * n), r.floats(trans ? m : n), o] };
      },
      call: (sc, a) => sc.gemv(...a),
      verify(out, valid, where, a) {
        const [m, n, A, x, o] = a;
        const trans = o?.trans ?? false;
        const [rows, cols] = trans ? [n, m] : [m, n];
        // gemv = gemm of op(A) with x as a column
        assertGemm(out, rows, 1, cols, numbers(A), numbers(x),
          { transA: trans, lda: o?.lda ?? n, ldb: 1, alpha: o?.alpha ?? 1, beta: o?.beta ?? 0, c: o?.y, ldc: 1 }, where);
      },
    },
    {
      fn: 'dot', names: NAMES,
      slots: [{ index: 0, kind: 'array', names: ['x'] }, { index: 1, kind: 'array', names: ['y'] }],
      make(r) {
        const n = r.int(1, 40);
        return { args: [r.floats(n), r.floats(n)] };
      },
      call: (sc, a) => sc.dot(...a),
      verify(res, valid, where, a) {
        const x = numbers(a[0]), y = numbers(a[1]);
        let s = 0, mag = 0;
        for (let i = 0; i < x.length; i++) { s += x[i] * y[i]; mag += Math.abs(x[i] * y[i]); }
        assert.ok(typeof res === 'number' && Math.abs(res - s) <= (x.length + 1) * EPS * mag + 1e-30, `${where} dot ${res} vs ${s}`);
      },
    },
    {
      fn: 'axpy', names: NAMES,
      slots: [{ index: 0, names: ['alpha'] }, { index: 1, kind: 'array', names: ['x'] }, { index: 2, kind: 'array', names: ['y'] }],
      make(r) {
        const n = r.int(1, 40);
        return { args: [r.pick([1, -2, 0.5]), r.floats(n), r.floats(n)] };
      },
      call: (sc, a) => sc.axpy(...a),
      verify(out, valid, where, a) {
        const x = numbers(a[1]), y = numbers(a[2]);
        assert.ok(out instanceof Float32Array && out.length === x.length, `${where} length`);
        for (let i = 0; i < x.length; i++) {
          const want = a[0] * x[i] + y[i];
          assert.ok(Math.abs(out[i] - want) <= 2 * EPS * (Math.abs(a[0] * x[i]) + Math.abs(y[i])), `${where} [${i}]`);
        }
      },
    },
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  let calls = 0;
  // re-entry from a getter: another linear-algebra call of a different size
  const reenter = () => {
    const s = 3 + (calls++ % 5);
    sc.gemm(s, s, s, new Float32Array(s * s).fill(1), new Float32Array(s * s).fill(1));
  };
  for (const spec of specs()) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 200 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
}
