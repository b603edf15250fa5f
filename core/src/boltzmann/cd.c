/* Contrastive divergence for restricted machines (Hinton 2002) and its
 * persistent variant (Tieleman 2008). With no visible-visible and no
 * hidden-hidden connection the units of one layer are independent given
 * the other, so a Gibbs step updates a whole layer, and the hidden means
 * given v are exact: <h_j | v> = tanh(f_j / T), f_j = b_j + sum_i w_ij v_i
 * (for +-1 units, P(+1) = 1 / (1 + e^{-2f/T})). docs/boltzmann.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "boltzmann_internal.h"

static double unit(sc_rng *r) { return (double)sc_rng_u32(r) * (1.0 / 4294967296.0); }

static double field(const bm_machine *m, const double *s, int i)
{
    const double *w = m->w + i * m->n;
    double f = m->b[i];
    for (int j = 0; j < m->n; j++) f += w[j] * s[j];
    return f;
}

/* Samples units lo..hi-1 given the others. */
static void sample_layer(bm_machine *m, double *s, int lo, int hi, double t)
{
    for (int i = lo; i < hi; i++) {
        const double p = 1.0 / (1.0 + exp(-2.0 * field(m, s, i) / t));
        s[i] = unit(&m->rng) < p ? 1.0 : -1.0;
    }
}

/* Adds weight x (v_i <h_j | v>, v_i, <h_j | v>) for the visible state in s. */
static void add_stats(const bm_machine *m, double *s, double t, double weight, double *stats)
{
    const int n = m->n, nv = m->nv;
    double hm[SC_BOLTZMANN_MAX_UNITS] = {0}; /* only the hidden entries are used */
    for (int j = nv; j < n; j++) hm[j] = tanh(field(m, s, j) / t);
    for (int i = 0; i < nv; i++) {
        for (int j = nv; j < n; j++) stats[i * n + j] += weight * s[i] * hm[j];
        stats[n * n + i] += weight * s[i];
    }
    for (int j = nv; j < n; j++) stats[n * n + j] += weight * hm[j];
}

static void finish(int n, double *pairs)
{
    for (int i = 0; i < n; i++) {
        pairs[i * n + i] = 1.0;
        for (int j = i + 1; j < n; j++) pairs[j * n + i] = pairs[i * n + j];
    }
}

sc_status bm_cd_stats(bm_machine *m, const int8_t *data, int count, int k, int persistent, double t,
                      double *data_stats, double *model_stats)
{
    const int n = m->n, nv = m->nv, nstats = n * n + n;
    if (persistent && m->nchains != count) {
        double *c = realloc(m->chains, sizeof(double) * (size_t)count * (size_t)nv);
        if (!c) return sc_fail(SC_ERR_NOMEM, "chains");
        m->chains = c;
        m->nchains = count;
        for (size_t q = 0; q < (size_t)count * (size_t)nv; q++) c[q] = (double)data[q];
    }
    memset(data_stats, 0, sizeof(double) * (size_t)nstats);
    memset(model_stats, 0, sizeof(double) * (size_t)nstats);
    double s[SC_BOLTZMANN_MAX_UNITS] = {0}; /* hidden entries too: 0 x garbage could be NaN */
    for (int d = 0; d < count; d++) {
        for (int i = 0; i < nv; i++) s[i] = (double)data[(size_t)d * (size_t)nv + (size_t)i];
        add_stats(m, s, t, 1.0 / count, data_stats);
        if (persistent) memcpy(s, m->chains + (size_t)d * (size_t)nv, sizeof(double) * (size_t)nv);
        for (int step = 0; step < k; step++) {
            sample_layer(m, s, nv, n, t);
            sample_layer(m, s, 0, nv, t);
        }
        if (persistent) memcpy(m->chains + (size_t)d * (size_t)nv, s, sizeof(double) * (size_t)nv);
        add_stats(m, s, t, 1.0 / count, model_stats);
    }
    finish(n, data_stats);
    finish(n, model_stats);
    return SC_OK;
}
