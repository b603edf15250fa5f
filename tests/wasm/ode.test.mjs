// The ODE and phase-plane binding under Node, on both wasm builds: closed
// forms, convergence orders, events, Izhikevich patterns and equilibria,
// classification, nullclines, batch SIMD == scalar, argument errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { inputAt } from './helpers/protocols.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

// e^{tA} x0 in closed form (s = p/2, B = A - sI, B^2 = (Delta/4) I).
function expm2([a, b, c, d], t, [x, y]) {
  const p = a + d, q = a * d - b * c, D = p * p - 4 * q, s = p / 2;
  let C, S;
  if (D > 0) { const w = Math.sqrt(D) / 2; C = Math.cosh(w * t); S = Math.sinh(w * t) / w; }
  else if (D < 0) { const w = Math.sqrt(-D) / 2; C = Math.cos(w * t); S = Math.sin(w * t) / w; }
  else { C = 1; S = t; }
  const e = Math.exp(s * t);
  return [e * ((C + S * (a - s)) * x + S * b * y), e * (S * c * x + (C + S * (d - s)) * y)];
}

const last = (r) => Array.from(r.y.subarray(r.y.length - r.dim));

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: systems table lists the models with units, defaults and presets`, () => {
    assert.deepEqual(Object.keys(sc.systems), ['linear2d', 'oscillator', 'izhikevich', 'fitzhugh-nagumo', 'van-der-pol',
      'morris-lecar', 'hodgkin-huxley', 'hh-rinzel']);
    const iz = sc.systems.izhikevich;
    assert.deepEqual(iz.params.map((p) => p.name), ['a', 'b', 'c', 'd', 'I', 'k2', 'k1', 'k0', 'vpeak', 'vr', 'ku']);
    assert.equal(iz.defaults.k2, 0.04);
    assert.equal(iz.input, 'I');
    assert.equal(iz.reset, true);
    const rs = iz.presets.find((p) => p.name === 'RS');
    assert.deepEqual([rs.params.a, rs.params.b, rs.params.c, rs.params.d], [0.02, 0.2, -65, 8]);
    const g = iz.presets.find((p) => p.name === 'G');
    assert.equal(g.params.k1, 4.1);
    assert.equal(g.params.k0, 108);
    assert.equal(sc.systems['hodgkin-huxley'].dim, 4);
    assert.deepEqual(sc.systems['morris-lecar'].presets.map((p) => p.name), ['ML-hopf', 'ML-snic']);
  });

  test(`${name}: linear systems follow e^{tA} x0 for every class`, () => {
    const classes = [[1, 2, 2, -1], [0, 2, -2, 0], [-0.3, 2, -2, -0.3], [0.3, 2, -2, 0.3], [-1, 0.5, 0.2, -2],
      [1, 0.5, 0.2, 2], [-1, 1, 0, -1], [1, 1, 0, 1], [-1, 0, 0, -1], [1, 2, 0.5, 1]];
    for (const A of classes) {
      const [a, b, c, d] = A;
      const ex = expm2(A, 2, [0.7, -0.4]);
      const scale = Math.max(1, Math.hypot(...ex));
      for (const method of ['rk4', 'dopri5']) {
        const r = sc.integrate({ system: 'linear2d', params: { a, b, c, d }, y0: [0.7, -0.4], t1: 2, dt: method === 'rk4' ? 0.01 : 0,
          method, rtol: 1e-10, atol: 1e-12 });
        assert.equal(r.stop, 'end');
        const y = last(r);
        // RK4 h = 0.01: ~1e-9 relative; dopri5 at rtol 1e-10: a small multiple of it
        assert.ok(Math.abs(y[0] - ex[0]) < 1e-8 * scale && Math.abs(y[1] - ex[1]) < 1e-8 * scale, `${A} ${method}: ${y} vs ${ex}`);
      }
    }
  });

  test(`${name}: damped oscillator under, critical and over-damped against the closed form`, () => {
    for (const [m, k, mu] of [[1, 4, 0.4], [1, 1, 2], [2, 1, 5]]) {
      const g = mu / (2 * m), D = g * g - k / m, x0 = 1, v0 = 0.5;
      const exact = (t) => {
        if (D < 0) { const w = Math.sqrt(-D); return Math.exp(-g * t) * (x0 * Math.cos(w * t) + (v0 + g * x0) / w * Math.sin(w * t)); }
        if (D === 0) return Math.exp(-g * t) * (x0 + (v0 + g * x0) * t);
        const r1 = -g + Math.sqrt(D), r2 = -g - Math.sqrt(D), c1 = (v0 - r2 * x0) / (r1 - r2);
        return c1 * Math.exp(r1 * t) + (x0 - c1) * Math.exp(r2 * t);
      };
      const r = sc.integrate({ system: 'oscillator', params: { m, k, mu }, y0: [x0, v0], t1: 10, dt: 0.01 });
      let worst = 0;
      for (let i = 0; i < r.t.length; i++) worst = Math.max(worst, Math.abs(r.y[2 * i] - exact(r.t[i])));
      assert.ok(worst < 1e-8, `(${m}, ${k}, ${mu}) max error ${worst}`);
    }
  });

  test(`${name}: measured order: Euler 1, RK4 4; dopri5 error follows rtol`, () => {
    const params = { m: 1, k: 4, mu: 0.4 };
    const w = Math.sqrt(4 - 0.04);
    const exact = Math.exp(-0.2 * 5) * (Math.cos(w * 5) + 0.2 / w * Math.sin(w * 5));
    const err = (method, dt) => Math.abs(last(sc.integrate({ system: 'oscillator', params, y0: [1, 0], t1: 5, dt, method }))[0] - exact);
    const oe = Math.log2(err('euler', 0.002) / err('euler', 0.001));
    const o4 = Math.log2(err('rk4', 0.05) / err('rk4', 0.025));
    assert.ok(oe > 0.95 && oe < 1.05, `Euler order ${oe}`);
    assert.ok(o4 > 3.8 && o4 < 4.2, `RK4 order ${o4}`);
    for (const rtol of [1e-4, 1e-7, 1e-10]) {
      const r = sc.integrate({ system: 'oscillator', params, y0: [1, 0], t1: 5, method: 'dopri5', rtol, atol: rtol * 1e-3 });
      assert.ok(Math.abs(last(r)[0] - exact) < 100 * rtol, `rtol ${rtol}`);
    }
  });

  test(`${name}: backward integration returns to the start`, () => {
    const params = { a: -0.3, b: 2, c: -2, d: -0.3 };
    const f = sc.integrate({ system: 'linear2d', params, y0: [1, 0.5], t1: 4, dt: 0.001 });
    const b = sc.integrate({ system: 'linear2d', params, y0: last(f), t0: 4, t1: 0, dt: 0.001 });
    assert.equal(b.t[b.t.length - 1], 0);
    const y = last(b);
    assert.ok(Math.abs(y[0] - 1) < 1e-9 && Math.abs(y[1] - 0.5) < 1e-9, `${y}`);
  });

  test(`${name}: Izhikevich RS adapts, FS does not, CH and IB burst; spikes reset at vpeak`, () => {
    const isis = (preset) => {
      const p = sc.systems.izhikevich.presets.find((q) => q.name === preset);
      const r = sc.integrate({ system: 'izhikevich', params: p.params, y0: p.y0, t1: 300, dt: 0.1 });
      const t = r.events.filter((e) => e.kind === 'spike').map((e) => e.t);
      return { r, isi: t.slice(1).map((x, i) => x - t[i]) };
    };
    const rs = isis('RS').isi;
    assert.ok(rs.length >= 4 && rs.at(-1) > 1.5 * rs[0], `RS ${rs}`);
    const fs = isis('FS').isi;
    const late = fs.slice(4);
    assert.ok(fs.length >= 30 && Math.max(...late) < 1.01 * Math.min(...late), `FS ${fs}`);
    const ch = isis('CH').isi;
    assert.ok(Math.max(...ch) > 4 * Math.min(...ch) && ch.filter((x) => x > 0.5 * Math.max(...ch)).length >= 3, `CH ${ch}`);
    const ib = isis('IB').isi;
    assert.ok(ib[0] < 0.3 * ib.at(-1), `IB ${ib}`);
    // the reset pair: (t*, vpeak) then (t*, c) at the same time
    const { r } = isis('RS');
    const i = Array.from(r.t).findIndex((t, k) => k + 1 < r.t.length && r.t[k + 1] === t);
    assert.equal(r.y[2 * i], 30);
    assert.equal(r.y[2 * i + 2], -65);
  });

  test(`${name}: input protocol drives I(t); threshold crossings are events`, () => {
    const A = sc.systems.izhikevich.presets.find((p) => p.name === 'A');
    const r = sc.integrate({ system: 'izhikevich', params: A.params, y0: A.y0, t1: A.t1, dt: A.dt, input: A.input });
    assert.ok(r.events.length >= 3 && r.events[0].t > 10, `first spike ${r.events[0]?.t}`);
    const x = sc.integrate({ system: 'oscillator', params: { m: 1, k: 4, mu: 0 }, y0: [0, 1], t1: 10, dt: 0.05,
      event: { variable: 'x', value: 0.45 } });
    assert.equal(x.events.length, 4);
    assert.ok(Math.abs(x.events[0].t - Math.asin(0.9) / 2) < 1e-5);
    assert.equal(x.events[0].kind, 'crossing');
  });

  // v' = I(t) (an Izhikevich cell with the quadratic, u and the reset turned
  // off): v(t) is the integral of the protocol, so every sample shows which
  // input the integrator used, against inputAt (helpers/protocols.mjs).
  const integrator = { a: 0, b: 0, c: 0, d: 0, I: 0, k2: 0, k1: 0, k0: 0, vpeak: 1e12, vr: 0, ku: 1 };
  const integral = (input, t) => { // exact for piecewise-linear I: trapezoids between breakpoints
    const pts = [0, ...input.t.filter((x) => x > 0 && x < t), t];
    let s = 0;
    for (let k = 1; k < pts.length; k++) {
      const [x0, x1] = [pts[k - 1], pts[k]];
      if (x1 > x0) s += (x1 - x0) * (inputAt(input, x0 + 1e-9 * (x1 - x0)) + inputAt(input, x1 - 1e-9 * (x1 - x0))) / 2;
    }
    return s;
  };
  test(`${name}: every preset protocol: RK4 integrates I(t) exactly (no stage sees the far side of a jump); figure1.m's scheme uses inputAt(step start)`, () => {
    const withInput = sc.systems.izhikevich.presets.filter((p) => p.input);
    assert.ok(withInput.length >= 23);
    for (const p of withInput) {
      const r = sc.integrate({ system: 'izhikevich', params: integrator, y0: [0, 0], t1: p.t1, dt: 0.1, method: 'rk4', input: p.input });
      let worst = 0;
      for (let i = 0; i < r.t.length; i++) worst = Math.max(worst, Math.abs(r.y[2 * i] - integral(p.input, r.t[i])));
      assert.ok(worst < 1e-9 * Math.max(1, Math.abs(r.y[r.y.length - 2])), `${p.name}: RK4 off the integral by ${worst}`);
      const e = sc.integrate({ system: 'izhikevich', params: integrator, y0: [0, 0], t1: p.t1, dt: p.dt, method: 'izhikevich-euler', input: p.input });
      for (let i = 0; i + 1 < e.t.length; i++) {
        const used = (e.y[2 * i + 2] - e.y[2 * i]) / (e.t[i + 1] - e.t[i]);
        assert.ok(Math.abs(used - inputAt(p.input, e.t[i])) < 1e-6 * (1 + Math.abs(used)), `${p.name} at ${e.t[i]}: ${used} vs inputAt ${inputAt(p.input, e.t[i])}`);
      }
    }
  });

  test(`${name}: the 2004 presets with figure1.m's scheme: phasic, latency, rebound, DAP fire once`, () => {
    const run = (p, method = p.method) => sc.integrate({ system: 'izhikevich', params: p.params, y0: p.y0, t1: p.t1, dt: p.dt,
      method, input: p.input ?? undefined }).events.map((e) => e.t);
    const get = (n) => sc.systems.izhikevich.presets.find((p) => p.name === n);
    for (const n of ['B', 'I', 'M', 'Q']) {
      assert.equal(get(n).method, 'izhikevich-euler');
      assert.equal(run(get(n)).length, 1, n);
    }
    assert.ok(run(get('Q'), 'rk4').length > 3); // the accurate ODE solution keeps firing
    assert.ok(run(get('I'))[0] > 13); // after the pulse ends: latency
    // K resonator: only the pulse pair at the resonant interval fires
    const k = run(get('K'));
    assert.ok(k.length === 1 && k[0] > 280, `K ${k}`);
    // L integrator: the close pair (5 ms apart) fires, the distant one (10 ms) not
    const l = run(get('L'));
    assert.ok(l.length === 1 && l[0] > 14 && l[0] < 30, `L ${l}`);
    // O threshold variability: the same pulse fires only after inhibition
    const o = run(get('O'));
    assert.ok(o.length === 1 && o[0] > 80, `O ${o}`);
    // P bistability: the first pulse switches tonic firing on, the second off
    const pb = run(get('P'));
    assert.ok(pb.length >= 3 && pb[0] > 37.5 && pb.at(-1) < 221, `P ${pb}`);
    const s = run(get('S'));
    assert.ok(s.length >= 2 && s.every((t) => t > 50 && t < 260)); // only while I is lowered
    assert.throws(() => sc.integrate({ system: 'linear2d', y0: [1, 0], t1: 1, dt: 0.1, method: 'izhikevich-euler' }), /izhikevich system forward in time only/);
  });

  test(`${name}: stop rules report why`, () => {
    const grow = { a: 1, b: 0, c: 0, d: 1 };
    assert.equal(sc.integrate({ system: 'linear2d', params: grow, y0: [1, 1], t1: 10, dt: 0.01, bounds: [[-10, 10], [-10, 10]] }).stop, 'bounds');
    const m = sc.integrate({ system: 'linear2d', params: grow, y0: [1, 1], t1: 10, dt: 0.01, maxSteps: 50 });
    assert.equal(m.stop, 'maxSteps');
    assert.equal(m.t.length, 51);
    assert.equal(sc.integrate({ system: 'linear2d', params: { a: 1000, b: 0, c: 0, d: 1000 }, y0: [1, 1], t1: 10, dt: 0.01 }).stop, 'nonfinite');
  });

  test(`${name}: Izhikevich equilibria are the roots of 0.04v^2 + (5 - b)v + 140 + I with saddle and node types`, () => {
    for (const [b, I] of [[0.2, 0], [0.2, 3], [0.25, 0]]) {
      const a = 0.02;
      const eq = sc.equilibria({ system: 'izhikevich', params: { a, b, c: -65, d: 8, I }, x: [-100, 0], y: [-40, 20] });
      const D = (5 - b) ** 2 - 0.16 * (140 + I);
      const vl = (-(5 - b) - Math.sqrt(D)) / 0.08, vr = (-(5 - b) + Math.sqrt(D)) / 0.08;
      assert.equal(eq.length, 2);
      assert.ok(Math.abs(eq[0].x - vl) < 1e-9 && Math.abs(eq[1].x - vr) < 1e-9);
      assert.ok(Math.abs(eq[1].y - b * vr) < 1e-9);
      assert.equal(eq[1].type, 'saddle');
      const tr = b - a - Math.sqrt(D), det = a * Math.sqrt(D);
      assert.equal(eq[0].type, tr * tr - 4 * det > 0 ? 'stable-node' : 'stable-focus');
      assert.ok(Math.abs(eq[0].trace - tr) < 1e-9 && Math.abs(eq[0].det - det) < 1e-9);
    }
    // above the saddle-node (I_SN = 4 for b = 0.2) there is none
    assert.equal(sc.equilibria({ system: 'izhikevich', params: { a: 0.02, b: 0.2, c: -65, d: 8, I: 5 }, x: [-100, 0], y: [-40, 20] }).length, 0);
  });

  test(`${name}: classifyLinear names every type, at and near the boundaries`, () => {
    const cases = [
      [[1, 0, 0, -1], 'saddle'], [[0, 1, -1, 0], 'center'], [[-0.1, 1, -1, -0.1], 'stable-focus'],
      [[0.1, 1, -1, 0.1], 'unstable-focus'], [[-1, 0, 0, -2], 'stable-node'], [[1, 0, 0, 2], 'unstable-node'],
      [[-1, 1, 0, -1], 'stable-degenerate-node'], [[1, 1, 0, 1], 'unstable-degenerate-node'],
      [[-1, 0, 0, -1], 'stable-star'], [[2, 0, 0, 2], 'unstable-star'], [[1, 1, 1, 1], 'non-isolated'],
      [[1e-12, 1, -1, 0], 'center'], [[1e-6, 1, -1, 0], 'unstable-focus'], [[-1e-6, 1, -1, 0], 'stable-focus'],
      [[1, 1, 1, 1 + 1e-6], 'unstable-node'], [[1, 1, 1, 1 - 1e-6], 'saddle'],
      [[-1, 1, -1e-6, -1], 'stable-focus'], [[-1, 1, 1e-6, -1], 'stable-node'], [[-1, 1e-12, 0, -1], 'stable-star'],
    ];
    for (const [A, type] of cases) assert.equal(sc.classifyLinear(...A).type, type, `${A}`);
    const k = sc.classifyLinear(-0.3, 2, -2, -0.3);
    assert.ok(Math.abs(k.eigenvalues[0].im - 2) < 1e-15 && k.eigenvalues[0].re === -0.3);
    assert.equal(sc.classifyLinear(1e-6, 1, -1, 0, { tolerance: 1e-3 }).type, 'center');
  });

  test(`${name}: nullcline points satisfy their equations to 1e-6 and are joined`, () => {
    const I = 10;
    const nc = sc.nullclines({ system: 'izhikevich', params: { ...sc.systems.izhikevich.defaults, I }, x: [-90, 30, 121], y: [-30, 30, 97] });
    assert.equal(nc.x.length, 1);
    assert.equal(nc.y.length, 1);
    for (let k = 0; k < nc.x[0].length; k += 2) {
      const v = nc.x[0][k], u = nc.x[0][k + 1];
      assert.ok(Math.abs(0.04 * v * v + 5 * v + 140 + I - u) < 1e-6);
    }
    for (let k = 0; k < nc.y[0].length; k += 2) assert.ok(Math.abs(0.2 * nc.y[0][k] - nc.y[0][k + 1]) < 1e-6);
  });

  test(`${name}: direction field matches the right-hand side; HH (V, n) projection`, () => {
    const f = sc.directionField({ system: 'linear2d', params: { a: 1, b: 2, c: 3, d: 4 }, x: [-1, 1, 5], y: [0, 2, 3] });
    assert.equal(f.length, 30);
    // grid point (i = 1, j = 2): x = -0.5, y = 2
    assert.equal(f[2 * (2 * 5 + 1)], Math.fround(-0.5 + 4));
    assert.equal(f[2 * (2 * 5 + 1) + 1], Math.fround(-1.5 + 8));
    const out = new Float32Array(30);
    assert.equal(sc.directionField({ system: 'linear2d', params: { a: 1, b: 2, c: 3, d: 4 }, x: [-1, 1, 5], y: [0, 2, 3], out }), out);
    assert.deepEqual(out, f);
    assert.throws(() => sc.directionField({ system: 'linear2d', x: [-1, 1, 5], y: [0, 2, 3], out: new Float32Array(29) }), /out has length 29, expected 2 \* nx \* ny = 30/);
    const hh = sc.directionField({ system: 'hodgkin-huxley', x: [-80, 40, 4], y: [0, 1, 3], vars: ['V', 'n'] });
    assert.equal(hh.length, 24);
    assert.ok(hh.every(Number.isFinite));
  });

  test(`${name}: separatrices of a linear saddle lie on its eigen-lines`, () => {
    const s = sc.separatrices({ system: 'linear2d', params: { a: 1, b: 2, c: 2, d: -2 }, x: [-2, 2], y: [-2, 2], tMax: 20 });
    assert.deepEqual(s.map((c) => c.kind), ['unstable', 'unstable', 'stable', 'stable']);
    for (const c of s) {
      const [dx, dy] = c.kind === 'unstable' ? [2, 1] : [1, -2];
      for (let k = 0; k < c.points.length; k += 2) {
        assert.ok(Math.abs(c.points[k] * dy - c.points[k + 1] * dx) / Math.sqrt(5) < 1e-5);
      }
    }
  });

  test(`${name}: bad input gets errors that name the argument`, () => {
    const base = { system: 'izhikevich', y0: [-65, -13], t1: 10, dt: 0.1 };
    assert.throws(() => sc.integrate({ ...base, system: 'lorenz' }), /integrate: unknown system "lorenz"/);
    assert.throws(() => sc.integrate({ ...base, params: { a: 0.02, b: 0.2, c: -65, I: 10 } }), /params\.d is missing/);
    assert.throws(() => sc.integrate({ ...base, params: { a: 0.02, b: NaN, c: -65, d: 8, I: 10 } }), /params\.b must be finite/);
    assert.throws(() => sc.integrate({ ...base, params: { a: 0.02, b: 0.2, c: 40, d: 8, I: 10 } }), /integrate: vpeak: value out of range/);
    assert.throws(() => sc.integrate({ ...base, params: { a: 1, b: 1, c: 1, d: 1, I: 1, z: 1 } }), /unknown option 'z'/);
    assert.throws(() => sc.integrate({ ...base, y0: [1, 2, 3] }), /y0 has length 3, expected 2/);
    assert.throws(() => sc.integrate({ ...base, dt: 0 }), /dt 0 must be > 0/);
    assert.throws(() => sc.integrate({ ...base, dt: -1 }), /dt -1 must be > 0/);
    assert.throws(() => sc.integrate({ ...base, t1: 1e9, dt: 1e-3 }), /exceeds 2000000/);
    assert.throws(() => sc.integrate({ ...base, maxSteps: 1e12 }), /maxSteps/);
    assert.throws(() => sc.integrate({ ...base, method: 'rk45' }), /unknown method/);
    assert.throws(() => sc.integrate({ ...base, t1: undefined }), /t1 is required/);
    assert.throws(() => sc.integrate({ ...base, input: { t: [2, 1], v: [0, 1] } }), /nondecreasing/);
    assert.throws(() => sc.integrateBatch({ system: 'linear2d', y0s: [1, 2], dt: 0.1 }), /Float32Array/);
    assert.throws(() => sc.integrateBatch({ system: 'linear2d', y0s: new Float32Array(3), dt: 0.1 }), /multiple/);
    assert.throws(() => sc.integrateBatch({ system: 'hodgkin-huxley', y0s: new Float32Array(4), dt: 0.1 }), /has no batch kernel/);
    assert.throws(() => sc.directionField({ system: 'linear2d', x: [1, 0, 5], y: [0, 1, 5] }), /min < max/);
    assert.throws(() => sc.directionField({ system: 'linear2d', x: [0, 1, 1], y: [0, 1, 5] }), /x\[2\] 1 is out of range/);
    assert.throws(() => sc.classifyLinear(1, 2, 3, Infinity), /d must be finite/);
    // the module stays usable
    assert.equal(sc.classifyLinear(1, 0, 0, -1).type, 'saddle');
  });
}

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: custom systems are parsed in the core and analysed like the built-ins`, () => {
    const pendulum = { dx: 'y', dy: '-sin(x) - g*y', params: { g: 0.2 } };
    const eq = sc.equilibria({ system: pendulum, x: [-4, 4], y: [-2, 2] });
    assert.deepEqual(eq.map((e) => e.type), ['saddle', 'stable-focus', 'saddle']);
    assert.ok(Math.abs(eq[0].x + Math.PI) < 1e-9 && Math.abs(eq[2].x - Math.PI) < 1e-9);
    // the same text as linear2d gives the same bits as the built-in
    const lin = { dx: 'a*x + b*y', dy: 'c*x + d*y', params: { a: -0.3, b: 2, c: -2, d: -0.3 } };
    const a = sc.integrate({ system: lin, y0: [1, 0.5], t1: 3, dt: 0.01 });
    const b = sc.integrate({ system: 'linear2d', params: lin.params, y0: [1, 0.5], t1: 3, dt: 0.01 });
    assert.deepEqual(a.y, b.y);
    // call params override the spec's values
    const c = sc.integrate({ system: lin, params: { a: 0.3 }, y0: [1, 0.5], t1: 3, dt: 0.01 });
    const d = sc.integrate({ system: 'linear2d', params: { ...lin.params, a: 0.3 }, y0: [1, 0.5], t1: 3, dt: 0.01 });
    assert.deepEqual(c.y, d.y);
    // a closed nullcline
    const nc = sc.nullclines({ system: { dx: 'x^2 + y^2 - 1', dy: 'x - y' }, x: [-2, 2, 41], y: [-2, 2, 37] });
    assert.equal(nc.x.length, 1);
    const ring = nc.x[0];
    assert.deepEqual([ring[0], ring[1]], [ring.at(-2), ring.at(-1)]);
    for (let k = 0; k < ring.length; k += 2) assert.ok(Math.abs(Math.hypot(ring[k], ring[k + 1]) - 1) < 1e-6);
    // time-dependent forcing: x' = cos(t)
    const f = sc.integrate({ system: { dx: 'cos(t)', dy: '0' }, y0: [0, 0], t1: 5, dt: 0.01 });
    assert.ok(Math.abs(f.y.at(-2) - Math.sin(5)) < 1e-10);
  });

  test(`${name}: custom syntax errors come back with their position`, () => {
    assert.throws(() => sc.integrate({ system: { dx: 'y', dy: '-sin(x) - 0.2*' }, y0: [0, 0], t1: 1, dt: 0.1 }),
      (e) => e instanceof SyntaxError && /system\.dy: unexpected end of expression at position 14/.test(e.message));
    assert.throws(() => sc.directionField({ system: { dx: 'y + z', dy: 'x' }, x: [0, 1, 2], y: [0, 1, 2] }),
      (e) => e instanceof SyntaxError && /system\.dx: unknown name .* at position 4/.test(e.message));
    assert.throws(() => sc.integrate({ system: { dx: 'foo(x)', dy: 'x' }, y0: [0, 0], t1: 1, dt: 0.1 }), /unknown function at position 0/);
    assert.throws(() => sc.integrate({ system: { dx: 'y', dy: 'x', params: { sin: 1 } }, y0: [0, 0], t1: 1, dt: 0.1 }), /reserved/);
    assert.throws(() => sc.integrate({ system: { dx: 'y', dy: 'x', params: { k: NaN } }, y0: [0, 0], t1: 1, dt: 0.1 }), /system\.params\.k must be finite/);
    assert.throws(() => sc.integrate({ system: { dx: 'y', dy: 'x', params: { k: 1 } }, params: { j: 1 }, y0: [0, 0], t1: 1, dt: 0.1 }), /unknown option 'j'/);
    // still usable, and the next valid system compiles
    assert.equal(sc.integrate({ system: { dx: '1', dy: '0' }, y0: [0, 0], t1: 1, dt: 0.5 }).y.at(-2), 1);
  });
}

test('bindings/ode.d.ts and phase.d.ts parse and declare exactly what the bindings provide', async () => {
  const { readFile } = await import('node:fs/promises');
  const { transform } = await import('esbuild');
  const { ODE_METHODS } = await import('../../bindings/ode.mjs');
  const dts = await readFile(new URL('../../bindings/ode.d.ts', import.meta.url), 'utf8');
  const phaseDts = await readFile(new URL('../../bindings/phase.d.ts', import.meta.url), 'utf8');
  assert.equal((await transform(dts, { loader: 'ts' })).warnings.length, 0);
  assert.equal((await transform(phaseDts, { loader: 'ts' })).warnings.length, 0);
  const code = (dts + phaseDts).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const members = (name) => {
    const m = code.match(new RegExp(`export interface ${name}(?: extends [^{]+)? \\{([^}]*)\\}`));
    assert.ok(m, `interface ${name}`);
    return [...m[1].matchAll(/^ {2}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:]/gm)].map((x) => x[1]).sort();
  };
  const literals = (type) => [...code.match(new RegExp(`export type ${type} =([^;]*);`))[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
  const sc = builds.simd;
  const odeApi = ['systems', 'odeLimits', 'integrate', 'integrateBatch', 'fICurve', 'inputSample', 'hhGates'];
  const phaseApi = ['directionField', 'nullclines', 'equilibria', 'separatrices', 'classifyLinear', 'linearExp', 'linearSolution',
    'lyapunovLinear', 'lyapunovMap', 'lyapunovAt', 'classifyLinear3', 'linear3Solution'];
  const api = [...odeApi, ...phaseApi];
  assert.deepEqual(members('OdeApi'), [...odeApi].sort());
  assert.deepEqual(members('PhaseApi'), [...phaseApi].sort());
  for (const k of api) assert.ok(k in sc, k);
  assert.deepEqual(literals('OdeMethod'), [...ODE_METHODS]);
  assert.deepEqual(members('OdeLimits'), Object.keys(builds.simd.odeLimits).sort());
  const iz = sc.systems.izhikevich;
  assert.deepEqual(members('OdeSystemInfo'), Object.keys(iz).sort());
  assert.deepEqual(members('OdePreset'), Object.keys(iz.presets[0]).sort());
  assert.deepEqual(members('OdeParam'), Object.keys(iz.params[0]).sort());
  assert.deepEqual(members('OdeVariable'), Object.keys(iz.variables[0]).sort());
  const r = sc.integrate({ system: 'izhikevich', y0: [-65, -13], t1: 20, dt: 0.1 });
  assert.deepEqual(members('IntegrateResult'), Object.keys(r).sort());
  assert.deepEqual(members('OdeEvent'), Object.keys(r.events[0]).sort());
  const eq = sc.equilibria({ system: 'izhikevich', params: { ...iz.defaults, I: 0 }, x: [-90, 0], y: [-30, 10] })[0];
  assert.deepEqual([...members('Equilibrium'), ...members('LinearClassification')].sort(), Object.keys(eq).sort());
  assert.deepEqual(members('Separatrix'), Object.keys(sc.separatrices({ system: 'linear2d', params: { a: 1, b: 0, c: 0, d: -1 }, x: [-1, 1], y: [-1, 1] })[0]).sort());
  assert.deepEqual(members('Nullclines'), Object.keys(sc.nullclines({ system: 'linear2d', x: [-1, 1, 4], y: [-1, 1, 4] })).sort());
});

test('repeated calls do not grow wasm memory (core results are freed after the copy)', () => {
  const sc = builds.simd;
  const call = () => {
    sc.integrate({ system: 'izhikevich', y0: [-65, -13], t1: 200, dt: 0.1 });
    sc.integrate({ system: 'oscillator', y0: [1, 0], t1: 20, method: 'dopri5' });
    sc.nullclines({ system: 'van-der-pol', x: [-3, 3, 64], y: [-3, 3, 64] });
    sc.separatrices({ system: 'izhikevich', params: { ...sc.systems.izhikevich.defaults, I: 0 }, x: [-90, 0], y: [-30, 10] });
  };
  for (let i = 0; i < 20; i++) call();
  const before = sc.memoryBytes();
  for (let i = 0; i < 300; i++) call();
  assert.equal(sc.memoryBytes(), before);
});

test('custom batch and field: SIMD build == scalar build bit for bit', () => {
  const system = { dx: 'y', dy: '-w^2*sin(x) - g*y + 0.1*tanh(x)', params: { g: 0.2, w: 1.3 } };
  for (const count of [1, 5, 64, 65, 200]) {
    const y = Float32Array.from({ length: 2 * count }, (_, i) => Math.sin(i * 1.7) * 2);
    const a = builds.simd.integrateBatch({ system, y0s: y.slice(), dt: 0.05, steps: 100 });
    const b = builds.scalar.integrateBatch({ system, y0s: y.slice(), dt: 0.05, steps: 100 });
    assert.deepEqual(new Uint32Array(a.buffer), new Uint32Array(b.buffer), `count ${count}`);
  }
  const fa = builds.simd.directionField({ system, x: [-3, 3, 37], y: [-2, 2, 11] });
  const fb = builds.scalar.directionField({ system, x: [-3, 3, 37], y: [-2, 2, 11] });
  assert.deepEqual(new Uint32Array(fa.buffer), new Uint32Array(fb.buffer));
});

test('batch: SIMD build == scalar build bit for bit; matches integrate', () => {
  for (const [system, params, gen] of [
    ['linear2d', { a: -0.1, b: 1, c: -1, d: -0.1 }, (i) => [Math.cos(i), Math.sin(i)]],
    ['izhikevich', undefined, (i) => [-70 + (i % 37), -14 + (i % 5)]],
    // panel R's u' = a b (v + 65) (vr = -65, ku = 0)
    ['izhikevich', builds.simd.systems.izhikevich.presets.find((p) => p.name === 'R').params, (i) => [-70 + (i % 37), -16 + (i % 5)]],
    ['oscillator', undefined, (i) => [i / 100, -i / 200]],
  ]) {
    for (const method of ['rk4', 'euler']) {
      for (const count of [1, 3, 4, 5, 15, 16, 17, 100]) {
        const y = new Float32Array(2 * count);
        for (let i = 0; i < count; i++) y.set(gen(i), 2 * i);
        const a = builds.simd.integrateBatch({ system, params, y0s: y.slice(), dt: 0.1, steps: 300, method });
        const b = builds.scalar.integrateBatch({ system, params, y0s: y.slice(), dt: 0.1, steps: 300, method });
        assert.deepEqual(new Uint32Array(a.buffer), new Uint32Array(b.buffer), `${system} ${method} ${count}`);
      }
    }
  }
  const y = new Float32Array([1, 0]);
  builds.simd.integrateBatch({ system: 'linear2d', y0s: y, dt: 0.05, steps: 100 });
  const r = builds.simd.integrate({ system: 'linear2d', y0: [1, 0], t1: 5, dt: 0.05 });
  assert.ok(Math.abs(y[0] - r.y.at(-2)) < 1e-5 && Math.abs(y[1] - r.y.at(-1)) < 1e-5);
  // The float kernel's R variant follows the double Euler run (subthreshold, no reset).
  const R = { ...builds.simd.systems.izhikevich.presets.find((p) => p.name === 'R').params, I: 0 };
  const yr = new Float32Array([-60, -12]);
  builds.simd.integrateBatch({ system: 'izhikevich', params: R, y0s: yr, dt: 0.1, steps: 500, method: 'euler' });
  const rr = builds.simd.integrate({ system: 'izhikevich', params: R, y0: [-60, -12], t1: 50, dt: 0.1, method: 'euler' });
  assert.equal(rr.events.length, 0);
  assert.ok(Math.abs(yr[0] - rr.y.at(-2)) < 1e-3 && Math.abs(yr[1] - rr.y.at(-1)) < 1e-3, `${yr} vs ${rr.y.slice(-2)}`);
  assert.ok(Math.abs(rr.y.at(-1) - -12) > 1, 'u moved: the comparison is not trivial');
  // The double fallback of the other 2-D systems ends where integrate's
  // fixed-step run does, rounded to float (dt a power of two), in both builds.
  for (const [system, h] of [['fitzhugh-nagumo', 0.0625], ['van-der-pol', 0.0625], ['morris-lecar', 0.25]]) {
    const y0 = builds.simd.systems[system].y0.map(Math.fround);
    for (const sc of Object.values(builds)) {
      const yb = Float32Array.from([...y0, ...y0]);
      sc.integrateBatch({ system, y0s: yb, dt: h, steps: 80 });
      const r = sc.integrate({ system, y0, t1: 80 * h, dt: h });
      assert.deepEqual(Array.from(yb), [Math.fround(r.y.at(-2)), Math.fround(r.y.at(-1)), Math.fround(r.y.at(-2)), Math.fround(r.y.at(-1))], system);
    }
  }
});
