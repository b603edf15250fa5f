// The Boltzmann widget's session kind (web/widgets/boltzmann/sessions.mjs)
// and its frame budget (frame-args.mjs), in Node on the page-thread path:
// fantasies are samples of the machine (their frequencies match the exact
// P(v) by enumeration), completion samples keep the clamped units and match
// the exact conditional P(s_i = +1 | clamped), a reset gives the same initial
// weights and the same learning run, and the learner's trajectory does not
// depend on how many samples were drawn meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { SESSIONS } from '../../web/widgets/boltzmann/sessions.mjs';
import { dataSet, flatten, connectionMask, barsData } from '../../web/widgets/boltzmann/datasets.mjs';
import { effectiveMethod, frameArgs } from '../../web/widgets/boltzmann/frame-args.mjs';

const sc = await loadSimcore();
const kind = SESSIONS.learn;
const OPTS = { epsilon: 0.05, temperature: 1, sweeps: 20, anneal: 10, tStart: 10, k: 1 };

function open(set = 'encoder', hidden = 2, restricted = false, seed = 2) {
  const d = dataSet(set);
  return { d, st: kind.create(sc, { set, visible: d.visible, hidden, restricted, seed, data: flatten(d.rows, d.visible) }) };
}

/** P(s) for every state of a machine (weights w, biases b, T = 1), by enumeration written here. */
function distribution(w, b, n) {
  const p = new Float64Array(1 << n);
  let max = -Infinity;
  for (let m = 0; m < 1 << n; m++) {
    let e = 0;
    for (let i = 0; i < n; i++) {
      const si = (m >> i) & 1 ? 1 : -1;
      e += b[i] * si;
      for (let j = 0; j < n; j++) e += 0.5 * w[i * n + j] * si * ((m >> j) & 1 ? 1 : -1);
    }
    p[m] = e;
    max = Math.max(max, e);
  }
  let z = 0;
  for (let m = 0; m < p.length; m++) z += (p[m] = Math.exp(p[m] - max));
  return p.map((x) => x / z);
}

const code = (s, from, to) => { let m = 0; for (let i = from; i < to; i++) if (s[i] > 0) m |= 1 << (i - from); return m; };

test('data sets: the encoder, bars and stripes (14 and 30 distinct patterns), the masks', () => {
  assert.equal(dataSet('encoder').rows.length, 4);
  assert.equal(barsData(3).length, 14);
  assert.equal(barsData(4).length, 30);
  assert.equal(new Set(barsData(4).map((r) => r.join())).size, 30);
  const m = connectionMask('encoder', 8, 2, false);
  assert.equal(m[0 * 10 + 4], 0, 'no V1–V2 connection');
  assert.equal(m[0 * 10 + 8], 1);
  assert.equal(m[8 * 10 + 9], 1, 'hidden–hidden');
  assert.equal(connectionMask('bars3', 9, 2, false), null);
  const r = connectionMask('bars3', 9, 2, true);
  assert.equal(r[9 * 11 + 10], 0);
  assert.equal(r[0 * 11 + 9], 1);
});

test('fantasies are samples of the machine: their frequencies match P(v) by enumeration', () => {
  const { st } = open();
  kind.step(st, { epochs: 300, budgetMs: Infinity, learn: { ...OPTS, method: 'exact' } });
  const f = kind.step(st, { fantasies: 3000, learn: OPTS }).frame;
  const n = f.units;
  const p = distribution(f.weights, f.biases, n);
  const pv = new Float64Array(256);
  for (let m = 0; m < p.length; m++) pv[m & 255] += p[m];
  const counts = new Float64Array(256);
  for (let k = 0; k < 3000; k++) counts[code(f.fantasies.subarray(k * n, (k + 1) * n), 0, 8)]++;
  // Every visible state with P > 1 %: the frequency within 5 standard errors.
  let checked = 0;
  for (let v = 0; v < 256; v++) {
    if (pv[v] < 0.01) continue;
    checked++;
    const se = Math.sqrt((pv[v] * (1 - pv[v])) / 3000);
    assert.ok(Math.abs(counts[v] / 3000 - pv[v]) < 5 * se, `v = ${v}: ${counts[v] / 3000} against ${pv[v]}`);
  }
  assert.ok(checked >= 4, `${checked} states checked`);
  kind.dispose(st);
});

