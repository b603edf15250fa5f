/* Flat (scalar-argument) entry points of the density and regression
 * kernels: H spelled out, the grid's bound and method in info. */
#include "kde_internal.h"

int sc_flat_kde1d_bandwidth(const double *x, int n, int kernel, int rule, double *h)
{
    return sc_kde1d_bandwidth(x, n, kernel, rule, h);
}

int sc_flat_kde1d_points(const double *x, int n, int kernel, double h, const double *at, int m,
                         double *density)
{
    return sc_kde1d_points(x, n, kernel, h, at, m, density);
}

int sc_flat_kde1d_grid(const double *x, int n, int kernel, double h, double from, double to,
                       int m, int method, double *density, double *info)
{
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    double bound = 0.0;
    int used = 0;
    const sc_status st =
        sc_kde1d_grid(x, n, kernel, h, from, to, m, method, density, &bound, &used);
    info[0] = bound;
    info[1] = used;
    return st;
}

int sc_flat_kde2d_bandwidth(const double *xy, int n, int kernel, int rule, double *H)
{
    return sc_kde2d_bandwidth(xy, n, kernel, rule, H);
}

int sc_flat_kde2d_points(const double *xy, int n, int kernel, double h11, double h12, double h22,
                         const double *at, int m, double *density)
{
    const double H[3] = {h11, h12, h22};
    return sc_kde2d_points(xy, n, kernel, H, at, m, density);
}

int sc_flat_kde2d_grid(const double *xy, int n, int kernel, double h11, double h12, double h22,
                       double x0, double x1, int nx, double y0, double y1, int ny, int method,
                       double *density, double *info)
{
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    const double H[3] = {h11, h12, h22};
    double bound = 0.0;
    int used = 0;
    const sc_status st = sc_kde2d_grid(xy, n, kernel, H, x0, x1, nx, y0, y1, ny, method, density,
                                       &bound, &used);
    info[0] = bound;
    info[1] = used;
    return st;
}

int sc_flat_kreg_points(const double *x, const double *y, int n, int method, int kernel, double h,
                        const double *at, int m, double *yhat, double z, double *lower,
                        double *upper)
{
    return sc_kreg_points(x, y, n, method, kernel, h, at, m, yhat, z, lower, upper);
}

int sc_flat_kreg_loocv(const double *x, const double *y, int n, int method, int kernel,
                       const double *hs, int nh, double *cv, double *best)
{
    return sc_kreg_loocv(x, y, n, method, kernel, hs, nh, cv, best);
}

int sc_flat_kreg_default_grid(const double *x, int n, int kernel, int nh, double *hs)
{
    return sc_kreg_default_grid(x, n, kernel, nh, hs);
}
