// GEMM GFLOP/s (issue 12, "Dense linear algebra"): simcore's wasm SIMD128
// gemm against plain JS (a typed-array triple loop and an i-k-j loop blocked
// over k), TF.js wasm tf.matMul (XNNPACK) in the same process, and native C
// of the same width (build/native/bench_gemm: the same kernel source through
// SIMDe onto SSE2, and a plain C triple loop), on square sizes 32..1024 and
// the learning shapes. Targets: >= 10x plain JS, >= 0.8x native same width,
// >= 1x TF.js wasm (ahead at the small learning shapes).
//   node tests/bench/gemm.bench.mjs [--json] [--quick]     (after `make build`)
// "simcore" is the binding call sc.gemm(m, n, k, a, b, { out }) (Float32Arrays
// in, the result written into the caller's Float32Array, as the JS loops
// write into theirs: it copies A and B into wasm memory and C out; "new"
// is the same call returning a new array); "core" is the exported
// sc_flat_gemm_f32 on operands already in wasm memory. TF.js likewise:
// "tf" is tensor2d(A), tensor2d(B), matMul, dataSync, dispose; "tf kernel"
// is matMul + dataSync on tensors made once. Each number is the median of 5
// samples (each a batch lasting >= 40 ms, round-robin across
// implementations). Time is the process's CPU time (process.cpuUsage; the
// native bench uses CLOCK_PROCESS_CPUTIME_ID), so time spent descheduled on
// the shared machine does not count; caches are still shared.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { loadTF, ROOT } from './peers.mjs';
import { median, relDiff, textTable, uniform } from './report.mjs';
import { loadRawCore } from '../wasm/helpers/raw-core.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');

// [label, m, n, k, transA, transB]: C (m x n) = op(A) (m x k) op(B) (k x n).
export const SHAPES = [
  ...[32, 64, 128, 256, 512, 1024].map((s) => [`${s}²`, s, s, s, false, false]),
  ['2-layer MLP, 1000 points: 1000×2·2×20', 1000, 20, 2, false, false],
  ['MLP 784→100, batch 64: X·W', 64, 100, 784, false, false],
  ['  backprop dW = Xᵀ·dY', 784, 100, 64, true, false],
  ['  backprop dX = dY·Wᵀ', 64, 784, 100, false, true],
  ['LeNet-5 C1 im2col: 6×25·25×784', 6, 784, 25, false, false],
  ['LeNet-5 C3 im2col: 16×150·150×100', 16, 100, 150, false, false],
  ['LeNet-5 C5, batch 64: 120×400·400×64', 120, 64, 400, false, false],
].filter(([, m, n, k]) => !quick || m * n * k <= 2 ** 24);

// op(X)[r][s] = x[r * rs + s * cs]
const strides = (trans, rows, cols) => (trans ? [1, rows] : [cols, 1]);

// The loop a JS programmer writes first: i, j, p over Float32Arrays, the
// sum in a JS number.
function jsLoop(m, n, k, a, b, c, ta, tb) {
  const [ars, acs] = strides(ta, m, k);
  const [brs, bcs] = strides(tb, k, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * ars + p * acs] * b[p * brs + j * bcs];
      c[i * n + j] = s;
    }
  }
}

// The cache-aware version: i-k-j (a row of B streams into a row of C),
// blocked over k so the B rows of a block stay in cache.
function jsBlocked(m, n, k, a, b, c, ta, tb) {
  const [ars, acs] = strides(ta, m, k);
  const [brs, bcs] = strides(tb, k, n);
  const KB = 64;
  c.fill(0, 0, m * n);
  for (let p0 = 0; p0 < k; p0 += KB) {
    const p1 = Math.min(k, p0 + KB);
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = p0; p < p1; p++) {
        const aip = a[i * ars + p * acs];
        const bp = p * brs;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j * bcs];
      }
    }
  }
}

