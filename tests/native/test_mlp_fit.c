/* MLP training beyond the update rule: the eta schedules (the per-epoch eta
 * exactly, a one-weight net against the update by hand, a scheduled call
 * equal bit for bit to one call per epoch with that eta), the stopping
 * criteria (gradient norm, change of E_av, test-set patience with the best
 * weights restored), the error rate, and argument errors. */
#include <string.h>
#include "check.h"
#include "simcore/mlp.h"

static sc_mlp make(const int *sizes, int nsizes, sc_mlp_activation a, sc_mlp_loss loss, uint32_t seed)
{
    sc_mlp_activation acts[8];
    for (int i = 0; i < 8; i++) acts[i] = a;
    sc_mlp net = {0};
    CHECK(sc_mlp_create(sizes, nsizes, acts, loss, seed, &net) == SC_OK, "create");
    return net;
}

/* The formulas of mlp.h, in double in the same order, rounded to float,
 * clamped between eta and end. */
static float eta_formula(int schedule, float eta, float end, int e, int epochs)
{
    if (epochs == 1 || schedule == SC_MLP_ETA_CONSTANT) return eta;
    float v;
    if (schedule == SC_MLP_ETA_LINEAR) {
        const double f = (double)e / (epochs - 1);
        v = (float)((double)eta * (1 - f) + (double)end * f);
    } else {
        if (end == eta) return eta;
        const double tau = (epochs - 1) / ((double)eta / end - 1);
        v = (float)(eta / (1 + e / tau));
    }
    return fminf(fmaxf(v, fminf(eta, end)), fmaxf(eta, end));
}

/* A 1-1 linear net (w, b), one sample x = 1, t = 1, online, no momentum:
 * e = 1 - (w + b), w += eta e, b += eta e, by hand in double. */
