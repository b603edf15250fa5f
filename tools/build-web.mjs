// Builds dist/ from the wasm builds, the binding and web/:
//   dist/wasm/simcore-{simd,scalar}.wasm  plain wasm, for the ES module over http and Node
//   dist/simcore.js   classic script, SIMD wasm embedded: window.simcore.loadSimcore()
//   dist/simcore.mjs  ES module, SIMD wasm embedded
//   dist/simcore-scalar.{js,mjs}  the scalar wasm, loaded by the bundles on demand
//   dist/simcore-widgets.js  classic script defining every widget (custom
//                     elements), SIMD wasm embedded once, compute worker inlined
//   dist/simcore-<area>.js   the same for one area of web/widgets/areas.mjs:
//                     what that area's pages load
//   dist/simcore-labels.js  the gallery's labels, SIMD probe and core version
//   dist/vendor/katex/ KaTeX's stylesheet and fonts, for the pre-rendered equations
//   dist/*            everything in web/ (web/widgets/ sources are bundled, not copied),
//                     each page's head from one template (tools/page-head.mjs);
//                     <tex>…</tex> and <tex-block>…</tex-block> in pages are
//                     typeset at build time, so pages need no script for math;
//                     KaTeX's inline styles become classes in vendor/katex/typeset.css
//   dist/examples/    examples/, next to a copy of simcore-widgets.js, and
//                     examples/slides/ with reveal.js (script, CSS, white theme)
// Classic scripts with embedded wasm are what work from file:// (no fetch,
// no module imports there); see docs/architecture.md.
import { build } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { stylesToClasses, stylesheet } from './katex-styles.mjs';
import { expandHead } from './page-head.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const wasm = {
  simd: path.join(root, 'build/wasm-simd/simcore.wasm'),
  scalar: path.join(root, 'build/wasm-scalar/simcore.wasm'),
};

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, 'wasm'), { recursive: true });
for (const [kind, file] of Object.entries(wasm)) await cp(file, path.join(dist, 'wasm', `simcore-${kind}.wasm`));

