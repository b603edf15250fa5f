// Type declarations for bindings/boltzmann.mjs (sc.createBoltzmann,
// sc.boltzmannLimits). Model, conventions and formulas: docs/boltzmann.md;
// the C contract: core/include/simcore/boltzmann.h.
//
// Conventions: units are +-1 (the Hopfield area's), visible first then
// hidden; W symmetric with zero diagonal, biases b; E(s) = -1/2 s^T W s -
// b^T s, P(s) = e^{-E/T} / Z; Glauber units P(s_i = +1) = 1 / (1 +
// e^{-2 h_i / T}). Learning: dw_ij = epsilon (<s_i s_j>_data -
// <s_i s_j>_model), db_i = epsilon (<s_i>_data - <s_i>_model), one
// full-batch update per epoch. Data: count x visible values, each -1 or +1.
// Log-likelihoods are means over the data vectors of ln P(v), in nats.
//
// Errors: TypeError for a wrong type, RangeError for a value out of range
// (a data value other than +-1, a wrong length, an asymmetric matrix, more
// than 20 units for exact statistics); messages start with the function
// ("boltzmann.learn: epsilon 0 must be > 0"). Error for a disposed machine
// ("boltzmann.learn: this boltzmann was disposed"), a full pool (64 live
// machines) or out of memory.

/** Numbers: a numeric typed array (not BigInt) or an Array. */
export type BoltzmannNumbers = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | readonly number[];
export type BoltzmannMethod = 'exact' | 'gibbs' | 'cd' | 'pcd';

export interface CreateBoltzmannOptions {
  /** Visible units, 1..256. */
  visible: number;
  /** Hidden units, 0..256 - visible (default 0). */
  hidden?: number;
  /** Seeds the initial weights (uniform in +-0.1) and the Gibbs sampler; 0..2^32-1, default 0. */
  seed?: number;
  /** A restricted machine (RBM): connections only between visible and hidden units (the mask); default false. */
  restricted?: boolean;
}

export interface BoltzmannStats {
  /** <s_i s_j>, units x units, row-major; diagonal 1. */
  pairs: Float64Array;
  /** <s_i>, units. */
  means: Float64Array;
}

export interface BoltzmannExactStats {
  /** Clamped phase: visible units at each data vector, hidden summed out exactly, averaged over the data. */
  data: BoltzmannStats;
  /** Free phase. */
  model: BoltzmannStats;
  /** ln Z. */
  logZ: number;
  /** Mean ln P(v) over the data vectors. */
  logLikelihood: number;
}

export interface BoltzmannExactOptions {
  /** T, default 1. */
  temperature?: number;
}

export interface BoltzmannSampled {
  data: BoltzmannStats;
  model: BoltzmannStats;
}

export interface BoltzmannWeightsIn {
  weights: BoltzmannNumbers;
  /** Default zeros. */
  biases?: BoltzmannNumbers;
}

export interface BoltzmannGibbsOptions {
  /** Sampling sweeps per phase (per data vector when clamped), default 1000. */
  sweeps?: number;
  /** Annealing sweeps before sampling, from tStart down to temperature; default 0. */
  anneal?: number;
  /** T, default 1. */
  temperature?: number;
  /** First annealing temperature >= T, default 10 T. */
  tStart?: number;
}

export interface BoltzmannLearnOptions extends BoltzmannGibbsOptions {
  /** Learning rate, 0 < epsilon <= 100; default 0.05. */
  epsilon?: number;
  /** Full-batch updates, default 1. */
  epochs?: number;
  /** Statistics by enumeration ('exact', default up to 20 units), Gibbs sampling, or, for a restricted machine, CD-k / persistent CD. */
  method?: BoltzmannMethod;
  /** CD / PCD: block-Gibbs steps per update, 1..1000; default 1. */
  k?: number;
}

export interface BoltzmannWeights {
  /** units x units, symmetric, zero diagonal. */
  weights: Float64Array;
  /** units. */
  biases: Float64Array;
}

export interface BoltzmannMachine {
  readonly visible: number;
  readonly hidden: number;
  readonly units: number;
  readonly disposed: boolean;
  exactStats(data: BoltzmannNumbers, options?: BoltzmannExactOptions): BoltzmannExactStats;
  logLikelihood(data: BoltzmannNumbers, options?: BoltzmannExactOptions): number;
  /** A restricted machine's exact mean ln P(v) with the hidden layer summed out (hidden <= 20). */
  rbmLogLikelihood(data: BoltzmannNumbers, options?: BoltzmannExactOptions): number;
  sampleStats(data: BoltzmannNumbers, options?: BoltzmannGibbsOptions): BoltzmannSampled;
  /** The exact log-likelihood after each epoch (empty above 20 units). */
  learn(data: BoltzmannNumbers, options?: BoltzmannLearnOptions): Float64Array;
  getWeights(): BoltzmannWeights;
  /** Connections outside the mask are set to zero. */
  setWeights(value: BoltzmannWeightsIn): BoltzmannMachine;
  /** Which connections exist (units x units of 0/1, symmetric, zero diagonal); learning keeps the others at zero. */
  setMask(mask: BoltzmannNumbers): BoltzmannMachine;
  dispose(): void;
}

export interface BoltzmannLimits {
  readonly maxUnits: number;
  readonly maxExact: number;
  readonly maxMachines: number;
  readonly maxData: number;
  readonly maxSweeps: number;
  readonly maxEpochs: number;
  readonly maxWeight: number;
  readonly maxEpsilon: number;
  readonly maxCdK: number;
  readonly minTemperature: number;
  readonly maxTemperature: number;
}

export interface BoltzmannApi {
  createBoltzmann(options: CreateBoltzmannOptions): BoltzmannMachine;
  readonly boltzmannLimits: BoltzmannLimits;
}
