/* The two networks (lenet.h): creation, one sample's forward and backward
 * pass, training passes, prediction and evaluation. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "lenet_internal.h"
#include "../base/pool.h"
#include "../base/rng.h"

enum { C1 = 0,
       S2,
       C3,
       S4,
       C5,
       F6,
       OUT,
       NLAYER };

typedef struct ln_net {
    sc_lenet_variant variant;
    ln_conv c1, c3;
    int off[NLAYER + 1]; /* weight offsets; off[NLAYER] = count */
    float *w, *g, *v;    /* weights, gradient, momentum */
    sc_rng rng;
    int passes;
    /* one sample's activations (a: before, y: after the squashing) */
    float x0[32 * 32], a1[6 * 28 * 28], y1[6 * 28 * 28], a2[6 * 14 * 14], y2[6 * 14 * 14];
    float a3[16 * 10 * 10], y3[16 * 10 * 10], a4[16 * 5 * 5], y4[16 * 5 * 5];
    float a5[120], y5[120], a6[84], y6[84], out[10], p[10];
    int arg2[6 * 14 * 14], arg4[16 * 5 * 5];
    /* gradients of the same */
    float d1[6 * 28 * 28], e1[6 * 28 * 28], d2[6 * 14 * 14], e2[6 * 14 * 14], d3[16 * 10 * 10];
    float e3[16 * 10 * 10], d4[16 * 5 * 5], e4[16 * 5 * 5], d5[120], e5[120], d6[84], e6[84], dout[10];
} ln_net;

static ln_net *get(sc_lenet h) { return (ln_net *)sc_pool_get(SC_KIND_LENET, h.id); }

static void free_net(ln_net *n)
{
    if (!n) return;
    free(n->w);
    free(n->g);
    free(n->v);
    free(n);
}

static float uniform(sc_rng *r, float a) { return a * (2.0f * sc_rng_unit(r) - 1.0f); }

/* Fills [w, w + n) uniform in +-a. */
static void fill(sc_rng *r, float *w, int n, float a)
{
    for (int i = 0; i < n; i++) w[i] = uniform(r, a);
}

static void init_weights(ln_net *n)
{
    const int is98 = n->variant == SC_LENET_1998;
    /* fan-in of a unit of each layer: 1998 bias counted as in the paper's
     * F_in (inputs only), modern He-uniform on the inputs */
    const float c1_fan = 25, c3_fan_full = 150;
    float *w = n->w;
    memset(w, 0, sizeof(float) * (size_t)n->off[NLAYER]);
    if (is98) {
        fill(&n->rng, w + n->off[C1], n->off[S2] - n->off[C1], 2.4f / c1_fan);
        fill(&n->rng, w + n->off[S2], n->off[C3] - n->off[S2], 2.4f / 4.0f);
        /* C3: each map's fan-in is 25 x its connected maps */
        float *k = w + n->off[C3];
        for (int o = 0; o < 16; o++) {
            int links = 0;
            for (int i = 0; i < 6; i++) links += ln_c3_table[o * 6 + i];
            fill(&n->rng, k, links * 25, 2.4f / (float)(links * 25));
            k += links * 25;
        }
        fill(&n->rng, k, 16, 2.4f / 150.0f); /* biases: the mean fan-in */
        fill(&n->rng, w + n->off[S4], n->off[C5] - n->off[S4], 2.4f / 4.0f);
        fill(&n->rng, w + n->off[C5], n->off[F6] - n->off[C5], 2.4f / 400.0f);
        fill(&n->rng, w + n->off[F6], n->off[OUT] - n->off[F6], 2.4f / 120.0f);
    } else {
        fill(&n->rng, w + n->off[C1], 150, sqrtf(6.0f / c1_fan));
        fill(&n->rng, w + n->off[C3], 16 * 150, sqrtf(6.0f / c3_fan_full));
        fill(&n->rng, w + n->off[C5], 120 * 400, sqrtf(6.0f / 400.0f));
        fill(&n->rng, w + n->off[F6], 84 * 120, sqrtf(6.0f / 120.0f));
        fill(&n->rng, w + n->off[OUT], 10 * 84, sqrtf(6.0f / 84.0f));
    }
}

