/* MLP area: back-propagation against central finite differences of an
 * independent float64 forward pass (every activation x every output/loss),
 * one online step against a scalar transcription of the lecture's
 * equations, XOR, Haykin's double moon, softmax on three classes,
 * determinism and reset, the double-moon generator, argument errors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "simcore/mlp.h"

#define FD_TOL 1e-3 /* relative: the core's float32 gradient against a float64 difference */

/* ---- float64 reference forward pass and loss (same layout as mlp.h) ---- */
static double ref_act(int a, double v)
{
    switch (a) {
    case SC_MLP_LOGISTIC:
        return 1.0 / (1.0 + exp(-v));
    case SC_MLP_TANH:
        return tanh(v);
    case SC_MLP_RELU:
        return v > 0 ? v : 0;
    case SC_MLP_LEAKY_RELU:
        return v > 0 ? v : 0.01 * v;
    default:
        return v;
    }
}

/* Mean loss of the net (sizes, acts of hidden layers, loss) with weights w. */
static double ref_loss(const int *sizes, int nsizes, const int *act, int loss, const double *w,
                       const float *x, const float *t, int count)
{
    double total = 0.0, a[64], b[64];
    for (int s = 0; s < count; s++) {
        for (int i = 0; i < sizes[0]; i++) a[i] = x[s * sizes[0] + i];
        const double *p = w;
        for (int l = 1; l < nsizes; l++) {
            const int in = sizes[l - 1], out = sizes[l];
            for (int j = 0; j < out; j++) {
                double v = p[out * in + j];
                for (int i = 0; i < in; i++) v += p[j * in + i] * a[i];
                b[j] = l < nsizes - 1 ? ref_act(act[l - 1], v) : v;
            }
            p += out * (in + 1);
            memcpy(a, b, sizeof(double) * (size_t)out);
        }
        const int nout = sizes[nsizes - 1];
        const float *tt = t + s * nout;
        if (loss == SC_MLP_MSE) {
            for (int k = 0; k < nout; k++) total += 0.5 * (tt[k] - a[k]) * (tt[k] - a[k]);
        } else if (loss == SC_MLP_BCE) {
            for (int k = 0; k < nout; k++) {
                const double y = 1.0 / (1.0 + exp(-a[k]));
                total -= tt[k] * log(y) + (1 - tt[k]) * log(1 - y);
            }
        } else {
            double m = a[0], z = 0;
            for (int k = 1; k < nout; k++) m = a[k] > m ? a[k] : m;
            for (int k = 0; k < nout; k++) z += exp(a[k] - m);
            for (int k = 0; k < nout; k++) total -= tt[k] * log(exp(a[k] - m) / z);
        }
    }
    return total / count;
}

static void random_targets(int loss, int nout, int count, float *t, uint32_t *s)
{
    for (int r = 0; r < count; r++) {
        float *row = t + r * nout, sum = 0;
        for (int k = 0; k < nout; k++) {
            row[k] = loss == SC_MLP_MSE ? check_rand_f(s) : 0.5f + 0.5f * check_rand_f(s);
            sum += row[k];
        }
        if (loss == SC_MLP_SOFTMAX_CE)
            for (int k = 0; k < nout; k++) row[k] /= sum;
    }
}

