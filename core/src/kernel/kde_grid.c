/* Densities on grids: exact (the sums of kde_internal.h, row by row) and
 * binned (linear binning onto the grid extended by the kernel's reach,
 * then one FFT correlation with the sampled kernel through the core's FFT,
 * fft/fft.h, in float32). The bound on |binned - exact| is derived in
 * docs/kernels.md ("Binned FFT path"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kde_internal.h"
#include "../fft/fft.h"

/* Gaussian kernels are cut at Mahalanobis radius TAU (e^-32 = 1.3e-14 of
 * the peak beyond); compact kernels at their support, radius 1. */
#define TAU 8.0
/* The float32 FFT's rounding, measured (tests/native/test_kde_binned.c,
 * docs/kernels.md): 5e-8 of the kernel's peak per log2 of the transform
 * size (6.8e-7 at 2^13.6 elements); the bound allows 8x that. */
#define FFT_ROUNDING_PER_LOG2 4e-7

static float *align_up(void *p)
{
    return (float *)(void *)((char *)p + (64 - (uintptr_t)p % 64) % 64);
}

static sc_status check_grid(double from, double to, int m, const char *arg)
{
    if (!isfinite(from) || !isfinite(to)) return sc_fail(SC_ERR_NONFINITE, arg);
    if (fabs(from) > SC_KDE_MAX_VALUE || fabs(to) > SC_KDE_MAX_VALUE || !(from < to))
        return sc_fail(SC_ERR_RANGE, arg);
    if (m < 2 || m > SC_KDE_MAX_GRID) return sc_fail(SC_ERR_SIZE, arg);
    return SC_OK;
}

/* The stated bound per sample, as a fraction of nothing: in density units.
 * peak = the kernel's maximum N; a = (H^-1)_11, c = (H^-1)_22 (1-D: c = 0,
 * dy = 0); derivations in docs/kernels.md. */
static double binning_bound(int kernel, double peak, double a, double c, double dx, double dy)
{
    switch (kernel) {
    case SC_KDE_GAUSSIAN:
        return peak * (dx * dx * a + dy * dy * c) / 8.0;
    case SC_KDE_BIWEIGHT:
        return peak * 8.0 * (dx * dx * a + dy * dy * c) / 8.0;
    case SC_KDE_EPANECHNIKOV:
        return peak * (2.0 * (dx * dx * a + dy * dy * c) / 4.0 + dx * sqrt(a) + dy * sqrt(c));
    case SC_KDE_TRIANGULAR:
        return peak * (dx * sqrt(a) + dy * sqrt(c));
    default:
        return peak;
    }
}

/* Binned densities on the nx x ny grid (ny = 1: 1-D, y ignored). Returns
 * SC_OK with *done = 0 when the transform would exceed SC_KDE_MAX_FFT_SIDE
 * or SC_KDE_MAX_FFT. */
