// Screenshots of every page, over http and file://, at a projector's 1280×720
// and a phone's 390×844, in English and Chinese (the browser's locale picks
// the first language), into screenshots/ (git-ignored) for a person to look at:
//   node tests/browser/screenshots.mjs [page.html ...]
// SHOTS_HOW=http (or file) limits the run to one way of opening the pages.
// Not a test (the name does not match node --test's patterns). It also
// writes screenshots/engine-readme.png, the header and widget of engine.html,
// from which docs/images/engine.png is copied.
import { mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH, distDir, pageUrls, startServer } from './harness.mjs';

const outDir = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const VIEWPORTS = { projector: { width: 1280, height: 720 }, phone: { width: 390, height: 844 } };
const LOCALES = { en: 'en-US', zh: 'zh-CN' };

const pages = process.argv.slice(2).length ? process.argv.slice(2)
  : (await readdir(distDir)).filter((f) => f.endsWith('.html'));
await mkdir(outDir, { recursive: true });
const server = await startServer();
const browser = await chromium.launch(LAUNCH);
try {
  for (const page of pages) {
    for (const [how, url] of Object.entries(pageUrls(server, page))) {
      if (process.env.SHOTS_HOW && process.env.SHOTS_HOW !== how) continue;
      for (const [name, viewport] of Object.entries(VIEWPORTS)) for (const [lang, locale] of Object.entries(LOCALES)) {
        const ctx = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
        const p = await ctx.newPage();
        p.on('console', (m) => { if (m.type() === 'error') console.error(`${page} ${how}: ${m.text()}`); });
        p.on('pageerror', (e) => console.error(`${page} ${how}: ${e}`));
        await p.goto(url);
        await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
        await p.waitForTimeout(300);
        const file = `${outDir}${page.replace(/\.html$/, '')}-${how}-${name}-${lang}.png`;
        await p.screenshot({ path: file, fullPage: true });
        console.log(file);
        if (viewport.width < 600) {
          // Tall phone pages shrink to illegibility in an image viewer: also
          // save them in screen-high slices.
          const height = await p.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, i = 1; y < height; y += 1000, i++) {
            await p.screenshot({ path: file.replace(/\.png$/, `-${i}.png`), fullPage: true,
              clip: { x: 0, y, width: viewport.width, height: Math.min(1000, height - y) } });
          }
        }
        await ctx.close();
      }
    }
  }
  if (pages.includes('engine.html')) {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    const p = await ctx.newPage();
    await p.goto(pageUrls(server, 'engine.html').http);
    const ready = () => p.waitForFunction(() => document.querySelector('simcore-conv').dataset.state === 'ready');
    await ready();
    // A few θ steps, ending at the default, fill the timing median past the
    // first (compiling) call.
    for (const theta of ['34', '38', '42', '30']) {
      await p.locator('simcore-conv #c-theta').fill(theta);
      await ready();
    }
    await p.locator('simcore-conv #c-theta').blur();
    const app = await p.locator('simcore-conv').boundingBox();
    const file = `${outDir}engine-readme.png`;
    await p.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(app.y + app.height + 16) } });
    console.log(file);
    await ctx.close();
  }
} finally {
  await browser.close();
  server.child.kill();
}
