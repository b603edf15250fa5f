// The MLP widget's session kind (web/widgets/mlp/sessions.mjs) and its frame
// budget (frame-args.mjs), in Node on the page-thread path: a session's
// training is exactly the binding's (a network trained epoch by epoch
// through sc.createMLP with the same scaling, seed and options ends with the
// same weights, bit for bit, and the same curve values), its read-outs are
// counts of the core's predictions, its map is the core's grid over the
// scaled view, two networks train in lockstep, reset returns to the initial
// weights, a diverging network stops with a message, and the double moon at
// d = 1 reaches no test error with a 2-20-1 network (Haykin §4.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { SESSIONS } from '../../web/widgets/mlp/sessions.mjs';
import { CURVE_ROW, frameArgs } from '../../web/widgets/mlp/frame-args.mjs';
import { makeData } from '../../web/widgets/mlp/data.mjs';
import { dphi as dphiOf } from '../../web/widgets/mlp/bp-math.mjs';
import { MLP_SCHEMA, formatNet, parseNet } from '../../web/widgets/mlp/schema.mjs';
import { checkValue, defaults } from '../../web/widgets/shared/state.mjs';

const sc = await loadSimcore();
const kind = SESSIONS.train;
const MOON = { data: 'moon', n: 1000, nTest: 2000, r: 10, w: 6, d: 1, noise: 0, seed: 1 };
const TRAIN = { eta: 0.01, alpha: 0.5, decay: 0, batch: 1 };
const params = (over = {}) => ({ data: MOON, nets: [{ units: [20], acts: ['tanh'] }], loss: 'mse', seed: 3, preprocess: 'standardize', grid: 50, ...over });
const rows = (f, k = 0) => Array.from({ length: f.nets[k].rows.length / CURVE_ROW }, (_, i) => Array.from(f.nets[k].rows.subarray(i * CURVE_ROW, (i + 1) * CURVE_ROW)));

/** The same run written directly against the binding: standardised inputs, ±1 targets, epoch by epoch. */
function reference(units, acts, epochs, over = {}) {
  const { train, test } = makeData(sc, MOON);
  const n = train.c.length;
  const m = [0, 1].map((k) => train.x.filter((_, i) => i % 2 === k).reduce((a, b) => a + b, 0) / n);
  const s = [0, 1].map((k) => Math.sqrt(train.x.filter((_, i) => i % 2 === k).reduce((a, b) => a + (b - m[k]) ** 2, 0) / n));
  const scale = (x) => Float32Array.from(x, (v, i) => (v - m[i % 2]) / s[i % 2]);
  const net = sc.createMLP({ layers: [2, ...units, 1], activation: acts, output: 'linear', loss: 'mse', seed: 3 });
  const X = scale(train.x);
  const T = Float32Array.from(train.c, (c) => 2 * c - 1);
  const XT = scale(test.x);
  const losses = [];
  for (let e = 0; e < epochs; e++) losses.push(net.train(X, T, { epochs: 1, shuffle: true, ...TRAIN, ...over })[0]);
  const out = net.predict(XT);
  let wrong = 0;
  for (let i = 0; i < test.c.length; i++) if ((out[i] > 0 ? 1 : 0) !== test.c[i]) wrong++;
  const w = net.getWeights();
  const testLoss = net.loss(XT, Float32Array.from(test.c, (c) => 2 * c - 1));
  net.dispose();
  return { w, losses, wrong, testLoss, m, s };
}

test('a session trains exactly as the binding does: weights bit for bit, curves, test errors', () => {
  const st = kind.create(sc, params());
  const f0 = kind.step(st, { weights: true }).frame;
  assert.equal(f0.epoch, 0);
  assert.equal(rows(f0).length, 1, 'the epoch-0 row');
  const f = kind.step(st, { epochs: 12, budgetMs: Infinity, train: TRAIN, weights: true }).frame;
  assert.equal(f.epoch, 12);
  assert.equal(f.epochsRun, 12);
  const ref = reference([20], ['tanh'], 12);
  assert.deepEqual(Array.from(f.nets[0].weights), Array.from(ref.w));
  const r = rows(f);
  assert.deepEqual(r.map((x) => x[0]), Array.from({ length: 12 }, (_, k) => k + 1));
  assert.deepEqual(r.map((x) => x[1]), ref.losses.map((v) => Math.fround(v)));
  assert.equal(r[11][2], Math.fround(ref.testLoss));
  assert.equal(f.nets[0].testErrors, ref.wrong);
  assert.equal(r[11][4], Math.fround(ref.wrong / 2000));
  // Haykin §4.7: d = 1 is separable; a 2-20-1 network makes no test error.
  assert.equal(f.nets[0].testErrors, 0);
  assert.equal(f.nets[0].testCount, 2000);
  assert.deepEqual(Array.from(f.nets[0].confusion), [1000, 0, 0, 1000]);
  // The gradient norm is the norm of the binding's gradient on the (scaled) training set.
  assert.ok(f.nets[0].gradNorm > 0 && Number.isFinite(f.nets[0].gradNorm));
  assert.deepEqual(st.tf.m.map((v) => Math.fround(v)), ref.m.map((v) => Math.fround(v)));
  kind.dispose(st);
});

