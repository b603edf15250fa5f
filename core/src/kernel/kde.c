/* Kernel density estimates: argument checks, bandwidth rules, the
 * cross-validation criteria and exact evaluation (kernel.h; docs/kernels.md). */
#include <stdlib.h>
#include <string.h>
#include "kde_internal.h"

#define PI 3.14159265358979323846

double kde_norm(int kernel, int dim)
{
    static const double c1[] = {0.39894228040143267794, 0.75, 0.9375, 1.0, 0.5};
    static const double c2[] = {1.0 / (2.0 * PI), 2.0 / PI, 3.0 / PI, 3.0 / PI, 1.0 / PI};
    return dim == 1 ? c1[kernel] : c2[kernel];
}

double sc_kde_rule_ratio(int kernel, int dim)
{
    /* delta_K = (R(K) / mu2(K)^2)^(1/(d+4)), relative to the Gaussian's;
     * R and mu2 (per coordinate) of the normalised kernels, d = 1:
     * Gaussian 1/(2 sqrt(pi)), 1; Epanechnikov 3/5, 1/5; biweight 5/7, 1/7;
     * triangular 2/3, 1/6; uniform 1/2, 1/3; d = 2 (radial): 1/(4 pi), 1;
     * 4/(3 pi), 1/6; 9/(5 pi), 1/8; 3/(2 pi), 3/20; 1/pi, 1/4. */
    static const double r1[] = {1.0, 2.2138043589, 2.6226153288, 2.4319981192, 1.7400570570};
    static const double r2[] = {1.0, 2.4018739104, 2.7791932421, 2.5370447173, 2.0};
    if (kernel < 0 || kernel >= SC_KDE_KERNEL_COUNT || (dim != 1 && dim != 2)) return 0.0;
    return dim == 1 ? r1[kernel] : r2[kernel];
}

sc_status kde_check_values(const double *v, int n, const char *arg)
{
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i])) return sc_fail(SC_ERR_NONFINITE, arg);
        if (fabs(v[i]) > SC_KDE_MAX_VALUE) return sc_fail(SC_ERR_RANGE, arg);
    }
    return SC_OK;
}

sc_status kde_check_kernel(int kernel)
{
    return kernel >= 0 && kernel < SC_KDE_KERNEL_COUNT ? SC_OK : sc_fail(SC_ERR_OPTION, "kernel");
}

sc_status kde_check_h(double h, const char *arg)
{
    if (!isfinite(h)) return sc_fail(SC_ERR_NONFINITE, arg);
    if (!(h >= SC_KDE_MIN_BANDWIDTH && h <= SC_KDE_MAX_BANDWIDTH)) return sc_fail(SC_ERR_RANGE, arg);
    return SC_OK;
}

static sc_status check_samples(const double *x, int n, int min, int max, int stride)
{
    if (!x) return sc_fail(SC_ERR_NULL, "samples");
    if (n < min || n > max) return sc_fail(SC_ERR_SIZE, "samples");
    return kde_check_values(x, n * stride, "samples");
}

