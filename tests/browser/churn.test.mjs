// Widget churn: each kind of widget created and removed 1,000 times in one
// page (every 100th one shown until it has drawn, so its core, workers,
// observers and animation frames really start) leaves the JS heap, the wasm
// memory and the worker count where they were after a warm-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls } from './harness.mjs';

const KINDS = {
  'simcore-gabor': { imagesize: '128', orientations: '4' },
  'simcore-phase-plane': { traj: '1,0;-1,1', fieldstyle: 'streamlines' }, // streamlines: a worker
  'simcore-izhikevich': { t1: '200' },
  'simcore-hopfield': { size: '8' },
  'simcore-mlp': { n: '100', ntest: '100' },
  'simcore-network': { ne: '40', ni: '10' },
  'simcore-conv': { imagesize: '128' },
  'simcore-boltzmann': { set: 'bars3' },
};
const ROUNDS = 1000;
// 1,000 widgets that each kept 2 KB would add 2 MB.
const HEAP_SLACK = 2 * 1024 * 1024;

/** In the page: create and remove `n` widgets; every `every`-th is waited for until drawn. */
function churn([tag, attrs, n, every]) {
  return (async () => {
    for (let i = 0; i < n; i++) {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.prepend(el); // on screen, so it starts computing
      if (i % every === 0) {
        await el.ready;
        window.__sc = el.sc ?? window.__sc;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      el.remove();
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    // Let removals (a microtask each) and pending frames finish.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  })();
}

await withBrowser(async (browser, server) => {
  test(`each widget kind created and removed ${ROUNDS} times keeps JS heap, wasm memory and workers flat`, async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await p.goto(pageUrls(server, 'examples/embed.html').http);
    await p.evaluate(() => document.querySelector('simcore-gabor').remove());
    const cdp = await ctx.newCDPSession(p);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await p.evaluate(() => window.__sc?.memoryBytes() ?? 0);
      return { heap: usedSize, wasm, workers: p.workers().length };
    };
    const report = {};
    for (const [tag, attrs] of Object.entries(KINDS)) {
      await p.evaluate(churn, [tag, attrs, 100, 25]); // warm-up: caches, compiled code, the shared core
      const before = await measure();
      await p.evaluate(churn, [tag, attrs, ROUNDS, 100]);
      const after = await measure();
      report[tag] = { heapGrowthKB: Math.round((after.heap - before.heap) / 1024), wasmMB: after.wasm / 2 ** 20, workers: after.workers };
      assert.ok(before.wasm > 0, `${tag}: the widgets reached the core`);
      assert.ok(after.heap - before.heap < HEAP_SLACK, `${tag}: heap grew ${after.heap - before.heap} bytes`);
      assert.equal(after.wasm, before.wasm, `${tag}: wasm memory`);
      assert.equal(after.workers, 0, `${tag}: workers left running`);
    }
    console.log(JSON.stringify(report));
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
