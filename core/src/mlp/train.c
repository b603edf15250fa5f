/* Prediction, loss, gradient, error rate and the (mini-)batch update
 * steps with the lecture's momentum rule (mlp.h); the epoch loop is in
 * fit.c. */
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

double mlp_mean_loss(const mlp_net *n, mlp_work *ws, const float *x, const float *t, int count)
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

void mlp_mean_gradient(const mlp_net *n, mlp_work *ws, const float *x, const float *t,
                       const int *idx, int first, int m, float *g, double *loss_sum)
{
    memset(g, 0, sizeof(float) * (size_t)n->nw);
    double sum = 0.0;
    for (int done = 0; done < m; done += MLP_CHUNK) {
        const int rows = m - done < MLP_CHUNK ? m - done : MLP_CHUNK;
        mlp_gather(n, ws, x, t, idx, first + done, rows);
        mlp_forward(n, ws, rows);
        if (loss_sum) sum += mlp_loss_sum(n, ws, rows);
        mlp_backward(n, ws, rows, 1.0f / (float)m, g);
    }
    if (loss_sum) *loss_sum = sum;
}

static int argmax(const float *v, int n)
{
    int k = 0;
    for (int i = 1; i < n; i++) k = v[i] > v[k] ? i : k;
    return k;
}

int mlp_error_count(const mlp_net *n, mlp_work *ws, const float *x, const float *t, int count)
{
    const int out = n->sizes[n->nlayers];
    const float cut = n->loss == SC_MLP_MSE ? 0.0f : 0.5f;
    int wrong = 0;
    for (int first = 0; first < count; first += MLP_CHUNK) {
        const int rows = count - first < MLP_CHUNK ? count - first : MLP_CHUNK;
        mlp_gather(n, ws, x, t, NULL, first, rows);
        mlp_forward(n, ws, rows);
        const float *y = ws->y[n->nlayers];
        for (int r = 0; r < rows; r++) {
            const float *yr = y + (size_t)r * out, *tr = ws->t + (size_t)r * out;
            wrong += out == 1 ? (yr[0] >= cut) != (tr[0] >= cut) : argmax(yr, out) != argmax(tr, out);
        }
    }
    return wrong;
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
    *loss = mlp_mean_loss(n, &ws, x, t, count);
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
    mlp_mean_gradient(n, &ws, x, t, NULL, 0, count, g, NULL);
    mlp_work_free(&ws);
    return sc_check_output(g, (size_t)ng, "g");
}

sc_status sc_mlp_error_rate(sc_mlp net, const float *x, const float *t, int count, double *rate)
{
    const mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!rate) return sc_fail(SC_ERR_NULL, "rate");
    sc_status st = mlp_check_data(n, x, t, count);
    if (st != SC_OK) return st;
    mlp_work ws;
    if (mlp_work_init(n, &ws) != SC_OK) return SC_ERR_NOMEM;
    *rate = (double)mlp_error_count(n, &ws, x, t, count) / count;
    mlp_work_free(&ws);
    return SC_OK;
}

void mlp_update(mlp_net *n, const float *g, float eta, float alpha, float decay)
{
    for (int l = 1; l <= n->nlayers; l++) {
        const int nweights = n->sizes[l] * n->sizes[l - 1], total = n->sizes[l] * (n->sizes[l - 1] + 1);
        for (int i = n->off[l]; i < n->off[l] + total; i++) {
            const float lw = i < n->off[l] + nweights ? decay * n->w[i] : 0.0f;
            n->dw[i] = alpha * n->dw[i] - eta * (g[i] + lw);
            n->w[i] += n->dw[i];
        }
    }
}
