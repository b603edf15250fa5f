/* Boltzmann area: enumeration against a brute-force float64 reference
 * written here (a 3-unit machine by hand, a 7-unit one at random, weights
 * large enough to overflow a naive e^{-E}), the exact gradient against
 * finite differences of the exact log-likelihood, the log-likelihood
 * rising under small-eps exact learning, Gibbs estimates converging to the
 * enumerated values as 1/sqrt(samples), the 4-2-4 encoder, argument errors. */
#include <math.h>
#include <string.h>
#include "check.h"
#include "simcore/boltzmann.h"

#define EXACT_TOL 1e-12 /* two float64 sums over at most 128 states */

/* ---- brute-force reference: every state, -E/T, then log-sum-exp ---- */
static double ref_neg_energy(int n, const double *w, const double *s, double t)
{
    const double *b = w + n * n;
    double e = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) e += 0.5 * w[i * n + j] * s[i] * s[j];
        e += b[i] * s[i];
    }
    return e / t;
}

static void state_of(int n, unsigned code, double *s)
{
    for (int i = 0; i < n; i++) s[i] = (code >> i) & 1u ? 1.0 : -1.0;
}

/* ln sum over the states whose visible part is v (v NULL: all states);
 * with pairs, adds the normalised <s_i s_j> (n x n) and <s_i> of that set times weight. */
static double ref_sum(int nv, int n, const double *w, const int8_t *v, double t, double weight,
                      double *stats)
{
    double top = -INFINITY, s[32];
    for (unsigned c = 0; c < (1u << n); c++) {
        state_of(n, c, s);
        int ok = 1;
        for (int i = 0; v && i < nv; i++) ok &= s[i] == v[i];
        if (ok) top = fmax(top, ref_neg_energy(n, w, s, t));
    }
    double z = 0.0, acc[32 * 32 + 32] = {0};
    for (unsigned c = 0; c < (1u << n); c++) {
        state_of(n, c, s);
        int ok = 1;
        for (int i = 0; v && i < nv; i++) ok &= s[i] == v[i];
        if (!ok) continue;
        const double p = exp(ref_neg_energy(n, w, s, t) - top);
        z += p;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) acc[i * n + j] += p * s[i] * s[j];
            acc[n * n + i] += p * s[i];
        }
    }
    if (stats)
        for (int k = 0; k < n * n + n; k++) stats[k] += weight * acc[k] / z;
    return top + log(z);
}

static void ref_stats(int nv, int n, const double *w, const int8_t *data, int count, double t,
                      double *dat, double *mod, double *loglik)
{
    memset(dat, 0, sizeof(double) * (size_t)(n * n + n));
    memset(mod, 0, sizeof(double) * (size_t)(n * n + n));
    const double lz = ref_sum(nv, n, w, NULL, t, 1.0, mod);
    double ll = 0.0;
    for (int d = 0; d < count; d++) ll += ref_sum(nv, n, w, data + d * nv, t, 1.0 / count, dat) - lz;
    *loglik = ll / count;
}

static double max_diff(const double *a, const double *b, int k)
{
    double m = 0.0;
    for (int i = 0; i < k; i++) m = fmax(m, fabs(a[i] - b[i]));
    return m;
}

/* Random symmetric weights with zero diagonal, uniform in [-a, a]. */
static void random_weights(int n, double a, uint32_t *seed, double *w)
{
    memset(w, 0, sizeof(double) * (size_t)(n * n + n));
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = a * (double)check_rand_f(seed);
    for (int i = 0; i < n; i++) w[n * n + i] = a * (double)check_rand_f(seed);
}

