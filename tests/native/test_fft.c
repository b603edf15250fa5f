/* FFT path: size chooser, 1-D and 2-D transforms of every variant against a
 * naive DFT in double, round trips, Parseval, variants against the scalar
 * reference, the spectrum cache, and the convolution against a direct sum
 * in double. */
#include <string.h>
#include "check.h"
#include "simcore/conv.h"
#include "conv/fft_conv.h"

#define PI 3.14159265358979323846

/* float32 transforms: each output is a sum of n terms through ~log2(n)
 * roundings of ~6e-8, so |error| stays near 1e-7 * sqrt(log n) * ||x||_2.
 * 2e-6 * ||x||_2 leaves margin yet a wrong twiddle or index gives O(||x||). */
#define DFT_TOL 2e-6
/* Convolution: float32 FFT correlation lands near 1e-7 of sum |k||x| on
 * random data (5e-8 at 512^2 x 31^2); 2e-6 leaves margin while a wrong
 * placement, scale or wrap gives errors of order 1. */
#define CONV_TOL 2e-6

static const int smooth_sizes[] = {1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 25, 27,
                                   30, 32, 36, 40, 45, 48, 50, 54, 60, 64, 75, 81, 96, 125, 288,
                                   576, 1125, 1152};
#define N_SIZES (int)(sizeof smooth_sizes / sizeof smooth_sizes[0])

static void test_good_size(void)
{
    /* Brute force: enumerate every 2^a 3^b 5^c up to 20000. */
    static char smooth[20001];
    for (long a = 1; a <= 20000; a *= 2)
        for (long b = a; b <= 20000; b *= 3)
            for (long c = b; c <= 20000; c *= 5) smooth[c] = 1;
    int bad = 0;
    for (int n = 1; n <= 10000; n++) {
        int want = n;
        while (!smooth[want]) want++;
        if (sc_fft_good_size(n) != want && bad++ < 5)
            CHECK(0, "good_size(%d) = %d, want %d", n, sc_fft_good_size(n), want);
        if (sc_fft_is_smooth(n) != smooth[n] && bad++ < 5) CHECK(0, "is_smooth(%d)", n);
    }
    CHECK(bad == 0, "%d size errors", bad);
    CHECK(sc_fft_good_size(542) == 576, "542 -> %d (576 = 2^6 3^2)", sc_fft_good_size(542));
    CHECK(sc_fft_good_size(1086) == 1125, "1086 -> %d (1125 = 3^2 5^3)", sc_fft_good_size(1086));
    CHECK(sc_fft_good_size(284) == 288, "284 -> %d", sc_fft_good_size(284));
    CHECK(sc_fft_good_size(1) == 1 && sc_fft_good_size(7) == 8 && sc_fft_good_size(13) == 15, "small");
    /* The size the convolution uses: 5-smooth, >= n, within 20% of the
     * smallest; fewer radix-5 stages where that is cheaper. */
    int fbad = 0;
    for (int n = 1; n <= 10000; n++) {
        const int f = sc_fft_fast_size(n), g = sc_fft_good_size(n);
        if ((!smooth[f] || f < g || f > g + g / 5) && fbad++ < 5) CHECK(0, "fast_size(%d) = %d", n, f);
    }
    CHECK(fbad == 0, "%d fast size errors", fbad);
    CHECK(sc_fft_fast_size(542) == 576, "542 -> %d", sc_fft_fast_size(542));
    CHECK(sc_fft_fast_size(1086) == 1152, "1086 -> %d (2^7 3^2 beats 3^2 5^3)", sc_fft_fast_size(1086));
}

/* Naive DFT of one lane (element i at x[i*4 + lane]); sign -1 forward. */
static void naive_dft(const float *xr, const float *xi, int n, int lane, int sign,
                      double *yr, double *yi)
{
    for (int k = 0; k < n; k++) {
        double sr = 0, si = 0;
        for (int i = 0; i < n; i++) {
            const double a = sign * 2.0 * PI * (double)((long long)i * k % n) / n;
            const double c = cos(a), s = sin(a), vr = xr[4 * i + lane], vi = xi[4 * i + lane];
            sr += vr * c - vi * s;
            si += vr * s + vi * c;
        }
        yr[k] = sr;
        yi[k] = si;
    }
}

static float *falloc(size_t n) { return malloc(sizeof(float) * (n ? n : 1)); }

