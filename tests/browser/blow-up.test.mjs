// The UI never locks up: parameters that make an integration blow up end
// with a visible message in the widget, and the page keeps answering (the
// next control change redraws within a bounded wait), over http and file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls } from './harness.mjs';
import { recordViolations, watch } from './csp-pages.mjs';

// Long enough for a slow shared machine, short against a locked page (which never answers).
const BOUNDED = { timeout: 15000 };

async function open(browser, server, page, how, hash, widget) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(recordViolations);
  const p = await ctx.newPage();
  const seen = watch(ctx, p);
  await p.goto(pageUrls(server, page)[how] + hash);
  await p.waitForFunction((w) => document.querySelector(w)?.ready.then(() => true), widget);
  return { ctx, p, seen };
}

const timingLine = (p, w) => p.locator(`${w} .timing`);

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`phase plane over ${how}: dx/dt = x⁴ blows up in finite time; the widget says so and stays usable`, async () => {
      const W = 'simcore-phase-plane';
      // x' = x⁴ from x = 1 reaches infinity at t = 1/3; from x = −1 it creeps to 0 (backward: blows up at t = −1/3).
      const { ctx, p, seen } = await open(browser, server, 'phase-plane.html', how, '#model=custom&dx=x*x*x*x&dy=y&traj=1,0.5', W);
      await p.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.timing').classList.contains('error'), W, BOUNDED);
      const line = timingLine(p, W);
      assert.ok(await line.isVisible());
      const text = await line.textContent();
      assert.match(text, /trajectory from \(1, 0\.5\): the solution blows up \(the step size fell to zero\); integration stopped at t = /);
      // Just before the analytic blow-up time 1/3 (x = (1 − 3t)^(−1/3)), within one output interval (0.02).
      const tStop = Number(text.match(/t = ([\d.]+)$/)[1]);
      assert.ok(tStop > 1 / 3 - 0.021 && tStop <= 1 / 3, String(tStop));
      const stops = await p.evaluate((w) => document.querySelector(w).trajectoryInfo[0].stop, W);
      assert.deepEqual(stops, ['end', 'stepSize']);

      // Still answering: another model, then a slider, each redraws and the message goes.
      await p.locator(`${W} select[name=model]`).selectOption('linear');
      await p.waitForFunction((w) => {
        const el = document.querySelector(w);
        return el.state.model === 'linear' && !el.shadowRoot.querySelector('.timing').classList.contains('error');
      }, W, BOUNDED);
      await p.locator(`${W} input[name=a][type=range]`).fill('1');
      await p.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.readout').textContent.includes('p = 0.75'), W, BOUNDED);
      assert.deepEqual(await p.evaluate(() => window.__violations), []);
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });

    test(`phase plane over ${how}: the fastest linear system allowed (eigenvalues 20 and 0) and many trajectories stay responsive`, async () => {
      const W = 'simcore-phase-plane';
      const starts = Array.from({ length: 24 }, (_, i) => `${(i % 6) - 2.5},${Math.floor(i / 6) - 1.5}`).join(';');
      const { ctx, p, seen } = await open(browser, server, 'phase-plane.html', how, `#model=linear&a=10&b=10&c=10&d=10&traj=${starts}`, W);
      await p.waitForFunction((w) => document.querySelector(w).trajectoryInfo?.length === 24, W, BOUNDED);
      // Every run leaves the (widened) view or ends: none is cut short.
      const stops = await p.evaluate((w) => document.querySelector(w).trajectoryInfo.flatMap((tr) => tr.stop), W);
      assert.ok(stops.every((s) => s === 'bounds' || s === 'end'), stops.join());
      await p.locator(`${W} input[name=d][type=range]`).fill('-5');
      await p.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.readout').textContent.includes('p = 5q'), W, BOUNDED);
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });

    test(`Izhikevich over ${how}: a negative recovery rate drives u and v to infinity; the widget says so and stays usable`, async () => {
      const W = 'simcore-izhikevich';
      const { ctx, p, seen } = await open(browser, server, 'izhikevich.html', how, '#preset=custom&a=-0.1&b=1.5&c=-30&d=-25&I=40&t1=1000', W);
      await p.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.timing').classList.contains('error'), W, BOUNDED);
      const line = timingLine(p, W);
      assert.ok(await line.isVisible());
      assert.match(await line.textContent(), /the solution blew up to infinity; integration stopped at t = \d/);
      const run = await p.evaluate((w) => { const r = document.querySelector(w).run; return { stop: r.stop, end: r.t[r.t.length - 1] }; }, W);
      assert.equal(run.stop, 'nonfinite');
      assert.ok(run.end > 0 && run.end < 1000);
      // The next slider move redraws and clears the message.
      await p.locator(`${W} input[name=a][type=range]`).fill('0.02');
      await p.waitForFunction((w) => {
        const el = document.querySelector(w);
        return el.state.a === 0.02 && el.run.stop === 'end' && !el.shadowRoot.querySelector('.timing').classList.contains('error');
      }, W, BOUNDED);
      assert.deepEqual(await p.evaluate(() => window.__violations), []);
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  }
});
