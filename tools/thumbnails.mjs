// Regenerates the gallery thumbnails (480x270) from the built pages, one per
// page and language: web/thumbs/<page>.png in English, <page>.zh.png in
// Chinese (the gallery shows the page's language: web/index.js).
// `make build && node tools/thumbnails.mjs [name ...]` (names: the keys of
// `pages`; none: all), then look at them.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { LAUNCH } from '../tests/browser/harness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pages = {
  gabor: 'gabor.html',
  hopfield: 'hopfield.html',
  network: 'network.html',
  'phase-plane': 'phase-plane.html#model=linear&a=-0.5&b=1&c=-1&d=-0.5&traj=2.5,2;-2.5,-2;2.5,-1',
  izhikevich: 'izhikevich.html',
  hh: 'hh.html#protocol=step&amp=10&onset=5&dur=200&delay=0&t1=100&tNc=50',
  linear3d: 'linear3d.html',
  backprop: 'backprop.html#compare=1&net=20:logistic&netB=20:relu&speed=max&epochs=60',
  engine: 'engine.html',
  gradient: 'gradient.html',
  lenet: 'lenet.html#net=lecun1998&epochs=1&seed=1',
  boltzmann: 'boltzmann.html',
  kernels: 'kernels.html',
};
// Pages whose first view is a starting point: bring them to a telling state.
const setup = {
  // A full second of the raster, its rate and spectrum.
  network: (p) => p.waitForFunction(() => document.querySelector('simcore-network').time > 1200, null, { timeout: 20000 }),
  // The noisy digit recalled, with its falling energy trace.
  hopfield: async (p) => {
    await p.locator('simcore-hopfield button[data-act=play]').click();
    await p.waitForFunction(() => document.querySelector('simcore-hopfield').status === 'fixed', null, { timeout: 20000 });
  },
  // The encoder learned: the curve up to its bound, the recall table green.
  boltzmann: async (p) => {
    await p.locator('simcore-boltzmann button[data-act=play]').click();
    await p.waitForFunction(() => !document.querySelector('simcore-boltzmann').running, null, { timeout: 60000 });
  },
  // Logistic against ReLU, trained to the epoch limit.
  backprop: async (p) => {
    await p.locator('simcore-mlp button[data-act=play]').click();
    await p.waitForFunction(() => {
      const el = document.querySelector('simcore-mlp');
      return !el.running && el.readout.every((r) => r?.epoch === el.state.epochs);
    }, null, { timeout: 60000 });
  },
  // One pass of LeNet-5: curves, confusion matrix, misclassified digits and trained kernels.
  lenet: async (p) => {
    await p.locator('simcore-lenet button[data-act=play]').click();
    await p.waitForFunction(() => document.querySelector('simcore-lenet').readout.evaluatedPass === 1, null, { timeout: 120000 });
  },
};
const only = process.argv.slice(2);
const browser = await chromium.launch(LAUNCH);
for (const lang of ['en', 'zh']) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 0.375 });
  // The language every page starts in: the reader's remembered choice (web/widgets/shared/i18n.mjs).
  await ctx.addInitScript((l) => localStorage.setItem('simcore.lang', l), lang);
  for (const [name, page] of Object.entries(pages)) {
    if (only.length && !only.includes(name)) continue;
    const p = await ctx.newPage();
    const [file, hash = ''] = page.split('#');
    await p.goto(pathToFileURL(path.join(root, 'dist', file)).href + (hash && `#${hash}`));
    await p.waitForFunction(() => document.getElementById('status')?.textContent.startsWith('simcore'));
    await p.waitForTimeout(1500); // let workers finish their first render
    await setup[name]?.(p);
    await p.screenshot({ path: path.join(root, 'web/thumbs', lang === 'en' ? `${name}.png` : `${name}.${lang}.png`) });
    await p.close();
  }
  await ctx.close();
}
await browser.close();