test('the decision map is the core grid over the scaled view, as a class +1 score', () => {
  const st = kind.create(sc, params({ grid: 7 }));
  const f = kind.step(st, { epochs: 3, budgetMs: Infinity, train: TRAIN, map: true }).frame;
  const v = st.view;
  const net = st.nets[0].net;
  for (const [i, j] of [[0, 0], [6, 0], [3, 4], [6, 6]]) {
    const x = v.x0 + (i / 6) * (v.x1 - v.x0);
    const y = v.y0 + (j / 6) * (v.y1 - v.y0);
    const out = net.predict([(x - st.tf.m[0]) / st.tf.s[0], (y - st.tf.m[1]) / st.tf.s[1]])[0];
    const want = Math.min(1, Math.max(0, (out + 1) / 2));
    assert.ok(Math.abs(f.nets[0].map[j * 7 + i] - want) < 1e-5, `grid point ${i}, ${j}: ${f.nets[0].map[j * 7 + i]} vs ${want}`);
  }
  kind.dispose(st);
});

test('two networks train in lockstep, each as it would alone; reset returns to the initial weights', () => {
  const st = kind.create(sc, params({ nets: [{ units: [20], acts: ['logistic'] }, { units: [20], acts: ['relu'] }] }));
  const w0 = kind.step(st, { weights: true }).frame.nets.map((n) => Array.from(n.weights));
  const f = kind.step(st, { epochs: 4, budgetMs: Infinity, train: TRAIN, weights: true }).frame;
  assert.equal(f.nets.length, 2);
  assert.deepEqual(Array.from(f.nets[0].weights), Array.from(reference([20], ['logistic'], 4).w));
  assert.deepEqual(Array.from(f.nets[1].weights), Array.from(reference([20], ['relu'], 4).w));
  assert.equal(rows(f, 0).length, 4);
  assert.equal(rows(f, 1).length, 4);
  const back = kind.step(st, { reset: true, weights: true }).frame;
  assert.equal(back.epoch, 0);
  assert.deepEqual(back.nets.map((n) => Array.from(n.weights)), w0);
  assert.deepEqual(rows(back).map((x) => x[0]), [0]);
  // And the same training again gives the same weights.
  const again = kind.step(st, { epochs: 4, budgetMs: Infinity, train: TRAIN, weights: true }).frame;
  assert.deepEqual(Array.from(again.nets[1].weights), Array.from(f.nets[1].weights));
  kind.dispose(st);
});

test('the time budget: at least one epoch, then as many as fit', () => {
  const st = kind.create(sc, params());
  assert.equal(kind.step(st, { epochs: 50, budgetMs: 0, train: TRAIN }).frame.epochsRun, 1);
  assert.equal(kind.step(st, { epochs: 0, train: TRAIN }).frame.epochsRun, 0);
  assert.equal(kind.step(st, { epochs: 3, budgetMs: Infinity, train: TRAIN }).frame.epoch, 4);
  kind.dispose(st);
});

