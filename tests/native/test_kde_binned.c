/* The binned FFT path of the density grids against the exact sums: within
 * the stated bound (kernel.h, docs/kernels.md) for every kernel in 1-D and
 * 2-D, coarse and fine grids, diagonal and full H, samples outside the
 * grid; the bound tight for the smooth kernels (one sample in the middle of
 * a cell, where the interpolation error is largest, errs by 3/4 of the
 * Gaussian's bound and 1/4 of the biweight's); the fallback to exact when
 * the transform would be too large. */
#include <math.h>
#include <stdlib.h>
#include "check.h"
#include "simcore/kernel.h"

static double rand_normal(uint32_t *s)
{
    const double u1 = ((check_rand_u32(s) >> 8) + 0.5) / 16777216.0;
    const double u2 = (check_rand_u32(s) >> 8) / 16777216.0;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

static const char *const names[] = {"gaussian", "epanechnikov", "biweight", "triangular",
                                    "uniform"};

static void test_1d(void)
{
    uint32_t seed = 3;
    enum { N = 500 };
    double x[N];
    for (int i = 0; i < N; i++) x[i] = i % 5 ? 170.0 + 7.0 * rand_normal(&seed) : 158.0 + 6.0 * rand_normal(&seed);
    const int grids[3] = {64, 256, 2048};
    for (int kernel = 0; kernel < SC_KDE_KERNEL_COUNT; kernel++) {
        for (int gi = 0; gi < 3; gi++) {
            const int m = grids[gi];
            double *e = malloc(sizeof(double) * m), *b = malloc(sizeof(double) * m);
            const double h = kernel == SC_KDE_GAUSSIAN ? 3.0 : 7.0;
            double bound = -1.0;
            int used = -1;
            /* 150..190 cuts through the data: samples outside the grid count. */
            CHECK(sc_kde1d_grid(x, N, kernel, h, 150.0, 190.0, m, SC_KDE_EXACT, e, NULL, NULL) == SC_OK, "exact");
            CHECK(sc_kde1d_grid(x, N, kernel, h, 150.0, 190.0, m, SC_KDE_BINNED, b, &bound, &used) == SC_OK, "binned");
            CHECK(used == SC_KDE_BINNED, "used %d", used);
            double err = 0.0;
            for (int i = 0; i < m; i++) err = fmax(err, fabs(e[i] - b[i]));
            CHECK(err <= bound, "1-D %s m %d: error %.3g > bound %.3g", names[kernel], m, err, bound);
            printf("1-D %-12s m %5d: max |binned - exact| %.3e, bound %.3e (peak density %.3e)\n",
                   names[kernel], m, err, bound, e[m / 2]);
            free(e);
            free(b);
        }
    }
}

static void test_2d(void)
{
    uint32_t seed = 5;
    enum { N = 2000 };
    double *xy = malloc(sizeof(double) * 2 * N);
    for (int i = 0; i < N; i++) {
        const double z1 = rand_normal(&seed), z2 = rand_normal(&seed);
        xy[2 * i] = 170.0 + 7.0 * z1;
        xy[2 * i + 1] = 65.0 + 9.0 * (0.5 * z1 + 0.866 * z2);
    }
    const double Hs[2][3] = {{4.0, 0.0, 6.0}, {4.0, 2.5, 6.0}};
    const int grids[2] = {48, 200};
    for (int kernel = 0; kernel < SC_KDE_KERNEL_COUNT; kernel++) {
        for (int hi = 0; hi < 2; hi++) {
            for (int gi = 0; gi < 2; gi++) {
                const int g = grids[gi];
                double *e = malloc(sizeof(double) * g * g), *b = malloc(sizeof(double) * g * g);
                double H[3];
                const double scale = kernel == SC_KDE_GAUSSIAN ? 1.0 : 4.0;
                for (int k = 0; k < 3; k++) H[k] = Hs[hi][k] * scale;
                double bound = -1.0;
                int used = -1;
                CHECK(sc_kde2d_grid(xy, N, kernel, H, 150, 190, g, 40, 90, g, SC_KDE_EXACT, e, NULL, NULL) == SC_OK, "exact");
                CHECK(sc_kde2d_grid(xy, N, kernel, H, 150, 190, g, 40, 90, g, SC_KDE_BINNED, b, &bound, &used) == SC_OK, "binned");
                CHECK(used == SC_KDE_BINNED, "used %d", used);
                double err = 0.0, peak = 0.0;
                for (int i = 0; i < g * g; i++) {
                    err = fmax(err, fabs(e[i] - b[i]));
                    peak = fmax(peak, e[i]);
                }
                CHECK(err <= bound, "2-D %s H%d g %d: error %.3g > bound %.3g", names[kernel], hi, g, err, bound);
                printf("2-D %-12s H%d %3dx%-3d: max |binned - exact| %.3e, bound %.3e (peak %.3e)\n",
                       names[kernel], hi, g, g, err, bound, peak);
                free(e);
                free(b);
            }
        }
    }
    free(xy);
}

/* The float32 FFT's share: a Gaussian on a grid so fine that binning errs
 * by < 1e-12 of the peak, so what remains is rounding (the constant of
 * kde_grid.c's FFT_ROUNDING_PER_LOG2 comes from this print). */
static void test_rounding(void)
{
    uint32_t seed = 11;
    enum { N = 300,
           G = 1024 };
    double x[N];
    for (int i = 0; i < N; i++) x[i] = rand_normal(&seed);
    double *e = malloc(sizeof(double) * G), *b = malloc(sizeof(double) * G);
    const double h = 2.0;
    double bound;
    sc_kde1d_grid(x, N, SC_KDE_GAUSSIAN, h, -3.0, 3.0, G, SC_KDE_EXACT, e, NULL, NULL);
    sc_kde1d_grid(x, N, SC_KDE_GAUSSIAN, h, -3.0, 3.0, G, SC_KDE_BINNED, b, &bound, NULL);
    double err = 0.0;
    for (int i = 0; i < G; i++) err = fmax(err, fabs(e[i] - b[i]));
    const double peak = 0.3989422804014327 / h;
    printf("rounding: max error %.3e = %.3e of the peak\n", err, err / peak);
    CHECK(err <= bound, "rounding %.3g > bound %.3g", err, bound);
    free(e);
    free(b);
}

/* One sample at the centre of a cell, the grid points around it at half a
 * cell: bilinear interpolation errs by (dx^2/8) K_xx + (dy^2/8) K_yy there,
 * both terms of one sign at the peak: the Gaussian's bound is attained up
 * to higher-order terms. */
static void test_tight(void)
{
    /* The biweight's |K''| is largest at its support's edge, twice its
     * value at the centre; the uniform's error is half its peak here. */
    const double tight[5] = {0.75, 0, 0.25, 0, 0.45};
    for (int kernel = 0; kernel < SC_KDE_KERNEL_COUNT; kernel += 2) {
        if (kernel == SC_KDE_TRIANGULAR) continue;
        const double x = 0.5 * (1.0 / 32.0);
        double e[33], b[33], bound;
        const double h = 0.05;
        sc_kde1d_grid(&x, 1, kernel, h, -0.5, 0.5, 33, SC_KDE_EXACT, e, NULL, NULL);
        sc_kde1d_grid(&x, 1, kernel, h, -0.5, 0.5, 33, SC_KDE_BINNED, b, &bound, NULL);
        double err = 0.0;
        for (int i = 0; i < 33; i++) err = fmax(err, fabs(e[i] - b[i]));
        CHECK(err <= bound && err >= tight[kernel] * bound, "1-D %s: error %.4g, bound %.4g", names[kernel], err, bound);
        printf("tight 1-D %-9s: error %.4e = %.3f of the bound\n", names[kernel], err, err / bound);
        const double xy[2] = {x, x};
        const double H[3] = {h * h, 0.0, 2.0 * h * h};
        double e2[33 * 33], b2[33 * 33];
        sc_kde2d_grid(xy, 1, kernel, H, -0.5, 0.5, 33, -0.5, 0.5, 33, SC_KDE_EXACT, e2, NULL, NULL);
        sc_kde2d_grid(xy, 1, kernel, H, -0.5, 0.5, 33, -0.5, 0.5, 33, SC_KDE_BINNED, b2, &bound, NULL);
        err = 0.0;
        for (int i = 0; i < 33 * 33; i++) err = fmax(err, fabs(e2[i] - b2[i]));
        CHECK(err <= bound && err >= tight[kernel] * bound, "2-D %s: error %.4g, bound %.4g", names[kernel], err, bound);
        printf("tight 2-D %-9s: error %.4e = %.3f of the bound\n", names[kernel], err, err / bound);
    }
}

static void test_fallback(void)
{
    const double x[3] = {0.0, 1.0, 2.0};
    double d[4], bound = -1.0;
    int used = -1;
    /* h = 1e6 over a grid of width 1: the kernel would span 2.4e7 cells. */
    CHECK(sc_kde1d_grid(x, 3, SC_KDE_GAUSSIAN, 1e6, 0.0, 1.0, 4, SC_KDE_BINNED, d, &bound, &used) == SC_OK, "fallback");
    CHECK(used == SC_KDE_EXACT && bound == 0.0, "used %d bound %g", used, bound);
    CHECK(fabs(d[0] - 0.3989422804014327e-6) < 1e-15, "density %.17g", d[0]);
}

int main(void)
{
    CHECK_RUN(test_1d());
    CHECK_RUN(test_2d());
    CHECK_RUN(test_rounding());
    CHECK_RUN(test_tight());
    CHECK_RUN(test_fallback());
    return check_summary("test_kde_binned");
}
