// The convolution engine page (dist/engine.html, <simcore-conv>), driven like
// a person: move sliders, pick options, read canvas pixels. Runs over http
// and from file://. The widget sets data-state="pending" on itself while a
// change is on its way and "ready" once the canvases and the readout show the
// current state, and counts finished convolutions in data-renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls, pageHash } from './harness.mjs';
import { checkPresetLinks } from './presets.mjs';

const W = 'simcore-conv';
const $ = (name) => `${W} [data-read="${name}"]`;

async function open(browser, server, how, { viewport = { width: 1280, height: 900 }, hash = '' } = {}) {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  // A small Gabor kernel (σ = 2: 25×25) and the direct method keep the tests fast.
  await p.goto(pageUrls(server, 'engine.html')[how] + (hash || '#sigma=2&method=direct'));
  await p.waitForFunction((w) => document.querySelector(w).dataset.state === 'ready', W);
  return { ctx, p, errors };
}

// Run a user action and wait until the widget has rendered its result.
async function act(p, action) {
  const before = await p.evaluate((w) => Number(document.querySelector(w).dataset.renders), W);
  await action();
  await p.waitForFunction(([w, b]) => {
    const el = document.querySelector(w);
    return el.dataset.state === 'ready' && Number(el.dataset.renders) > b;
  }, [W, before]);
}

// Canvas snapshots stay in the page (moving 256×256×4 values through
// playwright's serializer takes seconds); the test gets a handle. The output
// panel shows a scaled copy, so the data-resolution source is read.
let snapshots = 0;
async function snap(p, panel) {
  const name = `s${++snapshots}`;
  await p.evaluate(([w, panel, name]) => {
    const el = document.querySelector(w);
    const c = panel === 'output' ? el.sources.output : el.shadowRoot.querySelector(`canvas[data-panel="${panel}"]`);
    (window.testSnapshots ??= {})[name] = { width: c.width, height: c.height,
      data: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
  }, [W, panel, name]);
  return { p, name };
}

// Per-channel differences between two snapshots: the largest, and the
// fraction of pixels that differ at all.
async function diff(a, b) {
  const r = await a.p.evaluate(([a, b]) => {
    const A = window.testSnapshots[a];
    const B = window.testSnapshots[b];
    if (A.width !== B.width || A.height !== B.height) return { size: [A.width, A.height, B.width, B.height] };
    let max = 0;
    let changed = 0;
    for (let i = 0; i < A.data.length; i += 4) {
      let d = 0;
      for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(A.data[i + c] - B.data[i + c]));
      max = Math.max(max, d);
      if (d > 0) changed++;
    }
    return { max, changed: changed / (A.data.length / 4) };
  }, [a.name, b.name]);
  assert.equal(r.size, undefined, `canvas sizes differ: ${r.size}`);
  return r;
}

const text = (p, sel) => p.locator(sel).textContent();

// Pick an option; an unchanged choice renders nothing, so it is not waited for.
async function choose(p, id, value) {
  const select = p.locator(`${W} #${id}`);
  if ((await select.inputValue()) !== value) await act(p, () => select.selectOption(value));
}
const state = (p) => p.evaluate((w) => document.querySelector(w).state, W);

// Outputs of two algorithms agree to ~1e-5 relative, far below one step of
// the 256-entry colour map; where a value sits on a step boundary it may round
// to the neighbouring entry, whose colour differs by at most ~6 per channel
// (RdBu's steepest segment). So: at most one map step, on few pixels.
const MAP_STEP = 8;
async function assertSameImage(a, b, what) {
  const d = await diff(a, b);
  assert.ok(d.max <= MAP_STEP && d.changed < 0.02, `${what}: max channel difference ${d.max}, ${(100 * d.changed).toFixed(2)} % of pixels differ`);
}

