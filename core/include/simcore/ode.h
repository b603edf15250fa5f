/* Ordinary differential equations: a table of named systems (neuron models,
 * linear and mechanical systems), fixed-step and adaptive integrators with
 * events and stop rules, and float32 batches for many initial conditions.
 *
 * Time units are those of the model (ms for the neuron models, s for the
 * oscillator); states and parameters are in double. Models, units, defaults
 * and presets: docs/models.md. Methods, events, tolerances: docs/ode.md. */
#ifndef SIMCORE_ODE_H
#define SIMCORE_ODE_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

typedef enum sc_ode_system_id {
    SC_SYS_LINEAR2D = 0,    /* x' = a x + b y, y' = c x + d y            */
    SC_SYS_OSCILLATOR,      /* x' = v, m v' = -k x - mu v                  */
    SC_SYS_IZHIKEVICH,      /* Izhikevich 2003 with reset at v >= vpeak;
                                u' = a (b (v - vr) - ku u), vr = 0, ku = 1
                                by default (R of 2004: vr = -65, ku = 0)   */
    SC_SYS_FITZHUGH_NAGUMO, /* v' = v - v^3/3 - w + I, tau w' = v + a - b w */
    SC_SYS_VAN_DER_POL,     /* x' = y, y' = mu (1 - x^2) y - x             */
    SC_SYS_MORRIS_LECAR,    /* Morris-Lecar 1981 as in Rinzel-Ermentrout   */
    SC_SYS_HODGKIN_HUXLEY,  /* Hodgkin-Huxley 1952, squid axon, 4-D        */
    SC_SYS_HH_RINZEL,       /* Rinzel's 2-D reduction of it (1985): m = m_inf(V),
                               h = hA - hB n                               */
    SC_SYS_COUNT            /* the built-ins; a custom system's id is the
                               handle sc_ode_custom_compile returns        */
} sc_ode_system_id;

/* One system of the table. All strings are static. */
typedef struct sc_ode_system_info {
    const char *name; /* "izhikevich" */
    int dim;          /* state dimension */
    int nparams;
    const char *const *var_names;   /* dim names: "v", "u" */
    const char *const *var_units;   /* dim units: "mV", ... ("" if none) */
    const char *const *param_names; /* nparams names */
    const char *const *param_units; /* nparams units */
    const double *defaults;         /* nparams defaults (docs/models.md) */
    const double *y0;               /* dim: a sensible initial state */
    int input_param;                /* index of the parameter an input protocol
                                       drives (the current I), -1 if none */
    int has_reset;                  /* 1: built-in spike event with reset */
    int has_jacobian;               /* 1: analytic Jacobian */
} sc_ode_system_info;

/* NULL for an unknown id (and a freed custom system). */
SC_API const sc_ode_system_info *sc_ode_system(int id);
/* Id of a system by name, -1 if unknown. */
SC_API int sc_ode_find_system(const char *name);
/* Index of a parameter of a system by name, -1 if unknown. */
SC_API int sc_ode_find_param(int system, const char *name);

/* Right-hand side dy = f(t, y; p) and Jacobian J (dim x dim, row-major,
 * J[i*dim + j] = d f_i / d y_j; finite differences where no analytic form).
 * p: nparams values. Unchecked beyond the system id: for the analysis code. */
SC_API sc_status sc_ode_rhs(int system, const double *p, double t, const double *y, double *dy);
SC_API sc_status sc_ode_jacobian(int system, const double *p, double t, const double *y, double *J);

/* Checks nparams finite values against the system's valid ranges
 * (e.g. m > 0). The failing argument is the parameter's name; a count that
 * is not the system's is SIZE "params". */
SC_API sc_status sc_ode_check_params(int system, const double *p, int nparams);

typedef enum sc_ode_method {
    SC_ODE_RK4 = 0,   /* classic Runge-Kutta, fixed step (default)             */
    SC_ODE_EULER,     /* explicit Euler, fixed step                            */
    SC_ODE_DOPRI5,    /* Dormand-Prince 5(4), adaptive, 4th-order dense output */
    SC_ODE_IZH_EULER, /* izhikevich only, forward only: the scheme of Izhikevich's
                        figure1.m (2004): v += dt f_v; u += dt f_u with the new
                        v; reset at the end of the step if v >= vpeak */
    SC_ODE_METHOD_COUNT
} sc_ode_method;

