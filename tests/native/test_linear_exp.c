/* The closed-form e^{At} of 2x2 systems against an independent reference
 * (Taylor series with scaling and squaring in long double), the semigroup
 * law, the known solutions (Jordan block, rotation, the lecture's
 * phi'' + (a + b) phi' + ab phi = 0), continuity across Delta = 0; the
 * Lyapunov equation's residual, its P against the integral of
 * e^{A^T t} Q e^{At}, definiteness exactly for Hurwitz A; bad input. */
#include "check.h"
#include "simcore/phase.h"

/* e^{At} by scaling and squaring: (A t / 2^k) small, 40 Taylor terms, then
 * squared k times, all in long double: nothing shared with linear.c. */
static void expm_reference(const double *A, double t, long double *E)
{
    long double M[4] = {A[0] * (long double)t, A[1] * (long double)t, A[2] * (long double)t, A[3] * (long double)t};
    long double norm = fabsl(M[0]) + fabsl(M[1]) + fabsl(M[2]) + fabsl(M[3]);
    int k = 0;
    while (norm > 0.25L) {
        norm /= 2;
        k++;
    }
    for (int i = 0; i < 4; i++) M[i] = ldexpl(M[i], -k);
    long double S[4] = {1, 0, 0, 1}, T[4] = {1, 0, 0, 1};
    for (int n = 1; n <= 40; n++) {
        const long double U[4] = {(T[0] * M[0] + T[1] * M[2]) / n, (T[0] * M[1] + T[1] * M[3]) / n,
                                  (T[2] * M[0] + T[3] * M[2]) / n, (T[2] * M[1] + T[3] * M[3]) / n};
        for (int i = 0; i < 4; i++) {
            T[i] = U[i];
            S[i] += U[i];
        }
    }
    for (int s = 0; s < k; s++) {
        const long double R[4] = {S[0] * S[0] + S[1] * S[2], S[0] * S[1] + S[1] * S[3], S[2] * S[0] + S[3] * S[2],
                                  S[2] * S[1] + S[3] * S[3]};
        for (int i = 0; i < 4; i++) S[i] = R[i];
    }
    for (int i = 0; i < 4; i++) E[i] = S[i];
}

static double rel_diff(const double *E, const long double *R)
{
    long double d = 0, n = 0;
    for (int i = 0; i < 4; i++) {
        d = fmaxl(d, fabsl(E[i] - R[i]));
        n = fmaxl(n, fabsl(R[i]));
    }
    return (double)(d / n);
}

static void test_against_reference(void)
{
    uint32_t seed = 12345;
    const double ts[] = {-2, -0.5, 0, 0.3, 1, 2.5};
    double worst = 0;
    for (int trial = 0; trial < 400; trial++) {
        const double A[4] = {3.0 * check_rand_f(&seed), 3.0 * check_rand_f(&seed), 3.0 * check_rand_f(&seed),
                             3.0 * check_rand_f(&seed)};
        for (int j = 0; j < 6; j++) {
            double E[4];
            long double R[4];
            CHECK(sc_linear_exp(A, ts[j], E) == SC_OK, "status");
            expm_reference(A, ts[j], R);
            worst = fmax(worst, rel_diff(E, R));
        }
    }
    /* Products of e^{|pt|/2} and cosh / sinh: a few ulps of the largest entry. */
    CHECK(worst < 1e-12, "worst relative difference %g", worst);
}