static void test_gradients(void)
{
    uint32_t s = 7;
    for (int a = 0; a < SC_MLP_ACTIVATION_COUNT; a++) {
        for (int loss = 0; loss < SC_MLP_LOSS_COUNT; loss++) {
            const int sizes[4] = {3, 5, 4, loss == SC_MLP_SOFTMAX_CE ? 3 : 2}, act[2] = {a, a};
            const sc_mlp_activation acts[2] = {(sc_mlp_activation)a, (sc_mlp_activation)a};
            sc_mlp net;
            CHECK(sc_mlp_create(sizes, 4, acts, (sc_mlp_loss)loss, 100u + (uint32_t)a, &net) == SC_OK, "create");
            int nw = 0;
            sc_mlp_weight_count(net, &nw);
            CHECK(nw == 5 * 4 + 4 * 6 + sizes[3] * 5, "weight count %d", nw);
            enum { COUNT = 7 };
            float x[COUNT * 3], t[COUNT * 3], g[128], wf[128];
            double w[128];
            check_fill_random(x, COUNT * 3, &s);
            random_targets(loss, sizes[3], COUNT, t, &s);
            sc_mlp_get_weights(net, wf, nw);
            for (int i = 0; i < nw; i++) w[i] = wf[i];
            CHECK(sc_mlp_gradient(net, x, t, COUNT, g, nw) == SC_OK, "gradient");
            double lc = 0;
            CHECK(sc_mlp_loss_value(net, x, t, COUNT, &lc) == SC_OK, "loss");
            const double lr = ref_loss(sizes, 4, act, loss, w, x, t, COUNT);
            CHECK(fabs(lc - lr) <= 1e-5 * (1 + fabs(lr)), "act %d loss %d: core loss %g, reference %g", a, loss, lc, lr);
            double err = 0, norm = 0, worst = 0;
            for (int i = 0; i < nw; i++) {
                const double h = 1e-6, keep = w[i];
                w[i] = keep + h;
                const double up = ref_loss(sizes, 4, act, loss, w, x, t, COUNT);
                w[i] = keep - h;
                const double down = ref_loss(sizes, 4, act, loss, w, x, t, COUNT);
                w[i] = keep;
                const double fd = (up - down) / (2 * h), diff = fabs(fd - g[i]);
                err += diff * diff;
                norm += fd * fd;
                if (diff > worst) worst = diff;
            }
            CHECK(norm > 0 && sqrt(err / norm) <= FD_TOL, "act %d loss %d: relative gradient error %g",
                  a, loss, sqrt(err / norm));
            CHECK(worst <= FD_TOL * (1 + sqrt(norm)), "act %d loss %d: worst element %g", a, loss, worst);
            sc_mlp_destroy(net);
        }
    }
}

/* One online epoch of two samples on 2-3-1 tanh/linear/MSE, momentum 0.5,
 * against the lecture's equations written out with scalars. */
static void test_online_step(void)
{
    const int sizes[3] = {2, 3, 1};
    const sc_mlp_activation act[1] = {SC_MLP_TANH};
    sc_mlp net;
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_MSE, 5, &net) == SC_OK, "create");
    float w[13];
    sc_mlp_get_weights(net, w, 13);
    /* layout: w1[j][i] (6), b1[j] (3), w2[j] (3), b2 (1) */
    double W1[3][2], B1[3], W2[3], B2, dW1[3][2] = {{0}}, dB1[3] = {0}, dW2[3] = {0}, dB2 = 0;
    for (int j = 0; j < 3; j++) {
        W1[j][0] = w[2 * j];
        W1[j][1] = w[2 * j + 1];
        B1[j] = w[6 + j];
        W2[j] = w[9 + j];
    }
    B2 = w[12];
    const float x[4] = {0.3f, -0.8f, -0.5f, 0.9f}, t[2] = {1.0f, -1.0f};
    const double eta = 0.1, alpha = 0.5;
    for (int n = 0; n < 2; n++) {
        double y1[3], o = B2;
        for (int j = 0; j < 3; j++) {
            y1[j] = tanh(W1[j][0] * x[2 * n] + W1[j][1] * x[2 * n + 1] + B1[j]);
            o += W2[j] * y1[j];
        }
        const double e = t[n] - o, d2 = e; /* delta of the linear output */
        double d1[3];
        for (int j = 0; j < 3; j++) d1[j] = (1 - y1[j] * y1[j]) * d2 * W2[j]; /* old weights */
        for (int j = 0; j < 3; j++) {
            dW2[j] = alpha * dW2[j] + eta * d2 * y1[j];
            W2[j] += dW2[j];
            for (int i = 0; i < 2; i++) {
                dW1[j][i] = alpha * dW1[j][i] + eta * d1[j] * x[2 * n + i];
                W1[j][i] += dW1[j][i];
            }
            dB1[j] = alpha * dB1[j] + eta * d1[j];
            B1[j] += dB1[j];
        }
        dB2 = alpha * dB2 + eta * d2;
        B2 += dB2;
    }
    const sc_mlp_train_desc d = {.epochs = 1, .batch = 1, .eta = 0.1f, .alpha = 0.5f};
    float trace[1];
    CHECK(sc_mlp_train(net, x, t, 2, &d, trace, 1) == SC_OK, "train");
    sc_mlp_get_weights(net, w, 13);
    double worst = 0;
    for (int j = 0; j < 3; j++) {
        worst = fmax(worst, fabs(w[2 * j] - W1[j][0]));
        worst = fmax(worst, fabs(w[2 * j + 1] - W1[j][1]));
        worst = fmax(worst, fabs(w[6 + j] - B1[j]));
        worst = fmax(worst, fabs(w[9 + j] - W2[j]));
    }
    worst = fmax(worst, fabs(w[12] - B2));
    CHECK(worst <= 1e-6, "online step differs from the scalar transcription by %g", worst);
    /* the trace is the mean loss after the epoch */
    double l = 0;
    sc_mlp_loss_value(net, x, t, 2, &l);
    CHECK(fabs(trace[0] - l) <= 1e-6 * (1 + l), "trace %g, loss %g", trace[0], l);
    sc_mlp_destroy(net);
}

