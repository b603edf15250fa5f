// sc.linearExp, sc.linearSolution and sc.lyapunovLinear on both wasm builds:
// the lecture's phi'' + (a + b) phi' + ab phi = 0 against its closed form,
// the solution against the core's RK4 with the error falling as h^4, the
// Lyapunov matrix's residual and definiteness, the damped oscillator's
// V = x^T P x decreasing along an integrated trajectory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: phi'' + 3 phi' + 2 phi = 0, phi(0) = 0, phi'(0) = 1.5 is 1.5 (e^-t - e^-2t)`, () => {
    const times = Array.from({ length: 81 }, (_, i) => i / 10);
    const xy = sc.linearSolution([[0, 1], [-2, -3]], [0, 1.5], times);
    times.forEach((t, i) => {
      assert.ok(Math.abs(xy[2 * i] - 1.5 * (Math.exp(-t) - Math.exp(-2 * t))) < 1e-14, `phi(${t})`);
      assert.ok(Math.abs(xy[2 * i + 1] - 1.5 * (2 * Math.exp(-2 * t) - Math.exp(-t))) < 1e-14, `phi'(${t})`);
    });
  });

  test(`${tag}: e^{At} x0 is the limit of RK4: the error falls as h^4`, () => {
    const A = [[0.3, 1], [-1.2, -0.4]];
    const exact = sc.linearSolution(A, [1, -0.5], [2]);
    const err = [0.1, 0.05, 0.025].map((dt) => {
      const r = sc.integrate({ system: 'linear2d', params: { a: 0.3, b: 1, c: -1.2, d: -0.4 }, y0: [1, -0.5], t1: 2, dt, method: 'rk4' });
      const n = r.t.length - 1;
      return Math.hypot(r.y[2 * n] - exact[0], r.y[2 * n + 1] - exact[1]);
    });
    for (const k of [0, 1]) {
      const order = Math.log2(err[k] / err[k + 1]);
      assert.ok(order > 3.8 && order < 4.2, `order ${order} (errors ${err})`);
    }
  });

  test(`${tag}: e^{A(s+t)} = e^{As} e^{At}; e^{A0} = I`, () => {
    const A = [[-0.7, 2], [-0.3, 0.1]];
    const mul = (X, Y) => [[X[0][0] * Y[0][0] + X[0][1] * Y[1][0], X[0][0] * Y[0][1] + X[0][1] * Y[1][1]],
      [X[1][0] * Y[0][0] + X[1][1] * Y[1][0], X[1][0] * Y[0][1] + X[1][1] * Y[1][1]]];
    const P = mul(sc.linearExp(A, 0.8), sc.linearExp(A, -1.9));
    const E = sc.linearExp(A, -1.1);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(P[i][j] - E[i][j]) < 1e-13, `${i}${j}`);
    assert.deepEqual(sc.linearExp(A, 0), [[1, 0], [0, 1]]);
  });

  test(`${tag}: the damped oscillator: A^T P + P A = -I, P definite, V = x^T P x falls along the solution at rate |x|^2`, () => {
    const A = [[0, 1], [-1, -0.4]];
    const { P, positiveDefinite } = sc.lyapunovLinear(A);
    assert.equal(positiveDefinite, true);
    const [[p, q], [, r]] = P;
    // Closed form for x' = y, y' = -k x - mu y with Q = I: p = (k^2 + k + mu^2)/(2 k mu)... checked through the residual.
    assert.ok(Math.abs(2 * (0 * p + -1 * q) + 1) < 1e-14 && Math.abs(p + -0.4 * q + -1 * r) < 1e-14 && Math.abs(2 * (q - 0.4 * r) + 1) < 1e-14);
    const times = Array.from({ length: 201 }, (_, i) => i / 20);
    const xy = sc.linearSolution(A, [2, 0], times);
    const V = (i) => p * xy[2 * i] ** 2 + 2 * q * xy[2 * i] * xy[2 * i + 1] + r * xy[2 * i + 1] ** 2;
    for (let i = 1; i < times.length; i++) {
      assert.ok(V(i) < V(i - 1), `V rises at t = ${times[i]}`);
      // dV/dt = -|x|^2: the centred difference matches to O(h^2).
      if (i < times.length - 1) {
        const dV = (V(i + 1) - V(i - 1)) / 0.1;
        const rate = -(xy[2 * i] ** 2 + xy[2 * i + 1] ** 2);
        assert.ok(Math.abs(dV - rate) < 5e-3 * Math.max(1, Math.abs(rate)), `dV/dt ${dV} vs ${rate}`);
      }
    }
    // An unstable focus has a P, but not a definite one; a centre has none.
    assert.equal(sc.lyapunovLinear([[0.3, 1], [-1, 0.3]]).positiveDefinite, false);
    assert.throws(() => sc.lyapunovLinear([[0, 1], [-1, 0]]), { name: 'RangeError', message: /lyapunovLinear: A/ });
    assert.throws(() => sc.lyapunovLinear(A, [[1, 0.5], [0, 1]]), { name: 'RangeError', message: /symmetric/ });
  });
}
