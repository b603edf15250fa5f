// Hopfield sweeps per second: plain JS, simcore scalar wasm, simcore SIMD
// wasm and native C (build/native/bench_hopfield, both kernel variants), for
// synchronous and asynchronous sweeps at n = 1024 and 4096; then the float-
// weight path (Storkey weights; pseudo-inverse takes the same path), where the
// engine keeps the local fields incrementally: there plain JS runs both the
// naive sweep and the same incremental algorithm, on two workloads ("at a
// fixed point": sweeps from a stored pattern, nothing flips; "from random":
// recall from random states to a fixed point or 2-cycle, many flips).
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
  // An operation returns the sweeps it did (default 1): rates are sweeps/s.
  const run = (impl) => impl[mode]() ?? 1;
  const batches = impls.map(({ impl }) => {
    impl.reset();
    let batch = 1;
    for (;;) {
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) run(impl);
      if (performance.now() - t0 >= 100) return batch;
      batch *= 2;
    }
  });
  const samples = impls.map(() => []);
  for (let r = 0; r < 5; r++) {
    impls.forEach(({ impl }, k) => {
      impl.reset();
      let sweeps = 0;
      const t0 = performance.now();
      for (let b = 0; b < batches[k]; b++) sweeps += run(impl);
      samples[k].push(sweeps / ((performance.now() - t0) / 1000));
    });
  }
  return samples.map(median);
}

// w[row .. row + n) . s in double with four accumulators: the adds of one
// accumulator do not wait on the others (about 1.2x faster here than one
// accumulator, whose adds form one dependent chain).
function dot(w, row, s, n) {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, j = 0;
  for (; j + 3 < n; j += 4) {
    a0 += w[row + j] * s[j];
    a1 += w[row + j + 1] * s[j + 1];
    a2 += w[row + j + 2] * s[j + 2];
    a3 += w[row + j + 3] * s[j + 3];
  }
  for (; j < n; j++) a0 += w[row + j] * s[j];
  return (a0 + a1) + (a2 + a3);
}

// Plain JS, the fastest we could write for the same algorithm: Float32Array
// weights, the dot product with four accumulators, the same update rules and
// Fisher-Yates order.
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
  const field = (i) => dot(w, i * n, s, n);
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
    sync: () => { net.step({ mode: 'sync' }); },
    async: () => { net.step({ mode: 'async' }); },
    dispose: () => net.dispose(),
  };
}

// Random start states for the "from random" workload, cycled through.
function randomStarts(n, count = 8) {
  const next = rng(99);
  return Array.from({ length: count }, () => Int8Array.from({ length: n }, () => (next() & 256 ? 1 : -1)));
}

// The engine on float weights. Workload 'fixed': sweeps from a stored
// pattern, after one untimed sweep (the fields are computed once after
// setState; that one-off cost is what 'random' includes); 'random':
// setState(random) + run() to the end, counting sweeps.
function wasmFloat(sc, { n, x, p, start }, workload) {
  const net = sc.hopfield(n).store(x.subarray(0, p * n), { rule: 'storkey' });
  const starts = randomStarts(n);
  let k = 0;
  const recall = (mode) => {
    net.setState(starts[k++ % starts.length]);
    return net.run({ mode, maxSweeps: 100 }).sweeps;
  };
  return workload === 'fixed'
    ? { reset: () => { net.setState(start); net.step({ mode: 'sync' }); }, sync: () => { net.step({ mode: 'sync' }); }, async: () => { net.step({ mode: 'async' }); }, net, dispose: () => net.dispose() }
    : { reset: () => { k = 0; }, sync: () => recall('sync'), async: () => recall('async'), net, dispose: () => net.dispose() };
}

// Plain JS on the engine's float weights (Float32Array), fields in double
// (JS numbers). Naive: one dot product (dot above) per update. Incremental: the engine's
// algorithm, h = W s kept up to date, one row per flip (no error bound: no
// bit-for-bit comparison here). Two separate functions on purpose: closures
// of one function share V8's type feedback, and running the naive loops
// first made the incremental ones 6x slower in a test.
function naiveSweeper(w, n, s) {
  const next = new Float32Array(n);
  const field = (i) => dot(w, i * n, s, n);
  return {
    invalidate() {},
    sync() {
      let flips = 0;
      for (let i = 0; i < n; i++) next[i] = field(i) >= 0 ? 1 : -1;
      for (let i = 0; i < n; i++) if (next[i] !== s[i]) { s[i] = next[i]; flips++; }
      return flips;
    },
    async(perm) {
      let flips = 0;
      for (let k = 0; k < n; k++) {
        const i = perm[k], v = field(i) >= 0 ? 1 : -1;
        if (v !== s[i]) { s[i] = v; flips++; }
      }
      return flips;
    },
  };
}

