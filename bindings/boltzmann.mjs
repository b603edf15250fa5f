// Boltzmann machines with visible and hidden +-1 units: exact statistics by
// enumeration (up to 20 units), Gibbs estimates with annealing, learning by
// the lecture's rule. Conventions: docs/boltzmann.md; the C contract:
// core/include/simcore/boltzmann.h. A machine lives in wasm memory behind a
// core handle (core/handles.mjs); `dispose()` frees it.
import { handle } from './core/handles.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, readOptions } from './core/validate.mjs';

export const BOLTZMANN_METHODS = Object.freeze(['exact', 'gibbs', 'cd', 'pcd']); // sc_boltzmann_method's order
const MAX_SEED = 0xffffffff;

export function boltzmannApi({ ex, i32, block, check, limit }) {
  const LIMITS = Object.freeze({
    maxUnits: limit('SC_BOLTZMANN_MAX_UNITS'),
    maxExact: limit('SC_BOLTZMANN_MAX_EXACT'),
    maxMachines: limit('SC_BOLTZMANN_MAX_MACHINES'),
    maxData: limit('SC_BOLTZMANN_MAX_DATA'),
    maxSweeps: limit('SC_BOLTZMANN_MAX_SWEEPS'),
    maxEpochs: limit('SC_BOLTZMANN_MAX_EPOCHS'),
    maxWeight: limit('SC_BOLTZMANN_MAX_WEIGHT'),
    maxEpsilon: limit('SC_BOLTZMANN_MAX_EPSILON'),
    maxCdK: limit('SC_BOLTZMANN_MAX_CD_K'),
    minTemperature: limit('SC_BOLTZMANN_MIN_T'),
    maxTemperature: limit('SC_BOLTZMANN_MAX_T'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  const u8 = () => new Uint8Array(ex.memory.buffer);
  const i8 = () => new Int8Array(ex.memory.buffer);
  const destroy = (id) => ex.sc_flat_boltzmann_destroy(id);

  function temperatureOf(name, v, fallback) {
    if (v === undefined) return fallback;
    const t = checkNumber(name, 'temperature', v);
    if (!(t >= LIMITS.minTemperature && t <= LIMITS.maxTemperature)) {
      throw new RangeError(`${name}: temperature ${t} is out of range [${LIMITS.minTemperature}, ${LIMITS.maxTemperature}]`);
    }
    return t;
  }

  // The Gibbs options shared by sampleStats and learn: { sweeps, anneal, temperature, tStart }.
  function gibbsOptions(name, o) {
    const sweeps = o.sweeps === undefined ? 1000 : checkInt(name, 'sweeps', o.sweeps, 1, LIMITS.maxSweeps);
    const anneal = o.anneal === undefined ? 0 : checkInt(name, 'anneal', o.anneal, 0, LIMITS.maxSweeps);
    const temperature = temperatureOf(name, o.temperature, 1);
    let tStart = Math.min(10 * temperature, LIMITS.maxTemperature);
    if (o.tStart !== undefined) {
      tStart = checkNumber(name, 'tStart', o.tStart);
      if (!(tStart >= temperature && tStart <= LIMITS.maxTemperature)) {
        throw new RangeError(`${name}: tStart ${tStart} is out of range [temperature = ${temperature}, ${LIMITS.maxTemperature}]`);
      }
    }
    return { sweeps, anneal, temperature, tStart };
  }

  function createBoltzmann(options) {
    const fn = 'createBoltzmann';
    const o = readOptions(fn, 'options', options, ['visible', 'hidden', 'seed', 'restricted']);
    const nv = checkInt(fn, 'visible', o.visible, 1, LIMITS.maxUnits);
    const nh = o.hidden === undefined ? 0 : checkInt(fn, 'hidden', o.hidden, 0, LIMITS.maxUnits - nv);
    const seed = o.seed === undefined ? 0 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);
    if (o.restricted !== undefined && typeof o.restricted !== 'boolean') {
      throw new TypeError(`${fn}: restricted must be a boolean, got ${describe(o.restricted)}`);
    }
    const pId = block('bm-id', 4);
    check(fn, ex.sc_flat_boltzmann_create(nv, nh, seed, pId));
    const life = handle('boltzmann', i32()[pId >> 2], destroy);
    const live = (method) => life.live(method);
    const pInfo = block('bm-info', 16);
    check(fn, ex.sc_flat_boltzmann_info(life.id, pInfo, 4));
    const n = i32()[(pInfo >> 2) + 2];
    const nstats = i32()[(pInfo >> 2) + 3];
    if (o.restricted) {
      // An RBM: connections only between the layers.
      const p = block('bm-mask', n * n);
      const m = u8();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[p + i * n + j] = (i < nv) !== (j < nv) ? 1 : 0;
      check(fn, ex.sc_flat_boltzmann_set_mask(life.id, p, n * n));
    }

    // Data: count x visible values, each -1 or +1, copied into wasm memory as int8.
    function dataIn(name, data) {
      const length = arrayLength(data);
      if (length < 0) throw new TypeError(`${name}: data must be a typed array or an Array of +-1 values (count x ${nv}), got ${describe(data)}`);
      const count = length / nv;
      if (!Number.isInteger(count) || count < 1 || count > LIMITS.maxData) {
        throw new RangeError(`${name}: data has length ${length}; expected count * ${nv} with count 1..${LIMITS.maxData}`);
      }
      const values = checkArray(name, 'data', data, length, Float64Array);
      for (let k = 0; k < length; k++) {
        if (values[k] !== 1 && values[k] !== -1) throw new RangeError(`${name}: data[${k}] is ${values[k]}; units are -1 or +1`);
      }
      const p = block('bm-data', length);
      i8().set(values, p);
      return { p, count };
    }

    function statsOut(p) {
      const a = f64();
      return { pairs: a.slice(p >> 3, (p >> 3) + n * n), means: a.slice((p >> 3) + n * n, (p >> 3) + nstats) };
    }

    function exact(name, data, options) {
      const o = readOptions(name, 'options', options, ['temperature'], true);
      const t = temperatureOf(name, o.temperature, 1);
      if (n > LIMITS.maxExact) throw new RangeError(`${name}: ${n} units are too many to enumerate (at most ${LIMITS.maxExact})`);
      const d = dataIn(name, data);
      const pD = block('bm-stats-data', nstats * 8);
      const pM = block('bm-stats-model', nstats * 8);
      const pOut = block('bm-out', 16);
      check(name, ex.sc_flat_boltzmann_exact(life.id, d.p, d.count, t, pD, pM, nstats, pOut, 2));
      const out = f64();
      return { data: statsOut(pD), model: statsOut(pM), logZ: out[pOut >> 3], logLikelihood: out[(pOut >> 3) + 1] };
    }

    const machine = life.attach({
      get visible() { return nv; },
      get hidden() { return nh; },
      get units() { return n; },
      get disposed() { return life.disposed; },

      /** Exact statistics by enumeration: { data, model: { pairs, means }, logZ, logLikelihood }. */
      exactStats(data, options) { return exact(live('exactStats'), data, options); },

      /** The exact mean log-likelihood of the data, ln P(v) in nats. */
      logLikelihood(data, options) { return exact(live('logLikelihood'), data, options).logLikelihood; },

      /** A restricted machine's exact mean ln P(v), the hidden layer summed out (hidden <= 20, any visible). */
      rbmLogLikelihood(data, options) {
        const name = live('rbmLogLikelihood');
        const o = readOptions(name, 'options', options, ['temperature'], true);
        const t = temperatureOf(name, o.temperature, 1);
        if (nh > LIMITS.maxExact) throw new RangeError(`${name}: ${nh} hidden units are too many to sum out (at most ${LIMITS.maxExact})`);
        const d = dataIn(name, data);
        const pOut = block('bm-out', 16);
        check(name, ex.sc_flat_boltzmann_rbm_loglik(life.id, d.p, d.count, t, pOut));
        return f64()[pOut >> 3];
      },

      /** Gibbs estimates: { data, model: { pairs, means } }. */
      sampleStats(data, options) {
        const name = live('sampleStats');
        const o = readOptions(name, 'options', options, ['sweeps', 'anneal', 'temperature', 'tStart'], true);
        const g = gibbsOptions(name, o);
        const d = dataIn(name, data);
        const pD = block('bm-stats-data', nstats * 8);
        const pM = block('bm-stats-model', nstats * 8);
        check(name, ex.sc_flat_boltzmann_sample(life.id, d.p, d.count, g.sweeps, g.anneal, g.temperature, g.tStart, pD, pM, nstats));
        return { data: statsOut(pD), model: statsOut(pM) };
      },

      /** Full-batch epochs of the lecture's rule; the exact log-likelihood after each (empty above 20 units). */
      learn(data, options) {
        const name = live('learn');
        const o = readOptions(name, 'options', options, ['epsilon', 'epochs', 'method', 'sweeps', 'anneal', 'temperature', 'tStart', 'k'], true);
        const epsilon = o.epsilon === undefined ? 0.05 : checkNumber(name, 'epsilon', o.epsilon, { gt: 0 });
        if (epsilon > LIMITS.maxEpsilon) throw new RangeError(`${name}: epsilon ${epsilon} is above ${LIMITS.maxEpsilon}`);
        const epochs = o.epochs === undefined ? 1 : checkInt(name, 'epochs', o.epochs, 1, LIMITS.maxEpochs);
        const method = o.method === undefined ? (n <= LIMITS.maxExact ? 0 : 1) : checkOption(name, 'method', o.method, BOLTZMANN_METHODS);
        if (method === 0 && n > LIMITS.maxExact) throw new RangeError(`${name}: method 'exact' enumerates at most ${LIMITS.maxExact} units, this machine has ${n}`);
        const g = gibbsOptions(name, o);
        const k = o.k === undefined ? 1 : checkInt(name, 'k', o.k, 1, LIMITS.maxCdK);
        const d = dataIn(name, data);
        const ntrace = n <= LIMITS.maxExact ? epochs : 0;
        const pT = block('bm-trace', Math.max(ntrace, 1) * 8);
        check(name, ex.sc_flat_boltzmann_learn(life.id, d.p, d.count, epochs, method, epsilon, g.sweeps, g.anneal, g.temperature, g.tStart, k, pT, ntrace));
        return f64().slice(pT >> 3, (pT >> 3) + ntrace);
      },

      /** { weights: n x n (symmetric, zero diagonal), biases: n }, Float64Arrays. */
      getWeights() {
        const name = live('getWeights');
        const p = block('bm-w', nstats * 8);
        check(name, ex.sc_flat_boltzmann_get_weights(life.id, p, nstats));
        const a = f64();
        return { weights: a.slice(p >> 3, (p >> 3) + n * n), biases: a.slice((p >> 3) + n * n, (p >> 3) + nstats) };
      },

      setWeights(value) {
        const name = live('setWeights');
        const o = readOptions(name, 'value', value, ['weights', 'biases']);
        const w = checkArray(name, 'weights', o.weights, n * n, Float64Array);
        const b = o.biases === undefined ? new Float64Array(n) : checkArray(name, 'biases', o.biases, n, Float64Array);
        for (const [label, arr] of [['weights', w], ['biases', b]]) {
          for (let k = 0; k < arr.length; k++) {
            if (!Number.isFinite(arr[k]) || Math.abs(arr[k]) > LIMITS.maxWeight) {
              throw new RangeError(`${name}: ${label}[${k}] is ${arr[k]}; expected a finite value within +-${LIMITS.maxWeight}`);
            }
          }
        }
        for (let i = 0; i < n; i++) {
          if (w[i * n + i] !== 0) throw new RangeError(`${name}: weights[${i * n + i}] (diagonal) is ${w[i * n + i]}; expected 0`);
          for (let j = i + 1; j < n; j++) {
            if (w[i * n + j] !== w[j * n + i]) throw new RangeError(`${name}: weights are not symmetric at (${i}, ${j})`);
          }
        }
        const p = block('bm-w', nstats * 8);
        f64().set(w, p >> 3);
        f64().set(b, (p >> 3) + n * n);
        check(name, ex.sc_flat_boltzmann_set_weights(life.id, p, nstats));
        return machine;
      },

      /** Which connections exist: n x n of 0/1, symmetric, zero diagonal. */
      setMask(mask) {
        const name = live('setMask');
        const m = checkArray(name, 'mask', mask, n * n, Float64Array);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const v = m[i * n + j];
            if (v !== 0 && v !== 1) throw new RangeError(`${name}: mask[${i * n + j}] is ${v}; expected 0 or 1`);
            if (i === j && v) throw new RangeError(`${name}: mask[${i * n + j}] (diagonal) must be 0`);
            if (v !== m[j * n + i]) throw new RangeError(`${name}: mask is not symmetric at (${i}, ${j})`);
          }
        }
        const p = block('bm-mask', n * n);
        u8().set(m, p);
        check(name, ex.sc_flat_boltzmann_set_mask(life.id, p, n * n));
        return machine;
      },

      dispose() { life.dispose(); },
    });
    return machine;
  }

  return { createBoltzmann, boltzmannLimits: LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'boltzmann', core: 'boltzmann', attach: (core) => boltzmannApi(core) });
