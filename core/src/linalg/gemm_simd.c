/* GEMM with SIMD128 (docs/linalg.md, "Blocking"). One micro-kernel computes
 * a 4 x 8 tile of C in eight f32x4 accumulators: per step p it loads eight
 * floats of a B row (two vectors), splats four A values and does eight
 * multiply-adds: 14 values live, within the 16 vector registers of SSE2
 * (and of V8's wasm on x64). SIMD128 has no FMA.
 *
 * Small products (m n k < 64^3: the learning shapes) read A in place
 * through row/column strides (a transpose is only a stride swap) and B in
 * place when it is not transposed, packing only what would not be
 * contiguous (a transposed B, the last panel of fewer than 8 columns): the
 * per-call cost stays a few hundred nanoseconds. Large products are
 * cache-blocked the Goto way: a KC x NC block of op(B) packed into 8-column
 * panels (L2), an MC x KC block of op(A) into 4-row panels, the tile
 * swept over them with the B panel held in L1.
 *
 * Edges are exact: rows past m reuse row 0 (computed, never stored), the
 * last B panel is zero-padded, a last panel of at most 4 columns gets a
 * 4 x 4 tile, and a partial row is stored through a small buffer. */
#include <stdint.h>
#include <stdlib.h>
#include "linalg_internal.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

enum { MR = 4,
       NR = 8,
       KC = 256,
       MC = 64,
       NC = 512 };
#ifndef SMALL_PRODUCT
#define SMALL_PRODUCT ((int64_t)64 * 64 * 64)
#endif

/* c[0..nr) = alpha * acc + beta * c (beta = 0: c not read; alpha = 1 is
 * not multiplied, which is exact). */
static inline void store_row(float *c, v128_t lo, v128_t hi, v128_t va, int scale, float beta, int nr)
{
    if (scale) {
        lo = wasm_f32x4_mul(va, lo);
        hi = wasm_f32x4_mul(va, hi);
    }
    if (nr == NR) {
        if (beta != 0.0f) {
            const v128_t vb = wasm_f32x4_splat(beta);
            lo = wasm_f32x4_add(lo, wasm_f32x4_mul(vb, wasm_v128_load(c)));
            hi = wasm_f32x4_add(hi, wasm_f32x4_mul(vb, wasm_v128_load(c + 4)));
        }
        wasm_v128_store(c, lo);
        wasm_v128_store(c + 4, hi);
        return;
    }
    float t[NR];
    wasm_v128_store(t, lo);
    wasm_v128_store(t + 4, hi);
    for (int j = 0; j < nr; j++) c[j] = beta == 0.0f ? t[j] : t[j] + beta * c[j];
}

/* c[0..nr) (nr <= 4) = alpha * acc + beta * c. */
static inline void store_row4(float *c, v128_t acc, v128_t va, int scale, float beta, int nr)
{
    if (scale) acc = wasm_f32x4_mul(va, acc);
    if (nr == 4) {
        if (beta != 0.0f) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_f32x4_splat(beta), wasm_v128_load(c)));
        wasm_v128_store(c, acc);
        return;
    }
    float t[4];
    wasm_v128_store(t, acc);
    for (int j = 0; j < nr; j++) c[j] = beta == 0.0f ? t[j] : t[j] + beta * c[j];
}

/* The tile: C[0..mr)[0..nr) = alpha * sum_p A[i][p] B[p][0..8) + beta * C
 * with A[i][p] = a[i * rsa + p * csa] and B[p][j] = b[p * rsb + j]. */
