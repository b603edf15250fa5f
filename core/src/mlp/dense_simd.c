/* The online step's kernels with SIMD128: four f32x4 accumulators per row
 * hold the 16 partial sums of dense.h (four independent add chains); the
 * tail and the reduction run on the stored lanes in the scalar order, so
 * the results equal dense_scalar.c bit for bit. */
#include "dense.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

#define MADD(a, wp, xp) a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_v128_load(wp), wasm_v128_load(xp)))

/* in <= 4 (the double moon's first layer): only lanes l < in are set, each
 * acc[l] = +0 + w x (never -0), so r[l] = acc[l] and the contract's sum
 * reduces to (r0 + r2) + (r1 + r3) with the unused r = +0: the same bits. */
static void fields_narrow(const float *w, const float *x, const float *b, int out, int in, float *y)
{
    const v128_t z = wasm_f32x4_splat(0.0f);
    int j = 0;
    for (; j + 4 <= out; j += 4) { /* four rows per vector: lane q is row j + q */
        const float *w0 = w + (size_t)j * in;
        v128_t r[4] = {z, z, z, z};
        for (int i = 0; i < in; i++) {
            const v128_t wi = wasm_f32x4_make(w0[i], w0[in + i], w0[2 * in + i], w0[3 * in + i]);
            r[i] = wasm_f32x4_add(z, wasm_f32x4_mul(wi, wasm_f32x4_splat(x[i])));
        }
        const v128_t h = wasm_f32x4_add(wasm_f32x4_add(r[0], r[2]), wasm_f32x4_add(r[1], r[3]));
        wasm_v128_store(y + j, wasm_f32x4_add(h, wasm_v128_load(b + j)));
    }
    for (; j < out; j++) {
        const float *row = w + (size_t)j * in;
        float r[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        for (int i = 0; i < in; i++) r[i] = 0.0f + row[i] * x[i];
        y[j] = ((r[0] + r[2]) + (r[1] + r[3])) + b[j];
    }
}

void mlp_fields_simd(const float *w, const float *x, const float *b, int out, int in, float *y)
{
    if (in <= 4) {
        fields_narrow(w, x, b, out, in, y);
        return;
    }
    const int in16 = in - in % MLP_DENSE_LANES;
    for (int j = 0; j < out; j++) {
        const float *row = w + (size_t)j * in;
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        for (int i = 0; i < in16; i += MLP_DENSE_LANES) {
            MADD(a0, row + i, x + i);
            MADD(a1, row + i + 4, x + i + 4);
            MADD(a2, row + i + 8, x + i + 8);
            MADD(a3, row + i + 12, x + i + 12);
        }
        float acc[MLP_DENSE_LANES];
        wasm_v128_store(acc, a0);
        wasm_v128_store(acc + 4, a1);
        wasm_v128_store(acc + 8, a2);
        wasm_v128_store(acc + 12, a3);
        for (int i = in16; i < in; i++) acc[i - in16] += row[i] * x[i];
        const v128_t r = wasm_f32x4_add(wasm_f32x4_add(wasm_v128_load(acc), wasm_v128_load(acc + 4)),
                                        wasm_f32x4_add(wasm_v128_load(acc + 8), wasm_v128_load(acc + 12)));
        y[j] = ((wasm_f32x4_extract_lane(r, 0) + wasm_f32x4_extract_lane(r, 2)) +
                (wasm_f32x4_extract_lane(r, 1) + wasm_f32x4_extract_lane(r, 3))) +
               b[j];
    }
}

void mlp_backprop_simd(const float *w, const float *d, int out, int in, float *dprev)
{
    const int in4 = in - in % 4;
    for (int i = 0; i < in; i++) dprev[i] = 0.0f;
    for (int k = 0; k < out; k++) {
        const float *row = w + (size_t)k * in;
        const v128_t dk = wasm_f32x4_splat(d[k]);
        for (int i = 0; i < in4; i += 4)
            wasm_v128_store(dprev + i, wasm_f32x4_add(wasm_v128_load(dprev + i), wasm_f32x4_mul(dk, wasm_v128_load(row + i))));
        for (int i = in4; i < in; i++) dprev[i] += d[k] * row[i];
    }
}
#define HORNER(acc, c) acc = wasm_f32x4_add(wasm_f32x4_mul(acc, x2), wasm_f32x4_splat(c))

/* pmin(v, 9) is 9 < v ? 9 : v and pmax(x, -9) is x < -9 ? -9 : x: the
 * scalar clamps of mlp_tanh_one, NaN included; |v| < tiny selects v
 * (false for NaN, as fabsf(NaN) < tiny is). */
void mlp_tanh_simd(float *y, size_t n)
{
    const size_t n4 = n - n % 4;
    for (size_t i = 0; i < n4; i += 4) {
        v128_t x = wasm_f32x4_pmin(wasm_v128_load(y + i), wasm_f32x4_splat(MLP_TANH_CLAMP));
        x = wasm_f32x4_pmax(x, wasm_f32x4_splat(-MLP_TANH_CLAMP));
        const v128_t x2 = wasm_f32x4_mul(x, x);
        v128_t p = wasm_f32x4_splat(MLP_TANH_A13);
        HORNER(p, MLP_TANH_A11);
        HORNER(p, MLP_TANH_A9);
        HORNER(p, MLP_TANH_A7);
        HORNER(p, MLP_TANH_A5);
        HORNER(p, MLP_TANH_A3);
        HORNER(p, MLP_TANH_A1);
        p = wasm_f32x4_mul(x, p);
        v128_t q = wasm_f32x4_splat(MLP_TANH_B6);
        HORNER(q, MLP_TANH_B4);
        HORNER(q, MLP_TANH_B2);
        HORNER(q, MLP_TANH_B0);
        v128_t r = wasm_f32x4_pmin(wasm_f32x4_div(p, q), wasm_f32x4_splat(1.0f));
        r = wasm_f32x4_pmax(r, wasm_f32x4_splat(-1.0f));
        const v128_t v = wasm_v128_load(y + i);
        const v128_t tiny = wasm_f32x4_lt(wasm_f32x4_abs(v), wasm_f32x4_splat(MLP_TANH_TINY));
        wasm_v128_store(y + i, wasm_v128_bitselect(v, r, tiny));
    }
    for (size_t i = n4; i < n; i++) y[i] = mlp_tanh_one(y[i]);
}
#endif