/* Every variant, both directions, strided input and output, against the
 * naive DFT per lane; Parseval; round trip in place; bit equality with the
 * scalar reference (same operations in the same order, no FMA). */
static void test_cfft(void)
{
    uint32_t seed = 7;
    for (int si = 0; si < N_SIZES; si++) {
        const int n = smooth_sizes[si];
        const sc_fft_plan *p = sc_fft_plan_get(n);
        CHECK(p != NULL, "plan %d", n);
        if (!p) continue;
        float *xr = falloc(8 * n), *xi = falloc(8 * n), *yr = falloc(12 * n), *yi = falloc(12 * n);
        float *cr = falloc(4 * n), *ci = falloc(4 * n), *zr = falloc(4 * n), *zi = falloc(4 * n);
        float *refr = falloc(12 * n), *refi = falloc(12 * n), *scratch = falloc(16 * n);
        double *dr = malloc(sizeof(double) * n), *di = malloc(sizeof(double) * n);
        check_fill_random(xr, 8 * n, &seed);
        check_fill_random(xi, 8 * n, &seed);
        for (int i = 0; i < n; i++) { /* contiguous copy of the strided input */
            memcpy(cr + 4 * i, xr + 8 * i, 16);
            memcpy(ci + 4 * i, xi + 8 * i, 16);
        }
        for (int inv = 0; inv <= 1; inv++) {
            double norm[4] = {0, 0, 0, 0};
            for (int lane = 0; lane < 4; lane++)
                for (int i = 0; i < n; i++)
                    norm[lane] += (double)cr[4 * i + lane] * cr[4 * i + lane] +
                                  (double)ci[4 * i + lane] * ci[4 * i + lane];
            for (int v = 0; v < sc_fft_variant_count; v++) {
                const sc_fft_variant *var = sc_fft_variants[v];
                check_fill_nan(yr, 12 * n);
                check_fill_nan(yi, 12 * n);
                var->cfft(p, xr, xi, 8, yr, yi, 12, scratch, inv);
                double worst = 0, parseval = 0;
                for (int lane = 0; lane < 4; lane++) {
                    naive_dft(cr, ci, n, lane, inv ? 1 : -1, dr, di);
                    double energy = 0;
                    for (int i = 0; i < n; i++) {
                        const double vr = yr[12 * i + lane], vi = yi[12 * i + lane];
                        energy += vr * vr + vi * vi;
                        const double e = hypot(vr - dr[i], vi - di[i]) / sqrt(norm[lane]);
                        if (!(e <= worst)) worst = e;
                    }
                    const double pe = fabs(energy - n * norm[lane]) / (n * norm[lane]);
                    if (!(pe <= parseval)) parseval = pe;
                }
                CHECK(worst <= DFT_TOL, "%s n=%d inverse=%d: error %g of ||x||", var->name, n, inv, worst);
                /* sum |X|^2 = n sum |x|^2; float rounding ~ 1e-7 relative */
                CHECK(parseval <= 1e-5, "%s n=%d inverse=%d: Parseval off by %g", var->name, n, inv, parseval);
                if (v == 0) {
                    memcpy(refr, yr, sizeof(float) * 12 * n);
                    memcpy(refi, yi, sizeof(float) * 12 * n);
                } else {
                    int same = 1;
                    for (int i = 0; i < n; i++)
                        same &= memcmp(yr + 12 * i, refr + 12 * i, 16) == 0 &&
                                memcmp(yi + 12 * i, refi + 12 * i, 16) == 0;
                    CHECK(same, "%s n=%d inverse=%d differs from scalar", var->name, n, inv);
                }
            }
        }
        /* Round trip in place: inverse(forward(x)) = n x. */
        for (int v = 0; v < sc_fft_variant_count; v++) {
            memcpy(zr, cr, sizeof(float) * 4 * n);
            memcpy(zi, ci, sizeof(float) * 4 * n);
            sc_fft_variants[v]->cfft(p, zr, zi, 4, zr, zi, 4, scratch, 0);
            sc_fft_variants[v]->cfft(p, zr, zi, 4, zr, zi, 4, scratch, 1);
            double worst = 0;
            for (int i = 0; i < 4 * n; i++) {
                const double e = fmax(fabs(zr[i] / n - cr[i]), fabs(zi[i] / n - ci[i]));
                if (!(e <= worst)) worst = e;
            }
            /* inputs are in [-1, 1): absolute error of the round trip */
            CHECK(worst <= 1e-6, "%s n=%d round trip error %g", sc_fft_variants[v]->name, n, worst);
        }
        free(xr);
        free(xi);
        free(yr);
        free(yi);
        free(cr);
        free(ci);
        free(zr);
        free(zi);
        free(refr);
        free(refi);
        free(scratch);
        free(dr);
        free(di);
    }
}

