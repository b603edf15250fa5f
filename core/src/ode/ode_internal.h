/* Internals of the ODE engine shared by the integrators, the batch kernels,
 * the phase-plane code and the native tests. Not part of the public API. */
#ifndef SIMCORE_ODE_INTERNAL_H
#define SIMCORE_ODE_INTERNAL_H

#include "simcore/ode.h"
#include "simcore/ode_float.h"
#include "../base/internal.h"

/* dy = f(t, y; p). p already holds the input's value at t; only the
 * custom system reads t. */
typedef void (*sc_rhs_fn)(double t, const double *y, const double *p, double *dy);
typedef void (*sc_jac_fn)(const double *y, const double *p, double *J);

typedef struct sc_ode_model {
    sc_ode_system_info info;
    sc_rhs_fn rhs; /* NULL for a custom system: rhs_ctx(ctx, ...) instead */
    sc_jac_fn jac; /* NULL: central differences (sc_ode_jacobian) */
    /* Parameter constraints beyond finiteness: index of the first bad
     * parameter, or -1. NULL: any finite values. */
    int (*check)(const double *p);
    /* Built-in spike: when y[reset_var] >= p[reset_at], reset(y, p). */
    int reset_var, reset_at;
    void (*reset)(double *y, const double *p);
    /* A custom system's rhs with its compiled program (custom.c). */
    void (*rhs_ctx)(const void *ctx, double t, const double *y, const double *p, double *dy);
    const void *ctx;
} sc_ode_model;

/* f(t, y; p) of any model, built-in or custom. */
static inline void sc_model_rhs(const sc_ode_model *m, double t, const double *y, const double *p, double *dy)
{
    if (m->rhs_ctx)
        m->rhs_ctx(m->ctx, t, y, p, dy);
    else
        m->rhs(t, y, p, dy);
}

/* The built-in systems (ids 0 .. SC_SYS_COUNT-1). */
extern const sc_ode_model sc_ode_models[SC_SYS_COUNT];
/* Model of any id: built-in, or the compiled custom system; NULL if none. */
const sc_ode_model *sc_ode_model_of(int id);
/* A live custom system's model (custom.c), NULL for any other id. */
const sc_ode_model *sc_ode_custom_model(int system);

/* The Hodgkin-Huxley rate functions at V (mV, modern convention, rest near
 * -65 mV; 1/ms): r = alpha_m, beta_m, alpha_h, beta_h, alpha_n, beta_n
 * (systems.c; the gates' x_inf and tau_x in hh_gates.c). */
void sc_hh_rates(double V, double r[6]);

/* Izhikevich parameter indices (also used by the batch kernels). VR and KU
 * generalise u' = a (b v - u) to u' = a (b (v - vr) - ku u): vr = 0, ku = 1
 * is the 2003 model; vr = -65, ku = 0 the 2004 accommodation panel (R). */
enum { IZ_A,
       IZ_B,
       IZ_C,
       IZ_D,
       IZ_I,
       IZ_K2,
       IZ_K1,
       IZ_K0,
       IZ_VPEAK,
       IZ_VR,
       IZ_KU,
       IZ_NPARAMS };

/* u' of the Izhikevich system, in double (rhs and figure1.m's scheme). */
static inline double sc_izh_du(const double *p, double v, double u)
{
    return p[IZ_A] * (p[IZ_B] * (v - p[IZ_VR]) - p[IZ_KU] * u);
}

/* ---- batches: float32, state interleaved y[i*dim + j] -------------------
 * A batch kernel advances count states by steps fixed steps. The scalar
 * reference and the SIMD kernel perform the same float operations in the
 * same order (no FMA in SIMD128), so their results are bit-identical. */
typedef struct sc_batch_params {
    float p[SC_ODE_MAX_PARAMS];
    float dt;
    int steps;
} sc_batch_params;

typedef void (*sc_batch_fn)(float *y, int count, const sc_batch_params *bp);

typedef struct sc_batch_variant {
    const char *name;
    int system;
    sc_ode_method method;
    sc_batch_fn scalar;
    sc_batch_fn simd; /* NULL in scalar-only builds */
} sc_batch_variant;

/* Every (system, method) pair the batch supports; tests iterate it. */
extern const sc_batch_variant sc_batch_variants[];
extern const int sc_batch_variant_count;
const sc_batch_variant *sc_batch_find(int system, sc_ode_method method);

#endif
