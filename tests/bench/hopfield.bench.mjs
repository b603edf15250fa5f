// Hopfield sweeps per second: plain JS, simcore scalar wasm, simcore SIMD
// wasm and native C (build/native/bench_hopfield, both kernel variants), for
// synchronous and asynchronous sweeps at n = 1024 and 4096.
//   node tests/bench/hopfield.bench.mjs [--json] [n ...]      (after `make build`)
// Each number is the median of 5 samples, each a batch of sweeps lasting at
// least 0.1 s, taken round-robin across implementations; the machine is
// shared, so compare ratios, not absolute times.
// With --json the last line is one JSON object with every measurement.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSimcore } from '../../bindings/simcore.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (sizes.length === 0) sizes.push(1024, 4096);

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

// Same network for every implementation: Hebb, p = n/100 random patterns.
function problem(n) {
  const next = rng(1);
  const p = Math.max(1, Math.floor(n / 100));
  const x = Int8Array.from({ length: p * n }, () => (next() & 256 ? 1 : -1));
  return { n, p, x, start: x.subarray(0, n) };
}

function median(a) {
  const s = [...a].sort((u, v) => u - v);
  return s[s.length >> 1];
}

// Sweeps per second of each implementation. Each is calibrated to batches of
// >= 0.1 s, then the samples are taken round-robin (A B C, A B C, ...), so a
// burst of load from other processes hits every implementation alike and the
// ratios stay meaningful on a shared machine.
function measureAll(impls, mode) {
  const batches = impls.map(({ impl }) => {
    let batch = 1;
    for (;;) {
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) impl[mode]();
      if (performance.now() - t0 >= 100) return batch;
      batch *= 2;
    }
  });
  const samples = impls.map(() => []);
  for (let r = 0; r < 5; r++) {
    impls.forEach(({ impl }, k) => {
      impl.reset();
      const t0 = performance.now();
      for (let b = 0; b < batches[k]; b++) impl[mode]();
      samples[k].push(batches[k] / ((performance.now() - t0) / 1000));
    });
  }
  return samples.map(median);
}

// Plain JS, written the way a careful JS programmer would: Float32Array
// weights, one accumulator, the same update rules and Fisher-Yates order.
function plainJs({ n, p, x, start }) {
  const w = new Float32Array(n * n);
  for (let mu = 0; mu < p; mu++) {
    for (let i = 0; i < n; i++) {
      const xi = x[mu * n + i];
      for (let j = 0; j < n; j++) if (i !== j) w[i * n + j] += (xi * x[mu * n + j]) / n;
    }
  }
  const s = new Float32Array(n);
  const h = new Float32Array(n);
  const perm = new Int32Array(n);
  const next = rng(7);
  const reset = () => s.set(start);
  reset();
  const field = (i) => {
    let acc = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) acc += w[row + j] * s[j];
    return acc;
  };
  return {
    reset,
    sync() {
      for (let i = 0; i < n; i++) h[i] = field(i);
      for (let i = 0; i < n; i++) s[i] = h[i] >= 0 ? 1 : -1;
    },
    async() {
      for (let i = 0; i < n; i++) perm[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = next() % (i + 1);
        const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
      }
      for (let k = 0; k < n; k++) {
        const i = perm[k];
        s[i] = field(i) >= 0 ? 1 : -1;
      }
    },
  };
}

// rule 'hebb' runs on the exact integer counts (int8 here, p <= 127);
// 'storkey' on float weights, the path every other rule takes.
function wasmImpl(sc, { n, x, p, start }, rule = 'hebb') {
  const net = sc.hopfield(n).store(x.subarray(0, p * n), { rule });
  return {
    reset: () => net.setState(start),
    sync: () => net.step({ mode: 'sync' }),
    async: () => net.step({ mode: 'async' }),
    dispose: () => net.dispose(),
  };
}

function native(ns) {
  const exe = path.join(root, 'build/native/bench_hopfield');
  if (!existsSync(exe)) return { error: `${path.relative(root, exe)} not built (run make build)` };
  const r = spawnSync(exe, ns.map(String), { encoding: 'utf8' });
  if (r.status !== 0) return { error: `bench_hopfield exited with ${r.status}: ${r.stderr}` };
  return { rows: r.stdout.trim().split('\n').map((l) => JSON.parse(l)) };
}

const results = [];
const builds = { 'wasm-scalar': await loadSimcore({ simd: false }), 'wasm-simd': await loadSimcore() };
for (const n of sizes) {
  const pr = problem(n);
  const impls = [{ name: 'js', impl: plainJs(pr) }];
  for (const [name, sc] of Object.entries(builds)) impls.push({ name, impl: wasmImpl(sc, pr) });
  for (const [name, sc] of Object.entries(builds)) impls.push({ name: `${name} float`, impl: wasmImpl(sc, pr, 'storkey') });
  for (const mode of ['sync', 'async']) {
    const rates = measureAll(impls, mode);
    impls.forEach(({ name }, k) => results.push({ impl: name, n, mode, sweepsPerSec: rates[k] }));
  }
  for (const { impl } of impls) impl.dispose?.();
}
const nat = native(sizes);
if (nat.rows) for (const r of nat.rows) results.push({ impl: r.impl, n: r.n, mode: r.mode, sweepsPerSec: r.sweepsPerSec });

const get = (impl, n, mode) => results.find((r) => r.impl === impl && r.n === n && r.mode === mode)?.sweepsPerSec;
const fmt = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}x` : '—');
const impls = ['js', 'wasm-scalar', 'wasm-simd', 'native-scalar', 'native-simd', 'wasm-scalar float', 'wasm-simd float'];
console.log('Hopfield sweeps per second (median of 5; T = 0; Hebb with p = n/100 on int8 counts,');
console.log('"float": the same network stored with Storkey, i.e. float weights; plain JS uses float weights)');
console.log(['n', 'mode', ...impls, 'simd/scalar wasm', 'simd wasm/js', 'float: simd/scalar', 'float: simd/js'].join('\t'));
for (const n of sizes) {
  for (const mode of ['sync', 'async']) {
    const row = impls.map((i) => fmt(get(i, n, mode)));
    console.log([n, mode, ...row, ratio(get('wasm-simd', n, mode), get('wasm-scalar', n, mode)),
      ratio(get('wasm-simd', n, mode), get('js', n, mode)),
      ratio(get('wasm-simd float', n, mode), get('wasm-scalar float', n, mode)),
      ratio(get('wasm-simd float', n, mode), get('js', n, mode))].join('\t'));
  }
}
if (nat.error) console.log(`native: ${nat.error}`);
console.log('targets: SIMD wasm >= 3x scalar wasm, >= 10x plain JS');
if (json) console.log(JSON.stringify({ bench: 'hopfield', results }));