/* ---- bandwidth rules ----------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Quantile by linear interpolation of the sorted values (numpy's default). */
static double quantile(const double *sorted, int n, double q)
{
    const double pos = q * (n - 1);
    const int lo = (int)floor(pos);
    const double f = pos - lo;
    return lo + 1 < n ? sorted[lo] + f * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

static double sample_sd(const double *x, int n)
{
    double mean = 0.0;
    for (int i = 0; i < n; i++) mean += x[i];
    mean /= n;
    double ss = 0.0;
    for (int i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
    return sqrt(ss / (n - 1));
}

/* Gaussian-kernel reference bandwidths, before the kernel's ratio. */
static sc_status reference_h(const double *x, int n, int rule, double *h)
{
    const double sd = sample_sd(x, n);
    if (!(sd > 0.0)) return sc_fail(SC_ERR_RANGE, "samples");
    if (rule == SC_KDE_SILVERMAN) {
        double *s = malloc(sizeof(double) * (size_t)n);
        if (!s) return sc_fail(SC_ERR_NOMEM, "samples");
        memcpy(s, x, sizeof(double) * (size_t)n);
        qsort(s, (size_t)n, sizeof(double), cmp_double);
        const double iqr = quantile(s, n, 0.75) - quantile(s, n, 0.25);
        free(s);
        const double a = iqr > 0.0 && iqr / 1.34 < sd ? iqr / 1.34 : sd;
        *h = 0.9 * a * pow(n, -0.2);
    } else {
        *h = pow(4.0 / 3.0, 0.2) * sd * pow(n, -0.2);
    }
    return SC_OK;
}

/* (K*K)(t) for t = |d| / h: the self-convolution of the normalised 1-D
 * kernel, for the int f^2 term of LSCV (docs/kernels.md). */
static double kk(int kernel, double t)
{
    if (kernel == SC_KDE_GAUSSIAN) {
        return 0.25 * t * t > KDE_EXP_CUT ? 0.0 : exp(-0.25 * t * t) * 0.28209479177387814347;
    }
    if (t >= 2.0) return 0.0;
    const double a = 2.0 - t;
    switch (kernel) {
    case SC_KDE_EPANECHNIKOV:
        return 3.0 / 160.0 * a * a * a * (t * t + 6.0 * t + 4.0);
    case SC_KDE_BIWEIGHT:
        return 5.0 / 3584.0 * a * a * a * a * a *
               ((((t + 10.0) * t + 36.0) * t + 40.0) * t + 16.0);
    case SC_KDE_TRIANGULAR:
        return t <= 1.0 ? (4.0 - 6.0 * t * t + 3.0 * t * t * t) / 6.0 : a * a * a / 6.0;
    default:
        return 0.25 * a;
    }
}

static sc_status cv_score(const double *x, int n, int kernel, int rule, double h, double *work,
                          double *score)
{
    const kde_variant *v = kde_best();
    const double c = kde_norm(kernel, 1);
    v->sum1(kernel, x, n, 1.0 / h, x, n, 1, work); /* sum_{j != i} g */
    if (rule == SC_KDE_LCV) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            const double f = c * work[i] / ((n - 1) * h);
            if (!(f > 0.0)) {
                *score = -INFINITY;
                return SC_OK;
            }
            s += log(f);
        }
        *score = s / n;
        return SC_OK;
    }
    double loo = 0.0;
    for (int i = 0; i < n; i++) loo += work[i];
    loo *= c / ((double)(n - 1) * h);
    double pairs = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) pairs += kk(kernel, fabs(x[i] - x[j]) / h);
    const double f2 = (n * kk(kernel, 0.0) + 2.0 * pairs) / ((double)n * n * h);
    *score = f2 - 2.0 * loo / n;
    return SC_OK;
}

SC_API sc_status sc_kde1d_cv_score(const double *x, int n, int kernel, int rule, double h,
                                   double *score)
{
    sc_status st = check_samples(x, n, 2, SC_KDE_MAX_CV, 1);
    if (st) return st;
    if ((st = kde_check_kernel(kernel))) return st;
    if (rule != SC_KDE_LSCV && rule != SC_KDE_LCV) return sc_fail(SC_ERR_OPTION, "rule");
    if ((st = kde_check_h(h, "bandwidth"))) return st;
    if (!score) return sc_fail(SC_ERR_NULL, "score");
    double *work = malloc(sizeof(double) * (size_t)n);
    if (!work) return sc_fail(SC_ERR_NOMEM, "samples");
    st = cv_score(x, n, kernel, rule, h, work, score);
    free(work);
    return st;
}

/* Criterion to minimise at log h. */
static double cv_objective(const double *x, int n, int kernel, int rule, double logh, double *work)
{
    double s = 0.0;
    cv_score(x, n, kernel, rule, exp(logh), work, &s);
    return rule == SC_KDE_LCV ? -s : s;
}

