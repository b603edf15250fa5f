/* Hopfield engine: kernels against their scalar reference and a double
 * reference, the learning rules against direct implementations of their
 * formulas, the dynamics against the invariants of the model (energy never
 * rises, stored patterns are fixed points, Glauber statistics), and the
 * handle pool and argument checks. */
#include <string.h>
#include "check.h"
#include "hopfield_check.h"
#include "hopfield/hopfield_internal.h"
#include "simcore/hopfield.h"

/* Float dot product of length n: |error| <= gamma_n sum |w s| with
 * gamma_n ~ n 2^-24 (Higham, Thm 3.1); 2^-23 gives a factor 2 of margin. */
#define DOT_TOL(n, abs_sum) ((double)(n)*1.1920929e-7 * (abs_sum) + 1e-30)

static void get_weights(sc_hopfield h, int n, float *w)
{
    CHECK(sc_hopfield_get_weights(h, w) == SC_OK, "weights");
    (void)n;
}

static int step(sc_hopfield h, sc_hopfield_mode mode, float t)
{
    sc_hopfield_step_desc d = {mode, t, NULL, 0};
    int flips = -1;
    CHECK(sc_hopfield_step(h, &d, &flips) == SC_OK, "step");
    return flips;
}

/* ---- kernels ------------------------------------------------------------ */

static void test_kernels(void)
{
    uint32_t seed = 12345;
    const int sizes[] = {1, 2, 3, 7, 15, 16, 17, 31, 33, 64, 100, 257, 1000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        const int n = sizes[si], stride = sc_hop_stride(n), rows = n + 3;
        float *w = calloc((size_t)rows * stride, sizeof(float));
        float *s = calloc((size_t)stride, sizeof(float));
        float *h_ref = malloc((size_t)rows * sizeof(float));
        float *h = malloc((size_t)rows * sizeof(float));
        for (int i = 0; i < rows; i++) check_fill_random(w + (size_t)i * stride, (size_t)n, &seed);
        for (int j = 0; j < n; j++) s[j] = check_rand_u32(&seed) & 256 ? 1.0f : -1.0f;
        sc_gemv_fixed_fields_scalar(w, s, rows, stride, h_ref);
        /* The scalar reference against double sums, within the dot bound. */
        for (int i = 0; i < rows; i++) {
            double exact = 0.0, abs_sum = 0.0;
            for (int j = 0; j < n; j++) {
                exact += (double)w[(size_t)i * stride + j] * s[j];
                abs_sum += fabs((double)w[(size_t)i * stride + j]);
            }
            CHECK(fabs(h_ref[i] - exact) <= DOT_TOL(n, abs_sum), "n=%d row %d: %g vs %g", n, i, h_ref[i], exact);
        }
        /* Every variant, both entry points: bit-identical (same order). */
        for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
            check_fill_nan(h, (size_t)rows);
            sc_gemv_fixed_variants[v].fields(w, s, rows, stride, h);
            int bad = -1;
            for (int i = 0; i < rows && bad < 0; i++) {
                const float d = sc_gemv_fixed_variants[v].dot(w + (size_t)i * stride, s, stride);
                if (memcmp(&h[i], &h_ref[i], sizeof(float)) || memcmp(&d, &h_ref[i], sizeof(float))) bad = i;
            }
            CHECK(bad < 0, "variant %s n=%d differs at row %d", sc_gemv_fixed_variants[v].name, n, bad);
        }
        free(w);
        free(s);
        free(h_ref);
        free(h);
    }
}

/* Integer kernels (Hebb counts): every variant equals the exact sum. Sizes
 * beyond 1024 cross the int8 kernel's int16 flush; the extreme rows (all
 * +127 or all -127 against all +1 or all -1 states) check its headroom. */
