// What the lines of the phase plane mean, measured on the page: the time
// plot's axes, the saddle's separatrices and the eigenvectors (Morris–Lecar
// SNIC), the legend in the model's own variables, the trace–determinant
// inset's labels and scale, the error state of a typed system, presets that
// change the model, backward runs and arrowheads on closed orbits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';

const W = 'simcore-phase-plane';
const open = (browser, server, hash = '', viewport = { width: 1280, height: 900 }) =>
  openPage(browser, server, pageUrls(server, 'phase-plane.html').file + hash, W, { context: { viewport } });
// Wait until the widget has drawn a frame after the last change.
const settled = (p) => p.evaluate((w) => new Promise((r) => {
  const el = document.querySelector(w);
  requestAnimationFrame(() => requestAnimationFrame(() => r(el.trajectoryInfo)));
}), W);
const SNIC = '#model=morris-lecar&ml_set=snic&ml_I=35&cx=-10&cy=0.3&span=65&nullclines=1';

await withBrowser(async (browser, server) => {
  test('time plot: one shared axis by default; two axes only by choice, with their zeros at one height', async () => {
    // A stable node: x and y both go to 0.
    const { ctx, p, problems } = await open(browser, server, '#model=linear&a=-1.5&b=0.5&c=0.5&d=-1.5&traj=2,2.5');
    await settled(p);
    const zeros = () => p.evaluate((w) => {
      const u = document.querySelector(w).series.plot;
      return { scales: [u.series[1].scale, u.series[2].scale], a: u.valToPos(0, 'a'), b: u.valToPos(0, u.series[2].scale), axes: u.axes.length };
    }, W);
    let z = await zeros();
    assert.deepEqual(z.scales, ['a', 'a'], 'both series on one scale');
    assert.equal(z.axes, 2, 'time axis and one value axis');
    await p.locator(`${W} input[name=seriesAxes]`).check();
    await settled(p);
    assert.equal((await p.evaluate((w) => document.querySelector(w).state.seriesAxes, W)), 'two');
    z = await zeros();
    assert.deepEqual(z.scales, ['a', 'b']);
    assert.ok(Math.abs(z.a - z.b) < 0.5, `zero of x at ${z.a} px, of y at ${z.b} px`);
    // Morris–Lecar: V (mV) and N (a fraction), far apart in size, still share the zero line.
    await p.locator(`${W} button[data-preset=ml-snic]`).click();
    await p.locator(`${W} input[name=x0]`).fill('-20');
    await p.locator(`${W} input[name=y0]`).fill('0.02');
    await p.locator(`${W} button[data-tool=add]`).click();
    await settled(p);
    z = await zeros();
    assert.ok(Math.abs(z.a - z.b) < 0.5, `ML: zero of V at ${z.a} px, of N at ${z.b} px`);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('Morris–Lecar SNIC: separatrices cross the view, eigenvectors stay at their equilibria, a legend names each line', async () => {
    const { ctx, p, problems } = await open(browser, server, SNIC + '&field=0');
    await settled(p);
    const m = await p.evaluate((w) => {
      const el = document.querySelector(w);
      const c = el.shadowRoot.querySelector('canvas.plane-canvas');
      const dpr = c.width / c.clientWidth;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const eqPx = el.equilibria.map((e) => el.vp.toPx(e.x, e.y));
      const near = (rgb, i, tol) => Math.abs(d[i] - rgb[0]) <= tol && Math.abs(d[i + 1] - rgb[1]) <= tol && Math.abs(d[i + 2] - rgb[2]) <= tol;
      let brown = 0;
      let green = 0;
      let greyFar = 0;
      let greyNear = 0;
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          const i = 4 * (y * c.width + x);
          if (near([0x6e, 0x2c, 0x00], i, 10)) brown++;
          if (near([0x11, 0x7a, 0x65], i, 10)) green++;
          if (near([0x4d, 0x55, 0x66], i, 6)) {
            const far = eqPx.every(([ex, ey]) => Math.hypot(x / dpr - ex, y / dpr - ey) > 60);
            if (far) greyFar++;
            else greyNear++;
          }
        }
      }
      const legend = [...el.shadowRoot.querySelectorAll('.legend li')].map((li) => [li.dataset.line, li.textContent]);
      return { brown: brown / (dpr * dpr), green: green / (dpr * dpr), greyFar: greyFar / (dpr * dpr), greyNear: greyNear / (dpr * dpr), w: c.clientWidth, legend };
    }, W);
    // A stub at the saddle is a few pixels; each manifold here runs hundreds.
    assert.ok(m.brown > m.w, `unstable manifold: ${m.brown} px on a ${m.w} px plane`);
    assert.ok(m.green > 0.5 * m.w, `stable manifold: ${m.green} px`);
    assert.ok(m.greyNear > 20, `eigenvector segments at the equilibria: ${m.greyNear} px`);
    assert.ok(m.greyFar < 15, `eigenvector ink away from every equilibrium: ${m.greyFar} px`);
    const texts = Object.fromEntries(m.legend.map(([k, v]) => [k, v]));
    assert.equal(texts.xNull, 'dV/dt = 0 (nullcline)');
    assert.equal(texts.yNull, 'dN/dt = 0 (nullcline)');
    assert.match(texts.stable, /stable manifold/);
    assert.match(texts.unstable, /unstable manifold/);
    assert.match(texts.eigen, /eigenvector of the linearisation/);
    // van der Pol names its own variables; no saddle, no separatrix entry.
    await p.locator(`${W} button[data-preset=vdp]`).click();
    await p.locator(`${W} input[name=nullclines]`).check();
    await settled(p);
    const vdp = await p.evaluate((w) => [...document.querySelector(w).shadowRoot.querySelectorAll('.legend li')].map((li) => li.dataset.line + ':' + li.textContent), W);
    assert.ok(vdp.includes('xNull:dx/dt = 0 (nullcline)') && vdp.includes('yNull:dy/dt = 0 (nullcline)'), vdp.join(' | '));
    assert.ok(!vdp.some((x) => x.startsWith('stable:') || x.startsWith('unstable:')), vdp.join(' | '));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('trace–determinant inset: every label inside its own region; the scale follows the point', async () => {
    const { ctx, p, problems } = await open(browser, server);
    const check = async (name) => {
      await settled(p);
      return p.evaluate(([w, name]) => {
        const el = document.querySelector(w);
        const vp = el.tdVp;
        // The lecture's regions, independently of the widget's code.
        const region = (pp, q) => (q < 0 ? 'saddle' : pp * pp < 4 * q ? (pp < 0 ? 'sfocus' : 'ufocus') : pp < 0 ? 'snode' : 'unode');
        const bad = [];
        for (const l of el.tdLabels.filter((x) => x.region)) {
          const [x, y, bw, bh] = l.box;
          for (const fx of [0, 0.25, 0.5, 0.75, 1]) for (const fy of [0, 0.5, 1]) {
            const got = region(...vp.toModel(x + fx * bw, y + fy * bh));
            if (got !== l.key) bad.push(`${name}: ${l.key} label corner in ${got}`);
          }
        }
        const e = el.equilibrium;
        const pt = vp.toPx(e.trace, e.det);
        const o = vp.toPx(0, 0);
        return { bad, keys: el.tdLabels.map((l) => l.key).sort(), dist: Math.hypot(pt[0] - o[0], pt[1] - o[1]), inside: pt[0] > 5 && pt[0] < vp.w - 5 && pt[1] > 5 && pt[1] < vp.h - 5 };
      }, [W, name]);
    };
    for (const preset of ['stable-focus', 'stable-node', 'saddle', 'ml-snic', 'ml-hopf']) {
      await p.locator(`${W} button[data-preset=${preset}]`).click();
      const r = await check(preset);
      assert.deepEqual(r.bad, [], preset);
      assert.deepEqual(r.keys, ['center', 'saddle', 'sfocus', 'snode', 'ufocus', 'unode'], `${preset}: every region labelled`);
      assert.ok(r.inside && r.dist > 12, `${preset}: point ${r.dist.toFixed(1)} px from the origin, inside ${r.inside}`);
    }
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a formula that does not parse: the title is marked not drawn, the inset loses its point; a preset of another model clears trajectories', async () => {
    const { ctx, p, problems } = await open(browser, server, '#model=linear&traj=1,0.5;-1,1');
    assert.equal((await settled(p)).length, 2);
    await p.locator(`${W} button[data-preset=stable-node]`).click();
    assert.equal((await settled(p)).length, 2, 'a preset of the same model keeps them');
    await p.locator(`${W} button[data-preset=pendulum]`).click();
    assert.equal((await settled(p)).length, 0, 'a preset of another model clears them');
    await p.locator(`${W} canvas.plane-canvas`).click({ position: { x: 200, y: 200 } });
    assert.equal((await settled(p)).length, 1);
    const dark = () => p.evaluate((w) => {
      const el = document.querySelector(w);
      const c = el.shadowRoot.querySelector('canvas.td');
      const dpr = c.width / c.clientWidth;
      const [px, py] = el.tdVp.toPx(-0.2, -1); // the pendulum's first saddle: p = −0.2, q = −1
      const d = c.getContext('2d').getImageData(Math.round(px * dpr) - 1, Math.round(py * dpr) - 1, 3, 3).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 70) n++;
      return n;
    }, W);
    assert.ok(await dark() >= 5, 'the point is drawn');
    await p.locator(`${W} input[name=dy]`).fill('-sin(x) - 0.3*');
    await settled(p);
    const eqs = p.locator(`${W} .eqs`);
    assert.match(await eqs.getAttribute('class'), /invalid/);
    assert.match(await eqs.textContent(), /dy\/dt = -sin\(x\) - 0\.3\*.*not drawn: the formula does not parse/);
    assert.equal(await dark(), 0, 'no point in the inset');
    assert.ok(await p.locator(`${W} .legend`).isHidden(), 'no legend');
    assert.equal((await settled(p)).length, 0);
    await p.locator(`${W} input[name=dy]`).fill('-sin(x) - 0.2*y');
    await settled(p);
    assert.doesNotMatch(await eqs.getAttribute('class'), /invalid/);
    assert.doesNotMatch(await eqs.textContent(), /not drawn/);
    assert.ok(await dark() >= 5, 'the point is back');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('backward runs stop at the view’s edge and can be turned off; a closed orbit gets one ring of arrowheads', async () => {
    const traj = '2.5,0;1,1;-1.5,0.5;0.5,-2;-2,-2';
    const { ctx, p, problems } = await open(browser, server, `#model=oscillator&m=1&k=1&mu=0.4&traj=${traj}`);
    await settled(p);
    const backward = () => p.evaluate((w) => {
      const el = document.querySelector(w);
      const [x0, x1, y0, y1] = el.vp.box;
      return el.trajectories.map((tr) => {
        let outside = 0;
        for (let i = 0; i < tr.bw.t.length - 1; i++) {
          const x = tr.bw.y[2 * i];
          const y = tr.bw.y[2 * i + 1];
          if (x < x0 || x > x1 || y < y0 || y > y1) outside++;
        }
        return { n: tr.bw.t.length, outside, stop: tr.bw.stop };
      });
    }, W);
    for (const b of await backward()) {
      assert.equal(b.outside, 0, JSON.stringify(b));
      assert.equal(b.stop, 'bounds', 'the damped past leaves the view');
    }
    await p.locator(`${W} input[name=backward]`).uncheck();
    await settled(p);
    assert.deepEqual((await backward()).map((b) => b.n), [1, 1, 1, 1, 1], 'off: start points only');
    assert.match(await pageHash(p), /backward=0/);
    // A centre: the orbit through (1, 0) is a circle of radius 1, traced about 13 times in the ±40 s run.
    await p.locator(`${W} input[name=backward]`).check();
    await p.evaluate(() => { location.hash = '#model=linear&a=0&b=1&c=-1&d=0&traj=1,0'; });
    await p.waitForFunction((w) => document.querySelector(w).state.traj.length === 1 && document.querySelector(w).state.b === 1, W);
    await settled(p);
    const a = await p.evaluate((w) => {
      const el = document.querySelector(w);
      return { arrows: el.trajectories[0].arrows, r: 1 / el.vp.unit };
    }, W);
    const ring = (2 * Math.PI * a.r) / 70;
    assert.ok(a.arrows.length >= ring - 2 && a.arrows.length <= ring + 1, `${a.arrows.length} arrowheads on a ${(2 * Math.PI * a.r).toFixed(0)} px circle`);
    for (let i = 0; i < a.arrows.length; i++) {
      for (let j = 0; j < i; j++) {
        const d = Math.hypot(a.arrows[i][0] - a.arrows[j][0], a.arrows[i][1] - a.arrows[j][1]);
        assert.ok(d >= 35, `arrowheads ${i} and ${j} ${d.toFixed(1)} px apart`);
      }
    }
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
