/* The public Hopfield API: the handle pool and the argument checks. Every
 * check happens here, once; net.c and store.c trust their inputs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "hopfield_internal.h"
#include "../base/pool.h"

/* Networks live in the core's handle pool (base/pool.h). */
static sc_hop_net *lookup(sc_hopfield h) { return sc_pool_get(SC_KIND_HOPFIELD, h.id); }

#define NET_OR_FAIL(net, h)      \
    sc_hop_net *net = lookup(h); \
    if (!(net)) return sc_fail(SC_ERR_HANDLE, "network")

sc_status sc_hopfield_create(int n, sc_hopfield *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "net");
    out->id = 0;
    if (n < 1 || n > SC_HOPFIELD_MAX_NEURONS) return sc_fail(SC_ERR_SIZE, "n");
    if (sc_pool_live(SC_KIND_HOPFIELD) >= SC_HOPFIELD_MAX_NETWORKS)
        return sc_fail(SC_ERR_NOMEM, "network pool (64 live networks)");
    sc_hop_net *net = malloc(sizeof *net);
    if (!net) return sc_fail(SC_ERR_NOMEM, "n");
    sc_status st = sc_hop_net_init(net, n);
    if (st == SC_OK)
        st = sc_pool_add(SC_KIND_HOPFIELD, net, SC_HOPFIELD_MAX_NETWORKS, "network pool (64 live networks)", &out->id);
    if (st != SC_OK) {
        if (net->n) sc_hop_net_free(net);
        free(net);
        return st;
    }
    return SC_OK;
}

sc_status sc_hopfield_destroy(sc_hopfield h)
{
    sc_hop_net *net = sc_pool_remove(SC_KIND_HOPFIELD, h.id);
    if (!net) return sc_fail(SC_ERR_HANDLE, "network");
    sc_hop_net_free(net);
    free(net);
    return SC_OK;
}

sc_status sc_hopfield_size(sc_hopfield h, int *n, int *patterns)
{
    NET_OR_FAIL(net, h);
    if (n) *n = net->n;
    if (patterns) *patterns = net->count;
    return SC_OK;
}

static int all_pm1(const int8_t *x, size_t len)
{
    int ok = 1;
    for (size_t i = 0; i < len; i++) ok &= (x[i] == 1) | (x[i] == -1);
    return ok;
}

sc_status sc_hop_net_store(sc_hop_net *net, const int8_t *patterns, int count,
                           sc_hopfield_rule rule)
{
    const int n = net->n, stride = net->stride;
    int8_t *copy = malloc((size_t)count * n);
    if (!copy) return sc_fail(SC_ERR_NOMEM, "patterns");
    memcpy(copy, patterns, (size_t)count * n);
    free(net->patterns);
    net->patterns = NULL;
    net->count = 0;
    free(net->q);
    free(net->q8);
    net->q = NULL;
    net->q8 = NULL;
    memset(net->w, 0, (size_t)n * stride * sizeof(float));
    sc_status st;
    switch (rule) {
    case SC_HOPFIELD_STORKEY:
        st = sc_hop_storkey(copy, count, n, stride, net->kernel, net->w);
        break;
    case SC_HOPFIELD_PSEUDOINVERSE:
        st = sc_hop_pseudoinverse(copy, count, n, stride, net->w);
        break;
    default:
        /* Integer counts are optional: without the memory for them the float
         * weights give the same model (with float rounding in the fields). */
        if (count <= 127)
            net->q8 = calloc((size_t)n * stride, sizeof(int8_t));
        else
            net->q = calloc((size_t)n * stride, sizeof(int16_t));
        st = sc_hop_hebb(copy, count, n, stride, net->w, net->q, net->q8);
        break;
    }
    if (st != SC_OK) {
        /* Leave a consistent empty network rather than half a rule. */
        memset(net->w, 0, (size_t)n * stride * sizeof(float));
        free(net->q);
        free(net->q8);
        net->q = NULL;
        net->q8 = NULL;
        free(copy);
        sc_hop_inc_prepare(net);
        return st;
    }
    net->patterns = copy;
    net->count = count;
    sc_hop_inc_prepare(net);
    return SC_OK;
}

sc_status sc_hopfield_store(sc_hopfield h, const int8_t *patterns, int count,
                            sc_hopfield_rule rule)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    if (!patterns) return sc_fail(SC_ERR_NULL, "patterns");
    if (count < 1 || count > net->n || count > SC_HOPFIELD_MAX_PATTERNS)
        return sc_fail(SC_ERR_SIZE, "count");
    if ((unsigned)rule >= SC_HOPFIELD_RULE_COUNT) return sc_fail(SC_ERR_OPTION, "rule");
    if (!all_pm1(patterns, (size_t)count * net->n)) return sc_fail(SC_ERR_RANGE, "patterns (values must be -1 or +1)");
    return sc_hop_net_store(net, patterns, count, rule);
}

