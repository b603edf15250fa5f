/* The lenet area (core/src/lenet/): Table 1 against the paper's pattern;
 * every layer's backward pass in the float64 reference against central
 * differences of L = sum r_k out_k; the float32 layers against the
 * float64 ones; the SIMD kernels against the scalar reference (bit for bit
 * for conv_fwd / conv_bin and a whole forward pass, to a stated tolerance
 * for conv_bw); seeded runs reproducible; training lowers the error. */
#include <string.h>
#include "check.h"
#include "lenet/lenet_internal.h"

#define GRAD_TOL 1e-6 /* |analytic - numeric| / (1 + |analytic|), eps 1e-5 */
#define EPS      1e-5

static uint32_t seed = 12345;

static double rnd(void) { return (double)check_rand_f(&seed); }
static void fill(double *x, int n)
{
    for (int i = 0; i < n; i++) x[i] = rnd();
}

static void test_c3_table(void)
{
    ln_tables_init();
    /* Table 1 as the paper describes it: maps 0-5 see 3 contiguous S2
     * maps (from map o), 6-11 four contiguous (from o - 6), 12-14 four
     * non-contiguous, 15 all six. */
    static const int noncontig[3][4] = {{0, 1, 3, 4}, {1, 2, 4, 5}, {0, 2, 3, 5}};
    int links = 0;
    for (int o = 0; o < 16; o++) {
        uint8_t want[6] = {0};
        if (o < 6)
            for (int k = 0; k < 3; k++) want[(o + k) % 6] = 1;
        else if (o < 12)
            for (int k = 0; k < 4; k++) want[(o - 6 + k) % 6] = 1;
        else if (o < 15)
            for (int k = 0; k < 4; k++) want[noncontig[o - 12][k]] = 1;
        else
            memset(want, 1, 6);
        for (int i = 0; i < 6; i++) {
            CHECK(ln_c3_table[o * 6 + i] == want[i], "C3 map %d, S2 map %d", o, i);
            links += ln_c3_table[o * 6 + i];
        }
    }
    CHECK(links == 60, "links %d", links);
    const ln_conv c3 = {6, 16, 14, 14, 5, ln_c3_table};
    CHECK(ln_conv_weights_f64(&c3) == 1516, "C3 parameters %d (paper: 1516)", ln_conv_weights_f64(&c3));
    const ln_conv c1 = {1, 6, 32, 32, 5, NULL};
    CHECK(ln_conv_weights_f64(&c1) == 156, "C1 parameters %d (paper: 156)", ln_conv_weights_f64(&c1));
    /* the codes: +-1, and no two digits alike */
    for (int a = 0; a < 10; a++)
        for (int b = a + 1; b < 10; b++) {
            int diff = 0;
            for (int j = 0; j < 84; j++) diff += ln_rbf_codes[a * 84 + j] != ln_rbf_codes[b * 84 + j];
            CHECK(diff >= 8, "codes %d and %d differ in %d pixels", a, b, diff);
        }
}

/* Compares an analytic gradient g (n values) with central differences of
 * f over the n values of x. */
typedef double (*objective)(void *ctx);
static void check_grad(const char *what, double *x, const double *g, int n, objective f, void *ctx)
{
    double worst = 0;
    for (int i = 0; i < n; i++) {
        const double keep = x[i];
        x[i] = keep + EPS;
        const double up = f(ctx);
        x[i] = keep - EPS;
        const double down = f(ctx);
        x[i] = keep;
        const double num = (up - down) / (2 * EPS);
        const double err = fabs(num - g[i]) / (1 + fabs(g[i]));
        worst = err > worst ? err : worst;
    }
    CHECK(worst < GRAD_TOL, "%s: worst relative error %g", what, worst);
}

