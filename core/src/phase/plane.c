/* The plane of a system: two state variables, the rest held fixed. */
#include <math.h>
#include <string.h>
#include "phase_internal.h"

sc_status sc_plane_init(const sc_phase_plane *plane, sc_plane *pl)
{
    if (!plane) return sc_fail(SC_ERR_NULL, "plane");
    const sc_status st = sc_ode_check_params(plane->system, plane->params, plane->nparams);
    if (st != SC_OK) return st;
    const sc_ode_system_info *s = sc_ode_system(plane->system);
    if (!plane->fixed && s->dim > 2) return sc_fail(SC_ERR_NULL, "fixed");
    if (plane->fixed ? plane->nfixed != s->dim : plane->nfixed != 0) return sc_fail(SC_ERR_SIZE, "fixed");
    if (plane->xvar < 0 || plane->xvar >= s->dim) return sc_fail(SC_ERR_RANGE, "xvar");
    if (plane->yvar < 0 || plane->yvar >= s->dim || plane->yvar == plane->xvar) return sc_fail(SC_ERR_RANGE, "yvar");
    pl->system = plane->system;
    pl->dim = s->dim;
    pl->xvar = plane->xvar;
    pl->yvar = plane->yvar;
    if (s->nparams) memcpy(pl->p, plane->params, (size_t)s->nparams * sizeof *pl->p);
    if (plane->fixed) {
        for (int i = 0; i < s->dim; i++)
            if (!isfinite(plane->fixed[i]) && i != pl->xvar && i != pl->yvar) return sc_fail(SC_ERR_NONFINITE, "fixed");
        memcpy(pl->y, plane->fixed, (size_t)s->dim * sizeof *pl->y);
    } else {
        if (s->dim > 2) return sc_fail(SC_ERR_NULL, "fixed");
        memset(pl->y, 0, sizeof pl->y);
    }
    return SC_OK;
}

void sc_plane_f(const sc_plane *pl, double x, double y, double f[2])
{
    double s[SC_ODE_MAX_DIM], dy[SC_ODE_MAX_DIM];
    memcpy(s, pl->y, sizeof s);
    s[pl->xvar] = x;
    s[pl->yvar] = y;
    sc_ode_rhs(pl->system, pl->p, 0.0, s, dy); /* checked by sc_plane_init */
    f[0] = dy[pl->xvar];
    f[1] = dy[pl->yvar];
}

void sc_plane_jac(const sc_plane *pl, double x, double y, double J[4])
{
    double s[SC_ODE_MAX_DIM], Jf[SC_ODE_MAX_DIM * SC_ODE_MAX_DIM];
    memcpy(s, pl->y, sizeof s);
    s[pl->xvar] = x;
    s[pl->yvar] = y;
    sc_ode_jacobian(pl->system, pl->p, 0.0, s, Jf);
    const int n = pl->dim;
    J[0] = Jf[pl->xvar * n + pl->xvar];
    J[1] = Jf[pl->xvar * n + pl->yvar];
    J[2] = Jf[pl->yvar * n + pl->xvar];
    J[3] = Jf[pl->yvar * n + pl->yvar];
}
