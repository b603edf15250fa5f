// Hostile and random arguments to the Boltzmann functions of the binding
// (createBoltzmann and every method of a machine), on both wasm builds (the
// property: helpers/hostile.mjs). Valid calls are checked for real values:
// statistics in [-1, 1] with a unit diagonal, log-likelihoods <= 0,
// symmetric weights with zero diagonal after every call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['options', 'visible', 'hidden', 'seed', 'data', 'temperature', 'sweeps', 'anneal', 'tStart', 'epsilon',
  'epochs', 'method', 'weights', 'biases', 'mask', 'value', 'units', 'machine', 'option', 'k', 'restricted'];

function makeMachine(sc, r, forceRestricted) {
  const visible = r.int(1, 4), hidden = r.int(0, 3);
  const restricted = r.bool() || forceRestricted;
  const bm = sc.createBoltzmann({ visible, hidden, seed: r.int(0, 99), restricted });
  const count = r.int(1, 4);
  const data = Array.from({ length: count * visible }, () => (r.bool() ? 1 : -1));
  return { bm, data, n: visible + hidden, restricted };
}

function checkStats(s, n, where) {
  assert.equal(s.pairs.length, n * n, where);
  assert.equal(s.means.length, n, where);
  assertFinite(s.pairs, 'pairs', where);
  assertFinite(s.means, 'means', where);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(s.pairs[i * n + i] - 1) < 1e-12, `${where} diagonal`);
  for (const v of [...s.pairs, ...s.means]) assert.ok(Math.abs(v) <= 1 + 1e-12, `${where} statistic ${v}`);
}

function checkWeights(bm, where) {
  const { weights, biases } = bm.getWeights();
  const n = bm.units;
  assertFinite(weights, 'weights', where);
  assertFinite(biases, 'biases', where);
  for (let i = 0; i < n; i++) {
    assert.equal(weights[i * n + i], 0, `${where} diagonal`);
    for (let j = 0; j < n; j++) assert.equal(weights[i * n + j], weights[j * n + i], `${where} symmetry`);
  }
}

function machineSpec(sc, method, slots, args, verify, restricted = false) {
  return {
    fn: `boltzmann.${method}`, names: NAMES,
    slots: slots.map(([index, kind, name]) => ({ index, kind, names: [name] })),
    make(r) {
      const v = makeMachine(sc, r, restricted);
      return { args: args(r, v), ...v };
    },
    call: (_, a, valid) => valid.bm[method](...a),
    cleanup: (valid) => valid.bm.dispose(),
    verify(res, valid, where) {
      verify?.(res, valid, where);
      checkWeights(valid.bm, where);
    },
  };
}

function specs(sc) {
  const gibbs = (r) => ({ sweeps: r.int(1, 30), anneal: r.int(0, 5), temperature: r.pick([0.5, 1, 2]) });
  return [
    {
      fn: 'createBoltzmann', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
      make: (r) => ({ args: [{ visible: r.int(1, 6), hidden: r.int(0, 4), seed: r.int(0, 9), restricted: r.bool() }] }),
      call: (s, a) => s.createBoltzmann(a[0]),
      verify(bm, valid, where, a) {
        assert.equal(bm.units, a[0].visible + (a[0].hidden ?? 0), where);
        checkWeights(bm, where);
        bm.dispose();
      },
    },
    machineSpec(sc, 'exactStats', [[0, 'array', 'data'], [1, 'object', 'options']],
      (r, v) => [v.data, { temperature: r.pick([0.5, 1, 3]) }],
      (res, valid, where) => {
        checkStats(res.data, valid.n, where);
        checkStats(res.model, valid.n, where);
        assert.ok(Number.isFinite(res.logZ) && res.logLikelihood <= 1e-12, `${where} loglik ${res.logLikelihood}`);
      }),
    machineSpec(sc, 'logLikelihood', [[0, 'array', 'data'], [1, 'object', 'options']], (r, v) => [v.data, {}],
      (ll, valid, where) => assert.ok(Number.isFinite(ll) && ll <= 1e-12, `${where} loglik ${ll}`)),
    machineSpec(sc, 'rbmLogLikelihood', [[0, 'array', 'data'], [1, 'object', 'options']], (r, v) => [v.data, {}],
      (ll, valid, where) => assert.ok(Number.isFinite(ll) && ll <= 1e-12, `${where} rbm loglik ${ll}`), true),
    machineSpec(sc, 'sampleStats', [[0, 'array', 'data'], [1, 'object', 'options']], (r, v) => [v.data, gibbs(r)],
      (res, valid, where) => { checkStats(res.data, valid.n, where); checkStats(res.model, valid.n, where); }),
    machineSpec(sc, 'learn', [[0, 'array', 'data'], [1, 'object', 'options']],
      (r, v) => [v.data, { epsilon: r.pick([0.01, 0.1]), epochs: r.int(1, 4), method: r.pick(v.restricted ? ['exact', 'gibbs', 'cd', 'pcd'] : ['exact', 'gibbs']), k: r.int(1, 3), ...gibbs(r) }],
      (trace, valid, where) => { assertFinite(trace, 'trace', where); assert.ok(trace.every((l) => l <= 1e-12), `${where} trace`); }),
    machineSpec(sc, 'setWeights', [[0, 'object', 'value']], (r, v) => {
      const w = new Float64Array(v.n * v.n);
      for (let i = 0; i < v.n; i++) for (let j = i + 1; j < v.n; j++) w[i * v.n + j] = w[j * v.n + i] = r.float() * 2 - 1;
      return [{ weights: w, biases: r.floats(v.n) }];
    }),
    machineSpec(sc, 'setMask', [[0, 'array', 'mask']], (r, v) => {
      const m = new Float64Array(v.n * v.n);
      for (let i = 0; i < v.n; i++) for (let j = i + 1; j < v.n; j++) m[i * v.n + j] = m[j * v.n + i] = r.bool() ? 1 : 0;
      return [m];
    }),
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const reenter = () => {
    const bm = sc.createBoltzmann({ visible: 2, hidden: 1, seed: 1 });
    bm.learn([1, -1], { epochs: 2 });
    bm.dispose();
  };
  for (const spec of specs(sc)) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 150 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
  test(`${simd ? 'simd' : 'scalar'}: no machine leaks from the hostile runs; a disposed machine throws`, () => {
    const all = [];
    for (let k = 0; k < sc.boltzmannLimits.maxMachines; k++) all.push(sc.createBoltzmann({ visible: 1 }));
    assert.throws(() => sc.createBoltzmann({ visible: 1 }), /createBoltzmann: .*machines/);
    all.forEach((bm) => bm.dispose());
    for (const m of ['exactStats', 'logLikelihood', 'rbmLogLikelihood', 'sampleStats', 'learn', 'getWeights', 'setWeights', 'setMask']) {
      assert.throws(() => all[0][m]([1]), new RegExp(`boltzmann.${m}: this boltzmann was disposed`));
    }
  });
}
