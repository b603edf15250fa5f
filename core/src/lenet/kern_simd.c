/* SIMD128 lenet convolution kernels (kern.h): four output columns per
 * vector, exact scalar tails, no reads past a row's end. */
#include "kern.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

void ln_conv_fwd_simd(const float *in, int ih, int iw, const float *k, int ks, float *out)
{
    const int oh = ih - ks + 1, ow = iw - ks + 1, ow4 = ow - ow % 4;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            const float kv = k[ky * ks + kx];
            const v128_t kk = wasm_f32x4_splat(kv);
            for (int y = 0; y < oh; y++) {
                const float *src = in + (y + ky) * iw + kx;
                float *dst = out + y * ow;
                int x = 0;
                for (; x < ow4; x += 4)
                    wasm_v128_store(dst + x, wasm_f32x4_add(wasm_v128_load(dst + x),
                                                            wasm_f32x4_mul(kk, wasm_v128_load(src + x))));
                for (; x < ow; x++) dst[x] = dst[x] + kv * src[x];
            }
        }
    }
}

void ln_conv_bin_simd(const float *d, int oh, int ow, const float *k, int ks, float *din)
{
    const int iw = ow + ks - 1, ow4 = ow - ow % 4;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            const float kv = k[ky * ks + kx];
            const v128_t kk = wasm_f32x4_splat(kv);
            for (int y = 0; y < oh; y++) {
                const float *src = d + y * ow;
                float *dst = din + (y + ky) * iw + kx;
                int x = 0;
                for (; x < ow4; x += 4)
                    wasm_v128_store(dst + x, wasm_f32x4_add(wasm_v128_load(dst + x),
                                                            wasm_f32x4_mul(kk, wasm_v128_load(src + x))));
                for (; x < ow; x++) dst[x] = dst[x] + kv * src[x];
            }
        }
    }
}

void ln_conv_bw_simd(const float *in, const float *d, int oh, int ow, int ks, float *dk)
{
    const int iw = ow + ks - 1, ow4 = ow - ow % 4;
    for (int ky = 0; ky < ks; ky++) {
        for (int kx = 0; kx < ks; kx++) {
            v128_t acc = wasm_f32x4_splat(0.0f);
            float t = 0.0f;
            for (int y = 0; y < oh; y++) {
                const float *src = in + (y + ky) * iw + kx;
                const float *g = d + y * ow;
                int x = 0;
                for (; x < ow4; x += 4)
                    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(g + x), wasm_v128_load(src + x)));
                for (; x < ow; x++) t += g[x] * src[x];
            }
            const float s = (wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1)) +
                            (wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3));
            dk[ky * ks + kx] += s + t;
        }
    }
}
#endif