sc_status sc_lenet_create(sc_lenet_variant variant, uint32_t seed, sc_lenet *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out->id = 0;
    if ((int)variant < 0 || variant >= SC_LENET_VARIANT_COUNT) return sc_fail(SC_ERR_OPTION, "variant");
    ln_tables_init();
    ln_net *n = calloc(1, sizeof *n);
    if (!n) return sc_fail(SC_ERR_NOMEM, "net");
    const int is98 = variant == SC_LENET_1998;
    n->variant = variant;
    n->c1 = (ln_conv){1, 6, 32, 32, 5, NULL};
    n->c3 = (ln_conv){6, 16, 14, 14, 5, is98 ? ln_c3_table : NULL};
    const int sizes[NLAYER] = {ln_conv_weights_f32(&n->c1), is98 ? 12 : 0, ln_conv_weights_f32(&n->c3),
                               is98 ? 32 : 0, 400 * 120 + 120, 120 * 84 + 84, is98 ? 0 : 84 * 10 + 10};
    for (int l = 0; l < NLAYER; l++) n->off[l + 1] = n->off[l] + sizes[l];
    const size_t nw = (size_t)n->off[NLAYER];
    n->w = malloc(sizeof(float) * nw);
    n->g = calloc(nw, sizeof(float));
    n->v = calloc(nw, sizeof(float));
    if (!n->w || !n->g || !n->v) {
        free_net(n);
        return sc_fail(SC_ERR_NOMEM, "weights");
    }
    sc_rng_seed(&n->rng, seed);
    init_weights(n);
    const sc_status st = sc_pool_add(SC_KIND_LENET, n, SC_LENET_MAX_NETS, "nets", &out->id);
    if (st != SC_OK) free_net(n);
    return st;
}

sc_status sc_lenet_destroy(sc_lenet h)
{
    ln_net *n = sc_pool_remove(SC_KIND_LENET, h.id);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    free_net(n);
    return SC_OK;
}

sc_status sc_lenet_weight_count(sc_lenet h, int *count)
{
    const ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!count) return sc_fail(SC_ERR_NULL, "count");
    *count = n->off[NLAYER];
    return SC_OK;
}

sc_status sc_lenet_get_weights(sc_lenet h, float *w, int nw)
{
    const ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    if (nw != n->off[NLAYER]) return sc_fail(SC_ERR_SIZE, "w");
    memcpy(w, n->w, sizeof(float) * (size_t)nw);
    return SC_OK;
}

sc_status sc_lenet_set_weights(sc_lenet h, const float *w, int nw)
{
    ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!w) return sc_fail(SC_ERR_NULL, "w");
    if (nw != n->off[NLAYER]) return sc_fail(SC_ERR_SIZE, "w");
    for (int i = 0; i < nw; i++) {
        if (!isfinite(w[i])) return sc_fail(SC_ERR_NONFINITE, "w");
        if (fabsf(w[i]) > SC_LENET_MAX_WEIGHT) return sc_fail(SC_ERR_RANGE, "w");
    }
    memcpy(n->w, w, sizeof(float) * (size_t)nw);
    memset(n->v, 0, sizeof(float) * (size_t)nw);
    return SC_OK;
}

sc_status sc_lenet_passes(sc_lenet h, int *passes)
{
    const ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!passes) return sc_fail(SC_ERR_NULL, "passes");
    *passes = n->passes;
    return SC_OK;
}

float sc_lenet_schedule(int pass)
{
    if (pass < 2) return 5e-4f;
    if (pass < 5) return 2e-4f;
    if (pass < 8) return 1e-4f;
    if (pass < 12) return 5e-5f;
    return 1e-5f;
}

