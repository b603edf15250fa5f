// The snn binding on both wasm builds: net.m's network through
// createIzhikevichNetwork (rates, determinism per seed, reset, traces,
// spike bookkeeping) and the rate spectrum's alpha and gamma peaks. The
// bit-for-bit replication of net.m is tests/native/test_snn.c.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

for (const simd of [true, false]) {
  test(`snn (${simd ? 'simd' : 'scalar'} build): net.m network`, async () => {
    const sc = await loadSimcore({ simd });
    const net = sc.createIzhikevichNetwork({ seed: 7 });
    const { spikeTimes, spikeIndex, rate } = net.run(1000);
    // The native test measured 7482 spikes for seed 7 (the same double arithmetic).
    assert.equal(spikeIndex.length, 7482);
    assert.equal(net.time, 1000);
    assert.equal(rate.length, 1000);
    const fromRate = rate.reduce((s, r) => s + r, 0) * 1000 / 1000; // spikes = sum(rate Hz) * N / 1000 steps per s
    assert.ok(Math.abs(fromRate - spikeIndex.length) < 0.5, `rate sums to the spikes: ${fromRate}`);
    for (let k = 1; k < spikeTimes.length; k++) assert.ok(spikeTimes[k] >= spikeTimes[k - 1], 'times ordered');
    assert.ok(spikeIndex.every((i) => i >= 0 && i < 1000));
    const { v, u } = net.trace([0, 999]);
    assert.ok(v.every((x) => x > -100 && x < 40) && u.every(Number.isFinite), `trace ${v} ${u}`);
    net.reset();
    const again = net.run(1000);
    assert.deepEqual(again.spikeIndex, spikeIndex, 'reset replays the run');
    net.dispose();
    assert.throws(() => net.run(1), /disposed/);
    const other = sc.createIzhikevichNetwork({ seed: 8 });
    assert.notDeepEqual(other.run(1000).spikeIndex, spikeIndex);
    other.dispose();
  });

  test(`snn (${simd ? 'simd' : 'scalar'} build): rhythms`, async () => {
    const sc = await loadSimcore({ simd });
    const net = sc.createIzhikevichNetwork({ seed: 5 });
    const { rate } = net.run(10000);
    net.dispose();
    const { freq, power } = sc.rateSpectrum(rate, { segment: 500 });
    const peak = (lo, hi) => {
      let best = -1;
      for (let k = 0; k < freq.length; k++) if (freq[k] >= lo && freq[k] <= hi && (best < 0 || power[k] > power[best])) best = k;
      return freq[best];
    };
    const alpha = peak(6, 14);
    const gamma = peak(24, 50);
    assert.ok(alpha > 6 && alpha < 14, `alpha peak ${alpha} Hz`);
    assert.ok(gamma > 24 && gamma < 50, `gamma peak ${gamma} Hz`);
    assert.throws(() => sc.rateSpectrum(rate, { segment: 77 }), RangeError);
    assert.throws(() => sc.createIzhikevichNetwork({ ne: 4000, ni: 1 }), RangeError);
    assert.throws(() => sc.createIzhikevichNetwork({ noise: { exc: NaN } }), RangeError);
    assert.throws(() => sc.createIzhikevichNetwork({ scheme: 'rk4' }), RangeError);
  });
}

// The fast mode (float32, SIMD, its own noise): the SIMD and scalar builds
// give the same spikes bit for bit (the kernel and its scalar reference do
// the same operations), its rate matches the exact mode's, and it keeps the
// rhythms; reset replays it.
test('snn fast mode: the same spikes in both builds, the exact mode\'s rate and rhythms', async () => {
  const runs = {};
  for (const simd of [true, false]) {
    const sc = await loadSimcore({ simd });
    const net = sc.createIzhikevichNetwork({ seed: 5, mode: 'fast' });
    runs[simd] = net.run(10000);
    net.reset();
    assert.deepEqual(net.run(500).spikeIndex, runs[simd].spikeIndex.subarray(0, runs[simd].spikeTimes.findIndex((t) => t >= 500)), 'reset replays');
    net.dispose();
  }
  assert.deepEqual(runs[true].spikeIndex, runs[false].spikeIndex);
  assert.deepEqual(runs[true].spikeTimes, runs[false].spikeTimes);
  const sc = await loadSimcore();
  const exact = sc.createIzhikevichNetwork({ seed: 5 });
  const e = exact.run(10000);
  exact.dispose();
  const fast = runs[true].spikeIndex.length;
  assert.ok(Math.abs(fast - e.spikeIndex.length) < 0.1 * e.spikeIndex.length, `fast ${fast} spikes, exact ${e.spikeIndex.length}`);
  const { freq, power } = sc.rateSpectrum(runs[true].rate, { segment: 500 });
  const peak = (lo, hi) => {
    let best = -1;
    for (let k = 0; k < freq.length; k++) if (freq[k] >= lo && freq[k] <= hi && (best < 0 || power[k] > power[best])) best = k;
    return freq[best];
  };
  assert.ok(peak(6, 14) > 6 && peak(6, 14) < 14 && peak(24, 50) > 24 && peak(24, 50) < 50, 'alpha and gamma peaks');
  assert.throws(() => sc.createIzhikevichNetwork({ mode: 'f32' }), /mode/);
});

