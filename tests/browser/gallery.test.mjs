// The gallery (dist/index.html): every card links to a page that exists in
// dist/ and shows a thumbnail that loaded; the language switch relabels it
// and swaps each thumbnail for the one taken in that language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, withBrowser, pageUrls } from './harness.mjs';
import { GALLERY_PAGES } from './expected-pages.mjs';

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`gallery over ${how}: every card has a live link and a loaded thumbnail`, async () => {
      const ctx = await browser.newContext();
      const p = await ctx.newPage();
      await p.goto(pageUrls(server, 'index.html')[how]);
      await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
      const cards = await p.$$eval('.gallery a', (as) => as.map((a) => ({
        href: a.getAttribute('href'),
        img: a.querySelector('img')?.naturalWidth ?? 0,
        title: a.querySelector('h2')?.textContent ?? '',
      })));
      assert.deepEqual(cards.map((c) => c.href), GALLERY_PAGES, 'one card per page, in order');
      for (const c of cards) {
        assert.ok(existsSync(path.join(distDir, c.href)), `${c.href} exists in dist/`);
        assert.ok(c.img > 0, `thumbnail of ${c.href} loaded`);
        assert.ok(c.title.length > 0, `${c.href} has a title`);
      }
      const before = await p.textContent('h1');
      await p.click('#lang');
      const after = await p.textContent('h1');
      assert.notEqual(after, before, 'the language switch changes the heading');
      assert.match(after, /[\u4e00-\u9fff]/, 'Chinese heading');
      // Chinese thumbnails: another picture of the same page (not the English file), loaded.
      await p.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((i) => i.complete && i.naturalWidth > 0));
      const zh = await p.$$eval('.gallery img', (imgs) => imgs.map((i) => ({ src: i.getAttribute('src'), w: i.naturalWidth })));
      assert.equal(zh.length, cards.length);
      for (const { src, w } of zh) {
        assert.match(src, /^thumbs\/[a-z0-9-]+\.zh\.png$/, src);
        assert.ok(w > 0, `${src} loaded`);
        const en = src.replace('.zh.png', '.png');
        assert.notDeepEqual(readFileSync(path.join(distDir, src)), readFileSync(path.join(distDir, en)), `${src} differs from ${en}`);
      }
      // Back in English, the English thumbnails.
      await p.click('#lang');
      await p.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((i) => /thumbs\/[a-z0-9-]+\.png$/.test(i.getAttribute('src'))));
      await ctx.close();
    });
  }
});