static double accuracy_sign(sc_mlp net, const float *x, const float *t, int count)
{
    float *out = malloc(sizeof(float) * (size_t)count);
    sc_mlp_predict(net, x, count, out, count);
    int right = 0;
    for (int i = 0; i < count; i++) right += (out[i] >= 0) == (t[i] >= 0);
    free(out);
    return (double)right / count;
}

static void test_xor(void)
{
    const float x[8] = {-1, -1, -1, 1, 1, -1, 1, 1}, t[4] = {-1, 1, 1, -1};
    const int sizes[3] = {2, 4, 1};
    const sc_mlp_activation act[1] = {SC_MLP_TANH};
    sc_mlp net;
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_MSE, 1, &net) == SC_OK, "create");
    enum { EPOCHS = 500 };
    float trace[EPOCHS];
    const sc_mlp_train_desc d = {.epochs = EPOCHS, .batch = 1, .shuffle = 1, .eta = 0.05f, .alpha = 0.9f};
    CHECK(sc_mlp_train(net, x, t, 4, &d, trace, EPOCHS) == SC_OK, "train");
    CHECK(accuracy_sign(net, x, t, 4) == 1.0, "XOR not learned");
    CHECK(trace[EPOCHS - 1] < 0.01f && trace[EPOCHS - 1] < trace[0], "loss %g -> %g", trace[0], trace[EPOCHS - 1]);
    sc_mlp_destroy(net);
}

/* Double moon, standardised with the training set's mean and deviation
 * (the lecture's preprocessing), labels as +-1 targets. */
static void moon_data(int n, float d, uint32_t seed, float *x, float *t, const float *mean, const float *sd)
{
    int8_t *y = malloc((size_t)n);
    sc_mlp_double_moon(n, 10, 6, d, seed, x, y);
    for (int i = 0; i < n; i++) {
        t[i] = y[i];
        for (int k = 0; k < 2; k++) x[2 * i + k] = (x[2 * i + k] - mean[k]) / sd[k];
    }
    free(y);
}

static void moon_stats(float d, float *mean, float *sd)
{
    enum { N = 1000 };
    static float x[2 * N];
    int8_t y[N];
    sc_mlp_double_moon(N, 10, 6, d, 11, x, y);
    for (int k = 0; k < 2; k++) {
        double s = 0, s2 = 0;
        for (int i = 0; i < N; i++) {
            s += x[2 * i + k];
            s2 += (double)x[2 * i + k] * x[2 * i + k];
        }
        mean[k] = (float)(s / N);
        sd[k] = (float)sqrt(s2 / N - (s / N) * (s / N));
    }
}

