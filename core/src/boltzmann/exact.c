/* Exact statistics by enumeration over the 2^k states of the free units,
 * in Gray-code order: each step flips one unit, so -E/T and the local
 * fields update in O(n). Two passes, the first for the largest -E/T, so
 * the sums are log-sum-exp sums that never overflow. docs/boltzmann.md. */
#include <math.h>
#include <string.h>
#include "boltzmann_internal.h"

static void fields(const bm_machine *m, const double *s, double *h)
{
    const int n = m->n;
    for (int i = 0; i < n; i++) {
        double a = m->b[i];
        for (int j = 0; j < n; j++) a += m->w[i * n + j] * s[j];
        h[i] = a;
    }
}

/* -E(s)/T = (1/2 sum_i s_i (h_i + b_i)) / T. */
static double neg_energy(const bm_machine *m, const double *s, const double *h, double t)
{
    double a = 0.0;
    for (int i = 0; i < m->n; i++) a += s[i] * (h[i] + m->b[i]);
    return 0.5 * a / t;
}

/* Flips unit u: -E/T changes by -2 s_u h_u / T, every field by -2 s_u w_ju. */
static double flip(const bm_machine *m, double *s, double *h, int u, double t)
{
    const int n = m->n;
    const double su = s[u], dx = -2.0 * su * h[u] / t;
    for (int j = 0; j < n; j++) h[j] -= 2.0 * su * m->w[j * n + u];
    s[u] = -su;
    return dx;
}

/* Sums over the units idx[0..nf) (ascending; the others stay at s);
 * returns ln sum e^{-E/T}. With pairs, adds weight x the conditional
 * <s_i s_j> (i < j) and <s_i> (means) of that distribution. h and acc are
 * scratch (n and n*n + n). In Gray-code order the first kl = nf/2 free
 * units ("low") change inside each aligned block of 2^kl states and the
 * others stay, so pairs with a constant unit are added once per block (its
 * weight, or the low units' weighted sums): kl^2/2 products per state
 * instead of n^2/2. */
static double enumerate(const bm_machine *m, double *s, const int *idx, int nf, double t,
                        double weight, double *pairs, double *means, double *h, double *acc)
{
    const int n = m->n, kl = nf / 2;
    const uint32_t states = 1u << nf, block = (1u << kl) - 1;
    int low[SC_BOLTZMANN_MAX_EXACT] = {0};
    for (int a = 0; a < kl; a++) low[idx[a]] = 1;
    double vs[SC_BOLTZMANN_MAX_EXACT] = {0}, pb = 0.0;
    double top = -INFINITY;
    for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < nf; k++) s[idx[k]] = -1.0;
        fields(m, s, h);
        double x = neg_energy(m, s, h, t), sum = 0.0;
        if (pass == 1 && pairs) memset(acc, 0, sizeof(double) * (size_t)(n * n + n));
        for (uint32_t g = 0;; g++) {
            if (pass == 0) {
                if (x > top) top = x;
            } else {
                const double p = exp(x - top);
                sum += p;
                if (pairs) {
                    pb += p;
                    for (int a = 0; a < kl; a++) {
                        const int ua = idx[a];
                        const double ps = p * s[ua];
                        vs[a] += ps;
                        for (int b = a + 1; b < kl; b++) acc[ua * n + idx[b]] += ps * s[idx[b]];
                    }
                    if ((g & block) == block) { /* the block's last state: its constant units */
                        for (int i = 0; i < n; i++) {
                            if (low[i]) continue;
                            const double ps = pb * s[i];
                            acc[n * n + i] += ps;
                            for (int j = i + 1; j < n; j++)
                                if (!low[j]) acc[i * n + j] += ps * s[j];
                        }
                        for (int a = 0; a < kl; a++) {
                            const int ua = idx[a];
                            acc[n * n + ua] += vs[a];
                            for (int r = 0; r < n; r++)
                                if (!low[r]) acc[(ua < r ? ua : r) * n + (ua < r ? r : ua)] += vs[a] * s[r];
                            vs[a] = 0.0;
                        }
                        pb = 0.0;
                    }
                }
            }
            if (g + 1 == states) break;
            x += flip(m, s, h, idx[__builtin_ctz(g + 1)], t);
        }
        if (pass == 1) {
            if (pairs) {
                const double c = weight / sum;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) pairs[i * n + j] += c * acc[i * n + j];
                    means[i] += c * acc[n * n + i];
                }
            }
            return top + log(sum);
        }
    }
    return top; /* not reached */
}

/* Mirrors the upper triangle and sets the diagonal <s_i^2> = 1. */
static void finish(int n, double *pairs)
{
    for (int i = 0; i < n; i++) {
        pairs[i * n + i] = 1.0;
        for (int j = i + 1; j < n; j++) pairs[j * n + i] = pairs[i * n + j];
    }
}

void bm_exact_stats(const bm_machine *m, const int8_t *data, int count, double t, double *data_stats,
                    double *model_stats, double *logz, double *loglik, double *scratch)
{
    const int n = m->n, nstats = n * n + n;
    double *s = scratch, *h = s + n, *acc = h + n;
    int idx[SC_BOLTZMANN_MAX_EXACT] = {0};
    for (int k = 0; k < n; k++) idx[k] = k;
    if (model_stats) memset(model_stats, 0, sizeof(double) * (size_t)nstats);
    if (data_stats) memset(data_stats, 0, sizeof(double) * (size_t)nstats);
    const double lz = enumerate(m, s, idx, n, t, 1.0, model_stats, model_stats ? model_stats + n * n : NULL, h, acc);
    double ll = 0.0;
    for (int d = 0; d < count; d++) {
        for (int i = 0; i < m->nv; i++) s[i] = (double)data[(size_t)d * (size_t)m->nv + (size_t)i];
        const double lp = enumerate(m, s, idx + m->nv, m->nh, t, 1.0 / count, data_stats,
                                    data_stats ? data_stats + n * n : NULL, h, acc);
        ll += lp - lz;
    }
    if (model_stats) finish(n, model_stats);
    if (data_stats) finish(n, data_stats);
    if (logz) *logz = lz;
    if (loglik) *loglik = ll / count;
}

sc_status sc_boltzmann_exact(sc_boltzmann h, const int8_t *data, int count, double temperature,
                             double *data_stats, double *model_stats, int nstats, double *out,
                             int nout)
{
    const bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (m->n > SC_BOLTZMANN_MAX_EXACT) return sc_fail(SC_ERR_SIZE, "units");
    sc_status st = bm_check_data(m, data, count);
    if (st != SC_OK) return st;
    st = bm_check_temperature(temperature, "temperature");
    if (st != SC_OK) return st;
    if ((data_stats || model_stats) && nstats != m->n * m->n + m->n) return sc_fail(SC_ERR_SIZE, "stats");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (nout != 2) return sc_fail(SC_ERR_SIZE, "out");
    double scratch[2 * SC_BOLTZMANN_MAX_EXACT + SC_BOLTZMANN_MAX_EXACT * SC_BOLTZMANN_MAX_EXACT +
                   SC_BOLTZMANN_MAX_EXACT] = {0};
    bm_exact_stats(m, data, count, temperature, data_stats, model_stats, &out[0], &out[1], scratch);
    return SC_OK;
}
