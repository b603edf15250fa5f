/* The public snn API: the handle pool and the argument checks. Every check
 * happens here, once; netm.c trusts its inputs. */
#include <math.h>
#include <stdlib.h>
#include "snn_internal.h"
#include "fast.h"
#include "simcore/limits.h"
#include "../base/internal.h"
#include "../base/pool.h"

#define POOL_FULL "network pool (16 live networks)"

sc_snn_params sc_snn_default_params(void)
{
    sc_snn_params p = {0};
    p.ne = 800;
    p.ni = 200;
    p.exc_scale = 0.5;
    p.inh_scale = 1.0;
    p.noise_exc = 5.0;
    p.noise_inh = 2.0;
    p.heterogeneity = 1;
    p.mode = SC_SNN_NETM_F64;
    p.seed = 1;
    return p;
}

static void net_free(sc_snn_net *net)
{
    free(net->a);
    free(net->b);
    free(net->c);
    free(net->d);
    free(net->S);
    free(net->v);
    free(net->u);
    free(net->I);
    free(net->sum);
    free(net->fired);
    sc_snn_fast_free(net->fast);
    free(net);
}

static void init(sc_snn_net *net)
{
    if (net->fast) {
        sc_snn_fast_init(net->fast, &net->p, &net->st);
        net->t = 0;
    } else {
        sc_snn_net_init(net);
    }
}

/* One 1 ms step in the network's mode; the fired indices go to net->fired. */
static int step(sc_snn_net *net)
{
    if (!net->fast) return sc_snn_net_step(net);
    net->t++;
    return sc_snn_fast_variants[sc_snn_fast_variant_count - 1].step(net->fast, net->fired);
}

static int finite_nonneg(double x) { return isfinite(x) && x >= 0.0; }

/* What sc_snn_create refuses in p (not the pool). */
static sc_status check_params(const sc_snn_params *p)
{
    if (p->ne < 0 || p->ni < 0 || p->ne > SC_SNN_MAX_SPARSE || p->ni > SC_SNN_MAX_SPARSE)
        return sc_fail(SC_ERR_SIZE, "ne + ni");
    if (p->in_degree < 0 || p->in_degree > SC_SNN_MAX_IN_DEGREE) return sc_fail(SC_ERR_SIZE, "in_degree");
    if (p->ne + p->ni < 1 || p->ne + p->ni > (p->in_degree ? SC_SNN_MAX_SPARSE : SC_SNN_MAX_DENSE))
        return sc_fail(SC_ERR_SIZE, "ne + ni");
    if (p->in_degree > p->ne + p->ni) return sc_fail(SC_ERR_SIZE, "in_degree");
    if (!isfinite(p->exc_scale) || !isfinite(p->inh_scale) || !isfinite(p->noise_exc) || !isfinite(p->noise_inh))
        return sc_fail(SC_ERR_NONFINITE, "params");
    if (!finite_nonneg(p->exc_scale)) return sc_fail(SC_ERR_RANGE, "exc_scale");
    if (!finite_nonneg(p->inh_scale)) return sc_fail(SC_ERR_RANGE, "inh_scale");
    if (!finite_nonneg(p->noise_exc)) return sc_fail(SC_ERR_RANGE, "noise_exc");
    if (!finite_nonneg(p->noise_inh)) return sc_fail(SC_ERR_RANGE, "noise_inh");
    if (p->heterogeneity != 0 && p->heterogeneity != 1) return sc_fail(SC_ERR_OPTION, "heterogeneity");
    if (p->mode != SC_SNN_NETM_F64 && p->mode != SC_SNN_FAST_F32) return sc_fail(SC_ERR_OPTION, "mode");
    if (p->in_degree && p->mode != SC_SNN_FAST_F32) return sc_fail(SC_ERR_OPTION, "in_degree"); /* net.m is dense */
    return SC_OK;
}

sc_status sc_snn_create(const sc_snn_params *p, sc_snn *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "net");
    out->id = 0;
    if (!p) return sc_fail(SC_ERR_NULL, "params");
    const sc_status bad = check_params(p);
    if (bad != SC_OK) return bad;
    if (sc_pool_live(SC_KIND_SNN) >= SC_SNN_MAX_NETWORKS) return sc_fail(SC_ERR_NOMEM, POOL_FULL);
    sc_snn_net *net = calloc(1, sizeof *net);
    if (!net) return sc_fail(SC_ERR_NOMEM, "net");
    int n = p->ne + p->ni;
    net->p = *p;
    net->n = n;
    net->fired = malloc((size_t)n * sizeof(int));
    if (p->mode == SC_SNN_FAST_F32) {
        net->fast = sc_snn_fast_create(p);
        if (!net->fired || !net->fast) {
            net_free(net);
            return sc_fail(SC_ERR_NOMEM, "ne + ni");
        }
    } else {
        size_t nd = (size_t)n * sizeof(double);
        net->a = malloc(nd);
        net->b = malloc(nd);
        net->c = malloc(nd);
        net->d = malloc(nd);
        net->v = malloc(nd);
        net->u = malloc(nd);
        net->I = malloc(nd);
        net->sum = malloc(nd);
        net->S = malloc((size_t)n * nd);
        if (!net->a || !net->b || !net->c || !net->d || !net->v || !net->u || !net->I || !net->sum || !net->fired ||
            !net->S) {
            net_free(net);
            return sc_fail(SC_ERR_NOMEM, "ne + ni");
        }
    }
    init(net);
    sc_status st = sc_pool_add(SC_KIND_SNN, net, SC_SNN_MAX_NETWORKS, POOL_FULL, &out->id);
    if (st != SC_OK) net_free(net);
    return st;
}

