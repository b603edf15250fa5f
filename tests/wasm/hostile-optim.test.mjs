// Hostile and random arguments to the optim functions of the binding, on
// both wasm builds (the property: helpers/hostile.mjs). A successful call is
// checked for what must hold whatever the arguments: finite values, a
// symmetric Hessian with ordered eigenvalues, a grid whose NaNs are the
// counted undefined points, a finite path from the start point with a known
// status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, OPTIM_OUTCOMES } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';

const NAMES = ['f', 'f.name', 'f.kappa', 'f.angle', 'f.expression', 'x', 'y', 'options', 'x0', 'x1', 'y0', 'y1', 'nx', 'ny',
  'taylorAt', 'method', 'start', 'eta', 'alpha', 'tol', 'maxIterations', 'text', 'kappa', 'angle'];
// Defined and differentiable on the points the specs use.
const EXPRESSIONS = ['x^2 + 3*y^2', 'sin(x)*cos(y)', 'log(1 + x^2) + y^2', 'exp(x*y)', 'sqrt(x^2 + y^2 + 1)'];
const TEXTS = [...EXPRESSIONS, 'x*(y + 1', 'log(x) + t', 'x ^^ 2', ''];

function func(r) {
  const k = r.int(0, 4);
  if (k === 0) return { name: 'quadratic', kappa: r.pick([1, 4, 100]), angle: r.float() * 6 - 3 };
  if (k === 4) return { expression: r.pick(EXPRESSIONS) };
  return { name: ['rosenbrock', 'himmelblau', 'saddle'][k - 1] };
}
const fslot = { index: 0, kind: 'object', names: ['f'] };

const evaluateSpec = {
  fn: 'optimEvaluate',
  names: NAMES,
  slots: [fslot, { index: 1, kind: 'value', names: ['x'] }, { index: 2, kind: 'value', names: ['y'] }],
  make: (r) => ({ args: [func(r), r.float() * 4 - 2, r.float() * 4 - 2] }),
  call: (sc, a) => sc.optimEvaluate(...a),
  verify(p, valid, where) {
    const all = [p.value, ...p.gradient, ...p.hessian.flat(), ...p.eigenvalues, ...p.eigenvectors.flat()];
    assertFinite(all, 'evaluate', where);
    assert.equal(p.hessian[0][1], p.hessian[1][0], `${where} symmetric`);
    assert.ok(p.eigenvalues[0] >= p.eigenvalues[1], `${where} ordered`);
  },
};

const gridSpec = {
  fn: 'optimGrid',
  names: NAMES,
  arrayKeys: ['taylorAt'],
  slots: [fslot, { index: 1, kind: 'object', names: ['options'] }],
  make(r) {
    const o = { x0: -2, x1: r.pick([1, 2.5]), y0: -1.5, y1: 2, nx: r.int(2, 12), ny: r.int(2, 12) };
    if (r.bool()) o.taylorAt = [r.float() + 0.5, r.float()];
    return { args: [func(r), o] };
  },
  call: (sc, a) => sc.optimGrid(...a),
  verify(g, valid, where) {
    assert.equal(g.values.length, g.nx * g.ny, `${where} length`);
    let nan = 0;
    for (const v of g.values) {
      if (Number.isNaN(v)) nan++;
      else assert.ok(Number.isFinite(v), `${where} infinite value`);
    }
    assert.equal(nan, g.undefinedCount, `${where} undefined count`);
  },
};

const descendSpec = {
  fn: 'optimDescend',
  names: NAMES,
  arrayKeys: ['start'],
  slots: [fslot, { index: 1, kind: 'object', names: ['options'] }],
  make(r) {
    const o = { method: r.pick(['gd', 'momentum', 'newton']), start: [r.float() * 2 + 0.1, r.float() * 2 - 1] };
    if (r.bool()) o.eta = r.pick([1e-3, 0.01, 0.1]);
    if (r.bool()) o.alpha = r.pick([0, 0.5, 0.9]);
    if (r.bool()) o.tol = r.pick([1e-8, 1e-4]);
    if (r.bool()) o.maxIterations = r.int(1, 300);
    return { args: [func(r), o] };
  },
  call: (sc, a) => sc.optimDescend(...a),
  verify(t, valid, where, args) {
    assert.ok(OPTIM_OUTCOMES.includes(t.status), `${where} status ${t.status}`);
    assert.equal(t.path.length, 2 * (t.iterations + 1), `${where} path length`);
    assertFinite(t.path, 'path', where);
    const s = numbers(args[1].start);
    assert.ok(Math.abs(t.path[0] - s[0]) <= 1e-6 * (1 + Math.abs(s[0])) && Math.abs(t.path[1] - s[1]) <= 1e-6 * (1 + Math.abs(s[1])),
      `${where} starts at (${t.path[0]}, ${t.path[1]})`);
  },
};

const checkSpec = {
  fn: 'optimCheckExpression',
  names: NAMES,
  slots: [{ index: 0, kind: 'value', names: ['text'] }],
  make: (r) => ({ args: [r.pick(TEXTS)] }),
  call: (sc, a) => sc.optimCheckExpression(a[0]),
  verify(res, valid, where, args) {
    if (res === null) return;
    assert.ok(Number.isInteger(res.position) && res.position >= 0 && res.position <= args[0].length, `${where} position`);
    assert.ok(typeof res.message === 'string' && res.message.length > 0, `${where} message`);
  },
};

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  // A getter that re-enters with another expression must not change what the outer call computes.
  const reenter = () => sc.optimGrid({ expression: 'exp(x) + y*y*y*y*y - 17' }, { x0: 0, x1: 1, y0: 0, y1: 1, nx: 40, ny: 40 });
  for (const spec of [evaluateSpec, gridSpec, descendSpec, checkSpec]) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter });
      assert.ok(tally.ok > 10 && tally.threw > 10, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
  test(`${simd ? 'simd' : 'scalar'}: a re-entrant getter on the options keeps the outer expression`, () => {
    const f = { expression: 'x^2 + 3*y^2' };
    const plain = sc.optimDescend(f, { method: 'newton', start: [1, 1] });
    const tricky = {
      method: 'newton',
      get start() { reenter(); return [1, 1]; },
    };
    assert.deepEqual(sc.optimDescend(f, tricky), plain);
  });
}
