// Hostile and random arguments to the ODE and phase-plane functions of the
// binding, on both wasm builds (the property: helpers/hostile.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['options', 'system', 'params', 'y0', 't0', 't1', 'dt', 'method', 'rtol', 'atol', 'bounds', 'maxSteps',
  'input', 'event', 'y0s', 'steps', 'x', 'y', 'fixed', 'vars', 'out', 'seeds', 'tMax', 'I', 'duration', 'transient',
  'tolerance', 'option', 'a', 'b', 'c', 'd', 'count', 'nx * ny', 'sigma'];
const lin = (r) => ({ a: r.float() * 2 - 1, b: r.float() * 2 - 1, c: r.float() * 2 - 1, d: r.float() * 2 - 1 });
const custom = { dx: 'y', dy: '-k*x - 0.1*y', params: { k: 2 } };

const LINEAR_DEFAULTS = { a: 0, b: 1, c: -1, d: -0.25 }; // docs/models.md

// Reference for linear2d fields: (a x + b y, c x + d y).
function linearField(p, x, y) {
  return [p.a * x + p.b * y, p.c * x + p.d * y];
}

const specs = [
  {
    fn: 'integrate', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    arrayKeys: ['y0'],
    make(r) {
      const o = { system: 'linear2d', params: lin(r), y0: [r.float(), r.float()], t1: r.pick([0.5, 1, -1]), dt: r.pick([0.01, 0.05]) };
      if (r.bool()) o.method = r.pick(['rk4', 'euler', 'dopri5']);
      if (r.bool(0.3)) o.bounds = [[-10, 10], [-Infinity, Infinity]];
      if (r.bool(0.3)) o.event = { variable: 'x', value: 0 };
      return { args: [o] };
    },
    call: (sc, a) => sc.integrate(a[0]),
    verify(res, valid, where, a) {
      const o = a[0];
      assert.equal(res.y.length, res.t.length * 2, `${where} shape`);
      assertFinite(res.t, 't', where);
      assertFinite(res.y, 'y', where);
      assert.equal(res.t[0], o.t0 ?? 0, `${where} t[0]`);
      assert.deepEqual([res.y[0], res.y[1]], [o.y0[0], o.y0[1]], `${where} y[0] is y0`);
    },
  },
  {
    fn: 'integrateBatch', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make(r) {
      const o = { system: r.pick(['linear2d', 'oscillator', custom]), y0s: r.floats(2 * r.int(0, 9)), dt: 0.01, steps: r.int(0, 20) };
      if (o.system === 'linear2d') o.params = lin(r);
      if (r.bool()) o.method = r.pick(['rk4', 'euler']);
      return { args: [o] };
    },
    call: (sc, a) => {
      try {
        const y = Object.getOwnPropertyDescriptor(a[0], 'y0s')?.value;
        a.before = ArrayBuffer.isView(y) && y.constructor === Float32Array ? Float32Array.from(y) : null;
      } catch {
        a.before = null; // a hostile options object: the call must throw
      }
      return sc.integrateBatch(a[0]);
    },
    verify(res, valid, where, a) {
      assert.equal(res, a[0].y0s, `${where} returns y0s`);
      // A lane that leaves float32 becomes non-finite (documented; the
      // particle widget respawns it): only a hostile dt or state can do that here.
      if (a[0].dt < 1e3 && a.before.every((v) => Math.abs(v) < 1e30)) assertFinite(res, 'y0s', where);
      if (a[0].steps === 0) assert.deepEqual(res, a.before, `${where} zero steps leave the states`);
    },
  },
  {
    fn: 'directionField', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make(r) {
      const nx = r.int(2, 6), ny = r.int(2, 6);
      const o = { system: 'linear2d', params: lin(r), x: [-1, 1, nx], y: [-2, 0.5, ny] };
      if (r.bool()) o.out = new Float32Array(2 * nx * ny);
      return { args: [o] };
    },
    call: (sc, a) => sc.directionField(a[0]),
    verify(f, valid, where, a) {
      const { params, x: [x0, x1, nx], y: [y0, y1, ny] } = a[0];
      const p = { ...LINEAR_DEFAULTS, ...params };
      assert.equal(f.length, 2 * nx * ny, `${where} shape`);
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const [dx, dy] = linearField(p, x0 + (x1 - x0) * i / (nx - 1), y0 + (y1 - y0) * j / (ny - 1));
          const k = 2 * (j * nx + i);
          assert.ok(Math.abs(f[k] - dx) < 1e-5 && Math.abs(f[k + 1] - dy) < 1e-5, `${where} (${i}, ${j}): ${f[k]}, ${f[k + 1]} vs ${dx}, ${dy}`);
        }
      }
    },
  },
  {
    fn: 'nullclines', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make: (r) => ({ args: [{ system: r.pick(['van-der-pol', 'fitzhugh-nagumo']), x: [-3, 3, r.int(2, 40)], y: [-3, 3, r.int(2, 40)] }] }),
    call: (sc, a) => sc.nullclines(a[0]),
    verify(nc, valid, where) {
      for (const line of [...nc.x, ...nc.y]) assertFinite(line, 'polyline', where);
    },
  },
  {
    fn: 'equilibria', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make: (r) => ({ args: [{ system: 'linear2d', params: lin(r), x: [-1, 1], y: [-1, 1] }] }),
    call: (sc, a) => sc.equilibria(a[0]),
    verify(eq, valid, where) {
      for (const e of eq) assertFinite([e.x, e.y, ...e.jacobian, e.trace, e.det], 'equilibrium', where);
    },
  },
  {
    fn: 'separatrices', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make: (r) => ({ args: [{ system: 'linear2d', params: { a: 1, b: r.float(), c: r.float(), d: -1 }, x: [-2, 2], y: [-2, 2], tMax: 5 }] }),
    call: (sc, a) => sc.separatrices(a[0]),
    verify(seps, valid, where) {
      for (const s of seps) assertFinite(s.points, 'points', where);
    },
  },
  {
    fn: 'classifyLinear', names: NAMES,
    slots: [0, 1, 2, 3].map((index) => ({ index, names: ['abcd'[index]] })).concat([{ index: 4, kind: 'object', names: ['options'] }]),
    make: (r) => ({ args: [r.float() * 4 - 2, r.float() * 4 - 2, r.float() * 4 - 2, r.float() * 4 - 2, r.bool() ? { tolerance: 1e-6 } : {}] }),
    call: (sc, a) => sc.classifyLinear(...a),
    verify(k, valid, where, [a, b, c, d]) {
      const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
      assert.ok(Math.abs(k.trace - (a + d)) <= 1e-12 * scale && Math.abs(k.det - (a * d - b * c)) <= 1e-12 * scale * scale, `${where} trace/det`);
      assertFinite([k.trace, k.det, k.discriminant, ...k.eigenvalues.flatMap((e) => [e.re, e.im])], 'classification', where);
    },
  },
  {
    fn: 'lyapunovMap', names: [...NAMES, 'V', 'nx', 'ny', 'v', 'vdot', 'info'], slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make: (r) => ({ args: [{ system: r.pick(['linear2d', 'oscillator', custom]), V: r.pick(['x^2 + y^2', '0.5*y^2 + 1 - cos(x)', 'sqrt(x) + y']),
      x: [-1 - r.float(), 1 + r.float(), r.int(2, 12)], y: [-1, 1, r.int(2, 12)] }] }),
    call: (sc, a) => sc.lyapunovMap(a[0]),
    verify(res, valid, where, [o]) {
      const n = o.x[2] * o.y[2];
      assert.equal(res.V.length, n, `${where} V shape`);
      assert.equal(res.Vdot.length, n, `${where} Vdot shape`);
      for (let k = 0; k < n; k++) assert.equal(Number.isNaN(res.V[k]), Number.isNaN(res.Vdot[k]), `${where} NaN together`);
      assert.ok(res.level === null || Number.isFinite(res.level), `${where} level`);
    },
  },
  {
    fn: 'lyapunovAt', names: [...NAMES, 'V', 'points'], slots: [{ index: 0, kind: 'object', names: ['options'] }],
    arrayKeys: ['points'],
    make: (r) => ({ args: [{ system: r.pick(['linear2d', 'van-der-pol', custom]), V: 'x^2 + 3*y^2', points: r.floats(2 * r.int(1, 6)) }] }),
    call: (sc, a) => sc.lyapunovAt(a[0]),
    verify(res, valid, where) {
      assert.ok(res.length >= 2 && res.length % 2 === 0, `${where} shape`);
      assertFinite(res, 'V, dV/dt', where);
    },
  },
  {
    fn: 'classifyLinear3', names: [...NAMES, 'A', 'A[0]', 'A[1]', 'A[2]', ...[0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => `A[${i}][${j}]`))],
    slots: [{ index: 0, kind: 'value', names: ['A'] }],
    make: (r) => ({ args: [[0, 1, 2].map(() => [r.float() * 4 - 2, r.float() * 4 - 2, r.float() * 4 - 2])] }),
    call: (sc, a) => sc.classifyLinear3(a[0]),
    verify(c, valid, where, [A]) {
      assertFinite([c.trace, c.minors, c.det, ...c.eigenvalues.flatMap((e) => [e.re, e.im])], 'classification', where);
      assert.ok(Math.abs(c.trace - (A[0][0] + A[1][1] + A[2][2])) < 1e-12, `${where} trace`);
      const sum = c.eigenvalues.reduce((acc, e) => acc + e.re, 0);
      assert.ok(Math.abs(sum - c.trace) < 1e-9, `${where} eigenvalues sum to the trace`);
    },
  },
  {
    fn: 'linear3Solution', names: [...NAMES, 'A', 'A[0]', 'A[1]', 'A[2]', ...[0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => `A[${i}][${j}]`)), 'x0', 'times'],
    slots: [{ index: 0, kind: 'value', names: ['A'] }, { index: 1, kind: 'array', names: ['x0'] }, { index: 2, kind: 'array', names: ['times'] }],
    make: (r) => ({ args: [[0, 1, 2].map(() => [r.float() * 2 - 1, r.float() * 2 - 1, r.float() * 2 - 1]), [r.float(), r.float(), r.float()], [0, ...r.floats(r.int(0, 5))]] }),
    call: (sc, a) => sc.linear3Solution(...a),
    verify(xs, valid, where, [, x0, times]) {
      assert.ok(xs.length >= 3 && xs.length % 3 === 0, `${where} shape`);
      assertFinite(xs, 'solution', where);
      if (times[0] === 0) assert.deepEqual([xs[0], xs[1], xs[2]], [x0[0], x0[1], x0[2]], `${where} x(0) = x0`);
    },
  },
  {
    fn: 'linearExp', names: [...NAMES, 'A', 'A[0]', 'A[1]', 'A[0][0]', 'A[0][1]', 'A[1][0]', 'A[1][1]', 't'],
    slots: [{ index: 0, kind: 'value', names: ['A'] }, { index: 1, kind: 'value', names: ['t'] }],
    make: (r) => ({ args: [[[r.float() * 4 - 2, r.float() * 4 - 2], [r.float() * 4 - 2, r.float() * 4 - 2]], r.float() * 6 - 3] }),
    call: (sc, a) => sc.linearExp(...a),
    verify(E, valid, where, [, t]) {
      assertFinite(E.flat(), 'e^{At}', where);
      if (t === 0) assert.deepEqual(E, [[1, 0], [0, 1]], `${where} e^{A 0} = I`);
    },
  },
  {
    fn: 'linearSolution', names: [...NAMES, 'A', 'A[0]', 'A[1]', 'A[0][0]', 'A[0][1]', 'A[1][0]', 'A[1][1]', 'x0', 'times'],
    slots: [{ index: 0, kind: 'value', names: ['A'] }, { index: 1, kind: 'array', names: ['x0'] }, { index: 2, kind: 'array', names: ['times'] }],
    make: (r) => ({ args: [[[r.float() * 2 - 1, r.float() * 2 - 1], [r.float() * 2 - 1, r.float() * 2 - 1]], [r.float(), r.float()], [0, ...r.floats(r.int(0, 6))]] }),
    call: (sc, a) => sc.linearSolution(...a),
    verify(xy, valid, where, [, x0, times]) {
      // (times may be a container that lies about its length: the binding reads the engine's.)
      assert.ok(xy.length >= 2 && xy.length % 2 === 0, `${where} shape`);
      assertFinite(xy, 'solution', where);
      if (times[0] === 0) assert.deepEqual([xy[0], xy[1]], [x0[0], x0[1]], `${where} x(0) = x0`);
    },
  },
  {
    fn: 'lyapunovLinear', names: [...NAMES, 'A', 'A[0]', 'A[1]', 'A[0][0]', 'A[0][1]', 'A[1][0]', 'A[1][1]', 'Q', 'Q[0]', 'Q[1]', 'Q[0][0]', 'Q[0][1]', 'Q[1][0]', 'Q[1][1]'],
    slots: [{ index: 0, kind: 'value', names: ['A'] }, { index: 1, kind: 'value', names: ['Q'] }],
    make: (r) => ({ args: [[[-1 - r.float(), r.float()], [r.float(), -1 - r.float()]], r.bool() ? undefined : [[2, 0.5], [0.5, 1]]] }),
    call: (sc, a) => sc.lyapunovLinear(...a),
    verify(res, valid, where, [A, Q = [[1, 0], [0, 1]]]) {
      const [[a, b], [c, d]] = A;
      const [[p, q], [, r]] = res.P;
      // A^T P + P A + Q = 0, entry by entry.
      const residual = [2 * (a * p + c * q) + Q[0][0], b * p + (a + d) * q + c * r + Q[0][1], 2 * (b * q + d * r) + Q[1][1]];
      for (const e of residual) assert.ok(Math.abs(e) < 1e-12 * Math.max(1, Math.abs(p), Math.abs(r)), `${where} residual ${e}`);
      assert.equal(res.positiveDefinite, true, `${where} A is Hurwitz here, Q definite`);
    },
  },
  {
    fn: 'fICurve', names: NAMES, slots: [{ index: 0, kind: 'object', names: ['options'] }],
    make: (r) => ({ args: [{ I: [0, r.pick([5, 10, 20]), r.int(2, 4)], duration: 100, dt: 0.5, method: 'izhikevich-euler' }] }),
    call: (sc, a) => sc.fICurve(a[0]),
    verify(f, valid, where) {
      assertFinite(f.rate, 'rate', where);
      for (let k = 1; k < f.rate.length; k++) assert.ok(f.rate[k] >= f.rate[k - 1] - 1e-9, `${where} rate grows with I`);
    },
  },
];

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  let calls = 0;
  const reenter = () => {
    const n = 2 * (64 + 64 * (calls++ % 4));
    sc.integrateBatch({ system: 'oscillator', y0s: new Float32Array(n), dt: 0.1, steps: 2 });
    sc.directionField({ system: 'van-der-pol', x: [-1, 1, n / 8], y: [-1, 1, 9] });
  };
  for (const spec of specs) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter, runs: spec.fn === 'fICurve' ? 100 : undefined });
      assert.ok(tally.ok > 5 && tally.threw > 5, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
}
