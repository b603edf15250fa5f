// The network widget's session kind (web/widgets/network/sessions.mjs), its
// frame budget (frame-args.mjs) and what the page keeps (buffers.mjs), in
// Node on the page-thread path: frames cut at any sizes add up to the
// binding's own run (same spikes, same rate, bit for bit), the watched
// neuron's samples are trace() after each 1-ms step, the spectrum is
// sc.rateSpectrum of the last seconds of the rate, reset replays the run,
// and disposing frees the core's pool slot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { SEGMENT, SESSIONS } from '../../web/widgets/network/sessions.mjs';
import { NETWORK_SCHEMA, networkOptions } from '../../web/widgets/network/schema.mjs';
import { Recent } from '../../web/widgets/network/buffers.mjs';
import { frameDone, frameMs } from '../../web/widgets/network/frame-args.mjs';
import { defaults } from '../../web/widgets/shared/state.mjs';

const sc = await loadSimcore();
const kind = SESSIONS.net;
const params = (over = {}) => ({ ...defaults(NETWORK_SCHEMA), ...over });

function concat(frames, key, Type) {
  const out = new Type(frames.reduce((a, f) => a + f[key].length, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f[key], at);
    at += f[key].length;
  }
  return out;
}

for (const mode of NETWORK_SCHEMA.mode.choices) test(`${mode} mode: frames of any sizes add up to the binding's run: same spikes and rate, bit for bit`, () => {
  const p = params({ seed: 3, mode });
  const st = kind.create(sc, p);
  const frames = [];
  for (const ms of [7, 1, 100, 0, 250, 33, 609]) frames.push(kind.step(st, { ms, wallMs: 0 }).frame);
  assert.equal(frames.at(-1).time, 1000);
  const direct = sc.createIzhikevichNetwork(networkOptions(p));
  const r = direct.run(1000);
  assert.ok(r.spikeTimes.length > 2000, `${r.spikeTimes.length} spikes`);
  assert.deepEqual(concat(frames, 'spikeTimes', Float32Array), r.spikeTimes);
  assert.deepEqual(concat(frames, 'spikeIndex', Int32Array), r.spikeIndex);
  assert.deepEqual(concat(frames, 'rate', Float32Array), r.rate);
  let t = 0;
  for (const f of frames) {
    assert.equal(f.t0, t);
    assert.equal(f.done, f.rate.length);
    t += f.done;
  }
  direct.dispose();
  kind.dispose(st);
});

test('the watched neuron: v and u after every 1-ms step, as trace() of a direct run', () => {
  const p = params({ seed: 11, ne: 80, ni: 20 });
  // Watch the inhibitory neuron that fires most in this run (a third copy finds it).
  const probe = sc.createIzhikevichNetwork(networkOptions(p));
  const counts = new Map();
  for (const i of probe.run(230).spikeIndex) if (i >= 80) counts.set(i, (counts.get(i) ?? 0) + 1);
  probe.dispose();
  const w = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const st = kind.create(sc, p);
  const direct = sc.createIzhikevichNetwork(networkOptions(p));
  kind.step(st, { ms: 30, wallMs: 0 });
  direct.run(30);
  const f = kind.step(st, { ms: 200, wallMs: 0, watch: w }).frame;
  assert.equal(f.watch, w);
  assert.equal(f.v.length, 200);
  for (let k = 0; k < 200; k++) {
    direct.run(1);
    const s = direct.trace([w]);
    assert.equal(f.v[k], Math.fround(s.v[0]), `v after ms ${30 + k}`);
    assert.equal(f.u[k], Math.fround(s.u[0]), `u after ms ${30 + k}`);
  }
  // v ≥ 30 after step t is the spike net.m stamps with t + 1 (the next step finds and resets it).
  const peaks = [];
  for (let k = 0; k < 199; k++) if (f.v[k] >= 30) peaks.push(30 + k + 1);
  const fired = Array.from(f.spikeTimes).filter((t, k) => f.spikeIndex[k] === w && t > 30);
  assert.ok(peaks.length >= 1, 'the neuron fired');
  assert.deepEqual(fired, peaks);
  // A neuron past the network is not watched.
  assert.equal(kind.step(st, { ms: 1, wallMs: 0, watch: 100 }).frame.watch, -1);
  direct.dispose();
  kind.dispose(st);
});