await withBrowser(async (browser, server) => {
  test('each "Try:" link sets a complete state: the same state and URL whatever was clicked before', async () => {
    const { ctx, p, errors } = await open(browser, server, 'file');
    // Far from the defaults and from every link.
    const start = '#op=convolve&border=wrap&method=direct&rankTol=0.2&kernel=random&theta=2&lambda=30&sigma=2&gamma=1.2&psi=1'
      + '&autoSize=0&gaussSigma=7&ksize=9&seed=77&image=text&imageSize=128';
    const { links } = await checkPresetLinks(p, W, start, [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]]);
    assert.equal(links.length, 4);
    await p.waitForFunction((w) => document.querySelector(w).dataset.state === 'ready', W);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  for (const how of ['http', 'file']) {
    test(`engine over ${how}: moving θ changes the kernel and the output`, async () => {
      const { ctx, p, errors } = await open(browser, server, how);
      const k0 = await snap(p, 'kernel');
      const o0 = await snap(p, 'output');
      const slider = p.locator(`${W} #c-theta`);
      // Drag the thumb like a person: from its position (30°) to the right.
      const box = await slider.boundingBox();
      const x0 = box.x + (box.width * 30) / 180;
      await act(p, async () => {
        await p.mouse.move(x0, box.y + box.height / 2);
        await p.mouse.down();
        await p.mouse.move(x0 + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
        await p.mouse.up();
      });
      assert.ok(Number(await slider.inputValue()) > 60, 'the drag moved θ');
      assert.ok((await state(p)).theta > Math.PI / 3, 'and the state followed, in radians');
      assert.match(await text(p, `${W} output[for="c-theta"]`), /^\d+°$/);
      const k1 = await snap(p, 'kernel');
      const o1 = await snap(p, 'output');
      // θ does not change the auto size, so the heat maps compare pixel by pixel.
      assert.ok((await diff(k0, k1)).changed > 0.2, 'kernel heat map changed');
      assert.ok((await diff(o0, o1)).changed > 0.2, 'output changed');
      assert.deepEqual(errors, []);
      await ctx.close();
    });

    test(`engine over ${how}: fft and direct give the same output, and the readout says which ran`, async () => {
      const { ctx, p, errors } = await open(browser, server, how);
      await act(p, () => p.locator(`${W} #c-method`).selectOption('fft'));
      assert.equal(await text(p, $('method')), 'fft');
      assert.match(await text(p, $('fft')), /^\d+ × \d+$/);
      const fft = await snap(p, 'output');
      await act(p, () => p.locator(`${W} #c-method`).selectOption('direct'));
      assert.equal(await text(p, $('method')), 'direct');
      assert.equal(await text(p, $('fft')), '–');
      const direct = await snap(p, 'output');
      await assertSameImage(fft, direct, 'fft vs direct');
      // A rank-1 kernel forced through the separable path: one term.
      await act(p, () => p.locator(`${W} #c-kernel`).selectOption('gaussian'));
      await act(p, () => p.locator(`${W} #c-method`).selectOption('separable'));
      assert.equal(await text(p, $('method')), 'separable');
      assert.equal(await text(p, $('rank')), '1');
      assert.equal(await p.locator(`${W} .error`).isHidden(), true);
      assert.deepEqual(errors, []);
      await ctx.close();
    });

    test(`engine over ${how}: the scalar build gives the SIMD build's output`, async () => {
      const { ctx, p, errors } = await open(browser, server, how);
      assert.match(await text(p, `${W} .timing`), /^simcore \S+ · SIMD active/);
      const simd = await snap(p, 'output');
      await act(p, () => p.locator(`${W} #c-build`).selectOption('scalar'));
      assert.equal((await state(p)).build, 'scalar');
      assert.match(await text(p, `${W} .timing`), /^simcore \S+ · scalar build/);
      assert.equal(await text(p, $('method')), 'direct');
      await assertSameImage(simd, await snap(p, 'output'), 'scalar vs SIMD');
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }

  test('engine: the URL hash round-trips the state, and a link restores it', async () => {
    const { ctx, p, errors } = await open(browser, server, 'http');
    await act(p, () => p.locator(`${W} #c-kernel`).selectOption('random'));
    await act(p, () => p.locator(`${W} #c-ksize`).fill('9'));
    await act(p, () => p.locator(`${W} #c-reroll`).click());
    await act(p, () => p.locator(`${W} #c-border`).selectOption('wrap'));
    await act(p, () => p.locator(`${W} #c-op`).selectOption('convolve'));
    await act(p, () => p.locator(`${W} #c-image`).selectOption('checker'));
    const s = await state(p);
    assert.deepEqual([s.kernel, s.ksize, s.seed, s.border, s.op, s.image], ['random', 9, 2, 'wrap', 'convolve', 'checker']);
    const hash = await pageHash(p);
    for (const part of ['kernel=random', 'ksize=9', 'seed=2', 'border=wrap', 'op=convolve', 'image=checker', 'sigma=2']) {
      assert.ok(hash.includes(part), `${part} in ${hash}`);
    }
    // Kernel values, and an FNV-1a hash of the output floats' bytes.
    const fingerprint = (page) => page.evaluate((w) => {
      const el = document.querySelector(w);
      let x = 0x811c9dc5;
      for (const b of new Uint8Array(el.result.out.buffer)) x = Math.imul(x ^ b, 0x01000193) >>> 0;
      return { kernel: Array.from(el.kernel.data), out: x, n: el.result.w };
    }, W);
    const first = await fingerprint(p);
    // A fresh page from that link shows the same state, kernel and output.
    const again = await open(browser, server, 'http', { hash });
    // Numbers travel with 6 significant digits (θ = 30° is π/6 rad).
    const six = (st) => Object.fromEntries(Object.entries(st).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(6)) : v]));
    assert.deepEqual(six(await state(again.p)), six(s));
    assert.deepEqual(await fingerprint(again.p), first);
    assert.deepEqual(errors, []);
    assert.deepEqual(again.errors, []);
    await again.ctx.close();
    await ctx.close();
  });

  test('engine over file://: the language switch shows Chinese labels in the page and the widget', async () => {
    const { ctx, p, errors } = await open(browser, server, 'file');
    assert.equal(await text(p, `${W} label[for="c-method"]`), 'method');
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await text(p, 'header h1'), '卷积引擎');
    assert.equal(await text(p, `${W} h2`), '卷积引擎');
    assert.equal(await text(p, `${W} label[for="c-method"]`), '算法');
    assert.equal(await text(p, `${W} #c-op option[value="convolve"]`), '卷积');
    assert.equal(await text(p, `${W} [data-panel="readout"] dt >> nth=1`), '实际算法');
    assert.match(await text(p, $('time')), /次的中位数/);
    assert.match(await text(p, `${W} .timing`), /SIMD 已启用/);
    assert.match(await p.title(), /^卷积引擎 · simcore$/);
    // And back.
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(p, `${W} label[for="c-method"]`), 'method');
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('engine: a burst of slider events costs one convolution, with the last value', async () => {
    const { ctx, p, errors } = await open(browser, server, 'http');
    // Settle first: no convolution of the page's start may still be on its way.
    const renders = () => p.evaluate((w) => Number(document.querySelector(w).dataset.renders), W);
    let before;
    do {
      before = await renders();
      await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      await p.waitForFunction((w) => document.querySelector(w).dataset.state === 'ready', W);
    } while (before !== await renders());
    // 30 input events in one task, faster than any frame: a drag on a slow machine.
    await p.evaluate((w) => {
      const theta = document.querySelector(w).shadowRoot.getElementById('c-theta');
      for (let v = 91; v <= 120; v++) {
        theta.value = String(v);
        theta.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, W);
    await p.waitForFunction((w) => document.querySelector(w).dataset.state === 'ready', W);
    assert.equal(await renders() - before, 1, 'convolutions for 30 events');
    assert.equal(await text(p, `${W} output[for="c-theta"]`), '120°');
    // The kernel drawn is θ = 120°'s: setting 120 again changes nothing visible.
    const k120 = await snap(p, 'kernel');
    await act(p, () => p.locator(`${W} #c-theta`).fill('119'));
    await act(p, () => p.locator(`${W} #c-theta`).fill('120'));
    assert.equal((await diff(k120, await snap(p, 'kernel'))).changed, 0);
    assert.match(await text(p, $('time')), /^\d+(\.\d)? (µs|ms) \(median of [1-7]\)$/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('engine: every image, kernel, border and rank tolerance renders without an error', async () => {
    const { ctx, p, errors } = await open(browser, server, 'http');
    const options = (id) => p.locator(`${W} #${id} option`).evaluateAll((os) => os.map((o) => o.value));
    const images = await options('c-image');
    assert.ok(images.length >= 7);
    for (const image of images) {
      await choose(p, 'c-image', image);
      assert.equal(await p.locator(`${W} .error`).isHidden(), true, `image ${image}: ${await text(p, `${W} .error`)}`);
    }
    for (const kernel of await options('c-kernel')) {
      await choose(p, 'c-kernel', kernel);
      assert.equal(await p.locator(`${W} .error`).isHidden(), true, `kernel ${kernel}: ${await text(p, `${W} .error`)}`);
      assert.match(await text(p, `${W} .size`), /^\d+ × \d+$/);
    }
    for (const border of await options('c-border')) {
      await choose(p, 'c-border', border);
      assert.equal(await p.locator(`${W} .error`).isHidden(), true, `border ${border}`);
    }
    await act(p, () => p.locator(`${W} #c-method`).selectOption('separable'));
    for (const tol of await options('c-rankTol')) {
      await choose(p, 'c-rankTol', tol);
      assert.equal(await p.locator(`${W} .error`).isHidden(), true, `rank tolerance ${tol}`);
      assert.match(await text(p, $('rank')), /^\d+$/);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('engine at 320 px from file://: no horizontal overflow', async () => {
    const { ctx, p, errors } = await open(browser, server, 'file', { viewport: { width: 320, height: 640 } });
    for (const kernel of ['random', 'gabor']) {
      await act(p, () => p.locator(`${W} #c-kernel`).selectOption(kernel));
      const { scroll, client } = await p.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${kernel}: page is ${scroll} px wide in a ${client} px viewport`);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
