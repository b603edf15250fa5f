// <simcore-phase-plane>'s field style: particles advanced by the core's batch
// integrator animate (the layer's pixels change between frames), the choice
// is in the state and the URL hash, the nonlinear models animate through the
// core's double batch fallback, streamlines replace the arrows, and
// switching back restores the arrows. No timing
// assertions: the frame cost is only reported (console) for the notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, pageUrls, pageHash } from './harness.mjs';

const W = 'simcore-phase-plane';

async function open(browser, server, hash = '', how = 'http') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(pageUrls(server, 'phase-plane.html')[how] + hash);
  await p.waitForFunction((w) => document.querySelector(w)?.ready.then(() => true), W);
  return { ctx, p, errors };
}

const frames = (p, n) => p.evaluate(([w, k]) => new Promise((r) => {
  const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : r(document.querySelector(w).particles.stats.frames));
  step(k);
}), [W, n]);
const layer = (p) => p.evaluate((w) => {
  const c = document.querySelector(w).shadowRoot.querySelector('canvas.particles');
  return { url: c.toDataURL(), hidden: c.hidden };
}, W);
// Streamlines are computed in the widget's worker: wait until the lines for
// the current view have arrived, then for them to be drawn.
const streamsShown = async (p) => {
  await p.waitForFunction((w) => {
    const el = document.querySelector(w);
    return el.streamKey && el.streams?.key === el.streamKey;
  }, W);
  await frames(p, 2);
};
const plane = (p) => p.evaluate((w) => document.querySelector(w).shadowRoot.querySelector('canvas.plane-canvas').toDataURL(), W);
// Non-transparent pixels of the particles' layer: trails were drawn.
const inked = (p) => p.evaluate((w) => {
  const c = document.querySelector(w).shadowRoot.querySelector('canvas.particles');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}, W);