function ref64(m, n, k, a, b, ta, tb) {
  const c = new Float64Array(m * n);
  jsLoop(m, n, k, a, b, c, ta, tb);
  return c;
}

function nativeRates(shapes) {
  const bin = join(ROOT, 'build', 'native', 'bench_gemm');
  if (!existsSync(bin)) return { about: 'unavailable: build/native/bench_gemm missing (run make build)', rates: new Map() };
  const specs = shapes.map(([, m, n, k, ta, tb]) => `${m}x${n}x${k}:${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`);
  const r = spawnSync(bin, specs, { encoding: 'utf8', maxBuffer: 1 << 22 });
  if (r.status !== 0) return { about: `unavailable: ${r.stderr || r.error}`, rates: new Map() };
  const rates = new Map();
  for (const line of r.stdout.trim().split('\n')) {
    const o = JSON.parse(line);
    rates.set(`${o.impl} ${o.m}x${o.n}x${o.k}:${o.trans}`, o.gflops);
  }
  return { about: 'build/native/bench_gemm (gcc -O3, SSE2 through SIMDe; 4 lanes like SIMD128)', rates };
}

// GFLOP/s of each implementation on one shape, round-robin samples.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(impls, flops) {
  const batches = impls.map((f) => {
    let batch = 1;
    for (;;) {
      const t0 = cpuMs();
      for (let r = 0; r < batch; r++) f();
      const dt = cpuMs() - t0;
      if (dt >= 40 || (dt >= 400 / 5 && batch === 1)) return batch;
      batch *= 2;
    }
  });
  const samples = impls.map(() => []);
  for (let s = 0; s < 5; s++) {
    impls.forEach((f, i) => {
      const t0 = cpuMs();
      for (let r = 0; r < batches[i]; r++) f();
      samples[i].push((flops * batches[i]) / ((cpuMs() - t0) / 1000) / 1e9);
    });
  }
  return samples.map(median);
}

const sc = await loadSimcore({ simd: true });
const raw = await loadRawCore('simd');
const { tf, about: tfAbout } = await loadTF();
const native = nativeRates(SHAPES);
const rows = [];
const results = [];
let worstErr = 0;