static void compare_exact(int nv, int nh, const double *w, const int8_t *data, int count, double t,
                          double tol, const char *what)
{
    const int n = nv + nh, ns = n * n + n;
    sc_boltzmann m;
    CHECK(sc_boltzmann_create(nv, nh, 1, &m) == SC_OK, "%s: create", what);
    CHECK(sc_boltzmann_set_weights(m, w, ns) == SC_OK, "%s: set_weights", what);
    double dat[32 * 32 + 32], mod[32 * 32 + 32], rdat[32 * 32 + 32], rmod[32 * 32 + 32], out[2], rll;
    CHECK(sc_boltzmann_exact(m, data, count, t, dat, mod, ns, out, 2) == SC_OK, "%s: exact", what);
    ref_stats(nv, n, w, data, count, t, rdat, rmod, &rll);
    const double rlz = ref_sum(nv, n, w, NULL, t, 0.0, NULL);
    CHECK(fabs(out[0] - rlz) <= tol * fmax(1.0, fabs(rlz)), "%s: ln Z %.15g vs %.15g", what, out[0], rlz);
    CHECK(fabs(out[1] - rll) <= tol * fmax(1.0, fabs(rll)), "%s: loglik %.15g vs %.15g", what, out[1], rll);
    CHECK(max_diff(mod, rmod, ns) <= tol, "%s: model stats off by %g", what, max_diff(mod, rmod, ns));
    CHECK(max_diff(dat, rdat, ns) <= tol, "%s: data stats off by %g", what, max_diff(dat, rdat, ns));
    sc_boltzmann_destroy(m);
}

static void test_three_units_by_hand(void)
{
    /* 2 visible, 1 hidden: w01 = 0.5, w02 = -1, w12 = 0.75, b = (0.2, -0.3, 0.1). */
    const double w[12] = {0, 0.5, -1, 0.5, 0, 0.75, -1, 0.75, 0, 0.2, -0.3, 0.1};
    const int8_t data[6] = {1, 1, -1, 1, 1, -1};
    compare_exact(2, 1, w, data, 3, 1.0, EXACT_TOL, "3 units");
    compare_exact(2, 1, w, data, 3, 0.37, EXACT_TOL, "3 units, T = 0.37");
    /* One state by hand: s = (+1, +1, +1) has -E = 0.5 - 1 + 0.75 + 0.2 - 0.3 + 0.1 = 0.25. */
    double s[3] = {1, 1, 1};
    CHECK(fabs(ref_neg_energy(3, w, s, 1.0) - 0.25) < 1e-15, "the reference's energy of (+,+,+)");
}

static void test_seven_units_random(void)
{
    uint32_t seed = 7;
    double w[7 * 7 + 7];
    random_weights(7, 1.5, &seed, w);
    const int8_t data[8] = {1, -1, 1, 1, -1, -1, 1, -1};
    compare_exact(4, 3, w, data, 2, 1.0, EXACT_TOL, "4 + 3 units");
    compare_exact(7, 0, w, data, 1, 2.0, EXACT_TOL, "7 visible, no hidden");
    /* 12 units: blocks of 2^6 states in the free phase, 2^3 in the clamped one. */
    double w12[12 * 12 + 12];
    random_weights(12, 0.7, &seed, w12);
    compare_exact(5, 7, w12, data, 1, 1.3, 1e-11, "5 + 7 units");
    /* |w| = 400: e^{-E} alone would overflow a double; log-sum-exp does not. */
    for (int k = 0; k < 7 * 7 + 7; k++) w[k] *= 400.0 / 1.5;
    compare_exact(4, 3, w, data, 2, 1.0, 1e-12, "weights of 400");
}

