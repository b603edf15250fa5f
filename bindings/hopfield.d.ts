// Type declarations for bindings/hopfield.mjs (sc.hopfield, sc.hopfieldCapacity,
// sc.hopfieldLimits). Model, conventions and formulas: docs/hopfield.md; the
// C contract: core/include/simcore/hopfield.h.
//
// Conventions: states are -1/+1; W is symmetric with w_ii = 0; the local field
// is h_i = sum_j w_ij s_j; at T = 0 a neuron becomes +1 iff h_i >= theta_i
// (sign(0) -> +1); at T > 0, P(s_i = +1) = 1 / (1 + exp(-2 (h_i - theta_i) / T));
// E = -1/2 sum_ij w_ij s_i s_j + sum_i theta_i s_i; m^mu = (1/n) sum_i xi^mu_i s_i.
//
// Errors: TypeError for a wrong type, RangeError for a value out of range (a
// wrong length, a value other than -1/+1, n outside 1..4096, an unknown rule,
// mode or option key, a non-finite or negative temperature); messages start
// with the function ("hopfield.store: patterns[3] is 2; values must be -1 or
// +1"). Error for a disposed network ("hopfield.step: this network was
// disposed"), a full pool (64 live networks) or out of memory.

export type HopfieldRule = 'hebb' | 'storkey' | 'pseudoinverse';
export type HopfieldMode = 'async' | 'sync';

/** -1/+1 values: Int8Array (no conversion), another numeric typed array, or an Array. */
export type SpinArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | readonly number[];

export interface HopfieldStoreOptions {
  /** Default 'hebb'. */
  rule?: HopfieldRule;
}

export interface HopfieldDynamics {
  /** Default 'async': one neuron at a time in a random order; 'sync': all at once. */
  mode?: HopfieldMode;
  /** Restart the network's generator (integer 0..2^32-1) before this call. */
  seed?: number;
  /**
   * 'async' only: the neurons to update, in this order (indices 0..n-1,
   * repeats allowed; `[i]` updates neuron i alone). Default: a fresh random
   * permutation of all n per sweep.
   */
  order?: Int32Array | readonly number[];
}

export interface HopfieldStepOptions extends HopfieldDynamics {
  /** >= 0, finite; default 0 (deterministic threshold units). */
  temperature?: number;
}

export interface HopfieldRunOptions extends HopfieldStepOptions {
  /** Integer 1..1e6; default 100. */
  maxSweeps?: number;
}

export interface HopfieldAnnealOptions extends HopfieldDynamics {
  /** Start temperature, finite, >= to. */
  from: number;
  /** End temperature, finite, > 0. Geometric schedule T_k = from (to/from)^(k/(sweeps-1)). */
  to: number;
  /** Number of sweeps (one per temperature), integer 1..1e6. */
  sweeps: number;
}

export interface HopfieldRunResult {
  /** Sweeps performed. */
  sweeps: number;
  /** The last sweep changed nothing (a fixed point at T = 0). */
  converged: boolean;
  /** 2 when a synchronous T = 0 run ended in a 2-cycle (s(t+1) = s(t-1) != s(t)), else 0. */
  cycle: number;
}

export interface HopfieldNetwork {
  /** Number of neurons. */
  readonly n: number;
  /** Number of stored patterns (the length of overlaps()). */
  readonly patterns: number;
  readonly disposed: boolean;
  /** A copy of the state. */
  readonly state: Int8Array;
  /**
   * Replace W by the weights storing the patterns: count * n values (flat,
   * row per pattern) or an Array of count rows of n; 1 <= count <= min(n, 1024).
   * Returns the network.
   */
  store(patterns: SpinArray | readonly SpinArray[], options?: HopfieldStoreOptions): HopfieldNetwork;
  setState(state: SpinArray): HopfieldNetwork;
  /** Thresholds theta (n finite values; default all 0). */
  setThresholds(theta: Float32Array | Float64Array | readonly number[]): HopfieldNetwork;
  /** A copy of W, n * n, row-major. */
  weights(): Float32Array;
  /** Local fields h = W s of the current state (thresholds not subtracted). */
  fields(): Float32Array;
  /** Restart the generator (integer 0..2^32-1); a new network starts as seed 1. */
  seed(seed: number): HopfieldNetwork;
  /** One sweep; returns the number of neurons that changed sign. */
  step(options?: HopfieldStepOptions): number;
  /** Sweeps until a fixed point, a synchronous 2-cycle, or maxSweeps. */
  run(options?: HopfieldRunOptions): HopfieldRunResult;
  /** Simulated annealing; returns the total number of flips. Follow with run() to settle. */
  anneal(options: HopfieldAnnealOptions): number;
  /**
   * The dynamics a little at a time, for an animation (one call per frame):
   * `updates` neuron updates (async, continuing the current random order) or
   * sweeps (sync), stopping early at a T = 0 fixed point (a whole quiet
   * sweep) or synchronous 2-cycle. n updates in any chunks equal one step();
   * setState, store, seed, step, run and anneal start a fresh sweep.
   */
  advance(options?: HopfieldAdvanceOptions): HopfieldAdvanceResult;
  /** E = -1/2 s^T W s + theta^T s. */
  energy(): number;
  /** m^mu for each stored pattern. */
  overlaps(): Float32Array;
  /** Free the network's wasm memory; idempotent. Any later call throws Error. */
  dispose(): void;
}

