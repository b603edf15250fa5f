/* Incremental local fields (core/src/hopfield/incremental.c): the double
 * kernels against their scalar reference and a direct double sum; whole runs
 * with and without the incremental sweeps, which must make identical
 * decisions (T = 0 and T > 0, sync and async, annealing, partial orders,
 * thousands of flips); the kept fields against a fresh recompute after many
 * flips; near ties forced through the exact fallback; energy never rising. */
#include <string.h>
#include "check.h"
#include "hopfield_check.h"
#include "hopfield/hopfield_internal.h"
#include "simcore/hopfield.h"

static void test_double_kernels(void)
{
    uint32_t seed = 99;
    const int sizes[] = {1, 7, 16, 17, 33, 100, 257, 1000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        const int n = sizes[si], stride = sc_hop_stride(n), rows = n + 3;
        float *w = calloc((size_t)rows * stride, sizeof(float)), *s = calloc((size_t)stride, sizeof(float));
        double *ref = malloc((size_t)rows * sizeof(double)), *h = malloc((size_t)rows * sizeof(double));
        double *a_ref = malloc((size_t)stride * sizeof(double)), *a = malloc((size_t)stride * sizeof(double));
        for (int i = 0; i < rows; i++) check_fill_random(w + (size_t)i * stride, (size_t)n, &seed);
        for (int j = 0; j < n; j++) s[j] = check_rand_u32(&seed) & 256 ? 1.0f : -1.0f;
        sc_gemv_fixed_dfields_scalar(w, s, rows, stride, ref);
        /* Against a plain double sum: both within gamma_k(2^-53) sum |w|. */
        for (int i = 0; i < rows; i++) {
            double exact = 0.0, abs_sum = 0.0;
            for (int j = 0; j < n; j++) {
                exact += (double)w[(size_t)i * stride + j] * s[j];
                abs_sum += fabs((double)w[(size_t)i * stride + j]);
            }
            CHECK(fabs(ref[i] - exact) <= 2.0 * (n + 3) * 0x1p-53 * abs_sum, "dfields n=%d row %d: %.17g vs %.17g", n,
                  i, ref[i], exact);
        }
        for (int j = 0; j < stride; j++) a_ref[j] = j < n ? ref[j % rows] : 0.0;
        sc_gemv_fixed_daxpy_scalar(a_ref, w + stride, -2.0, stride);
        for (int j = 0; j < n; j++)
            CHECK(a_ref[j] == ref[j % rows] - 2.0 * w[stride + j], "daxpy scalar n=%d at %d", n, j);
        for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
            const sc_gemv_fixed_variant *kv = &sc_gemv_fixed_variants[v];
            for (int i = 0; i < rows; i++) h[i] = NAN;
            kv->dfields(w, s, rows, stride, h);
            for (int j = 0; j < stride; j++) a[j] = j < n ? ref[j % rows] : 0.0;
            kv->daxpy(a, w + stride, -2.0, stride);
            CHECK(memcmp(h, ref, (size_t)rows * sizeof(double)) == 0, "dfields %s n=%d differs", kv->name, n);
            CHECK(memcmp(a, a_ref, (size_t)stride * sizeof(double)) == 0, "daxpy %s n=%d differs", kv->name, n);
        }
        free(w);
        free(s);
        free(ref);
        free(h);
        free(a_ref);
        free(a);
    }
}

/* One scripted history of a network: every phase the engine offers. Returns
 * the flips of its steps and anneals; fills states (one row of n per phase) and energies. */
enum { PHASES = 8 };
static long history(sc_hopfield h, int n, const int8_t *start, int8_t *states, double *e)
{
    long flips = 0;
    int f = 0, order[64];
    sc_hopfield_run_result r;
    sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
    sc_hopfield_seed(h, 5);
    sc_hopfield_set_state(h, start);
    CHECK(sc_hopfield_run(h, &d, 100, &r) == SC_OK, "run");
    int k = 0;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    d.temperature = 0.4f; /* stochastic async sweeps */
    for (int i = 0; i < 6; i++) sc_hopfield_step(h, &d, &f), flips += f;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    for (int i = 0; i < 64; i++) order[i] = (i * 37) % n; /* partial orders on valid fields */
    d.order = order, d.order_len = 64;
    for (int i = 0; i < 5; i++) sc_hopfield_step(h, &d, &f), flips += f;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    d.order = NULL, d.order_len = 0, d.mode = SC_HOPFIELD_SYNC; /* stochastic sync */
    for (int i = 0; i < 6; i++) sc_hopfield_step(h, &d, &f), flips += f;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    sc_hopfield_anneal(h, &d, 2.0f, 0.05f, 20, &f), flips += f;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    d.temperature = 0.0f; /* deterministic sync from a fresh state: fixed point or 2-cycle */
    sc_hopfield_set_state(h, start);
    sc_hopfield_run(h, &d, 100, &r);
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    d.mode = SC_HOPFIELD_ASYNC;
    sc_hopfield_anneal(h, &d, 1.5f, 0.02f, 40, &f), flips += f;
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    sc_hopfield_run(h, &d, 100, &r);
    sc_hopfield_get_state(h, states + (size_t)k * n), e[k++] = energy(h);
    return flips;
}

