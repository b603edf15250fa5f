/* Scalar references for the separable path's 1-D passes. Compiled without
 * auto-vectorisation so that tests compare SIMD against plain scalar. */
#include "separable.h"

void sc_row_corr_scalar(const float *in, int w, const float *c, int n, float *out)
{
    for (int x = 0; x < w; x++) {
        float acc = 0.0f;
        for (int i = 0; i < n; i++) acc += c[i] * in[x + i];
        out[x] = acc;
    }
}

void sc_col_sum_scalar(const float *const *rows, const float *c, int n, int w,
                       int accumulate, float *out)
{
    for (int x = 0; x < w; x++) {
        float acc = 0.0f;
        for (int t = 0; t < n; t++) acc += c[t] * rows[t][x];
        out[x] = accumulate ? out[x] + acc : acc;
    }
}
