// The Izhikevich page and <simcore-izhikevich>: the regular-spiking cell at
// I = 10 spikes on the trace, a click in the (v, u) plane starts the neuron
// there, presets and the input current change the firing, the hash restores
// the state (and hostile hashes are ignored), the language switch relabels,
// and the page fits 320 px. Spike times come from the engine's events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';

const W = 'simcore-izhikevich';

const open = (browser, server, how, hash = '', viewport = { width: 1280, height: 900 }) =>
  openPage(browser, server, pageUrls(server, 'izhikevich.html')[how] + hash, 'simcore-izhikevich', { context: { viewport } });

// After the next two frames: what the widget computed for its current state.
const settled = (p) => p.evaluate((w) => new Promise((r) => {
  const el = document.querySelector(w);
  requestAnimationFrame(() => requestAnimationFrame(() => r({
    state: el.state, spikes: el.spikes, first: [el.run.y[0], el.run.y[1]],
    equilibria: el.equilibria.map((e) => e.type), stats: el.shadowRoot.querySelector('.stats').textContent,
  })));
}), W);

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`izhikevich.html over ${how}: RS at I = 10 spikes, drawn on the trace`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      const r = await settled(p);
      assert.equal(r.state.preset, 'RS');
      assert.equal(r.state.I, 10);
      // RS over 300 ms: the first interval 23.1 ms, then ~44.8 ms (docs/models.md) → 8 spikes.
      assert.ok(r.spikes.length >= 6 && r.spikes.length <= 10, `${r.spikes.length} spikes`);
      assert.match(r.stats, /spikes: \d+ · mean rate: [\d.]+ Hz · intervals: 23\.1, 44\.8/);
      // The trace: uPlot's canvas has the v line in red somewhere.
      const red = await p.evaluate((w) => {
        const c = document.querySelector(w).shadowRoot.querySelector('.trace canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 150 && d[i + 1] < 90 && d[i + 2] < 90) n++;
        return n;
      }, W);
      assert.ok(red > 200, `${red} red trace pixels`);
      assert.ok(await p.locator('.katex').count() >= 3);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('a click in the plane starts the neuron there (within a pixel); I = 0 rests at a stable equilibrium', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await settled(p);
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    const geo = await canvas.evaluate((c) => {
      const el = c.getRootNode().host;
      return { unit: el.vp.unit, unitY: el.vp.unitY, at: el.vp.toPx(-60, -12) };
    });
    await canvas.click({ position: { x: geo.at[0], y: geo.at[1] } });
    const r = await settled(p);
    assert.ok(Math.abs(r.state.v0 + 60) <= geo.unit && Math.abs(r.state.u0 + 12) <= geo.unitY, `${r.state.v0}, ${r.state.u0}`);
    assert.deepEqual(r.first, [r.state.v0, r.state.u0], 'the trajectory starts at the click');
    await p.locator(`${W} input[name=I-exact]`).fill('0');
    const rest = await settled(p);
    assert.equal(rest.state.preset, 'custom', 'a parameter change leaves the preset');
    assert.equal(rest.spikes.length, 0);
    assert.deepEqual(rest.equilibria, ['stable-node', 'saddle']);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the (v, u) plane zooms with the wheel and buttons and pans by dragging; reset returns to the automatic view', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await settled(p);
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    const view = () => canvas.evaluate((c) => {
      const el = c.getRootNode().host;
      return { box: el.vp.box, span: el.vp.span, yHalf: el.vp.yHalf, unit: el.vp.unit, unitY: el.vp.unitY, user: el.view, v0: el.state.v0 };
    });
    const v1 = await view();
    assert.equal(v1.user, null);
    const b = await canvas.boundingBox();
    const at = [Math.round(b.width * 0.3), Math.round(b.height * 0.6)];
    const model = await canvas.evaluate((c, q) => c.getRootNode().host.vp.toModel(...q), at);
    await p.mouse.move(b.x + 1 + at[0], b.y + 1 + at[1]);
    await p.mouse.wheel(0, -300);
    await settled(p);
    const v2 = await view();
    assert.ok(v2.span < 0.8 * v1.span && v2.yHalf < 0.8 * v1.yHalf, `zoomed in: ${v1.span} -> ${v2.span}`);
    const still = await canvas.evaluate((c, m) => c.getRootNode().host.vp.toPx(...m), model);
    assert.ok(Math.abs(still[0] - at[0]) < 1 && Math.abs(still[1] - at[1]) < 1, `the point under the wheel stays: ${still} vs ${at}`);
    // A drag pans (the content follows the pointer) and does not move the start point.
    await p.mouse.move(b.x + 200, b.y + 150);
    await p.mouse.down();
    await p.mouse.move(b.x + 260, b.y + 120, { steps: 5 });
    await p.mouse.up();
    await settled(p);
    const v3 = await view();
    assert.ok(Math.abs(v3.box[0] - (v2.box[0] - 60 * v2.unit)) < 1e-6 * v2.span, `panned left edge ${v3.box[0]} vs ${v2.box[0] - 60 * v2.unit}`);
    assert.ok(Math.abs(v3.box[2] - (v2.box[2] - 30 * v2.unitY)) < 1e-6 * v2.yHalf, 'panned in u (the pointer went up: lower u comes into view)');
    assert.equal(v3.v0, v1.v0, 'a drag is not a click');
    await p.locator(`${W} button[data-tool=zoomOut]`).click();
    await settled(p);
    assert.ok(Math.abs((await view()).span - v3.span * 1.5) < 1e-9 * v3.span);
    await p.locator(`${W} button[data-tool=resetView]`).click();
    await settled(p);
    const v4 = await view();
    assert.equal(v4.user, null);
    assert.deepEqual(v4.box, v1.box);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('panel R (accommodation): u\' = a b (v + 65), one equilibrium, one spike on the fast ramp only', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await p.locator(`${W} select[name=preset]`).selectOption('R');
    await p.waitForFunction((w) => document.querySelector(w).state.protocol === 'R', W);
    const r = await settled(p);
    assert.equal(r.spikes.length, 1);
    assert.ok(r.spikes[0] > 300 && r.spikes[0] < 320, `spike at ${r.spikes[0]}`);
    const eq = await p.evaluate((w) => document.querySelector(w).equilibria.map((e) => [e.x, e.y]), W);
    assert.equal(eq.length, 1);
    assert.ok(Math.abs(eq[0][0] + 65) < 1e-9 && Math.abs(eq[0][1] + 16) < 1e-9, `rest ${eq[0]}`);
    assert.match(await p.locator(`${W} .desc`).textContent(), /slow ramp/);
    // The nullclines follow the input at a chosen time: with ku = 0 the rest
    // is (-65, -16 + I) (docs/models.md). By default the end (I = 0).
    const ncAt = async () => {
      await settled(p);
      return p.evaluate((w) => {
        const el = document.querySelector(w);
        return { nc: el.ncInput, eq: el.equilibria.map((e) => [e.x, e.y]) };
      }, W);
    };
    assert.deepEqual((await ncAt()).nc, { t: 400, I: 0 });
    for (const [time, I] of [[100, 4], [306.25, 2], [250, 0]]) {
      await p.locator(`${W} input[name=tNc-exact]`).fill(String(time));
      const r2 = await ncAt();
      assert.deepEqual(r2.nc, { t: time, I });
      assert.ok(r2.eq.length === 1 && Math.abs(r2.eq[0][1] - (-16 + I)) < 1e-9, `t ${time}: rest ${r2.eq[0]}`);
    }
    // A click on the trace picks the time under the pointer.
    const over = p.locator(`${W} .trace .u-over`);
    const ob = await over.boundingBox();
    await over.click({ position: { x: ob.width / 4, y: ob.height / 2 } });
    const picked = await ncAt();
    assert.ok(Math.abs(picked.nc.t - 100) < 3, `picked t = ${picked.nc.t}`); // a quarter of 0..400 ms
    assert.ok(Math.abs(picked.nc.I - picked.nc.t / 25) < 1e-9, 'on the slow ramp I = t/25');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('presets change the firing; the hash restores the state; a hostile hash is ignored', async () => {
    let { ctx, p, problems } = await open(browser, server, 'http');
    const rs = await settled(p);
    await p.locator(`${W} select[name=preset]`).selectOption('FS');
    await p.waitForFunction((w) => document.querySelector(w).state.preset === 'FS', W);
    const fs = await settled(p);
    assert.equal(fs.state.a, 0.1);
    assert.ok(fs.spikes.length > 3 * rs.spikes.length, `FS ${fs.spikes.length} vs RS ${rs.spikes.length}`);
    const hash = await pageHash(p);
    assert.match(hash, /preset=FS/);
    // 2004 panels replay their protocol with figure1.m's scheme: B (phasic)
    // and Q (DAP) fire exactly once (docs/models.md), A (tonic) repeatedly.
    for (const [name, check] of [['B', (n) => n === 1], ['Q', (n) => n === 1], ['A', (n) => n >= 5]]) {
      await p.locator(`${W} select[name=preset]`).selectOption(name);
      await p.waitForFunction(([w, n]) => document.querySelector(w).state.protocol === n, [W, name]);
      const r = await settled(p);
      assert.ok(check(r.spikes.length), `${name}: ${r.spikes.length} spikes`);
    }
    assert.ok(await p.locator(`${W} input[name=I]`).isHidden(), 'the protocol drives I');
    await ctx.close();
    ({ ctx, p, problems } = await open(browser, server, 'file', '#preset=custom&a=0.02&b=0.2&c=-50&d=2&I=10&v0=-70&u0=-14&t1=200'));
    const ch = await settled(p);
    assert.deepEqual([ch.state.c, ch.state.d, ch.state.v0, ch.state.t1], [-50, 2, -70, 200]);
    assert.deepEqual(ch.first, [-70, -14]);
    await ctx.close();
    // Step protocol: no input before tOn, so no spike before it; spikes after.
    ({ ctx, p, problems } = await open(browser, server, 'http', '#tOn=100'));
    const step = await settled(p);
    assert.equal(step.state.tOn, 100);
    assert.ok(step.spikes.length >= 3 && step.spikes[0] > 100, `first spike ${step.spikes[0]}`);
    await ctx.close();
    ({ ctx, p, problems } = await open(browser, server, 'http', '#preset=<svg/onload=alert(1)>&a=1e400&c=-20&I=abc&t1=-5'));
    const bad = await settled(p);
    assert.deepEqual([bad.state.preset, bad.state.a, bad.state.c, bad.state.I, bad.state.t1], ['RS', 0.02, -65, 10, 300]);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('2003 cells apply their own input: TC a step (the I and tOn controls), TC-rebound and RZ their protocols', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await settled(p);
    const pick = async (name) => {
      await p.locator(`${W} select[name=preset]`).selectOption(name);
      await p.waitForFunction(([w, n]) => document.querySelector(w).state.preset === n, [W, name]);
      return settled(p);
    };
    const tc = await pick('TC');
    assert.deepEqual([tc.state.protocol, tc.state.I, tc.state.tOn, tc.state.v0], ['none', 1.5, 30, -63]);
    assert.ok(tc.spikes[0] > 30 && tc.spikes.length >= 5, `TC tonic after the step: ${tc.spikes}`);
    assert.ok(await p.locator(`${W} input[name=I]`).isVisible(), 'TC keeps the I control');
    const rb = await pick('TC-rebound');
    assert.equal(rb.state.protocol, 'TC-rebound');
    assert.ok(rb.spikes.length >= 3 && rb.spikes[0] > 45 && rb.spikes.at(-1) < 100, `rebound burst after 45 ms: ${rb.spikes}`);
    const rz = await pick('RZ');
    assert.equal(rz.state.protocol, 'RZ');
    assert.ok(rz.spikes.length >= 1 && rz.spikes.every((t) => t > 60 && t < 70), `RZ fires on the pulse only: ${rz.spikes}`);
    const desc = await p.locator(`${W} .desc`).textContent();
    assert.match(desc, /RK4/, 'the note names the scheme that runs');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('axis names lie inside the plane when an axis is pinned to an edge (protocol G: u = 0 below the view)', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await settled(p);
    // Record where the plane's axis names are drawn, with their measured boxes.
    await p.evaluate(() => {
      const orig = CanvasRenderingContext2D.prototype.fillText;
      window.drawnText = [];
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
        if (this.canvas.classList.contains('plane-canvas')) {
          const m = this.measureText(text);
          const dpr = this.getTransform().a;
          window.drawnText.push({ text, left: x - (this.textAlign === 'right' ? m.width : 0), right: x + (this.textAlign === 'right' ? 0 : m.width),
            top: y - m.actualBoundingBoxAscent, bottom: y + m.actualBoundingBoxDescent, w: this.canvas.width / dpr, h: this.canvas.height / dpr });
        }
        return orig.call(this, text, x, y, ...rest);
      };
    });
    for (const preset of ['G', 'S', 'RS']) {
      await p.evaluate(() => { window.drawnText = []; });
      await p.locator(`${W} select[name=preset]`).selectOption(preset);
      await p.waitForFunction(([w, n]) => document.querySelector(w).state.preset === n, [W, preset]);
      await settled(p);
      const names = await p.evaluate(() => window.drawnText.filter((d) => d.text === 'v (mV)' || d.text === 'u'));
      assert.equal(names.length, 2, `${preset}: both axis names drawn`);
      for (const d of names) {
        assert.ok(d.left >= 0 && d.right <= d.w && d.top >= 0 && d.bottom <= d.h, `${preset}: "${d.text}" at ${JSON.stringify(d)}`);
      }
    }
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the f-I button shows the panel: the curve from the core, I_SN and the current I marked', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await settled(p);
    assert.ok(await p.locator(`${W} .fi-panel`).isHidden(), 'hidden until asked for');
    await p.locator(`${W} button.fi-button`).click();
    await p.waitForFunction((w) => document.querySelector(w).fi, W);
    await settled(p);
    assert.ok(await p.locator(`${W} .fi-panel`).isVisible());
    const r = await p.evaluate((w) => {
      const el = document.querySelector(w);
      const c = el.shadowRoot.querySelector('.fi canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let blue = 0;
      let purple = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] < 70 && d[i + 1] > 60 && d[i + 1] < 110 && d[i + 2] > 170) blue++;
        if (Math.abs(d[i] - 0x8e) < 20 && Math.abs(d[i + 1] - 0x44) < 20 && Math.abs(d[i + 2] - 0xad) < 20) purple++;
      }
      return { iSN: el.fi.iSN, I: Array.from(el.fi.I), rate: Array.from(el.fi.rate), blue, purple,
        stats: el.shadowRoot.querySelector('.fi-stats').textContent };
    }, W);
    // RS: I_SN = 4.8^2 / 0.16 - 140 = 4; silent at I <= 3.5, firing at 10 and above.
    assert.ok(Math.abs(r.iSN - 4) < 1e-12, `${r.iSN}`);
    assert.equal(r.I.length, 51);
    r.I.forEach((I, k) => {
      if (I <= 3.5) assert.equal(r.rate[k], 0, `I ${I}`);
      if (I >= 10) assert.ok(r.rate[k] > 15, `I ${I}: ${r.rate[k]}`);
    });
    assert.match(r.stats, /I_SN = .* = 4 · rate at I = 10: [\d.]+ Hz/);
    assert.ok(r.blue > 100, `${r.blue} blue curve pixels`);
    assert.ok(r.purple > 20, `${r.purple} purple I_SN pixels`);
    await p.locator(`${W} button.fi-button`).click();
    assert.ok(await p.locator(`${W} .fi-panel`).isHidden());
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('language switch relabels; at 320 px nothing overflows sideways', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '', { width: 320, height: 640 });
    await settled(p);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 320);
    await p.click('#lang');
    const r = await settled(p);
    assert.match(r.stats, /放电次数/);
    assert.match(await p.locator(`${W} select[name=preset] option[value=RS]`).textContent(), /规则放电/);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 320);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