/* d loglik / d w_ij = (<s_i s_j>_data - <s_i s_j>_model) / T: the rule is the gradient. */
static void test_gradient(void)
{
    const int nv = 3, nh = 2, n = 5, ns = n * n + n;
    const double t = 0.8;
    uint32_t seed = 11;
    double w[30], dat[30], mod[30], out[2];
    random_weights(n, 1.0, &seed, w);
    const int8_t data[9] = {1, 1, -1, -1, 1, 1, 1, -1, 1};
    sc_boltzmann m;
    sc_boltzmann_create(nv, nh, 3, &m);
    sc_boltzmann_set_weights(m, w, ns);
    CHECK(sc_boltzmann_exact(m, data, 3, t, dat, mod, ns, out, 2) == SC_OK, "exact");
    double worst = 0.0;
    const double hstep = 1e-5;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j <= n; j++) {
            /* j == n: the bias of unit i */
            double wp[30], wm[30], op[2], om[2];
            memcpy(wp, w, sizeof w);
            memcpy(wm, w, sizeof w);
            if (j < n) {
                wp[i * n + j] = wp[j * n + i] = w[i * n + j] + hstep;
                wm[i * n + j] = wm[j * n + i] = w[i * n + j] - hstep;
            } else {
                wp[n * n + i] += hstep;
                wm[n * n + i] -= hstep;
            }
            sc_boltzmann_set_weights(m, wp, ns);
            sc_boltzmann_exact(m, data, 3, t, NULL, NULL, 0, op, 2);
            sc_boltzmann_set_weights(m, wm, ns);
            sc_boltzmann_exact(m, data, 3, t, NULL, NULL, 0, om, 2);
            const double fd = (op[1] - om[1]) / (2 * hstep);
            const double rule = j < n ? (dat[i * n + j] - mod[i * n + j]) / t : (dat[n * n + i] - mod[n * n + i]) / t;
            worst = fmax(worst, fabs(fd - rule));
        }
    CHECK(worst < 1e-8, "finite differences vs the rule: worst %g", worst);
    sc_boltzmann_destroy(m);
}

static void test_loglik_rises(void)
{
    const int8_t data[4 * 4] = {1, 1, -1, -1, -1, -1, 1, 1, 1, -1, 1, -1, 1, 1, 1, 1};
    sc_boltzmann m;
    sc_boltzmann_create(4, 2, 5, &m);
    double ll0[2], trace[300];
    sc_boltzmann_exact(m, data, 4, 1.0, NULL, NULL, 0, ll0, 2);
    const sc_boltzmann_learn_desc d = {300, SC_BOLTZMANN_EXACT, 0.02, {0}, 0};
    CHECK(sc_boltzmann_learn(m, data, 4, &d, trace, 300) == SC_OK, "learn");
    int falls = 0;
    double prev = ll0[1];
    for (int e = 0; e < 300; e++) {
        if (trace[e] < prev - 1e-13) falls++;
        prev = trace[e];
    }
    CHECK(falls == 0, "the exact log-likelihood fell %d times", falls);
    CHECK(trace[299] > ll0[1] + 0.5, "log-likelihood %g -> %g", ll0[1], trace[299]);
    /* The optimum of 4 patterns is ln(1/4) = -1.386 per pattern; it stays below. */
    CHECK(trace[299] < log(0.25) + 1e-9, "above the bound ln 1/4: %g", trace[299]);
    printf("loglik rises: %.4f -> %.4f (300 epochs, eps 0.02; bound %.4f)\n", ll0[1], trace[299], log(0.25));
    sc_boltzmann_destroy(m);
}

/* RMS error of the Gibbs estimates (model pairs i < j and means; the
 * clamped ones too) over `chains` machines, against enumeration. */
static void gibbs_error(int sweeps, int chains, double *model_rms, double *data_rms)
{
    const int nv = 3, nh = 2, n = 5, ns = n * n + n;
    uint32_t seed = 21;
    double w[30], dat[30], mod[30], edat[30], emod[30], out[2];
    random_weights(n, 0.6, &seed, w);
    const int8_t data[6] = {1, -1, 1, -1, -1, 1};
    double sm = 0.0, sd = 0.0;
    int km = 0, kd = 0;
    for (int c = 0; c < chains; c++) {
        sc_boltzmann m;
        sc_boltzmann_create(nv, nh, 100 + (uint32_t)c, &m);
        sc_boltzmann_set_weights(m, w, ns);
        sc_boltzmann_exact(m, data, 2, 1.0, edat, emod, ns, out, 2);
        const sc_boltzmann_gibbs_desc g = {sweeps, 20, 1.0, 5.0};
        CHECK(sc_boltzmann_sample(m, data, 2, &g, dat, mod, ns) == SC_OK, "sample");
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sm += (mod[i * n + j] - emod[i * n + j]) * (mod[i * n + j] - emod[i * n + j]), km++;
                if (j >= nv) sd += (dat[i * n + j] - edat[i * n + j]) * (dat[i * n + j] - edat[i * n + j]), kd++;
            }
            sm += (mod[n * n + i] - emod[n * n + i]) * (mod[n * n + i] - emod[n * n + i]), km++;
            if (i >= nv) sd += (dat[n * n + i] - edat[n * n + i]) * (dat[n * n + i] - edat[n * n + i]), kd++;
        }
        sc_boltzmann_destroy(m);
    }
    *model_rms = sqrt(sm / km);
    *data_rms = sqrt(sd / kd);
}

