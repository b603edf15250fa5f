/* Kernel regression: Nadaraya-Watson reproduces constants and local linear
 * reproduces lines exactly (to rounding) at any bandwidth; the LOOCV curve
 * against the leave-one-out fit written out here, brute force, for both
 * methods and every kernel; the minimiser no worse than the grid; bands
 * symmetric about yhat, narrowing as 1/sqrt(n); NaN where undefined. */
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

static double shape(int kernel, double u)
{
    const double t = u * u;
    switch (kernel) {
    case SC_KDE_GAUSSIAN:
        return exp(-0.5 * t);
    case SC_KDE_EPANECHNIKOV:
        return t < 1 ? 1 - t : 0;
    case SC_KDE_BIWEIGHT:
        return t < 1 ? (1 - t) * (1 - t) : 0;
    case SC_KDE_TRIANGULAR:
        return t < 1 ? 1 - fabs(u) : 0;
    default:
        return t < 1 ? 1 : 0;
    }
}

/* The fit at x0 without sample `skip` (-1: all): weighted means, then the
 * weighted LS line about them (two passes, long double), undefined (NaN)
 * by the core's rule: spread below 1e-8 of the weighted mean square. */
static double fit(int method, int kernel, const double *x, const double *y, int n, double h,
                  double x0, int skip)
{
    long double s0 = 0, sd = 0, sy = 0;
    for (int j = 0; j < n; j++) {
        if (j == skip) continue;
        const long double w = shape(kernel, (x[j] - x0) / h);
        s0 += w;
        sd += w * (x[j] - x0);
        sy += w * y[j];
    }
    if (!(s0 > 0)) return NAN;
    if (method == SC_KREG_NW) return (double)(sy / s0);
    const long double dm = sd / s0, ym = sy / s0;
    long double sdd = 0, sdy = 0, s2 = 0;
    for (int j = 0; j < n; j++) {
        if (j == skip) continue;
        const long double w = shape(kernel, (x[j] - x0) / h), d = x[j] - x0;
        sdd += w * (d - dm) * (d - dm);
        sdy += w * (d - dm) * (y[j] - ym);
        s2 += w * d * d;
    }
    if (!(sdd > 1e-8L * s2)) return NAN;
    return (double)(ym - sdy / sdd * dm);
}

static void test_reproduction(void)
{
    uint32_t seed = 1;
    enum { N = 80,
           M = 25 };
    double x[N], y[N], c[N], at[M], yh[M];
    for (int i = 0; i < N; i++) {
        x[i] = 160.0 + 10.0 * rand_normal(&seed);
        y[i] = -90.0 + 0.9 * x[i];
        c[i] = 61.5;
    }
    for (int k = 0; k < M; k++) at[k] = 150.0 + k;
    for (int kernel = 0; kernel < SC_KDE_KERNEL_COUNT; kernel++) {
        const double h = kernel == SC_KDE_GAUSSIAN ? 4.0 : 12.0;
        CHECK(sc_kreg_points(x, y, N, SC_KREG_LOCAL_LINEAR, kernel, h, at, M, yh, 0, NULL, NULL) == SC_OK, "ll");
        for (int k = 0; k < M; k++)
            CHECK(fabs(yh[k] - (-90.0 + 0.9 * at[k])) < 1e-9, "kernel %d local linear at %g: %.12g", kernel, at[k], yh[k]);
        CHECK(sc_kreg_points(x, c, N, SC_KREG_NW, kernel, h, at, M, yh, 0, NULL, NULL) == SC_OK, "nw");
        for (int k = 0; k < M; k++)
            CHECK(fabs(yh[k] - 61.5) < 1e-12, "kernel %d NW at %g: %.15g", kernel, at[k], yh[k]);
    }
    /* Far from the data a compact kernel has no sample in reach: NaN. */
    const double far = 1000.0;
    CHECK(sc_kreg_points(x, y, N, SC_KREG_NW, SC_KDE_EPANECHNIKOV, 5.0, &far, 1, yh, 0, NULL, NULL) == SC_OK && isnan(yh[0]),
          "undefined is NaN: %g", yh[0]);
}

