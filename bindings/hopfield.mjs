// Hopfield networks and their stochastic dynamics (Boltzmann-machine style).
// Conventions: docs/hopfield.md. A network lives in wasm memory behind a core
// handle (core/handles.mjs); `dispose()` frees it.
import { handle } from './core/handles.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, isArray, readOptions } from './core/validate.mjs';

export const HOPFIELD_RULES = Object.freeze(['hebb', 'storkey', 'pseudoinverse']);
export const HOPFIELD_MODES = Object.freeze(['async', 'sync']);

const MAX_SEED = 0xffffffff;
// sc_hopfield_end: how advance() ended.
const ADVANCE_ENDS = Object.freeze([null, 'fixed', 'cycle']);
const MAX_TRACE = 4096; // energy points one advance() returns at most

export function hopfieldApi({ ex, i32, f32, block, check, limit }) {
  // sc.hopfieldLimits, read from the core (core/include/simcore/limits.h).
  const HOPFIELD_LIMITS = Object.freeze({
    maxNeurons: limit('SC_HOPFIELD_MAX_NEURONS'),
    maxPatterns: limit('SC_HOPFIELD_MAX_PATTERNS'), // and at most n
    maxNetworks: limit('SC_HOPFIELD_MAX_NETWORKS'),
    maxSweeps: limit('SC_HOPFIELD_MAX_SWEEPS'),
    maxTrials: limit('SC_HOPFIELD_MAX_TRIALS'),
    maxLoads: limit('SC_HOPFIELD_MAX_LOADS'),
    maxAdvance: limit('SC_HOPFIELD_MAX_ADVANCE'),
  });
  const i8 = () => new Int8Array(ex.memory.buffer);
  const f64 = () => new Float64Array(ex.memory.buffer);

  const destroy = (id) => ex.sc_flat_hopfield_destroy(id);

  // Values must be exactly -1 or +1; the message names the first offender.
  // Returns an Int8Array snapshot (see checkArray).
  function checkSpins(fn, name, v, length) {
    const copy = checkArray(fn, name, v, length, Float64Array);
    for (let i = 0; i < copy.length; i++) {
      if (copy[i] !== 1 && copy[i] !== -1) throw new RangeError(`${fn}: ${name}[${i}] is ${copy[i]}; values must be -1 or +1`);
    }
    return Int8Array.from(copy);
  }

  function copyInInt8(role, v) {
    const p = block(role, v.length);
    i8().set(v, p);
    return p;
  }

  function copyInInt32(role, v) {
    const p = block(role, v.length * 4);
    i32().set(v, p >> 2);
    return p;
  }

  function checkSeed(fn, seed) {
    return checkInt(fn, 'seed', seed, 0, MAX_SEED);
  }

  function hopfield(n) {
    const fn = 'hopfield';
    checkInt(fn, 'n', n, 1, HOPFIELD_LIMITS.maxNeurons);
    const pId = block('hop-id', 4);
    check(fn, ex.sc_flat_hopfield_create(n, pId));
    const life = handle('hopfield', i32()[pId >> 2], destroy);
    const live = (method) => life.live(method);
    let count = 0;

    // Mode, temperature, order, seed: shared by step, run and anneal.
    function dynamics(name, o, withTemperature) {
      const mode = o.mode === undefined ? 0 : checkOption(name, 'mode', o.mode, HOPFIELD_MODES);
      const temperature = !withTemperature || o.temperature === undefined ? 0
        : checkNumber(name, 'temperature', o.temperature, { min: 0 });
      let pOrder = 0;
      let orderLength = 0;
      if (o.order !== undefined && o.order !== null) {
        if (mode !== 0) throw new RangeError(`${name}: order is only for mode 'async'`);
        const length = arrayLength(o.order);
        if (length < 0) {
          throw new TypeError(`${name}: order must be an Int32Array or an Array of neuron indices, got ${describe(o.order)}`);
        }
        if (length < 1 || length > 16 * HOPFIELD_LIMITS.maxNeurons) {
          throw new RangeError(`${name}: order has length ${length}, expected 1..${16 * HOPFIELD_LIMITS.maxNeurons}`);
        }
        const order = checkArray(name, 'order', o.order, length, Float64Array);
        for (let k = 0; k < length; k++) checkInt(name, `order[${k}]`, order[k], 0, n - 1);
        pOrder = copyInInt32('hop-order', order);
        orderLength = length;
      }
      if (o.seed !== undefined) check(name, ex.sc_flat_hopfield_seed(life.id, checkSeed(name, o.seed)));
      return { mode, temperature, pOrder, orderLength };
    }

    const net = {
      get n() { return n; },
      /** Number of stored patterns (rows of overlaps()). */
      get patterns() { return count; },
      get disposed() { return life.disposed; },

      /** Store patterns (Int8Array count*n, or an Array of count rows of n), values +-1. */
      store(patterns, options) {
        const name = live('store');
        const maxRows = Math.min(n, HOPFIELD_LIMITS.maxPatterns);
        const first = isArray(patterns) ? patterns[0] : undefined;
        let flat;
        if (first !== null && typeof first === 'object') {
          // An Array of rows: each row read once into the flat snapshot.
          const rows = patterns.length;
          if (!(rows >= 1 && rows <= maxRows)) {
            throw new RangeError(`${name}: patterns has ${typeof rows === 'number' ? rows : describe(rows)} rows; expected 1..${maxRows}`);
          }
          flat = new Int8Array(rows * n);
          for (let k = 0; k < rows; k++) flat.set(checkSpins(name, `patterns[${k}]`, k === 0 ? first : patterns[k], n), k * n);
        } else {
          const length = arrayLength(patterns);
          if (length < 0) {
            throw new TypeError(`${name}: patterns must be an Int8Array (count x n) or an Array of rows, got ${describe(patterns)}`);
          }
          const rows = length / n;
          if (!Number.isInteger(rows) || rows < 1 || rows > maxRows) {
            throw new RangeError(`${name}: patterns has length ${length}; expected count * ${n} with count 1..${maxRows}`);
          }
          flat = checkSpins(name, 'patterns', patterns, length);
        }
        const rows = flat.length / n;
        const o = readOptions(name, 'options', options, ['rule'], true);
        const rule = o.rule === undefined ? 0 : checkOption(name, 'rule', o.rule, HOPFIELD_RULES);
        const p = copyInInt8('hop-patterns', flat);
        check(name, ex.sc_flat_hopfield_store(life.id, p, rows, rule));
        count = rows;
        return net;
      },

      setState(s) {
        const name = live('setState');
        const spins = checkSpins(name, 'state', s, n);
        check(name, ex.sc_flat_hopfield_set_state(life.id, copyInInt8('hop-state', spins)));
        return net;
      },

      /** A copy of the state (Int8Array of +-1). */
      get state() {
        const name = live('state');
        const p = block('hop-state', n);
        check(name, ex.sc_flat_hopfield_get_state(life.id, p));
        return i8().slice(p, p + n);
      },

      setThresholds(theta) {
        const name = live('setThresholds');
        const values = checkArray(name, 'theta', theta, n);
        const p = block('hop-theta', n * 4);
        f32().set(values, p >> 2);
        check(name, ex.sc_flat_hopfield_set_thresholds(life.id, p));
        return net;
      },

      /** A copy of W (Float32Array n*n, row-major). */
      weights() {
        const name = live('weights');
        // Up to 64 MiB: a one-off allocation, freed at once, rather than a
        // reusable block that would keep that much memory forever.
        const p = ex.malloc(n * n * 4);
        if (!p) throw new Error(`${name}: out of memory for ${n * n * 4} bytes`);
        try {
          check(name, ex.sc_flat_hopfield_get_weights(life.id, p));
          return f32().slice(p >> 2, (p >> 2) + n * n);
        } finally {
          ex.free(p);
        }
      },

      /** Local fields h = W s (Float32Array n), thresholds not subtracted. */
      fields() {
        const name = live('fields');
        const p = block('hop-fields', n * 4);
        check(name, ex.sc_flat_hopfield_fields(life.id, p));
        return f32().slice(p >> 2, (p >> 2) + n);
      },

      /** Restart the network's generator. */
      seed(seed) {
        const name = live('seed');
        check(name, ex.sc_flat_hopfield_seed(life.id, checkSeed(name, seed)));
        return net;
      },

      /** One sweep; returns the number of neurons that flipped. */
      step(options) {
        const name = live('step');
        const o = readOptions(name, 'options', options, ['mode', 'temperature', 'seed', 'order'], true);
        const d = dynamics(name, o, true);
        const pFlips = block('hop-out', 16);
        check(name, ex.sc_flat_hopfield_step(life.id, d.mode, d.temperature, d.pOrder, d.orderLength, pFlips));
        return i32()[pFlips >> 2];
      },

      /** Sweeps until a fixed point, a synchronous 2-cycle, or maxSweeps. */
      run(options) {
        const name = live('run');
        const o = readOptions(name, 'options', options, ['mode', 'temperature', 'seed', 'order', 'maxSweeps'], true);
        const maxSweeps = o.maxSweeps === undefined ? 100 : checkInt(name, 'maxSweeps', o.maxSweeps, 1, HOPFIELD_LIMITS.maxSweeps);
        const d = dynamics(name, o, true);
        const pOut = block('hop-out', 16);
        check(name, ex.sc_flat_hopfield_run(life.id, d.mode, d.temperature, d.pOrder, d.orderLength, maxSweeps, pOut));
        const r = i32();
        return { sweeps: r[pOut >> 2], converged: r[(pOut >> 2) + 1] === 1, cycle: r[(pOut >> 2) + 2] };
      },

      /** Geometric cooling from `from` to `to` over `sweeps` sweeps; returns total flips. */
      anneal(options) {
        const name = live('anneal');
        const o = readOptions(name, 'options', options, ['from', 'to', 'sweeps', 'mode', 'seed', 'order']);
        const to = checkNumber(name, 'to', o.to, { gt: 0 });
        const from = checkNumber(name, 'from', o.from, { min: to });
        const sweeps = checkInt(name, 'sweeps', o.sweeps, 1, HOPFIELD_LIMITS.maxSweeps);
        const d = dynamics(name, o, false);
        const pFlips = block('hop-out', 16);
        check(name, ex.sc_flat_hopfield_anneal(life.id, d.mode, d.pOrder, d.orderLength, from, to, sweeps, pFlips));
        return i32()[pFlips >> 2];
      },

      /**
       * The dynamics a little at a time, for an animation (one call per
       * frame): `updates` neuron updates continuing the current random order
       * (async) or sweeps (sync), stopping early at a T = 0 fixed point or
       * 2-cycle. n updates in any chunks equal one step().
       */
      advance(options) {
        const name = live('advance');
        const o = readOptions(name, 'options', options, ['mode', 'temperature', 'updates', 'recordEvery'], true);
        const mode = o.mode === undefined ? 0 : checkOption(name, 'mode', o.mode, HOPFIELD_MODES);
        const temperature = o.temperature === undefined ? 0 : checkNumber(name, 'temperature', o.temperature, { min: 0 });
        const updates = o.updates === undefined ? 1 : checkInt(name, 'updates', o.updates, 1, HOPFIELD_LIMITS.maxAdvance);
        const every = o.recordEvery === undefined ? 0 : checkInt(name, 'recordEvery', o.recordEvery, 1, HOPFIELD_LIMITS.maxAdvance);
        // One energy per recordEvery updates and one at the end (the trace of the animation's plot).
        const points = Math.min(every ? Math.ceil(updates / every) : 1, MAX_TRACE);
        const pE = block('hop-trace', points * 8);
        const p = block('hop-out', 20);
        check(name, ex.sc_flat_hopfield_advance(life.id, mode, temperature, updates, every, pE, points, p));
        const r = i32().slice(p >> 2, (p >> 2) + 5);
        const energies = f64().slice(pE >> 3, (pE >> 3) + r[4]);
        const ps = block('hop-state', n);
        check(name, ex.sc_flat_hopfield_get_state(life.id, ps));
        const state = i8().slice(ps, ps + n);
        return { updates: r[0], flips: r[1], last: r[2], end: ADVANCE_ENDS[r[3]], energies, state };
      },

      /** E = -1/2 s^T W s + theta^T s. */
      energy() {
        const name = live('energy');
        const p = block('hop-energy', 8);
        check(name, ex.sc_flat_hopfield_energy(life.id, p));
        return f64()[p >> 3];
      },

      /** m^mu = (1/n) sum_i xi^mu_i s_i for each stored pattern (Float32Array). */
      overlaps() {
        const name = live('overlaps');
        const p = block('hop-overlaps', Math.max(count, 1) * 4);
        check(name, ex.sc_flat_hopfield_overlaps(life.id, p));
        return f32().slice(p >> 2, (p >> 2) + count);
      },

      dispose() {
        life.dispose();
      },
    };
    return life.attach(net);
  }

  /** T_k of anneal()'s geometric schedule, k = 0..sweeps-1: cooling one sweep at a time with advance(). */
  function hopfieldAnnealTemperature(from, to, sweeps, k) {
    const fn = 'hopfieldAnnealTemperature';
    to = checkNumber(fn, 'to', to, { gt: 0 });
    from = checkNumber(fn, 'from', from, { min: to });
    sweeps = checkInt(fn, 'sweeps', sweeps, 1, HOPFIELD_LIMITS.maxSweeps);
    k = checkInt(fn, 'k', k, 0, sweeps - 1);
    const p = block('hop-out', 16);
    check(fn, ex.sc_flat_hopfield_anneal_temperature(from, to, sweeps, k, p));
    return f32()[p >> 2];
  }

  function hopfieldCapacity(options) {
    const fn = 'hopfieldCapacity';
    const o = readOptions(fn, 'options', options, ['n', 'rule', 'noise', 'trials', 'loads', 'counts', 'maxSweeps', 'seed']);
    const n = checkInt(fn, 'n', o.n, 1, HOPFIELD_LIMITS.maxNeurons);
    const rule = o.rule === undefined ? 0 : checkOption(fn, 'rule', o.rule, HOPFIELD_RULES);
    const noise = o.noise === undefined ? 0.1 : checkNumber(fn, 'noise', o.noise, { min: 0, max: 0.5 });
    const trials = o.trials === undefined ? 10 : checkInt(fn, 'trials', o.trials, 1, HOPFIELD_LIMITS.maxTrials);
    const maxSweeps = o.maxSweeps === undefined ? 100 : checkInt(fn, 'maxSweeps', o.maxSweeps, 1, HOPFIELD_LIMITS.maxSweeps);
    const seed = o.seed === undefined ? 1 : checkSeed(fn, o.seed);
    if ((o.loads === undefined) === (o.counts === undefined)) {
      throw new TypeError(`${fn}: pass exactly one of loads (p/n values) or counts (pattern counts)`);
    }
    const maxCount = Math.min(n, HOPFIELD_LIMITS.maxPatterns);
    const name = o.loads !== undefined ? 'loads' : 'counts';
    const length = arrayLength(o[name]);
    if (length < 0) throw new TypeError(`${fn}: ${name} must be an array, got ${describe(o[name])}`);
    if (length < 1 || length > HOPFIELD_LIMITS.maxLoads) {
      throw new RangeError(`${fn}: ${name} has length ${length}, expected 1..${HOPFIELD_LIMITS.maxLoads}`);
    }
    const source = checkArray(fn, name, o[name], length, Float64Array);
    const counts = new Int32Array(length);
    for (let k = 0; k < length; k++) {
      if (o.loads !== undefined) {
        const load = checkNumber(fn, `loads[${k}]`, source[k], { gt: 0, max: maxCount / n });
        counts[k] = Math.max(1, Math.round(load * n));
      } else {
        counts[k] = checkInt(fn, `counts[${k}]`, source[k], 1, maxCount);
      }
    }
    const m = counts.length;
    const pCounts = copyInInt32('hop-counts', counts);
    const pRecall = block('hop-recall', m * 4);
    const pOverlap = block('hop-overlap', m * 4);
    check(fn, ex.sc_flat_hopfield_capacity(n, rule, noise, trials, maxSweeps, seed, pCounts, m, pRecall, pOverlap));
    return {
      counts,
      loads: Float64Array.from(counts, (c) => c / n),
      recall: f32().slice(pRecall >> 2, (pRecall >> 2) + m),
      overlap: f32().slice(pOverlap >> 2, (pOverlap >> 2) + m),
    };
  }

  return { hopfield, hopfieldCapacity, hopfieldAnnealTemperature, hopfieldLimits: HOPFIELD_LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'hopfield', core: 'hopfield', attach: (core) => hopfieldApi(core) });