static void test_gibbs_converges(void)
{
    double m1, d1, m2, d2;
    gibbs_error(1000, 16, &m1, &d1);
    gibbs_error(16000, 16, &m2, &d2);
    printf("gibbs RMS error: model %.5f -> %.5f (x%.2f), clamped %.5f -> %.5f (x%.2f) for 16x the sweeps\n", m1, m2,
           m1 / m2, d1, d2, d1 / d2);
    /* 1/sqrt(samples): 16x the sweeps, 4x less error. */
    CHECK(m1 / m2 > 2.5 && m1 / m2 < 6.5, "model error ratio %g, expected about 4", m1 / m2);
    CHECK(d1 / d2 > 2.5 && d1 / d2 < 6.5, "clamped error ratio %g, expected about 4", d1 / d2);
    CHECK(m2 < 0.02 && d2 < 0.02, "errors at 16000 sweeps: %g, %g", m2, d2);
}

/* The 4-2-4 encoder (Ackley, Hinton and Sejnowski 1985): visible groups V1
 * (units 0-3) and V2 (4-7), each showing the same one-hot code, joined only
 * through 2 hidden units (8, 9): connections visible-hidden and hidden-hidden. Learned when, for
 * every code, V1 clamped to it makes that code V2's most probable state
 * (recall, exact over V2 and H) and the 4 most probable hidden states given
 * the full patterns are distinct. */
#define ENC_SEEDS  20
#define ENC_EPOCHS 2000
#define ENC_EPS    0.05
#define ENC_MIN    5 /* of ENC_SEEDS; measured 6 (docs/boltzmann.md) */
static int encoder_learned(const double *w, int *codes)
{
    const int n = 10;
    double s[10];
    for (int k = 0; k < 4; k++) {
        double best = -INFINITY, bestv2 = -1;
        for (unsigned v2 = 0; v2 < 16; v2++) {
            double top = -INFINITY, z = 0.0, x[4];
            for (unsigned h = 0; h < 4; h++) {
                for (int i = 0; i < 4; i++) s[i] = i == k ? 1.0 : -1.0;
                for (int i = 0; i < 4; i++) s[4 + i] = (v2 >> i) & 1u ? 1.0 : -1.0;
                s[8] = h & 1u ? 1.0 : -1.0;
                s[9] = h & 2u ? 1.0 : -1.0;
                x[h] = ref_neg_energy(n, w, s, 1.0);
                top = fmax(top, x[h]);
            }
            for (unsigned h = 0; h < 4; h++) z += exp(x[h] - top);
            if (top + log(z) > best) best = top + log(z), bestv2 = v2;
        }
        if (bestv2 != (double)(1u << k)) return 0;
        double hbest = -INFINITY;
        for (unsigned h = 0; h < 4; h++) {
            for (int i = 0; i < 8; i++) s[i] = (i & 3) == k ? 1.0 : -1.0;
            s[8] = h & 1u ? 1.0 : -1.0;
            s[9] = h & 2u ? 1.0 : -1.0;
            const double x = ref_neg_energy(n, w, s, 1.0);
            if (x > hbest) hbest = x, codes[k] = (int)h;
        }
    }
    for (int a = 0; a < 4; a++)
        for (int b = a + 1; b < 4; b++)
            if (codes[a] == codes[b]) return 0;
    return 1;
}

