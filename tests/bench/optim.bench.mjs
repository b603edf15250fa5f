// The optim area against plain JavaScript written as a student would write
// it (closed-form derivatives for the built-in, Math.* calls, Float64Array
// paths; central differences for a typed function compiled with Function,
// the usual way to evaluate a typed formula in JS):
//   1. gradient descent on Rosenbrock from (-1.2, 1), eta = 1e-3, 20000 steps
//   2. a 400 x 400 contour grid of Rosenbrock
//   3. gradient descent with momentum on sin(x)*cos(y) + 0.1*(x^2 + y^2),
//      5000 steps: exact jets in the core against central differences in JS
// Each number is the median of 7 samples taken round-robin; the machine is
// shared, so compare ratios. node tests/bench/optim.bench.mjs (after make build)
import { loadSimcore } from '../../bindings/simcore.mjs';

const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const [simd, scalar] = await Promise.all([loadSimcore({ simd: true }), loadSimcore({ simd: false })]);

function gdRosenbrockJs(steps) {
  const path = new Float64Array(2 * (steps + 1));
  let x = -1.2, y = 1;
  path[0] = x; path[1] = y;
  for (let k = 1; k <= steps; k++) {
    const r = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * r, gy = 200 * r;
    x -= 1e-3 * gx; y -= 1e-3 * gy;
    path[2 * k] = x; path[2 * k + 1] = y;
  }
  return path;
}

function gridRosenbrockJs(n) {
  const out = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = -1 + (3 * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      const x = -2 + (4 * i) / (n - 1), r = y - x * x;
      out[j * n + i] = (1 - x) * (1 - x) + 100 * r * r;
    }
  }
  return out;
}

const TEXT = 'sin(x)*cos(y) + 0.1*(x^2 + y^2)';
// How a page evaluates a typed formula in plain JS.
const fJs = new Function('x', 'y', 'return Math.sin(x)*Math.cos(y) + 0.1*(x**2 + y**2)');
function momentumFdJs(steps) {
  const h = 1e-6;
  const path = new Float64Array(2 * (steps + 1));
  let x = 1.5, y = 1.2, dx = 0, dy = 0;
  path[0] = x; path[1] = y;
  for (let k = 1; k <= steps; k++) {
    const gx = (fJs(x + h, y) - fJs(x - h, y)) / (2 * h), gy = (fJs(x, y + h) - fJs(x, y - h)) / (2 * h);
    dx = 0.5 * dx - 0.1 * gx; dy = 0.5 * dy - 0.1 * gy;
    x += dx; y += dy;
    path[2 * k] = x; path[2 * k + 1] = y;
  }
  return path;
}

const tiny = 1e-300; // never converged: every case takes all its steps
const cases = [
  {
    name: 'GD on Rosenbrock, 20000 steps', unit: 'Msteps/s', work: 20000 / 1e6,
    peers: {
      'plain JS (closed form)': () => gdRosenbrockJs(20000),
      'wasm simd': () => simd.optimDescend('rosenbrock', { start: [-1.2, 1], eta: 1e-3, tol: tiny, maxIterations: 20000 }).path,
      'wasm scalar': () => scalar.optimDescend('rosenbrock', { start: [-1.2, 1], eta: 1e-3, tol: tiny, maxIterations: 20000 }).path,
    },
  },
  {
    name: 'Rosenbrock grid 400 x 400', unit: 'Mpoints/s', work: 0.16,
    peers: {
      'plain JS': () => gridRosenbrockJs(400),
      'wasm simd': () => simd.optimGrid('rosenbrock', { x0: -2, x1: 2, y0: -1, y1: 2, nx: 400, ny: 400 }).values,
      'wasm scalar': () => scalar.optimGrid('rosenbrock', { x0: -2, x1: 2, y0: -1, y1: 2, nx: 400, ny: 400 }).values,
    },
  },
  {
    name: `momentum on ${TEXT}, 5000 steps`, unit: 'Msteps/s', work: 5000 / 1e6,
    peers: {
      'plain JS (Function, central differences)': () => momentumFdJs(5000),
      'wasm simd (exact jets)': () => simd.optimDescend({ expression: TEXT }, { method: 'momentum', start: [1.5, 1.2], eta: 0.1, alpha: 0.5, tol: tiny, maxIterations: 5000 }).path,
    },
  },
];

console.log('optim: median of 7 samples, round-robin; ratio to the first peer');
for (const c of cases) {
  const names = Object.keys(c.peers);
  // The peers compute the same thing: the paths agree (central differences to about 1e-8).
  const ref = c.peers[names[0]]();
  for (const n of names.slice(1)) {
    const out = c.peers[n]();
    let d = 0;
    for (let i = 0; i < ref.length; i++) d = Math.max(d, Math.abs(out[i] - ref[i]) / (1 + Math.abs(ref[i])));
    if (!(d < 1e-4)) throw new Error(`${c.name}: ${n} differs from ${names[0]} by ${d}`);
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let s = 0; s < 7; s++) {
    for (const n of names) {
      const t0 = performance.now();
      c.peers[n]();
      samples[n].push(performance.now() - t0);
    }
  }
  const base = median(samples[names[0]]);
  console.log(`  ${c.name}`);
  for (const n of names) {
    const ms = median(samples[n]);
    console.log(`    ${n.padEnd(42)} ${ms.toFixed(2).padStart(8)} ms  ${(c.work / (ms / 1000)).toFixed(1).padStart(7)} ${c.unit}  ${(base / ms).toFixed(2)}x`);
  }
}