await withBrowser(async (browser, server) => {
  test('particles animate over the plane (linear, oscillator, own system); the hash says so; arrows come back', async () => {
    const { ctx, p, errors } = await open(browser, server);
    await frames(p, 2);
    const arrows = await plane(p);
    await p.locator(`${W} select[name=fieldStyle]`).selectOption('particles');
    await frames(p, 3);
    assert.equal((await p.evaluate((w) => document.querySelector(w).state, W)).fieldStyle, 'particles');
    assert.match(await pageHash(p), /fieldStyle=particles/);
    // The plane below lost its arrows (the particles replace them).
    assert.ok(await plane(p) !== arrows);
    const a = await layer(p);
    const n0 = await frames(p, 4);
    const b = await layer(p);
    assert.equal(a.hidden, false);
    assert.notEqual(a.url, b.url, 'the layer changes from frame to frame');
    assert.ok(n0 >= 4, `particle frames run (${n0})`);
    assert.ok(await inked(p) > 1000, 'trails drawn');
    const stats = await p.evaluate((w) => {
      const f = document.querySelector(w).particles;
      return { count: f.count, frames: f.stats.frames, msPerFrame: f.stats.ms / f.stats.frames };
    }, W);
    assert.ok(stats.count >= 600 && stats.count <= 4000, `particles: ${stats.count}`);
    console.log(`# particles: ${stats.count} per frame, ${stats.msPerFrame.toFixed(2)} ms per frame (step + draw, mean of ${stats.frames})`);

    for (const preset of ['oscillator', 'pendulum']) {
      await p.locator(`${W} button[data-preset=${preset}]`).click();
      await frames(p, 2);
      const c = await layer(p);
      await frames(p, 3);
      assert.notEqual((await layer(p)).url, c.url, `${preset}: animates`);
    }

    // Back to the default system and view (as at the start), then arrows.
    await p.evaluate((w) => document.querySelector(w).setState({ model: 'linear', a: 0, b: 1, c: -1, d: -0.25, cx: 0, cy: 0, span: 3 }), W);
    await p.locator(`${W} select[name=fieldStyle]`).selectOption('arrows');
    await frames(p, 3);
    assert.equal((await layer(p)).hidden, true);
    assert.ok(await plane(p) === arrows, 'arrows restored: the same picture as before');
    assert.match(await pageHash(p), /fieldStyle=arrows/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test('the nonlinear models animate particles too (the core\'s double batch fallback); the hash restores them', async () => {
    for (const model of ['van-der-pol', 'fitzhugh-nagumo', 'morris-lecar']) {
      const { ctx, p, errors } = await open(browser, server, `#model=${model}&fieldStyle=particles`);
      await frames(p, 3);
      const a = await layer(p);
      assert.equal(a.hidden, false, model);
      await frames(p, 3);
      assert.notEqual((await layer(p)).url, a.url, `${model}: the trails move`);
      assert.ok(await inked(p) > 1000, `${model}: trails drawn`);
      assert.deepEqual(errors, []);
      await ctx.close();
    }
  });

  test('streamlines: evenly spaced lines from integrate replace the arrows for a nonlinear model', async () => {
    const { ctx, p, errors } = await open(browser, server, '#model=van-der-pol');
    await frames(p, 2);
    const arrows = await plane(p);
    await p.locator(`${W} select[name=fieldStyle]`).selectOption('streamlines');
    await streamsShown(p);
    assert.match(await pageHash(p), /fieldStyle=streamlines/);
    assert.ok(await plane(p) !== arrows, 'the picture changed');
    assert.equal((await layer(p)).hidden, true, 'no particles layer');
    const lines = await p.evaluate((w) => document.querySelector(w).streams.lines.map((l) => l.pts.length / 2), W);
    // Spacing 24 px on a ~674 px plane: tens of lines, each at least 1.5 spacings long (shorter ones are dropped).
    assert.ok(lines.length >= 20, `lines: ${lines.length}`);
    assert.ok(lines.every((n) => n >= 2));
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  for (const how of ['http', 'file']) {
    test(`streamlines over ${how}: computed in a worker, on a centre's circles, recomputed for the new view after a pan`, async () => {
      // dx/dt = y, dy/dt = −x: every streamline is a circle about the origin.
      const { ctx, p, errors } = await open(browser, server, '#model=linear&a=0&b=1&c=-1&d=0&fieldStyle=streamlines', how);
      await streamsShown(p);
      const shown = () => p.evaluate((w) => {
        const el = document.querySelector(w);
        return { box: el.vp.box, where: el.streamLane.lane.where, lines: el.streams.lines.map((l) => Array.from(l.pts)) };
      }, W);
      const first = await shown();
      assert.equal(first.where, 'worker');
      assert.ok(first.lines.length >= 10, `lines: ${first.lines.length}`);
      const check = ({ box: [x0, x1, y0, y1], lines }) => {
        // One output step is ~2 px (6 units over ~674 px): points stay within a step of the view.
        const slack = 0.05;
        for (const pts of lines) {
          const r0 = Math.hypot(pts[0], pts[1]);
          for (let k = 0; k < pts.length; k += 2) {
            const x = pts[k];
            const y = pts[k + 1];
            // dopri5's default tolerances keep the radius to well under 0.1 % along a line.
            assert.ok(Math.abs(Math.hypot(x, y) / r0 - 1) < 1e-3, `radius ${Math.hypot(x, y)} vs ${r0}`);
            assert.ok(x > x0 - slack && x < x1 + slack && y > y0 - slack && y < y1 + slack, `(${x}, ${y}) in the view`);
          }
        }
      };
      check(first);
      const before = await plane(p);
      // Pan right by half the view: the old view ends at x = 3, the new one at 4.5.
      await p.evaluate((w) => document.querySelector(w).setState({ cx: 1.5 }), W);
      await frames(p, 2); // rendered: the new view's lines are asked for
      await streamsShown(p);
      const panned = await shown();
      assert.deepEqual(panned.box.slice(0, 2), [-1.5, 4.5]);
      check(panned);
      assert.ok(panned.lines.some((pts) => pts.some((v, k) => k % 2 === 0 && v > 3.5)), 'lines in the newly shown strip');
      assert.ok(await plane(p) !== before, 'the picture changed');
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
});