static void test_known_solutions(void)
{
    double E[4];
    /* Jordan block: e^{-t} [1 t; 0 1]. */
    const double J[4] = {-1, 1, 0, -1};
    CHECK(sc_linear_exp(J, 1.7, E) == SC_OK, "status");
    CHECK(fabs(E[0] - exp(-1.7)) < 1e-15 && fabs(E[1] - 1.7 * exp(-1.7)) < 1e-15 && E[2] == 0 &&
              fabs(E[3] - exp(-1.7)) < 1e-15,
          "Jordan %g %g %g %g", E[0], E[1], E[2], E[3]);
    /* Nilpotent: [1 t; 0 1] exactly. */
    const double N[4] = {0, 1, 0, 0};
    CHECK(sc_linear_exp(N, -3.25, E) == SC_OK && E[0] == 1 && E[1] == -3.25 && E[2] == 0 && E[3] == 1,
          "nilpotent %g %g %g %g", E[0], E[1], E[2], E[3]);
    /* Centre x' = y, y' = -x: a rotation. */
    const double C[4] = {0, 1, -1, 0};
    CHECK(sc_linear_exp(C, 2.0, E) == SC_OK, "status");
    CHECK(fabs(E[0] - cos(2.0)) < 1e-15 && fabs(E[1] - sin(2.0)) < 1e-15 && fabs(E[2] + sin(2.0)) < 1e-15 &&
              fabs(E[3] - cos(2.0)) < 1e-15,
          "rotation");
    /* The lecture's phi'' + (a + b) phi' + a b phi = 0, phi(0) = 0, phi'(0) = v0:
     * phi(t) = v0 (e^{-at} - e^{-bt}) / (b - a), and v0 t e^{-at} for a = b. */
    const double ab[][2] = {{1, 2}, {0.5, 3}, {1, 1}, {2, 2}, {-0.5, 1.5}};
    for (int k = 0; k < 5; k++) {
        const double a = ab[k][0], b = ab[k][1], v0 = 1.3;
        const double A[4] = {0, 1, -a * b, -(a + b)}, x0[2] = {0, v0};
        double t[50], out[100];
        for (int i = 0; i < 50; i++) t[i] = 0.1 * i;
        CHECK(sc_linear_solution(A, x0, t, 50, out) == SC_OK, "status");
        double err = 0;
        for (int i = 0; i < 50; i++) {
            const double phi = a == b ? v0 * t[i] * exp(-a * t[i])
                                      : v0 * (exp(-a * t[i]) - exp(-b * t[i])) / (b - a);
            const double dphi = a == b ? v0 * (1 - a * t[i]) * exp(-a * t[i])
                                       : v0 * (-a * exp(-a * t[i]) + b * exp(-b * t[i])) / (b - a);
            err = fmax(err, fmax(fabs(out[2 * i] - phi), fabs(out[2 * i + 1] - dphi)));
        }
        CHECK(err < 1e-13, "a = %g, b = %g: max error %g", a, b, err);
    }
}

static void test_semigroup_and_continuity(void)
{
    uint32_t seed = 99;
    double worst = 0;
    for (int trial = 0; trial < 200; trial++) {
        const double A[4] = {2.0 * check_rand_f(&seed), 2.0 * check_rand_f(&seed), 2.0 * check_rand_f(&seed),
                             2.0 * check_rand_f(&seed)};
        const double s = 1.5 * check_rand_f(&seed), t = 1.5 * check_rand_f(&seed);
        double Es[4], Et[4], Est[4];
        sc_linear_exp(A, s, Es);
        sc_linear_exp(A, t, Et);
        CHECK(sc_linear_exp(A, s + t, Est) == SC_OK, "status");
        const long double P[4] = {(long double)Es[0] * Et[0] + (long double)Es[1] * Et[2],
                                  (long double)Es[0] * Et[1] + (long double)Es[1] * Et[3],
                                  (long double)Es[2] * Et[0] + (long double)Es[3] * Et[2],
                                  (long double)Es[2] * Et[1] + (long double)Es[3] * Et[3]};
        worst = fmax(worst, rel_diff(Est, P));
    }
    CHECK(worst < 1e-12, "e^{A(s+t)} vs e^{As} e^{At}: %g", worst);
    /* Across Delta = 0 (series branch against cosh and cos branches): b c
     * from -eps to +eps around the repeated eigenvalue of [-1 1; bc -1]. */
    const double eps[] = {-1e-3, -1e-6, -1e-10, 0, 1e-10, 1e-6, 1e-3};
    double E0[4];
    const double A0[4] = {-1, 1, 0, -1};
    sc_linear_exp(A0, 2.0, E0);
    for (int k = 0; k < 7; k++) {
        const double A[4] = {-1, 1, eps[k], -1};
        double E[4];
        long double R[4];
        CHECK(sc_linear_exp(A, 2.0, E) == SC_OK, "status");
        expm_reference(A, 2.0, R);
        CHECK(rel_diff(E, R) < 1e-14, "bc = %g: %g", eps[k], rel_diff(E, R));
    }
}

static double residual(const double *A, const double *Q, const double *P)
{
    const double a = A[0], b = A[1], c = A[2], d = A[3];
    const double r1 = 2 * (a * P[0] + c * P[1]) + Q[0];
    const double r2 = b * P[0] + (a + d) * P[1] + c * P[2] + Q[1];
    const double r3 = 2 * (b * P[1] + d * P[2]) + Q[2];
    return fmax(fabs(r1), fmax(fabs(r2), fabs(r3)));
}

