/* Creating Boltzmann machines, their weights and connection masks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "boltzmann_internal.h"
#include "../base/pool.h"

bm_machine *bm_get(sc_boltzmann m) { return (bm_machine *)sc_pool_get(SC_KIND_BOLTZMANN, m.id); }

static void free_machine(bm_machine *m)
{
    if (!m) return;
    free(m->w);
    free(m->b);
    free(m->mask);
    free(m->chains);
    free(m);
}

sc_status sc_boltzmann_create(int visible, int hidden, uint32_t seed, sc_boltzmann *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out->id = 0;
    if (visible < 1 || visible > SC_BOLTZMANN_MAX_UNITS) return sc_fail(SC_ERR_SIZE, "visible");
    if (hidden < 0 || hidden > SC_BOLTZMANN_MAX_UNITS - visible) return sc_fail(SC_ERR_SIZE, "hidden");
    bm_machine *m = calloc(1, sizeof *m);
    if (!m) return sc_fail(SC_ERR_NOMEM, "machine");
    m->nv = visible;
    m->nh = hidden;
    m->n = visible + hidden;
    const size_t nn = (size_t)m->n * (size_t)m->n;
    m->w = calloc(nn, sizeof(double));
    m->b = calloc((size_t)m->n, sizeof(double));
    m->mask = malloc(nn);
    if (!m->w || !m->b || !m->mask) {
        free_machine(m);
        return sc_fail(SC_ERR_NOMEM, "weights");
    }
    sc_rng_seed(&m->rng, seed);
    /* Small random weights break the symmetry between hidden units. */
    for (int i = 0; i < m->n; i++) {
        for (int j = 0; j < m->n; j++) m->mask[i * m->n + j] = (uint8_t)(i != j);
        for (int j = i + 1; j < m->n; j++) {
            const double v = 0.1 * (2.0 * (double)sc_rng_u32(&m->rng) / 4294967296.0 - 1.0);
            m->w[i * m->n + j] = m->w[j * m->n + i] = v;
        }
    }
    for (int i = 0; i < m->n; i++) m->b[i] = 0.1 * (2.0 * (double)sc_rng_u32(&m->rng) / 4294967296.0 - 1.0);
    const sc_status st = sc_pool_add(SC_KIND_BOLTZMANN, m, SC_BOLTZMANN_MAX_MACHINES, "machines", &out->id);
    if (st != SC_OK) free_machine(m);
    return st;
}

sc_status sc_boltzmann_destroy(sc_boltzmann h)
{
    bm_machine *m = sc_pool_remove(SC_KIND_BOLTZMANN, h.id);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    free_machine(m);
    return SC_OK;
}

sc_status sc_boltzmann_get_weights(sc_boltzmann h, double *w, int nw)
{
    const bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    if (nw != m->n * m->n + m->n) return sc_fail(SC_ERR_SIZE, "w");
    memcpy(w, m->w, sizeof(double) * (size_t)m->n * (size_t)m->n);
    memcpy(w + m->n * m->n, m->b, sizeof(double) * (size_t)m->n);
    return SC_OK;
}

sc_status sc_boltzmann_set_weights(sc_boltzmann h, const double *w, int nw)
{
    bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    const int n = m->n;
    if (nw != n * n + n) return sc_fail(SC_ERR_SIZE, "w");
    for (int i = 0; i < nw; i++) {
        if (!isfinite(w[i])) return sc_fail(SC_ERR_NONFINITE, "w");
        if (fabs(w[i]) > SC_BOLTZMANN_MAX_WEIGHT) return sc_fail(SC_ERR_RANGE, "w");
    }
    for (int i = 0; i < n; i++) {
        if (w[i * n + i] != 0.0) return sc_fail(SC_ERR_RANGE, "w diagonal");
        for (int j = i + 1; j < n; j++)
            if (w[i * n + j] != w[j * n + i]) return sc_fail(SC_ERR_RANGE, "w symmetry");
    }
    for (int k = 0; k < n * n; k++) m->w[k] = m->mask[k] ? w[k] : 0.0;
    memcpy(m->b, w + n * n, sizeof(double) * (size_t)n);
    return SC_OK;
}

sc_status sc_boltzmann_set_mask(sc_boltzmann h, const uint8_t *mask, int nmask)
{
    bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!mask) return sc_fail(SC_ERR_NULL, "mask");
    const int n = m->n;
    if (nmask != n * n) return sc_fail(SC_ERR_SIZE, "mask");
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            const uint8_t v = mask[i * n + j];
            if (v > 1 || (i == j && v) || v != mask[j * n + i]) return sc_fail(SC_ERR_RANGE, "mask");
        }
    memcpy(m->mask, mask, (size_t)n * (size_t)n);
    for (int k = 0; k < n * n; k++)
        if (!mask[k]) m->w[k] = 0.0;
    return SC_OK;
}

int bm_restricted(const bm_machine *m)
{
    for (int i = 0; i < m->n; i++)
        for (int j = 0; j < m->n; j++)
            if (m->mask[i * m->n + j] && (i < m->nv) == (j < m->nv)) return 0;
    return 1;
}

sc_status bm_check_data(const bm_machine *m, const int8_t *data, int count)
{
    if (count < 1 || count > SC_BOLTZMANN_MAX_DATA) return sc_fail(SC_ERR_SIZE, "count");
    if (!data) return sc_fail(SC_ERR_NULL, "data");
    const size_t len = (size_t)count * (size_t)m->nv;
    for (size_t k = 0; k < len; k++)
        if (data[k] != 1 && data[k] != -1) return sc_fail(SC_ERR_RANGE, "data");
    return SC_OK;
}

sc_status bm_check_temperature(double t, const char *what)
{
    if (!isfinite(t)) return sc_fail(SC_ERR_NONFINITE, what);
    if (t < SC_BOLTZMANN_MIN_T || t > SC_BOLTZMANN_MAX_T) return sc_fail(SC_ERR_RANGE, what);
    return SC_OK;
}

sc_status bm_gibbs_resolve(const sc_boltzmann_gibbs_desc *in, sc_boltzmann_gibbs_desc *out)
{
    if (!in) return sc_fail(SC_ERR_NULL, "desc");
    *out = *in;
    if (out->sweeps == 0) out->sweeps = 1000;
    if (out->sweeps < 1 || out->sweeps > SC_BOLTZMANN_MAX_SWEEPS) return sc_fail(SC_ERR_SIZE, "sweeps");
    if (out->anneal < 0 || out->anneal > SC_BOLTZMANN_MAX_SWEEPS) return sc_fail(SC_ERR_SIZE, "anneal");
    if (out->temperature == 0.0) out->temperature = 1.0;
    sc_status st = bm_check_temperature(out->temperature, "temperature");
    if (st != SC_OK) return st;
    if (out->t_start == 0.0) out->t_start = fmin(10.0 * out->temperature, SC_BOLTZMANN_MAX_T);
    st = bm_check_temperature(out->t_start, "t_start");
    if (st != SC_OK) return st;
    if (out->t_start < out->temperature) return sc_fail(SC_ERR_RANGE, "t_start");
    return SC_OK;
}
