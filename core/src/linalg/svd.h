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
 * Returns 0, or -1 if scratch memory could not be allocated (or m, n < 1). */
int sc_svd(const double *a, int m, int n, double *u, double *s, double *v);

/* Truncated SVD of a numerically low-rank m x n matrix: Gram-Schmidt with
 * column pivoting until the residual ||A - Q Q^T A||_F <= floor_rel ||A||_F
 * or rmax directions are kept, then sc_svd of the small factor Q^T A. Cost
 * O(r m n) instead of the full SVD's O(m n^2) per sweep: the rank test for
 * big kernels. Its rank-r truncations are within resid2 of optimal.
 *   u: m x r, s: r values (descending), v: n x r, row-major as sc_svd, with
 *   room for rmax terms; *rank = r; *resid2 = ||A - U S V^T||_F^2 (exact up
 *   to rounding: the residual is orthogonal to the kept terms).
 * Returns 0, or -1 on allocation failure (or m, n < 1). */
int sc_svd_lowrank(const double *a, int m, int n, int rmax, double floor_rel,
                   double *u, double *s, double *v, int *rank, double *resid2);

#endif
