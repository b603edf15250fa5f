// ODE benchmark (issue 4): batch RK4 state-steps per second for linear2d and
// izhikevich, and direction-field points per second on a 512 x 512 grid, for
// plain JS, simcore's scalar and SIMD wasm builds, and native C (bench_ode).
// Targets: SIMD batch >= 3x the scalar wasm build and >= 5x plain JS.
// Medians over rounds; each round runs every peer once, rotating the start.
// Not a test: a missed target prints MISS, the exit code stays 0.
//   node tests/bench/ode.bench.mjs [--rounds N] [--count N] [--steps N] [--grid N]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSimcore } from '../../bindings/simcore.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), Number(all[i + 1])]] : acc), []));
const ROUNDS = args.rounds ?? 9;
const COUNT = args.count ?? 4096;
const STEPS = args.steps ?? 200;
const GRID = args.grid ?? 512;

const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };

// Plain JS peers: the fastest plain JS we could write for the same work, as a
// performance-minded page author would: one function per system (the right-
// hand side inlined, constants in locals), states in one flat Float32Array
// (float32 between steps, like the core), double arithmetic, the same RK4
// stages as the core. The step loop is outside the loop over states: the
// states of one step are independent, so the CPU overlaps them, where one
// state at a time runs as one long dependent chain (about 2x slower here).
function jsBatchLinear({ a, b, c, d }, y, count, dt, steps) {
  const h = dt, hh = dt / 2, h6 = dt / 6, end = 2 * count;
  for (let s = 0; s < steps; s++) {
    for (let o = 0; o < end; o += 2) {
      const x = y[o], z = y[o + 1];
      const k1x = a * x + b * z, k1z = c * x + d * z;
      let tx = x + hh * k1x, tz = z + hh * k1z;
      const k2x = a * tx + b * tz, k2z = c * tx + d * tz;
      tx = x + hh * k2x; tz = z + hh * k2z;
      const k3x = a * tx + b * tz, k3z = c * tx + d * tz;
      tx = x + h * k3x; tz = z + h * k3z;
      const k4x = a * tx + b * tz, k4z = c * tx + d * tz;
      y[o] = x + h6 * (k1x + 2 * (k2x + k3x) + k4x);
      y[o + 1] = z + h6 * (k1z + 2 * (k2z + k3z) + k4z);
    }
  }
  return y;
}

function jsBatchIzhikevich({ a, b, c, d, I, k2, k1, k0, vpeak }, y, count, dt, steps) {
  const h = dt, hh = dt / 2, h6 = dt / 6, k0I = k0 + I, end = 2 * count;
  for (let s = 0; s < steps; s++) {
    for (let o = 0; o < end; o += 2) {
      const v = y[o], u = y[o + 1];
      const a1 = (k2 * v + k1) * v + k0I - u, b1 = a * (b * v - u);
      let tv = v + hh * a1, tu = u + hh * b1;
      const a2 = (k2 * tv + k1) * tv + k0I - tu, b2 = a * (b * tv - tu);
      tv = v + hh * a2; tu = u + hh * b2;
      const a3 = (k2 * tv + k1) * tv + k0I - tu, b3 = a * (b * tv - tu);
      tv = v + h * a3; tu = u + h * b3;
      const a4 = (k2 * tv + k1) * tv + k0I - tu, b4 = a * (b * tv - tu);
      const nv = v + h6 * (a1 + 2 * (a2 + a3) + a4), nu = u + h6 * (b1 + 2 * (b2 + b3) + b4);
      if (nv >= vpeak) { y[o] = c; y[o + 1] = nu + d; } else { y[o] = nv; y[o + 1] = nu; }
    }
  }
  return y;
}

const jsBatch = (system, p, y, count, dt, steps) =>
  (system === 'linear2d' ? jsBatchLinear : jsBatchIzhikevich)(p, y, count, dt, steps);

// Direction fields: one loop per system, constants in locals.
function jsFieldLinear({ a, b, c, d }, [x0, x1, nx], [y0, y1, ny], out) {
  const hx = (x1 - x0) / (nx - 1), hy = (y1 - y0) / (ny - 1);
  for (let j = 0, o = 0; j < ny; j++) {
    const y = y0 + j * hy, by = b * y, dy = d * y;
    for (let i = 0; i < nx; i++, o += 2) {
      const x = x0 + i * hx;
      out[o] = a * x + by;
      out[o + 1] = c * x + dy;
    }
  }
  return out;
}

function jsFieldIzhikevich({ a, b, I, k2, k1, k0 }, [x0, x1, nx], [y0, y1, ny], out) {
  const hx = (x1 - x0) / (nx - 1), hy = (y1 - y0) / (ny - 1);
  for (let j = 0, o = 0; j < ny; j++) {
    const y = y0 + j * hy, k0Iy = k0 + I - y;
    for (let i = 0; i < nx; i++, o += 2) {
      const x = x0 + i * hx;
      out[o] = (k2 * x + k1) * x + k0Iy;
      out[o + 1] = a * (b * x - y);
    }
  }
  return out;
}

const jsField = (system, p, x, y, out) => (system === 'linear2d' ? jsFieldLinear : jsFieldIzhikevich)(p, x, y, out);