test('completion: clamped units never change; the free ones follow P(s_i = +1 | clamped)', () => {
  const { d, st } = open('bars3', 3);
  kind.step(st, { epochs: 100, budgetMs: Infinity, learn: { ...OPTS, method: 'exact', epsilon: 0.1 } });
  const clamp = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0]);
  const values = Int8Array.from(d.rows[5]);
  const n = 12;
  const sums = new Float64Array(n);
  let probs = null;
  const draws = 1500;
  for (let k = 0; k < draws; k++) {
    const f = kind.step(st, { complete: { clamp, values }, learn: OPTS }).frame;
    for (let i = 0; i < 3; i++) assert.equal(f.completion.sample[i], values[i]);
    for (let i = 0; i < n; i++) sums[i] += f.completion.sample[i] > 0 ? 1 : 0;
    probs ??= f.completion.probs;
    assert.equal(f.completion.how, 'exact');
  }
  // The exact conditional by enumeration here, from the machine's weights.
  const { weights, biases } = kind.step(st, {}).frame;
  const p = distribution(weights, biases, n);
  const cond = new Float64Array(n);
  let mass = 0;
  for (let m = 0; m < p.length; m++) {
    if ([0, 1, 2].some((i) => (((m >> i) & 1) ? 1 : -1) !== values[i])) continue;
    mass += p[m];
    for (let i = 0; i < n; i++) if ((m >> i) & 1) cond[i] += p[m];
  }
  for (let i = 0; i < n; i++) {
    const q = cond[i] / mass;
    assert.ok(Math.abs(probs[i] - q) < 1e-9, `P(s_${i}) ${probs[i]} against ${q}`);
    const se = Math.sqrt((q * (1 - q)) / draws) + 1e-12;
    assert.ok(Math.abs(sums[i] / draws - q) <= 5 * se, `unit ${i}: ${sums[i] / draws} against ${q}`);
  }
  kind.dispose(st);
});

test('a reset gives the same initial weights and run; samples do not move the learner', () => {
  const a = open('encoder', 2, false, 7);
  const b = open('encoder', 2, false, 7);
  const w0 = kind.step(a.st, {}).frame.weights;
  const learn = { ...OPTS, method: 'gibbs' }; // sampled learning: the learner's generator matters
  const fa = kind.step(a.st, { epochs: 30, budgetMs: Infinity, learn }).frame;
  for (let k = 0; k < 5; k++) kind.step(b.st, { epochs: 6, budgetMs: Infinity, fantasies: 7, complete: { clamp: new Uint8Array(8).fill(1), values: Int8Array.from(b.d.rows[1]) }, learn });
  const fb = kind.step(b.st, {}).frame;
  assert.deepEqual(fb.weights, fa.weights, 'the same run with samples drawn in between');
  const r = kind.step(a.st, { reset: true }).frame;
  assert.equal(r.epoch, 0);
  assert.deepEqual(r.weights, w0);
  assert.deepEqual(Array.from(r.rows.subarray(0, 1)), [0]);
  assert.deepEqual(kind.step(a.st, { epochs: 30, budgetMs: Infinity, learn }).frame.weights, fa.weights);
  kind.dispose(a.st);
  kind.dispose(b.st);
});

test('the log-likelihood: exact up to 20 units, an RBM\'s beyond by its hidden sum, none for a large full machine', () => {
  const rbm = open('bars4', 8, true);
  const f = kind.step(rbm.st, { epochs: 3, budgetMs: Infinity, learn: { ...OPTS, method: 'cd' } }).frame;
  assert.equal(f.rows.length, 8); // epochs 0..3
  assert.ok(f.rows.filter((_, i) => i % 2).every((v) => Number.isFinite(v) && v < 0));
  const big = open('bars4', 6, false);
  const g = kind.step(big.st, { epochs: 2, budgetMs: Infinity, stats: true, learn: { ...OPTS, method: 'gibbs' } }).frame;
  assert.ok(g.rows.filter((_, i) => i % 2).every(Number.isNaN));
  assert.equal(g.stats.how, 'gibbs');
  kind.dispose(rbm.st);
  kind.dispose(big.st);
});

test('frame budget: the speed\'s epochs, the epochs left, and which method runs', () => {
  const s = { epochs: 100, speed: '50', method: 'exact', machine: 'bm', epsilon: 0.05, temperature: 1, sweeps: 20, anneal: 10, tStart: 0.5, k: 1 };
  const run = { learn: true, complete: false, budget: 0, last: 0 };
  const view = { units: 10, maxExact: 20, encoder: true, completion: null };
  assert.equal(frameArgs(run, s, 0, 10, view), null, '10 ms at 50/s is half an epoch');
  const a = frameArgs(run, s, 0, 30, view);
  assert.equal(a.epochs, 1);
  assert.equal(a.learn.tStart, 1, 'annealing never starts below T');
  assert.equal(frameArgs(run, { ...s, speed: 'max' }, 97, 40, view).epochs, 3);
  assert.equal(frameArgs(run, s, 100, 1000, view), null, 'nothing left');
  assert.equal(effectiveMethod(s, 24, 20), 'gibbs');
  assert.equal(effectiveMethod({ ...s, method: 'cd' }, 10, 20), 'exact');
  assert.equal(effectiveMethod({ ...s, machine: 'rbm', method: 'pcd' }, 24, 20), 'pcd');
  assert.equal(effectiveMethod({ ...s, machine: 'rbm' }, 24, 20), 'cd');
});
