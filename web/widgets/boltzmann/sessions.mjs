// <simcore-boltzmann>'s learning run as a session (shared/sessions.mjs): the
// machine lives in the compute lane and each animation frame asks for a
// slice of epochs. Every number is the core's (docs/boltzmann.md): learning
// (`learn`: exact, Gibbs, CD-k, PCD), the exact log-likelihood (learn's trace
// where n ≤ 20, `rbmLogLikelihood` for a larger RBM), the statistics
// (`exactStats` or `sampleStats`). Samples come from a second machine of the
// same size holding a copy of the weights (so drawing fantasies never moves
// the learner's random generator): `sampleStats` with one recorded sweep
// returns the chain's state itself (the mean of one ±1 value), after
// `anneal` sweeps cooling from tStart to T. A unit is clamped by a bias of
// ±PIN on that copy: at the page's temperatures it flips with probability
// below e^(−2 PIN / T_max) ≈ 0, so the free units see it exactly as a
// clamped one and the core never changes it.
import { connectionMask } from './datasets.mjs';

export const PIN = 1e4;
export const MIN_BURN = 20; // sweeps before a fantasy is read, when the anneal setting is shorter
const STATS_SWEEPS = 200; // Gibbs sweeps per phase (at most) for the statistics shown when n > 20

/** A fresh learner: the seed fixes its initial weights and its sampler. */
function makeMachine(sc, p) {
  const m = sc.createBoltzmann({ visible: p.visible, hidden: p.hidden, seed: p.seed, restricted: p.restricted });
  const mask = connectionMask(p.set, p.visible, p.hidden, p.restricted);
  if (mask && !p.restricted) m.setMask(mask);
  return m;
}

/** The exact mean log-likelihood now, or NaN where the core cannot enumerate it. */
function logLikelihood(st, T) {
  const { machine, data, p } = st;
  if (machine.units <= st.sc.boltzmannLimits.maxExact) return machine.logLikelihood(data, { temperature: T });
  if (p.restricted && p.hidden <= st.sc.boltzmannLimits.maxExact) return machine.rbmLogLikelihood(data, { temperature: T });
  return NaN;
}

/** The copy of the learner's weights with the clamped units pinned (clamp: visible 0/1, values ±1). */
function pinned(st, clamp, values) {
  const { weights, biases } = st.machine.getWeights();
  if (clamp) for (let i = 0; i < clamp.length; i++) if (clamp[i]) biases[i] = values[i] * PIN;
  st.aux.setWeights({ weights, biases });
  return st.aux;
}

/** One sample of every unit (Int8Array n) from a fresh chain: `anneal` sweeps from tStart to T, then one. */
function sample(st, o) {
  const v = st.data.subarray(0, st.p.visible);
  const r = st.aux.sampleStats(v, { sweeps: 1, anneal: Math.max(MIN_BURN, o.anneal ?? 0), temperature: o.temperature, tStart: o.tStart });
  return Int8Array.from(r.model.means);
}

/** ⟨s_i s_j⟩ and ⟨s_i⟩ of both phases: exact by enumeration where n ≤ 20, else Gibbs estimates. */
function stats(st, o) {
  const { machine, data } = st;
  if (machine.units <= st.sc.boltzmannLimits.maxExact) {
    const r = machine.exactStats(data, { temperature: o.temperature });
    return { how: 'exact', data: r.data, model: r.model };
  }
  // Gibbs learning shows the estimate it learns from (its sweeps, at most 200); CD shows the Gibbs
  // estimate of the true gradient's two terms.
  const gibbs = o.method === 'gibbs';
  const sweeps = gibbs ? Math.min(STATS_SWEEPS, o.sweeps ?? STATS_SWEEPS) : STATS_SWEEPS;
  const anneal = gibbs ? o.anneal ?? 0 : MIN_BURN;
  const r = machine.sampleStats(data, { sweeps, anneal, temperature: o.temperature, tStart: o.tStart });
  return { how: 'gibbs', sweeps, data: r.data, model: r.model };
}

/**
 * The encoder's recall table: for each code k, V1 clamped to it, the exact
 * means of the hidden units and of V2 (the other units summed out); the
 * hidden code is the signs of ⟨h⟩, the output the V2 unit most likely on.
 */
function recall(st, o) {
  const { p } = st;
  const rows = [];
  for (let k = 0; k < 4; k++) {
    const v = st.data.subarray(k * p.visible, (k + 1) * p.visible);
    const m = pinned(st, Uint8Array.from({ length: p.visible }, (_, i) => (i < 4 ? 1 : 0)), v);
    const means = m.exactStats(v, { temperature: o.temperature }).model.means;
    const out = Array.from(means.subarray(4, 8));
    const hidden = Array.from(means.subarray(p.visible));
    const output = out.indexOf(Math.max(...out));
    rows.push({ input: k, hidden, code: hidden.map((x) => (x >= 0 ? 1 : -1)), out, output });
  }
  const codes = new Set(rows.map((r) => r.code.join(',')));
  return { rows, distinct: codes.size === 4, recalled: rows.every((r) => r.output === r.input) };
}

/**
 * Pattern completion: the clamped visible units pinned, the rest sampled.
 * Returns { sample (Int8Array n), probs (P(s_i = +1) for every unit: exact
 * where n ≤ 20, else from `sweeps` Gibbs sweeps), how }.
 */
