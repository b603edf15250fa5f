/* Separable (low-rank) path: every 1-D variant bit-exact against its scalar
 * reference, the scalar references against double sums, ranks of known
 * kernels (box, Gaussian, Gabor), the SVD cache, the truncation error bound,
 * and the whole path against a double-precision direct sum. The full path
 * over every border and method is also in test_conv.c. */
#include <string.h>
#include "check.h"
#include "simcore/gabor.h"
#include "conv/separable.h"

static const float *row_ptrs[64];

static void test_variants_bit_exact(void)
{
    /* Widths 1..70 cover every tail of the 32- and 4-wide loops; the scalar
     * order is the same in every lane, so demand equality. */
    static const int taps[] = {1, 2, 3, 5, 8, 31, 64};
    uint32_t seed = 11;
    /* Scalar reference, plus the SIMD kernels when built: a missing entry
     * would leave the bit-equality loops below with nothing to check. */
    CHECK(sc_separable_variant_count == 1 + SC_HAVE_SIMD, "%d separable variants", sc_separable_variant_count);
    for (size_t ti = 0; ti < sizeof taps / sizeof taps[0]; ti++) {
        const int n = taps[ti];
        for (int w = 1; w <= 70; w++) {
            /* Exactly w + n - 1 inputs: any over-read would be outside the block. */
            float *in = malloc(sizeof(float) * (w + n - 1)), *c = malloc(sizeof(float) * n);
            float *rows = malloc(sizeof(float) * n * w);
            float *ref = malloc(sizeof(float) * w), *out = malloc(sizeof(float) * w);
            check_fill_random(in, (size_t)w + n - 1, &seed);
            check_fill_random(c, (size_t)n, &seed);
            check_fill_random(rows, (size_t)n * w, &seed);
            for (int t = 0; t < n; t++) row_ptrs[t] = rows + (size_t)t * w;

            sc_separable_variants[0].row(in, w, c, n, ref);
            double worst = 0.0;
            for (int x = 0; x < w; x++) {
                double acc = 0.0, scale = 1e-30;
                for (int i = 0; i < n; i++) {
                    acc += (double)c[i] * in[x + i];
                    scale += fabs((double)c[i] * in[x + i]);
                }
                /* float sum of n <= 64 terms: n * 2^-24 relative to sum|c x|. */
                const double e = fabs(ref[x] - acc) / scale;
                if (e > worst) worst = e;
            }
            CHECK(worst <= n * 6e-8, "row_corr scalar n=%d w=%d: rel err %g", n, w, worst);

            for (int v = 1; v < sc_separable_variant_count; v++) {
                check_fill_nan(out, (size_t)w);
                sc_separable_variants[v].row(in, w, c, n, out);
                CHECK(memcmp(ref, out, sizeof(float) * w) == 0, "row %s n=%d w=%d differs",
                      sc_separable_variants[v].name, n, w);
            }
            for (int acc = 0; acc <= 1; acc++) {
                /* accumulate = 1 adds to what out holds: start both from in. */
                memcpy(ref, in, sizeof(float) * w);
                sc_separable_variants[0].col(row_ptrs, c, n, w, acc, ref);
                for (int x = 0; x < w; x++) {
                    double s = acc ? in[x] : 0.0, scale = 1e-30 + (acc ? fabs(in[x]) : 0.0);
                    for (int t = 0; t < n; t++) {
                        s += (double)c[t] * row_ptrs[t][x];
                        scale += fabs((double)c[t] * row_ptrs[t][x]);
                    }
                    CHECK(fabs(ref[x] - s) <= (n + 1) * 6e-8 * scale, "col scalar n=%d w=%d x=%d", n, w, x);
                }
                for (int v = 1; v < sc_separable_variant_count; v++) {
                    memcpy(out, in, sizeof(float) * w);
                    sc_separable_variants[v].col(row_ptrs, c, n, w, acc, out);
                    CHECK(memcmp(ref, out, sizeof(float) * w) == 0, "col %s n=%d w=%d acc=%d differs",
                          sc_separable_variants[v].name, n, w, acc);
                }
            }
            free(in);
            free(c);
            free(rows);
            free(ref);
            free(out);
        }
    }
}

static void gaussian(float *k, int kw, int kh, double sx, double sy)
{
    for (int j = 0; j < kh; j++)
        for (int i = 0; i < kw; i++) {
            const double x = i - (kw - 1) / 2.0, y = j - (kh - 1) / 2.0;
            k[j * kw + i] = (float)exp(-x * x / (2 * sx * sx) - y * y / (2 * sy * sy));
        }
}