test('added points join the training set; other data sets are balanced and seeded', () => {
  const st = kind.create(sc, params({ data: { ...MOON, added: [[0, 0, 1]] } }));
  let f = kind.step(st, {}).frame;
  assert.equal(f.nets[0].trainCount, 1001);
  f = kind.step(st, { add: [[5, 5, 0], [6, 6, 1]] }).frame;
  assert.equal(f.nets[0].trainCount, 1003);
  assert.deepEqual(Array.from(kind.snapshot(st).train.c.slice(-3)), [1, 0, 1]);
  kind.dispose(st);
  for (const data of ['xor', 'circle', 'gaussians', 'spiral']) {
    const d = { data, n: 200, nTest: 50, noise: 0.2, seed: 4 };
    const a = makeData(sc, d);
    assert.equal(a.train.c.reduce((x, y) => x + y, 0), 100, data);
    assert.deepEqual(makeData(sc, d).train.x, a.train.x, `${data}: same seed, same points`);
    assert.notDeepEqual(makeData(sc, { ...d, seed: 5 }).train.x, a.train.x, `${data}: another seed`);
    // The square view holds every generated point.
    const inside = (x, i) => (i % 2 ? x >= a.view.y0 && x <= a.view.y1 : x >= a.view.x0 && x <= a.view.x1);
    assert.ok([...a.train.x, ...a.test.x].every(inside), `${data}: view`);
    assert.ok(Math.abs((a.view.x1 - a.view.x0) - (a.view.y1 - a.view.y0)) < 1e-9, `${data}: square`);
  }
});

test('a diverging network stops with a message instead of throwing', () => {
  const st = kind.create(sc, params({ data: { data: 'spiral', n: 400, nTest: 400, noise: 0.2, seed: 1 }, nets: [{ units: [20, 20], acts: ['tanh', 'tanh'] }] }));
  const f = kind.step(st, { epochs: 200, budgetMs: Infinity, train: { eta: 0.03, alpha: 0.9, batch: 1 } }).frame;
  assert.match(f.nets[0].diverged, /mlp\.fit: .*overflow/);
  assert.ok(f.epoch < 200);
  // Reset clears it.
  assert.equal(kind.step(st, { reset: true }).frame.nets[0].diverged, undefined);
  kind.dispose(st);
});

test('an η schedule over the epoch limit, trained a few epochs per frame, equals one scheduled call of the core', () => {
  for (const schedule of ['linear', 'haykin']) {
    const s = { ...defaults(MLP_SCHEMA), schedule, eta: 0.05, etaEnd: 0.001, epochs: 9 };
    const train = frameArgs({ budget: 0, last: 0 }, { ...s, speed: 'max' }, 0, 16).train;
    assert.deepEqual(train, { eta: 0.05, alpha: s.alpha, decay: s.decay, batch: s.batch, schedule, etaEnd: 0.001, scheduleEpochs: 9 });
    const st = kind.create(sc, params());
    let f;
    for (const k of [4, 1, 4]) f = kind.step(st, { epochs: k, budgetMs: Infinity, train: { ...TRAIN, ...train }, weights: true }).frame;
    assert.equal(f.epoch, 9);
    assert.equal(f.eta, Math.fround(0.001), `${schedule}: the last epoch's η is η_end`);
    const ref = reference([20], ['tanh'], 0);
    const net = sc.createMLP({ layers: [2, 20, 1], activation: ['tanh'], output: 'linear', loss: 'mse', seed: 3 });
    const { train: tr } = makeData(sc, MOON);
    const X = Float32Array.from(tr.x, (v, i) => (v - ref.m[i % 2]) / ref.s[i % 2]);
    const { scheduleEpochs, ...whole } = train; // one call: the schedule is its own 9 epochs
    assert.equal(scheduleEpochs, 9);
    net.fit(X, Float32Array.from(tr.c, (c) => 2 * c - 1), { epochs: 9, shuffle: true, ...TRAIN, ...whole });
    assert.deepEqual(Array.from(f.nets[0].weights), Array.from(net.getWeights()), schedule);
    net.dispose();
    kind.dispose(st);
  }
});