static void test_integer_kernels(void)
{
    uint32_t seed = 777;
    const int sizes[] = {1, 5, 16, 17, 100, 1023, 1024, 1025, 2100, 4096};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        const int n = sizes[si], stride = sc_hop_stride(n), rows = 7;
        int8_t *k8 = calloc((size_t)rows * stride, 1), *m8 = calloc((size_t)stride, 1);
        int16_t *k16 = calloc((size_t)rows * stride, 2), *s16 = calloc((size_t)stride, 2);
        int32_t want8[7], want16[7], got[7];
        for (int j = 0; j < n; j++) {
            s16[j] = check_rand_u32(&seed) & 256 ? 1 : -1;
            m8[j] = s16[j] < 0 ? -1 : 0;
        }
        for (int i = 0; i < rows; i++) {
            long e8 = 0, e16 = 0;
            for (int j = 0; j < n; j++) {
                int v8 = (int)(check_rand_u32(&seed) % 255) - 127;
                int v16 = (int)(check_rand_u32(&seed) % 2049) - 1024;
                if (i == 0) v8 = 127, v16 = 1024; /* extremes, against the random state */
                if (i == 1) v8 = -127, v16 = -1024;
                if (i == 2) v8 = 127 * s16[j], v16 = 1024 * s16[j];   /* all terms +max */
                if (i == 3) v8 = -127 * s16[j], v16 = -1024 * s16[j]; /* all terms -max */
                k8[(size_t)i * stride + j] = (int8_t)v8;
                k16[(size_t)i * stride + j] = (int16_t)v16;
                e8 += (long)v8 * s16[j];
                e16 += (long)v16 * s16[j];
            }
            want8[i] = (int32_t)e8;
            want16[i] = (int32_t)e16;
        }
        for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
            const sc_gemv_fixed_variant *kv = &sc_gemv_fixed_variants[v];
            int bad = 0;
            kv->q8fields(k8, m8, rows, stride, got);
            for (int i = 0; i < rows; i++) bad += got[i] != want8[i] || kv->q8dot(k8 + (size_t)i * stride, m8, stride) != want8[i];
            kv->qfields(k16, s16, rows, stride, got);
            for (int i = 0; i < rows; i++) bad += got[i] != want16[i] || kv->qdot(k16 + (size_t)i * stride, s16, stride) != want16[i];
            CHECK(bad == 0, "integer kernels %s n=%d: %d wrong sums", kv->name, n, bad);
        }
        free(k8);
        free(m8);
        free(k16);
        free(s16);
    }
}

/* ---- learning rules ----------------------------------------------------- */

static void check_symmetric(const float *w, int n, const char *what)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        bad += w[(size_t)i * n + i] != 0.0f;
        for (int j = 0; j < i; j++) bad += memcmp(&w[(size_t)i * n + j], &w[(size_t)j * n + i], sizeof(float)) != 0;
    }
    CHECK(bad == 0, "%s: %d asymmetric or diagonal entries", what, bad);
}

static void test_hebb(void)
{
    uint32_t seed = 777;
    const int n = 50, p = 7;
    int8_t x[7 * 50];
    random_pm1(x, sizeof x, &seed);
    sc_hopfield h = make(n);
    CHECK(sc_hopfield_store(h, x, p, SC_HOPFIELD_HEBB) == SC_OK, "store");
    float *w = malloc((size_t)n * n * sizeof(float));
    get_weights(h, n, w);
    check_symmetric(w, n, "hebb");
    /* w_ij = (1/n) sum_mu xi_i xi_j: an integer over n, so exact. */
    int bad = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int k = 0;
            for (int mu = 0; mu < p; mu++) k += x[mu * n + i] * x[mu * n + j];
            const float want = i == j ? 0.0f : (float)k / (float)n;
            bad += w[(size_t)i * n + j] != want;
        }
    CHECK(bad == 0, "hebb: %d weights differ from (1/n) sum xi xi", bad);
    free(w);
    sc_hopfield_destroy(h);
}

/* Storkey (1997), eq. as published, in double with explicit h_ij sums. */
static void storkey_direct(const int8_t *x, int p, int n, double *w)
{
    double *next = malloc((size_t)n * n * sizeof(double));
    memset(w, 0, (size_t)n * n * sizeof(double));
    for (int mu = 0; mu < p; mu++) {
        const int8_t *xi = x + (size_t)mu * n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    next[(size_t)i * n + j] = 0.0;
                    continue;
                }
                double hij = 0.0, hji = 0.0;
                for (int k = 0; k < n; k++) {
                    if (k != i && k != j) {
                        hij += w[(size_t)i * n + k] * xi[k];
                        hji += w[(size_t)j * n + k] * xi[k];
                    }
                }
                next[(size_t)i * n + j] = w[(size_t)i * n + j] +
                                          (xi[i] * xi[j] - xi[i] * hji - hij * xi[j]) / n;
            }
        memcpy(w, next, (size_t)n * n * sizeof(double));
    }
    free(next);
}

static void test_storkey(void)
{
    uint32_t seed = 4242;
    const int n = 40, p = 8;
    int8_t x[8 * 40];
    random_pm1(x, sizeof x, &seed);
    double *ref = malloc((size_t)n * n * sizeof(double));
    float *w = malloc((size_t)n * n * sizeof(float));
    storkey_direct(x, p, n, ref);
    for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
        sc_hopfield h = make(n);
        sc_hop_use_variant(h, v);
        CHECK(sc_hopfield_store(h, x, p, SC_HOPFIELD_STORKEY) == SC_OK, "store");
        get_weights(h, n, w);
        check_symmetric(w, n, "storkey");
        /* Weights are O(p/n) = 0.2; float storage and float fields over p
         * updates give errors of order p * n * 2^-24 * 0.2 ~ 4e-6. */
        double worst = 0.0;
        for (size_t k = 0; k < (size_t)n * n; k++) worst = fmax(worst, fabs(w[k] - ref[k]));
        CHECK(worst < 2e-5, "storkey (%s): max |w - direct| = %g", sc_gemv_fixed_variants[v].name, worst);
        sc_hopfield_destroy(h);
    }
    free(ref);
    free(w);
}

