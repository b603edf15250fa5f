// Type declarations for bindings/mlp.mjs (sc.doubleMoon, sc.createMLP,
// sc.mlpLimits). Model, conventions and formulas: docs/mlp.md; the C
// contract: core/include/simcore/mlp.h.
//
// Conventions: layer l has local fields v = W_l y + b_l and outputs phi(v);
// the flat weight vector (getWeights, setWeights, gradient) holds each
// layer's W_l (units x inputs, row-major) then b_l, layer after layer.
// Losses per sample: squared error 1/2 sum e^2 (linear output), binary
// cross-entropy (logistic output), cross-entropy (softmax output); reported
// losses are means over the samples. Update: dw(n) = alpha dw(n-1) +
// eta (delta y - decay w) with delta y averaged over the batch; biases get
// no decay. Initial weights: uniform in +-sqrt(3/m), m = fan-in + 1.
//
// Errors: TypeError for a wrong type, RangeError for a value out of range
// (a wrong length, an unknown activation/output/loss, a non-finite number,
// alpha outside [0, 1), a target outside [0, 1] for cross-entropy); messages
// start with the function ("mlp.train: eta 0 must be > 0"). Error for a
// disposed network ("mlp.train: this mlp was disposed"), a full pool (64
// live networks) or out of memory.

export type MlpActivation = 'logistic' | 'tanh' | 'relu' | 'leaky-relu' | 'linear';
export type MlpOutput = 'linear' | 'logistic' | 'softmax';
/** Paired with MlpOutput: linear-mse, logistic-bce, softmax-ce. */
export type MlpLoss = 'mse' | 'bce' | 'ce';

/** Numbers: a numeric typed array (not BigInt) or an Array. */
export type MlpNumbers = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | readonly number[];

export interface DoubleMoonOptions {
  /** Points, 1..2^20; labels alternate +1 (upper moon), -1. */
  n: number;
  /** Radius, default 10. */
  r?: number;
  /** Width, default 6 (0 < w < 2r). */
  w?: number;
  /** Vertical distance of the lower moon, default 1 (negative: interlocked). */
  d?: number;
  /** Default 0. */
  seed?: number;
}

export interface DoubleMoon {
  /** n points (x, y), interleaved. */
  x: Float32Array;
  /** +1 upper moon, -1 lower moon. */
  y: Int8Array;
}

export interface CreateMlpOptions {
  /** Units per layer: inputs, hidden layers (0..8, each 1..512), outputs. */
  layers: readonly number[];
  /** For every hidden layer, or one per hidden layer; default 'tanh'. */
  activation?: MlpActivation | readonly MlpActivation[];
  /** Default 'linear' (or the one that goes with loss). */
  output?: MlpOutput;
  /** Default 'mse' (or the one that goes with output). */
  loss?: MlpLoss;
  /** Initial weights and shuffles; default 0. */
  seed?: number;
}

/**
 * eta over the E = epochs of one call, epoch e = 0 .. E-1 (constant within
 * an epoch; E = 1 gives eta):
 *   'constant': eta(e) = eta
 *   'linear':   eta(e) = eta * (1 - f) + etaEnd * f,  f = e / (E - 1)
 *   'haykin':   eta(e) = eta / (1 + e / tau),  tau = (E - 1) / (eta / etaEnd - 1)
 *               (search-then-converge, Darken & Moody as Haykin writes it;
 *               tau is chosen so eta(E - 1) = etaEnd; needs etaEnd <= eta).
 * Each value is computed in double in that order, rounded to float32, then
 * clamped between eta and etaEnd (fit() returns them as `eta`). A run split into several calls restarts the
 * schedule in each call unless each names its place in it (scheduleEpochs, scheduleFrom).
 */
export type MlpSchedule = 'constant' | 'linear' | 'haykin';
/** What `patience` watches on the test set: the mean test loss or the error rate. */
export type MlpMonitor = 'loss' | 'error';
/**
 * Why training ended: all epochs ran; the gradient norm fell below gradTol;
 * |E_av(e) - E_av(e-1)| fell below changeTol; the test metric did not improve
 * for `patience` epochs (the best epoch's weights were restored).
 */
export type MlpStop = 'epochs' | 'gradient' | 'error-change' | 'test-error';

export interface MlpTrainOptions {
  /** The budget, default 1. */
  epochs?: number;
  /** Learning rate eta > 0, default 0.01 (the first epoch's under a schedule). */
  eta?: number;
  /** The last epoch's eta (> 0). Given alone it selects schedule 'linear'. */
  etaEnd?: number;
  /** Default 'constant', or 'linear' when etaEnd is given; 'linear'/'haykin' need etaEnd. */
  schedule?: MlpSchedule;
  /**
   * The schedule's length E when this call is part of a longer run (a page
   * training a few epochs per frame): with scheduleFrom, the call runs the
   * schedule's epochs scheduleFrom … scheduleFrom + epochs − 1, so the split
   * run anneals exactly as one call of E epochs would. Default: the call's epochs.
   */
  scheduleEpochs?: number;
  /** The schedule's index of this call's first epoch, 0 … scheduleEpochs − epochs; needs scheduleEpochs. Default 0. */
  scheduleFrom?: number;
  /** Momentum in [0, 1), default 0. */
  alpha?: number;
  /** L2 decay >= 0 of the weights (not biases), default 0. */
  decay?: number;
  /** 1 (default): online; 0 or >= count: full batch; else mini-batch. */
  batch?: number;
  /** A fresh sample order each epoch (default true); false: the given order. */
  shuffle?: boolean;
  /**
   * Stop when the Euclidean norm of the gradient of the mean training loss
   * (all samples, after the epoch) is below this; default 0 (off).
   */
  gradTol?: number;
  /**
   * Stop when |E_av(e) - E_av(e-1)| < changeTol, E_av the mean training loss
   * after epoch e and E_av(-1) the loss before the call (an absolute change);
   * default 0 (off).
   */
  changeTol?: number;
  /**
   * With xTest/yTest: stop when the monitored test metric has not gone
   * strictly below its best for this many epochs, and restore the weights of
   * the best epoch (momentum zero). Default 0 (off).
   */
  patience?: number;
  /** Default 'loss'. */
  monitor?: MlpMonitor;
  /** Test points and targets (same forms as x, y), recorded every epoch. */
  xTest?: MlpNumbers;
  yTest?: MlpNumbers;
  /** Record the gradient norm every epoch (implied by gradTol > 0). */
  gradNorm?: boolean;
}

