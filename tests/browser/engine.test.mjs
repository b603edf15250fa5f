// The convolution engine playground (dist/engine.html), driven like a person:
// move sliders, pick options, read canvas pixels. Runs over http and from
// file://. The page sets #app[data-state] to 'pending' while a frame is
// scheduled and 'ready' once the canvases match the controls, and counts
// renders in #app[data-renders].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls } from './harness.mjs';

async function open(browser, server, how, viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ viewport });
  const p = await ctx.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(pageUrls(server, 'engine.html')[how]);
  await p.waitForFunction(() => document.getElementById('app').dataset.state === 'ready');
  // A small Gabor kernel (25×25) and the direct method keep the tests fast.
  await act(p, async () => {
    await p.locator('#sigma').fill('2');
    await p.locator('#method').selectOption('direct');
  });
  return { ctx, p, errors };
}

// Run a user action and wait until the page has rendered its result.
async function act(p, action) {
  const before = await p.evaluate(() => Number(document.getElementById('app').dataset.renders));
  await action();
  await p.waitForFunction((b) => {
    const app = document.getElementById('app');
    return app.dataset.state === 'ready' && Number(app.dataset.renders) > b;
  }, before);
}

// Canvas snapshots stay in the page (moving 256×256×4 values through
// playwright's serializer takes seconds); the test gets a handle.
let snapshots = 0;
async function snap(p, id) {
  const name = `s${++snapshots}`;
  await p.evaluate(([id, name]) => {
    const c = document.getElementById(id);
    (window.testSnapshots ??= {})[name] = { width: c.width, height: c.height,
      data: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
  }, [id, name]);
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

const text = (p, id) => p.locator(`#${id}`).textContent();

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
  for (const how of ['http', 'file']) {
    test(`engine over ${how}: moving θ changes the kernel and the output`, async () => {
      const { ctx, p, errors } = await open(browser, server, how);
      const k0 = await snap(p, 'kernel');
      const o0 = await snap(p, 'output');
      const slider = p.locator('#theta');
      // Drag the thumb like a person: from its position to the right.
      const box = await slider.boundingBox();
      const x0 = box.x + (box.width * 30) / 180;
      await act(p, async () => {
        await p.mouse.move(x0, box.y + box.height / 2);
        await p.mouse.down();
        await p.mouse.move(x0 + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
        await p.mouse.up();
      });
      assert.ok(Number(await slider.inputValue()) > 60, 'the drag moved θ');
      assert.match(await p.locator('output[for="theta"]').textContent(), /^\d+°$/);
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
      await act(p, () => p.locator('#method').selectOption('fft'));
      assert.equal(await text(p, 'method-used'), 'fft');
      const fft = await snap(p, 'output');
      await act(p, () => p.locator('#method').selectOption('direct'));
      assert.equal(await text(p, 'method-used'), 'direct');
      assert.equal(await text(p, 'fft-size'), '–');
      const direct = await snap(p, 'output');
      await assertSameImage(fft, direct, 'fft vs direct');
      assert.equal(await p.locator('#error').isHidden(), true);
      assert.deepEqual(errors, []);
      await ctx.close();
    });

    test(`engine over ${how}: the scalar build gives the SIMD build's output`, async () => {
      const { ctx, p, errors } = await open(browser, server, how);
      assert.match(await text(p, 'status'), /^simcore \S+ · SIMD active/);
      const simd = await snap(p, 'output');
      await act(p, () => p.locator('label:has(input[value="scalar"])').click());
      assert.equal(await p.locator('input[value="scalar"]').isChecked(), true);
      assert.match(await text(p, 'status'), /^simcore \S+ · scalar build/);
      assert.equal(await text(p, 'method-used'), 'direct');
      await assertSameImage(simd, await snap(p, 'output'), 'scalar vs SIMD');
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }

  test('engine: a burst of slider events costs one render, with the last value', async () => {
    const { ctx, p, errors } = await open(browser, server, 'http');
    const before = await p.evaluate(() => Number(document.getElementById('app').dataset.renders));
    // 30 input events in one task, faster than any frame: a drag on a slow machine.
    await p.evaluate(() => {
      const theta = document.getElementById('theta');
      for (let v = 91; v <= 120; v++) {
        theta.value = String(v);
        theta.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await p.waitForFunction(() => document.getElementById('app').dataset.state === 'ready');
    const after = await p.evaluate(() => Number(document.getElementById('app').dataset.renders));
    assert.equal(after - before, 1, 'renders for 30 events');
    assert.equal(await p.locator('output[for="theta"]').textContent(), '120°');
    // The kernel drawn is θ = 120°'s: setting 120 again changes nothing visible.
    const k120 = await snap(p, 'kernel');
    await act(p, () => p.locator('#theta').fill('119'));
    await act(p, () => p.locator('#theta').fill('120'));
    assert.equal((await diff(k120, await snap(p, 'kernel'))).changed, 0);
    assert.match(await text(p, 'time'), /^\d+(\.\d)? (µs|ms) \(median of [1-7]\)$/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('engine: every image and kernel renders without an error', async () => {
    const { ctx, p, errors } = await open(browser, server, 'http');
    const images = await p.locator('#image option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(images.length >= 6);
    for (const image of images) {
      await act(p, () => p.locator('#image').selectOption(image));
      assert.equal(await p.locator('#error').isHidden(), true, `image ${image}: ${await text(p, 'error')}`);
    }
    for (const kernel of ['gaussian', 'box', 'sobel-x', 'random', 'gabor']) {
      await act(p, () => p.locator('#kernel-type').selectOption(kernel));
      assert.equal(await p.locator('#error').isHidden(), true, `kernel ${kernel}: ${await text(p, 'error')}`);
      assert.match(await text(p, 'kernel-size'), /^\d+ × \d+$/);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('engine at 320 px from file://: no horizontal overflow', async () => {
    const { ctx, p, errors } = await open(browser, server, 'file', { width: 320, height: 640 });
    for (const kernel of ['gabor', 'random']) {
      await act(p, () => p.locator('#kernel-type').selectOption(kernel));
      const { scroll, client } = await p.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${kernel}: page is ${scroll} px wide in a ${client} px viewport`);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
