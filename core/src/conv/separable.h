/* Internals of the separable (low-rank) path: the two 1-D kernels, their
 * variant list and the cached kernel SVD. Contract of the whole path:
 * sc_conv_separable in conv_internal.h; mathematics: docs/separable.md. */
#ifndef SIMCORE_CONV_SEPARABLE_H
#define SIMCORE_CONV_SEPARABLE_H

#include "conv_internal.h"

/* Horizontal pass, 1-D correlation of one row:
 *   out[x] = sum_{i<n} c[i] * in[x + i],  x in [0, w)
 * Reads in[0, w + n - 1) only; tails handled exactly. */
typedef void (*sc_row_corr_fn)(const float *in, int w, const float *c, int n, float *out);

/* Vertical pass, weighted sum of n rows:
 *   out[x] = (accumulate ? out[x] : 0) + sum_{t<n} c[t] * rows[t][x]
 * (the sum over t is formed first, then added to out). Reads rows[t][0, w)
 * only; tails handled exactly. */
typedef void (*sc_col_sum_fn)(const float *const *rows, const float *c, int n, int w,
                              int accumulate, float *out);

void sc_row_corr_scalar(const float *in, int w, const float *c, int n, float *out);
void sc_col_sum_scalar(const float *const *rows, const float *c, int n, int w,
                       int accumulate, float *out);
#if SC_HAVE_SIMD
void sc_row_corr_simd(const float *in, int w, const float *c, int n, float *out);
void sc_col_sum_simd(const float *const *rows, const float *c, int n, int w,
                     int accumulate, float *out);
#endif

/* Every lane of a SIMD variant adds in the scalar order and SIMD128 has no
 * FMA, so all variants give bit-identical results (the test demands it). */
typedef struct sc_separable_variant {
    const char *name;
    sc_row_corr_fn row;
    sc_col_sum_fn col;
} sc_separable_variant;

/* Scalar reference first, the one sc_conv_separable uses last. */
extern const sc_separable_variant sc_separable_variants[];
extern const int sc_separable_variant_count;

/* The (possibly truncated) SVD of the last kernel seen:
 * k ~= sum_{r<p} s[r] u_r v_r^T with u_r[j] = u[j * p + r] (kh long,
 * vertical) and v_r[i] = v[i * p + r] (kw long, horizontal);
 * tail2[r] = ||k - k_r||_F^2 for r in [0, p] (tail2[0] = ||k||_F^2).
 * complete: p = min(kw, kh) and tail2[p] = 0 (full Jacobi SVD); otherwise a
 * low-rank SVD with residual tail2[p] > 0. Owned by the cache; valid until
 * the next call. */
typedef struct sc_kernel_svd {
    int kw, kh, p, complete;
    const double *s, *u, *v, *tail2;
} sc_kernel_svd;

/* Kernels with min(kw, kh) up to this get the full Jacobi SVD at once (well
 * under a millisecond); bigger ones first try the O(r kw kh) low-rank SVD. */
#define SC_SVD_FULL_MAX 16
/* Most terms the low-rank SVD keeps: beyond that separable cannot beat FFT
 * for kernels bigger than SC_SVD_FULL_MAX (docs/separable.md). */
#define SC_SVD_LOWRANK_MAX 16

/* Cheap decomposition (full when small, else low rank if the kernel is);
 * full = 1 forces the complete SVD (slow for big kernels: O(n^3) per sweep).
 * Returns NULL on allocation failure. Not thread-safe (the core is
 * single-threaded, see docs/architecture.md). */
const sc_kernel_svd *sc_kernel_svd_get(const float *k, int kw, int kh, int full);

/* Frees the cached decomposition (up to ~24 MB for a 1025x1025 kernel);
 * sc_conv_cache_clear should call it. */
void sc_kernel_svd_cache_clear(void);

/* Fewest terms r with ||k - k_r||_F <= rank_tol * ||k||_F, or -1 if this
 * decomposition cannot tell (truncated and rank_tol below its residual). */
int sc_kernel_svd_rank(const sc_kernel_svd *svd, float rank_tol);

#endif
