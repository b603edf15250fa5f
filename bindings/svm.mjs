// Support vector machines: C-SVC trained by SMO with LIBSVM's second-order
// working-set selection and shrinking, four kernels, decision values on
// points and grids, k-fold cross-validated accuracy over a (C, gamma) grid.
// Conventions: svm.d.ts and docs/svm.md; the C contract:
// core/include/simcore/svm.h. A model lives in wasm memory behind a core
// handle (core/handles.mjs); `dispose()` frees it.
import { handle } from './core/handles.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkObject, checkOption, describe, isArray, readOptions } from './core/validate.mjs';

export const SVM_KERNELS = Object.freeze(['linear', 'poly', 'rbf', 'sigmoid']); // sc_svm_kernel's order
const MAX_SEED = 0xffffffff;
const INFO = 8; // SC_SVM_INFO_SIZE: n, d, nsv, b, objective, iterations, hit max_iter, gamma

export function svmApi({ ex, i32, block, check, limit }) {
  const LIMITS = Object.freeze({
    maxModels: limit('SC_SVM_MAX_MODELS'),
    maxPoints: limit('SC_SVM_MAX_POINTS'),
    maxDims: limit('SC_SVM_MAX_DIMS'),
    maxValues: limit('SC_SVM_MAX_VALUES'),
    maxCoord: limit('SC_SVM_MAX_COORD'),
    maxC: limit('SC_SVM_MAX_C'),
    maxGamma: limit('SC_SVM_MAX_GAMMA'),
    maxDegree: limit('SC_SVM_MAX_DEGREE'),
    maxCoef0: limit('SC_SVM_MAX_COEF0'),
    minTol: limit('SC_SVM_MIN_TOL'),
    maxTol: limit('SC_SVM_MAX_TOL'),
    defaultCache: limit('SC_SVM_DEFAULT_CACHE'),
    minCache: limit('SC_SVM_MIN_CACHE'),
    maxCache: limit('SC_SVM_MAX_CACHE'),
    maxIter: limit('SC_SVM_MAX_ITER'),
    maxGridPairs: limit('SC_SVM_MAX_GRID_PAIRS'),
    maxFolds: limit('SC_SVM_MAX_FOLDS'),
    maxGrid: limit('SC_SVM_MAX_GRID'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  const destroy = (id) => ex.sc_flat_svm_destroy(id);

  // Points: a flat numeric array (count x dims, row-major) or an Array of
  // points (each an array of dims numbers). Returns { values, count, dims }
  // with every coordinate finite and within the core's bound.
  function pointsIn(fn, arg, v, dims, { minCount = 0, maxCount = Infinity } = {}) {
    const length = arrayLength(v);
    if (length < 0) throw new TypeError(`${fn}: ${arg} must be a Float64Array (count x dims, row-major) or an Array of points, got ${describe(v)}`);
    let values;
    let d = dims;
    if (length > LIMITS.maxValues) throw new RangeError(`${fn}: ${arg} has length ${length}, more than ${LIMITS.maxValues} values`);
    const items = isArray(v) ? Array.from({ length }, (_, i) => v[i]) : null; // each element read once
    if (items && length > 0 && typeof items[0] !== 'number') {
      const first = arrayLength(items[0]);
      if (first < 1) throw new TypeError(`${fn}: ${arg}[0] must be a point (an array of numbers), got ${describe(items[0])}`);
      if (d === undefined) d = first;
      if (d < 1 || d > LIMITS.maxDims) throw new RangeError(`${fn}: ${arg} has points of ${d} coordinates; expected 1..${LIMITS.maxDims}`);
      if (length * d > LIMITS.maxValues) throw new RangeError(`${fn}: ${arg} has ${length} points of ${d}, more than ${LIMITS.maxValues} values`);
      values = new Float64Array(length * d);
      for (let i = 0; i < length; i++) values.set(checkArray(fn, `${arg}[${i}]`, items[i], d, Float64Array), i * d);
    } else {
      if (d === undefined) d = 2;
      if (length % d !== 0) throw new RangeError(`${fn}: ${arg} has length ${length}, not a multiple of dims = ${d}`);
      if (length > LIMITS.maxValues) throw new RangeError(`${fn}: ${arg} has ${length} values, more than ${LIMITS.maxValues}`);
      if (length / d < minCount) throw new RangeError(`${fn}: ${arg} has ${length / d} points; expected ${minCount}..${maxCount}`);
      // Empty (a detached buffer reads as empty too): nothing to copy.
      values = length === 0 ? new Float64Array(0) : checkArray(fn, arg, items ?? v, length, Float64Array);
    }
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k]) || Math.abs(values[k]) > LIMITS.maxCoord) {
        throw new RangeError(`${fn}: ${arg} coordinate ${k % d} of point ${Math.floor(k / d)} is ${values[k]}; expected a finite value within +-${LIMITS.maxCoord}`);
      }
    }
    const count = values.length / d;
    if (count < minCount || count > maxCount) {
      throw new RangeError(`${fn}: ${arg} has ${count} points; expected ${minCount}..${maxCount}`);
    }
    return { values, count, dims: d };
  }

  function labelsIn(fn, v, n) {
    const length = arrayLength(v);
    if (length < 0) throw new TypeError(`${fn}: labels must be a typed array or an Array of +1 and -1, got ${describe(v)}`);
    const y = checkArray(fn, 'labels', v, n, Float64Array);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      if (y[i] !== 1 && y[i] !== -1) throw new RangeError(`${fn}: labels[${i}] is ${y[i]}; labels are +1 or -1`);
      pos += y[i] === 1;
    }
    if (pos === 0 || pos === n) throw new RangeError(`${fn}: labels are all ${pos ? '+1' : '-1'}; both classes are needed`);
    return y;
  }

  function dimsOf(fn, o) {
    return o.dims === undefined ? undefined : checkInt(fn, 'dims', o.dims, 1, LIMITS.maxDims);
  }

  // The kernel and solver options shared by training and cross-validation.
  function solverOptions(fn, o, d) {
    const kernel = o.kernel === undefined ? 2 : checkOption(fn, 'kernel', o.kernel, SVM_KERNELS);
    const degree = o.degree === undefined ? 3 : checkInt(fn, 'degree', o.degree, 1, LIMITS.maxDegree);
    const coef0 = o.coef0 === undefined ? 0 : checkNumber(fn, 'coef0', o.coef0, { min: -LIMITS.maxCoef0, max: LIMITS.maxCoef0 });
    const tol = o.tol === undefined ? 1e-3 : checkNumber(fn, 'tol', o.tol, { min: LIMITS.minTol, max: LIMITS.maxTol });
    if (o.shrinking !== undefined && typeof o.shrinking !== 'boolean') {
      throw new TypeError(`${fn}: shrinking must be a boolean, got ${describe(o.shrinking)}`);
    }
    const shrinking = o.shrinking === false ? 0 : 1;
    const cacheBytes = o.cacheBytes === undefined ? LIMITS.defaultCache : checkInt(fn, 'cacheBytes', o.cacheBytes, LIMITS.minCache, LIMITS.maxCache);
    return { kernel, degree, coef0, tol, shrinking, cacheBytes, defaultGamma: 1 / d };
  }

  function gammaIn(fn, name, v) {
    return checkNumber(fn, name, v, { gt: 0, max: LIMITS.maxGamma });
  }
  function cIn(fn, name, v) {
    return checkNumber(fn, name, v, { gt: 0, max: LIMITS.maxC });
  }

  function copyData(fn, p, y) {
    const pX = block('svm-x', p.values.length * 8);
    const pY = block('svm-y', p.count * 8);
    const a = f64();
    a.set(p.values, pX >> 3);
    a.set(y, pY >> 3);
    return { pX, pY };
  }

  const TRAIN_OPTIONS = ['kernel', 'C', 'gamma', 'degree', 'coef0', 'tol', 'dims', 'shrinking', 'cacheBytes', 'maxIter'];

  function svmTrain(x, labels, options) {
    const fn = 'svmTrain';
    const o = readOptions(fn, 'options', options, TRAIN_OPTIONS, true);
    const p = pointsIn(fn, 'x', x, dimsOf(fn, o), { minCount: 1, maxCount: LIMITS.maxPoints });
    const y = labelsIn(fn, labels, p.count);
    const s = solverOptions(fn, o, p.dims);
    const C = o.C === undefined ? 1 : cIn(fn, 'C', o.C);
    const gamma = o.gamma === undefined ? s.defaultGamma : gammaIn(fn, 'gamma', o.gamma);
    const maxIter = o.maxIter === undefined ? 0 : checkInt(fn, 'maxIter', o.maxIter, 1, LIMITS.maxIter);
    const { pX, pY } = copyData(fn, p, y);
    const pId = block('svm-id', 4);
    check(fn, ex.sc_flat_svm_train(pX, p.count, p.dims, pY, s.kernel, C, gamma, s.degree, s.coef0, s.tol, s.shrinking, s.cacheBytes, maxIter, pId));
    const life = handle('svm', i32()[pId >> 2], destroy);
    try {
      return makeModel(life, p.dims, { kernel: SVM_KERNELS[s.kernel], C, gamma, degree: s.degree, coef0: s.coef0, tol: s.tol });
    } catch (e) {
      life.dispose();
      throw e;
    }
  }

  function makeModel(life, d, params) {
    const live = (method) => life.live(method);
    const pInfo = block('svm-info', INFO * 8);
    check('svmTrain', ex.sc_flat_svm_info(life.id, pInfo, INFO));
    const info = f64().slice(pInfo >> 3, (pInfo >> 3) + INFO);
    const nsv = info[2];
    const pIndex = block('svm-index', nsv * 4);
    const pCoef = block('svm-coef', nsv * 8);
    check('svmTrain', ex.sc_flat_svm_support(life.id, pIndex, pCoef, nsv));
    const supportIndices = i32().slice(pIndex >> 2, (pIndex >> 2) + nsv);
    const alpha = f64().slice(pCoef >> 3, (pCoef >> 3) + nsv);
    const resolved = Object.freeze({ ...params, gamma: params.kernel === 'linear' ? params.gamma : info[7] });

    function decisionOf(name, points) {
      const p = pointsIn(name, 'points', points, d);
      const pZ = block('svm-z', p.values.length * 8);
      f64().set(p.values, pZ >> 3);
      const pOut = block('svm-out', p.count * 8);
      check(name, ex.sc_flat_svm_decision(life.id, pZ, p.count, d, pOut, p.count));
      return f64().slice(pOut >> 3, (pOut >> 3) + p.count);
    }

    function axis(name, label, v) {
      const a = readOptions(name, label, v, ['from', 'to', 'n']);
      const from = checkNumber(name, `${label}.from`, a.from, { min: -LIMITS.maxCoord, max: LIMITS.maxCoord });
      const to = checkNumber(name, `${label}.to`, a.to, { min: -LIMITS.maxCoord, max: LIMITS.maxCoord });
      const n = checkInt(name, `${label}.n`, a.n, 2, LIMITS.maxGrid);
      return { from, to, n };
    }

    const model = life.attach({
      get dims() { return d; },
      get disposed() { return life.disposed; },
      /** The training parameters, gamma resolved (1/dims by default). */
      get params() { return resolved; },
      /** Training indices of the support vectors, ascending. */
      get supportIndices() { return supportIndices.slice(); },
      /** Dual coefficients y_i alpha_i of the support vectors (LIBSVM's sv_coef). */
      get alpha() { return alpha.slice(); },
      /** The intercept b = -rho: f(x) = sum alpha_k K(x_k, x) + b. */
      get b() { return info[3]; },
      /** The dual objective 1/2 a^T Q a - e^T a at the solution (LIBSVM's obj). */
      get objective() { return info[4]; },
      get iterations() { return info[5]; },
      /** True if maxIter stopped the solver before tol. */
      get hitMaxIter() { return info[6] === 1; },

      /** f at each point: Float64Array(count). */
      decision(points) { return decisionOf(live('decision'), points); },

      /** Labels +1 (f > 0) or -1: Int8Array(count). */
      predict(points) {
        const f = decisionOf(live('predict'), points);
        return Int8Array.from(f, (v) => (v > 0 ? 1 : -1));
      },

      /** f on a grid of a 2-D model: Float64Array(x.n * y.n), y outer (row j = y.from + j step). */
      decisionGrid(grid) {
        const name = live('decisionGrid');
        const g = checkObject(name, 'grid', grid);
        const o = readOptions(name, 'grid', g, ['x', 'y']);
        if (d !== 2) throw new RangeError(`${name}: the model has ${d} dimensions; grids are for 2`);
        const gx = axis(name, 'x', o.x);
        const gy = axis(name, 'y', o.y);
        const n = gx.n * gy.n;
        const pOut = block('svm-out', n * 8);
        check(name, ex.sc_flat_svm_decision_grid(life.id, gx.from, gx.to, gx.n, gy.from, gy.to, gy.n, pOut, n));
        return f64().slice(pOut >> 3, (pOut >> 3) + n);
      },

      dispose() { life.dispose(); },
    });
    return model;
  }

  function gridValues(fn, name, v, one) {
    if (typeof v === 'number') return Float64Array.of(one(fn, name, v));
    const n = arrayLength(v);
    if (n < 0) throw new TypeError(`${fn}: ${name} must be a number or an array of numbers, got ${describe(v)}`);
    if (n < 1) throw new RangeError(`${fn}: ${name} is empty`);
    const values = checkArray(fn, name, v, n, Float64Array);
    for (let k = 0; k < n; k++) one(fn, `${name}[${k}]`, values[k]);
    return values;
  }

  function svmCrossValidate(x, labels, options) {
    const fn = 'svmCrossValidate';
    const o = readOptions(fn, 'options', options, ['kernel', 'C', 'gamma', 'degree', 'coef0', 'tol', 'dims', 'shrinking', 'cacheBytes', 'maxIter', 'folds', 'seed'], true);
    const p = pointsIn(fn, 'x', x, dimsOf(fn, o), { minCount: 2, maxCount: LIMITS.maxPoints });
    const y = labelsIn(fn, labels, p.count);
    const s = solverOptions(fn, o, p.dims);
    const Cs = o.C === undefined ? Float64Array.of(1) : gridValues(fn, 'C', o.C, cIn);
    const gammas = o.gamma === undefined ? Float64Array.of(s.defaultGamma) : gridValues(fn, 'gamma', o.gamma, gammaIn);
    if (Cs.length * gammas.length > LIMITS.maxGridPairs) {
      throw new RangeError(`${fn}: ${Cs.length} x ${gammas.length} (C, gamma) pairs are more than ${LIMITS.maxGridPairs}`);
    }
    const maxIter = o.maxIter === undefined ? 0 : checkInt(fn, 'maxIter', o.maxIter, 1, LIMITS.maxIter);
    const folds = o.folds === undefined ? Math.min(5, p.count) : checkInt(fn, 'folds', o.folds, 2, Math.min(LIMITS.maxFolds, p.count));
    const seed = o.seed === undefined ? 0 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);
    const { pX, pY } = copyData(fn, p, y);
    const pC = block('svm-cv-c', Cs.length * 8);
    const pG = block('svm-cv-gamma', gammas.length * 8);
    const npairs = Cs.length * gammas.length;
    const pAcc = block('svm-cv-acc', npairs * 8);
    const a = f64();
    a.set(Cs, pC >> 3);
    a.set(gammas, pG >> 3);
    check(fn, ex.sc_flat_svm_cross_validate(pX, p.count, p.dims, pY, s.kernel, s.degree, s.coef0, s.tol, s.shrinking, s.cacheBytes, maxIter,
      pC, Cs.length, pG, gammas.length, folds, seed, pAcc, npairs));
    const accuracy = f64().slice(pAcc >> 3, (pAcc >> 3) + npairs);
    let best = 0;
    for (let k = 1; k < npairs; k++) if (accuracy[k] > accuracy[best]) best = k;
    const bi = Math.floor(best / gammas.length);
    const bg = best % gammas.length;
    return { C: Cs, gamma: gammas, folds, accuracy, best: { C: Cs[bi], gamma: gammas[bg], accuracy: accuracy[best] } };
  }

  return { svmTrain, svmCrossValidate, svmLimits: LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'svm', core: 'kernel', attach: (core) => svmApi(core) });
