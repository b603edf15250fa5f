/* Flat (scalar-argument) entry points of the phase-plane code: see the end
 * of core/include/simcore/phase.h. */
#include <stdlib.h>
#include "phase_internal.h"
#include "../base/pool.h"

static void put_class(const sc_linear_class *c, double *o)
{
    o[SC_FLAT_CLASS_TYPE] = c->type;
    o[SC_FLAT_CLASS_TRACE] = c->trace;
    o[SC_FLAT_CLASS_DET] = c->det;
    o[SC_FLAT_CLASS_DISC] = c->discriminant;
    double *ev = o + SC_FLAT_CLASS_EIGENVALUES, *vec = o + SC_FLAT_CLASS_EIGENVECTORS;
    for (int k = 0; k < 2; k++) {
        ev[2 * k] = c->re[k];
        ev[2 * k + 1] = c->im[k];
        vec[4 * k] = c->vre[k][0];
        vec[4 * k + 1] = c->vre[k][1];
        vec[4 * k + 2] = c->vim[k][0];
        vec[4 * k + 3] = c->vim[k][1];
    }
}

int sc_flat_classify_linear(double a, double b, double c, double d, double rel_tol, double *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    sc_linear_class cls;
    const sc_status st = sc_classify_linear(a, b, c, d, rel_tol, &cls);
    if (st == SC_OK) put_class(&cls, out);
    return st;
}

static sc_status plane_of(int system, const double *params, int nparams, int xvar, int yvar, const double *fixed,
                          int nfixed, sc_phase_plane *pl)
{
    if (!sc_ode_system(system)) return sc_fail(SC_ERR_OPTION, "system");
    pl->system = system;
    pl->params = params;
    pl->nparams = nparams;
    pl->xvar = xvar;
    pl->yvar = yvar;
    pl->fixed = fixed;
    pl->nfixed = nfixed;
    return SC_OK;
}

int sc_flat_phase_equilibria(int system, const double *params, int nparams, int xvar, int yvar, const double *fixed,
                             int nfixed, double xmin, double xmax, double ymin, double ymax, int seeds, double *out,
                             int max_out, int *count)
{
    sc_phase_plane pl;
    sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, nfixed, &pl);
    if (st != SC_OK) return st;
    if (!out || !count) return sc_fail(SC_ERR_NULL, "out");
    if (max_out < 0 || max_out > SC_PHASE_MAX_EQUILIBRIA) return sc_fail(SC_ERR_SIZE, "max_out");
    sc_equilibrium eq[SC_PHASE_MAX_EQUILIBRIA];
    int n = 0;
    st = sc_phase_equilibria(&pl, xmin, xmax, ymin, ymax, seeds, eq, max_out, &n, NULL);
    if (st != SC_OK) return st;
    for (int k = 0; k < n; k++) {
        double *o = out + SC_FLAT_EQ_SIZE * k;
        o[SC_FLAT_EQ_X] = eq[k].x;
        o[SC_FLAT_EQ_Y] = eq[k].y;
        for (int i = 0; i < 4; i++) o[SC_FLAT_EQ_JACOBIAN + i] = eq[k].J[i];
        put_class(&eq[k].cls, o + SC_FLAT_EQ_CLASS);
    }
    *count = n;
    return SC_OK;
}

int sc_flat_phase_direction_field(int system, const double *params, int nparams, int xvar, int yvar,
                                  const double *fixed, int nfixed, double xmin, double xmax, int nx, double ymin,
                                  double ymax, int ny, float *out)
{
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, nfixed, &pl);
    return st != SC_OK ? st : sc_phase_direction_field(&pl, xmin, xmax, nx, ymin, ymax, ny, out);
}

/* Polylines live in the handle pool (base/pool.h) until the caller frees
 * them: no static "last result". */
static sc_status keep(sc_polylines *lines, sc_status st, uint32_t *handle)
{
    if (st == SC_OK) st = sc_pool_add(SC_KIND_POLYLINES, lines, SC_ODE_MAX_RESULTS, "lines", handle);
    if (st != SC_OK) {
        sc_polylines_free(lines);
        free(lines);
    }
    return st;
}

int sc_flat_phase_nullcline(int system, const double *params, int nparams, int xvar, int yvar, const double *fixed,
                            int nfixed, int which, double xmin, double xmax, int nx, double ymin, double ymax, int ny,
                            uint32_t *lines)
{
    if (!lines) return sc_fail(SC_ERR_NULL, "lines");
    *lines = 0;
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, nfixed, &pl);
    if (st != SC_OK) return st;
    sc_polylines *p = calloc(1, sizeof *p);
    if (!p) return sc_fail(SC_ERR_NOMEM, "lines");
    return keep(p, sc_phase_nullcline(&pl, which, xmin, xmax, nx, ymin, ymax, ny, p), lines);
}

int sc_flat_phase_separatrices(int system, const double *params, int nparams, double xmin, double xmax, double ymin,
                               double ymax, double t_max, uint32_t *lines)
{
    if (!lines) return sc_fail(SC_ERR_NULL, "lines");
    *lines = 0;
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, 0, 1, NULL, 0, &pl);
    if (st != SC_OK) return st;
    sc_polylines *p = calloc(1, sizeof *p);
    if (!p) return sc_fail(SC_ERR_NOMEM, "lines");
    return keep(p, sc_phase_separatrices(&pl, xmin, xmax, ymin, ymax, t_max, p), lines);
}

int sc_flat_phase_lines_info(uint32_t lines, int *info, int ninfo)
{
    const sc_polylines *p = sc_pool_get(SC_KIND_POLYLINES, lines);
    if (!p) return sc_fail(SC_ERR_HANDLE, "lines");
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != 2) return sc_fail(SC_ERR_SIZE, "info");
    info[0] = (int)p->points;
    info[1] = (int)p->lines;
    return SC_OK;
}

int sc_flat_phase_lines_read(uint32_t lines, double *xy, int nxy, double *start, int nstart)
{
    const sc_polylines *p = sc_pool_get(SC_KIND_POLYLINES, lines);
    if (!p) return sc_fail(SC_ERR_HANDLE, "lines");
    if (nxy != 2 * p->points) return sc_fail(SC_ERR_SIZE, "xy");
    if (nstart != p->lines + 1) return sc_fail(SC_ERR_SIZE, "start");
    if ((!xy && nxy) || !start) return sc_fail(SC_ERR_NULL, !start ? "start" : "xy");
    for (long k = 0; k < nxy; k++) xy[k] = p->xy[k];
    for (long k = 0; k < nstart; k++) start[k] = (double)p->start[k];
    return SC_OK;
}

int sc_flat_phase_lines_free(uint32_t lines)
{
    sc_polylines *p = sc_pool_remove(SC_KIND_POLYLINES, lines);
    if (!p) return sc_fail(SC_ERR_HANDLE, "lines");
    sc_polylines_free(p);
    free(p);
    return SC_OK;
}