static void test_encoder(void)
{
    const int n = 10;
    int8_t data[4 * 8];
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < 8; i++) data[k * 8 + i] = (int8_t)((i & 3) == k ? 1 : -1);
    uint8_t mask[100];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            const int gi = i < 4 ? 0 : i < 8 ? 1
                                             : 2,
                      gj = j < 4 ? 0 : j < 8 ? 1
                                             : 2;
            mask[i * n + j] = (uint8_t)(i != j && (gi == 2 || gj == 2));
        }
    int learned = 0;
    double ll_sum = 0.0;
    for (uint32_t seed = 1; seed <= ENC_SEEDS; seed++) {
        sc_boltzmann m;
        sc_boltzmann_create(8, 2, seed, &m);
        CHECK(sc_boltzmann_set_mask(m, mask, n * n) == SC_OK, "mask");
        const sc_boltzmann_learn_desc d = {ENC_EPOCHS, SC_BOLTZMANN_EXACT, ENC_EPS, {0}, 0};
        CHECK(sc_boltzmann_learn(m, data, 4, &d, NULL, 0) == SC_OK, "learn");
        double w[110], out[2];
        sc_boltzmann_get_weights(m, w, 110);
        CHECK(w[0 * n + 4] == 0.0 && w[7 * n + 3] == 0.0 && w[0 * n + 1] == 0.0, "masked weights stay zero");
        sc_boltzmann_exact(m, data, 4, 1.0, NULL, NULL, 0, out, 2);
        ll_sum += out[1];
        int codes[4];
        learned += encoder_learned(w, codes);
        sc_boltzmann_destroy(m);
    }
    printf("4-2-4 encoder: learned in %d of %d seeds (%d epochs, eps %g, exact), mean loglik %.4f (bound %.4f)\n",
           learned, ENC_SEEDS, ENC_EPOCHS, ENC_EPS, ll_sum / ENC_SEEDS, log(0.25));
    CHECK(learned >= ENC_MIN, "encoder learned in %d of %d seeds", learned, ENC_SEEDS);
}

/* ---- restricted machines: ln P(v) by summing the hidden layer out ----
 * ln sum_h e^{-E(v,h)/T} = b_v.v / T + sum_j ln 2cosh(f_j / T), and
 * ln Z = ln sum_h e^{b_h.h / T} prod_i 2cosh(g_i / T), 2^nh terms. */
static double lncosh2(double x) { return fabs(x) + log1p(exp(-2.0 * fabs(x))); } /* ln 2cosh x */

static double rbm_loglik(int nv, int nh, const double *w, const int8_t *data, int count, double t)
{
    const int n = nv + nh;
    const double *b = w + n * n;
    double terms[1 << 10], top = -INFINITY;
    for (unsigned c = 0; c < (1u << nh); c++) {
        double x = 0.0;
        for (int j = 0; j < nh; j++) x += b[nv + j] * ((c >> j) & 1u ? 1.0 : -1.0) / t;
        for (int i = 0; i < nv; i++) {
            double g = b[i];
            for (int j = 0; j < nh; j++) g += w[i * n + nv + j] * ((c >> j) & 1u ? 1.0 : -1.0);
            x += lncosh2(g / t);
        }
        terms[c] = x;
        top = fmax(top, x);
    }
    double z = 0.0;
    for (unsigned c = 0; c < (1u << nh); c++) z += exp(terms[c] - top);
    const double lz = top + log(z);
    double ll = 0.0;
    for (int d = 0; d < count; d++) {
        const int8_t *v = data + d * nv;
        double x = 0.0;
        for (int i = 0; i < nv; i++) x += b[i] * v[i] / t;
        for (int j = 0; j < nh; j++) {
            double f = b[nv + j];
            for (int i = 0; i < nv; i++) f += w[i * n + nv + j] * v[i];
            x += lncosh2(f / t);
        }
        ll += x - lz;
    }
    return ll / count;
}

static void restricted_mask(int nv, int nh, uint8_t *mask)
{
    const int n = nv + nh;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) mask[i * n + j] = (uint8_t)((i < nv) != (j < nv));
}

/* Bars and stripes 4 x 4: every pattern of whole rows or whole columns on;
 * 16 + 16 - 2 (all off, all on counted once) = 30 vectors. */
