// The kernel area's density estimates and NW cross-validation against plain
// JavaScript written the way the KDE explorable (mathisonian/kde) computes
// its curve: for every grid point a loop over the samples calling a kernel
// function with Math.exp (here the 2-D Gaussian with a full H, and with
// the 1/(n h) normalisation the explorable omits):
//   1. 2-D KDE of n = 200, 10,000, 100,000 points on a 256 x 256 grid, exact
//      (the sum) and binned (linear binning + FFT, docs/kernels.md). For
//      n >= 10,000 the exact peers evaluate 16 of the 256 rows and their
//      time is scaled by 16 (the work per row is the same), so a run stays
//      within minutes; the binned path always computes the full grid.
//   2. Nadaraya-Watson LOOCV over 40 bandwidths on 2,000 points: plain JS
//      the curve on the 40 bandwidths; the core the same curve plus its
//      golden-section refinement (about 30 more bandwidths).
// Medians of 5 samples (3 for the slow ones), round-robin; the machine is
// shared, so compare ratios. node tests/bench/kernel.bench.mjs (after make build)
import { loadSimcore } from '../../bindings/simcore.mjs';

const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const [simd, scalar] = await Promise.all([loadSimcore({ simd: true }), loadSimcore({ simd: false })]);

let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-300)) * Math.cos(2 * Math.PI * rand());
function heightsWeights(n) {
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const male = i % 2, z1 = normal(), z2 = normal();
    xy[2 * i] = (male ? 176 : 163) + 7 * z1;
    xy[2 * i + 1] = (male ? 75 : 58) + 9 * (0.5 * z1 + 0.866 * z2);
  }
  return xy;
}

// The explorable's way, in 2-D: a kernel function and two nested loops.
function kde2dJs(xy, H, gx, gy, rows) {
  const n = xy.length / 2, det = H[0] * H[2] - H[1] * H[1];
  const a = H[2] / det, b = -H[1] / det, c = H[0] / det, norm = 1 / (2 * Math.PI * Math.sqrt(det) * n);
  const gauss = (ux, uy) => Math.exp(-0.5 * (a * ux * ux + 2 * b * ux * uy + c * uy * uy));
  const out = new Float64Array(gx.n * rows);
  for (let j = 0; j < rows; j++) {
    const y = gy.from + (j * (gy.to - gy.from)) / (gy.n - 1);
    for (let i = 0; i < gx.n; i++) {
      const x = gx.from + (i * (gx.to - gx.from)) / (gx.n - 1);
      let s = 0;
      for (let k = 0; k < n; k++) s += gauss(x - xy[2 * k], y - xy[2 * k + 1]);
      out[j * gx.n + i] = s * norm;
    }
  }
  return out;
}

function nwLoocvJs(x, y, hs) {
  const n = x.length, cv = new Float64Array(hs.length);
  hs.forEach((h, q) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let num = 0, den = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const u = (x[j] - x[i]) / h, w = Math.exp(-0.5 * u * u);
        num += w * y[j];
        den += w;
      }
      const e = y[i] - num / den;
      s += e * e;
    }
    cv[q] = s / n;
  });
  return cv;
}

function time(fn, samples) {
  const t = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t;
}

function report(title, peers, samples) {
  const names = Object.keys(peers);
  const times = Object.fromEntries(names.map((k) => [k, []]));
  for (let s = 0; s < samples; s++) for (const k of names) times[k].push(...time(peers[k].run, 1).map((v) => v * (peers[k].scale ?? 1)));
  const base = median(times[names[0]]);
  console.log(`  ${title}`);
  const rows = [];
  for (const k of names) {
    const ms = median(times[k]);
    rows.push([k, ms, base / ms]);
    console.log(`    ${k.padEnd(44)} ${ms.toFixed(1).padStart(10)} ms  ${(base / ms).toFixed(1).padStart(7)}x`);
  }
  return rows;
}

console.log('kernel: median of samples, round-robin; ratio = plain JS time / peer time');
const gx = { from: 140, to: 200, n: 256 }, gy = { from: 30, to: 110, n: 256 };
for (const n of [200, 10000, 100000]) {
  const xy = heightsWeights(n);
  const H = simd.kde2d(xy, { bandwidth: 'scott', points: [170, 65] }).H;
  const Hf = [H[0][0], H[0][1], H[1][1]];
  const rows = n > 1000 ? 16 : 256, scale = 256 / rows;
  const sub = { x: gx, y: { from: gy.from, to: gy.from + ((rows - 1) * (gy.to - gy.from)) / 255, n: rows } };
  // Same numbers: the JS rows against the core's exact rows, binned within its bound.
  const js = kde2dJs(xy, Hf, gx, gy, rows);
  const ex = simd.kde2d(xy, { bandwidth: H, grid: sub });
  const d = Math.max(...js.map((v, i) => Math.abs(v - ex.density[i]))) / Math.max(...js);
  if (!(d < 1e-12)) throw new Error(`n ${n}: JS and core differ by ${d}`);
  const bin = simd.kde2d(xy, { bandwidth: H, grid: { x: gx, y: gy }, method: 'binned' });
  const e2 = Math.max(...ex.density.map((v, i) => Math.abs(v - bin.density[i])));
  if (!(e2 <= bin.errorBound)) throw new Error(`n ${n}: binned error ${e2} > bound ${bin.errorBound}`);
  const samples = n > 1000 ? 3 : 5;
  report(`2-D KDE, n = ${n}, 256 x 256 grid${scale > 1 ? ` (exact: ${rows} rows x ${scale})` : ''}; binned max error ${(e2 / Math.max(...ex.density)).toExponential(1)} of the peak`, {
    'plain JS (explorable style)': { run: () => kde2dJs(xy, Hf, gx, gy, rows), scale },
    'wasm simd exact': { run: () => simd.kde2d(xy, { bandwidth: H, grid: sub }), scale },
    'wasm scalar exact': { run: () => scalar.kde2d(xy, { bandwidth: H, grid: sub }), scale },
    'wasm simd binned (full grid)': { run: () => simd.kde2d(xy, { bandwidth: H, grid: { x: gx, y: gy }, method: 'binned' }) },
    'wasm scalar binned (full grid)': { run: () => scalar.kde2d(xy, { bandwidth: H, grid: { x: gx, y: gy }, method: 'binned' }) },
  }, samples);
}

{
  const xy = heightsWeights(2000);
  const x = xy.filter((_, i) => i % 2 === 0), y = xy.filter((_, i) => i % 2 === 1);
  const hs = Array.from({ length: 40 }, (_, k) => 0.5 * Math.pow(40, k / 39));
  const js = nwLoocvJs(x, y, hs);
  const core = simd.kernelRegression(x, y, { bandwidth: 'loocv', bandwidths: hs, at: [170] }).cv.scores;
  const d = Math.max(...js.map((v, i) => Math.abs(v - core[i]) / v));
  if (!(d < 1e-12)) throw new Error(`LOOCV curves differ by ${d}`);
  report('NW LOOCV, 2,000 points, 40 bandwidths (core: + golden-section refinement)', {
    'plain JS (curve only)': { run: () => nwLoocvJs(x, y, hs) },
    'wasm simd': { run: () => simd.kernelRegression(x, y, { bandwidth: 'loocv', bandwidths: hs, at: [170] }) },
    'wasm scalar': { run: () => scalar.kernelRegression(x, y, { bandwidth: 'loocv', bandwidths: hs, at: [170] }) },
  }, 3);
}
