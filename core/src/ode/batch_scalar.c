/* Scalar references of the batch kernels (compiled without
 * auto-vectorisation). The SIMD kernels in batch_simd.c perform the same
 * float operations in the same order, so results are bit-identical.
 * Constants in bp->p (prepared by batch.c):
 *   linear2d: a, b, c, d;  oscillator: k/m, mu/m;
 *   izhikevich: a, b, c, d, k0 + I, k2, k1, vpeak, b vr, ku. */
#include "ode_internal.h"

#include "simcore/ode_float_rhs.h"

/* v >= vpeak: v = c, u += d (per state, at the end of the step). */
static inline void izh_reset(const float *p, float *v, float *u)
{
    if (*v >= p[7]) {
        *v = p[2];
        *u = *u + p[3];
    }
}

#define EULER_KERNEL(name, F, RESET)                          \
    void name(float *y, int count, const sc_batch_params *bp) \
    {                                                         \
        const float *p = bp->p, h = bp->dt;                   \
        for (int i = 0; i < count; i++) {                     \
            float a = y[2 * i], b = y[2 * i + 1], da, db;     \
            for (int s = 0; s < bp->steps; s++) {             \
                F(p, a, b, &da, &db);                         \
                a = a + h * da;                               \
                b = b + h * db;                               \
                RESET(p, &a, &b);                             \
            }                                                 \
            y[2 * i] = a;                                     \
            y[2 * i + 1] = b;                                 \
        }                                                     \
    }

/* acc = k1 + 2 k2 + 2 k3 + k4 accumulated in this order; y += (dt/6) acc. */
#define RK4_KERNEL(name, F, RESET)                                \
    void name(float *y, int count, const sc_batch_params *bp)     \
    {                                                             \
        const float *p = bp->p, h = bp->dt, hh = 0.5f * bp->dt,   \
                    h6 = bp->dt / 6.0f;                           \
        for (int i = 0; i < count; i++) {                         \
            float a = y[2 * i], b = y[2 * i + 1], ka, kb, sa, sb; \
            for (int s = 0; s < bp->steps; s++) {                 \
                F(p, a, b, &ka, &kb);                             \
                sa = ka;                                          \
                sb = kb;                                          \
                F(p, a + hh * ka, b + hh * kb, &ka, &kb);         \
                sa = sa + 2.0f * ka;                              \
                sb = sb + 2.0f * kb;                              \
                F(p, a + hh * ka, b + hh * kb, &ka, &kb);         \
                sa = sa + 2.0f * ka;                              \
                sb = sb + 2.0f * kb;                              \
                F(p, a + h * ka, b + h * kb, &ka, &kb);           \
                sa = sa + ka;                                     \
                sb = sb + kb;                                     \
                a = a + h6 * sa;                                  \
                b = b + h6 * sb;                                  \
                RESET(p, &a, &b);                                 \
            }                                                     \
            y[2 * i] = a;                                         \
            y[2 * i + 1] = b;                                     \
        }                                                         \
    }

#define NO_RESET(p, a, b) ((void)(p), (void)(a), (void)(b))

EULER_KERNEL(sc_batch_linear_euler_scalar, lin_f, NO_RESET)
RK4_KERNEL(sc_batch_linear_rk4_scalar, lin_f, NO_RESET)
EULER_KERNEL(sc_batch_osc_euler_scalar, osc_f, NO_RESET)
RK4_KERNEL(sc_batch_osc_rk4_scalar, osc_f, NO_RESET)
EULER_KERNEL(sc_batch_izh_euler_scalar, izh_f, izh_reset)
RK4_KERNEL(sc_batch_izh_rk4_scalar, izh_f, izh_reset)
