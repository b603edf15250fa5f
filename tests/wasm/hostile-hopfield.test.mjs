// Hostile and random arguments to the Hopfield functions of the binding
// (hopfield(n) and every method of a network, hopfieldCapacity), on both
// wasm builds (the property: helpers/hostile.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';

const NAMES = ['n', 'patterns', 'options', 'rule', 'state', 'theta', 'seed', 'mode', 'temperature', 'order', 'maxSweeps',
  'from', 'to', 'sweeps', 'noise', 'trials', 'loads', 'counts', 'option', 'network', 'updates', 'k'];
const spins = (r, n) => Int8Array.from({ length: n }, () => (r.bool() ? 1 : -1));

// Energy of a state from the weights (docs/hopfield.md): -1/2 s'Ws + theta's.
function energyOf(w, s, n, theta) {
  let e = 0;
  for (let i = 0; i < n; i++) e += (theta?.[i] ?? 0) * s[i];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) e -= 0.5 * w[i * n + j] * s[i] * s[j];
  return e;
}

function netSpec(sc, method, make, verify) {
  return {
    fn: `hopfield.${method}`, names: NAMES,
    slots: [{ index: 0, kind: make.kind ?? 'object', names: [make.arg ?? 'options'] }],
    make(r) {
      const n = r.int(2, 12);
      const net = sc.hopfield(n).store(Array.from({ length: r.int(1, Math.min(3, n)) }, () => spins(r, n)));
      net.setState(spins(r, n));
      return { args: [make(r, n)], net };
    },
    call: (_, a, valid) => valid.net[method](...a),
    cleanup: (valid) => valid.net.dispose(),
    verify(res, valid, where, args) {
      const net = valid.net;
      const s = net.state;
      assert.ok(s.every((v) => v === 1 || v === -1), `${where} state is +-1`);
      const e = net.energy();
      const theta = method === 'setThresholds' ? numbers(args[0]) : null;
      assert.ok(Number.isFinite(e) && Math.abs(e - energyOf(net.weights(), s, net.n, theta)) < 1e-3 * (1 + Math.abs(e)), `${where} energy`);
      assertFinite(net.overlaps(), 'overlaps', where);
      verify?.(res, net, where);
    },
  };
}

function specs(sc) {
  const store = (r, n) => spins(r, n * r.int(1, Math.min(3, n)));
  store.kind = 'array';
  store.arg = 'patterns';
  const setState = (r, n) => spins(r, n);
  setState.kind = 'array';
  setState.arg = 'state';
  const theta = (r, n) => r.floats(n);
  theta.kind = 'array';
  theta.arg = 'theta';
  const seed = (r) => r.int(0, 1000);
  seed.kind = 'value';
  seed.arg = 'seed';
  return [
    {
      fn: 'hopfield', names: NAMES, slots: [{ index: 0, names: ['n'] }],
      make: (r) => ({ args: [r.int(1, 64)] }),
      call: (s, a) => s.hopfield(a[0]),
      verify(net, valid, where, a) {
        assert.equal(net.n, a[0], where);
        net.dispose();
      },
    },
    netSpec(sc, 'store', store),
    netSpec(sc, 'setState', setState),
    netSpec(sc, 'setThresholds', theta),
    netSpec(sc, 'seed', seed),
    netSpec(sc, 'step', (r, n) => (r.bool() ? { mode: r.pick(['async', 'sync']), temperature: r.pick([0, 0.5]) } : { order: [0, n - 1, 1], seed: 3 }),
      (flips, net, where) => assert.ok(flips >= 0 && flips <= 3 * net.n, `${where} flips`)),
    netSpec(sc, 'run', (r) => ({ maxSweeps: r.int(1, 20), mode: r.pick(['async', 'sync']) }),
      (res, net, where) => assert.ok(res.sweeps >= 0 && res.sweeps <= 20, `${where} sweeps`)),
    netSpec(sc, 'anneal', (r) => ({ from: 2, to: 0.1, sweeps: r.int(1, 10), seed: 5 })),
    netSpec(sc, 'advance', (r) => ({ mode: r.pick(['async', 'sync']), temperature: r.pick([0, 0.5]), updates: r.int(1, 40) }),
      (res, net, where) => {
        assert.ok(res.updates >= 1 && res.updates <= 40 && res.flips >= 0, `${where} ${JSON.stringify(res)}`);
        assert.ok([null, 'fixed', 'cycle'].includes(res.end) && res.last >= -1 && res.last < net.n, `${where} end/last`);
      }),
    {
      fn: 'hopfieldAnnealTemperature', names: NAMES, slots: [0, 1, 2, 3].map((index) => ({ index, kind: 'value', names: [['from', 'to', 'sweeps', 'k'][index]] })),
      make: (r) => { const sweeps = r.int(1, 50); return { args: [r.pick([1, 2, 5]), r.pick([0.01, 0.5, 1]), sweeps, r.int(0, sweeps - 1)] }; },
      call: (s, a) => s.hopfieldAnnealTemperature(...a),
      verify(t, valid, where, a) {
        assert.ok(Number.isFinite(t) && t >= a[1] * (1 - 1e-6) && t <= a[0] * (1 + 1e-6), `${where} T ${t}`);
      },
    },
    {
      fn: 'hopfieldCapacity', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
      arrayKeys: ['counts'],
      make: (r) => ({ args: [{ n: r.int(8, 24), counts: [1, 2, 3], trials: 2, maxSweeps: 5, seed: r.int(0, 99) }] }),
      call: (s, a) => s.hopfieldCapacity(a[0]),
      verify(res, valid, where) {
        for (const v of [...res.recall, ...res.overlap]) assert.ok(Number.isFinite(v) && v >= -1 && v <= 1, `${where} ${v}`);
      },
    },
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  let calls = 0;
  const reenter = () => {
    const net = sc.hopfield(16 + 16 * (calls++ % 4));
    net.store([new Int8Array(net.n).fill(1)]).step({ order: [0, 1, 2] });
    net.dispose();
  };
  for (const spec of specs(sc)) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 150 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
  test(`${simd ? 'simd' : 'scalar'}: no network leaks from the hostile runs`, () => {
    const nets = [];
    for (let k = 0; k < sc.hopfieldLimits.maxNetworks; k++) nets.push(sc.hopfield(2));
    nets.forEach((net) => net.dispose());
  });
}
