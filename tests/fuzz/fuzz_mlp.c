/* Fuzz target: multilayer perceptrons (mlp.h) through the flat entry
 * points: create with fuzzed sizes, activations and losses, train with
 * fuzzed budgets and rates, fit with fuzzed schedules, stopping rules and
 * test data, predict, grid, loss, gradient, error rate, weights, reset,
 * stale handles, the double moon and the preprocessing fit/apply, as a
 * little program decoded from the bytes. Invariants: every status is a known
 * one; on SC_OK outputs are finite, softmax rows sum to 1, logistic outputs
 * lie in [0, 1], losses and the trace are >= 0, fit ran 1..epochs epochs with
 * a known stop reason and positive etas, error rates lie in [0, 1]; reset
 * restores the creation weights exactly; a destroyed handle returns
 * SC_ERR_HANDLE. */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/mlp.h"

#define MAX_W     4096
#define MAX_COUNT 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static float w[MAX_W], w0[MAX_W], x[MAX_COUNT * 8], t[MAX_COUNT * 8], out[8 * 8 * 8],
        g[MAX_W], trace[8], moon[2 * MAX_COUNT], xt[MAX_COUNT * 8], tt[MAX_COUNT * 8], ftrace[5 * 8],
        mean[8], mat[64];
    static int8_t lab[MAX_COUNT];
    fuzz_in in = fuzz_begin(data, size);
    int sizes[SC_MLP_MAX_HIDDEN + 2], act[SC_MLP_MAX_HIDDEN];
    const int nsizes = fuzz_int(&in, 1, 5);
    for (int l = 0; l < nsizes; l++) sizes[l] = fuzz_size(&in, 1, 8);
    for (int l = 0; l < nsizes - 2; l++) act[l] = fuzz_int(&in, -1, SC_MLP_ACTIVATION_COUNT);
    const int loss = fuzz_int(&in, -1, SC_MLP_LOSS_COUNT);
    uint32_t id = 0;
    int st = sc_flat_mlp_create(sizes, nsizes, act, nsizes > 2 ? nsizes - 2 : 0, loss, fuzz_u32(&in), &id);
    FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
    if (st != SC_OK) return 0;
    int info[4];
    FUZZ_CHECK(sc_flat_mlp_info(id, info, 4) == SC_OK, "info");
    const int nin = info[0], nout = info[1], nw = info[3];
    FUZZ_CHECK(nw <= MAX_W && nin <= 8 && nout <= 8, "sizes %d %d %d", nin, nout, nw);
    FUZZ_CHECK(sc_flat_mlp_get_weights(id, w0, nw) == SC_OK, "weights");

    for (int op = 0; op < 12 && in.at < in.n; op++) {
        const int count = fuzz_size(&in, 1, MAX_COUNT);
        const int c = count >= 1 && count <= MAX_COUNT ? count : 1;
        fuzz_floats(&in, x, (size_t)c * nin, -3, 3);
        fuzz_floats(&in, t, (size_t)c * nout, loss == SC_MLP_MSE ? -1.0f : 0.0f, 1.0f);
        if (loss == SC_MLP_SOFTMAX_CE && fuzz_bool(&in))
            for (int r = 0; r < c; r++) {
                const int k = fuzz_int(&in, 0, nout - 1);
                for (int j = 0; j < nout; j++) t[r * nout + j] = j == k;
            }
        switch (fuzz_u8(&in) % 11) {
        case 0: {
            const int epochs = fuzz_size(&in, 1, 8);
            st = sc_flat_mlp_train(id, x, t, count, epochs, fuzz_int(&in, -1, 20), fuzz_int(&in, -1, 2),
                                   fuzz_double(&in, 0, 0.5), fuzz_double(&in, 0, 0.99), fuzz_double(&in, 0, 0.1),
                                   trace, epochs >= 1 && epochs <= 8 ? epochs : 8);
            if (st == SC_OK)
                for (int e = 0; e < epochs; e++) FUZZ_CHECK(trace[e] >= 0.0f && isfinite(trace[e]), "trace %g", trace[e]);
            break;
        }
        case 1:
            st = sc_flat_mlp_predict(id, x, count, out, fuzz_bool(&in) ? c * nout : c * nout + 1);
            if (st == SC_OK)
                for (int r = 0; r < c; r++) {
                    double s = 0;
                    for (int k = 0; k < nout; k++) {
                        const float v = out[r * nout + k];
                        FUZZ_CHECK(isfinite(v), "output %g", v);
                        if (loss != SC_MLP_MSE) FUZZ_CHECK(v >= 0.0f && v <= 1.0f, "probability %g", v);
                        s += v;
                    }
                    if (loss == SC_MLP_SOFTMAX_CE) FUZZ_CHECK(fabs(s - 1.0) < 1e-4, "softmax row sums to %g", s);
                }
            break;
        case 2: {
            double l = -1;
            st = sc_flat_mlp_loss(id, x, t, count, &l);
            if (st == SC_OK) FUZZ_CHECK(l >= 0.0 && isfinite(l), "loss %g", l);
            break;
        }
        case 3:
            st = sc_flat_mlp_gradient(id, x, t, count, g, fuzz_bool(&in) ? nw : nw - 1);
            if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_f(g, (size_t)nw), "gradient");
            break;
        case 4: {
            const int nx = fuzz_size(&in, 2, 8), ny = fuzz_size(&in, 2, 8);
            const int n = nx >= 2 && nx <= 8 && ny >= 2 && ny <= 8 ? nx * ny * nout : 0;
            st = sc_flat_mlp_predict_grid(id, fuzz_double(&in, -5, 5), fuzz_double(&in, -5, 5),
                                          fuzz_double(&in, -5, 5), fuzz_double(&in, -5, 5), nx, ny, out, n);
            if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_f(out, (size_t)n), "grid");
            break;
        }
        case 5:
            fuzz_floats(&in, w, (size_t)nw, -2, 2);
            st = sc_flat_mlp_set_weights(id, w, nw);
            break;
        case 6:
            FUZZ_CHECK(sc_flat_mlp_reset(id) == SC_OK, "reset");
            FUZZ_CHECK(sc_flat_mlp_get_weights(id, w, nw) == SC_OK, "get");
            FUZZ_CHECK(memcmp(w, w0, sizeof(float) * (size_t)nw) == 0, "reset restores the initial weights");
            break;
        case 7: {
            const int epochs = fuzz_size(&in, 1, 8), ntest = fuzz_size(&in, 0, MAX_COUNT);
            const int nt = ntest >= 1 && ntest <= MAX_COUNT ? ntest : 0;
            fuzz_floats(&in, xt, (size_t)nt * nin, -3, 3);
            fuzz_floats(&in, tt, (size_t)nt * nout, loss == SC_MLP_MSE ? -1.0f : 0.0f, 1.0f);
            if (loss == SC_MLP_SOFTMAX_CE)
                for (int r = 0; r < nt; r++) {
                    const int k = fuzz_int(&in, 0, nout - 1);
                    for (int j = 0; j < nout; j++) tt[r * nout + j] = j == k;
                }
            const int iopt[9] = {epochs, fuzz_int(&in, -1, 20), fuzz_int(&in, -1, 2), fuzz_int(&in, -1, SC_MLP_SCHEDULE_COUNT),
                                 fuzz_int(&in, -1, 3), fuzz_int(&in, -1, SC_MLP_MONITOR_COUNT), fuzz_int(&in, -1, 2),
                                 fuzz_int(&in, -1, 12), fuzz_int(&in, -1, 12)};
            const double ropt[6] = {fuzz_double(&in, 0, 0.5), fuzz_double(&in, 0, 0.99), fuzz_double(&in, 0, 0.1),
                                    fuzz_double(&in, 0, 0.5), fuzz_double(&in, 0, 1), fuzz_double(&in, 0, 0.1)};
            const int ne = epochs >= 1 && epochs <= 8 ? epochs : 8;
            int res[3] = {-1, -1, -1};
            st = sc_flat_mlp_fit(id, x, t, count, fuzz_bool(&in) ? xt : NULL, tt, ntest, iopt, 9, ropt, 6, ftrace,
                                 5 * ne, res, 3);
            if (st == SC_OK) {
                FUZZ_CHECK(res[0] >= 1 && res[0] <= epochs && res[1] >= 0 && res[1] < SC_MLP_STOP_COUNT, "result %d %d", res[0], res[1]);
                FUZZ_CHECK(fuzz_all_finite_f(ftrace, 5 * (size_t)ne), "fit trace");
                for (int e = 0; e < res[0]; e++) {
                    FUZZ_CHECK(ftrace[e] >= 0.0f && ftrace[4 * ne + e] > 0.0f, "loss %g, eta %g", ftrace[e], ftrace[4 * ne + e]);
                    FUZZ_CHECK(ftrace[2 * ne + e] >= 0.0f && ftrace[2 * ne + e] <= 1.0f, "test error %g", ftrace[2 * ne + e]);
                }
                FUZZ_CHECK(res[2] < res[0] && (nt > 0 || res[2] == -1), "best epoch %d", res[2]);
            }
            break;
        }
        case 8: {
            double rate = -1;
            st = sc_flat_mlp_error_rate(id, x, t, count, &rate);
            if (st == SC_OK) FUZZ_CHECK(rate >= 0.0 && rate <= 1.0, "error rate %g", rate);
            break;
        }
        case 9: {
            const int dim = fuzz_size(&in, 1, 8), flags = fuzz_int(&in, -1, 8);
            const int d = dim >= 1 && dim <= 8 ? dim : 1, n = c * nin / d > 0 ? c * nin / d : 1;
            st = sc_flat_mlp_preprocess_fit(x, n, dim, flags, mean, d, mat, d * d);
            if (st == SC_OK) {
                FUZZ_CHECK(fuzz_all_finite_f(mean, (size_t)d) && fuzz_all_finite_f(mat, (size_t)d * d), "transform");
                st = sc_flat_mlp_preprocess_apply(mean, d, mat, d * d, d, x, n, out, n * d);
                FUZZ_CHECK(st == SC_OK || st == SC_ERR_OVERFLOW, "apply after fit: %d", st);
                if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_f(out, (size_t)n * d), "preprocessed");
            }
            break;
        }
        default: {
            const int n = fuzz_size(&in, 1, MAX_COUNT);
            st = sc_flat_mlp_double_moon(n <= MAX_COUNT ? n : 0, fuzz_double(&in, 0, 20),
                                         fuzz_double(&in, 0, 20), fuzz_double(&in, -8, 8), fuzz_u32(&in), moon, lab);
            if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_f(moon, 2 * (size_t)n), "moon");
            break;
        }
        }
        FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
    }
    FUZZ_CHECK(sc_flat_mlp_destroy(id) == SC_OK, "destroy");
    FUZZ_CHECK(sc_flat_mlp_destroy(id) == SC_ERR_HANDLE, "destroyed twice");
    FUZZ_CHECK(sc_flat_mlp_reset(id) == SC_ERR_HANDLE, "stale reset");
    return 0;
}
