// LeNet-5 speed: training and inference images per second of both variants
// on the bundled MNIST subset, the SIMD wasm build against the scalar one in
// the same process. (Not yet: the ConvNetJS-style JS, TF.js and native C
// peers the issue asks for; docs/lenet.md.) Each number is the median of 5
// samples taken round-robin; the machine is shared, so compare ratios.
// node tests/bench/lenet.bench.mjs (after make build)
import { loadSimcore, mnistSubset } from '../../bindings/simcore.mjs';

const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const builds = { simd: await loadSimcore({ simd: true }), scalar: await loadSimcore({ simd: false }) };
const d = await mnistSubset();
const N = 1000;
const images = d.trainImages.subarray(0, N * 784), labels = d.trainLabels.subarray(0, N);

const rows = [];
for (const variant of ['lecun1998', 'modern']) {
  const nets = Object.fromEntries(Object.entries(builds).map(([k, sc]) => [k, sc.createLeNet5({ variant, seed: 1 })]));
  const t = { train: { simd: [], scalar: [] }, infer: { simd: [], scalar: [] } };
  for (let s = 0; s < 5; s++) {
    for (const k of ['simd', 'scalar']) {
      let t0 = performance.now();
      nets[k].trainEpoch(images, labels);
      t.train[k].push(N / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      nets[k].predict(images);
      t.infer[k].push(N / ((performance.now() - t0) / 1000));
    }
  }
  for (const what of ['train', 'infer']) {
    const simd = median(t[what].simd), scalar = median(t[what].scalar);
    rows.push(`| ${variant} | ${what} | ${Math.round(simd)} | ${Math.round(scalar)} | ${(simd / scalar).toFixed(2)} |`);
  }
  Object.values(nets).forEach((n) => n.dispose());
}
console.log('| network | pass | SIMD images/s | scalar images/s | SIMD / scalar |\n|---|---|---|---|---|\n' + rows.join('\n'));
