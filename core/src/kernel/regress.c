/* Kernel regression of y on x: Nadaraya-Watson and local linear, their
 * leave-one-out CV curve and pointwise bands (kernel.h; docs/kernels.md). */
#include <stdlib.h>
#include "kde_internal.h"

/* R(K) = int K^2 of the normalised 1-D kernels. */
static const double roughness[] = {0.28209479177387814347, 0.6, 5.0 / 7.0, 2.0 / 3.0, 0.5};

/* The estimate from the five sums (kde_internal.h: reg); NaN when undefined. */
static double estimate(int method, const double *o)
{
    if (method == SC_KREG_NW) return o[0] > 0.0 ? o[3] / o[0] : NAN;
    /* Local linear: intercept of the weighted LS fit in d = x_j - x:
     * (S2 T0 - S1 T1) / (S0 S2 - S1^2). The denominator is S0^2 times the
     * weighted variance of d: zero with fewer than two distinct x in
     * reach. Its relative rounding error is about 1e-16 S0 S2 / den, so
     * below den = 1e-8 S0 S2 (weights on essentially one x, or far
     * extrapolation) the estimate counts as undefined. */
    const double den = o[0] * o[2] - o[1] * o[1];
    if (!(o[0] > 0.0) || !(den > 1e-8 * o[0] * o[2])) return NAN;
    return (o[2] * o[3] - o[1] * o[4]) / den;
}

static sc_status check_xy(const double *x, const double *y, int n, int max)
{
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "y");
    if (n < 2 || n > max) return sc_fail(SC_ERR_SIZE, "x");
    sc_status st = kde_check_values(x, n, "x");
    if (!st) st = kde_check_values(y, n, "y");
    return st;
}

static sc_status check_method(int method, int kernel)
{
    if (method < 0 || method >= SC_KREG_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    return kde_check_kernel(kernel);
}

SC_API sc_status sc_kreg_points(const double *x, const double *y, int n, int method, int kernel,
                                double h, const double *at, int m, double *yhat, double z,
                                double *lower, double *upper)
{
    sc_status st = check_xy(x, y, n, SC_KDE_MAX_SAMPLES);
    if (!st) st = check_method(method, kernel);
    if (!st) st = kde_check_h(h, "bandwidth");
    if (st) return st;
    if (!at) return sc_fail(SC_ERR_NULL, "at");
    if (m < 1 || m > SC_KDE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "at");
    if ((st = kde_check_values(at, m, "at"))) return st;
    if (!yhat) return sc_fail(SC_ERR_NULL, "yhat");
    const int band = lower || upper;
    if (band && (!lower || !upper)) return sc_fail(SC_ERR_NULL, lower ? "upper" : "lower");
    if (band && !(isfinite(z) && z > 0.0 && z <= 100.0)) return sc_fail(SC_ERR_RANGE, "z");

    const kde_variant *v = kde_best();
    const size_t big = (size_t)(m > n ? m : n);
    double *sums = malloc(sizeof(double) * 5 * big);
    double *r2 = band ? malloc(sizeof(double) * (size_t)n) : NULL;
    if (!sums || (band && !r2)) {
        free(sums);
        free(r2);
        return sc_fail(SC_ERR_NOMEM, "at");
    }
    if (band) {
        /* Squared residuals at the samples (NaN where m(x_i) is undefined
         * cannot happen: x_i is in its own reach, weight g(0) = 1 > 0, but
         * local linear may lack a second distinct x: those count as 0). */
        v->reg(kernel, x, y, n, 1.0 / h, x, n, 0, sums);
        for (int i = 0; i < n; i++) {
            const double e = y[i] - estimate(method, sums + 5 * (size_t)i);
            r2[i] = isfinite(e) ? e * e : 0.0;
        }
    }
    v->reg(kernel, x, y, n, 1.0 / h, at, m, 0, sums);
    for (int k = 0; k < m; k++) yhat[k] = estimate(method, sums + 5 * (size_t)k);
    if (band) {
        /* sigma^2(x): the same smoother of the squared residuals; f(x) =
         * c S0 / (n h). Var m(x) ~ sigma^2(x) R(K) / (n h f(x)). */
        v->reg(kernel, x, r2, n, 1.0 / h, at, m, 0, sums);
        const double c = kde_norm(kernel, 1);
        for (int k = 0; k < m; k++) {
            const double *o = sums + 5 * (size_t)k;
            const double s2 = estimate(method, o);
            const double f = c * o[0] / (n * h);
            const double var = s2 > 0.0 ? s2 * roughness[kernel] / (n * h * f) : 0.0;
            const double w = z * sqrt(var);
            lower[k] = isfinite(yhat[k]) && f > 0.0 ? yhat[k] - w : NAN;
            upper[k] = isfinite(yhat[k]) && f > 0.0 ? yhat[k] + w : NAN;
        }
    }
    free(sums);
    free(r2);
    return SC_OK;
}

static double loocv_at(const double *x, const double *y, int n, int method, int kernel,
                       double h, double *sums)
{
    kde_best()->reg(kernel, x, y, n, 1.0 / h, x, n, 1, sums);
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        const double e = y[i] - estimate(method, sums + 5 * (size_t)i);
        if (!isfinite(e)) return INFINITY;
        s += e * e;
    }
    return s / n;
}

