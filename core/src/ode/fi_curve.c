/* The Izhikevich f-I curve: steady firing rate against a constant current,
 * one sc_ode_integrate run per current (the integrator and its spike events
 * are reused as they are), and the saddle-node current I_SN. docs/ode.md. */
#include <math.h>
#include "ode_internal.h"

static double izh_isn(const double *p)
{
    /* v' = k2 v^2 + k1 v + k0 - u + I with u = b (v - vr) / ku on the
     * u-nullcline: the two equilibria merge when the discriminant
     * (k1 - b/ku)^2 - 4 k2 (k0 + b vr/ku + I) vanishes. Standard
     * coefficients: (5 - b)^2 / 0.16 - 140. With ku = 0 (panel R) the
     * u-nullcline is the line v = vr, one equilibrium for every I: no
     * saddle-node, NaN (the binding reports null). */
    if (p[IZ_KU] == 0.0) return NAN;
    const double g = p[IZ_K1] - p[IZ_B] / p[IZ_KU];
    return g * g / (4.0 * p[IZ_K2]) - p[IZ_K0] - p[IZ_B] * p[IZ_VR] / p[IZ_KU];
}

sc_status sc_ode_fi_curve(const double *params, int nparams, const double *current, int n, double duration,
                          double transient, double dt, sc_ode_method method, double *rate, double *i_sn)
{
    if (!params) return sc_fail(SC_ERR_NULL, "params");
    if (!current) return sc_fail(SC_ERR_NULL, "I");
    if (!rate) return sc_fail(SC_ERR_NULL, "rate");
    if (n < 1 || n > SC_ODE_FI_MAX) return sc_fail(SC_ERR_SIZE, "I");
    for (int k = 0; k < n; k++)
        if (!isfinite(current[k])) return sc_fail(SC_ERR_NONFINITE, "I");
    if (!isfinite(duration)) return sc_fail(SC_ERR_NONFINITE, "duration");
    if (!(duration > 0.0)) return sc_fail(SC_ERR_RANGE, "duration");
    if (!isfinite(transient)) return sc_fail(SC_ERR_NONFINITE, "transient");
    if (!(transient >= 0.0 && transient < duration)) return sc_fail(SC_ERR_RANGE, "transient");
    if (!isfinite(dt)) return sc_fail(SC_ERR_NONFINITE, "dt");
    if (!(dt > 0.0)) return sc_fail(SC_ERR_RANGE, "dt");
    if (duration / dt > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "duration");
    if (method != SC_ODE_RK4 && method != SC_ODE_EULER && method != SC_ODE_IZH_EULER)
        return sc_fail(SC_ERR_OPTION, "method");
    sc_status st = sc_ode_check_params(SC_SYS_IZHIKEVICH, params, nparams);
    if (st != SC_OK) return st;
    if (!(params[IZ_K2] > 0.0)) return sc_fail(SC_ERR_RANGE, "k2");

    double p[IZ_NPARAMS];
    for (int j = 0; j < IZ_NPARAMS; j++) p[j] = params[j];
    /* The 2003 paper's code starts every neuron at v = -65, u = b v. */
    const double y0[2] = {-65.0, -65.0 * p[IZ_B]};
    for (int k = 0; k < n; k++) {
        p[IZ_I] = current[k];
        sc_ode_desc d = sc_ode_default_desc();
        d.system = SC_SYS_IZHIKEVICH;
        d.params = p;
        d.nparams = IZ_NPARAMS;
        d.y0 = y0;
        d.dim = 2;
        d.t1 = duration;
        d.dt = dt;
        d.method = method;
        sc_ode_result r = {0};
        st = sc_ode_integrate(&d, &r);
        if (st != SC_OK) return st;
        /* Mean inter-spike interval of the spikes after the transient. */
        long count = 0;
        double first = 0.0, last = 0.0;
        for (long e = 0; e < r.events; e++) {
            if (r.event_kind[e] != SC_ODE_EVENT_SPIKE || r.event_t[e] < transient) continue;
            if (!count) first = r.event_t[e];
            last = r.event_t[e];
            count++;
        }
        const int diverged = r.stop != SC_ODE_STOP_END;
        sc_ode_result_free(&r);
        if (diverged) return sc_fail(SC_ERR_RANGE, "dt"); /* blew up: the step is too large */
        rate[k] = count >= 2 && last > first ? 1000.0 * (double)(count - 1) / (last - first) : 0.0;
    }
    if (i_sn) *i_sn = izh_isn(p);
    return SC_OK;
}

int sc_flat_ode_fi_curve(const double *params, int nparams, const double *current, int n, double duration,
                         double transient, double dt, int method, double *out)
{
    if (nparams != IZ_NPARAMS) return sc_fail(SC_ERR_SIZE, "params");
    if (!out) return sc_fail(SC_ERR_NULL, "rate");
    /* out: n rates, then I_SN */
    return sc_ode_fi_curve(params, nparams, current, n, duration, transient, dt, (sc_ode_method)method, out, out + (n > 0 ? n : 0));
}