static void tile(int k, const float *a, ptrdiff_t rsa, ptrdiff_t csa, int mr, const float *b,
                 ptrdiff_t rsb, float alpha, float beta, float *c, ptrdiff_t ldc, int nr)
{
    const ptrdiff_t o1 = mr > 1 ? rsa : 0, o2 = mr > 2 ? 2 * rsa : 0, o3 = mr > 3 ? 3 * rsa : 0;
    v128_t c0l = wasm_f32x4_splat(0.0f), c0h = c0l, c1l = c0l, c1h = c0l;
    v128_t c2l = c0l, c2h = c0l, c3l = c0l, c3h = c0l;
    for (int p = 0; p < k; p++) {
        const v128_t bl = wasm_v128_load(b), bh = wasm_v128_load(b + 4);
        const v128_t a0 = wasm_v128_load32_splat(a), a1 = wasm_v128_load32_splat(a + o1);
        const v128_t a2 = wasm_v128_load32_splat(a + o2), a3 = wasm_v128_load32_splat(a + o3);
        c0l = wasm_f32x4_add(c0l, wasm_f32x4_mul(a0, bl));
        c0h = wasm_f32x4_add(c0h, wasm_f32x4_mul(a0, bh));
        c1l = wasm_f32x4_add(c1l, wasm_f32x4_mul(a1, bl));
        c1h = wasm_f32x4_add(c1h, wasm_f32x4_mul(a1, bh));
        c2l = wasm_f32x4_add(c2l, wasm_f32x4_mul(a2, bl));
        c2h = wasm_f32x4_add(c2h, wasm_f32x4_mul(a2, bh));
        c3l = wasm_f32x4_add(c3l, wasm_f32x4_mul(a3, bl));
        c3h = wasm_f32x4_add(c3h, wasm_f32x4_mul(a3, bh));
        a += csa;
        b += rsb;
    }
    const v128_t va = wasm_f32x4_splat(alpha);
    const int scale = alpha != 1.0f;
    store_row(c, c0l, c0h, va, scale, beta, nr);
    if (mr > 1) store_row(c + ldc, c1l, c1h, va, scale, beta, nr);
    if (mr > 2) store_row(c + 2 * ldc, c2l, c2h, va, scale, beta, nr);
    if (mr > 3) store_row(c + 3 * ldc, c3l, c3h, va, scale, beta, nr);
}

/* The tile for a last panel of at most 4 columns: 4 x 4, one accumulator
 * per row (half the work of an 8-wide tile that would discard half). */
static void tile4(int k, const float *a, ptrdiff_t rsa, ptrdiff_t csa, int mr, const float *b,
                  ptrdiff_t rsb, float alpha, float beta, float *c, ptrdiff_t ldc, int nr)
{
    const ptrdiff_t o1 = mr > 1 ? rsa : 0, o2 = mr > 2 ? 2 * rsa : 0, o3 = mr > 3 ? 3 * rsa : 0;
    v128_t c0 = wasm_f32x4_splat(0.0f), c1 = c0, c2 = c0, c3 = c0;
    for (int p = 0; p < k; p++) {
        const v128_t bv = wasm_v128_load(b);
        c0 = wasm_f32x4_add(c0, wasm_f32x4_mul(wasm_v128_load32_splat(a), bv));
        c1 = wasm_f32x4_add(c1, wasm_f32x4_mul(wasm_v128_load32_splat(a + o1), bv));
        c2 = wasm_f32x4_add(c2, wasm_f32x4_mul(wasm_v128_load32_splat(a + o2), bv));
        c3 = wasm_f32x4_add(c3, wasm_f32x4_mul(wasm_v128_load32_splat(a + o3), bv));
        a += csa;
        b += rsb;
    }
    const v128_t va = wasm_f32x4_splat(alpha);
    const int scale = alpha != 1.0f;
    store_row4(c, c0, va, scale, beta, nr);
    if (mr > 1) store_row4(c + ldc, c1, va, scale, beta, nr);
    if (mr > 2) store_row4(c + 2 * ldc, c2, va, scale, beta, nr);
    if (mr > 3) store_row4(c + 3 * ldc, c3, va, scale, beta, nr);
}

/* op(B)[p0 + p][j0 + jj] for p < kc, jj < w (w <= NR) into dst[p * NR + jj],
 * zero for jj >= w. */
static void pack_b_panel(int trans_b, const float *b, int ldb, int p0, int kc, int j0, int w,
                         float *dst)
{
    if (!trans_b) {
        for (int p = 0; p < kc; p++) {
            const float *src = b + (size_t)(p0 + p) * ldb + j0;
            float *d = dst + (size_t)p * NR;
            for (int jj = 0; jj < NR; jj++) d[jj] = jj < w ? src[jj] : 0.0f;
        }
        return;
    }
    for (int jj = 0; jj < NR; jj++) {
        if (jj >= w) { /* no row of B here: no pointer past it either */
            for (int p = 0; p < kc; p++) dst[(size_t)p * NR + jj] = 0.0f;
            continue;
        }
        const float *src = b + (size_t)(j0 + jj) * ldb + p0;
        for (int p = 0; p < kc; p++) dst[(size_t)p * NR + jj] = src[p];
    }
}

/* op(A)[i0 + ii][p0 + p] for ii < h (h <= MR) into dst[p * MR + ii], zero rows
 * for ii >= h. */