/* ---- custom systems -----------------------------------------------------
 * x' = dx, y' = dy, two expressions over x, y, t, the named parameters, the
 * constants pi and e, numbers, + - * / ^ (right-assoc.; -x^2 = -(x^2)),
 * parentheses and sin cos tan asin acos atan sinh cosh tanh exp log (= ln)
 * sqrt abs floor ceil (one argument), atan2 min max pow (two). Compiled to a
 * stack program (docs/ode.md "Custom systems") owned by a handle of the
 * core's pool: *system receives its id (never a built-in id), used like any
 * other system until sc_ode_custom_free; several live side by side (at most
 * SC_ODE_MAX_CUSTOM, NOMEM "system"). On error *system is -1.
 * Parameter names: identifiers (<= 31 chars), not reserved words, unique.
 * A syntax error returns SC_ERR_RANGE naming "dx" or "dy"; *error_pos (may
 * be NULL) receives the 0-based character position and *message (may be
 * NULL) a static description of any error ("" on success). */
SC_API sc_status sc_ode_custom_compile(const char *dx, const char *dy, const char *const *param_names,
                                       const double *values, int nparams, int *error_pos, const char **message,
                                       int *system);
/* HANDLE "system" for a built-in, freed or unknown id. */
SC_API sc_status sc_ode_custom_free(int system);

#define SC_ODE_PRESET_INPUT 16 /* breakpoints a preset's protocol can hold */

/* ---- presets ----------------------------------------------------------- */
typedef struct sc_ode_preset {
    const char *name;   /* "RS" */
    const char *label;  /* "regular spiking" */
    const char *source; /* "Izhikevich 2003 Fig. 2" */
    int system;
    double params[SC_ODE_MAX_PARAMS]; /* full parameter vector */
    double y0[SC_ODE_MAX_DIM];
    double t1;            /* suggested duration (model time units) */
    double dt;            /* suggested step */
    sc_ode_method method; /* suggested method (the source's scheme where it matters) */
    int input_n;          /* breakpoints of the input protocol, 0 = constant */
    double input_t[SC_ODE_PRESET_INPUT];
    double input_v[SC_ODE_PRESET_INPUT];
} sc_ode_preset;

SC_API int sc_ode_preset_count(void);
SC_API const sc_ode_preset *sc_ode_preset_get(int index); /* NULL if out of range */

/* ---- integration ------------------------------------------------------- */

typedef enum sc_ode_stop {
    SC_ODE_STOP_END = 0,   /* reached t1                                  */
    SC_ODE_STOP_BOUNDS,    /* left the bounding box (last sample outside) */
    SC_ODE_STOP_NONFINITE, /* a step produced NaN/Inf (not stored)        */
    SC_ODE_STOP_MAXSTEPS,  /* max_steps steps taken before t1             */
    SC_ODE_STOP_STEPSIZE,  /* dopri5: step size underflow (stiff/singular)*/
    SC_ODE_STOP_COUNT
} sc_ode_stop;

typedef enum sc_ode_event_kind {
    SC_ODE_EVENT_SPIKE = 0, /* built-in reset (Izhikevich v >= vpeak)     */
    SC_ODE_EVENT_CROSSING,  /* y[event_var] rose through event_value      */
    SC_ODE_EVENT_COUNT
} sc_ode_event_kind;

/* Numerical options. A zero-initialised desc ({0}) is the documented
 * defaults: rk4, rtol 1e-6, atol 1e-9 for dopri5, max_steps
 * SC_ODE_MAX_STEPS, no bounds, constant input, no crossing event, built-in
 * reset on. The caller sets system, params/nparams, y0/dim, t1 and dt.
 * Every pointer carries its count, and the core checks it: nparams must be
 * the system's parameter count, dim its dimension, nbounds 0 (bounds NULL)
 * or 2*dim (SIZE naming "params", "y0" or "bounds"). */
typedef struct sc_ode_desc {
    int system;
    const double *params; /* nparams values, e.g. from sc_ode_system()->defaults */
    int nparams;
    const double *y0; /* dim values */
    int dim;
    double t0, t1; /* t1 < t0 integrates backward */
    double dt;     /* fixed step (> 0); dopri5: output interval, 0 = every accepted step */
    sc_ode_method method;
    double rtol, atol;     /* dopri5; 0 -> 1e-6, 1e-9 */
    const double *bounds;  /* NULL or 2*dim: lo_0, hi_0, lo_1, hi_1, ... */
    int nbounds;           /* 0 or 2*dim */
    long max_steps;        /* 0 -> SC_ODE_MAX_STEPS */
    int input_n;           /* piecewise-linear protocol for the input parameter */
    const double *input_t; /* input_n nondecreasing times (repeat a time for a step) */
    const double *input_v; /* input_n values */
    int event;             /* 0: no crossing event (the default); 1: report
                              upward crossings of y[event_var] through
                              event_value (event_var in 0..dim-1) */
    int event_var;
    double event_value;
    int no_reset; /* 1: ignore the built-in reset (separatrices) */
} sc_ode_desc;

