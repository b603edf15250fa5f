// The MLP binding's training options on both wasm builds: the eta schedules
// (the per-epoch eta exactly, a one-weight net against the update by hand,
// one scheduled call equal bit for bit to one call per epoch), the stopping
// criteria (gradient norm, change of E_av, test-set patience restoring the
// best weights), errorRate, fitPreprocess (whitened training data: mean 0,
// identity covariance in float64; test data through the training fit),
// Haykin's double moon at d = 1 with 0 test errors; and the SIMD and scalar
// builds giving the same weights bit for bit after online epochs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

// mlp.d.ts's formulas, in double in the same order, rounded to float32,
// clamped between eta and etaEnd.
function etaAt(schedule, eta, end, e, E) {
  const f = Math.fround;
  [eta, end] = [f(eta), f(end)];
  if (E === 1 || schedule === 'constant') return eta;
  let v;
  if (schedule === 'linear') {
    const t = e / (E - 1);
    v = f(eta * (1 - t) + end * t);
  } else {
    if (end === eta) return eta;
    const tau = (E - 1) / (eta / end - 1);
    v = f(eta / (1 + e / tau));
  }
  return Math.min(Math.max(v, Math.min(eta, end)), Math.max(eta, end));
}

function moments(z, dim) {
  const n = z.length / dim, mean = new Float64Array(dim), cov = Array.from({ length: dim }, () => new Float64Array(dim));
  for (let r = 0; r < n; r++) for (let i = 0; i < dim; i++) mean[i] += z[r * dim + i] / n;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) cov[i][j] += (z[r * dim + i] - mean[i]) * (z[r * dim + j] - mean[j]) / n;
  }
  return { mean, cov };
}

