/* The epoch loop: online steps (online.c) or (mini-)batch steps through
 * GEMM, the eta schedule, and the lecture's stopping criteria (mlp.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mlp_internal.h"

static sc_status check_desc(const sc_mlp_train_desc *d)
{
    if (!d) return sc_fail(SC_ERR_NULL, "desc");
    if (d->epochs < 1 || d->epochs > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_SIZE, "epochs");
    if (d->batch < 0) return sc_fail(SC_ERR_SIZE, "batch");
    if (d->shuffle != 0 && d->shuffle != 1) return sc_fail(SC_ERR_OPTION, "shuffle");
    if ((unsigned)d->schedule >= SC_MLP_SCHEDULE_COUNT) return sc_fail(SC_ERR_OPTION, "schedule");
    if ((unsigned)d->monitor >= SC_MLP_MONITOR_COUNT) return sc_fail(SC_ERR_OPTION, "monitor");
    if (!isfinite(d->eta)) return sc_fail(SC_ERR_NONFINITE, "eta");
    if (!isfinite(d->alpha)) return sc_fail(SC_ERR_NONFINITE, "alpha");
    if (!isfinite(d->decay)) return sc_fail(SC_ERR_NONFINITE, "decay");
    if (!isfinite(d->grad_tol)) return sc_fail(SC_ERR_NONFINITE, "grad_tol");
    if (!isfinite(d->change_tol)) return sc_fail(SC_ERR_NONFINITE, "change_tol");
    if (!(d->eta > 0.0f)) return sc_fail(SC_ERR_RANGE, "eta");
    if (!(d->alpha >= 0.0f && d->alpha < 1.0f)) return sc_fail(SC_ERR_RANGE, "alpha");
    if (!(d->decay >= 0.0f)) return sc_fail(SC_ERR_RANGE, "decay");
    if (!(d->grad_tol >= 0.0f)) return sc_fail(SC_ERR_RANGE, "grad_tol");
    if (!(d->change_tol >= 0.0f)) return sc_fail(SC_ERR_RANGE, "change_tol");
    if (d->patience < 0 || d->patience > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_RANGE, "patience");
    if (d->schedule_epochs < 0 || d->schedule_epochs > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_RANGE, "schedule_epochs");
    if (d->schedule_from < 0 || d->schedule_from > SC_MLP_MAX_EPOCHS) return sc_fail(SC_ERR_RANGE, "schedule_from");
    if (d->schedule_epochs == 0 && d->schedule_from != 0) return sc_fail(SC_ERR_RANGE, "schedule_from");
    if (d->schedule_epochs > 0 && d->schedule_from + d->epochs > d->schedule_epochs) return sc_fail(SC_ERR_RANGE, "schedule_from");
    if (d->schedule != SC_MLP_ETA_CONSTANT) {
        if (!isfinite(d->eta_end)) return sc_fail(SC_ERR_NONFINITE, "eta_end");
        if (!(d->eta_end > 0.0f)) return sc_fail(SC_ERR_RANGE, "eta_end");
        if (d->schedule == SC_MLP_ETA_HAYKIN && !(d->eta_end <= d->eta)) return sc_fail(SC_ERR_RANGE, "eta_end");
    }
    return SC_OK;
}

/* eta of the call's epoch k, epoch e = schedule_from + k of E (mlp.h:
 * computed in double in this order, rounded, then clamped between eta and
 * eta_end: rounding must not step outside, to 0 or below, when eta_end is
 * tiny; the fuzzer found eta + (end - eta) = 0). */
static float eta_at(const sc_mlp_train_desc *d, int k)
{
    const int E = d->schedule_epochs > 0 ? d->schedule_epochs : d->epochs;
    const int e = d->schedule_from + k;
    const double eta = d->eta, end = d->eta_end;
    if (E == 1 || d->schedule == SC_MLP_ETA_CONSTANT) return d->eta;
    float v;
    if (d->schedule == SC_MLP_ETA_LINEAR) {
        const double f = (double)e / (E - 1);
        v = (float)(eta * (1 - f) + end * f);
    } else {
        if (end == eta) return d->eta;
        const double tau = (E - 1) / (eta / end - 1);
        v = (float)(eta / (1 + e / tau));
    }
    const float lo = d->eta < d->eta_end ? d->eta : d->eta_end, hi = d->eta < d->eta_end ? d->eta_end : d->eta;
    return v < lo ? lo : v > hi ? hi
                                : v;
}

