// The core's wasm modules (core/areas.txt): each `module` line is a smaller
// wasm holding one area and the areas it needs, which the pages of that area
// load. Each module, SIMD and scalar, must hold exactly its areas, attach
// only their binding areas, export every core function those binding areas
// call, and compute what the full core computes, bit for bit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BINDING_AREAS, loadSimcore } from '../../bindings/simcore.mjs';

const root = new URL('../../', import.meta.url);
const lines = (await readFile(new URL('core/areas.txt', root), 'utf8')).split('\n')
  .map((l) => l.trim().split(/\s+/)).filter((w) => w[0] === 'area' || w[0] === 'module');
const ORDER = lines.filter((w) => w[0] === 'area').map((w) => w[1]);
const MODULES = lines.filter((w) => w[0] === 'module').map((w) => w[1]);

/** An area and, recursively, what it needs, in the list's order. */
function closure(name) {
  const need = new Set();
  const visit = (a) => {
    if (need.has(a)) return;
    need.add(a);
    lines.find((w) => w[0] === 'area' && w[1] === a).slice(2).forEach(visit);
  };
  visit(name);
  return ORDER.filter((a) => need.has(a));
}

const wasmPath = (module, kind) => new URL(`dist/wasm/simcore-${module ? `${module}-` : ''}${kind}.wasm`, root);
const exportsOf = async (module, kind) => new Set(WebAssembly.Module.exports(
  await WebAssembly.compile(await readFile(wasmPath(module, kind)))).map((e) => e.name));

// The core functions each binding area calls, read from its source.
const calls = Object.fromEntries(await Promise.all(BINDING_AREAS.map(async (a) => {
  const src = await readFile(new URL(`bindings/${a.name}.mjs`, root), 'utf8');
  return [a.name, [...new Set([...src.matchAll(/\bex\.(sc_[a-z0-9_]+)/g)].map((m) => m[1]))]];
})));

// One member of each binding area.
const MEMBER = { conv: 'convolve2d', gabor: 'gaborFilter', hopfield: 'hopfield', linalg: 'gemm', mlp: 'createMLP',
  ode: 'integrate', optim: 'optimDescend', phase: 'equilibria', snn: 'createIzhikevichNetwork', boltzmann: 'createBoltzmann',
  lenet: 'createLeNet5', kernel: 'kde1d', svm: 'svmTrain' };

