/* The SVM (svm.h): the analytic max-margin solution of a separable set,
 * the KKT conditions at every solution within tol, shrinking on and off
 * and a small or large cache agreeing, the flat decision grid, the
 * cross-validation grid, and the argument checks. */
#include <string.h>
#include "check.h"
#include "simcore/svm.h"

#define NP 240

/* Two overlapping Gaussian-ish clouds (sums of uniforms), labels +-1. */
static void make_clouds(double *x, double *y, int n, double sep, uint32_t seed)
{
    for (int i = 0; i < n; i++) {
        const double label = i % 3 == 0 ? -1.0 : 1.0;
        for (int c = 0; c < 2; c++) {
            double s = 0;
            for (int k = 0; k < 3; k++) s += check_rand_f(&seed);
            x[2 * i + c] = s + label * sep * (c == 0 ? 1.0 : 0.6);
        }
        y[i] = label;
    }
}

typedef struct fitted {
    double info[SC_SVM_INFO_SIZE];
    int nsv, index[NP];
    double coef[NP], alpha[NP], f[NP];
} fitted;

static sc_status fit(const double *x, const double *y, int n, const sc_svm_params *p, fitted *r)
{
    sc_svm m;
    sc_status st = sc_svm_train(x, n, 2, y, p, &m);
    if (st != SC_OK) return st;
    sc_svm_info(m, r->info, SC_SVM_INFO_SIZE);
    r->nsv = (int)r->info[SC_SVM_INFO_NSV];
    st = sc_svm_support(m, r->index, r->coef, r->nsv);
    for (int i = 0; i < n; i++) r->alpha[i] = 0;
    for (int k = 0; k < r->nsv; k++) r->alpha[r->index[k]] = fabs(r->coef[k]);
    if (st == SC_OK) st = sc_svm_decision(m, x, n, 2, r->f, n);
    sc_svm_destroy(m);
    return st;
}

/* +1 at p = (2, 1.5) and points beyond it along w, -1 at q = (0, -0.5)
 * and beyond: the closest points of the two hulls are p and q, so the
 * maximal margin has w = 2 (p - q) / |p - q|^2 = (0.5, 0.5), b = -w (p +
 * q) / 2 = -0.75, a_p = a_q = 1/4 (w = a (p - q)), and the dual optimum
 * -|w|^2 / 2 = -0.25. */
static void test_max_margin(void)
{
    const double x[] = {2, 1.5, 3, 3.5, 4, 2, 0, -0.5, -2, -0.5, 0, -3.5};
    const double y[] = {1, 1, 1, -1, -1, -1};
    for (int shrinking = 0; shrinking <= 1; shrinking++) {
        sc_svm_params p = sc_svm_default_params();
        p.kernel = SC_SVM_LINEAR;
        p.C = 1000;
        p.tol = 1e-9;
        p.shrinking = shrinking;
        fitted r;
        CHECK(fit(x, y, 6, &p, &r) == SC_OK, "trains");
        CHECK(r.nsv == 2 && r.index[0] == 0 && r.index[1] == 3, "support vectors %d: %d %d", r.nsv, r.index[0], r.index[1]);
        double w[2] = {0, 0};
        for (int k = 0; k < r.nsv; k++)
            for (int c = 0; c < 2; c++) w[c] += r.coef[k] * x[2 * r.index[k] + c];
        CHECK(fabs(w[0] - 0.5) < 1e-8 && fabs(w[1] - 0.5) < 1e-8, "w = (%.12g, %.12g)", w[0], w[1]);
        CHECK(fabs(r.info[SC_SVM_INFO_B] + 0.75) < 1e-8, "b = %.12g", r.info[SC_SVM_INFO_B]);
        CHECK(fabs(r.coef[0] - 0.25) < 1e-8 && fabs(r.coef[1] + 0.25) < 1e-8, "coef %.12g %.12g", r.coef[0], r.coef[1]);
        CHECK(fabs(r.info[SC_SVM_INFO_OBJECTIVE] + 0.25) < 1e-8, "objective %.12g", r.info[SC_SVM_INFO_OBJECTIVE]);
        CHECK(fabs(r.f[0] - 1) < 1e-8 && fabs(r.f[3] + 1) < 1e-8, "margins f(p) = %.12g, f(q) = %.12g", r.f[0], r.f[3]);
    }
}

/* KKT of C-SVC with f = decision values: a_i = 0 -> y_i f_i >= 1 - tol,
 * 0 < a_i < C -> |y_i f_i - 1| <= tol, a_i = C -> y_i f_i <= 1 + tol;
 * 0 <= a <= C and y^T a = 0. LIBSVM's stop m(a) - M(a) < tol bounds each
 * violation by tol (b lies between m and M). */