static void test_known_ranks(void)
{
    float k[31 * 21];
    gaussian(k, 31, 21, 4.0, 2.5);
    CHECK(sc_kernel_rank(k, 31, 21, SC_CONV_RANK_TOL) == 1, "gaussian: rank %d", sc_kernel_rank(k, 31, 21, SC_CONV_RANK_TOL));
    for (int i = 0; i < 9 * 5; i++) k[i] = 1.0f / 45.0f;
    CHECK(sc_kernel_rank(k, 9, 5, SC_CONV_RANK_TOL) == 1, "box: rank %d", sc_kernel_rank(k, 9, 5, SC_CONV_RANK_TOL));
    /* Cross-shaped kernel: e_c 1^T + 1 e_c^T - e_c e_c^T has rank 2. */
    memset(k, 0, sizeof(float) * 7 * 7);
    for (int i = 0; i < 7; i++) k[3 * 7 + i] = k[i * 7 + 3] = 1.0f;
    CHECK(sc_kernel_rank(k, 7, 7, SC_CONV_RANK_TOL) == 2, "cross: rank %d", sc_kernel_rank(k, 7, 7, SC_CONV_RANK_TOL));
    /* The zero kernel needs no terms; its output is zero. */
    memset(k, 0, sizeof(float) * 25);
    CHECK(sc_kernel_rank(k, 5, 5, SC_CONV_RANK_TOL) == 0, "zero kernel: rank %d", sc_kernel_rank(k, 5, 5, SC_CONV_RANK_TOL));
    float pad[9 * 9], out[25];
    for (int i = 0; i < 81; i++) pad[i] = 1.0f;
    int rank = -1;
    check_fill_nan(out, 25);
    CHECK(sc_conv_separable(pad, 9, 5, 5, k, 5, 5, SC_CONV_RANK_TOL, out, &rank) == SC_OK && rank == 0, "zero: rank %d", rank);
    for (int i = 0; i < 25; i++) CHECK(out[i] == 0.0f, "zero kernel out[%d] = %g", i, out[i]);
}

/* Ranks of Gabor kernels: theta = 0 and pi/2 (axis-aligned envelope and
 * carrier) are rank 1; with gamma = 1 the envelope is separable at every
 * angle and cos(ax + by) = cos ax cos by - sin ax sin by gives rank 2; with
 * gamma = 0.5 the rotated elliptic envelope is not separable and the rank
 * depends on the tolerance (measured, printed; docs/separable.md quotes this
 * table). Rank never falls as the tolerance tightens. */
static void test_gabor_ranks(void)
{
    static const int sizes[] = {15, 31, 63};
    static const double thetas[] = {0.0, 1.0 / 8, 1.0 / 6, 1.0 / 4, 1.0 / 3, 1.0 / 2}; /* x pi */
    static const float tols[] = {1e-6f, 1e-4f, 1e-3f, 1e-2f};
    float *k = malloc(sizeof(float) * 63 * 63);
    printf("Gabor ranks, real/imag (sigma = 3 sigma_y reaches the edge, lambda = 2.5 sigma, psi = 0):\n");
    for (int g = 0; g < 2; g++) {
        const double gamma = g ? 0.5 : 1.0;
        for (size_t si = 0; si < 3; si++)
            for (size_t tl = 0; tl < (g ? 4u : 1u); tl++) {
                const int size = sizes[si];
                printf("  gamma %.1f %2dx%-2d tol %-6g theta/pi", gamma, size, size, (double)tols[tl]);
                for (size_t ti = 0; ti < sizeof thetas / sizeof thetas[0]; ti++) {
                    sc_gabor_params p = sc_gabor_default_params();
                    /* 3 sigma_y = 3 sigma / gamma reaches the kernel edge. */
                    p.sigma = (size - 1) / 2.0 * gamma / 3.0;
                    p.lambda = 2.5 * p.sigma;
                    p.gamma = gamma;
                    p.theta = thetas[ti] * 3.14159265358979323846;
                    p.width = p.height = size;
                    for (int part = 0; part < 2; part++) {
                        CHECK(sc_gabor_kernel(&p, (sc_gabor_part)part, k) == SC_OK, "gabor kernel");
                        /* The cheap path first (the cache would otherwise hold the full
                         * SVD), then the full SVD: exact ranks, also above 16 terms. */
                        const int cheap = sc_kernel_rank(k, size, size, tols[tl]);
                        const int r = sc_kernel_svd_rank(sc_kernel_svd_get(k, size, size, 1), tols[tl]);
                        if (part)
                            printf("/%d", r);
                        else
                            printf("  %.3f: %d", thetas[ti], r);
                        if (tl + 1 < 4 && g)
                            CHECK(r >= sc_kernel_svd_rank(sc_kernel_svd_get(k, size, size, 1), tols[tl + 1]), "rank falls as tol tightens");
                        if (ti == 0 || ti == 5)
                            CHECK(r == 1, "gabor %d gamma %g theta %g part %d: rank %d, expected 1", size, gamma, thetas[ti], part, r);
                        else if (gamma == 1.0)
                            CHECK(r == 2, "gabor %d gamma 1 theta %g part %d: rank %d, expected 2", size, thetas[ti], part, r);
                        else
                            CHECK(r > 2, "gabor %d gamma 0.5 theta %g part %d tol %g: rank %d", size, thetas[ti], part, (double)tols[tl], r);
                        /* The cheap path (low-rank SVD for big kernels) gives the same
                         * rank, or min(kw, kh) when its 16 terms cannot tell. Its
                         * truncations are near-optimal, so allow one extra term. */
                        CHECK(cheap == r || cheap == r + 1 || (r >= SC_SVD_LOWRANK_MAX && cheap == size),
                              "gabor %d theta %g tol %g: cheap rank %d, full %d", size, thetas[ti], (double)tols[tl], cheap, r);
                    }
                }
                printf("\n");
            }
    }
    free(k);
}