/* Solve C y = b in place by Gauss-Jordan with partial pivoting (small p). */
static void solve(double *c, double *b, int p, int cols)
{
    for (int k = 0; k < p; k++) {
        int piv = k;
        for (int r = k + 1; r < p; r++)
            if (fabs(c[r * p + k]) > fabs(c[piv * p + k])) piv = r;
        for (int j = 0; j < p; j++) {
            double t = c[k * p + j];
            c[k * p + j] = c[piv * p + j];
            c[piv * p + j] = t;
        }
        for (int j = 0; j < cols; j++) {
            double t = b[k * cols + j];
            b[k * cols + j] = b[piv * cols + j];
            b[piv * cols + j] = t;
        }
        for (int r = 0; r < p; r++) {
            if (r == k) continue;
            const double f = c[r * p + k] / c[k * p + k];
            for (int j = 0; j < p; j++) c[r * p + j] -= f * c[k * p + j];
            for (int j = 0; j < cols; j++) b[r * cols + j] -= f * b[k * cols + j];
        }
    }
    for (int k = 0; k < p; k++)
        for (int j = 0; j < cols; j++) b[k * cols + j] /= c[k * p + k];
}

static void test_pseudoinverse(void)
{
    uint32_t seed = 99;
    const int n = 60, p = 12;
    int8_t x[12 * 60];
    random_pm1(x, sizeof x, &seed);
    /* Textbook form: W = (1/n) Xi C^-1 Xi^T, C = (1/n) Xi^T Xi, diagonal zeroed. */
    double c[12 * 12], y[12 * 60];
    for (int a = 0; a < p; a++)
        for (int b = 0; b < p; b++) {
            int k = 0;
            for (int i = 0; i < n; i++) k += x[a * n + i] * x[b * n + i];
            c[a * p + b] = (double)k / n;
        }
    for (size_t k = 0; k < sizeof y / sizeof y[0]; k++) y[k] = x[k];
    solve(c, y, p, n); /* y = C^-1 Xi^T (p x n) */
    float *w = malloc((size_t)n * n * sizeof(float));
    sc_hopfield h = make(n);
    CHECK(sc_hopfield_store(h, x, p, SC_HOPFIELD_PSEUDOINVERSE) == SC_OK, "store");
    get_weights(h, n, w);
    check_symmetric(w, n, "pseudoinverse");
    double worst = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double want = 0.0;
            for (int a = 0; a < p; a++) want += x[a * n + i] * y[a * n + j];
            want = i == j ? 0.0 : want / n;
            worst = fmax(worst, fabs(w[(size_t)i * n + j] - want));
        }
    /* Both in double, rounded once to float (|w| < 1): 1e-6 is a few ulps. */
    CHECK(worst < 1e-6, "pseudoinverse: max |w - Xi C^-1 Xi^T / n| = %g", worst);

    /* Linearly dependent patterns (a repeat and a negation) are accepted and
     * give the same projection as the independent set. */
    int8_t dep[14 * 60];
    memcpy(dep, x, sizeof x);
    memcpy(dep + 12 * 60, x, 60);
    for (int i = 0; i < n; i++) dep[13 * 60 + i] = (int8_t)-x[60 + i];
    float *w2 = malloc((size_t)n * n * sizeof(float));
    CHECK(sc_hopfield_store(h, dep, 14, SC_HOPFIELD_PSEUDOINVERSE) == SC_OK, "store dependent");
    get_weights(h, n, w2);
    worst = 0.0;
    for (size_t k = 0; k < (size_t)n * n; k++) worst = fmax(worst, fabs(w2[k] - w[k]));
    CHECK(worst < 1e-6, "dependent patterns change W by %g", worst);
    free(w);
    free(w2);
    sc_hopfield_destroy(h);
}

/* ---- dynamics ------------------------------------------------------------ */

static int fixed_points(sc_hopfield h, const int8_t *x, int p, int n)
{
    int fixed = 0;
    for (int mu = 0; mu < p; mu++) {
        sc_hopfield_set_state(h, x + (size_t)mu * n);
        const int sync = step(h, SC_HOPFIELD_SYNC, 0.0f);
        const int async = step(h, SC_HOPFIELD_ASYNC, 0.0f);
        fixed += sync == 0 && async == 0;
    }
    return fixed;
}