SC_API sc_ode_desc sc_ode_default_desc(void); /* all zero: the same as {0} */

/* Result arrays are allocated by the core; free with sc_ode_result_free.
 * Samples: t[i], y[i*dim + j]. Fixed-step methods sample every step
 * (t0 + i*dt, the last step shortened to land on t1); dopri5 samples every
 * dt of output time, or every accepted step when dt = 0. An event adds two
 * samples at the event time: the state before and after the reset. */
typedef struct sc_ode_result {
    int dim;
    long samples;
    double *t;
    double *y;
    long events;
    double *event_t;
    int *event_kind; /* sc_ode_event_kind */
    sc_ode_stop stop;
    long steps;       /* steps taken (accepted, for dopri5) */
    long rejected;    /* dopri5 rejected steps */
    long evaluations; /* right-hand side evaluations */
} sc_ode_result;

/* Errors: unknown system/method (OPTION), NULL params/y0 (NULL), non-finite
 * values (NONFINITE, argument named), parameters out of range (RANGE),
 * dt <= 0 for fixed steps, t1 - t0 needing more than SC_ODE_MAX_STEPS steps,
 * max_steps above it (SIZE), bad rtol/atol/bounds/protocol (RANGE). */
SC_API sc_status sc_ode_integrate(const sc_ode_desc *desc, sc_ode_result *out);
SC_API void sc_ode_result_free(sc_ode_result *r);

/* ---- batches (float32) --------------------------------------------------
 * Advances count states y (interleaved: y[i*dim + j]; params: nparams values,
 * the system's count or SIZE "params") in place by `steps`
 * fixed steps of dt with constant parameters. Four lanes per SIMD vector,
 * several vectors in flight. Float kernels: linear2d, oscillator and
 * izhikevich (reset v >= vpeak -> v = c, u += d at the end of the step, per
 * lane), with rk4 or euler. SIMD and scalar builds give the same bits
 * (docs/ode.md). The custom system runs too (its program over blocks of 64
 * lanes; t = s dt). The other 2-D systems (fitzhugh-nagumo, van-der-pol,
 * morris-lecar, hh-rinzel) run through a scalar fallback in double, rounded to float
 * at the end; hodgkin-huxley (4-D) is refused (OPTION "system").
 * dt must lie in (0, SC_ODE_MAX_BATCH_DT] (RANGE "dt", checked before any
 * step). A lane whose state leaves float32 (a fast system, a large state)
 * becomes inf/NaN and stays so while the call returns SC_OK: each lane is
 * independent, and callers (the particle layer) respawn such lanes. */
SC_API sc_status sc_ode_batch(int system, const double *params, int nparams, float *y, int count,
                              double dt, int steps, sc_ode_method method);

/* ---- the Izhikevich f-I curve ------------------------------------------
 * For each current[k] (n of them, 1..SC_ODE_FI_MAX; params: nparams values,
 * SIZE "params" unless the izhikevich count) integrates the
 * izhikevich system (params: its nparams values; params[I] is ignored) from
 * v = -65, u = -65 b (the 2003 paper's code) over [0, duration] ms with a
 * fixed step dt and method rk4, euler or izhikevich-euler, and stores in
 * rate[k] the steady firing rate in Hz: 1000 / (mean inter-spike interval
 * in ms) over the spikes at t >= transient, 0 if fewer than two. *i_sn (may
 * be NULL) receives the saddle-node current (k1 - b/ku)^2 / (4 k2) - k0 -
 * b vr/ku, where the resting state disappears ((5 - b)^2 / 0.16 - 140 for
 * the standard coefficients), NaN when ku = 0 (no saddle-node). Errors: NULL, n out of range (SIZE "I"), non-finite values
 * (NONFINITE), duration <= 0, transient outside [0, duration), dt <= 0, k2
 * <= 0 (RANGE), duration / dt above SC_ODE_MAX_STEPS (SIZE), another method
 * (OPTION), a run that leaves the finite numbers (RANGE "dt"). */
SC_API sc_status sc_ode_fi_curve(const double *params, int nparams, const double *current, int n, double duration,
                                 double transient, double dt, sc_ode_method method, double *rate,
                                 double *i_sn);

