/* Scalar references of the direction-field kernels (no auto-vectorisation);
 * field_simd.c computes the same bits four points at a time. */
#include "phase_internal.h"
#include "simcore/ode_float_rhs.h"

#define FIELD_KERNEL(name, F)                               \
    void name(const sc_field_args *a, float *out)           \
    {                                                       \
        for (int j = 0; j < a->ny; j++) {                   \
            const float y = a->y0 + (float)j * a->hy;       \
            float *o = out + 2 * (size_t)j * (size_t)a->nx; \
            for (int i = 0; i < a->nx; i++) {               \
                const float x = a->x0 + (float)i * a->hx;   \
                F(a->k, x, y, &o[2 * i], &o[2 * i + 1]);    \
            }                                               \
        }                                                   \
    }

FIELD_KERNEL(sc_field_linear_scalar, lin_f)
FIELD_KERNEL(sc_field_osc_scalar, osc_f)
FIELD_KERNEL(sc_field_izh_scalar, izh_f)
