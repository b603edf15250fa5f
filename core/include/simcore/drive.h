/* An ODE input protocol (sc_ode_desc's input_t / input_v, ode.h) sampled on
 * a time grid: the same function the integrators apply, for pages that
 * draw I(t) or need one value of it (drive_flat.c). */
#ifndef SIMCORE_DRIVE_H
#define SIMCORE_DRIVE_H

#include "simcore/status.h"
#include "simcore/limits.h"

/* out[i] = I(times[i]) for the piecewise-linear protocol of input_n
 * (1..SC_ODE_MAX_INPUT) nondecreasing finite times input_t and finite
 * values input_v: constant outside [t_0, t_last], linear between
 * breakpoints, the later value at a repeated time (a step). count is
 * 1..SC_ODE_MAX_STEPS; times must be finite (any order). */
SC_API sc_status sc_ode_input_sample(const double *input_t, const double *input_v, int input_n,
                                     const double *times, int count, double *out);

/* Flat twin (same arguments; the binding calls this one). */
SC_API int sc_flat_ode_input_sample(const double *input_t, const double *input_v, int input_n,
                                    const double *times, int count, double *out);

#endif
