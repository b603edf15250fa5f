// The Hopfield widget's session kind (web/widgets/hopfield/sessions.mjs) and
// its frame budget (frame-args.mjs), in Node on the page-thread path: the
// session's frames are the core's dynamics (chunks of updates add up to
// step() sweeps, the synchronous 2-cycle is run()'s, annealing follows
// sc.hopfieldAnnealTemperature), the energy points sit where the core
// recorded them, and one frame costs a fixed number of wasm calls however
// many updates it makes (docs/hopfield.md, "Animation").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { SESSIONS } from '../../web/widgets/hopfield/sessions.mjs';
import { frameArgs } from '../../web/widgets/hopfield/frame-args.mjs';
import { patternSet, rng } from '../../web/widgets/hopfield/patterns.mjs';

const kind = SESSIONS.net;

// Counts calls into the wasm exports of the instances made from here on.
const calls = new Map();
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...a) => {
  const out = await instantiate(...a);
  const instance = out.instance ?? out;
  const exports = {};
  for (const [name, v] of Object.entries(instance.exports)) {
    exports[name] = typeof v === 'function' ? (...args) => { calls.set(name, (calls.get(name) ?? 0) + 1); return v(...args); } : v;
  }
  const counted = { exports };
  return out.instance ? { ...out, instance: counted } : counted;
};
const sc = await loadSimcore();
WebAssembly.instantiate = instantiate;
const countCalls = (f) => {
  calls.clear();
  f();
  return [...calls.values()].reduce((a, b) => a + b, 0);
};

const flat = (ps, n) => {
  const out = new Int8Array(ps.length * n);
  ps.forEach((p, k) => out.set(p.bits, k * n));
  return out;
};
const randomState = (n, seed) => {
  const r = rng(seed);
  return Int8Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1));
};

function setup({ size = 16, count = 12, rule = 'hebb', seed = 3, stateSeed = 9 } = {}) {
  const n = size * size;
  const patterns = flat(patternSet('random', size, count, seed), n);
  const state = randomState(n, stateSeed);
  const params = { n, seed, patterns, rule, state };
  const ref = sc.hopfield(n);
  ref.seed(seed);
  ref.store(patterns, { rule });
  ref.setState(state);
  return { n, params, st: kind.create(sc, params), ref };
}

test('asynchronous frames of any size add up to the core\'s sweeps; energy points where the core recorded them', () => {
  const { n, st, ref } = setup();
  const r = rng(4);
  let made = 0;
  let points = 0;
  while (made < 3 * n) {
    const updates = Math.min(3 * n - made, 1 + Math.floor(r() * 100));
    const f = kind.step(st, { mode: 'async', temperature: 0.4, updates, recordEvery: 8 }).frame;
    assert.equal(f.updates, updates);
    assert.equal(f.energies.length, Math.ceil(updates / 8));
    // Each point at the time (in sweeps) it was recorded: every 8 updates of this call, and its end.
    for (let k = 0; k < f.sweeps.length; k++) assert.equal(f.sweeps[k], (made + Math.min((k + 1) * 8, updates)) / n);
    made += updates;
    points += f.energies.length;
    assert.equal(f.time, made / n);
    assert.equal(f.cursor, made % n);
  }
  assert.ok(points > 3 * 32);
  for (let k = 0; k < 3; k++) ref.step({ mode: 'async', temperature: 0.4 });
  assert.deepEqual(kind.snapshot(st).frame.state, ref.state);
  kind.dispose(st);
  ref.dispose();
});

test('a single neuron, then "the rest of the sweep": one point each, time 1 at the end of the sweep', () => {
  const { n, st, ref } = setup({ stateSeed: 2 });
  for (let k = 0; k < 40; k++) {
    const f = kind.step(st, { mode: 'async', updates: 1 }).frame;
    assert.equal(f.energies.length, 1);
    assert.ok(f.last >= 0 && f.last < n);
    assert.equal(f.energy, f.energies[0]);
  }
  const f = kind.step(st, { mode: 'async', rest: true }).frame;
  assert.equal(f.updates, n - 40);
  assert.deepEqual(Array.from(f.sweeps), [1]);
  assert.equal(f.cursor, 0);
  ref.step({ mode: 'async' });
  assert.deepEqual(f.state, ref.state);
  // The frame's energy is the network's, which is -1/2 sᵀWs.
  assert.ok(Math.abs(f.energy - ref.energy()) < 1e-9);
  kind.dispose(st);
  ref.dispose();
});

test('synchronous frames end in the 2-cycle run() finds, after as many sweeps', () => {
  const size = 16;
  const n = size * size;
  // The widget's sync preset: Hebb, 30 random patterns, seed 11 (tests/browser/hopfield.test.mjs).
  const { st, ref } = setup({ size, count: 30, seed: 11, stateSeed: 5 });
  const want = ref.run({ mode: 'sync', maxSweeps: 100 });
  let sweeps = 0;
  let end = null;
  while (!end && sweeps < 100) {
    const f = kind.step(st, { mode: 'sync', updates: 2, recordEvery: 1 }).frame;
    sweeps += f.updates;
    end = f.end;
    assert.equal(f.energies.length, f.updates);
  }
  assert.equal(sweeps, want.sweeps);
  assert.equal(end, want.converged ? 'fixed' : 'cycle');
  assert.deepEqual(kind.snapshot(st).frame.state, ref.state);
  assert.equal(n, 256);
  kind.dispose(st);
  ref.dispose();
});

