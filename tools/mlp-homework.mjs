// Lecture 3's homework as a table: Haykin's double moon (1000 training,
// 2000 test points) for the distance d from 1 down to −6, a 2-20-1 network
// with a logistic, tanh or ReLU hidden layer, trained by online BP from
// 20 seeds, against the 2-1 network (no hidden layer: a linear boundary).
// Prints the Markdown table docs/mlp.md quotes ("Homework analysis").
//
//   node tools/mlp-homework.mjs [--seeds 20] [--epochs 50]
//
// Needs the wasm build (make web). The protocol is the one of the test
// "the double moon at d = 1" in tests/wasm/mlp-train.test.mjs: inputs
// whitened with the training set's fit, online shuffled, η annealed
// linearly 0.1 → 1e-5, momentum α = 0.5, squared error on a linear output.
import { loadSimcore } from '../bindings/simcore.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SEEDS = option('seeds', 20);
const EPOCHS = option('epochs', 50);
const DISTANCES = [1, 0, -2, -4, -6];
const NETS = [
  { name: '2-20-1 logistic', layers: [2, 20, 1], activation: 'logistic' },
  { name: '2-20-1 tanh', layers: [2, 20, 1], activation: 'tanh' },
  { name: '2-20-1 ReLU', layers: [2, 20, 1], activation: 'relu' },
  { name: '2-20-1 ReLU, η 0.02', layers: [2, 20, 1], activation: 'relu', eta: 0.02 },
  { name: '2-1 (linear)', layers: [2, 1], activation: 'tanh' },
];

const sc = await loadSimcore();

/** Test error rates (%) of one network over the seeds, and the mean epoch time. */
function run(net, d) {
  const errors = [];
  let ms = 0;
  let diverged = 0;
  for (let s = 0; s < SEEDS; s++) {
    // Seed s draws its own data and initial weights: the spread covers both.
    const tr = sc.doubleMoon({ n: 1000, d, seed: 100 + 2 * s });
    const te = sc.doubleMoon({ n: 2000, d, seed: 101 + 2 * s });
    const pre = sc.fitPreprocess(tr.x, 2, { whiten: true });
    const mlp = sc.createMLP({ layers: net.layers, activation: net.activation, seed: s });
    const t0 = performance.now();
    try {
      mlp.fit(pre.apply(tr.x), Float32Array.from(tr.y), { epochs: EPOCHS, eta: net.eta ?? 0.1, etaEnd: 1e-5, alpha: 0.5 });
      errors.push(100 * mlp.errorRate(pre.apply(te.x), Float32Array.from(te.y)));
    } catch (e) {
      // The core refuses weights that overflow float32 (an unbounded ReLU
      // net can diverge at this η): counted, not averaged in.
      if (!(e instanceof RangeError)) throw e;
      diverged++;
    }
    ms += (performance.now() - t0) / EPOCHS;
    mlp.dispose();
  }
  return { errors, diverged, ms: ms / SEEDS };
}

function summary({ errors, diverged }) {
  const gone = diverged ? `, ${diverged} diverged` : '';
  if (!errors.length) return `all ${diverged} diverged`;
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  const sd = Math.sqrt(errors.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, errors.length - 1));
  const lo = Math.min(...errors);
  const hi = Math.max(...errors);
  return `${mean.toFixed(2)} ± ${sd.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})${gone}`;
}

console.log(`Test error rate in % over ${SEEDS} seeds: mean ± standard deviation (lowest–highest); ${EPOCHS} epochs.\n`);
console.log(`| d | ${NETS.map((n) => n.name).join(' | ')} |`);
console.log(`|---|${NETS.map(() => '---').join('|')}|`);
const times = new Map();
for (const d of DISTANCES) {
  const cells = NETS.map((net) => {
    const r = run(net, d);
    times.set(net.name, (times.get(net.name) ?? 0) + r.ms / DISTANCES.length);
    return summary(r);
  });
  console.log(`| ${d} | ${cells.join(' | ')} |`);
}
console.log(`\nMean time per online epoch (1000 samples): ${[...times].map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}.`);
