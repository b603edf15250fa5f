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
