/* Direct correlation, SIMD over output columns, register-blocked over four
 * output rows: each input vector loaded from padded row y + t serves the four
 * output rows y .. y + 3, with kernel rows t, t - 1, t - 2, t - 3. That cuts
 * loads per multiply-add from 1.25 to 0.75 and keeps eight independent
 * accumulators in flight (enough to hide the f32x4.add latency).
 *
 * Bit-exactness: output row y + r receives its taps in the scalar order
 * (kernel row t - r ascending, then column i ascending) and SIMD128 has no
 * FMA, so every lane equals direct_scalar.c. Tails (h % 4 rows, w % 8 and
 * w % 4 columns) are handled exactly; nothing outside padded is read. */
#include "conv_internal.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

#define ROWS 4

/* One multiply-add of input vector v into accumulator a with tap kp[i]. */
#define MADD(a, kp, v) a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_v128_load32_splat(kp), v))

static inline void edge8(v128_t *a0, v128_t *a1, const float *row, const float *kr, int kw)
{
    v128_t b0 = *a0, b1 = *a1;
    for (int i = 0; i < kw; i++) {
        MADD(b0, kr + i, wasm_v128_load(row + i));
        MADD(b1, kr + i, wasm_v128_load(row + i + 4));
    }
    *a0 = b0;
    *a1 = b1;
}

/* Output rows y .. y + 3, columns x .. x + 7. For padded row y + t, kernel
 * row t - r is valid for r in [lo, hi]; the full case (all four) is inlined
 * with constant bounds so its tests fold away. */
static inline void block8(const float *padded, int pw, int x, int y, int w,
                          const float *k, int kw, int kh, float *out)
{
    v128_t a00 = wasm_f32x4_splat(0.0f), a01 = a00, a10 = a00, a11 = a00;
    v128_t a20 = a00, a21 = a00, a30 = a00, a31 = a00;
    for (int t = 0; t < kh + ROWS - 1; t++) {
        const float *row = padded + (size_t)(y + t) * pw + x;
        const int lo = t - kh + 1 > 0 ? t - kh + 1 : 0, hi = t < ROWS - 1 ? t : ROWS - 1;
        /* Kernel row t - r for output row r (only dereferenced when valid). */
        const float *k0 = k + (size_t)t * kw, *k1 = k0 - kw, *k2 = k1 - kw, *k3 = k2 - kw;
        if (lo == 0 && hi == ROWS - 1) {
            for (int i = 0; i < kw; i++) {
                const v128_t v0 = wasm_v128_load(row + i), v1 = wasm_v128_load(row + i + 4);
                MADD(a00, k0 + i, v0);
                MADD(a01, k0 + i, v1);
                MADD(a10, k1 + i, v0);
                MADD(a11, k1 + i, v1);
                MADD(a20, k2 + i, v0);
                MADD(a21, k2 + i, v1);
                MADD(a30, k3 + i, v0);
                MADD(a31, k3 + i, v1);
            }
        } else {
            /* Edge rows (first and last three): one output row at a time, so
             * no tests in the tap loop; the loads repeat, but only here. */
            for (int r = lo; r <= hi; r++) {
                const float *kr = k0 - (size_t)r * kw;
                switch (r) {
                case 0:
                    edge8(&a00, &a01, row, kr, kw);
                    break;
                case 1:
                    edge8(&a10, &a11, row, kr, kw);
                    break;
                case 2:
                    edge8(&a20, &a21, row, kr, kw);
                    break;
                default:
                    edge8(&a30, &a31, row, kr, kw);
                    break;
                }
            }
        }
    }
    float *o = out + (size_t)y * w + x;
    wasm_v128_store(o, a00);
    wasm_v128_store(o + 4, a01);
    o += w;
    wasm_v128_store(o, a10);
    wasm_v128_store(o + 4, a11);
    o += w;
    wasm_v128_store(o, a20);
    wasm_v128_store(o + 4, a21);
    o += w;
    wasm_v128_store(o, a30);
    wasm_v128_store(o + 4, a31);
}