SC_API sc_status sc_kreg_loocv(const double *x, const double *y, int n, int method, int kernel,
                               const double *hs, int nh, double *cv, double *best)
{
    sc_status st = check_xy(x, y, n, SC_KDE_MAX_CV);
    if (!st) st = check_method(method, kernel);
    if (st) return st;
    if (!hs) return sc_fail(SC_ERR_NULL, "bandwidths");
    if (nh < 1 || nh > SC_KDE_MAX_CV_GRID) return sc_fail(SC_ERR_SIZE, "bandwidths");
    for (int k = 0; k < nh; k++)
        if ((st = kde_check_h(hs[k], "bandwidths"))) return st;
    if (!cv) return sc_fail(SC_ERR_NULL, "cv");
    if (!best) return sc_fail(SC_ERR_NULL, "best");
    double *sums = malloc(sizeof(double) * 5 * (size_t)n);
    if (!sums) return sc_fail(SC_ERR_NOMEM, "x");
    int kb = -1;
    for (int k = 0; k < nh; k++) {
        cv[k] = loocv_at(x, y, n, method, kernel, hs[k], sums);
        if (cv[k] < INFINITY && (kb < 0 || cv[k] < cv[kb])) kb = k;
    }
    if (kb < 0) {
        free(sums);
        return sc_fail(SC_ERR_RANGE, "bandwidths"); /* every m_-i undefined */
    }
    /* Golden-section search in log h between the best grid point's
     * neighbours (the grid's ends when it is one of them; the grid's
     * order does not matter: the bracket is sorted). */
    double a = hs[kb], b = hs[kb], hbest = hs[kb], fbest = cv[kb];
    for (int k = 0; k < nh; k++) {
        if (hs[k] < hs[kb] && (a == hs[kb] || hs[k] > a)) a = hs[k];
        if (hs[k] > hs[kb] && (b == hs[kb] || hs[k] < b)) b = hs[k];
    }
    double la = log(a), lb = log(b);
    const double g = 0.61803398874989484820;
    double lc = lb - g * (lb - la), ld = la + g * (lb - la);
    double fc = loocv_at(x, y, n, method, kernel, exp(lc), sums);
    double fd = loocv_at(x, y, n, method, kernel, exp(ld), sums);
    for (int it = 0; it < 40 && lb - la > 1e-6; it++) {
        if (fc < fd) {
            lb = ld;
            ld = lc;
            fd = fc;
            lc = lb - g * (lb - la);
            fc = loocv_at(x, y, n, method, kernel, exp(lc), sums);
        } else {
            la = lc;
            lc = ld;
            fc = fd;
            ld = la + g * (lb - la);
            fd = loocv_at(x, y, n, method, kernel, exp(ld), sums);
        }
    }
    if (fc < fbest) {
        fbest = fc;
        hbest = exp(lc);
    }
    if (fd < fbest) hbest = exp(ld);
    free(sums);
    *best = hbest;
    return SC_OK;
}

SC_API sc_status sc_kreg_default_grid(const double *x, int n, int kernel, int nh, double *hs)
{
    if (nh < 2 || nh > SC_KDE_MAX_CV_GRID) return sc_fail(SC_ERR_SIZE, "bandwidths");
    if (!hs) return sc_fail(SC_ERR_NULL, "bandwidths");
    double h0;
    const sc_status st = sc_kde1d_bandwidth(x, n, kernel, SC_KDE_SCOTT, &h0);
    if (st) return st == SC_ERR_RANGE ? sc_fail(SC_ERR_RANGE, "x") : st;
    const double lo = log(h0 / 8.0), hi = log(4.0 * h0);
    for (int k = 0; k < nh; k++) hs[k] = exp(lo + (hi - lo) * k / (nh - 1));
    return SC_OK;
}
