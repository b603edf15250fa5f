/* GEMV, dot and axpy with SIMD128. These are bound by memory traffic (each
 * element of A is used once), so the kernels only keep several independent
 * accumulators in flight and read A in its stored order:
 * - y = A x: four rows at a time, one f32x4 accumulator per row, x loaded
 *   once per four rows;
 * - y = A^T x: 16 columns at a time in four accumulators, walking down the
 *   rows (each row contributes x_i times 16 contiguous floats);
 * - dot: four accumulators over 16 floats; axpy: 8 floats per step.
 * Tails are exact (scalar). */
#include "linalg_internal.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

static inline float hsum(v128_t v)
{
    return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 2)) +
           (wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 3));
}

static inline void put(float *y, float sum, float alpha, float beta)
{
    *y = beta == 0.0f ? alpha * sum : alpha * sum + beta * *y;
}

static void gemv_n(int m, int n, float alpha, const float *a, int lda, const float *x,
                   float beta, float *y)
{
    int i = 0;
    for (; i + 4 <= m; i += 4) {
        const float *r0 = a + (size_t)i * lda, *r1 = r0 + lda, *r2 = r1 + lda, *r3 = r2 + lda;
        v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0, s2 = s0, s3 = s0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            const v128_t xv = wasm_v128_load(x + j);
            s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(wasm_v128_load(r0 + j), xv));
            s1 = wasm_f32x4_add(s1, wasm_f32x4_mul(wasm_v128_load(r1 + j), xv));
            s2 = wasm_f32x4_add(s2, wasm_f32x4_mul(wasm_v128_load(r2 + j), xv));
            s3 = wasm_f32x4_add(s3, wasm_f32x4_mul(wasm_v128_load(r3 + j), xv));
        }
        float t0 = hsum(s0), t1 = hsum(s1), t2 = hsum(s2), t3 = hsum(s3);
        for (; j < n; j++) {
            t0 += r0[j] * x[j];
            t1 += r1[j] * x[j];
            t2 += r2[j] * x[j];
            t3 += r3[j] * x[j];
        }
        put(y + i, t0, alpha, beta);
        put(y + i + 1, t1, alpha, beta);
        put(y + i + 2, t2, alpha, beta);
        put(y + i + 3, t3, alpha, beta);
    }
    for (; i < m; i++) put(y + i, sc_dot_simd(n, a + (size_t)i * lda, x), alpha, beta);
}

static void gemv_t(int m, int n, float alpha, const float *a, int lda, const float *x,
                   float beta, float *y)
{
    const v128_t va = wasm_f32x4_splat(alpha), vb = wasm_f32x4_splat(beta);
    int j = 0;
    for (; j + 16 <= n; j += 16) {
        v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0, s2 = s0, s3 = s0;
        for (int i = 0; i < m; i++) {
            const float *r = a + (size_t)i * lda + j;
            const v128_t xi = wasm_v128_load32_splat(x + i);
            s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(wasm_v128_load(r), xi));
            s1 = wasm_f32x4_add(s1, wasm_f32x4_mul(wasm_v128_load(r + 4), xi));
            s2 = wasm_f32x4_add(s2, wasm_f32x4_mul(wasm_v128_load(r + 8), xi));
            s3 = wasm_f32x4_add(s3, wasm_f32x4_mul(wasm_v128_load(r + 12), xi));
        }
        const v128_t s[4] = {s0, s1, s2, s3};
        for (int q = 0; q < 4; q++) {
            v128_t out = wasm_f32x4_mul(va, s[q]);
            if (beta != 0.0f) out = wasm_f32x4_add(out, wasm_f32x4_mul(vb, wasm_v128_load(y + j + 4 * q)));
            wasm_v128_store(y + j + 4 * q, out);
        }
    }
    for (; j + 4 <= n; j += 4) {
        v128_t s0 = wasm_f32x4_splat(0.0f);
        for (int i = 0; i < m; i++)
            s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(wasm_v128_load(a + (size_t)i * lda + j), wasm_v128_load32_splat(x + i)));
        v128_t out = wasm_f32x4_mul(va, s0);
        if (beta != 0.0f) out = wasm_f32x4_add(out, wasm_f32x4_mul(vb, wasm_v128_load(y + j)));
        wasm_v128_store(y + j, out);
    }
    for (; j < n; j++) {
        float sum = 0.0f;
        for (int i = 0; i < m; i++) sum += a[(size_t)i * lda + j] * x[i];
        put(y + j, sum, alpha, beta);
    }
}

void sc_gemv_simd(int trans, int m, int n, float alpha, const float *a, int lda, const float *x,
                  float beta, float *y)
{
    if (trans)
        gemv_t(m, n, alpha, a, lda, x, beta, y);
    else
        gemv_n(m, n, alpha, a, lda, x, beta, y);
}

float sc_dot_simd(int n, const float *x, const float *y)
{
    v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0, s2 = s0, s3 = s0;
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
        s1 = wasm_f32x4_add(s1, wasm_f32x4_mul(wasm_v128_load(x + i + 4), wasm_v128_load(y + i + 4)));
        s2 = wasm_f32x4_add(s2, wasm_f32x4_mul(wasm_v128_load(x + i + 8), wasm_v128_load(y + i + 8)));
        s3 = wasm_f32x4_add(s3, wasm_f32x4_mul(wasm_v128_load(x + i + 12), wasm_v128_load(y + i + 12)));
    }
    for (; i + 4 <= n; i += 4) s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(wasm_v128_load(x + i), wasm_v128_load(y + i)));
    float sum = hsum(wasm_f32x4_add(wasm_f32x4_add(s0, s1), wasm_f32x4_add(s2, s3)));
    for (; i < n; i++) sum += x[i] * y[i];
    return sum;
}

void sc_axpy_simd(int n, float alpha, const float *x, float *y)
{
    const v128_t va = wasm_f32x4_splat(alpha);
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        wasm_v128_store(y + i, wasm_f32x4_add(wasm_v128_load(y + i), wasm_f32x4_mul(va, wasm_v128_load(x + i))));
        wasm_v128_store(y + i + 4, wasm_f32x4_add(wasm_v128_load(y + i + 4), wasm_f32x4_mul(va, wasm_v128_load(x + i + 4))));
    }
    for (; i < n; i++) y[i] += alpha * x[i];
}
#endif