static void test_schedule_by_hand(void)
{
    const int sizes[2] = {1, 1};
    for (int sch = 0; sch < SC_MLP_SCHEDULE_COUNT; sch++) {
        for (int epochs = 1; epochs <= 7; epochs += 3) {
            sc_mlp net = make(sizes, 2, SC_MLP_LINEAR, SC_MLP_MSE, 1);
            const float w0[2] = {0.25f, -0.5f}, x[1] = {1.0f}, t[1] = {1.0f};
            sc_mlp_set_weights(net, w0, 2);
            const sc_mlp_train_desc d = {.epochs = epochs, .batch = 1, .eta = 0.2f, .schedule = sch, .eta_end = 0.01f};
            float loss[7], eta[7];
            const sc_mlp_fit_trace tr = {loss, NULL, NULL, NULL, eta, epochs};
            sc_mlp_fit_result res;
            CHECK(sc_mlp_fit(net, x, t, 1, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "fit");
            CHECK(res.epochs == epochs && res.stopped == SC_MLP_STOP_EPOCHS && res.best_epoch == -1, "result");
            double w = w0[0], b = w0[1], worst = 0;
            for (int e = 0; e < epochs; e++) {
                const float want = eta_formula(sch, 0.2f, 0.01f, e, epochs);
                CHECK(memcmp(&eta[e], &want, sizeof want) == 0, "schedule %d epoch %d: eta %.9g, formula %.9g", sch, e, eta[e], want);
                const double err = 1.0 - (w + b);
                w += want * err;
                b += want * err;
                const double l = 0.5 * (1 - (w + b)) * (1 - (w + b));
                worst = fmax(worst, fabs(loss[e] - l) / (l + 1e-12));
            }
            CHECK(worst < 1e-5, "schedule %d: trace against the loss by hand, relative %g", sch, worst);
            float wf[2];
            sc_mlp_get_weights(net, wf, 2);
            CHECK(fabs(wf[0] - w) < 1e-6 && fabs(wf[1] - b) < 1e-6, "schedule %d, %d epochs: w %g %g, by hand %g %g",
                  sch, epochs, wf[0], wf[1], w, b);
            sc_mlp_destroy(net);
        }
    }
    /* a tiny eta_end: eta + (end - eta) would round to 0 in the last epoch */
    {
        sc_mlp net = make(sizes, 2, SC_MLP_LINEAR, SC_MLP_MSE, 1);
        const float x[1] = {1}, t[1] = {1};
        float loss[4], eta[4];
        const sc_mlp_fit_trace tr = {loss, NULL, NULL, NULL, eta, 4};
        sc_mlp_fit_result res;
        for (int sch = 1; sch < SC_MLP_SCHEDULE_COUNT; sch++) {
            const sc_mlp_train_desc d = {.epochs = 4, .batch = 1, .eta = 0.191406f, .schedule = sch, .eta_end = 1e-45f};
            CHECK(sc_mlp_fit(net, x, t, 1, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "fit");
            CHECK(eta[3] == 1e-45f && eta[2] > 0, "schedule %d: last eta %g", sch, eta[3]);
        }
        sc_mlp_destroy(net);
    }
    /* the ends: linear reaches eta_end exactly at the last epoch, haykin too */
    CHECK(eta_formula(SC_MLP_ETA_LINEAR, 0.1f, 1e-5f, 49, 50) == 1e-5f, "linear end");
    CHECK(fabsf(eta_formula(SC_MLP_ETA_HAYKIN, 0.1f, 1e-5f, 49, 50) - 1e-5f) <= 1e-11f, "haykin end");
    CHECK(fabsf(eta_formula(SC_MLP_ETA_HAYKIN, 0.1f, 0.05f, 49, 50) - 0.05f) <= 1e-8f, "haykin end 2");
}

/* A scheduled call of E epochs equals E calls of one epoch with eta(e):
 * same shuffles (the generator lives in the net), same momentum (kept
 * across calls), so the weights agree bit for bit. */
static void test_schedule_equals_calls(void)
{
    enum { N = 30,
           E = 6 };
    float x[2 * N], t[N];
    uint32_t s = 5;
    check_fill_random(x, 2 * N, &s);
    for (int i = 0; i < N; i++) t[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1.0f : -1.0f;
    const int sizes[3] = {2, 5, 1};
    for (int batch = 1; batch <= 7; batch += 6) {
        for (int sch = 1; sch < SC_MLP_SCHEDULE_COUNT; sch++) {
            sc_mlp a = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 4), b = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 4);
            const sc_mlp_train_desc d = {.epochs = E, .batch = batch, .shuffle = 1, .eta = 0.1f, .alpha = 0.5f, .schedule = sch, .eta_end = 0.002f};
            float trace[E], one[1];
            CHECK(sc_mlp_train(a, x, t, N, &d, trace, E) == SC_OK, "scheduled");
            for (int e = 0; e < E; e++) {
                const sc_mlp_train_desc d1 = {.epochs = 1, .batch = batch, .shuffle = 1, .eta = eta_formula(sch, 0.1f, 0.002f, e, E), .alpha = 0.5f};
                CHECK(sc_mlp_train(b, x, t, N, &d1, one, 1) == SC_OK, "one epoch");
                CHECK(memcmp(&one[0], &trace[e], sizeof one[0]) == 0, "batch %d schedule %d epoch %d: loss %g vs %g", batch, sch, e, one[0], trace[e]);
            }
            float wa[21], wb[21];
            sc_mlp_get_weights(a, wa, 21);
            sc_mlp_get_weights(b, wb, 21);
            CHECK(memcmp(wa, wb, sizeof wa) == 0, "batch %d schedule %d: weights differ from the per-epoch calls", batch, sch);
            sc_mlp_destroy(a);
            sc_mlp_destroy(b);
        }
    }
}

/* The same run split into calls that name their place in the schedule
 * (schedule_epochs, schedule_from), in pieces of 1, 2 and 3 epochs, equals
 * one scheduled call bit for bit: the page trains that way. Places outside
 * the schedule are refused. */
static void test_schedule_placed_calls(void)
{
    enum { N = 30,
           E = 6 };
    float x[2 * N], t[N];
    uint32_t s = 9;
    check_fill_random(x, 2 * N, &s);
    for (int i = 0; i < N; i++) t[i] = x[2 * i] > x[2 * i + 1] ? 1.0f : -1.0f;
    const int sizes[3] = {2, 4, 1};
    const int pieces[3] = {1, 2, 3};
    for (int sch = 1; sch < SC_MLP_SCHEDULE_COUNT; sch++) {
        sc_mlp a = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 7), b = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 7);
        const sc_mlp_train_desc d = {.epochs = E, .batch = 1, .shuffle = 1, .eta = 0.2f, .alpha = 0.3f, .schedule = sch, .eta_end = 0.001f};
        float trace[E], part[3];
        CHECK(sc_mlp_train(a, x, t, N, &d, trace, E) == SC_OK, "scheduled");
        for (int from = 0, k = 0; from < E; from += pieces[k++]) {
            sc_mlp_train_desc dk = d;
            dk.epochs = pieces[k];
            dk.schedule_epochs = E;
            dk.schedule_from = from;
            CHECK(sc_mlp_train(b, x, t, N, &dk, part, pieces[k]) == SC_OK, "placed call from %d", from);
            CHECK(memcmp(part, &trace[from], (size_t)pieces[k] * sizeof part[0]) == 0, "schedule %d from %d: losses differ", sch, from);
        }
        float wa[17], wb[17];
        sc_mlp_get_weights(a, wa, 17);
        sc_mlp_get_weights(b, wb, 17);
        CHECK(memcmp(wa, wb, sizeof wa) == 0, "schedule %d: weights differ from the placed calls", sch);
        sc_mlp_train_desc bad = d;
        bad.epochs = 2;
        bad.schedule_epochs = E;
        bad.schedule_from = E - 1; /* runs past the schedule's end */
        CHECK(sc_mlp_train(b, x, t, N, &bad, part, 2) == SC_ERR_RANGE, "past the end");
        bad.schedule_from = -1;
        CHECK(sc_mlp_train(b, x, t, N, &bad, part, 2) == SC_ERR_RANGE, "negative place");
        bad.schedule_epochs = 0;
        bad.schedule_from = 1; /* a place without a schedule length */
        CHECK(sc_mlp_train(b, x, t, N, &bad, part, 2) == SC_ERR_RANGE, "place without a length");
        sc_mlp_destroy(a);
        sc_mlp_destroy(b);
    }
}

