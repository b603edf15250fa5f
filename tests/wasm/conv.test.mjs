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

function gaussian(n, s) {
  const k = new Float32Array(n * n);
  const c = (n - 1) / 2;
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) k[j * n + i] = Math.exp(-((i - c) ** 2 + (j - c) ** 2) / (2 * s * s));
  return k;
}

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: auto takes the separable path with rank 1 for a Gaussian`, () => {
    const w = 128;
    const img = Float32Array.from({ length: w * w }, (_, i) => Math.sin(i * 0.37));
    sc.convolve2d(img, w, w, gaussian(31, 5), 31, 31);
    const info = sc.lastConvolution();
    assert.equal(info.method, 'separable');
    assert.equal(info.rank, 1);
  });

  test(`${name}: the FFT path reuses the image spectrum only while the image is unchanged`, () => {
    const w = 96;
    const img = Float32Array.from({ length: w * w }, (_, i) => Math.cos(i * 0.11));
    const k1 = Float32Array.from({ length: 21 * 21 }, (_, i) => Math.sin(i));
    const k2 = Float32Array.from({ length: 21 * 21 }, (_, i) => Math.cos(i));
    sc.clearCache();
    sc.correlate2d(img, w, w, k1, 21, 21, { method: 'fft' });
    assert.equal(sc.lastConvolution().cacheHit, false);
    const warm = sc.correlate2d(img, w, w, k2, 21, 21, { method: 'fft' });
    assert.equal(sc.lastConvolution().cacheHit, true);
    sc.clearCache();
    const cold = sc.correlate2d(img, w, w, k2, 21, 21, { method: 'fft' });
    assert.deepEqual(warm, cold, 'a cache hit gives the same bits as a miss');
    img[5] += 1;
    sc.correlate2d(img, w, w, k2, 21, 21, { method: 'fft' });
    assert.equal(sc.lastConvolution().cacheHit, false, 'one changed pixel misses');
    assert.ok(sc.lastConvolution().fftWidth >= w + 20);
  });
}