/* The 32 x 32 input: the 28 x 28 image centred, padded by 2. */
static void load_input(ln_net *n, const uint8_t *img)
{
    const int is98 = n->variant == SC_LENET_1998;
    const float lo = is98 ? -0.1f : 0.0f, span = is98 ? 1.275f : 1.0f;
    for (int i = 0; i < 32 * 32; i++) n->x0[i] = lo;
    for (int y = 0; y < 28; y++)
        for (int x = 0; x < 28; x++) n->x0[(y + 2) * 32 + x + 2] = lo + span * ((float)img[y * 28 + x] / 255.0f);
}

static void forward(ln_net *n, const uint8_t *img)
{
    const float *w = n->w;
    load_input(n, img);
    ln_conv_fwd_f32(&n->c1, w + n->off[C1], n->x0, n->a1);
    if (n->variant == SC_LENET_1998) {
        ln_act_fwd_f32(LN_SCALED_TANH, n->a1, n->y1, 6 * 784);
        ln_sub_fwd_f32(6, 28, 28, w + n->off[S2], n->y1, n->a2);
        ln_act_fwd_f32(LN_SCALED_TANH, n->a2, n->y2, 6 * 196);
        ln_conv_fwd_f32(&n->c3, w + n->off[C3], n->y2, n->a3);
        ln_act_fwd_f32(LN_SCALED_TANH, n->a3, n->y3, 1600);
        ln_sub_fwd_f32(16, 10, 10, w + n->off[S4], n->y3, n->a4);
        ln_act_fwd_f32(LN_SCALED_TANH, n->a4, n->y4, 400);
        ln_fc_fwd_f32(400, 120, w + n->off[C5], n->y4, n->a5);
        ln_act_fwd_f32(LN_SCALED_TANH, n->a5, n->y5, 120);
        ln_fc_fwd_f32(120, 84, w + n->off[F6], n->y5, n->a6);
        ln_act_fwd_f32(LN_SCALED_TANH, n->a6, n->y6, 84);
        ln_rbf_fwd_f32(84, 10, ln_rbf_codes, n->y6, n->out);
    } else {
        ln_act_fwd_f32(LN_RELU, n->a1, n->y1, 6 * 784);
        ln_max_fwd_f32(6, 28, 28, n->y1, n->y2, n->arg2);
        ln_conv_fwd_f32(&n->c3, w + n->off[C3], n->y2, n->a3);
        ln_act_fwd_f32(LN_RELU, n->a3, n->y3, 1600);
        ln_max_fwd_f32(16, 10, 10, n->y3, n->y4, n->arg4);
        ln_fc_fwd_f32(400, 120, w + n->off[C5], n->y4, n->a5);
        ln_act_fwd_f32(LN_RELU, n->a5, n->y5, 120);
        ln_fc_fwd_f32(120, 84, w + n->off[F6], n->y5, n->a6);
        ln_act_fwd_f32(LN_RELU, n->a6, n->y6, 84);
        ln_fc_fwd_f32(84, 10, w + n->off[OUT], n->y6, n->out);
    }
}

