/* sc_ode_hh_gates (simcore/hh_gates.h): x_inf and tau_x of the
 * Hodgkin-Huxley gates from the same rate functions the system integrates. */
#include <math.h>
#include "simcore/hh_gates.h"
#include "ode_internal.h"

sc_status sc_ode_hh_gates(const double *V, int count, double *out, int nout)
{
    if (count < 1 || count > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "V");
    if (!V) return sc_fail(SC_ERR_NULL, "V");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (nout != 6 * count) return sc_fail(SC_ERR_SIZE, "out");
    for (int i = 0; i < count; i++)
        if (!isfinite(V[i])) return sc_fail(SC_ERR_NONFINITE, "V");
    for (int i = 0; i < count; i++) {
        double r[6];
        sc_hh_rates(V[i], r);
        for (int g = 0; g < 3; g++) {
            const double a = r[2 * g], b = r[2 * g + 1], s = a + b;
            /* far out, exp overflows (s = inf) or both rates vanish (s = 0) */
            if (!(s > 0.0) || !isfinite(s) || !isfinite(a)) return sc_fail(SC_ERR_RANGE, "V");
            out[6 * i + g] = a / s;
            out[6 * i + 3 + g] = 1.0 / s;
        }
    }
    return SC_OK;
}

int sc_flat_ode_hh_gates(const double *V, int count, double *out, int nout)
{
    return sc_ode_hh_gates(V, count, out, nout);
}
