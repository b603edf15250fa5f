// Hostile URL hashes and element attributes, on every widget, over http and
// from file://: markup, script, javascript: URLs, huge strings and
// prototype keys are ignored (the state keeps its defaults), nothing runs
// (window.__pwned stays unset), nothing is injected, and the page still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls } from './harness.mjs';
import { recordViolations, waitDrawn, watch } from './csp-pages.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  `1${'9'.repeat(400)}`,
  'x'.repeat(1900),
];

// Per page: the widget, and a harmless field flipped with each hostile hash so
// the test knows the widget has read that hash (hashchange is asynchronous).
const DEMOS = {
  'gabor.html': { widget: 'simcore-gabor', sentinel: ['view', 'imag', 'real'], light: 'imageSize=128&orientations=4' },
  'hopfield.html': { widget: 'simcore-hopfield', sentinel: ['weights', 'neuron', 'matrix'], light: '',
    // Drawings and state (base64url ±1 grids): one character short, a character outside base64url,
    // a side out of range, 21 grids (20 at most), a padding bit set.
    extra: [`16*${'A'.repeat(42)}`, `8*${'A'.repeat(10)}/`, `40*${'A'.repeat(267)}`,
      Array(21).fill(`8*${'A'.repeat(11)}`).join('.'), `16*${'A'.repeat(42)}B`], extraFields: ['drawn', 'neurons'] },
  'network.html': { widget: 'simcore-network', sentinel: ['window', '500', '1000'], light: '' },
  'phase-plane.html': { widget: 'simcore-phase-plane', sentinel: ['nullclines', '1', '0'], light: '' },
  'izhikevich.html': { widget: 'simcore-izhikevich', sentinel: ['field', '0', '1'], light: '' },
  'engine.html': { widget: 'simcore-conv', sentinel: ['op', 'convolve', 'correlate'], light: 'imageSize=128' },
  'backprop.html': { widget: 'simcore-mlp', sentinel: ['showTest', '0', '1'], light: '' },
  'gradient.html': { widget: 'simcore-gradient', sentinel: ['eigen', '0', '1'], light: '' },
  'boltzmann.html': { widget: 'simcore-boltzmann', sentinel: ['machine', 'rbm', 'bm'], light: '',
    // Drawings (4 × 4 ±1 grids): one character short, outside base64url, another side, 13 grids (12 at most), a padding bit set.
    extra: ['4*AA', '4*AA/', '5*AAAAA', Array(13).fill('4*AAA').join('.'), '4*AAB'], extraFields: ['drawn'] },
};

/** Anything a payload could have left in the page or a widget's shadow root. */
function injected() {
  const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  const all = roots.flatMap((r) => [...r.querySelectorAll('*')]);
  // The page and the shadow roots, without the widgets' own attributes (where a test put the payloads).
  const page = document.documentElement.cloneNode(true);
  for (const host of page.querySelectorAll('simcore-gabor, simcore-hopfield, simcore-phase-plane, simcore-izhikevich, simcore-conv, simcore-mlp, simcore-gradient, simcore-network, simcore-boltzmann')) {
    for (const a of [...host.attributes]) host.removeAttribute(a.name);
  }
  const html = page.outerHTML + roots.slice(1).map((r) => r.innerHTML).join('');
  return {
    pwned: window.__pwned ?? null,
    polluted: ({}).polluted ?? null,
    handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.tagName),
    elements: all.filter((e) => e.matches('img, iframe, object, embed, script:not([src])')).map((e) => e.tagName),
    payloadText: html.includes('__pwned') || html.includes('xxxxxxxxxx') || html.includes('9999999999'),
    violations: window.__violations.length,
  };
}
const CLEAN = { pwned: null, polluted: null, handlers: [], elements: [], payloadText: false, violations: 0 };

