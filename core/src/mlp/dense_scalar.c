/* Scalar reference of the online step's kernels: the summation order of the
 * contract in dense.h spelled out, so the SIMD kernels can be required to
 * match it bit for bit. Compiled without auto-vectorisation (*_scalar.c). */
#include "dense.h"

void mlp_fields_scalar(const float *w, const float *x, const float *b, int out, int in, float *y)
{
    const int in16 = in - in % MLP_DENSE_LANES;
    for (int j = 0; j < out; j++) {
        const float *row = w + (size_t)j * in;
        float acc[MLP_DENSE_LANES] = {0};
        for (int i = 0; i < in16; i += MLP_DENSE_LANES)
            for (int l = 0; l < MLP_DENSE_LANES; l++) acc[l] += row[i + l] * x[i + l];
        for (int i = in16; i < in; i++) acc[i - in16] += row[i] * x[i];
        float r[4];
        for (int l = 0; l < 4; l++) r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]);
        y[j] = ((r[0] + r[2]) + (r[1] + r[3])) + b[j];
    }
}

void mlp_backprop_scalar(const float *w, const float *d, int out, int in, float *dprev)
{
    for (int i = 0; i < in; i++) dprev[i] = 0.0f;
    for (int k = 0; k < out; k++) {
        const float *row = w + (size_t)k * in;
        for (int i = 0; i < in; i++) dprev[i] += d[k] * row[i];
    }
}

void mlp_tanh_scalar(float *y, size_t n)
{
    for (size_t i = 0; i < n; i++) y[i] = mlp_tanh_one(y[i]);
}
