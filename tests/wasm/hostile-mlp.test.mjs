// Hostile and random arguments to the MLP functions of the binding
// (doubleMoon, createMLP and every method of a network), on both wasm
// builds (the property: helpers/hostile.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['options', 'n', 'r', 'w', 'd', 'seed', 'layers', 'activation', 'output', 'loss', 'x', 'y', 't',
  'epochs', 'eta', 'alpha', 'decay', 'batch', 'shuffle', 'x0', 'x1', 'y0', 'y1', 'nx', 'ny', 'out', 'g', 'weights', 'option'];
const LOSSES = [['linear', 1], ['logistic', 2], ['softmax', 3]];

function makeNet(sc, r) {
  const [output, nout] = r.pick(LOSSES);
  const hidden = r.int(0, 2);
  const layers = [2, ...Array.from({ length: hidden }, () => r.int(1, 6)), nout];
  const net = sc.createMLP({ layers, activation: r.pick(['logistic', 'tanh', 'relu', 'leaky-relu', 'linear']), output, seed: r.int(0, 99) });
  const count = r.int(1, 6);
  const x = r.floats(2 * count, 2);
  const y = output === 'linear' ? r.floats(count) : output === 'logistic'
    ? Float32Array.from({ length: count * 2 }, () => (r.bool() ? 1 : 0))
    : Array.from({ length: count }, () => r.int(0, 2));
  return { net, x, y, count, nout };
}

function netSpec(sc, method, slots, args, verify) {
  return {
    fn: `mlp.${method}`, names: NAMES,
    slots: slots.map(([index, kind, name]) => ({ index, kind, names: [name] })),
    make(r) {
      const v = makeNet(sc, r);
      return { args: args(r, v), ...v };
    },
    call: (_, a, valid) => valid.net[method](...a),
    cleanup: (valid) => valid.net.dispose(),
    verify(res, valid, where) {
      verify?.(res, valid, where);
      assertFinite(valid.net.getWeights(), 'weights', where);
    },
  };
}

function specs(sc) {
  return [
    {
      fn: 'doubleMoon', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
      make: (r) => ({ args: [{ n: r.int(1, 50), r: 10, w: r.pick([1, 6]), d: r.pick([1, -4]), seed: r.int(0, 9) }] }),
      call: (s, a) => s.doubleMoon(a[0]),
      verify(res, valid, where, a) {
        assert.equal(res.x.length, 2 * a[0].n, where);
        assertFinite(res.x, 'x', where);
        assert.ok(res.y.every((v) => v === 1 || v === -1), `${where} labels`);
      },
    },
    {
      fn: 'createMLP', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }], arrayKeys: ['layers'],
      make: (r) => ({ args: [{ layers: [2, r.int(1, 8), 1], activation: 'tanh', output: 'linear', loss: 'mse', seed: r.int(0, 9) }] }),
      call: (s, a) => s.createMLP(a[0]),
      verify(net, valid, where, a) {
        assert.equal(net.weightCount, a[0].layers[1] * 4 + 1, where);
        net.dispose();
      },
    },
    netSpec(sc, 'train', [[0, 'array', 'x'], [1, 'array', 'y'], [2, 'object', 'options']],
      (r, v) => [v.x, v.y, { epochs: r.int(1, 4), eta: r.pick([0.01, 0.1]), alpha: r.pick([0, 0.5]), decay: r.pick([0, 1e-3]), batch: r.int(0, 3), shuffle: r.bool() }],
      (trace, valid, where) => { assertFinite(trace, 'trace', where); assert.ok(trace.every((l) => l >= 0), `${where} loss >= 0`); }),
    netSpec(sc, 'predict', [[0, 'array', 'x']], (r, v) => [v.x],
      (out, valid, where) => { assert.equal(out.length, valid.count * valid.nout, where); assertFinite(out, 'out', where); }),
    netSpec(sc, 'predictGrid', [[0, 'object', 'options']], (r) => [{ x0: -1, x1: 1, y0: r.pick([-2, 0]), y1: 2, nx: r.int(2, 9), ny: r.int(2, 9) }],
      (out, valid, where) => assertFinite(out, 'out', where)),
    netSpec(sc, 'loss', [[0, 'array', 'x'], [1, 'array', 'y']], (r, v) => [v.x, v.y],
      (l, valid, where) => assert.ok(Number.isFinite(l) && l >= 0, `${where} loss ${l}`)),
    netSpec(sc, 'gradient', [[0, 'array', 'x'], [1, 'array', 'y']], (r, v) => [v.x, v.y],
      (g, valid, where) => { assert.equal(g.length, valid.net.weightCount, where); assertFinite(g, 'g', where); }),
    netSpec(sc, 'setWeights', [[0, 'array', 'w']], (r, v) => [r.floats(v.net.weightCount)]),
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  let calls = 0;
  const reenter = () => {
    const net = sc.createMLP({ layers: [2, 3 + (calls++ % 4), 1], seed: 1 });
    net.train([0, 1, 1, 0], [1, -1], { epochs: 2 });
    net.dispose();
  };
  for (const spec of specs(sc)) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 150 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
  test(`${simd ? 'simd' : 'scalar'}: no network leaks from the hostile runs; a disposed net throws`, () => {
    const nets = [];
    for (let k = 0; k < sc.mlpLimits.maxNetworks; k++) nets.push(sc.createMLP({ layers: [2, 1] }));
    assert.throws(() => sc.createMLP({ layers: [2, 1] }), /createMLP: .*networks/);
    nets.forEach((net) => net.dispose());
    for (const m of ['train', 'predict', 'loss', 'gradient', 'getWeights', 'setWeights', 'reset']) {
      assert.throws(() => nets[0][m]([0, 0], [1]), new RegExp(`mlp.${m}: this mlp was disposed`));
    }
  });
}