/* Pruned transforms (input zero from nz on): spread stages of every radix
 * against the dense transform of the same input. */
static void test_cfft_pruned(void)
{
    static const int ns[] = {16, 27, 32, 45, 50, 64, 75, 80, 96, 125, 250, 288, 576};
    uint32_t seed = 17;
    for (size_t a = 0; a < sizeof ns / sizeof ns[0]; a++) {
        const int n = ns[a];
        const sc_fft_plan *p = sc_fft_plan_get(n);
        float *xr = falloc(4 * n), *xi = falloc(4 * n), *dr = falloc(4 * n), *di = falloc(4 * n);
        float *yr = falloc(4 * n), *yi = falloc(4 * n), *scratch = falloc(16 * n);
        for (int nz = 1; nz <= n; nz += nz < 8 ? 1 : nz / 2) {
            check_fill_random(xr, 4 * n, &seed);
            check_fill_random(xi, 4 * n, &seed);
            memset(xr + 4 * nz, 0, sizeof(float) * 4 * (n - nz));
            memset(xi + 4 * nz, 0, sizeof(float) * 4 * (n - nz));
            for (int v = 0; v < sc_fft_variant_count; v++) {
                const sc_fft_variant *var = sc_fft_variants[v];
                check_fill_nan(yr, 4 * n);
                check_fill_nan(yi, 4 * n);
                var->cfft_nz(p, xr, xi, 4, yr, yi, 4, scratch, 0, nz);
                var->cfft(p, xr, xi, 4, dr, di, 4, scratch, 0);
                double worst = 0, scale = 0;
                for (int i = 0; i < 4 * n; i++) scale = fmax(scale, fmax(fabs(dr[i]), fabs(di[i])));
                for (int i = 0; i < 4 * n; i++) {
                    const double e = fmax(fabs(yr[i] - dr[i]), fabs(yi[i] - di[i]));
                    if (!(e <= worst)) worst = e;
                }
                /* same sums, different order of the zero terms: rounding only */
                CHECK(worst <= 1e-6 * scale, "%s n=%d nz=%d: pruned differs by %g (scale %g)",
                      var->name, n, nz, worst, scale);
            }
        }
        free(xr);
        free(xi);
        free(dr);
        free(di);
        free(yr);
        free(yi);
        free(scratch);
    }
}

/* 2-D real transform of an sw x sh region zero-padded to nx x ny, against
 * the naive 2-D DFT in double; then the inverse gives back nx*ny*x. */
