/* Batch dispatcher and the one list of batch kernel variants. */
#include <math.h>
#include <string.h>
#include "ode_internal.h"
#include "custom.h"

#define DECL(n)                                             \
    void n##_scalar(float *, int, const sc_batch_params *); \
    void n##_simd(float *, int, const sc_batch_params *);
DECL(sc_batch_linear_euler)
DECL(sc_batch_linear_rk4)
DECL(sc_batch_osc_euler)
DECL(sc_batch_osc_rk4)
DECL(sc_batch_izh_euler)
DECL(sc_batch_izh_rk4)

#if SC_HAVE_SIMD
#define V(name, sys, method, fn)                  \
    {                                             \
        name, sys, method, fn##_scalar, fn##_simd \
    }
#else
#define V(name, sys, method, fn)             \
    {                                        \
        name, sys, method, fn##_scalar, NULL \
    }
#endif

const sc_batch_variant sc_batch_variants[] = {
    V("linear2d/euler", SC_SYS_LINEAR2D, SC_ODE_EULER, sc_batch_linear_euler),
    V("linear2d/rk4", SC_SYS_LINEAR2D, SC_ODE_RK4, sc_batch_linear_rk4),
    V("oscillator/euler", SC_SYS_OSCILLATOR, SC_ODE_EULER, sc_batch_osc_euler),
    V("oscillator/rk4", SC_SYS_OSCILLATOR, SC_ODE_RK4, sc_batch_osc_rk4),
    V("izhikevich/euler", SC_SYS_IZHIKEVICH, SC_ODE_EULER, sc_batch_izh_euler),
    V("izhikevich/rk4", SC_SYS_IZHIKEVICH, SC_ODE_RK4, sc_batch_izh_rk4),
};
const int sc_batch_variant_count = (int)(sizeof sc_batch_variants / sizeof sc_batch_variants[0]);

const sc_batch_variant *sc_batch_find(int system, sc_ode_method method)
{
    for (int i = 0; i < sc_batch_variant_count; i++)
        if (sc_batch_variants[i].system == system && sc_batch_variants[i].method == method)
            return &sc_batch_variants[i];
    return NULL;
}

/* Float constants of the kernels (see batch_scalar.c), derived in double. */
void sc_ode_float_constants(int system, const double *p, float *out)
{
    memset(out, 0, SC_ODE_MAX_PARAMS * sizeof *out);
    if (system == SC_SYS_LINEAR2D) {
        for (int k = 0; k < 4; k++) out[k] = (float)p[k];
    } else if (system == SC_SYS_OSCILLATOR) {
        out[0] = (float)(p[1] / p[0]);
        out[1] = (float)(p[2] / p[0]);
    } else {
        out[0] = (float)p[IZ_A];
        out[1] = (float)p[IZ_B];
        out[2] = (float)p[IZ_C];
        out[3] = (float)p[IZ_D];
        out[4] = (float)(p[IZ_K0] + p[IZ_I]);
        out[5] = (float)p[IZ_K2];
        out[6] = (float)p[IZ_K1];
        out[7] = (float)p[IZ_VPEAK];
        out[8] = (float)(p[IZ_B] * p[IZ_VR]);
        out[9] = (float)p[IZ_KU];
    }
}

/* Systems without a float kernel (fitzhugh-nagumo, van-der-pol,
 * morris-lecar): each state stepped in double with the model's own
 * right-hand side and integrate.c's Euler / RK4 formulas, rounded to float
 * once at the end, so a state ends where sc_ode_integrate's fixed-step run
 * does (when every step is exactly dt). Scalar only: the particle layer's
 * few thousand states per frame, not a bulk kernel. */
static void batch_double(const sc_ode_model *m, const double *p, float *y, int count, double h, int steps, int rk4)
{
    for (int i = 0; i < count; i++) {
        double s[2] = {y[2 * i], y[2 * i + 1]}, k1[2], k2[2], k3[2], k4[2], yt[2];
        for (int n = 0; n < steps; n++) {
            const double t = n * h; /* the systems here do not read t */
            sc_model_rhs(m, t, s, p, k1);
            if (!rk4) {
                for (int j = 0; j < 2; j++) s[j] = s[j] + h * k1[j];
                continue;
            }
            for (int j = 0; j < 2; j++) yt[j] = s[j] + 0.5 * h * k1[j];
            sc_model_rhs(m, t + 0.5 * h, yt, p, k2);
            for (int j = 0; j < 2; j++) yt[j] = s[j] + 0.5 * h * k2[j];
            sc_model_rhs(m, t + 0.5 * h, yt, p, k3);
            for (int j = 0; j < 2; j++) yt[j] = s[j] + h * k3[j];
            sc_model_rhs(m, t + h, yt, p, k4);
            for (int j = 0; j < 2; j++) s[j] = s[j] + (h / 6.0) * (k1[j] + 2.0 * (k2[j] + k3[j]) + k4[j]);
        }
        y[2 * i] = (float)s[0];
        y[2 * i + 1] = (float)s[1];
    }
}

sc_status sc_ode_batch(int system, const double *params, int nparams, float *y, int count, double dt, int steps,
                       sc_ode_method method)
{
    const sc_status ps = sc_ode_check_params(system, params, nparams);
    if (ps != SC_OK) return ps;
    if ((unsigned)method >= SC_ODE_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    const sc_batch_variant *v = sc_batch_find(system, method);
    if (method == SC_ODE_DOPRI5) return sc_fail(SC_ERR_OPTION, "method");
    const sc_ode_model *m = sc_ode_model_of(system);
    const sc_expr *custom = sc_custom_expr(system);
    const int fallback = !v && !custom && m->info.dim == 2 && !m->reset;
    if (!v && !custom && !fallback) return sc_fail(SC_ERR_OPTION, "system");
    if (!y) return sc_fail(SC_ERR_NULL, "y0s");
    if (count < 0 || count > SC_ODE_MAX_BATCH) return sc_fail(SC_ERR_SIZE, "count");
    if (steps < 0 || steps > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "steps");
    if (!isfinite(dt)) return sc_fail(SC_ERR_NONFINITE, "dt");
    if (!(dt > 0.0 && dt <= SC_ODE_MAX_BATCH_DT)) return sc_fail(SC_ERR_RANGE, "dt");
    /* work = count * steps must stay interactive-sized: 2^31 state-steps. */
    if ((double)count * (double)steps > 2147483648.0) return sc_fail(SC_ERR_SIZE, "count * steps");
    if (!sc_all_finite(y, (size_t)count * 2)) return sc_fail(SC_ERR_NONFINITE, "y0s");
    if (count == 0 || steps == 0) return SC_OK;
    if (custom) {
        float p[SC_ODE_MAX_PARAMS];
        for (int k = 0; k < sc_ode_system(system)->nparams; k++) p[k] = (float)params[k];
#if SC_HAVE_SIMD
        sc_custom_batch(sc_expr_block_simd, custom, p, y, count, (float)dt, steps, method == SC_ODE_RK4);
#else
        sc_custom_batch(sc_expr_block_scalar, custom, p, y, count, (float)dt, steps, method == SC_ODE_RK4);
#endif
        return SC_OK;
    }
    if (fallback) {
        batch_double(m, params, y, count, dt, steps, method == SC_ODE_RK4);
        return SC_OK;
    }
    sc_batch_params bp;
    sc_ode_float_constants(system, params, bp.p);
    bp.dt = (float)dt;
    bp.steps = steps;
    (v->simd ? v->simd : v->scalar)(y, count, &bp);
    return SC_OK;
}
