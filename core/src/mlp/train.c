/* Prediction, loss, gradient and training (online, mini-batch, full batch)
 * with the lecture's momentum rule (mlp.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mlp_internal.h"

sc_status sc_mlp_predict(sc_mlp net, const float *x, int count, float *out, int nout_total)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (count < 1 || count > SC_MLP_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "count");
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    const int in = n->sizes[0], nout = n->sizes[n->nlayers];
    if (nout_total != count * nout) return sc_fail(SC_ERR_SIZE, "out");
    if (!sc_all_finite(x, (size_t)count * in)) return sc_fail(SC_ERR_NONFINITE, "x");
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    for (int first = 0; first < count; first += MLP_CHUNK) {
        const int rows = count - first < MLP_CHUNK ? count - first : MLP_CHUNK;
        mlp_gather(n, &ws, x, NULL, NULL, first, rows);
        mlp_forward(n, &ws, rows);
        memcpy(out + (size_t)first * nout, ws.y[n->nlayers], sizeof(float) * (size_t)rows * nout);
    }
    mlp_work_free(&ws);
    return sc_check_output(out, (size_t)nout_total, "out");
}

sc_status sc_mlp_predict_grid(sc_mlp net, float x0, float x1, float y0, float y1, int nx, int ny,
                              float *out, int nout_total)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (n->sizes[0] != 2) return sc_fail(SC_ERR_SIZE, "inputs");
    if (!isfinite(x0) || !isfinite(x1)) return sc_fail(SC_ERR_NONFINITE, "x range");
    if (!isfinite(y0) || !isfinite(y1)) return sc_fail(SC_ERR_NONFINITE, "y range");
    if (nx < 2 || nx > SC_MLP_MAX_GRID) return sc_fail(SC_ERR_SIZE, "nx");
    if (ny < 2 || ny > SC_MLP_MAX_GRID) return sc_fail(SC_ERR_SIZE, "ny");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    const int nout = n->sizes[n->nlayers], count = nx * ny;
    if (nout_total != count * nout) return sc_fail(SC_ERR_SIZE, "out");
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    const float hx = (x1 - x0) / (float)(nx - 1), hy = (y1 - y0) / (float)(ny - 1);
    for (int first = 0; first < count; first += MLP_CHUNK) {
        const int rows = count - first < MLP_CHUNK ? count - first : MLP_CHUNK;
        for (int r = 0; r < rows; r++) {
            const int p = first + r, row = p / nx, col = p % nx;
            ws.y[0][2 * r] = x0 + hx * (float)col;
            ws.y[0][2 * r + 1] = y0 + hy * (float)row;
        }
        mlp_forward(n, &ws, rows);
        memcpy(out + (size_t)first * nout, ws.y[n->nlayers], sizeof(float) * (size_t)rows * nout);
    }
    mlp_work_free(&ws);
    return sc_check_output(out, (size_t)nout_total, "out");
}

/* Mean loss over all samples; forward passes only. */
static double mean_loss(const mlp_net *n, mlp_work *ws, const float *x, const float *t, int count)
{
    double sum = 0.0;
    for (int first = 0; first < count; first += MLP_CHUNK) {
        const int rows = count - first < MLP_CHUNK ? count - first : MLP_CHUNK;
        mlp_gather(n, ws, x, t, NULL, first, rows);
        mlp_forward(n, ws, rows);
        sum += mlp_loss_sum(n, ws, rows);
    }
    return sum / count;
}

/* g = mean gradient over samples idx[first..first+m) (idx NULL: in order). */
static void gradient(const mlp_net *n, mlp_work *ws, const float *x, const float *t, const int *idx,
                     int first, int m, float *g)
{
    memset(g, 0, sizeof(float) * (size_t)n->nw);
    for (int done = 0; done < m; done += MLP_CHUNK) {
        const int rows = m - done < MLP_CHUNK ? m - done : MLP_CHUNK;
        mlp_gather(n, ws, x, t, idx, first + done, rows);
        mlp_forward(n, ws, rows);
        mlp_backward(n, ws, rows, 1.0f / (float)m, g);
    }
}

sc_status sc_mlp_loss_value(sc_mlp net, const float *x, const float *t, int count, double *loss)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!loss) return sc_fail(SC_ERR_NULL, "loss");
    sc_status st = mlp_check_data(n, x, t, count);
    if (st != SC_OK) return st;
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    *loss = mean_loss(n, &ws, x, t, count);
    mlp_work_free(&ws);
    return isfinite(*loss) ? SC_OK : sc_fail(SC_ERR_OVERFLOW, "loss");
}

