/* Internals of the phase-plane code. Not part of the public API. */
#ifndef SIMCORE_PHASE_INTERNAL_H
#define SIMCORE_PHASE_INTERNAL_H

#include "simcore/phase.h"
#include "simcore/ode.h"
#include "simcore/ode_float.h"
#include "../base/internal.h"

/* A checked plane: full state with the fixed values, the parameters. */
typedef struct sc_plane {
    int system, dim, xvar, yvar;
    double p[SC_ODE_MAX_PARAMS];
    double y[SC_ODE_MAX_DIM];
} sc_plane;

/* Checks the plane (system, params, variables, fixed) and fills pl. */
sc_status sc_plane_init(const sc_phase_plane *plane, sc_plane *pl);
/* The plane's two components of f at (x, y). */
void sc_plane_f(const sc_plane *pl, double x, double y, double f[2]);
/* The plane's 2x2 block of the Jacobian at (x, y), row-major. */
void sc_plane_jac(const sc_plane *pl, double x, double y, double J[4]);

/* ---- direction-field kernels (float32) ----------------------------------
 * out[2 (j nx + i)] for i < nx, j in [j0, j1); x_i = x0 + (float)i * hx,
 * y_j = y0 + (float)j * hy, all in float. Constants in k as the batch
 * kernels (batch_scalar.c). Scalar and SIMD give identical bits. */
typedef struct sc_field_args {
    float k[SC_ODE_MAX_PARAMS];
    float x0, hx, y0, hy;
    int nx, ny;
} sc_field_args;

typedef void (*sc_field_fn)(const sc_field_args *a, float *out);

typedef struct sc_field_variant {
    const char *name;
    int system;
    sc_field_fn scalar;
    sc_field_fn simd; /* NULL in scalar-only builds */
} sc_field_variant;

extern const sc_field_variant sc_field_variants[];
extern const int sc_field_variant_count;

#endif