static double dot(const double *a, const double *b, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

/* One generic context: a layer's input, weights, output weights r. */
enum { BIG = 4096 };
static double X[BIG], W[BIG], Rw[BIG], Y[BIG], DW[BIG], DX[BIG], DY[BIG];
static int ARG[BIG];
static ln_conv CONV;
static int NIN, NOUT, NW, CH, IH, IW, KIND, LABEL;

static double f_conv(void *c)
{
    (void)c;
    ln_conv_fwd_f64(&CONV, W, X, Y);
    return dot(Rw, Y, NOUT);
}
static double f_sub(void *c)
{
    (void)c;
    ln_sub_fwd_f64(CH, IH, IW, W, X, Y);
    return dot(Rw, Y, NOUT);
}
static double f_avg(void *c)
{
    (void)c;
    ln_avg_fwd_f64(CH, IH, IW, X, Y);
    return dot(Rw, Y, NOUT);
}
static double f_max(void *c)
{
    (void)c;
    ln_max_fwd_f64(CH, IH, IW, X, Y, ARG);
    return dot(Rw, Y, NOUT);
}
static double f_fc(void *c)
{
    (void)c;
    ln_fc_fwd_f64(NIN, NOUT, W, X, Y);
    return dot(Rw, Y, NOUT);
}
static double f_rbf(void *c)
{
    (void)c;
    ln_rbf_fwd_f64(NIN, NOUT, W, X, Y);
    return dot(Rw, Y, NOUT);
}
static double f_act(void *c)
{
    (void)c;
    ln_act_fwd_f64((ln_act)KIND, X, Y, NIN);
    return dot(Rw, Y, NIN);
}
static double f_loss(void *c)
{
    (void)c;
    double p[16];
    switch (KIND) {
    case 0:
        return ln_loss_mle_f64(X, NIN, LABEL, DY);
    case 1:
        return ln_loss_map_f64(X, NIN, LABEL, 1.0, DY);
    case 2:
        return ln_loss_softmax_f64(X, NIN, LABEL, p, DY);
    default:
        return ln_loss_square_f64(X, W, NIN, DY);
    }
}

static void test_gradients(void)
{
    /* convolution with a partial table: 3 -> 4 maps, 7 x 8, 3 x 3 */
    static const uint8_t table[12] = {1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1};
    CONV = (ln_conv){3, 4, 7, 8, 3, table};
    NIN = 3 * 7 * 8;
    NOUT = 4 * 5 * 6;
    NW = ln_conv_weights_f64(&CONV);
    fill(X, NIN);
    fill(W, NW);
    fill(Rw, NOUT);
    memset(DW, 0, sizeof DW);
    ln_conv_fwd_f64(&CONV, W, X, Y);
    ln_conv_bwd_f64(&CONV, W, X, Rw, DW, DX);
    check_grad("conv dw", W, DW, NW, f_conv, NULL);
    check_grad("conv dx", X, DX, NIN, f_conv, NULL);

    /* LeNet subsampling, average and max pooling: 3 maps 6 x 8 */
    CH = 3, IH = 6, IW = 8, NIN = 3 * 48, NOUT = 3 * 12;
    fill(X, NIN);
    fill(W, 6);
    fill(Rw, NOUT);
    memset(DW, 0, sizeof DW);
    ln_sub_bwd_f64(CH, IH, IW, W, X, Rw, DW, DX);
    check_grad("sub dw", W, DW, 6, f_sub, NULL);
    check_grad("sub dx", X, DX, NIN, f_sub, NULL);
    ln_avg_bwd_f64(CH, IH, IW, Rw, DX);
    check_grad("avg dx", X, DX, NIN, f_avg, NULL);
    ln_max_fwd_f64(CH, IH, IW, X, Y, ARG);
    ln_max_bwd_f64(CH, IH, IW, Rw, ARG, DX);
    check_grad("max dx", X, DX, NIN, f_max, NULL); /* random inputs: no ties within EPS */

    /* fully connected 13 -> 7 */
    NIN = 13, NOUT = 7, NW = 13 * 7 + 7;
    fill(X, NIN);
    fill(W, NW);
    fill(Rw, NOUT);
    memset(DW, 0, sizeof DW);
    ln_fc_bwd_f64(NIN, NOUT, W, X, Rw, DW, DX);
    check_grad("fc dw", W, DW, NW, f_fc, NULL);
    check_grad("fc dx", X, DX, NIN, f_fc, NULL);

    /* RBF 84 -> 10 on the real codes (W holds them as doubles) */
    NIN = 84, NOUT = 10;
    ln_tables_init();
    for (int i = 0; i < 840; i++) W[i] = ln_rbf_codes[i];
    fill(X, NIN);
    fill(Rw, NOUT);
    ln_rbf_bwd_f64(NIN, NOUT, W, X, Rw, DX);
    check_grad("rbf dx", X, DX, NIN, f_rbf, NULL);

    /* activations */
    NIN = 50;
    for (KIND = 0; KIND < 3; KIND++) {
        for (int i = 0; i < NIN; i++) X[i] = 3 * rnd();
        for (int i = 0; i < NIN; i++)
            if (fabs(X[i]) < 1e-3) X[i] = 0.5; /* away from ReLU's kink */
        fill(Rw, NIN);
        ln_act_fwd_f64((ln_act)KIND, X, Y, NIN);
        ln_act_bwd_f64((ln_act)KIND, X, Y, Rw, DX, NIN);
        check_grad(KIND == 0 ? "scaled tanh" : KIND == 1 ? "relu"
                                                         : "logistic",
                   X, DX, NIN, f_act, NULL);
    }
    ln_act_fwd_f64(LN_SCALED_TANH, (double[]){1.0}, Y, 1);
    CHECK(fabs(Y[0] - 1.7159 * tanh(2.0 / 3.0)) < 1e-15, "f(1) = %.17g", Y[0]);

    /* losses of 10 inputs, label 3 */
    NIN = 10, LABEL = 3;
    for (KIND = 0; KIND < 4; KIND++) {
        for (int i = 0; i < NIN; i++) X[i] = KIND == 1 ? 4 + 3 * rnd() : 3 * rnd();
        fill(W, NIN);
        f_loss(NULL);
        double g[16];
        memcpy(g, DY, sizeof g);
        static const char *names[] = {"mle", "map", "softmax ce", "squared error"};
        check_grad(names[KIND], X, g, NIN, f_loss, NULL);
    }
    /* MAP against its definition */
    double dy[10], y[10];
    for (int i = 0; i < 10; i++) y[i] = i + 0.5;
    double z = exp(-1.0);
    for (int i = 0; i < 10; i++) z += exp(-y[i]);
    const double e = ln_loss_map_f64(y, 10, 2, 1.0, dy);
    CHECK(fabs(e - (y[2] + log(z))) < 1e-13, "map %g vs %g", e, y[2] + log(z));
}

/* The float32 layers (the networks' kernels) against the float64 ones on
 * LeNet's C3 shape. */
static void test_f32_vs_f64(void)
{
    ln_tables_init();
    const ln_conv c = {6, 16, 14, 14, 5, ln_c3_table};
    const int nin = 6 * 196, nout = 1600, nw = ln_conv_weights_f64(&c);
    static float xf[6 * 196], wf[1516], yf[1600], dyf[1600], dwf[1516], dxf[6 * 196];
    static double xd[6 * 196], wd[1516], yd[1600], dyd[1600], dwd[1516], dxd[6 * 196];
    for (int i = 0; i < nin; i++) xd[i] = xf[i] = (float)rnd();
    for (int i = 0; i < nw; i++) wd[i] = wf[i] = (float)rnd() * 0.1f;
    for (int i = 0; i < nout; i++) dyd[i] = dyf[i] = (float)rnd();
    for (int v = 0; v < ln_kern_count; v++) {
        ln_kern_active = &ln_kerns[v];
        memset(dwf, 0, sizeof dwf);
        memset(dwd, 0, sizeof dwd);
        ln_conv_fwd_f32(&c, wf, xf, yf);
        ln_conv_fwd_f64(&c, wd, xd, yd);
        ln_conv_bwd_f32(&c, wf, xf, dyf, dwf, dxf);
        ln_conv_bwd_f64(&c, wd, xd, dyd, dwd, dxd);
        double ey = 0, ew = 0, ex = 0;
        for (int i = 0; i < nout; i++) ey = fmax(ey, fabs(yf[i] - yd[i]));
        for (int i = 0; i < nw; i++) ew = fmax(ew, fabs(dwf[i] - dwd[i]) / (1 + fabs(dwd[i])));
        for (int i = 0; i < nin; i++) ex = fmax(ex, fabs(dxf[i] - dxd[i]));
        CHECK(ey < 1e-5 && ew < 1e-5 && ex < 1e-5, "%s: y %g dw %g dx %g", ln_kerns[v].name, ey, ew, ex);
    }
    ln_kern_active = &ln_kerns[ln_kern_count - 1];
}

/* Every variant's conv_fwd / conv_bin bit for bit equal to the scalar
 * reference (widths around the 4-lane blocks); conv_bw within 1e-6 of
 * sum |d in|. */
static void test_variants(void)
{
    enum { MAXP = 40 * 40 };
    static float in[MAXP], k[49], d[MAXP], r1[MAXP], r2[MAXP], dk1[49], dk2[49];
    uint32_t s = 99;
    CHECK(!strcmp(ln_kerns[0].name, "scalar") && ln_kern_count == 1 + SC_HAVE_SIMD, "variants %d", ln_kern_count);
    for (int v = 1; v < ln_kern_count; v++) {
        const ln_kern *kn = &ln_kerns[v];
        for (int iw = 5; iw <= 37; iw += 3)
            for (int ks = 1; ks <= 7; ks += 2) {
                if (ks > iw) continue;
                const int ih = 9, oh = ih - ks + 1, ow = iw - ks + 1;
                check_fill_random(in, (size_t)ih * iw, &s);
                check_fill_random(k, (size_t)ks * ks, &s);
                check_fill_random(d, (size_t)oh * ow, &s);
                check_fill_random(r1, (size_t)oh * ow, &s);
                memcpy(r2, r1, sizeof(float) * (size_t)oh * ow);
                ln_conv_fwd_scalar(in, ih, iw, k, ks, r1);
                kn->conv_fwd(in, ih, iw, k, ks, r2);
                CHECK(!memcmp(r1, r2, sizeof(float) * (size_t)oh * ow), "%s conv_fwd iw %d ks %d", kn->name, iw, ks);
                memcpy(r2, in, sizeof(float) * (size_t)ih * iw);
                memcpy(r1, in, sizeof(float) * (size_t)ih * iw);
                ln_conv_bin_scalar(d, oh, ow, k, ks, r1);
                kn->conv_bin(d, oh, ow, k, ks, r2);
                CHECK(!memcmp(r1, r2, sizeof(float) * (size_t)ih * iw), "%s conv_bin iw %d ks %d", kn->name, iw, ks);
                memset(dk1, 0, sizeof dk1);
                memset(dk2, 0, sizeof dk2);
                ln_conv_bw_scalar(in, d, oh, ow, ks, dk1);
                kn->conv_bw(in, d, oh, ow, ks, dk2);
                double worst = 0;
                for (int ky = 0; ky < ks; ky++)
                    for (int kx = 0; kx < ks; kx++) {
                        double mag = 0;
                        for (int y = 0; y < oh; y++)
                            for (int x = 0; x < ow; x++) mag += fabs(d[y * ow + x] * in[(y + ky) * iw + x + kx]);
                        worst = fmax(worst, fabs(dk1[ky * ks + kx] - dk2[ky * ks + kx]) / (mag + 1e-30));
                    }
                CHECK(worst < 1e-6, "%s conv_bw iw %d ks %d: %g", kn->name, iw, ks, worst);
            }
    }
}

/* Synthetic digits: class c's code bitmap scaled 2x into the 28 x 28
 * frame, shifted by up to 2 pixels, with noise. */
static void synth(uint8_t *img, uint8_t *lab, int count, uint32_t s)
{
    ln_tables_init();
    for (int n = 0; n < count; n++) {
        const int c = (int)(check_rand_u32(&s) % 10);
        const int dx = (int)(check_rand_u32(&s) % 5), dy = (int)(check_rand_u32(&s) % 5);
        uint8_t *p = img + (size_t)n * 784;
        for (int i = 0; i < 784; i++) p[i] = (uint8_t)(check_rand_u32(&s) % 40);
        for (int y = 0; y < 24; y++)
            for (int x = 0; x < 14; x++)
                if (ln_rbf_codes[c * 84 + (y / 2) * 7 + x / 2] > 0) p[(y + dy) * 28 + x + 5 + dx] = 255;
        lab[n] = (uint8_t)c;
    }
}

static void test_networks(void)
{
    enum { N = 400,
           T = 200 };
    static uint8_t img[N * 784], lab[N], timg[T * 784], tlab[T];
    synth(img, lab, N, 5);
    synth(timg, tlab, T, 77);
    for (int variant = 0; variant < 2; variant++) {
        sc_lenet a, b, c;
        CHECK(sc_lenet_create((sc_lenet_variant)variant, 7, &a) == SC_OK, "create");
        CHECK(sc_lenet_create((sc_lenet_variant)variant, 7, &b) == SC_OK, "create");
        CHECK(sc_lenet_create((sc_lenet_variant)variant, 8, &c) == SC_OK, "create");
        int nw = 0;
        sc_lenet_weight_count(a, &nw);
        const int want = variant == 0 ? 156 + 12 + 1516 + 32 + 48120 + 10164 : 156 + 2416 + 48120 + 10164 + 850;
        CHECK(nw == want, "variant %d: %d weights, want %d", variant, nw, want);
        int32_t conf[100];
        int err0 = 0, err1 = 0;
        sc_lenet_evaluate(a, timg, tlab, T, conf, 100, &err0);
        float l1 = 0, l2 = 0, lc = 0;
        for (int e = 0; e < 2; e++) {
            CHECK(sc_lenet_train_epoch(a, img, lab, N, 0, 0, SC_LENET_LOSS_DEFAULT, &l1) == SC_OK, "train a");
            CHECK(sc_lenet_train_epoch(b, img, lab, N, 0, 0, SC_LENET_LOSS_DEFAULT, &l2) == SC_OK, "train b");
            CHECK(sc_lenet_train_epoch(c, img, lab, N, 0, 0, SC_LENET_LOSS_DEFAULT, &lc) == SC_OK, "train c");
        }
        static float wa[70000], wb[70000], wc[70000];
        sc_lenet_get_weights(a, wa, nw);
        sc_lenet_get_weights(b, wb, nw);
        sc_lenet_get_weights(c, wc, nw);
        CHECK(!memcmp(wa, wb, sizeof(float) * (size_t)nw) && l1 == l2, "variant %d: same seed, same weights", variant);
        CHECK(memcmp(wa, wc, sizeof(float) * (size_t)nw) != 0, "variant %d: another seed, other weights", variant);
        sc_lenet_evaluate(a, timg, tlab, T, conf, 100, &err1);
        int total = 0;
        for (int i = 0; i < 100; i++) total += conf[i];
        CHECK(total == T, "confusion sums to %d", total);
        /* measured: 1998 180 -> 0, modern 174 -> 10 (26 updates of 32) */
        CHECK(err0 > T / 2 && err1 < (variant == 0 ? T / 10 : T / 8), "variant %d: test errors %d -> %d of %d", variant, err0, err1, T);
        printf("variant %d: held-back errors %d -> %d of %d, loss %g\n", variant, err0, err1, T, l1);
        /* get/set round trip; predict's argmax agrees with evaluate */
        CHECK(sc_lenet_set_weights(c, wa, nw) == SC_OK, "set");
        static float sc1[T * 10];
        CHECK(sc_lenet_predict(c, timg, T, sc1, T * 10) == SC_OK, "predict");
        int wrong = 0;
        for (int n = 0; n < T; n++) {
            int best = 0;
            for (int i = 1; i < 10; i++)
                if (sc1[n * 10 + i] > sc1[n * 10 + best]) best = i;
            wrong += best != tlab[n];
        }
        CHECK(wrong == err1, "predict %d vs evaluate %d", wrong, err1);
        /* the SIMD kernels give the same forward pass bit for bit */
        static float sc2[T * 10];
        ln_kern_active = &ln_kerns[0];
        sc_lenet_predict(c, timg, T, sc2, T * 10);
        ln_kern_active = &ln_kerns[ln_kern_count - 1];
        CHECK(!memcmp(sc1, sc2, sizeof sc1), "variant %d: scalar and %s scores differ", variant,
              ln_kerns[ln_kern_count - 1].name);
        /* errors */
        float bad = NAN;
        CHECK(sc_lenet_train_epoch(a, img, lab, N, bad, 0, 0, NULL) == SC_ERR_NONFINITE, "nan lr");
        uint8_t badlab[2] = {1, 10};
        CHECK(sc_lenet_train_epoch(a, img, badlab, 2, 0, 0, 0, NULL) == SC_ERR_RANGE, "label 10");
        CHECK(sc_lenet_predict(a, img, 2, sc1, 19) == SC_ERR_SIZE, "scores size");
        wa[3] = INFINITY;
        CHECK(sc_lenet_set_weights(a, wa, nw) == SC_ERR_NONFINITE, "inf weight");
        sc_lenet_destroy(a);
        sc_lenet_destroy(b);
        sc_lenet_destroy(c);
        CHECK(sc_lenet_destroy(a) == SC_ERR_HANDLE, "stale handle");
    }
    CHECK(sc_lenet_schedule(0) == 5e-4f && sc_lenet_schedule(4) == 2e-4f && sc_lenet_schedule(12) == 1e-5f,
          "schedule");
}

int main(void)
{
    CHECK_RUN(test_c3_table());
    CHECK_RUN(test_gradients());
    CHECK_RUN(test_f32_vs_f64());
    CHECK_RUN(test_variants());
    CHECK_RUN(test_networks());
    return check_summary("test_lenet");
}
