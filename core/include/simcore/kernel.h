/* Kernel density estimation (1-D and 2-D) and kernel regression
 * (Nadaraya-Watson, local linear). Formulas, conventions and measured
 * errors: docs/kernels.md. The SVM of the same area is in svm.h.
 *
 * Kernels (u scaled by the bandwidth; t = u^2 in 1-D, t = u^T H^-1 u in 2-D):
 *   gaussian     K ~ exp(-t/2)            (all of R, R^2)
 *   epanechnikov K ~ 1 - t                (t < 1)
 *   biweight     K ~ (1 - t)^2            (t < 1)
 *   triangular   K ~ 1 - sqrt(t)          (t < 1)
 *   uniform      K ~ 1                    (t < 1)
 * each normalised to integrate to 1 (1-D constants 1/sqrt(2 pi), 3/4, 15/16,
 * 1, 1/2; 2-D radial 1/(2 pi), 2/pi, 3/pi, 3/pi, 1/pi): scikit-learn's
 * KernelDensity conventions (tophat = uniform, linear = triangular), so the
 * bandwidth h of a compact kernel is its support radius and that of the
 * Gaussian its standard deviation.
 *   1-D: f(x) = 1/(n h) sum_i K((x - x_i)/h)
 *   2-D: f(x) = 1/n |H|^(-1/2) sum_i K(H^(-1/2)(x - x_i)), H symmetric
 *        positive definite (for the Gaussian H is the kernel's covariance,
 *        SciPy's gaussian_kde covariance).
 *
 * Bandwidth rules (sigma: sample sd with n - 1; IQR: quartiles by linear
 * interpolation, numpy's default): for the Gaussian
 *   silverman 1-D: h = 0.9 min(sigma, IQR/1.34) n^(-1/5) (IQR = 0: sigma)
 *   scott     1-D: h = (4/3)^(1/5) sigma n^(-1/5) = 1.0592 sigma n^(-1/5),
 *                  the normal reference rule (SciPy's 'silverman' factor;
 *                  SciPy's 'scott' factor is n^(-1/5), 5.6 % smaller)
 *   scott, silverman 2-D: H = n^(-1/3) Sigma (sample covariance), the
 *                  normal reference rule; for d = 2 SciPy's two factors agree
 * and for the other kernels h (H) times the canonical-bandwidth ratio
 * delta_K / delta_gauss (squared for H), so every kernel smooths as much as
 * the Gaussian the rule gives (sc_kde_rule_ratio). lscv: least-squares
 * cross-validation (minimises the integrated squared error estimate); lcv:
 * likelihood cross-validation (maximises the leave-one-out log-likelihood):
 * a log-spaced scan then a golden-section refinement (docs/kernels.md).
 *
 * Arrays are doubles; every pointer has its count, checked (SIZE). Samples,
 * grid ends and y values are finite with |v| <= SC_KDE_MAX_VALUE. Outputs
 * of densities are >= 0 and finite. */
#ifndef SIMCORE_KERNEL_H
#define SIMCORE_KERNEL_H

#include "simcore/status.h"
#include "simcore/limits.h"

typedef enum sc_kde_kernel {
    SC_KDE_GAUSSIAN = 0,
    SC_KDE_EPANECHNIKOV,
    SC_KDE_BIWEIGHT,
    SC_KDE_TRIANGULAR,
    SC_KDE_UNIFORM,
    SC_KDE_KERNEL_COUNT
} sc_kde_kernel;

typedef enum sc_kde_rule {
    SC_KDE_SILVERMAN = 0,
    SC_KDE_SCOTT,
    SC_KDE_LSCV, /* 1-D only */
    SC_KDE_LCV,  /* 1-D only */
    SC_KDE_RULE_COUNT
} sc_kde_rule;

typedef enum sc_kde_method {
    SC_KDE_EXACT = 0, /* the sum over all samples at every point */
    SC_KDE_BINNED,    /* grids: linear binning + FFT convolution (docs/kernels.md) */
    SC_KDE_METHOD_COUNT
} sc_kde_method;

/* The canonical-bandwidth ratio delta_K / delta_gauss in dimension d (1 or
 * 2): 1, 2.2138, 2.6226, 2.4320, 1.7401 in 1-D. */
SC_API double sc_kde_rule_ratio(int kernel, int dim);

/* The bandwidth of a rule for n samples (n >= 2; lscv and lcv: n <=
 * SC_KDE_MAX_CV). RANGE "samples" when they have zero spread. */
SC_API sc_status sc_kde1d_bandwidth(const double *x, int n, int kernel, int rule, double *h);

/* The cross-validation criterion at bandwidth h (rule lscv: the LSCV score
 * int f^2 - 2/n sum_i f_-i(x_i), to be minimised; lcv: the mean leave-one-out
 * log-density, to be maximised, -inf where a sample has no neighbour). */
SC_API sc_status sc_kde1d_cv_score(const double *x, int n, int kernel, int rule, double h,
                                   double *score);

/* Exact densities at m points. */
SC_API sc_status sc_kde1d_points(const double *x, int n, int kernel, double h, const double *at,
                                 int m, double *density);