sc_status sc_hopfield_set_thresholds(sc_hopfield h, const float *theta)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    if (!theta) return sc_fail(SC_ERR_NULL, "theta");
    if (!sc_all_finite(theta, (size_t)net->n)) return sc_fail(SC_ERR_NONFINITE, "theta");
    memcpy(net->theta, theta, (size_t)net->n * sizeof(float));
    return SC_OK;
}

sc_status sc_hopfield_set_state(sc_hopfield h, const int8_t *s)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    if (!s) return sc_fail(SC_ERR_NULL, "state");
    if (!all_pm1(s, (size_t)net->n)) return sc_fail(SC_ERR_RANGE, "state (values must be -1 or +1)");
    for (int i = 0; i < net->n; i++) sc_hop_set(net, i, s[i]);
    return SC_OK;
}

sc_status sc_hopfield_get_state(sc_hopfield h, int8_t *s)
{
    NET_OR_FAIL(net, h);
    if (!s) return sc_fail(SC_ERR_NULL, "state");
    for (int i = 0; i < net->n; i++) s[i] = (int8_t)net->s[i];
    return SC_OK;
}

sc_status sc_hopfield_get_weights(sc_hopfield h, float *w)
{
    NET_OR_FAIL(net, h);
    if (!w) return sc_fail(SC_ERR_NULL, "weights");
    for (int i = 0; i < net->n; i++)
        memcpy(w + (size_t)i * net->n, net->w + (size_t)i * net->stride, (size_t)net->n * sizeof(float));
    return SC_OK;
}

sc_status sc_hopfield_fields(sc_hopfield h, float *out)
{
    NET_OR_FAIL(net, h);
    if (!out) return sc_fail(SC_ERR_NULL, "fields");
    sc_hop_net_fields(net);
    memcpy(out, net->h, (size_t)net->n * sizeof(float));
    return SC_OK;
}

sc_status sc_hopfield_seed(sc_hopfield h, uint32_t seed)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    sc_rng_seed(&net->rng, seed);
    return SC_OK;
}

static const sc_hopfield_step_desc default_desc = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};

static sc_status check_desc(const sc_hop_net *net, const sc_hopfield_step_desc *d, int need_t)
{
    if ((unsigned)d->mode >= SC_HOPFIELD_MODE_COUNT) return sc_fail(SC_ERR_OPTION, "mode");
    if (need_t) {
        if (!isfinite(d->temperature)) return sc_fail(SC_ERR_NONFINITE, "temperature");
        if (d->temperature < 0.0f) return sc_fail(SC_ERR_RANGE, "temperature");
    }
    if (d->order) {
        if (d->mode != SC_HOPFIELD_ASYNC) return sc_fail(SC_ERR_OPTION, "order (asynchronous mode only)");
        if (d->order_len < 1 || d->order_len > 16 * SC_HOPFIELD_MAX_NEURONS) return sc_fail(SC_ERR_SIZE, "order length");
        for (int k = 0; k < d->order_len; k++)
            if (d->order[k] < 0 || d->order[k] >= net->n) return sc_fail(SC_ERR_RANGE, "order");
    }
    return SC_OK;
}

sc_status sc_hopfield_step(sc_hopfield h, const sc_hopfield_step_desc *desc, int *flips)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    const sc_hopfield_step_desc *d = desc ? desc : &default_desc;
    const sc_status st = check_desc(net, d, 1);
    if (st != SC_OK) return st;
    const int f = sc_hop_net_sweep(net, d->mode, d->temperature, d->order, d->order_len);
    if (flips) *flips = f;
    return SC_OK;
}

sc_status sc_hopfield_run(sc_hopfield h, const sc_hopfield_step_desc *desc, int max_sweeps,
                          sc_hopfield_run_result *result)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    const sc_hopfield_step_desc *d = desc ? desc : &default_desc;
    const sc_status st = check_desc(net, d, 1);
    if (st != SC_OK) return st;
    if (max_sweeps < 1 || max_sweeps > SC_HOPFIELD_MAX_SWEEPS) return sc_fail(SC_ERR_RANGE, "maxSweeps");
    sc_hop_net_run(net, d, max_sweeps, result);
    return SC_OK;
}

/* Geometric cooling, T_{k+1} = alpha T_k (Kirkpatrick et al. 1983). */
static float anneal_t(float from, float to, int sweeps, int k)
{
    return sweeps == 1 ? from : (float)(from * pow((double)to / from, (double)k / (sweeps - 1)));
}