static void test_fixed_points_and_recall(void)
{
    uint32_t seed = 2024;
    const int n = 256, p = 10; /* load 0.04, well below 0.138 */
    int8_t *x = malloc((size_t)p * n), s[256], got[256];
    random_pm1(x, (size_t)p * n, &seed);
    const sc_hopfield_rule rules[] = {SC_HOPFIELD_HEBB, SC_HOPFIELD_STORKEY, SC_HOPFIELD_PSEUDOINVERSE};
    for (int r = 0; r < 3; r++) {
        sc_hopfield h = make(n);
        CHECK(sc_hopfield_store(h, x, p, rules[r]) == SC_OK, "store");
        CHECK(fixed_points(h, x, p, n) == p, "rule %d: not every pattern is a fixed point", r);
        /* 10 % noise: 26 distinct neurons flipped, then asynchronous recall. */
        for (int mu = 0; mu < p; mu++) {
            memcpy(s, x + (size_t)mu * n, (size_t)n);
            for (int k = 0; k < 26; k++) s[(k * 97 + mu * 13) % n] = (int8_t)-s[(k * 97 + mu * 13) % n];
            sc_hopfield_set_state(h, s);
            sc_hopfield_run_result rr;
            const sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
            CHECK(sc_hopfield_run(h, &d, 50, &rr) == SC_OK, "run");
            sc_hopfield_get_state(h, got);
            CHECK(rr.converged && memcmp(got, x + (size_t)mu * n, (size_t)n) == 0,
                  "rule %d pattern %d not recalled (sweeps %d converged %d)", r, mu, rr.sweeps, rr.converged);
            float m[10];
            sc_hopfield_overlaps(h, m);
            CHECK(m[mu] == 1.0f, "overlap with the recalled pattern %g", m[mu]);
        }
        sc_hopfield_destroy(h);
    }
    free(x);
}

static void test_energy_never_rises(void)
{
    uint32_t seed = 31337;
    int checked = 0, rises = 0;
    double worst_ratio = 0.0;
    for (int net_i = 0; net_i < 24; net_i++) {
        const int n = 8 + (int)(check_rand_u32(&seed) % 90);
        const int p = 1 + (int)(check_rand_u32(&seed) % (n / 4 + 1));
        const sc_hopfield_rule rule = (sc_hopfield_rule)(net_i % 3);
        int8_t *x = malloc((size_t)p * n), *s = malloc((size_t)n);
        float *theta = malloc((size_t)n * sizeof(float)), *w = malloc((size_t)n * n * sizeof(float));
        random_pm1(x, (size_t)p * n, &seed);
        sc_hopfield h = make(n);
        CHECK(sc_hopfield_store(h, x, p, rule) == SC_OK, "store");
        /* Thresholds on half the networks, of the size of the fields. */
        for (int i = 0; i < n; i++) theta[i] = net_i & 1 ? 0.3f * check_rand_f(&seed) : 0.0f;
        sc_hopfield_set_thresholds(h, theta);
        get_weights(h, n, w);
        double scale = 0.0;
        for (size_t k = 0; k < (size_t)n * n; k++) scale += fabs(w[k]);
        for (int i = 0; i < n; i++) scale += fabs(theta[i]);
        const double tol = DOT_TOL(n, scale);
        for (int start = 0; start < 4; start++) {
            random_pm1(s, (size_t)n, &seed);
            sc_hopfield_set_state(h, s);
            double e = energy(h);
            /* Single-neuron updates, random neurons, until nothing moves. */
            for (int k = 0; k < 6 * n; k++) {
                const int i = (int)(check_rand_u32(&seed) % (uint32_t)n);
                const sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.0f, &i, 1};
                sc_hopfield_step(h, &d, NULL);
                const double e2 = energy(h);
                checked++;
                if (e2 > e + tol) rises++;
                worst_ratio = fmax(worst_ratio, (e2 - e) / tol);
                e = e2;
            }
        }
        sc_hopfield_destroy(h);
        free(x);
        free(s);
        free(theta);
        free(w);
    }
    CHECK(rises == 0, "energy rose in %d of %d asynchronous updates (worst rise %g x tol)", rises, checked, worst_ratio);
}

