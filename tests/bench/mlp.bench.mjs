// MLP training throughput (issue 13): samples per second and epoch time for
// 2-20-1 on 1000 double-moon points (online and batches of 32), 2-64-64-1
// (the same), and 784-100-10 with batches of 64 on 1024 random 784-vectors,
// for simcore (SIMD and scalar wasm) against (a) plain JS in TF Playground's
// style (an object graph of Node and Link objects, tests/bench/mlp/
// playground.mjs), (b) plain JS over typed arrays (mlp/typed.mjs), (c) TF.js
// in this process (mlp/tfjs.mjs; the wasm backend, or the CPU backend if the
// wasm one cannot train: the table says which) and (d) native C, the core
// through its C API (build/native/bench_mlp). Then the decision map: a
// 200 x 200 predictGrid of a 2-64-64-1 net.
//   node tests/bench/mlp.bench.mjs [--quick] [--markdown FILE] [--cases REGEX]
//        [--peers REGEX] [--simcore-root DIR] [--relu]   (after `make build`)
// --simcore-root loads bindings/simcore.mjs (and its dist/wasm) from another
// tree, to time an older core with the same cases (docs/mlp.md); --relu
// makes the hidden layers ReLU (simcore peers only: it isolates the matrix
// work from the activation's cost).
// Every peer trains the same network from the same initial weights with
// plain SGD (eta 0.01, no momentum: Playground has none), samples in order;
// an epoch is the training pass plus the mean training loss over all
// samples (what simcore's train returns). Each peer's weights after one
// epoch are checked against simcore SIMD's (max |dw| / max |w| <= 1e-3).
// Each sample is a run of k epochs lasting >= 20 ms; rounds go round-robin
// over the peers with a rotating start; reported: medians over rounds and
// ratios of medians (targets judged on these), and ratios of minima, steadier
// when other processes load the machine. Not a test: missed targets print MISS, exit code 0.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, loadTF } from './peers.mjs';
import { markdownTable, median, relDiff, textTable, uniform } from './report.mjs';
import { playgroundTrainer } from './mlp/playground.mjs';
import { typedTrainer } from './mlp/typed.mjs';
import { tfTrainer } from './mlp/tfjs.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const quick = args.includes('--quick');
const ROUNDS = quick ? 3 : 7;
const MIN_SAMPLE_MS = 20;
const caseFilter = new RegExp(opt('--cases') ?? '.');
const peerFilter = new RegExp(opt('--peers') ?? '.');
const simcoreRoot = resolve(opt('--simcore-root') ?? ROOT);
const ACTIVATION = args.includes('--relu') ? 'relu' : 'tanh';
const { loadSimcore } = await import(pathToFileURL(join(simcoreRoot, 'bindings/simcore.mjs')).href);

const CASES = [
  { name: '2-20-1 online', sizes: [2, 20, 1], batch: 1 },
  { name: '2-20-1 batch 32', sizes: [2, 20, 1], batch: 32 },
  { name: '2-64-64-1 online', sizes: [2, 64, 64, 1], batch: 1 },
  { name: '2-64-64-1 batch 32', sizes: [2, 64, 64, 1], batch: 32 },
  { name: '784-100-10 batch 64', sizes: [784, 100, 10], batch: 64 },
].filter((c) => caseFilter.test(c.name));
const ETA = 0.01;
const TARGETS = { playground: 50, typed: 5, tfjs: 3, native: 0.8 };

const builds = {};
for (const simd of [true, false]) builds[simd ? 'simd' : 'scalar'] = await loadSimcore({ simd });
const sc = builds.simd;

// The data of a case: the double moon (d = 1, seed 11, /10) or uniform
// 784-vectors with labels i * 7 mod 10 (as bench_mlp.c).
function caseData(c) {
  const nout = c.sizes.at(-1);
  if (c.sizes[0] === 2) {
    const { x, y } = sc.doubleMoon({ n: 1000, d: 1, seed: 11 });
    return { ...c, x: x.map((v) => v / 10), t: Float32Array.from(y), count: 1000, eta: ETA };
  }
  const count = 1024, t = new Float32Array(count * nout);
  for (let i = 0; i < count; i++) t[i * nout + ((i * 7) % nout)] = 1;
  return { ...c, x: uniform(count * c.sizes[0], 1), t, count, eta: ETA };
}