// The embedded replacements for bindings/core/wasm-source.mjs. The SIMD build is
// embedded as base64 in every bundle; the scalar build, which only the
// SIMD/scalar switch or an engine without SIMD128 needs, lives in a file of
// its own next to the bundle and is loaded (and decoded) on first request:
// simcore-scalar.js, a classic script that sets globalThis.simcoreScalarWasm
// (a <script src> works from file:// and under script-src 'self'), and
// simcore-scalar.mjs, an ES module, for dist/simcore.mjs.
const b64 = Object.fromEntries(await Promise.all(
  Object.entries(wasm).map(async ([kind, file]) => [kind, (await readFile(file)).toString('base64')]),
));
const decodeSource = `
const SIMD = ${JSON.stringify(b64.simd)};
const base64 = {};
function decode(s) {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
/** Fresh bytes on every call (callers may transfer them); the text is fetched once. */
export async function wasmBytes(kind) {
  if (kind === 'simd') return decode(SIMD);
  base64.scalar ??= scalarBase64();
  try {
    return decode(await base64.scalar);
  } catch (err) {
    base64.scalar = null; // let a later request try again
    throw err;
  }
}`;
const classicSource = `${decodeSource}
// The bundle's own address, read while it runs: the scalar file sits next to it.
const HERE = (typeof document !== 'undefined' && document.currentScript?.src) || globalThis.location?.href;
function scalarBase64() {
  if (globalThis.simcoreScalarWasm) return Promise.resolve(globalThis.simcoreScalarWasm);
  const url = new URL('simcore-scalar.js', HERE).href;
  return new Promise((resolve, reject) => {
    const failed = () => reject(new Error(\`simcore: cannot load the scalar build from \${url} (keep simcore-scalar.js next to this script)\`));
    const s = document.createElement('script');
    s.src = url;
    s.onload = () => (globalThis.simcoreScalarWasm ? resolve(globalThis.simcoreScalarWasm) : failed());
    s.onerror = failed;
    (document.head ?? document.documentElement).append(s);
  });
}`;
const moduleSource = `${decodeSource}
async function scalarBase64() {
  return (await import('./simcore-scalar.mjs')).default;
}`;
const embedWasm = (contents) => ({
  name: 'embed-wasm',
  setup(b) {
    b.onResolve({ filter: /\/wasm-source\.mjs$/ }, () => ({ path: 'wasm-source', namespace: 'embedded' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({ contents, loader: 'js' }));
    b.onResolve({ filter: /^\.\/simcore-scalar\.mjs$/ }, (a) => ({ path: a.path, external: true }));
  },
});
await writeFile(path.join(dist, 'simcore-scalar.js'),
  `// simcore's scalar wasm build (base64), loaded by simcore.js or simcore-widgets.js when needed.\nglobalThis.simcoreScalarWasm = ${JSON.stringify(b64.scalar)};\n`);
await writeFile(path.join(dist, 'simcore-scalar.mjs'),
  `// simcore's scalar wasm build (base64), imported by simcore.mjs when needed.\nexport default ${JSON.stringify(b64.scalar)};\n`);

const common = {
  entryPoints: [path.join(root, 'bindings/simcore.mjs')],
  bundle: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, plugins: [embedWasm(classicSource)], format: 'iife', globalName: 'simcore', outfile: path.join(dist, 'simcore.js') });
await build({ ...common, plugins: [embedWasm(moduleSource)], format: 'esm', outfile: path.join(dist, 'simcore.mjs') });


// Widgets, one script per area (dist/simcore-<area>.js, what the area's pages
// load) and one with every area (dist/simcore-widgets.js, for embedding); the
// areas come from web/widgets/areas.mjs. For each, the worker body is bundled
// first (its wasm comes from the page in a message), then inlined as a string
// into the widget script, which starts it from a blob: URL (workers from files
// are blocked on file://).
const noEmbeddedWasm = {
  name: 'no-embedded-wasm',
  setup(b) {
    b.onResolve({ filter: /\/wasm-source\.mjs$/ }, () => ({ path: 'wasm-source', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export async function wasmBytes() { throw new Error("the worker gets its wasm from the page"); }',
      loader: 'js',
    }));
  },
};
const { AREAS } = await import('../web/widgets/areas.mjs');
const widgetsDir = path.join(root, 'web/widgets');
const areaFile = (name, file) => path.join(widgetsDir, name, file);
const areaJobs = (names) => names.filter((n) => existsSync(areaFile(n, 'jobs.mjs')));
const areaSessions = (names) => names.filter((n) => existsSync(areaFile(n, 'sessions.mjs')));
// virtual:area-elements, -jobs, -sessions and -labels for the chosen areas.
const areaModules = (names) => ({
  name: 'area-modules',
  setup(b) {
    b.onResolve({ filter: /^virtual:area-(elements|jobs|sessions|labels)$/ }, (a) => ({ path: a.path.slice(8), namespace: 'areas' }));
    b.onLoad({ filter: /.*/, namespace: 'areas' }, (a) => {
      const q = JSON.stringify;
      const lines = {
        'area-elements': () => [...names.map((n, i) => `import { ELEMENTS as e${i} } from ${q(areaFile(n, 'index.mjs'))};`),
          `export default [${names.map((_, i) => `e${i}`).join(', ')}];`],
        'area-jobs': () => [...areaJobs(names).map((n, i) => `import { JOBS as j${i} } from ${q(areaFile(n, 'jobs.mjs'))};`),
          `export default Object.assign({}, ${areaJobs(names).map((_, i) => `j${i}`).join(', ')});`],
        // Session kinds by area: { hopfield: { net: {...} } } (shared/session-host.mjs).
        'area-sessions': () => [...areaSessions(names).map((n, i) => `import { SESSIONS as s${i} } from ${q(areaFile(n, 'sessions.mjs'))};`),
          `export default { ${areaSessions(names).map((n, i) => `${q(n)}: s${i}`).join(', ')} };`],
        'area-labels': () => [`import { registerLabels } from ${q(path.join(widgetsDir, 'shared/i18n.mjs'))};`,
          ...names.flatMap((n, i) => [`import en${i} from ${q(areaFile(n, 'lang.en.mjs'))};`, `import zh${i} from ${q(areaFile(n, 'lang.zh.mjs'))};`,
            `registerLabels({ en: en${i}, zh: zh${i} });`])],
      }[a.path];
      return { contents: lines().join('\n'), loader: 'js', resolveDir: widgetsDir };
    });
  },
});
async function buildWidgets(names, outfile) {
  const workerBuild = await build({
    entryPoints: [path.join(widgetsDir, 'shared/worker.mjs')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noEmbeddedWasm, areaModules(names)],
  });
  const workerSource = {
    name: 'worker-source',
    setup(b) {
      b.onResolve({ filter: /^virtual:worker-source$/ }, () => ({ path: 'worker-source', namespace: 'embedded' }));
      b.onLoad({ filter: /^worker-source$/, namespace: 'embedded' }, () => ({
        contents: `export default ${JSON.stringify(workerBuild.outputFiles[0].text)};`, loader: 'js',
      }));
    },
  };
  await build({
    ...common,
    entryPoints: [path.join(widgetsDir, 'index.mjs')],
    plugins: [workerSource, areaModules(names), embedWasm(classicSource)],
    loader: { '.css': 'text' }, // uPlot's stylesheet goes into the widgets' shadow roots
    minify: true, // a lecturer copies this one file around; keep it small
    format: 'iife',
    globalName: 'simcoreWidgets',
    outfile: path.join(dist, outfile),
  });
}
await buildWidgets(AREAS.map((a) => a.name), 'simcore-widgets.js');
for (const a of AREAS) await buildWidgets([a.name], `simcore-${a.name}.js`);

// The gallery needs labels and the name of the build, not the widgets or the
// core: simcore-labels.js is the i18n module (the same tables the widgets
// use), the SIMD probe and the core's version, read here from the wasm.
const { loadSimcore } = await import('../bindings/simcore.mjs');
const coreVersion = (await loadSimcore({ wasm: await readFile(wasm.scalar), simd: false })).version;
await build({
  ...common,
  entryPoints: [path.join(root, 'web/widgets/labels.mjs')],
  plugins: [areaModules(AREAS.map((a) => a.name)), {
    name: 'core-version',
    setup(b) {
      b.onResolve({ filter: /^virtual:core-version$/ }, () => ({ path: 'core-version', namespace: 'embedded' }));
      b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({ contents: `export default ${JSON.stringify(coreVersion)};`, loader: 'js' }));
    },
  }],
  minify: true,
  format: 'iife',
  globalName: 'simcoreLabels',
  outfile: path.join(dist, 'simcore-labels.js'),
});

