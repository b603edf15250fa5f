// The SVM binding (bindings/svm.mjs) against scikit-learn's SVC (LIBSVM)
// on the same data and parameters (tests/fixtures/svm.json, made by
// tools/fixtures/svm.py), all four kernels, on both wasm builds: the dual
// objective, the support-vector set, the dual coefficients, b and the
// decision values (1e-3); then predict, grids, points as arrays, the
// cross-validation grid, and disposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSimcore } from '../../bindings/simcore.mjs';

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/svm.json', import.meta.url), 'utf8'));
const DECISION_TOL = 1e-3; // the bound; both solvers stop at tol = 1e-5
const OBJECTIVE_REL = 1e-5;

const maxAbsDiff = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

for (const simd of [true, false]) {
  test(`svm matches scikit-learn's SVC on every kernel (${simd ? 'simd' : 'scalar'})`, async () => {
    const sc = await loadSimcore({ simd });
    const g = FIXTURE.grid;
    for (const c of FIXTURE.cases) {
      const data = FIXTURE.data[c.name];
      const label = `${c.name} ${c.params.kernel}`;
      const model = sc.svmTrain(Float64Array.from(data.x), data.labels, { ...c.params, tol: c.tol });
      try {
        assert.deepEqual([...model.supportIndices], c.supportIndices, `${label}: support vectors`);
        const relObj = Math.abs(model.objective - c.objective) / Math.abs(c.objective);
        assert.ok(relObj < OBJECTIVE_REL, `${label}: objective ${model.objective} vs ${c.objective} (rel ${relObj})`);
        const dAlpha = maxAbsDiff(model.alpha, c.alpha);
        assert.ok(dAlpha < DECISION_TOL * c.params.C, `${label}: alpha differs by ${dAlpha}`);
        assert.ok(Math.abs(model.b - c.b) < DECISION_TOL, `${label}: b ${model.b} vs ${c.b}`);
        const fTrain = model.decision(Float64Array.from(data.x));
        const dTrain = maxAbsDiff(fTrain, c.decisionTrain);
        assert.ok(dTrain < DECISION_TOL, `${label}: training decisions differ by ${dTrain}`);
        const fGrid = model.decisionGrid({ x: g, y: g });
        const dGrid = maxAbsDiff(fGrid, c.decisionGrid);
        assert.ok(dGrid < DECISION_TOL, `${label}: grid decisions differ by ${dGrid}`);
        const predicted = model.predict(data.x);
        assert.deepEqual([...predicted], [...fTrain].map((v) => (v > 0 ? 1 : -1)), `${label}: predict is the sign of f`);
      } finally {
        model.dispose();
      }
    }
  });
}

test('svm: f(x) = sum alpha_k K(x_k, x) + b, recomputed here for each kernel', async () => {
  const sc = await loadSimcore();
  const data = FIXTURE.data.heightweight;
  const x = data.x;
  const kernels = {
    linear: (a, b) => a[0] * b[0] + a[1] * b[1],
    poly: (a, b, p) => (p.gamma * (a[0] * b[0] + a[1] * b[1]) + p.coef0) ** p.degree,
    rbf: (a, b, p) => Math.exp(-p.gamma * ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2)),
    sigmoid: (a, b, p) => Math.tanh(p.gamma * (a[0] * b[0] + a[1] * b[1]) + p.coef0),
  };
  for (const c of FIXTURE.cases.filter((k) => k.name === 'heightweight')) {
    const m = sc.svmTrain(x, data.labels, { ...c.params, tol: c.tol });
    const p = m.params;
    const sv = m.supportIndices, alpha = m.alpha;
    const z = [0.3, -1.1];
    let f = m.b;
    for (let k = 0; k < sv.length; k++) f += alpha[k] * kernels[c.params.kernel]([x[2 * sv[k]], x[2 * sv[k] + 1]], z, p);
    const mine = m.decision(z)[0];
    assert.ok(Math.abs(mine - f) < 1e-12 * (1 + Math.abs(f)), `${c.params.kernel}: ${mine} vs ${f}`);
    // Dual feasibility: y^T a = 0 and 0 < a <= C.
    const sum = alpha.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(sum) < 1e-9 * c.params.C * sv.length, `${c.params.kernel}: sum y_i a_i = ${sum}`);
    assert.ok(alpha.every((v) => Math.abs(v) > 0 && Math.abs(v) <= c.params.C * (1 + 1e-12)), 'box');
    m.dispose();
  }
});

