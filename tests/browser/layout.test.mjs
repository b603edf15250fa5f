// A widget fits the box it is given, width and height: each widget placed in
// 960×540, 640×360 and 400×700 boxes stays exactly that size, none of its
// content reaches outside the box (what cannot fit scrolls inside the
// widget's frame), and its main picture is whole and visible without
// scrolling. Also: one language control per page, and examples/embed.html
// wraps the state it prints (no sideways scrolling).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pageUrls, withBrowser } from './harness.mjs';

// The main picture of each widget, and the smallest side it must keep in a box.
const WIDGETS = {
  'simcore-gabor': 'figure[data-panel=output] canvas',
  'simcore-conv': 'figure[data-panel=output] canvas',
  'simcore-phase-plane': 'canvas.plane-canvas',
  'simcore-izhikevich': 'canvas.plane-canvas',
  'simcore-hopfield': 'canvas.grid',
  'simcore-mlp': 'canvas.map',
  'simcore-gradient': 'canvas.plane-canvas',
  'simcore-network': 'canvas.raster',
  'simcore-boltzmann': 'figure.stats',
};
const BOXES = [[960, 540], [640, 360], [400, 700]];

/** Puts `tag` alone in a box of w × h and measures it once it has drawn. */
async function inBox(p, tag, w, h) {
  await p.evaluate(([t, bw, bh]) => {
    const el = document.createElement(t);
    el.style.cssText = `width: ${bw}px; height: ${bh}px; margin: 10px`;
    document.body.replaceChildren(el);
  }, [tag, w, h]);
  await p.waitForFunction((t) => document.querySelector(t).ready.then(() => true), tag);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return p.evaluate(([t, pic]) => {
    const el = document.querySelector(t);
    const box = el.getBoundingClientRect();
    const r = (x) => { const b = x.getBoundingClientRect(); return { left: b.left - box.left, top: b.top - box.top, right: b.right - box.left, bottom: b.bottom - box.top }; };
    const root = el.shadowRoot.querySelector('.root');
    return { host: { width: box.width, height: box.height }, root: r(root), picture: r(el.shadowRoot.querySelector(pic)),
      sideways: root.scrollWidth - root.clientWidth, page: document.documentElement.scrollHeight };
  }, [tag, WIDGETS[tag]]);
}

await withBrowser(async (browser, server) => {
  test('each widget fits 960×540, 640×360 and 400×700 boxes, its main picture visible', async () => {
    const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'examples/embed.html').file, 'simcore-gabor',
      { status: false, context: { viewport: { width: 1000, height: 760 } } });
    const bad = [];
    for (const tag of Object.keys(WIDGETS)) {
      for (const [w, h] of BOXES) {
        const m = await inBox(p, tag, w, h);
        const name = `${tag} in ${w}×${h}`;
        if (m.host.width !== w || m.host.height !== h) bad.push(`${name}: the element is ${m.host.width}×${m.host.height}`);
        if (m.root.left < 0 || m.root.top < 0 || m.root.right > w + 0.5 || m.root.bottom > h + 0.5) bad.push(`${name}: frame ${JSON.stringify(m.root)} outside the box`);
        if (m.sideways > 1) bad.push(`${name}: ${m.sideways} px hidden sideways`);
        const pic = m.picture;
        if (pic.left < 0 || pic.top < 0 || pic.right > w || pic.bottom > h) bad.push(`${name}: main picture ${JSON.stringify(pic)} not all in the box`);
        // Large enough to read: at least 40 % of the box's smaller side.
        const side = Math.min(pic.right - pic.left, pic.bottom - pic.top);
        if (side < 0.4 * Math.min(w, h)) bad.push(`${name}: main picture only ${Math.round(side)} px`);
      }
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });

  // Visible language controls: the page's own (marked data-simcore-lang) and the widgets' buttons.
  const languageControls = (p) => p.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const page = [...document.querySelectorAll('[data-simcore-lang]')].filter(shown).length;
    const widgets = [...document.querySelectorAll('simcore-gabor, simcore-conv, simcore-phase-plane, simcore-izhikevich, simcore-hopfield, simcore-mlp, simcore-gradient, simcore-network, simcore-boltzmann')]
      .flatMap((w) => [...w.shadowRoot.querySelectorAll('button.lang')]).filter(shown).length;
    return { page, widgets };
  });

  test('each page has one language control: the page\'s own, or the widget\'s when it is alone', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    for (const [page, widget, expected] of [
      ['gabor.html', 'simcore-gabor', { page: 1, widgets: 0 }], ['engine.html', 'simcore-conv', { page: 1, widgets: 0 }],
      ['phase-plane.html', 'simcore-phase-plane', { page: 1, widgets: 0 }], ['izhikevich.html', 'simcore-izhikevich', { page: 1, widgets: 0 }],
      ['hopfield.html', 'simcore-hopfield', { page: 1, widgets: 0 }], ['backprop.html', 'simcore-mlp', { page: 1, widgets: 0 }],
      ['gradient.html', 'simcore-gradient', { page: 1, widgets: 0 }], ['network.html', 'simcore-network', { page: 1, widgets: 0 }],
      ['boltzmann.html', 'simcore-boltzmann', { page: 1, widgets: 0 }],
      ['examples/embed.html', 'simcore-gabor', { page: 0, widgets: 1 }],
    ]) {
      await p.goto(pageUrls(server, page).file);
      // The buttons are settled when the widget is built (no need to wait for its first render).
      await p.waitForFunction((w) => document.querySelector(w)?.shadowRoot?.querySelector('header button.lang'), widget);
      assert.deepEqual(await languageControls(p), expected, page);
    }
    await ctx.close();
  });

  test('the deck: one language control (its own button), none in the widgets', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p = await ctx.newPage();
    await p.goto(pageUrls(server, 'examples/slides/index.html').file + '?lang=en');
    await p.waitForFunction(() => window.Reveal?.isReady());
    assert.deepEqual(await languageControls(p), { page: 1, widgets: 0 });
    await p.evaluate(() => Reveal.slide(4));
    await p.waitForFunction(() => document.querySelector('section.present simcore-phase-plane')?.ready.then(() => true));
    const inWidgets = await p.evaluate(() => [...document.querySelectorAll('simcore-phase-plane')]
      .some((w) => !w.shadowRoot.querySelector('button.lang').hidden));
    assert.equal(inWidgets, false, 'the widgets\' buttons step aside for the deck\'s');
    await ctx.close();
  });

  test('embed.html at 1280 and 390 px: the state wraps, the page does not scroll sideways', async () => {
    const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'examples/embed.html').file, 'simcore-gabor',
      { status: false, context: { viewport: { width: 1280, height: 800 } } });
    for (const width of [1280, 390]) {
      await p.setViewportSize({ width, height: 800 });
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const m = await p.evaluate(() => {
        const code = document.getElementById('state');
        return { page: document.documentElement.scrollWidth, view: innerWidth, right: code.getBoundingClientRect().right,
          lines: Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight)), text: code.textContent.length };
      });
      assert.ok(m.text > 100, 'the state is printed');
      assert.ok(m.page <= m.view, `${width}: page ${m.page} px wide in a ${m.view} px window`);
      assert.ok(m.right <= m.view, `${width}: state ends at ${m.right} px`);
      assert.ok(m.lines >= 2, `${width}: the state wraps (${m.lines} lines)`);
    }
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });
});