test('snn sparse coupling: 20000 neurons with in-degree 100, same spikes in both builds, rates in the dense regime', async () => {
  const runs = [];
  for (const simd of [true, false]) {
    const sc = await loadSimcore({ simd });
    assert.equal(sc.snnLimits.maxSparseNeurons, 200000);
    const net = sc.createIzhikevichNetwork({ ne: 16000, ni: 4000, seed: 2, coupling: { inDegree: 100 } });
    runs.push(net.run(200));
    net.dispose();
    assert.throws(() => sc.createIzhikevichNetwork({ ne: 16000, ni: 4000 }), /ne 16000 is out of range \(integer 0..4000\)/);
    assert.throws(() => sc.createIzhikevichNetwork({ coupling: { inDegree: 100 }, mode: 'exact' }), /needs mode 'fast'/);
    assert.throws(() => sc.createIzhikevichNetwork({ coupling: { inDegree: 0 } }), /coupling.inDegree/);
    assert.throws(() => sc.createIzhikevichNetwork({ coupling: 'sparse' }), TypeError);
  }
  assert.deepEqual(runs[0].spikeIndex, runs[1].spikeIndex);
  const hz = (runs[0].spikeIndex.length * 1000) / 200 / 20000;
  assert.ok(hz > 2 && hz < 40, `mean rate ${hz} Hz`);
});

test('snn: inputs far outside the model drive the state out of range: a RangeError, not NaN states', async () => {
  const sc = await loadSimcore();
  for (const mode of ['exact', 'fast']) {
    const net = sc.createIzhikevichNetwork({ ne: 8, ni: 2, noise: { exc: 1e30, inh: 1e30 }, scale: { exc: 1e30, inh: 1e30 }, mode });
    assert.throws(() => net.run(20), (e) => e instanceof RangeError && /run: v: /.test(e.message), mode);
    net.reset();
    assert.ok(net.trace([0]).v.every(Number.isFinite), `${mode}: reset recovers`);
    net.dispose();
  }
});

test('snn setParams: at t = 0 the network its options build; later the run goes on with them; spectrum() of the rate held', async () => {
  const sc = await loadSimcore();
  for (const mode of ['exact', 'fast']) {
    const changes = { noise: { exc: 3 }, scale: { inh: 1.4 }, heterogeneity: false };
    const a = sc.createIzhikevichNetwork({ seed: 5, mode }).setParams(changes);
    const b = sc.createIzhikevichNetwork({ seed: 5, mode, ...changes });
    assert.deepEqual(a.params, { noise: { exc: 3, inh: 2 }, scale: { exc: 0.5, inh: 1.4 }, heterogeneity: false });
    const ra = a.run(300);
    assert.deepEqual(ra.spikeIndex, b.run(300).spikeIndex, `${mode}: setParams at t = 0 equals create`);
    // While it runs: the clock goes on, the noise takes effect (no noise: fewer spikes from then on).
    a.setParams({ noise: { exc: 0, inh: 0 } });
    assert.equal(a.time, 300);
    const quiet = a.run(300).spikeIndex.length;
    const loud = b.run(300).spikeIndex.length;
    assert.ok(quiet < loud / 2, `${mode}: without thalamic noise ${quiet} spikes, with it ${loud}`);
    // spectrum(): the Welch spectrum of the rate held, as rateSpectrum of the concatenated runs.
    const c = sc.createIzhikevichNetwork({ seed: 9, mode });
    const rates = [c.run(700).rate, c.run(300).rate];
    const all = new Float32Array(1000);
    all.set(rates[0]);
    all.set(rates[1], 700);
    assert.deepEqual(c.spectrum({ segment: 250 }).power, sc.rateSpectrum(all, { segment: 250 }).power);
    assert.deepEqual(c.spectrum({ segment: 100, ms: 300 }).power, sc.rateSpectrum(rates[1], { segment: 100 }).power);
    assert.throws(() => c.spectrum({ segment: 2000 }), /network.spectrum: 1000 ms of rate held; segment 2000 needs at least 2000/);
    c.reset();
    assert.throws(() => c.spectrum(), /0 ms of rate held/);
    assert.throws(() => a.setParams({ seed: 3 }), /network.setParams: unknown option 'seed'/);
    for (const n of [a, b, c]) n.dispose();
  }
});
