/* Direct correlation, SIMD over output columns: 16 outputs in flight (four
 * independent accumulators) per kernel tap. Each lane sums taps in the same
 * order as the scalar reference, and SIMD128 has no FMA, so results are
 * bit-identical to direct_scalar.c. Tails are handled exactly. */
#include "conv_internal.h"
#if SC_HAVE_SIMD
#include "../simd.h"

void sc_direct_corr_simd(const float *padded, int pw, int w, int h,
                         const float *k, int kw, int kh, float *out)
{
    for (int y = 0; y < h; y++) {
        float *orow = out + (size_t)y * w;
        int x = 0;
        for (; x + 16 <= w; x += 16) {
            v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0; j < kh; j++) {
                const float *row = padded + (size_t)(y + j) * pw + x;
                const float *krow = k + (size_t)j * kw;
                for (int i = 0; i < kw; i++) {
                    v128_t kv = wasm_f32x4_splat(krow[i]);
                    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(kv, wasm_v128_load(row + i)));
                    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(kv, wasm_v128_load(row + i + 4)));
                    a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(kv, wasm_v128_load(row + i + 8)));
                    a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(kv, wasm_v128_load(row + i + 12)));
                }
            }
            wasm_v128_store(orow + x, a0);
            wasm_v128_store(orow + x + 4, a1);
            wasm_v128_store(orow + x + 8, a2);
            wasm_v128_store(orow + x + 12, a3);
        }
        for (; x + 4 <= w; x += 4) {
            v128_t a0 = wasm_f32x4_splat(0.0f);
            for (int j = 0; j < kh; j++) {
                const float *row = padded + (size_t)(y + j) * pw + x;
                const float *krow = k + (size_t)j * kw;
                for (int i = 0; i < kw; i++)
                    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_f32x4_splat(krow[i]),
                                                           wasm_v128_load(row + i)));
            }
            wasm_v128_store(orow + x, a0);
        }
        for (; x < w; x++) {
            float acc = 0.0f;
            for (int j = 0; j < kh; j++) {
                const float *row = padded + (size_t)(y + j) * pw + x;
                const float *krow = k + (size_t)j * kw;
                for (int i = 0; i < kw; i++) acc += krow[i] * row[i];
            }
            orow[x] = acc;
        }
    }
}
#endif
