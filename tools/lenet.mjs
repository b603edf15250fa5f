// LeNet-5 from the command line (docs/lenet.md):
//   node tools/lenet.mjs train --idx DIR --net lecun1998|modern --epochs N [--seed S] [--lr X] [--batch B]
// DIR holds train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz],
// t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] (MNIST or
// Fashion-MNIST). Without --idx: the bundled subset (dist/mnist-subset.js).
// Prints the test error and the time of every epoch.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSimcore, mnistSubset, readIdx } from '../bindings/simcore.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { idx: { type: 'string' }, net: { type: 'string', default: 'lecun1998' }, epochs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' }, lr: { type: 'string' }, batch: { type: 'string' } },
});
if (positionals[0] !== 'train') {
  console.error('usage: node tools/lenet.mjs train [--idx DIR] [--net lecun1998|modern] [--epochs N] [--seed S] [--lr X] [--batch B]');
  process.exit(2);
}

async function idxFile(dir, stem) {
  for (const name of [stem, `${stem}.gz`]) {
    const file = path.join(dir, name);
    try {
      await access(file);
      return (await readIdx(await readFile(file))).data;
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  throw new Error(`lenet: ${stem}[.gz] not found in ${dir}`);
}

const data = values.idx
  ? {
      trainImages: await idxFile(values.idx, 'train-images-idx3-ubyte'), trainLabels: await idxFile(values.idx, 'train-labels-idx1-ubyte'),
      testImages: await idxFile(values.idx, 't10k-images-idx3-ubyte'), testLabels: await idxFile(values.idx, 't10k-labels-idx1-ubyte'),
    }
  : await mnistSubset();
const sc = await loadSimcore();
const net = sc.createLeNet5({ variant: values.net, seed: Number(values.seed) });
const opts = {};
if (values.lr) opts.lr = Number(values.lr);
if (values.batch) opts.batch = Number(values.batch);
console.log(`lenet: ${values.net}, ${data.trainLabels.length} train / ${data.testLabels.length} test, simd ${sc.simd}`);
for (let e = 1; e <= Number(values.epochs); e++) {
  const t0 = performance.now();
  const { loss } = net.trainEpoch(data.trainImages, data.trainLabels, opts);
  const seconds = (performance.now() - t0) / 1000;
  const { errorRate } = net.evaluate(data.testImages, data.testLabels);
  console.log(`epoch ${e}: loss ${loss.toFixed(4)}, test error ${(100 * errorRate).toFixed(2)} %, ${seconds.toFixed(1)} s (${Math.round(data.trainLabels.length / seconds)} images/s)`);
}
net.dispose();