static void test_cache(void)
{
    /* The cache is keyed by the bytes: a one-entry change must be seen. */
    float k[11 * 11];
    gaussian(k, 11, 11, 2.0, 3.0);
    CHECK(sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL) == 1, "gaussian rank");
    CHECK(sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL) == 1, "cached gaussian rank");
    k[3 * 11 + 7] += 0.25f;
    CHECK(sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL) == 2, "perturbed: rank %d", sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL));
    /* Same bytes, other shape: not the same kernel. */
    CHECK(sc_kernel_rank(k, 121, 1, SC_CONV_RANK_TOL) == 1, "1-row kernel: rank %d", sc_kernel_rank(k, 121, 1, SC_CONV_RANK_TOL));
    /* After clearing, the next query recomputes. */
    sc_kernel_svd_cache_clear();
    CHECK(sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL) == 2, "after clear: rank %d", sc_kernel_rank(k, 11, 11, SC_CONV_RANK_TOL));
}

/* Double-precision direct correlation of the padded image. */
static void direct_ref(const float *pad, int pw, int w, int h, const float *k, int kw, int kh,
                       double *out, double *scale, double *xnorm)
{
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double acc = 0.0, sa = 1e-30, s2 = 0.0;
            for (int j = 0; j < kh; j++)
                for (int i = 0; i < kw; i++) {
                    const double kv = k[j * kw + i], xv = pad[(y + j) * pw + x + i];
                    acc += kv * xv;
                    sa += fabs(kv * xv);
                    s2 += xv * xv;
                }
            out[y * w + x] = acc;
            scale[y * w + x] = sa;
            xnorm[y * w + x] = sqrt(s2);
        }
}

/* Runs the path and returns the worst error, relative to sum|k x| plus, when
 * truncating, the Eckart-Young bound tol ||k||_F ||x_window||_F. */
static double separable_error(int w, int h, const float *k, int kw, int kh, float tol, uint32_t *seed, int *rank)
{
    const int pw = w + kw - 1, ph = h + kh - 1;
    float *pad = malloc(sizeof(float) * pw * ph), *out = malloc(sizeof(float) * w * h);
    double *ref = malloc(sizeof(double) * w * h), *sa = malloc(sizeof(double) * w * h), *xn = malloc(sizeof(double) * w * h);
    check_fill_random(pad, (size_t)pw * ph, seed);
    check_fill_nan(out, (size_t)w * h);
    CHECK(sc_conv_separable(pad, pw, w, h, k, kw, kh, tol, out, rank) == SC_OK, "status");
    direct_ref(pad, pw, w, h, k, kw, kh, ref, sa, xn);
    double kf = 0.0;
    for (int i = 0; i < kw * kh; i++) kf += (double)k[i] * k[i];
    kf = sqrt(kf);
    double worst = 0.0;
    for (int i = 0; i < w * h; i++) {
        /* |k_r * x - k * x| <= ||k - k_r||_F ||x||_F <= tol ||k||_F ||x||_F */
        const double bound = 1e-5 * sa[i] + (double)tol * kf * xn[i];
        const double e = fabs(out[i] - ref[i]) / bound;
        if (!(e <= worst)) worst = e;
    }
    free(pad);
    free(out);
    free(ref);
    free(sa);
    free(xn);
    return worst;
}