static void pack_a_panel(int trans_a, const float *a, int lda, int i0, int h, int p0, int kc,
                         float *dst)
{
    for (int ii = 0; ii < MR; ii++) {
        if (ii >= h) {
            for (int p = 0; p < kc; p++) dst[(size_t)p * MR + ii] = 0.0f;
        } else if (!trans_a) {
            const float *src = a + (size_t)(i0 + ii) * lda + p0;
            for (int p = 0; p < kc; p++) dst[(size_t)p * MR + ii] = src[p];
        } else {
            const float *src = a + (size_t)p0 * lda + i0 + ii;
            for (int p = 0; p < kc; p++) dst[(size_t)p * MR + ii] = src[(size_t)p * lda];
        }
    }
}

static inline int min_int(int x, int y) { return x < y ? x : y; }

/* One output vector of gemm_rank2: alpha (x0 p0 + x1 p1) + beta c. */
static inline void rank2_store(float *c, v128_t x0, v128_t p0, v128_t x1, v128_t p1, v128_t va,
                               int scale, float beta, v128_t vb)
{
    v128_t v = wasm_f32x4_add(wasm_f32x4_mul(x0, p0), wasm_f32x4_mul(x1, p1));
    if (scale) v = wasm_f32x4_mul(va, v);
    if (beta != 0.0f) v = wasm_f32x4_add(v, wasm_f32x4_mul(vb, wasm_v128_load(c)));
    wasm_v128_store(c, v);
}

/* k <= 2 with B not transposed (a 2-D input layer: C is a sum of one or two
 * rank-1 updates): a 2 x 16 block of B held in eight registers while all m
 * rows stream past, 18 operations per 16 outputs where the 4 x 8 tile
 * spends about 32. Columns past the last 16 go 4 at a time, then one by one.
 * The eight B vectors are named registers, not an array: an array indexed
 * in a loop lived in wasm linear memory (1.6x slower). */
static void gemm_rank2(int k, int m, int n, float alpha, const float *a, ptrdiff_t rsa,
                       ptrdiff_t csa, const float *b, int ldb, float beta, float *c, int ldc)
{
    const v128_t va = wasm_f32x4_splat(alpha), vb = wasm_f32x4_splat(beta);
    const v128_t z = wasm_f32x4_splat(0.0f);
    const int scale = alpha != 1.0f;
    const float *b1 = b + (k > 1 ? ldb : 0);
    int j = 0;
    for (; j + 16 <= n; j += 16) { /* eight named registers: no array, so no spill */
        const v128_t p00 = wasm_v128_load(b + j), p01 = wasm_v128_load(b + j + 4);
        const v128_t p02 = wasm_v128_load(b + j + 8), p03 = wasm_v128_load(b + j + 12);
        const v128_t p10 = k > 1 ? wasm_v128_load(b1 + j) : z, p11 = k > 1 ? wasm_v128_load(b1 + j + 4) : z;
        const v128_t p12 = k > 1 ? wasm_v128_load(b1 + j + 8) : z, p13 = k > 1 ? wasm_v128_load(b1 + j + 12) : z;
        for (int i = 0; i < m; i++) {
            const float *ai = a + i * rsa;
            const v128_t x0 = wasm_v128_load32_splat(ai), x1 = k > 1 ? wasm_v128_load32_splat(ai + csa) : z;
            float *ci = c + (size_t)i * ldc + j;
            rank2_store(ci, x0, p00, x1, p10, va, scale, beta, vb);
            rank2_store(ci + 4, x0, p01, x1, p11, va, scale, beta, vb);
            rank2_store(ci + 8, x0, p02, x1, p12, va, scale, beta, vb);
            rank2_store(ci + 12, x0, p03, x1, p13, va, scale, beta, vb);
        }
    }
    for (; j + 4 <= n; j += 4) {
        const v128_t p0 = wasm_v128_load(b + j), p1 = k > 1 ? wasm_v128_load(b1 + j) : z;
        for (int i = 0; i < m; i++) {
            const float *ai = a + i * rsa;
            const v128_t x0 = wasm_v128_load32_splat(ai), x1 = k > 1 ? wasm_v128_load32_splat(ai + csa) : z;
            rank2_store(c + (size_t)i * ldc + j, x0, p0, x1, p1, va, scale, beta, vb);
        }
    }
    for (; j < n; j++) {
        for (int i = 0; i < m; i++) {
            const float *ai = a + i * rsa;
            const float sum = ai[0] * b[j] + (k > 1 ? ai[csa] * b1[j] : 0.0f);
            float *cij = c + (size_t)i * ldc + j;
            *cij = beta == 0.0f ? alpha * sum : alpha * sum + beta * *cij;
        }
    }
}

