// Hostile and random arguments to the SVM functions of the binding
// (svmTrain, svmCrossValidate and every method of a model), on both wasm
// builds (the property: helpers/hostile.mjs). Valid calls are checked
// for real values: the same decision values as the valid call, dual
// coefficients in the box with y^T a = 0, accuracies in [0, 1]. Then the
// named cases: labels not +-1, NaN, n = 0, one class only, C <= 0, use
// after dispose, a full pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';

const NAMES = ['x', 'labels', 'options', 'kernel', 'C', 'gamma', 'degree', 'coef0', 'tol', 'dims', 'shrinking', 'cacheBytes',
  'maxIter', 'points', 'grid', 'folds', 'seed', 'models', 'option', 'svm'];

// Small data, every value exact in float32 (multiples of 1/16), so a
// Float32Array of the same numbers must give the same result.
function makeData(r) {
  const d = r.int(1, 3), n = r.int(4, 12);
  const x = Array.from({ length: n * d }, () => r.int(-40, 40) / 16);
  const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? -1 : r.bool() ? 1 : -1));
  const options = {
    kernel: r.pick(['linear', 'poly', 'rbf', 'sigmoid']), C: r.pick([0.5, 1, 10]), gamma: r.pick([0.25, 1]),
    degree: r.int(1, 4), coef0: r.pick([0, 1]), tol: 1e-3, dims: d,
  };
  return { d, n, x, labels, options };
}

function checkModel(m, v, where) {
  const C = m.params.C;
  const a = m.alpha;
  assertFinite(a, 'alpha', where);
  assert.ok(a.every((c) => c !== 0 && Math.abs(c) <= C * (1 + 1e-12)), `${where} alpha in the box`);
  assert.ok(Math.abs(a.reduce((s, c) => s + c, 0)) < 1e-9 * C * a.length, `${where} y^T a = 0`);
  assert.ok(Number.isFinite(m.b) && Number.isFinite(m.objective) && m.objective <= 1e-12, `${where} b, objective`);
  const f = m.decision(v.x);
  assertFinite(f, 'decision', where);
  return f;
}

function modelSpec(sc, method, slots, args, verify) {
  return {
    fn: `svm.${method}`, names: NAMES,
    slots: slots.map(([index, kind, name]) => ({ index, kind, names: [name] })),
    make(r) {
      const v = makeData(r);
      const m = sc.svmTrain(v.x, v.labels, v.options);
      const a = args(r, v);
      return { args: a, m, v, reference: verify ? m[method](...a) : null };
    },
    call: (_, a, valid) => valid.m[method](...a),
    cleanup: (valid) => valid.m.dispose(),
    verify(res, valid, where, a) {
      // The same numbers in a plain array give the same result (a hostile
      // container that still succeeds, or other valid values).
      const same = method === 'decisionGrid' ? valid.reference : valid.m[method](sameNumbers(a[0]));
      assert.deepEqual([...res], [...same], `${where} same result as the direct call`);
    },
  };
}

// The numbers a call reads: a typed array's own elements (its intrinsic
// length, whatever a subclass says), else the values helpers/hostile gives.
function sameNumbers(v) {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return Float64Array.from(numbers(v));
  return v.byteLength === 0 ? new Float64Array(0) : new Float64Array(v); // detached: empty
}

// Options with their numeric arrays as plain copies (to redo a call).
const plainOptions = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v && typeof v === 'object' ? sameNumbers(v) : v]));
const redo = (f, a) => f(sameNumbers(a[0]), sameNumbers(a[1]), plainOptions({ ...a[2] }));

