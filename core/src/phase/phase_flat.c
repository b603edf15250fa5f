/* Flat (scalar-argument) entry points of the phase-plane code: see the end
 * of core/include/simcore/phase.h. */
#include <stdlib.h>
#include "phase_internal.h"

static void put_class(const sc_linear_class *c, double *o)
{
    o[0] = c->type;
    o[1] = c->trace;
    o[2] = c->det;
    o[3] = c->discriminant;
    o[4] = c->re[0], o[5] = c->im[0], o[6] = c->re[1], o[7] = c->im[1];
    for (int k = 0; k < 2; k++) {
        o[8 + 4 * k] = c->vre[k][0];
        o[9 + 4 * k] = c->vre[k][1];
        o[10 + 4 * k] = c->vim[k][0];
        o[11 + 4 * k] = c->vim[k][1];
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
                          sc_phase_plane *pl)
{
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != s->nparams) return sc_fail(SC_ERR_SIZE, "params");
    pl->system = system;
    pl->params = params;
    pl->xvar = xvar;
    pl->yvar = yvar;
    pl->fixed = fixed;
    return SC_OK;
}

int sc_flat_phase_equilibria(int system, const double *params, int nparams, int xvar, int yvar, const double *fixed,
                             double xmin, double xmax, double ymin, double ymax, int seeds, double *out, int max_out,
                             int *count)
{
    sc_phase_plane pl;
    sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, &pl);
    if (st != SC_OK) return st;
    if (!out || !count) return sc_fail(SC_ERR_NULL, "out");
    if (max_out < 0 || max_out > SC_PHASE_MAX_EQUILIBRIA) return sc_fail(SC_ERR_SIZE, "max_out");
    sc_equilibrium eq[SC_PHASE_MAX_EQUILIBRIA];
    int n = 0;
    st = sc_phase_equilibria(&pl, xmin, xmax, ymin, ymax, seeds, eq, max_out, &n, NULL);
    if (st != SC_OK) return st;
    for (int k = 0; k < n; k++) {
        double *o = out + 22 * k;
        o[0] = eq[k].x;
        o[1] = eq[k].y;
        for (int i = 0; i < 4; i++) o[2 + i] = eq[k].J[i];
        put_class(&eq[k].cls, o + 6);
    }
    *count = n;
    return SC_OK;
}

int sc_flat_phase_direction_field(int system, const double *params, int nparams, int xvar, int yvar,
                                  const double *fixed, double xmin, double xmax, int nx, double ymin, double ymax,
                                  int ny, float *out)
{
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, &pl);
    return st != SC_OK ? st : sc_phase_direction_field(&pl, xmin, xmax, nx, ymin, ymax, ny, out);
}

static sc_polylines last;
static double *last_starts;

static int keep(sc_status st, int *info)
{
    if (st != SC_OK) return st;
    last_starts = malloc(sizeof(double) * (size_t)(last.lines + 1));
    if (!last_starts) {
        sc_polylines_free(&last);
        return sc_fail(SC_ERR_NOMEM, "polylines");
    }
    for (long k = 0; k <= last.lines; k++) last_starts[k] = (double)last.start[k];
    if (info) info[0] = (int)last.points, info[1] = (int)last.lines;
    return SC_OK;
}

void sc_flat_phase_free(void)
{
    sc_polylines_free(&last);
    free(last_starts);
    last_starts = NULL;
}

int sc_flat_phase_nullcline(int system, const double *params, int nparams, int xvar, int yvar, const double *fixed,
                            int which, double xmin, double xmax, int nx, double ymin, double ymax, int ny, int *info)
{
    sc_flat_phase_free();
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, xvar, yvar, fixed, &pl);
    if (st != SC_OK) return st;
    return keep(sc_phase_nullcline(&pl, which, xmin, xmax, nx, ymin, ymax, ny, &last), info);
}

int sc_flat_phase_separatrices(int system, const double *params, int nparams, double xmin, double xmax, double ymin,
                               double ymax, double t_max, int *info)
{
    sc_flat_phase_free();
    sc_phase_plane pl;
    const sc_status st = plane_of(system, params, nparams, 0, 1, NULL, &pl);
    if (st != SC_OK) return st;
    return keep(sc_phase_separatrices(&pl, xmin, xmax, ymin, ymax, t_max, &last), info);
}

const double *sc_flat_phase_points(void) { return last.xy; }
const double *sc_flat_phase_starts(void) { return last_starts; }