static sc_status check_schedule(float from, float to, int sweeps)
{
    if (!isfinite(from)) return sc_fail(SC_ERR_NONFINITE, "from");
    if (!isfinite(to)) return sc_fail(SC_ERR_NONFINITE, "to");
    if (!(to > 0.0f)) return sc_fail(SC_ERR_RANGE, "to (must be > 0)");
    if (!(from >= to)) return sc_fail(SC_ERR_RANGE, "from (must be >= to)");
    if (sweeps < 1 || sweeps > SC_HOPFIELD_MAX_SWEEPS) return sc_fail(SC_ERR_RANGE, "sweeps");
    return SC_OK;
}

sc_status sc_hopfield_anneal_temperature(float from, float to, int sweeps, int k, float *t)
{
    if (!t) return sc_fail(SC_ERR_NULL, "t");
    const sc_status st = check_schedule(from, to, sweeps);
    if (st != SC_OK) return st;
    if (k < 0 || k >= sweeps) return sc_fail(SC_ERR_RANGE, "k");
    *t = anneal_t(from, to, sweeps, k);
    return SC_OK;
}

sc_status sc_hopfield_advance(sc_hopfield h, const sc_hopfield_advance_desc *desc,
                              sc_hopfield_advance_result *result)
{
    NET_OR_FAIL(net, h);
    if (!desc) return sc_fail(SC_ERR_NULL, "desc");
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    if ((unsigned)desc->mode >= SC_HOPFIELD_MODE_COUNT) return sc_fail(SC_ERR_OPTION, "mode");
    if (!isfinite(desc->temperature)) return sc_fail(SC_ERR_NONFINITE, "temperature");
    if (desc->temperature < 0.0f) return sc_fail(SC_ERR_RANGE, "temperature");
    if (desc->updates < 0 || desc->updates > SC_HOPFIELD_MAX_ADVANCE) return sc_fail(SC_ERR_RANGE, "updates");
    if (desc->record_every < 0) return sc_fail(SC_ERR_RANGE, "record_every");
    if (desc->energies_len < 0 || (desc->energies_len > 0 && !desc->energies)) return sc_fail(SC_ERR_NULL, "energies");
    if (!net->adv_order) {
        net->adv_order = malloc(sizeof(int) * (size_t)net->n);
        if (!net->adv_order) return sc_fail(SC_ERR_NOMEM, "network");
    }
    sc_hop_net_advance(net, desc, result);
    return SC_OK;
}

sc_status sc_hopfield_anneal(sc_hopfield h, const sc_hopfield_step_desc *desc, float from,
                             float to, int sweeps, int *flips)
{
    NET_OR_FAIL(net, h);
    sc_hop_adv_reset(net); /* a fresh sweep for sc_hopfield_advance */
    const sc_hopfield_step_desc *d = desc ? desc : &default_desc;
    const sc_status st = check_desc(net, d, 0);
    if (st != SC_OK) return st;
    const sc_status sched = check_schedule(from, to, sweeps);
    if (sched != SC_OK) return sched;
    int total = 0;
    for (int k = 0; k < sweeps; k++) total += sc_hop_net_sweep(net, d->mode, anneal_t(from, to, sweeps, k), d->order, d->order_len);
    if (flips) *flips = total;
    return SC_OK;
}

sc_status sc_hopfield_energy(sc_hopfield h, double *energy)
{
    NET_OR_FAIL(net, h);
    if (!energy) return sc_fail(SC_ERR_NULL, "energy");
    *energy = sc_hop_net_energy(net);
    return SC_OK;
}

sc_status sc_hopfield_overlaps(sc_hopfield h, float *m)
{
    NET_OR_FAIL(net, h);
    if (!m) return sc_fail(SC_ERR_NULL, "overlaps");
    for (int mu = 0; mu < net->count; mu++) {
        const int8_t *p = net->patterns + (size_t)mu * net->n;
        int sum = 0; /* exact; one rounding in the division */
        for (int i = 0; i < net->n; i++) sum += p[i] * (int)net->s[i];
        m[mu] = (float)sum / (float)net->n;
    }
    return SC_OK;
}

sc_status sc_hop_use_variant(sc_hopfield h, int variant)
{
    NET_OR_FAIL(net, h);
    if (variant < 0 || variant >= sc_gemv_fixed_variant_count) return sc_fail(SC_ERR_RANGE, "variant");
    net->kernel = &sc_gemv_fixed_variants[variant];
    return SC_OK;
}

sc_status sc_hop_use_incremental(sc_hopfield h, int on)
{
    NET_OR_FAIL(net, h);
    net->incremental = on != 0;
    return SC_OK;
}

sc_hop_net *sc_hop_peek(sc_hopfield h) { return lookup(h); }