static int kkt_violations(const fitted *r, const double *y, int n, double C, double tol, double *worst)
{
    int bad = 0;
    double sum = 0;
    *worst = 0;
    for (int i = 0; i < n; i++) {
        const double m = y[i] * r->f[i], a = r->alpha[i];
        double v = 0;
        if (a < 0 || a > C)
            v = 1;
        else if (a == 0)
            v = 1 - m;
        else if (a == C)
            v = m - 1;
        else
            v = fabs(m - 1);
        if (v > tol + 1e-12) bad++;
        *worst = fmax(*worst, v);
        sum += y[i] * a;
    }
    if (fabs(sum) > 1e-9 * C * n) bad++;
    return bad;
}

static void test_kkt(void)
{
    static double x[2 * NP], y[NP];
    make_clouds(x, y, NP, 1.0, 7u);
    static const double Cs[] = {0.1, 1, 50};
    for (int kernel = 0; kernel < SC_SVM_KERNEL_COUNT; kernel++) {
        for (int c = 0; c < 3; c++) {
            sc_svm_params p = sc_svm_default_params();
            p.kernel = kernel;
            p.C = Cs[c];
            p.gamma = kernel == SC_SVM_SIGMOID ? 0.05 : 0.7;
            p.coef0 = kernel == SC_SVM_SIGMOID ? -0.2 : 1.0;
            p.degree = 3;
            p.tol = 1e-4;
            fitted r;
            CHECK(fit(x, y, NP, &p, &r) == SC_OK, "kernel %d trains", kernel);
            double worst;
            const int bad = kkt_violations(&r, y, NP, p.C, p.tol, &worst);
            /* The sigmoid kernel is not PSD: its KKT points still satisfy
             * the conditions (WSS2 with tau). */
            CHECK(bad == 0, "kernel %d C %g: %d KKT violations (worst %.3g, tol %g), %g iterations",
                  kernel, p.C, bad, worst, p.tol, r.info[SC_SVM_INFO_ITERATIONS]);
            CHECK(r.info[SC_SVM_INFO_MAX_ITER] == 0, "converged");
        }
    }
}

/* Shrinking changes the path, not the optimum: objectives within what the
 * stopping tolerance allows; the cache size changes nothing at all (rows
 * are recomputed bit for bit). */
static void test_shrinking_and_cache(void)
{
    enum { N = 1500 };
    static double x[2 * N], y[N];
    make_clouds(x, y, N, 0.6, 99u);
    sc_svm_params p = sc_svm_default_params();
    p.kernel = SC_SVM_RBF;
    p.C = 10;
    p.gamma = 2;
    p.tol = 1e-6;
    double obj[2], iters[2];
    for (int shrinking = 0; shrinking <= 1; shrinking++) {
        p.shrinking = shrinking;
        sc_svm m;
        CHECK(sc_svm_train(x, N, 2, y, &p, &m) == SC_OK, "trains");
        double info[SC_SVM_INFO_SIZE];
        sc_svm_info(m, info, SC_SVM_INFO_SIZE);
        obj[shrinking] = info[SC_SVM_INFO_OBJECTIVE];
        iters[shrinking] = info[SC_SVM_INFO_ITERATIONS];
        sc_svm_destroy(m);
    }
    CHECK(fabs(obj[0] - obj[1]) <= 1e-6 * fabs(obj[0]), "objective %.12g without shrinking, %.12g with (%g, %g iterations)",
          obj[0], obj[1], iters[0], iters[1]);

    p.shrinking = 1;
    fitted big, small;
    static double xs[2 * NP], ys[NP];
    make_clouds(xs, ys, NP, 0.6, 5u);
    CHECK(fit(xs, ys, NP, &p, &big) == SC_OK, "big cache");
    p.cache_bytes = SC_SVM_MIN_CACHE; /* 64 KiB: 34 of 240 rows */
    CHECK(fit(xs, ys, NP, &p, &small) == SC_OK, "small cache");
    CHECK(memcmp(big.info, small.info, sizeof big.info) == 0 && memcmp(big.coef, small.coef, sizeof(double) * (size_t)big.nsv) == 0,
          "cache size changes the result: objective %.17g vs %.17g", big.info[SC_SVM_INFO_OBJECTIVE], small.info[SC_SVM_INFO_OBJECTIVE]);
}

