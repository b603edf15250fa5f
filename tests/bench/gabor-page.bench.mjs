// Time per update of the Gabor page while θ is dragged, in headless Chromium:
//   node tests/bench/gabor-page.bench.mjs [imageSize=512] [kernelSize=31] [orientations=4]
// For each core build (SIMD, scalar) and each place the filtering runs (a Web
// Worker, or the page thread), it moves the θ slider in 24 steps, 50 ms apart
// (a brisk drag), and reports the median compute time of one filter update
// (measured around the core call), how long the drag took (a frozen page
// delays the slider events themselves), how many updates reached the screen
// during it, and the longest gap between animation frames: how long the page
// froze. Results go to docs/benchmarks.md by hand.
import { chromium } from 'playwright-core';
import { LAUNCH, pageUrls, startServer } from '../browser/harness.mjs';

const n = Number(process.argv[2] ?? 512);
const size = Number(process.argv[3] ?? 31);
const orientations = Number(process.argv[4] ?? 4);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const server = await startServer();
const browser = await chromium.launch(LAUNCH);
const rows = [];
try {
  for (const build of ['simd', 'scalar']) {
    for (const compute of ['worker', 'inline']) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await ctx.newPage();
      // Record every update from the start (capture phase sees non-bubbling events).
      await p.addInitScript(() => {
        window.updates = [];
        window.addEventListener('rendered', (e) => window.updates.push(e.detail), true);
      });
      await p.goto(`${pageUrls(server, 'gabor.html').http}#imageSize=${n}&size=${size}&build=${build}&compute=${compute}&orientations=${orientations}`);
      // Wait for the first filter and the bank, so the drag measures θ alone.
      await p.waitForFunction(() => new Set(window.updates.map((u) => u.what)).size === 2, null, { timeout: 120000 });
      const bankMs = await p.evaluate(() => window.updates.find((u) => u.what === 'bank').ms);
      const result = await p.evaluate(async () => {
        const el = document.querySelector('simcore-gabor');
        const slider = el.shadowRoot.querySelector('input[name=theta]');
        const filterMs = [];
        el.addEventListener('rendered', (e) => { if (e.detail.what === 'filter') filterMs.push(e.detail.ms); });
        let last = performance.now();
        let worstGap = 0;
        let running = true;
        const tick = (now) => {
          worstGap = Math.max(worstGap, now - last);
          last = now;
          if (running) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const t0 = performance.now();
        for (let i = 1; i <= 24; i++) {
          slider.value = String(i * 4);
          slider.dispatchEvent(new Event('input'));
          await new Promise((r) => setTimeout(r, 50));
        }
        const dragMs = performance.now() - t0;
        const during = filterMs.length;
        // Let the last update land: the shown kernel and output are for θ = 96°.
        const expected = filterMs.length;
        await new Promise((resolve) => {
          const poll = () => (filterMs.length > expected || !el.lanes.filter.running ? resolve() : setTimeout(poll, 20));
          poll();
        });
        const settleMs = performance.now() - t0 - dragMs;
        running = false;
        return { filterMs, during, dragMs, worstGap, settleMs };
      });
      rows.push({ build, compute, n, size, bankMs, medianFilterMs: median(result.filterMs), updatesDuringDrag: result.during,
        dragMs: Math.round(result.dragMs), settleMs: Math.round(result.settleMs), worstFrameGapMs: Math.round(result.worstGap) });
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.child.kill();
}
console.log('| build | filtering in | image | kernel | median filter update (ms) | drag of 24 steps took (ms) | updates shown during it | last update after release (ms) | longest frame gap (ms) | bank (ms) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.build} | ${r.compute} | ${r.n}² | ${r.size}² | ${r.medianFilterMs.toFixed(0)} | ${r.dragMs} | ${r.updatesDuringDrag} | ${r.settleMs} | ${r.worstFrameGapMs} | ${r.bankMs.toFixed(0)} |`);
}