static void test_two_cycle(void)
{
    /* nndl-discussion#1: two neurons, negative coupling. Hebb on (1, -1)
     * gives w01 = w10 = -1/2; synchronously (-1,-1) <-> (1,1), E = 1/2 both. */
    sc_hopfield h = make(2);
    const int8_t xi[2] = {1, -1}, start[2] = {-1, -1};
    float w[4];
    sc_hopfield_store(h, xi, 1, SC_HOPFIELD_HEBB);
    get_weights(h, 2, w);
    CHECK(w[1] == -0.5f && w[2] == -0.5f, "w01 %g", w[1]);
    sc_hopfield_set_state(h, start);
    CHECK(energy(h) == 0.5, "E(-1,-1) = %g", energy(h));
    const sc_hopfield_step_desc sync = {SC_HOPFIELD_SYNC, 0.0f, NULL, 0};
    sc_hopfield_run_result r;
    CHECK(sc_hopfield_run(h, &sync, 100, &r) == SC_OK, "run");
    CHECK(r.cycle == 2 && !r.converged && r.sweeps == 2, "cycle %d converged %d sweeps %d", r.cycle, r.converged, r.sweeps);
    CHECK(energy(h) == 0.5, "E constant along the cycle: %g", energy(h));
    /* Asynchronously the same start settles on a pattern (+-xi). */
    const sc_hopfield_step_desc async = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
    CHECK(sc_hopfield_run(h, &async, 100, &r) == SC_OK && r.converged && !r.cycle, "async converges");
    CHECK(energy(h) == -0.5, "E at the fixed point %g", energy(h));
    sc_hopfield_destroy(h);
}

static void test_glauber_statistics(void)
{
    /* One neuron with a fixed field: h0 = w01 s1 = 1/2, theta0 = 0.2, T = 0.5:
     * P(+1) = 1 / (1 + exp(-2 * 0.3 / 0.5)) = 0.768525. */
    sc_hopfield h = make(2);
    const int8_t xi[2] = {1, 1};
    const float theta[2] = {0.2f, 0.0f};
    sc_hopfield_store(h, xi, 1, SC_HOPFIELD_HEBB);
    sc_hopfield_set_thresholds(h, theta);
    sc_hopfield_seed(h, 5);
    const int zero = 0;
    const sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.5f, &zero, 1};
    const int trials = 40000;
    int up = 0;
    int8_t s[2];
    for (int k = 0; k < trials; k++) {
        sc_hopfield_step(h, &d, NULL);
        sc_hopfield_get_state(h, s);
        up += s[0] == 1;
    }
    const double p = 1.0 / (1.0 + exp(-2.0 * 0.3 / 0.5)), freq = (double)up / trials;
    const double sigma = sqrt(p * (1 - p) / trials); /* 0.0021 */
    CHECK(fabs(freq - p) < 4 * sigma, "P(+1) = %g, Glauber %g (4 sigma = %g)", freq, p, 4 * sigma);
    sc_hopfield_destroy(h);
}

static void test_temperature(void)
{
    uint32_t seed = 8080;
    const int n = 256, p = 3;
    int8_t x[3 * 256], s[256];
    random_pm1(x, sizeof x, &seed);
    sc_hopfield h = make(n);
    sc_hopfield_store(h, x, p, SC_HOPFIELD_HEBB);
    sc_hopfield_seed(h, 17);
    /* High T: from pattern 0, 20 sweeps at T = 50 leave |m| at the level of
     * chance, 1/sqrt(n) = 0.0625; 0.25 is 4 of those. */
    sc_hopfield_set_state(h, x);
    for (int k = 0; k < 20; k++) step(h, SC_HOPFIELD_ASYNC, 50.0f);
    float m[3];
    sc_hopfield_overlaps(h, m);
    CHECK(fabs(m[0]) < 0.25f && fabs(m[1]) < 0.25f && fabs(m[2]) < 0.25f, "T=50 overlaps %g %g %g", m[0], m[1], m[2]);
    /* T = 0 quenches from random states often stop in spurious (mixture)
     * states: about a quarter of them here. Annealing from T = 2 (above the
     * mean-field T_c = 1) to 0.02 over 200 sweeps, then a quench, ends on a
     * stored pattern or its negation (|m| = 1), the deepest minima, every time. */
    const sc_hopfield_step_desc async = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
    sc_hopfield_run_result r;
    int spurious = 0, annealed_on_pattern = 0;
    for (int k = 0; k < 40; k++) {
        random_pm1(s, (size_t)n, &seed);
        sc_hopfield_set_state(h, s);
        sc_hopfield_run(h, &async, 100, &r);
        sc_hopfield_overlaps(h, m);
        spurious += fmaxf(fabsf(m[0]), fmaxf(fabsf(m[1]), fabsf(m[2]))) < 1.0f;
    }
    for (int k = 0; k < 10; k++) {
        random_pm1(s, (size_t)n, &seed);
        sc_hopfield_set_state(h, s);
        CHECK(sc_hopfield_anneal(h, &async, 2.0f, 0.02f, 200, NULL) == SC_OK, "anneal");
        sc_hopfield_run(h, &async, 100, &r);
        sc_hopfield_overlaps(h, m);
        annealed_on_pattern += r.converged && fmaxf(fabsf(m[0]), fmaxf(fabsf(m[1]), fabsf(m[2]))) == 1.0f;
    }
    CHECK(spurious > 0, "no quench ended in a spurious state: the annealing check proves nothing");
    CHECK(annealed_on_pattern == 10, "%d of 10 annealed runs ended on a stored pattern", annealed_on_pattern);
    sc_hopfield_destroy(h);
}

