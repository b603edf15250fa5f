/* FFT correlation with a one-entry cache of the last image spectrum.
 *
 * out = top-left w x h of IFFT(FFT(P) * conj(FFT(K))), with the padded image
 * P (pw x ph) and the kernel K (kw x kh, at the origin) zero-padded to
 * nx x ny, nx >= pw, ny >= ph (5-smooth sizes from sc_fft_fast_size).
 * Circular correlation reads P at (x + i) mod nx with
 * x + i <= w - 1 + kw - 1 = pw - 1 < nx, so for the w x h outputs nothing
 * wraps. Details and measurements: docs/fft.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fft_conv.h"

/* Planes are 64-byte aligned inside one malloc block per role. */
#define ALIGN_FLOATS 16

static float *align_up(void *p)
{
    return (float *)(void *)((char *)p + (64 - (uintptr_t)p % 64) % 64);
}

static struct {
    int valid;
    const sc_fft_variant *variant;
    int pw, ph, nx, ny;
    size_t cap;  /* floats in block */
    void *block; /* padded copy + spectrum re + spectrum im */
    float *image, *sr, *si;
    size_t work_cap; /* floats in work: kernel planes + scratch, reused */
    void *work;
} cache;

static void cache_free(void)
{
    free(cache.block);
    free(cache.work);
    memset(&cache, 0, sizeof cache);
}

/* Byte equality of two float arrays. musl's memcmp (used by Emscripten)
 * compares one byte per iteration, about 1 ms for a 542^2 image in wasm;
 * this compares words, in chunks so a difference exits early, and the
 * chunk loop vectorises. */
static int same_bytes(const float *a, const float *b, size_t n)
{
    const size_t chunk = 1024;
    for (size_t i = 0; i < n; i += chunk) {
        const size_t e = i + chunk < n ? i + chunk : n;
        uint32_t diff = 0;
        for (size_t j = i; j < e; j++) {
            uint32_t x, y;
            memcpy(&x, a + j, 4);
            memcpy(&y, b + j, 4);
            diff |= x ^ y;
        }
        if (diff) return 0;
    }
    return 1;
}

void sc_conv_fft_cache_clear(void)
{
    cache_free();
    sc_fft_plan_cache_clear();
}

static int cache_lookup(const sc_fft_variant *v, const float *padded, int pw, int ph,
                        int nx, int ny)
{
    return cache.valid && cache.variant == v && cache.pw == pw && cache.ph == ph &&
           cache.nx == nx && cache.ny == ny &&
           same_bytes(cache.image, padded, (size_t)pw * ph);
}

/* Computes and stores the spectrum of padded; reuses the block when big
 * enough. Returns 0 on allocation failure (cache left empty). */
static int cache_fill(const sc_fft_variant *v, const sc_fft2 *g, const float *padded,
                      int pw, int ph, float *scratch)
{
    const size_t img = ((size_t)pw * ph + ALIGN_FLOATS - 1) & ~(size_t)(ALIGN_FLOATS - 1);
    const size_t plane = sc_fft2_plane_floats(g);
    const size_t need = img + 2 * plane + ALIGN_FLOATS;
    cache.valid = 0;
    if (cache.cap < need || cache.cap > 2 * need) { /* grow, or shrink a lot */
        free(cache.block);
        cache.block = malloc(sizeof(float) * need);
        cache.cap = cache.block ? need : 0;
        if (!cache.block) return 0;
    }
    cache.image = align_up(cache.block);
    cache.sr = cache.image + img;
    cache.si = cache.sr + plane;
    memcpy(cache.image, padded, sizeof(float) * (size_t)pw * ph);
    v->rfft2(g, padded, pw, ph, pw, cache.sr, cache.si, scratch);
    cache.variant = v;
    cache.pw = pw;
    cache.ph = ph;
    cache.nx = g->nx;
    cache.ny = g->ny;
    cache.valid = 1;
    return 1;
}

sc_status sc_conv_fft_variant(const sc_fft_variant *v, const float *padded, int pw,
                              int w, int h, const float *k, int kw, int kh,
                              float *out, int *fft_w, int *fft_h, int *cache_hit)
{
    const int ph = h + kh - 1;
    sc_fft2 g;
    if (!sc_fft2_init(&g, sc_fft_fast_size(pw), sc_fft_fast_size(ph)))
        return sc_fail(SC_ERR_NOMEM, "image");
    const size_t plane = sc_fft2_plane_floats(&g), nscratch = sc_fft2_scratch_floats(&g);
    /* Work: two planes for the kernel spectrum + scratch; kept between
     * calls (same size for the same geometry), freed with the cache. */
    const size_t need = 2 * plane + nscratch + ALIGN_FLOATS;
    if (cache.work_cap < need || cache.work_cap > 2 * need) {
        free(cache.work);
        cache.work = malloc(sizeof(float) * need);
        cache.work_cap = cache.work ? need : 0;
        if (!cache.work) return sc_fail(SC_ERR_NOMEM, "image");
    }
    float *kr = align_up(cache.work), *ki = kr + plane, *scratch = ki + plane;

    const int hit = cache_lookup(v, padded, pw, ph, g.nx, g.ny);
    if (!hit && !cache_fill(v, &g, padded, pw, ph, scratch)) return sc_fail(SC_ERR_NOMEM, "image");
    /* The kernel's spectrum: only its kw columns are non-zero, so its y pass
     * runs on ceil(kw/8) column batches only (fft_impl.h). */
    v->corr(&g, cache.sr, cache.si, k, kw, kh, kr, ki, out, w, h,
            1.0f / ((float)g.nx * (float)g.ny), scratch);
    if (fft_w) *fft_w = g.nx;
    if (fft_h) *fft_h = g.ny;
    if (cache_hit) *cache_hit = hit;
    return SC_OK;
}

sc_status sc_conv_fft(const float *padded, int pw, int w, int h,
                      const float *k, int kw, int kh, float *out,
                      sc_conv_info *info)
{
    int fw = 0, fh = 0, hit = 0;
    const sc_status st = sc_conv_fft_variant(sc_fft_variants[sc_fft_variant_count - 1],
                                             padded, pw, w, h, k, kw, kh, out, &fw, &fh, &hit);
    if (st == SC_OK && info) {
        info->fft_width = fw;
        info->fft_height = fh;
        info->cache_hit = hit;
    }
    return st;
}
