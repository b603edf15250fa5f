/* Fuzz target: the kernel area's density estimates and regression
 * (kernel.h) through the flat entry points: fuzzed samples (tame, tied,
 * huge, NaN), kernels, rules, bandwidths (scalar and 2x2 matrices), grids
 * (exact and binned) and points, NW / local linear with bands and LOOCV
 * grids. Invariants: every status is a known one; on SC_OK bandwidths are
 * finite and > 0 (H positive definite), densities finite and >= 0, the
 * binned grid within its stated bound of the exact one, yhat finite or
 * NaN, band ends around yhat, CV scores >= 0 (finite or +inf) and the
 * chosen bandwidth positive. */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/kernel.h"

#define MAX_N    24
#define MAX_GRID 40

static void check_status(int st)
{
    FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
}

static void check_density(const double *d, int m)
{
    for (int i = 0; i < m; i++) FUZZ_CHECK(isfinite(d[i]) && d[i] >= 0.0, "density[%d] = %g", i, d[i]);
}

static double sample(fuzz_in *in, double prev)
{
    switch (fuzz_u8(in) % 8) {
    case 0:
        return prev; /* ties */
    case 1:
        return fuzz_double(in, -1e50, 1e50);
    default:
        return fuzz_double(in, 150.0, 190.0);
    }
}

static void one_d(fuzz_in *in, const double *x, int n, int kernel)
{
    static double d[MAX_GRID], e[MAX_GRID], at[MAX_GRID];
    double h = fuzz_double(in, 0.1, 20.0);
    if (fuzz_bool(in)) {
        const int st = sc_flat_kde1d_bandwidth(x, n, kernel, fuzz_int(in, -1, SC_KDE_RULE_COUNT), &h);
        check_status(st);
        if (st != SC_OK) return;
        FUZZ_CHECK(isfinite(h) && h > 0.0, "rule bandwidth %g", h);
    }
    const int m = fuzz_size(in, 1, MAX_GRID);
    const int mm = m >= 1 && m <= MAX_GRID ? m : 1;
    if (fuzz_bool(in)) {
        for (int i = 0; i < mm; i++) at[i] = fuzz_double(in, 140.0, 200.0);
        const int st = sc_flat_kde1d_points(x, n, kernel, h, at, m, d);
        check_status(st);
        if (st == SC_OK) check_density(d, m);
        return;
    }
    const double from = fuzz_double(in, 100.0, 170.0), to = fuzz_double(in, 170.0, 260.0);
    double info[2], info_e[2];
    const int st = sc_flat_kde1d_grid(x, n, kernel, h, from, to, m, SC_KDE_BINNED, d, info);
    check_status(st);
    if (st != SC_OK) return;
    check_density(d, m);
    FUZZ_CHECK(sc_flat_kde1d_grid(x, n, kernel, h, from, to, m, SC_KDE_EXACT, e, info_e) == SC_OK, "exact after binned");
    for (int i = 0; i < m; i++) FUZZ_CHECK(fabs(d[i] - e[i]) <= info[0] * (1 + 1e-9) + 1e-300, "binned %g exact %g bound %g", d[i], e[i], info[0]);
}

