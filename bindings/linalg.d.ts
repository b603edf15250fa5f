// Types of the dense linear algebra in bindings/linalg.mjs (sc.gemm,
// sc.gemv, sc.dot, sc.axpy, sc.linalgLimits). Conventions and the blocking
// scheme: docs/linalg.md; the C contract: core/include/simcore/linalg.h.
//
// BLAS conventions, row-major: element (i, j) of a stored matrix is
// x[i * ld + j], ld >= its column count (default: the column count); op(X) is
// X or its transpose. An array holds (rows - 1) * ld + cols to rows * ld
// elements. beta = 0 (the default) overwrites: C's (y's) old contents are not
// read, so a NaN-filled c gives a finite result. alpha = 0 does not read A, B.
// Inputs are any numeric typed array or Array (converted to float32); NaN or
// Infinity inside one is a RangeError naming it ("gemm: a: ..."), and so is a
// float32 overflow of finite inputs ("gemm: c[3] is Infinity: ...").
// Results are new Float32Arrays unless options.out is given.

import type { NumericArray } from './conv';

export interface GemmOptions {
  /** Use A^T: a is stored k x m. Default false. */
  transA?: boolean;
  /** Use B^T: b is stored n x k. Default false. */
  transB?: boolean;
  /** Finite, |alpha| <= float32 max. Default 1. */
  alpha?: number;
  /** Finite. Default 0 (c not read); non-zero needs c. */
  beta?: number;
  /** The input C (m x n, leading dimension ldc); the result keeps its gaps between rows. */
  c?: NumericArray;
  /** Leading dimensions, integer, at least the stored column count, at most linalgLimits.maxDim. */
  lda?: number;
  ldb?: number;
  ldc?: number;
  /** Write the result here (a Float32Array of the result's length) and return it. */
  out?: Float32Array;
}

export interface GemvOptions {
  /** Use A^T: y = alpha A^T x + beta y (x has m elements, y has n). Default false. */
  trans?: boolean;
  alpha?: number;
  /** Default 0 (y not read); non-zero needs y. */
  beta?: number;
  /** The input y. */
  y?: NumericArray;
  /** Leading dimension of A, n..linalgLimits.maxDim. Default n. */
  lda?: number;
  /** Write the result here and return it. */
  out?: Float32Array;
}

export interface LinalgLimits {
  /** m, n, k and every leading dimension: 65536. */
  readonly maxDim: number;
  /** (rows - 1) * ld + cols of one matrix, and a vector's length: 2^26. */
  readonly maxElements: number;
}

export interface LinalgApi {
  /**
   * C = alpha op(A) op(B) + beta C with op(A) m x k, op(B) k x n (integers
   * 1..maxDim). Returns C (m * ldc elements, or c's length).
   */
  gemm(m: number, n: number, k: number, a: NumericArray, b: NumericArray, options?: GemmOptions): Float32Array;
  /** y = alpha op(A) x + beta y with A stored m x n. */
  gemv(m: number, n: number, a: NumericArray, x: NumericArray, options?: GemvOptions): Float32Array;
  /** sum x[i] y[i] (float32 arithmetic), equal lengths >= 1. */
  dot(x: NumericArray, y: NumericArray): number;
  /** alpha x + y as a new Float32Array. */
  axpy(alpha: number, x: NumericArray, y: NumericArray): Float32Array;
  readonly linalgLimits: LinalgLimits;
}
