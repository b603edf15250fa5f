// Hostile and random arguments to the MLP functions of the binding
// (doubleMoon, createMLP and every method of a network), on both wasm
// builds (the property: helpers/hostile.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['options', 'n', 'r', 'w', 'd', 'seed', 'layers', 'activation', 'output', 'loss', 'x', 'y', 't',
  'epochs', 'eta', 'alpha', 'decay', 'batch', 'shuffle', 'x0', 'x1', 'y0', 'y1', 'nx', 'ny', 'out', 'g', 'weights', 'option',
  'etaEnd', 'schedule', 'gradTol', 'changeTol', 'patience', 'monitor', 'xTest', 'yTest', 'gradNorm', 'ntest', 'xtest', 'ttest',
  'scheduleEpochs', 'scheduleFrom', 'schedule_epochs', 'schedule_from',
  'trace', 'test loss', 'dim', 'centre', 'decorrelate', 'equalise', 'whiten', 'mean', 'matrix', 'rate'];
const STOPS = ['epochs', 'gradient', 'error-change', 'test-error'];
const LOSSES = [['linear', 1], ['logistic', 2], ['softmax', 3]];

function makeNet(sc, r) {
  const [output, nout] = r.pick(LOSSES);
  const hidden = r.int(0, 2);
  const layers = [2, ...Array.from({ length: hidden }, () => r.int(1, 6)), nout];
  const net = sc.createMLP({ layers, activation: r.pick(['logistic', 'tanh', 'relu', 'leaky-relu', 'linear']), output, seed: r.int(0, 99) });
  return { net, ...makeData(r, output, 2), nout, output, nin: 2 };
}

// Training options: the old ones plus a random subset of the schedules and
// stopping rules, with test data drawn like the training data.
function trainOptions(r, v) {
  const o = { epochs: r.int(1, 4), eta: r.pick([0.01, 0.1]), alpha: r.pick([0, 0.5]), decay: r.pick([0, 1e-3]), batch: r.int(0, 3), shuffle: r.bool() };
  if (r.bool()) Object.assign(o, { etaEnd: r.pick([0.001, 0.005]), schedule: r.pick(['linear', 'haykin']) });
  if (r.bool(0.3)) {
    // A place in a longer schedule (the hostile runs try the places outside it).
    o.scheduleEpochs = o.epochs + r.int(0, 3);
    if (r.bool()) o.scheduleFrom = r.int(0, o.scheduleEpochs - o.epochs);
  }
  if (r.bool(0.3)) o.gradTol = r.pick([1e-3, 1]);
  if (r.bool(0.3)) o.changeTol = r.pick([1e-4, 1]);
  if (r.bool(0.3)) o.gradNorm = r.bool();
  if (r.bool()) {
    const t = makeData(r, v.output, v.nin);
    Object.assign(o, { xTest: t.x, yTest: t.y, patience: r.int(0, 2), monitor: r.pick(['loss', 'error']) });
  }
  return o;
}

function verifyFit(res, valid, where, a) {
  const budget = Number.isInteger(a[2]?.epochs) ? a[2].epochs : 1; // options may have been replaced
  assert.ok(res.epochs >= 1 && res.epochs <= budget && STOPS.includes(res.stopped), `${where} ${res.epochs} ${res.stopped}`);
  assertFinite(res.loss, 'loss', where);
  assertFinite(res.eta, 'eta', where);
  assert.ok(res.loss.length === res.epochs && res.eta.every((e) => e > 0), `${where} records`);
  if (res.testLoss) assert.ok(res.testError.every((e) => e >= 0 && e <= 1) && res.bestEpoch < res.epochs, `${where} test records`);
}

// Points and targets of one of the three output kinds (count 1..6).
function makeData(r, output, nin) {
  const count = r.int(1, 6);
  const x = r.floats(nin * count, 2);
  const y = output === 'linear' ? r.floats(count) : output === 'logistic'
    ? Float32Array.from({ length: count * 2 }, () => (r.bool() ? 1 : 0))
    : Array.from({ length: count }, () => r.int(0, 2));
  return { x, y, count };
}