static void two_d(fuzz_in *in, const double *x, const double *y, int n, int kernel)
{
    static double xy[2 * MAX_N], d[MAX_GRID * MAX_GRID], e[MAX_GRID * MAX_GRID], at[2 * MAX_GRID];
    for (int i = 0; i < n && i < MAX_N; i++) { /* n may be hostile (the core rejects it) */
        xy[2 * i] = x[i];
        xy[2 * i + 1] = y[i];
    }
    double H[3] = {fuzz_double(in, 0.5, 40.0), fuzz_double(in, -10.0, 10.0), fuzz_double(in, 0.5, 40.0)};
    if (fuzz_bool(in)) {
        const int st = sc_flat_kde2d_bandwidth(xy, n, kernel, fuzz_int(in, -1, 3), H);
        check_status(st);
        if (st != SC_OK) return;
        FUZZ_CHECK(H[0] > 0 && H[2] > 0 && H[0] * H[2] > H[1] * H[1], "H %g %g %g", H[0], H[1], H[2]);
    }
    const int nx = fuzz_size(in, 2, MAX_GRID), ny = fuzz_int(in, 2, MAX_GRID);
    if (fuzz_bool(in)) {
        const int m = nx >= 1 && nx <= MAX_GRID ? nx : 1;
        for (int i = 0; i < 2 * m; i++) at[i] = fuzz_double(in, 40.0, 200.0);
        const int st = sc_flat_kde2d_points(xy, n, kernel, H[0], H[1], H[2], at, nx, d);
        check_status(st);
        if (st == SC_OK) check_density(d, nx);
        return;
    }
    if (nx < 2 || nx > MAX_GRID) {
        check_status(sc_flat_kde2d_grid(xy, n, kernel, H[0], H[1], H[2], 0, 1, nx, 0, 1, ny, 0, d, NULL));
        return;
    }
    const double x0 = fuzz_double(in, 130, 170), x1 = fuzz_double(in, 170, 210);
    const double y0 = fuzz_double(in, 20, 60), y1 = fuzz_double(in, 60, 120);
    double info[2];
    const int st = sc_flat_kde2d_grid(xy, n, kernel, H[0], H[1], H[2], x0, x1, nx, y0, y1, ny, SC_KDE_BINNED, d, info);
    check_status(st);
    if (st != SC_OK) return;
    check_density(d, nx * ny);
    FUZZ_CHECK(sc_flat_kde2d_grid(xy, n, kernel, H[0], H[1], H[2], x0, x1, nx, y0, y1, ny, SC_KDE_EXACT, e, info) == SC_OK, "exact");
    double bound = 0;
    sc_flat_kde2d_grid(xy, n, kernel, H[0], H[1], H[2], x0, x1, nx, y0, y1, ny, SC_KDE_BINNED, d, info);
    bound = info[0];
    for (int i = 0; i < nx * ny; i++) FUZZ_CHECK(fabs(d[i] - e[i]) <= bound * (1 + 1e-9) + 1e-300, "2-D binned %g exact %g bound %g", d[i], e[i], bound);
}

static void regression(fuzz_in *in, const double *x, const double *y, int n, int kernel)
{
    static double at[MAX_GRID], yh[MAX_GRID], lo[MAX_GRID], up[MAX_GRID], hs[MAX_GRID], cv[MAX_GRID];
    const int method = fuzz_int(in, -1, SC_KREG_METHOD_COUNT);
    double h = fuzz_double(in, 0.2, 30.0);
    if (fuzz_bool(in)) {
        const int nh = fuzz_size(in, 1, 12);
        const int k = nh >= 1 && nh <= 12 ? nh : 1;
        if (fuzz_bool(in)) {
            check_status(sc_flat_kreg_default_grid(x, n, kernel, nh, hs));
        } else {
            for (int i = 0; i < k; i++) hs[i] = fuzz_double(in, 0.05, 40.0);
        }
        const int st = sc_flat_kreg_loocv(x, y, n, method, kernel, hs, nh, cv, &h);
        check_status(st);
        if (st != SC_OK) return;
        for (int i = 0; i < nh; i++) FUZZ_CHECK(cv[i] >= 0.0 && !isnan(cv[i]), "cv[%d] = %g", i, cv[i]);
        FUZZ_CHECK(isfinite(h) && h > 0, "best %g", h);
    }
    const int m = fuzz_size(in, 1, MAX_GRID);
    const int mm = m >= 1 && m <= MAX_GRID ? m : 1;
    for (int i = 0; i < mm; i++) at[i] = fuzz_double(in, 140.0, 200.0);
    const int band = fuzz_bool(in);
    const int st = sc_flat_kreg_points(x, y, n, method, kernel, h, at, m, yh, fuzz_double(in, 0.5, 3.0), band ? lo : NULL, band ? up : NULL);
    check_status(st);
    if (st != SC_OK) return;
    for (int i = 0; i < m; i++) {
        FUZZ_CHECK(isnan(yh[i]) || isfinite(yh[i]), "yhat %g", yh[i]);
        if (band && !isnan(yh[i])) FUZZ_CHECK(lo[i] <= yh[i] && yh[i] <= up[i], "band %g %g %g", lo[i], yh[i], up[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static double x[MAX_N], y[MAX_N];
    fuzz_in in = fuzz_begin(data, size);
    const int n = fuzz_size(&in, 1, MAX_N);
    const int nn = n >= 1 && n <= MAX_N ? n : 1;
    double prev = 170.0;
    for (int i = 0; i < nn; i++) {
        x[i] = prev = sample(&in, prev);
        y[i] = fuzz_u8(&in) % 8 == 0 ? fuzz_double(&in, -1e50, 1e50) : 0.9 * x[i] - 90.0 + fuzz_double(&in, -8.0, 8.0);
    }
    const int kernel = fuzz_int(&in, -1, SC_KDE_KERNEL_COUNT);
    switch (fuzz_u8(&in) % 3) {
    case 0:
        one_d(&in, x, n, kernel);
        break;
    case 1:
        two_d(&in, x, y, n, kernel);
        break;
    default:
        regression(&in, x, y, n, kernel);
        break;
    }
    return 0;
}
