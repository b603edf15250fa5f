// The Hodgkin–Huxley page and <simcore-hh>: over http and file:// it loads
// without errors and the V(t) it shows is the core's integration of the same
// protocol (run here in Node through the binding); a pulse above threshold
// fires (V above 0 mV) and one below does not; a sustained step of 10 µA/cm²
// fires repetitively at 50–100 Hz (the standard model: about 68 Hz); the
// reduced (Rinzel) system's nullclines cross at its resting state; the hash
// round-trips; the preset links set it; the Chinese labels show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { hhRun } from '../../web/widgets/phase/hh-run.mjs';
import { HH_PRESETS } from '../../web/widgets/phase/hh-schema.mjs';

const W = 'simcore-hh';
const sc = await loadSimcore({ simd: true });

const open = (browser, server, how, hash = '', context = {}) =>
  openPage(browser, server, pageUrls(server, 'hh.html')[how] + hash, W, { context: { viewport: { width: 1280, height: 900 }, ...context } });

// Once everything drawn shows the current state (holding `want`, when a
// hash change is still on its way): what the widget computed.
async function settled(p, want = {}) {
  await p.waitForFunction(([w, want]) => {
    const el = document.querySelector(w);
    return el.drawn && JSON.stringify(el.drawn) === JSON.stringify(el.state) && Object.entries(want).every(([k, v]) => el.state[k] === v);
  }, [W, want]);
  return p.evaluate((w) => {
    const el = document.querySelector(w);
    const r = el.run;
    return { state: el.state, t: Array.from(r.t), y: Array.from(r.y), I: Array.from(r.I), spikes: r.spikes,
      reduced: Array.from(r.reduced.y.subarray(r.reduced.y.length - 2)), nullclines: el.nullclines, equilibria: el.equilibria, nc: el.ncInput,
      stats: el.shadowRoot.querySelector('.stats').textContent };
  }, W);
}

const maxV = (r) => Math.max(...r.y.filter((_, i) => i % 4 === 0));

