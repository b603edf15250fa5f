// The spiking-network page, driven like a person would: load over http and
// from file://, watch it run, pause, step, reset, click a raster row to
// trace a neuron, change parameters (a new network), open links with
// hashes, switch the language. What the page shows is checked against the
// binding run directly in Node with the same parameters: the raster holds
// the same spikes, the spectrum is the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, pageHash, pageUrls, withBrowser } from './harness.mjs';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { checkPresetLinks } from './presets.mjs';

const W = 'simcore-network';
const sc = await loadSimcore();

const open = (browser, server, how, hash = '', context = {}) =>
  openPage(browser, server, pageUrls(server, 'network.html')[how] + hash, W, { context });
const get = (p, expr) => p.evaluate(([sel, e]) => {
  const el = document.querySelector(sel);
  return new Function('el', `return (${e});`)(el);
}, [W, expr]);
const call = (p, method, ...args) => p.evaluate(async ([sel, m, a]) => {
  const el = document.querySelector(sel);
  const f = await el[m](...a);
  return f && typeof f === 'object' ? { time: f.time, done: f.done } : f;
}, [W, method, args]);
const act = (p, name) => p.locator(`${W} button[data-act="${name}"]`).click();
const idle = (p) => p.evaluate((sel) => document.querySelector(sel).whenIdle(), W);
const raster = (p) => p.evaluate((sel) => document.querySelector(sel).rasterSpikes, W);
/** Pause, then back to t = 0 (the same network). */
async function fromZero(p) {
  await p.evaluate((sel) => document.querySelector(sel).pause(), W);
  await p.evaluate((sel) => document.querySelector(sel).resetNet(), W);
  await idle(p);
  assert.equal(await get(p, 'el.time'), 0);
}

