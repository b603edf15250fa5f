/* Fixed-order GEMV variants: the rows-times-vector kernels of the Hopfield
 * engine (local fields h = W s), kept with the rest of the linear algebra
 * but apart from sc_gemv_f32 because their contract is stronger: the
 * summation order is fixed, so every variant returns bit-identical results
 * (the engine's decisions must not depend on the machine), and integer
 * variants exist for Hebb counts. The core-facing interface of linalg/ for
 * other areas; not part of the public API. */
#ifndef SIMCORE_LINALG_GEMV_FIXED_H
#define SIMCORE_LINALG_GEMV_FIXED_H

#include <stdint.h>
#include "../base/internal.h"

#define SC_GEMV_FIXED_BLOCK 16 /* floats per step of the dot product (4 x f32x4) */

/* ---- local-field kernels ------------------------------------------------
 * The summation order is part of the contract, so every variant returns
 * bit-identical fields: 16 partial sums acc[l] += w[j + l] * s[j + l] over
 * blocks j = 0, 16, ... (products rounded, then added: no FMA), reduced as
 *   r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]),  l < 4,
 *   h    = (r[0] + r[2]) + (r[1] + r[3]).
 * stride is a positive multiple of SC_GEMV_FIXED_BLOCK; no alignment needed. */
typedef float (*sc_gemv_fixed_dot_fn)(const float *w, const float *s, int stride);
/* h[i] = dot(w + i * stride, s) for i < rows. */
typedef void (*sc_gemv_fixed_fields_fn)(const float *w, const float *s, int rows,
                                        int stride, float *h);

float sc_gemv_fixed_dot_scalar(const float *w, const float *s, int stride);
void sc_gemv_fixed_fields_scalar(const float *w, const float *s, int rows, int stride, float *h);
#if SC_HAVE_SIMD
float sc_gemv_fixed_dot_simd(const float *w, const float *s, int stride);
void sc_gemv_fixed_fields_simd(const float *w, const float *s, int rows, int stride, float *h);
#endif

/* Integer kernels for Hebb networks: exact, so any order gives the same sum. */
typedef int32_t (*sc_gemv_fixed_qdot_fn)(const int16_t *k, const int16_t *s, int stride);
typedef void (*sc_gemv_fixed_qfields_fn)(const int16_t *k, const int16_t *s, int rows,
                                         int stride, int32_t *out);

int32_t sc_gemv_fixed_qdot_scalar(const int16_t *k, const int16_t *s, int stride);
void sc_gemv_fixed_qfields_scalar(const int16_t *k, const int16_t *s, int rows, int stride, int32_t *out);
#if SC_HAVE_SIMD
int32_t sc_gemv_fixed_qdot_simd(const int16_t *k, const int16_t *s, int stride);
void sc_gemv_fixed_qfields_simd(const int16_t *k, const int16_t *s, int rows, int stride, int32_t *out);
#endif
/* int8 counts (|k| <= 127) against the sign mask m (0 or -1 per neuron). */
typedef int32_t (*sc_gemv_fixed_q8dot_fn)(const int8_t *k, const int8_t *m, int stride);
typedef void (*sc_gemv_fixed_q8fields_fn)(const int8_t *k, const int8_t *m, int rows,
                                          int stride, int32_t *out);
int32_t sc_gemv_fixed_q8dot_scalar(const int8_t *k, const int8_t *m, int stride);
void sc_gemv_fixed_q8fields_scalar(const int8_t *k, const int8_t *m, int rows, int stride, int32_t *out);
#if SC_HAVE_SIMD
int32_t sc_gemv_fixed_q8dot_simd(const int8_t *k, const int8_t *m, int stride);
void sc_gemv_fixed_q8fields_simd(const int8_t *k, const int8_t *m, int rows, int stride, int32_t *out);
#endif

/* Double-precision kernels of the incremental sweeps (hopfield/incremental.c). The
 * fields: eight partial sums over blocks of eight, fixed reduction (spelled
 * out in gemv_fixed_scalar.c), bit-identical in every variant. The update
 * h[j] += d * w[j] for j < stride, d = +-2: elementwise, exact product, one
 * rounding, so bit-identical too. h is 16-byte aligned (malloc). */
typedef void (*sc_gemv_fixed_dfields_fn)(const float *w, const float *s, int rows, int stride, double *h);
typedef void (*sc_gemv_fixed_daxpy_fn)(double *h, const float *w, double d, int stride);
void sc_gemv_fixed_dfields_scalar(const float *w, const float *s, int rows, int stride, double *h);
void sc_gemv_fixed_daxpy_scalar(double *h, const float *w, double d, int stride);
#if SC_HAVE_SIMD
void sc_gemv_fixed_dfields_simd(const float *w, const float *s, int rows, int stride, double *h);
void sc_gemv_fixed_daxpy_simd(double *h, const float *w, double d, int stride);
#endif

typedef struct sc_gemv_fixed_variant {
    const char *name;
    sc_gemv_fixed_dot_fn dot;
    sc_gemv_fixed_fields_fn fields;
    sc_gemv_fixed_qdot_fn qdot;
    sc_gemv_fixed_qfields_fn qfields;
    sc_gemv_fixed_q8dot_fn q8dot;
    sc_gemv_fixed_q8fields_fn q8fields;
    sc_gemv_fixed_dfields_fn dfields;
    sc_gemv_fixed_daxpy_fn daxpy;
} sc_gemv_fixed_variant;

/* Scalar reference first, the one the engine uses by default last. */
extern const sc_gemv_fixed_variant sc_gemv_fixed_variants[];
extern const int sc_gemv_fixed_variant_count;

#endif
