// The widgets' pure parts, in Node: state parsing of untrusted text, the
// language tables, and the two small numerics the Gabor widget computes in
// JavaScript (tuning curve, kernel spectrum), each checked against the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { defaults, fromHash, parseField, toHash } from '../../web/widgets/shared/state.mjs';
import { GABOR_SCHEMA, sigmaFromBandwidth } from '../../web/widgets/gabor/schema.mjs';
import { TABLES } from './helpers/labels.mjs';
import { COINCIDE, curveGap, peakAngle } from '../../web/widgets/gabor/tuning.mjs';
import { grating } from '../../web/widgets/shared/images.mjs';

const DEG = Math.PI / 180;

test('numbers are parsed strictly and range-checked', () => {
  const lambda = GABOR_SCHEMA.lambda;
  assert.equal(parseField(lambda, '8'), 8);
  assert.equal(parseField(lambda, '8.5'), 8.5);
  assert.equal(parseField(lambda, '.5e1'), 5);
  for (const bad of ['', ' 8', '8 ', '8px', '0x10', 'Infinity', 'NaN', '1e308', '1e5', '1', '-8', '8,5', '+', '1e', '<script>']) {
    assert.equal(parseField(lambda, bad), undefined, JSON.stringify(bad));
  }
  assert.equal(parseField(GABOR_SCHEMA.size, '31'), 31);
  assert.equal(parseField(GABOR_SCHEMA.size, '31.5'), undefined);
  assert.equal(parseField(GABOR_SCHEMA.size, '30'), undefined); // odd sizes only
  assert.equal(parseField(GABOR_SCHEMA.view, 'imag'), 'imag');
  assert.equal(parseField(GABOR_SCHEMA.view, 'IMAG'), undefined);
  assert.equal(parseField(GABOR_SCHEMA.view, 'toString'), undefined);
});

test('a hash round-trips the state; hostile hashes give nothing', () => {
  const state = { ...defaults(GABOR_SCHEMA), lambda: 8, theta: 0.785398, view: 'magnitude', size: 21 };
  assert.deepEqual({ ...defaults(GABOR_SCHEMA), ...fromHash(GABOR_SCHEMA, '#' + toHash(GABOR_SCHEMA, state)) }, state);
  const hostile = '#lambda=abc&theta=1e308&psi=%3Cscript%3Ealert(1)%3C/script%3E&size=31.5'
    + '&view=%3Cimg%20src=x%20onerror=alert(1)%3E&image=javascript:alert(1)&sigma=Infinity&gamma=0x10'
    + '&orientations=-4&__proto__=1&constructor=x&build=wasm&imageSize=1024&lambda=9';
  // URLSearchParams.get returns the first value: lambda=abc, rejected.
  assert.deepEqual(fromHash(GABOR_SCHEMA, hostile), {});
  assert.deepEqual(fromHash(GABOR_SCHEMA, '#' + 'x'.repeat(5000)), {});
});

test('language tables have the same keys and no empty labels', () => {
  const keys = Object.keys(TABLES.en).sort();
  for (const [lang, table] of Object.entries(TABLES)) {
    assert.deepEqual(Object.keys(table).sort(), keys, lang);
    for (const [k, v] of Object.entries(table)) assert.ok(typeof v === 'string' && v.length > 0, `${lang} ${k}`);
  }
});

test('every data-i18n key of the pages and widgets is in the tables', async () => {
  const sources = ['web/gabor.html', 'web/widgets/gabor/gabor.mjs', 'web/hopfield.html', 'web/widgets/hopfield/dom.mjs', 'web/phase-plane.html', 'web/widgets/phase/phase-plane.mjs', 'web/izhikevich.html', 'web/widgets/phase/izhikevich.mjs', 'web/engine.html', 'web/widgets/conv/conv.mjs', 'web/backprop.html', 'web/widgets/mlp/dom.mjs', 'web/gradient.html', 'web/widgets/optim/gradient.mjs', 'web/network.html', 'web/widgets/network/dom.mjs', 'web/index.html'];
  for (const src of sources) {
    const text = await readFile(new URL(`../../${src}`, import.meta.url), 'utf8');
    const used = [...text.matchAll(/data-i18n(?:-title)?="([^"]+)"|i18n(?:Title)?: '([^'$]+)'/g)].map((m) => m[1] ?? m[2]);
    assert.ok(used.length > 5, src);
    for (const k of used) assert.ok(k in TABLES.en, `${src}: ${k}`);
  }
});

