// Hostile and random arguments to kde1d, kde2d and kernelRegression on both
// wasm builds (the property: helpers/hostile.mjs). A successful call is
// checked for what must hold whatever the arguments: densities finite and
// >= 0 with the asked length, a positive finite bandwidth (matrix symmetric
// positive definite), regression estimates finite or NaN exactly as many as
// undefinedCount, band ends around yhat, CV scores finite or +Infinity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, KDE_KERNELS } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['samples', 'xy', 'x', 'y', 'options', 'kernel', 'bandwidth', 'bandwidths', 'grid', 'points', 'method', 'at', 'band',
  'level', 'from', 'to', 'n'];

const heights = (r, n) => Array.from({ length: n }, () => Math.round((165 + 12 * (r.float() - 0.5) + 8 * (r.float() - 0.5)) * 10) / 10);

function checkDensity(d, m, where) {
  assert.equal(d.length, m, `${where} length`);
  assertFinite(d, 'density', where);
  assert.ok(d.every((v) => v >= 0), `${where} negative density`);
}

const kde1dSpec = {
  fn: 'kde1d',
  names: NAMES,
  arrayKeys: ['points'],
  slots: [{ index: 0, kind: 'array', names: ['samples'] }, { index: 1, kind: 'object', names: ['options'] }],
  make(r) {
    const o = { kernel: r.pick(KDE_KERNELS), bandwidth: r.pick(['silverman', 'scott', 'lscv', 'lcv', 2.5, 6]) };
    if (r.bool()) Object.assign(o, { grid: { from: 140, to: 200, n: r.int(2, 70) }, method: r.pick(['exact', 'binned']) });
    else o.points = Array.from({ length: r.int(1, 9) }, () => 140 + 60 * r.float());
    return { args: [heights(r, r.int(2, 30)), o] };
  },
  call: (sc, a) => sc.kde1d(...a),
  verify(res, valid, where) {
    assert.ok(res.bandwidth > 0 && Number.isFinite(res.bandwidth), `${where} bandwidth ${res.bandwidth}`);
    checkDensity(res.density, res.x.length, where);
    assert.ok(res.errorBound >= 0 && Number.isFinite(res.errorBound), `${where} bound`);
  },
};

const kde2dSpec = {
  fn: 'kde2d',
  names: NAMES,
  arrayKeys: ['points'],
  slots: [{ index: 0, kind: 'array', names: ['xy'] }, { index: 1, kind: 'object', names: ['options'] }],
  make(r) {
    const n = r.int(3, 25);
    const h = heights(r, n);
    const xy = h.flatMap((v) => [v, Math.round((0.9 * v - 90 + 10 * (r.float() - 0.5)) * 10) / 10]);
    const o = { kernel: r.pick(KDE_KERNELS), bandwidth: r.pick(['scott', 'silverman', 4, [[16, 5], [5, 25]], [[30, 0], [0, 12]]]) };
    if (r.bool()) {
      o.grid = { x: { from: 140, to: 200, n: r.int(2, 24) }, y: { from: 30, to: 110, n: r.int(2, 24) } };
      o.method = r.pick(['exact', 'binned']);
    } else {
      o.points = Array.from({ length: 2 * r.int(1, 6) }, (_, i) => (i % 2 ? 40 + 60 * r.float() : 140 + 60 * r.float()));
    }
    return { args: [xy, o] };
  },
  call: (sc, a) => sc.kde2d(...a),
  verify(res, valid, where) {
    const [[a, b], [c, d]] = res.H;
    assert.ok(a > 0 && d > 0 && b === c && a * d > b * b && [a, b, d].every(Number.isFinite), `${where} H`);
    checkDensity(res.density, res.x ? res.x.length * res.y.length : res.density.length, where);
  },
};