static void test_lyapunov(void)
{
    uint32_t seed = 7;
    const double I[3] = {1, 0, 1};
    int hurwitz = 0, other = 0;
    for (int trial = 0; trial < 300; trial++) {
        const double A[4] = {2.0 * check_rand_f(&seed), 2.0 * check_rand_f(&seed), 2.0 * check_rand_f(&seed),
                             2.0 * check_rand_f(&seed)};
        const double tr = A[0] + A[3], det = A[0] * A[3] - A[1] * A[2];
        double P[3];
        const sc_status st = sc_lyapunov_linear(A, I, P);
        if (fabs(tr * det) < 1e-3) continue; /* near singular: checked below by construction */
        CHECK(st == SC_OK, "status %d", (int)st);
        const double scale = fmax(1, fmax(fabs(P[0]), fmax(fabs(P[1]), fabs(P[2]))));
        CHECK(residual(A, I, P) < 1e-12 * scale, "residual %g", residual(A, I, P));
        const int definite = P[0] > 0 && P[0] * P[2] - P[1] * P[1] > 0;
        const int stable = tr < 0 && det > 0;
        CHECK(definite == stable, "tr %g det %g: P definite %d", tr, det, definite);
        if (stable) {
            hurwitz++;
            /* P = integral_0^inf e^{A^T t} e^{At} dt by Simpson's rule to where e^{At} has decayed. */
            const double h = 1e-3;
            double sum[3] = {0, 0, 0};
            const int n = 40000; /* t up to 40: the slowest decay here is e^{-0.025 t} at worst */
            for (int i = 0; i <= n; i++) {
                double E[4];
                sc_linear_exp(A, i * h, E);
                const double w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
                sum[0] += w * (E[0] * E[0] + E[2] * E[2]);
                sum[1] += w * (E[0] * E[1] + E[2] * E[3]);
                sum[2] += w * (E[1] * E[1] + E[3] * E[3]);
            }
            double tail[4];
            sc_linear_exp(A, n * h, tail);
            if (fabs(tail[0]) + fabs(tail[1]) + fabs(tail[2]) + fabs(tail[3]) < 1e-5) {
                for (int k = 0; k < 3; k++) {
                    const double integral = sum[k] * h / 3;
                    CHECK(fabs(integral - P[k]) < 1e-6 * scale, "P[%d] %g vs integral %g", k, P[k], integral);
                }
            }
        } else {
            other++;
        }
        if (hurwitz > 12 && other > 12) break;
    }
    CHECK(hurwitz > 12 && other > 12, "cases: %d Hurwitz, %d not", hurwitz, other);
    /* The damped oscillator m x'' + mu x' + k x = 0 with Q = I: P positive definite. */
    const double osc[4] = {0, 1, -1, -0.4};
    double P[3];
    CHECK(sc_lyapunov_linear(osc, I, P) == SC_OK && P[0] > 0 && P[0] * P[2] > P[1] * P[1], "oscillator");
    /* No unique P: a centre (tr = 0) and a zero eigenvalue (det = 0). */
    const double centre[4] = {0, 1, -1, 0}, zero[4] = {1, 2, 2, 4};
    CHECK(sc_lyapunov_linear(centre, I, P) == SC_ERR_RANGE, "centre");
    CHECK(sc_lyapunov_linear(zero, I, P) == SC_ERR_RANGE, "det 0");
}

static void test_bad_input(void)
{
    double E[4], P[3], out[4];
    const double A[4] = {1, 0, 0, 1}, x0[2] = {1, 1}, t[2] = {0, 1};
    const double nanA[4] = {NAN, 0, 0, 1}, infQ[3] = {INFINITY, 0, 1}, nanx[2] = {NAN, 0};
    CHECK(sc_linear_exp(NULL, 1, E) == SC_ERR_NULL, "A NULL");
    CHECK(sc_linear_exp(A, 1, NULL) == SC_ERR_NULL, "out NULL");
    CHECK(sc_linear_exp(nanA, 1, E) == SC_ERR_NONFINITE, "A NaN");
    CHECK(sc_linear_exp(A, NAN, E) == SC_ERR_NONFINITE, "t NaN");
    CHECK(sc_linear_exp(A, 1e5, E) == SC_ERR_OVERFLOW, "e^{1e5}");
    CHECK(sc_linear_solution(A, x0, t, 0, out) == SC_ERR_SIZE, "n 0");
    CHECK(sc_linear_solution(A, nanx, t, 2, out) == SC_ERR_NONFINITE, "x0 NaN");
    CHECK(sc_flat_linear_solution(1, 0, 0, 1, 1, 1, t, 2, out, 3) == SC_ERR_SIZE, "nout");
    CHECK(sc_lyapunov_linear(A, infQ, P) == SC_ERR_NONFINITE, "Q Inf");
    CHECK(sc_lyapunov_linear(A, NULL, P) == SC_ERR_NULL, "Q NULL");
}

int main(void)
{
    CHECK_RUN(test_against_reference());
    CHECK_RUN(test_known_solutions());
    CHECK_RUN(test_semigroup_and_continuity());
    CHECK_RUN(test_lyapunov());
    CHECK_RUN(test_bad_input());
    return check_summary("linear_exp");
}