test('bandwidth 1 octave gives σ ≈ 0.56 λ (docs/gabor.md)', () => {
  // (1/π)·√(ln2/2)·3 = 0.5622; published as "σ ≈ 0.56λ" by Petkov.
  assert.ok(Math.abs(sigmaFromBandwidth(10, 1) - 5.622) < 5e-4);
});

// Display layout of a core kernel (the core stores it point-reflected).
function kernel(sc, p, part) {
  const k = sc.gaborKernel({ ...p, part });
  return { w: k.width, h: k.height, data: k.data.reverse() };
}

test('tuning curve equals the core filter response to real gratings and peaks at θ', async () => {
  const sc = await loadSimcore();
  for (const [thetaDeg, lambda] of [[20, 8], [75, 12], [130, 10]]) {
    const p = { sigma: 4, theta: thetaDeg * DEG, lambda, gamma: 0.5, psi: 0, size: 31 };
    // The widget's curve is the core's (sc.gaborTuning, tuning.c).
    const curve = sc.gaborTuning(p);
    const peak = peakAngle(curve.angles, curve.simple) / DEG;
    assert.ok(Math.abs(peak - thetaDeg) < 1, `θ ${thetaDeg}: simple-cell peak at ${peak.toFixed(2)}°`);
    assert.ok(Math.abs(peakAngle(curve.angles, curve.complex) / DEG - thetaDeg) < 1);
    // Independent path: the core's gaborFilter on grating images at four
    // phases; the centre pixel's response r(α) = DC + ½ r₀(α), so the simple
    // cell (phase 0, rectified) is max(0, r(0) − r(π)) and each part's
    // best-phase amplitude is hypot(r(0) − r(π), r(π/2) − r(3π/2)); the
    // complex cell is the RMS of the two amplitudes.
    const n = 31;
    const c = (n * n - 1) / 2;
    let max = 0;
    for (const s of curve.complex) max = Math.max(max, s);
    for (const k of [0, 10, 30, 45, 60, 80]) {
      const out = [0, 1, 2, 3].map((q) => sc.gaborFilter(grating(n, lambda, curve.angles[k], (q * Math.PI) / 2), n, n, p));
      const r = out.map((o) => o.real[c]);
      const i = out.map((o) => o.imag[c]);
      const simple = Math.max(0, r[0] - r[2]);
      const complex = Math.sqrt((Math.hypot(r[0] - r[2], r[1] - r[3]) ** 2 + Math.hypot(i[0] - i[2], i[1] - i[3]) ** 2) / 2);
      // float32 sums of 961 products in the core vs float64 here: 1e-4 of the peak.
      const at = `θ ${thetaDeg}, φ ${(curve.angles[k] / DEG).toFixed(0)}°`;
      assert.ok(Math.abs(simple - curve.simple[k]) < 1e-4 * max, `${at}: simple, core ${simple}, widget ${curve.simple[k]}`);
      assert.ok(Math.abs(complex - curve.complex[k]) < 1e-4 * max, `${at}: complex, core ${complex}, widget ${curve.complex[k]}`);
    }
  }
});

