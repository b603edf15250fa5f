/* Batch integrator kernels, each on its own against an independent
 * reference: every (system, method) kernel of sc_batch_variants, the scalar
 * one included, against the double-precision integrator (sc_ode_integrate,
 * same method and step). test_ode.c compares the SIMD kernels with the scalar
 * ones bit for bit; in the scalar-only build that leaves the scalar kernels
 * with nothing independent to meet, which this test supplies. */
#include <string.h>
#include "check.h"
#include "ode_check.h"
#include "simcore/ode.h"
#include "ode/ode_internal.h"

enum { COUNT = 5,
       STEPS = 200 };

/* Subthreshold Izhikevich (I = 0, starts below the rest point's basin edge):
 * no reset fires, so float and double follow the same smooth path. */
static void izhikevich_params(double *p)
{
    const sc_ode_system_info *s = sc_ode_system(SC_SYS_IZHIKEVICH);
    memcpy(p, s->defaults, sizeof(double) * (size_t)s->nparams);
    p[s->input_param] = 0.0;
}

static void test_variant_list(void)
{
    /* Three systems x two methods, each with a SIMD kernel exactly when built. */
    CHECK(sc_batch_variant_count == 6, "%d batch variants", sc_batch_variant_count);
    for (int v = 0; v < sc_batch_variant_count; v++)
        CHECK((sc_batch_variants[v].simd != NULL) == SC_HAVE_SIMD, "%s: simd kernel %s", sc_batch_variants[v].name,
              sc_batch_variants[v].simd ? "present" : "missing");
}

static void test_against_double(void)
{
    uint32_t seed = 2024;
    for (int v = 0; v < sc_batch_variant_count; v++) {
        const sc_batch_variant *bv = &sc_batch_variants[v];
        const sc_ode_system_info *sys = sc_ode_system(bv->system);
        double p[16];
        if (bv->system == SC_SYS_IZHIKEVICH)
            izhikevich_params(p);
        else
            memcpy(p, sys->defaults, sizeof(double) * (size_t)sys->nparams);
        const double dt = bv->system == SC_SYS_IZHIKEVICH ? 0.1 : 0.01;
        float y0[2 * COUNT];
        for (int i = 0; i < COUNT; i++) {
            if (bv->system == SC_SYS_IZHIKEVICH) {
                y0[2 * i] = -75.0f + 10.0f * check_rand_f(&seed); /* -85 .. -65 mV */
                y0[2 * i + 1] = -14.0f + 2.0f * check_rand_f(&seed);
            } else {
                y0[2 * i] = 2.0f * check_rand_f(&seed);
                y0[2 * i + 1] = 2.0f * check_rand_f(&seed);
            }
        }
        sc_batch_params bp;
        memset(&bp, 0, sizeof bp);
        sc_ode_float_constants(bv->system, p, bp.p);
        bp.dt = (float)dt;
        bp.steps = STEPS;
        for (int k = 0; k < 2; k++) {
            sc_batch_fn fn = k ? bv->simd : bv->scalar;
            if (!fn) continue;
            float y[2 * COUNT];
            memcpy(y, y0, sizeof y);
            fn(y, COUNT, &bp);
            for (int i = 0; i < COUNT; i++) {
                sc_ode_desc d = sc_ode_default_desc();
                const double start[2] = {y0[2 * i], y0[2 * i + 1]};
                d.system = bv->system;
                d.params = p;
                d.y0 = start;
                d.t0 = 0.0;
                d.t1 = STEPS * (double)bp.dt;
                d.dt = bp.dt;
                d.method = bv->method;
                sc_ode_result r;
                const sc_status st = sc_ode_integrate(counted(&d), &r);
                CHECK(st == SC_OK, "%s: double integrator status %d", bv->name, st);
                if (st != SC_OK) continue;
                CHECK(r.steps == STEPS, "%s: double integrator took %ld steps", bv->name, r.steps);
                const double *end = r.y + (size_t)(r.samples - 1) * (size_t)r.dim;
                /* float32 stages over 200 steps: a few hundred ulp of the state. */
                for (int c = 0; c < 2; c++)
                    CHECK(fabs(y[2 * i + c] - end[c]) <= 1e-4 * (1.0 + fabs(end[c])),
                          "%s %s state %d var %d: %.9g vs double %.9g", bv->name, k ? "simd" : "scalar", i, c,
                          y[2 * i + c], end[c]);
                CHECK(r.events == 0 || bv->system != SC_SYS_IZHIKEVICH, "%s: a spike fired in the subthreshold case",
                      bv->name);
                sc_ode_result_free(&r);
            }
        }
    }
}

int main(void)
{
    CHECK_RUN(test_variant_list());
    CHECK_RUN(test_against_double());
    return check_summary("test_batch");
}