function netSpec(sc, method, slots, args, verify) {
  return {
    fn: `mlp.${method}`, names: NAMES, arrayKeys: ['xTest', 'yTest'],
    slots: slots.map(([index, kind, name]) => ({ index, kind, names: [name] })),
    make(r) {
      const v = makeNet(sc, r);
      return { args: args(r, v), ...v };
    },
    call: (_, a, valid) => valid.net[method](...a),
    cleanup: (valid) => valid.net.dispose(),
    verify(res, valid, where, a) {
      verify?.(res, valid, where, a);
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
        try { // layers may arrive in another container (arrayKeys): count from what was given
          const layers = Array.from(a[0].layers);
          assert.deepEqual(net.layers, layers, where);
          assert.equal(net.weightCount, layers.slice(1).reduce((n, u, l) => n + u * (layers[l] + 1), 0), where);
        } finally {
          net.dispose();
        }
      },
    },
    netSpec(sc, 'train', [[0, 'array', 'x'], [1, 'array', 'y'], [2, 'object', 'options']],
      (r, v) => [v.x, v.y, trainOptions(r, v)],
      (trace, valid, where) => { assertFinite(trace, 'trace', where); assert.ok(trace.length >= 1 && trace.every((l) => l >= 0), `${where} loss >= 0`); }),
    netSpec(sc, 'fit', [[0, 'array', 'x'], [1, 'array', 'y'], [2, 'object', 'options']],
      (r, v) => [v.x, v.y, trainOptions(r, v)], verifyFit),
    netSpec(sc, 'errorRate', [[0, 'array', 'x'], [1, 'array', 'y']], (r, v) => [v.x, v.y],
      (rate, valid, where) => assert.ok(rate >= 0 && rate <= 1, `${where} rate ${rate}`)),
    {
      fn: 'fitPreprocess', names: NAMES,
      slots: [{ index: 0, kind: 'array', names: ['x'] }, { index: 1, kind: 'value', names: ['dim'] }, { index: 2, kind: 'object', names: ['options'] }],
      make(r) {
        const dim = r.int(1, 4);
        const options = r.bool(0.2) ? undefined : Object.fromEntries(['centre', 'decorrelate', 'equalise', 'whiten'].filter(() => r.bool()).map((k) => [k, true]));
        return { args: [r.floats(dim * r.int(1, 8), 3), dim, options] };
      },
      call: (s, a) => s.fitPreprocess(...a),
      verify(pre, valid, where, a) {
        assert.ok(pre.mean.length === pre.dim && pre.matrix.length === pre.dim ** 2, where);
        assertFinite(pre.matrix, 'matrix', where);
        assertFinite(pre.apply(a[0]), 'apply', where);
      },
    },
    {
      fn: 'preprocess.apply', names: NAMES, slots: [{ index: 0, kind: 'array', names: ['x'] }],
      make(r) {
        const dim = r.int(1, 4);
        const pre = sc.fitPreprocess(r.floats(dim * r.int(2, 8), 3), dim, { whiten: r.bool() });
        return { args: [r.floats(dim * r.int(1, 8), 3)], pre };
      },
      call: (s, a, valid) => valid.pre.apply(...a),
      verify: (z, valid, where) => assertFinite(z, 'z', where),
    },
    netSpec(sc, 'predict', [[0, 'array', 'x']], (r, v) => [v.x],
      (out, valid, where, a) => { assert.equal(out.length, (a[0].length / 2) * valid.nout, where); assertFinite(out, 'out', where); }),
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
    for (const m of ['train', 'fit', 'errorRate', 'predict', 'loss', 'gradient', 'getWeights', 'setWeights', 'reset']) {
      assert.throws(() => nets[0][m]([0, 0], [1]), new RegExp(`mlp.${m}: this mlp was disposed`));
    }
  });
}
