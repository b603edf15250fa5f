// The Boltzmann binding (bindings/boltzmann.mjs) on both wasm builds: exact
// statistics against a brute-force float64 reference written here, the
// log-likelihood as ln P(v) summed over hidden states, learning raising it,
// Gibbs estimates near the exact values, masks, weights round-trips,
// determinism, the SIMD and scalar builds agreeing, disposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

// Every state of n units (+-1), -E/T, log-sum-exp; stats of the states whose
// first nv units equal v (all states if v is null).
function reference(n, w, b, v, t) {
  const negE = (s) => {
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) e += 0.5 * w[i * n + j] * s[i] * s[j];
      e += b[i] * s[i];
    }
    return e / t;
  };
  const states = [];
  for (let c = 0; c < 1 << n; c++) {
    const s = Array.from({ length: n }, (_, i) => ((c >> i) & 1 ? 1 : -1));
    if (!v || v.every((x, i) => s[i] === x)) states.push([s, negE(s)]);
  }
  const top = Math.max(...states.map((x) => x[1]));
  let z = 0;
  const pairs = new Float64Array(n * n), means = new Float64Array(n);
  for (const [s, x] of states) {
    const p = Math.exp(x - top);
    z += p;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) pairs[i * n + j] += p * s[i] * s[j];
      means[i] += p * s[i];
    }
  }
  return { logSum: top + Math.log(z), pairs: pairs.map((x) => x / z), means: means.map((x) => x / z) };
}

function referenceStats(nv, n, w, b, data, t) {
  const model = reference(n, w, b, null, t);
  const count = data.length / nv;
  const pairs = new Float64Array(n * n), means = new Float64Array(n);
  let ll = 0;
  for (let d = 0; d < count; d++) {
    const r = reference(n, w, b, Array.from(data.slice(d * nv, d * nv + nv)), t);
    ll += r.logSum - model.logSum;
    r.pairs.forEach((x, k) => { pairs[k] += x / count; });
    r.means.forEach((x, k) => { means[k] += x / count; });
  }
  return { model, data: { pairs, means }, logZ: model.logSum, logLikelihood: ll / count };
}

const close = (a, b, tol, what) => {
  assert.equal(a.length, b.length, what);
  for (let k = 0; k < a.length; k++) assert.ok(Math.abs(a[k] - b[k]) <= tol, `${what}[${k}]: ${a[k]} vs ${b[k]}`);
};