test('stopping criteria: each rule stops its network and names itself; early stopping restores the best test E', () => {
  const st = kind.create(sc, params());
  // |ΔE_av| < 10: true after the first epoch.
  let f = kind.step(st, { epochs: 5, budgetMs: Infinity, train: TRAIN, stop: { gradTol: 0, changeTol: 10, patience: 0 } }).frame;
  assert.equal(f.epoch, 1);
  assert.equal(f.nets[0].stopped, 'error-change');
  assert.equal(kind.step(st, { epochs: 5, budgetMs: Infinity, train: TRAIN }).frame.epochsRun, 0, 'a stopped network trains no more');
  kind.step(st, { reset: true });
  f = kind.step(st, { epochs: 5, budgetMs: Infinity, train: TRAIN, stop: { gradTol: 1e3, changeTol: 0, patience: 0 } }).frame;
  assert.equal(f.nets[0].stopped, 'gradient');
  assert.ok(f.nets[0].gradNorm < 1e3);
  kind.dispose(st);
  // Patience 2 on a small set with a large η: the test E soon goes up; the weights of the best epoch come back.
  const small = kind.create(sc, params({ data: { ...MOON, n: 60, nTest: 200, d: -2 } }));
  const all = [];
  f = null;
  for (let k = 0; k < 50 && !f?.nets[0].stopped; k++) {
    f = kind.step(small, { epochs: 20, budgetMs: Infinity, train: { ...TRAIN, eta: 0.05 }, stop: { gradTol: 0, changeTol: 0, patience: 2 } }).frame;
    all.push(...rows(f));
  }
  assert.equal(f.nets[0].stopped, 'test-error');
  const best = all.reduce((b, r) => (r[2] < b[2] ? r : b));
  assert.equal(f.nets[0].bestEpoch, best[0]);
  assert.equal(f.epoch - best[0], 2, 'stopped two epochs after the best');
  const out = kind.step(small, { weights: true }).frame.nets[0];
  assert.equal(out.testErrors, Math.round(best[4] * 200), 'the restored weights make the best epoch\'s test errors');
  kind.dispose(small);
});

test('more than two classes: K softmax outputs, class = the first largest, a K × K confusion matrix, the map as K outputs', () => {
  const K = 4;
  const st = kind.create(sc, params({ data: { data: 'gaussians', n: 400, nTest: 400, noise: 0, classes: K, seed: 2 }, loss: 'mse', nets: [{ units: [16], acts: ['tanh'] }], grid: 6 }));
  assert.equal(st.loss, 'ce', 'cross-entropy whatever the two-class choice');
  assert.deepEqual(st.nets[0].layers, [2, 16, K]);
  assert.deepEqual([...new Set(st.train.c)].sort(), [0, 1, 2, 3]);
  assert.equal(kind.snapshot(st).classes, K);
  const f = kind.step(st, { epochs: 30, budgetMs: Infinity, train: { eta: 0.05, alpha: 0.5, batch: 8 }, map: true }).frame;
  const n = f.nets[0];
  assert.equal(n.confusion.length, K * K);
  assert.equal(n.confusion.reduce((a, b) => a + b, 0), 400);
  const diag = [0, 1, 2, 3].reduce((a, k) => a + n.confusion[K * k + k], 0);
  assert.equal(400 - diag, n.testErrors);
  // The errors are the first largest of the core's outputs against the class.
  const out = st.nets[0].net.predict(st.test.xs);
  let wrong = 0;
  for (let i = 0; i < 400; i++) {
    const row = Array.from(out.subarray(K * i, K * i + K));
    if (row.indexOf(Math.max(...row)) !== st.test.c[i]) wrong++;
  }
  assert.equal(n.testErrors, wrong);
  assert.ok(n.testErrors < 20, `four separated clouds: ${n.testErrors} of 400 wrong`);
  assert.equal(n.map.length, 36 * K);
  for (let p = 0; p < 36; p++) {
    const s = n.map.subarray(K * p, K * p + K).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(s - 1) < 1e-5, 'softmax outputs sum to 1');
  }
  kind.dispose(st);
  // The spiral takes K arms too; the two-class sets keep two.
  assert.deepEqual([...new Set(makeData(sc, { data: 'spiral', n: 30, nTest: 0, noise: 0, classes: 3, seed: 1 }).train.c)].sort(), [0, 1, 2]);
  assert.equal(makeData(sc, { data: 'xor', n: 30, nTest: 0, noise: 0, classes: 5, seed: 1 }).classes, 2);
});

test('frame budget: epochs per second from the speed setting, capped by the stop', () => {
  const s = { ...defaults(MLP_SCHEMA), speed: '20', epochs: 10 };
  const run = { budget: 0, last: 0 };
  assert.equal(frameArgs(run, s, 0, 25), null, '25 ms at 20/s: half an epoch');
  assert.equal(frameArgs(run, s, 0, 50).epochs, 1);
  assert.equal(frameArgs(run, s, 0, 150).epochs, 2);
  assert.equal(frameArgs(run, s, 9, 400).epochs, 1, 'one epoch left');
  assert.equal(frameArgs(run, s, 10, 500), null, 'at the stop');
  const max = frameArgs({ budget: 0, last: 0 }, { ...s, speed: 'max' }, 3, 16);
  assert.equal(max.epochs, 7);
  assert.equal(max.budgetMs, 8);
  assert.deepEqual(max.train, { eta: s.eta, alpha: s.alpha, decay: s.decay, batch: s.batch });
});

