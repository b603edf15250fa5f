/* The kernels behind linalg.h and their one variant list (the pattern of
 * conv/ and hopfield/): the public functions use the last entry, the native
 * test and benchmark iterate them all. Kernels trust their arguments: the
 * checks are in gemm.c. */
#ifndef SIMCORE_LINALG_INTERNAL_H
#define SIMCORE_LINALG_INTERNAL_H

#include <stddef.h>
#include "../base/internal.h"
#include "simcore/linalg.h"

/* C = alpha op(A) op(B) + beta C for valid arguments, alpha != 0; beta == 0
 * never reads C. Returns SC_OK or SC_ERR_NOMEM (packing buffers). */
typedef sc_status (*sc_gemm_fn)(int trans_a, int trans_b, int m, int n, int k, float alpha,
                                const float *a, int lda, const float *b, int ldb, float beta,
                                float *c, int ldc);
/* y = alpha op(A) x + beta y; beta == 0 never reads y. */
typedef void (*sc_gemv_fn)(int trans, int m, int n, float alpha, const float *a, int lda,
                           const float *x, float beta, float *y);
typedef float (*sc_dot_fn)(int n, const float *x, const float *y);
typedef void (*sc_axpy_fn)(int n, float alpha, const float *x, float *y);

typedef struct sc_linalg_variant {
    const char *name;
    sc_gemm_fn gemm;
    sc_gemv_fn gemv;
    sc_dot_fn dot;
    sc_axpy_fn axpy;
} sc_linalg_variant;

extern const sc_linalg_variant sc_linalg_variants[];
extern const int sc_linalg_variant_count;

/* Scalar references (gemm_scalar.c): every element of C summed over p in
 * ascending order in float, then c = alpha * sum + beta * c. */
sc_status sc_gemm_scalar(int trans_a, int trans_b, int m, int n, int k, float alpha,
                         const float *a, int lda, const float *b, int ldb, float beta, float *c,
                         int ldc);
void sc_gemv_scalar(int trans, int m, int n, float alpha, const float *a, int lda,
                    const float *x, float beta, float *y);
float sc_dot_scalar(int n, const float *x, const float *y);
void sc_axpy_scalar(int n, float alpha, const float *x, float *y);

#if SC_HAVE_SIMD
/* SIMD128 (gemm_simd.c, gemv_simd.c): register-blocked 4 x 8 micro-kernel,
 * packed panels and cache blocking for large products. */
sc_status sc_gemm_simd(int trans_a, int trans_b, int m, int n, int k, float alpha,
                       const float *a, int lda, const float *b, int ldb, float beta, float *c,
                       int ldc);
void sc_gemv_simd(int trans, int m, int n, float alpha, const float *a, int lda, const float *x,
                  float beta, float *y);
float sc_dot_simd(int n, const float *x, const float *y);
void sc_axpy_simd(int n, float alpha, const float *x, float *y);
#endif

/* The public functions with the kernel of variant v (tests, benchmarks);
 * the same argument checks. */
sc_status sc_gemm_f32_variant(const sc_linalg_variant *v, sc_transpose trans_a,
                              sc_transpose trans_b, int m, int n, int k, float alpha,
                              const float *a, int lda, const float *b, int ldb, float beta,
                              float *c, int ldc);
sc_status sc_gemv_f32_variant(const sc_linalg_variant *v, sc_transpose trans, int m, int n,
                              float alpha, const float *a, int lda, const float *x, float beta,
                              float *y);
sc_status sc_dot_f32_variant(const sc_linalg_variant *v, int n, const float *x, const float *y,
                             float *result);
sc_status sc_axpy_f32_variant(const sc_linalg_variant *v, int n, float alpha, const float *x,
                              float *y);

#endif
