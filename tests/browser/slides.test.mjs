// The lecture deck (examples/slides/): over http and from file://, the arrow
// keys walk through every slide; each slide's widget draws when its slide is
// shown and not before; no console error and no Content-Security-Policy
// violation; attributes configure the widgets (the linear slides' readouts
// name the equilibrium their data-type says); the language button switches
// the deck's text and the widgets' labels together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageUrls, withBrowser } from './harness.mjs';
import { recordViolations, waitDrawn, watch } from './csp-pages.mjs';

const DECK = 'examples/slides/index.html';
const WIDGETS = 'simcore-gabor, simcore-conv, simcore-phase-plane, simcore-izhikevich, simcore-hh, simcore-hopfield, simcore-mlp, simcore-network, simcore-lenet, simcore-boltzmann';

/** Per slide: its widget's tag and whether it has rendered (a widget sets data-core on its first render). */
const widgetsBySlide = (p) => p.evaluate((sel) => [...document.querySelectorAll('.reveal .slides > section')]
  .map((s) => [...s.querySelectorAll(sel)].map((w) => ({ tag: w.localName, rendered: w.dataset.core !== undefined }))), WIDGETS);

async function openDeck(browser, server, how, query = '') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const p = await ctx.newPage();
  await p.addInitScript(recordViolations);
  const seen = watch(ctx, p);
  await p.goto(pageUrls(server, DECK)[how] + query);
  await p.waitForFunction(() => window.Reveal?.isReady());
  return { ctx, p, seen };
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`the deck over ${how}: arrow keys visit every slide, each widget renders only once shown`, async () => {
      const { ctx, p, seen } = await openDeck(browser, server, how, '?lang=en');
      const total = await p.evaluate(() => Reveal.getTotalSlides());
      const slides = await widgetsBySlide(p);
      assert.equal(slides.length, total);
      // Every kind of widget is in the deck, one per slide at most.
      const tags = new Set(slides.flat().map((w) => w.tag));
      for (const tag of ['simcore-gabor', 'simcore-phase-plane', 'simcore-izhikevich', 'simcore-hopfield', 'simcore-mlp', 'simcore-boltzmann']) assert.ok(tags.has(tag), tag);
      assert.ok(slides.every((s) => s.length <= 1), 'one widget per slide');
      assert.ok(slides.filter((s) => s.length).length >= 15, 'most slides hold a widget');

      for (let i = 0; i < total; i++) {
        if (i > 0) await p.keyboard.press('ArrowRight');
        await p.waitForFunction((n) => Reveal.getIndices().h === n && !document.querySelector('.reveal').classList.contains('is-transitioning'), i);
        if (slides[i].length) await waitDrawn(p, `section.present :is(${WIDGETS})`).catch((e) => { throw new Error(`slide ${i}: ${e.message}`); });
        // Slides not yet shown hold widgets that have not computed anything.
        const now = await widgetsBySlide(p);
        for (let j = i + 1; j < total; j++) {
          for (const w of now[j]) assert.equal(w.rendered, false, `slide ${j} (${w.tag}) rendered while slide ${i} was shown`);
        }
      }
      assert.equal(await p.evaluate(() => Reveal.getIndices().h), total - 1);
      // Back to the start with the keyboard.
      await p.keyboard.press('Home');
      await p.waitForFunction(() => Reveal.getIndices().h === 0);

      assert.deepEqual(seen.errors, []);
      assert.deepEqual(await p.evaluate(() => window.__violations), []);
      await ctx.close();
    });
  }

  test('attributes configure the widgets: each linear slide shows the equilibrium it names', async () => {
    const { ctx, p, seen } = await openDeck(browser, server, 'file', '?lang=en');
    const targets = await p.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')]
      .map((s, i) => [i, s.querySelector('simcore-phase-plane[data-type]')?.dataset.type]).filter(([, type]) => type));
    assert.ok(targets.length >= 6, 'one slide per equilibrium type and more');
    assert.deepEqual(new Set(targets.map(([, type]) => type)),
      new Set(['saddle', 'center', 'stable-focus', 'unstable-focus', 'stable-node', 'unstable-node']));
    for (const [i, type] of targets) {
      await p.evaluate((n) => Reveal.slide(n), i);
      const sel = 'section.present simcore-phase-plane';
      await waitDrawn(p, sel);
      const got = await p.evaluate((s) => {
        const el = document.querySelector(s);
        const { a, b, c, d } = el.state;
        return { type: el.equilibrium.type, text: el.shadowRoot.querySelector('.readout .type').textContent, p: a + d, q: a * d - b * c,
          seriesHidden: el.shadowRoot.querySelector('.series-fig').hidden, seriesAsked: el.getAttribute('panels').includes('series') };
      }, sel);
      // The layout attribute: most linear slides hide the time series (the oscillator's keeps it).
      assert.equal(got.seriesHidden, !got.seriesAsked, `slide ${i} series panel`);
      assert.equal(got.type, type, `slide ${i}`);
      assert.match(got.text, new RegExp(`^${type.replace('-', ' ').replace('center', 'centre')}`), `slide ${i} readout`);
      // The classification follows from p = A + D and q = AD − BC (lecture's table).
      if (type === 'saddle') assert.ok(got.q < 0);
      else if (type === 'center') assert.ok(got.p === 0 && got.q > 0);
      else {
        assert.equal(Math.sign(got.p), type.startsWith('stable') ? -1 : 1, `slide ${i} trace`);
        assert.equal(Math.sign(got.p * got.p - 4 * got.q), type.endsWith('focus') ? -1 : 1, `slide ${i} discriminant`);
      }
    }
    // The Izhikevich slides' presets: regular spiking fires, the 2004 class 1 panel runs its ramp protocol.
    const izh = await p.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')]
      .map((s, i) => [i, s.querySelector('simcore-izhikevich')?.getAttribute('preset')]).filter(([, x]) => x));
    for (const [i, preset] of izh) {
      await p.evaluate((n) => Reveal.slide(n), i);
      await waitDrawn(p, 'section.present simcore-izhikevich');
      const s = await p.evaluate(() => {
        const el = document.querySelector('section.present simcore-izhikevich');
        return { preset: el.state.preset, spikes: el.spikes.length };
      });
      assert.equal(s.preset, preset);
      assert.ok(s.spikes > 0, `${preset} spikes`);
    }
    assert.deepEqual(seen.errors, []);
    await ctx.close();
  });

  test('keys pressed on a focused control stay in the widget; the language button switches deck and widgets', async () => {
    const { ctx, p, seen } = await openDeck(browser, server, 'http', '?lang=zh');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await p.locator('section.present h2 .zh').isVisible(), true);
    assert.equal(await p.locator('section.present h2 .en').isVisible(), false);
    await p.locator('#deck-lang').click();
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await p.locator('section.present h2 .en').isVisible(), true);
    assert.equal(await p.locator('section.present h2 .zh').isVisible(), false);

    const saddle = await p.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')]
      .findIndex((s) => s.querySelector('simcore-phase-plane[data-type=saddle]')));
    await p.evaluate((n) => Reveal.slide(n), saddle);
    const sel = 'section.present simcore-phase-plane';
    await waitDrawn(p, sel);
    assert.equal(await p.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('header h2').textContent, sel), 'Phase plane');
    const before = await p.evaluate((s) => document.querySelector(s).state.a, sel);
    await p.locator(`${sel} input[name=a]`).focus();
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(([s, b]) => document.querySelector(s).state.a > b, [sel, before]);
    assert.equal(await p.evaluate(() => Reveal.getIndices().h), saddle);
    // Once the control loses focus, the arrow keys turn the slides again.
    await p.evaluate(() => document.activeElement.blur());
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((n) => Reveal.getIndices().h === n + 1, saddle);
    // The L key switches back to Chinese, the widgets' labels too.
    await p.keyboard.press('l');
    await p.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await waitDrawn(p, sel);
    assert.equal(await p.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('header h2').textContent, sel), '相平面');
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    await ctx.close();
  });
});