// P(+1) from a mean ⟨s⟩ ∈ [−1, 1]; a pinned unit's enumerated mean can miss ±1 by a rounding (1e−15).
const probability = (x) => Math.min(1, Math.max(0, (1 + x) / 2));

function complete(st, c, o) {
  const m = pinned(st, c.clamp, c.values);
  const out = { sample: sample(st, o) };
  if (m.units <= st.sc.boltzmannLimits.maxExact) {
    out.probs = Float64Array.from(m.exactStats(c.values, { temperature: o.temperature }).model.means, probability);
    out.how = 'exact';
  } else {
    const r = m.sampleStats(c.values, { sweeps: STATS_SWEEPS, anneal: Math.max(MIN_BURN, o.anneal ?? 0), temperature: o.temperature, tStart: o.tStart });
    out.probs = Float64Array.from(r.model.means, probability);
    out.how = 'gibbs';
  }
  return out;
}

function restart(st) {
  st.machine?.dispose();
  st.machine = null;
  st.machine = makeMachine(st.sc, st.p);
  st.epoch = 0;
  st.diverged = null;
  st.rows = [0, logLikelihood(st, st.p.temperature ?? 1)];
}

export const SESSIONS = {
  /**
   * params: set (a DATA_SETS name, for the encoder's connections), visible,
   * hidden, restricted (an RBM), seed, data (Int8Array count × visible of ±1),
   * temperature (of the epoch-0 log-likelihood).
   */
  learn: {
    create(sc, params) {
      const p = { ...params };
      const st = { sc, p, data: Int8Array.from(p.data), count: p.data.length / p.visible, machine: null, aux: null };
      try {
        st.aux = sc.createBoltzmann({ visible: p.visible, hidden: p.hidden, seed: p.seed + 1 });
        restart(st);
      } catch (err) {
        st.machine?.dispose();
        st.aux?.dispose();
        throw err;
      }
      return st;
    },

    /**
     * One frame. args, in this order: `reset` (a new learner from the same
     * seed: the same initial weights and sampler, epoch 0), up to `epochs`
     * epochs of `learn` ({ method, epsilon, sweeps, anneal, temperature,
     * tStart, k }) while `budgetMs` lasts (at least one), then what the frame
     * should hold: `stats`, `fantasies` (a count), `recall` (the encoder),
     * `complete` ({ clamp: Uint8Array visible, values: Int8Array visible }).
     * The sampling options come from `learn`. Returns { epoch, epochsRun, ms,
     * rows (new [epoch, log-likelihood] pairs), weights, biases, diverged?,
     * stats?, fantasies? (Int8Array count × n), recall?, completion? }.
     */
    step(st, args = {}) {
      if (args.reset) restart(st);
      const o = { temperature: 1, ...args.learn };
      const t0 = performance.now();
      const max = args.epochs ?? 0;
      const budget = args.budgetMs ?? 8;
      let run = 0;
      const rows = st.rows; // [epoch, ln P] pairs not yet sent (restart() adds epoch 0)
      while (run < max && !st.diverged && (run === 0 || performance.now() - t0 < budget)) {
        try {
          const trace = st.machine.learn(st.data, { ...o, epochs: 1 });
          st.epoch++;
          run++;
          rows.push(st.epoch, trace.length ? trace[0] : logLikelihood(st, o.temperature));
        } catch (err) {
          // A weight leaving ±1e6 (the core refuses it) stops learning until reset; the page's
          // limits (ε ≤ 2, 10⁵ epochs: |Δw| ≤ 2ε per epoch) keep it out of reach, a wider schema might not.
          if (!(err instanceof RangeError)) throw err;
          st.diverged = err.message;
        }
      }
      const ms = performance.now() - t0;
      const { weights, biases } = st.machine.getWeights();
      const frame = { epoch: st.epoch, epochsRun: run, ms, rows: Float64Array.from(rows.splice(0)), weights, biases,
        units: st.machine.units, maxExact: st.sc.boltzmannLimits.maxExact, diverged: st.diverged };
      const transfer = [frame.rows.buffer, weights.buffer, biases.buffer];
      if (args.stats) {
        frame.stats = stats(st, o);
        transfer.push(frame.stats.data.pairs.buffer, frame.stats.model.pairs.buffer, frame.stats.data.means.buffer, frame.stats.model.means.buffer);
      }
      if (args.fantasies > 0) {
        const n = st.machine.units;
        pinned(st, null, null);
        frame.fantasies = new Int8Array(args.fantasies * n);
        for (let f = 0; f < args.fantasies; f++) frame.fantasies.set(sample(st, o), f * n);
        transfer.push(frame.fantasies.buffer);
      }
      if (args.recall && st.p.set === 'encoder' && st.machine.units <= st.sc.boltzmannLimits.maxExact) frame.recall = recall(st, o);
      if (args.complete) {
        frame.completion = complete(st, args.complete, o);
        transfer.push(frame.completion.sample.buffer, frame.completion.probs.buffer);
      }
      return { frame, transfer };
    },

    dispose(st) {
      st.machine?.dispose();
      st.aux?.dispose();
    },
  },
};
