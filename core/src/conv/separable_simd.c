/* SIMD 1-D passes of the separable path: 32 outputs in flight (eight
 * independent accumulators, enough to hide the f32x4.add latency), then 4,
 * then scalar tails. Each lane adds in the scalar order and SIMD128 has no
 * FMA, so results are bit-identical to separable_scalar.c. */
#include "separable.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

void sc_row_corr_simd(const float *in, int w, const float *c, int n, float *out)
{
    int x = 0;
    for (; x + 32 <= w; x += 32) {
        const float *p = in + x;
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        v128_t a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int i = 0; i < n; i++, p++) {
            const v128_t cv = wasm_f32x4_splat(c[i]);
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(cv, wasm_v128_load(p)));
            a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(cv, wasm_v128_load(p + 4)));
            a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(cv, wasm_v128_load(p + 8)));
            a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(cv, wasm_v128_load(p + 12)));
            a4 = wasm_f32x4_add(a4, wasm_f32x4_mul(cv, wasm_v128_load(p + 16)));
            a5 = wasm_f32x4_add(a5, wasm_f32x4_mul(cv, wasm_v128_load(p + 20)));
            a6 = wasm_f32x4_add(a6, wasm_f32x4_mul(cv, wasm_v128_load(p + 24)));
            a7 = wasm_f32x4_add(a7, wasm_f32x4_mul(cv, wasm_v128_load(p + 28)));
        }
        wasm_v128_store(out + x, a0);
        wasm_v128_store(out + x + 4, a1);
        wasm_v128_store(out + x + 8, a2);
        wasm_v128_store(out + x + 12, a3);
        wasm_v128_store(out + x + 16, a4);
        wasm_v128_store(out + x + 20, a5);
        wasm_v128_store(out + x + 24, a6);
        wasm_v128_store(out + x + 28, a7);
    }
    for (; x + 4 <= w; x += 4) {
        v128_t a0 = wasm_f32x4_splat(0.0f);
        for (int i = 0; i < n; i++)
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_f32x4_splat(c[i]), wasm_v128_load(in + x + i)));
        wasm_v128_store(out + x, a0);
    }
    for (; x < w; x++) {
        float acc = 0.0f;
        for (int i = 0; i < n; i++) acc += c[i] * in[x + i];
        out[x] = acc;
    }
}

void sc_col_sum_simd(const float *const *rows, const float *c, int n, int w,
                     int accumulate, float *out)
{
    int x = 0;
    for (; x + 32 <= w; x += 32) {
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        v128_t a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        for (int t = 0; t < n; t++) {
            const float *p = rows[t] + x;
            const v128_t cv = wasm_f32x4_splat(c[t]);
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(cv, wasm_v128_load(p)));
            a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(cv, wasm_v128_load(p + 4)));
            a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(cv, wasm_v128_load(p + 8)));
            a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(cv, wasm_v128_load(p + 12)));
            a4 = wasm_f32x4_add(a4, wasm_f32x4_mul(cv, wasm_v128_load(p + 16)));
            a5 = wasm_f32x4_add(a5, wasm_f32x4_mul(cv, wasm_v128_load(p + 20)));
            a6 = wasm_f32x4_add(a6, wasm_f32x4_mul(cv, wasm_v128_load(p + 24)));
            a7 = wasm_f32x4_add(a7, wasm_f32x4_mul(cv, wasm_v128_load(p + 28)));
        }
        float *o = out + x;
        if (accumulate) {
            a0 = wasm_f32x4_add(wasm_v128_load(o), a0);
            a1 = wasm_f32x4_add(wasm_v128_load(o + 4), a1);
            a2 = wasm_f32x4_add(wasm_v128_load(o + 8), a2);
            a3 = wasm_f32x4_add(wasm_v128_load(o + 12), a3);
            a4 = wasm_f32x4_add(wasm_v128_load(o + 16), a4);
            a5 = wasm_f32x4_add(wasm_v128_load(o + 20), a5);
            a6 = wasm_f32x4_add(wasm_v128_load(o + 24), a6);
            a7 = wasm_f32x4_add(wasm_v128_load(o + 28), a7);
        }
        wasm_v128_store(o, a0);
        wasm_v128_store(o + 4, a1);
        wasm_v128_store(o + 8, a2);
        wasm_v128_store(o + 12, a3);
        wasm_v128_store(o + 16, a4);
        wasm_v128_store(o + 20, a5);
        wasm_v128_store(o + 24, a6);
        wasm_v128_store(o + 28, a7);
    }
    for (; x + 4 <= w; x += 4) {
        v128_t a0 = wasm_f32x4_splat(0.0f);
        for (int t = 0; t < n; t++)
            a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_f32x4_splat(c[t]), wasm_v128_load(rows[t] + x)));
        if (accumulate) a0 = wasm_f32x4_add(wasm_v128_load(out + x), a0);
        wasm_v128_store(out + x, a0);
    }
    for (; x < w; x++) {
        float acc = 0.0f;
        for (int t = 0; t < n; t++) acc += c[t] * rows[t][x];
        out[x] = accumulate ? out[x] + acc : acc;
    }
}
#endif