static void test_correlated(void)
{
    /* 10 patterns, each a common prototype with 15 % of its bits flipped
     * (pairwise overlap ~ 0.5): Hebb's crosstalk is then of the order of the
     * signal, the projection rule has none. */
    uint32_t seed = 555;
    const int n = 100, p = 10;
    int8_t base[100], x[10 * 100];
    random_pm1(base, sizeof base, &seed);
    for (int mu = 0; mu < p; mu++)
        for (int i = 0; i < n; i++) x[mu * n + i] = check_rand_u32(&seed) % 100 < 15 ? (int8_t)-base[i] : base[i];
    sc_hopfield h = make(n);
    sc_hopfield_store(h, x, p, SC_HOPFIELD_HEBB);
    const int hebb = fixed_points(h, x, p, n);
    sc_hopfield_store(h, x, p, SC_HOPFIELD_PSEUDOINVERSE);
    const int pinv = fixed_points(h, x, p, n);
    CHECK(hebb <= p / 2, "Hebb kept %d of %d correlated patterns (expected to fail)", hebb, p);
    CHECK(pinv == p, "pseudo-inverse kept %d of %d", pinv, p);
    sc_hopfield_destroy(h);
}

/* Whole runs through each kernel variant: identical states and energies,
 * for float weights (Storkey) and both integer Hebb paths (p <= 127, > 127). */
static void test_variants_identical_runs(sc_hopfield_rule rule, int p)
{
    uint32_t seed = 1;
    const int n = 200;
    int8_t *x = malloc((size_t)p * n), start[200], ref_state[200], state[200];
    random_pm1(x, (size_t)p * n, &seed);
    random_pm1(start, sizeof start, &seed);
    double ref_e[4] = {0};
    /* Scalar reference, plus the SIMD kernels when built. */
    CHECK(sc_gemv_fixed_variant_count == 1 + SC_HAVE_SIMD, "%d kernel variants", sc_gemv_fixed_variant_count);
    for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
        sc_hopfield h = make(n);
        sc_hop_use_variant(h, v);
        sc_hopfield_store(h, x, p, rule);
        sc_hopfield_seed(h, 3);
        double e[4];
        sc_hopfield_run_result r;
        sc_hopfield_step_desc d = {SC_HOPFIELD_SYNC, 0.0f, NULL, 0};
        sc_hopfield_set_state(h, start);
        sc_hopfield_run(h, &d, 50, &r);
        e[0] = energy(h);
        d.mode = SC_HOPFIELD_ASYNC;
        d.temperature = 0.3f;
        for (int k = 0; k < 5; k++) sc_hopfield_step(h, &d, NULL);
        e[1] = energy(h);
        sc_hopfield_anneal(h, &d, 1.0f, 0.05f, 30, NULL);
        e[2] = energy(h);
        d.temperature = 0.0f;
        sc_hopfield_run(h, &d, 50, &r);
        e[3] = energy(h);
        sc_hopfield_get_state(h, state);
        /* Each variant on its own, against the weights in double: the final
         * T = 0 run ends at a fixed point (s_i h_i >= 0) whose energy is
         * -1/2 s^T W s (thresholds are zero). */
        CHECK(r.converged, "rule %d p %d variant %s: no fixed point after 50 sweeps", rule, p, sc_gemv_fixed_variants[v].name);
        float *w = malloc(sizeof(float) * n * n);
        CHECK(sc_hopfield_get_weights(h, w) == SC_OK, "weights");
        double e_ref = 0.0, w_abs = 0.0;
        int unstable = 0;
        for (int i = 0; i < n; i++) {
            double hi = 0.0;
            for (int j = 0; j < n; j++) {
                hi += (double)w[(size_t)i * n + j] * state[j];
                w_abs += fabs((double)w[(size_t)i * n + j]);
            }
            unstable += state[i] * hi < -1e-6;
            e_ref -= 0.5 * state[i] * hi;
        }
        CHECK(unstable == 0, "rule %d p %d variant %s: %d units against their field", rule, p, sc_gemv_fixed_variants[v].name,
              unstable);
        CHECK(fabs(e[3] - e_ref) <= 1e-6 * w_abs, "rule %d p %d variant %s: energy %.9g, from the weights %.9g", rule,
              p, sc_gemv_fixed_variants[v].name, e[3], e_ref);
        free(w);
        if (v == 0) {
            memcpy(ref_e, e, sizeof e);
            memcpy(ref_state, state, sizeof state);
        } else {
            CHECK(memcmp(e, ref_e, sizeof e) == 0 && memcmp(state, ref_state, sizeof state) == 0,
                  "rule %d p %d variant %s: run differs from scalar (E %g vs %g)", rule, p,
                  sc_gemv_fixed_variants[v].name, e[3], ref_e[3]);
        }
        sc_hopfield_destroy(h);
    }
    free(x);
}

