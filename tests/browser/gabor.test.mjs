// The Gabor page and the widget embedding, driven like a person would: load
// over http and from file://, move every slider, open a link with a hash,
// switch the language, feed hostile hashes. Images are kept small (128 px,
// 4 orientations) where the test is not about the image, to stay fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { LAUNCH, NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';
import { legendSwatches } from './legend.mjs';
import { checkPresetLinks } from './presets.mjs';

const LIGHT = 'imageSize=128&orientations=4';

// Opens a page and waits until the widget matched by `widget` has shown its first output.
const open = (browser, server, page, how, hash = '', widget = 'simcore-gabor') =>
  openPage(browser, server, pageUrls(server, page)[how] + hash, widget, { status: false });

const state = (p) => p.evaluate(() => document.querySelector('simcore-gabor').state);
const kernelImage = (p) => p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot
  .querySelector('canvas[data-panel=kernel]').toDataURL());

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`gabor.html over ${how}: loads, computes, no console errors or outside requests`, async () => {
      const { ctx, p, problems } = await open(browser, server, 'gabor.html', how);
      await p.waitForFunction(() => document.getElementById('status').textContent.startsWith('simcore'));
      const timing = await p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('.timing').textContent);
      assert.match(timing, /filter 256² \d+ ms \(in a worker\)/);
      // The equations were typeset at build time (KaTeX markup, no script).
      assert.ok(await p.locator('.katex').count() >= 5);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });

    test(`examples/embed.html over ${how}: attributes set the state, change events carry it`, async () => {
      const { ctx, p, problems } = await open(browser, server, 'examples/embed.html', how);
      const s = await state(p);
      assert.equal(s.theta, 0.79);
      assert.equal(s.lambda, 8);
      await p.locator('simcore-gabor input[name=lambda]').fill('12');
      await p.waitForFunction(() => JSON.parse(document.getElementById('state').textContent).lambda === 12);
      // Attributes set later count too (HTML lower-cases imageSize); bad ones are ignored.
      await p.evaluate(() => {
        const el = document.querySelector('simcore-gabor');
        el.setAttribute('imageSize', '128');
        el.setAttribute('theta', '1.2');
        el.setAttribute('gamma', '2e9');
        el.setAttribute('view', 'magnitude<');
      });
      const after = await state(p);
      assert.deepEqual([after.imageSize, after.theta, after.gamma, after.view], ['128', 1.2, 0.5, 'real']);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('the reveal.js deck from file://: widgets work, arrow keys on a slider stay in the widget', async () => {
    const { ctx, p, problems } = await open(browser, server, 'examples/slides/index.html', 'file', '#/3', 'section.present simcore-gabor');
    // Widgets on hidden slides wait until they are shown.
    assert.equal(await p.evaluate(() => document.querySelector('section:not(.present) simcore-gabor').dataset.core), undefined);
    const widget = p.locator('section.present simcore-gabor');
    // Layout attributes: only θ and γ, and three panels.
    assert.equal(await widget.locator('.row:not([hidden])').count(), 2);
    assert.equal(await widget.locator('figure:not([hidden])').count(), 3);
    const before = await widget.evaluate((el) => el.state.theta);
    await widget.locator('input[name=theta]').focus();
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((b) => document.querySelector('section.present simcore-gabor').state.theta > b, before);
    assert.equal(await p.evaluate(() => Reveal.getIndices().h), 3);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('where a Content-Security-Policy forbids workers, filtering falls back to the page thread', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.route('**/gabor.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } });
    });
    await p.goto(pageUrls(server, 'gabor.html').http + `#${LIGHT}`);
    await p.waitForFunction(() => document.querySelector('simcore-gabor')?.ready.then(() => true));
    const timing = await p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('.timing').textContent);
    assert.match(timing, /filter 128² \d+ ms \(on the page thread\)/);
    await ctx.close();
  });

  test('every slider changes the kernel canvas (and the URL hash)', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#${LIGHT}`);
    const moves = [['lambda', '20'], ['theta', '60'], ['psi', '90'], ['sigma', '7'], ['gamma', '1.2'], ['size', '21']];
    for (const [name, value] of moves) {
      const before = await kernelImage(p);
      await p.locator(`simcore-gabor input[name=${name}]`).fill(value);
      await p.waitForFunction((b) => document.querySelector('simcore-gabor').shadowRoot
        .querySelector('canvas[data-panel=kernel]').toDataURL() !== b, before);
      assert.match(await pageHash(p), new RegExp(`${name}=`), name);
    }
    // Bandwidth replaces σ when selected.
    await p.locator('simcore-gabor select[name=sigmaMode]').selectOption('bandwidth');
    // (the controls are re-synced on the next animation frame)
    await p.locator('simcore-gabor input[name=bandwidth]').waitFor({ state: 'visible' });
    assert.ok(await p.locator('simcore-gabor input[name=sigma]').isHidden());
    const before = await kernelImage(p);
    await p.locator('simcore-gabor input[name=bandwidth]').fill('2');
    await p.waitForFunction((b) => document.querySelector('simcore-gabor').shadowRoot
      .querySelector('canvas[data-panel=kernel]').toDataURL() !== b, before);
    // The orientation count drives the bank's kernels.
    await p.locator('simcore-gabor input[name=orientations]').fill('12');
    await p.waitForFunction(() => document.querySelector('simcore-gabor').shadowRoot.querySelectorAll('.thumbs canvas').length === 12);
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });

  test('exports: panel PNG, kernel CSV; an image file feeds the input (file://)', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#size=21&${LIGHT}`);
    const kernelFig = p.locator('simcore-gabor figure[data-panel=kernel]');
    let [download] = await Promise.all([p.waitForEvent('download'), kernelFig.getByRole('button', { name: 'PNG' }).click()]);
    assert.equal(download.suggestedFilename(), 'gabor-kernel.png');
    const png = await readFile(await download.path());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    [download] = await Promise.all([p.waitForEvent('download'), kernelFig.getByRole('button', { name: 'kernel CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'gabor-kernel-real.csv');
    const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((r) => r.split(',').map(Number));
    // size 21 → 21×21; ψ = 0: the centre of the real part is exp(0)·cos(0) = 1.
    assert.equal(rows.length, 21);
    assert.ok(rows.every((r) => r.length === 21 && r.every(Number.isFinite)));
    assert.equal(rows[10][10], 1);
    // The exported PNG, opened as the input image: nothing leaves the page.
    const input = p.locator('simcore-gabor canvas[data-panel=input]');
    const before = await input.evaluate((c) => c.toDataURL());
    await p.locator('simcore-gabor input[type=file]').setInputFiles({ name: 'k.png', mimeType: 'image/png', buffer: png });
    await p.waitForFunction((b) => document.querySelector('simcore-gabor').shadowRoot
      .querySelector('canvas[data-panel=input]').toDataURL() !== b, before);
    assert.equal(await p.locator('simcore-gabor select[name=image]').inputValue(), 'user');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('an opened picture that is not square: the input note says which square the filters use, and it is that square', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#${LIGHT}`);
    // Black along the long side but for a white band 2 px wider on each side
    // than the centre square (scaling blends in a pixel or so beyond it).
    const picture = (w, h) => p.evaluate(([pw, ph]) => {
      const c = document.createElement('canvas');
      c.width = pw; c.height = ph;
      const g = c.getContext('2d');
      g.fillStyle = '#000'; g.fillRect(0, 0, pw, ph);
      g.fillStyle = '#fff';
      if (pw > ph) g.fillRect(pw / 3 - 2, 0, pw / 3 + 4, ph); else g.fillRect(0, ph / 3 - 2, pw, ph / 3 + 4);
      return c.toDataURL('image/png').split(',')[1];
    }, [w, h]);
    const note = p.locator('simcore-gabor figure[data-panel=input] .note.crop');
    assert.ok(await note.isHidden(), 'no note for a built-in image');
    for (const [w, h] of [[90, 30], [30, 90], [40, 40]]) {
      const before = await p.evaluate(() => document.querySelector('simcore-gabor').image.id);
      await p.locator('simcore-gabor input[type=file]').setInputFiles({ name: `${w}x${h}.png`, mimeType: 'image/png', buffer: Buffer.from(await picture(w, h), 'base64') });
      await p.waitForFunction((b) => document.querySelector('simcore-gabor').image.id !== b, before);
      const text = await note.textContent();
      if (w === h) {
        assert.equal(text, `your picture, ${w} × ${h}, scaled to 128 × 128`);
        continue;
      }
      assert.equal(text, `your picture is ${w} × ${h}: the filters use its centre 30 × 30 square (the rest is cut off), scaled to 128 × 128`);
      // What the filters get is that centre square: white, none of the black sides.
      const range = await p.evaluate(() => {
        const d = document.querySelector('simcore-gabor').image.data;
        return [Math.min(...d), Math.max(...d)];
      });
      assert.ok(range[0] > 0.95, `${w}×${h}: input ${range}`);
    }
    await p.evaluate(() => window.simcoreWidgets.setLang('zh'));
    assert.equal(await note.textContent(), '你的图像，40 × 40，缩放到 128 × 128');
    // A built-in image again: the note goes.
    await p.locator('simcore-gabor select[name=image]').selectOption('star');
    await p.waitForFunction(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('.note.crop').hidden);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the camera feeds the input image (Chromium\'s fake camera), and stops', async () => {
    // A browser of its own: the fake device and the auto-accepted permission
    // prompt are launch flags.
    const cam = await chromium.launch({ ...LAUNCH,
      args: [...LAUNCH.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
    try {
      const p = await (await cam.newContext()).newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(pageUrls(server, 'gabor.html').http + `#${LIGHT}`);
      await p.waitForFunction(() => document.querySelector('simcore-gabor')?.ready.then(() => true));
      const input = () => p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot
        .querySelector('canvas[data-panel=input]').toDataURL());
      const before = await input();
      await p.locator('simcore-gabor button.camera').click();
      await p.waitForFunction(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('select[name=image]').value === 'user');
      // The fake camera's picture moves, so the input keeps changing.
      await p.waitForFunction((b) => document.querySelector('simcore-gabor').shadowRoot
        .querySelector('canvas[data-panel=input]').toDataURL() !== b, before);
      assert.equal(await p.locator('simcore-gabor button.camera').textContent(), 'stop camera');
      // A 4:3 camera frame is cut to its centre square too, and the note says so.
      const [, fw, fh, side] = (await p.locator('simcore-gabor .note.crop').textContent())
        .match(/^your picture is (\d+) × (\d+): the filters use its centre (\d+) × \3 square/).map(Number);
      assert.equal(side, Math.min(fw, fh));
      assert.ok(fw !== fh, `${fw} × ${fh}`);
      await p.locator('simcore-gabor button.camera').click();
      assert.equal(await p.locator('simcore-gabor button.camera').textContent(), 'camera');
      assert.deepEqual(errors, []);
    } finally {
      await cam.close();
    }
  });

  test('a link with a hash restores the state, and survives a reload', async () => {
    const hash = `#lambda=8&theta=0.785398&psi=1.5708&view=imag&image=star&sigmaMode=bandwidth&bandwidth=1.5&${LIGHT}`;
    const { ctx, p } = await open(browser, server, 'gabor.html', 'http', hash);
    const expect = { lambda: 8, theta: 0.785398, psi: 1.5708, view: 'imag', image: 'star', sigmaMode: 'bandwidth', bandwidth: 1.5, imageSize: '128', orientations: 4 };
    for (const [k, v] of Object.entries(expect)) assert.equal((await state(p))[k], v, k);
    assert.equal(await p.locator('simcore-gabor input[name=theta]').inputValue(), '45');
    assert.equal(await p.locator('simcore-gabor select[name=view]').inputValue(), 'imag');
    await p.reload();
    await p.waitForFunction(() => document.querySelector('simcore-gabor')?.ready.then(() => true));
    for (const [k, v] of Object.entries(expect)) assert.equal((await state(p))[k], v, k);
    // The page's preset links are hashes too.
    await p.locator('.presets a').nth(3).click();
    await p.waitForFunction(() => document.querySelector('simcore-gabor').state.image === 'zoneplate');
    assert.equal((await state(p)).orientations, 12);
    await ctx.close();
  });

  test('each "Try:" link sets a complete state: the same state and URL whatever was clicked before', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#${LIGHT}`);
    // A state far from the defaults and from every link, set before each round of clicks.
    const messy = '#lambda=21&theta=1.1&psi=-1&sigmaMode=bandwidth&sigma=7&bandwidth=2.2&gamma=1.7&size=15&view=imag&image=text&imageSize=128&orientations=5';
    const { links, rounds, clickAndRead } = await checkPresetLinks(p, 'simcore-gabor', messy, [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]]);
    assert.equal(links.length, 5);
    // An opened picture gives way to the link's image, as choosing an image in the menu does.
    const png = Buffer.from((await p.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 40; c.height = 20;
      const g = c.getContext('2d');
      g.fillStyle = '#fff'; g.fillRect(0, 0, 20, 20);
      return c.toDataURL('image/png');
    })).split(',')[1], 'base64');
    await p.locator('simcore-gabor input[type=file]').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: png });
    await p.waitForFunction(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('select[name=image]').value === 'user');
    await p.evaluate((h) => { location.hash = h; }, messy);
    assert.deepEqual(await clickAndRead(0), rounds[0][0]);
    await p.waitForFunction(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('select[name=image]').value === 'bars');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the language switch changes the labels and is remembered (file://)', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#${LIGHT}`);
    const label = p.locator('simcore-gabor label[for=c-theta]');
    assert.equal(await label.textContent(), 'orientation θ (°)');
    await p.locator('#lang').click();
    assert.equal(await label.textContent(), '方向 θ（°）');
    assert.equal(await p.locator('h1').textContent(), 'Gabor 滤波器与 V1 的方向选择性');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'zh-CN');
    await p.reload();
    await p.waitForFunction(() => document.querySelector('simcore-gabor')?.ready.then(() => true));
    assert.equal(await label.textContent(), '方向 θ（°）');
    // The page's one language button (the widget's own steps aside on a page that has one) switches back.
    await p.locator('#lang').click();
    assert.equal(await p.locator('h1').textContent(), 'Gabor filter and V1 orientation selectivity');
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });

  test('gabor.html at 320 px, both languages: nothing overflows sideways', async () => {
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const p = await ctx.newPage();
    await p.goto(pageUrls(server, 'gabor.html').file + `#${LIGHT}`);
    await p.waitForFunction(() => document.querySelector('simcore-gabor')?.ready.then(() => true));
    for (const lang of ['en', 'zh']) {
      await p.evaluate((l) => window.simcoreWidgets.setLang(l), lang);
      const widths = await p.evaluate(() => ({
        page: document.scrollingElement.scrollWidth,
        widget: document.querySelector('simcore-gabor').getBoundingClientRect().right,
      }));
      assert.ok(widths.page <= 320 && widths.widget <= 320, `${lang}: ${JSON.stringify(widths)}`);
    }
    await ctx.close();
  });

  test('the tuning curve peaks within 5° of θ for a grating at wavelength λ', async () => {
    const { ctx, p } = await open(browser, server, 'gabor.html', 'http', `#${LIGHT}`);
    for (const [deg, lambda, gamma] of [[0, 10, 0.5], [37, 8, 0.5], [90, 16, 1], [151, 6, 0.3]]) {
      await p.evaluate((h) => { location.hash = h; }, `theta=${(deg * Math.PI) / 180}&lambda=${lambda}&gamma=${gamma}&${LIGHT}`);
      // The curve is recomputed on the next animation frame: wait for the one of this θ and λ.
      await p.waitForFunction(([d, l]) => {
        const t = document.querySelector('simcore-gabor').tuningData;
        return t && Math.abs(t.theta - (d * Math.PI) / 180) < 1e-6 && t.lambda === l;
      }, [deg, lambda]);
      const t = await p.evaluate(() => document.querySelector('simcore-gabor').tuningData);
      for (const curve of [t.simple, t.complex]) {
        const peak = t.degrees[curve.indexOf(Math.max(...curve))];
        // 0° and 180° are the same orientation.
        const err = Math.min(Math.abs(peak - deg), 180 - Math.abs(peak - deg));
        assert.ok(err <= 5, `θ ${deg}°, λ ${lambda}: peak at ${peak}°`);
      }
    }
    await ctx.close();
  });

  test('the tuning plot tells the simple cell from the complex cell, and says when they are one line', async () => {
    const { ctx, p, problems } = await open(browser, server, 'gabor.html', 'file', `#${LIGHT}`);
    const cases = [
      // [hash, ψ (deg), one line?]: at ψ = 0 the simple cell's response equals the energy;
      // it follows cos ψ; a wide band (σ/λ = 0.15) parts the curves even at ψ = 0.
      [`psi=0&${LIGHT}`, 0, true],
      [`psi=1.047198&${LIGHT}`, 60, false],
      [`psi=3.14159&${LIGHT}`, 180, false],
      [`psi=0&sigma=1.5&${LIGHT}`, 0, false],
    ];
    for (const [hash, psiDeg, oneLine] of cases) {
      await p.evaluate((h) => { location.hash = h; }, hash);
      await p.waitForFunction((h) => {
        const el = document.querySelector('simcore-gabor');
        const want = new URLSearchParams(h);
        return el.tuningData && Math.abs(el.state.psi - Number(want.get('psi'))) < 1e-6
          && el.state.sigma === Number(want.get('sigma') ?? 4) && el.params().psi === el.state.psi;
      }, hash);
      // One animation frame later the chart and the note follow the data.
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const t = await p.evaluate(() => document.querySelector('simcore-gabor').tuningData);
      const peak = Math.max(...t.complex);
      const gap = Math.max(...t.simple.map((v, i) => Math.abs(v - t.complex[i]))) / Math.max(peak, ...t.simple);
      const note = await p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot.querySelector('figure[data-panel=tuning] .note').dataset.i18n);
      assert.equal(note, oneLine ? 'gabor.tuning.same' : 'gabor.tuning.differ', `${hash}: gap ${gap}`);
      assert.equal(gap < 0.02, oneLine, `${hash}: gap ${gap}`);
      if (psiDeg === 60) {
        const k = t.complex.indexOf(peak);
        assert.ok(Math.abs(t.simple[k] / peak - 0.5) < 0.02, `ψ 60°: simple/complex at the peak ${t.simple[k] / peak}`);
      }
      // ψ = 180°: silent but for the window's small negative side lobes (1.3 % of the peak here).
      if (psiDeg === 180) assert.ok(t.simple.every((v) => v < 0.02 * peak), `ψ 180°: the simple cell is silent: ${Math.max(...t.simple) / peak}`);
    }
    // Drawn apart: each series its own colour and dash, and the legend shows each as drawn.
    await p.evaluate((h) => { location.hash = h; }, `psi=0&sigma=4&${LIGHT}`);
    await p.waitForFunction(() => document.querySelector('simcore-gabor').state.sigma === 4);
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const plot = await p.evaluateHandle(() => document.querySelector('simcore-gabor').tuningPlot.plot);
    const rows = await p.evaluate(legendSwatches, plot);
    assert.equal(rows.length, 2);
    for (const r of rows) {
      assert.deepEqual({ colour: r.swatch.colour, dashed: r.swatch.dashed }, r.line, r.label);
      assert.equal(r.swatch.border, r.line.colour, `${r.label}: border`);
    }
    assert.notEqual(rows[0].line.colour, rows[1].line.colour);
    assert.notEqual(rows[0].line.dashed, rows[1].line.dashed);
    // On the canvas, where the curves coincide, both colours are still visible.
    const seen = await p.evaluate(() => {
      const c = document.querySelector('simcore-gabor').tuningPlot.canvas;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const near = (i, [r, g, b]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 60;
      let red = 0; let blue = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (near(i, [0xc0, 0x39, 0x2b])) red++;
        if (near(i, [0x24, 0x56, 0xc7])) blue++;
      }
      return { red, blue };
    });
    assert.ok(seen.red > 100 && seen.blue > 100, JSON.stringify(seen));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  for (const how of ['http', 'file']) {
    test(`hostile hash values over ${how} keep the defaults and inject nothing`, async () => {
      const hostile = '#lambda=abc&theta=1e308&psi=%3Cscript%3Ealert(1)%3C/script%3E&size=31.5'
        + '&view=%3Cimg%20src=x%20onerror=alert(1)%3E&image=javascript:alert(1)&sigma=Infinity'
        + '&gamma=0x10&orientations=-4&__proto__=1&constructor=x&build=%22%3E%3Csvg%20onload=alert(1)%3E';
      const { ctx, p, problems } = await open(browser, server, 'gabor.html', how, hostile);
      const defaults = { lambda: 10, theta: 0, psi: 0, sigmaMode: 'sigma', sigma: 4, bandwidth: 1, gamma: 0.5, size: 31,
        view: 'real', image: 'grating', imageSize: '256', orientations: 8, build: 'simd', compute: 'worker' };
      assert.deepEqual(await state(p), defaults);
      const found = await p.evaluate(() => {
        const el = document.querySelector('simcore-gabor');
        const html = document.documentElement.outerHTML + el.shadowRoot.innerHTML;
        return {
          scripts: document.scripts.length,
          // KaTeX draws square roots as <svg>; nothing else here makes markup.
          injected: document.querySelectorAll('img, iframe, [onload], [onerror], svg:not(.katex svg)').length
            + el.shadowRoot.querySelectorAll('img, svg, iframe, script').length,
          alert: html.includes('alert('),
        };
      });
      assert.deepEqual(found, { scripts: 2, injected: 0, alert: false });
      // Hash edits after load are held to the same rules.
      await p.evaluate(() => { location.hash = '#theta=<b>1</b>&lambda=1e999&size=9'; });
      await p.waitForFunction(() => document.querySelector('simcore-gabor').state.size === 9);
      assert.equal((await state(p)).theta, 0);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }
});
