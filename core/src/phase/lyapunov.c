/* A typed Lyapunov candidate V(x, y) on the phase plane: V and
 * dV/dt = grad V . f, the gradient exact (forward mode over the expression,
 * the optim area's jets), and on a grid the largest sublevel set of V that
 * holds no point where dV/dt >= 0: an estimate of a basin of attraction.
 * Mathematics: docs/ode.md ("Lyapunov candidates"). */
#include <math.h>
#include <stdlib.h>
#include "phase_internal.h"
#include "simcore/optim.h"

#define CHUNK 256 /* points per call for the gradients (one small stack buffer) */

/* out[2k], out[2k+1] = V, dV/dt; scale (may be NULL): |grad V| |f|, the
 * size of the terms dV/dt sums, to tell a rounded zero from a positive rate. */
static sc_status lyapunov_points(const sc_plane *pl, const sc_optim_desc *d, const double *xy, long n, double *out,
                                 double *scale, long *undefined)
{
    double g[3 * CHUNK];
    long bad = 0;
    for (long k0 = 0; k0 < n; k0 += CHUNK) {
        const long m = n - k0 < CHUNK ? n - k0 : CHUNK;
        const sc_status st = sc_optim_gradients(d, xy + 2 * k0, m, g, NULL);
        if (st != SC_OK) return st;
        for (long k = 0; k < m; k++) {
            double f[2];
            sc_plane_f(pl, xy[2 * (k0 + k)], xy[2 * (k0 + k) + 1], f);
            const double v = g[3 * k], vdot = g[3 * k + 1] * f[0] + g[3 * k + 2] * f[1];
            const int ok = isfinite(v) && isfinite(vdot);
            out[2 * (k0 + k)] = ok ? v : NAN;
            out[2 * (k0 + k) + 1] = ok ? vdot : NAN;
            if (scale) scale[k0 + k] = hypot(g[3 * k + 1], g[3 * k + 2]) * hypot(f[0], f[1]);
            bad += !ok;
        }
    }
    if (undefined) *undefined = bad;
    return SC_OK;
}

static sc_status prepare(const sc_phase_plane *plane, const char *V, sc_plane *pl, sc_optim_desc *d)
{
    sc_status st = sc_plane_init(plane, pl);
    if (st != SC_OK) return st;
    if (!V) return sc_fail(SC_ERR_NULL, "V");
    d->kind = SC_OPTIM_EXPR, d->kappa = 1, d->angle = 0, d->expr = V;
    int pos;
    const char *msg;
    st = sc_optim_check(V, &pos, &msg);
    return st == SC_OK ? SC_OK : sc_fail(st, "V");
}

sc_status sc_phase_lyapunov_points(const sc_phase_plane *plane, const char *V, const double *xy, long n, double *out,
                                   long *undefined)
{
    if (undefined) *undefined = 0;
    sc_plane pl;
    sc_optim_desc d;
    const sc_status st = prepare(plane, V, &pl, &d);
    if (st != SC_OK) return st;
    if (!xy) return sc_fail(SC_ERR_NULL, "points");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (n < 1 || n > SC_OPTIM_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "points");
    return lyapunov_points(&pl, &d, xy, n, out, NULL, undefined);
}