/* The scan of CV_SCAN log-spaced bandwidths over [h0 / 20, 4 h0], then
 * golden-section search between the best one's neighbours. */
#define CV_SCAN 40
static sc_status cv_bandwidth(const double *x, int n, int kernel, int rule, double h0, double *h)
{
    double *work = malloc(sizeof(double) * (size_t)n);
    if (!work) return sc_fail(SC_ERR_NOMEM, "samples");
    const double lo = log(h0 / 20.0), hi = log(4.0 * h0), step = (hi - lo) / (CV_SCAN - 1);
    int best = 0;
    double fbest = INFINITY;
    for (int k = 0; k < CV_SCAN; k++) {
        const double f = cv_objective(x, n, kernel, rule, lo + k * step, work);
        if (f < fbest) {
            fbest = f;
            best = k;
        }
    }
    double a = lo + (best > 0 ? best - 1 : 0) * step;
    double b = lo + (best < CV_SCAN - 1 ? best + 1 : CV_SCAN - 1) * step;
    const double g = 0.61803398874989484820;
    double c = b - g * (b - a), d = a + g * (b - a);
    double fc = cv_objective(x, n, kernel, rule, c, work);
    double fd = cv_objective(x, n, kernel, rule, d, work);
    for (int it = 0; it < 40 && b - a > 1e-6; it++) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = cv_objective(x, n, kernel, rule, c, work);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = cv_objective(x, n, kernel, rule, d, work);
        }
    }
    double lbest = lo + best * step;
    if (fc < fbest) {
        fbest = fc;
        lbest = c;
    }
    if (fd < fbest) lbest = d;
    *h = exp(lbest);
    free(work);
    return SC_OK;
}

SC_API sc_status sc_kde1d_bandwidth(const double *x, int n, int kernel, int rule, double *h)
{
    const int cv = rule == SC_KDE_LSCV || rule == SC_KDE_LCV;
    sc_status st = check_samples(x, n, 2, cv ? SC_KDE_MAX_CV : SC_KDE_MAX_SAMPLES, 1);
    if (st) return st;
    if ((st = kde_check_kernel(kernel))) return st;
    if (rule < 0 || rule >= SC_KDE_RULE_COUNT) return sc_fail(SC_ERR_OPTION, "rule");
    if (!h) return sc_fail(SC_ERR_NULL, "h");
    double h0 = 0.0;
    if ((st = reference_h(x, n, cv ? SC_KDE_SCOTT : rule, &h0))) return st;
    h0 *= sc_kde_rule_ratio(kernel, 1);
    if (cv) {
        if ((st = cv_bandwidth(x, n, kernel, rule, h0, &h0))) return st;
    }
    if ((st = kde_check_h(h0, "samples"))) return st;
    *h = h0;
    return SC_OK;
}

SC_API sc_status sc_kde1d_points(const double *x, int n, int kernel, double h, const double *at,
                                 int m, double *density)
{
    sc_status st = check_samples(x, n, 1, SC_KDE_MAX_SAMPLES, 1);
    if (st) return st;
    if ((st = kde_check_kernel(kernel))) return st;
    if ((st = kde_check_h(h, "bandwidth"))) return st;
    if (!at) return sc_fail(SC_ERR_NULL, "points");
    if (m < 1 || m > SC_KDE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "points");
    if ((st = kde_check_values(at, m, "points"))) return st;
    if (!density) return sc_fail(SC_ERR_NULL, "density");
    kde_best()->sum1(kernel, x, n, 1.0 / h, at, m, 0, density);
    const double c = kde_norm(kernel, 1) / (n * h);
    for (int k = 0; k < m; k++) density[k] *= c;
    return SC_OK;
}

/* ---- 2-D ----------------------------------------------------------------- */

