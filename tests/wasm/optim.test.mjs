// The optim binding against independent answers: Rosenbrock's gradient and
// Hessian worked out by hand, Newton in one step on quadratics, gradient
// descent's contraction (kappa-1)/(kappa+1) with eta = 2/(1+kappa), the
// expression path equal to the built-ins, grids equal to point values,
// outcomes as statuses, syntax errors with positions; both builds agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, OPTIM_FUNCTIONS, OPTIM_METHODS, OPTIM_OUTCOMES } from '../../bindings/simcore.mjs';

const builds = { simd: await loadSimcore({ simd: true }), scalar: await loadSimcore({ simd: false }) };
const near = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${what}: ${a} vs ${b}`);

test('names in the core\'s order', () => {
  assert.deepEqual([...OPTIM_FUNCTIONS], ['quadratic', 'rosenbrock', 'himmelblau', 'saddle']);
  assert.deepEqual([...OPTIM_METHODS], ['gd', 'momentum', 'newton']);
  assert.deepEqual([...OPTIM_OUTCOMES], ['converged', 'max-iterations', 'diverged', 'singular', 'undefined']);
  assert.equal(builds.simd.optimLimits.maxIterations, 100000);
});

for (const [kind, sc] of Object.entries(builds)) {
  test(`${kind}: Rosenbrock's derivatives are the analytic ones`, () => {
    for (const [x, y] of [[-1.2, 1], [0.3, -0.7], [1, 1], [2, 1.5]]) {
      const p = sc.optimEvaluate('rosenbrock', x, y);
      const r = y - x * x;
      near(p.value, (1 - x) ** 2 + 100 * r * r, 1e-14, 'f');
      near(p.gradient[0], -2 * (1 - x) - 400 * x * r, 1e-14, 'fx');
      near(p.gradient[1], 200 * r, 1e-14, 'fy');
      near(p.hessian[0][0], 2 - 400 * y + 1200 * x * x, 1e-14, 'fxx');
      near(p.hessian[0][1], -400 * x, 1e-14, 'fxy');
      assert.equal(p.hessian[1][0], p.hessian[0][1]);
      near(p.hessian[1][1], 200, 1e-14, 'fyy');
      // H e = l e for both eigenpairs
      for (let k = 0; k < 2; k++) {
        const [ex, ey] = p.eigenvectors[k], l = p.eigenvalues[k];
        near(p.hessian[0][0] * ex + p.hessian[0][1] * ey, l * ex, 1e-12 * 1e4, `H e${k} x`);
        near(p.hessian[1][0] * ex + p.hessian[1][1] * ey, l * ey, 1e-12 * 1e4, `H e${k} y`);
      }
    }
  });

  test(`${kind}: a typed expression gives the built-ins' derivatives`, () => {
    const pairs = [
      ['rosenbrock', '(1 - x)^2 + 100*(y - x^2)^2'],
      ['himmelblau', '(x^2 + y - 11)^2 + (x + y^2 - 7)^2'],
      ['saddle', '0.5*(x^2 - y^2)'],
    ];
    for (const [name, expression] of pairs) {
      for (const [x, y] of [[-2.5, 1.25], [0.75, -1.5], [3, 2]]) {
        const a = sc.optimEvaluate(name, x, y), b = sc.optimEvaluate({ expression }, x, y);
        near(b.value, a.value, 1e-12, `${name} f`);
        for (let i = 0; i < 2; i++) near(b.gradient[i], a.gradient[i], 1e-12, `${name} grad`);
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) near(b.hessian[i][j], a.hessian[i][j], 1e-12, `${name} H`);
      }
    }
  });

  test(`${kind}: Newton converges in one step on quadratics`, () => {
    for (const f of [{ name: 'quadratic', kappa: 50, angle: 0.8 }, { expression: '3*x^2 + x*y + 2*y^2 - x + 4' }, 'saddle']) {
      const t = sc.optimDescend(f, { method: 'newton', start: [2.5, -1.5] });
      assert.equal(t.status, 'converged');
      assert.equal(t.iterations, 1);
      assert.equal(t.path.length, 4);
    }
  });

  test(`${kind}: gradient descent contracts by (kappa-1)/(kappa+1) with eta = 2/(1+kappa)`, () => {
    for (const kappa of [4, 25, 100]) {
      const rho = (kappa - 1) / (kappa + 1);
      const t = sc.optimDescend({ name: 'quadratic', kappa, angle: 0.5 }, { method: 'gd', eta: 2 / (1 + kappa), start: [1, 2], maxIterations: 5000 });
      assert.equal(t.status, 'converged');
      for (let k = 0; k + 1 <= t.iterations; k++) {
        const a = Math.hypot(t.path[2 * k], t.path[2 * k + 1]), b = Math.hypot(t.path[2 * k + 2], t.path[2 * k + 3]);
        near(b / a, rho, 1e-9, `kappa ${kappa}, step ${k}`);
      }
      // |grad| shrinks by rho too: the count is known in advance
      const g0 = Math.hypot(...sc.optimEvaluate({ name: 'quadratic', kappa, angle: 0.5 }, 1, 2).gradient);
      assert.ok(Math.abs(t.iterations - Math.ceil(Math.log(1e-6 / g0) / Math.log(rho))) <= 1, `kappa ${kappa}: ${t.iterations}`);
    }
  });

  test(`${kind}: outcomes are statuses and the path stays finite`, () => {
    const cases = [
      [{ name: 'quadratic', kappa: 10 }, { eta: 0.25, start: [1, 1], maxIterations: 100000 }, 'diverged'],
      [{ expression: 'log(x) + y^2' }, { eta: 1, start: [0.5, 0] }, 'undefined'],
      [{ expression: 'x^2 + y' }, { method: 'newton', start: [1, 1] }, 'singular'],
      ['rosenbrock', { eta: 1e-4, start: [-1.2, 1], maxIterations: 10 }, 'max-iterations'],
      ['himmelblau', { method: 'momentum', eta: 0.01, alpha: 0.5, start: [0, 0] }, 'converged'],
    ];
    for (const [f, o, want] of cases) {
      const t = sc.optimDescend(f, o);
      assert.equal(t.status, want, JSON.stringify([f, o]));
      assert.equal(t.path.length, 2 * (t.iterations + 1));
      assert.ok(t.path.every(Number.isFinite));
      assert.deepEqual([t.path[0], t.path[1]], o.start);
    }
    const h = sc.optimDescend('himmelblau', { method: 'momentum', eta: 0.01, alpha: 0.5, start: [0, 0] });
    near(h.path[2 * h.iterations], 3, 1e-6, 'Himmelblau minimum x');
    near(h.path[2 * h.iterations + 1], 2, 1e-6, 'Himmelblau minimum y');
  });

  test(`${kind}: grids are f at the grid points; the Taylor grid of a quadratic is the quadratic`, () => {
    const view = { x0: -2, x1: 2, y0: -1, y1: 3, nx: 5, ny: 9 };
    const g = sc.optimGrid('himmelblau', view);
    assert.equal(g.values.length, 45);
    assert.equal(g.undefinedCount, 0);
    for (let j = 0; j < 9; j++) {
      for (let i = 0; i < 5; i++) {
        assert.equal(g.values[j * 5 + i], Math.fround(sc.optimEvaluate('himmelblau', -2 + i, -1 + j * 0.5).value));
      }
    }
    const q = { name: 'quadratic', kappa: 8, angle: 1 };
    const a = sc.optimGrid(q, view), b = sc.optimGrid(q, { ...view, taylorAt: [0.3, -0.2] });
    for (let k = 0; k < 45; k++) near(b.values[k], a.values[k], 1e-6, `taylor ${k}`);
    // Rosenbrock's Taylor approximation at c: exact at c, off elsewhere
    const c = sc.optimGrid('rosenbrock', { x0: -1, x1: 1, y0: -1, y1: 1, nx: 3, ny: 3, taylorAt: [0, 0] });
    const f00 = sc.optimEvaluate('rosenbrock', 0, 0);
    assert.equal(c.values[4], f00.value);
    // q(1, 1) = 1 + (-2)(1) + 0 + 1/2 (2 + 200) = 100 (H at 0: [[2, 0], [0, 200]])
    assert.equal(c.values[8], 100);
    const l = sc.optimGrid({ expression: 'log(x)' }, { x0: -1, x1: 1, y0: 0, y1: 1, nx: 5, ny: 2 });
    assert.equal(l.undefinedCount, 6); // x = -1, -0.5 (NaN) and 0 (-inf) in both rows
    assert.ok(Number.isNaN(l.values[0]) && Number.isNaN(l.values[2]) && l.values[4] === 0);
  });

  test(`${kind}: syntax errors name the position`, () => {
    assert.equal(sc.optimCheckExpression('x^2 + y^2'), null);
    assert.deepEqual(sc.optimCheckExpression('x^2 + * y'), { position: 6, message: sc.optimCheckExpression('x^2 + * y').message });
    assert.equal(sc.optimCheckExpression('sin(x) + t').position, 9);
    assert.match(sc.optimCheckExpression('sin(x) + t').message, /t is not a variable/);
    assert.equal(sc.optimCheckExpression('x + y²').position, 5);
    assert.throws(() => sc.optimEvaluate({ expression: 'x*(y + 1' }, 0, 0), (e) => e instanceof SyntaxError && /at position 8/.test(e.message));
    assert.throws(() => sc.optimEvaluate({ expression: 'log(x)' }, -1, 0), (e) => e instanceof RangeError && /not finite at \(-1, 0\)/.test(e.message));
  });
}

test('the SIMD and scalar builds give the same bits', () => {
  for (const f of ['rosenbrock', { expression: 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)' }]) {
    const a = builds.simd.optimDescend(f, { method: 'momentum', eta: 1e-3, alpha: 0.9, start: [-1, 1.5], maxIterations: 3000 });
    const b = builds.scalar.optimDescend(f, { method: 'momentum', eta: 1e-3, alpha: 0.9, start: [-1, 1.5], maxIterations: 3000 });
    assert.deepEqual(a, b);
    const view = { x0: -2, x1: 2, y0: -1, y1: 3, nx: 64, ny: 48 };
    assert.deepEqual(builds.simd.optimGrid(f, view), builds.scalar.optimGrid(f, view));
  }
});
