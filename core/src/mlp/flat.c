/* Flat (scalar-argument) MLP entry points: handles as ids, enums as ints,
 * reals as doubles checked for finiteness before they narrow to float. */
#include <math.h>
#include "mlp_internal.h"

static sc_mlp handle(uint32_t id) { return (sc_mlp){id}; }

static sc_status narrow(double v, const char *name, float *out)
{
    if (!isfinite(v) || !isfinite((float)v)) return sc_fail(SC_ERR_NONFINITE, name);
    *out = (float)v;
    return SC_OK;
}

int sc_flat_mlp_create(const int *sizes, int nsizes, const int *act, int nact, int loss,
                       uint32_t seed, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    *id = 0;
    if (nsizes < 2 || nsizes > SC_MLP_MAX_HIDDEN + 2) return sc_fail(SC_ERR_SIZE, "nsizes");
    if (nact != nsizes - 2) return sc_fail(SC_ERR_SIZE, "act");
    if (nact > 0 && !act) return sc_fail(SC_ERR_NULL, "act");
    sc_mlp_activation a[SC_MLP_MAX_HIDDEN];
    for (int i = 0; i < nact; i++) {
        if (act[i] < 0 || act[i] >= SC_MLP_ACTIVATION_COUNT) return sc_fail(SC_ERR_OPTION, "act");
        a[i] = (sc_mlp_activation)act[i];
    }
    if (loss < 0 || loss >= SC_MLP_LOSS_COUNT) return sc_fail(SC_ERR_OPTION, "loss");
    sc_mlp h;
    const sc_status st = sc_mlp_create(sizes, nsizes, a, (sc_mlp_loss)loss, seed, &h);
    *id = h.id;
    return st;
}

int sc_flat_mlp_destroy(uint32_t id) { return sc_mlp_destroy(handle(id)); }
int sc_flat_mlp_reset(uint32_t id) { return sc_mlp_reset(handle(id)); }

int sc_flat_mlp_info(uint32_t id, int *info, int ninfo)
{
    const mlp_net *n = mlp_get(handle(id));
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != 4) return sc_fail(SC_ERR_SIZE, "info");
    info[0] = n->sizes[0];
    info[1] = n->sizes[n->nlayers];
    info[2] = n->nlayers + 1;
    info[3] = n->nw;
    return SC_OK;
}

int sc_flat_mlp_get_weights(uint32_t id, float *w, int n) { return sc_mlp_get_weights(handle(id), w, n); }
int sc_flat_mlp_set_weights(uint32_t id, const float *w, int n) { return sc_mlp_set_weights(handle(id), w, n); }

int sc_flat_mlp_predict(uint32_t id, const float *x, int count, float *out, int n)
{
    return sc_mlp_predict(handle(id), x, count, out, n);
}

int sc_flat_mlp_predict_grid(uint32_t id, double x0, double x1, double y0, double y1, int nx, int ny,
                             float *out, int n)
{
    float f[4] = {0};
    sc_status st = narrow(x0, "x range", &f[0]);
    if (st == SC_OK) st = narrow(x1, "x range", &f[1]);
    if (st == SC_OK) st = narrow(y0, "y range", &f[2]);
    if (st == SC_OK) st = narrow(y1, "y range", &f[3]);
    return st != SC_OK ? st : sc_mlp_predict_grid(handle(id), f[0], f[1], f[2], f[3], nx, ny, out, n);
}

int sc_flat_mlp_loss(uint32_t id, const float *x, const float *t, int count, double *loss)
{
    return sc_mlp_loss_value(handle(id), x, t, count, loss);
}

int sc_flat_mlp_gradient(uint32_t id, const float *x, const float *t, int count, float *g, int n)
{
    return sc_mlp_gradient(handle(id), x, t, count, g, n);
}

int sc_flat_mlp_train(uint32_t id, const float *x, const float *t, int count, int epochs, int batch,
                      int shuffle, double eta, double alpha, double decay, float *trace, int ntrace)
{
    sc_mlp_train_desc d = {.epochs = epochs, .batch = batch, .shuffle = shuffle};
    sc_status st = narrow(eta, "eta", &d.eta);
    if (st == SC_OK) st = narrow(alpha, "alpha", &d.alpha);
    if (st == SC_OK) st = narrow(decay, "decay", &d.decay);
    return st != SC_OK ? st : sc_mlp_train(handle(id), x, t, count, &d, trace, ntrace);
}