const norm = (g) => Math.sqrt(g.reduce((s, v) => s + v * v, 0));

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: the eta of every epoch is the schedule's formula; a 1-1 net follows the update by hand`, () => {
    for (const schedule of ['constant', 'linear', 'haykin']) {
      for (const E of [1, 2, 9]) {
        const net = sc.createMLP({ layers: [1, 1], output: 'linear' });
        net.setWeights([0.25, -0.5]);
        const r = net.fit([1], [1], { epochs: E, eta: 0.2, schedule, etaEnd: schedule === 'constant' ? undefined : 0.003 });
        assert.equal(r.epochs, E);
        assert.equal(r.stopped, 'epochs');
        let w = 0.25, b = -0.5;
        for (let e = 0; e < E; e++) {
          const eta = etaAt(schedule, 0.2, 0.003, e, E);
          assert.equal(r.eta[e], eta, `${schedule} E=${E} epoch ${e}`);
          const err = 1 - (w + b); // y = w x + b at x = 1; dE/dw = dE/db = -err
          w += eta * err;
          b += eta * err;
          const l = 0.5 * (1 - w - b) ** 2;
          assert.ok(Math.abs(r.loss[e] - l) <= 1e-5 * l + 1e-12, `${schedule} epoch ${e}: loss ${r.loss[e]}, by hand ${l}`);
        }
        const got = net.getWeights();
        assert.ok(Math.abs(got[0] - w) < 1e-6 && Math.abs(got[1] - b) < 1e-6, `${schedule}: ${got} vs ${w}, ${b}`);
        net.dispose();
      }
    }
    // the ends of the 50-epoch schedule Haykin uses for the double moon (0.1 -> 1e-5)
    const net = sc.createMLP({ layers: [1, 1] });
    assert.equal(net.fit([1], [1], { epochs: 50, eta: 0.1, etaEnd: 1e-5 }).eta[49], Math.fround(1e-5), 'etaEnd alone: linear');
    const h = net.fit([1], [1], { epochs: 50, eta: 0.1, etaEnd: 1e-5, schedule: 'haykin' }).eta;
    assert.ok(Math.abs(h[49] - 1e-5) < 1e-11 && h[1] < 0.1 && h[1] > h[2], `haykin ends at ${h[49]}`);
    net.dispose();
  });

  test(`${tag}: a scheduled call equals one call per epoch with that eta, bit for bit`, () => {
    const { x, y } = sc.doubleMoon({ n: 60, seed: 2 });
    const xs = x.map((v) => v / 10), ys = Float32Array.from(y);
    for (const batch of [1, 8]) {
      for (const schedule of ['linear', 'haykin']) {
        const make = () => sc.createMLP({ layers: [2, 6, 1], activation: 'tanh', seed: 9 });
        const a = make(), b = make();
        const E = 5;
        const trace = a.train(xs, ys, { epochs: E, eta: 0.1, etaEnd: 0.004, schedule, alpha: 0.5, batch });
        for (let e = 0; e < E; e++) {
          const one = b.train(xs, ys, { epochs: 1, eta: etaAt(schedule, 0.1, 0.004, e, E), alpha: 0.5, batch });
          assert.equal(one[0], trace[e], `batch ${batch} ${schedule} epoch ${e}`);
        }
        assert.deepEqual(a.getWeights(), b.getWeights(), `batch ${batch} ${schedule}`);
        a.dispose();
        b.dispose();
      }
    }
  });

  test(`${tag}: calls placed in a longer schedule (scheduleEpochs, scheduleFrom) equal one scheduled call, bit for bit`, () => {
    const { x, y } = sc.doubleMoon({ n: 60, seed: 4 });
    const xs = x.map((v) => v / 10), ys = Float32Array.from(y);
    for (const schedule of ['linear', 'haykin']) {
      const make = () => sc.createMLP({ layers: [2, 5, 1], activation: 'tanh', seed: 5 });
      const a = make(), b = make();
      const E = 6, o = { eta: 0.1, etaEnd: 0.002, schedule, alpha: 0.5 };
      const whole = a.fit(xs, ys, { epochs: E, ...o });
      let from = 0;
      for (const k of [2, 1, 3]) {
        const part = b.fit(xs, ys, { epochs: k, scheduleEpochs: E, scheduleFrom: from, ...o });
        assert.deepEqual(Array.from(part.eta), Array.from(whole.eta.subarray(from, from + k)), `${schedule} eta from ${from}`);
        assert.deepEqual(Array.from(part.loss), Array.from(whole.loss.subarray(from, from + k)), `${schedule} loss from ${from}`);
        from += k;
      }
      assert.deepEqual(b.getWeights(), a.getWeights(), schedule);
      assert.throws(() => b.fit(xs, ys, { epochs: 2, scheduleEpochs: E, scheduleFrom: 5, ...o }), /scheduleFrom/);
      assert.throws(() => b.fit(xs, ys, { epochs: 2, scheduleFrom: 1, ...o }), /scheduleFrom needs scheduleEpochs/);
      assert.throws(() => b.fit(xs, ys, { epochs: 7, scheduleEpochs: E, ...o }), /epochs 7 must be <= scheduleEpochs 6/);
      a.dispose();
      b.dispose();
    }
  });

  test(`${tag}: gradTol stops at the first epoch below it; gradNorm is |gradient()|`, () => {
    const x = Float32Array.from({ length: 20 }, (_, i) => -1 + 0.1 * i);
    const y = x.map((v) => 0.7 * v - 0.2);
    const net = sc.createMLP({ layers: [1, 1], seed: 2 });
    const r = net.fit(x, y, { epochs: 500, eta: 0.5, batch: 0, gradTol: 1e-4 });
    assert.equal(r.stopped, 'gradient');
    assert.ok(r.epochs > 5 && r.epochs < 500 && r.loss.length === r.epochs && r.gradNorm.length === r.epochs);
    const last = r.epochs - 1;
    assert.ok(r.gradNorm[last] < 1e-4 && r.gradNorm[last - 1] >= 1e-4, `${r.gradNorm[last - 1]} ${r.gradNorm[last]}`);
    const g = norm(net.gradient(x, y));
    assert.ok(Math.abs(g - r.gradNorm[last]) <= 1e-6 * g, `reported ${r.gradNorm[last]}, gradient() ${g}`);
    assert.equal(r.loss[last], Math.fround(net.loss(x, y)));
    assert.equal(r.testLoss, undefined);
    assert.equal(net.fit(x, y, { epochs: 3, eta: 0.1 }).gradNorm, undefined, 'not recorded unless asked');
    assert.equal(net.fit(x, y, { epochs: 3, eta: 0.1, gradNorm: true }).gradNorm.length, 3);
    net.dispose();
  });

  test(`${tag}: changeTol stops at the first epoch whose change of E_av is below it`, () => {
    const x = Float32Array.from({ length: 32 }, (_, i) => Math.sin(3.1 * i));
    const y = Float32Array.from({ length: 16 }, (_, i) => (x[2 * i] > x[2 * i + 1] ? 1 : -1));
    const net = sc.createMLP({ layers: [2, 4, 1], activation: 'tanh', seed: 7 });
    const before = net.loss(x, y);
    const r = net.fit(x, y, { epochs: 400, eta: 0.05, changeTol: 1e-4 });
    assert.equal(r.stopped, 'error-change');
    for (let e = 0; e < r.epochs; e++) {
      const change = Math.abs(r.loss[e] - (e ? r.loss[e - 1] : before));
      if (e < r.epochs - 1) assert.ok(change >= 1e-4 - 1e-7, `epoch ${e} already met it: ${change}`);
      else assert.ok(change < 1e-4 + 1e-7, `last change ${change}`);
    }
    net.dispose();
  });

  test(`${tag}: patience on a test set stops after the best epoch and restores its weights`, () => {
    const tr = sc.doubleMoon({ n: 40, d: -3, seed: 31 });
    const te = sc.doubleMoon({ n: 400, d: -3, seed: 32 });
    const xs = tr.x.map((v) => v / 10), xt = te.x.map((v) => v / 10);
    const ys = Float32Array.from(tr.y, (v, i) => (i % 5 === 2 ? -v : v)); // 20 % wrong labels
    const yt = Float32Array.from(te.y);
    for (const monitor of ['loss', 'error']) {
      const opts = { epochs: 3000, eta: 0.01, alpha: 0.5, xTest: xt, yTest: yt, patience: 25, monitor };
      const net = sc.createMLP({ layers: [2, 60, 1], activation: 'tanh', seed: 5 });
      const r = net.fit(xs, ys, opts);
      assert.equal(r.stopped, 'test-error', `${monitor}: ran ${r.epochs}`);
      assert.equal(r.epochs - 1 - r.bestEpoch, 25);
      const metric = monitor === 'loss' ? r.testLoss : r.testError;
      assert.ok(metric.every((v) => v >= metric[r.bestEpoch]), 'the best is the lowest');
      assert.equal(Math.fround(net.loss(xt, yt)), r.testLoss[r.bestEpoch], 'restored weights give the best test loss');
      assert.equal(Math.fround(net.errorRate(xt, yt)), r.testError[r.bestEpoch]);
      const again = sc.createMLP({ layers: [2, 60, 1], activation: 'tanh', seed: 5 });
      again.train(xs, ys, { ...opts, patience: 0, epochs: r.bestEpoch + 1 });
      assert.deepEqual(net.getWeights(), again.getWeights(), 'equal to the run stopped at the best epoch');
      net.dispose();
      again.dispose();
    }
  });

  test(`${tag}: errorRate counts signs, 0.5 thresholds and argmax`, () => {
    const net = sc.createMLP({ layers: [1, 1] });
    net.setWeights([1, 0]);
    assert.equal(net.errorRate([-1, 2, 3], [1, 1, -1]), 2 / 3);
    net.dispose();
    const soft = sc.createMLP({ layers: [2, 2], output: 'softmax' });
    soft.setWeights([1, 0, 0, 1, 0, 0]);
    assert.equal(soft.errorRate([1, 0, 0, 1, 2, 3], [0, 0, 1]), 1 / 3);
    soft.dispose();
  });

  test(`${tag}: fitPreprocess whitens the training set (mean 0, covariance I) and maps test data with the training fit`, () => {
    const gen = (n, seed) => {
      let s = seed;
      const u = () => ((s = (s * 1103515245 + 12345) >>> 0) + 0.5) / 4294967296;
      const x = new Float32Array(3 * n);
      for (let r = 0; r < n; r++) {
        const z = [0, 1, 2].map(() => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
        x[3 * r] = 5 + 2 * z[0];
        x[3 * r + 1] = -3 + 1.2 * z[0] + 0.5 * z[1];
        x[3 * r + 2] = 0.5 - 0.7 * z[0] + 0.3 * z[1] + 0.9 * z[2];
      }
      return x;
    };
    const x = gen(3000, 1), xt = gen(300, 2);
    const pre = sc.fitPreprocess(x, 3, { whiten: true });
    assert.deepEqual([pre.dim, pre.centre, pre.decorrelate, pre.equalise], [3, true, true, true]);
    const { mean, cov } = moments(pre.apply(x), 3);
    for (let i = 0; i < 3; i++) {
      assert.ok(Math.abs(mean[i]) < 1e-5, `mean ${mean[i]}`);
      for (let j = 0; j < 3; j++) assert.ok(Math.abs(cov[i][j] - (i === j)) < 1e-5, `cov[${i}][${j}] = ${cov[i][j]}`);
    }
    const zt = pre.apply(xt);
    let worst = 0;
    for (let r = 0; r < 300; r++) {
      for (let i = 0; i < 3; i++) {
        let v = 0;
        for (let j = 0; j < 3; j++) v += pre.matrix[3 * i + j] * (xt[3 * r + j] - pre.mean[j]);
        worst = Math.max(worst, Math.abs(v - zt[3 * r + i]));
      }
    }
    assert.ok(worst < 1e-6, `test data: ${worst}`);
    const tm = moments(zt, 3).mean;
    assert.ok(tm.some((v) => Math.abs(v) > 1e-4), 'the test set is not refitted');
    // default: standardise (diagonal matrix, unit variances, correlations kept)
    const std = sc.fitPreprocess(x, 3);
    assert.deepEqual([std.centre, std.decorrelate, std.equalise], [true, false, true]);
    const sc2 = moments(std.apply(x), 3).cov;
    assert.ok(Math.abs(sc2[0][0] - 1) < 1e-5 && Math.abs(sc2[0][1]) > 0.5 && std.matrix[1] === 0);
  });

  test(`${tag}: the double moon at d = 1: 2-20-1, whitened, eta annealed 0.1 -> 1e-5 over 50 epochs, 0 test errors`, () => {
    const tr = sc.doubleMoon({ n: 1000, d: 1, seed: 11 });
    const te = sc.doubleMoon({ n: 2000, d: 1, seed: 12 });
    const pre = sc.fitPreprocess(tr.x, 2, { whiten: true });
    const net = sc.createMLP({ layers: [2, 20, 1], activation: 'tanh', seed: 3 });
    const r = net.fit(pre.apply(tr.x), Float32Array.from(tr.y), {
      epochs: 50, eta: 0.1, etaEnd: 1e-5, alpha: 0.5, xTest: pre.apply(te.x), yTest: Float32Array.from(te.y),
    });
    assert.equal(r.testError[r.epochs - 1], 0, `test error rate ${r.testError[r.epochs - 1]}`);
    assert.equal(net.errorRate(pre.apply(te.x), Float32Array.from(te.y)), 0);
    net.dispose();
  });
}