sc_status sc_phase_lyapunov_grid(const sc_phase_plane *plane, const char *V, double x0, double x1, int nx, double y0,
                                 double y1, int ny, float *v, float *vdot, long n, double *info)
{
    sc_plane pl;
    sc_optim_desc d;
    sc_status st = prepare(plane, V, &pl, &d);
    if (st != SC_OK) return st;
    if (!v || !vdot || !info) return sc_fail(SC_ERR_NULL, !v ? "v" : !vdot ? "vdot"
                                                                           : "info");
    if (!isfinite(x0) || !isfinite(x1)) return sc_fail(SC_ERR_NONFINITE, "x");
    if (!isfinite(y0) || !isfinite(y1)) return sc_fail(SC_ERR_NONFINITE, "y");
    if (!(x0 < x1)) return sc_fail(SC_ERR_RANGE, "x");
    if (!(y0 < y1)) return sc_fail(SC_ERR_RANGE, "y");
    if (nx < 2 || nx > SC_PHASE_MAX_GRID) return sc_fail(SC_ERR_SIZE, "nx");
    if (ny < 2 || ny > SC_PHASE_MAX_GRID) return sc_fail(SC_ERR_SIZE, "ny");
    if (n != (long)nx * ny || n > SC_PHASE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "out");
    double *row = malloc(5 * (size_t)nx * sizeof *row);
    char *rising = malloc((size_t)n);
    if (!row || !rising) {
        free(row);
        free(rising);
        return sc_fail(SC_ERR_NOMEM, "row");
    }
    double *res = row + 2 * nx, *scale = row + 4 * nx;
    const double hx = (x1 - x0) / (nx - 1), hy = (y1 - y0) / (ny - 1);
    long imin = -1;
    for (int j = 0; j < ny && st == SC_OK; j++) {
        for (int i = 0; i < nx; i++) row[2 * i] = x0 + i * hx, row[2 * i + 1] = y0 + j * hy;
        st = lyapunov_points(&pl, &d, row, nx, res, scale, NULL);
        for (int i = 0; i < nx && st == SC_OK; i++) {
            const long k = (long)j * nx + i;
            /* Beyond float range counts as undefined, as NaN. */
            const int ok = isfinite(res[2 * i]) && fabs(res[2 * i]) < 3e38 && fabs(res[2 * i + 1]) < 3e38;
            v[k] = ok ? (float)res[2 * i] : NAN;
            vdot[k] = ok ? (float)res[2 * i + 1] : NAN;
            /* dV/dt > 0 beyond rounding of its terms (a semi-definite V, dV/dt = 0 on a line, is not cut there). */
            rising[k] = (char)(ok && res[2 * i + 1] > 1e-9 * scale[i]);
            if (ok && (imin < 0 || v[k] < v[imin])) imin = k;
        }
    }
    free(row);
    if (st != SC_OK) {
        free(rising);
        return st;
    }
    /* The level: V on the edge, and V where dV/dt > 0, away from V's
     * minimum: the smallest of these bounds the sublevel sets free of both. */
    double level = INFINITY;
    const long mi = imin < 0 ? 0 : imin % nx, mj = imin < 0 ? 0 : imin / nx;
    for (long k = 0; k < n; k++) {
        const long i = k % nx, j = k / nx;
        const int edge = i == 0 || j == 0 || i == nx - 1 || j == ny - 1;
        const int near = labs(i - mi) <= 2 && labs(j - mj) <= 2;
        if (isnan(v[k])) continue;
        if (edge || (!near && rising[k])) level = fmin(level, v[k]);
    }
    free(rising);
    /* Points where V is undefined are not checked (docs/ode.md). */
    info[0] = imin < 0 ? NAN : level;
    info[1] = imin < 0 ? NAN : x0 + (double)mi * hx;
    info[2] = imin < 0 ? NAN : y0 + (double)mj * hy;
    info[3] = imin < 0 ? NAN : v[imin];
    return SC_OK;
}

int sc_flat_phase_lyapunov_points(int system, const double *params, int nparams, int xvar, int yvar,
                                  const double *fixed, int nfixed, const char *V, const double *xy, int n, double *out,
                                  int nout, int *undefined)
{
    const sc_phase_plane pl = {system, params, nparams, xvar, yvar, fixed, nfixed};
    if (!sc_ode_system(system)) return sc_fail(SC_ERR_OPTION, "system");
    if (n >= 1 && nout != 2 * n) return sc_fail(SC_ERR_SIZE, "out");
    long bad = 0;
    const sc_status st = sc_phase_lyapunov_points(&pl, V, xy, n, out, &bad);
    if (undefined) *undefined = (int)bad;
    return st;
}

int sc_flat_phase_lyapunov_grid(int system, const double *params, int nparams, int xvar, int yvar,
                                const double *fixed, int nfixed, const char *V, double x0, double x1, int nx, double y0,
                                double y1, int ny, float *v, float *vdot, int n, double *info, int ninfo)
{
    const sc_phase_plane pl = {system, params, nparams, xvar, yvar, fixed, nfixed};
    if (!sc_ode_system(system)) return sc_fail(SC_ERR_OPTION, "system");
    if (ninfo != 4) return sc_fail(SC_ERR_SIZE, "info");
    return sc_phase_lyapunov_grid(&pl, V, x0, x1, nx, y0, y1, ny, v, vdot, n, info);
}
