// sc.classifyLinear3 and sc.linear3Solution on both wasm builds, and the
// <simcore-linear3d> presets: every preset has the type it is named for (the
// core's classification), the eigenvalues of a block-diagonal matrix are
// those of its blocks, and its solution is the 2-D closed form beside e^{ct}.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { LINEAR3D_PRESETS, LINEAR3D_SCHEMA, matrixOf, project, sphereStarts } from '../../web/widgets/phase/linear3d-schema.mjs';

const defaults = Object.fromEntries(Object.entries(LINEAR3D_SCHEMA).map(([k, f]) => [k, f.default]));

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const tag = simd ? 'simd' : 'scalar';

  test(`${tag}: every preset of the 3-D page has its type and unstable dimension`, () => {
    const types = new Set();
    for (const p of LINEAR3D_PRESETS) {
      const c = sc.classifyLinear3(matrixOf({ ...defaults, ...p.state }));
      assert.equal(c.type, p.type, p.name);
      if (p.unstable !== undefined) assert.equal(c.unstableDim, p.unstable, p.name);
      types.add(c.type);
    }
    assert.equal(types.size, 7, 'all seven kinds');
  });

  test(`${tag}: a block-diagonal A: eigenvalues of the blocks; x(t) = the 2-D closed form and e^{ct} z0`, () => {
    const A = [[-0.3, 2, 0], [-1, 0.1, 0], [0, 0, 0.7]];
    const c = sc.classifyLinear3(A);
    const two = sc.classifyLinear(-0.3, 2, -1, 0.1);
    assert.ok(Math.abs(c.eigenvalues[0].re - 0.7) < 1e-14 && c.eigenvalues[0].im === 0);
    assert.ok(Math.abs(c.eigenvalues[1].re - two.eigenvalues[0].re) < 1e-13 && Math.abs(Math.abs(c.eigenvalues[1].im) - Math.abs(two.eigenvalues[0].im)) < 1e-13);
    assert.deepEqual(c.eigenvectors.map((v) => v !== null), [true, false, false]);
    assert.equal(c.type, 'spiral-saddle');
    const times = [-1.5, 0, 0.5, 2, 3.25];
    const x3 = sc.linear3Solution(A, [0.4, -1, 2], times);
    const x2 = sc.linearSolution([[-0.3, 2], [-1, 0.1]], [0.4, -1], times);
    times.forEach((t, i) => {
      assert.ok(Math.abs(x3[3 * i] - x2[2 * i]) < 1e-12 && Math.abs(x3[3 * i + 1] - x2[2 * i + 1]) < 1e-12, `x, y at ${t}`);
      assert.ok(Math.abs(x3[3 * i + 2] - 2 * Math.exp(0.7 * t)) < 1e-12 * Math.exp(0.7 * t) * 2, `z at ${t}`);
    });
    // The trace and determinant of the characteristic polynomial.
    assert.ok(Math.abs(c.trace - 0.5) < 1e-15 && Math.abs(c.det - 0.7 * (-0.03 + 2)) < 1e-14);
  });

  test(`${tag}: bad matrices are named`, () => {
    assert.throws(() => sc.classifyLinear3([[1, 0], [0, 1]]), { name: 'TypeError', message: /classifyLinear3: A must be a 3x3/ });
    assert.throws(() => sc.classifyLinear3([[1, 0, 0], [0, NaN, 0], [0, 0, 1]]), { name: 'RangeError', message: /A\[1\]\[1\]/ });
    assert.throws(() => sc.linear3Solution([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 1, 1], [1e5]), { name: 'RangeError' });
  });
}

test('the 3-D view: sphere starts lie on the sphere; the projection keeps lengths (a rotation)', () => {
  for (const p of sphereStarts(16, 1)) assert.ok(Math.abs(Math.hypot(...p) - 1) < 1e-12);
  for (const p of [[1, 2, 3], [-0.5, 0.1, 2]]) {
    const q = project(p, 35, 20);
    assert.ok(Math.abs(Math.hypot(...q) - Math.hypot(...p)) < 1e-12);
  }
});