function simcoreTrainer(s, c, w0) {
  const net = s.createMLP({ layers: c.sizes, activation: ACTIVATION, output: c.sizes.at(-1) > 1 ? 'softmax' : 'linear', seed: 1 });
  net.setWeights(w0);
  return {
    epochs: (k) => net.train(c.x, c.t, { epochs: k, eta: c.eta, batch: c.batch, shuffle: false }).at(-1),
    weights: () => net.getWeights(),
    dispose: () => net.dispose(),
  };
}

// TF.js: the wasm backend if it can take a training step, else the CPU
// backend (@tensorflow/tfjs-backend-cpu, a dependency of the wasm one).
async function tfPeer() {
  const { tf, about } = await loadTF();
  if (!tf) return { about };
  const note = 'backprop written with tf ops (mlp/tfjs.mjs: tfjs-core registers too few gradients for tf.grads)';
  const probe = () => {
    const tr = tfTrainer(tf, { sizes: [2, 3, 1], x: new Float32Array(8), t: new Float32Array(4), count: 4, batch: 2, eta: 0.1 }, new Float32Array(13).fill(0.1));
    tr.epochs(1);
    tr.dispose();
  };
  try {
    probe();
    return { tf, about: `${about}; ${note}` };
  } catch (e) {
    createRequire(join(ROOT, 'package.json'))('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    probe();
    return { tf, about: `${about}; the wasm backend could not train (${e.message}): CPU backend used; ${note}` };
  }
}

const tfp = peerFilter.test('tfjs') ? await tfPeer() : { about: 'not selected' };
const PEERS = [
  { id: 'simcore-simd', about: `simcore wasm SIMD (${simcoreRoot})`, make: (c, w0) => simcoreTrainer(builds.simd, c, w0) },
  { id: 'simcore-scalar', about: 'simcore wasm scalar', make: (c, w0) => simcoreTrainer(builds.scalar, c, w0) },
  { id: 'typed', about: 'plain JS over typed arrays (mlp/typed.mjs)', make: typedTrainer },
  { id: 'playground', about: 'plain JS, Playground-style Node/Link graph (mlp/playground.mjs)', make: playgroundTrainer },
  { id: 'tfjs', about: tfp.about, make: tfp.tf ? (c, w0) => tfTrainer(tfp.tf, c, w0) : null },
].filter((p) => p.id === 'simcore-simd' || (peerFilter.test(p.id) && (ACTIVATION === 'tanh' || p.id.startsWith('simcore'))));

function nativeRows() {
  const bin = join(ROOT, 'build/native/bench_mlp');
  if (!peerFilter.test('native') || ACTIVATION !== 'tanh') return { about: 'not selected', rows: {} };
  if (!existsSync(bin)) return { about: 'unavailable: build/native/bench_mlp missing (make build)', rows: {} };
  const r = spawnSync(bin, [], { encoding: 'utf8' });
  if (r.status !== 0) return { about: `bench_mlp failed: ${r.stderr}`, rows: {} };
  const rows = Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((o) => [o.case, o]));
  return { about: 'native C: the core through its C API, build/native (SIMDe, -O3), bench_mlp.c', rows };
}

function timeEpochs(tr, k) {
  const t0 = performance.now();
  tr.epochs(k);
  return (performance.now() - t0) / k;
}