static void test_rfft2(void)
{
    static const int dims[][4] = {
        /* nx, ny, sw, sh */
        {1, 1, 1, 1},
        {2, 3, 2, 2},
        {3, 2, 1, 2},
        {4, 5, 4, 5},
        {5, 4, 3, 3},
        {8, 9, 8, 9},
        {9, 8, 7, 6},
        {10, 12, 10, 1},
        {12, 10, 1, 10},
        {15, 16, 13, 11},
        {16, 15, 16, 15},
        {18, 20, 17, 19},
        {25, 27, 20, 21},
        {32, 45, 30, 40},
        {60, 36, 55, 33},
    };
    uint32_t seed = 31;
    for (size_t d = 0; d < sizeof dims / sizeof dims[0]; d++) {
        const int nx = dims[d][0], ny = dims[d][1], sw = dims[d][2], sh = dims[d][3];
        sc_fft2 g;
        CHECK(sc_fft2_init(&g, nx, ny), "init %dx%d", nx, ny);
        const size_t plane = sc_fft2_plane_floats(&g);
        const int stride = sw + 3; /* source rows are not tight */
        float *src = falloc((size_t)stride * sh), *tr = falloc(plane), *ti = falloc(plane);
        float *rr = falloc(plane), *ri = falloc(plane), *back = falloc((size_t)sw * sh);
        float *scratch = falloc(sc_fft2_scratch_floats(&g));
        check_fill_random(src, (size_t)stride * sh, &seed);
        double norm = 0;
        for (int y = 0; y < sh; y++)
            for (int x = 0; x < sw; x++) norm += (double)src[y * stride + x] * src[y * stride + x];
        norm = sqrt(norm);
        for (int v = 0; v < sc_fft_variant_count; v++) {
            const sc_fft_variant *var = sc_fft_variants[v];
            check_fill_nan(tr, plane);
            check_fill_nan(ti, plane);
            var->rfft2(&g, src, sw, sh, stride, tr, ti, scratch);
            double worst = 0;
            for (int kx = 0; kx < nx; kx++)
                for (int ky = 0; ky <= ny / 2; ky++) {
                    double sr = 0, si = 0;
                    for (int y = 0; y < sh; y++)
                        for (int x = 0; x < sw; x++) {
                            const double a = -2.0 * PI * ((double)(kx * x % nx) / nx + (double)(ky * y % ny) / ny);
                            sr += src[y * stride + x] * cos(a);
                            si += src[y * stride + x] * sin(a);
                        }
                    const size_t o = sc_fft2_at(&g, kx, ky);
                    const double e = hypot(tr[o] - sr, ti[o] - si) / norm;
                    if (!(e <= worst)) worst = e;
                }
            CHECK(worst <= DFT_TOL, "%s rfft2 %dx%d (%dx%d): error %g of ||x||", var->name, nx, ny, sw, sh, worst);
            if (v == 0) {
                memcpy(rr, tr, sizeof(float) * plane);
                memcpy(ri, ti, sizeof(float) * plane);
            } else {
                /* compare the meaningful entries (padding lanes are don't-care) */
                int same = 1;
                for (int kx = 0; kx < nx; kx++)
                    for (int ky = 0; ky <= ny / 2; ky++) {
                        const size_t o = sc_fft2_at(&g, kx, ky);
                        same &= memcmp(tr + o, rr + o, 4) == 0 && memcmp(ti + o, ri + o, 4) == 0;
                    }
                CHECK(same, "%s rfft2 %dx%d differs from scalar", var->name, nx, ny);
            }
            check_fill_nan(back, (size_t)sw * sh);
            var->irfft2(&g, tr, ti, back, sw, sh, sw, scratch);
            double rt = 0;
            for (int y = 0; y < sh; y++)
                for (int x = 0; x < sw; x++) {
                    const double e = fabs(back[y * sw + x] / ((double)nx * ny) - src[y * stride + x]);
                    if (!(e <= rt)) rt = e;
                }
            CHECK(rt <= 1e-6, "%s irfft2(rfft2) %dx%d: error %g", var->name, nx, ny, rt);
        }
        free(src);
        free(tr);
        free(ti);
        free(rr);
        free(ri);
        free(back);
        free(scratch);
    }
}

/* Direct correlation in double over the padded image, with its scale. */
static void ref_corr(const float *p, int pw, int x, int y, const float *k, int kw, int kh,
                     double *val, double *scale)
{
    double acc = 0, abs_acc = 1e-30;
    for (int j = 0; j < kh; j++)
        for (int i = 0; i < kw; i++) {
            const double t = (double)k[j * kw + i] * p[(size_t)(y + j) * pw + x + i];
            acc += t;
            abs_acc += fabs(t);
        }
    *val = acc;
    *scale = abs_acc;
}

/* Next index of a lattice with the given step that always ends at n - 1. */
static int lattice_next(int i, int n, int step)
{
    return i == n - 1 ? n : (i + step < n ? i + step : n - 1);
}

/* Largest error relative to sum |k||x| over every pixel (step 1) or a
 * lattice of pixels including the last row and column (big images). */
static double conv_error(const float *p, int pw, int w, int h, const float *k, int kw, int kh,
                         const float *out, int step)
{
    double worst = 0;
    for (int y = 0; y < h; y = lattice_next(y, h, step))
        for (int x = 0; x < w; x = lattice_next(x, w, step)) {
            double r, s;
            ref_corr(p, pw, x, y, k, kw, kh, &r, &s);
            const double e = fabs(out[(size_t)y * w + x] - r) / s;
            if (!(e <= worst)) worst = e;
        }
    return worst;
}