test('one online epoch from the same seed gives the same weights bit for bit in the SIMD and scalar builds', async () => {
  const runs = [];
  for (const simd of [true, false]) {
    const sc = await loadSimcore({ simd });
    const { x, y } = sc.doubleMoon({ n: 300, seed: 1 });
    const xs = x.map((v) => v / 10), ys = Float32Array.from(y);
    const one = sc.createMLP({ layers: [2, 20, 1], activation: 'tanh', seed: 3 });
    one.train(xs, ys, { epochs: 1, eta: 0.01, alpha: 0.5, batch: 1 });
    const deep = sc.createMLP({ layers: [2, 17, 33, 3], activation: ['relu', 'logistic'], output: 'softmax', seed: 4 });
    deep.train(xs, Int32Array.from(y, (v) => (v > 0 ? 2 : 0)), { epochs: 3, eta: 0.05, etaEnd: 0.01, alpha: 0.9, decay: 1e-4, batch: 1 });
    // 784 inputs: whole 16-lane blocks of the fixed-order kernel, no tail
    let s = 7;
    const u = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
    const xm = Float32Array.from({ length: 40 * 784 }, () => u() - 0.5), ym = Int32Array.from({ length: 40 }, () => Math.floor(u() * 10));
    const wide = sc.createMLP({ layers: [784, 100, 10], activation: 'tanh', output: 'softmax', seed: 3 });
    wide.train(xm, ym, { epochs: 1, eta: 0.01, alpha: 0.5, batch: 1 });
    runs.push([one.getWeights(), deep.getWeights(), wide.getWeights()]);
    for (const net of [one, deep, wide]) net.dispose();
  }
  assert.deepEqual(runs[0][0], runs[1][0], '2-20-1, one epoch');
  assert.deepEqual(runs[0][1], runs[1][1], '2-17-33-3 softmax, three shuffled epochs with momentum and decay');
  assert.deepEqual(runs[0][2], runs[1][2], '784-100-10, one epoch');
});
