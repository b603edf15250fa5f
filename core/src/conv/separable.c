/* Low-rank separable correlation: k = sum_r s_r u_r v_r^T (SVD), truncated at
 * rank_tol, each term a horizontal pass with v_r then a vertical pass with
 * s_r u_r. The horizontal results go to a ring of kh rows per term, so each
 * output row is formed once, from all terms, without a full-size temporary.
 * Mathematics and error bound: docs/separable.md. */
#include <stdlib.h>
#include <string.h>
#include "separable.h"
#include "../linalg/svd.h"

/* Ring rows kept per pass: bounds the scratch (terms * kh * w floats). Terms
 * beyond it run in further passes that add into out. */
#define RING_BUDGET_FLOATS (64u << 10) /* 256 KiB */

/* The cache: one kernel, compared by bytes (exact, never stale). Rank queries
 * from the AUTO chooser and the separable pass that follows share one SVD. */
static struct {
    float *key;
    double *mem;
    sc_kernel_svd svd;
} cache;

static void cache_drop(void)
{
    free(cache.key);
    free(cache.mem);
    memset(&cache, 0, sizeof cache);
}

void sc_kernel_svd_cache_clear(void) { cache_drop(); }

/* Fills the cache entry from mem laid out as a, u, v, s, tail2 for p terms. */
static const sc_kernel_svd *cache_fill(const float *k, int kw, int kh, int p, int complete,
                                       double resid2, float *key, double *mem)
{
    const size_t kn = (size_t)kw * kh;
    const int pmax = complete ? p : SC_SVD_LOWRANK_MAX;
    double *u = mem + kn, *v = u + (size_t)kh * pmax, *s = v + (size_t)kw * pmax, *tail2 = s + pmax;
    /* ||k - k_r||_F^2 = resid2 + sum_{q >= r} s_q^2 (Eckart-Young; the
     * low-rank residual is orthogonal to the kept terms), summed from the
     * small end so the tail is not lost in the head's rounding. */
    tail2[p] = resid2;
    for (int r = p - 1; r >= 0; r--) tail2[r] = tail2[r + 1] + s[r] * s[r];
    memcpy(key, k, sizeof(float) * kn);
    cache.key = key;
    cache.mem = mem;
    cache.svd = (sc_kernel_svd){kw, kh, p, complete, s, u, v, tail2};
    return &cache.svd;
}

const sc_kernel_svd *sc_kernel_svd_get(const float *k, int kw, int kh, int full)
{
    const size_t kn = (size_t)kw * kh;
    if (cache.key && cache.svd.kw == kw && cache.svd.kh == kh && (cache.svd.complete || !full) &&
        memcmp(cache.key, k, sizeof(float) * kn) == 0)
        return &cache.svd;
    cache_drop();
    const int pfull = kw < kh ? kw : kh;
    const int pmax = pfull > SC_SVD_LOWRANK_MAX ? pfull : SC_SVD_LOWRANK_MAX;
    float *key = malloc(sizeof(float) * kn);
    /* a (kh x kw), then u (kh x pmax), v (kw x pmax), s (pmax), tail2 (pmax + 1) */
    double *mem = malloc(sizeof(double) * (kn + (size_t)(kh + kw + 2) * pmax + 1));
    if (!key || !mem) {
        free(key);
        free(mem);
        return NULL;
    }
    for (size_t i = 0; i < kn; i++) mem[i] = k[i];
    if (!full && pfull > SC_SVD_FULL_MAX) {
        /* Stop a few float ulps above the kernel's rounding noise (a float
         * Gaussian is rank 1 plus ~3e-8 relative noise), 4x below the default
         * SC_CONV_RANK_TOL; a smaller rank_tol falls back to the full SVD. */
        int r;
        double resid2;
        double *u = mem + kn, *v = u + (size_t)kh * SC_SVD_LOWRANK_MAX, *s = v + (size_t)kw * SC_SVD_LOWRANK_MAX;
        if (sc_svd_lowrank(mem, kh, kw, SC_SVD_LOWRANK_MAX, 2.5e-7, u, s, v, &r, &resid2) != 0) {
            free(key);
            free(mem);
            return NULL;
        }
        /* Rank queries with rank_tol^2 ||k||^2 below resid2 answer "cannot
         * tell": treated as full rank, without the O(n^3) SVD. */
        return cache_fill(k, kw, kh, r, 0, resid2, key, mem);
    }
    double *u = mem + kn, *v = u + (size_t)kh * pfull, *s = v + (size_t)kw * pfull;
    if (sc_svd(mem, kh, kw, u, s, v) != 0) {
        free(key);
        free(mem);
        return NULL;
    }
    return cache_fill(k, kw, kh, pfull, 1, 0.0, key, mem);
}