static void test_conv_variants(void)
{
    static const int sizes[][4] = {
        {1, 1, 1, 1},
        {3, 2, 9, 7},
        {8, 8, 8, 8},
        {13, 7, 5, 12},
        {37, 29, 31, 31},
        {64, 48, 15, 15},
    };
    uint32_t seed = 4242;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const int w = sizes[s][0], h = sizes[s][1], kw = sizes[s][2], kh = sizes[s][3];
        const int pw = w + kw - 1, ph = h + kh - 1;
        float *p = falloc((size_t)pw * ph), *k = falloc((size_t)kw * kh);
        float *ref = falloc((size_t)w * h), *out = falloc((size_t)w * h);
        check_fill_random(p, (size_t)pw * ph, &seed);
        check_fill_random(k, (size_t)kw * kh, &seed);
        for (int v = 0; v < sc_fft_variant_count; v++) {
            int fw = 0, fh = 0, hit = -1;
            sc_conv_fft_cache_clear();
            check_fill_nan(out, (size_t)w * h);
            CHECK(sc_conv_fft_variant(sc_fft_variants[v], p, pw, w, h, k, kw, kh, out, &fw, &fh, &hit) == SC_OK, "status");
            CHECK(fw == sc_fft_fast_size(pw) && fh == sc_fft_fast_size(ph), "sizes %dx%d", fw, fh);
            CHECK(hit == 0, "cold call reports a cache hit");
            const double e = conv_error(p, pw, w, h, k, kw, kh, out, 1);
            CHECK(e <= CONV_TOL, "%s %dx%d k%dx%d: error %g of sum|k x|", sc_fft_variants[v]->name, w, h, kw, kh, e);
            if (v == 0)
                memcpy(ref, out, sizeof(float) * w * h);
            else
                CHECK(memcmp(ref, out, sizeof(float) * w * h) == 0, "%s %dx%d differs from scalar",
                      sc_fft_variants[v]->name, w, h);
        }
        free(p);
        free(k);
        free(ref);
        free(out);
    }
}

/* Regression (found by tests/fuzz/fuzz_conv): the padding rows of the
 * transform (nx not a multiple of 8) kept the kernel's spectrum and leaked
 * ~1e-15 |K| into outputs, so a zero image gave non-zero results and a tiny
 * one lost all relative accuracy. A zero image must give exact zeros. */
static void test_zero_image_no_leak(void)
{
    static const int sizes[][4] = {{1, 23, 1, 39}, {3, 5, 2, 30}, {5, 40, 3, 3}, {9, 9, 9, 9}};
    uint32_t seed = 99;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const int w = sizes[s][0], h = sizes[s][1], kw = sizes[s][2], kh = sizes[s][3];
        const int pw = w + kw - 1, ph = h + kh - 1;
        float *p = falloc((size_t)pw * ph), *k = falloc((size_t)kw * kh), *out = falloc((size_t)w * h);
        memset(p, 0, sizeof(float) * pw * ph);
        check_fill_random(k, (size_t)kw * kh, &seed);
        for (int v = 0; v < sc_fft_variant_count; v++) {
            sc_conv_fft_cache_clear();
            check_fill_nan(out, (size_t)w * h);
            CHECK(sc_conv_fft_variant(sc_fft_variants[v], p, pw, w, h, k, kw, kh, out, NULL, NULL, NULL) == SC_OK,
                  "status");
            int nonzero = 0;
            for (int i = 0; i < w * h; i++) nonzero += out[i] != 0.0f;
            CHECK(nonzero == 0, "%s %dx%d k%dx%d: %d non-zero outputs for a zero image", sc_fft_variants[v]->name,
                  w, h, kw, kh, nonzero);
            /* A tiny image keeps the usual relative accuracy. */
            for (int i = 0; i < pw * ph; i++) p[i] = 1e-30f * check_rand_f(&seed);
            sc_conv_fft_cache_clear();
            sc_conv_fft_variant(sc_fft_variants[v], p, pw, w, h, k, kw, kh, out, NULL, NULL, NULL);
            const double e = conv_error(p, pw, w, h, k, kw, kh, out, 1);
            CHECK(e <= CONV_TOL, "%s %dx%d tiny image: error %g of sum|k x|", sc_fft_variants[v]->name, w, h, e);
            memset(p, 0, sizeof(float) * pw * ph);
        }
        free(p);
        free(k);
        free(out);
    }
}

/* The cache: a hit on the same image (even another kernel), bit-identical to
 * the result after a miss, and a miss as soon as one pixel changes. */
