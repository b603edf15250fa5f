// <simcore-hopfield>'s network as a session (shared/sessions.mjs): it lives
// in the compute lane, and the page asks for one frame per animation frame.
// Every update order, anneal temperature, fixed point and 2-cycle is the
// core's (net.advance, sc.hopfieldAnnealTemperature; docs/hopfield.md); this
// file only keeps the count of updates into the current sweep and the time
// in sweeps, so the page can place the energy points.
import { timed } from '../shared/timed.mjs';

/** Energy points of one advance() call: the core records one per `every` updates and one at the end. */
function times(t0, n, made, every, count) {
  const xs = new Float64Array(count);
  for (let k = 0; k < count; k++) xs[k] = t0 + Math.min(every ? (k + 1) * every : made, made) / n;
  return xs;
}

function advance(st, mode, temperature, updates, every) {
  const r = st.net.advance({ mode, temperature, updates, ...(every ? { recordEvery: every } : {}) });
  const unit = mode === 'sync' ? 1 : st.n; // sync counts sweeps, async neuron updates
  const xs = times(st.time, unit, r.updates, every, r.energies.length);
  st.time += r.updates / unit;
  // The core starts a new random order once a sweep is complete (or a mode switch abandoned it).
  st.cursor = mode === 'sync' || r.end ? 0 : (st.cursor + r.updates) % st.n;
  return { r, xs };
}

function frame(st, parts, extra) {
  const xs = Float64Array.from(parts.flatMap((p) => Array.from(p.xs)));
  const energies = Float64Array.from(parts.flatMap((p) => Array.from(p.r.energies)));
  const last = parts.length ? parts[parts.length - 1].r : null;
  const state = last ? last.state : st.net.state;
  const overlaps = st.net.overlaps();
  const out = {
    state, overlaps, sweeps: xs, energies, energy: energies.length ? energies[energies.length - 1] : st.net.energy(),
    time: st.time, cursor: st.cursor, updates: parts.reduce((a, p) => a + p.r.updates, 0),
    last: last && last.last >= 0 ? last.last : -1, end: last?.end ?? null, ...extra,
  };
  return { frame: out, transfer: [state.buffer, overlaps.buffer, xs.buffer, energies.buffer] };
}

export const SESSIONS = {
  /**
   * A network of n neurons with the patterns stored (params: n, seed,
   * patterns as a flat Int8Array of rows, rule, state).
   */
  net: {
    create(sc, { n, seed, patterns, rule, state }) {
      const net = sc.hopfield(n);
      try {
        net.seed(seed);
        // With no pattern W stays zero (every field 0: all neurons go to +1).
        const [, ms] = timed(() => (patterns.length ? net.store(patterns, { rule }) : net));
        net.setState(state);
        return { sc, net, n, time: 0, cursor: 0, storeMs: ms };
      } catch (err) {
        net.dispose();
        throw err;
      }
    },

    /**
     * One frame. args: `set` (a new state first: an edit; time restarts at
     * 0), then at most one of: `updates` (async neuron updates or sync
     * sweeps at `temperature`, a point every `recordEvery`), `rest` (async:
     * the rest of the current sweep, one point), `anneal` ({ from, to,
     * sweeps, k, count }: `count` sweeps at the schedule's T_k, T_k+1, ...,
     * a point per sweep). Returns the state, overlaps, the new energy
     * points (sweeps, energies), time and how it ended (end: null, 'fixed',
     * 'cycle'; last: the neuron updated last, or -1).
     */
    step(st, args) {
      const { mode = 'async', temperature = 0 } = args;
      if (args.set) {
        st.net.setState(args.set);
        st.time = 0;
        st.cursor = 0;
      }
      const parts = [];
      let T = temperature;
      if (args.anneal) {
        const { from, to, sweeps, k, count } = args.anneal;
        // The schedule cools from the higher end to the lower, whichever slider holds which.
        const hi = Math.max(from, to);
        const lo = Math.min(from, to);
        for (let j = 0; j < count && k + j < sweeps; j++) {
          T = st.sc.hopfieldAnnealTemperature(hi, lo, sweeps, k + j);
          parts.push(advance(st, mode, T, mode === 'sync' ? 1 : st.n, 0));
        }
      } else if (args.rest) {
        parts.push(advance(st, mode, temperature, mode === 'sync' ? 1 : st.n - st.cursor, 0));
      } else if (args.updates > 0) {
        parts.push(advance(st, mode, temperature, args.updates, args.recordEvery ?? 0));
      }
      return frame(st, parts, { temperature: T });
    },

    /** Everything at once: W (Float32Array n×n), state, energy, overlaps, store time. */
    snapshot(st) {
      const weights = st.net.weights();
      const state = st.net.state;
      const overlaps = st.net.overlaps();
      return {
        frame: { weights, state, overlaps, energy: st.net.energy(), time: st.time, storeMs: st.storeMs },
        transfer: [weights.buffer, state.buffer, overlaps.buffer],
      };
    },

    dispose(st) {
      st.net.dispose();
    },
  },
};