static void test_double_moon_learned(void)
{
    enum { NTRAIN = 1000,
           NTEST = 2000,
           EPOCHS = 50 };
    static float xtr[2 * NTRAIN], ttr[NTRAIN], xte[2 * NTEST], tte[NTEST], trace[EPOCHS];
    float mean[2], sd[2];
    moon_stats(1, mean, sd);
    moon_data(NTRAIN, 1, 11, xtr, ttr, mean, sd);
    moon_data(NTEST, 1, 12, xte, tte, mean, sd);
    const int sizes[3] = {2, 20, 1};
    const sc_mlp_activation act[1] = {SC_MLP_TANH};
    sc_mlp net;
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_MSE, 3, &net) == SC_OK, "create");
    /* the budget: 50 online epochs, eta 0.01, alpha 0.5 */
    const sc_mlp_train_desc d = {.epochs = EPOCHS, .batch = 1, .shuffle = 1, .eta = 0.01f, .alpha = 0.5f};
    CHECK(sc_mlp_train(net, xtr, ttr, NTRAIN, &d, trace, EPOCHS) == SC_OK, "train");
    const double acc = accuracy_sign(net, xte, tte, NTEST);
    CHECK(acc >= 0.99, "d = 1, 2-20-1: test accuracy %.4f", acc);
    sc_mlp_destroy(net);

    /* d = -4: the moons interlock; a net without hidden layer (a
     * perceptron-like linear unit) cannot classify the training set. */
    moon_stats(-4, mean, sd);
    moon_data(NTRAIN, -4, 11, xtr, ttr, mean, sd);
    const int lin[2] = {2, 1};
    CHECK(sc_mlp_create(lin, 2, NULL, SC_MLP_MSE, 3, &net) == SC_OK, "create 2-1");
    CHECK(sc_mlp_train(net, xtr, ttr, NTRAIN, &d, trace, EPOCHS) == SC_OK, "train 2-1");
    const double lacc = accuracy_sign(net, xtr, ttr, NTRAIN);
    CHECK(lacc < 1.0 && lacc > 0.6, "d = -4, 2-1: training accuracy %.4f", lacc);
    sc_mlp_destroy(net);
}

/* Three Gaussian blobs at 120 degree spacing, one-hot targets, softmax CE. */
static void test_softmax_three_classes(void)
{
    enum { N = 300,
           EPOCHS = 30 };
    static float x[2 * N], t[3 * N], out[3 * N], trace[EPOCHS];
    uint32_t s = 3;
    for (int i = 0; i < N; i++) {
        const int c = i % 3;
        const double ang = 2.0944 * c;
        x[2 * i] = (float)(2 * cos(ang)) + 0.4f * check_rand_f(&s);
        x[2 * i + 1] = (float)(2 * sin(ang)) + 0.4f * check_rand_f(&s);
        for (int k = 0; k < 3; k++) t[3 * i + k] = k == c;
    }
    const int sizes[3] = {2, 10, 3};
    const sc_mlp_activation act[1] = {SC_MLP_TANH};
    sc_mlp net;
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_SOFTMAX_CE, 9, &net) == SC_OK, "create");
    double before = 0;
    sc_mlp_loss_value(net, x, t, N, &before);
    const sc_mlp_train_desc d = {.epochs = EPOCHS, .batch = 10, .shuffle = 1, .eta = 0.1f, .alpha = 0.9f};
    CHECK(sc_mlp_train(net, x, t, N, &d, trace, EPOCHS) == SC_OK, "train");
    sc_mlp_predict(net, x, N, out, 3 * N);
    int right = 0;
    double worst_sum = 0;
    for (int i = 0; i < N; i++) {
        int best = 0;
        for (int k = 1; k < 3; k++) best = out[3 * i + k] > out[3 * i + best] ? k : best;
        right += best == i % 3;
        worst_sum = fmax(worst_sum, fabs(out[3 * i] + out[3 * i + 1] + out[3 * i + 2] - 1.0));
    }
    CHECK(right == N, "softmax: %d of %d right", right, N);
    CHECK(worst_sum <= 1e-5, "softmax rows sum to 1 (off by %g)", worst_sum);
    CHECK(trace[EPOCHS - 1] < 0.01 * before, "CE %g -> %g", before, trace[EPOCHS - 1]);
    sc_mlp_destroy(net);
}

static void train_some(sc_mlp net, int batch, float *w, int nw)
{
    const float x[8] = {-1, -1, -1, 1, 1, -1, 1, 1}, t[4] = {-1, 1, 1, -1};
    float trace[20];
    const sc_mlp_train_desc d = {.epochs = 20, .batch = batch, .shuffle = 1, .eta = 0.05f, .alpha = 0.9f, .decay = 1e-3f};
    CHECK(sc_mlp_train(net, x, t, 4, &d, trace, 20) == SC_OK, "train");
    sc_mlp_get_weights(net, w, nw);
}