const regressionSpec = {
  fn: 'kernelRegression',
  names: NAMES,
  arrayKeys: ['bandwidths'],
  slots: [{ index: 0, kind: 'array', names: ['x'] }, { index: 1, kind: 'array', names: ['y'] }, { index: 2, kind: 'object', names: ['options'] }],
  make(r) {
    const n = r.int(2, 30);
    const x = heights(r, n);
    const y = x.map((v) => Math.round((0.9 * v - 90 + 10 * (r.float() - 0.5)) * 10) / 10);
    const o = { method: r.pick(['nw', 'local-linear']), kernel: r.pick(KDE_KERNELS), bandwidth: r.pick(['loocv', 3, 8]) };
    o.at = r.bool() ? { from: 150, to: 185, n: r.int(2, 20) } : Array.from({ length: r.int(1, 8) }, () => 150 + 35 * r.float());
    if (r.bool()) o.band = r.pick([true, false, { level: 0.9 }]);
    if (o.bandwidth === 'loocv' && r.bool()) o.bandwidths = [1, 2, 4, 8, 16];
    return { args: [x, y, o] };
  },
  call: (sc, a) => sc.kernelRegression(...a),
  verify(res, valid, where) {
    assert.ok(res.bandwidth > 0 && Number.isFinite(res.bandwidth), `${where} bandwidth`);
    let nan = 0;
    for (let i = 0; i < res.yhat.length; i++) {
      const v = res.yhat[i];
      if (Number.isNaN(v)) {
        nan++;
        continue;
      }
      assert.ok(Number.isFinite(v), `${where} yhat[${i}] = ${v}`);
      if (res.lower) assert.ok(res.lower[i] <= v && v <= res.upper[i], `${where} band at ${i}`);
    }
    assert.equal(nan, res.undefinedCount, `${where} undefined count`);
    if (res.cv) assert.ok(res.cv.scores.every((s) => s >= 0 && (Number.isFinite(s) || s === Infinity)), `${where} cv scores`);
  },
};

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  // A getter that re-enters the binding (it reuses the same scratch blocks).
  const reenter = () => sc.kde2d([150, 50, 160, 60, 170, 75, 180, 80], { grid: { x: { from: 140, to: 190, n: 30 }, y: { from: 40, to: 90, n: 30 } } });
  for (const spec of [kde1dSpec, kde2dSpec, regressionSpec]) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter });
      assert.ok(tally.ok > 10 && tally.threw > 10, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }

  test(`${simd ? 'simd' : 'scalar'}: edge values are errors that name the argument`, () => {
    const x = [160, 170, 180];
    const cases = [
      [() => sc.kde1d(x, { bandwidth: 0, points: [1] }), RangeError, /bandwidth/],
      [() => sc.kde1d(x, { bandwidth: 1e-60, points: [1] }), RangeError, /bandwidth/],
      [() => sc.kde1d([1, 1, 1], { bandwidth: 'scott', points: [1] }), RangeError, /samples/],
      [() => sc.kde1d(x, { grid: { from: 1, to: 1, n: 3 } }), RangeError, /grid/],
      [() => sc.kde1d(x, { points: [1], method: 'binned' }), RangeError, /binned/],
      [() => sc.kde1d(x, { grid: { from: 0, to: 1, n: 3 }, points: [1] }), TypeError, /grid/],
      [() => sc.kde1d([1e60, 0], { bandwidth: 1, points: [0] }), RangeError, /samples/],
      [() => sc.kde1d([NaN, 0], { bandwidth: 1, points: [0] }), RangeError, /samples/],
      [() => sc.kde1d(x, { kernel: 'cosine', points: [0] }), RangeError, /kernel/],
      [() => sc.kde2d([1, 2, 3, 4, 5, 6], { bandwidth: 'scott', points: [0, 0] }), RangeError, /samples/],
      [() => sc.kde2d([1, 2, 3, 4], { bandwidth: [[1, 2], [2, 1]], points: [0, 0] }), RangeError, /bandwidth/],
      [() => sc.kde2d([1, 2, 3, 4], { bandwidth: [[1, 0.5], [0.4, 1]], points: [0, 0] }), RangeError, /symmetric/],
      [() => sc.kde2d([1, 2, 3], { bandwidth: 1, points: [0, 0] }), RangeError, /xy/],
      [() => sc.kernelRegression(x, [1, 2], { at: [1] }), RangeError, /y/],
      [() => sc.kernelRegression(x, [1, 2, 3], { at: [1], band: { level: 1 } }), RangeError, /level/],
      [() => sc.kernelRegression(x, [1, 2, 3], { bandwidth: 'aic', at: [1] }), RangeError, /bandwidth/],
      [() => sc.kernelRegression(x, [1, 2, 3], { bandwidth: 2, bandwidths: [1], at: [1] }), RangeError, /bandwidths/],
      [() => sc.kernelRegression(x, [1, 2, 3], {}), TypeError, /at/],
      [() => sc.kernelRegression(x, [1, 2, 3], { bandwidth: 'loocv', bandwidths: [0.01], kernel: 'uniform', at: [1] }), RangeError, /bandwidths/],
    ];
    for (const [call, Class, re] of cases) {
      assert.throws(call, (e) => e instanceof Class && re.test(e.message), String(call));
    }
  });
}
