// Type declarations for bindings/svm.mjs (sc.svmTrain, sc.svmCrossValidate,
// sc.svmLimits). Algorithm and conventions: docs/svm.md; the C contract:
// core/include/simcore/svm.h.
//
// Conventions (LIBSVM's C-SVC, the one scikit-learn's SVC wraps):
//   points x_i in R^dims, labels y_i = +1 or -1 (both classes present);
//   kernels 'linear' <x,z>, 'poly' (gamma <x,z> + coef0)^degree,
//   'rbf' exp(-gamma |x - z|^2), 'sigmoid' tanh(gamma <x,z> + coef0);
//   gamma in the units of 1 / x^2 (rbf) or 1 / x^2 as a scale of <x,z>
//   (poly, sigmoid); with height in cm and weight in kg, scale the data
//   first or pick gamma for those units. Default gamma 1/dims (LIBSVM's).
//   The dual: min 1/2 a^T Q a - e^T a, Q_ij = y_i y_j K(x_i, x_j),
//   0 <= a_i <= C, y^T a = 0; `objective` is its value (LIBSVM's "obj",
//   negative). Decision f(x) = sum_k alpha_k K(x_sv_k, x) + b with alpha_k
//   = y_i a_i (LIBSVM's sv_coef, scikit-learn's dual_coef_) and b = -rho
//   (LIBSVM's rho; scikit-learn's intercept_); f > 0 predicts +1.
//   Points: a flat numeric array, count x dims row-major (dims from the
//   option `dims`, default 2), or an Array of points (arrays of dims numbers).
//
// Errors: TypeError for a wrong type, RangeError for a value out of range
// (a label other than +-1, one class only, NaN or |x| > 1e6, C <= 0, an
// unknown kernel or option); messages start with the function
// ("svmTrain: labels[3] is 0; labels are +1 or -1"). Error for a disposed
// model ("svm.decision: this svm was disposed"), a full pool (64 live
// models) or out of memory.

/** Numbers: a numeric typed array (not BigInt) or an Array. */
export type SvmNumbers = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | readonly number[];
/** Points: flat (count x dims, row-major) or an Array of points. */
export type SvmPoints = SvmNumbers | readonly (readonly number[] | Float64Array | Float32Array)[];
export type SvmKernel = 'linear' | 'poly' | 'rbf' | 'sigmoid';

export interface SvmKernelOptions {
  /** Default 'rbf'. */
  kernel?: SvmKernel;
  /** poly: 1..10, default 3. */
  degree?: number;
  /** poly, sigmoid: |coef0| <= 1e6, default 0. */
  coef0?: number;
  /** Stopping tolerance on the maximal KKT violation (LIBSVM's -e), 1e-12..1; default 1e-3. */
  tol?: number;
  /** Coordinates per point of a flat x (1..1024); default 2, or the points' length. */
  dims?: number;
  /** LIBSVM's shrinking heuristic (-h), default true; the optimum is the same either way. */
  shrinking?: boolean;
  /** Byte budget of the kernel-row cache (65536..2^30), default 2^25 (32 MiB); rows are dims-independent, n doubles each. */
  cacheBytes?: number;
}

export interface SvmTrainOptions extends SvmKernelOptions {
  /** 0 < C <= 1e9, default 1. */
  C?: number;
  /** poly, rbf, sigmoid: 0 < gamma <= 1e6, default 1/dims. */
  gamma?: number;
  /** Cap on SMO steps (1..1e8); default LIBSVM's max(1e7, 100 n). */
  maxIter?: number;
}

export interface SvmGridAxis {
  from: number;
  to: number;
  /** 2..2048 samples, from and to included. */
  n: number;
}

export interface SvmResolvedParams {
  readonly kernel: SvmKernel;
  readonly C: number;
  readonly gamma: number;
  readonly degree: number;
  readonly coef0: number;
  readonly tol: number;
}

export interface SvmModel {
  readonly dims: number;
  readonly disposed: boolean;
  readonly params: SvmResolvedParams;
  /** Training indices of the support vectors (a_i > 0), ascending. */
  readonly supportIndices: Int32Array;
  /** Their dual coefficients y_i a_i, in the same order. */
  readonly alpha: Float64Array;
  /** b = -rho. */
  readonly b: number;
  /** The dual objective at the solution (LIBSVM's obj). */
  readonly objective: number;
  /** SMO steps (pairs updated). */
  readonly iterations: number;
  /** True if maxIter stopped the solver before tol was met. */
  readonly hitMaxIter: boolean;
  /** f(x) at each point. */
  decision(points: SvmPoints): Float64Array;
  /** +1 where f > 0, else -1. */
  predict(points: SvmPoints): Int8Array;
  /** f on a grid of a 2-D model: x.n * y.n values, y outer (index j * x.n + i). */
  decisionGrid(grid: { x: SvmGridAxis; y: SvmGridAxis }): Float64Array;
  dispose(): void;
}

export interface SvmCrossValidateOptions extends SvmKernelOptions {
  /** C values (each 0 < C <= 1e9), default [1]. */
  C?: number | SvmNumbers;
  /** gamma values (each 0 < gamma <= 1e6), default [1/dims]; ignored by 'linear' (use one value). */
  gamma?: number | SvmNumbers;
  /** 2..min(100, n), default min(5, n). Stratified: each class shuffled by seed and dealt to the folds in turn. */
  folds?: number;
  /** PCG32 seed of the split, 0..2^32-1, default 0. */
  seed?: number;
  /** Cap on SMO steps of each training (1..1e8); default LIBSVM's max(1e7, 100 n). */
  maxIter?: number;
}

export interface SvmCrossValidation {
  C: Float64Array;
  gamma: Float64Array;
  folds: number;
  /** Fraction of points classified correctly when held out, accuracy[iC * gamma.length + iGamma]. */
  accuracy: Float64Array;
  /** The highest accuracy, the first in that order on ties. */
  best: { C: number; gamma: number; accuracy: number };
}

export interface SvmLimits {
  readonly maxModels: number;
  readonly maxPoints: number;
  readonly maxDims: number;
  readonly maxValues: number;
  readonly maxCoord: number;
  readonly maxC: number;
  readonly maxGamma: number;
  readonly maxDegree: number;
  readonly maxCoef0: number;
  readonly minTol: number;
  readonly maxTol: number;
  readonly defaultCache: number;
  readonly minCache: number;
  readonly maxCache: number;
  readonly maxIter: number;
  readonly maxGridPairs: number;
  readonly maxFolds: number;
  readonly maxGrid: number;
}

export interface SvmApi {
  /** C-SVC by SMO (LIBSVM's WSS2 and shrinking); labels +-1. */
  svmTrain(x: SvmPoints, labels: SvmNumbers, options?: SvmTrainOptions): SvmModel;
  /** k-fold accuracy over every (C, gamma) pair. */
  svmCrossValidate(x: SvmPoints, labels: SvmNumbers, options?: SvmCrossValidateOptions): SvmCrossValidation;
  readonly svmLimits: SvmLimits;
}