static int bars_and_stripes(int8_t *data)
{
    int count = 0;
    for (int vertical = 0; vertical < 2; vertical++)
        for (unsigned code = 0; code < 16; code++) {
            if (vertical && (code == 0 || code == 15)) continue;
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++) data[count * 16 + r * 4 + c] = (int8_t)((code >> (vertical ? c : r)) & 1u ? 1 : -1);
            count++;
        }
    return count;
}

static void test_rbm_reference(void)
{
    /* The test's RBM formula against enumeration on 16 + 3 units. */
    const int nv = 16, nh = 3, n = 19, ns = n * n + n;
    int8_t data[30 * 16];
    const int count = bars_and_stripes(data);
    CHECK(count == 30, "bars and stripes: %d vectors", count);
    uint8_t mask[19 * 19];
    restricted_mask(nv, nh, mask);
    sc_boltzmann m;
    sc_boltzmann_create(nv, nh, 4, &m);
    CHECK(sc_boltzmann_set_mask(m, mask, n * n) == SC_OK, "mask");
    double w[19 * 19 + 19], out[2];
    uint32_t seed = 5;
    random_weights(n, 0.8, &seed, w);
    for (int k = 0; k < n * n; k++) w[k] *= mask[k];
    sc_boltzmann_set_weights(m, w, ns);
    CHECK(sc_boltzmann_exact(m, data, count, 0.9, NULL, NULL, 0, out, 2) == SC_OK, "exact");
    const double ref = rbm_loglik(nv, nh, w, data, count, 0.9);
    CHECK(fabs(out[1] - ref) < 1e-9 * fabs(ref), "RBM loglik %.12g vs enumeration %.12g", ref, out[1]);
    /* The core's hidden-layer sum against enumeration too, at two temperatures. */
    double ll = 0.0;
    CHECK(sc_boltzmann_rbm_loglik(m, data, count, 0.9, &ll) == SC_OK, "rbm_loglik");
    CHECK(fabs(ll - out[1]) < 1e-9 * fabs(out[1]), "core RBM loglik %.12g vs enumeration %.12g", ll, out[1]);
    CHECK(sc_boltzmann_exact(m, data, count, 2.5, NULL, NULL, 0, out, 2) == SC_OK, "exact T 2.5");
    CHECK(sc_boltzmann_rbm_loglik(m, data, count, 2.5, &ll) == SC_OK, "rbm_loglik T 2.5");
    CHECK(fabs(ll - out[1]) < 1e-9 * fabs(out[1]), "core RBM loglik at T 2.5 %.12g vs %.12g", ll, out[1]);
    CHECK(sc_boltzmann_rbm_loglik(m, data, count, 0.0, &ll) == SC_ERR_RANGE, "rbm_loglik T 0");
    CHECK(sc_boltzmann_rbm_loglik(m, data, count, 1.0, NULL) == SC_ERR_NULL, "rbm_loglik out NULL");
    CHECK(sc_boltzmann_rbm_loglik(m, data, 0, 1.0, &ll) != SC_OK, "rbm_loglik no data");
    /* CD needs the restricted mask. */
    sc_boltzmann full;
    sc_boltzmann_create(nv, nh, 4, &full);
    CHECK(sc_boltzmann_rbm_loglik(full, data, count, 1.0, &ll) == SC_ERR_RANGE, "rbm_loglik on a full machine");
    const sc_boltzmann_learn_desc d = {1, SC_BOLTZMANN_CD, 0.1, {0}, 1};
    CHECK(sc_boltzmann_learn(full, data, count, &d, NULL, 0) == SC_ERR_RANGE, "CD on a full machine");
    sc_boltzmann_destroy(full);
    sc_boltzmann_destroy(m);
}