// One real computation per module, compared with the full core's.
const img = Float32Array.from({ length: 32 * 32 }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
const WORK = {
  gabor: (sc) => sc.gaborFilter(img, 32, 32, { sigma: 3, theta: 0.7, lambda: 8 }).real,
  phase: (sc) => sc.equilibria({ system: 'izhikevich', params: { a: 0.02, b: 0.2, c: -65, d: 8, I: 0 }, x: [-100, 0], y: [-40, 20] })
    .map((e) => [e.x, e.y, e.type]),
  hopfield: (sc) => {
    const pattern = Int8Array.from({ length: 64 }, (_, i) => (((i * 37) % 5) < 2 ? 1 : -1));
    const net = sc.hopfield(64).store([pattern]);
    const e = net.energy();
    net.dispose();
    return e;
  },
  mlp: (sc) => {
    const { x } = sc.doubleMoon({ n: 50, seed: 3 });
    const net = sc.createMLP({ layers: [2, 8, 1], seed: 5 });
    const out = net.predict(x);
    net.dispose();
    return out;
  },
  optim: (sc) => [...sc.optimDescend({ expression: 'sin(x)*cos(y) + 0.1*(x^2 + y^2)' }, { method: 'newton', start: [1.5, 1.2] }).path,
    ...sc.optimGrid('rosenbrock', { x0: -2, x1: 2, y0: -1, y1: 3, nx: 16, ny: 16 }).values],
  snn: (sc) => {
    const net = sc.createIzhikevichNetwork({ ne: 80, ni: 20, seed: 2 });
    const r = net.run(50);
    net.dispose();
    return r.spikeIndex;
  },
  boltzmann: (sc) => {
    const bm = sc.createBoltzmann({ visible: 4, hidden: 2, seed: 9 });
    const data = [1, 1, -1, -1, -1, 1, 1, -1];
    const trace = bm.learn(data, { epochs: 5, epsilon: 0.1 });
    const s = bm.sampleStats(data, { sweeps: 50, anneal: 5 });
    bm.dispose();
    return [...trace, ...s.model.pairs, ...s.data.means];
  },
  lenet: (sc) => {
    const images = Uint8Array.from({ length: 3 * 784 }, (_, i) => ((i * 7919) % 251) & 255);
    const labels = Uint8Array.from([1, 7, 3]);
    const net = sc.createLeNet5({ variant: 'lecun1998', seed: 4 });
    const { loss } = net.trainEpoch(images, labels);
    const out = [loss, ...net.predict(images), ...sc.lenetC3Table()];
    net.dispose();
    return out;
  },
  kernel: (sc) => {
    const x = Float64Array.from({ length: 40 }, (_, i) => 165 + 8 * Math.sin(i * 1.3));
    const xy = Float64Array.from({ length: 80 }, (_, i) => (i % 2 ? 0.9 * x[i >> 1] - 90 + Math.cos(i) : x[i >> 1]));
    const d1 = sc.kde1d(x, { bandwidth: 'lscv', grid: { from: 150, to: 180, n: 64 }, method: 'binned' });
    const d2 = sc.kde2d(xy, { grid: { x: { from: 150, to: 180, n: 16 }, y: { from: 40, to: 80, n: 12 } } });
    const r = sc.kernelRegression(x, xy.filter((_, i) => i % 2), { method: 'local-linear', at: { from: 155, to: 175, n: 9 } });
    const kde = [d1.bandwidth, ...d1.density, ...d2.density, r.bandwidth, ...r.yhat];
    const xs = Float64Array.from({ length: 60 }, (_, i) => Math.sin(i * 1.7) + (i % 4 < 2 ? 0.8 : -0.8));
    const labels = Array.from({ length: 30 }, (_, i) => (i % 2 ? -1 : 1));
    const m = sc.svmTrain(xs, labels, { kernel: 'rbf', C: 2, gamma: 0.7 });
    const out = [m.objective, m.b, ...m.alpha, ...m.decisionGrid({ x: { from: -2, to: 2, n: 5 }, y: { from: -2, to: 2, n: 5 } })];
    m.dispose();
    return [...kde, ...out, ...sc.svmCrossValidate(xs, labels, { C: [1, 4], gamma: [0.5, 2], folds: 3 }).accuracy];
  },
};

test('every module line has a computation here, and names an area; every binding area a member', () => {
  assert.deepEqual([...MODULES].sort(), Object.keys(WORK).sort());
  assert.deepEqual(BINDING_AREAS.map((a) => a.name).sort(), Object.keys(MEMBER).sort());
  for (const m of MODULES) assert.ok(ORDER.includes(m), `${m} is an area`);
});

for (const kind of ['simd', 'scalar']) {
  const full = await loadSimcore({ simd: kind === 'simd', module: undefined });
  const fullExports = await exportsOf('', kind);

  test(`${kind}: the full core holds every area and attaches every binding area`, () => {
    assert.deepEqual([...full.areas], ORDER);
    for (const a of BINDING_AREAS) {
      for (const fn of calls[a.name]) assert.ok(fullExports.has(fn), `${a.name} calls ${fn}, exported`);
    }
  });

  for (const m of MODULES) {
    test(`${kind}: module ${m} holds ${closure(m).join(', ')}; only their binding areas; the full core's results`, async () => {
      const sc = await loadSimcore({ simd: kind === 'simd', module: m });
      const want = closure(m);
      assert.deepEqual([...sc.areas], want);
      assert.equal(sc.simd, full.simd);
      assert.equal(sc.version, full.version);

      const ex = await exportsOf(m, kind);
      for (const name of ex) assert.ok(fullExports.has(name), `${name} is also in the full core`);
      assert.ok(ex.size < fullExports.size, 'a module exports less than the full core');
      const bytes = (await readFile(wasmPath(m, kind))).length;
      assert.ok(bytes < (await readFile(wasmPath('', kind))).length, 'and is smaller');

      const attached = BINDING_AREAS.filter((a) => want.includes(a.core));
      for (const a of attached) {
        for (const fn of calls[a.name]) assert.ok(ex.has(fn), `${a.name} calls ${fn}: the ${m} module exports it`);
      }
      // Members: those of the full core that the attached areas give, no others.
      const extra = Object.keys(sc).filter((k) => !Object.hasOwn(full, k));
      assert.deepEqual(extra, []);
      for (const [area, member] of Object.entries(MEMBER)) {
        assert.equal(typeof sc[member], want.includes(BINDING_AREAS.find((a) => a.name === area).core) ? 'function' : 'undefined', `${member} (${area})`);
      }
      if (!want.includes('ode')) assert.ok(!ex.has('sc_flat_ode_integrate'), 'an area it does not need is not linked');

      assert.deepEqual(WORK[m](sc), WORK[m](full));
    });
  }
}

test('a module that does not exist, or a malformed name, is an error naming it', async () => {
  await assert.rejects(loadSimcore({ module: 'nosuch' }), /simcore-nosuch-simd\.wasm/);
  await assert.rejects(loadSimcore({ module: '../x' }), TypeError);
  await assert.rejects(loadSimcore({ module: 3 }), /module must be an area's name/);
});
