// Hostile and random arguments to the LeNet functions of the binding
// (createLeNet5, every method of a network, readIdx), on both wasm builds
// (the property: helpers/hostile.mjs). Valid calls are checked for real
// values: finite losses and weights, scores finite (softmax rows summing
// to 1, RBF scores <= 0), confusion matrices summing to the count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, readIdx } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, genericHostile, rng, SEED } from './helpers/hostile.mjs';

const NAMES = ['options', 'variant', 'seed', 'images', 'labels', 'lr', 'batch', 'loss', 'onProgress', 'weights', 'bytes', 'lenet'];

function makeNet(sc, r) {
  const variant = r.pick(['lecun1998', 'modern']);
  const net = sc.createLeNet5({ variant, seed: r.int(0, 99) });
  const count = r.int(1, 3);
  const images = Uint8Array.from({ length: count * 784 }, () => r.int(0, 255));
  const labels = Uint8Array.from({ length: count }, () => r.int(0, 9));
  return { net, images, labels, count, variant };
}

function checkScores(s, v, where) {
  assert.equal(s.length, v.count * 10, where);
  assertFinite(s, 'scores', where);
  for (let n = 0; n < v.count; n++) {
    const row = s.subarray(n * 10, n * 10 + 10);
    if (v.variant === 'modern') assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5, `${where} softmax row`);
    else assert.ok(row.every((x) => x <= 0), `${where} RBF scores`);
  }
}

function netSpec(sc, method, slots, args, verify) {
  return {
    fn: `lenet.${method}`, names: NAMES,
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
      fn: 'createLeNet5', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
      make: (r) => ({ args: [{ variant: r.pick(['lecun1998', 'modern']), seed: r.int(0, 9) }] }),
      call: (s, a) => s.createLeNet5(a[0]),
      verify(net, valid, where, a) {
        const variant = a[0]?.variant ?? 'lecun1998';
        assert.equal(net.variant, variant, where);
        assert.equal(net.weightCount, variant === 'modern' ? 61706 : 60000, where);
        net.dispose();
      },
    },
    netSpec(sc, 'trainEpoch', [[0, 'array', 'images'], [1, 'array', 'labels'], [2, 'object', 'options']],
      (r, v) => [v.images, v.labels, { lr: r.pick([0.001, 0.01]), batch: r.int(1, 4) }],
      (res, valid, where) => assert.ok(Number.isFinite(res.loss) && res.passes === 1, `${where} ${JSON.stringify(res)}`)),
    netSpec(sc, 'evaluate', [[0, 'array', 'images'], [1, 'array', 'labels']], (r, v) => [v.images, v.labels],
      (res, valid, where) => {
        assert.equal(res.confusion.reduce((a, b) => a + b, 0), valid.count, where);
        assert.ok(res.errorRate >= 0 && res.errorRate <= 1, where);
      }),
    netSpec(sc, 'predict', [[0, 'array', 'images']], (r, v) => [v.images], (s, valid, where) => checkScores(s, valid, where)),
    netSpec(sc, 'setWeights', [[0, 'array', 'weights']], (r, v) => [Float32Array.from(v.net.getWeights(), (w) => w * r.pick([0.5, 1, 2]))]),
  ];
}

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const reenter = () => {
    const net = sc.createLeNet5({ variant: 'modern', seed: 1 });
    net.predict(new Uint8Array(784));
    net.dispose();
  };
  for (const spec of specs(sc)) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: 120 });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
  test(`${simd ? 'simd' : 'scalar'}: no network leaks from the hostile runs; a disposed network throws`, () => {
    const all = [];
    for (let k = 0; k < sc.lenetLimits.maxNets; k++) all.push(sc.createLeNet5());
    assert.throws(() => sc.createLeNet5(), /createLeNet5: .*nets/);
    all.forEach((n) => n.dispose());
    for (const m of ['trainEpoch', 'evaluate', 'predict', 'getWeights', 'setWeights']) {
      assert.throws(() => all[0][m](new Uint8Array(784), new Uint8Array(1)), new RegExp(`lenet.${m}: this lenet was disposed`));
    }
  });
}

test('readIdx with hostile arguments rejects with TypeError/RangeError/Error naming bytes or the file', async () => {
  const r = rng(SEED);
  let rejected = 0;
  for (let i = 0; i < 200; i++) {
    const [label, value] = r.bool() ? genericHostile(r) : ['random bytes', Uint8Array.from({ length: r.int(0, 40) }, () => r.int(0, 255))];
    try {
      const res = await readIdx(value);
      // random bytes can form a valid file: then dims and data agree
      assert.equal(res.data.length, res.dims.reduce((a, b) => a * b, 1), label);
    } catch (e) {
      assert.ok([TypeError, RangeError, Error].includes(e.constructor), `${label}: ${e}`);
      assert.ok(/^readIdx: /.test(e.message) && /bytes|magic|truncated|mismatched|gzip|dimension/.test(e.message), `${label}: ${e.message}`);
      rejected++;
    }
  }
  assert.ok(rejected > 150, `rejected ${rejected}`);
});
