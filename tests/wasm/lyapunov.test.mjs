// Typed Lyapunov candidates through the binding, on both wasm builds:
// dV/dt = grad V . f against closed forms (the oscillator's energy, a typed
// pendulum's energy), the basin estimate on van der Pol with mu < 0 (the
// unit disc), and the errors a student meets (a V that does not parse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: the oscillator's energy E = 1/2 m v^2 + 1/2 k x^2 has dE/dt = -mu v^2, exactly`, () => {
    const pts = [1, 2, -0.5, 0.25, 3, -1, 0, 0];
    const out = sc.lyapunovAt({ system: 'oscillator', params: { m: 2, k: 3, mu: 0.5 }, V: '0.5*2*y^2 + 0.5*3*x^2', points: pts });
    for (let k = 0; k < pts.length / 2; k++) {
      const [x, v] = [pts[2 * k], pts[2 * k + 1]];
      assert.ok(Math.abs(out[2 * k] - (v * v + 1.5 * x * x)) < 1e-14);
      assert.ok(Math.abs(out[2 * k + 1] + 0.5 * v * v) < 1e-14, `dE/dt at (${x}, ${v})`);
    }
  });

  test(`${tag}: a typed pendulum with its energy: dV/dt = -0.2 y^2 <= 0, the level is V's smallest value on the edge`, () => {
    const system = { dx: 'y', dy: '-sin(x) - 0.2*y' };
    const r = sc.lyapunovMap({ system, V: '0.5*y^2 + 1 - cos(x)', x: [-4, 4, 81], y: [-3, 3, 61] });
    for (let j = 0; j < 61; j += 6) {
      for (let i = 0; i < 81; i += 8) {
        const y = -3 + j * 0.1;
        assert.ok(Math.abs(r.Vdot[j * 81 + i] + 0.2 * y * y) < 1e-5, `dV/dt at ${i}, ${j}`);
      }
    }
    assert.ok(Math.abs(r.level - (1 - Math.cos(4))) < 1e-6, `level ${r.level}`);
    assert.deepEqual(r.minimum, { x: 0, y: 0, V: 0 });
  });

  test(`${tag}: van der Pol with mu = -1 and V = x^2 + y^2: V rises only beyond |x| = 1, the basin estimate is the unit disc`, () => {
    const r = sc.lyapunovMap({ system: 'van-der-pol', params: { mu: -1 }, V: 'x^2 + y^2', x: [-2, 2, 161], y: [-2, 2, 161] });
    assert.ok(r.level >= 1 && r.level <= 1 + 3 * 0.025, `level ${r.level}`);
    // With mu > 0 the origin repels: V rises next to it, so no sublevel set is free of rising points.
    const up = sc.lyapunovMap({ system: 'van-der-pol', params: { mu: 1 }, V: 'x^2 + y^2', x: [-2, 2, 161], y: [-2, 2, 161] });
    assert.ok(up.level === null || up.level < 0.01, `level ${up.level}`);
  });

  test(`${tag}: a V that does not parse is a SyntaxError with its position; a point out of range a RangeError`, () => {
    assert.throws(() => sc.lyapunovMap({ system: 'linear2d', V: 'x^2 +', x: [-1, 1, 3], y: [-1, 1, 3] }),
      { name: 'SyntaxError', message: /lyapunovMap: V: .* at position 5/ });
    assert.throws(() => sc.lyapunovAt({ system: 'linear2d', V: 'x', points: [1e7, 0] }), { name: 'RangeError', message: /points/ });
    assert.throws(() => sc.lyapunovAt({ system: 'linear2d', V: 'x', points: [1, 0, 2] }), { name: 'RangeError', message: /points/ });
  });
}
