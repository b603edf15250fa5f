// Shared setup for browser tests: Debian's Chromium driven by playwright-core
// (no browser download), and dist/ served by python's http.server on a free
// loopback port. Pages are tested over http and from file:// (without
// --allow-file-access-from-files, which would hide what a user sees).
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startServer() {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', distDir],
    { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(origin + '/');
      if (r.ok) return { origin, child };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('http.server did not start');
}

export function pageUrls(server, page) {
  return { http: `${server.origin}/${page}`, file: pathToFileURL(distDir + page).href };
}

// Registers before/after hooks and calls body(browser, server) to register
// tests; browser and server are proxies valid once the tests run.
export async function withBrowser(body) {
  const state = {};
  before(async () => {
    state.server = await startServer();
    state.browser = await chromium.launch(LAUNCH);
  });
  after(async () => {
    await state.browser?.close();
    state.server?.child.kill();
  });
  const browser = { newContext: (...a) => state.browser.newContext(...a) };
  const server = {
    get origin() { return state.server.origin; },
  };
  await body(browser, server);
}

/**
 * Opens `url` in a fresh context and waits until `widget` is ready (and, on a
 * demo page, the status line). `problems` collects console errors, uncaught
 * exceptions, dialogs and requests that leave the page's files; a test ends
 * with `assert.deepEqual(problems, NO_PROBLEMS)`.
 */
export async function openPage(browser, server, url, widget, { context = {}, status = true } = {}) {
  const ctx = await browser.newContext(context);
  const p = await ctx.newPage();
  const problems = { errors: [], outside: [], dialogs: [] };
  p.on('console', (m) => { if (m.type() === 'error') problems.errors.push(m.text()); });
  p.on('pageerror', (e) => problems.errors.push(String(e)));
  p.on('dialog', (d) => { problems.dialogs.push(d.message()); d.dismiss(); });
  p.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(server.origin) || u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'))) problems.outside.push(u);
  });
  await p.goto(url);
  await p.waitForFunction((w) => document.querySelector(w)?.ready.then(() => true), widget);
  if (status) await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
  return { ctx, p, problems };
}

export const NO_PROBLEMS = Object.freeze({ errors: [], outside: [], dialogs: [] });

/**
 * The page's address hash once the demo page has written the latest state.
 * web/demo-page.js writes it on every change today; a throttled writer sets
 * window.simcoreHashPending while a write waits, and this waits for it.
 */
export async function pageHash(p) {
  await p.waitForFunction(() => !window.simcoreHashPending);
  return p.evaluate(() => location.hash);
}
