/* Saddle separatrices: the unstable (stable) manifold of each saddle,
 * integrated forward (backward) from eq +- eps v along its eigenvectors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "phase_internal.h"

static int append(sc_polylines *o, long *cap, double x, double y)
{
    if (o->points == *cap) {
        const long c = *cap ? 2 * *cap : 1024;
        double *n = realloc(o->xy, sizeof(double) * 2 * (size_t)c);
        if (!n) return 0;
        o->xy = n;
        *cap = c;
    }
    o->xy[2 * o->points] = x;
    o->xy[2 * o->points + 1] = y;
    o->points++;
    return 1;
}

sc_status sc_phase_separatrices(const sc_phase_plane *plane, double xmin, double xmax, double ymin, double ymax,
                                double t_max, sc_polylines *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    memset(out, 0, sizeof *out);
    if (!plane) return sc_fail(SC_ERR_NULL, "plane");
    const sc_ode_system_info *s = sc_ode_system(plane->system);
    if (s && s->dim != 2) return sc_fail(SC_ERR_OPTION, "system");
    if (s && (plane->xvar != 0 || plane->yvar != 1)) return sc_fail(SC_ERR_RANGE, "xvar");
    if (!isfinite(t_max) || t_max < 0) return sc_fail(SC_ERR_RANGE, "tMax");
    if (t_max == 0) t_max = 100;
    sc_equilibrium eq[SC_PHASE_MAX_EQUILIBRIA];
    int n = 0;
    sc_status st = sc_phase_equilibria(plane, xmin, xmax, ymin, ymax, 0, eq, SC_PHASE_MAX_EQUILIBRIA, &n, NULL);
    if (st != SC_OK) return st;
    const double wx = xmax - xmin, wy = ymax - ymin;
    const double bounds[4] = {xmin - 0.5 * wx, xmax + 0.5 * wx, ymin - 0.5 * wy, ymax + 0.5 * wy};
    long cap = 0, lcap = 0;
    for (int k = 0; k < n; k++) {
        if (eq[k].cls.type != SC_EQ_SADDLE) continue;
        for (int m = 0; m < 4; m++) {
            const int stable = m >= 2;
            const double sign = (m & 1) ? -1.0 : 1.0;
            const double *v = eq[k].cls.vre[stable ? 1 : 0];
            /* exactly along v; 1e-6 of the box diagonal: far above rounding,
             * far below the manifold's curvature at box scale */
            const double eps = 1e-6 * hypot(wx, wy);
            const double y0[2] = {eq[k].x + sign * eps * v[0], eq[k].y + sign * eps * v[1]};
            sc_ode_desc d = sc_ode_default_desc();
            d.system = plane->system;
            d.params = plane->params;
            d.y0 = y0;
            d.t1 = stable ? -t_max : t_max;
            d.dt = t_max / 4000.0;
            d.method = SC_ODE_DOPRI5;
            d.rtol = 1e-8;
            d.atol = 1e-10 * fmax(wx, wy);
            d.bounds = bounds;
            d.no_reset = 1;
            sc_ode_result r;
            st = sc_ode_integrate(&d, &r);
            if (st != SC_OK) goto fail;
            if (out->lines + 2 > lcap) {
                lcap = lcap ? 2 * lcap : 16;
                long *ns = realloc(out->start, sizeof(long) * (size_t)lcap);
                if (!ns) { sc_ode_result_free(&r); st = sc_fail(SC_ERR_NOMEM, "separatrices"); goto fail; }
                out->start = ns;
            }
            out->start[out->lines++] = out->points;
            int ok = append(out, &cap, eq[k].x, eq[k].y);
            for (long i = 0; ok && i < r.samples; i++) ok = append(out, &cap, r.y[2 * i], r.y[2 * i + 1]);
            sc_ode_result_free(&r);
            if (!ok) { st = sc_fail(SC_ERR_NOMEM, "separatrices"); goto fail; }
        }
    }
    if (!out->start) {
        out->start = malloc(sizeof(long));
        if (!out->start) { st = sc_fail(SC_ERR_NOMEM, "separatrices"); goto fail; }
    }
    out->start[out->lines] = out->points;
    return SC_OK;
fail:
    sc_polylines_free(out);
    return st;
}
