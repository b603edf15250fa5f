/* Scalar reference for the local fields: the summation order of the contract
 * in hopfield_internal.h, spelled out (16 partial sums, fixed reduction), so
 * the SIMD kernel can be required to match it bit for bit. Compiled without
 * auto-vectorisation (CMake, *_scalar.c). */
#include "hopfield_internal.h"

float sc_hop_dot_scalar(const float *w, const float *s, int stride)
{
    float acc[SC_HOP_BLOCK] = {0};
    for (int j = 0; j < stride; j += SC_HOP_BLOCK)
        for (int l = 0; l < SC_HOP_BLOCK; l++) acc[l] += w[j + l] * s[j + l];
    float r[4];
    for (int l = 0; l < 4; l++) r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]);
    return (r[0] + r[2]) + (r[1] + r[3]);
}

void sc_hop_fields_scalar(const float *w, const float *s, int rows, int stride, float *h)
{
    for (int i = 0; i < rows; i++) h[i] = sc_hop_dot_scalar(w + (size_t)i * stride, s, stride);
}

int32_t sc_hop_qdot_scalar(const int16_t *k, const int16_t *s, int stride)
{
    int32_t acc = 0; /* |sum| <= 1024 * 4096: no overflow */
    for (int j = 0; j < stride; j++) acc += (int32_t)k[j] * s[j];
    return acc;
}

void sc_hop_qfields_scalar(const int16_t *k, const int16_t *s, int rows, int stride, int32_t *out)
{
    for (int i = 0; i < rows; i++) out[i] = sc_hop_qdot_scalar(k + (size_t)i * stride, s, stride);
}

int32_t sc_hop_q8dot_scalar(const int8_t *k, const int8_t *m, int stride)
{
    int32_t acc = 0;
    for (int j = 0; j < stride; j++) acc += m[j] ? -k[j] : k[j];
    return acc;
}

void sc_hop_q8fields_scalar(const int8_t *k, const int8_t *m, int rows, int stride, int32_t *out)
{
    for (int i = 0; i < rows; i++) out[i] = sc_hop_q8dot_scalar(k + (size_t)i * stride, m, stride);
}