int sc_flat_mlp_double_moon(int n, double r, double w, double d, uint32_t seed, float *x, int8_t *y)
{
    float f[3] = {0};
    sc_status st = narrow(r, "r", &f[0]);
    if (st == SC_OK) st = narrow(w, "w", &f[1]);
    if (st == SC_OK) st = narrow(d, "d", &f[2]);
    return st != SC_OK ? st : sc_mlp_double_moon(n, f[0], f[1], f[2], seed, x, y);
}

int sc_flat_mlp_fit(uint32_t id, const float *x, const float *t, int count, const float *xtest,
                    const float *ttest, int ntest, const int *iopt, int niopt, const double *ropt,
                    int nropt, float *trace, int ntrace, int *result, int nresult)
{
    if (!iopt) return sc_fail(SC_ERR_NULL, "iopt");
    if (niopt != 9) return sc_fail(SC_ERR_SIZE, "iopt");
    if (!ropt) return sc_fail(SC_ERR_NULL, "ropt");
    if (nropt != 6) return sc_fail(SC_ERR_SIZE, "ropt");
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    if (nresult != 3) return sc_fail(SC_ERR_SIZE, "result");
    if (!trace) return sc_fail(SC_ERR_NULL, "trace");
    const int epochs = iopt[0];
    if (epochs < 1 || epochs > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_SIZE, "epochs");
    if (ntrace != 5 * epochs) return sc_fail(SC_ERR_SIZE, "trace");
    if (iopt[6] != 0 && iopt[6] != 1) return sc_fail(SC_ERR_OPTION, "want_grad_norm");
    sc_mlp_train_desc d = {.epochs = epochs, .batch = iopt[1], .shuffle = iopt[2], .schedule = iopt[3], .patience = iopt[4], .monitor = iopt[5], .schedule_epochs = iopt[7], .schedule_from = iopt[8]};
    sc_status st = narrow(ropt[0], "eta", &d.eta);
    if (st == SC_OK) st = narrow(ropt[1], "alpha", &d.alpha);
    if (st == SC_OK) st = narrow(ropt[2], "decay", &d.decay);
    if (st == SC_OK) st = narrow(ropt[3], "eta_end", &d.eta_end);
    if (st == SC_OK) st = narrow(ropt[4], "grad_tol", &d.grad_tol);
    if (st == SC_OK) st = narrow(ropt[5], "change_tol", &d.change_tol);
    if (st != SC_OK) return st;
    const size_t e = (size_t)epochs;
    const sc_mlp_fit_trace tr = {trace, ntest > 0 ? trace + e : NULL, ntest > 0 ? trace + 2 * e : NULL,
                                 iopt[6] ? trace + 3 * e : NULL, trace + 4 * e, epochs};
    for (size_t i = 0; i < 5 * e; i++) trace[i] = 0.0f;
    sc_mlp_fit_result res = {0, SC_MLP_STOP_EPOCHS, -1};
    st = sc_mlp_fit(handle(id), x, t, count, xtest, ttest, ntest, &d, &tr, &res);
    result[0] = res.epochs;
    result[1] = (int)res.stopped;
    result[2] = res.best_epoch;
    return st;
}

int sc_flat_mlp_error_rate(uint32_t id, const float *x, const float *t, int count, double *rate)
{
    return sc_mlp_error_rate(handle(id), x, t, count, rate);
}

int sc_flat_mlp_preprocess_fit(const float *x, int count, int dim, int flags, float *mean, int nmean,
                               float *matrix, int nmatrix)
{
    if (dim < 1 || dim > SC_MLP_MAX_INPUTS) return sc_fail(SC_ERR_SIZE, "dim");
    if (nmean != dim) return sc_fail(SC_ERR_SIZE, "mean");
    if (nmatrix != dim * dim) return sc_fail(SC_ERR_SIZE, "matrix");
    return sc_mlp_preprocess_fit(x, count, dim, flags, mean, matrix);
}

int sc_flat_mlp_preprocess_apply(const float *mean, int nmean, const float *matrix, int nmatrix, int dim,
                                 const float *x, int count, float *out, int nout)
{
    if (dim < 1 || dim > SC_MLP_MAX_INPUTS) return sc_fail(SC_ERR_SIZE, "dim");
    if (count < 1 || count > SC_MLP_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "count");
    if (nmean != dim) return sc_fail(SC_ERR_SIZE, "mean");
    if (nmatrix != dim * dim) return sc_fail(SC_ERR_SIZE, "matrix");
    if ((int64_t)nout != (int64_t)count * dim) return sc_fail(SC_ERR_SIZE, "out");
    return sc_mlp_preprocess_apply(mean, matrix, dim, x, count, out);
}
