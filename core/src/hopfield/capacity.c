/* Capacity experiment (the page's recall-vs-load chart), on a private
 * network outside the handle pool. Seeded: same desc, same numbers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "hopfield_internal.h"

static void random_patterns(sc_rng *rng, int8_t *x, size_t len)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < len; i++) {
        if ((i & 31) == 0) bits = sc_rng_u32(rng);
        x[i] = (bits & 1u) ? 1 : -1;
        bits >>= 1;
    }
}

sc_status sc_hopfield_capacity(const sc_hopfield_capacity_desc *d, const int *counts,
                               int m, float *recall, float *overlap)
{
    if (!d) return sc_fail(SC_ERR_NULL, "desc");
    if (!counts) return sc_fail(SC_ERR_NULL, "counts");
    if (!recall) return sc_fail(SC_ERR_NULL, "recall");
    if (!overlap) return sc_fail(SC_ERR_NULL, "overlap");
    const int n = d->n;
    if (n < 1 || n > SC_HOPFIELD_MAX_NEURONS) return sc_fail(SC_ERR_SIZE, "n");
    if ((unsigned)d->rule >= SC_HOPFIELD_RULE_COUNT) return sc_fail(SC_ERR_OPTION, "rule");
    if (!isfinite(d->noise)) return sc_fail(SC_ERR_NONFINITE, "noise");
    if (d->noise < 0.0f || d->noise > 0.5f) return sc_fail(SC_ERR_RANGE, "noise");
    if (d->trials < 1 || d->trials > SC_HOPFIELD_MAX_TRIALS) return sc_fail(SC_ERR_RANGE, "trials");
    if (d->max_sweeps < 0 || d->max_sweeps > SC_HOPFIELD_MAX_SWEEPS) return sc_fail(SC_ERR_RANGE, "maxSweeps");
    if (m < 1 || m > SC_HOPFIELD_MAX_LOADS) return sc_fail(SC_ERR_SIZE, "counts length");
    int max_count = 0;
    for (int k = 0; k < m; k++) {
        if (counts[k] < 1 || counts[k] > n || counts[k] > SC_HOPFIELD_MAX_PATTERNS)
            return sc_fail(SC_ERR_RANGE, "counts");
        if (counts[k] > max_count) max_count = counts[k];
    }

    sc_hop_net net;
    sc_status st = sc_hop_net_init(&net, n);
    if (st != SC_OK) return st;
    int8_t *patterns = malloc((size_t)max_count * n);
    int *perm = malloc((size_t)n * sizeof(int));
    if (!patterns || !perm) {
        st = sc_fail(SC_ERR_NOMEM, "n");
        goto done;
    }
    sc_rng rng;
    sc_rng_seed(&rng, d->seed);
    const int flips = (int)lroundf(d->noise * (float)n);
    const sc_hopfield_step_desc async = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
    const int max_sweeps = d->max_sweeps ? d->max_sweeps : 100;

    for (int k = 0; k < m; k++) {
        const int count = counts[k];
        long hits = 0;
        double sum_overlap = 0.0;
        for (int trial = 0; trial < d->trials; trial++) {
            random_patterns(&rng, patterns, (size_t)count * n);
            st = sc_hop_net_store(&net, patterns, count, d->rule);
            if (st != SC_OK) goto done;
            net.rng = rng; /* one stream drives everything */
            for (int mu = 0; mu < count; mu++) {
                const int8_t *xi = patterns + (size_t)mu * n;
                /* random_patterns filled all count * n values (the analyser loses track). */
                for (int i = 0; i < n; i++) sc_hop_set(&net, i, xi[i]); /* NOLINT(clang-analyzer-core.CallAndMessage) */
                /* `flips` distinct neurons: a partial Fisher-Yates shuffle. */
                for (int i = 0; i < n; i++) perm[i] = i;
                for (int f = 0; f < flips; f++) {
                    const int j = f + (int)sc_rng_below(&net.rng, (uint32_t)(n - f));
                    const int t = perm[f];
                    perm[f] = perm[j];
                    perm[j] = t;
                    sc_hop_set(&net, perm[f], -net.s[perm[f]]);
                }
                sc_hopfield_run_result r;
                sc_hop_net_run(&net, &async, max_sweeps, &r);
                int agree = 0;
                for (int i = 0; i < n; i++) agree += (float)xi[i] == net.s[i];
                hits += agree == n;
                sum_overlap += (double)(2 * agree - n) / n;
            }
            rng = net.rng;
        }
        recall[k] = (float)((double)hits / ((double)d->trials * count));
        overlap[k] = (float)(sum_overlap / ((double)d->trials * count));
    }
done:
    free(patterns);
    free(perm);
    sc_hop_net_free(&net);
    return st;
}