sc_status kde_check_H(const double *H, double *hinv, double *inv_sqrt_det)
{
    if (!H) return sc_fail(SC_ERR_NULL, "bandwidth");
    for (int i = 0; i < 3; i++)
        if (!isfinite(H[i])) return sc_fail(SC_ERR_NONFINITE, "bandwidth");
    if (!(H[0] > 0.0) || !(H[2] > 0.0)) return sc_fail(SC_ERR_RANGE, "bandwidth");
    sc_status st = kde_check_h(sqrt(H[0]), "bandwidth");
    if (!st) st = kde_check_h(sqrt(H[2]), "bandwidth");
    if (st) return st;
    /* sqrt of each factor keeps the product in range (h11 up to 1e200). */
    const double s0 = sqrt(H[0]), s2 = sqrt(H[2]);
    const double rho = H[1] / (s0 * s2);
    const double det_rel = 1.0 - rho * rho; /* det / (h11 h22) */
    if (!(det_rel >= 1e-12)) return sc_fail(SC_ERR_RANGE, "bandwidth");
    /* H^-1 = [h22, -h12; -h12, h11] / det, det = h11 h22 det_rel */
    hinv[0] = 1.0 / (H[0] * det_rel);
    hinv[1] = -rho / (s0 * s2 * det_rel);
    hinv[2] = 1.0 / (H[2] * det_rel);
    *inv_sqrt_det = 1.0 / (s0 * s2 * sqrt(det_rel));
    return SC_OK;
}

SC_API sc_status sc_kde2d_bandwidth(const double *xy, int n, int kernel, int rule, double *H)
{
    sc_status st = check_samples(xy, n, 3, SC_KDE_MAX_SAMPLES, 2);
    if (st) return st;
    if ((st = kde_check_kernel(kernel))) return st;
    if (rule != SC_KDE_SILVERMAN && rule != SC_KDE_SCOTT) return sc_fail(SC_ERR_OPTION, "rule");
    if (!H) return sc_fail(SC_ERR_NULL, "H");
    double mx = 0.0, my = 0.0;
    for (int i = 0; i < n; i++) {
        mx += xy[2 * i];
        my += xy[2 * i + 1];
    }
    mx /= n;
    my /= n;
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (int i = 0; i < n; i++) {
        const double dx = xy[2 * i] - mx, dy = xy[2 * i + 1] - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    /* Normal reference: H = n^(-2/(d+4)) Sigma for d = 2, Scott's and
     * Silverman's factors alike; times the kernel's ratio squared. */
    const double r = sc_kde_rule_ratio(kernel, 2);
    const double f = r * r * pow(n, -1.0 / 3.0) / (n - 1);
    const double cand[3] = {f * sxx, f * sxy, f * syy};
    double hinv[3] = {0.0, 0.0, 0.0}, isd = 0.0;
    if (kde_check_H(cand, hinv, &isd)) return sc_fail(SC_ERR_RANGE, "samples");
    memcpy(H, cand, sizeof cand);
    return SC_OK;
}

SC_API sc_status sc_kde2d_points(const double *xy, int n, int kernel, const double *H,
                                 const double *at, int m, double *density)
{
    sc_status st = check_samples(xy, n, 1, SC_KDE_MAX_SAMPLES, 2);
    if (st) return st;
    if ((st = kde_check_kernel(kernel))) return st;
    double hinv[3] = {0.0, 0.0, 0.0}, isd = 0.0;
    if ((st = kde_check_H(H, hinv, &isd))) return st;
    if (!at) return sc_fail(SC_ERR_NULL, "points");
    if (m < 1 || m > SC_KDE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "points");
    if ((st = kde_check_values(at, 2 * m, "points"))) return st;
    if (!density) return sc_fail(SC_ERR_NULL, "density");
    kde_best()->sum2(kernel, xy, n, hinv, at, m, density);
    const double c = kde_norm(kernel, 2) * isd / n;
    for (int k = 0; k < m; k++) density[k] *= c;
    return SC_OK;
}