/** The binding run directly: the same network for `ms`. */
function direct(options, ms) {
  const net = sc.createIzhikevichNetwork(options);
  const r = net.run(ms);
  net.dispose();
  return r;
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`network.html over ${how}: loads, runs live, typeset equations, no console errors or outside requests`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      assert.match(await p.locator(`${W} .timing`).textContent(), /^N = 1000 \(800 \+ 200\) · net\.m, double · SIMD/);
      assert.ok(await p.locator('.katex').count() >= 4);
      // It starts running by itself (autoplay) at 1× real time.
      const t0 = await get(p, 'el.time');
      await p.waitForFunction((sel) => document.querySelector(sel).time > 300, W, { timeout: 10000 });
      assert.ok(await get(p, 'el.running !== null'));
      assert.ok(await get(p, 'el.time') > t0);
      assert.match(await p.locator(`${W} .info`).textContent(), /^t = \d+ ms · mean rate \d+\.\d Hz · running at /);
      assert.equal(await get(p, 'el.dataset.core.endsWith("SIMD")'), true);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('1000 ms at the defaults: the raster holds exactly the spikes the binding reports; rate in range; bands coloured', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await fromZero(p);
    assert.deepEqual((await call(p, 'stepMs', 1000)), { time: 1000, done: 1000 });
    const shown = await raster(p);
    const want = direct({ seed: 1 }, 1000);
    assert.ok(want.spikeTimes.length > 3000, `${want.spikeTimes.length} spikes`);
    assert.equal(await get(p, 'el.spikeTotal'), want.spikeTimes.length);
    assert.deepEqual(shown.times, Array.from(want.spikeTimes));
    assert.deepEqual(shown.index, Array.from(want.spikeIndex));
    // docs/snn.md: 7.0-7.5 Hz measured at the defaults (seeds 1-7); the page says so.
    const rate = await get(p, 'el.meanRate()');
    assert.ok(rate > 4 && rate < 12, `mean rate ${rate} Hz`);
    assert.ok(Math.abs(rate - want.spikeTimes.length / 1000) < 1e-9);
    // Pixels: excitatory dots only above row Ne, inhibitory ones only below.
    const colours = await p.evaluate((sel) => {
      const el = document.querySelector(sel);
      const c = el.shadowRoot.querySelector('canvas.raster');
      const { box, n } = el.rasterLayout;
      const dpr = c.width / c.clientWidth;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const border = (box.y + (800 / n) * box.h) * dpr;
      const out = { excAbove: 0, excBelow: 0, inhAbove: 0, inhBelow: 0 };
      for (let y = Math.ceil(box.y * dpr) + 1; y < Math.floor((box.y + box.h) * dpr) - 1; y++) {
        if (Math.abs(y - border) < 2) continue;
        for (let x = Math.ceil(box.x * dpr) + 1; x < Math.floor((box.x + box.w) * dpr) - 1; x++) {
          const i = 4 * (y * c.width + x);
          const key = d[i] === 0x1f && d[i + 1] === 0x3b && d[i + 2] === 0x8a ? 'exc' : d[i] === 0xd1 && d[i + 1] === 0x49 && d[i + 2] === 0x5b ? 'inh' : null;
          if (key) out[key + (y < border ? 'Above' : 'Below')]++;
        }
      }
      return out;
    }, W);
    assert.ok(colours.excAbove > 1000, JSON.stringify(colours));
    assert.ok(colours.inhBelow > 200, JSON.stringify(colours));
    assert.equal(colours.excBelow + colours.inhAbove, 0, JSON.stringify(colours));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('pause stops time, run resumes it, step adds 1 ms', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await p.waitForFunction((sel) => document.querySelector(sel).time > 50, W);
    await act(p, 'play'); // the run button pauses a running network
    await idle(p);
    const t = await get(p, 'el.time');
    const spikes = await get(p, 'el.spikeTotal');
    await p.waitForTimeout(500);
    assert.equal(await get(p, 'el.time'), t);
    assert.equal(await get(p, 'el.spikeTotal'), spikes);
    assert.match(await p.locator(`${W} .info`).textContent(), /paused$/);
    await act(p, 'step');
    await idle(p);
    assert.equal(await get(p, 'el.time'), t + 1);
    await act(p, 'play');
    await p.waitForFunction(([sel, t1]) => document.querySelector(sel).time > t1 + 100, [W, t + 1]);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('reset with the same seed reproduces the same first spikes; a new seed gives others', async () => {
    const { ctx, p } = await open(browser, server, 'file');
    await fromZero(p);
    await call(p, 'stepMs', 300);
    const first = await raster(p);
    await act(p, 'reset');
    await idle(p);
    await p.evaluate((sel) => document.querySelector(sel).pause(), W);
    assert.ok(await get(p, 'el.time') < 300);
    await fromZero(p);
    await call(p, 'stepMs', 300);
    assert.deepEqual(await raster(p), first);
    const seed = await get(p, 'el.state.seed');
    await act(p, 'reseed');
    await idle(p);
    assert.notEqual(await get(p, 'el.state.seed'), seed);
    await fromZero(p);
    await call(p, 'stepMs', 300);
    assert.notDeepEqual((await raster(p)).index.slice(0, 50), first.index.slice(0, 50));
    await ctx.close();
  });

  test('a click on a raster row traces that neuron: v and u per ms, spikes at the raster\'s times', async () => {
    // 125 neurons: rows about 2 px high, so a click names one row.
    const { ctx, p, problems } = await open(browser, server, 'http', '#ne=100&ni=25');
    await fromZero(p);
    await call(p, 'stepMs', 400);
    // The neuron that fires most, found in the raster.
    const counts = new Map();
    for (const i of (await raster(p)).index) counts.set(i, (counts.get(i) ?? 0) + 1);
    const pick = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const lay = await get(p, 'el.rasterLayout');
    const y = Math.round(lay.box.y + ((pick + 0.5) / lay.n) * lay.box.h);
    await p.locator(`${W} canvas.raster`).click({ position: { x: lay.box.x + 20, y } });
    const expected = Math.floor(((y - lay.box.y) / lay.box.h) * lay.n);
    assert.equal(await get(p, 'el.state.neuron'), expected);
    assert.ok(Math.abs(expected - pick) <= 1);
    const kind = expected < 100 ? 'excitatory' : 'inhibitory';
    assert.match(await p.locator(`${W} figure[data-panel=trace] figcaption`).textContent(), new RegExp(`neuron ${expected} \\(${kind}\\)`));
    await fromZero(p);
    await call(p, 'stepMs', 400);
    const tr = await get(p, 'el.traceData');
    assert.deepEqual(tr.t, Array.from({ length: 400 }, (_, k) => k + 1));
    assert.ok(tr.v.every((v) => v > -100), 'v above -100 mV');
    // A sample at or past 30 mV at time t is the spike the raster shows at t (net.m's stamp).
    const { times, index } = await raster(p);
    const fired = times.filter((t, k) => index[k] === expected && t > 0);
    const peaks = tr.t.filter((t, k) => tr.v[k] >= 30 && t < 400);
    assert.ok(fired.length > 0, `neuron ${expected} fired`);
    assert.deepEqual(fired, peaks);
    assert.match(await pageHash(p), new RegExp(`neuron=${expected}`));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the spectrum over 8 s is sc.rateSpectrum of the same rate, with alpha and gamma peaks', async () => {
    const { ctx, p } = await open(browser, server, 'http', '#spectrum=8');
    await fromZero(p);
    await call(p, 'stepMs', 8000);
    const spec = await get(p, 'el.spectrumData');
    assert.equal(spec.ms, 8000);
    const want = sc.rateSpectrum(direct({ seed: 1 }, 8000).rate, { segment: 500 });
    assert.deepEqual(spec.power, Array.from(want.power));
    const peak = (lo, hi) => spec.freq.map((f, k) => [f, spec.power[k]]).filter(([f]) => f >= lo && f <= hi).sort((a, b) => b[1] - a[1])[0];
    const mean = (lo, hi) => { const v = spec.freq.map((f, k) => [f, spec.power[k]]).filter(([f]) => f >= lo && f <= hi).map(([, x]) => x); return v.reduce((a, b) => a + b) / v.length; };
    const [fa, pa] = peak(6, 14);
    const [fg, pg] = peak(24, 50);
    assert.ok(fa >= 6 && fa <= 14, `alpha at ${fa} Hz`);
    // docs/snn.md: alpha above the 14-20 Hz trough, gamma well above the 150-250 Hz floor.
    assert.ok(pa > 2 * mean(14, 20), `alpha ${pa} vs trough ${mean(14, 20)}`);
    assert.ok(pg > 5 * mean(150, 250), `gamma ${pg} at ${fg} Hz vs floor ${mean(150, 250)}`);
    assert.match(await p.locator(`${W} figure[data-panel=spectrum] .note`).textContent(), new RegExp(`α ${fa} Hz · γ ${fg} Hz`));
    await ctx.close();
  });

  test('parameters from the hash build that network; a coupling slider acts on the running network, the arithmetic builds a new one', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#ne=400&ni=100&scaleInh=0.5&noiseExc=6&heterogeneity=0&seed=42&speed=3');
    assert.match(await p.locator(`${W} .timing`).textContent(), /^N = 500 \(400 \+ 100\)/);
    assert.equal(await p.locator(`${W} #c-speed + output, ${W} output[for=c-speed]`).first().textContent(), '3.0×');
    await fromZero(p);
    await call(p, 'stepMs', 500);
    const opts = { ne: 400, ni: 100, seed: 42, heterogeneity: false, noise: { exc: 6, inh: 2 }, scale: { exc: 0.5, inh: 0.5 } };
    const want = direct(opts, 500);
    assert.deepEqual((await raster(p)).index, Array.from(want.spikeIndex));
    // The inhibitory scale slider moved to 1.5: the running network takes it (setParams), its time goes on;
    // from t = 0 it is the network built with that scale.
    const slider = p.locator(`${W} #c-scaleInh`);
    await slider.fill('1.5');
    await idle(p);
    assert.equal(await get(p, 'el.state.scaleInh'), 1.5);
    assert.equal(await get(p, 'el.time'), 500, 'the time goes on');
    await call(p, 'stepMs', 200);
    assert.equal(await get(p, 'el.time'), 700);
    await fromZero(p);
    await call(p, 'stepMs', 500);
    assert.deepEqual((await raster(p)).index, Array.from(direct({ ...opts, scale: { exc: 0.5, inh: 1.5 } }, 500).spikeIndex));
    assert.match(await pageHash(p), /scaleInh=1\.5/);
    // The fast arithmetic: another network run (float32, its own noise), still the binding's for those options.
    await call(p, 'stepMs', 100);
    await p.locator(`${W} #c-mode`).selectOption('fast');
    await idle(p);
    assert.match(await p.locator(`${W} .timing`).textContent(), /· fast, float32 ·/);
    assert.equal(await get(p, 'el.time'), 0, 'another arithmetic: a new network from t = 0');
    await fromZero(p);
    await call(p, 'stepMs', 500);
    assert.deepEqual((await raster(p)).index, Array.from(direct({ ...opts, scale: { exc: 0.5, inh: 1.5 }, mode: 'fast' }, 500).spikeIndex));
    // A hostile or out-of-range value keeps the previous state.
    await p.evaluate(() => { location.hash = '#ne=99999&ni=-3&seed=abc'; });
    await p.waitForTimeout(200);
    assert.equal(await get(p, 'el.state.ne'), 400);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the "Try:" links name every field and give the same state in any order; "no inhibition" builds that network', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    const start = '#ne=300&ni=60&noiseExc=7&noiseInh=1&scaleExc=0.3&scaleInh=2&heterogeneity=0&seed=5&speed=0.5&window=250&spectrum=2&neuron=7';
    const { links } = await checkPresetLinks(p, W, start, [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [2, 5, 0, 4, 1, 3]]);
    assert.equal(links.length, 6);
    await p.locator('.presets a[data-i18n$=noInh]').click();
    // Not idle(): the network runs (and without inhibition draws a full raster
    // every frame), so a render is always pending; wait for the state instead.
    await p.waitForFunction((sel) => document.querySelector(sel).state.scaleInh === 0, W);
    await fromZero(p);
    await call(p, 'stepMs', 1000);
    const want = direct({ seed: 1, scale: { exc: 0.5, inh: 0 } }, 1000);
    assert.equal(await get(p, 'el.spikeTotal'), want.spikeTimes.length);
    // What the page says of it: the whole network fires at once (some 1-ms step has every neuron).
    assert.ok(want.rate.some((r) => r === 1000), 'a step where every neuron fires');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('language switch: labels in Chinese, same numbers', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await p.locator('#lang').click();
    assert.equal(await p.locator(`${W} header h2`).textContent(), '脉冲神经网络（Izhikevich 2003）');
    assert.equal(await p.locator('h1').textContent(), '脉冲神经网络：Izhikevich 皮层模型中的 α 与 γ 节律');
    await act(p, 'play'); // the run button pauses a running network
    await idle(p);
    assert.match(await p.locator(`${W} .info`).textContent(), /平均放电率 .* 已暂停$/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('network.html at 320 px: nothing overflows sideways', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '', { viewport: { width: 320, height: 700 } });
    const over = await p.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot.querySelector('.root');
      return { page: document.documentElement.scrollWidth - innerWidth, widget: root.scrollWidth - root.clientWidth };
    }, W);
    assert.deepEqual(over, { page: 0, widget: 0 });
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