/* Hebb fields come from exact integer sums: h_i = fl(K_i / n). */
static void test_hebb_fields_exact(void)
{
    uint32_t seed = 321;
    const int n = 150;
    const int counts[2] = {9, 140}; /* int8 and int16 counts */
    int8_t *x = malloc(140 * 150), s[150];
    float h[150];
    for (int c = 0; c < 2; c++) {
        const int p = counts[c];
        random_pm1(x, (size_t)p * n, &seed);
        random_pm1(s, sizeof s, &seed);
        sc_hopfield net = make(n);
        sc_hopfield_store(net, x, p, SC_HOPFIELD_HEBB);
        sc_hopfield_set_state(net, s);
        sc_hopfield_fields(net, h);
        int bad = 0;
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            long k = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                long kij = 0;
                for (int mu = 0; mu < p; mu++) kij += x[mu * n + i] * x[mu * n + j];
                k += kij * s[j];
            }
            bad += h[i] != (float)k / (float)n;
            e += -0.5 * (double)k / n * s[i];
        }
        CHECK(bad == 0, "p=%d: %d Hebb fields differ from K/n", p, bad);
        CHECK(fabs(energy(net) - e) <= 1e-12 * fabs(e), "p=%d: energy %.17g vs %.17g", p, energy(net), e);
        sc_hopfield_destroy(net);
    }
    free(x);
}

static void test_capacity(void)
{
    const int counts[] = {2, 5, 30};
    float r1[3], o1[3], r2[3], o2[3];
    sc_hopfield_capacity_desc d = {100, SC_HOPFIELD_HEBB, 0.1f, 5, 0, 7};
    CHECK(sc_hopfield_capacity(&d, counts, 3, r1, o1) == SC_OK, "capacity");
    CHECK(sc_hopfield_capacity(&d, counts, 3, r2, o2) == SC_OK, "capacity again");
    CHECK(memcmp(r1, r2, sizeof r1) == 0 && memcmp(o1, o2, sizeof o1) == 0, "same seed, same numbers");
    /* Load 0.02 recalls everything; load 0.3 (over twice 0.138) mostly fails. */
    CHECK(r1[0] == 1.0f && o1[0] == 1.0f, "load 0.02: recall %g overlap %g", r1[0], o1[0]);
    CHECK(r1[2] < 0.2f && r1[2] <= r1[1], "load 0.3: recall %g (0.05: %g)", r1[2], r1[1]);
    d.rule = SC_HOPFIELD_PSEUDOINVERSE;
    CHECK(sc_hopfield_capacity(&d, counts, 3, r2, o2) == SC_OK, "capacity pinv");
    CHECK(r2[2] > r1[2] + 0.3f, "pseudo-inverse at load 0.3: %g vs Hebb %g", r2[2], r1[2]);
    d.noise = 0.6f;
    CHECK(sc_hopfield_capacity(&d, counts, 3, r2, o2) == SC_ERR_RANGE, "noise 0.6");
}

static void test_large(void)
{
    /* The documented limit: 4096 neurons (64 MiB of weights). */
    const int n = SC_HOPFIELD_MAX_NEURONS;
    uint32_t seed = 4096;
    int8_t *x = malloc(2 * (size_t)n);
    random_pm1(x, 2 * (size_t)n, &seed);
    sc_hopfield h = make(n);
    CHECK(sc_hopfield_store(h, x, 2, SC_HOPFIELD_HEBB) == SC_OK, "store at n = 4096");
    CHECK(fixed_points(h, x, 2, n) == 2, "fixed points at n = 4096");
    sc_hopfield_destroy(h);
    free(x);
    sc_hopfield big;
    CHECK(sc_hopfield_create(n + 1, &big) == SC_ERR_SIZE && big.id == 0, "n = 4097 rejected");
}

