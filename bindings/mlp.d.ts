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

export interface MlpTrainOptions {
  /** Default 1. */
  epochs?: number;
  /** Learning rate eta > 0, default 0.01. */
  eta?: number;
  /** Momentum in [0, 1), default 0. */
  alpha?: number;
  /** L2 decay >= 0 of the weights (not biases), default 0. */
  decay?: number;
  /** 1 (default): online; 0 or >= count: full batch; else mini-batch. */
  batch?: number;
  /** A fresh sample order each epoch (default true); false: the given order. */
  shuffle?: boolean;
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
  /** Trains; the mean training loss after each epoch. */
  train(x: MlpNumbers, y: MlpNumbers, options?: MlpTrainOptions): Float32Array;
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

/** The MLP members of Simcore (simcore.d.ts). */
export interface MlpApi {
  /** Haykin's double moon, uniform in area over each half-annulus. */
  doubleMoon(options: DoubleMoonOptions): DoubleMoon;
  /** A fully connected network trained by back-propagation. */
  createMLP(options: CreateMlpOptions): MlpNetwork;
  readonly mlpLimits: MlpLimits;
}