/* Incremental and plain sweeps make the same decisions, bit for bit, in
 * every kernel variant; the incremental path really ran (updates counted). */
static void test_identical_to_plain(sc_hopfield_rule rule, int n, int p)
{
    uint32_t seed = 17 + (uint32_t)rule;
    int8_t *x = malloc((size_t)p * n), *start = malloc((size_t)n);
    int8_t *ref = malloc((size_t)PHASES * n), *got = malloc((size_t)PHASES * n);
    double e_ref[PHASES], e[PHASES];
    random_pm1(x, (size_t)p * n, &seed);
    random_pm1(start, (size_t)n, &seed);
    for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
        for (int inc = 0; inc < 2; inc++) {
            sc_hopfield h = make(n);
            sc_hop_use_variant(h, v);
            CHECK(sc_hopfield_store(h, x, p, rule) == SC_OK, "store");
            sc_hop_use_incremental(h, inc);
            const long flips = history(h, n, start, inc || v ? got : ref, inc || v ? e : e_ref);
            const sc_hop_net *net = sc_hop_peek(h);
            if (inc) {
                CHECK(net->hd != NULL && net->hd_valid, "rule %d: incremental fields not in use", rule);
                CHECK(flips > 4 * n, "rule %d: only %ld flips", rule, flips);
            }
            if (inc || v) {
                int bad = -1;
                for (int k = 0; k < PHASES * n && bad < 0; k++)
                    if (got[k] != ref[k]) bad = k;
                CHECK(bad < 0, "rule %d variant %s incremental %d: state differs in phase %d", rule,
                      sc_gemv_fixed_variants[v].name, inc, bad < 0 ? 0 : bad / n);
                CHECK(memcmp(e, e_ref, sizeof e) == 0, "rule %d variant %s incremental %d: energies differ", rule,
                      sc_gemv_fixed_variants[v].name, inc);
            }
            sc_hopfield_destroy(h);
        }
    }
    free(x);
    free(start);
    free(ref);
    free(got);
}

/* Many flips without a recompute: the kept fields stay within the bound of
 * incremental.c (gamma(stride/8 + 3 + m, 2^-53) A_i) of a fresh one, and in
 * fact far closer than the float fields' own error. */
static void test_drift(void)
{
    uint32_t seed = 4242;
    const int n = 300, p = 40;
    int8_t *x = malloc((size_t)p * n), s[300];
    random_pm1(x, (size_t)p * n, &seed);
    sc_hopfield h = make(n);
    sc_hopfield_store(h, x, p, SC_HOPFIELD_PSEUDOINVERSE);
    sc_hop_net *net = sc_hop_peek(h);
    const sc_hopfield_step_desc hot = {SC_HOPFIELD_ASYNC, 5.0f, NULL, 0};
    random_pm1(s, sizeof s, &seed);
    sc_hopfield_set_state(h, s);
    for (int k = 0; k < 400; k++) sc_hopfield_step(h, &hot, NULL); /* T = 5: about half the neurons flip */
    CHECK(net->hd_valid && net->hd_updates > 50000, "only %ld updates since the recompute", net->hd_updates);
    double fresh[300], worst = 0.0;
    sc_gemv_fixed_dfields_scalar(net->w, net->s, n, net->stride, fresh);
    for (int i = 0; i < n; i++) {
        const double k = net->stride / 8 + 3 + (double)net->hd_updates;
        const double bound = k * 0x1p-53 / (1.0 - k * 0x1p-53) * net->rowabs[i];
        worst = fmax(worst, fabs(net->hd[i] - fresh[i]) / bound);
    }
    CHECK(worst <= 1.0, "kept fields drifted %g times the bound", worst);
    sc_hopfield_destroy(h);
    free(x);
}

/* Thresholds equal to the float fields put every neuron on a tie: the bound
 * cannot decide, the fallback must (h >= theta: +1), as the plain sweep. */
static void test_ties(void)
{
    uint32_t seed = 808;
    const int n = 64, p = 6;
    int8_t x[6 * 64], s[64], a[64], b[64];
    float h[64];
    random_pm1(x, sizeof x, &seed);
    random_pm1(s, sizeof s, &seed);
    sc_hopfield inc = make(n), plain = make(n);
    sc_hop_use_incremental(plain, 0);
    for (int k = 0; k < 2; k++) {
        const sc_hopfield net = k ? plain : inc;
        sc_hopfield_store(net, x, p, SC_HOPFIELD_STORKEY);
        sc_hopfield_set_state(net, s);
        sc_hopfield_fields(net, h);
        sc_hopfield_set_thresholds(net, h);
        sc_hopfield_step_desc d = {SC_HOPFIELD_SYNC, 0.0f, NULL, 0};
        sc_hopfield_step(net, &d, NULL); /* every neuron ties: all become +1 */
        sc_hopfield_get_state(net, k ? b : a);
    }
    int plus = 0;
    for (int i = 0; i < n; i++) plus += a[i] == 1;
    CHECK(plus == n, "ties: %d of %d neurons went to +1", plus, n);
    CHECK(memcmp(a, b, sizeof a) == 0, "ties: incremental differs from plain");
    CHECK(sc_hop_peek(inc)->fallbacks >= n, "ties: %ld fallbacks", sc_hop_peek(inc)->fallbacks);
    sc_hopfield_destroy(inc);
    sc_hopfield_destroy(plain);
}

