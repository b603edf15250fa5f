// convolve2d / correlate2d against OpenCV.js filter2D (an independent
// implementation), for every border, method and build. filter2D has no
// BORDER_WRAP, so 'wrap' is checked against the plain-JS reference, which is
// itself checked against filter2D on the other borders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, BORDERS, METHODS } from '../../bindings/simcore.mjs';
import { loadOpenCV, filter2D } from './helpers/opencv.mjs';
import { correlateRef, flip, maxRelErr, randomArray } from './helpers/reference.mjs';

const { cv } = await loadOpenCV();
const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

// Tolerance: 1e-4 of a scale. Direct sums at most 11*11 float32 products in
// some order: error <= ~121 * 2^-24 * sum|k||x| ~ 7e-6 of the per-pixel sum
// |k||x|, so the per-pixel scale is used. Separable (rank_tol 1e-6 of
// ||K||_F) and FFT (rounding spread over the whole transform) have errors
// proportional to the global signal size, so their scale is the largest
// per-pixel sum |k||x| of the image, for outputs near zero not to fail on
// legitimate noise.
const TOL = 1e-4;

// [width, height, kw, kh]: odd and even kernels, non-square, around the
// SIMD width (4/8/16), and kernels larger than the image in one or both dims.
const SHAPES = [
  [17, 13, 3, 3], [16, 9, 4, 6], [23, 8, 7, 5], [12, 12, 11, 11], [9, 20, 1, 7],
  [5, 4, 9, 7], [3, 11, 6, 2], [1, 1, 3, 3], [2, 3, 5, 8],
];

// A rank-1 kernel too, so 'separable' and 'auto' have a genuinely separable case.
function kernelsFor(kw, kh, seed) {
  const u = randomArray(kw, seed + 1), v = randomArray(kh, seed + 2);
  const outer = Float32Array.from({ length: kw * kh }, (_, i) => v[Math.floor(i / kw)] * u[i % kw]);
  return { random: randomArray(kw * kh, seed), rank1: outer };
}

test('the plain-JS reference agrees with filter2D (so it can stand in for wrap)', () => {
  for (const [w, h, kw, kh] of SHAPES) {
    const img = randomArray(w * h, 7 + w), k = randomArray(kw * kh, 9 + kh);
    for (const border of ['constant', 'replicate', 'reflect', 'reflect101']) {
      const cvOut = filter2D(cv, img, w, h, k, kw, kh, border);
      const { out, scale } = correlateRef(img, w, h, k, kw, kh, border);
      const { err, at } = maxRelErr(out, cvOut, scale);
      assert.ok(err < 1e-12, `${w}x${h} k${kw}x${kh} ${border}: err ${err} at ${at}`);
    }
  }
});

for (const [name, sc] of Object.entries(builds)) {
  for (const [w, h, kw, kh] of SHAPES) {
    test(`${name}: ${w}x${h} image, ${kw}x${kh} kernel, all borders and methods`, () => {
      const img = randomArray(w * h, 1000 + w * 31 + h);
      for (const [kname, k] of Object.entries(kernelsFor(kw, kh, 2000 + kw * 17 + kh))) {
        for (const border of BORDERS) {
          for (const correlate of [true, false]) {
            // Reference: filter2D(k) for correlation, filter2D(flip(k)) for
            // convolution; wrap from the JS reference with the same flip.
            const applied = correlate ? k : flip(k);
            const { out: jsOut, scale } = correlateRef(img, w, h, applied, kw, kh, border);
            const want = border === 'wrap' ? jsOut : filter2D(cv, img, w, h, k, kw, kh, border, { flip: !correlate });
            const globalScale = Math.max(...scale);
            for (const method of METHODS) {
              const fn = correlate ? sc.correlate2d : sc.convolve2d;
              const got = fn(img, w, h, k, kw, kh, { border, method });
              assert.ok(got instanceof Float32Array && got.length === w * h);
              const info = sc.lastConvolution();
              assert.ok(['direct', 'separable', 'fft'].includes(info.method), `method used: ${info.method}`);
              if (method !== 'auto') assert.equal(info.method, method, 'an explicit method is honoured');
              if (info.method === 'separable') {
                assert.ok(info.rank >= 1 && info.rank <= Math.min(kw, kh), `rank ${info.rank} of a ${kw}x${kh} kernel`);
              }
              const { err, at } = maxRelErr(got, want, method === 'direct' ? scale : globalScale);
              assert.ok(err < TOL, `${correlate ? 'correlate' : 'convolve'} ${kname} ${border} ${method}: ` +
                `rel err ${err.toExponential(2)} at (${at % w}, ${Math.floor(at / w)}): got ${got[at]}, want ${want[at]}`);
            }
          }
        }
      }
    });
  }
}

test('SIMD build == scalar build for each method (direct bit-exact)', () => {
  for (const [w, h, kw, kh] of SHAPES) {
    const img = randomArray(w * h, 3000 + w), k = randomArray(kw * kh, 4000 + kh);
    for (const border of BORDERS) {
      for (const method of ['direct', 'separable', 'fft']) {
        const a = builds.simd.correlate2d(img, w, h, k, kw, kh, { border, method });
        const b = builds.scalar.correlate2d(img, w, h, k, kw, kh, { border, method });
        if (method === 'direct') {
          // Same summation order by contract (see conv_internal.h's variant list).
          assert.deepEqual(a, b, `${w}x${h} k${kw}x${kh} ${border} direct differs`);
        } else {
          const { scale } = correlateRef(img, w, h, k, kw, kh, border);
          const { err, at } = maxRelErr(a, b, Math.max(...scale));
          assert.ok(err < 1e-5, `${w}x${h} k${kw}x${kh} ${border} ${method}: simd vs scalar ${err} at ${at}`);
        }
      }
    }
  }
});