const fmt = (v, d = 3) => (v >= 100 ? v.toFixed(0) : v.toPrecision(d));
const results = [];
const native = nativeRows();
for (const c0 of CASES) {
  const c = caseData(c0);
  const w0 = (() => {
    const net = sc.createMLP({ layers: c.sizes, activation: 'tanh', output: c.sizes.at(-1) > 1 ? 'softmax' : 'linear', seed: 1 });
    const w = net.getWeights();
    net.dispose();
    return w;
  })();
  // check: one epoch from w0, weights against simcore SIMD's
  const live = [];
  let ref = null;
  for (const p of PEERS) {
    if (!p.make) continue;
    const tr = p.make(c, w0);
    const t0 = performance.now();
    tr.epochs(1);
    const probe = performance.now() - t0;
    const w = tr.weights();
    if (!ref) ref = w;
    const diff = relDiff(w, ref);
    live.push({ p, tr, k: Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(probe, 0.01))), samples: [], diff, slow: probe > 2000 });
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (let q = 0; q < live.length; q++) {
      const e = live[(q + r) % live.length];
      if (e.slow && e.samples.length >= 2) continue;
      e.samples.push(timeEpochs(e.tr, e.k));
    }
  }
  const base = median(live[0].samples), baseMin = Math.min(...live[0].samples);
  for (const e of live) {
    const ms = median(e.samples);
    results.push({ case: c.name, peer: e.p.id, ms, min: Math.min(...e.samples), n: e.samples.length, sps: c.count / (ms / 1000), ratio: ms / base,
      ratioMin: Math.min(...e.samples) / baseMin, diff: e.diff });
    e.tr.dispose?.();
  }
  const nat = native.rows[c.name];
  if (nat) results.push({ case: c.name, peer: 'native', ms: nat.epochMs, min: nat.minMs, n: 7, sps: nat.samplesPerSec, ratio: nat.epochMs / base, ratioMin: nat.minMs / baseMin, diff: null });
}

// The decision map: 200 x 200 outputs of a 2-64-64-1 net, one call.
const mapMs = (() => {
  const net = sc.createMLP({ layers: [2, 64, 64, 1], activation: 'tanh', seed: 1 });
  const g = { x0: -2, x1: 2, y0: -2, y1: 2, nx: 200, ny: 200 };
  net.predictGrid(g);
  const ms = Array.from({ length: 21 }, () => { const t0 = performance.now(); net.predictGrid(g); return performance.now() - t0; });
  net.dispose();
  return median(ms);
})();

const header = ['case', 'peer', 'epoch ms', 'min ms', 'n', 'samples/s', 'simcore SIMD speed-up', 'of minima', 'check'];
const rows = results.map((r) => [r.case, r.peer, fmt(r.ms), fmt(r.min), r.n, fmt(r.sps), r.peer === 'simcore-simd' ? '1' : `${fmt(r.ratio)}×`,
  r.peer === 'simcore-simd' ? '1' : `${fmt(r.ratioMin)}×`,
  r.diff === null ? '-' : r.diff <= 1e-3 ? `ok (${r.diff.toExponential(1)})` : `FAIL ${r.diff.toExponential(1)}`]);
const ALIGN = ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], ALIGN2 = ['l', 'l', 'r', 'r', 'l'];
console.log(textTable(header, rows, ALIGN));
console.log('\ntargets (simcore SIMD against):');
const summary = [];
for (const [peer, target] of Object.entries(TARGETS)) {
  for (const r of results.filter((x) => x.peer === peer)) {
    const got = r.ratio;
    summary.push([r.case, peer, `>= ${target}×`, `${fmt(got)}× (minima ${fmt(r.ratioMin)}×)`, got >= target ? 'ok' : 'MISS']);
  }
}
console.log(textTable(['case', 'peer', 'target', 'measured', ''], summary, ALIGN2));
console.log(`\nload average ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${cpus().length} cores (shared machine: compare ratios)`);
console.log(`\ndecision map 200x200, 2-64-64-1 (predictGrid, simcore SIMD): ${mapMs.toFixed(2)} ms (target <= 2 ms: ${mapMs <= 2 ? 'ok' : 'MISS'})`);
console.log('\nwhat is timed:');
for (const p of PEERS) console.log(`  ${p.id}: ${p.about}`);
console.log(`  native: ${native.about}`);
const md = opt('--markdown');
if (md) {
  writeFileSync(md, `${markdownTable(header, rows, ALIGN)}\n\n${markdownTable(['case', 'peer', 'target', 'measured', ''], summary, ALIGN2)}\n\n` +
    `Decision map 200×200, 2-64-64-1: ${mapMs.toFixed(2)} ms. Load average at the end: ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${cpus().length} cores.\n`);
}