#define BAS_HIDDEN 8
#define BAS_EPOCHS 3000
static double bas_train(int method, int k, double eps, uint32_t seed, double *ll0)
{
    const int nv = 16, nh = BAS_HIDDEN, n = nv + nh;
    int8_t data[30 * 16];
    const int count = bars_and_stripes(data);
    uint8_t mask[24 * 24];
    restricted_mask(nv, nh, mask);
    sc_boltzmann m;
    sc_boltzmann_create(nv, nh, seed, &m);
    sc_boltzmann_set_mask(m, mask, n * n);
    static double w[24 * 24 + 24];
    sc_boltzmann_get_weights(m, w, n * n + n);
    *ll0 = rbm_loglik(nv, nh, w, data, count, 1.0);
    const sc_boltzmann_learn_desc d = {BAS_EPOCHS, method, eps, {0}, k};
    CHECK(sc_boltzmann_learn(m, data, count, &d, NULL, 0) == SC_OK, "learn");
    sc_boltzmann_get_weights(m, w, n * n + n);
    /* 24 units: the core's hidden-layer sum against the test's own. */
    const double ref = rbm_loglik(nv, nh, w, data, count, 1.0);
    double ll = 0.0;
    CHECK(sc_boltzmann_rbm_loglik(m, data, count, 1.0, &ll) == SC_OK, "rbm_loglik 16 + 8");
    CHECK(fabs(ll - ref) < 1e-11 * fabs(ref), "core RBM loglik %.14g vs the test's %.14g", ll, ref);
    sc_boltzmann_destroy(m);
    return ref;
}

static void test_bars_and_stripes(void)
{
    double ll0, cd1 = 0, pcd = 0, cd5 = 0;
    for (uint32_t seed = 1; seed <= 3; seed++) {
        cd1 += bas_train(SC_BOLTZMANN_CD, 1, 0.05, seed, &ll0) / 3;
        cd5 += bas_train(SC_BOLTZMANN_CD, 5, 0.05, seed, &ll0) / 3;
        pcd += bas_train(SC_BOLTZMANN_PCD, 1, 0.01, seed, &ll0) / 3;
    }
    printf("bars and stripes 4x4, RBM 16-%d, %d epochs, eps 0.05, mean of 3 seeds: start %.3f, CD-1 %.3f, CD-5 %.3f, "
           "PCD-1 (eps 0.01) %.3f (bound ln 1/30 = %.3f)\n",
           BAS_HIDDEN, BAS_EPOCHS, ll0, cd1, cd5, pcd, log(1.0 / 30));
    CHECK(cd1 > ll0 + 3.0 && cd5 > ll0 + 3.0 && pcd > ll0 + 3.0, "learning raised the log-likelihood");
    CHECK(cd1 < log(1.0 / 30) && pcd < log(1.0 / 30), "below the bound");
    /* Measured -6.28, -4.57, -6.11 (docs/boltzmann.md); more Gibbs steps, a better gradient. */
    CHECK(cd1 > -7.0 && cd5 > -5.2 && pcd > -7.0 && cd5 > cd1, "CD-1 %g, CD-5 %g, PCD %g", cd1, cd5, pcd);
}

