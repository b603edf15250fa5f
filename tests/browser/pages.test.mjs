import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { withBrowser, pageUrls } from './harness.mjs';

const pages = (await readdir(new URL('../../dist/', import.meta.url))).filter((f) => f.endsWith('.html'));

test('dist has pages', () => assert.ok(pages.length > 0));

await withBrowser(async (browser, server) => {
  for (const page of pages) {
    for (const how of ['http', 'file']) {
      test(`${page} over ${how}: loads without console errors or outside requests`, async () => {
        const url = pageUrls(server, page)[how];
        const ctx = await browser.newContext();
        const p = await ctx.newPage();
        const errors = [];
        const outside = [];
        p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        p.on('pageerror', (e) => errors.push(String(e)));
        p.on('request', (r) => {
          const u = r.url();
          if (!(u.startsWith(server.origin) || u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'))) outside.push(u);
        });
        await p.goto(url);
        await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
        assert.deepEqual(errors, []);
        assert.deepEqual(outside, []);
        await ctx.close();
      });
    }
  }
});