static void test_handles_and_errors(void)
{
    sc_hopfield none = {0}, h;
    int8_t s[4] = {1, -1, 1, 1}, bad[4] = {1, 0, 1, 1};
    CHECK(sc_hopfield_create(0, &h) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "n"), "n = 0");
    CHECK(sc_hopfield_create(-3, &h) == SC_ERR_SIZE, "n < 0");
    CHECK(sc_hopfield_step(none, NULL, NULL) == SC_ERR_HANDLE, "null handle");
    h = make(4);
    CHECK(sc_hopfield_set_state(h, bad) == SC_ERR_RANGE, "state value 0");
    CHECK(sc_hopfield_store(h, bad, 1, SC_HOPFIELD_HEBB) == SC_ERR_RANGE, "pattern value 0");
    CHECK(sc_hopfield_store(h, s, 5, SC_HOPFIELD_HEBB) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "count"), "count > n");
    CHECK(sc_hopfield_store(h, s, 1, (sc_hopfield_rule)3) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "rule"), "rule");
    sc_hopfield_step_desc d = {(sc_hopfield_mode)2, 0.0f, NULL, 0};
    CHECK(sc_hopfield_step(h, &d, NULL) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "mode"), "mode");
    d.mode = SC_HOPFIELD_ASYNC;
    d.temperature = NAN;
    CHECK(sc_hopfield_step(h, &d, NULL) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "temperature"), "T NaN");
    d.temperature = -1.0f;
    CHECK(sc_hopfield_step(h, &d, NULL) == SC_ERR_RANGE, "T < 0");
    const int order[2] = {0, 4};
    d.temperature = 0.0f;
    d.order = order;
    d.order_len = 2;
    CHECK(sc_hopfield_step(h, &d, NULL) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "order"), "order out of range");
    CHECK(sc_flat_hopfield_step(h.id, 0, 1e300, NULL, 0, NULL) == SC_ERR_NONFINITE, "T overflows float");
    const float theta[4] = {0, INFINITY, 0, 0};
    CHECK(sc_hopfield_set_thresholds(h, theta) == SC_ERR_NONFINITE, "theta inf");
    CHECK(sc_hopfield_anneal(h, NULL, 0.1f, 1.0f, 10, NULL) == SC_ERR_RANGE, "from < to");
    CHECK(sc_hopfield_anneal(h, NULL, 1.0f, 0.0f, 10, NULL) == SC_ERR_RANGE, "to = 0");
    CHECK(sc_hopfield_destroy(h) == SC_OK, "destroy");
    CHECK(sc_hopfield_set_state(h, s) == SC_ERR_HANDLE, "stale handle");
    CHECK(sc_hopfield_destroy(h) == SC_ERR_HANDLE, "double destroy");

    /* Exhaust the pool; a recycled slot gets a new generation. */
    sc_hopfield all[SC_HOPFIELD_MAX_NETWORKS];
    int made = 0;
    for (int k = 0; k < SC_HOPFIELD_MAX_NETWORKS; k++) made += sc_hopfield_create(1, &all[k]) == SC_OK;
    CHECK(made == SC_HOPFIELD_MAX_NETWORKS, "made %d", made);
    sc_hopfield extra;
    CHECK(sc_hopfield_create(1, &extra) == SC_ERR_NOMEM && extra.id == 0, "pool full");
    sc_hopfield_destroy(all[5]);
    CHECK(sc_hopfield_create(1, &extra) == SC_OK && extra.id != all[5].id, "slot reused with a new id");
    CHECK((extra.id & 0xffff) == (all[5].id & 0xffff), "same slot");
    CHECK(sc_hopfield_step(all[5], NULL, NULL) == SC_ERR_HANDLE, "old handle of a reused slot is stale");
    CHECK(sc_hopfield_step(extra, NULL, NULL) == SC_OK, "new handle works");
    all[5] = extra;
    for (int k = 0; k < SC_HOPFIELD_MAX_NETWORKS; k++) sc_hopfield_destroy(all[k]);
    const sc_hopfield forged = {(1u << 16) | 200u};
    CHECK(sc_hopfield_step(forged, NULL, NULL) == SC_ERR_HANDLE, "slot out of range");
}

int main(void)
{
    CHECK_RUN(test_kernels());
    CHECK_RUN(test_integer_kernels());
    CHECK_RUN(test_hebb_fields_exact());
    CHECK_RUN(test_hebb());
    CHECK_RUN(test_storkey());
    CHECK_RUN(test_pseudoinverse());
    CHECK_RUN(test_fixed_points_and_recall());
    CHECK_RUN(test_energy_never_rises());
    CHECK_RUN(test_two_cycle());
    CHECK_RUN(test_glauber_statistics());
    CHECK_RUN(test_temperature());
    CHECK_RUN(test_correlated());
    CHECK_RUN(test_variants_identical_runs(SC_HOPFIELD_STORKEY, 20));
    CHECK_RUN(test_variants_identical_runs(SC_HOPFIELD_HEBB, 20));
    CHECK_RUN(test_variants_identical_runs(SC_HOPFIELD_HEBB, 150));
    CHECK_RUN(test_variants_identical_runs(SC_HOPFIELD_PSEUDOINVERSE, 30));
    CHECK_RUN(test_capacity());
    CHECK_RUN(test_handles_and_errors());
    CHECK_RUN(test_large());
    return check_summary("test_hopfield");
}