static double norm2(const float *g, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) s += (double)g[i] * g[i];
    return sqrt(s);
}

static void put(float *row, int e, double v)
{
    if (row) row[e] = (float)v;
}

/* Scratch of one call, freed together. */
typedef struct fit_scratch {
    mlp_work ws;
    float *g, *best;
    int *order;
} fit_scratch;

static void scratch_free(fit_scratch *s)
{
    mlp_work_free(&s->ws);
    free(s->g);
    free(s->best);
    free(s->order);
}

static sc_status check_trace(const sc_mlp_fit_trace *tr, const sc_mlp_train_desc *d, int ntest)
{
    if (!tr || !tr->loss) return sc_fail(SC_ERR_NULL, "trace");
    if (tr->n != d->epochs) return sc_fail(SC_ERR_SIZE, "trace");
    if (!ntest && (tr->test_loss || tr->test_error)) return sc_fail(SC_ERR_SIZE, "ntest");
    return SC_OK;
}

sc_status sc_mlp_fit(sc_mlp net, const float *x, const float *t, int count, const float *xtest,
                     const float *ttest, int ntest, const sc_mlp_train_desc *desc,
                     const sc_mlp_fit_trace *trace, sc_mlp_fit_result *result)
{
    mlp_net *n = mlp_get(net);
    if (!n) return sc_fail(SC_ERR_HANDLE, "net");
    sc_status st = check_desc(desc);
    if (st != SC_OK) return st;
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    if ((st = check_trace(trace, desc, ntest)) != SC_OK) return st;
    if ((st = mlp_check_data(n, x, t, count)) != SC_OK) return st;
    if (ntest < 0) return sc_fail(SC_ERR_SIZE, "ntest");
    if (ntest > 0 && (st = mlp_check_named(n, xtest, ttest, ntest, "xtest", "ttest", "ntest")) != SC_OK)
        return st;
    if (desc->patience > 0 && ntest == 0) return sc_fail(SC_ERR_SIZE, "ntest");
    const int batch = desc->batch == 0 || desc->batch > count ? count : desc->batch;
    const int want_grad = desc->grad_tol > 0.0f || trace->grad_norm;
    fit_scratch s = {0};
    if (mlp_work_init(n, &s.ws) != SC_OK) return SC_ERR_NOMEM;
    s.g = malloc(sizeof(float) * (size_t)n->nw);
    s.best = desc->patience > 0 ? malloc(sizeof(float) * (size_t)n->nw) : NULL;
    s.order = malloc(sizeof(int) * (size_t)count);
    if (!s.g || !s.order || (desc->patience > 0 && !s.best)) {
        scratch_free(&s);
        return sc_fail(SC_ERR_NOMEM, "scratch");
    }
    float *rows[5] = {trace->loss, trace->test_loss, trace->test_error, trace->grad_norm, trace->eta};
    for (int r = 0; r < 5; r++)
        if (rows[r]) memset(rows[r], 0, sizeof(float) * (size_t)desc->epochs);
    *result = (sc_mlp_fit_result){0, SC_MLP_STOP_EPOCHS, -1};
    const int want_test = ntest > 0 && (trace->test_loss || trace->test_error || desc->patience > 0);
    double prev = desc->change_tol > 0.0f ? mlp_mean_loss(n, &s.ws, x, t, count) : 0.0, best = INFINITY;
    int e = 0;
    for (; e < desc->epochs; e++) {
        const float eta = eta_at(desc, e);
        put(trace->eta, e, eta);
        /* Each epoch shuffles the identity afresh, so a run split into
         * several calls equals one call. */
        for (int i = 0; i < count; i++) s.order[i] = i;
        if (desc->shuffle)
            for (int i = count - 1; i > 0; i--) { /* Fisher-Yates */
                const int j = (int)sc_rng_below(&n->rng, (uint32_t)i + 1), tmp = s.order[i];
                s.order[i] = s.order[j];
                s.order[j] = tmp;
            }
        if (batch == 1) {
            const int in = n->sizes[0], out = n->sizes[n->nlayers];
            for (int i = 0; i < count; i++) {
                const size_t k = (size_t)s.order[i];
                mlp_online_step(n, &s.ws, x + k * in, t + k * out, eta, desc->alpha, desc->decay);
            }
        } else {
            for (int first = 0; first < count; first += batch) {
                const int m = count - first < batch ? count - first : batch;
                mlp_mean_gradient(n, &s.ws, x, t, s.order, first, m, s.g, NULL);
                mlp_update(n, s.g, eta, desc->alpha, desc->decay);
            }
        }
        if (!sc_all_finite(n->w, (size_t)n->nw)) {
            st = sc_fail(SC_ERR_OVERFLOW, "weights");
            break;
        }
        /* E_av after the epoch; with a gradient wanted, from the same pass */
        double loss = 0.0, gnorm = 0.0;
        if (want_grad) {
            mlp_mean_gradient(n, &s.ws, x, t, NULL, 0, count, s.g, &loss);
            loss /= count;
            gnorm = norm2(s.g, n->nw);
            put(trace->grad_norm, e, gnorm);
        } else {
            loss = mlp_mean_loss(n, &s.ws, x, t, count);
        }
        trace->loss[e] = (float)loss;
        if (!isfinite(trace->loss[e]) || !isfinite(gnorm)) {
            st = sc_fail(SC_ERR_OVERFLOW, "weights");
            break;
        }
        int stop = SC_MLP_STOP_EPOCHS;
        if (want_test) {
            const double tl = mlp_mean_loss(n, &s.ws, xtest, ttest, ntest);
            const double te = (double)mlp_error_count(n, &s.ws, xtest, ttest, ntest) / ntest;
            if (!isfinite((float)tl)) {
                st = sc_fail(SC_ERR_OVERFLOW, "test loss");
                break;
            }
            put(trace->test_loss, e, tl);
            put(trace->test_error, e, te);
            const double metric = desc->monitor == SC_MLP_MONITOR_ERROR ? te : tl;
            if (metric < best) {
                best = metric;
                result->best_epoch = e;
                if (s.best) memcpy(s.best, n->w, sizeof(float) * (size_t)n->nw);
            } else if (desc->patience > 0 && e - result->best_epoch >= desc->patience) {
                stop = SC_MLP_STOP_TEST;
            }
        }
        if (desc->grad_tol > 0.0f && gnorm < desc->grad_tol)
            stop = SC_MLP_STOP_GRADIENT;
        else if (desc->change_tol > 0.0f && fabs(loss - prev) < desc->change_tol)
            stop = SC_MLP_STOP_ERROR_CHANGE;
        prev = loss;
        if (stop == SC_MLP_STOP_TEST) {
            memcpy(n->w, s.best, sizeof(float) * (size_t)n->nw);
            memset(n->dw, 0, sizeof(float) * (size_t)n->nw);
        }
        if (stop != SC_MLP_STOP_EPOCHS) {
            result->stopped = (sc_mlp_stop)stop;
            e++;
            break;
        }
    }
    result->epochs = e;
    scratch_free(&s);
    return st;
}

/* trace is written through tr.loss, which clang-tidy does not follow. */
sc_status sc_mlp_train(sc_mlp net, const float *x, const float *t, int count,
                       const sc_mlp_train_desc *desc, float *trace, int ntrace) /* NOLINT(readability-non-const-parameter) */
{
    if (!trace) return sc_fail(SC_ERR_NULL, "trace");
    const sc_mlp_fit_trace tr = {trace, NULL, NULL, NULL, NULL, ntrace};
    sc_mlp_fit_result res;
    return sc_mlp_fit(net, x, t, count, NULL, NULL, 0, desc, &tr, &res);
}