static void test_errors(void)
{
    sc_boltzmann m, bad = {0};
    CHECK(sc_boltzmann_create(0, 1, 0, &m) == SC_ERR_SIZE, "visible 0");
    CHECK(sc_boltzmann_create(SC_BOLTZMANN_MAX_UNITS, 1, 0, &m) == SC_ERR_SIZE, "too many units");
    CHECK(sc_boltzmann_create(2, 1, 0, NULL) == SC_ERR_NULL, "out NULL");
    CHECK(sc_boltzmann_create(2, 1, 0, &m) == SC_OK, "create");
    const int8_t data[2] = {1, -1}, zero[2] = {1, 0};
    double st[12], st2[12], out[2], w[12];
    const sc_boltzmann_gibbs_desc g = {10, 0, 1.0, 0};
    CHECK(sc_boltzmann_exact(bad, data, 1, 1.0, st, st2, 12, out, 2) == SC_ERR_HANDLE, "bad handle");
    CHECK(sc_boltzmann_exact(m, zero, 1, 1.0, st, st2, 12, out, 2) == SC_ERR_RANGE, "data 0");
    CHECK(sc_boltzmann_exact(m, data, 0, 1.0, st, st2, 12, out, 2) == SC_ERR_SIZE, "count 0");
    CHECK(sc_boltzmann_exact(m, data, 1, 0.0, st, st2, 12, out, 2) == SC_ERR_RANGE, "T 0");
    CHECK(sc_boltzmann_exact(m, data, 1, NAN, st, st2, 12, out, 2) == SC_ERR_NONFINITE, "T NaN");
    CHECK(sc_boltzmann_exact(m, data, 1, 1.0, st, st2, 11, out, 2) == SC_ERR_SIZE, "nstats");
    CHECK(sc_boltzmann_sample(m, data, 1, &(sc_boltzmann_gibbs_desc){-1, 0, 1, 0}, st, st2, 12) == SC_ERR_SIZE, "sweeps");
    CHECK(sc_boltzmann_sample(m, data, 1, &(sc_boltzmann_gibbs_desc){1, 0, 2, 1}, st, st2, 12) == SC_ERR_RANGE, "t_start < T");
    CHECK(sc_boltzmann_sample(m, data, 1, &g, st, st2, 12) == SC_OK, "sample");
    sc_boltzmann_get_weights(m, w, 12);
    w[1] += 1.0; /* w01 != w10 */
    CHECK(sc_boltzmann_set_weights(m, w, 12) == SC_ERR_RANGE, "asymmetric w");
    w[1] -= 1.0;
    w[0] = 1.0;
    CHECK(sc_boltzmann_set_weights(m, w, 12) == SC_ERR_RANGE, "diagonal");
    w[0] = INFINITY;
    CHECK(sc_boltzmann_set_weights(m, w, 12) == SC_ERR_NONFINITE, "infinite w");
    sc_boltzmann_learn_desc d = {1, SC_BOLTZMANN_EXACT, 0.0, {0}, 0};
    CHECK(sc_boltzmann_learn(m, data, 1, &d, NULL, 0) == SC_ERR_RANGE, "epsilon 0");
    d.epsilon = 0.1;
    d.method = 7;
    CHECK(sc_boltzmann_learn(m, data, 1, &d, NULL, 0) == SC_ERR_OPTION, "method");
    d.method = SC_BOLTZMANN_GIBBS;
    CHECK(sc_boltzmann_learn(m, data, 1, &d, out, 2) == SC_ERR_SIZE, "ntrace != epochs");
    /* A machine too large to enumerate: exact refuses, Gibbs runs. */
    sc_boltzmann big;
    CHECK(sc_boltzmann_create(16, 5, 0, &big) == SC_OK, "21 units");
    int8_t bd[16];
    for (int i = 0; i < 16; i++) bd[i] = (int8_t)(i & 1 ? 1 : -1);
    CHECK(sc_boltzmann_exact(big, bd, 1, 1.0, NULL, NULL, 0, out, 2) == SC_ERR_SIZE, "exact on 21 units");
    d.method = SC_BOLTZMANN_GIBBS;
    d.gibbs.sweeps = 5;
    CHECK(sc_boltzmann_learn(big, bd, 1, &d, NULL, 0) == SC_OK, "gibbs learning on 21 units");
    sc_boltzmann_destroy(big);
    CHECK(sc_boltzmann_destroy(m) == SC_OK, "destroy");
    CHECK(sc_boltzmann_destroy(m) == SC_ERR_HANDLE, "destroy twice");
    /* The pool's limit. */
    sc_boltzmann all[SC_BOLTZMANN_MAX_MACHINES + 1];
    int made = 0;
    while (made <= SC_BOLTZMANN_MAX_MACHINES && sc_boltzmann_create(1, 0, 0, &all[made]) == SC_OK) made++;
    CHECK(made == SC_BOLTZMANN_MAX_MACHINES, "made %d machines", made);
    for (int i = 0; i < made; i++) sc_boltzmann_destroy(all[i]);
}

int main(void)
{
    CHECK_RUN(test_three_units_by_hand());
    CHECK_RUN(test_seven_units_random());
    CHECK_RUN(test_gradient());
    CHECK_RUN(test_loglik_rises());
    CHECK_RUN(test_gibbs_converges());
    CHECK_RUN(test_encoder());
    CHECK_RUN(test_rbm_reference());
    CHECK_RUN(test_bars_and_stripes());
    CHECK_RUN(test_errors());
    return check_summary("test_boltzmann");
}