/**
 * What fit() returns: per-epoch records of the epochs run (length `epochs`).
 * The criteria are checked after each epoch in the order gradient,
 * error-change, test-error; the first that holds ends training.
 */
export interface MlpFitResult {
  /** Mean training loss after each epoch (what train() returns). */
  loss: Float32Array;
  /** The eta each epoch used. */
  eta: Float32Array;
  /** With gradNorm or gradTol: the gradient norm after each epoch. */
  gradNorm?: Float32Array;
  /** With test data: mean test loss and test error rate after each epoch. */
  testLoss?: Float32Array;
  testError?: Float32Array;
  /** With test data: the epoch (0-based) of the best test metric. */
  bestEpoch?: number;
  stopped: MlpStop;
  /** Epochs run. */
  epochs: number;
}

export interface MlpGridOptions {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** 2..2048 points along x, and along y; output row j follows row j-1. */
  nx: number;
  ny: number;
}

/**
 * A network in the core. x: count x inputs values. y: count x outputs
 * targets (+-1 or any value for mse, 0..1 for bce, probability rows for ce),
 * or for softmax count class indices.
 */
export interface MlpNetwork {
  readonly layers: number[];
  readonly weightCount: number;
  readonly disposed: boolean;
  /**
   * Trains; the mean training loss after each epoch run (shorter than
   * `epochs` when a stopping criterion ended training; fit() says why).
   */
  train(x: MlpNumbers, y: MlpNumbers, options?: MlpTrainOptions): Float32Array;
  /** Trains with the same options; the per-epoch records and why it stopped. */
  fit(x: MlpNumbers, y: MlpNumbers, options?: MlpTrainOptions): MlpFitResult;
  /**
   * Fraction misclassified: one output, the sign of output and target (mse)
   * or both against 0.5 (bce); several outputs, the first largest output
   * against the first largest target (class indices allowed for softmax).
   */
  errorRate(x: MlpNumbers, y: MlpNumbers): number;
  /** Outputs, count x outputs. */
  predict(x: MlpNumbers): Float32Array;
  /** Outputs over a grid (a decision map), nx * ny x outputs; needs 2 inputs. */
  predictGrid(options: MlpGridOptions): Float32Array;
  /** Mean loss. */
  loss(x: MlpNumbers, y: MlpNumbers): number;
  /** Gradient of the mean loss in the order of getWeights(). */
  gradient(x: MlpNumbers, y: MlpNumbers): Float32Array;
  getWeights(): Float32Array;
  /** Sets all weights (length weightCount); momentum zero. */
  setWeights(w: MlpNumbers): MlpNetwork;
  /** Back to the seed's initial weights; momentum zero; shuffles restart. */
  reset(): MlpNetwork;
  dispose(): void;
}

export interface MlpLimits {
  readonly maxHidden: number;
  readonly maxUnits: number;
  readonly maxInputs: number;
  readonly maxOutputs: number;
  readonly maxNetworks: number;
  /** Samples of one call. */
  readonly maxSamples: number;
  readonly maxEpochs: number;
  readonly maxGrid: number;
}

/**
 * Which steps fitPreprocess fits (lecture 3's mean zero, decorrelation,
 * variance equalisation). Default (options omitted): centre and equalise.
 */
export interface PreprocessOptions {
  /** Subtract the training mean. */
  centre?: boolean;
  /**
   * Rotate onto the principal axes of the training covariance (PCA), largest
   * variance first, each axis signed so its largest component is positive.
   */
  decorrelate?: boolean;
  /** Unit variance per output: 1/sigma per feature, or 1/sqrt(lambda) per principal axis with decorrelate. */
  equalise?: boolean;
  /** All three: PCA whitening, covariance of the training output = identity. */
  whiten?: boolean;
}

/**
 * A transform fitted on training data: z = matrix (x - mean), statistics in
 * float64. Directions of (relative) variance <= 1e-12 are not scaled up: a
 * constant feature keeps scale 1, a dependent principal axis maps to 0.
 */
export interface Preprocess {
  readonly dim: number;
  readonly centre: boolean;
  readonly decorrelate: boolean;
  readonly equalise: boolean;
  /** dim values (zeros without centre). */
  readonly mean: Float32Array;
  /** dim x dim, row-major (identity without decorrelate/equalise). */
  readonly matrix: Float32Array;
  /** The transform of count x dim points (training or test), accumulated in float64. */
  apply(x: MlpNumbers): Float32Array;
}

/** The MLP members of Simcore (simcore.d.ts). */
export interface MlpApi {
  /** Haykin's double moon, uniform in area over each half-annulus. */
  doubleMoon(options: DoubleMoonOptions): DoubleMoon;
  /** A fully connected network trained by back-propagation. */
  createMLP(options: CreateMlpOptions): MlpNetwork;
  /** Fits the preprocessing on count x dim training points x (O(dim^3) with decorrelate). */
  fitPreprocess(x: MlpNumbers, dim: number, options?: PreprocessOptions): Preprocess;
  readonly mlpLimits: MlpLimits;
}
