/* snn fast mode (core/src/snn/fast.h): the SIMD kernel against its scalar
 * reference bit for bit (the normals, and whole network steps), the normal
 * generator's statistics (moments, tails, the distribution by a
 * Kolmogorov-Smirnov distance, correlations within and across lanes), and
 * that a seed draws the same network as in the net.m mode. The rhythms of
 * the fast mode are checked in test_snn.c beside net.m's. */
#include <string.h>
#include "check.h"
#include "snn/fast.h"
#include "snn/snn_internal.h"
#include "simcore/snn.h"

enum { NORMALS = 1 << 20 };

static int by_value(const void *x, const void *y)
{
    const float a = *(const float *)x, b = *(const float *)y;
    return (a > b) - (a < b);
}

static void normal_statistics(const sc_snn_fast_variant *var)
{
    static float z[NORMALS];
    sc_snn_rng4 r;
    sc_snn_rng4_seed(&r, 12345);
    var->normals(&r, z, NORMALS);
    double sum = 0, sq = 0, maxabs = 0;
    long beyond[4] = {0}, bad = 0;
    for (int i = 0; i < NORMALS; i++) {
        const double x = z[i];
        bad += !isfinite(x);
        sum += x;
        sq += x * x;
        if (fabs(x) > maxabs) maxabs = fabs(x);
        for (int k = 1; k <= 3; k++) beyond[k] += fabs(x) > k;
    }
    CHECK(bad == 0, "%s: %ld non-finite normals", var->name, bad);
    const double n = NORMALS, mean = sum / n, var_ = sq / n - mean * mean;
    CHECK(fabs(mean) < 5 / sqrt(n), "%s: mean %g", var->name, mean);
    CHECK(fabs(var_ - 1) < 5 * sqrt(2 / n), "%s: variance %g", var->name, var_);
    /* Tails: P(|z| > k) = erfc(k / sqrt 2); within 5 binomial sd. */
    for (int k = 1; k <= 3; k++) {
        const double p = erfc(k / sqrt(2.0)), got = beyond[k] / n;
        CHECK(fabs(got - p) < 5 * sqrt(p * (1 - p) / n), "%s: P(|z| > %d) = %g, want %g", var->name, k, got, p);
    }
    /* u1 has 24 bits: |z| <= sqrt(-2 ln 2^-24) = 5.77 */
    CHECK(maxabs <= 5.77 && maxabs > 4.5, "%s: max |z| %g", var->name, maxabs);
    /* Correlations: neighbours (other lanes), the two outputs of one draw
     * (i, i + 4), and the same lane one draw later (i, i + 8). */
    const int lags[] = {1, 2, 4, 8};
    for (size_t l = 0; l < sizeof lags / sizeof lags[0]; l++) {
        double c = 0;
        for (int i = 0; i + lags[l] < NORMALS; i++) c += (double)z[i] * z[i + lags[l]];
        c /= n;
        CHECK(fabs(c) < 5 / sqrt(n), "%s: correlation at lag %d: %g", var->name, lags[l], c);
    }
    /* Kolmogorov-Smirnov on the first 2^16: D < 1.95 / sqrt(n) (0.1 % level). */
    enum { KS = 1 << 16 };
    static float s[KS];
    memcpy(s, z, sizeof s);
    qsort(s, KS, sizeof s[0], by_value);
    double d = 0;
    for (int i = 0; i < KS; i++) {
        const double cdf = 0.5 * erfc(-s[i] / sqrt(2.0));
        d = fmax(d, fmax(fabs(cdf - (double)i / KS), fabs(cdf - (double)(i + 1) / KS)));
    }
    CHECK(d < 1.95 / sqrt((double)KS), "%s: KS distance %g", var->name, d);
}

static void test_normals(void)
{
    for (int v = 0; v < sc_snn_fast_variant_count; v++) normal_statistics(&sc_snn_fast_variants[v]);
}

/* Every variant gives the scalar reference's bits: normals, then 2000 steps
 * of the 1000-neuron network (spikes, v, u), on two sizes (one with pad lanes). */