static sc_status gemm_small(int trans_a, int trans_b, int m, int n, int k, float alpha,
                            const float *a, int lda, const float *b, int ldb, float beta,
                            float *c, int ldc)
{
    const ptrdiff_t rsa = trans_a ? 1 : lda, csa = trans_a ? lda : 1;
    if (k <= 2 && !trans_b) {
        gemm_rank2(k, m, n, alpha, a, rsa, csa, b, ldb, beta, c, ldc);
        return SC_OK;
    }
    const int full = trans_b ? 0 : n / NR;       /* panels read in place */
    const int packed = (n + NR - 1) / NR - full; /* panels packed */
    float *bp = NULL;
    if (packed) {
        bp = malloc((size_t)packed * k * NR * sizeof *bp);
        if (!bp) return sc_fail(SC_ERR_NOMEM, "gemm scratch");
        for (int q = 0; q < packed; q++) {
            const int j0 = (full + q) * NR;
            pack_b_panel(trans_b, b, ldb, 0, k, j0, min_int(NR, n - j0), bp + (size_t)q * k * NR);
        }
    }
    for (int jr = 0; jr < n; jr += NR) {
        const int q = jr / NR;
        const int nr = min_int(NR, n - jr);
        if (q < full) { /* B's own rows, 8 contiguous columns */
            for (int ir = 0; ir < m; ir += MR)
                tile(k, a + ir * rsa, rsa, csa, min_int(MR, m - ir), b + jr, ldb, alpha, beta,
                     c + (size_t)ir * ldc + jr, ldc, nr);
        } else if (bp) {
            const float *panel = bp + (size_t)(q - full) * k * NR;
            for (int ir = 0; ir < m; ir += MR)
                (nr <= 4 ? tile4 : tile)(k, a + ir * rsa, rsa, csa, min_int(MR, m - ir), panel, NR, alpha, beta,
                                         c + (size_t)ir * ldc + jr, ldc, nr);
        }
    }
    free(bp);
    return SC_OK;
}

static sc_status gemm_blocked(int trans_a, int trans_b, int m, int n, int k, float alpha,
                              const float *a, int lda, const float *b, int ldb, float beta,
                              float *c, int ldc)
{
    float *bp = malloc((size_t)KC * NC * sizeof *bp);
    float *ap = malloc((size_t)MC * KC * sizeof *ap);
    if (!bp || !ap) {
        free(bp);
        free(ap);
        return sc_fail(SC_ERR_NOMEM, "gemm scratch");
    }
    for (int jc = 0; jc < n; jc += NC) {
        const int nc = min_int(NC, n - jc);
        for (int pc = 0; pc < k; pc += KC) {
            const int kc = min_int(KC, k - pc);
            const float beta_k = pc == 0 ? beta : 1.0f; /* later k blocks accumulate */
            for (int jr = 0; jr < nc; jr += NR)
                pack_b_panel(trans_b, b, ldb, pc, kc, jc + jr, min_int(NR, nc - jr), bp + (size_t)jr * kc);
            for (int ic = 0; ic < m; ic += MC) {
                const int mc = min_int(MC, m - ic);
                for (int ir = 0; ir < mc; ir += MR)
                    pack_a_panel(trans_a, a, lda, ic + ir, min_int(MR, mc - ir), pc, kc, ap + (size_t)ir * kc);
                for (int jr = 0; jr < nc; jr += NR) {
                    const int nr = min_int(NR, nc - jr);
                    for (int ir = 0; ir < mc; ir += MR)
                        (nr <= 4 ? tile4 : tile)(kc, ap + (size_t)ir * kc, 1, MR, min_int(MR, mc - ir),
                                                 bp + (size_t)jr * kc, NR, alpha, beta_k,
                                                 c + (size_t)(ic + ir) * ldc + jc + jr, ldc, nr);
                }
            }
        }
    }
    free(bp);
    free(ap);
    return SC_OK;
}

sc_status sc_gemm_simd(int trans_a, int trans_b, int m, int n, int k, float alpha,
                       const float *a, int lda, const float *b, int ldb, float beta, float *c,
                       int ldc)
{
    if ((int64_t)m * n * k < SMALL_PRODUCT)
        return gemm_small(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return gemm_blocked(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
#endif
