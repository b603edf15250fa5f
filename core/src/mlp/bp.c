/* Forward and backward passes over a block of rows through sc_gemm_f32
 * (lecture 3's BP: deltas of the output layer, then of each hidden layer
 * from the next layer's deltas and the old weights). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mlp_internal.h"
#include "dense.h"
#include "simcore/linalg.h"

sc_status mlp_work_init(const mlp_net *n, mlp_work *ws)
{
    size_t total = 0;
    for (int l = 0; l <= n->nlayers; l++) total += (size_t)n->sizes[l];
    const int nout = n->sizes[n->nlayers];
    total += 2 * (size_t)nout + 2 * (size_t)n->maxwidth;
    ws->block = malloc(sizeof(float) * total * MLP_CHUNK);
    if (!ws->block) return sc_fail(SC_ERR_NOMEM, "scratch");
    float *p = ws->block;
    for (int l = 0; l <= n->nlayers; l++, p += (size_t)n->sizes[l - 1] * MLP_CHUNK) ws->y[l] = p;
    ws->v_out = p;
    p += (size_t)nout * MLP_CHUNK;
    ws->t = p;
    p += (size_t)nout * MLP_CHUNK;
    ws->d0 = p;
    p += (size_t)n->maxwidth * MLP_CHUNK;
    ws->d1 = p;
    return SC_OK;
}

void mlp_work_free(mlp_work *ws)
{
    free(ws->block);
    ws->block = NULL;
}

void mlp_activate(int act, float *y, size_t count)
{
    if (act == SC_MLP_TANH) { /* fixed-order kernel: the same bits in every build */
        mlp_dense_variants[mlp_dense_variant_count - 1].tanh(y, count);
        return;
    }
    for (size_t i = 0; i < count; i++) {
        const float v = y[i];
        switch (act) {
        case SC_MLP_LOGISTIC:
            y[i] = 1.0f / (1.0f + expf(-v));
            break;
        case SC_MLP_RELU:
            y[i] = v > 0.0f ? v : 0.0f;
            break;
        case SC_MLP_LEAKY_RELU:
            y[i] = v > 0.0f ? v : SC_MLP_LEAKY_SLOPE * v;
            break;
        default:
            break;
        }
    }
}

/* d *= phi'(v) written from the layer's outputs y (for the ReLUs, y > 0 iff v > 0). */
void mlp_times_derivative(int act, const float *y, float *d, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const float a = y[i];
        switch (act) {
        case SC_MLP_LOGISTIC:
            d[i] *= a * (1.0f - a);
            break;
        case SC_MLP_TANH:
            d[i] *= 1.0f - a * a;
            break;
        case SC_MLP_RELU:
            d[i] = a > 0.0f ? d[i] : 0.0f;
            break;
        case SC_MLP_LEAKY_RELU:
            d[i] *= a > 0.0f ? 1.0f : SC_MLP_LEAKY_SLOPE;
            break;
        default:
            break;
        }
    }
}

void mlp_forward(const mlp_net *n, mlp_work *ws, int rows)
{
    const int L = n->nlayers;
    for (int l = 1; l <= L; l++) {
        const int in = n->sizes[l - 1], out = n->sizes[l];
        const float *w = n->w + n->off[l], *b = w + (size_t)out * in;
        float *y = ws->y[l];
        for (int r = 0; r < rows; r++) memcpy(y + (size_t)r * out, b, sizeof(float) * (size_t)out);
        sc_gemm_f32(SC_NO_TRANS, SC_TRANS, rows, out, in, 1.0f, ws->y[l - 1], in, w, in, 1.0f, y, out);
        if (l < L)
            mlp_activate(n->act[l], y, (size_t)rows * out);
        else
            mlp_output(n, y, ws->v_out, rows);
    }
}

void mlp_output(const mlp_net *n, float *y, float *v_out, int rows)
{
    const int out = n->sizes[n->nlayers];
    memcpy(v_out, y, sizeof(float) * (size_t)rows * out);
    if (n->loss == SC_MLP_BCE) mlp_activate(SC_MLP_LOGISTIC, y, (size_t)rows * out);
    if (n->loss == SC_MLP_SOFTMAX_CE) {
        for (int r = 0; r < rows; r++) {
            float *o = y + (size_t)r * out, m = o[0], s = 0.0f;
            for (int k = 1; k < out; k++) m = o[k] > m ? o[k] : m;
            for (int k = 0; k < out; k++) s += o[k] = expf(o[k] - m);
            for (int k = 0; k < out; k++) o[k] /= s;
        }
    }
}

