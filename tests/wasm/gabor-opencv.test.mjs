// gaborKernel / gaborFilter / gaborBank against OpenCV's definitions.
// The prebuilt opencv.js lacks getGaborKernel, so kernels are compared with a
// transcription of cv::getGaborKernel (helpers/opencv.mjs) and filtering with
// the real cv.filter2D applied to that kernel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { loadOpenCV, filter2D, getGaborKernel } from './helpers/opencv.mjs';
import { correlateRef, maxRelErr, randomArray } from './helpers/reference.mjs';

const { cv } = await loadOpenCV();
const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

// Kernel values are at most 1 in magnitude and computed in double before the
// float32 store: 1e-5 absolute leaves ~100x room over float32 rounding
// (6e-8) while catching any wrong index, sign or phase.
const KERNEL_TOL = 1e-5;

const PARAMS = [
  { sigma: 4, theta: 0.3, lambda: 10, gamma: 0.5, psi: 0, size: 21 },
  { sigma: 2.5, theta: 1.2, lambda: 6, gamma: 1, psi: Math.PI / 2, size: [8, 6] }, // even -> 9x7
  { sigma: 3, theta: -0.7, lambda: 4.5, gamma: 0.3, psi: Math.PI / 2, size: [15, 20] },
  { sigma: 1.5, theta: Math.PI, lambda: 3, gamma: 2, psi: 1, size: [7, 1] },
  { sigma: 2, theta: 2.5, lambda: 5, gamma: 0.8, psi: -0.4, size: [4, 11] },
];

const sizeOf = (p) => (Array.isArray(p.size) ? p.size : [p.size, p.size]);
const cvKernel = (p, w, h, psi = p.psi) => getGaborKernel(w, h, p.sigma, p.theta, p.lambda, p.gamma, psi);