function states(system) {
  const y = new Float32Array(2 * COUNT);
  for (let i = 0; i < COUNT; i++) {
    if (system === 'izhikevich') y.set([-70 + (i % 37), -14 + (i % 5)], 2 * i);
    else y.set([(i % 101) / 50 - 1, (i % 67) / 33 - 1], 2 * i);
  }
  return y;
}

const simd = await loadSimcore();
const scalar = await loadSimcore({ simd: false });
let native = null;
const exe = join(ROOT, 'build/native/bench_ode');
if (existsSync(exe)) {
  const r = spawnSync(exe, ['--count', String(COUNT), '--steps', String(STEPS), '--grid', String(GRID), '--reps', String(ROUNDS)], { encoding: 'utf8' });
  if (r.status === 0) native = JSON.parse(r.stdout);
}

// Fraction of states (x, y pairs) where plain JS and the core agree to 1e-3
// (relative to 1 + |value|).
function sameStates(a, b) {
  let same = 0;
  for (let i = 0; i < a.length; i += 2) {
    same += Math.abs(a[i] - b[i]) <= 1e-3 * (1 + Math.abs(b[i])) && Math.abs(a[i + 1] - b[i + 1]) <= 1e-3 * (1 + Math.abs(b[i + 1]));
  }
  return (2 * same) / a.length;
}

const DT = { linear2d: 0.01, izhikevich: 0.1 };
const rows = [];
for (const system of ['linear2d', 'izhikevich']) {
  const p = simd.systems[system].defaults;
  const peers = {
    'plain JS': () => jsBatch(system, p, states(system), COUNT, DT[system], STEPS),
    'simcore scalar': () => scalar.integrateBatch({ system, y0s: states(system), dt: DT[system], steps: STEPS }),
    'simcore SIMD': () => simd.integrateBatch({ system, y0s: states(system), dt: DT[system], steps: STEPS }),
  };
  const t = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
  // warm-up, and the same answer: plain JS (double stages) against the core
  // (float32 stages); the fraction of states within 1e-3 of each other (spike
  // resets can shift by a step when rounding differs near the peak).
  const outs = Object.values(peers).map((f) => f());
  const agree = sameStates(outs[0], outs[2].y ?? outs[2]);
  const names = Object.keys(peers);
  for (let r = 0; r < ROUNDS; r++) for (let k = 0; k < names.length; k++) { const n = names[(k + r) % names.length]; t[n].push(time(peers[n])); }
  const med = Object.fromEntries(names.map((n) => [n, median(t[n])]));
  const nat = native?.batch[`${system}/rk4/simd`]?.ms;
  rows.push({ what: `batch RK4 ${system} (${COUNT} states x ${STEPS} steps)`, med, nat, unit: COUNT * STEPS, agree });
}
for (const system of ['linear2d', 'izhikevich']) {
  const p = simd.systems[system].defaults;
  const x = system === 'linear2d' ? [-2, 2, GRID] : [-90, 30, GRID], y = system === 'linear2d' ? [-2, 2, GRID] : [-30, 30, GRID];
  // every peer writes into an array it reuses (as an animation would)
  const outJs = new Float32Array(2 * GRID * GRID), out1 = outJs.slice(), out2 = outJs.slice();
  const peers = {
    'plain JS': () => jsField(system, p, x, y, outJs),
    'simcore scalar': () => scalar.directionField({ system, x, y, out: out1 }),
    'simcore SIMD': () => simd.directionField({ system, x, y, out: out2 }),
  };
  const t = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
  for (const f of Object.values(peers)) f();
  const names = Object.keys(peers);
  for (let r = 0; r < ROUNDS; r++) for (let k = 0; k < names.length; k++) { const n = names[(k + r) % names.length]; t[n].push(time(peers[n])); }
  rows.push({ what: `direction field ${system} ${GRID}x${GRID}`, med: Object.fromEntries(names.map((n) => [n, median(t[n])])),
    nat: native?.field[`${system}/simd`]?.ms, unit: GRID * GRID });
}

const fmt = (ms, unit) => `${ms.toFixed(3)} ms (${(unit / ms / 1e3).toFixed(1)} M/s)`;
console.log(`ODE benchmark: medians of ${ROUNDS} rounds; M/s = million state-steps (batch) or points (field) per second`);
for (const r of rows) {
  console.log(`\n${r.what}`);
  for (const [n, ms] of Object.entries(r.med)) console.log(`  ${n.padEnd(16)} ${fmt(ms, r.unit)}`);
  if (r.agree !== undefined) console.log(`  plain JS and simcore SIMD agree on ${(100 * r.agree).toFixed(1)} % of states`);
  console.log(`  ${'native C SIMD'.padEnd(16)} ${r.nat === undefined ? 'unavailable (build/native/bench_ode)' : fmt(r.nat, r.unit) + ' (kernel only)'}`);
  const vsScalar = r.med['simcore scalar'] / r.med['simcore SIMD'], vsJs = r.med['plain JS'] / r.med['simcore SIMD'];
  const target = r.what.startsWith('batch');
  console.log(`  SIMD vs scalar wasm ${vsScalar.toFixed(2)}x${target ? (vsScalar >= 3 ? ' (target 3x: ok)' : ' (target 3x: MISS)') : ''}; ` +
    `vs plain JS ${vsJs.toFixed(2)}x${target ? (vsJs >= 5 ? ' (target 5x: ok)' : ' (target 5x: MISS)') : ''}`);
}