test('svm: points as an Array of points, dims, gamma defaults to 1/dims', async () => {
  const sc = await loadSimcore();
  const data = FIXTURE.data.separable;
  const pts = [];
  for (let i = 0; i < data.labels.length; i++) pts.push([data.x[2 * i], data.x[2 * i + 1]]);
  const a = sc.svmTrain(pts, data.labels, { kernel: 'rbf' });
  const b = sc.svmTrain(Float64Array.from(data.x), Int8Array.from(data.labels), { kernel: 'rbf', gamma: 0.5, dims: 2 });
  assert.equal(a.params.gamma, 0.5);
  assert.deepEqual([...a.decision(pts)], [...b.decision(data.x)]);
  assert.deepEqual([...a.predict([[3, 2], [-3, -2]])], [1, -1]);
  a.dispose();
  b.dispose();
  // 3-D points: a third coordinate that carries the class.
  const x3 = [], y3 = [];
  for (let i = 0; i < 30; i++) {
    const s = i % 2 ? 1 : -1;
    x3.push([Math.sin(i), Math.cos(3 * i), s * (0.5 + (i % 5) / 10)]);
    y3.push(s);
  }
  const m3 = sc.svmTrain(x3, y3, { kernel: 'linear', C: 100 });
  assert.equal(m3.dims, 3);
  assert.deepEqual([...m3.predict(x3)], y3);
  assert.throws(() => m3.decisionGrid({ x: { from: 0, to: 1, n: 2 }, y: { from: 0, to: 1, n: 2 } }), RangeError);
  m3.dispose();
});

test('svmCrossValidate: an accuracy grid, the best cell, a seeded split', async () => {
  const sc = await loadSimcore();
  const data = FIXTURE.data.heightweight;
  const C = [0.1, 1, 10], gamma = [0.1, 1, 10];
  const r = sc.svmCrossValidate(data.x, data.labels, { kernel: 'rbf', C, gamma, folds: 5, seed: 7 });
  assert.equal(r.accuracy.length, 9);
  assert.deepEqual([...r.C], C);
  assert.deepEqual([...r.gamma], gamma);
  for (const a of r.accuracy) assert.ok(a >= 0 && a <= 1 && Number.isInteger(Math.round(a * 160 * 1e9) / 1e9), `accuracy ${a}`);
  const best = Math.max(...r.accuracy);
  assert.equal(r.best.accuracy, best);
  const k = [...r.accuracy].indexOf(best);
  assert.equal(r.best.C, C[Math.floor(k / 3)]);
  assert.equal(r.best.gamma, gamma[k % 3]);
  // The overlapping classes: better than chance, short of perfect.
  assert.ok(best > 0.7 && best < 1, `best ${best}`);
  const again = sc.svmCrossValidate(data.x, data.labels, { kernel: 'rbf', C, gamma, folds: 5, seed: 7 });
  assert.deepEqual([...again.accuracy], [...r.accuracy]);
  // One cell alone gives the grid's value for it.
  const one = sc.svmCrossValidate(data.x, data.labels, { kernel: 'rbf', C: 10, gamma: 1, folds: 5, seed: 7 });
  assert.equal(one.accuracy[0], r.accuracy[2 * 3 + 1]);
  // Separable data: linear leave-one-out is perfect.
  const s = FIXTURE.data.separable;
  const loo = sc.svmCrossValidate(s.x, s.labels, { kernel: 'linear', C: [1, 100], folds: 40 });
  assert.deepEqual([...loo.accuracy], [1, 1]);
});

test('svm: maxIter stops the solver early and says so', async () => {
  const sc = await loadSimcore();
  const d = FIXTURE.data.heightweight;
  const capped = sc.svmTrain(d.x, d.labels, { kernel: 'rbf', C: 10, gamma: 1, maxIter: 5 });
  assert.equal(capped.iterations, 5);
  assert.equal(capped.hitMaxIter, true);
  const full = sc.svmTrain(d.x, d.labels, { kernel: 'rbf', C: 10, gamma: 1 });
  assert.equal(full.hitMaxIter, false);
  assert.ok(full.objective < capped.objective, `more steps, lower objective: ${full.objective} < ${capped.objective}`);
  capped.dispose();
  full.dispose();
});

test('svm: dispose frees the model; use after dispose is an Error', async () => {
  const sc = await loadSimcore();
  const d = FIXTURE.data.separable;
  const before = sc.memoryBytes();
  for (let k = 0; k < 3 * sc.svmLimits.maxModels; k++) sc.svmTrain(d.x, d.labels).dispose();
  assert.equal(sc.memoryBytes(), before);
  const m = sc.svmTrain(d.x, d.labels);
  m.dispose();
  m.dispose();
  assert.equal(m.disposed, true);
  assert.throws(() => m.decision([0, 0]), { name: 'Error', message: /svm\.decision: this svm was disposed/ });
});
