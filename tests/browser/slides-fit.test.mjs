// Every slide of the lecture deck (examples/slides/) fits the window with
// nothing cut, at a projector's 1280 × 720 and at 1024 × 768, in English and
// Chinese: the present slide's content (title, equation, widget) lies inside
// the slide's frame on screen, and each widget shows all of its own content
// (nothing hidden behind its inner scroll). On a phone held upright
// (390 × 844) the deck stays one slide per screen at a legible size and
// keeps deep links (#/4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageUrls, withBrowser } from './harness.mjs';

const DECK = 'examples/slides/index.html';
const WIDGETS = 'simcore-gabor, simcore-conv, simcore-phase-plane, simcore-izhikevich, simcore-hh, simcore-hopfield, simcore-mlp, simcore-network, simcore-lenet, simcore-boltzmann';

/** Geometry of the present slide in window pixels. */
const measure = (p) => p.evaluate((sel) => {
  const frame = document.querySelector('.reveal .slides').getBoundingClientRect();
  const slide = document.querySelector('.reveal .slides > section.present');
  let bottom = -Infinity, right = -Infinity, top = Infinity, left = Infinity;
  for (const el of slide.querySelectorAll(':scope > *, .cols > *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right); top = Math.min(top, r.top); left = Math.min(left, r.left);
  }
  const w = slide.querySelector(sel);
  const root = w?.shadowRoot.querySelector('.root');
  const scale = frame.width / document.querySelector('.reveal .slides').offsetWidth;
  return {
    frame: { top: frame.top, bottom: frame.bottom, left: frame.left, right: frame.right },
    window: { width: innerWidth, height: innerHeight },
    content: { top, bottom, left, right },
    // Content of the widget hidden behind its own scroll, in slide pixels.
    hidden: root ? { y: root.scrollHeight - root.clientHeight, x: root.scrollWidth - root.clientWidth } : { y: 0, x: 0 },
    // Inner scrolling columns (form, panels) that hide part of their content.
    columns: root ? [...root.querySelectorAll('form, .panels, .main, .side')].filter((c) => c.offsetParent && c.scrollHeight - c.clientHeight > 1)
      .map((c) => `${c.localName}.${c.className} ${c.scrollHeight - c.clientHeight}px`) : [],
    fontPx: w ? parseFloat(getComputedStyle(w.shadowRoot.querySelector('.root')).fontSize) * scale : null,
  };
}, WIDGETS);

async function openDeck(browser, server, viewport, lang, hash = '') {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  await p.goto(pageUrls(server, DECK).file + `?lang=${lang}` + hash);
  await p.waitForFunction(() => window.Reveal?.isReady());
  return { ctx, p };
}

await withBrowser(async (browser, server) => {
  test('every slide fits 1280×720 and 1024×768, in English and Chinese, with nothing cut', async () => {
    const sizes = [{ width: 1280, height: 720 }, { width: 1024, height: 768 }];
    const { ctx, p } = await openDeck(browser, server, sizes[0], 'en');
    // Layout, not the animation: without the transition a slide is in place at once.
    const total = await p.evaluate(() => { Reveal.configure({ transition: 'none' }); return Reveal.getTotalSlides(); });
    const bad = [];
    for (let i = 0; i < total; i++) {
      await p.evaluate((n) => Reveal.slide(n), i);
      const w = await p.$(`section.present :is(${WIDGETS})`);
      if (w) await p.waitForFunction((el) => el.ready.then(() => true), w);
      // Each slide in both languages (the deck's text and the widgets' labels switch together) and both windows.
      for (const lang of ['en', 'zh']) {
        await p.evaluate((l) => simcoreWidgets.setLang(l), lang);
        for (const size of lang === 'en' ? sizes : [...sizes].reverse()) {
          await p.setViewportSize(size);
          await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const m = await measure(p);
          assert.equal(m.window.width, size.width);
          const out = [];
          if (m.content.bottom > Math.min(m.frame.bottom, m.window.height) + 1) out.push(`bottom ${Math.round(m.content.bottom - Math.min(m.frame.bottom, m.window.height))} px past`);
          if (m.content.right > Math.min(m.frame.right, m.window.width) + 1) out.push(`right ${Math.round(m.content.right - m.frame.right)} px past`);
          if (m.content.top < Math.max(m.frame.top, 0) - 1) out.push('top cut');
          if (m.hidden.y > 1) out.push(`widget hides ${m.hidden.y} px of its height`);
          if (m.hidden.x > 1) out.push(`widget hides ${m.hidden.x} px of its width`);
          if (m.columns.length) out.push(`scrolling columns: ${m.columns.join(', ')}`);
          if (out.length) bad.push(`slide ${i} (${lang}, ${size.width}×${size.height}): ${out.join('; ')}`);
        }
      }
    }
    assert.deepEqual(bad, []);
    await ctx.close();
  });

  test('on a phone held upright the deck shows one slide at a legible size and keeps a deep link', async () => {
    const { ctx, p } = await openDeck(browser, server, { width: 390, height: 844 }, 'en', '#/5');
    assert.equal(await p.evaluate(() => Reveal.isScrollView()), false, 'not the scroll view');
    assert.equal(await p.evaluate(() => Reveal.getIndices().h), 5, 'the deep link #/5 is kept');
    const w = await p.$(`section.present :is(${WIDGETS})`);
    await p.waitForFunction((el) => el.ready.then(() => true), w);
    const m = await measure(p);
    assert.ok(m.fontPx >= 11, `widget text ${m.fontPx?.toFixed(1)} px on screen`);
    assert.ok(m.content.bottom <= m.window.height + 1 && m.content.right <= m.window.width + 1, `slide fits the phone: ${JSON.stringify(m.content)}`);
    // The next slide is one key (or swipe) away, still one slide per screen.
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction(() => Reveal.getIndices().h === 6 && location.hash === '#/6');
    await ctx.close();
  });
});
