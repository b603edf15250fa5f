/* Float32 right-hand sides of the ode area shared by the scalar batch and field kernels.
 * (ode_float.h) ode_float_x4.h has the SIMD twins with the same operations in the same
 * order. Constants k as prepared by sc_ode_float_constants:
 *   linear2d: a, b, c, d;  oscillator: k/m, mu/m;
 *   izhikevich: a, b, c, d, k0 + I, k2, k1, vpeak, b vr, ku
 *   (u' = a ((b v - b vr) - ku u): with vr = 0, ku = 1 the same bits as
 *   a (b v - u)). */
#ifndef SIMCORE_ODE_FLOAT_RHS_H
#define SIMCORE_ODE_FLOAT_RHS_H

#include "simcore/ode_float.h"

static inline void lin_f(const float *p, float x, float y, float *dx, float *dy)
{
    *dx = p[0] * x + p[1] * y;
    *dy = p[2] * x + p[3] * y;
}

static inline void osc_f(const float *p, float x, float v, float *dx, float *dv)
{
    *dx = v;
    *dv = -(p[0] * x + p[1] * v);
}

static inline void izh_f(const float *p, float v, float u, float *dv, float *du)
{
    *dv = ((p[5] * v + p[6]) * v + p[4]) - u;
    *du = p[0] * ((p[1] * v - p[8]) - p[9] * u);
}

#endif