static void test_determinism_and_reset(void)
{
    const int sizes[4] = {2, 6, 5, 1};
    const sc_mlp_activation act[2] = {SC_MLP_RELU, SC_MLP_LOGISTIC};
    sc_mlp a, b, c;
    CHECK(sc_mlp_create(sizes, 4, act, SC_MLP_MSE, 42, &a) == SC_OK, "a");
    CHECK(sc_mlp_create(sizes, 4, act, SC_MLP_MSE, 42, &b) == SC_OK, "b");
    CHECK(sc_mlp_create(sizes, 4, act, SC_MLP_MSE, 43, &c) == SC_OK, "c");
    int nw = 0;
    sc_mlp_weight_count(a, &nw);
    float w0[64], wa[64], wb[64], wc[64];
    sc_mlp_get_weights(a, w0, nw);
    sc_mlp_get_weights(c, wc, nw);
    CHECK(memcmp(w0, wc, sizeof(float) * (size_t)nw) != 0, "another seed gives other weights");
    double bound = 0;
    for (int i = 0; i < nw; i++) bound = fmax(bound, fabs(w0[i]));
    CHECK(bound <= sqrt(3.0 / 3.0) && bound > 0.1, "first-layer init within sqrt(3/m): max |w| %g", bound);
    for (int batch = 0; batch <= 2; batch++) {
        train_some(a, batch, wa, nw);
        train_some(b, batch, wb, nw);
        CHECK(memcmp(wa, wb, sizeof(float) * (size_t)nw) == 0, "batch %d: same seed, same weights", batch);
        CHECK(memcmp(wa, w0, sizeof(float) * (size_t)nw) != 0, "batch %d: training changed the weights", batch);
        sc_mlp_reset(a);
        sc_mlp_reset(b);
        sc_mlp_get_weights(a, wa, nw);
        CHECK(memcmp(wa, w0, sizeof(float) * (size_t)nw) == 0, "reset restores the initial weights");
    }
    /* after a reset the run repeats exactly (shuffle stream reseeded) */
    train_some(a, 1, wa, nw);
    sc_mlp_reset(a);
    train_some(a, 1, wb, nw);
    CHECK(memcmp(wa, wb, sizeof(float) * (size_t)nw) == 0, "reset, train again: same weights");
    /* set_weights round trip; the grid equals predict at the same points */
    CHECK(sc_mlp_set_weights(c, wa, nw) == SC_OK, "set");
    sc_mlp_get_weights(c, wc, nw);
    CHECK(memcmp(wa, wc, sizeof(float) * (size_t)nw) == 0, "set/get round trip");
    float grid[12], pts[24], pred[12];
    CHECK(sc_mlp_predict_grid(c, -1, 2, 0, 1, 4, 3, grid, 12) == SC_OK, "grid");
    for (int j = 0; j < 3; j++)
        for (int i = 0; i < 4; i++) {
            pts[2 * (j * 4 + i)] = -1.0f + 1.0f * (float)i;
            pts[2 * (j * 4 + i) + 1] = 0.5f * (float)j;
        }
    sc_mlp_predict(c, pts, 12, pred, 12);
    double gd = 0;
    for (int i = 0; i < 12; i++) gd = fmax(gd, fabs(grid[i] - pred[i]));
    CHECK(gd <= 1e-6, "grid vs predict %g", gd);
    sc_mlp_destroy(a);
    sc_mlp_destroy(b);
    sc_mlp_destroy(c);
}

static void test_double_moon_generator(void)
{
    enum { N = 4000 };
    static float x[2 * N], x2[2 * N];
    static int8_t y[N], y2[N];
    const float r = 10, w = 6, d = -2;
    CHECK(sc_mlp_double_moon(N, r, w, d, 5, x, y) == SC_OK, "moon");
    CHECK(sc_mlp_double_moon(N, r, w, d, 5, x2, y2) == SC_OK, "moon again");
    CHECK(memcmp(x, x2, sizeof x) == 0 && memcmp(y, y2, sizeof y) == 0, "same seed, same points");
    int bad = 0, inner = 0, up = 0;
    for (int i = 0; i < N; i++) {
        const int upper = y[i] == 1;
        up += upper;
        const double cx = upper ? 0 : r, cy = upper ? 0 : -d, dx = x[2 * i] - cx, dy = x[2 * i + 1] - cy;
        const double rho = sqrt(dx * dx + dy * dy);
        bad += rho < r - w / 2 - 1e-4 || rho > r + w / 2 + 1e-4 || (upper ? dy < -1e-5 : dy > 1e-5);
        bad += y[i] != (i % 2 == 0 ? 1 : -1);
        inner += rho < r;
    }
    CHECK(bad == 0, "%d points off their half-annulus or mislabelled", bad);
    CHECK(up == N / 2, "half of each moon: %d", up);
    /* uniform in area: P(rho < r) = (r^2 - rin^2) / (rout^2 - rin^2) = 51/120 */
    const double frac = (double)inner / N;
    CHECK(fabs(frac - 51.0 / 120.0) < 0.025, "inner fraction %g (uniform radius would give 0.5)", frac);
}