test('network text: parsed strictly, formatted back; the schema refuses bad layer lists', () => {
  assert.deepEqual(parseNet('20:tanh,8:leaky-relu'), { units: [20, 8], acts: ['tanh', 'leaky-relu'] });
  assert.deepEqual(parseNet(''), { units: [], acts: [] });
  for (const bad of ['20', '0:tanh', '129:tanh', '20:sigmoid', '20:tanh,', '020:tanh', '1:tanh,1:tanh,1:tanh,1:tanh,1:tanh,1:tanh,1:tanh']) {
    assert.equal(parseNet(bad), null, bad);
    assert.equal(checkValue(MLP_SCHEMA.net, bad), undefined, bad);
  }
  assert.equal(formatNet(parseNet('5:relu,3:linear')), '5:relu,3:linear');
});

test('one-sample steps: the lecture\'s online BP, one sample at a time, in a seeded order; a full pass is an epoch', () => {
  const st = kind.create(sc, params({ data: { ...MOON, n: 40, nTest: 10 } }));
  const twin = sc.createMLP({ layers: [2, 20, 1], activation: 'tanh', output: 'linear', loss: 'mse', seed: 3 });
  const seen = new Set();
  for (let k = 0; k < 40; k++) {
    const f = kind.step(st, { samples: 1, train: TRAIN, weights: true }).frame;
    const i = f.sample.index;
    seen.add(i);
    // The same step written on the binding: this sample alone, batch 1, in order.
    twin.train(st.train.xs.subarray(2 * i, 2 * i + 2), st.train.t.subarray(i, i + 1), { epochs: 1, batch: 1, shuffle: false, ...TRAIN });
    assert.deepEqual(Array.from(f.nets[0].weights), Array.from(twin.getWeights()), `sample ${k}`);
    assert.equal(f.sample.x, st.train.x[2 * i]);
    assert.equal(f.epoch, k === 39 ? 1 : 0, 'the 40th sample completes epoch 1');
    if (k === 39) assert.deepEqual(rows(f).map((r) => r[0]), [1]);
  }
  assert.equal(seen.size, 40, 'every sample once per pass');
  twin.dispose();
  kind.dispose(st);
});

test('hidden-unit maps are the layer\'s outputs x = φ(S), computed by the core on the cut network', () => {
  const st = kind.create(sc, params({ nets: [{ units: [3, 2], acts: ['tanh', 'relu'] }], grid: 5 }));
  const f = kind.step(st, { epochs: 2, budgetMs: Infinity, train: TRAIN, weights: true, units: { layer: 2, grid: 5 } }).frame;
  const u = f.nets[0].units;
  assert.equal(u.layer, 2);
  assert.equal(u.units, 2);
  assert.equal(u.act, 'relu');
  assert.equal(u.values.length, 25 * 2);
  // The same outputs written out from the weights (docs/mlp.md order) in float64.
  const w = f.nets[0].weights;
  const v = st.view;
  const scaled = (x, k) => (x - st.tf.m[k]) / st.tf.s[k];
  for (const [i, j] of [[0, 0], [4, 1], [2, 2], [3, 4]]) {
    const x = [scaled(v.x0 + (i / 4) * (v.x1 - v.x0), 0), scaled(v.y0 + (j / 4) * (v.y1 - v.y0), 1)];
    const h1 = [0, 1, 2].map((r) => Math.tanh(w[2 * r] * x[0] + w[2 * r + 1] * x[1] + w[6 + r]));
    const h2 = [0, 1].map((r) => Math.max(0, w[9 + 3 * r] * h1[0] + w[10 + 3 * r] * h1[1] + w[11 + 3 * r] * h1[2] + w[15 + r]));
    for (let r = 0; r < 2; r++) assert.ok(Math.abs(u.values[(j * 5 + i) * 2 + r] - h2[r]) < 1e-5, `point ${i},${j} unit ${r}`);
  }
  // Layer 1 of the same network, and a layer past the last clamps to it.
  assert.equal(kind.step(st, { units: { layer: 1, grid: 5 } }).frame.nets[0].units.units, 3);
  assert.equal(kind.step(st, { units: { layer: 6, grid: 5 } }).frame.nets[0].units.layer, 2);
  kind.dispose(st);
  // No hidden layer: no maps.
  const flat = kind.create(sc, params({ nets: [{ units: [], acts: [] }] }));
  assert.equal(kind.step(flat, { units: { layer: 1, grid: 5 } }).frame.nets[0].units, null);
  kind.dispose(flat);
});

