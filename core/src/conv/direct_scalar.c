/* Scalar reference for direct correlation. Compiled without
 * auto-vectorisation so that tests compare SIMD against plain scalar. */
#include "conv_internal.h"

void sc_direct_corr_scalar(const float *padded, int pw, int w, int h,
                           const float *k, int kw, int kh, float *out)
{
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            float acc = 0.0f;
            for (int j = 0; j < kh; j++) {
                const float *row = padded + (size_t)(y + j) * pw + x;
                const float *krow = k + (size_t)j * kw;
                for (int i = 0; i < kw; i++) acc += krow[i] * row[i];
            }
            out[(size_t)y * w + x] = acc;
        }
    }
}