function incrementalSweeper(w, n, s) {
  const h = new Float64Array(n), next = new Float32Array(n);
  let valid = false;
  const resync = () => {
    for (let i = 0; i < n; i++) h[i] = dot(w, i * n, s, n);
    valid = true;
  };
  const flip = (i, v) => {
    const d = v - s[i], row = i * n;
    s[i] = v;
    for (let j = 0; j < n; j++) h[j] += d * w[row + j];
  };
  return {
    invalidate() { valid = false; },
    sync() {
      if (!valid) resync();
      let flips = 0;
      for (let i = 0; i < n; i++) next[i] = h[i] >= 0 ? 1 : -1;
      for (let i = 0; i < n; i++) if (next[i] !== s[i]) { flip(i, next[i]); flips++; }
      return flips;
    },
    async(perm) {
      if (!valid) resync();
      let flips = 0;
      for (let k = 0; k < n; k++) {
        const i = perm[k], v = h[i] >= 0 ? 1 : -1;
        if (v !== s[i]) { flip(i, v); flips++; }
      }
      return flips;
    },
  };
}

function jsFloat(w, { n, start }, workload, incremental) {
  const s = new Float32Array(n), prev = new Float32Array(n), back = new Float32Array(n);
  const perm = new Int32Array(n);
  const order = rng(7);
  const sw = (incremental ? incrementalSweeper : naiveSweeper)(w, n, s);
  const setState = (x) => { s.set(x); sw.invalidate(); };
  const sweep = (mode) => {
    if (mode === 'sync') return sw.sync();
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = order() % (i + 1);
      const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }
    return sw.async(perm);
  };
  // run(): as the engine's, with the synchronous 2-cycle test.
  const run = (mode) => {
    let sweeps = 0, havePrev = false;
    while (sweeps < 100) {
      back.set(s);
      const flips = sweep(mode);
      sweeps++;
      if (flips === 0) break;
      if (mode === 'sync') {
        if (havePrev && prev.every((v, i) => v === s[i])) break;
        prev.set(back);
        havePrev = true;
      }
    }
    return sweeps;
  };
  const starts = randomStarts(n);
  let k = 0;
  return workload === 'fixed'
    ? { reset: () => { setState(start); sweep('sync'); }, sync: () => { sweep('sync'); }, async: () => { sweep('async'); } }
    : {
        reset: () => { k = 0; },
        sync: () => { setState(starts[k++ % starts.length]); return run('sync'); },
        async: () => { setState(starts[k++ % starts.length]); return run('async'); },
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
  for (const mode of ['sync', 'async']) {
    const rates = measureAll(impls, mode);
    impls.forEach(({ name }, k) => results.push({ impl: name, n, mode, sweepsPerSec: rates[k] }));
  }
  for (const { impl } of impls) impl.dispose?.();
  for (const workload of ['fixed', 'random']) {
    const fl = Object.entries(builds).map(([name, sc]) => ({ name: `${name} float`, impl: wasmFloat(sc, pr, workload) }));
    const w = fl[0].impl.net.weights();
    fl.unshift({ name: 'js float naive', impl: jsFloat(w, pr, workload, false) },
      { name: 'js float incremental', impl: jsFloat(w, pr, workload, true) });
    for (const mode of ['sync', 'async']) {
      const rates = measureAll(fl, mode);
      fl.forEach(({ name }, k) => results.push({ impl: name, n, mode, workload, sweepsPerSec: rates[k] }));
    }
    for (const { impl } of fl) impl.dispose?.();
  }
}
const nat = native(sizes);
if (nat.rows) for (const r of nat.rows) results.push({ impl: r.impl, n: r.n, mode: r.mode, sweepsPerSec: r.sweepsPerSec });

const get = (impl, n, mode, workload) =>
  results.find((r) => r.impl === impl && r.n === n && r.mode === mode && r.workload === workload)?.sweepsPerSec;
const fmt = (v) => (v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}x` : '—');
const impls = ['js', 'wasm-scalar', 'wasm-simd', 'native-scalar', 'native-simd'];
console.log('Hopfield sweeps per second (median of 5; T = 0; Hebb with p = n/100 on int8 counts; plain JS on float weights)');
console.log(['n', 'mode', ...impls, 'simd/scalar wasm', 'simd wasm/js'].join('\t'));
for (const n of sizes) {
  for (const mode of ['sync', 'async']) {
    const row = impls.map((i) => fmt(get(i, n, mode)));
    console.log([n, mode, ...row, ratio(get('wasm-simd', n, mode), get('wasm-scalar', n, mode)),
      ratio(get('wasm-simd', n, mode), get('js', n, mode))].join('\t'));
  }
}
const fimpls = ['js float naive', 'js float incremental', 'wasm-scalar float', 'wasm-simd float'];
console.log('\nFloat weights (Storkey, p = n/100), engine with incremental fields; "fixed": sweeps at a stored');
console.log('pattern, "random": recall runs from random states (sweeps per second over whole runs)');
console.log(['n', 'workload', 'mode', ...fimpls, 'simd/scalar wasm', 'simd/js naive', 'simd/js incremental'].join('\t'));
for (const n of sizes) {
  for (const wl of ['fixed', 'random']) {
    for (const mode of ['sync', 'async']) {
      const g = (i) => get(i, n, mode, wl);
      console.log([n, wl, mode, ...fimpls.map((i) => fmt(g(i))), ratio(g('wasm-simd float'), g('wasm-scalar float')),
        ratio(g('wasm-simd float'), g('js float naive')), ratio(g('wasm-simd float'), g('js float incremental'))].join('\t'));
    }
  }
}
if (nat.error) console.log(`native: ${nat.error}`);
console.log('targets: SIMD wasm >= 3x scalar wasm, >= 10x plain JS');
if (json) console.log(JSON.stringify({ bench: 'hopfield', results }));