double mlp_loss_sum(const mlp_net *n, const mlp_work *ws, int rows)
{
    const int out = n->sizes[n->nlayers];
    const float *y = ws->y[n->nlayers], *v = ws->v_out, *t = ws->t;
    double sum = 0.0;
    for (int r = 0; r < rows; r++) {
        const size_t o = (size_t)r * out;
        if (n->loss == SC_MLP_MSE) {
            for (int k = 0; k < out; k++) sum += 0.5 * ((double)t[o + k] - y[o + k]) * ((double)t[o + k] - y[o + k]);
        } else if (n->loss == SC_MLP_BCE) {
            /* -[t ln s(v) + (1-t) ln(1-s(v))] = softplus(v) - t v, stable for any v */
            for (int k = 0; k < out; k++) {
                const double a = v[o + k];
                sum += (a > 0 ? a + log1p(exp(-a)) : log1p(exp(a))) - t[o + k] * a;
            }
        } else {
            int top = 0;
            for (int k = 1; k < out; k++) top = v[o + k] > v[o + top] ? k : top;
            const double m = v[o + top];
            double s = 1.0; /* the largest term, exp(0) */
            for (int k = 0; k < out; k++) s += k == top ? 0.0 : exp(v[o + k] - m);
            const double lse = m + log(s);
            for (int k = 0; k < out; k++) sum -= t[o + k] * (v[o + k] - lse);
        }
    }
    return sum;
}

void mlp_backward(const mlp_net *n, mlp_work *ws, int rows, float scale, float *g)
{
    const int L = n->nlayers, nout = n->sizes[L];
    float *d = ws->d0, *dprev = ws->d1;
    /* dE/dv of the output layer: y - t for each output/loss pair (= -delta). */
    for (size_t i = 0; i < (size_t)rows * nout; i++) d[i] = ws->y[L][i] - ws->t[i];
    for (int l = L; l >= 1; l--) {
        const int in = n->sizes[l - 1], out = n->sizes[l];
        const float *w = n->w + n->off[l];
        float *gw = g + n->off[l], *gb = gw + (size_t)out * in;
        sc_gemm_f32(SC_TRANS, SC_NO_TRANS, out, in, rows, scale, d, out, ws->y[l - 1], in, 1.0f, gw, in);
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < out; k++) gb[k] += scale * d[(size_t)r * out + k];
        if (l == 1) break;
        /* hidden deltas from the old weights, before any update */
        sc_gemm_f32(SC_NO_TRANS, SC_NO_TRANS, rows, in, out, 1.0f, d, out, w, in, 0.0f, dprev, in);
        mlp_times_derivative(n->act[l - 1], ws->y[l - 1], dprev, (size_t)rows * in);
        float *tmp = d;
        d = dprev;
        dprev = tmp;
    }
}

void mlp_gather(const mlp_net *n, mlp_work *ws, const float *x, const float *t, const int *idx,
                int first, int rows)
{
    const int in = n->sizes[0], out = n->sizes[n->nlayers];
    for (int r = 0; r < rows; r++) {
        const size_t s = idx ? (size_t)idx[first + r] : (size_t)(first + r);
        memcpy(ws->y[0] + (size_t)r * in, x + s * in, sizeof(float) * (size_t)in);
        if (t) memcpy(ws->t + (size_t)r * out, t + s * out, sizeof(float) * (size_t)out);
    }
}

sc_status mlp_check_data(const mlp_net *n, const float *x, const float *t, int count)
{
    return mlp_check_named(n, x, t, count, "x", "t", "count");
}

sc_status mlp_check_named(const mlp_net *n, const float *x, const float *t, int count,
                          const char *xname, const char *tname, const char *cname)
{
    if (count < 1 || count > SC_MLP_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, cname);
    if (!x) return sc_fail(SC_ERR_NULL, xname);
    if (!t) return sc_fail(SC_ERR_NULL, tname);
    const int in = n->sizes[0], out = n->sizes[n->nlayers];
    if (!sc_all_finite(x, (size_t)count * in)) return sc_fail(SC_ERR_NONFINITE, xname);
    if (!sc_all_finite(t, (size_t)count * out)) return sc_fail(SC_ERR_NONFINITE, tname);
    if (n->loss == SC_MLP_MSE) return SC_OK;
    for (int r = 0; r < count; r++) {
        double s = 0.0;
        for (int k = 0; k < out; k++) {
            const float v = t[(size_t)r * out + k];
            if (v < 0.0f || v > 1.0f) return sc_fail(SC_ERR_RANGE, tname);
            s += v;
        }
        if (n->loss == SC_MLP_SOFTMAX_CE && fabs(s - 1.0) > 1e-4) return sc_fail(SC_ERR_RANGE, tname);
    }
    return SC_OK;
}
