// Where the binding gets the wasm bytes when imported from the repository
// (Node, or a page served over http): dist/wasm/, written by `make build`.
// The browser bundles (dist/simcore.js, dist/simcore.mjs) replace this module
// with one that embeds the bytes, because fetch() fails from file://.
// `module` names one area's module (core/areas.txt); without it, the full core.
export async function wasmBytes(kind, module) {
  const url = new URL(`../../dist/wasm/simcore-${module ? `${module}-` : ''}${kind}.wasm`, import.meta.url);
  if (url.protocol === 'file:' && typeof process !== 'undefined' && process.versions?.node) {
    const { readFile } = await import('node:fs/promises');
    try {
      return await readFile(url);
    } catch (e) {
      throw new Error(`loadSimcore: cannot read ${url.pathname} (run \`make build\` first): ${e.message}`);
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`loadSimcore: cannot fetch ${url} (${response.status})`);
  return response.arrayBuffer();
}
