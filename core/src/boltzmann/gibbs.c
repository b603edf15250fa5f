/* Gibbs sampling of the machine at temperature T with Glauber units,
 * P(s_i = +1) = 1 / (1 + e^{-2 h_i / T}) (docs/hopfield.md), swept in
 * unit order, after an annealing schedule T_k = t_start (T / t_start)^{k/K}
 * that brings the chain near equilibrium. docs/boltzmann.md. */
#include <math.h>
#include <string.h>
#include "boltzmann_internal.h"

static double unit(sc_rng *r) { return (double)sc_rng_u32(r) * (1.0 / 4294967296.0); }

/* Updates units first..n-1 once each. */
static void sweep(bm_machine *m, double *s, int first, double t)
{
    const int n = m->n;
    for (int i = first; i < n; i++) {
        const double *w = m->w + i * n;
        double h = m->b[i];
        for (int j = 0; j < n; j++) h += w[j] * s[j];
        const double p = 1.0 / (1.0 + exp(-2.0 * h / t));
        s[i] = unit(&m->rng) < p ? 1.0 : -1.0;
    }
}

/* Anneals units first..n-1 from s, then adds weight x the averages of
 * s_i s_j (i < j) and s_i over d->sweeps sweeps. */
static void chain(bm_machine *m, double *s, int first, const sc_boltzmann_gibbs_desc *d, double weight,
                  double *pairs, double *means)
{
    const int n = m->n;
    for (int k = 0; k < d->anneal; k++)
        sweep(m, s, first, d->t_start * pow(d->temperature / d->t_start, (double)k / d->anneal));
    const double c = weight / d->sweeps;
    for (int r = 0; r < d->sweeps; r++) {
        sweep(m, s, first, d->temperature);
        for (int i = 0; i < n; i++) {
            const double cs = c * s[i];
            for (int j = i + 1; j < n; j++) pairs[i * n + j] += cs * s[j];
            means[i] += cs;
        }
    }
}

static void finish(int n, double *pairs)
{
    for (int i = 0; i < n; i++) {
        pairs[i * n + i] = 1.0;
        for (int j = i + 1; j < n; j++) pairs[j * n + i] = pairs[i * n + j];
    }
}

void bm_gibbs_stats(bm_machine *m, const int8_t *data, int count, const sc_boltzmann_gibbs_desc *d,
                    double *data_stats, double *model_stats, double *s)
{
    const int n = m->n, nstats = n * n + n;
    if (model_stats) {
        memset(model_stats, 0, sizeof(double) * (size_t)nstats);
        for (int i = 0; i < n; i++) s[i] = (sc_rng_u32(&m->rng) >> 31) ? 1.0 : -1.0;
        chain(m, s, 0, d, 1.0, model_stats, model_stats + n * n);
        finish(n, model_stats);
    }
    if (data_stats) {
        memset(data_stats, 0, sizeof(double) * (size_t)nstats);
        for (int e = 0; e < count; e++) {
            for (int i = 0; i < m->nv; i++) s[i] = (double)data[(size_t)e * (size_t)m->nv + (size_t)i];
            for (int i = m->nv; i < n; i++) s[i] = (sc_rng_u32(&m->rng) >> 31) ? 1.0 : -1.0;
            chain(m, s, m->nv, d, 1.0 / count, data_stats, data_stats + n * n);
        }
        finish(n, data_stats);
    }
}

sc_status sc_boltzmann_sample(sc_boltzmann h, const int8_t *data, int count,
                              const sc_boltzmann_gibbs_desc *desc, double *data_stats,
                              double *model_stats, int nstats)
{
    bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    sc_status st = bm_check_data(m, data, count);
    if (st != SC_OK) return st;
    sc_boltzmann_gibbs_desc d;
    st = bm_gibbs_resolve(desc, &d);
    if (st != SC_OK) return st;
    if (!data_stats) return sc_fail(SC_ERR_NULL, "data_stats");
    if (!model_stats) return sc_fail(SC_ERR_NULL, "model_stats");
    if (nstats != m->n * m->n + m->n) return sc_fail(SC_ERR_SIZE, "stats");
    double s[SC_BOLTZMANN_MAX_UNITS] = {0}; /* hidden entries too: 0 x garbage could be NaN */
    bm_gibbs_stats(m, data, count, &d, data_stats, model_stats, s);
    return SC_OK;
}
