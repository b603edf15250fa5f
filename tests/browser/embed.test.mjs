// examples/embed.html, the smallest embedding: the printed state wraps inside
// the page (no sideways scrolling) at a desktop and a phone width, and the
// widget, alone on its page, keeps its own language button (the one control).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pageUrls, withBrowser } from './harness.mjs';

await withBrowser(async (browser, server) => {
  for (const width of [1280, 390]) {
    test(`embed.html at ${width} px: the state wraps, the page does not scroll sideways`, async () => {
      const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'examples/embed.html').file, 'simcore-gabor',
        { status: false, context: { viewport: { width, height: 800 } } });
      const m = await p.evaluate(() => {
        const code = document.getElementById('state');
        return { page: document.documentElement.scrollWidth, view: innerWidth, right: code.getBoundingClientRect().right,
          lines: Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight)), text: code.textContent.length };
      });
      assert.ok(m.text > 100, 'the state is printed');
      assert.ok(m.page <= m.view, `page ${m.page} px wide in a ${m.view} px window`);
      assert.ok(m.right <= m.view, `state ends at ${m.right} px`);
      assert.ok(m.lines >= 2, `the state wraps (${m.lines} lines)`);
      assert.deepEqual(problems.errors, []);
      await ctx.close();
    });
  }
});