test('the BP view of a one-sample step: S, x and δ of every layer as the lecture writes them, before the step', () => {
  for (const [acts, dphi] of [[['tanh'], (x) => 1 - x * x], [['logistic'], (x) => x * (1 - x)], [['relu'], (x) => (x > 0 ? 1 : 0)]]) {
    const st = kind.create(sc, params({ data: { ...MOON, n: 30, nTest: 5 }, nets: [{ units: [3], acts }] }));
    kind.step(st, { epochs: 2, budgetMs: Infinity, train: TRAIN });
    const w = st.nets[0].net.getWeights();
    const eta = 0.05;
    const f = kind.step(st, { samples: 1, bp: true, train: { ...TRAIN, eta }, weights: true }).frame;
    const bp = f.nets[0].bp;
    const i = f.sample.index;
    assert.equal(bp.index, i);
    const x0 = [st.train.xs[2 * i], st.train.xs[2 * i + 1]];
    const t = st.train.t[i];
    assert.deepEqual(bp.target, [t]);
    const [hid, out] = bp.layers;
    assert.equal(hid.units, 3);
    assert.equal(out.act, 'linear');
    // Forward, from the weights before the step (docs/mlp.md order: W1 3×2, b1, W2 1×3, b2), in float64.
    const S1 = [0, 1, 2].map((r) => w[2 * r] * x0[0] + w[2 * r + 1] * x0[1] + w[6 + r]);
    const phi = { tanh: Math.tanh, logistic: (v) => 1 / (1 + Math.exp(-v)), relu: (v) => Math.max(0, v) }[acts[0]];
    const x1 = S1.map(phi);
    const S2 = w[9] * x1[0] + w[10] * x1[1] + w[11] * x1[2] + w[12];
    const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)), `${acts}: ${what}: ${a} vs ${b}`);
    S1.forEach((v, r) => close(hid.S[r], v, `S1[${r}]`));
    x1.forEach((v, r) => close(hid.x[r], v, `x1[${r}]`));
    close(out.S[0], S2, 'S2');
    close(out.x[0], S2, 'x2 = S2 (linear output)');
    // Backward: δ(L) = φ'(S)(y − x) with φ' = 1; δ(l) = φ'(S(l)) Σ_k w_ki δ_k.
    const d2 = t - S2;
    close(out.delta[0], d2, 'δ2');
    x1.forEach((v, r) => close(hid.delta[r], dphi(v) * w[9 + r] * d2, `δ1[${r}]`));
    // The update's gradient term η δ x for the weights into the output unit and into hidden unit 1.
    x1.forEach((v, r) => close(out.dw[r], eta * d2 * v, `Δw2[${r}]`));
    close(hid.dw[2], eta * dphi(x1[1]) * w[10] * d2 * x0[0], 'Δw1[1][0]');
    // What the page's equations show: Σ_k w_kj δ_k from the weights before the step, and δ = φ'(S)·Σ with the
    // widget's φ' (bp-math.mjs) from the core's S and x; η is the step's (float32).
    x1.forEach((v, r) => close(hid.sum[r], w[9 + r] * d2, `Σ w δ [${r}]`));
    hid.delta.forEach((d, r) => close(d, dphiOf(acts[0], hid.S[r], hid.x[r]) * hid.sum[r], `δ1[${r}] = φ'·Σ`));
    assert.equal(bp.eta, Math.fround(eta));
    assert.equal(bp.loss, 'mse');
    // And the step did happen after the view: the weights moved.
    assert.notDeepEqual(Array.from(f.nets[0].weights), Array.from(w));
    kind.dispose(st);
  }
});