await cp(path.join(root, 'web'), dist, {
  recursive: true,
  filter: (src) => path.relative(path.join(root, 'web'), src) !== 'widgets',
});
const katexRules = new Map();
await typesetPages(dist);

// KaTeX: only the stylesheet and woff2 fonts are needed for typeset HTML.
const katexDir = path.join(root, 'node_modules/katex/dist');
await mkdir(path.join(dist, 'vendor/katex/fonts'), { recursive: true });
await cp(path.join(katexDir, 'katex.min.css'), path.join(dist, 'vendor/katex/katex.min.css'));
for (const f of await readdir(path.join(katexDir, 'fonts'))) {
  if (f.endsWith('.woff2')) await cp(path.join(katexDir, 'fonts', f), path.join(dist, 'vendor/katex/fonts', f));
}
await cp(path.join(katexDir, '../LICENSE'), path.join(dist, 'vendor/katex/LICENSE'));

// Examples open from disk next to their own copy of the widget script.
if (existsSync(path.join(root, 'examples'))) {
  await cp(path.join(root, 'examples'), path.join(dist, 'examples'), { recursive: true });
  for (const f of ['simcore-widgets.js', 'simcore-scalar.js']) await cp(path.join(dist, f), path.join(dist, 'examples', f));
  // The slide deck: reveal.js's script, its stylesheet and the white theme
  // (whose fonts are inlined as data: URLs, so nothing is fetched).
  const reveal = path.join(root, 'node_modules/reveal.js');
  const slides = path.join(dist, 'examples/slides');
  await mkdir(path.join(slides, 'reveal/theme'), { recursive: true });
  for (const f of ['dist/reveal.js', 'dist/reveal.css', 'dist/theme/white.css', 'LICENSE']) {
    await cp(path.join(reveal, f), path.join(slides, 'reveal', f.replace(/^dist\//, '')));
  }
  await typesetPages(slides);
}
await writeFile(path.join(dist, 'vendor/katex/typeset.css'), stylesheet(katexRules));
// Every page's head from one template (tools/page-head.mjs).
for (const [dir, root] of [[dist, ''], [path.join(dist, 'examples'), '../'], [path.join(dist, 'examples/slides'), '../../']]) {
  if (!existsSync(dir)) continue;
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.html')) continue;
    const file = path.join(dir, f);
    await writeFile(file, expandHead(await readFile(file, 'utf8'), root, path.relative(dist, file)));
  }
}

/**
 * Replace <tex>…</tex> (inline) and <tex-block>…</tex-block> (display) in
 * dist/*.html by KaTeX HTML, its style attributes turned into classes.
 */
async function typesetPages(dir) {
  const katex = (await import('katex')).default;
  const entity = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
  const decode = (s) => s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => entity[m]);
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.html')) continue;
    const file = path.join(dir, f);
    const html = await readFile(file, 'utf8');
    const out = html.replace(/<tex(-block)?>([\s\S]*?)<\/tex\1>/g, (_, block, tex) => stylesToClasses(katex.renderToString(decode(tex), {
      displayMode: Boolean(block), throwOnError: true, output: 'htmlAndMathml', strict: 'error',
    }), katexRules));
    if (out !== html) await writeFile(file, out);
  }
}
console.log(`build-web: wrote ${path.relative(root, dist)}/`);