const DATA = [1, -1, 1, -1, -1, 1, 1, 1, 1];

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: exactStats matches brute force on 3 visible + 2 hidden at T = 1 and 0.6`, () => {
    const bm = sc.createBoltzmann({ visible: 3, hidden: 2, seed: 4 });
    const n = 5, w = new Float64Array(25), b = Float64Array.from([0.3, -0.2, 0.1, 0.5, -0.4]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = Math.sin(3 * i + 7 * j);
    bm.setWeights({ weights: w, biases: b });
    for (const t of [1, 0.6]) {
      const got = bm.exactStats(DATA, { temperature: t });
      const want = referenceStats(3, n, w, b, DATA, t);
      assert.ok(Math.abs(got.logZ - want.logZ) < 1e-12, `ln Z ${got.logZ} vs ${want.logZ}`);
      assert.ok(Math.abs(got.logLikelihood - want.logLikelihood) < 1e-12, 'loglik');
      close(got.model.pairs, want.model.pairs, 1e-12, 'model pairs');
      close(got.model.means, want.model.means, 1e-12, 'model means');
      close(got.data.pairs, want.data.pairs, 1e-12, 'data pairs');
      close(got.data.means, want.data.means, 1e-12, 'data means');
      assert.equal(bm.logLikelihood(DATA, { temperature: t }), got.logLikelihood);
    }
    bm.dispose();
  });

  test(`${tag}: learning raises the exact log-likelihood every epoch; Gibbs learning raises it too`, () => {
    const bm = sc.createBoltzmann({ visible: 3, hidden: 2, seed: 1 });
    const before = bm.logLikelihood(DATA);
    const trace = bm.learn(DATA, { epochs: 100, epsilon: 0.02, method: 'exact' });
    assert.equal(trace.length, 100);
    let prev = before;
    for (const ll of trace) { assert.ok(ll >= prev - 1e-12, `${ll} after ${prev}`); prev = ll; }
    assert.ok(trace[99] > before + 0.3, `${before} -> ${trace[99]}`);
    assert.ok(trace[99] <= Math.log(1 / 3) + 1e-9, 'three distinct vectors: at most ln 1/3');
    const g = sc.createBoltzmann({ visible: 3, hidden: 2, seed: 1 });
    const gt = g.learn(DATA, { epochs: 100, epsilon: 0.02, method: 'gibbs', sweeps: 200, anneal: 10 });
    assert.ok(gt[99] > before + 0.2, `gibbs learning: ${before} -> ${gt[99]}`);
    bm.dispose();
    g.dispose();
  });

  test(`${tag}: Gibbs estimates within 0.05 of the exact statistics; the same seed, the same estimates`, () => {
    const make = () => sc.createBoltzmann({ visible: 3, hidden: 2, seed: 8 });
    const a = make(), b = make();
    const exact = a.exactStats(DATA);
    const s = a.sampleStats(DATA, { sweeps: 20000, anneal: 20 });
    close(s.model.pairs, exact.model.pairs, 0.05, 'model pairs');
    close(s.data.means, exact.data.means, 0.05, 'data means');
    close(s.data.means.slice(0, 3), [1 / 3, -1 / 3, 1], 1e-12, 'clamped visible means are the data means');
    assert.deepEqual(b.sampleStats(DATA, { sweeps: 20000, anneal: 20 }), s);
    a.dispose();
    b.dispose();
  });

  test(`${tag}: a mask zeroes connections and keeps them zero while learning; weights round-trip`, () => {
    const bm = sc.createBoltzmann({ visible: 2, hidden: 1, seed: 3 });
    const mask = [0, 0, 1, 0, 0, 1, 1, 1, 0]; // no visible-visible connection
    bm.setMask(mask);
    assert.equal(bm.getWeights().weights[1], 0);
    bm.learn([1, 1, -1, -1], { epochs: 20, epsilon: 0.1 });
    const { weights, biases } = bm.getWeights();
    assert.equal(weights[1], 0);
    assert.equal(weights[3], 0);
    assert.notEqual(weights[2], 0);
    const w2 = sc.createBoltzmann({ visible: 2, hidden: 1 });
    w2.setWeights({ weights, biases });
    assert.deepEqual(w2.getWeights(), { weights, biases });
    assert.throws(() => w2.setWeights({ weights: [0, 1, 0, 2, 0, 0, 0, 0, 0] }), /boltzmann.setWeights: weights are not symmetric/);
    assert.throws(() => w2.setMask([1, 0, 0, 0, 0, 0, 0, 0, 0]), /boltzmann.setMask: mask\[0\] \(diagonal\)/);
    bm.dispose();
    w2.dispose();
  });

  test(`${tag}: a restricted machine learns by CD-1, CD-3, and PCD on bars and stripes 3 x 3; CD refuses a machine with lateral connections`, () => {
    const data = [1, 1, -1, -1, -1, -1, 1, 1, 1, -1, 1, -1, -1, 1, -1, 1];
    for (const [method, k, epsilon, epochs] of [['cd', 1, 0.05, 300], ['cd', 3, 0.05, 300]]) {
      const bm = sc.createBoltzmann({ visible: 4, hidden: 3, seed: 2, restricted: true });
      const { weights } = bm.getWeights();
      for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) if ((i < 4) === (j < 4)) assert.equal(weights[i * 7 + j], 0);
      const before = bm.logLikelihood(data);
      const trace = bm.learn(data, { method, k, epochs, epsilon });
      assert.equal(trace.length, epochs);
      assert.ok(trace[epochs - 1] > before + 0.5, `${method}-${k}: ${before} -> ${trace[epochs - 1]}`);
      assert.ok(trace[epochs - 1] < Math.log(1 / 4) + 1e-9);
      bm.dispose();
    }
    // PCD on bars and stripes 3 x 3 (14 patterns; its 14 persistent chains mix; with
    // the 4 vectors above they did not). Measured -6.252 -> -3.881; bound ln 1/14 = -2.639.
    const bas = [];
    for (const vertical of [0, 1]) {
      for (let code = 0; code < 8; code++) {
        if (vertical && (code === 0 || code === 7)) continue;
        for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) bas.push((code >> (vertical ? c : r)) & 1 ? 1 : -1);
      }
    }
    const rbm = sc.createBoltzmann({ visible: 9, hidden: 4, seed: 2, restricted: true });
    const start = rbm.logLikelihood(bas);
    const pcd = rbm.learn(bas, { method: 'pcd', epsilon: 0.02, epochs: 1000 });
    assert.ok(pcd[999] > start + 1.5 && pcd[999] < Math.log(1 / 14), `pcd: ${start} -> ${pcd[999]}`);
    // The hidden-layer sum equals enumeration (13 units) at two temperatures.
    for (const temperature of [1, 0.6]) {
      const e = rbm.logLikelihood(bas, { temperature });
      const s = rbm.rbmLogLikelihood(bas, { temperature });
      assert.ok(Math.abs(s - e) < 1e-10 * Math.abs(e), `rbm sum ${s} vs enumeration ${e} at T ${temperature}`);
    }
    const lateral = sc.createBoltzmann({ visible: 2, hidden: 1 });
    assert.throws(() => lateral.rbmLogLikelihood([1, -1]), { name: 'RangeError', message: /rbmLogLikelihood: .*mask/ });
    lateral.dispose();
    rbm.dispose();
    const full = sc.createBoltzmann({ visible: 4, hidden: 3 });
    assert.throws(() => full.learn(data, { method: 'cd' }), { name: 'RangeError', message: /boltzmann.learn: .*mask/ });
    assert.throws(() => full.learn(data, { method: 'cd', k: 0 }), /boltzmann.learn: k/);
    assert.throws(() => sc.createBoltzmann({ visible: 2, restricted: 1 }), TypeError);
    full.dispose();
  });

  test(`${tag}: above 20 units exact statistics refuse, Gibbs learning runs with no trace`, () => {
    const bm = sc.createBoltzmann({ visible: 16, hidden: 5 });
    const v = Array.from({ length: 16 }, (_, i) => (i % 3 ? 1 : -1));
    assert.throws(() => bm.exactStats(v), /boltzmann.exactStats: 21 units are too many/);
    assert.throws(() => bm.learn(v, { method: 'exact' }), /boltzmann.learn: method 'exact'/);
    assert.equal(bm.learn(v, { sweeps: 5 }).length, 0);
    bm.dispose();
  });

  test(`${tag}: bad data and options name the argument; a disposed machine throws`, () => {
    const bm = sc.createBoltzmann({ visible: 3, hidden: 1 });
    assert.throws(() => bm.exactStats([1, 0, 1]), { name: 'RangeError', message: /boltzmann.exactStats: data\[1\] is 0/ });
    assert.throws(() => bm.exactStats([1, 1]), /data has length 2/);
    assert.throws(() => bm.exactStats('abc'), TypeError);
    assert.throws(() => bm.learn(DATA, { epsilon: 0 }), /epsilon/);
    assert.throws(() => bm.learn(DATA, { method: 'magic' }), /method/);
    assert.throws(() => bm.sampleStats(DATA, { temperature: 2, tStart: 1 }), /tStart 1 is out of range/);
    assert.throws(() => sc.createBoltzmann({ visible: 0 }), /createBoltzmann: visible/);
    assert.throws(() => sc.createBoltzmann({ visible: 2, hiden: 1 }), /hiden/);
    bm.dispose();
    assert.throws(() => bm.learn(DATA), /boltzmann.learn: this boltzmann was disposed/);
  });
}

test('simd and scalar builds learn the same weights and sample the same statistics', async () => {
  const [a, b] = await Promise.all([loadSimcore({ simd: true }), loadSimcore({ simd: false })]);
  const run = (sc) => {
    const bm = sc.createBoltzmann({ visible: 3, hidden: 2, seed: 6 });
    bm.learn(DATA, { epochs: 10, epsilon: 0.1, method: 'gibbs', sweeps: 100, anneal: 5 });
    const out = [bm.getWeights(), bm.sampleStats(DATA, { sweeps: 100 })];
    bm.dispose();
    return out;
  };
  assert.deepEqual(run(a), run(b));
});