/* ---- flat entry points (see flat.h) ------------------------------------
 * Every pointer comes with its count: nparams, dim (of y0), nbounds (0 for
 * NULL, else 2*dim), ninput (0 for NULL, else 2*input_n: input_n times then
 * input_n values); event_var -1 for no event. The trajectory is owned by a
 * handle of the core's pool, written to *result (0 on error); at most
 * SC_ODE_MAX_RESULTS live at a time (NOMEM "result"). sc_flat_ode_result_info
 * fills info[0..6] = samples, events, stop, steps, rejected, evaluations,
 * dim (ninfo must be SC_FLAT_ODE_INFO); sc_flat_ode_result_read copies part
 * 0 t (samples values), 1 y (samples*dim), 2 event times (events), 3 event
 * kinds (events, as doubles) into out, whose length n must be that size
 * (SIZE "out"). A freed or unknown handle is HANDLE "result". */
#define SC_FLAT_ODE_INFO 7
SC_API int sc_flat_ode_integrate(int system, const double *params, int nparams, const double *y0, int dim,
                                 double t0, double t1, double dt, int method, double rtol, double atol,
                                 const double *bounds, int nbounds, double max_steps, const double *input,
                                 int ninput, int event_var, double event_value, uint32_t *result);
SC_API int sc_flat_ode_result_info(uint32_t result, int *info, int ninfo);
SC_API int sc_flat_ode_result_read(uint32_t result, int part, double *out, int n);
SC_API int sc_flat_ode_result_free(uint32_t result);
SC_API int sc_flat_ode_batch(int system, const double *params, int nparams, float *y,
                             int count, double dt, int steps, int method);
/* names: the parameter names separated by single spaces ("" for none);
 * error_pos, message and system as in sc_ode_custom_compile. */
SC_API int sc_flat_ode_custom_compile(const char *dx, const char *dy, const char *names, const double *values,
                                      int nparams, int *error_pos, const char **message, int *system);
SC_API int sc_flat_ode_custom_free(int system);
/* Table access for the binding: strings as pointers, numbers as doubles.
 * The count is of the built-in systems (ids 0 .. count-1). */
SC_API int sc_flat_ode_system_count(void);
SC_API const char *sc_flat_ode_system_name(int id);
SC_API int sc_flat_ode_system_dim(int id);
SC_API int sc_flat_ode_system_nparams(int id);
SC_API const char *sc_flat_ode_param_name(int id, int k);
SC_API const char *sc_flat_ode_param_unit(int id, int k);
SC_API double sc_flat_ode_param_default(int id, int k);
SC_API const char *sc_flat_ode_var_name(int id, int k);
SC_API const char *sc_flat_ode_var_unit(int id, int k);
SC_API double sc_flat_ode_y0(int id, int k);
/* info[0..3] = input_param, has_reset, has_jacobian, (reserved 0) */
SC_API void sc_flat_ode_system_flags(int id, int *info);
SC_API const char *sc_flat_ode_preset_name(int index);
SC_API const char *sc_flat_ode_preset_label(int index);
SC_API const char *sc_flat_ode_preset_source(int index);
/* The preset record: n = SC_FLAT_PRESET_SIZE doubles, each field at its
 * offset (arrays: SC_ODE_MAX_PARAMS, SC_ODE_MAX_DIM, SC_ODE_PRESET_INPUT
 * values). sc_boundary() exports this layout; the binding reads it from
 * there (tests/wasm/boundary.test.mjs compares it with these lines). */
#define SC_FLAT_PRESET_SYSTEM  0
#define SC_FLAT_PRESET_T1      1
#define SC_FLAT_PRESET_DT      2
#define SC_FLAT_PRESET_INPUT_N 3
#define SC_FLAT_PRESET_PARAMS  4
#define SC_FLAT_PRESET_Y0      (SC_FLAT_PRESET_PARAMS + SC_ODE_MAX_PARAMS)
#define SC_FLAT_PRESET_INPUT_T (SC_FLAT_PRESET_Y0 + SC_ODE_MAX_DIM)
#define SC_FLAT_PRESET_INPUT_V (SC_FLAT_PRESET_INPUT_T + SC_ODE_PRESET_INPUT)
#define SC_FLAT_PRESET_METHOD  (SC_FLAT_PRESET_INPUT_V + SC_ODE_PRESET_INPUT)
#define SC_FLAT_PRESET_SIZE    (SC_FLAT_PRESET_METHOD + 1)
/* RANGE "preset" past the last preset (the binding's loop end), SIZE "out"
 * for n != SC_FLAT_PRESET_SIZE. */
SC_API int sc_flat_ode_preset_data(int index, double *out, int n);

/* out: n rates, then I_SN (n + 1 values). */
SC_API int sc_flat_ode_fi_curve(const double *params, int nparams, const double *current, int n, double duration,
                                double transient, double dt, int method, double *out);

#endif