/* The loss of the last forward pass; adds its gradient into n->g. */
static float backward(ln_net *n, int label, sc_lenet_loss loss)
{
    const float *w = n->w;
    float *g = n->g, e;
    if (n->variant == SC_LENET_1998) {
        e = loss == SC_LENET_LOSS_MAP ? ln_loss_map_f32(n->out, 10, label, 1.0f, n->dout)
                                      : ln_loss_mle_f32(n->out, 10, label, n->dout);
        ln_rbf_bwd_f32(84, 10, ln_rbf_codes, n->y6, n->dout, n->e6);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a6, n->y6, n->e6, n->d6, 84);
        ln_fc_bwd_f32(120, 84, w + n->off[F6], n->y5, n->d6, g + n->off[F6], n->e5);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a5, n->y5, n->e5, n->d5, 120);
        ln_fc_bwd_f32(400, 120, w + n->off[C5], n->y4, n->d5, g + n->off[C5], n->e4);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a4, n->y4, n->e4, n->d4, 400);
        ln_sub_bwd_f32(16, 10, 10, w + n->off[S4], n->y3, n->d4, g + n->off[S4], n->e3);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a3, n->y3, n->e3, n->d3, 1600);
        ln_conv_bwd_f32(&n->c3, w + n->off[C3], n->y2, n->d3, g + n->off[C3], n->e2);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a2, n->y2, n->e2, n->d2, 6 * 196);
        ln_sub_bwd_f32(6, 28, 28, w + n->off[S2], n->y1, n->d2, g + n->off[S2], n->e1);
        ln_act_bwd_f32(LN_SCALED_TANH, n->a1, n->y1, n->e1, n->d1, 6 * 784);
    } else {
        e = ln_loss_softmax_f32(n->out, 10, label, n->p, n->dout);
        ln_fc_bwd_f32(84, 10, w + n->off[OUT], n->y6, n->dout, g + n->off[OUT], n->e6);
        ln_act_bwd_f32(LN_RELU, n->a6, n->y6, n->e6, n->d6, 84);
        ln_fc_bwd_f32(120, 84, w + n->off[F6], n->y5, n->d6, g + n->off[F6], n->e5);
        ln_act_bwd_f32(LN_RELU, n->a5, n->y5, n->e5, n->d5, 120);
        ln_fc_bwd_f32(400, 120, w + n->off[C5], n->y4, n->d5, g + n->off[C5], n->e4);
        ln_max_bwd_f32(16, 10, 10, n->e4, n->arg4, n->e3);
        ln_act_bwd_f32(LN_RELU, n->a3, n->y3, n->e3, n->d3, 1600);
        ln_conv_bwd_f32(&n->c3, w + n->off[C3], n->y2, n->d3, g + n->off[C3], n->e2);
        ln_max_bwd_f32(6, 28, 28, n->e2, n->arg2, n->e1);
        ln_act_bwd_f32(LN_RELU, n->a1, n->y1, n->e1, n->d1, 6 * 784);
    }
    ln_conv_bwd_f32(&n->c1, w + n->off[C1], n->x0, n->d1, g + n->off[C1], NULL);
    return e;
}

static sc_status check_data(const uint8_t *images, const uint8_t *labels, int count, int need_labels)
{
    if (!images) return sc_fail(SC_ERR_NULL, "images");
    if (need_labels && !labels) return sc_fail(SC_ERR_NULL, "labels");
    if (count < 1 || count > SC_LENET_MAX_IMAGES) return sc_fail(SC_ERR_SIZE, "count");
    if (need_labels)
        for (int i = 0; i < count; i++)
            if (labels[i] > 9) return sc_fail(SC_ERR_RANGE, "labels");
    return SC_OK;
}

