// The phase-plane page and <simcore-phase-plane>, driven like a student would:
// click the plane for trajectories, press each preset, move sliders, drag the
// trace–determinant point, open links with a hash (and hostile ones), switch
// the language, and use it at 320 px. Numbers the test compares come from the
// widget's own readouts of the binding (types, trace, determinant).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls } from './harness.mjs';

const open = (browser, server, how, hash = '', viewport = { width: 1280, height: 900 }) =>
  openPage(browser, server, pageUrls(server, 'phase-plane.html')[how] + hash, 'simcore-phase-plane', { context: { viewport } });

const W = 'simcore-phase-plane';
const state = (p) => p.evaluate((w) => document.querySelector(w).state, W);
const typeShown = (p) => p.evaluate((w) => document.querySelector(w).shadowRoot.querySelector('.readout .type').dataset.type, W);
const picture = (p, cls = 'plane-canvas') => p.evaluate(([w, c]) => document.querySelector(w).shadowRoot.querySelector(`canvas.${c}`).toDataURL(), [W, cls]);
// Wait until the widget has drawn a frame after the last change.
const settled = (p) => p.evaluate((w) => new Promise((r) => {
  const el = document.querySelector(w);
  requestAnimationFrame(() => requestAnimationFrame(() => r(el.trajectoryInfo)));
}), W);

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`phase-plane.html over ${how}: loads, typesets, shows the default stable focus`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      assert.ok(await p.locator('.katex').count() >= 8, 'equations and table typeset at build time');
      await settled(p);
      assert.equal(await typeShown(p), 'stable-focus');
      assert.match(await p.locator(`${W} .readout`).textContent(), /p = −0\.25.*q = 1/);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('a click adds a trajectory through the clicked point (within a pixel), drawn; clear removes it', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    await settled(p);
    const before = await picture(p);
    const box = await canvas.evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
    const click = { x: Math.round(box.w * 0.7), y: Math.round(box.h * 0.3) };
    await canvas.click({ position: click });
    const info = await settled(p);
    const s = await state(p);
    assert.equal(s.traj.length, 1);
    // Default view: centre (0, 0), half-width 3, equal scale.
    const unit = 6 / box.w;
    const expect = [(click.x - box.w / 2) * unit, -(click.y - box.h / 2) * unit];
    assert.ok(Math.abs(s.traj[0][0] - expect[0]) <= unit && Math.abs(s.traj[0][1] - expect[1]) <= unit, `${s.traj[0]} vs ${expect}`);
    assert.equal(info.length, 1);
    assert.deepEqual(info[0].first, s.traj[0], 'the trajectory starts at the clicked point');
    assert.ok(info[0].forward > 100 && info[0].backward > 10, JSON.stringify(info[0]));
    assert.notEqual(await picture(p), before, 'the plane shows it');
    assert.match(await p.evaluate(() => location.hash), /traj=/);
    await canvas.click({ position: { x: 40, y: 60 } });
    assert.equal((await settled(p)).length, 2, 'trajectories coexist');
    // Dragging the first start point moves it (and its trajectory) instead of adding one.
    const from = await canvas.evaluate((c, pt) => c.getRootNode().host.vp.toPx(pt[0], pt[1]), s.traj[0]);
    const box2 = await canvas.boundingBox();
    await p.mouse.move(box2.x + 1 + from[0], box2.y + 1 + from[1]);
    await p.mouse.down();
    await p.mouse.move(box2.x + 1 + from[0] - 30, box2.y + 1 + from[1] + 20, { steps: 4 });
    await p.mouse.up();
    const moved = await settled(p);
    const s2 = await state(p);
    assert.equal(s2.traj.length, 2, 'no trajectory added by the drag');
    assert.ok(Math.abs(s2.traj[0][0] - (s.traj[0][0] - 30 * unit)) <= 1.5 * unit && Math.abs(s2.traj[0][1] - (s.traj[0][1] - 20 * unit)) <= 1.5 * unit,
      `${s2.traj[0]} after dragging ${s.traj[0]}`);
    assert.deepEqual(moved[0].first, s2.traj[0], 'its trajectory follows');
    // A start point typed exactly; the time plot shows the newest trajectory.
    await p.locator(`${W} input[name=x0]`).fill('0.5');
    await p.locator(`${W} input[name=y0]`).fill('-0.25');
    await p.locator(`${W} button[data-tool=add]`).click();
    const typed = await settled(p);
    assert.deepEqual(typed[2].first, [0.5, -0.25]);
    assert.deepEqual((await state(p)).traj[2], [0.5, -0.25]);
    assert.ok(await p.locator(`${W} .series canvas`).count() >= 1, 'time plot drawn');
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator(`${W} button[data-tool=png]`).click()]);
    assert.equal(download.suggestedFilename(), 'phase-plane.png');
    await p.locator(`${W} button[data-tool=clear]`).click();
    assert.equal((await settled(p)).length, 0);
    assert.ok(await p.locator(`${W} figure.series-fig`).isHidden(), 'no trajectory, no time plot');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the chips choose the trajectory of the time plot; the chosen one is drawn on top, thicker', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#traj=1,0.5;-2,1;0.3,-1.5');
    await settled(p);
    // What the time plot shows at t = 0: the start point of its trajectory.
    const shown = () => p.evaluate((w) => {
      const [t, x, y] = document.querySelector(w).series.data;
      const k = t.indexOf(0);
      return [x[k], y[k]];
    }, W);
    const chips = p.locator(`${W} .picks button`);
    assert.equal(await chips.count(), 3);
    assert.deepEqual(await shown(), [0.3, -1.5], 'by default the newest');
    assert.equal(await chips.nth(2).getAttribute('aria-pressed'), 'true');
    const before = await picture(p);
    await chips.nth(0).click();
    await settled(p);
    assert.deepEqual(await shown(), [1, 0.5]);
    assert.equal((await state(p)).sel, 0);
    assert.equal(await chips.nth(0).getAttribute('aria-pressed'), 'true');
    assert.equal(await chips.nth(2).getAttribute('aria-pressed'), 'false');
    assert.match(await p.evaluate(() => location.hash), /sel=0/);
    assert.notEqual(await picture(p), before, 'the highlight moved');
    // Pixels: the selected curve is drawn 3 px wide in its colour (#c0392b) near its start point.
    const red = await p.evaluate((w) => {
      const el = document.querySelector(w);
      const c = el.shadowRoot.querySelector('canvas.plane-canvas');
      const dpr = c.width / c.clientWidth;
      const [px, py] = el.vp.toPx(1, 0.5);
      const d = c.getContext('2d').getImageData(Math.round((px - 14) * dpr), Math.round((py - 14) * dpr), Math.round(28 * dpr), Math.round(28 * dpr)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 170 && d[i + 1] < 80 && d[i + 2] < 70) n++;
      return n / (dpr * dpr);
    }, W);
    assert.ok(red > 60, `${red} px of the selected colour around its start`);
    // A new trajectory becomes the selected one; the hash restores a selection.
    await p.locator(`${W} canvas.plane-canvas`).click({ position: { x: 50, y: 50 } });
    await settled(p);
    assert.equal((await state(p)).sel, -1);
    assert.equal(await chips.nth(3).getAttribute('aria-pressed'), 'true');
    await p.evaluate(() => { location.hash = '#traj=1,0.5;-2,1&sel=1'; });
    await p.waitForFunction((w) => document.querySelector(w).state.sel === 1, W);
    await settled(p);
    assert.deepEqual(await shown(), [-2, 1]);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('each preset shows its type; a slider changes field, trajectories and the trace–determinant point', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#traj=1,0.5');
    const expected = { center: 'center', 'stable-focus': 'stable-focus', 'unstable-focus': 'unstable-focus',
      'stable-node': 'stable-node', 'unstable-node': 'unstable-node', saddle: 'saddle', oscillator: 'stable-focus',
      fhn: 'unstable-focus', vdp: 'unstable-focus', 'ml-hopf': 'unstable-focus', 'ml-snic': 'stable-node', pendulum: 'saddle' };
    for (const [name, type] of Object.entries(expected)) {
      await p.locator(`${W} button[data-preset="${name}"]`).click();
      await settled(p);
      assert.equal(await typeShown(p), type, name);
    }
    // The typed pendulum: saddles at ±π, a stable focus at 0; a broken formula
    // shows the core's message at its position, and fixing it draws again.
    assert.deepEqual(await p.evaluate((w) => document.querySelector(w).equilibria.map((e) => e.type), W), ['saddle', 'stable-focus', 'saddle']);
    await p.locator(`${W} input[name=dy]`).fill('-sin(x) - 0.2*');
    await settled(p);
    assert.equal(await p.locator(`${W} .formula-error p`).textContent(), 'dy: unexpected end of expression at position 14');
    assert.match(await p.locator(`${W} .formula-error pre`).textContent(), /^ {2}-sin\(x\) - 0\.2\*\n {16}\^$/);
    assert.equal(await typeShown(p), 'none');
    await p.locator(`${W} input[name=dy]`).fill('-sin(x) - 0.5*y');
    await settled(p);
    assert.ok(await p.locator(`${W} .formula-error`).isHidden());
    assert.equal((await state(p)).dy, '-sin(x) - 0.5*y');
    await p.locator(`${W} button[data-preset="ml-snic"]`).click();
    await settled(p);
        // Morris–Lecar, SNIC set below its firing current: rest, threshold and the
    // unstable focus; raising I past the saddle-node leaves only the focus.
    const eqTypes = () => p.evaluate((w) => document.querySelector(w).equilibria.map((e) => e.type), W);
    assert.deepEqual(await eqTypes(), ['stable-node', 'saddle', 'unstable-focus']);
    await p.locator(`${W} input[name=ml_I]`).fill('45');
    await settled(p);
    assert.deepEqual(await eqTypes(), ['unstable-focus']);
    // Back to the linear centre (another model: the trajectories went with
    // the old one); a new trajectory is kept and recomputed as d moves.
    await p.locator(`${W} button[data-preset=center]`).click();
    assert.equal((await settled(p)).length, 0, 'a preset of another model clears trajectories');
    await p.locator(`${W} input[name=x0]`).fill('1');
    await p.locator(`${W} input[name=y0]`).fill('0.5');
    await p.locator(`${W} button[data-tool=add]`).click();
    const info0 = await settled(p);
    const plane0 = await picture(p);
    const td0 = await picture(p, 'td');
    await p.locator(`${W} input[name=d]`).fill('0.5');
    const info1 = await settled(p);
    assert.equal((await state(p)).d, 0.5);
    assert.equal(await typeShown(p), 'unstable-focus');
    assert.deepEqual(info1[0].first, [1, 0.5], 'same start point');
    assert.notDeepEqual(info1[0].forward + info1[0].stop.join(), info0[0].forward + info0[0].stop.join(), 'recomputed');
    assert.notEqual(await picture(p), plane0);
    assert.notEqual(await picture(p, 'td'), td0, 'the (p, q) point moved');
    // Exact entry: the number box sets a value the slider cannot reach.
    await p.locator(`${W} input[name=d-exact]`).fill('0.0001');
    await settled(p);
    assert.equal((await state(p)).d, 0.0001);
    assert.equal(await typeShown(p), 'center', 'within the snap band of p = 0');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('dragging the trace–determinant point sets a matrix with that trace and determinant', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await settled(p);
    const td = p.locator(`${W} canvas.td`);
    const target = await td.evaluate((c) => {
      const el = c.getRootNode().host;
      // A point in the saddle region: p = 1, q = -1.
      const [x, y] = el.tdVp.toPx(1, -1);
      return { x: Math.round(x), y: Math.round(y), unit: el.tdVp.unit };
    });
    await td.click({ position: { x: target.x, y: target.y } });
    await settled(p);
    assert.equal(await typeShown(p), 'saddle');
    const eq = await p.evaluate((w) => document.querySelector(w).equilibrium, W);
    assert.ok(Math.abs(eq.trace - 1) < 2 * target.unit && Math.abs(eq.det + 1) < 2 * target.unit, `${eq.trace} ${eq.det}`);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a hash restores the state; a hostile hash is ignored', async () => {
    const hash = '#model=oscillator&m=2&k=3&mu=0.5&span=5&nullclines=1&traj=2,0;-1,1.5';
    let { ctx, p, problems } = await open(browser, server, 'file', hash);
    let s = await state(p);
    assert.deepEqual([s.model, s.m, s.k, s.mu, s.span, s.nullclines, s.traj], ['oscillator', 2, 3, 0.5, 5, true, [[2, 0], [-1, 1.5]]]);
    assert.equal((await settled(p)).length, 2);
    assert.equal(await typeShown(p), 'stable-focus');
    assert.match(await p.locator(`${W} .eqs`).textContent(), /2 dv\/dt = −3 x − 0\.5 v/);
    await ctx.close();
    // A link naming only the model opens in that model's own box.
    ({ ctx, p, problems } = await open(browser, server, 'http', '#model=morris-lecar'));
    s = await state(p);
    assert.deepEqual([s.model, s.cx, s.cy, s.span, s.traj], ['morris-lecar', -10, 0.3, 65, []]);
    await ctx.close();
    const hostile = '#model=<img src=x onerror=alert(1)>&a=1e999&b=NaN&c=0x10&d=--1&span=0&traj=1,1;<script>&field=yes';
    ({ ctx, p, problems } = await open(browser, server, 'http', hostile));
    s = await state(p);
    assert.deepEqual([s.model, s.a, s.b, s.c, s.d, s.span, s.traj, s.field], ['linear', 0, 1, -1, -0.25, 3, [], true]);
    assert.equal(await p.locator('img[src=x]').count(), 0);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the φ″ preset: the closed form eᴬᵗx₀ matches the integrated trajectory; the Lyapunov view proves the node stable, not a focus turned unstable', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await settled(p);
    await p.click(`${W} button[data-preset=second-order]`);
    const info = await settled(p);
    assert.deepEqual(info.map((tr) => [tr.x0, tr.y0]), [[0, 1]], 'the preset starts at φ = 0, φ′ = 1');
    assert.equal(await typeShown(p), 'stable-node');
    const solution = await p.locator(`${W} .readout .solution`).textContent();
    assert.match(solution, /eᴬᵗ = exp\(−1\.5t\) \(cosh 0\.5t/);
    const diff = Number(/:\s*([0-9.e+-]+)/.exec(solution.split('x(t)')[1])[1]);
    assert.ok(diff > 0 && diff < 1e-4, `dopri5 against the closed form: ${diff}`);
    // The Lyapunov view: off by default, on with its toggle; drawn level sets change the picture.
    assert.equal(await p.locator(`${W} .readout .lyap`).isVisible(), false);
    const before = await picture(p);
    await p.locator(`${W} input[name=lyapunov]`).check();
    await settled(p);
    assert.notEqual(await picture(p), before, 'level sets drawn');
    assert.match(await p.locator(`${W} .readout .lyap`).textContent(), /V = 1\.25 x² \+ 0\.5 xy \+ 0\.25 y²/);
    assert.equal(await p.locator(`${W} .readout .lyap .yes`).count(), 1);
    // An unstable focus: P exists but is not definite; a centre: none is unique.
    await p.evaluate(() => { location.hash = '#a=0.3&b=1&c=-1&d=0.3&lyapunov=1'; });
    await settled(p);
    assert.equal(await p.locator(`${W} .readout .lyap .no`).count(), 1);
    await p.evaluate(() => { location.hash = '#a=0&b=1&c=-1&d=0&lyapunov=1'; });
    await settled(p);
    assert.match(await p.locator(`${W} .readout .lyap`).textContent(), /No unique P/);
    // A nonlinear model asks for a typed candidate. Van der Pol with mu = -1 and V = x^2 + y^2:
    // V rises only beyond |x| = 1, so the basin estimate is the unit disc (c about 1).
    await p.evaluate(() => { location.hash = '#model=van-der-pol&vdp_mu=-1&lyapunov=1&traj=0.5,0.5'; });
    await settled(p);
    assert.match(await p.locator(`${W} .readout .lyap`).textContent(), /Type a candidate/);
    const plain = await picture(p);
    await p.locator(`${W} input[name=V]`).fill('x^2 + y^2');
    await settled(p);
    assert.notEqual(await picture(p), plain, 'shading drawn');
    const lyap = await p.locator(`${W} .readout .lyap`).textContent();
    const c = Number(/c = ([0-9.]+)/.exec(lyap)[1]);
    assert.ok(c >= 1 && c < 1.2, `level ${c}`);
    assert.match(lyap, /steps where V rises: 0 \//, 'V falls along a trajectory inside the disc');
    // A candidate that does not parse says where.
    await p.locator(`${W} input[name=V]`).fill('x^2 +');
    await settled(p);
    assert.match(await p.locator(`${W} .readout .lyap .no`).textContent(), /V: .*position 5/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the language switch relabels the widget and the page', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#a=1&b=1&c=4&d=-2');
    await settled(p);
    const readout = () => p.locator(`${W} .readout .type`).textContent();
    assert.equal(await readout(), 'saddle');
    await p.click('#lang');
    await settled(p);
    assert.equal(await readout(), '鞍点');
    assert.match(await p.textContent('h1'), /相图/);
    assert.equal(await p.locator(`${W} button[data-preset=center]`).textContent(), '中心');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('at 320 px: nothing overflows sideways and a tap still adds a trajectory', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '', { width: 320, height: 640 });
    await settled(p);
    assert.ok(await p.evaluate(() => document.documentElement.scrollWidth) <= 320);
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    const w = await canvas.evaluate((c) => c.clientWidth);
    assert.ok(w >= 250, `plane ${w} px wide`);
    await canvas.click({ position: { x: 100, y: 100 } });
    assert.equal((await settled(p)).length, 1);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
