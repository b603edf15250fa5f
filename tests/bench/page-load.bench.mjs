// Page load: how long each page of dist/ takes until it is usable, and what it
// downloads. `node tests/bench/page-load.bench.mjs [runs=5]` (after make build).
// For every page, over http (python's http.server on loopback) and from
// file://, in a fresh browser context each run (empty cache):
//   - usable (ms): from navigation start until the widget's `ready` promise
//     resolves (after its first drawn frame); for the gallery, to its footer line
//     (labels translated, core build named);
//   - wasm compiled on the page thread at load (KB), and script bytes fetched.
// Then the sizes of the scripts in dist/, raw and gzip (what a static host
// that compresses would send). Medians over the runs; the machine is shared,
// so differences under ~20 % are noise. Results go to docs/benchmarks.md by hand.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH, distDir, pageUrls, startServer } from '../browser/harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const PAGES = {
  'index.html': null,
  'gabor.html': 'simcore-gabor',
  'phase-plane.html': 'simcore-phase-plane',
  'izhikevich.html': 'simcore-izhikevich',
  'hopfield.html': 'simcore-hopfield',
  'backprop.html': 'simcore-mlp',
  'network.html': 'simcore-network',
  'engine.html': 'simcore-conv',
};
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

/** Runs in the page before its scripts: note when it becomes usable and which wasm it compiles. */
function instrument(widget) {
  window.__load = { usable: null, wasmBytes: 0 };
  const size = (b) => (b instanceof WebAssembly.Module ? 0 : b.byteLength ?? 0);
  for (const name of ['compile', 'instantiate']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = function (bytes, ...rest) {
      window.__load.wasmBytes += size(bytes);
      return orig.call(this, bytes, ...rest);
    };
  }
  const done = () => { window.__load.usable ??= performance.now(); };
  if (widget) {
    // The widget is upgraded by the page's scripts, which run before this.
    document.addEventListener('DOMContentLoaded', () => document.querySelector(widget).ready.then(done));
  } else {
    new MutationObserver(() => {
      if (document.getElementById('status')?.textContent.startsWith('simcore')) done();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }
}

const server = await startServer();
const browser = await chromium.launch(LAUNCH);
const rows = [];
try {
  for (const [page, widget] of Object.entries(PAGES)) {
    for (const how of ['http', 'file']) {
      const usable = [];
      let wasmKB = 0;
      let scriptKB = 0;
      for (let i = 0; i < runs; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const p = await ctx.newPage();
        let scripts = 0;
        p.on('requestfinished', async (r) => {
          if (r.resourceType() === 'script') scripts += (await r.sizes()).responseBodySize;
        });
        await p.addInitScript(instrument, widget);
        await p.goto(pageUrls(server, page)[how]);
        await p.waitForFunction(() => window.__load.usable !== null, null, { timeout: 60000 });
        const r = await p.evaluate(() => window.__load);
        usable.push(r.usable);
        wasmKB = r.wasmBytes / 1024;
        scriptKB = scripts / 1024;
        await ctx.close();
      }
      rows.push({ page, how, usable: median(usable), min: Math.min(...usable), wasmKB, scriptKB });
    }
  }
} finally {
  await browser.close();
  server.child.kill();
}

console.log(`Page load, median of ${runs} runs (fresh context each):\n`);
console.log('| page | via | usable after (ms) | fastest (ms) | wasm compiled on the page thread (KB) | script bytes fetched (KB) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const fetched = r.how === 'http' ? r.scriptKB.toFixed(0) : '—';
  console.log(`| ${r.page} | ${r.how} | ${r.usable.toFixed(0)} | ${r.min.toFixed(0)} | ${r.wasmKB.toFixed(0)} | ${fetched} |`);
}

console.log('\nScripts in dist/:\n');
console.log('| file | raw (KB) | gzip (KB) |');
console.log('|---|---|---|');
const files = readdirSync(distDir).filter((f) => /\.(m?js)$/.test(f))
  .concat(readdirSync(path.join(distDir, 'wasm')).map((f) => `wasm/${f}`));
for (const f of files.sort()) {
  const data = readFileSync(path.join(distDir, f));
  console.log(`| ${f} | ${(data.length / 1024).toFixed(0)} | ${(gzipSync(data).length / 1024).toFixed(0)} |`);
}