sc_status sc_mlp_gradient(sc_mlp net, const float *x, const float *t, int count, float *g, int ng)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!g) return sc_fail(SC_ERR_NULL, "g");
    if (ng != n->nw) return sc_fail(SC_ERR_SIZE, "g");
    sc_status st = mlp_check_data(n, x, t, count);
    if (st != SC_OK) return st;
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    gradient(n, &ws, x, t, NULL, 0, count, g);
    mlp_work_free(&ws);
    return sc_check_output(g, (size_t)ng, "g");
}

/* dw = alpha dw - eta (g + lambda w) (decay on weights, not biases); w += dw. */
static void update(mlp_net *n, const float *g, const sc_mlp_train_desc *d)
{
    for (int l = 1; l <= n->nlayers; l++) {
        const int nweights = n->sizes[l] * n->sizes[l - 1], total = n->sizes[l] * (n->sizes[l - 1] + 1);
        for (int i = n->off[l]; i < n->off[l] + total; i++) {
            const float decay = i < n->off[l] + nweights ? d->decay * n->w[i] : 0.0f;
            n->dw[i] = d->alpha * n->dw[i] - d->eta * (g[i] + decay);
            n->w[i] += n->dw[i];
        }
    }
}

static sc_status check_desc(const sc_mlp_train_desc *d)
{
    if (!d) return sc_fail(SC_ERR_NULL, "desc");
    if (d->epochs < 1 || d->epochs > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_SIZE, "epochs");
    if (d->batch < 0) return sc_fail(SC_ERR_SIZE, "batch");
    if (d->shuffle != 0 && d->shuffle != 1) return sc_fail(SC_ERR_OPTION, "shuffle");
    if (!isfinite(d->eta)) return sc_fail(SC_ERR_NONFINITE, "eta");
    if (!isfinite(d->alpha)) return sc_fail(SC_ERR_NONFINITE, "alpha");
    if (!isfinite(d->decay)) return sc_fail(SC_ERR_NONFINITE, "decay");
    if (!(d->eta > 0.0f)) return sc_fail(SC_ERR_RANGE, "eta");
    if (!(d->alpha >= 0.0f && d->alpha < 1.0f)) return sc_fail(SC_ERR_RANGE, "alpha");
    if (!(d->decay >= 0.0f)) return sc_fail(SC_ERR_RANGE, "decay");
    return SC_OK;
}

sc_status sc_mlp_train(sc_mlp net, const float *x, const float *t, int count,
                       const sc_mlp_train_desc *desc, float *trace, int ntrace)
{
    mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    sc_status st = check_desc(desc);
    if (st != SC_OK) return st;
    if (!trace) return sc_fail(SC_ERR_NULL, "trace");
    if (ntrace != desc->epochs) return sc_fail(SC_ERR_SIZE, "trace");
    st = mlp_check_data(n, x, t, count);
    if (st != SC_OK) return st;
    const int batch = desc->batch == 0 || desc->batch > count ? count : desc->batch;
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    float *g = malloc(sizeof(float) * (size_t)n->nw);
    int *order = malloc(sizeof(int) * (size_t)count);
    if (!g || !order) {
        free(g);
        free(order);
        mlp_work_free(&ws);
        return sc_fail(SC_ERR_NOMEM, "scratch");
    }
    for (int i = 0; i < count; i++) order[i] = i;
    st = SC_OK;
    for (int e = 0; e < desc->epochs && st == SC_OK; e++) {
        if (desc->shuffle)
            for (int i = count - 1; i > 0; i--) { /* Fisher-Yates */
                const int j = (int)sc_rng_below(&n->rng, (uint32_t)i + 1), tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        for (int first = 0; first < count; first += batch) {
            const int m = count - first < batch ? count - first : batch;
            gradient(n, &ws, x, t, order, first, m, g);
            update(n, g, desc);
        }
        const double loss = mean_loss(n, &ws, x, t, count);
        trace[e] = (float)loss;
        if (!isfinite(trace[e]) || !sc_all_finite(n->w, (size_t)n->nw)) st = sc_fail(SC_ERR_OVERFLOW, "weights");
    }
    free(g);
    free(order);
    mlp_work_free(&ws);
    return st;
}
