/* Singular value decomposition of small dense matrices (convolution kernels),
 * by one-sided Jacobi in double precision: slow for big matrices (O(m n^2)
 * per sweep, ~6-10 sweeps) but accurate to a few ulps of ||A|| and simple.
 * Used by the separable convolution path (docs/separable.md). */
#ifndef SIMCORE_LINALG_SVD_H
#define SIMCORE_LINALG_SVD_H

/* Thin SVD of the row-major m x n matrix a (m, n >= 1; a is not modified):
 *   a = U diag(s) V^T,  p = min(m, n),
 *   u: m x p row-major, orthonormal columns;
 *   s: p values, descending, >= 0;
 *   v: n x p row-major, orthonormal columns.
 * Columns of U and V for (numerically) zero singular values complete the
 * orthonormal bases, so U^T U = V^T V = I even when a is rank deficient.
 * Returns 0, or -1 if scratch memory could not be allocated. */
int sc_svd(const double *a, int m, int n, double *u, double *s, double *v);

#endif