function specs(sc) {
  return [
    {
      fn: 'svmTrain', names: NAMES,
      slots: [{ index: 0, kind: 'array', names: ['x'] }, { index: 1, kind: 'array', names: ['labels'] }, { index: 2, kind: 'object', names: ['options'] }],
      make(r) {
        const v = makeData(r);
        const m = sc.svmTrain(v.x, v.labels, v.options);
        const reference = m.decision(v.x);
        m.dispose();
        return { args: [v.x, v.labels, v.options], v, reference };
      },
      call: (s, a) => s.svmTrain(...a),
      verify(m, valid, where, a) {
        const ref = redo(sc.svmTrain, a);
        try {
          checkModel(m, valid.v, where);
          assert.deepEqual([...m.decision(valid.v.x)], [...ref.decision(valid.v.x)], `${where} same decisions as the direct call`);
        } finally {
          m.dispose();
          ref.dispose();
        }
      },
    },
    modelSpec(sc, 'decision', [[0, 'array', 'points']], (r, v) => [Array.from({ length: 3 * v.d }, () => r.int(-50, 50) / 16)], true),
    modelSpec(sc, 'predict', [[0, 'array', 'points']], (r, v) => [Array.from({ length: 2 * v.d }, () => r.int(-50, 50) / 16)], true),
    {
      ...modelSpec(sc, 'decisionGrid', [[0, 'object', 'grid']], () => [{ x: { from: -2, to: 2, n: 3 }, y: { from: -1, to: 1, n: 4 } }], true),
      make(r) {
        const v = makeData(r);
        v.options.dims = 2;
        v.x = Array.from({ length: v.n * 2 }, () => r.int(-40, 40) / 16);
        const m = sc.svmTrain(v.x, v.labels, v.options);
        const a = [{ x: { from: -2, to: r.pick([1, 2]), n: r.int(2, 5) }, y: { from: -1, to: 1, n: r.int(2, 4) } }];
        return { args: a, m, v, reference: m.decisionGrid(...a) };
      },
    },
    {
      fn: 'svmCrossValidate', names: NAMES, arrayKeys: ['C', 'gamma'],
      slots: [{ index: 0, kind: 'array', names: ['x'] }, { index: 1, kind: 'array', names: ['labels'] }, { index: 2, kind: 'object', names: ['options'] }],
      make(r) {
        const v = makeData(r);
        const options = { kernel: v.options.kernel, C: [0.5, 4], gamma: [0.25, 1], folds: r.int(2, 4), seed: r.int(0, 9), dims: v.d };
        const reference = sc.svmCrossValidate(v.x, v.labels, options).accuracy;
        return { args: [v.x, v.labels, options], v, reference };
      },
      call: (s, a) => s.svmCrossValidate(...a),
      verify(res, valid, where, a) {
        assert.ok(res.accuracy.every((v) => v >= 0 && v <= 1), `${where} accuracy in [0, 1]`);
        assert.deepEqual([...res.accuracy], [...redo(sc.svmCrossValidate, a).accuracy], `${where} same accuracies as the direct call`);
      },
    },
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const reenter = () => sc.svmTrain([0, 0, 1, 1], [1, -1]).dispose();
  for (const spec of specs(sc)) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 150 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }

  test(`${simd ? 'simd' : 'scalar'}: the named bad inputs, each with its error`, () => {
    const x = [0, 0, 1, 1, 2, 0, 3, 1];
    const y = [1, -1, 1, -1];
    const cases = [
      [() => sc.svmTrain(x, [1, 0, 1, -1]), RangeError, /svmTrain: labels\[1\] is 0; labels are \+1 or -1/],
      [() => sc.svmTrain(x, [1, 2, 1, -1]), RangeError, /labels\[1\] is 2/],
      [() => sc.svmTrain(x, [1, NaN, 1, -1]), RangeError, /labels\[1\] is NaN/],
      [() => sc.svmTrain([0, NaN, 1, 1, 2, 0, 3, 1], y), RangeError, /svmTrain: x coordinate 1 of point 0 is NaN/],
      [() => sc.svmTrain([[0, 0], [1, Infinity], [2, 0], [3, 1]], y), RangeError, /x coordinate 1 of point 1 is Infinity/],
      [() => sc.svmTrain([], []), RangeError, /svmTrain: x has 0 points/],
      [() => sc.svmTrain(new Float64Array(0), []), RangeError, /svmTrain: x has 0 points/],
      [() => sc.svmTrain(x, [1, 1, 1, 1]), RangeError, /svmTrain: labels are all \+1; both classes are needed/],
      [() => sc.svmTrain(x, [-1, -1, -1, -1]), RangeError, /labels are all -1/],
      [() => sc.svmTrain(x, y, { C: 0 }), RangeError, /svmTrain: C 0 must be > 0/],
      [() => sc.svmTrain(x, y, { C: -1 }), RangeError, /svmTrain: C -1 must be > 0/],
      [() => sc.svmTrain(x, y, { C: NaN }), RangeError, /svmTrain: C must be finite/],
      [() => sc.svmTrain(x, y, { gamma: 0 }), RangeError, /svmTrain: gamma 0 must be > 0/],
      [() => sc.svmTrain(x, y, { kernel: 'gauss' }), RangeError, /svmTrain: unknown kernel "gauss"/],
      [() => sc.svmTrain(x, y, { degree: 2.5, kernel: 'poly' }), RangeError, /degree 2.5 is out of range/],
      [() => sc.svmTrain(x, y, { epsilon: 1 }), RangeError, /svmTrain: unknown option 'epsilon'/],
      [() => sc.svmTrain(x, [1, -1, 1]), RangeError, /svmTrain: labels has length 3, expected 4/],
      [() => sc.svmTrain(x, y, { dims: 3 }), RangeError, /x has length 8, not a multiple of dims = 3/],
      [() => sc.svmTrain([1e7, 0, 1, 1, 2, 0, 3, 1], y), RangeError, /within \+-1000000/],
      [() => sc.svmTrain('points', y), TypeError, /svmTrain: x must be a Float64Array/],
      [() => sc.svmTrain(x, null), TypeError, /svmTrain: labels must be/],
      [() => sc.svmCrossValidate(x, y, { C: [] }), RangeError, /svmCrossValidate: C is empty/],
      [() => sc.svmCrossValidate(x, y, { C: [1, -2] }), RangeError, /svmCrossValidate: C\[1\] -2 must be > 0/],
      [() => sc.svmCrossValidate(x, y, { folds: 5 }), RangeError, /svmCrossValidate: folds 5 is out of range \(integer 2..4\)/],
      [() => sc.svmCrossValidate(x, y, { folds: 1 }), RangeError, /folds 1 is out of range/],
      [() => sc.svmCrossValidate(x.slice(0, 2), [1], {}), RangeError, /svmCrossValidate: x has 1 points; expected 2/],
    ];
    for (const [call, Class, message] of cases) assert.throws(call, (e) => e instanceof Class && e.constructor === Class && message.test(e.message), String(message));

    const m = sc.svmTrain(x, y, { kernel: 'linear' });
    assert.throws(() => m.decision([0, 0, 1]), /svm.decision: points has length 3, not a multiple of dims = 2/);
    assert.throws(() => m.decision([[0, 0, 1]]), /svm.decision: points\[0\] has length 3, expected 2/);
    assert.throws(() => m.decisionGrid({ x: { from: 0, to: 1, n: 1 }, y: { from: 0, to: 1, n: 2 } }), /svm.decisionGrid: x.n 1 is out of range/);
    assert.deepEqual([...m.decision([])], []);
    m.dispose();
    for (const method of ['decision', 'predict', 'decisionGrid']) {
      assert.throws(() => m[method]([0, 0]), { name: 'Error', message: new RegExp(`svm.${method}: this svm was disposed`) });
    }
  });

  test(`${simd ? 'simd' : 'scalar'}: no model leaks from the hostile runs; a full pool is an Error, one freed makes room`, () => {
    const all = [];
    for (let k = 0; k < sc.svmLimits.maxModels; k++) all.push(sc.svmTrain([0, 1], [1, -1], { dims: 1 }));
    assert.throws(() => sc.svmTrain([0, 1], [1, -1], { dims: 1 }), (e) => e.constructor === Error && /svmTrain: models/.test(e.message));
    all.pop().dispose();
    all.push(sc.svmTrain([0, 1], [1, -1], { dims: 1 }));
    all.forEach((m) => m.dispose());
  });
}
