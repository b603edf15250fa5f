/* Learning by the lecture's rule (Hinton and Sejnowski 1983):
 * dw_ij = eps (<s_i s_j>_data - <s_i s_j>_model) on the connections of
 * the mask, db_i = eps (<s_i>_data - <s_i>_model), one full-batch update
 * per epoch with exact or sampled statistics. docs/boltzmann.md. */
#include <math.h>
#include <stdlib.h>
#include "boltzmann_internal.h"

static double *exact_scratch(int n) { return calloc(3 * (size_t)n + (size_t)n * (size_t)n, sizeof(double)); }

sc_status sc_boltzmann_learn(sc_boltzmann h, const int8_t *data, int count,
                             const sc_boltzmann_learn_desc *desc, double *trace, int ntrace)
{
    bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!desc) return sc_fail(SC_ERR_NULL, "desc");
    sc_status st = bm_check_data(m, data, count);
    if (st != SC_OK) return st;
    if (desc->epochs < 1 || desc->epochs > SC_BOLTZMANN_MAX_EPOCHS) return sc_fail(SC_ERR_SIZE, "epochs");
    if ((unsigned)desc->method >= SC_BOLTZMANN_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    if (!isfinite(desc->epsilon)) return sc_fail(SC_ERR_NONFINITE, "epsilon");
    if (!(desc->epsilon > 0.0) || desc->epsilon > SC_BOLTZMANN_MAX_EPSILON) return sc_fail(SC_ERR_RANGE, "epsilon");
    sc_boltzmann_gibbs_desc g;
    st = bm_gibbs_resolve(&desc->gibbs, &g);
    if (st != SC_OK) return st;
    const int n = m->n, exact_ok = n <= SC_BOLTZMANN_MAX_EXACT;
    if (desc->method == SC_BOLTZMANN_EXACT && !exact_ok) return sc_fail(SC_ERR_SIZE, "units");
    const int cd = desc->method == SC_BOLTZMANN_CD || desc->method == SC_BOLTZMANN_PCD;
    const int k = desc->k == 0 ? 1 : desc->k;
    if (cd && (k < 1 || k > SC_BOLTZMANN_MAX_CD_K)) return sc_fail(SC_ERR_SIZE, "k");
    if (cd && !bm_restricted(m)) return sc_fail(SC_ERR_RANGE, "mask");
    if (ntrace != 0 && (ntrace != desc->epochs || !exact_ok)) return sc_fail(SC_ERR_SIZE, "trace");
    if (ntrace && !trace) return sc_fail(SC_ERR_NULL, "trace");

    const int nstats = n * n + n;
    double *stats = calloc(2 * (size_t)nstats + (size_t)n, sizeof(double));
    double *scratch = exact_ok ? exact_scratch(n) : NULL;
    if (!stats || (exact_ok && !scratch)) {
        free(stats);
        free(scratch);
        return sc_fail(SC_ERR_NOMEM, "statistics");
    }
    double *dat = stats, *mod = stats + nstats, *s = stats + 2 * nstats;
    st = SC_OK;
    for (int e = 0; e < desc->epochs && st == SC_OK; e++) {
        if (desc->method == SC_BOLTZMANN_EXACT)
            bm_exact_stats(m, data, count, g.temperature, dat, mod, NULL, NULL, scratch);
        else if (cd)
            st = bm_cd_stats(m, data, count, k, desc->method == SC_BOLTZMANN_PCD, g.temperature, dat, mod);
        else
            bm_gibbs_stats(m, data, count, &g, dat, mod, s);
        if (st != SC_OK) break;
        const double eps = desc->epsilon;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!m->mask[i * n + j]) continue;
                const double v = m->w[i * n + j] + eps * (dat[i * n + j] - mod[i * n + j]);
                m->w[i * n + j] = m->w[j * n + i] = v;
                if (fabs(v) > SC_BOLTZMANN_MAX_WEIGHT) st = sc_fail(SC_ERR_OVERFLOW, "w");
            }
            m->b[i] += eps * (dat[n * n + i] - mod[n * n + i]);
            if (fabs(m->b[i]) > SC_BOLTZMANN_MAX_WEIGHT) st = sc_fail(SC_ERR_OVERFLOW, "b");
        }
        if (st == SC_OK && ntrace) bm_exact_stats(m, data, count, g.temperature, NULL, NULL, NULL, &trace[e], scratch);
    }
    free(stats);
    free(scratch);
    return st;
}
