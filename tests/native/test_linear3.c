/* Three-dimensional linear systems: eigenvalues of random matrices against
 * their characteristic polynomial, trace and determinant; real
 * eigenvectors against (A - l I) v = 0; the type of every lecture case
 * (sink, source, the two saddles, their spiral forms, non-hyperbolic);
 * e^{At} against V e^{Dt} V^-1 built from chosen V and D in long double,
 * and the semigroup law; bad input. */
#include "check.h"
#include "simcore/phase.h"

static void test_eigen_random(void)
{
    uint32_t seed = 2024;
    double worst_poly = 0, worst_vec = 0;
    for (int trial = 0; trial < 500; trial++) {
        double A[9];
        for (int k = 0; k < 9; k++) A[k] = 3.0 * check_rand_f(&seed);
        sc_linear3_class c;
        CHECK(sc_classify_linear3(A, &c) == SC_OK, "status");
        double sum_re = 0, s = 0;
        for (int k = 0; k < 9; k++) s = fmax(s, fabs(A[k]));
        for (int k = 0; k < 3; k++) {
            sum_re += c.re[k];
            /* |p(l)| for complex l = re + i im, relative to the terms' size. */
            const double a = c.re[k], b = c.im[k];
            const double r2 = a * a - b * b, i2 = 2 * a * b, r3 = r2 * a - i2 * b, i3 = r2 * b + i2 * a;
            const double pr = r3 - c.trace * r2 + c.minors * a - c.det, pi = i3 - c.trace * i2 + c.minors * b;
            const double m = hypot(a, b), size = m * m * m + fabs(c.trace) * m * m + fabs(c.minors) * m + fabs(c.det);
            worst_poly = fmax(worst_poly, hypot(pr, pi) / (size + 1e-300));
            if (c.real_vector[k]) {
                const double *v = c.v[k];
                for (int r = 0; r < 3; r++) {
                    const double e = A[3 * r] * v[0] + A[3 * r + 1] * v[1] + A[3 * r + 2] * v[2] - c.re[k] * v[r];
                    worst_vec = fmax(worst_vec, fabs(e) / s);
                }
            }
        }
        CHECK(fabs(sum_re - c.trace) < 1e-12 * (1 + s), "trace %g vs %g", sum_re, c.trace);
        CHECK(c.re[0] >= c.re[1] && c.re[1] >= c.re[2], "order");
    }
    CHECK(worst_poly < 1e-12, "characteristic polynomial residual %g", worst_poly);
    CHECK(worst_vec < 1e-7, "eigenvector residual %g", worst_vec);
}

static int type_of(const double *A, int *udim)
{
    sc_linear3_class c;
    if (sc_classify_linear3(A, &c) != SC_OK) return -1;
    if (udim) *udim = c.unstable_dim;
    return c.type;
}

static void test_types(void)
{
    int u = -1;
    const double sink[9] = {-1, 0, 0, 0, -2, 0, 0, 0, -3}, source[9] = {1, 0.5, 0, 0, 2, 0, 0, 0, 3};
    const double saddle1[9] = {1, 0, 0, 0, -1, 0, 0, 0, -2}, saddle2[9] = {1, 0, 0, 0, 2, 0, 0, 0, -2};
    const double ssink[9] = {-0.2, 1, 0, -1, -0.2, 0, 0, 0, -1}, ssaddle[9] = {-0.2, 1, 0, -1, -0.2, 0, 0, 0, 1};
    const double ssource[9] = {0.2, 1, 0, -1, 0.2, 0, 0, 0, 0.5}, centre[9] = {0, 1, 0, -1, 0, 0, 0, 0, -1};
    CHECK(type_of(sink, &u) == SC_EQ3_SINK && u == 0, "sink");
    CHECK(type_of(source, &u) == SC_EQ3_SOURCE && u == 3, "source");
    CHECK(type_of(saddle1, &u) == SC_EQ3_SADDLE && u == 1, "saddle, 1-D unstable");
    CHECK(type_of(saddle2, &u) == SC_EQ3_SADDLE && u == 2, "saddle, 2-D unstable");
    CHECK(type_of(ssink, &u) == SC_EQ3_SPIRAL_SINK && u == 0, "spiral sink");
    CHECK(type_of(ssaddle, &u) == SC_EQ3_SPIRAL_SADDLE && u == 1, "spiral saddle");
    CHECK(type_of(ssource, &u) == SC_EQ3_SPIRAL_SOURCE && u == 3, "spiral source");
    CHECK(type_of(centre, &u) == SC_EQ3_NON_HYPERBOLIC, "centre x sink");
    /* The spiral sink's eigenvalues: -0.2 +- i and -1. */
    sc_linear3_class c;
    sc_classify_linear3(ssink, &c);
    CHECK(fabs(c.re[0] + 0.2) < 1e-14 && fabs(c.im[0] - 1) < 1e-14 && fabs(c.re[2] + 1) < 1e-14 && c.im[2] == 0,
          "%g%+gi, %g", c.re[0], c.im[0], c.re[2]);
    CHECK(c.real_vector[2] && fabs(fabs(c.v[2][2]) - 1) < 1e-14, "the z axis is the real eigenvector");
    /* A repeated eigenvalue with a 2-D eigenspace still gets an eigenvector. */
    const double rep[9] = {-1, 0, 0, 0, -1, 0, 1, 0, -1};
    sc_classify_linear3(rep, &c);
    for (int k = 0; k < 3; k++) {
        const double *v = c.v[k];
        double e = 0;
        for (int r = 0; r < 3; r++) e = fmax(e, fabs(rep[3 * r] * v[0] + rep[3 * r + 1] * v[1] + rep[3 * r + 2] * v[2] - c.re[k] * v[r]));
        CHECK(c.real_vector[k] && e < 1e-6, "repeated: residual %g", e);
    }
}