await withBrowser(async (browser, server) => {
  for (const [page, { widget, sentinel: [field, on, off], light, extra = [], extraFields = [] }] of Object.entries(DEMOS)) {
    for (const how of ['http', 'file']) {
      test(`${page} over ${how}: hostile hash values are ignored, nothing runs, the page still works`, async () => {
        const ctx = await browser.newContext();
        await ctx.addInitScript(recordViolations);
        const p = await ctx.newPage();
        const seen = watch(ctx, p);
        const url = pageUrls(server, page)[how];
        await p.goto(`${url}#${light}`);
        await waitDrawn(p, widget);
        const defaults = await p.evaluate((w) => document.querySelector(w).state, widget);
        const names = Object.keys(defaults).filter((n) => n !== field);
        // (A hash over 2000 characters is ignored whole; keep long payloads to one field.)
        const keys = ['lang', '__proto__', '__proto__[polluted]', 'constructor', 'toString', ...names];
        // As many fields as fit under the cap with room for the sentinel (a
        // widget with more fields gets fewer poisoned at once, not an ignored hash).
        const hostile = (payload) => {
          const parts = [];
          for (const n of payload.length > 100 ? keys.slice(0, 1) : keys) {
            const part = `${encodeURIComponent(n)}=${encodeURIComponent(payload)}`;
            if (parts.length && parts.join('&').length + part.length > 1900 - light.length - 40) break;
            parts.push(part);
          }
          return parts.join('&');
        };

        // On load, then as later hash edits (each flips the sentinel field).
        await p.goto('about:blank');
        await p.goto(`${url}#${light}&${hostile(PAYLOADS[0])}`);
        await waitDrawn(p, widget);
        assert.deepEqual(await p.evaluate((w) => document.querySelector(w).state, widget), defaults);
        // The widget's own hostile values go to the fields they target (long ones would fill the hash cap).
        const cases = [...PAYLOADS.map((x) => [x, hostile(x)]),
          ...extra.map((x) => [x, extraFields.map((n) => `${n}=${encodeURIComponent(x)}`).join('&')])];
        for (const [i, [payload, text]] of cases.entries()) {
          const value = i % 2 ? off : on;
          await p.evaluate((h) => { location.hash = h; }, `${light}&${field}=${value}&${text}`);
          await p.waitForFunction(([w, f, v]) => String(+document.querySelector(w).state[f]) === v
            || document.querySelector(w).state[f] === v, [widget, field, value]);
          const s = await p.evaluate((w) => document.querySelector(w).state, widget);
          assert.deepEqual({ ...s, [field]: defaults[field] }, defaults, payload.slice(0, 40));
        }
        assert.deepEqual(await p.evaluate(injected), CLEAN);

        // Still working: a slider moves the state and the widget draws.
        const slider = p.locator(`${widget} input[type=range]`).first();
        const name = await slider.getAttribute('name');
        const max = await slider.getAttribute('max');
        await slider.fill(max);
        await p.waitForFunction(([w, n, m]) => document.querySelector(w).state[n] === Number(m), [widget, name, max]);
        await waitDrawn(p, widget);
        assert.deepEqual(seen.errors, []);
        await ctx.close();
      });
    }
  }

  for (const how of ['http', 'file']) {
    test(`every widget over ${how}: hostile attributes and setState keys are ignored, nothing runs`, async () => {
      const ctx = await browser.newContext();
      await ctx.addInitScript(recordViolations);
      const p = await ctx.newPage();
      const seen = watch(ctx, p);
      await p.goto(pageUrls(server, 'examples/embed.html')[how]);
      await waitDrawn(p, 'simcore-gabor');
      for (const { widget } of Object.values(DEMOS)) {
        const result = await p.evaluate(async ([tag, payloads]) => {
          document.querySelector('simcore-gabor')?.remove();
          const defaults = document.createElement(tag).state;
          const el = document.createElement(tag);
          el.id = 'probe';
          // Set before connecting (the first read), on every field and the
          // gabor layout attributes, cycling through the payloads.
          const names = [...Object.keys(defaults), 'controls', 'panels'];
          names.forEach((n, i) => el.setAttribute(n, payloads[i % payloads.length]));
          el.setAttribute('theta', 'x'.repeat(1_000_000));
          document.body.append(el);
          await el.ready;
          const afterConnect = el.state;
          // Set again once connected (attributeChangedCallback), every payload on every field.
          for (const payload of payloads) for (const n of names) el.setAttribute(n, payload);
          const afterChange = el.state;
          const changed = el.setState(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "toString": 2, "hasOwnProperty": 3}'));
          return { defaults, afterConnect, afterChange, changed, afterSetState: el.state, toStringOk: typeof el.state.toString === 'function' };
        }, [widget, PAYLOADS]);
        assert.deepEqual(result.afterConnect, result.defaults, widget);
        assert.deepEqual(result.afterChange, result.defaults, widget);
        assert.deepEqual(result.changed, [], widget);
        assert.deepEqual(result.afterSetState, result.defaults, widget);
        assert.ok(result.toStringOk);
        await waitDrawn(p, '#probe');
        assert.deepEqual(await p.evaluate(injected), CLEAN, widget);
        await p.evaluate(() => document.getElementById('probe').remove());
      }
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  }
});
