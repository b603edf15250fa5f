// Spiking networks of Izhikevich neurons (bindings/snn.mjs; docs/snn.md).
// Names fixed by issue 16 so outside scripts can rely on them.

export type SnnScheme = 'net.m';
export type SnnMode = 'exact' | 'fast';

export interface IzhikevichNetworkOptions {
  /** Excitatory neurons (default 800). */
  ne?: number;
  /** Inhibitory neurons (default 200); ne + ni <= snnLimits.maxNeurons. */
  ni?: number;
  /** PCG32 seed, 0..2^32-1 (default 1); reset() replays it. */
  seed?: number;
  /**
   * 'dense' (default): net.m's full S, ne + ni <= snnLimits.maxNeurons.
   * { inDegree: k }: each neuron receives k inputs (k ne / n excitatory, the
   * rest inhibitory, from distinct neurons), weights scaled so the mean
   * input at given rates is net.m's (exc 0.5 * 800 / k_e * U, inh 200 / k_i *
   * U); up to snnLimits.maxSparseNeurons neurons and maxInDegree inputs;
   * mode 'fast' only (the default with it).
   */
  coupling?: 'dense' | { inDegree: number };
  /** Thalamic input sd: exc 5, inh 2 as net.m. */
  noise?: { exc?: number; inh?: number };
  /** S = [exc * rand(N, Ne), -inh * rand(N, Ni)]: exc 0.5, inh 1 as net.m. */
  scale?: { exc?: number; inh?: number };
  /** net.m's random r per neuron (true) or r = 0 for all (false). */
  heterogeneity?: boolean;
  /** 'net.m': 1 ms steps, v in two 0.5 ms half steps. */
  scheme?: SnnScheme;
  /**
   * 'exact' (default): net.m in double precision, bit for bit given its
   * streams. 'fast': the same network (a seed draws the same a, b, c, d and
   * S in both modes) in float32, four neurons per SIMD vector, with its own
   * noise (four xoshiro128+ lanes, Box–Muller); several times faster, the
   * same rates and rhythms, not the same spikes (docs/snn.md, "Fast mode").
   */
  mode?: SnnMode;
}

export interface IzhikevichRun {
  /** Spike times in ms (the step's t, as net.m's firings). */
  spikeTimes: Float32Array;
  /** Neuron of each spike, 0..ne-1 excitatory, ne..ne+ni-1 inhibitory. */
  spikeIndex: Int32Array;
  /** Population rate per 1 ms step, in Hz per neuron. */
  rate: Float32Array;
}

export interface IzhikevichNetwork {
  readonly ne: number;
  readonly ni: number;
  readonly disposed: boolean;
  /** Simulated ms since creation or reset. */
  readonly time: number;
  /** Advance ms 1-ms steps (0..snnLimits.maxRunMs). */
  run(ms: number): IzhikevichRun;
  /** v and u (mV) of the chosen neurons now. */
  trace(indices: Int32Array | ArrayLike<number>): { v: Float64Array; u: Float64Array };
  /**
   * Welch spectrum (as rateSpectrum) of the population rate of the last `ms`
   * simulated ms; the network keeps the rate of up to 65,536 ms since it was
   * created or reset. segment default 500 (2 Hz bins); ms default: every
   * whole segment held. RangeError when less than one segment is held.
   */
  spectrum(options?: { segment?: number; ms?: number }): RateSpectrum;
  /**
   * New noise amplitudes, coupling scales or heterogeneity while it runs
   * (what is not given stays). The weights and a, b, c, d are drawn again
   * from the seed with them; v, u, the time and the noise stream go on. At
   * t = 0 (before the first run, after reset) the network equals the one
   * createIzhikevichNetwork builds with the same options, bit for bit. The
   * rate history stays unless forget is true.
   */
  setParams(changes: {
    noise?: { exc?: number; inh?: number };
    scale?: { exc?: number; inh?: number };
    heterogeneity?: boolean;
    forget?: boolean;
  }): IzhikevichNetwork;
  /** The changeable parameters now. */
  readonly params: { noise: { exc: number; inh: number }; scale: { exc: number; inh: number }; heterogeneity: boolean };
  /** Back to t = 0 with the same seed (and the parameters it has now); the rate history is cleared. */
  reset(): IzhikevichNetwork;
  dispose(): void;
}

export interface RateSpectrum {
  /** k * 1000 / segment Hz. */
  freq: Float32Array;
  /** Welch PSD (Hann, non-overlapping segments, mean removed), Hz^2 per Hz. */
  power: Float32Array;
}

export interface SnnLimits {
  /** Dense coupling. */
  maxNeurons: number;
  /** Sparse coupling ({ inDegree }). */
  maxSparseNeurons: number;
  maxInDegree: number;
  maxNetworks: number;
  maxRunMs: number;
}

export interface SnnApi {
  snnLimits: SnnLimits;
  createIzhikevichNetwork(options?: IzhikevichNetworkOptions): IzhikevichNetwork;
  /** segment: 5-smooth length 4..65536 (default 500, 2 Hz bins). */
  rateSpectrum(rate: Float32Array | ArrayLike<number>, options?: { segment?: number }): RateSpectrum;
}