static void test_variants_agree(void)
{
    static float z0[4096], z1[4096];
    for (int v = 1; v < sc_snn_fast_variant_count; v++) {
        const sc_snn_fast_variant *var = &sc_snn_fast_variants[v];
        sc_snn_rng4 r0, r1;
        sc_snn_rng4_seed(&r0, 7);
        r1 = r0;
        sc_snn_normals_scalar(&r0, z0, 4096);
        var->normals(&r1, z1, 4096);
        CHECK(memcmp(z0, z1, sizeof z0) == 0, "%s: normals differ from the scalar reference", var->name);
        const int sizes[][3] = {{800, 200, 0}, {37, 8, 0}, {1600, 400, 100}}; /* ne, ni, in-degree */
        for (int s = 0; s < 3; s++) {
            sc_snn_params p = sc_snn_default_params();
            p.ne = sizes[s][0], p.ni = sizes[s][1], p.in_degree = sizes[s][2], p.mode = SC_SNN_FAST_F32, p.seed = 3;
            const int n = p.ne + p.ni;
            sc_snn_fast *f0 = sc_snn_fast_create(&p), *f1 = sc_snn_fast_create(&p);
            sc_snn_streams st;
            sc_snn_fast_init(f0, &p, &st);
            sc_snn_fast_init(f1, &p, &st);
            int *k0 = malloc(n * sizeof(int)), *k1 = malloc(n * sizeof(int));
            long spikes = 0, mismatched = 0;
            for (int t = 0; t < 2000; t++) {
                const int m0 = sc_snn_fast_step_scalar(f0, k0), m1 = var->step(f1, k1);
                spikes += m0;
                if (m0 != m1 || memcmp(k0, k1, m0 * sizeof(int))) mismatched++;
            }
            CHECK(mismatched == 0, "%s, n = %d: %ld of 2000 steps fired differently", var->name, n, mismatched);
            CHECK(memcmp(f0->v, f1->v, f0->n_pad * sizeof(float)) == 0 && memcmp(f0->u, f1->u, f0->n_pad * sizeof(float)) == 0,
                  "%s, n = %d: v, u differ after 2000 steps", var->name, n);
            CHECK(spikes > n, "%s, n = %d: the network fired (%ld spikes)", var->name, n, spikes);
            free(k0), free(k1);
            sc_snn_fast_free(f0), sc_snn_fast_free(f1);
        }
    }
#if !SC_HAVE_SIMD
    CHECK(sc_snn_fast_variant_count == 1, "the scalar build has only the reference");
#endif
}

/* A seed is one network whatever the mode: the fast mode's a, b, c, d, S
 * are net.m's rounded to float. */
static void test_same_network(void)
{
    sc_snn_params p = sc_snn_default_params();
    p.ne = 40, p.ni = 10, p.seed = 9;
    const int n = 50;
    sc_snn_net ref = {0};
    ref.p = p, ref.n = n;
    double *buf = calloc((size_t)n * (8 + n), sizeof(double));
    ref.a = buf, ref.b = buf + n, ref.c = buf + 2 * n, ref.d = buf + 3 * n, ref.v = buf + 4 * n;
    ref.u = buf + 5 * n, ref.I = buf + 6 * n, ref.sum = buf + 7 * n, ref.S = buf + 8 * n;
    sc_snn_net_init(&ref);
    p.mode = SC_SNN_FAST_F32;
    sc_snn_fast *f = sc_snn_fast_create(&p);
    sc_snn_streams st;
    sc_snn_fast_init(f, &p, &st);
    int same = 1;
    for (int i = 0; i < n; i++) {
        same &= f->a[i] == (float)ref.a[i] && f->b[i] == (float)ref.b[i] && f->c[i] == (float)ref.c[i] &&
                f->d[i] == (float)ref.d[i] && f->v[i] == -65.0f;
        for (int j = 0; j < n; j++) same &= f->S[(size_t)j * f->n_pad + i] == (float)ref.S[(size_t)j * n + i];
    }
    CHECK(same, "the fast mode draws net.m's network");
    CHECK(f->n_pad == 56 && f->amp[55] == 0.0f && f->amp[0] == 5.0f && f->amp[45] == 2.0f, "pads, noise amplitudes");
    sc_snn_fast_free(f);
    free(buf);
}

/* Sparse coupling: every neuron has exactly k_e distinct excitatory and
 * k_i distinct inhibitory inputs, weights in the stated ranges, lists sorted
 * by target; the mean weight of each kind is exc_scale 800 / (2 k_e) and
 * -inh_scale 200 / (2 k_i). */
