// Dense linear algebra on Float32Arrays: gemm, gemv, dot, axpy (BLAS
// conventions, row-major; docs/linalg.md). Arguments are validated here
// (shapes, leading dimensions, lengths, alpha/beta); array contents (NaN,
// infinity) and float32 overflow are checked by the core.
import { arrayLength, checkArray, checkInt, checkNumber, describe, readOptions, typedArrayKind, typedArrayLength } from './core/validate.mjs';


const FLT_MAX = 3.4028234663852886e38;

export function linalgApi({ ex, f32, block, check, checkOutputs, limit }) {
  // sc.linalgLimits, read from the core (core/include/simcore/limits.h).
  const LINALG_LIMITS = Object.freeze({
    maxDim: limit('SC_LINALG_MAX_DIM'), // m, n, k and every leading dimension
    maxElements: limit('SC_LINALG_MAX_ELEMENTS'),
  });
  function checkBool(fn, name, v) {
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw new TypeError(`${fn}: ${name} must be a boolean, got ${describe(v)}`);
    return v;
  }

  const scalar = (fn, name, v, dflt) => (v === undefined ? dflt : checkNumber(fn, name, v, { min: -FLT_MAX, max: FLT_MAX }));

  // A matrix stored rows x cols with leading dimension ld: its array holds at
  // least (rows - 1) * ld + cols elements and at most rows * ld.
  function matrixLength(fn, name, v, rows, cols, ld) {
    const extent = (rows - 1) * ld + cols;
    if (extent > LINALG_LIMITS.maxElements) {
      throw new RangeError(`${fn}: ${name} spans ${extent} elements ((rows - 1) * ld + columns), more than ${LINALG_LIMITS.maxElements}`);
    }
    const length = arrayLength(v);
    if (length < 0) {
      throw new TypeError(`${fn}: ${name} must be a Float32Array (or another numeric typed array or Array), got ${describe(v)}`);
    }
    if (length < extent || length > rows * ld) {
      throw new RangeError(`${fn}: ${name} has length ${length}, expected ${extent === rows * ld ? extent : `${extent}..${rows * ld}`} (${rows} x ${cols}, ld ${ld})`);
    }
    return length;
  }

  // Reads an input into a Float32Array the core can take. A real Float32Array
  // is copied straight into wasm memory later (after every option getter has
  // run, so nothing can change it in between); anything else is snapshotted
  // now (checkArray).
  function input(fn, name, v, length) {
    if (typedArrayKind(v) === 'Float32Array' && typedArrayLength(v) === length) return v;
    return checkArray(fn, name, v, length);
  }

  // Scratch blocks first (malloc may grow memory), then one view for the copies.
  function copyAll(entries) {
    const ptrs = entries.map(([role, arr, n]) => block(role, (n ?? arr.length) * 4));
    const heap = f32();
    entries.forEach(([, arr], i) => { if (arr) heap.set(arr, ptrs[i] >> 2); });
    return ptrs;
  }

  // options.out: a Float32Array of the result's length to write into (and
  // return) instead of a new array, so a loop allocates nothing.
  function checkOut(fn, out, length) {
    if (out === undefined) return null;
    if (typedArrayKind(out) !== 'Float32Array') throw new TypeError(`${fn}: out must be a Float32Array, got ${describe(out)}`);
    if (typedArrayLength(out) !== length) throw new RangeError(`${fn}: out has length ${typedArrayLength(out)}, expected ${length}`);
    return out;
  }

  function result(fn, ptr, length, out) {
    const view = f32().subarray(ptr >> 2, (ptr >> 2) + length);
    if (!out) return view.slice();
    // length checked again: a getter run after checkOut may have shrunk or detached it
    if (typedArrayLength(out) !== length) throw new RangeError(`${fn}: out has length ${typedArrayLength(out)}, expected ${length}`);
    out.set(view);
    return out;
  }

  const overflow = (fn, name, ptr, n) => ({
    [name]: { ptr, n, message: (i, v) => `${name}[${i}] is ${v}: finite inputs overflowed float32` },
  });

  /** C = alpha op(A) op(B) + beta C (m x n); returns a new Float32Array. */
  function gemm(m, n, k, a, b, options) {
    const fn = 'gemm';
    const o = readOptions(fn, 'options', options, ['transA', 'transB', 'alpha', 'beta', 'c', 'lda', 'ldb', 'ldc', 'out'], true);
    const { maxDim } = LINALG_LIMITS;
    checkInt(fn, 'm', m, 1, maxDim);
    checkInt(fn, 'n', n, 1, maxDim);
    checkInt(fn, 'k', k, 1, maxDim);
    const transA = checkBool(fn, 'transA', o.transA);
    const transB = checkBool(fn, 'transB', o.transB);
    const alpha = scalar(fn, 'alpha', o.alpha, 1);
    const beta = scalar(fn, 'beta', o.beta, 0);
    const [ar, ac] = transA ? [k, m] : [m, k];
    const [br, bc] = transB ? [n, k] : [k, n];
    const lda = o.lda === undefined ? ac : checkInt(fn, 'lda', o.lda, ac, maxDim);
    const ldb = o.ldb === undefined ? bc : checkInt(fn, 'ldb', o.ldb, bc, maxDim);
    const ldc = o.ldc === undefined ? n : checkInt(fn, 'ldc', o.ldc, n, maxDim);
    const aIn = input(fn, 'a', a, matrixLength(fn, 'a', a, ar, ac, lda));
    const bIn = input(fn, 'b', b, matrixLength(fn, 'b', b, br, bc, ldb));
    let cIn = null;
    let cLength = m * ldc;
    if (o.c !== undefined) {
      cLength = matrixLength(fn, 'c', o.c, m, n, ldc);
      cIn = input(fn, 'c', o.c, cLength);
    } else {
      if (beta !== 0) throw new RangeError(`${fn}: beta ${beta} needs the input matrix c (options.c)`);
      if (cLength > LINALG_LIMITS.maxElements) throw new RangeError(`${fn}: c spans ${cLength} elements, more than ${LINALG_LIMITS.maxElements}`);
    }
    const out = checkOut(fn, o.out, cLength);
    // C is read when beta != 0, and its gaps (ldc > n) are kept (zeros without c).
    const readC = cIn && (beta !== 0 || cLength > m * n);
    const [pa, pb, pc] = copyAll([['la-a', aIn], ['la-b', bIn], ['la-c', readC ? cIn : null, cLength]]);
    if (!readC && cLength > m * n) f32().fill(0, pc >> 2, (pc >> 2) + cLength);
    const status = ex.sc_flat_gemm_f32(+transA, +transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    checkOutputs(fn, status, overflow(fn, 'c', pc, cLength));
    return result(fn, pc, cLength, out);
  }

  /** y = alpha op(A) x + beta y, A stored m x n; returns a new Float32Array. */
  function gemv(m, n, a, x, options) {
    const fn = 'gemv';
    const o = readOptions(fn, 'options', options, ['trans', 'alpha', 'beta', 'y', 'lda', 'out'], true);
    const { maxDim } = LINALG_LIMITS;
    checkInt(fn, 'm', m, 1, maxDim);
    checkInt(fn, 'n', n, 1, maxDim);
    const trans = checkBool(fn, 'trans', o.trans);
    const alpha = scalar(fn, 'alpha', o.alpha, 1);
    const beta = scalar(fn, 'beta', o.beta, 0);
    const lda = o.lda === undefined ? n : checkInt(fn, 'lda', o.lda, n, maxDim);
    const [nx, ny] = trans ? [m, n] : [n, m];
    const aIn = input(fn, 'a', a, matrixLength(fn, 'a', a, m, n, lda));
    const xIn = input(fn, 'x', x, vectorLength(fn, 'x', x, nx));
    let yIn = null;
    if (o.y !== undefined) yIn = input(fn, 'y', o.y, vectorLength(fn, 'y', o.y, ny));
    else if (beta !== 0) throw new RangeError(`${fn}: beta ${beta} needs the input vector y (options.y)`);
    const out = checkOut(fn, o.out, ny);
    const [pa, px, py] = copyAll([['la-a', aIn], ['la-b', xIn], ['la-c', beta !== 0 ? yIn : null, ny]]);
    const status = ex.sc_flat_gemv_f32(+trans, m, n, alpha, pa, lda, px, beta, py);
    checkOutputs(fn, status, overflow(fn, 'y', py, ny));
    return result(fn, py, ny, out);
  }

  function vectorLength(fn, name, v, expected) {
    const length = arrayLength(v);
    if (length < 0) {
      throw new TypeError(`${fn}: ${name} must be a Float32Array (or another numeric typed array or Array), got ${describe(v)}`);
    }
    if (expected !== undefined && length !== expected) throw new RangeError(`${fn}: ${name} has length ${length}, expected ${expected}`);
    if (length < 1 || length > LINALG_LIMITS.maxElements) {
      throw new RangeError(`${fn}: ${name} has length ${length}, expected 1..${LINALG_LIMITS.maxElements}`);
    }
    return length;
  }

  /** sum_i x[i] y[i] (summed in float32 by the core). */
  function dot(x, y) {
    const fn = 'dot';
    const n = vectorLength(fn, 'x', x);
    const xIn = input(fn, 'x', x, n);
    const yIn = input(fn, 'y', y, vectorLength(fn, 'y', y, n));
    const [px, py, pr] = copyAll([['la-a', xIn], ['la-b', yIn], ['la-out', null, 1]]);
    check(fn, ex.sc_flat_dot_f32(n, px, py, pr));
    return f32()[pr >> 2];
  }

  /** alpha x + y as a new Float32Array. */
  function axpy(alpha, x, y) {
    const fn = 'axpy';
    checkNumber(fn, 'alpha', alpha, { min: -FLT_MAX, max: FLT_MAX });
    const n = vectorLength(fn, 'x', x);
    const xIn = input(fn, 'x', x, n);
    const yIn = input(fn, 'y', y, vectorLength(fn, 'y', y, n));
    const [px, py] = copyAll([['la-a', xIn], ['la-b', yIn]]);
    checkOutputs(fn, ex.sc_flat_axpy_f32(n, alpha, px, py), overflow(fn, 'y', py, n));
    return f32().slice(py >> 2, (py >> 2) + n);
  }

  return { gemm, gemv, dot, axpy, linalgLimits: LINALG_LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'linalg', core: 'linalg', attach: (core) => linalgApi(core) });