int sc_kernel_svd_rank(const sc_kernel_svd *svd, float rank_tol)
{
    const double limit = (double)rank_tol * rank_tol * svd->tail2[0];
    int r = 0;
    while (r <= svd->p && svd->tail2[r] > limit) r++;
    return r <= svd->p ? r : -1;
}

int sc_kernel_rank(const float *k, int kw, int kh, float rank_tol)
{
    const int full = kw < kh ? kw : kh;
    const sc_kernel_svd *svd = sc_kernel_svd_get(k, kw, kh, 0);
    const int r = svd ? sc_kernel_svd_rank(svd, rank_tol) : -1;
    return r >= 0 ? r : full;
}

sc_status sc_conv_separable(const float *padded, int pw, int w, int h,
                            const float *k, int kw, int kh, float rank_tol,
                            float *out, int *rank)
{
    const sc_kernel_svd *svd = sc_kernel_svd_get(k, kw, kh, 0);
    int terms = svd ? sc_kernel_svd_rank(svd, rank_tol) : -1;
    if (svd && terms < 0) { /* not low rank enough to tell: full SVD */
        svd = sc_kernel_svd_get(k, kw, kh, 1);
        if (svd) terms = sc_kernel_svd_rank(svd, rank_tol);
    }
    if (!svd) return sc_fail(SC_ERR_NOMEM, "kernel");
    const int p = svd->p, ph = h + kh - 1;
    *rank = terms;
    if (terms == 0) { /* the zero kernel */
        memset(out, 0, sizeof(float) * (size_t)w * h);
        return SC_OK;
    }
    const size_t ring_rows_per_term = (size_t)kh * w;
    int group = (int)(RING_BUDGET_FLOATS / ring_rows_per_term);
    if (group < 1) group = 1;
    if (group > terms) group = terms;

    /* Scratch: horizontal taps v_r (kw each), vertical taps s_r u_r (kh each),
     * the ring, and the row pointers of one vertical pass. */
    const size_t nfloat = (size_t)terms * (kw + kh) + (size_t)group * ring_rows_per_term;
    float *hc = malloc(sizeof(float) * nfloat);
    const float **rows = malloc(sizeof(float *) * (size_t)group * kh);
    if (!hc || !rows) {
        free(hc);
        free(rows);
        return sc_fail(SC_ERR_NOMEM, "image");
    }
    float *vc = hc + (size_t)terms * kw, *ring = vc + (size_t)terms * kh;
    for (int r = 0; r < terms; r++) {
        for (int i = 0; i < kw; i++) hc[(size_t)r * kw + i] = (float)svd->v[(size_t)i * p + r];
        for (int j = 0; j < kh; j++) vc[(size_t)r * kh + j] = (float)(svd->s[r] * svd->u[(size_t)j * p + r]);
    }

    const sc_separable_variant *fn = &sc_separable_variants[sc_separable_variant_count - 1];
    for (int r0 = 0; r0 < terms; r0 += group) {
        const int g = terms - r0 < group ? terms - r0 : group;
        for (int yp = 0; yp < ph; yp++) {
            /* Padded row yp, filtered by each term, lands in ring slot yp % kh. */
            for (int t = 0; t < g; t++)
                fn->row(padded + (size_t)yp * pw, w, hc + (size_t)(r0 + t) * kw, kw,
                        ring + (size_t)t * ring_rows_per_term + (size_t)(yp % kh) * w);
            const int y = yp - (kh - 1);
            if (y < 0) continue;
            /* Output row y needs ring rows y .. y + kh - 1 of every term; the
             * taps of the group are contiguous in vc, term-major, like rows. */
            for (int t = 0; t < g; t++)
                for (int j = 0; j < kh; j++)
                    rows[(size_t)t * kh + j] = ring + (size_t)t * ring_rows_per_term + (size_t)((y + j) % kh) * w;
            fn->col(rows, vc + (size_t)r0 * kh, g * kh, w, r0 > 0, out + (size_t)y * w);
        }
    }
    free(hc);
    free(rows);
    return SC_OK;
}