static void test_errors(void)
{
    const int sizes[3] = {2, 3, 1};
    const sc_mlp_activation act[1] = {SC_MLP_TANH}, bad_act[1] = {(sc_mlp_activation)9};
    sc_mlp net;
    CHECK(sc_mlp_create(sizes, 1, act, SC_MLP_MSE, 1, &net) == SC_ERR_SIZE, "nsizes 1");
    CHECK(sc_mlp_create(sizes, 3, bad_act, SC_MLP_MSE, 1, &net) == SC_ERR_OPTION, "activation");
    CHECK(sc_mlp_create(sizes, 3, act, (sc_mlp_loss)7, 1, &net) == SC_ERR_OPTION, "loss");
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_SOFTMAX_CE, 1, &net) == SC_ERR_SIZE, "softmax with one output");
    const int big[3] = {2, SC_MLP_MAX_UNITS + 1, 1};
    CHECK(sc_mlp_create(big, 3, act, SC_MLP_MSE, 1, &net) == SC_ERR_SIZE, "units");
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_BCE, 1, &net) == SC_OK, "create");
    const float x[2] = {0, 1}, tbad[1] = {2}, tnan[1] = {NAN};
    float tr[1], g[13];
    const sc_mlp_train_desc d = {.epochs = 1, .eta = 0.1f};
    CHECK(sc_mlp_train(net, x, tbad, 1, &d, tr, 1) == SC_ERR_RANGE, "BCE target outside [0, 1]");
    CHECK(sc_mlp_gradient(net, x, tnan, 1, g, 13) == SC_ERR_NONFINITE, "NaN target");
    CHECK(sc_mlp_gradient(net, x, tr, 1, g, 12) == SC_ERR_SIZE, "gradient size");
    CHECK(sc_mlp_train(net, x, x, 1, &d, tr, 2) == SC_ERR_SIZE, "trace size");
    sc_mlp_train_desc e = d;
    e.alpha = 1.0f;
    CHECK(sc_mlp_train(net, x, x, 1, &e, tr, 1) == SC_ERR_RANGE, "alpha 1");
    e = d;
    e.eta = 0;
    CHECK(sc_mlp_train(net, x, x, 1, &e, tr, 1) == SC_ERR_RANGE, "eta 0");
    sc_mlp_destroy(net);
    CHECK(sc_mlp_reset(net) == SC_ERR_HANDLE, "stale handle");
    CHECK(sc_mlp_train(net, x, x, 1, &d, tr, 1) == SC_ERR_HANDLE, "train stale");
    /* the pool: SC_MLP_MAX_NETWORKS live at a time */
    sc_mlp nets[SC_MLP_MAX_NETWORKS];
    int made = 0;
    for (int i = 0; i < SC_MLP_MAX_NETWORKS; i++) made += sc_mlp_create(sizes, 3, act, SC_MLP_MSE, 1, &nets[i]) == SC_OK;
    CHECK(made == SC_MLP_MAX_NETWORKS, "made %d", made);
    CHECK(sc_mlp_create(sizes, 3, act, SC_MLP_MSE, 1, &net) == SC_ERR_NOMEM, "pool full");
    for (int i = 0; i < SC_MLP_MAX_NETWORKS; i++) sc_mlp_destroy(nets[i]);
    int8_t y[2];
    float xm[4];
    CHECK(sc_mlp_double_moon(2, 10, 20, 1, 1, xm, y) == SC_ERR_RANGE, "w >= 2r");
    CHECK(sc_flat_mlp_double_moon(2, 1e300, 6, 1, 1, xm, y) == SC_ERR_NONFINITE, "r narrows to inf");
}

int main(void)
{
    CHECK_RUN(test_gradients());
    CHECK_RUN(test_online_step());
    CHECK_RUN(test_xor());
    CHECK_RUN(test_double_moon_learned());
    CHECK_RUN(test_softmax_three_classes());
    CHECK_RUN(test_determinism_and_reset());
    CHECK_RUN(test_double_moon_generator());
    CHECK_RUN(test_errors());
    return check_summary("test_mlp");
}
