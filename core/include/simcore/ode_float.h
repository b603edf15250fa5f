/* The float32 side of the ode area, shared with the phase area (its
 * direction fields): a small documented interface instead of an include of
 * ode's internals. Not for foreign callers (no flat twin, no stability
 * promise beyond the core itself).
 *
 * The float right-hand sides themselves: ode_float_rhs.h (scalar) and
 * ode_float_x4.h (SIMD twins). */
#ifndef SIMCORE_ODE_FLOAT_H
#define SIMCORE_ODE_FLOAT_H

#include "simcore/status.h"

#define SC_ODE_FLOAT_CONSTANTS 10 /* length of the k array below */

/* The kernels' float constants k[SC_ODE_FLOAT_CONSTANTS] for a system,
 * from its double parameters (unchecked: pass checked parameters). */
void sc_ode_float_constants(int system, const double *p, float *out);

/* 1 if system is a live custom system (sc_ode_custom_compile), else 0. */
int sc_ode_is_custom(int system);

/* The custom system's direction field in float32 over blocks of points
 * (SIMD when built), the same bits as the scalar block evaluator: out[2 (j
 * nx + i) + {0, 1}] at x0 + i hx, y0 + j hy. p: the nparams parameters as
 * float. OPTION "system" unless system is the compiled custom system. */
sc_status sc_ode_custom_field_f32(int system, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
                                  float *out);

#endif