export interface HopfieldAdvanceOptions {
  /** Default 'async'. */
  mode?: HopfieldMode;
  /** >= 0, default 0. */
  temperature?: number;
  /** Neuron updates (async) or sweeps (sync), integer 1..hopfieldLimits.maxAdvance; default 1. */
  updates?: number;
  /** Also return the energy after every recordEvery updates (at most 4096 points); default: after the last only. */
  recordEvery?: number;
}

export interface HopfieldAdvanceResult {
  /** Made: fewer than asked when the network came to rest. */
  updates: number;
  /** Neurons that changed sign. */
  flips: number;
  /** Async: the neuron updated last; sync: -1. */
  last: number;
  /** 'fixed' (T = 0, a whole sweep changed nothing), 'cycle' (sync 2-cycle), or null. */
  end: 'fixed' | 'cycle' | null;
  /** Energies along the way (see recordEvery); the last is the energy now. */
  energies: Float64Array;
  /** The state now (the frame to draw). */
  state: Int8Array;
}

export interface HopfieldCapacityOptions {
  /** Neurons, integer 1..4096 (keep <= 256 for an interactive chart). */
  n: number;
  /** Default 'hebb'. */
  rule?: HopfieldRule;
  /** Fraction of neurons flipped in each probe, 0..0.5; default 0.1. */
  noise?: number;
  /** Integer 1..10000; default 10. */
  trials?: number;
  /** Loads p/n in (0, min(n, 1024)/n], p = max(1, round(load n)). Exactly one of loads, counts. */
  loads?: readonly number[] | Float64Array | Float32Array;
  /** Pattern counts, integers 1..min(n, 1024). */
  counts?: readonly number[] | Int32Array;
  /** Per recall, integer 1..1e6; default 100. */
  maxSweeps?: number;
  /** Integer 0..2^32-1; default 1. Same options, same numbers. */
  seed?: number;
}

export interface HopfieldCapacityResult {
  counts: Int32Array;
  /** counts / n. */
  loads: Float64Array;
  /** Fraction of recalls ending exactly on the pattern. */
  recall: Float32Array;
  /** Mean final overlap with the pattern. */
  overlap: Float32Array;
}

export interface HopfieldLimits {
  readonly maxNeurons: number;
  readonly maxPatterns: number;
  readonly maxNetworks: number;
  readonly maxSweeps: number;
  readonly maxTrials: number;
  readonly maxLoads: number;
  /** Updates of one advance() call (2^24). */
  readonly maxAdvance: number;
}

/** The Hopfield members of Simcore (simcore.d.ts). */
export interface HopfieldApi {
  /** A network of n neurons (integer 1..4096): zero weights and thresholds, all states +1. */
  hopfield(n: number): HopfieldNetwork;
  /** Recall rate and final overlap against load (for the capacity chart). */
  hopfieldCapacity(options: HopfieldCapacityOptions): HopfieldCapacityResult;
  /** T_k = from (to/from)^(k/(sweeps-1)) of anneal()'s schedule (from >= to > 0, k = 0..sweeps-1). */
  hopfieldAnnealTemperature(from: number, to: number, sweeps: number, k: number): number;
  /** Size limits of the Hopfield engine (n, patterns, pool). */
  readonly hopfieldLimits: HopfieldLimits;
}
