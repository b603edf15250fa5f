// Spiking networks of Izhikevich neurons (Izhikevich 2003, Fig. 3, net.m).
// Conventions: docs/snn.md. A network lives in wasm memory behind a core
// handle (core/handles.mjs); `dispose()` frees it. run(ms) is meant to be
// called once per animation frame (in a worker session) with a few ms.
import { handle } from './core/handles.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, readOptions } from './core/validate.mjs';

export const SNN_SCHEMES = Object.freeze(['net.m']);
export const SNN_MODES = Object.freeze(['exact', 'fast']); // sc_snn_mode's order
const MAX_SEED = 0xffffffff;
const SPIKE_CHUNK = 1 << 20; // spikes one core call may store: run() steps in chunks of this / n ms
const HISTORY_MS = 65536; // the rate a network keeps for spectrum(): the last 65.5 s

export function snnApi({ ex, i32, f32, block, check, checkOutputs, limit }) {
  const SNN_LIMITS = Object.freeze({
    maxNeurons: limit('SC_SNN_MAX_DENSE'), // dense coupling: N*N weights
    maxSparseNeurons: limit('SC_SNN_MAX_SPARSE'), // coupling { inDegree }, fast mode
    maxInDegree: limit('SC_SNN_MAX_IN_DEGREE'),
    maxNetworks: limit('SC_SNN_MAX_NETWORKS'),
    maxRunMs: limit('SC_SNN_MAX_STEP_MS'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  const destroy = (id) => ex.sc_flat_snn_destroy(id);

  function createIzhikevichNetwork(options) {
    const fn = 'createIzhikevichNetwork';
    const o = readOptions(fn, 'options', options, ['ne', 'ni', 'seed', 'coupling', 'noise', 'scale', 'heterogeneity', 'scheme', 'mode'], true);
    let inDegree = 0;
    if (o.coupling !== undefined && o.coupling !== 'dense') {
      if (typeof o.coupling !== 'object' || o.coupling === null) {
        throw new TypeError(`${fn}: coupling must be 'dense' or { inDegree }, got ${describe(o.coupling)}`);
      }
      const c = readOptions(fn, 'coupling', o.coupling, ['inDegree']);
      inDegree = checkInt(fn, 'coupling.inDegree', c.inDegree, 1, SNN_LIMITS.maxInDegree);
    }
    const maxN = inDegree ? SNN_LIMITS.maxSparseNeurons : SNN_LIMITS.maxNeurons;
    const ne = o.ne === undefined ? 800 : checkInt(fn, 'ne', o.ne, 0, maxN);
    const ni = o.ni === undefined ? 200 : checkInt(fn, 'ni', o.ni, 0, maxN);
    if (ne + ni < 1 || ne + ni > maxN) {
      throw new RangeError(`${fn}: ne + ni is ${ne + ni}; expected 1..${maxN} (${inDegree ? 'sparse' : 'dense'} coupling)`);
    }
    if (inDegree > ne + ni) throw new RangeError(`${fn}: coupling.inDegree ${inDegree} exceeds ne + ni = ${ne + ni}`);
    const seed = o.seed === undefined ? 1 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);
    if (o.scheme !== undefined) checkOption(fn, 'scheme', o.scheme, SNN_SCHEMES); // net.m's steps in both modes
    const mode = o.mode === undefined ? (inDegree ? 1 : 0) : checkOption(fn, 'mode', o.mode, SNN_MODES);
    if (inDegree && mode === 0) throw new RangeError(`${fn}: coupling { inDegree } needs mode 'fast' (net.m's exact mode is dense)`);
    const pParams = block('snn-params', 8 * 10);
    check(fn, ex.sc_flat_snn_default_params(pParams)); // net.m's values for what is not given
    const d = f64().slice(pParams >> 3, (pParams >> 3) + 10);
    let params = [ne, ni, ...changeable(fn, o, d.slice(2, 7)), mode, seed, inDegree];
    f64().set(params, pParams >> 3);
    const pId = block('snn-id', 4);
    check(fn, ex.sc_flat_snn_create(pParams, pId));
    const life = handle('network', i32()[pId >> 2], destroy);
    const live = (method) => life.live(method);
    const n = ne + ni;
    // The population rate of the last HISTORY_MS ms (a ring), for spectrum().
    const history = new Float32Array(HISTORY_MS);
    let held = 0, at = 0;
    const keep = (rate) => {
      for (let k = Math.max(0, rate.length - HISTORY_MS); k < rate.length; k++) {
        history[at] = rate[k];
        at = (at + 1) % HISTORY_MS;
      }
      held = Math.min(HISTORY_MS, held + rate.length);
    };

    const net = {
      get ne() { return ne; },
      get ni() { return ni; },
      get disposed() { return life.disposed; },
      /** Simulated time in ms. */
      get time() {
        const name = live('time');
        const p = block('snn-t', 8);
        check(name, ex.sc_flat_snn_time(life.id, p));
        return f64()[p >> 3];
      },

      /** Advance ms 1-ms steps: every spike (neuron, time in ms) and the rate (Hz) per step. */
      run(ms) {
        const name = live('run');
        checkInt(name, 'ms', ms, 0, SNN_LIMITS.maxRunMs);
        const chunk = Math.max(1, Math.floor(SPIKE_CHUNK / n));
        const rate = new Float32Array(ms);
        const times = [];
        const index = [];
        let total = 0;
        for (let done = 0; done < ms; done += chunk) {
          const steps = Math.min(chunk, ms - done);
          const cap = steps * n;
          const pN = block('snn-neuron', 4 * cap);
          const pT = block('snn-time', 4 * cap);
          const pR = block('snn-rate', 4 * steps);
          const pC = block('snn-count', 4);
          check(name, ex.sc_flat_snn_step(life.id, steps, pN, pT, cap, pC, pR));
          const count = i32()[pC >> 2];
          index.push(i32().slice(pN >> 2, (pN >> 2) + count));
          times.push(f32().slice(pT >> 2, (pT >> 2) + count));
          rate.set(f32().subarray(pR >> 2, (pR >> 2) + steps), done);
          total += count;
        }
        const spikeIndex = new Int32Array(total);
        const spikeTimes = new Float32Array(total);
        for (let k = 0, o = 0; k < index.length; o += index[k].length, k++) {
          spikeIndex.set(index[k], o);
          spikeTimes.set(times[k], o);
        }
        keep(rate);
        return { spikeTimes, spikeIndex, rate };
      },

      /**
       * Welch spectrum (rateSpectrum) of the population rate of the last `ms`
       * simulated ms (default: every whole segment held, up to 65,536 ms
       * since creation, reset or the last call of setParams that asked to
       * forget it).
       */
      spectrum(options) {
        const name = live('spectrum');
        const so = readOptions(name, 'options', options, ['segment', 'ms'], true);
        const seg = so.segment === undefined ? 500 : checkInt(name, 'segment', so.segment, 4, 65536);
        if (held < seg) throw new RangeError(`${name}: ${held} ms of rate held; segment ${seg} needs at least ${seg} (run longer)`);
        const ms = so.ms === undefined ? held - (held % seg) : checkInt(name, 'ms', so.ms, seg, held);
        const last = new Float32Array(ms);
        for (let k = 0; k < ms; k++) last[k] = history[(at - ms + k + HISTORY_MS) % HISTORY_MS];
        return rateSpectrum(last, { segment: seg });
      },

      /**
       * New noise amplitudes, coupling scales or heterogeneity while the
       * network runs (what is not given stays): the core draws the weights
       * and a, b, c, d again from the seed with them and keeps v, u, the time
       * and the noise stream, so the simulation goes on; at t = 0 it is the
       * network createIzhikevichNetwork would build (sc_snn_set_params).
       * The rate history is kept unless `forget: true`.
       */
      setParams(changes) {
        const name = live('setParams');
        const c = readOptions(name, 'changes', changes, ['noise', 'scale', 'heterogeneity', 'forget']);
        const next = [ne, ni, ...changeable(name, c, params.slice(2, 7)), mode, seed, inDegree];
        if (c.forget !== undefined && typeof c.forget !== 'boolean') throw new TypeError(`${name}: forget must be a boolean, got ${describe(c.forget)}`);
        const pQ = block('snn-params', 8 * 10);
        f64().set(next, pQ >> 3);
        check(name, ex.sc_flat_snn_set_params(life.id, pQ));
        params = next;
        if (c.forget) held = 0;
        return net;
      },

      /** The parameters now: { noise: { exc, inh }, scale: { exc, inh }, heterogeneity }. */
      get params() {
        return { noise: { exc: params[4], inh: params[5] }, scale: { exc: params[2], inh: params[3] }, heterogeneity: params[6] === 1 };
      },

      /** v and u (mV) of the chosen neurons now. */
      trace(indices) {
        const name = live('trace');
        const length = arrayLength(indices);
        if (length < 0) throw new TypeError(`${name}: indices must be an Int32Array or an Array of neuron indices, got ${describe(indices)}`);
        if (length > n) throw new RangeError(`${name}: indices has length ${length}; expected at most ${n}`);
        const idx = checkArray(name, 'indices', indices, length, Float64Array);
        for (let k = 0; k < length; k++) checkInt(name, `indices[${k}]`, idx[k], 0, n - 1);
        const pI = block('snn-idx', 4 * length);
        i32().set(idx, pI >> 2);
        const pV = block('snn-v', 8 * length);
        const pU = block('snn-u', 8 * length);
        check(name, ex.sc_flat_snn_state(life.id, pI, length, pV, pU));
        return { v: f64().slice(pV >> 3, (pV >> 3) + length), u: f64().slice(pU >> 3, (pU >> 3) + length) };
      },

      /** Back to t = 0 with the same seed (the same run again). */
      reset() {
        check(live('reset'), ex.sc_flat_snn_reset(life.id));
        held = 0;
        return net;
      },

      dispose() { life.dispose(); },
    };
    return life.attach(net);
  }

  /**
   * The record's changeable part (its entries 2..6: scale.exc, scale.inh,
   * noise.exc, noise.inh, heterogeneity) from options `o` ({ noise, scale,
   * heterogeneity }); what is not given comes from `base`, the same five.
   */
  function changeable(fn, o, base) {
    const noise = readOptions(fn, 'noise', o.noise, ['exc', 'inh'], true);
    const scale = readOptions(fn, 'scale', o.scale, ['exc', 'inh'], true);
    const num = (name, v, dv) => (v === undefined ? dv : checkNumber(fn, name, v, { min: 0 }));
    const het = o.heterogeneity === undefined ? base[4] === 1 : o.heterogeneity;
    if (typeof het !== 'boolean') throw new TypeError(`${fn}: heterogeneity must be a boolean, got ${describe(het)}`);
    return [num('scale.exc', scale.exc, base[0]), num('scale.inh', scale.inh, base[1]),
      num('noise.exc', noise.exc, base[2]), num('noise.inh', noise.inh, base[3]), het ? 1 : 0];
  }

  /** Power spectral density (Hz^2/Hz) of a 1-kHz rate signal; freq[k] = k * 1000 / seg Hz. */
  function rateSpectrum(rate, options) {
    const fn = 'rateSpectrum';
    const length = arrayLength(rate);
    if (length < 0) throw new TypeError(`${fn}: rate must be a Float32Array or an Array of numbers, got ${describe(rate)}`);
    const o = readOptions(fn, 'options', options, ['segment'], true);
    const seg = o.segment === undefined ? 500 : checkInt(fn, 'segment', o.segment, 4, 65536);
    if (length < seg) throw new RangeError(`${fn}: rate has length ${length}; expected at least segment = ${seg}`);
    const x = checkArray(fn, 'rate', rate, length, Float32Array);
    const pR = block('snn-spec-in', 4 * length);
    f32().set(x, pR >> 2);
    const nf = Math.floor(seg / 2) + 1;
    const pP = block('snn-spec-out', 4 * nf);
    checkOutputs(fn, ex.sc_flat_snn_rate_spectrum(pR, length, seg, pP), {
      power: { ptr: pP, n: nf, message: (i, v) => `the power at bin ${i} overflows float32 (${v}); the rate values are too large` },
    });
    const power = f32().slice(pP >> 2, (pP >> 2) + nf);
    const freq = Float32Array.from({ length: nf }, (_, k) => (k * 1000) / seg);
    return { freq, power };
  }

  return { snnLimits: SNN_LIMITS, createIzhikevichNetwork, rateSpectrum };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'snn', core: 'snn', attach: (core) => snnApi(core) });
