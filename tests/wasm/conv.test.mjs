import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

test('both builds load and report themselves', () => {
  assert.equal(builds.simd.simd, true);
  assert.equal(builds.scalar.simd, false);
  assert.match(builds.simd.version, /^\d+\.\d+\.\d+$/);
});

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: correlate with an off-centre delta shifts the image`, () => {
    const w = 7, h = 5;
    const img = Float32Array.from({ length: w * h }, (_, i) => i + 1);
    const k = new Float32Array(9);
    k[5] = 1;
    const c = sc.correlate2d(img, w, h, k, 3, 3);
    assert.equal(c[1 * w + 3], img[1 * w + 4]);
    const v = sc.convolve2d(img, w, h, k, 3, 3);
    assert.equal(v[1 * w + 3], img[1 * w + 2]);
  });
}
