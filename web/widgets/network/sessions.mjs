// <simcore-network>'s network as a session (shared/sessions.mjs): it lives
// in the compute lane (a worker, or the page thread), and the page asks for
// one frame per animation frame. The dynamics, spikes, rate and spectrum are
// the core's (sc.createIzhikevichNetwork, sc.rateSpectrum; docs/snn.md);
// this file only cuts a frame's milliseconds into chunks under a wall-time
// cap, samples v and u of one watched neuron after every 1-ms step, and
// keeps the last seconds of the rate for the spectrum.
import { networkOptions } from './schema.mjs';

const HISTORY_MS = 16000; // rate kept for the spectrum (the longest choice)
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

/** The last `ms` rate samples in time order (ms ≤ st.filled). */
function lastRates(st, ms) {
  const out = new Float32Array(ms);
  const start = (st.head - ms + HISTORY_MS) % HISTORY_MS;
  for (let k = 0; k < ms; k++) out[k] = st.history[(start + k) % HISTORY_MS];
  return out;
}

function remember(st, rate) {
  for (let k = 0; k < rate.length; k++) {
    st.history[st.head] = rate[k];
    st.head = (st.head + 1) % HISTORY_MS;
  }
  st.filled = Math.min(HISTORY_MS, st.filled + rate.length);
}

export const SESSIONS = {
  /** A network (params: the state fields of schema.mjs that define it). */
  net: {
    create(sc, params) {
      const net = sc.createIzhikevichNetwork(networkOptions(params));
      return { sc, net, n: net.ne + net.ni, history: new Float32Array(HISTORY_MS), head: 0, filled: 0 };
    },

    /**
     * One frame. args: `reset` (back to t = 0 with the same seed first), `ms`
     * (simulated ms wanted), `wallMs` (stop after this much wall time, at
     * the end of a chunk; 0 = no cap: exactly `ms`), `watch` (a neuron whose
     * v, u are sampled after every step, or -1), `spectrumMs` (also the
     * rate's spectrum over the last that many ms, when at least one segment
     * is there). Returns the new spikes (times in ms, neurons), the rate per
     * ms, the samples, t0 (time before) and time (after), and the spectrum.
     */
    step(st, args) {
      const { ms = 0, wallMs = 10, watch = -1, spectrumMs = 0 } = args;
      if (args.reset) {
        st.net.reset();
        st.head = 0;
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
      remember(st, rate);
      const spikeTimes = concat(times, Float32Array);
      const spikeIndex = concat(index, Int32Array);
      const v = Float32Array.from(vs);
      const u = Float32Array.from(us);
      let spectrum = null;
      const have = Math.floor(Math.min(spectrumMs, st.filled) / SEGMENT) * SEGMENT;
      if (have >= SEGMENT) spectrum = { ms: have, ...st.sc.rateSpectrum(lastRates(st, have), { segment: SEGMENT }) };
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