/* Thresholds and temperature near FLT_MAX (the fuzzer's find): with
 * theta = -T the exact P(+1) = 1 / (1 + e^-2) = 0.881; -2 (h - theta) would
 * overflow float and give P = 1. Both paths must draw from 0.881 and agree. */
static void test_huge_theta(void)
{
    uint32_t seed = 4242;
    const int n = 32, sweeps = 400;
    int8_t x[2 * 32], s[32], a[32], b[32];
    float theta[32];
    random_pm1(x, sizeof x, &seed);
    random_pm1(s, sizeof s, &seed);
    for (int i = 0; i < n; i++) theta[i] = -3.0e38f;
    sc_hopfield inc = make(n), plain = make(n);
    sc_hop_use_incremental(plain, 0);
    long plus = 0, total = 0;
    for (int k = 0; k < 2; k++) {
        const sc_hopfield net = k ? plain : inc;
        sc_hopfield_store(net, x, 2, SC_HOPFIELD_STORKEY);
        sc_hopfield_set_thresholds(net, theta);
        sc_hopfield_set_state(net, s);
        const sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 3.0e38f, NULL, 0};
        for (int t = 0; t < sweeps; t++) {
            sc_hopfield_step(net, &d, NULL);
            sc_hopfield_get_state(net, k ? b : a);
            if (k == 0)
                for (int i = 0; i < n; i++) plus += a[i] == 1, total++;
        }
    }
    CHECK(memcmp(a, b, sizeof a) == 0, "huge theta: incremental differs from plain");
    const double p = (double)plus / (double)total, exact = 1.0 / (1.0 + exp(-2.0));
    const double sd = sqrt(exact * (1.0 - exact) / (double)total);
    CHECK(fabs(p - exact) < 5.0 * sd, "huge theta: P(+1) = %.4f, exact %.4f", p, exact);
    sc_hopfield_destroy(inc);
    sc_hopfield_destroy(plain);
}

/* Energy never rises under asynchronous T = 0 updates on the incremental
 * path (energy from fresh float fields, tolerance of their rounding). */
static void test_energy(void)
{
    uint32_t seed = 555;
    for (int r = 0; r < 2; r++) {
        const int n = 200, p = 30;
        int8_t *x = malloc((size_t)p * n), s[200];
        random_pm1(x, (size_t)p * n, &seed);
        sc_hopfield h = make(n);
        sc_hopfield_store(h, x, p, r ? SC_HOPFIELD_PSEUDOINVERSE : SC_HOPFIELD_STORKEY);
        const sc_hop_net *net = sc_hop_peek(h);
        double scale = 0.0;
        for (int i = 0; i < n; i++) scale += net->rowabs[i];
        const double tol = 2.0 * n * 0x1p-24 * scale;
        int rises = 0, steps = 0;
        for (int start = 0; start < 5; start++) {
            random_pm1(s, sizeof s, &seed);
            sc_hopfield_set_state(h, s);
            sc_hopfield_step(h, &(sc_hopfield_step_desc){SC_HOPFIELD_ASYNC, 2.0f, NULL, 0}, NULL); /* fields valid */
            double e = energy(h);
            for (int k = 0; k < 3 * n; k++) {
                const int i = (int)(check_rand_u32(&seed) % (uint32_t)n);
                const sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.0f, &i, 1};
                sc_hopfield_step(h, &d, NULL);
                const double e2 = energy(h);
                rises += e2 > e + tol;
                steps++;
                e = e2;
            }
        }
        CHECK(net->hd_valid, "single-neuron steps left the incremental path");
        CHECK(rises == 0, "rule %d: energy rose in %d of %d updates", r, rises, steps);
        sc_hopfield_destroy(h);
        free(x);
    }
}

int main(void)
{
    CHECK_RUN(test_double_kernels());
    CHECK_RUN(test_identical_to_plain(SC_HOPFIELD_STORKEY, 200, 20));
    CHECK_RUN(test_identical_to_plain(SC_HOPFIELD_PSEUDOINVERSE, 200, 30));
    CHECK_RUN(test_identical_to_plain(SC_HOPFIELD_PSEUDOINVERSE, 97, 60)); /* high load, odd size */
    CHECK_RUN(test_drift());
    CHECK_RUN(test_ties());
    CHECK_RUN(test_huge_theta());
    CHECK_RUN(test_energy());
    return check_summary("test_hopfield_incremental");
}
