// gradient.html and <simcore-gradient>, driven like a student would: click
// the contour plot, drag the direction handle, press "η = 2/(1+κ)", type an
// expression (a wrong one first), switch the language. The numbers checked
// are the widget's readouts against closed forms worked out here:
// Rosenbrock's gradient at the clicked point, the directional derivative
// cos θ fx + sin θ fy, Newton's single step on a quadratic and gradient
// descent's iteration count (κ-1)/(κ+1) predicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';

const W = 'simcore-gradient';
const open = (browser, server, how, hash = '', viewport = { width: 1280, height: 900 }) =>
  openPage(browser, server, pageUrls(server, 'gradient.html')[how] + hash, W, { context: { viewport } });
const state = (p) => p.evaluate((w) => document.querySelector(w).state, W);
// Wait for the frame after the last change, then read the readouts.
const readouts = (p) => p.evaluate((w) => new Promise((resolve) => {
  const el = document.querySelector(w);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const root = el.shadowRoot;
    const out = {};
    for (const s of root.querySelectorAll('[data-out]')) out[s.dataset.out] = { text: s.textContent, value: el.readout[s.dataset.out] ?? null };
    out.runs = {};
    for (const r of root.querySelectorAll('[data-run]')) out.runs[r.dataset.run] = { status: r.dataset.status, iterations: Number(r.dataset.iterations), text: r.textContent };
    resolve(out);
  }));
}), W);
const picture = (p) => p.evaluate((w) => document.querySelector(w).shadowRoot.querySelector('canvas.plane-canvas').toDataURL(), W);
const near = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${what}: ${a} vs ${b}`);

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`gradient.html over ${how}: loads, typesets, shows the bowl's derivatives at the default point`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      assert.ok(await p.locator('.katex').count() >= 8, 'equations typeset at build time');
      const r = await readouts(p);
      // 1/2 (u^2 + 10 v^2), axis at 30 degrees, at (2, 1.5)
      const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6), u = c * 2 + s * 1.5, v = -s * 2 + c * 1.5;
      near(r.value.value, 0.5 * (u * u + 10 * v * v), 1e-14, 'f');
      near(r.grad.value[0], c * u - 10 * s * v, 1e-14, 'fx');
      near(r.grad.value[1], s * u + 10 * c * v, 1e-14, 'fy');
      assert.deepEqual(r.eigenvalues.value.map((x) => Math.round(x * 1e9) / 1e9), [10, 1]);
      assert.equal(r.runs.newton.iterations, 1);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('clicking a point of Rosenbrock shows the analytic gradient there', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#fn=rosenbrock');
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    await readouts(p);
    const box = await canvas.evaluate((c) => ({ w: c.clientWidth, h: c.clientHeight }));
    await canvas.click({ position: { x: Math.round(box.w * 0.3), y: Math.round(box.h * 0.35) } });
    const r = await readouts(p);
    const { px: x, py: y } = await state(p);
    // Rosenbrock's view: centre (0, 1), half-size 2.2 (wider on a wide plane), equal scale.
    const unit = (2.2 * 2 * Math.max(1, box.w / box.h)) / box.w;
    near(x, (Math.round(box.w * 0.3) - box.w / 2) * unit, 1.5 * unit, 'clicked x');
    near(y, 1 - (Math.round(box.h * 0.35) - box.h / 2) * unit, 1.5 * unit, 'clicked y');
    const fx = -2 * (1 - x) - 400 * x * (y - x * x), fy = 200 * (y - x * x);
    near(r.grad.value[0], fx, 1e-12, 'fx');
    near(r.grad.value[1], fy, 1e-12, 'fy');
    near(r.hessian.value[0][0], 2 - 400 * y + 1200 * x * x, 1e-12, 'fxx');
    near(r.hessian.value[0][1], -400 * x, 1e-12, 'fxy');
    assert.equal(r.hessian.value[1][1], 200);
    // the text shows the same numbers (4 significant digits)
    const shown = r.grad.text.replace(/−/g, '-').match(/\((.*), (.*)\)/).slice(1).map(Number);
    near(shown[0], fx, 1e-3, 'fx shown');
    near(shown[1], fy, 1e-3, 'fy shown');
    assert.match(await pageHash(p), /px=/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('Newton converges in 1 iteration on the quadratic; GD with η = 2/(1+κ) takes the predicted count', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#fn=quadratic&kappa=37&angle=20&px=-2&py=1');
    await p.locator(`${W} button.best`).click();
    const s = await state(p);
    near(s.eta, 2 / 38, 1e-15, 'η set');
    const r = await readouts(p);
    assert.equal(r.runs.newton.status, 'converged');
    assert.equal(r.runs.newton.iterations, 1);
    assert.match(r.runs.newton.text, /converged · iterations: 1(?!\d)/);
    const rho = 36 / 38, g0 = Math.hypot(...r.grad.value);
    const predicted = Math.ceil(Math.log(1e-6 / g0) / Math.log(rho));
    assert.equal(r.runs.gd.status, 'converged');
    assert.ok(Math.abs(r.runs.gd.iterations - predicted) <= 1, `GD ${r.runs.gd.iterations}, predicted ${predicted}`);
    // η past 2/κ: gradient descent diverges, said as such
    await p.locator(`${W} #c-eta`).fill(String(Math.log10(0.06)));
    assert.equal((await readouts(p)).runs.gd.status, 'diverged');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('dragging the direction handle turns l; ∂f/∂l = cos θ fx + sin θ fy', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#fn=himmelblau&px=1&py=1&theta=0');
    const canvas = p.locator(`${W} canvas.plane-canvas`);
    await readouts(p);
    const [hx, hy, cx, cy] = await canvas.evaluate((c) => {
      const el = c.getRootNode().host;
      return [...el.handlePx(), ...el.vp.toPx(1, 1)];
    });
    const b = await canvas.boundingBox();
    await p.mouse.move(b.x + hx, b.y + hy);
    await p.mouse.down();
    await p.mouse.move(b.x + cx, b.y + cy - 150, { steps: 5 }); // straight up: θ = 90° (to the pixel)
    await p.mouse.up();
    const r = await readouts(p);
    const { theta } = await state(p);
    assert.ok(Math.abs(theta - 90) <= 1, `θ = ${theta}`);
    const [fx, fy] = r.grad.value;
    // Himmelblau at (1, 1): fx = 4x(x²+y−11) + 2(x+y²−7) = -46, fy = 2(x²+y−11) + 4y(x+y²−7) = -38
    assert.deepEqual([fx, fy], [-46, -38]);
    const th = (theta * Math.PI) / 180;
    near(r.dir.value, Math.cos(th) * fx + Math.sin(th) * fy, 1e-12, '∂f/∂l');
    assert.match(r.dir.text, new RegExp(`θ = ${theta}°`));
    const before = await picture(p);
    await p.locator(`${W} #c-taylor`).uncheck();
    await readouts(p);
    assert.notEqual(await picture(p), before, 'the Taylor contours were drawn');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a typed expression: an error names the position; a valid one gives its exact gradient', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#fn=expr&px=1.5&py=-0.5');
    const input = p.locator(`${W} #c-expr`);
    await input.fill('x^2 + * y');
    const err = p.locator(`${W} .formula-error`);
    await err.waitFor();
    assert.equal(await err.getAttribute('data-position'), '6');
    assert.match(await err.textContent(), /position 6/);
    await input.fill('x^3 + 3*x*y^2');
    await err.waitFor({ state: 'hidden' });
    assert.equal((await state(p)).expr, 'x^3 + 3*x*y^2');
    const r = await readouts(p);
    // d/dx = 3x² + 3y², d/dy = 6xy at (1.5, -0.5)
    assert.deepEqual(r.grad.value, [3 * 2.25 + 3 * 0.25, 6 * 1.5 * -0.5]);
    assert.deepEqual(r.hessian.value, [[9, -3], [-3, 9]]);
    assert.match(await pageHash(p), /expr=x%5E3/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a hash with an expression the core rejects shows where, and no error reaches the console', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#fn=expr&expr=x%20%2B%20(y');
    const err = p.locator(`${W} .formula-error`);
    await err.waitFor();
    assert.equal(await err.getAttribute('data-position'), '6'); // the end of 'x + (y': missing ')'
    assert.equal(await p.locator(`${W} [data-run]`).count(), 0);
    await p.locator(`${W} #c-expr`).fill('x^2 + y^2');
    await err.waitFor({ state: 'hidden' });
    assert.equal((await readouts(p)).runs.newton.iterations, 1);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a point outside the domain of f says so; the language switch relabels', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#fn=expr&expr=log(x)%2By%5E2&px=-1&py=0');
    const r = await readouts(p);
    assert.ok(r.undefined, 'the readout says f is undefined there');
    await p.locator('#lang').click();
    assert.match(await p.locator(`${W} h2`).textContent(), /梯度下降/);
    assert.match(await p.locator('h1').textContent(), /牛顿法/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