/* Densities at the grid from + k (to - from)/(m - 1), k = 0..m-1 (m >= 2,
 * from < to). method: sc_kde_method. bound (may be NULL) gets the binned
 * path's stated bound on |binned - exact| at every grid point (0 for
 * exact); used (may be NULL) the method used (binned falls back to exact
 * when the kernel would need a transform above SC_KDE_MAX_FFT_SIDE
 * or SC_KDE_MAX_FFT elements). */
SC_API sc_status sc_kde1d_grid(const double *x, int n, int kernel, double h, double from,
                               double to, int m, int method, double *density, double *bound,
                               int *used);

/* The bandwidth matrix of a rule (silverman or scott) for n >= 3 points
 * (xy interleaved x0 y0 x1 y1 ...): H = {h11, h12, h22}. RANGE "samples"
 * when the sample covariance is singular. */
SC_API sc_status sc_kde2d_bandwidth(const double *xy, int n, int kernel, int rule, double *H);

/* Exact densities at m points (interleaved like xy). H = {h11, h12, h22}
 * positive definite, sqrt(h11), sqrt(h22) within the bandwidth limits and
 * h11 h22 - h12^2 >= 1e-12 h11 h22. */
SC_API sc_status sc_kde2d_points(const double *xy, int n, int kernel, const double *H,
                                 const double *at, int m, double *density);

/* Densities on the grid x_i = x0 + i (x1 - x0)/(nx - 1), y_j likewise,
 * density[j * nx + i] (row-major, y outer); nx, ny >= 2. method, bound and
 * used as sc_kde1d_grid. */
SC_API sc_status sc_kde2d_grid(const double *xy, int n, int kernel, const double *H, double x0,
                               double x1, int nx, double y0, double y1, int ny, int method,
                               double *density, double *bound, int *used);

/* Kernel regression of y on x (1-D, n >= 2 samples). */
typedef enum sc_kreg_method {
    SC_KREG_NW = 0,       /* Nadaraya-Watson: sum K y / sum K */
    SC_KREG_LOCAL_LINEAR, /* local linear: the intercept of the weighted LS line at x */
    SC_KREG_METHOD_COUNT
} sc_kreg_method;

/* Estimates at m points. Where the estimate is undefined (no sample within
 * a compact kernel's support; for local linear fewer than two distinct x
 * there, or a weighted spread of x below 1e-4 of the weighted RMS distance,
 * where rounding would dominate; the Gaussian when every weight underflows)
 * yhat is NaN: the
 * binding reports how many. lower, upper (both NULL or both given) get the
 * pointwise band yhat -+ z sqrt(sigma^2(x) R(K) / (n h f(x))), sigma^2(x)
 * the same smoother of the squared residuals at the samples, f the KDE of
 * x (docs/kernels.md; variance only, bias not corrected). z > 0 when the
 * band is wanted. */
SC_API sc_status sc_kreg_points(const double *x, const double *y, int n, int method, int kernel,
                                double h, const double *at, int m, double *yhat, double z,
                                double *lower, double *upper);

/* The leave-one-out CV curve cv[k] = 1/n sum_i (y_i - m_-i(x_i))^2 over the
 * bandwidths hs[k] (nh in 1..SC_KDE_MAX_CV_GRID; +inf where an m_-i is
 * undefined), n <= SC_KDE_MAX_CV, and in *best the minimiser: the best grid
 * bandwidth refined by golden-section search between its neighbours. */
SC_API sc_status sc_kreg_loocv(const double *x, const double *y, int n, int method, int kernel,
                               const double *hs, int nh, double *cv, double *best);

/* The default bandwidth grid of sc_kreg_loocv: nh values log-spaced from
 * h0 / 8 to 4 h0, h0 the 1-D scott rule of x for the kernel. */
SC_API sc_status sc_kreg_default_grid(const double *x, int n, int kernel, int nh, double *hs);

/* Flat twins: kernels and methods as ints; H as three doubles. */
SC_API int sc_flat_kde1d_bandwidth(const double *x, int n, int kernel, int rule, double *h);
SC_API int sc_flat_kde1d_points(const double *x, int n, int kernel, double h, const double *at,
                                int m, double *density);
SC_API int sc_flat_kde1d_grid(const double *x, int n, int kernel, double h, double from,
                              double to, int m, int method, double *density, double *info);
SC_API int sc_flat_kde2d_bandwidth(const double *xy, int n, int kernel, int rule, double *H);
SC_API int sc_flat_kde2d_points(const double *xy, int n, int kernel, double h11, double h12,
                                double h22, const double *at, int m, double *density);
/* info receives 2 doubles: the bound, the method used. */
SC_API int sc_flat_kde2d_grid(const double *xy, int n, int kernel, double h11, double h12,
                              double h22, double x0, double x1, int nx, double y0, double y1,
                              int ny, int method, double *density, double *info);
SC_API int sc_flat_kreg_points(const double *x, const double *y, int n, int method, int kernel,
                               double h, const double *at, int m, double *yhat, double z,
                               double *lower, double *upper);
SC_API int sc_flat_kreg_loocv(const double *x, const double *y, int n, int method, int kernel,
                              const double *hs, int nh, double *cv, double *best);
SC_API int sc_flat_kreg_default_grid(const double *x, int n, int kernel, int nh, double *hs);

#endif
