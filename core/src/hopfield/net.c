/* A network's storage and dynamics; arguments were checked by hopfield.c.
 * One allocation per network: the weights first (n x stride floats), then
 * the small vectors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "hopfield_internal.h"

sc_status sc_hop_net_init(sc_hop_net *net, int n)
{
    memset(net, 0, sizeof *net);
    const int stride = sc_hop_stride(n);
    /* Floats: w, then s, prev, back (stride each), theta, h (n each); then
     * int32 perm, hq (n each); then int16 sq, int8 m8 (stride each). */
    const size_t floats = (size_t)n * stride + 3 * (size_t)stride + 2 * (size_t)n;
    const size_t bytes = floats * sizeof(float) + 2 * (size_t)n * sizeof(int32_t) +
                         (size_t)stride * (sizeof(int16_t) + sizeof(int8_t));
    float *arena = calloc(bytes, 1);
    if (!arena) return sc_fail(SC_ERR_NOMEM, "n");
    net->n = n;
    net->stride = stride;
    net->w = arena;
    net->s = net->w + (size_t)n * stride;
    net->prev = net->s + stride;
    net->back = net->prev + stride;
    net->theta = net->back + stride;
    net->h = net->theta + n;
    net->perm = (int *)(void *)(net->h + n); /* calloc memory: no other type ever lives here */
    net->hq = (int32_t *)(net->perm + n);
    net->sq = (int16_t *)(net->hq + n);
    net->m8 = (int8_t *)(net->sq + stride);
    for (int i = 0; i < n; i++) sc_hop_set(net, i, 1.0f);
    sc_rng_seed(&net->rng, 1);
    sc_hop_adv_reset(net);
    net->kernel = &sc_gemv_fixed_variants[sc_gemv_fixed_variant_count - 1];
    net->incremental = 1;
    return SC_OK;
}

void sc_hop_net_free(sc_hop_net *net)
{
    /* prev/back may have been swapped by run(); w is the arena's start. */
    free(net->w);
    free(net->q);
    free(net->q8);
    free(net->patterns);
    free(net->hd);
    free(net->adv_order);
    memset(net, 0, sizeof *net);
}

/* Threshold unit at T = 0 (the lecture's rule: +1 iff h >= theta), Glauber
 * unit otherwise (sc_hop_decide): P(+1) = 1 / (1 + exp(-2 (h - theta) / T)),
 * one uniform draw per update. An overflowing exponent gives p = 0 and an
 * underflowing one p = 1, both correct limits. */
static inline float decide(float h, float theta, float t, sc_rng *rng)
{
    return sc_hop_decide(h, theta, t, t == 0.0f ? 0.0f : sc_rng_unit(rng));
}

void sc_hop_net_fields(sc_hop_net *net)
{
    if (net->q || net->q8) {
        if (net->q8)
            net->kernel->q8fields(net->q8, net->m8, net->n, net->stride, net->hq);
        else
            net->kernel->qfields(net->q, net->sq, net->n, net->stride, net->hq);
        for (int i = 0; i < net->n; i++) net->h[i] = (float)net->hq[i] / (float)net->n;
    } else {
        net->kernel->fields(net->w, net->s, net->n, net->stride, net->h);
    }
}

/* Fisher-Yates from the identity each sweep, so a reseed alone fixes the
 * sequence of orders. */
void sc_hop_net_random_order(sc_hop_net *net, int *perm)
{
    const int n = net->n;
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        const int j = (int)sc_rng_below(&net->rng, (uint32_t)i + 1);
        const int tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
    }
}

int sc_hop_net_sweep(sc_hop_net *net, sc_hopfield_mode mode, float t,
                     const int *order, int order_len)
{
    const int n = net->n;
    const float *s = net->s;
    int flips = 0;
    if (mode == SC_HOPFIELD_SYNC) {
        flips = sc_hop_inc_sweep(net, mode, t, NULL, n);
        if (flips >= 0) return flips;
        flips = 0;
        sc_hop_net_fields(net);
        for (int i = 0; i < n; i++) {
            const float v = decide(net->h[i], net->theta[i], t, &net->rng);
            flips += v != s[i];
            sc_hop_set(net, i, v);
        }
        return flips;
    }
    if (!order) {
        sc_hop_net_random_order(net, net->perm);
        order = net->perm;
        order_len = n;
    }
    flips = sc_hop_inc_sweep(net, mode, t, order, order_len);
    if (flips >= 0) return flips;
    flips = 0;
    for (int k = 0; k < order_len; k++) {
        const int i = order[k];
        const float v = decide(sc_hop_field(net, i), net->theta[i], t, &net->rng);
        flips += v != s[i];
        sc_hop_set(net, i, v);
    }
    return flips;
}

void sc_hop_net_run(sc_hop_net *net, const sc_hopfield_step_desc *d, int max_sweeps,
                    sc_hopfield_run_result *r)
{
    /* Deterministic synchronous dynamics with symmetric W end in a fixed
     * point or a 2-cycle (Goles et al. 1985): compare s(t+1) with s(t-1). */
    const int track = d->mode == SC_HOPFIELD_SYNC && d->temperature == 0.0f;
    const size_t bytes = (size_t)net->n * sizeof(float);
    int have_prev = 0;
    memset(r, 0, sizeof *r);
    while (r->sweeps < max_sweeps) {
        if (track) memcpy(net->back, net->s, bytes);
        const int flips = sc_hop_net_sweep(net, d->mode, d->temperature, d->order, d->order_len);
        r->sweeps++;
        if (flips == 0) {
            r->converged = 1;
            break;
        }
        if (track) {
            if (have_prev && memcmp(net->s, net->prev, bytes) == 0) {
                r->cycle = 2;
                break;
            }
            float *tmp = net->prev;
            net->prev = net->back;
            net->back = tmp;
            have_prev = 1;
        }
    }
}

double sc_hop_net_energy(const sc_hop_net *net)
{
    double e = 0.0;
    for (int i = 0; i < net->n; i++) {
        const size_t row = (size_t)i * net->stride;
        /* Hebb: the exact field K_i / n in double. */
        const double h = net->q8  ? (double)net->kernel->q8dot(net->q8 + row, net->m8, net->stride) / net->n
                         : net->q ? (double)net->kernel->qdot(net->q + row, net->sq, net->stride) / net->n
                                  : (double)net->kernel->dot(net->w + row, net->s, net->stride);
        e += (-0.5 * h + net->theta[i]) * net->s[i];
    }
    return e;
}