#define NET_OR_FAIL(net, h)                             \
    sc_snn_net *net = sc_pool_get(SC_KIND_SNN, (h).id); \
    if (!(net)) return sc_fail(SC_ERR_HANDLE, "network")

sc_status sc_snn_destroy(sc_snn h)
{
    sc_snn_net *net = sc_pool_remove(SC_KIND_SNN, h.id);
    if (!net) return sc_fail(SC_ERR_HANDLE, "network");
    net_free(net);
    return SC_OK;
}

sc_status sc_snn_reset(sc_snn h)
{
    NET_OR_FAIL(net, h);
    init(net);
    return SC_OK;
}

sc_status sc_snn_set_params(sc_snn h, const sc_snn_params *p)
{
    NET_OR_FAIL(net, h);
    if (!p) return sc_fail(SC_ERR_NULL, "params");
    const sc_status bad = check_params(p);
    if (bad != SC_OK) return bad;
    /* What the network is built of stays: its size, seed, mode and wiring. */
    if (p->ne != net->p.ne) return sc_fail(SC_ERR_OPTION, "ne");
    if (p->ni != net->p.ni) return sc_fail(SC_ERR_OPTION, "ni");
    if (p->seed != net->p.seed) return sc_fail(SC_ERR_OPTION, "seed");
    if (p->mode != net->p.mode) return sc_fail(SC_ERR_OPTION, "mode");
    if (p->in_degree != net->p.in_degree) return sc_fail(SC_ERR_OPTION, "in_degree");
    net->p = *p;
    if (net->t == 0) { /* not started: the network create(p) builds, u = b v with the new b included */
        init(net);
        return SC_OK;
    }
    if (net->fast) {
        sc_snn_streams own;
        sc_snn_fast_draw(net->fast, &net->p, &own);
    } else {
        sc_snn_net_redraw(net);
    }
    return SC_OK;
}

sc_status sc_snn_step(sc_snn h, int ms, int32_t *neuron, float *time, int cap, int *count, float *rate)
{
    NET_OR_FAIL(net, h);
    if (!count) return sc_fail(SC_ERR_NULL, "count");
    if (ms < 0 || ms > SC_SNN_MAX_STEP_MS || (long long)ms * net->n > 2147483647LL) return sc_fail(SC_ERR_SIZE, "ms");
    if (cap < 0) return sc_fail(SC_ERR_SIZE, "cap");
    if (cap > 0 && (!neuron || !time)) return sc_fail(SC_ERR_NULL, !neuron ? "neuron" : "time");
    int total = 0;
    for (int s = 0; s < ms; s++) {
        double t = (double)net->t; /* net.m stamps a spike with the step's t */
        int nf = step(net);
        for (int k = 0; k < nf && total + k < cap; k++) {
            neuron[total + k] = net->fired[k];
            time[total + k] = (float)t;
        }
        /* total can not overflow: ms * n < 2^31, checked above */
        total += nf;
        if (rate) rate[s] = (float)(1000.0 * nf / net->n);
    }
    *count = total;
    /* Inputs far outside the model's range (noise or weights of 1e6 and up)
     * drive v past the float/double range within a step, and then to NaN:
     * say so rather than hand out NaN states (reset() recovers). */
    for (int i = 0; i < net->n; i++) {
        const double v = net->fast ? net->fast->v[i] : net->v[i], u = net->fast ? net->fast->u[i] : net->u[i];
        if (!isfinite(v) || !isfinite(u)) return sc_fail(SC_ERR_OVERFLOW, "v");
    }
    return SC_OK;
}

sc_status sc_snn_state(sc_snn h, const int32_t *index, int n, double *v, double *u)
{
    NET_OR_FAIL(net, h);
    if (n < 0 || n > net->n) return sc_fail(SC_ERR_SIZE, "n");
    if (n > 0 && !index) return sc_fail(SC_ERR_NULL, "index");
    if (n > 0 && !v) return sc_fail(SC_ERR_NULL, "v");
    if (n > 0 && !u) return sc_fail(SC_ERR_NULL, "u");
    for (int k = 0; k < n; k++)
        if (index[k] < 0 || index[k] >= net->n) return sc_fail(SC_ERR_RANGE, "index");
    for (int k = 0; k < n; k++) {
        v[k] = net->fast ? net->fast->v[index[k]] : net->v[index[k]];
        u[k] = net->fast ? net->fast->u[index[k]] : net->u[index[k]];
    }
    return SC_OK;
}

sc_status sc_snn_time(sc_snn h, double *t_ms)
{
    NET_OR_FAIL(net, h);
    if (!t_ms) return sc_fail(SC_ERR_NULL, "t_ms");
    *t_ms = (double)net->t;
    return SC_OK;
}