static void test_cache(void)
{
    const int w = 70, h = 50, kw = 11, kh = 9, pw = w + kw - 1, ph = h + kh - 1;
    uint32_t seed = 5;
    float *p = falloc((size_t)pw * ph), *k1 = falloc(kw * kh), *k2 = falloc(kw * kh);
    float *a = falloc(w * h), *b = falloc(w * h);
    check_fill_random(p, (size_t)pw * ph, &seed);
    check_fill_random(k1, kw * kh, &seed);
    check_fill_random(k2, kw * kh, &seed);
    sc_conv_info info = {0};
    sc_conv_fft_cache_clear();
    CHECK(sc_conv_fft(p, pw, w, h, k1, kw, kh, a, &info) == SC_OK && info.cache_hit == 0, "first call misses");
    CHECK(sc_conv_fft(p, pw, w, h, k2, kw, kh, b, &info) == SC_OK && info.cache_hit == 1, "new kernel, same image hits");
    CHECK(conv_error(p, pw, w, h, k2, kw, kh, b, 1) <= CONV_TOL, "hit result correct");
    CHECK(sc_conv_fft(p, pw, w, h, k1, kw, kh, b, &info) == SC_OK && info.cache_hit == 1, "hit again");
    CHECK(memcmp(a, b, sizeof(float) * w * h) == 0, "hit and miss give identical results");
    p[(size_t)(ph / 2) * pw + pw / 3] += 0.25f;
    CHECK(sc_conv_fft(p, pw, w, h, k1, kw, kh, b, &info) == SC_OK && info.cache_hit == 0, "one changed pixel misses");
    CHECK(conv_error(p, pw, w, h, k1, kw, kh, b, 1) <= CONV_TOL, "miss result reflects the change");
    CHECK(memcmp(a, b, sizeof(float) * w * h) != 0, "changed pixel changes the result");
    /* Same bytes but another geometry (a taller, narrower view) must miss. */
    CHECK(sc_conv_fft(p, pw - kw + 1 - 2, w - 2, h, k1, 1, kh, b, &info) == SC_OK && info.cache_hit == 0,
          "other geometry misses");
    sc_conv_fft_cache_clear();
    CHECK(sc_conv_fft(p, pw, w, h, k1, kw, kh, b, &info) == SC_OK && info.cache_hit == 0, "cleared cache misses");
    /* The public entry point reports it too. */
    sc_conv_desc d = {0};
    d.method = SC_CONV_FFT;
    float *img = falloc(w * h);
    check_fill_random(img, w * h, &seed);
    CHECK(sc_conv2d(img, w, h, k1, kw, kh, &d, a, &info) == SC_OK && info.cache_hit == 0 &&
              info.method == SC_CONV_FFT && info.fft_width == sc_fft_fast_size(pw) && info.fft_height == sc_fft_fast_size(ph),
          "sc_conv2d info: hit %d size %dx%d", info.cache_hit, info.fft_width, info.fft_height);
    CHECK(sc_conv2d(img, w, h, k2, kw, kh, &d, b, &info) == SC_OK && info.cache_hit == 1, "sc_conv2d hit");
    sc_conv_cache_clear();
    free(p);
    free(k1);
    free(k2);
    free(a);
    free(b);
    free(img);
}

/* The sizes the path exists for, checked on a lattice of pixels. */
static void test_large(void)
{
    const int w = 512, h = 512, kw = 31, kh = 31, pw = w + kw - 1, ph = h + kh - 1;
    uint32_t seed = 77;
    float *p = falloc((size_t)pw * ph), *k = falloc(kw * kh), *out = falloc((size_t)w * h);
    check_fill_random(p, (size_t)pw * ph, &seed);
    check_fill_random(k, kw * kh, &seed);
    sc_conv_info info = {0};
    check_fill_nan(out, (size_t)w * h);
    CHECK(sc_conv_fft(p, pw, w, h, k, kw, kh, out, &info) == SC_OK, "status");
    CHECK(info.fft_width == 576 && info.fft_height == 576, "576x576, got %dx%d", info.fft_width, info.fft_height);
    const double e = conv_error(p, pw, w, h, k, kw, kh, out, 7);
    CHECK(e <= CONV_TOL, "512^2 x 31^2: error %g of sum|k x|", e);
    printf("512x512 k31: max error %.3g of sum|k x|\n", e);
    sc_conv_cache_clear();
    free(p);
    free(k);
    free(out);
}

int main(void)
{
    CHECK_RUN(test_good_size());
    CHECK_RUN(test_cfft());
    CHECK_RUN(test_cfft_pruned());
    CHECK_RUN(test_rfft2());
    CHECK_RUN(test_conv_variants());
    CHECK_RUN(test_zero_image_no_leak());
    CHECK_RUN(test_cache());
    CHECK_RUN(test_large());
    return check_summary("test_fft");
}
