// Every page in dist/, over http and from file://: it loads, reports ready
// (#status reads "simcore …"), logs no console error, has no failed request
// and requests nothing outside its own files (no network, no other folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { distDir, withBrowser, pageUrls } from './harness.mjs';
import { PAGES } from './expected-pages.mjs';

const distFileUrl = pathToFileURL(distDir).href;

test('dist holds exactly the expected pages', async () => {
  const built = (await readdir(distDir)).filter((f) => f.endsWith('.html'));
  assert.deepEqual(built.sort(), [...PAGES].sort());
});

await withBrowser(async (browser, server) => {
  for (const page of PAGES) {
    for (const how of ['http', 'file']) {
      test(`${page} over ${how}: loads without console errors or outside requests`, async () => {
        const url = pageUrls(server, page)[how];
        const own = how === 'http' ? `${server.origin}/` : distFileUrl;
        const ctx = await browser.newContext();
        const p = await ctx.newPage();
        const errors = [];
        const outside = [];
        p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        p.on('pageerror', (e) => errors.push(String(e)));
        p.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        p.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
        p.on('request', (r) => {
          const u = r.url();
          if (!(u.startsWith(own) || u.startsWith('data:') || u.startsWith('blob:'))) outside.push(u);
        });
        await p.goto(url);
        await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
        assert.deepEqual(errors, []);
        assert.deepEqual(outside, []);
        // Every label the page names is in the tables of the areas it loads
        // (a missing one would show its key).
        const unlabelled = await p.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
          .filter((e) => !e.textContent.trim() || e.textContent.trim() === e.dataset.i18n).map((e) => e.dataset.i18n));
        assert.deepEqual(unlabelled, []);
        await ctx.close();
      });
    }
  }

  // First visit, nothing remembered: a browser asking for Chinese gets Chinese
  // labels; the reader's choice then wins over the browser on the next visit.
  test('the first visit follows the browser language; a choice is remembered', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const p = await ctx.newPage();
    await p.goto(pageUrls(server, 'phase-plane.html').http);
    await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
    assert.match(await p.textContent('h1'), /相图/);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'zh-CN');
    await p.click('#lang');
    assert.doesNotMatch(await p.textContent('h1'), /相图/);
    await p.reload();
    await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
    assert.doesNotMatch(await p.textContent('h1'), /相图/);
    await ctx.close();
  });
});
