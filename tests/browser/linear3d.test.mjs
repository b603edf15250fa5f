// linear3d.html and <simcore-linear3d>, as a student uses them: it loads over
// http and file://, each preset shows its type, typing an entry changes the
// type, dragging turns the view (and the URL keeps it), and the language switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls } from './harness.mjs';

const W = 'simcore-linear3d';
const open = (browser, server, how, hash = '', viewport = { width: 1280, height: 900 }) =>
  openPage(browser, server, pageUrls(server, 'linear3d.html')[how] + hash, W, { context: { viewport } });
const typeShown = (p) => p.evaluate((w) => document.querySelector(w).shadowRoot.querySelector('.readout .type').dataset.type, W);
const picture = (p) => p.evaluate((w) => document.querySelector(w).shadowRoot.querySelector('canvas.view').toDataURL(), W);
const settled = (p) => p.evaluate((w) => new Promise((r) => {
  const el = document.querySelector(w);
  requestAnimationFrame(() => requestAnimationFrame(() => r(el.state)));
}), W);

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`linear3d.html over ${how}: loads, draws the default spiral saddle`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      await settled(p);
      assert.equal(await typeShown(p), 'spiral-saddle');
      assert.match(await p.locator(`${W} .readout`).textContent(), /λ₁ = 0\.4/);
      assert.ok(await p.locator('.katex').count() >= 2, 'equations typeset');
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('presets give their types; an entry typed changes the type; a drag turns the view', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await settled(p);
    for (const [preset, type] of [['sink', 'sink'], ['source', 'source'], ['saddle-2', 'saddle'], ['centre-sink', 'non-hyperbolic']]) {
      await p.click(`${W} button[data-preset=${preset}]`);
      await settled(p);
      assert.equal(await typeShown(p), type, preset);
    }
    assert.match(await p.locator(`${W} .readout .type`).textContent(), /non-hyperbolic/);
    await p.locator(`${W} input[name=a11]`).fill('0.3');
    await settled(p);
    assert.equal(await typeShown(p), 'spiral-saddle');
    const before = await picture(p);
    const box = await p.locator(`${W} canvas.view`).boundingBox();
    await p.mouse.move(box.x + 200, box.y + 200);
    await p.mouse.down();
    await p.mouse.move(box.x + 260, box.y + 230, { steps: 4 });
    await p.mouse.up();
    const s = await settled(p);
    assert.equal(s.yaw, 5, 'yaw 35 - 60 px · 0.5°');
    assert.equal(s.pitch, 35, 'pitch 20 + 30 px · 0.5°');
    assert.notEqual(await picture(p), before);
    assert.match(await p.evaluate(() => location.hash), /yaw=5/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the language switch relabels widget and page; at 390 px nothing overflows', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '', { width: 390, height: 844 });
    await settled(p);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 390);
    await p.click('#lang');
    await settled(p);
    assert.equal(await p.locator(`${W} .readout .type`).textContent(), '螺旋鞍点（不稳定方向数：1）');
    assert.match(await p.textContent('h1'), /三维线性系统/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
