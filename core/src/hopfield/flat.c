/* Flat (scalar-argument) Hopfield entry points for foreign callers: handles
 * as their 32-bit id, enums as ints, the temperature as a double (checked
 * for finiteness before it narrows to float, so 1e300 is an error, not inf). */
#include <math.h>
#include "hopfield_internal.h"

static sc_hopfield handle(uint32_t id) { return (sc_hopfield){id}; }

static sc_status temperature(double t, const char *name, float *out)
{
    if (!isfinite(t) || !isfinite((float)t)) return sc_fail(SC_ERR_NONFINITE, name);
    *out = (float)t;
    return SC_OK;
}

int sc_flat_hopfield_create(int n, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    sc_hopfield h;
    const sc_status st = sc_hopfield_create(n, &h);
    *id = h.id;
    return st;
}

int sc_flat_hopfield_destroy(uint32_t id) { return sc_hopfield_destroy(handle(id)); }

int sc_flat_hopfield_size(uint32_t id, int *info)
{
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    return sc_hopfield_size(handle(id), &info[0], &info[1]);
}

int sc_flat_hopfield_store(uint32_t id, const int8_t *patterns, int count, int rule)
{
    return sc_hopfield_store(handle(id), patterns, count, (sc_hopfield_rule)rule);
}

int sc_flat_hopfield_set_thresholds(uint32_t id, const float *theta)
{
    return sc_hopfield_set_thresholds(handle(id), theta);
}

int sc_flat_hopfield_set_state(uint32_t id, const int8_t *s) { return sc_hopfield_set_state(handle(id), s); }
int sc_flat_hopfield_get_state(uint32_t id, int8_t *s) { return sc_hopfield_get_state(handle(id), s); }
int sc_flat_hopfield_get_weights(uint32_t id, float *w) { return sc_hopfield_get_weights(handle(id), w); }
int sc_flat_hopfield_fields(uint32_t id, float *h) { return sc_hopfield_fields(handle(id), h); }
int sc_flat_hopfield_seed(uint32_t id, uint32_t seed) { return sc_hopfield_seed(handle(id), seed); }

int sc_flat_hopfield_step(uint32_t id, int mode, double t, const int *order, int order_len,
                          int *flips)
{
    sc_hopfield_step_desc d = {(sc_hopfield_mode)mode, 0.0f, order, order_len};
    const sc_status st = temperature(t, "temperature", &d.temperature);
    return st != SC_OK ? st : sc_hopfield_step(handle(id), &d, flips);
}

int sc_flat_hopfield_run(uint32_t id, int mode, double t, const int *order, int order_len,
                         int max_sweeps, int *result)
{
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    sc_hopfield_step_desc d = {(sc_hopfield_mode)mode, 0.0f, order, order_len};
    sc_status st = temperature(t, "temperature", &d.temperature);
    if (st != SC_OK) return st;
    sc_hopfield_run_result r;
    st = sc_hopfield_run(handle(id), &d, max_sweeps, &r);
    if (st == SC_OK) {
        result[0] = r.sweeps;
        result[1] = r.converged;
        result[2] = r.cycle;
    }
    return st;
}

int sc_flat_hopfield_anneal(uint32_t id, int mode, const int *order, int order_len,
                            double from, double to, int sweeps, int *flips)
{
    const sc_hopfield_step_desc d = {(sc_hopfield_mode)mode, 0.0f, order, order_len};
    float f = 0.0f, t = 0.0f;
    sc_status st = temperature(from, "from", &f);
    if (st == SC_OK) st = temperature(to, "to", &t);
    return st != SC_OK ? st : sc_hopfield_anneal(handle(id), &d, f, t, sweeps, flips);
}

/* out: updates, flips, last, end, recorded. */
int sc_flat_hopfield_advance(uint32_t id, int mode, double t, int updates, int record_every, double *energies, /* NOLINT(readability-non-const-parameter): written through the desc */
                             int energies_len, int *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "result");
    sc_hopfield_advance_desc d = {(sc_hopfield_mode)mode, 0.0f, updates, record_every, energies, energies_len};
    sc_status st = temperature(t, "temperature", &d.temperature);
    if (st != SC_OK) return st;
    sc_hopfield_advance_result r;
    st = sc_hopfield_advance(handle(id), &d, &r);
    if (st == SC_OK) {
        out[0] = r.updates;
        out[1] = r.flips;
        out[2] = r.last;
        out[3] = r.end;
        out[4] = r.recorded;
    }
    return st;
}

int sc_flat_hopfield_anneal_temperature(double from, double to, int sweeps, int k, float *t)
{
    float f = 0.0f, g = 0.0f;
    sc_status st = temperature(from, "from", &f);
    if (st == SC_OK) st = temperature(to, "to", &g);
    return st != SC_OK ? st : sc_hopfield_anneal_temperature(f, g, sweeps, k, t);
}

int sc_flat_hopfield_energy(uint32_t id, double *energy) { return sc_hopfield_energy(handle(id), energy); }
int sc_flat_hopfield_overlaps(uint32_t id, float *m) { return sc_hopfield_overlaps(handle(id), m); }

int sc_flat_hopfield_capacity(int n, int rule, double noise, int trials, int max_sweeps,
                              uint32_t seed, const int *counts, int m, float *recall,
                              float *overlap)
{
    sc_hopfield_capacity_desc d = {n, (sc_hopfield_rule)rule, 0.0f, trials, max_sweeps, seed};
    const sc_status st = temperature(noise, "noise", &d.noise);
    return st != SC_OK ? st : sc_hopfield_capacity(&d, counts, m, recall, overlap);
}