static double norm(const float *g, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) s += (double)g[i] * g[i];
    return sqrt(s);
}

/* Gradient-norm rule on a linear regression (full batch): the norm falls
 * geometrically, the call stops at the first epoch below grad_tol, and the
 * reported norm is that of sc_mlp_gradient at the final weights. */
static void test_stop_gradient(void)
{
    enum { N = 20,
           E = 500 };
    float x[N], t[N];
    for (int i = 0; i < N; i++) {
        x[i] = -1.0f + 0.1f * (float)i;
        t[i] = 0.7f * x[i] - 0.2f;
    }
    const int sizes[2] = {1, 1};
    sc_mlp net = make(sizes, 2, SC_MLP_LINEAR, SC_MLP_MSE, 2);
    const sc_mlp_train_desc d = {.epochs = E, .batch = 0, .eta = 0.5f, .grad_tol = 1e-4f};
    static float loss[E], gn[E];
    const sc_mlp_fit_trace tr = {loss, NULL, NULL, gn, NULL, E};
    sc_mlp_fit_result res;
    CHECK(sc_mlp_fit(net, x, t, N, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "fit");
    CHECK(res.stopped == SC_MLP_STOP_GRADIENT && res.epochs > 5 && res.epochs < E, "stopped %d after %d", res.stopped, res.epochs);
    const int last = res.epochs - 1;
    CHECK(gn[last] < 1e-4f && gn[last - 1] >= 1e-4f, "norms %g, %g", gn[last - 1], gn[last]);
    CHECK(loss[last + 1 < E ? last + 1 : last] == 0.0f || last + 1 == E, "entries after the stop are 0");
    float g[2];
    sc_mlp_gradient(net, x, t, N, g, 2);
    CHECK(fabs(norm(g, 2) - gn[last]) <= 1e-6 * gn[last] + 1e-9, "reported %g, gradient %g", gn[last], norm(g, 2));
    double l = 0;
    sc_mlp_loss_value(net, x, t, N, &l);
    CHECK((float)l == loss[last], "loss from the same pass %g, %g", l, loss[last]);
    sc_mlp_destroy(net);
}

/* Change of E_av: stops at the first epoch whose |E(e) - E(e-1)| is below
 * the threshold (E(-1) the loss before the call). */
static void test_stop_error_change(void)
{
    enum { N = 16,
           E = 400 };
    float x[2 * N], t[N];
    uint32_t s = 9;
    check_fill_random(x, 2 * N, &s);
    for (int i = 0; i < N; i++) t[i] = x[2 * i] > x[2 * i + 1] ? 1.0f : -1.0f;
    const int sizes[3] = {2, 4, 1};
    sc_mlp net = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 7);
    double before = 0;
    sc_mlp_loss_value(net, x, t, N, &before);
    const sc_mlp_train_desc d = {.epochs = E, .batch = 1, .eta = 0.05f, .change_tol = 1e-4f};
    static float loss[E];
    const sc_mlp_fit_trace tr = {loss, NULL, NULL, NULL, NULL, E};
    sc_mlp_fit_result res;
    CHECK(sc_mlp_fit(net, x, t, N, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "fit");
    CHECK(res.stopped == SC_MLP_STOP_ERROR_CHANGE && res.epochs > 2 && res.epochs < E, "stopped %d after %d", res.stopped, res.epochs);
    int early = 0;
    for (int e = 0; e < res.epochs; e++) {
        const double prev = e ? loss[e - 1] : before, change = fabs(loss[e] - prev);
        /* the core compares the double losses; the float trace differs by rounding */
        if (e < res.epochs - 1)
            early += change < 1e-4 - 1e-7;
        else
            CHECK(change < 1e-4 + 1e-7, "last change %g", change);
    }
    CHECK(early == 0, "%d earlier epochs already met the rule", early);
    sc_mlp_destroy(net);
}

/* Early stopping on a test set: few noisy training points, a wide net, so
 * the test loss turns up; the call stops patience epochs after the best,
 * restores the best weights (their test loss is the recorded best) and
 * they equal those of a run stopped by hand at the best epoch. */
static void test_stop_test(void)
{
    enum { NTR = 40,
           NTE = 400,
           E = 3000,
           PATIENCE = 25 };
    static float xtr[2 * NTR], ttr[NTR], xte[2 * NTE], tte[NTE], loss[E], tl[E], terr[E];
    int8_t y[NTE];
    sc_mlp_double_moon(NTR, 10, 6, -3, 31, xtr, y);
    uint32_t s = 3;
    for (int i = 0; i < NTR; i++) ttr[i] = (check_rand_u32(&s) % 5 == 0) ? -y[i] : y[i]; /* 20 % flipped */
    sc_mlp_double_moon(NTE, 10, 6, -3, 32, xte, y);
    for (int i = 0; i < NTE; i++) tte[i] = y[i];
    for (int i = 0; i < 2 * NTR; i++) xtr[i] /= 10;
    for (int i = 0; i < 2 * NTE; i++) xte[i] /= 10;
    const int sizes[3] = {2, 60, 1};
    for (int monitor = 0; monitor < SC_MLP_MONITOR_COUNT; monitor++) {
        sc_mlp net = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 5);
        const sc_mlp_train_desc d = {.epochs = E, .batch = 1, .shuffle = 1, .eta = 0.01f, .alpha = 0.5f, .patience = PATIENCE, .monitor = monitor};
        const sc_mlp_fit_trace tr = {loss, tl, terr, NULL, NULL, E};
        sc_mlp_fit_result res;
        CHECK(sc_mlp_fit(net, xtr, ttr, NTR, xte, tte, NTE, &d, &tr, &res) == SC_OK, "fit");
        CHECK(res.stopped == SC_MLP_STOP_TEST, "monitor %d: stopped %d after %d", monitor, res.stopped, res.epochs);
        CHECK(res.epochs - 1 - res.best_epoch == PATIENCE, "best %d, ran %d", res.best_epoch, res.epochs);
        const float *metric = monitor == SC_MLP_MONITOR_LOSS ? tl : terr;
        int worse = 0;
        for (int e = 0; e < res.epochs; e++) worse += metric[e] < metric[res.best_epoch];
        CHECK(worse == 0, "monitor %d: %d epochs beat the recorded best", monitor, worse);
        double l = 0, rate = 0;
        sc_mlp_loss_value(net, xte, tte, NTE, &l);
        sc_mlp_error_rate(net, xte, tte, NTE, &rate);
        CHECK((float)l == tl[res.best_epoch] && (float)rate == terr[res.best_epoch], "restored: test loss %g, best %g", l, tl[res.best_epoch]);
        /* the same run, stopped by hand after the best epoch */
        sc_mlp again = make(sizes, 3, SC_MLP_TANH, SC_MLP_MSE, 5);
        sc_mlp_train_desc d2 = d;
        d2.epochs = res.best_epoch + 1;
        d2.patience = 0;
        CHECK(sc_mlp_train(again, xtr, ttr, NTR, &d2, loss, d2.epochs) == SC_OK, "again");
        float wa[241], wb[241];
        sc_mlp_get_weights(net, wa, 241);
        sc_mlp_get_weights(again, wb, 241);
        CHECK(memcmp(wa, wb, sizeof wa) == 0, "monitor %d: restored weights equal the run stopped at epoch %d", monitor, res.best_epoch);
        sc_mlp_destroy(net);
        sc_mlp_destroy(again);
    }
}