static void test_loocv(void)
{
    uint32_t seed = 2;
    enum { N = 120,
           NH = 9 };
    double x[N], y[N], hs[NH], cv[NH];
    for (int i = 0; i < N; i++) {
        x[i] = 170.0 + 8.0 * rand_normal(&seed);
        y[i] = 0.02 * (x[i] - 170.0) * (x[i] - 170.0) + 0.8 * x[i] - 70.0 + 4.0 * rand_normal(&seed);
    }
    for (int method = 0; method < SC_KREG_METHOD_COUNT; method++) {
        for (int kernel = 0; kernel < SC_KDE_KERNEL_COUNT; kernel++) {
            CHECK(sc_kreg_default_grid(x, N, kernel, NH, hs) == SC_OK, "grid");
            double best = 0;
            CHECK(sc_kreg_loocv(x, y, N, method, kernel, hs, NH, cv, &best) == SC_OK, "loocv");
            double gmin = INFINITY;
            for (int k = 0; k < NH; k++) {
                double s = 0;
                for (int i = 0; i < N; i++) {
                    const double e = y[i] - fit(method, kernel, x, y, N, hs[k], x[i], i);
                    s += e * e;
                }
                s = isfinite(s) ? s / N : INFINITY;
                CHECK(cv[k] == s || fabs(cv[k] - s) <= 1e-7 * s, "method %d kernel %d h %.4g: cv %.12g, brute force %.12g",
                      method, kernel, hs[k], cv[k], s);
                gmin = fmin(gmin, cv[k]);
            }
            double s = 0;
            for (int i = 0; i < N; i++) {
                const double e = y[i] - fit(method, kernel, x, y, N, best, x[i], i);
                s += e * e;
            }
            CHECK(s / N <= gmin * (1 + 1e-12), "method %d kernel %d: best %.4g gives %.10g > grid %.10g", method, kernel, best, s / N, gmin);
        }
    }
}

static void test_bands(void)
{
    uint32_t seed = 3;
    enum { N = 4000,
           M = 5 };
    static double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = rand_normal(&seed);
        y[i] = 2.0 * x[i] + 0.5 * rand_normal(&seed);
    }
    const double at[M] = {-1, -0.5, 0, 0.5, 1};
    double yh[M], lo[M], up[M], lo4[M], up4[M], yh4[M];
    CHECK(sc_kreg_points(x, y, N, SC_KREG_LOCAL_LINEAR, SC_KDE_GAUSSIAN, 0.3, at, M, yh, 1.96, lo, up) == SC_OK, "band");
    CHECK(sc_kreg_points(x, y, N / 4, SC_KREG_LOCAL_LINEAR, SC_KDE_GAUSSIAN, 0.3, at, M, yh4, 1.96, lo4, up4) == SC_OK, "band n/4");
    for (int k = 0; k < M; k++) {
        CHECK(lo[k] < yh[k] && yh[k] < up[k] && fabs((up[k] - yh[k]) - (yh[k] - lo[k])) < 1e-12, "symmetric at %g", at[k]);
        /* sigma = 0.5: half width 1.96 sqrt(0.25 R(K) / (n h f(x))). */
        const double f = exp(-0.5 * at[k] * at[k]) / sqrt(2 * 3.14159265358979324);
        const double expect = 1.96 * sqrt(0.25 * 0.28209479 / (N * 0.3 * f));
        CHECK(fabs((up[k] - yh[k]) / expect - 1.0) < 0.15, "half width %.4g, expected ~%.4g", up[k] - yh[k], expect);
        const double ratio = (up4[k] - yh4[k]) / (up[k] - yh[k]);
        CHECK(ratio > 1.6 && ratio < 2.5, "1/sqrt(n): ratio %.3f at %g", ratio, at[k]);
        CHECK(fabs(yh[k] - 2.0 * at[k]) < 4.0 * (up[k] - yh[k]) / 1.96, "estimate %.4g at %g", yh[k], at[k]);
    }
    CHECK(sc_kreg_points(x, y, N, 0, 0, 0.3, at, M, yh, 0.0, lo, up) == SC_ERR_RANGE, "z = 0 with a band");
    CHECK(sc_kreg_points(x, y, N, 0, 0, 0.3, at, M, yh, 1.0, lo, NULL) == SC_ERR_NULL, "half a band");
}

int main(void)
{
    CHECK_RUN(test_reproduction());
    CHECK_RUN(test_loocv());
    CHECK_RUN(test_bands());
    return check_summary("test_kde_regress");
}