/** Crossings of two sets of polylines (flat x, y arrays), by segment intersection. */
function crossings(as, bs) {
  const out = [];
  for (const a of as) for (const b of bs) {
    for (let i = 0; i + 3 < a.length; i += 2) for (let j = 0; j + 3 < b.length; j += 2) {
      const [x1, y1, x2, y2] = [a[i], a[i + 1], a[i + 2], a[i + 3]];
      const [x3, y3, x4, y4] = [b[j], b[j + 1], b[j + 2], b[j + 3]];
      const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
      if (d === 0) continue;
      const u = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
      const v = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1) out.push([x1 + u * (x2 - x1), y1 + u * (y2 - y1)]);
    }
  }
  return out;
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`hh.html over ${how}: loads; the V(t) shown is the core's integration of the protocol`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      const r = await settled(p);
      assert.equal(r.state.protocol, 'pulse');
      const want = hhRun(sc, r.state); // the same job, in Node
      assert.equal(r.t.length, want.t.length);
      let worst = 0;
      for (let i = 0; i < want.y.length; i++) worst = Math.max(worst, Math.abs(r.y[i] - want.y[i]));
      assert.ok(worst <= 1e-9, `V, m, h, n differ from the core's by ${worst}`);
      assert.deepEqual(r.I, Array.from(want.I), 'I(t) drawn under V is the drive the integrator applied');
      assert.ok(Math.max(...r.I) === r.state.amp && r.I[0] === 0);
      assert.ok(await p.locator('.katex').count() >= 5, 'the equations are typeset');
      // Every plot drew something: uPlot canvases hold coloured pixels.
      const inked = await p.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll('.plot canvas, canvas.plane-canvas')].map((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          const hi = Math.max(d[i], d[i + 1], d[i + 2]);
          if (d[i + 3] > 0 && (hi - Math.min(d[i], d[i + 1], d[i + 2]) > 60 || hi < 120)) n++; // coloured or dark ink
        }
        return n;
      }), W);
      assert.equal(inked.length, 7);
      for (const n of inked) assert.ok(n > 100, `coloured pixels per plot: ${inked}`);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('threshold: a 1 ms pulse of 7.5 µA/cm² fires (V > 0 mV), one of 6 does not', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', `#${HH_PRESETS['threshold-supra']}`);
    const above = await settled(p, { amp: 7.5 });
    assert.equal(above.spikes.length, 1);
    assert.ok(maxV(above) > 30, `peak ${maxV(above)}`);
    assert.ok(above.spikes[0] > 6 && above.spikes[0] < 15, `spike at ${above.spikes[0]}`);
    await p.evaluate((h) => { location.hash = h; }, HH_PRESETS['threshold-sub']);
    const below = await settled(p, { amp: 6 });
    assert.equal(below.state.amp, 6);
    assert.equal(below.spikes.length, 0);
    assert.ok(maxV(below) < -40, `peak ${maxV(below)}`);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('refractoriness and anode break: the second pulse at 12 ms fails, at 20 ms fires; release from −10 fires once', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', `#${HH_PRESETS.refractory}`);
    assert.equal((await settled(p, { delay: 12 })).spikes.length, 1);
    await p.locator(`${W} input[name=delay-exact]`).fill('20');
    const late = await settled(p, { delay: 20 });
    assert.equal(late.state.delay, 20);
    assert.equal(late.spikes.length, 2);
    await p.evaluate((h) => { location.hash = h; }, HH_PRESETS['anode-break']);
    const ab = await settled(p, { amp: -10 });
    assert.equal(ab.spikes.length, 1);
    assert.ok(ab.spikes[0] > 25, `the spike follows the release at 25 ms: ${ab.spikes[0]}`);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('repetitive firing: a sustained 10 µA/cm² step fires at 50–100 Hz', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', `#${HH_PRESETS.repetitive}`);
    const r = await settled(p, { amp: 10 });
    const s = r.spikes;
    assert.ok(s.length >= 8, `${s.length} spikes`);
    const rate = (1000 * (s.length - 1)) / (s[s.length - 1] - s[0]);
    assert.ok(rate > 50 && rate < 100, `${rate} Hz`);
    assert.match(r.stats, new RegExp(`rate: ${rate.toPrecision(3)} Hz`));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test("Rinzel's reduced system: at I = 0 its nullclines cross at the resting state", async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#protocol=step&amp=0&onset=5&dur=20&delay=0&t1=300&tNc=0');
    const r = await settled(p);
    const x = crossings(r.nullclines.x, r.nullclines.y);
    assert.equal(x.length, 1, `one crossing: ${JSON.stringify(x)}`);
    const [V, n] = x[0];
    // the equilibrium the core finds, the state the reduced system settles in, near −65 mV
    assert.equal(r.equilibria.length, 1);
    assert.equal(r.equilibria[0].type, 'stable-focus');
    assert.ok(Math.abs(V - r.equilibria[0].x) < 0.3 && Math.abs(n - r.equilibria[0].y) < 0.005, `${x[0]} vs ${r.equilibria[0].x}, ${r.equilibria[0].y}`);
    assert.ok(Math.abs(r.reduced[0] - r.equilibria[0].x) < 1e-3 && Math.abs(r.reduced[1] - r.equilibria[0].y) < 1e-5, `rests at ${r.reduced}`);
    assert.ok(Math.abs(V + 65) < 0.5, `rest at ${V} mV`);
    // with the step's 10 µA/cm² the reduced rest is an unstable focus (it fires: 84 Hz in the reduced system)
    await p.evaluate(() => { location.hash = 'protocol=step&amp=10&onset=5&dur=200&delay=0&t1=200&tNc=100'; });
    const on = await settled(p, { amp: 10, tNc: 100 });
    assert.ok(on.equilibria.length >= 1 && on.equilibria.every((e) => e.type.startsWith('unstable')), JSON.stringify([on.state, on.nc, on.equilibria]));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the hash round-trips; the preset links set it; zh labels', async () => {
    const hash = '#protocol=ramp&amp=12&onset=10&dur=40&delay=0&t1=80&tNc=30';
    const { ctx, p, problems } = await open(browser, server, 'file', hash, { locale: 'zh-CN' });
    const r = await settled(p);
    assert.deepEqual(r.state, { protocol: 'ramp', amp: 12, onset: 10, dur: 40, delay: 0, t1: 80, tNc: 30 });
    assert.equal(r.I.length, r.t.length);
    await p.locator(`${W} select[name=protocol]`).selectOption('step');
    await settled(p, { protocol: 'step' });
    assert.match(await pageHash(p), /protocol=step/);
    await p.locator('a[data-preset=repetitive]').click();
    const rep = await settled(p, { amp: 10, t1: 200 });
    assert.equal(rep.state.amp, 10);
    assert.equal(rep.state.t1, 200);
    const caps = await p.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll('figcaption')].map((f) => f.textContent), W);
    assert.ok(caps.some((c) => c.includes('门控变量')), caps.join(' | '));
    assert.ok(caps.some((c) => c.includes('Rinzel 降维')), caps.join(' | '));
    assert.match(await p.locator('h1').textContent(), /Hodgkin–Huxley 模型/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