test('tuning: the simple cell is max(0, cos ψ) × the energy while the spectral lobes do not overlap; the energy ignores ψ', async () => {
  const sc = await loadSimcore();
  const curveAt = (psi, sigma, size = 63, lambda = 10) => {
    const p = { sigma, theta: 30 * DEG, lambda, gamma: 0.5, psi, size };
    return sc.gaborTuning(p);
  };
  // σ/λ = 0.4: the lobes at ±k₀ are far apart (Gaussian overlap e^{-(4πσ/λ)²/2} ≈ 1e-5),
  // and a 63-px window holds the envelope (σ/γ = 8) to ±3.9 of its widths.
  const ref = curveAt(0, 4);
  let peak = 0;
  for (const v of ref.complex) peak = Math.max(peak, v);
  for (const psiDeg of [0, 5, 30, 60, 90, 120, 180, -45]) {
    const c = curveAt(psiDeg * DEG, 4);
    const gain = Math.max(0, Math.cos(psiDeg * DEG));
    for (let k = 0; k < c.angles.length; k++) {
      assert.ok(Math.abs(c.complex[k] - ref.complex[k]) < 1e-4 * peak, `ψ ${psiDeg}°: energy moved at φ ${k * 2}°`);
      assert.ok(Math.abs(c.simple[k] - gain * c.complex[k]) < 2e-3 * peak, `ψ ${psiDeg}°, φ ${k * 2}°: ${c.simple[k]} vs ${gain} × ${c.complex[k]}`);
    }
    // The widget calls the curves one line exactly when cos ψ is within COINCIDE of 1.
    assert.equal(curveGap(c.simple, c.complex) < COINCIDE, 1 - gain < COINCIDE, `ψ ${psiDeg}°`);
  }
  // The default 31-px window cuts that envelope at 1.9 widths: small negative
  // side lobes, where the simple cell is silent; still one line on the chart.
  const cut = curveGap(curveAt(0, 4, 31).simple, curveAt(0, 4, 31).complex);
  assert.ok(cut > 0.005 && cut < COINCIDE, `31 px window: gap ${cut}`);
  // σ/λ = 0.15 (about 2.4 octaves): the lobes overlap and at ψ = 0 the curves part.
  const wide = curveAt(0, 1.5, 31);
  assert.ok(curveGap(wide.simple, wide.complex) > 5 * COINCIDE, `wide band gap ${curveGap(wide.simple, wide.complex)}`);
});

test('kernel spectrum peaks at the carrier frequency (cos θ, sin θ)/λ', async () => {
  const sc = await loadSimcore();
  for (const [thetaDeg, lambda] of [[0, 8], [30, 10], [120, 6]]) {
    const p = { sigma: 5, theta: thetaDeg * DEG, lambda, gamma: 0.5, psi: 0, size: 31 };
    const re = kernel(sc, p, 'real');
    const im = kernel(sc, p, 'imag');
    // The widget's spectrum view: the core FFT (sc.spectrum2d) of the kernel in display layout.
    const { data, size } = sc.spectrum2d(re.data, im.data, re.w, re.h);
    let best = 0;
    for (let i = 1; i < data.length; i++) if (data[i] > data[best]) best = i;
    const fx = (best % size) - size / 2;
    const fy = Math.floor(best / size) - size / 2;
    // The complex kernel e^{+i2πx'/λ} puts its one lobe at +f; sampled at 1/size cycle/px.
    const ex = (Math.cos(p.theta) / lambda) * size;
    const ey = (Math.sin(p.theta) / lambda) * size;
    assert.ok(Math.hypot(fx - ex, fy - ey) <= 1, `θ ${thetaDeg}: peak (${fx}, ${fy}), expected (${ex.toFixed(1)}, ${ey.toFixed(1)})`);
  }
});

test('channel: latest wins, one job running and one queued at most', async () => {
  const { Channel, Superseded } = await import('../../web/widgets/shared/channel.mjs');
  const started = [];
  let release;
  const lane = {
    ready: Promise.resolve(),
    post: (job) => new Promise((resolve) => { started.push(job.n); release = () => resolve(job.n * 10); }),
  };
  const ch = new Channel(lane);
  const outcomes = [];
  const track = (n) => ch.request({ n }).then((v) => outcomes.push([n, v]), (e) => outcomes.push([n, e instanceof Superseded ? 'superseded' : String(e)]));
  const all = [1, 2, 3, 4].map(track); // 1 runs; 2 and 3 are replaced in the queue by 4
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(started, [1]);
  release();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(started, [1, 4]);
  release();
  await Promise.all(all);
  assert.deepEqual(outcomes.sort((a, b) => a[0] - b[0]), [[1, 10], [2, 'superseded'], [3, 'superseded'], [4, 40]]);
});

