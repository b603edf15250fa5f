// Hopfield engine through the binding, in both wasm builds: learning rules
// against direct formulas computed here in double, dynamics against the
// model's invariants, SIMD build against scalar build bit for bit, and the
// argument checks and handle lifetime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };

// Deterministic xorshift32, as tests/native/check.h.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}
function randomSpins(next, length) {
  return Int8Array.from({ length }, () => ((next() >>> 7) & 1 ? 1 : -1));
}

// E = -1/2 s^T W s + theta^T s in double from the copied weights.
function energyOf(w, s, theta, n) {
  let e = 0;
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = 0; j < n; j++) h += w[i * n + j] * s[j];
    e += (-0.5 * h + (theta ? theta[i] : 0)) * s[i];
  }
  return e;
}

function fixedPoints(net, patterns, p, n) {
  let fixed = 0;
  for (let mu = 0; mu < p; mu++) {
    net.setState(patterns.subarray(mu * n, (mu + 1) * n));
    const sync = net.step({ mode: 'sync' });
    const async = net.step({ mode: 'async' });
    if (sync === 0 && async === 0) fixed++;
  }
  return fixed;
}

test('limits agree with the core', () => {
  const sc = builds.simd;
  assert.equal(sc.hopfieldLimits.maxNeurons, 4096);
  const big = sc.hopfield(4096); // 64 MiB of weights
  assert.equal(big.n, 4096);
  big.dispose();
  assert.throws(() => sc.hopfield(4097), { name: 'RangeError', message: /hopfield: n 4097 is out of range/ });
});

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: every rule gives a symmetric W with zero diagonal; Hebb is exactly (1/n) sum xi xi^T`, () => {
    const next = rng(11);
    const n = 37, p = 6;
    const x = randomSpins(next, p * n);
    const net = sc.hopfield(n);
    for (const rule of ['hebb', 'storkey', 'pseudoinverse']) {
      net.store(x, { rule });
      const w = net.weights();
      for (let i = 0; i < n; i++) {
        assert.equal(w[i * n + i], 0, `${rule} w_${i}${i}`);
        for (let j = 0; j < i; j++) assert.equal(w[i * n + j], w[j * n + i], `${rule} w_${i}${j}`);
      }
      if (rule === 'hebb') {
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let k = 0;
            for (let mu = 0; mu < p; mu++) k += x[mu * n + i] * x[mu * n + j];
            assert.equal(w[i * n + j], i === j ? 0 : Math.fround(k / n));
          }
        }
      }
    }
    net.dispose();
  });

  test(`${name}: Storkey matches a direct implementation of its formula`, () => {
    // Storkey 1997: w_ij += (1/n)(xi_i xi_j - xi_i h_ji - h_ij xi_j),
    // h_ij = sum_{k != i,j} w_ik xi_k; diagonal kept at 0.
    const next = rng(5);
    const n = 30, p = 7;
    const x = randomSpins(next, p * n);
    let w = new Float64Array(n * n);
    for (let mu = 0; mu < p; mu++) {
      const xi = x.subarray(mu * n, (mu + 1) * n);
      const nw = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          let hij = 0, hji = 0;
          for (let k = 0; k < n; k++) {
            if (k === i || k === j) continue;
            hij += w[i * n + k] * xi[k];
            hji += w[j * n + k] * xi[k];
          }
          nw[i * n + j] = w[i * n + j] + (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]) / n;
        }
      }
      w = nw;
    }
    const net = sc.hopfield(n).store(x, { rule: 'storkey' });
    const got = net.weights();
    // |w| ~ p/n; float storage and fields over p updates: ~1e-6 expected.
    let worst = 0;
    for (let k = 0; k < n * n; k++) worst = Math.max(worst, Math.abs(got[k] - w[k]));
    assert.ok(worst < 2e-5, `max |w - direct| = ${worst}`);
    net.dispose();
  });

  test(`${name}: energy never increases under asynchronous updates at T = 0 (random networks, thresholds)`, () => {
    const next = rng(2718);
    let updates = 0;
    for (let trial = 0; trial < 12; trial++) {
      const n = 10 + (next() % 60);
      const p = 1 + (next() % (1 + (n >> 2)));
      const rule = ['hebb', 'storkey', 'pseudoinverse'][trial % 3];
      const net = sc.hopfield(n).store(randomSpins(next, p * n), { rule });
      const theta = trial % 2 ? Float32Array.from({ length: n }, () => ((next() % 1000) / 1000 - 0.5) * 0.6) : null;
      if (theta) net.setThresholds(theta);
      const w = net.weights();
      // Float dot products of length n: |error| <= n 2^-23 sum |w| + |theta|.
      let scale = 0;
      for (const v of w) scale += Math.abs(v);
      if (theta) for (const v of theta) scale += Math.abs(v);
      const tol = n * 2 ** -23 * scale;
      for (let start = 0; start < 3; start++) {
        net.setState(randomSpins(next, n));
        let e = net.energy();
        assert.ok(Math.abs(e - energyOf(w, net.state, theta, n)) <= tol, 'core energy = JS energy');
        for (let k = 0; k < 4 * n; k++) {
          net.step({ order: [next() % n] });
          const e2 = net.energy();
          assert.ok(e2 <= e + tol, `energy rose from ${e} to ${e2} (n=${n}, ${rule})`);
          e = e2;
          updates++;
        }
        // And whole random-order sweeps until a fixed point.
        for (let s = 0; s < 20; s++) {
          const flips = net.step({ mode: 'async' });
          const e2 = net.energy();
          assert.ok(e2 <= e + tol);
          e = e2;
          if (flips === 0) break;
        }
      }
      net.dispose();
    }
    assert.ok(updates > 1000);
  });

  test(`${name}: stored patterns are fixed points at load 0.04 and are recalled from 10 % noise`, () => {
    const next = rng(99);
    const n = 200, p = 8;
    const x = randomSpins(next, p * n);
    for (const rule of ['hebb', 'storkey', 'pseudoinverse']) {
      const net = sc.hopfield(n).store(x, { rule });
      assert.equal(fixedPoints(net, x, p, n), p, rule);
      for (let mu = 0; mu < p; mu++) {
        const s = x.slice(mu * n, (mu + 1) * n);
        for (let k = 0; k < n / 10; k++) s[(k * 37 + mu) % n] *= -1; // 20 distinct neurons
        net.setState(s);
        const r = net.run({ mode: 'async', maxSweeps: 50, seed: mu + 1 });
        assert.equal(r.converged, true);
        assert.deepEqual(net.state, x.subarray(mu * n, (mu + 1) * n), `${rule}: pattern ${mu}`);
        assert.equal(net.overlaps()[mu], 1);
      }
      net.dispose();
    }
  });

  test(`${name}: the 2-node synchronous 2-cycle is detected; asynchronous updates settle`, () => {
    // nndl-discussion#1: w01 = w10 < 0, (-1,-1) <-> (1,1) at constant energy.
    const net = sc.hopfield(2).store(new Int8Array([1, -1]));
    assert.deepEqual([...net.weights()], [0, -0.5, -0.5, 0]);
    net.setState([-1, -1]);
    assert.equal(net.energy(), 0.5);
    assert.deepEqual(net.run({ mode: 'sync', maxSweeps: 100 }), { sweeps: 2, converged: false, cycle: 2 });
    assert.equal(net.energy(), 0.5);
    assert.equal(net.step({ mode: 'sync' }), 2);
    assert.deepEqual([...net.state], [1, 1]);
    const r = net.run({ mode: 'async' });
    assert.equal(r.converged, true);
    assert.equal(r.cycle, 0);
    assert.equal(net.energy(), -0.5);
    net.dispose();
  });

  test(`${name}: the pseudo-inverse rule stores correlated patterns that Hebb cannot`, () => {
    const next = rng(555);
    const n = 100, p = 10;
    const base = randomSpins(next, n);
    const x = new Int8Array(p * n);
    for (let mu = 0; mu < p; mu++) for (let i = 0; i < n; i++) x[mu * n + i] = next() % 100 < 15 ? -base[i] : base[i];
    const net = sc.hopfield(n);
    net.store(x, { rule: 'hebb' });
    const hebb = fixedPoints(net, x, p, n);
    net.store(x, { rule: 'pseudoinverse' });
    assert.equal(fixedPoints(net, x, p, n), p);
    assert.ok(hebb <= p / 2, `Hebb kept ${hebb} of ${p}`);
    net.dispose();
  });

  test(`${name}: high temperature decorrelates; annealing ends on a stored pattern`, () => {
    const next = rng(8080);
    const n = 256, p = 3;
    const x = randomSpins(next, p * n);
    const net = sc.hopfield(n).store(x).seed(17);
    net.setState(x.subarray(0, n));
    for (let k = 0; k < 20; k++) net.step({ temperature: 50 });
    // Chance level is 1/sqrt(n) = 0.0625; 0.25 is four of those.
    for (const m of net.overlaps()) assert.ok(Math.abs(m) < 0.25, `overlap ${m} at T = 50`);
    for (let k = 0; k < 5; k++) {
      net.setState(randomSpins(next, n));
      net.anneal({ from: 2, to: 0.02, sweeps: 200 });
      const r = net.run();
      assert.equal(r.sweeps, 1);
      const best = Math.max(...[...net.overlaps()].map(Math.abs));
      assert.equal(best, 1, `annealed run ${k} ended at max |m| = ${best}`);
    }
    net.dispose();
  });

  test(`${name}: bad input gets a TypeError or RangeError naming the argument`, () => {
    assert.throws(() => sc.hopfield(0), { name: 'RangeError', message: /hopfield: n 0/ });
    assert.throws(() => sc.hopfield(2.5), { name: 'RangeError', message: /n 2.5/ });
    assert.throws(() => sc.hopfield('8'), { name: 'TypeError', message: /n must be an integer/ });
    const net = sc.hopfield(4);
    assert.throws(() => net.setState([1, -1, 1]), { name: 'RangeError', message: /setState: state has length 3, expected 4/ });
    assert.throws(() => net.setState([1, 0, 1, 1]), { name: 'RangeError', message: /state\[1\] is 0; values must be -1 or \+1/ });
    assert.throws(() => net.setState('1111'), { name: 'TypeError', message: /state must be/ });
    assert.throws(() => net.store(new Int8Array([1, 1, 1])), { name: 'RangeError', message: /store: patterns has length 3/ });
    assert.throws(() => net.store(new Int8Array(20).fill(1)), { name: 'RangeError', message: /count 1..4/ });
    assert.throws(() => net.store([1, 1, 2, 1]), { name: 'RangeError', message: /patterns\[2\] is 2/ });
    assert.throws(() => net.store([1, 1, 1, 1], { rule: 'oja' }), { name: 'RangeError', message: /unknown rule "oja"/ });
    assert.throws(() => net.store([1, 1, 1, 1], { rules: 'hebb' }), { name: 'RangeError', message: /unknown option 'rules'/ });
    assert.throws(() => net.step({ mode: 'parallel' }), { name: 'RangeError', message: /step: unknown mode "parallel"/ });
    assert.throws(() => net.step({ temperature: NaN }), { name: 'RangeError', message: /temperature must be finite/ });
    assert.throws(() => net.run({ temperature: Infinity }), { name: 'RangeError', message: /temperature must be finite/ });
    assert.throws(() => net.step({ temperature: -1 }), { name: 'RangeError', message: /temperature -1/ });
    assert.throws(() => net.step({ order: [0, 4] }), { name: 'RangeError', message: /order\[1\] 4 is out of range/ });
    assert.throws(() => net.step({ mode: 'sync', order: [0] }), { name: 'RangeError', message: /order is only for mode 'async'/ });
    assert.throws(() => net.run({ maxSweeps: 0 }), { name: 'RangeError', message: /maxSweeps 0/ });
    assert.throws(() => net.anneal({ from: 0.1, to: 1, sweeps: 10 }), { name: 'RangeError', message: /anneal: from 0.1/ });
    assert.throws(() => net.anneal({ from: 1, to: 0, sweeps: 10 }), { name: 'RangeError', message: /to 0 must be > 0/ });
    assert.throws(() => net.anneal({ from: 1, to: 0.1 }), { name: 'TypeError', message: /sweeps must be an integer/ });
    assert.throws(() => net.setThresholds([0, 0, NaN, 0]), { name: 'RangeError', message: /theta: value is not finite/ });
    assert.throws(() => net.seed(-1), { name: 'RangeError', message: /seed -1/ });
    assert.throws(() => sc.hopfieldCapacity({ n: 10, loads: [0.1], noise: 0.7 }), { name: 'RangeError', message: /noise 0.7/ });
    assert.throws(() => sc.hopfieldCapacity({ n: 10, loads: [2] }), { name: 'RangeError', message: /loads\[0\] 2/ });
    assert.throws(() => sc.hopfieldCapacity({ n: 10 }), { name: 'TypeError', message: /exactly one of loads/ });
    // The module is still usable after every error.
    net.store([1, -1, 1, -1]).setState([1, -1, 1, -1]);
    assert.equal(net.step(), 0);
    net.dispose();
  });

  test(`${name}: a disposed network throws a clear Error; the pool is bounded and recycled`, () => {
    const net = sc.hopfield(8);
    net.dispose();
    net.dispose(); // idempotent
    assert.equal(net.disposed, true);
    assert.throws(() => net.step(), { name: 'Error', message: 'hopfield.step: this network was disposed' });
    assert.throws(() => net.state, { message: /hopfield.state: this network was disposed/ });
    const nets = [];
    for (let k = 0; k < sc.hopfieldLimits.maxNetworks; k++) nets.push(sc.hopfield(2));
    assert.throws(() => sc.hopfield(2), { name: 'Error', message: /network pool/ });
    nets.pop().dispose();
    nets.push(sc.hopfield(2));
    for (const m of nets) m.dispose();
  });

  test(`${name}: memoryBytes stays flat over many create/dispose cycles`, () => {
    const next = rng(3);
    const x = randomSpins(next, 20 * 300);
    let k = 0;
    const cycle = () => {
      // Every rule, and both Hebb count widths (int8 for p <= 127, int16 above).
      const [rule, p] = [['storkey', 20], ['hebb', 20], ['pseudoinverse', 20], ['hebb', 140]][k++ % 4];
      const net = sc.hopfield(300).store(x.subarray(0, p * 300), { rule });
      net.setState(x.subarray(0, 300));
      net.run({ mode: 'sync' });
      net.weights();
      net.dispose();
    };
    for (let r = 0; r < 4; r++) cycle();
    const before = sc.memoryBytes();
    for (let r = 0; r < 200; r++) cycle();
    assert.equal(sc.memoryBytes(), before);
  });

  test(`${name}: capacity experiment is seeded and falls off with load`, () => {
    const opts = { n: 100, noise: 0.1, trials: 4, loads: [0.02, 0.05, 0.3], seed: 7 };
    const a = sc.hopfieldCapacity(opts);
    const b = sc.hopfieldCapacity(opts);
    assert.deepEqual(a, b);
    assert.deepEqual([...a.counts], [2, 5, 30]);
    assert.equal(a.recall[0], 1);
    assert.ok(a.recall[2] < 0.2, `Hebb recall at load 0.3: ${a.recall[2]}`);
    const pinv = sc.hopfieldCapacity({ ...opts, rule: 'pseudoinverse' });
    assert.ok(pinv.recall[2] > a.recall[2] + 0.3, `pseudo-inverse ${pinv.recall[2]} vs Hebb ${a.recall[2]}`);
    assert.deepEqual(sc.hopfieldCapacity({ n: 100, counts: [2, 5, 30], trials: 4, seed: 7 }), a);
  });
}

// Storkey exercises the float kernels; Hebb with 25 patterns the int8 counts
// and with 140 the int16 counts.
for (const [rule, p] of [['storkey', 25], ['hebb', 25], ['hebb', 140], ['pseudoinverse', 25]]) {
  test(`SIMD and scalar builds give identical local fields and identical runs (${rule}, p = ${p})`, () => {
    const next = rng(42);
    const n = 301;
    const x = randomSpins(next, p * n);
    const start = randomSpins(next, n);
    const theta = Float32Array.from({ length: n }, () => ((next() % 1000) / 1000 - 0.5) * 0.2);
    const trace = (sc) => {
      const net = sc.hopfield(n).store(x, { rule }).setThresholds(theta).seed(9);
      net.setState(start);
      const out = { fields: net.fields(), weights: net.weights() };
      out.sync = net.run({ mode: 'sync', maxSweeps: 30 });
      out.e1 = net.energy();
      net.step({ temperature: 0.4 });
      net.step({ mode: 'sync', temperature: 0.4 });
      out.e2 = net.energy();
      out.anneal = net.anneal({ from: 1, to: 0.05, sweeps: 40 });
      out.async = net.run();
      out.e3 = net.energy();
      out.state = net.state;
      out.overlaps = net.overlaps();
      net.dispose();
      return out;
    };
    const a = trace(builds.simd);
    const b = trace(builds.scalar);
    assert.deepEqual(a, b); // typed arrays compared element by element, exactly
  });
}

test('Hebb local fields are exact: h_i = fround(K_i / n) with K_i an integer sum', () => {
  const next = rng(321);
  const n = 150;
  for (const p of [9, 140]) {
    const x = randomSpins(next, p * n);
    const s = randomSpins(next, n);
    for (const sc of Object.values(builds)) {
      const net = sc.hopfield(n).store(x).setState(s);
      const h = net.fields();
      for (let i = 0; i < n; i++) {
        let k = 0;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          let kij = 0;
          for (let mu = 0; mu < p; mu++) kij += x[mu * n + i] * x[mu * n + j];
          k += kij * s[j];
        }
        assert.equal(h[i], Math.fround(k / n), `p=${p} h_${i}`);
      }
      net.dispose();
    }
  }
});

test('bindings/hopfield.d.ts declares exactly what the binding provides', async () => {
  const { readFile } = await import('node:fs/promises');
  const { transform } = await import('esbuild');
  const dts = await readFile(new URL('../../bindings/hopfield.d.ts', import.meta.url), 'utf8');
  assert.equal((await transform(dts, { loader: 'ts' })).warnings.length, 0);
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const members = (name) => {
    const m = code.match(new RegExp(`export interface ${name}(?: extends [^{]+)? \\{([^}]*)\\}`));
    assert.ok(m, `interface ${name}`);
    return [...m[1].matchAll(/^ {2}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:]/gm)].map((x) => x[1]).sort();
  };
  const literals = (type) => [...code.match(new RegExp(`export type ${type} =([^;]*);`))[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
  const { HOPFIELD_RULES, HOPFIELD_MODES } = await import('../../bindings/hopfield.mjs');
  const sc = builds.simd;
  const net = sc.hopfield(3);
  assert.deepEqual(members('HopfieldNetwork'), Object.keys(net).sort());
  assert.deepEqual(members('HopfieldApi'), Object.keys(sc).filter((k) => k.startsWith('hopfield')).sort());
  assert.deepEqual(members('HopfieldLimits'), Object.keys(sc.hopfieldLimits).sort());
  assert.deepEqual(literals('HopfieldRule'), [...HOPFIELD_RULES]);
  assert.deepEqual(literals('HopfieldMode'), [...HOPFIELD_MODES]);
  assert.deepEqual(members('HopfieldRunResult'), Object.keys(net.run()).sort());
  assert.deepEqual(members('HopfieldStoreOptions'), ['rule']);
  assert.deepEqual(members('HopfieldRunOptions'), ['maxSweeps']); // + HopfieldStepOptions
  assert.deepEqual(members('HopfieldStepOptions'), ['temperature']); // + HopfieldDynamics
  assert.deepEqual(members('HopfieldDynamics'), ['mode', 'order', 'seed']);
  assert.deepEqual(members('HopfieldAnnealOptions'), ['from', 'sweeps', 'to']);
  assert.deepEqual(members('HopfieldCapacityOptions'), ['counts', 'loads', 'maxSweeps', 'n', 'noise', 'rule', 'seed', 'trials']);
  assert.deepEqual(members('HopfieldCapacityResult'), Object.keys(sc.hopfieldCapacity({ n: 3, counts: [1], trials: 1 })).sort());
  net.dispose();
});

// advance(), the animation's one call per frame (docs/hopfield.md, "Advancing").
for (const [kind, sc] of Object.entries(builds)) {
  test(`${kind}: advance in frame-sized chunks equals step(), cooling with hopfieldAnnealTemperature equals anneal()`, () => {
    const n = 64;
    const r = (() => { let s = 7; return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32); })();
    const pats = Array.from({ length: 4 }, () => Int8Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1)));
    const start = Int8Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1));
    const twin = () => sc.hopfield(n).store(pats, { rule: 'storkey' }).setState(start).seed(9);
    for (const temperature of [0, 0.3]) {
      const a = twin(), b = twin();
      for (let k = 0; k < 5; k++) a.step({ temperature });
      let made = 0;
      for (const chunk of [1, 7, 64, 100, 3]) made += b.advance({ temperature, updates: Math.min(chunk, 5 * n - made) }).updates;
      while (made < 5 * n) made += b.advance({ temperature, updates: 5 * n - made }).updates;
      assert.deepEqual(b.state, a.state, `T = ${temperature}`);
      a.dispose();
      b.dispose();
    }
    const a = twin(), b = twin();
    a.anneal({ from: 3, to: 0.1, sweeps: 12 });
    for (let k = 0; k < 12; k++) b.advance({ temperature: sc.hopfieldAnnealTemperature(3, 0.1, 12, k), updates: n });
    assert.deepEqual(b.state, a.state);
    assert.ok(Math.abs(sc.hopfieldAnnealTemperature(3, 0.1, 12, 11) - 0.1) < 1e-7);
    // At T = 0 from a stored pattern: one quiet sweep, then rest.
    const c = twin().setState(pats[0]);
    const rest = c.advance({ updates: 10 * n });
    assert.equal(rest.end, 'fixed');
    assert.equal(rest.updates, n);
    assert.equal(rest.flips, 0);
    assert.ok(rest.last >= 0 && rest.last < n);
    assert.equal(c.advance({ temperature: 0.5, updates: 2 * n }).end, null, 'no rest claimed at T > 0');
    // One call per frame: the state to draw and the energy trace come with it.
    const frame = c.advance({ temperature: 0.5, updates: 3 * n, recordEvery: n / 4 });
    assert.equal(frame.energies.length, 12);
    assert.deepEqual(frame.state, c.state);
    assert.ok(Math.abs(frame.energies[11] - c.energy()) < 1e-12 * (1 + Math.abs(c.energy())));
    for (const net of [a, b, c]) net.dispose();
  });
}
