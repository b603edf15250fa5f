// Hostile and random arguments to the spiking-network functions of the
// binding, on both wasm builds (the property: helpers/hostile.mjs). A valid
// network is checked against a second one made from the same options (the
// same seed gives the same spikes) and disposed, so the pool never fills.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite } from './helpers/hostile.mjs';

const NAMES = ['options', 'ne', 'ni', 'seed', 'coupling', 'noise', 'scale', 'exc', 'inh', 'noise.exc', 'noise.inh',
  'scale.exc', 'scale.inh', 'heterogeneity', 'scheme', 'mode', 'coupling.inDegree', 'ne + ni', 'rate', 'segment',
  'changes', 'forget', 'ms', 'params'];

const networkSpec = {
  fn: 'createIzhikevichNetwork',
  names: NAMES,
  slots: [{ index: 0, kind: 'object', names: ['options'] }],
  make(r) {
    const o = { ne: r.int(1, 24), ni: r.int(0, 8), seed: r.int(0, 1000) };
    if (r.bool()) o.noise = { exc: r.pick([0, 2, 5]), inh: r.pick([0, 2]) };
    if (r.bool()) o.scale = { exc: r.pick([0, 0.5]), inh: r.pick([0, 1]) };
    if (r.bool()) o.heterogeneity = r.bool();
    if (r.bool()) o.mode = r.pick(['exact', 'fast']);
    else if (r.int(0, 3) === 0) o.coupling = { inDegree: r.int(1, o.ne + o.ni) }; // sparse: fast mode by default
    return { args: [o] };
  },
  call: (sc, a) => sc.createIzhikevichNetwork(a[0]),
  verify(net, valid, where, a, sc) {
    try {
      const n = net.ne + net.ni;
      const run = net.run(20);
      assert.equal(run.rate.length, 20, `${where} rate length`);
      assertFinite(run.rate, 'rate', where);
      assert.equal(run.spikeIndex.length, run.spikeTimes.length, `${where} spike arrays`);
      for (let k = 0; k < run.spikeIndex.length; k++) {
        assert.ok(run.spikeIndex[k] >= 0 && run.spikeIndex[k] < n, `${where} spike neuron ${run.spikeIndex[k]}`);
        assert.ok(run.spikeTimes[k] >= 0 && run.spikeTimes[k] <= 20, `${where} spike time ${run.spikeTimes[k]}`);
      }
      // The rate is the spikes per step over the population, in Hz.
      const perStep = new Float64Array(20);
      for (const t of run.spikeTimes) perStep[Math.min(19, Math.floor(t))] += 1;
      const total = run.rate.reduce((s, v) => s + v, 0);
      assert.ok(Math.abs(total - (run.spikeIndex.length * 1000) / n) < 1e-3 * (1 + total), `${where} rate sums to ${total}`);
      // The same options make the same run.
      const twin = sc.createIzhikevichNetwork(a[0]);
      try {
        assert.deepEqual(twin.run(20).spikeIndex, run.spikeIndex, `${where} same seed, same spikes`);
      } finally {
        twin.dispose();
      }
    } finally {
      net.dispose();
    }
  },
};

const spectrumSpec = {
  fn: 'rateSpectrum',
  names: NAMES,
  slots: [{ index: 0, kind: 'array', names: ['rate'] }, { index: 1, kind: 'object', names: ['options'] }],
  make(r) {
    const seg = r.pick([8, 16, 50]);
    return { args: [r.floats(seg * r.int(1, 4), 10), { segment: seg }] };
  },
  call: (sc, a) => sc.rateSpectrum(...a),
  verify(res, valid, where, a) {
    const seg = a[1]?.segment ?? 500;
    const nf = Math.floor(seg / 2) + 1;
    assert.ok(res.power.length === nf && res.freq.length === nf, `${where} ${res.power.length} bins`);
    assertFinite(res.power, 'power', where);
    for (let k = 0; k < nf; k++) {
      assert.ok(res.power[k] >= 0, `${where} power[${k}] = ${res.power[k]}`);
      assert.ok(Math.abs(res.freq[k] - (k * 1000) / seg) < 1e-3, `${where} freq[${k}]`);
    }
  },
};

// Methods of a small network made for each case (and disposed after it).
function methodSpec(sc, method, make, verify) {
  return {
    fn: `network.${method}`, names: NAMES,
    slots: [{ index: 0, kind: 'object', names: [method === 'setParams' ? 'changes' : 'options'] }],
    make(r) {
      const net = sc.createIzhikevichNetwork({ ne: r.int(4, 16), ni: r.int(1, 4), seed: r.int(0, 99), mode: r.pick(['exact', 'fast']) });
      net.run(r.int(40, 120));
      return { args: [make(r)], net };
    },
    call: (_, a, valid) => valid.net[method](...a),
    cleanup: (valid) => valid.net.dispose(),
    verify,
  };
}

const setParamsVerify = (res, valid, where, a) => {
  // The clock goes on; what was asked for is what the network now has; it still runs.
  assert.equal(res, valid.net, where);
  const p = valid.net.params;
  if (typeof a[0]?.noise?.exc === 'number') assert.equal(p.noise.exc, a[0].noise.exc, `${where} noise.exc`);
  if (typeof a[0]?.heterogeneity === 'boolean') assert.equal(p.heterogeneity, a[0].heterogeneity, `${where} heterogeneity`);
  assertFinite(valid.net.run(5).rate, 'rate', where);
};

const spectrumVerify = (res, valid, where, a) => {
  const seg = a[0]?.segment ?? 500;
  assert.equal(res.power.length, Math.floor(seg / 2) + 1, where);
  assertFinite(res.power, 'power', where);
  assert.ok(res.power.every((v) => v >= 0), `${where} power >= 0`);
};

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  const setParamsSpec = methodSpec(sc, 'setParams', (r) => {
    const c = {};
    if (r.bool()) c.noise = { exc: r.pick([0, 3, 5]), ...(r.bool() ? { inh: r.pick([0, 2]) } : {}) };
    if (r.bool()) c.scale = { exc: r.pick([0, 0.4]), inh: r.pick([0, 1.2]) };
    if (r.bool()) c.heterogeneity = r.bool();
    if (r.bool(0.2)) c.forget = r.bool();
    return c;
  }, setParamsVerify);
  const networkSpectrumSpec = methodSpec(sc, 'spectrum', (r) => ({ segment: r.pick([8, 16, 32]), ...(r.bool() ? { ms: 32 } : {}) }), spectrumVerify);
  for (const spec of [networkSpec, spectrumSpec, setParamsSpec, networkSpectrumSpec]) {
    const withSc = { ...spec, verify: (res, valid, where, a) => spec.verify(res, valid, where, a, sc) };
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, withSc, { reenter: () => sc.rateSpectrum(new Float32Array(64), { segment: 16 }) });
      assert.ok(tally.ok > 10 && tally.threw > 10, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
}
