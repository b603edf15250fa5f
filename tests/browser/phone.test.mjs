// On a phone (390 × 844) a student drags a slider and sees what it changes:
// after a control is focused (the browser scrolls it into view), the page's
// main picture and that control are both inside the viewport. One page per
// demo, each control checked in turn on the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pageUrls, withBrowser } from './harness.mjs';

const PAGES = [
  { page: 'gabor.html', widget: 'simcore-gabor', picture: 'figure[data-panel=output] canvas', controls: ['input[type=range]', '#c-theta'] },
  { page: 'engine.html', widget: 'simcore-conv', picture: 'figure[data-panel=output] canvas', controls: ['input[type=range]', '#c-theta'] },
  { page: 'phase-plane.html', widget: 'simcore-phase-plane', picture: 'canvas.plane-canvas', controls: ['input[type=range]', '#c-d'] },
  { page: 'izhikevich.html', widget: 'simcore-izhikevich', picture: 'canvas.plane-canvas', controls: ['input[type=range]', '#c-I'] },
  { page: 'hh.html', widget: 'simcore-hh', picture: 'figure.trace-fig', controls: ['input[type=range]', '#c-amp', '#c-t1'] },
  { page: 'gradient.html', widget: 'simcore-gradient', picture: 'canvas.plane-canvas', controls: ['input[type=range]', '#c-eta'] },
  { page: 'hopfield.html', widget: 'simcore-hopfield', picture: 'canvas.grid', controls: ['form select, form input', 'input[type=range]'] },
  { page: 'backprop.html', widget: 'simcore-mlp', picture: 'canvas.map', controls: ['form select, form input', 'input[type=range]'] },
  { page: 'network.html', widget: 'simcore-network', picture: 'canvas.raster', controls: ['form input[type=range]', '#c-scaleInh'] },
  { page: 'boltzmann.html', widget: 'simcore-boltzmann', picture: 'figure.stats', controls: ['form select, form input', '#c-epsilon'] },
];

await withBrowser(async (browser, server) => {
  for (const { page, widget, picture, controls } of PAGES) {
    test(`${page} at 390×844: the main picture and the focused control are on screen together`, async () => {
      const { ctx, p } = await openPage(browser, server, pageUrls(server, page).file, widget,
        { context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } });
      for (const control of controls) {
        const where = await p.evaluate(async ([w, pic, c]) => {
          const root = document.querySelector(w).shadowRoot;
          const input = root.querySelector(c);
          input.focus();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const box = (el) => { const r = el.getBoundingClientRect(); return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) }; };
          return { picture: box(root.querySelector(pic)), control: box(input), focused: root.activeElement === input, viewport: innerHeight };
        }, [widget, picture, control]);
        assert.ok(where.focused, `${control} has the focus`);
        assert.ok(where.picture.height > 150, `${page}: picture ${where.picture.height} px tall`);
        for (const [name, r] of [['picture', where.picture], ['control ' + control, where.control]]) {
          assert.ok(r.top >= 0 && r.bottom <= where.viewport, `${page}: ${name} at ${r.top}–${r.bottom}, viewport 0–${where.viewport}`);
        }
        // And they do not cover each other (a sticky picture over the control would).
        assert.ok(where.control.bottom <= where.picture.top || where.control.top >= where.picture.bottom,
          `${page}: ${control} (${where.control.top}–${where.control.bottom}) under the picture (${where.picture.top}–${where.picture.bottom})`);
      }
      await ctx.close();
    });
  }
});
