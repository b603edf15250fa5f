// What <simcore-network> keeps of its session's frames (no DOM, so Node
// tests it): the spikes of the last `keep` ms (time, neuron), the rate per
// ms and v, u of the watched neuron per ms over the same span, and the
// count of every spike since t = 0.

export class Recent {
  constructor(keep) {
    this.keep = keep;
    this.clear();
  }

  clear() {
    this.t = new Float32Array(1 << 14);
    this.i = new Int32Array(1 << 14);
    this.start = 0;
    this.len = 0;
    this.time = 0; // ms simulated so far (the end of the last step)
    this.total = 0; // spikes since t = 0
    this.rate = new Float32Array(this.keep); // ring by ms
    this.v = new Float32Array(this.keep).fill(NaN);
    this.u = new Float32Array(this.keep).fill(NaN);
    this.watch = -1;
  }

  /** Forget the samples of the watched neuron (another one is chosen). */
  clearTrace() {
    this.v.fill(NaN);
    this.u.fill(NaN);
  }

  /** Adds one session frame (sessions.mjs step result). */
  add(f) {
    const n = f.spikeTimes.length;
    if (this.start + this.len + n > this.t.length) this.compact(n);
    this.t.set(f.spikeTimes, this.start + this.len);
    this.i.set(f.spikeIndex, this.start + this.len);
    this.len += n;
    this.total += n;
    for (let k = 0; k < f.rate.length; k++) this.rate[(f.t0 + k) % this.keep] = f.rate[k];
    if (f.watch !== this.watch) {
      this.clearTrace();
      this.watch = f.watch;
    }
    // Samples are taken after each step: the one after step t belongs to t + 1.
    for (let k = 0; k < f.v.length; k++) {
      this.v[(f.t0 + k + 1) % this.keep] = f.v[k];
      this.u[(f.t0 + k + 1) % this.keep] = f.u[k];
    }
    this.time = f.time;
    this.drop();
  }

  /** Spikes before time − keep leave. */
  drop() {
    const from = this.time - this.keep;
    while (this.len > 0 && this.t[this.start] < from) {
      this.start++;
      this.len--;
    }
  }

  compact(extra) {
    const need = this.len + extra;
    let size = this.t.length;
    while (size < 2 * need) size *= 2;
    const t = new Float32Array(size);
    const i = new Int32Array(size);
    t.set(this.t.subarray(this.start, this.start + this.len));
    i.set(this.i.subarray(this.start, this.start + this.len));
    this.t = t;
    this.i = i;
    this.start = 0;
  }

  /** The kept spikes (views; valid until the next add). */
  spikes() {
    return { t: this.t.subarray(this.start, this.start + this.len), i: this.i.subarray(this.start, this.start + this.len) };
  }

  /** The rate (Hz) at ms t, if kept. */
  rateAt(t) {
    return t >= 0 && t < this.time && t >= this.time - this.keep ? this.rate[t % this.keep] : NaN;
  }

  /** v and u after ms t − 1 (the state at time t), NaN if not sampled. */
  traceAt(t) {
    if (!(t > 0 && t <= this.time && t > this.time - this.keep)) return [NaN, NaN];
    return [this.v[t % this.keep], this.u[t % this.keep]];
  }
}