/* Same for columns x .. x + 3 (the w % 8 tail). */
static inline void block4(const float *padded, int pw, int x, int y, int w,
                          const float *k, int kw, int kh, float *out)
{
    v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
    for (int t = 0; t < kh + ROWS - 1; t++) {
        const float *row = padded + (size_t)(y + t) * pw + x;
        const int lo = t - kh + 1 > 0 ? t - kh + 1 : 0, hi = t < ROWS - 1 ? t : ROWS - 1;
        const float *k0 = k + (size_t)t * kw, *k1 = k0 - kw, *k2 = k1 - kw, *k3 = k2 - kw;
        for (int i = 0; i < kw; i++) {
            const v128_t v = wasm_v128_load(row + i);
            if (lo <= 0 && 0 <= hi) MADD(a0, k0 + i, v);
            if (lo <= 1 && 1 <= hi) MADD(a1, k1 + i, v);
            if (lo <= 2 && 2 <= hi) MADD(a2, k2 + i, v);
            if (lo <= 3 && 3 <= hi) MADD(a3, k3 + i, v);
        }
    }
    float *o = out + (size_t)y * w + x;
    wasm_v128_store(o, a0);
    wasm_v128_store(o + w, a1);
    wasm_v128_store(o + 2 * (size_t)w, a2);
    wasm_v128_store(o + 3 * (size_t)w, a3);
}

/* One output row, columns x0 .. w - 1: sixteen columns (four accumulators)
 * per tap, then four, then scalar. Used for kernels too short for the row
 * blocking to pay (its first and last three padded rows are edge work) and
 * for the h % 4 and w % 4 leftovers. */
static void row_span(const float *padded, int pw, int x0, int y, int w,
                     const float *k, int kw, int kh, float *out)
{
    float *orow = out + (size_t)y * w;
    int x = x0;
    for (; x + 16 <= w; x += 16) {
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        for (int j = 0; j < kh; j++) {
            const float *row = padded + (size_t)(y + j) * pw + x, *krow = k + (size_t)j * kw;
            for (int i = 0; i < kw; i++) {
                const v128_t kv = wasm_v128_load32_splat(krow + i);
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
        v128_t a = wasm_f32x4_splat(0.0f);
        for (int j = 0; j < kh; j++) {
            const float *row = padded + (size_t)(y + j) * pw + x, *krow = k + (size_t)j * kw;
            for (int i = 0; i < kw; i++) MADD(a, krow + i, wasm_v128_load(row + i));
        }
        wasm_v128_store(orow + x, a);
    }
    for (; x < w; x++) {
        float acc = 0.0f;
        for (int j = 0; j < kh; j++) {
            const float *row = padded + (size_t)(y + j) * pw + x, *krow = k + (size_t)j * kw;
            for (int i = 0; i < kw; i++) acc += krow[i] * row[i];
        }
        orow[x] = acc;
    }
}

/* Below this kernel height the 4-row blocks spend most taps in their edge
 * rows; measured in wasm (docs/separable.md): kh 5 is faster unblocked, kh 9 blocked. */
#define BLOCK_MIN_KH 8

void sc_direct_corr_simd(const float *padded, int pw, int w, int h,
                         const float *k, int kw, int kh, float *out)
{
    int y = 0;
    if (kh >= BLOCK_MIN_KH)
        for (; y + ROWS <= h; y += ROWS) {
            int x = 0;
            for (; x + 8 <= w; x += 8) block8(padded, pw, x, y, w, k, kw, kh, out);
            for (; x + 4 <= w; x += 4) block4(padded, pw, x, y, w, k, kw, kh, out);
            if (x < w)
                for (int r = 0; r < ROWS; r++) row_span(padded, pw, x, y + r, w, k, kw, kh, out);
        }
    for (; y < h; y++) row_span(padded, pw, 0, y, w, k, kw, kh, out);
}
#endif
