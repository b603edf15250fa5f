/* Fixed-order dense kernels of the MLP's online step (one sample), apart
 * from the GEMM of the batch path because their contract is stronger: the
 * summation order is part of it, so every variant, and the SIMD and scalar
 * builds, return bit-identical results, and an online epoch gives the same
 * weights bit for bit everywhere (SIMD128 has no FMA; the builds do not
 * contract a * b + c). Tails are exact: any sizes, no padding, no reads past
 * the arrays. */
#ifndef SIMCORE_MLP_DENSE_H
#define SIMCORE_MLP_DENSE_H

#include "../base/internal.h"

#define MLP_DENSE_LANES 16 /* partial sums of one dot product (4 x f32x4) */

/* Local fields y[j] = h_j + b[j], j < out, W out x in row-major, where
 * h_j = dot(W_j, x) is summed as 16 partial sums
 *   acc[l] += w[i + l] * x[i + l]   over blocks i = 0, 16, ... < in16 = in - in % 16,
 *   acc[i - in16] += w[i] * x[i]    for the tail i = in16 .. in - 1,
 * each acc[l] starting at +0 and every product rounded before the add, then
 *   r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]),  l < 4,
 *   h    = (r[0] + r[2]) + (r[1] + r[3]). */
typedef void (*mlp_fields_fn)(const float *w, const float *x, const float *b, int out, int in,
                              float *y);
/* Back-propagated sums dprev[i] = sum_k d[k] W[k][i], i < in, summed over k
 * ascending from +0 (elementwise in i, so the SIMD lanes change nothing). */
typedef void (*mlp_backprop_fn)(const float *w, const float *d, int out, int in, float *dprev);

void mlp_fields_scalar(const float *w, const float *x, const float *b, int out, int in, float *y);
void mlp_backprop_scalar(const float *w, const float *d, int out, int in, float *dprev);
#if SC_HAVE_SIMD
void mlp_fields_simd(const float *w, const float *x, const float *b, int out, int in, float *y);
void mlp_backprop_simd(const float *w, const float *d, int out, int in, float *dprev);
#endif

typedef struct mlp_dense_variant {
    const char *name;
    mlp_fields_fn fields;
    mlp_backprop_fn backprop;
} mlp_dense_variant;

/* Scalar reference first; the online step uses the last entry. */
extern const mlp_dense_variant mlp_dense_variants[];
extern const int mlp_dense_variant_count;

#endif
