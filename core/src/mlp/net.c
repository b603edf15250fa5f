/* Creating, resetting and reading MLP handles; initialisation by the
 * lecture's rule (mlp.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mlp_internal.h"
#include "../base/pool.h"

mlp_net *mlp_get(sc_mlp net) { return (mlp_net *)sc_pool_get(SC_KIND_MLP, net.id); }

static void init_weights(mlp_net *n)
{
    sc_rng_seed(&n->rng, n->seed);
    for (int l = 1; l <= n->nlayers; l++) {
        const int fan = n->sizes[l - 1] + 1, count = n->sizes[l] * fan;
        const float a = sqrtf(3.0f / (float)fan);
        for (int i = 0; i < count; i++) n->w0[n->off[l] + i] = a * (2.0f * sc_rng_unit(&n->rng) - 1.0f);
    }
}

static void reset(mlp_net *n)
{
    memcpy(n->w, n->w0, sizeof(float) * (size_t)n->nw);
    memset(n->dw, 0, sizeof(float) * (size_t)n->nw);
    sc_rng_seed(&n->rng, n->seed ^ 0x9e3779b9u); /* the shuffle's stream, not the init's */
}

static void free_net(mlp_net *n)
{
    if (!n) return;
    free(n->w);
    free(n->dw);
    free(n->w0);
    free(n);
}

sc_status sc_mlp_create(const int *sizes, int nsizes, const sc_mlp_activation *act,
                        sc_mlp_loss loss, uint32_t seed, sc_mlp *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out->id = 0;
    if (!sizes) return sc_fail(SC_ERR_NULL, "sizes");
    if (nsizes < 2 || nsizes > SC_MLP_MAX_HIDDEN + 2) return sc_fail(SC_ERR_SIZE, "nsizes");
    if (nsizes > 2 && !act) return sc_fail(SC_ERR_NULL, "act");
    if (sizes[0] < 1 || sizes[0] > SC_MLP_MAX_INPUTS) return sc_fail(SC_ERR_SIZE, "inputs");
    for (int l = 1; l < nsizes - 1; l++)
        if (sizes[l] < 1 || sizes[l] > SC_MLP_MAX_UNITS) return sc_fail(SC_ERR_SIZE, "units");
    const int nout = sizes[nsizes - 1];
    if (nout < 1 || nout > SC_MLP_MAX_OUTPUTS) return sc_fail(SC_ERR_SIZE, "outputs");
    if ((unsigned)loss >= SC_MLP_LOSS_COUNT) return sc_fail(SC_ERR_OPTION, "loss");
    if (loss == SC_MLP_SOFTMAX_CE && nout < 2) return sc_fail(SC_ERR_SIZE, "outputs");
    for (int l = 0; l < nsizes - 2; l++)
        if ((unsigned)act[l] >= SC_MLP_ACTIVATION_COUNT) return sc_fail(SC_ERR_OPTION, "act");

    mlp_net *n = calloc(1, sizeof *n);
    if (!n) return sc_fail(SC_ERR_NOMEM, "network");
    n->nlayers = nsizes - 1;
    n->loss = loss;
    n->seed = seed;
    for (int l = 0; l < nsizes; l++) {
        n->sizes[l] = sizes[l];
        if (sizes[l] > n->maxwidth) n->maxwidth = sizes[l];
    }
    for (int l = 1; l < n->nlayers; l++) n->act[l] = (int)act[l - 1];
    for (int l = 1; l <= n->nlayers; l++) {
        n->off[l] = n->nw;
        n->nw += sizes[l] * (sizes[l - 1] + 1);
    }
    n->w = malloc(sizeof(float) * (size_t)n->nw);
    n->dw = malloc(sizeof(float) * (size_t)n->nw);
    n->w0 = malloc(sizeof(float) * (size_t)n->nw);
    if (!n->w || !n->dw || !n->w0) {
        free_net(n);
        return sc_fail(SC_ERR_NOMEM, "weights");
    }
    init_weights(n);
    reset(n);
    const sc_status st = sc_pool_add(SC_KIND_MLP, n, SC_MLP_MAX_NETWORKS, "networks", &out->id);
    if (st != SC_OK) free_net(n);
    return st;
}

sc_status sc_mlp_destroy(sc_mlp net)
{
    mlp_net *n = sc_pool_remove(SC_KIND_MLP, net.id);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    free_net(n);
    return SC_OK;
}

sc_status sc_mlp_weight_count(sc_mlp net, int *count)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!count) return sc_fail(SC_ERR_NULL, "count");
    *count = n->nw;
    return SC_OK;
}

sc_status sc_mlp_reset(sc_mlp net)
{
    mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    reset(n);
    return SC_OK;
}

sc_status sc_mlp_get_weights(sc_mlp net, float *w, int count)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    if (count != n->nw) return sc_fail(SC_ERR_SIZE, "w");
    memcpy(w, n->w, sizeof(float) * (size_t)n->nw);
    return SC_OK;
}

sc_status sc_mlp_set_weights(sc_mlp net, const float *w, int count)
{
    mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    if (count != n->nw) return sc_fail(SC_ERR_SIZE, "w");
    if (!sc_all_finite(w, (size_t)count)) return sc_fail(SC_ERR_NONFINITE, "w");
    memcpy(n->w, w, sizeof(float) * (size_t)n->nw);
    memset(n->dw, 0, sizeof(float) * (size_t)n->nw);
    return SC_OK;
}
