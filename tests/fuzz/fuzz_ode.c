/* Fuzz target: ODE integrators, events, input protocols, stop rules and
 * float32 batches (ode.h) on every built-in system with hostile parameters,
 * steps and tolerances. Invariants: on SC_OK there is at least one sample,
 * times are finite and move monotonically from t0 towards t1, stored states
 * are finite (a non-finite step stops the run, not stored), event times lie
 * within the run; the batch SIMD and scalar variants agree bit for bit, a
 * batch dt above SC_ODE_MAX_BATCH_DT is refused and a refused batch leaves
 * its states. Counts: a desc whose nparams, dim or nbounds is not the
 * system's is refused (SIZE); an event fires only with event = 1. The flat
 * entry point's result handle reads back exactly its sizes, matches the
 * struct call and is freed once (a second free is HANDLE).
 * max_steps is capped so every input stays fast. */
#include "fuzz_input.h"
#include "simcore/ode.h"
#include "ode/ode_internal.h"

static void check_result(const sc_ode_desc *d, const sc_ode_result *r, int dim)
{
    FUZZ_CHECK(r->dim == dim && r->samples >= 1, "dim %d samples %ld", r->dim, r->samples);
    FUZZ_CHECK(r->stop >= 0 && r->stop < SC_ODE_STOP_COUNT, "stop %d", r->stop);
    const double dir = d->t1 >= d->t0 ? 1.0 : -1.0;
    FUZZ_CHECK(r->t[0] == d->t0, "first sample at %g, not t0 %g", r->t[0], d->t0);
    for (long i = 0; i < r->samples; i++) {
        FUZZ_CHECK(isfinite(r->t[i]), "t[%ld] = %g", i, r->t[i]);
        if (i) FUZZ_CHECK((r->t[i] - r->t[i - 1]) * dir >= 0.0, "time goes back at %ld", i);
        FUZZ_CHECK((r->t[i] - d->t1) * dir <= 1e-9 * (1.0 + fabs(d->t1)), "t[%ld] = %g beyond t1 %g", i, r->t[i], d->t1);
    }
    if (r->stop != SC_ODE_STOP_BOUNDS)
        FUZZ_CHECK(fuzz_all_finite_d(r->y, (size_t)r->samples * dim), "non-finite state stored (stop %d)", r->stop);
    for (long e = 0; e < r->events; e++)
        FUZZ_CHECK((r->event_t[e] - d->t0) * dir >= 0.0 && (r->event_t[e] - d->t1) * dir <= 1e-9 * (1.0 + fabs(d->t1)),
                   "event %ld at %g", e, r->event_t[e]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = fuzz_begin(data, size);
    const int system = fuzz_int(&in, -1, SC_SYS_COUNT);
    const sc_ode_system_info *info = sc_ode_system(system);
    double params[SC_ODE_MAX_PARAMS], y0[SC_ODE_MAX_DIM], bounds[2 * SC_ODE_MAX_DIM], it[8], iv[8];
    const int dim = info ? info->dim : 2;
    for (int k = 0; k < SC_ODE_MAX_PARAMS; k++) {
        const double base = info && k < info->nparams ? info->defaults[k] : 0.0;
        params[k] = fuzz_bool(&in) ? base : base * fuzz_double(&in, 0.0, 2.0);
    }
    for (int k = 0; k < SC_ODE_MAX_DIM; k++)
        y0[k] = (info ? info->y0[k < dim ? k : 0] : 0.0) + fuzz_double(&in, -1.0, 1.0);
    for (int k = 0; k < dim; k++) {
        bounds[2 * k] = y0[k] - fuzz_double(&in, 0.0, 200.0);
        bounds[2 * k + 1] = y0[k] + fuzz_double(&in, 0.0, 200.0);
    }
    const int input_n = fuzz_size(&in, 0, 8);
    for (int k = 0; k < 8; k++) it[k] = k * fuzz_double(&in, 0.0, 10.0), iv[k] = fuzz_double(&in, -10.0, 20.0);

    sc_ode_desc d = sc_ode_default_desc();
    d.system = system;
    d.params = fuzz_u8(&in) == 0xff ? NULL : params;
    d.nparams = fuzz_u8(&in) == 0xfe ? fuzz_int(&in, -1, SC_ODE_MAX_PARAMS + 1) : info ? info->nparams
                                                                                       : 0;
    d.y0 = y0;
    d.dim = fuzz_u8(&in) == 0xfe ? fuzz_int(&in, -1, SC_ODE_MAX_DIM + 1) : dim;
    d.t0 = fuzz_double(&in, -10.0, 10.0);
    d.t1 = d.t0 + fuzz_double(&in, -50.0, 100.0);
    d.dt = fuzz_double(&in, 0.0, 1.0);
    d.method = (sc_ode_method)fuzz_int(&in, -1, SC_ODE_METHOD_COUNT);
    d.rtol = fuzz_bool(&in) ? 0.0 : fuzz_double(&in, 0.0, 1e-2);
    d.atol = fuzz_bool(&in) ? 0.0 : fuzz_double(&in, 0.0, 1e-2);
    d.bounds = fuzz_bool(&in) ? bounds : NULL;
    d.nbounds = fuzz_u8(&in) == 0xfe ? fuzz_int(&in, -1, 9) : d.bounds ? 2 * dim
                                                                       : 0;
    d.max_steps = fuzz_bool(&in) ? fuzz_size(&in, 1, 5000) : 5000;
    d.input_n = input_n;
    d.input_t = fuzz_bool(&in) ? it : NULL;
    d.input_v = iv;
    d.event = fuzz_int(&in, -1, 2);
    d.event_var = fuzz_int(&in, -2, SC_ODE_MAX_DIM);
    d.event_value = fuzz_double(&in, -80.0, 40.0);
    d.no_reset = fuzz_bool(&in);
    /* Hostile max_steps: only the rejection paths. 0 (the default, 2e6 steps)
     * and other large valid values would make an input take a second. */
    if (d.max_steps >= 0 && (d.max_steps == 0 || d.max_steps > 5000) && d.max_steps <= SC_ODE_MAX_STEPS)
        d.max_steps = 5000;

    sc_ode_result r;
    memset(&r, 0xa5, sizeof r);
    if (sc_ode_integrate(&d, &r) == SC_OK) {
        FUZZ_CHECK(info != NULL, "unknown system %d accepted", system);
        FUZZ_CHECK(d.nparams == info->nparams && d.dim == dim && d.nbounds == (d.bounds ? 2 * dim : 0),
                   "wrong counts accepted: %d %d %d", d.nparams, d.dim, d.nbounds);
        FUZZ_CHECK(d.event == 1 || r.events == 0 || info->has_reset, "event fired without event = 1");
        check_result(&d, &r, dim);
        /* the flat twin: same run, a handle that reads back exactly its sizes */
        double input[16];
        for (int k = 0; k < d.input_n; k++) input[k] = d.input_t[k], input[d.input_n + k] = d.input_v[k];
        uint32_t h = 0;
        const int fs = sc_flat_ode_integrate(system, d.params, d.nparams, y0, dim, d.t0, d.t1, d.dt, d.method, d.rtol,
                                             d.atol, d.bounds, d.nbounds, (double)d.max_steps, input, 2 * d.input_n,
                                             d.event ? d.event_var : -1, d.event_value, &h);
        if (!d.no_reset) FUZZ_CHECK(fs == SC_OK, "flat twin refused (status %d, %s)", fs, sc_last_error_arg());
        if (!d.no_reset && fs == SC_OK) {
            int i[SC_FLAT_ODE_INFO];
            FUZZ_CHECK(sc_flat_ode_result_info(h, i, SC_FLAT_ODE_INFO) == SC_OK && i[0] == r.samples &&
                           i[1] == r.events && i[6] == dim,
                       "flat info differs");
            double t[8];
            const int n = i[0] < 8 ? i[0] : 8;
            FUZZ_CHECK(sc_flat_ode_result_read(h, 0, t, i[0] + 1) == SC_ERR_SIZE, "oversized read accepted");
            if (i[0] <= 8) {
                FUZZ_CHECK(sc_flat_ode_result_read(h, 0, t, i[0]) == SC_OK, "t read");
                for (int k = 0; k < n; k++) FUZZ_CHECK(t[k] == r.t[k], "flat t[%d] differs", k);
            }
            FUZZ_CHECK(sc_flat_ode_result_free(h) == SC_OK && sc_flat_ode_result_free(h) == SC_ERR_HANDLE, "free once");
        } else if (fs == SC_OK) {
            sc_flat_ode_result_free(h);
        }
        sc_ode_result_free(&r);
    }
    double rec[SC_FLAT_PRESET_SIZE + 1];
    const int pi = fuzz_int(&in, -1, sc_ode_preset_count() + 1), pn = fuzz_int(&in, SC_FLAT_PRESET_SIZE - 1, SC_FLAT_PRESET_SIZE + 1);
    if (sc_flat_ode_preset_data(pi, rec, pn) == SC_OK)
        FUZZ_CHECK(pn == SC_FLAT_PRESET_SIZE && rec[SC_FLAT_PRESET_SYSTEM] == sc_ode_preset_get(pi)->system, "preset record");

    /* Batches: every supported (system, method) has a scalar and a SIMD
     * kernel that must agree bit for bit; then the public call. */
    enum { COUNT = 37 };
    float y[2 * COUNT], ys[2 * COUNT];
    for (int k = 0; k < 2 * COUNT; k++) y[k] = (float)(y0[k & 1] + fuzz_double(&in, -5.0, 5.0));
    const double bdt = fuzz_double(&in, 0.0, 0.5);
    const int steps = fuzz_size(&in, 0, 50);
    const int bmethod = fuzz_int(&in, -1, 2);
    memcpy(ys, y, sizeof y);
    const sc_status bs = sc_ode_batch(system, d.params, d.nparams, y, fuzz_u8(&in) == 0xff ? -3 : COUNT, bdt,
                                      steps > 1000 ? 1000 : steps, (sc_ode_method)bmethod);
    /* dt is bounded before any step; a refused call leaves the states. Lanes
     * of an accepted call may still leave float32 (documented in ode.h). */
    FUZZ_CHECK(bs != SC_OK || bdt <= SC_ODE_MAX_BATCH_DT, "batch accepted dt = %g", bdt);
    FUZZ_CHECK(bs == SC_OK || memcmp(y, ys, sizeof y) == 0, "refused batch (status %d) changed the states", bs);
    if (bs == SC_OK && info && fuzz_all_finite_d(params, (size_t)info->nparams)) {
#if SC_HAVE_SIMD
        const sc_batch_variant *v = sc_batch_find(system, (sc_ode_method)bmethod);
        if (v && v->simd) {
            float a[2 * COUNT], b[2 * COUNT];
            sc_batch_params bp;
            memset(&bp, 0, sizeof bp);
            bp.dt = (float)bdt;
            bp.steps = steps > 1000 ? 1000 : steps;
            sc_ode_float_constants(system, params, bp.p);
            memcpy(a, ys, sizeof a);
            memcpy(b, ys, sizeof b);
            v->scalar(a, COUNT, &bp);
            v->simd(b, COUNT, &bp);
            /* Same bits, except that NaN sign and payload are not portable
             * (x86 makes -nan for inf - inf in SSE, +nan elsewhere). */
            for (int k = 0; k < 2 * COUNT; k++)
                FUZZ_CHECK(memcmp(&a[k], &b[k], sizeof a[k]) == 0 || (isnan(a[k]) && isnan(b[k])),
                           "batch %s: scalar %a and SIMD %a differ at %d", v->name, a[k], b[k], k);
        }
#endif
    }
    return 0;
}
