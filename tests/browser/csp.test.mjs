// The Content-Security-Policy of every page, over http and from file://
// (where 'self' means the page's own files): the page loads and its widget
// draws with zero violations; script that does not come from the page's
// files (inline, eval, handlers, javascript: URLs, other origins) is blocked;
// no request leaves the page's own files, also while a user's image is
// loaded into the Gabor widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, withBrowser, pageUrls } from './harness.mjs';
import { PAGES, recordViolations, waitDrawn, waitReady, watch } from './csp-pages.mjs';

const POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g;

test('every page in dist/ is listed here and carries the same strict policy', async () => {
  const html = (await readdir(distDir, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'));
  assert.deepEqual(html.sort(), Object.keys(PAGES).sort());
  const policies = new Set();
  for (const page of html) {
    const found = [...(await readFile(path.join(distDir, page), 'utf8')).matchAll(POLICY)].map((m) => m[1]);
    assert.equal(found.length, 1, page);
    policies.add(found[0]);
  }
  assert.equal(policies.size, 1);
  const [policy] = policies;
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.ok(!policy.includes("'unsafe-inline'") && !policy.includes("'unsafe-eval'"));
  assert.equal(directives['connect-src'], undefined, 'no fetch at all: default-src none applies');
});

test('page sources carry no policy of their own: one head template (tools/page-head.mjs) gives it to all', async () => {
  const root = path.join(distDir, '..');
  const sources = Object.keys(PAGES).map((p) => (p.startsWith('examples/') ? p : `web/${p}`));
  const { CSP } = await import(pathToFileURL(path.join(root, 'tools/page-head.mjs')).href);
  for (const file of sources) {
    const html = await readFile(path.join(root, file), 'utf8');
    assert.equal(html.match(/^<!-- simcore:head( demo)? -->$/gm)?.length, 1, `${file}: one head marker`);
    assert.doesNotMatch(html, /Content-Security-Policy/, `${file}: no policy of its own`);
    const built = await readFile(path.join(distDir, file.replace(/^web\//, '')), 'utf8');
    assert.equal([...built.matchAll(POLICY)][0][1], CSP, `${file}: built with the template's policy`);
  }
});

// Each probe tries to run script the policy must block; `flag` is what it would set.
async function probe(p) {
  return p.evaluate(async () => {
    const tries = {
      inline: () => { const s = document.createElement('script'); s.textContent = 'window.__ran.push("inline")'; document.body.append(s); },
      dataScript: () => { const s = document.createElement('script'); s.src = 'data:text/javascript,window.__ran.push("data")'; document.body.append(s); },
      otherOrigin: () => { const s = document.createElement('script'); s.src = 'https://example.invalid/x.js'; document.body.append(s); },
      eval: () => eval('window.__ran.push("eval")'),
      Function: () => new Function('window.__ran.push("Function")')(),
      setTimeoutString: () => setTimeout('window.__ran.push("setTimeout")', 0),
      handler: () => { const d = document.createElement('div'); d.setAttribute('onclick', 'window.__ran.push("onclick")'); document.body.append(d); d.click(); d.remove(); },
      markup: () => { const d = document.createElement('div'); d.innerHTML = '<img src="data:," onerror="window.__ran.push(\'onerror\')">'; document.body.append(d); },
      javascriptUrl: () => { const a = document.createElement('a'); a.href = 'javascript:window.__ran.push("js-url")'; document.body.append(a); a.click(); a.remove(); },
      fetch: () => fetch('https://example.invalid/').catch(() => {}),
      image: () => { new Image().src = 'https://example.invalid/x.png'; },
    };
    window.__ran = [];
    const threw = {};
    // From a timer, not from this evaluation: DevTools lets the code it
    // evaluates use eval whatever the policy, but only while it runs.
    await new Promise((resolve) => setTimeout(() => {
      for (const [name, fn] of Object.entries(tries)) {
        try {
          fn();
        } catch (e) {
          threw[name] = e.name;
        }
      }
      resolve();
    }, 0));
    // Let queued work (timers, error events, navigation) happen.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
    return { ran: window.__ran, threw };
  });
}

await withBrowser(async (browser, server) => {
  for (const [page, { hash = '' }] of Object.entries(PAGES)) {
    for (const how of ['http', 'file']) {
      test(`${page} over ${how}: works with no policy violation, blocks foreign script, requests only its own files`, async () => {
        const ctx = await browser.newContext();
        await ctx.addInitScript(recordViolations);
        const p = await ctx.newPage();
        const seen = watch(ctx, p);
        await p.goto(pageUrls(server, page)[how] + hash);
        await waitReady(p, page);
        const own = how === 'http' ? `${server.origin}/` : pathToFileURL(distDir).href;
        const outside = () => seen.requests.filter((r) => !(r.url.startsWith(own) || r.url.startsWith('data:') || r.url.startsWith('blob:')));
        assert.deepEqual(outside(), [], 'loading the page');
        assert.deepEqual(await p.evaluate(() => window.__violations), []);
        assert.deepEqual(seen.errors, []);

        const { ran, threw } = await probe(p);
        assert.deepEqual(ran, []);
        assert.deepEqual(threw, { eval: 'EvalError', Function: 'EvalError' });
        // One report per probe: eval, Function and the string timer under
        // script-src; the two handlers under script-src-attr; the inline,
        // data:, other-origin and javascript: scripts under script-src-elem.
        await p.waitForFunction(() => window.__violations.length >= 11);
        const directives = (await p.evaluate(() => window.__violations)).map((v) => v.directive).sort();
        assert.deepEqual(directives, ['connect-src', 'img-src', 'script-src', 'script-src', 'script-src',
          'script-src-attr', 'script-src-attr', 'script-src-elem', 'script-src-elem', 'script-src-elem', 'script-src-elem']);
        // The probes' two outside URLs were stopped by the policy before any byte was sent.
        assert.deepEqual(outside().map((r) => [r.url, r.failure]),
          [['https://example.invalid/x.js', 'csp'], ['https://example.invalid/x.png', 'csp']]);
        assert.ok(seen.requests.every((r) => r.method === 'GET' && r.body === null));
        await ctx.close();
      });
    }
  }

  for (const how of ['http', 'file']) {
    test(`gabor.html over ${how}: a user's image is decoded in the page, its bytes go nowhere`, async () => {
      const ctx = await browser.newContext();
      await ctx.addInitScript(recordViolations);
      const p = await ctx.newPage();
      const seen = watch(ctx, p);
      await p.goto(pageUrls(server, 'gabor.html')[how] + '#imageSize=128&orientations=4');
      await waitDrawn(p, 'simcore-gabor');
      const loadedFiles = seen.requests.length;
      const png = await readFile(path.join(distDir, 'thumbs/hopfield.png'));
      const input = () => p.evaluate(() => document.querySelector('simcore-gabor').shadowRoot
        .querySelector('canvas[data-panel=input]').toDataURL());
      const before = await input();
      await p.locator('simcore-gabor input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
      await p.waitForFunction((b) => document.querySelector('simcore-gabor').shadowRoot
        .querySelector('canvas[data-panel=input]').toDataURL() !== b, before);
      assert.equal(await p.locator('simcore-gabor select[name=image]').inputValue(), 'user');
      // The output panels follow the new input.
      await p.locator('simcore-gabor input[name=theta]').fill('1');
      await waitDrawn(p, 'simcore-gabor');
      // Loading and filtering the picture made no request at all, not even to the page's own files.
      assert.deepEqual(seen.requests.slice(loadedFiles), []);
      assert.deepEqual(await p.evaluate(() => window.__violations), []);
      assert.deepEqual(seen.errors, []);
      await ctx.close();
    });
  }
});
