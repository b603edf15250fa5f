/* sc_ode_input_sample (simcore/drive.h): the integrators' input drive
 * (drive.h) evaluated on a caller's time grid, each time on its own piece. */
#include <math.h>
#include "simcore/drive.h"
#include "../base/internal.h"
#include "drive.h"

sc_status sc_ode_input_sample(const double *input_t, const double *input_v, int input_n,
                              const double *times, int count, double *out)
{
    if (input_n < 1 || input_n > SC_ODE_MAX_INPUT) return sc_fail(SC_ERR_SIZE, "input");
    if (!input_t || !input_v) return sc_fail(SC_ERR_NULL, "input");
    for (int i = 0; i < input_n; i++) {
        if (!isfinite(input_t[i]) || !isfinite(input_v[i])) return sc_fail(SC_ERR_NONFINITE, "input");
        if (i && input_t[i] < input_t[i - 1]) return sc_fail(SC_ERR_RANGE, "input");
    }
    if (count < 1 || count > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "times");
    if (!times) return sc_fail(SC_ERR_NULL, "times");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    for (int i = 0; i < count; i++)
        if (!isfinite(times[i])) return sc_fail(SC_ERR_NONFINITE, "times");
    for (int i = 0; i < count; i++) out[i] = sc_ode_drive(input_t, input_v, input_n, times[i], times[i]);
    return SC_OK;
}

int sc_flat_ode_input_sample(const double *input_t, const double *input_v, int input_n,
                             const double *times, int count, double *out)
{
    return sc_ode_input_sample(input_t, input_v, input_n, times, count, out);
}