static void test_against_direct(void)
{
    uint32_t seed = 77;
    int rank;
    float *k = malloc(sizeof(float) * 512 * 2), *k2 = malloc(sizeof(float) * 63 * 63);
    /* Full-rank random kernels: all terms, must be exact to float rounding. */
    static const int shapes[][4] = {{37, 9, 5, 5}, {64, 7, 15, 3}, {33, 5, 2, 9}, {5, 40, 31, 31}};
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        const int w = shapes[c][0], h = shapes[c][1], kw = shapes[c][2], kh = shapes[c][3];
        check_fill_random(k, (size_t)kw * kh, &seed);
        const double e = separable_error(w, h, k, kw, kh, SC_CONV_RANK_TOL, &seed, &rank);
        CHECK(e <= 1.0, "random %dx%d k%dx%d: error %g of the bound", w, h, kw, kh, e);
        CHECK(rank == (kw < kh ? kw : kh), "random k%dx%d: rank %d", kw, kh, rank);
    }
    /* Truncated: gamma 0.5 Gabor at 30 degrees with rank_tol 1e-2 uses a few
     * terms, and the error stays inside the Eckart-Young bound. */
    sc_gabor_params p = sc_gabor_default_params();
    p.sigma = 2.5;
    p.lambda = 6.0;
    p.gamma = 0.5;
    p.theta = 3.14159265358979323846 / 6;
    p.width = p.height = 31;
    CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, k) == SC_OK, "gabor");
    const double e = separable_error(50, 20, k, 31, 31, 1e-2f, &seed, &rank);
    CHECK(e <= 1.0, "truncated gabor: error %g of the bound", e);
    CHECK(rank >= 2 && rank < sc_kernel_rank(k, 31, 31, SC_CONV_RANK_TOL), "truncated gabor: rank %d", rank);
    /* Big low-rank kernels take the low-rank SVD (no full SVD): gamma 1
     * Gabor at 35 degrees is rank 2 at any size. */
    p.sigma = 10.0;
    p.lambda = 25.0;
    p.gamma = 1.0;
    p.theta = 0.6;
    p.width = p.height = 63;
    CHECK(sc_gabor_kernel(&p, SC_GABOR_IMAG, k2) == SC_OK, "gabor 63");
    const double e3 = separable_error(70, 9, k2, 63, 63, SC_CONV_RANK_TOL, &seed, &rank);
    CHECK(e3 <= 1.0 && rank == 2, "gabor 63 low rank: error %g rank %d", e3, rank);
    CHECK(!sc_kernel_svd_get(k2, 63, 63, 0)->complete, "gabor 63 used the low-rank SVD");
    /* Tall kernel on a wide image: the ring budget splits the 2 terms into
     * two passes, the second adding into out. */
    check_fill_random(k, 2 * 512, &seed);
    const double e2 = separable_error(4096, 1, k, 2, 512, SC_CONV_RANK_TOL, &seed, &rank);
    CHECK(e2 <= 1.0 && rank == 2, "two passes: error %g rank %d", e2, rank);
    free(k);
    free(k2);
}

/* AUTO (sc_conv_choose with the cached rank) on cases far from any
 * crossover of the cost model, so recalibration cannot flip them. */
static void test_auto_choice(void)
{
    enum { W = 256,
           H = 256 };
    float *img = malloc(sizeof(float) * W * H), *out = malloc(sizeof(float) * W * H);
    float *k = malloc(sizeof(float) * 63 * 63);
    uint32_t seed = 5;
    check_fill_random(img, W * H, &seed);
    sc_conv_info info;
    gaussian(k, 31, 31, 5.0, 5.0);
    CHECK(sc_conv2d(img, W, H, k, 31, 31, NULL, out, &info) == SC_OK, "gaussian");
    CHECK(info.method == SC_CONV_SEPARABLE && info.rank == 1, "gaussian 31: method %d rank %d", info.method, info.rank);
    check_fill_random(k, 9, &seed);
    CHECK(sc_conv2d(img, W, H, k, 3, 3, NULL, out, &info) == SC_OK, "3x3");
    CHECK(info.method == SC_CONV_DIRECT, "random 3x3: method %d", info.method);
    check_fill_random(k, 63 * 63, &seed);
    CHECK(sc_conv2d(img, W, H, k, 63, 63, NULL, out, &info) == SC_OK, "63x63");
    CHECK(info.method == SC_CONV_FFT, "random 63x63: method %d", info.method);
    /* Orderings far from any crossover in the wasm SIMD measurements
     * (docs/benchmarks.md): rank 1 beats FFT at 31x31, direct beats
     * separable and FFT for a full-rank 5x5, FFT beats direct at 31x31. */
    CHECK(sc_conv_choose(512, 512, 31, 31, 1) == SC_CONV_SEPARABLE, "31x31 rank 1");
    CHECK(sc_conv_choose(512, 512, 5, 5, 5) == SC_CONV_DIRECT, "5x5 full rank");
    CHECK(sc_conv_choose(512, 512, 31, 31, 31) == SC_CONV_FFT, "31x31 full rank");
    free(img);
    free(out);
    free(k);
}

int main(void)
{
    CHECK_RUN(test_variants_bit_exact());
    CHECK_RUN(test_known_ranks());
    CHECK_RUN(test_gabor_ranks());
    CHECK_RUN(test_cache());
    CHECK_RUN(test_against_direct());
    CHECK_RUN(test_auto_choice());
    return check_summary("test_separable");
}