for (const [label, m, n, k, ta, tb] of SHAPES) {
  const a = uniform(m * k, 11 + m, -1, 1);
  const b = uniform(k * n, 13 + n, -1, 1);
  const c = new Float32Array(m * n);
  const o = { transA: ta, transB: tb };
  // correctness first: every implementation against the float64 loop
  const want = ref64(m, n, k, a, b, ta, tb);
  const check = (name, got) => {
    const e = relDiff(got, want);
    worstErr = Math.max(worstErr, e);
    if (!(e < 1e-4)) throw new Error(`${label}: ${name} differs from the float64 reference by ${e}`);
  };
  check('simcore', sc.gemm(m, n, k, a, b, o));
  // the raw core on operands already in wasm memory
  const pa = raw.ex.malloc(a.length * 4), pb = raw.ex.malloc(b.length * 4), pc = raw.ex.malloc(c.length * 4);
  new Float32Array(raw.ex.memory.buffer).set(a, pa >> 2);
  new Float32Array(raw.ex.memory.buffer).set(b, pb >> 2);
  const lda = ta ? m : k, ldb = tb ? k : n;
  const core = () => raw.ex.sc_flat_gemm_f32(+ta, +tb, m, n, k, 1, pa, lda, pb, ldb, 0, pc, n);
  if (core() !== 0) throw new Error(`${label}: core status`);
  check('core', new Float32Array(raw.ex.memory.buffer, pc, m * n));
  const out = new Float32Array(m * n);
  const withOut = { ...o, out };
  const impls = { simcore: () => sc.gemm(m, n, k, a, b, withOut), new: () => sc.gemm(m, n, k, a, b, o), core };
  let ta2, tb2;
  if (tf) {
    const [ar, ac] = ta ? [k, m] : [m, k];
    const [br, bc] = tb ? [n, k] : [k, n];
    ta2 = tf.tensor2d(a, [ar, ac]);
    tb2 = tf.tensor2d(b, [br, bc]);
    impls.tf = () => {
      const x = tf.tensor2d(a, [ar, ac]), y = tf.tensor2d(b, [br, bc]);
      const z = tf.matMul(x, y, ta, tb);
      const out = z.dataSync();
      tf.dispose([x, y, z]);
      return out;
    };
    impls['tf kernel'] = () => {
      const z = tf.matMul(ta2, tb2, ta, tb);
      const out = z.dataSync();
      z.dispose();
      return out;
    };
    check('tf', impls.tf());
  }
  impls['js loop'] = () => jsLoop(m, n, k, a, b, c, ta, tb);
  impls['js blocked'] = () => jsBlocked(m, n, k, a, b, c, ta, tb);
  jsBlocked(m, n, k, a, b, c, ta, tb);
  check('js blocked', c);
  const names = Object.keys(impls);
  const rates = Object.fromEntries(measure(Object.values(impls), 2 * m * n * k).map((g, i) => [names[i], g]));
  tf && tf.dispose([ta2, tb2]);
  raw.ex.free(pa); raw.ex.free(pb); raw.ex.free(pc);
  const key = `${m}x${n}x${k}:${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`;
  rates['native simd'] = native.rates.get(`native-simd ${key}`);
  rates['native loop'] = native.rates.get(`native-loop ${key}`);
  const js = Math.max(rates['js loop'], rates['js blocked']);
  const ratios = {
    vsJs: rates.simcore / js,
    vsNative: rates.core / rates['native simd'],
    vsTf: rates.simcore / rates.tf,
    vsTfKernel: rates.core / rates['tf kernel'],
  };
  results.push({ label: label.trim(), m, n, k, transA: ta, transB: tb, gflops: rates, ratios });
  const f = (x) => (x == null || !Number.isFinite(x) ? '' : x.toFixed(x >= 10 ? 1 : 2));
  const r = (x) => (x == null || !Number.isFinite(x) ? '' : x.toFixed(x >= 10 ? 0 : 2) + '×');
  rows.push([label, f(rates.simcore), f(rates.new), f(rates.core), f(rates.tf), f(rates['tf kernel']), f(rates['js loop']), f(rates['js blocked']),
    f(rates['native simd']), f(rates['native loop']), r(ratios.vsJs), r(ratios.vsNative), r(ratios.vsTf), r(ratios.vsTfKernel)]);
  if (!json) process.stderr.write(`${label.trim()} done\n`);
}

console.log(`simcore ${sc.version} wasm SIMD128 (dist/wasm/simcore-simd.wasm), Node ${process.versions.node}`);
console.log(`TF.js: ${tfAbout}`);
console.log(`native: ${native.about}`);
console.log('GFLOP/s (2mnk per call), median of 5; ratios: simcore/best JS, core/native simd, simcore/tf, core/tf kernel');
console.log(textTable(
  ['shape', 'simcore', 'new', 'core', 'tf', 'tf kernel', 'js loop', 'js blocked', 'native simd', 'native loop', 'vs JS', 'vs native', 'vs tf', 'core vs tf kernel'],
  rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
console.log(`all outputs within ${worstErr.toExponential(1)} (max |diff| / max |ref|) of the float64 loop`);
const met = (key, target) => results.filter((x) => x.ratios[key] >= target).length;
console.log(`targets: >= 10x JS at ${met('vsJs', 10)}/${results.length}, >= 0.8x native at ${met('vsNative', 0.8)}/${results.length}, ` +
  `>= 1x tf at ${met('vsTf', 1)}/${results.length} shapes (core vs tf kernel: ${met('vsTfKernel', 1)}/${results.length})`);
if (json) console.log(JSON.stringify({ tf: tfAbout, native: native.about, results }));
