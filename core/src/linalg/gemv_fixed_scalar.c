/* Scalar reference for the local fields: the summation order of the contract
 * in gemv_fixed.h, spelled out (16 partial sums, fixed reduction), so
 * the SIMD kernel can be required to match it bit for bit. Compiled without
 * auto-vectorisation (CMake, *_scalar.c). */
#include "gemv_fixed.h"

float sc_gemv_fixed_dot_scalar(const float *w, const float *s, int stride)
{
    float acc[SC_GEMV_FIXED_BLOCK] = {0};
    for (int j = 0; j < stride; j += SC_GEMV_FIXED_BLOCK)
        for (int l = 0; l < SC_GEMV_FIXED_BLOCK; l++) acc[l] += w[j + l] * s[j + l];
    float r[4];
    for (int l = 0; l < 4; l++) r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]);
    return (r[0] + r[2]) + (r[1] + r[3]);
}

void sc_gemv_fixed_fields_scalar(const float *w, const float *s, int rows, int stride, float *h)
{
    for (int i = 0; i < rows; i++) h[i] = sc_gemv_fixed_dot_scalar(w + (size_t)i * stride, s, stride);
}

int32_t sc_gemv_fixed_qdot_scalar(const int16_t *k, const int16_t *s, int stride)
{
    int32_t acc = 0; /* |sum| <= 1024 * 4096: no overflow */
    for (int j = 0; j < stride; j++) acc += (int32_t)k[j] * s[j];
    return acc;
}

void sc_gemv_fixed_qfields_scalar(const int16_t *k, const int16_t *s, int rows, int stride, int32_t *out)
{
    for (int i = 0; i < rows; i++) out[i] = sc_gemv_fixed_qdot_scalar(k + (size_t)i * stride, s, stride);
}

int32_t sc_gemv_fixed_q8dot_scalar(const int8_t *k, const int8_t *m, int stride)
{
    int32_t acc = 0;
    for (int j = 0; j < stride; j++) acc += m[j] ? -k[j] : k[j];
    return acc;
}

void sc_gemv_fixed_q8fields_scalar(const int8_t *k, const int8_t *m, int rows, int stride, int32_t *out)
{
    for (int i = 0; i < rows; i++) out[i] = sc_gemv_fixed_q8dot_scalar(k + (size_t)i * stride, m, stride);
}

/* Fields in double for the incremental sweeps (hopfield/incremental.c): eight partial
 * sums acc[l] += w[j + l] * s[j + l] over blocks of eight (the product is
 * exact: s is +-1 or 0), reduced as r[l] = (acc[l] + acc[l + 2]) +
 * (acc[l + 4] + acc[l + 6]), l < 2, then h = r[0] + r[1]. */
void sc_gemv_fixed_dfields_scalar(const float *w, const float *s, int rows, int stride, double *h)
{
    for (int i = 0; i < rows; i++) {
        const float *row = w + (size_t)i * stride;
        double acc[8] = {0};
        for (int j = 0; j < stride; j += 8)
            for (int l = 0; l < 8; l++) acc[l] += (double)(row[j + l] * s[j + l]);
        const double r0 = (acc[0] + acc[2]) + (acc[4] + acc[6]);
        const double r1 = (acc[1] + acc[3]) + (acc[5] + acc[7]);
        h[i] = r0 + r1;
    }
}

/* h[j] += d * w[j], j < stride; d = +-2, so the product is exact and each
 * element sees one rounded addition in any variant. */
void sc_gemv_fixed_daxpy_scalar(double *h, const float *w, double d, int stride)
{
    for (int j = 0; j < stride; j++) h[j] += d * (double)w[j];
}