static void test_error_rate(void)
{
    const int sizes[2] = {1, 1};
    sc_mlp net = make(sizes, 2, SC_MLP_LINEAR, SC_MLP_MSE, 1);
    const float w[2] = {1, 0}, x[3] = {-1, 2, 3}, t[3] = {1, 1, -1};
    sc_mlp_set_weights(net, w, 2);
    double r = 0;
    CHECK(sc_mlp_error_rate(net, x, t, 3, &r) == SC_OK && r == 2.0 / 3.0, "sign rule: %g", r);
    sc_mlp_destroy(net);
    /* softmax: the identity map 2 -> 2 (weights [[1,0],[0,1]], no bias), argmax */
    const int s2[2] = {2, 2};
    net = make(s2, 2, SC_MLP_LINEAR, SC_MLP_SOFTMAX_CE, 1);
    const float w2[6] = {1, 0, 0, 1, 0, 0}, x2[6] = {1, 0, 0, 1, 2, 3}, t2[6] = {1, 0, 1, 0, 0, 1};
    sc_mlp_set_weights(net, w2, 6);
    CHECK(sc_mlp_error_rate(net, x2, t2, 3, &r) == SC_OK && r == 1.0 / 3.0, "argmax rule: %g", r);
    sc_mlp_destroy(net);
}

