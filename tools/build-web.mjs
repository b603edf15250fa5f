// Builds dist/ from the wasm builds, the binding and web/:
//   dist/wasm/simcore-{simd,scalar}.wasm  plain wasm, for the ES module over http and Node
//   dist/simcore.js   classic script, wasm embedded: window.simcore.loadSimcore()
//   dist/simcore.mjs  ES module, wasm embedded
//   dist/*            everything in web/
// Classic scripts with embedded wasm are what work from file:// (no fetch,
// no module imports there); see docs/architecture.md.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const wasm = {
  simd: path.join(root, 'build/wasm-simd/simcore.wasm'),
  scalar: path.join(root, 'build/wasm-scalar/simcore.wasm'),
};

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, 'wasm'), { recursive: true });
for (const [kind, file] of Object.entries(wasm)) await cp(file, path.join(dist, 'wasm', `simcore-${kind}.wasm`));

// The embedded replacement for bindings/wasm-source.mjs.
const b64 = Object.fromEntries(await Promise.all(
  Object.entries(wasm).map(async ([kind, file]) => [kind, (await readFile(file)).toString('base64')]),
));
const embeddedSource = `
const B64 = ${JSON.stringify(b64)};
export async function wasmBytes(kind) {
  const s = atob(B64[kind]);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}`;
const embedWasm = {
  name: 'embed-wasm',
  setup(b) {
    b.onResolve({ filter: /\/wasm-source\.mjs$/ }, () => ({ path: 'wasm-source', namespace: 'embedded' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({ contents: embeddedSource, loader: 'js' }));
  },
};

const common = {
  entryPoints: [path.join(root, 'bindings/simcore.mjs')],
  bundle: true,
  plugins: [embedWasm],
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, format: 'iife', globalName: 'simcore', outfile: path.join(dist, 'simcore.js') });
await build({ ...common, format: 'esm', outfile: path.join(dist, 'simcore.mjs') });

await cp(path.join(root, 'web'), dist, { recursive: true });
console.log(`build-web: wrote ${path.relative(root, dist)}/`);
