// Izhikevich's 1000-neuron network (net.m, dense, with noise): simulated
// seconds per wall second for simcore's wasm builds (the double-precision
// net.m mode, and the fast mode: f32, four neurons per SIMD vector) and a plain-JS
// transcription of net.m as a careful user writes it (Float64Array,
// Box–Muller on Math.random).
//   node tests/bench/snn.bench.mjs        (after `make build`)
// Each number is the median of 5 samples of 1 simulated second, taken
// round-robin; the machine is shared, so compare ratios.
import { loadSimcore } from '../../bindings/simcore.mjs';

const NE = 800;
const NI = 200;

function plainJs() {
  const N = NE + NI;
  const a = new Float64Array(N); const b = new Float64Array(N);
  const c = new Float64Array(N); const d = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = Math.random();
    if (i < NE) { a[i] = 0.02; b[i] = 0.2; c[i] = -65 + 15 * r * r; d[i] = 8 - 6 * r * r; } else { a[i] = 0.02 + 0.08 * r; b[i] = 0.25 - 0.05 * r; c[i] = -65; d[i] = 2; }
  }
  const S = new Float64Array(N * N); // column j at j*N
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) S[j * N + i] = (j < NE ? 0.5 : -1) * Math.random();
  const v = new Float64Array(N).fill(-65); const u = new Float64Array(N);
  for (let i = 0; i < N; i++) u[i] = b[i] * v[i];
  const I = new Float64Array(N); const fired = new Int32Array(N);
  let spare = 0; let have = false;
  const randn = () => {
    if (have) { have = false; return spare; }
    const r = Math.sqrt(-2 * Math.log(1 - Math.random())); const t = 2 * Math.PI * Math.random();
    spare = r * Math.sin(t); have = true; return r * Math.cos(t);
  };
  return (ms) => {
    let spikes = 0;
    for (let t = 0; t < ms; t++) {
      for (let i = 0; i < N; i++) I[i] = (i < NE ? 5 : 2) * randn();
      let nf = 0;
      for (let i = 0; i < N; i++) if (v[i] >= 30) fired[nf++] = i;
      for (let k = 0; k < nf; k++) { const j = fired[k]; v[j] = c[j]; u[j] += d[j]; const o = j * N; for (let i = 0; i < N; i++) I[i] += S[o + i]; }
      for (let i = 0; i < N; i++) {
        v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
        v[i] += 0.5 * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
        u[i] += a[i] * (b[i] * v[i] - u[i]);
      }
      spikes += nf;
    }
    return spikes;
  };
}

const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const [simd, scalar] = await Promise.all([loadSimcore({ simd: true }), loadSimcore({ simd: false })]);
const runners = {
  'plain JS': plainJs(),
  'wasm simd (net.m f64)': ((net) => (ms) => net.run(ms).spikeIndex.length)(simd.createIzhikevichNetwork()),
  'wasm scalar (net.m f64)': ((net) => (ms) => net.run(ms).spikeIndex.length)(scalar.createIzhikevichNetwork()),
  'wasm simd (fast f32)': ((net) => (ms) => net.run(ms).spikeIndex.length)(simd.createIzhikevichNetwork({ mode: 'fast' })),
  'wasm scalar (fast f32)': ((net) => (ms) => net.run(ms).spikeIndex.length)(scalar.createIzhikevichNetwork({ mode: 'fast' })),
};
for (const run of Object.values(runners)) run(200); // warm up past the initial transient
const samples = Object.fromEntries(Object.keys(runners).map((k) => [k, []]));
for (let s = 0; s < 5; s++) {
  for (const [k, run] of Object.entries(runners)) {
    const t0 = performance.now();
    run(1000);
    samples[k].push(1000 / (performance.now() - t0)); // simulated s per wall s
  }
}
const base = median(samples['plain JS']);
console.log('snn: net.m 1000 neurons, dense, noise; x real time (median of 5), ratio to plain JS (target: fast >= 500x, >= 8x plain JS)');
for (const k of Object.keys(runners)) console.log(`  ${k.padEnd(26)} ${median(samples[k]).toFixed(1).padStart(7)}x  ${(median(samples[k]) / base).toFixed(2)}`);

// Larger sparse networks (fast mode, in-degree 100): x real time, median of 3 samples of 200 ms.
console.log('snn: sparse, in-degree 100, fast mode; x real time (median of 3 samples of 200 simulated ms; target >= 1x at 100000)');
for (const n of [10000, 100000]) {
  const net = simd.createIzhikevichNetwork({ ne: 0.8 * n, ni: 0.2 * n, coupling: { inDegree: 100 } });
  net.run(50);
  const xs = [];
  for (let s = 0; s < 3; s++) {
    const t0 = performance.now();
    net.run(200);
    xs.push(200 / (performance.now() - t0));
  }
  net.dispose();
  console.log(`  ${String(n).padStart(6)} neurons ${median(xs).toFixed(2).padStart(8)}x`);
}