test('the spectrum is sc.rateSpectrum of the last whole segments of the rate', () => {
  const p = params({ seed: 5 });
  const st = kind.create(sc, p);
  assert.equal(kind.step(st, { ms: SEGMENT - 1, wallMs: 0, spectrumMs: 4000 }).frame.spectrum, null, 'less than one segment');
  const rates = [kind.step(st, { ms: 1, wallMs: 0 }).frame.rate];
  for (let k = 0; k < 5; k++) rates.push(kind.step(st, { ms: 600, wallMs: 0 }).frame.rate);
  const f = kind.step(st, { ms: 0, wallMs: 0, spectrumMs: 2200 }).frame;
  assert.equal(f.spectrum.ms, 2000, 'whole segments only');
  const all = concat(rates.map((rate) => ({ rate })), 'rate', Float32Array);
  const want = sc.rateSpectrum(all.subarray(all.length - 2000), { segment: SEGMENT });
  assert.deepEqual(f.spectrum.power, want.power);
  assert.deepEqual(f.spectrum.freq, want.freq);
  kind.dispose(st);
});

test('new noise, coupling or heterogeneity reach the running network: the time goes on, as setParams on a direct run', () => {
  const st = kind.create(sc, params({ ne: 200, ni: 50 }));
  const a = kind.step(st, { ms: 150, wallMs: 0 }).frame;
  const changes = { noise: { exc: 8, inh: 1 }, scale: { exc: 0.3, inh: 1.5 }, heterogeneity: false };
  const b = kind.step(st, { set: changes, ms: 150, wallMs: 0 }).frame;
  assert.equal(b.t0, 150);
  assert.equal(b.time, 300);
  const net = sc.createIzhikevichNetwork(networkOptions(params({ ne: 200, ni: 50 })));
  assert.deepEqual(a.spikeIndex, net.run(150).spikeIndex);
  assert.deepEqual(b.spikeIndex, net.setParams(changes).run(150).spikeIndex);
  net.dispose();
  kind.dispose(st);
});

test('reset replays the run from t = 0', () => {
  const st = kind.create(sc, params({ seed: 9 }));
  const a = kind.step(st, { ms: 200, wallMs: 0 }).frame;
  kind.step(st, { ms: 77, wallMs: 0 });
  const b = kind.step(st, { reset: true, ms: 200, wallMs: 0 }).frame;
  assert.equal(b.t0, 0);
  assert.deepEqual(b.spikeTimes, a.spikeTimes);
  assert.deepEqual(b.spikeIndex, a.spikeIndex);
  kind.dispose(st);
});

test('a wall-time cap ends the frame early, at a whole chunk, consistently', () => {
  const st = kind.create(sc, params());
  // 100 simulated s cannot run in 1 ms of wall time (the core runs it in seconds).
  const f = kind.step(st, { ms: 100000, wallMs: 1 }).frame;
  assert.ok(f.done >= 1 && f.done < 100000, `done ${f.done}`);
  assert.equal(f.time, f.done);
  assert.equal(f.rate.length, f.done);
  assert.ok(f.spikeTimes.every((t) => t >= 0 && t < f.done));
  kind.dispose(st);
});

test('sessions free their network: 3 × the pool size opened and disposed', () => {
  for (let k = 0; k < 3 * sc.snnLimits.maxNetworks; k++) kind.dispose(kind.create(sc, params({ ne: 10, ni: 2 })));
  const live = [];
  for (let k = 0; k < sc.snnLimits.maxNetworks; k++) live.push(kind.create(sc, params({ ne: 10, ni: 2 })));
  assert.throws(() => kind.create(sc, params({ ne: 10, ni: 2 })), Error, 'the pool is full');
  live.forEach((s) => kind.dispose(s));
});

