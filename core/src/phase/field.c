/* Direction fields: float32 kernels for the polynomial systems (variant
 * list below, SIMD when built), double evaluation for the rest. */
#include <math.h>
#include "phase_internal.h"

#define DECL(n)                                      \
    void n##_scalar(const sc_field_args *, float *); \
    void n##_simd(const sc_field_args *, float *);
DECL(sc_field_linear)
DECL(sc_field_osc)
DECL(sc_field_izh)

#if SC_HAVE_SIMD
#define V(name, sys, fn)                  \
    {                                     \
        name, sys, fn##_scalar, fn##_simd \
    }
#else
#define V(name, sys, fn)             \
    {                                \
        name, sys, fn##_scalar, NULL \
    }
#endif

const sc_field_variant sc_field_variants[] = {
    V("linear2d", SC_SYS_LINEAR2D, sc_field_linear),
    V("oscillator", SC_SYS_OSCILLATOR, sc_field_osc),
    V("izhikevich", SC_SYS_IZHIKEVICH, sc_field_izh),
};
const int sc_field_variant_count = (int)(sizeof sc_field_variants / sizeof sc_field_variants[0]);

static sc_status check_axis(double lo, double hi, int n, const char *name_n, const char *name_range)
{
    if (!isfinite(lo) || !isfinite(hi)) return sc_fail(SC_ERR_NONFINITE, name_range);
    if (!(lo < hi)) return sc_fail(SC_ERR_RANGE, name_range);
    if (n < 2 || n > SC_PHASE_MAX_GRID) return sc_fail(SC_ERR_SIZE, name_n);
    return SC_OK;
}

/* Finite boxes and parameters can still give a non-finite field (a cubic
 * over a 1e30 box, 1/x of a custom system at x = 0): an error, not SC_OK. */
static sc_status check_field(const float *out, int nx, int ny)
{
    return sc_check_output(out, 2 * (size_t)nx * ny, "out");
}

sc_status sc_phase_direction_field(const sc_phase_plane *plane, double xmin, double xmax, int nx,
                                   double ymin, double ymax, int ny, float *out)
{
    sc_plane pl;
    sc_status st = sc_plane_init(plane, &pl);
    if (st != SC_OK) return st;
    if ((st = check_axis(xmin, xmax, nx, "nx", "x")) != SC_OK) return st;
    if ((st = check_axis(ymin, ymax, ny, "ny", "y")) != SC_OK) return st;
    if ((long)nx * ny > SC_PHASE_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "nx * ny");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    const double hx = (xmax - xmin) / (nx - 1), hy = (ymax - ymin) / (ny - 1);
    if (sc_ode_is_custom(pl.system)) {
        float p[SC_ODE_MAX_PARAMS];
        for (int k = 0; k < sc_ode_system(pl.system)->nparams; k++) p[k] = (float)pl.p[k];
        const float x0 = (float)xmin, fhx = (float)hx, y0 = (float)ymin, fhy = (float)hy;
        if (pl.xvar == 0) {
            st = sc_ode_custom_field_f32(pl.system, p, x0, fhx, nx, y0, fhy, ny, out);
            return st != SC_OK ? st : check_field(out, nx, ny);
        }
    }
    /* The float kernels need the standard orientation (x = var 0, y = var 1). */
    if (pl.xvar == 0 && pl.yvar == 1) {
        for (int v = 0; v < sc_field_variant_count; v++) {
            const sc_field_variant *fv = &sc_field_variants[v];
            if (fv->system != pl.system) continue;
            sc_field_args a;
            sc_ode_float_constants(pl.system, pl.p, a.k);
            a.x0 = (float)xmin;
            a.hx = (float)hx;
            a.y0 = (float)ymin;
            a.hy = (float)hy;
            a.nx = nx;
            a.ny = ny;
            (fv->simd ? fv->simd : fv->scalar)(&a, out);
            return check_field(out, nx, ny);
        }
    }
    for (int j = 0; j < ny; j++) {
        const double y = ymin + j * hy;
        for (int i = 0; i < nx; i++) {
            double f[2];
            sc_plane_f(&pl, xmin + i * hx, y, f);
            out[2 * ((size_t)j * nx + i)] = (float)f[0];
            out[2 * ((size_t)j * nx + i) + 1] = (float)f[1];
        }
    }
    return check_field(out, nx, ny);
}
