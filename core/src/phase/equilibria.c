/* Equilibria in a box: damped Newton from a grid of seeds, deduplicated,
 * each classified by its Jacobian. */
#include <math.h>
#include <stdlib.h>
#include "phase_internal.h"

/* Newton on f(x, y) = 0; 1 if it converged inside the (slightly enlarged) box. */
static int newton(const sc_plane *pl, double *x, double *y, const double box[4])
{
    const double wx = box[1] - box[0], wy = box[3] - box[2];
    int converged = 0;
    for (int it = 0; it < 60 && !converged; it++) {
        double f[2], J[4];
        sc_plane_f(pl, *x, *y, f);
        sc_plane_jac(pl, *x, *y, J);
        const double det = J[0] * J[3] - J[1] * J[2];
        if (!isfinite(det) || det == 0.0) return 0;
        double dx = (J[3] * f[0] - J[1] * f[1]) / det, dy = (-J[2] * f[0] + J[0] * f[1]) / det;
        /* damp steps longer than half the box: keeps seeds near their basin */
        const double len = fmax(fabs(dx) / wx, fabs(dy) / wy);
        if (len > 0.5) dx *= 0.5 / len, dy *= 0.5 / len;
        *x -= dx;
        *y -= dy;
        if (!isfinite(*x) || !isfinite(*y)) return 0;
        if (*x < box[0] - wx || *x > box[1] + wx || *y < box[2] - wy || *y > box[3] + wy) return 0;
        converged = fabs(dx) <= 1e-13 * (1.0 + fabs(*x)) && fabs(dy) <= 1e-13 * (1.0 + fabs(*y));
    }
    if (!converged) return 0;
    /* a root, not a minimum of |f|: residual at rounding level of the terms */
    double f[2], J[4];
    sc_plane_f(pl, *x, *y, f);
    sc_plane_jac(pl, *x, *y, J);
    for (int r = 0; r < 2; r++)
        if (fabs(f[r]) > 1e-8 * (1.0 + fabs(J[2 * r] * *x) + fabs(J[2 * r + 1] * *y))) return 0;
    const double tol = 1e-9 * fmax(wx, wy);
    return *x >= box[0] - tol && *x <= box[1] + tol && *y >= box[2] - tol && *y <= box[3] + tol;
}

static int by_xy(const void *a, const void *b)
{
    const sc_equilibrium *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

sc_status sc_phase_equilibria(const sc_phase_plane *plane, double xmin, double xmax, double ymin, double ymax,
                              int seeds, sc_equilibrium *out, int max_out, int *count, int *found)
{
    sc_plane pl;
    sc_status st = sc_plane_init(plane, &pl);
    if (st != SC_OK) return st;
    if (!isfinite(xmin) || !isfinite(xmax) || !(xmin < xmax)) return sc_fail(SC_ERR_RANGE, "x");
    if (!isfinite(ymin) || !isfinite(ymax) || !(ymin < ymax)) return sc_fail(SC_ERR_RANGE, "y");
    if (seeds == 0) seeds = 24;
    if (seeds < 2 || seeds > 256) return sc_fail(SC_ERR_SIZE, "seeds");
    if (!out || !count) return sc_fail(SC_ERR_NULL, !out ? "out" : "count");
    if (max_out < 0) return sc_fail(SC_ERR_SIZE, "max_out");
    sc_equilibrium all[SC_PHASE_MAX_EQUILIBRIA];
    int n = 0;
    double box[4] = {xmin, xmax, ymin, ymax};
    const double diag = hypot(xmax - xmin, ymax - ymin);
    for (int j = 0; j < seeds; j++) {
        for (int i = 0; i < seeds; i++) {
            double x = xmin + (xmax - xmin) * (i + 0.5) / seeds, y = ymin + (ymax - ymin) * (j + 0.5) / seeds;
            if (!newton(&pl, &x, &y, box)) continue;
            int dup = 0;
            for (int k = 0; k < n && !dup; k++) dup = hypot(all[k].x - x, all[k].y - y) <= 1e-7 * diag;
            if (dup || n == SC_PHASE_MAX_EQUILIBRIA) continue;
            all[n].x = x;
            all[n].y = y;
            n++;
        }
    }
    /* Only the n filled entries are sorted (cppcheck cannot see that). */
    /* cppcheck-suppress uninitvar */
    qsort(all, (size_t)n, sizeof all[0], by_xy);
    for (int k = 0; k < n; k++) {
        sc_plane_jac(&pl, all[k].x, all[k].y, all[k].J);
        const double *J = all[k].J;
        if (sc_classify_linear(J[0], J[1], J[2], J[3], 0.0, &all[k].cls) != SC_OK)
            return sc_fail(SC_ERR_INTERNAL, "jacobian");
    }
    const int m = n < max_out ? n : max_out;
    for (int k = 0; k < m; k++) out[k] = all[k];
    *count = m;
    if (found) *found = n;
    return SC_OK;
}