test('bad parameters fail as the binding does', () => {
  assert.throws(() => kind.create(sc, params({ ne: 5000 })), RangeError);
  assert.throws(() => kind.create(sc, params({ noiseExc: -1 })), RangeError);
});

test('Recent keeps exactly the spikes of the last `keep` ms, the rate and the samples', () => {
  const st = kind.create(sc, params({ seed: 2 }));
  const rec = new Recent(300);
  const all = [];
  for (const ms of [50, 120, 7, 400, 90]) {
    const f = kind.step(st, { ms, wallMs: 0, watch: 4 }).frame;
    all.push(f);
    rec.add(f);
  }
  const times = concat(all, 'spikeTimes', Float32Array);
  const index = concat(all, 'spikeIndex', Int32Array);
  assert.equal(rec.time, 667);
  assert.equal(rec.total, times.length);
  const kept = rec.spikes();
  const want = Array.from(times, (t, k) => (t >= 667 - 300 ? k : -1)).filter((k) => k >= 0);
  assert.deepEqual(Array.from(kept.t), want.map((k) => times[k]));
  assert.deepEqual(Array.from(kept.i), want.map((k) => index[k]));
  const rate = concat(all, 'rate', Float32Array);
  assert.equal(rec.rateAt(666), rate[666]);
  assert.equal(rec.rateAt(367), rate[367]);
  assert.ok(Number.isNaN(rec.rateAt(366)), 'older than keep');
  const v = concat(all, 'v', Float32Array);
  assert.deepEqual(rec.traceAt(667), [v[666], concat(all, 'u', Float32Array)[666]]);
  rec.clear();
  assert.equal(rec.spikes().t.length, 0);
  kind.dispose(st);
});

// What the page's "What to try" says (lang.en.mjs, page.network.try.*), run through the session.
const runFor = (over, ms) => {
  const st = kind.create(sc, params(over));
  const f = kind.step(st, { ms, wallMs: 0, spectrumMs: ms }).frame;
  kind.dispose(st);
  const alpha = Math.max(...Array.from(f.spectrum.power).filter((_, k) => f.spectrum.freq[k] >= 6 && f.spectrum.freq[k] <= 14));
  const rate = (lo, hi) => (Array.from(f.spikeIndex).filter((i) => i >= lo && i < hi).length / (hi - lo)) / (ms / 1000);
  return { f, alpha, exc: rate(0, 800), inh: rate(800, 1000) };
};

test('the page\'s claims: no inhibition fires everyone at once; identical neurons lose alpha; weak input silences the excitatory cells', () => {
  const base = runFor({ seed: 1 }, 2000);
  const free = runFor({ seed: 1, scaleInh: 0 }, 2000);
  assert.ok(Array.from(free.f.rate).some((r) => r === 1000), 'a step where all 1000 neurons fire');
  assert.ok(free.exc > 5 * base.exc, `mean rate ${free.exc} vs ${base.exc} Hz`);
  for (const seed of [1, 2, 3]) {
    const het = runFor({ seed }, 8000).alpha;
    const homog = runFor({ seed, heterogeneity: false }, 8000).alpha;
    assert.ok(homog < 0.5 * het, `seed ${seed}: alpha ${homog} without heterogeneity vs ${het}`);
  }
  const weak = runFor({ seed: 1, noiseExc: 2.5 }, 2000);
  assert.ok(weak.exc < 0.1 && weak.inh > 0.5, `excitatory ${weak.exc} Hz, inhibitory ${weak.inh} Hz`);
});

test('frame budget: speed × wall ms, fractions carried, at most 100 ms of wall time per frame', () => {
  const run = { last: 0, budget: 0 };
  assert.equal(frameMs(run, 2, 16), 32);
  assert.equal(frameMs(run, 0.1, 21), 0); // 0.5 ms due
  assert.equal(frameMs(run, 0.1, 26), 1); // 0.5 + 0.5
  assert.equal(frameMs(run, 1, 60026), 100, 'a hidden tab comes back with 100 ms');
  run.budget = 0.75;
  frameDone(run, 100, 40); // the worker did less: the backlog goes
  assert.equal(run.budget, 0);
});
