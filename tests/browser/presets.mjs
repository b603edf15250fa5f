// The "Try:" links of a demo page, checked for complete states: every link
// names every field of the widget's schema (but `build` and `compute`, where
// the work runs), and clicking the links in different orders, each round
// starting from the same unrelated state, gives each link the same state and
// URL. Returns the rounds (one { state, url } per link) for further checks.
import assert from 'node:assert/strict';

export async function checkPresetLinks(p, widget, startHash, orders) {
  const links = await p.evaluate(() => [...document.querySelectorAll('.presets a')].map((a) => a.getAttribute('href')));
  const fields = await p.evaluate((w) => Object.keys(customElements.get(w).schema), widget);
  for (const href of links) {
    const named = [...new URLSearchParams(href.slice(1)).keys()];
    assert.deepEqual(named.sort(), fields.filter((f) => f !== 'build' && f !== 'compute').sort(), href);
  }
  const clickAndRead = async (k) => {
    const want = Object.fromEntries(new URLSearchParams(links[k].slice(1)));
    await p.locator('.presets a').nth(k).click();
    // Wait for the state the link names, and for the page to have written it back into the URL.
    await p.waitForFunction(([w, sel]) => {
      const el = document.querySelector(sel);
      const s = new URLSearchParams(el.toHash());
      return Object.entries(w).every(([f, v]) => Number(s.get(f)) === Number(v) || s.get(f) === v)
        && location.hash.slice(1) === el.toHash();
    }, [want, widget]);
    return p.evaluate((sel) => ({ state: document.querySelector(sel).state, url: location.hash }), widget);
  };
  const rounds = [];
  for (const order of orders) {
    await p.evaluate((h) => { location.hash = h; }, startHash);
    await p.waitForFunction(([sel, h]) => location.hash.slice(1) === document.querySelector(sel).toHash()
      && Object.entries(Object.fromEntries(new URLSearchParams(h))).every(([f, v]) => String(document.querySelector(sel).state[f]) === v
        || Number(document.querySelector(sel).state[f]) === Number(v)), [widget, startHash.slice(1)]);
    const got = [];
    for (const k of order) got[k] = await clickAndRead(k);
    rounds.push(got);
  }
  for (let r = 1; r < rounds.length; r++) {
    for (let k = 0; k < links.length; k++) assert.deepEqual(rounds[r][k], rounds[0][k], `link ${k}, order ${orders[r]}`);
  }
  return { links, rounds, clickAndRead };
}