static void test_errors(void)
{
    const int sizes[2] = {1, 1};
    sc_mlp net = make(sizes, 2, SC_MLP_LINEAR, SC_MLP_MSE, 1);
    const float x[2] = {0, 1}, t[2] = {1, 0};
    float loss[4], tl[4];
    sc_mlp_fit_result res;
    const sc_mlp_fit_trace tr = {loss, NULL, NULL, NULL, NULL, 4};
    sc_mlp_train_desc d = {.epochs = 4, .eta = 0.1f};
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "plain");
    d.schedule = SC_MLP_SCHEDULE_COUNT;
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_OPTION, "schedule");
    d.schedule = SC_MLP_ETA_LINEAR;
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_RANGE, "linear, eta_end 0");
    d.eta_end = 0.5f;
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_OK, "linear up is allowed");
    d.schedule = SC_MLP_ETA_HAYKIN;
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_RANGE, "haykin, eta_end > eta");
    d.eta_end = NAN;
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_NONFINITE, "eta_end NaN");
    d = (sc_mlp_train_desc){.epochs = 4, .eta = 0.1f, .grad_tol = -1};
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_RANGE, "grad_tol < 0");
    d = (sc_mlp_train_desc){.epochs = 4, .eta = 0.1f, .patience = 2};
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_SIZE, "patience without test data");
    CHECK(sc_mlp_fit(net, x, t, 2, x, NULL, 1, &d, &tr, &res) == SC_ERR_NULL, "ttest NULL");
    const float bad[1] = {NAN};
    CHECK(sc_mlp_fit(net, x, t, 2, bad, t, 1, &d, &tr, &res) == SC_ERR_NONFINITE, "xtest NaN");
    d.monitor = 2;
    CHECK(sc_mlp_fit(net, x, t, 2, x, t, 1, &d, &tr, &res) == SC_ERR_OPTION, "monitor");
    d = (sc_mlp_train_desc){.epochs = 4, .eta = 0.1f};
    const sc_mlp_fit_trace tt = {loss, tl, NULL, NULL, NULL, 4};
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tt, &res) == SC_ERR_SIZE, "test trace without test data");
    const sc_mlp_fit_trace t3 = {loss, NULL, NULL, NULL, NULL, 3};
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &t3, &res) == SC_ERR_SIZE, "trace length");
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, NULL) == SC_ERR_NULL, "result NULL");
    /* flat: option arrays */
    int iopt[9] = {2, 1, 0, 0, 0, 0, 2, 0, 0}, r3[3];
    double ropt[6] = {0.1, 0, 0, 0, 0, 0};
    float trace[10];
    CHECK(sc_flat_mlp_fit(1u << 30, x, t, 2, NULL, NULL, 0, iopt, 7, ropt, 6, trace, 10, r3, 3) == SC_ERR_SIZE, "iopt holds 9");
    CHECK(sc_flat_mlp_fit(1u << 30, x, t, 2, NULL, NULL, 0, iopt, 9, ropt, 6, trace, 10, r3, 3) == SC_ERR_OPTION, "want flag");
    iopt[6] = 1;
    CHECK(sc_flat_mlp_fit(net.id, x, t, 2, NULL, NULL, 0, iopt, 9, ropt, 6, trace, 9, r3, 3) == SC_ERR_SIZE, "trace 5 x epochs");
    ropt[4] = 1e300;
    CHECK(sc_flat_mlp_fit(net.id, x, t, 2, NULL, NULL, 0, iopt, 9, ropt, 6, trace, 10, r3, 3) == SC_ERR_NONFINITE, "grad_tol narrows to inf");
    ropt[4] = 0;
    CHECK(sc_flat_mlp_fit(net.id, x, t, 2, NULL, NULL, 0, iopt, 9, ropt, 6, trace, 10, r3, 3) == SC_OK, "flat fit");
    CHECK(r3[0] == 2 && r3[1] == SC_MLP_STOP_EPOCHS && r3[2] == -1 && trace[3 * 2] > 0 && trace[4 * 2] == 0.1f, "flat rows");
    sc_mlp_destroy(net);
    CHECK(sc_mlp_fit(net, x, t, 2, NULL, NULL, 0, &d, &tr, &res) == SC_ERR_HANDLE, "stale");
}

int main(void)
{
    CHECK_RUN(test_schedule_by_hand());
    CHECK_RUN(test_schedule_equals_calls());
    CHECK_RUN(test_schedule_placed_calls());
    CHECK_RUN(test_stop_gradient());
    CHECK_RUN(test_stop_error_change());
    CHECK_RUN(test_stop_test());
    CHECK_RUN(test_error_rate());
    CHECK_RUN(test_errors());
    return check_summary("test_mlp_fit");
}
