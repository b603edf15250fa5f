/* Saddle separatrices: the unstable (stable) manifold of each saddle,
 * integrated forward (backward) from eq +- eps v along its eigenvectors,
 * in chunks, until the curve leaves the box or reaches an equilibrium. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "phase_internal.h"

/* Distances are measured in box units (x / width, y / height), so a plane
 * whose axes have different units (Morris-Lecar: mV and a fraction) is
 * treated as it is drawn. */
#define KEEP_STEP    1e-3   /* a sample is kept once it is this far from the last kept one */
#define ARRIVE       2e-3   /* this close to an equilibrium: the curve has reached it */
#define LEAVE        2e-2   /* ... counted only once the curve has been this far from its saddle */
#define CURVE_POINTS 20000  /* kept points per curve */
#define CURVE_STEPS  200000 /* integrator steps per curve */
#define E_FOLDS      200.0  /* default time: this many e-foldings of the saddle's slower rate */

typedef struct curve {
    sc_polylines *o;
    long cap;
    long first;    /* index of the curve's first point */
    double wx, wy; /* box size */
} curve;

static int append(curve *c, double x, double y)
{
    sc_polylines *o = c->o;
    if (o->points == c->cap) {
        const long n = c->cap ? 2 * c->cap : 1024;
        double *xy = realloc(o->xy, sizeof(double) * 2 * (size_t)n);
        if (!xy) return 0;
        o->xy = xy;
        c->cap = n;
    }
    o->xy[2 * o->points] = x;
    o->xy[2 * o->points + 1] = y;
    o->points++;
    return 1;
}

static double box_dist(const curve *c, double x0, double y0, double x1, double y1)
{
    return hypot((x1 - x0) / c->wx, (y1 - y0) / c->wy);
}

/* One manifold branch from the saddle eq through y0: 0 out of memory, else 1. */
static int trace_branch(curve *c, const sc_phase_plane *plane, const sc_equilibrium *eq, int n_eq, const sc_equilibrium *saddle,
                        const double y0[2], double t_total, const double bounds[4], sc_status *st)
{
    c->first = c->o->points;
    if (!append(c, saddle->x, saddle->y)) return 0;
    const double dir = t_total < 0 ? -1.0 : 1.0;
    const double span = fabs(t_total);
    double t = 0, y[2] = {y0[0], y0[1]}, far = 0;
    long steps = 0;
    /* Chunks of 1/64 of the span: each ends on a state to continue from. */
    const double chunk = span / 64;
    /* counted chunks: a span so small that span / 64 underflows ends too */
    for (int n = 0; n < 64 && t < span && steps < CURVE_STEPS && c->o->points - c->first < CURVE_POINTS; n++) {
        sc_ode_desc d = sc_ode_default_desc();
        d.system = plane->system;
        d.params = plane->params;
        d.nparams = plane->nparams;
        d.y0 = y;
        d.dim = 2;
        d.t0 = 0;
        d.t1 = dir * fmin(chunk, span - t);
        d.dt = 0; /* every accepted step */
        d.method = SC_ODE_DOPRI5;
        d.rtol = 1e-8;
        d.atol = 1e-10 * fmax(c->wx, c->wy);
        d.bounds = bounds;
        d.nbounds = bounds ? 4 : 0;
        d.max_steps = CURVE_STEPS - steps;
        d.no_reset = 1;
        sc_ode_result r;
        *st = sc_ode_integrate(&d, &r);
        if (*st != SC_OK) return 1;
        steps += r.steps;
        int done = r.stop != SC_ODE_STOP_END;
        for (long i = 1; i < r.samples; i++) {
            const double x = r.y[2 * i], yy = r.y[2 * i + 1];
            const long last = c->o->points - 1;
            far = fmax(far, box_dist(c, saddle->x, saddle->y, x, yy));
            int arrived = -1;
            if (far > LEAVE)
                for (int k = 0; k < n_eq && arrived < 0; k++)
                    if (box_dist(c, eq[k].x, eq[k].y, x, yy) < ARRIVE) arrived = k;
            const int end = arrived >= 0 || (done && i == r.samples - 1);
            int ok = 1;
            if (end || box_dist(c, c->o->xy[2 * last], c->o->xy[2 * last + 1], x, yy) >= KEEP_STEP) ok = append(c, x, yy);
            if (ok && arrived >= 0) ok = append(c, eq[arrived].x, eq[arrived].y);
            if (!ok) {
                sc_ode_result_free(&r);
                return 0;
            }
            if (arrived >= 0) {
                done = 1;
                break;
            }
        }
        if (!done && r.samples > 0) {
            y[0] = r.y[2 * (r.samples - 1)];
            y[1] = r.y[2 * (r.samples - 1) + 1];
        }
        sc_ode_result_free(&r);
        if (done) return 1;
        t = n == 63 ? span : t + fmin(chunk, span - t);
    }
    /* time, step or point budget spent: end on the last state (a curve has
     * at least two points, even when eps vanished against the saddle) */
    const long last = c->o->points - 1;
    if (last == c->first || c->o->xy[2 * last] != y[0] || c->o->xy[2 * last + 1] != y[1]) return append(c, y[0], y[1]);
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
    sc_equilibrium eq[SC_PHASE_MAX_EQUILIBRIA];
    int n = 0;
    sc_status st = sc_phase_equilibria(plane, xmin, xmax, ymin, ymax, 0, eq, SC_PHASE_MAX_EQUILIBRIA, &n, NULL);
    if (st != SC_OK) return st;
    const double wx = xmax - xmin, wy = ymax - ymin;
    /* the box itself: a curve ends on its first sample outside */
    const double bounds[4] = {xmin, xmax, ymin, ymax};
    curve c = {out, 0, 0, wx, wy};
    long lcap = 0;
    for (int k = 0; k < n; k++) {
        if (eq[k].cls.type != SC_EQ_SADDLE) continue;
        /* default span: E_FOLDS e-foldings of the slower of the two rates */
        const double rate = fmin(fabs(eq[k].cls.re[0]), fabs(eq[k].cls.re[1]));
        const double span = t_max > 0 ? t_max : E_FOLDS / rate;
        if (!isfinite(span)) continue;
        for (int m = 0; m < 4; m++) {
            const int stable = m >= 2;
            const double sign = (m & 1) ? -1.0 : 1.0;
            const double *v = eq[k].cls.vre[stable ? 1 : 0];
            /* exactly along v; 1e-6 of the box: far above rounding, far
             * below the manifold's curvature at box scale */
            const double eps = 1e-6 / hypot(v[0] / wx, v[1] / wy);
            const double y0[2] = {eq[k].x + sign * eps * v[0], eq[k].y + sign * eps * v[1]};
            if (out->lines + 2 > lcap) {
                lcap = lcap ? 2 * lcap : 16;
                long *ns = realloc(out->start, sizeof(long) * (size_t)lcap);
                if (!ns) {
                    st = sc_fail(SC_ERR_NOMEM, "separatrices");
                    goto fail;
                }
                out->start = ns;
            }
            out->start[out->lines++] = out->points;
            if (!trace_branch(&c, plane, eq, n, &eq[k], y0, stable ? -span : span, bounds, &st)) {
                st = sc_fail(SC_ERR_NOMEM, "separatrices");
                goto fail;
            }
            if (st != SC_OK) goto fail;
        }
    }
    if (!out->start) {
        out->start = malloc(sizeof(long));
        if (!out->start) {
            st = sc_fail(SC_ERR_NOMEM, "separatrices");
            goto fail;
        }
    }
    out->start[out->lines] = out->points;
    return SC_OK;
fail:
    sc_polylines_free(out);
    return st;
}