function assertClose(got, want, tol, what) {
  assert.equal(got.length, want.length, `${what}: length`);
  const { err, at } = maxRelErr(got, want, 1);
  assert.ok(err <= tol, `${what}: |diff| ${err} at ${at}: got ${got[at]}, want ${want[at]}`);
}

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: gaborKernel == cv::getGaborKernel (real and imaginary parts)`, () => {
    for (const p of PARAMS) {
      const [w, h] = sizeOf(p);
      const real = sc.gaborKernel(p);
      const want = cvKernel(p, w, h);
      assert.equal(real.width, want.width, `width for size ${w}: even sizes give size+1`);
      assert.equal(real.height, want.height);
      assert.ok(real.data instanceof Float32Array);
      assertClose(real.data, want.data, KERNEL_TOL, `real ${JSON.stringify(p)}`);
      // sin(a + psi) = cos(a + psi - pi/2): the imaginary part is OpenCV's
      // kernel with psi - pi/2.
      const imag = sc.gaborKernel({ ...p, part: 'imag' });
      assertClose(imag.data, cvKernel(p, w, h, p.psi - Math.PI / 2).data, KERNEL_TOL, `imag ${JSON.stringify(p)}`);
      assert.deepEqual(sc.gaborKernel({ ...p, part: 'real' }).data, real.data, "part 'real' is the default");
    }
  });

  test(`${name}: gaborKernel defaults and auto size (odd, square, theta-independent)`, () => {
    for (const [sigma, gamma] of [[4, 0.5], [2, 1], [1.3, 2], [0.2, 1]]) {
      const side = 2 * Math.max(1, Math.ceil(3 * Math.max(sigma, sigma / gamma))) + 1;
      for (const theta of [0, 0.4, Math.PI / 4, 1.9]) {
        const k = sc.gaborKernel({ sigma, theta, lambda: 7, gamma });
        assert.equal(k.width, side, `sigma ${sigma} gamma ${gamma} theta ${theta}`);
        assert.equal(k.height, side);
        assertClose(k.data, getGaborKernel(side, side, sigma, theta, 7, gamma, 0).data, KERNEL_TOL, 'auto-size values');
      }
    }
    // Defaults: gamma 0.5, psi 0 (not OpenCV's pi/2).
    const d = sc.gaborKernel({ sigma: 2, theta: 0.5, lambda: 6 });
    assertClose(d.data, getGaborKernel(d.width, d.height, 2, 0.5, 6, 0.5, 0).data, KERNEL_TOL, 'defaults');
  });

  test(`${name}: gaborFilter == cv.filter2D(image, getGaborKernel) for each border`, () => {
    const w = 29, h = 23;
    const img = randomArray(w * h, 77);
    for (const p of PARAMS.slice(0, 3)) {
      const [kw, kh] = sizeOf(p);
      const kRe = cvKernel(p, kw, kh), kIm = cvKernel(p, kw, kh, p.psi - Math.PI / 2);
      for (const border of ['constant', 'replicate', 'reflect', 'reflect101']) {
        const got = sc.gaborFilter(img, w, h, { ...p, border });
        const re = filter2D(cv, img, w, h, kRe.data, kRe.width, kRe.height, border);
        const im = filter2D(cv, img, w, h, kIm.data, kIm.width, kIm.height, border);
        // Scale: sum |k| * max|x| (= sum |k| since |x| <= 1), a bound on the
        // per-pixel sum |k||x|; 1e-4 of it, as for the convolution tests.
        const scale = kRe.data.reduce((s, v) => s + Math.abs(v), 0);
        assertClose(got.real, re, 1e-4 * scale, `real ${border}`);
        assertClose(got.imag, im, 1e-4 * scale, `imag ${border}`);
        const mag = re.map((r, i) => Math.hypot(r, im[i]));
        assertClose(got.magnitude, mag, 2e-4 * scale, `magnitude ${border}`);
      }
      // filter2D has no wrap: the plain-JS reference (checked against
      // filter2D in conv-opencv.test.mjs) with the same kernels.
      const wrap = sc.gaborFilter(img, w, h, { ...p, border: 'wrap' });
      const scale = kRe.data.reduce((s, v) => s + Math.abs(v), 0);
      assertClose(wrap.real, correlateRef(img, w, h, kRe.data, kRe.width, kRe.height, 'wrap').out, 1e-4 * scale, 'real wrap');
      assertClose(wrap.imag, correlateRef(img, w, h, kIm.data, kIm.width, kIm.height, 'wrap').out, 1e-4 * scale, 'imag wrap');
      // Default border is reflect101, OpenCV's BORDER_DEFAULT.
      assert.deepEqual(sc.gaborFilter(img, w, h, p).real, sc.gaborFilter(img, w, h, { ...p, border: 'reflect101' }).real);
    }
  });

  test(`${name}: gaborFilter magnitude stays finite for large finite images`, () => {
    // |response| ~ 1e25: squaring it in float32 overflowed to Infinity.
    const img = new Float32Array(81).fill(1e25);
    const r = sc.gaborFilter(img, 9, 9, { sigma: 1, theta: 0.3, lambda: 4, gamma: 1, psi: 0.4, size: 3, border: 'replicate' });
    r.magnitude.forEach((m, i) => {
      const want = Math.hypot(r.real[i], r.imag[i]);
      assert.ok(Number.isFinite(m) && Math.abs(m - want) <= 1e-6 * want, `magnitude[${i}] = ${m}, want ${want}`);
    });
  });

  test(`${name}: gaborBank recovers the orientation of gratings; thetas = k*pi/8`, () => {
    // A grating whose stripe normal is (cos t, sin t) in image coordinates
    // (x right, y down): exactly the carrier of the kernel with theta = t.
    const w = 48, h = 48, lambda = 8, n = 8;
    const params = { sigma: 3, lambda, gamma: 0.5, size: 19 };
    for (let k = 0; k < n; k++) {
      const t = (k * Math.PI) / n;
      const img = Float32Array.from({ length: w * h }, (_, i) =>
        Math.cos((2 * Math.PI * ((i % w) * Math.cos(t) + Math.floor(i / w) * Math.sin(t))) / lambda));
      const bank = sc.gaborBank(img, w, h, params);
      assert.equal(bank.thetas.length, n);
      bank.thetas.forEach((th, j) => assert.ok(Math.abs(th - (j * Math.PI) / n) < 1e-12, `thetas[${j}] = ${th}`));
      assert.equal(bank.energy.length, n);
      bank.energy.forEach((e) => assert.equal(e.length, w * h));
      // Interior: kernel half-width 9 away from the edges.
      let wrong = 0;
      for (let y = 9; y < h - 9; y++) {
        for (let x = 9; x < w - 9; x++) {
          const i = y * w + x;
          if (Math.abs(bank.dominant[i] - t) > 1e-6) wrong++;
          // dominant is the arg-max of energy.
          const best = bank.energy.reduce((b, e, j) => (e[i] > bank.energy[b][i] ? j : b), 0);
          assert.ok(Math.abs(bank.dominant[i] - bank.thetas[best]) < 1e-6, `dominant is arg-max at (${x}, ${y})`);
        }
      }
      assert.equal(wrong, 0, `theta_${k} = ${t.toFixed(3)}: ${wrong} interior pixels with another dominant orientation`);
    }
  });
}