static sc_status binned(const double *s, int n, int dim, int kernel, const double *hinv,
                        double peak, double x0, double dx, int nx, double y0, double dy, int ny,
                        double *density, double *bound, int *done)
{
    *done = 0;
    const double tau = kernel == SC_KDE_GAUSSIAN ? TAU : 1.0;
    /* The ellipse u^T H^-1 u <= tau^2 reaches tau sqrt(H_11) along x. */
    const double det_inv = hinv[0] * hinv[2] - hinv[1] * hinv[1];
    const double ex = tau * sqrt(hinv[2] / det_inv), ey = dim == 2 ? tau * sqrt(hinv[0] / det_inv) : 0.0;
    if (ex / dx > SC_KDE_MAX_FFT_SIDE || ey / dy > SC_KDE_MAX_FFT_SIDE) return SC_OK;
    const int lx = (int)ceil(ex / dx) + 1, ly = dim == 2 ? (int)ceil(ey / dy) + 1 : 0;
    const int pw = nx + 2 * lx, ph = ny + 2 * ly, kw = 2 * lx + 1, kh = 2 * ly + 1;
    const int fx = sc_fft_fast_size(pw), fy = ph < 2 ? 2 : sc_fft_fast_size(ph);
    if (fx > SC_KDE_MAX_FFT_SIDE || fy > SC_KDE_MAX_FFT_SIDE || (double)fx * fy > SC_KDE_MAX_FFT)
        return SC_OK;

    sc_fft2 g;
    if (!sc_fft2_init(&g, fx, fy)) return sc_fail(SC_ERR_NOMEM, "grid");
    const size_t plane = sc_fft2_plane_floats(&g), nscratch = sc_fft2_scratch_floats(&g);
    const size_t npad = ((size_t)pw * ph + 15) & ~(size_t)15;
    const size_t nk = ((size_t)kw * kh + 15) & ~(size_t)15;
    const size_t nout = ((size_t)nx * ny + 15) & ~(size_t)15;
    void *block = malloc(sizeof(float) * (npad + nk + nout + 4 * plane + nscratch + 16));
    double *bins = calloc((size_t)pw * ph, sizeof(double));
    if (!block || !bins) {
        free(block);
        free(bins);
        return sc_fail(SC_ERR_NOMEM, "grid");
    }
    float *pad = align_up(block), *k = pad + npad, *out = k + nk;
    float *sr = out + nout, *si = sr + plane, *tr = si + plane, *ti = tr + plane;
    float *scratch = ti + plane;

    /* Linear binning onto the extended grid: node (i, j) at x0 + (i - lx) dx. */
    for (int q = 0; q < n; q++) {
        const double px = (s[dim * q] - x0) / dx + lx;
        const double py = dim == 2 ? (s[2 * q + 1] - y0) / dy + ly : 0.0;
        if (!(px >= 0.0 && px <= pw - 1) || !(py >= 0.0 && py <= ph - 1)) continue;
        int ix = (int)px, iy = (int)py;
        if (ix > pw - 2) ix = pw - 2;
        const double wx = px - ix;
        if (dim == 1) {
            bins[ix] += 1.0 - wx;
            bins[ix + 1] += wx;
            continue;
        }
        if (iy > ph - 2) iy = ph - 2;
        const double wy = py - iy;
        double *b = bins + (size_t)iy * pw + ix;
        b[0] += (1.0 - wx) * (1.0 - wy);
        b[1] += wx * (1.0 - wy);
        b[pw] += (1.0 - wx) * wy;
        b[pw + 1] += wx * wy;
    }
    for (size_t i = 0; i < (size_t)pw * ph; i++) pad[i] = (float)(bins[i] / n);
    free(bins);
    /* The kernel sampled at the node offsets (symmetric: correlation = convolution). */
    for (int j = 0; j < kh; j++) {
        for (int i = 0; i < kw; i++) {
            const double ux = (i - lx) * dx, uy = (j - ly) * dy;
            const double t = hinv[0] * ux * ux + 2.0 * hinv[1] * ux * uy + hinv[2] * uy * uy;
            k[(size_t)j * kw + i] = (float)(peak * kde_shape(kernel, t));
        }
    }
    const sc_fft_variant *v = sc_fft_variants[sc_fft_variant_count - 1];
    v->rfft2(&g, pad, pw, ph, pw, sr, si, scratch);
    v->corr(&g, sr, si, k, kw, kh, tr, ti, out, nx, ny, 1.0f / ((float)fx * (float)fy), scratch);
    for (size_t i = 0; i < (size_t)nx * ny; i++) density[i] = out[i] > 0.0f ? out[i] : 0.0;
    free(block);

    const double c = dim == 2 ? hinv[2] : 0.0;
    double b = binning_bound(kernel, peak, hinv[0], c, dx, dim == 2 ? dy : 0.0);
    if (kernel == SC_KDE_GAUSSIAN) b += peak * exp(-0.5 * TAU * TAU);
    b += peak * FFT_ROUNDING_PER_LOG2 * log2((double)fx * fy);
    if (bound) *bound = b;
    *done = 1;
    return SC_OK;
}