static void test_grid_and_cv(void)
{
    static double x[2 * NP], y[NP];
    make_clouds(x, y, NP, 1.2, 3u);
    sc_svm_params p = sc_svm_default_params();
    sc_svm m;
    CHECK(sc_svm_train(x, NP, 2, y, &p, &m) == SC_OK, "trains");
    double grid[5 * 4], pts[2 * 20], f[20];
    CHECK(sc_svm_decision_grid(m, -3, 5, 5, -2, 1, 4, grid, 20) == SC_OK, "grid");
    for (int j = 0; j < 4; j++)
        for (int i = 0; i < 5; i++) {
            pts[2 * (j * 5 + i)] = -3 + 2.0 * i;
            pts[2 * (j * 5 + i) + 1] = -2 + 1.0 * j;
        }
    CHECK(sc_svm_decision(m, pts, 20, 2, f, 20) == SC_OK, "points");
    CHECK(memcmp(f, grid, sizeof f) == 0, "grid equals points, y outer");
    sc_svm_destroy(m);

    const double Cs[] = {0.5, 4}, gs[] = {0.1, 1, 10};
    double acc[6], acc2[6], one;
    CHECK(sc_svm_cross_validate(x, NP, 2, y, &p, Cs, 2, gs, 3, 5, 42u, acc, 6) == SC_OK, "cv");
    CHECK(sc_svm_cross_validate(x, NP, 2, y, &p, Cs, 2, gs, 3, 5, 42u, acc2, 6) == SC_OK, "cv again");
    CHECK(memcmp(acc, acc2, sizeof acc) == 0, "seeded: the same split");
    CHECK(sc_svm_cross_validate(x, NP, 2, y, &p, Cs + 1, 1, gs + 2, 1, 5, 42u, &one, 1) == SC_OK, "one cell");
    CHECK(one == acc[5], "cell (4, 10) %g alone, %g in the grid", one, acc[5]);
    int ok = 1;
    for (int k = 0; k < 6; k++) ok &= acc[k] > 0.6 && acc[k] <= 1 && acc[k] * NP == floor(acc[k] * NP + 0.5);
    CHECK(ok, "accuracies %g %g %g %g %g %g", acc[0], acc[1], acc[2], acc[3], acc[4], acc[5]);

    /* Separable by a line: linear CV is perfect. */
    const double xs[] = {2, 1.5, 3, 3.5, 4, 2, 3, 2, 0, -0.5, -2, -0.5, 0, -3.5, -1, -1};
    const double ys[] = {1, 1, 1, 1, -1, -1, -1, -1};
    p.kernel = SC_SVM_LINEAR;
    p.C = 100;
    CHECK(sc_svm_cross_validate(xs, 8, 2, ys, &p, Cs, 1, gs, 1, 4, 1u, &one, 1) == SC_OK && one == 1.0, "separable: %g", one);
}

static void test_checks(void)
{
    const double x[] = {0, 0, 1, 1, 2, 2};
    double y[] = {1, -1, 1};
    sc_svm_params p = sc_svm_default_params();
    sc_svm m;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_OK, "trains");
    CHECK(sc_svm_destroy(m) == SC_OK && sc_svm_destroy(m) == SC_ERR_HANDLE, "stale");
    double info[SC_SVM_INFO_SIZE];
    CHECK(sc_svm_info(m, info, SC_SVM_INFO_SIZE) == SC_ERR_HANDLE, "info of a stale handle");
    CHECK(sc_svm_train(x, 0, 2, y, &p, &m) == SC_ERR_SIZE && m.id == 0, "n = 0");
    y[1] = 0;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_RANGE, "label 0");
    y[1] = NAN;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_NONFINITE, "label NaN");
    y[1] = 1;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_RANGE, "one class");
    y[1] = -1;
    p.C = 0;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_RANGE, "C = 0");
    p.C = 1;
    p.kernel = 7;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_OPTION, "kernel 7");
    p.kernel = SC_SVM_RBF;
    p.gamma = -1;
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_RANGE, "gamma < 0");
    p.gamma = 1;
    const double xn[] = {0, 0, NAN, 1, 2, 2};
    CHECK(sc_svm_train(xn, 3, 2, y, &p, &m) == SC_ERR_NONFINITE, "x NaN");

    /* The pool: SC_SVM_MAX_MODELS, then NOMEM; one freed makes room. */
    sc_svm all[SC_SVM_MAX_MODELS];
    int made = 0;
    for (int k = 0; k < SC_SVM_MAX_MODELS; k++) made += sc_svm_train(x, 3, 2, y, &p, &all[k]) == SC_OK;
    CHECK(made == SC_SVM_MAX_MODELS, "made %d", made);
    CHECK(sc_svm_train(x, 3, 2, y, &p, &m) == SC_ERR_NOMEM, "pool full");
    sc_svm_destroy(all[0]);
    CHECK(sc_svm_train(x, 3, 2, y, &p, &all[0]) == SC_OK, "room again");
    for (int k = 0; k < SC_SVM_MAX_MODELS; k++) sc_svm_destroy(all[k]);
}

int main(void)
{
    CHECK_RUN(test_max_margin());
    CHECK_RUN(test_kkt());
    CHECK_RUN(test_shrinking_and_cache());
    CHECK_RUN(test_grid_and_cv());
    CHECK_RUN(test_checks());
    return check_summary("test_svm");
}