test('test images follow the θ convention: each grating quadrant and bar excites the filter of its angle', async () => {
  const { gratings, bars } = await import('../../web/widgets/shared/images.mjs');
  const sc = await loadSimcore();
  const n = 128;
  const img = gratings(n, 10);
  const h = n / 2;
  // Quadrant q (0 TL, 1 TR, 2 BL, 3 BR) holds the grating at q·45°.
  for (let q = 0; q < 4; q++) {
    const { magnitude } = sc.gaborFilter(img, n, n, { sigma: 4, theta: (q * Math.PI) / 4, lambda: 10, gamma: 0.5, size: 31 });
    const mean = [0, 0, 0, 0];
    // Inner 32×32 of each quadrant, away from the seams.
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const inX = Math.abs((x % h) - h / 2) < 16;
        const inY = Math.abs((y % h) - h / 2) < 16;
        if (inX && inY) mean[(y >= h ? 2 : 0) + (x >= h ? 1 : 0)] += magnitude[y * n + x];
      }
    }
    assert.equal(mean.indexOf(Math.max(...mean)), q, `θ = ${q * 45}°: quadrant energies ${mean.map((m) => m.toFixed(0))}`);
  }
  // Bars: cell k (row-major in a 4×4 grid) has its normal at k·180°/16; a
  // bank's dominant orientation at the bar's centre is the nearest θ_k of 8.
  const b = bars(n);
  const { dominant } = sc.gaborBank(b, n, n, { sigma: 2, lambda: 6, gamma: 0.5, size: 15, orientations: 8 });
  for (const k of [0, 4, 8, 12]) {
    const cx = Math.floor((k % 4 + 0.5) * (n / 4));
    const cy = Math.floor((Math.floor(k / 4) + 0.5) * (n / 4));
    assert.ok(Math.abs(dominant[cy * n + cx] - (k * Math.PI) / 16) < 1e-6, `bar ${k}: dominant ${(dominant[cy * n + cx] * 180 / Math.PI).toFixed(1)}°`);
  }
});

test('<simcore-conv>: every schema choice and control has a label in both languages', async () => {
  const { CONV_SCHEMA } = await import('../../web/widgets/conv/schema.mjs');
  for (const [name, field] of Object.entries(CONV_SCHEMA)) {
    if (name === 'compute' || name === 'seed') continue; // attribute/hash only, or a button
    for (const table of Object.values(TABLES)) {
      assert.ok(`conv.${name}` in table, `conv.${name}`);
      // Image sizes are shown as numbers, not labels.
      if (field.type === 'choice' && name !== 'imageSize') for (const c of field.choices) assert.ok(`conv.${name}.${c}` in table, `conv.${name}.${c}`);
    }
  }
});

test('<simcore-conv> kernels: Gaussian and box sum to 1, random has Σ|k| = 1 per seed, Sobel x is antisymmetric', async () => {
  const { box, gaussian, gaussianSize, random, sobelX } = await import('../../web/widgets/conv/kernels.mjs');
  const sum = (a) => a.reduce((s, v) => s + v, 0);
  for (const sigma of [0.5, 2, 7.25]) {
    const g = gaussian(sigma);
    assert.equal(g.width, gaussianSize(sigma));
    assert.equal(g.width % 2, 1);
    assert.ok(Math.abs(sum(g.data) - 1) < 1e-6);
    // Isotropic and centred: symmetric under transposition and point reflection.
    for (let y = 0; y < g.width; y++) {
      for (let x = 0; x < g.width; x++) {
        assert.equal(g.data[y * g.width + x], g.data[x * g.width + y]);
        assert.equal(g.data[y * g.width + x], g.data[g.data.length - 1 - (y * g.width + x)]);
      }
    }
  }
  assert.ok(Math.abs(sum(box(7).data) - 1) < 1e-6);
  const r1 = random(9, 1);
  assert.ok(Math.abs(sum(r1.data.map(Math.abs)) - 1) < 1e-6);
  assert.deepEqual(random(9, 1).data, r1.data, 'same seed, same kernel');
  assert.notDeepEqual(random(9, 2).data, r1.data, 'another seed, another kernel');
  const s = sobelX().data;
  for (let i = 0; i < 9; i++) assert.equal(s[i] + s[8 - i], 0);
});

test('<simcore-conv> output scale: diverging about 0 for signed data, gray otherwise', async () => {
  const { autoScale } = await import('../../web/widgets/shared/draw.mjs');
  assert.deepEqual(autoScale(Float32Array.of(-2, 0, 1)), { map: 'diverging', range: [-2, 2] });
  assert.deepEqual(autoScale(Float32Array.of(0.25, 0.5, 0.875)), { map: 'gray', range: [0.25, 0.875] });
  // Rounding noise just below 0 does not switch to the diverging map.
  assert.equal(autoScale(Float32Array.of(-1e-7, 0.5, 1)).map, 'gray');
  assert.deepEqual(autoScale(Float32Array.of(3, 3)), { map: 'gray', range: [3, 4] });
});
