/* Fixed-order dense kernels of the MLP's online step (one sample), apart
 * from the GEMM of the batch path because their contract is stronger: the
 * summation order is part of it, so every variant, and the SIMD and scalar
 * builds, return bit-identical results, and an online epoch gives the same
 * weights bit for bit everywhere (SIMD128 has no FMA; the builds do not
 * contract a * b + c). Tails are exact: any sizes, no padding, no reads past
 * the arrays. */
#ifndef SIMCORE_MLP_DENSE_H
#define SIMCORE_MLP_DENSE_H

#include <math.h>
#include <stddef.h>
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

/* y[i] = tanh(y[i]) in place, i < n, as the rational approximation of
 * Eigen's generic_fast_tanh_float (max error about 4e-7 absolute and
 * relative over all floats; test_mlp_dense): x = v clamped to [-9, 9]
 * (pmin/pmax order, so NaN stays NaN), x2 = x * x,
 *   p = x * (((((((a13 x2 + a11) x2 + a9) x2 + a7) x2 + a5) x2 + a3) x2 + a1),
 *   q = ((b6 x2 + b4) x2 + b2) x2 + b0,   y = p / q,
 * every product and sum rounded to float in that order (Horner), then
 * clamped to [-1, 1] (1 < r ? 1 : r, then r < -1 ? -1 : r), and v itself
 * where |v| < 0.0004 (relative error v^2/3 < 6e-8; the polynomial would
 * flush denormals to 0), so all variants agree bit for bit. The C library's tanhf took 30-300 ns an
 * element in wasm (docs/mlp.md); this takes a few. */
typedef void (*mlp_tanh_fn)(float *y, size_t n);

void mlp_fields_scalar(const float *w, const float *x, const float *b, int out, int in, float *y);
void mlp_backprop_scalar(const float *w, const float *d, int out, int in, float *dprev);
void mlp_tanh_scalar(float *y, size_t n);
#if SC_HAVE_SIMD
void mlp_tanh_simd(float *y, size_t n);
void mlp_fields_simd(const float *w, const float *x, const float *b, int out, int in, float *y);
void mlp_backprop_simd(const float *w, const float *d, int out, int in, float *dprev);
#endif

typedef struct mlp_dense_variant {
    const char *name;
    mlp_fields_fn fields;
    mlp_backprop_fn backprop;
    mlp_tanh_fn tanh;
} mlp_dense_variant;

/* The coefficients of the tanh approximation (a1 .. a13, b0 .. b6). */
#define MLP_TANH_A1    4.89352455891786e-03f
#define MLP_TANH_A3    6.37261928875436e-04f
#define MLP_TANH_A5    1.48572235717979e-05f
#define MLP_TANH_A7    5.12229709037114e-08f
#define MLP_TANH_A9    (-8.60467152213735e-11f)
#define MLP_TANH_A11   2.00018790482477e-13f
#define MLP_TANH_A13   (-2.76076847742355e-16f)
#define MLP_TANH_B0    4.89352518554385e-03f
#define MLP_TANH_B2    2.26843463243900e-03f
#define MLP_TANH_B4    1.18534705686654e-04f
#define MLP_TANH_B6    1.19825839466702e-06f
#define MLP_TANH_CLAMP 9.0f
#define MLP_TANH_TINY  0.0004f

/* One element in the contract's order (the SIMD tails use it too). */
static inline float mlp_tanh_one(float v)
{
    float x = MLP_TANH_CLAMP < v ? MLP_TANH_CLAMP : v;
    x = x < -MLP_TANH_CLAMP ? -MLP_TANH_CLAMP : x;
    const float x2 = x * x;
    float p = MLP_TANH_A13;
    p = p * x2 + MLP_TANH_A11;
    p = p * x2 + MLP_TANH_A9;
    p = p * x2 + MLP_TANH_A7;
    p = p * x2 + MLP_TANH_A5;
    p = p * x2 + MLP_TANH_A3;
    p = p * x2 + MLP_TANH_A1;
    p = x * p;
    float q = MLP_TANH_B6;
    q = q * x2 + MLP_TANH_B4;
    q = q * x2 + MLP_TANH_B2;
    q = q * x2 + MLP_TANH_B0;
    float r = p / q;
    r = 1.0f < r ? 1.0f : r; /* p / q overshoots 1 by an ulp near |x| = 9 */
    r = r < -1.0f ? -1.0f : r;
    return fabsf(v) < MLP_TANH_TINY ? v : r; /* tanh v = v (1 - v^2/3 ...): exact for tiny and denormal v */
}

/* Scalar reference first; the online step uses the last entry. */
extern const mlp_dense_variant mlp_dense_variants[];
extern const int mlp_dense_variant_count;

#endif
