// Where mnistSubset gets the packed digits when the binding is imported from
// the repository in Node: dist/mnist-subset.js, written by `make build`. The
// browser bundles replace this module with one that throws (a page loads
// that file as a classic script instead; fetch() fails from file://).
export async function packedText() {
  const url = new URL('../../dist/mnist-subset.js', import.meta.url);
  if (url.protocol !== 'file:' || typeof process === 'undefined' || !process.versions?.node) {
    throw new Error('mnistSubset: load dist/mnist-subset.js (a classic script) before calling it');
  }
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(url, 'utf8');
  } catch (e) {
    throw new Error(`mnistSubset: cannot read ${url.pathname} (run \`make build\` first): ${e.message}`);
  }
}