test('annealing frames use the core\'s schedule T_k and reach the state anneal() reaches', () => {
  const { st, ref } = setup({ stateSeed: 6 });
  const sched = { from: 2, to: 0.05, sweeps: 20 };
  let k = 0;
  const temps = [];
  while (k < sched.sweeps) {
    const count = Math.min(3, sched.sweeps - k);
    const f = kind.step(st, { mode: 'async', anneal: { ...sched, k, count } }).frame;
    k += count;
    temps.push(f.temperature);
    assert.equal(f.energies.length, count); // a point per sweep
  }
  assert.equal(temps.at(-1), sc.hopfieldAnnealTemperature(2, 0.05, 20, 19));
  assert.equal(temps[0], sc.hopfieldAnnealTemperature(2, 0.05, 20, 2));
  // The sliders may hold from < to: the schedule still cools.
  const { st: st2 } = setup();
  const f = kind.step(st2, { mode: 'async', anneal: { from: 0.05, to: 2, sweeps: 20, k: 0, count: 1 } }).frame;
  assert.equal(f.temperature, sc.hopfieldAnnealTemperature(2, 0.05, 20, 0));
  kind.dispose(st2);
  ref.anneal({ ...sched, mode: 'async' });
  assert.deepEqual(kind.snapshot(st).frame.state, ref.state);
  kind.dispose(st);
  ref.dispose();
});

test('frameArgs: the speed budget per frame (updates, sweeps, schedule) and nothing below one update', () => {
  const s = { mode: 'async', temperature: 0.5, speed: 3, annealSweeps: 60 };
  const run = { kind: 'recall', k: 0, budget: 0, last: 0 };
  // 1/60 s at 3 sweeps/s on 256 neurons: 12.8 updates, 12 now and the rest carried.
  assert.deepEqual(frameArgs(run, s, 256, 1000 / 60), { mode: 'async', temperature: 0.5, updates: 12, recordEvery: 8 });
  assert.ok(Math.abs(run.budget - 0.8) < 1e-9);
  // A long pause counts as 0.1 s.
  assert.equal(frameArgs(run, s, 256, 10000).updates, Math.floor(0.8 + 0.1 * 3 * 256));
  const sync = { kind: 'recall', k: 0, budget: 0, last: 0 };
  // 0.3, 0.6, 0.9 of a sweep: wait; then 1.2: one sweep.
  for (const now of [100, 200, 300]) assert.equal(frameArgs(sync, { ...s, mode: 'sync' }, 256, now), null);
  assert.deepEqual(frameArgs(sync, { ...s, mode: 'sync' }, 256, 400), { mode: 'sync', temperature: 0.5, updates: 1, recordEvery: 1 });
  const settle = { kind: 'recall', settle: true, k: 0, budget: 0, last: 0 };
  assert.equal(frameArgs(settle, s, 256, 100).temperature, 0);
  // Annealing: the whole schedule in about 3 s (60 sweeps: 20/s), and never past its end.
  const an = { kind: 'anneal', k: 0, budget: 0, last: 0 };
  assert.deepEqual(frameArgs(an, { ...s, annealFrom: 2, annealTo: 0.05 }, 256, 100), { mode: 'async', anneal: { from: 2, to: 0.05, sweeps: 60, k: 0, count: 2 } });
  an.k = 59;
  an.budget = 5;
  assert.equal(frameArgs(an, { ...s, annealFrom: 2, annealTo: 0.05 }, 256, 200).anneal.count, 1);
});

test('wasm calls: a fixed few per frame through the session, against 3 per chunk when JS drove the sweep', () => {
  const { n, st } = setup();
  const every = Math.ceil(n / 32);
  // Scratch blocks grow once (malloc/free) to the largest trace; after that a frame allocates nothing.
  kind.step(st, { mode: 'async', updates: n, recordEvery: every });
  // One sweep in one frame, and a tenth of a sweep (a frame at speed 6/s).
  const perSweep = countCalls(() => kind.step(st, { mode: 'async', temperature: 0.5, updates: n, recordEvery: every }));
  const perFrame = countCalls(() => kind.step(st, { mode: 'async', temperature: 0.5, updates: Math.round(n / 10), recordEvery: every }));
  // advance (one call that also fills the trace), the state read, the overlaps.
  assert.equal(perSweep, 3);
  assert.equal(perFrame, 3);
  // The old widget's loop for one sweep (a transcription for counting only): each chunk of n/32
  // updates was a step() with a JS order, a state read and an energy read, then overlaps per frame.
  const net = sc.hopfield(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  net.step({ mode: 'async', order: order.subarray(0, every) });
  const before = countCalls(() => {
    for (let c = 0; c < n; c += every) {
      net.step({ mode: 'async', temperature: 0.5, order: order.subarray(c, c + every) });
      void net.state;
      net.energy();
    }
    net.overlaps();
  });
  assert.equal(before, 3 * 32 + 1);
  net.dispose();
  kind.dispose(st);
});