test('every data set is learnt with every output/loss pair: 2-20-20-1 tanh, 150 epochs, ≤ 5 % test errors', () => {
  for (const loss of ['mse', 'bce', 'ce']) {
    for (const data of ['moon', 'xor', 'circle', 'gaussians', 'spiral']) {
      const st = kind.create(sc, params({ data: { ...MOON, data, n: 400, nTest: 400, noise: 0.2 }, nets: [{ units: [20, 20], acts: ['tanh', 'tanh'] }], loss, grid: 2 }));
      const first = kind.step(st, {}).frame.nets[0];
      const f = kind.step(st, { epochs: 150, budgetMs: Infinity, train: { eta: 0.03, alpha: 0.5, batch: 1 } }).frame.nets[0];
      assert.equal(f.diverged, undefined, `${loss} ${data}`);
      assert.ok(f.testErrors <= 20, `${loss} ${data}: ${f.testErrors} of 400 test points wrong (at epoch 0: ${first.testErrors})`);
      assert.equal(f.confusion.reduce((a, b) => a + b, 0), 400);
      kind.dispose(st);
    }
  }
});

test('a link with every field at its longest stays under the hash cap and reads back whole', async () => {
  const { toHash, fromHash } = await import('../../web/widgets/shared/state.mjs');
  const longNet = Array(6).fill('128:leaky-relu').join(',');
  const pts = Array.from({ length: 30 }, (_, k) => [-12.345 - k, -99.99 + k / 7]);
  const s = { ...defaults(MLP_SCHEMA), net: longNet, netB: longNet, plus: pts, minus: pts, eta: 0.000123, decay: 0.0123, d: -7.5, r: 12.5, w: 11.5, noise: 0.95, dataSeed: 999999, seed: 999999 };
  const text = toHash(MLP_SCHEMA, s);
  assert.ok(text.length < 2000, `${text.length} characters`);
  const back = fromHash(MLP_SCHEMA, text);
  assert.equal(back.net, longNet);
  assert.equal(back.plus.length, 30);
  assert.equal(back.minus.length, 30);
});

test('own data from CSV: rows of three numbers, 2 to 6 label values, every third row for testing', async () => {
  const { parseCsv } = await import('../../web/widgets/mlp/csv.mjs');
  const d = parseCsv('x1,x2,label\n0,0,-1\n1,1,1\n\n# note\n2;2;1\n3\t3\t-1\n4 4 1\n5,5,1,extra\n');
  assert.equal(d.rows, 6);
  assert.deepEqual(d.labels, [-1, 1]);
  assert.deepEqual(Array.from(d.train.x), [0, 0, 1, 1, 3, 3, 4, 4]);
  assert.deepEqual(Array.from(d.train.c), [0, 1, 0, 1]);
  assert.deepEqual(Array.from(d.test.x), [2, 2, 5, 5]);
  assert.deepEqual(Array.from(d.test.c), [1, 1]);
  // 0/1 labels: 1 is class +1.
  assert.deepEqual(Array.from(parseCsv('0,0,0\n1,0,1\n2,0,0').train.c), [0, 1]);
  assert.equal(d.skipped, 0, 'the header, a blank line and a comment are not counted');
  // Three labels: three classes by rank; a line that is not three numbers is counted, with its number.
  const k3 = parseCsv('x,y,label\n0,0,5\n1,1,7\nfoo,1,1\n2,2,6\n3,3,5\n4,4,7,\n5,x,6');
  assert.equal(k3.classes, 3);
  assert.deepEqual(k3.labels, [5, 6, 7]);
  assert.deepEqual(Array.from(k3.train.c), [0, 2, 0, 2]);
  assert.equal(k3.skipped, 2);
  assert.deepEqual(k3.skippedLines, [4, 8]);
  assert.throws(() => parseCsv(Array.from({ length: 7 }, (_, i) => `${i},0,${i}`).join('\n')), /7 distinct values, 2 to 6 needed/);
  assert.throws(() => parseCsv('a,b,c\n1,2'), /0 rows/);
  assert.throws(() => parseCsv('0x10,1,1\nInfinity,1,0\n1e999,2,1'), /0 rows/);
  assert.throws(() => parseCsv(Array.from({ length: 4002 }, (_, i) => `${i},0,${i % 2}`).join('\n')), /more than 4000 rows/);
  assert.throws(() => parseCsv(42), TypeError);
  // The session trains on them as given (and the view holds them).
  const st = kind.create(sc, params({ data: { ...MOON, own: { train: d.train, test: d.test } } }));
  const f = kind.step(st, {}).frame;
  assert.equal(f.nets[0].trainCount, 4);
  assert.equal(f.nets[0].testCount, 2);
  assert.ok(st.view.x0 < 0 && st.view.x1 > 5);
  kind.dispose(st);
});
