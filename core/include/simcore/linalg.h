/* Dense linear algebra in float32: GEMM, GEMV, dot and axpy (docs/linalg.md).
 *
 * Conventions (those of BLAS, row-major):
 * - Matrices are row-major with a leading dimension: element (i, j) of a
 *   stored matrix is at x[i * ld + j], and ld is at least its column count.
 *   Elements between rows (ld > columns) are never read or written.
 * - op(X) is X (SC_NO_TRANS) or X^T (SC_TRANS). op(A) is m x k and op(B) is
 *   k x n, so A is stored m x k (or k x m when transposed) and B k x n (or
 *   n x k).
 * - beta = 0 means "overwrite": C's (or y's) old contents are not read, so
 *   NaN or garbage there does not leak into the result. alpha = 0 means
 *   C = beta * C and A, B are not read.
 * - Sizes m, n, k are >= 1 and at most SC_LINALG_MAX_DIM; every matrix
 *   spans at most SC_LINALG_MAX_ELEMENTS elements ((rows - 1) * ld +
 *   columns; limits.h), and ld is at most SC_LINALG_MAX_DIM.
 * - alpha, beta and every element read must be finite: a NaN or infinity
 *   there gives SC_ERR_NONFINITE naming the array ("a", "b", "c", "x",
 *   "y"); finite inputs whose result overflows float32 give SC_ERR_OVERFLOW
 *   naming the output. On any error the output's contents are unspecified.
 * - Tails are exact: any m, n, k and any ld, no padding needed. */
#ifndef SIMCORE_LINALG_H
#define SIMCORE_LINALG_H

#include "simcore/status.h"

typedef enum sc_transpose {
    SC_NO_TRANS = 0,
    SC_TRANS = 1
} sc_transpose;

/* C = alpha * op(A) op(B) + beta * C, C m x n. */
sc_status sc_gemm_f32(sc_transpose trans_a, sc_transpose trans_b, int m, int n, int k,
                      float alpha, const float *a, int lda, const float *b, int ldb,
                      float beta, float *c, int ldc);

/* y = alpha * op(A) x + beta * y with A stored m x n (lda >= n):
 * SC_NO_TRANS: x has n elements, y has m; SC_TRANS: x has m, y has n.
 * x and y are contiguous. */
sc_status sc_gemv_f32(sc_transpose trans, int m, int n, float alpha, const float *a, int lda,
                      const float *x, float beta, float *y);

/* *result = sum_i x[i] y[i], n >= 1. */
sc_status sc_dot_f32(int n, const float *x, const float *y, float *result);

/* y = alpha * x + y, n >= 1. */
sc_status sc_axpy_f32(int n, float alpha, const float *x, float *y);

#endif