/* Inverse of a 3x3 in long double (cofactors). */
static void inv3(const long double *M, long double *R)
{
    const long double det = M[0] * (M[4] * M[8] - M[5] * M[7]) - M[1] * (M[3] * M[8] - M[5] * M[6]) +
                            M[2] * (M[3] * M[7] - M[4] * M[6]);
    R[0] = (M[4] * M[8] - M[5] * M[7]) / det, R[1] = (M[2] * M[7] - M[1] * M[8]) / det;
    R[2] = (M[1] * M[5] - M[2] * M[4]) / det, R[3] = (M[5] * M[6] - M[3] * M[8]) / det;
    R[4] = (M[0] * M[8] - M[2] * M[6]) / det, R[5] = (M[2] * M[3] - M[0] * M[5]) / det;
    R[6] = (M[3] * M[7] - M[4] * M[6]) / det, R[7] = (M[1] * M[6] - M[0] * M[7]) / det;
    R[8] = (M[0] * M[4] - M[1] * M[3]) / det;
}

static void test_exp(void)
{
    uint32_t seed = 77;
    double worst = 0;
    for (int trial = 0; trial < 200; trial++) {
        long double V[9], W[9], D[3];
        for (int k = 0; k < 9; k++) V[k] = check_rand_f(&seed) + (k % 4 == 0 ? 2 : 0); /* well conditioned */
        for (int k = 0; k < 3; k++) D[k] = 1.5L * check_rand_f(&seed);
        inv3(V, W);
        double A[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) A[3 * i + j] = (double)(V[3 * i] * D[0] * W[j] + V[3 * i + 1] * D[1] * W[3 + j] + V[3 * i + 2] * D[2] * W[6 + j]);
        const double t = 2.0 * check_rand_f(&seed);
        double E[9];
        CHECK(sc_linear3_exp(A, t, E) == SC_OK, "status");
        long double n = 0, d = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                long double ref = 0;
                for (int k = 0; k < 3; k++) ref += V[3 * i + k] * expl(D[k] * t) * W[3 * k + j];
                d = fmaxl(d, fabsl(ref - E[3 * i + j]));
                n = fmaxl(n, fabsl(ref));
            }
        worst = fmax(worst, (double)(d / n));
    }
    /* A is rounded to double from the long double product: that rounding dominates. */
    CHECK(worst < 1e-11, "worst relative difference %g", worst);
    /* Semigroup, and e^{A 0} = I. */
    const double A[9] = {-0.3, 1, 0.2, -1, -0.1, 0.5, 0.4, -0.2, -0.6};
    double Es[9], Et[9], Est[9], P[9];
    sc_linear3_exp(A, 0.7, Es);
    sc_linear3_exp(A, 1.6, Et);
    sc_linear3_exp(A, 2.3, Est);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) P[3 * i + j] = Es[3 * i] * Et[j] + Es[3 * i + 1] * Et[3 + j] + Es[3 * i + 2] * Et[6 + j];
    double e = 0;
    for (int k = 0; k < 9; k++) e = fmax(e, fabs(P[k] - Est[k]));
    CHECK(e < 1e-13, "semigroup %g", e);
    double I[9];
    CHECK(sc_linear3_exp(A, 0, I) == SC_OK && I[0] == 1 && I[4] == 1 && I[8] == 1 && I[1] == 0 && I[5] == 0, "e^0");
}

static void test_bad_input(void)
{
    const double A[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, nanA[9] = {NAN, 0, 0, 0, 1, 0, 0, 0, 1}, x0[3] = {1, 1, 1};
    const double t[2] = {0, 1};
    double out[23];
    sc_linear3_class c;
    CHECK(sc_classify_linear3(NULL, &c) == SC_ERR_NULL, "NULL");
    CHECK(sc_classify_linear3(nanA, &c) == SC_ERR_NONFINITE, "NaN");
    CHECK(sc_linear3_exp(A, 1e5, out) == SC_ERR_OVERFLOW, "overflow");
    CHECK(sc_linear3_exp(A, INFINITY, out) == SC_ERR_NONFINITE, "t Inf");
    CHECK(sc_flat_classify_linear3(A, 8, out, 23) == SC_ERR_SIZE, "nA");
    CHECK(sc_flat_classify_linear3(A, 9, out, 22) == SC_ERR_SIZE, "nout");
    CHECK(sc_flat_linear3_solution(A, 9, x0, 3, t, 2, out, 5) == SC_ERR_SIZE, "nout");
    CHECK(sc_flat_linear3_solution(A, 9, x0, 2, t, 2, out, 6) == SC_ERR_SIZE, "nx0");
    CHECK(sc_linear3_solution(A, x0, t, 0, out) == SC_ERR_SIZE, "n 0");
}

int main(void)
{
    CHECK_RUN(test_eigen_random());
    CHECK_RUN(test_types());
    CHECK_RUN(test_exp());
    CHECK_RUN(test_bad_input());
    return check_summary("linear3");
}
