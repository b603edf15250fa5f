/* Scalar references of the lenet convolution kernels (kern.h); built
 * without auto-vectorisation. */
#include "kern.h"

void ln_conv_fwd_scalar(const float *in, int ih, int iw, const float *k, int ks, float *out)
{
    const int oh = ih - ks + 1, ow = iw - ks + 1;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            const float kv = k[ky * ks + kx];
            for (int y = 0; y < oh; y++) {
                const float *src = in + (y + ky) * iw + kx;
                float *dst = out + y * ow;
                for (int x = 0; x < ow; x++) dst[x] = dst[x] + kv * src[x];
            }
        }
    }
}

void ln_conv_bin_scalar(const float *d, int oh, int ow, const float *k, int ks, float *din)
{
    const int iw = ow + ks - 1;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            const float kv = k[ky * ks + kx];
            for (int y = 0; y < oh; y++) {
                const float *src = d + y * ow;
                float *dst = din + (y + ky) * iw + kx;
                for (int x = 0; x < ow; x++) dst[x] = dst[x] + kv * src[x];
            }
        }
    }
}

void ln_conv_bw_scalar(const float *in, const float *d, int oh, int ow, int ks, float *dk)
{
    const int iw = ow + ks - 1;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            float s = 0.0f;
            for (int y = 0; y < oh; y++) {
                const float *src = in + (y + ky) * iw + kx;
                const float *g = d + y * ow;
                for (int x = 0; x < ow; x++) s += g[x] * src[x];
            }
            dk[ky * ks + kx] += s;
        }
    }
}
