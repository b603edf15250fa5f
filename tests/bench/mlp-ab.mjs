// Online epochs (batch 1) of an older simcore tree against this one, in one
// process, interleaved (A B, B A, ...): how docs/mlp.md measured the online
// path before and after it left GEMM. Usage (both trees built, dist/wasm):
//   node tests/bench/mlp-ab.mjs OLD_ROOT
// Plain SGD, eta 0.01, samples in order; ReLU (the matrix work alone) and tanh.
const here = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
if (!process.argv[2]) throw new Error('usage: node tests/bench/mlp-ab.mjs OLD_ROOT');
const roots = { before: process.argv[2], after: here };
const scs = {};
for (const [k, r] of Object.entries(roots)) scs[k] = await (await import(r + '/bindings/simcore.mjs')).loadSimcore({ simd: true });
const { x, y } = scs.after.doubleMoon({ n: 1000, d: 1, seed: 11 });
const moon = { x: x.map((v) => v / 10), t: Float32Array.from(y) };
const cases = [['2-20-1', [2, 20, 1]], ['2-64-64-1', [2, 64, 64, 1]], ['784-100-10', [784, 100, 10]]];
let s = 1; const u = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
const mn = { x: Float32Array.from({ length: 1024 * 784 }, u), t: new Float32Array(1024 * 10) };
for (let i = 0; i < 1024; i++) mn.t[i * 10 + (i * 7) % 10] = 1;
const med = (a) => [...a].sort((p, q) => p - q)[a.length >> 1];
for (const act of ['relu', 'tanh']) for (const [name, layers] of cases) {
  const d = layers[0] === 2 ? moon : mn;
  const nets = Object.fromEntries(Object.entries(scs).map(([k, sc]) => [k, sc.createMLP({ layers, activation: act, output: layers.at(-1) > 1 ? 'softmax' : 'linear', seed: 1 })]));
  const k = layers[0] === 2 && layers.length === 3 ? 20 : 2;
  const t = { before: [], after: [] };
  for (let r = 0; r < 9; r++) for (const key of r % 2 ? ['after', 'before'] : ['before', 'after']) {
    const t0 = performance.now(); nets[key].train(d.x, d.t, { epochs: k, eta: 0.01, batch: 1, shuffle: false }); t[key].push((performance.now() - t0) / k);
  }
  console.log(`${act} ${name} online: before median ${med(t.before).toFixed(3)} min ${Math.min(...t.before).toFixed(3)} ms/epoch; after median ${med(t.after).toFixed(3)} min ${Math.min(...t.after).toFixed(3)}; x${(med(t.before) / med(t.after)).toFixed(2)} (median), x${(Math.min(...t.before) / Math.min(...t.after)).toFixed(2)} (min)`);
  Object.values(nets).forEach((n) => n.dispose());
}
