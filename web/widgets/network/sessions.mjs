// <simcore-network>'s network as a session (shared/sessions.mjs): it lives
// in the compute lane (a worker, or the page thread), and the page asks for
// one frame per animation frame. The dynamics, spikes, rate and spectrum are
// the core's (sc.createIzhikevichNetwork, its setParams and spectrum;
// docs/snn.md); this file only cuts a frame's milliseconds into chunks under
// a wall-time cap and samples v and u of one watched neuron after every
// 1-ms step.
import { networkOptions } from './schema.mjs';

const CHUNK_MS = 10; // simulated ms between two looks at the clock
export const SEGMENT = 500; // Welch segment: 2 Hz bins (docs/snn.md)

const now = () => performance.now();

function concat(parts, Type) {
  const out = new Type(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}


export const SESSIONS = {
  /** A network (params: the state fields of schema.mjs that define it). */
  net: {
    create(sc, params) {
      const net = sc.createIzhikevichNetwork(networkOptions(params));
      return { sc, net, n: net.ne + net.ni, filled: 0 };
    },

    /**
     * One frame. args: `set` (new noise, scales or heterogeneity for the
     * running network first: net.setParams), `reset` (back to t = 0 with the same seed), `ms`
     * (simulated ms wanted), `wallMs` (stop after this much wall time, at
     * the end of a chunk; 0 = no cap: exactly `ms`), `watch` (a neuron whose
     * v, u are sampled after every step, or -1), `spectrumMs` (also the
     * rate's spectrum over the last that many ms, when at least one segment
     * is there). Returns the new spikes (times in ms, neurons), the rate per
     * ms, the samples, t0 (time before) and time (after), and the spectrum.
     */
    step(st, args) {
      const { ms = 0, wallMs = 10, watch = -1, spectrumMs = 0 } = args;
      if (args.set) st.net.setParams(args.set);
      if (args.reset) {
        st.net.reset();
        st.filled = 0;
      }
      const t0 = st.net.time;
      const start = now();
      const times = [];
      const index = [];
      const rates = [];
      const vs = [];
      const us = [];
      const watching = Number.isInteger(watch) && watch >= 0 && watch < st.n;
      const one = watching ? Int32Array.of(watch) : null;
      let done = 0;
      while (done < ms && (!wallMs || done === 0 || now() - start < wallMs)) {
        const steps = watching ? 1 : Math.min(CHUNK_MS, ms - done);
        const r = st.net.run(steps);
        times.push(r.spikeTimes);
        index.push(r.spikeIndex);
        rates.push(r.rate);
        if (watching) {
          const s = st.net.trace(one);
          vs.push(s.v[0]);
          us.push(s.u[0]);
        }
        done += steps;
      }
      const rate = concat(rates, Float32Array);
      st.filled += rate.length;
      const spikeTimes = concat(times, Float32Array);
      const spikeIndex = concat(index, Int32Array);
      const v = Float32Array.from(vs);
      const u = Float32Array.from(us);
      let spectrum = null;
      const have = Math.floor(Math.min(spectrumMs, st.filled) / SEGMENT) * SEGMENT;
      if (have >= SEGMENT) spectrum = { ms: have, ...st.net.spectrum({ segment: SEGMENT, ms: have }) };
      const transfer = [spikeTimes.buffer, spikeIndex.buffer, rate.buffer, v.buffer, u.buffer];
      if (spectrum) transfer.push(spectrum.freq.buffer, spectrum.power.buffer);
      return {
        frame: { t0, time: st.net.time, done, spikeTimes, spikeIndex, rate, watch: watching ? watch : -1, v, u, spectrum, wallMs: now() - start },
        transfer,
      };
    },

    dispose(st) {
      st.net.dispose();
    },
  },
};