SC_API sc_status sc_kde1d_grid(const double *x, int n, int kernel, double h, double from,
                               double to, int m, int method, double *density, double *bound,
                               int *used)
{
    if (!x) return sc_fail(SC_ERR_NULL, "samples");
    if (n < 1 || n > SC_KDE_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "samples");
    sc_status st = kde_check_values(x, n, "samples");
    if (!st) st = kde_check_kernel(kernel);
    if (!st) st = kde_check_h(h, "bandwidth");
    if (!st) st = check_grid(from, to, m, "grid");
    if (st) return st;
    if (method < 0 || method >= SC_KDE_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    if (!density) return sc_fail(SC_ERR_NULL, "density");
    const double dx = (to - from) / (m - 1), peak = kde_norm(kernel, 1) / h;
    if (method == SC_KDE_BINNED) {
        const double hinv[3] = {1.0 / (h * h), 0.0, 1.0};
        int done = 0;
        if ((st = binned(x, n, 1, kernel, hinv, peak, from, dx, m, 0.0, 1.0, 1, density, bound,
                         &done)))
            return st;
        if (done) {
            if (used) *used = SC_KDE_BINNED;
            return SC_OK;
        }
    }
    double *at = malloc(sizeof(double) * (size_t)m);
    if (!at) return sc_fail(SC_ERR_NOMEM, "grid");
    for (int i = 0; i < m; i++) at[i] = from + i * dx;
    at[m - 1] = to;
    kde_best()->sum1(kernel, x, n, 1.0 / h, at, m, 0, density);
    free(at);
    for (int i = 0; i < m; i++) density[i] *= peak / n;
    if (bound) *bound = 0.0;
    if (used) *used = SC_KDE_EXACT;
    return SC_OK;
}

SC_API sc_status sc_kde2d_grid(const double *xy, int n, int kernel, const double *H, double x0,
                               double x1, int nx, double y0, double y1, int ny, int method,
                               double *density, double *bound, int *used)
{
    if (!xy) return sc_fail(SC_ERR_NULL, "samples");
    if (n < 1 || n > SC_KDE_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "samples");
    sc_status st = kde_check_values(xy, 2 * n, "samples");
    if (!st) st = kde_check_kernel(kernel);
    double hinv[3] = {0.0, 0.0, 0.0}, isd = 0.0;
    if (!st) st = kde_check_H(H, hinv, &isd);
    if (!st) st = check_grid(x0, x1, nx, "grid x");
    if (!st) st = check_grid(y0, y1, ny, "grid y");
    if (st) return st;
    if ((long long)nx * ny > SC_KDE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "grid");
    if (method < 0 || method >= SC_KDE_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    if (!density) return sc_fail(SC_ERR_NULL, "density");
    const double dx = (x1 - x0) / (nx - 1), dy = (y1 - y0) / (ny - 1);
    const double peak = kde_norm(kernel, 2) * isd;
    if (method == SC_KDE_BINNED) {
        int done = 0;
        if ((st = binned(xy, n, 2, kernel, hinv, peak, x0, dx, nx, y0, dy, ny, density, bound,
                         &done)))
            return st;
        if (done) {
            if (used) *used = SC_KDE_BINNED;
            return SC_OK;
        }
    }
    double *row = malloc(sizeof(double) * 2 * (size_t)nx);
    if (!row) return sc_fail(SC_ERR_NOMEM, "grid");
    const kde_variant *v = kde_best();
    for (int j = 0; j < ny; j++) {
        const double y = j == ny - 1 ? y1 : y0 + j * dy;
        for (int i = 0; i < nx; i++) {
            row[2 * i] = i == nx - 1 ? x1 : x0 + i * dx;
            row[2 * i + 1] = y;
        }
        v->sum2(kernel, xy, n, hinv, row, nx, density + (size_t)j * nx);
    }
    free(row);
    for (size_t i = 0; i < (size_t)nx * ny; i++) density[i] *= peak / n;
    if (bound) *bound = 0.0;
    if (used) *used = SC_KDE_EXACT;
    return SC_OK;
}
