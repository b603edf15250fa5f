// The MLP binding (bindings/mlp.mjs) on both wasm builds: the double moon's
// shape and labels, gradients against central differences of the loss the
// binding reports, XOR learned, class indices for softmax, reset and seeds,
// the SIMD and scalar builds agreeing, disposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

const XOR_X = new Float32Array([-1, -1, -1, 1, 1, -1, 1, 1]);
const XOR_Y = new Float32Array([-1, 1, 1, -1]);

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: doubleMoon gives half of each moon on its half-annulus`, () => {
    const { x, y } = sc.doubleMoon({ n: 500, d: -1, seed: 4 });
    assert.equal(x.length, 1000);
    assert.equal(y.length, 500);
    let up = 0;
    for (let i = 0; i < 500; i++) {
      const upper = y[i] === 1;
      up += upper;
      const dx = x[2 * i] - (upper ? 0 : 10), dy = x[2 * i + 1] - (upper ? 0 : 1);
      const rho = Math.hypot(dx, dy);
      assert.ok(rho >= 7 - 1e-4 && rho <= 13 + 1e-4 && (upper ? dy >= -1e-5 : dy <= 1e-5), `point ${i}`);
    }
    assert.equal(up, 250);
    assert.deepEqual(sc.doubleMoon({ n: 500, d: -1, seed: 4 }).x, x, 'same seed, same points');
  });

  test(`${tag}: gradient() equals central differences of loss()`, () => {
    for (const [output, nout] of [['linear', 2], ['logistic', 2], ['softmax', 3]]) {
      const net = sc.createMLP({ layers: [3, 4, nout], activation: 'tanh', output, seed: 2 });
      const x = Float32Array.from({ length: 15 }, (_, i) => Math.sin(i + 1));
      const y = output === 'softmax' ? [0, 2, 1, 1, 0] : Float32Array.from({ length: 5 * nout }, (_, i) => (i % 2) * 0.8 + 0.1);
      const g = net.gradient(x, y);
      const w = net.getWeights();
      assert.equal(g.length, net.weightCount);
      let err = 0, norm = 0;
      for (let i = 0; i < w.length; i++) {
        const h = 1e-2; // float32 weights: a wide step, the loss is smooth
        const up = Float32Array.from(w); up[i] += h;
        const down = Float32Array.from(w); down[i] -= h;
        const fd = (net.setWeights(up).loss(x, y) - net.setWeights(down).loss(x, y)) / (up[i] - down[i]);
        err += (fd - g[i]) ** 2;
        norm += fd * fd;
      }
      assert.ok(Math.sqrt(err / norm) < 1e-3, `${output}: relative error ${Math.sqrt(err / norm)}`);
      net.dispose();
    }
  });

  test(`${tag}: XOR is learned online with momentum; reset returns the initial weights`, () => {
    const net = sc.createMLP({ layers: [2, 4, 1], activation: 'tanh', seed: 1 });
    const w0 = net.getWeights();
    const trace = net.train(XOR_X, XOR_Y, { epochs: 500, eta: 0.05, alpha: 0.9, batch: 1 });
    assert.equal(trace.length, 500);
    assert.ok(trace[499] < 0.01, `final loss ${trace[499]}`);
    const out = net.predict(XOR_X);
    for (let i = 0; i < 4; i++) assert.equal(Math.sign(out[i]), XOR_Y[i], `XOR(${i})`);
    assert.deepEqual(net.reset().getWeights(), w0);
    net.dispose();
    assert.throws(() => net.train(XOR_X, XOR_Y), /mlp.train: this mlp was disposed/);
  });

  test(`${tag}: softmax with class indices equals softmax with one-hot rows`, () => {
    const make = () => sc.createMLP({ layers: [2, 5, 3], activation: 'relu', output: 'softmax', seed: 8 });
    const a = make(), b = make();
    const x = Float32Array.from({ length: 12 }, (_, i) => Math.cos(3 * i));
    const labels = [0, 1, 2, 1, 0, 2];
    const onehot = new Float32Array(18);
    labels.forEach((c, i) => { onehot[3 * i + c] = 1; });
    assert.deepEqual(a.train(x, labels, { epochs: 5, batch: 2 }), b.train(x, onehot, { epochs: 5, batch: 2 }));
    const p = a.predictGrid({ x0: -1, x1: 1, y0: -1, y1: 1, nx: 3, ny: 2 });
    assert.equal(p.length, 18);
    for (let i = 0; i < 6; i++) assert.ok(Math.abs(p[3 * i] + p[3 * i + 1] + p[3 * i + 2] - 1) < 1e-5);
    a.dispose();
    b.dispose();
  });
}

// Online training agrees bit for bit (mlp-train.test.mjs); mini-batches go
// through GEMM, whose SIMD summation order differs: within float rounding.
test('the SIMD and scalar builds train mini-batches to the same weights (within float rounding)', async () => {
  const runs = [];
  for (const simd of [true, false]) {
    const sc = await loadSimcore({ simd });
    const { x, y } = sc.doubleMoon({ n: 200, seed: 1 });
    const xs = x.map((v) => v / 10);
    const net = sc.createMLP({ layers: [2, 8, 1], activation: 'tanh', seed: 3 });
    net.train(xs, Float32Array.from(y), { epochs: 3, eta: 0.01, alpha: 0.5, batch: 10 });
    runs.push(net.getWeights());
    net.dispose();
  }
  let worst = 0;
  for (let i = 0; i < runs[0].length; i++) worst = Math.max(worst, Math.abs(runs[0][i] - runs[1][i]));
  assert.ok(worst < 1e-3, `largest difference ${worst}`);
});