static void test_sparse_lists(void)
{
    sc_snn_params p = sc_snn_default_params();
    p.ne = 4000, p.ni = 1000, p.in_degree = 50, p.mode = SC_SNN_FAST_F32, p.seed = 11;
    const int n = 5000, ke = 40, ki = 10;
    sc_snn_fast *f = sc_snn_fast_create(&p);
    sc_snn_streams st;
    sc_snn_fast_init(f, &p, &st);
    int *exc = calloc(n, sizeof(int)), *inh = calloc(n, sizeof(int)), *last = malloc(n * sizeof(int));
    long unsorted = 0, bad_weight = 0;
    double wsum[2] = {0}, wcount[2] = {0};
    const double we = 0.5 * 800 / ke, wi = 1.0 * 200 / ki;
    for (int j = 0; j < n; j++) {
        int prev = -1;
        for (int e = f->start[j]; e < f->start[j + 1]; e++) {
            const int t = f->target[e];
            unsorted += t <= prev; /* increasing, so no pair twice */
            prev = t;
            const float w = f->weight[e];
            if (j < p.ne)
                exc[t]++, bad_weight += !(w >= 0 && w < we), wsum[0] += w, wcount[0]++;
            else
                inh[t]++, bad_weight += !(w <= 0 && w > -wi), wsum[1] += w, wcount[1]++;
        }
    }
    int wrong = 0;
    for (int i = 0; i < n; i++) wrong += exc[i] != ke || inh[i] != ki;
    CHECK(f->start[n] == n * 50, "edges %d", f->start[n]);
    CHECK(wrong == 0, "%d neurons without %d + %d inputs", wrong, ke, ki);
    CHECK(unsorted == 0 && bad_weight == 0, "%ld unsorted, %ld weights out of range", unsorted, bad_weight);
    const double me = wsum[0] / wcount[0], mi = wsum[1] / wcount[1];
    CHECK(fabs(me - we / 2) < 0.01 * we, "mean excitatory weight %g, want %g", me, we / 2);
    CHECK(fabs(mi + wi / 2) < 0.01 * wi, "mean inhibitory weight %g, want %g", mi, -wi / 2);
    free(exc), free(inh), free(last);
    sc_snn_fast_free(f);
}

/* Mean rate (Hz) over t ms of a network. */
static double mean_rate(sc_snn_params p, int t)
{
    sc_snn h;
    int count = 0;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "create (n = %d, k = %d)", p.ne + p.ni, p.in_degree);
    CHECK(sc_snn_step(h, t, NULL, NULL, 0, &count, NULL) == SC_OK, "run");
    sc_snn_destroy(h);
    return count * 1000.0 / t / (p.ne + p.ni);
}

/* With k = n = 1000 every neuron receives from all: the dense network's
 * statistics (other weight draws); with k = 100 at n = 10000 the mean input
 * is net.m's, and the rate stays in the same regime. */
static void test_sparse_rates(void)
{
    sc_snn_params p = sc_snn_default_params();
    p.mode = SC_SNN_FAST_F32, p.seed = 5;
    const double dense = mean_rate(p, 5000);
    p.in_degree = 1000;
    const double full = mean_rate(p, 5000);
    CHECK(fabs(full - dense) < 0.1 * dense, "k = n: %.2f Hz, dense %.2f Hz", full, dense);
    p.ne = 8000, p.ni = 2000, p.in_degree = 100;
    const double sparse = mean_rate(p, 1000);
    printf("rates: dense %.2f Hz, k = n %.2f Hz, n = 10000 k = 100 %.2f Hz\n", dense, full, sparse);
    CHECK(sparse > 2 && sparse < 40, "n = 10000, k = 100: %.2f Hz", sparse);
    /* argument checks of the sparse options */
    sc_snn h;
    p.mode = SC_SNN_NETM_F64;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_OPTION, "net.m mode is dense only");
    p.mode = SC_SNN_FAST_F32, p.in_degree = 0;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_SIZE, "10000 dense is above the dense limit");
    p.in_degree = 20000;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_SIZE, "in-degree above its limit");
    p.ne = 10, p.ni = 0, p.in_degree = 11;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_SIZE, "in-degree above n");
}

int main(void)
{
    CHECK_RUN(test_normals());
    CHECK_RUN(test_variants_agree());
    CHECK_RUN(test_same_network());
    CHECK_RUN(test_sparse_lists());
    CHECK_RUN(test_sparse_rates());
    return check_summary("snn_fast");
}