sc_status sc_lenet_train_epoch(sc_lenet h, const uint8_t *images, const uint8_t *labels, int count, float lr,
                               int batch, sc_lenet_loss loss, float *loss_out)
{
    ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    sc_status st = check_data(images, labels, count, 1);
    if (st != SC_OK) return st;
    if (!isfinite(lr)) return sc_fail(SC_ERR_NONFINITE, "lr");
    if (lr < 0 || lr > SC_LENET_MAX_LR) return sc_fail(SC_ERR_RANGE, "lr");
    if (batch < 0 || batch > SC_LENET_MAX_BATCH) return sc_fail(SC_ERR_SIZE, "batch");
    if ((int)loss < 0 || loss >= SC_LENET_LOSS_COUNT) return sc_fail(SC_ERR_OPTION, "loss");
    const int is98 = n->variant == SC_LENET_1998;
    if (!is98 && loss != SC_LENET_LOSS_DEFAULT) return sc_fail(SC_ERR_OPTION, "loss");
    if (lr == 0) lr = is98 ? sc_lenet_schedule(n->passes) * SC_LENET_1998_LR_SCALE : 0.01f;
    if (batch == 0) batch = is98 ? 1 : 32;
    const float momentum = is98 ? 0.0f : 0.9f;
    int *order = malloc(sizeof(int) * (size_t)count);
    if (!order) return sc_fail(SC_ERR_NOMEM, "order");
    for (int i = 0; i < count; i++) order[i] = i;
    for (int i = count - 1; i > 0; i--) { /* Fisher-Yates */
        const int j = (int)sc_rng_below(&n->rng, (uint32_t)i + 1);
        const int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    const int nw = n->off[NLAYER];
    double total = 0;
    for (int start = 0; start < count; start += batch) {
        const int m = count - start < batch ? count - start : batch;
        memset(n->g, 0, sizeof(float) * (size_t)nw);
        for (int s = 0; s < m; s++) {
            const int k = order[start + s];
            forward(n, images + (size_t)k * SC_LENET_PIXELS);
            total += backward(n, labels[k], loss);
        }
        const float step = lr / (float)m;
        for (int i = 0; i < nw; i++) {
            n->v[i] = momentum * n->v[i] - step * n->g[i];
            n->w[i] += n->v[i];
        }
    }
    free(order);
    n->passes++;
    if (!sc_all_finite(n->w, (size_t)nw)) return sc_fail(SC_ERR_OVERFLOW, "weights");
    if (loss_out) *loss_out = (float)(total / count);
    return SC_OK;
}

/* Scores of the last forward pass (lenet.h). */
static void scores(ln_net *n, float *s)
{
    if (n->variant == SC_LENET_1998) {
        for (int i = 0; i < 10; i++) s[i] = -n->out[i];
    } else {
        float dz[10];
        ln_loss_softmax_f32(n->out, 10, 0, s, dz);
    }
}

static int argmax(const float *s)
{
    int b = 0;
    for (int i = 1; i < 10; i++)
        if (s[i] > s[b]) b = i;
    return b;
}

sc_status sc_lenet_predict(sc_lenet h, const uint8_t *images, int count, float *out, int nscores)
{
    ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    sc_status st = check_data(images, NULL, count, 0);
    if (st != SC_OK) return st;
    if (!out) return sc_fail(SC_ERR_NULL, "scores");
    if (nscores != count * 10) return sc_fail(SC_ERR_SIZE, "scores");
    for (int k = 0; k < count; k++) {
        forward(n, images + (size_t)k * SC_LENET_PIXELS);
        scores(n, out + (size_t)k * 10);
    }
    return sc_check_output(out, (size_t)nscores, "scores");
}

sc_status sc_lenet_evaluate(sc_lenet h, const uint8_t *images, const uint8_t *labels, int count,
                            int32_t *confusion, int nconfusion, int *errors)
{
    ln_net *n = get(h);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    sc_status st = check_data(images, labels, count, 1);
    if (st != SC_OK) return st;
    if (!confusion) return sc_fail(SC_ERR_NULL, "confusion");
    if (nconfusion != 100) return sc_fail(SC_ERR_SIZE, "confusion");
    if (!errors) return sc_fail(SC_ERR_NULL, "errors");
    memset(confusion, 0, sizeof(int32_t) * 100);
    int wrong = 0;
    for (int k = 0; k < count; k++) {
        float s[10];
        forward(n, images + (size_t)k * SC_LENET_PIXELS);
        scores(n, s);
        const int c = argmax(s);
        confusion[labels[k] * 10 + c]++;
        wrong += c != labels[k];
    }
    *errors = wrong;
    return SC_OK;
}

sc_status sc_lenet_c3_table(uint8_t *table, int ntable)
{
    if (!table) return sc_fail(SC_ERR_NULL, "table");
    if (ntable != 96) return sc_fail(SC_ERR_SIZE, "table");
    ln_tables_init();
    memcpy(table, ln_c3_table, 96);
    return SC_OK;
}

sc_status sc_lenet_codes(float *codes, int ncodes)
{
    if (!codes) return sc_fail(SC_ERR_NULL, "codes");
    if (ncodes != 840) return sc_fail(SC_ERR_SIZE, "codes");
    ln_tables_init();
    memcpy(codes, ln_rbf_codes, sizeof(float) * 840);
    return SC_OK;
}
