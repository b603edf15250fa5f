/* The 2x2 linear system x' = A x solved in closed form, x(t) = e^{At} x0,
 * and its quadratic Lyapunov functions from A^T P + P A = -Q (lecture 7's
 * summary: the matrix-exponential solution and Lyapunov theory).
 * Mathematics: docs/ode.md ("Matrix exponential and Lyapunov equation"). */
#include <math.h>
#include "phase_internal.h"

/* cosh(st) and sinh(st)/s as functions of x = s^2 t^2 (either sign): for
 * small |x| by their series, so the three cases (real, complex, repeated
 * eigenvalues) join continuously instead of dividing by s near 0. */
static void cosh_sinhc(double s2, double t, double *C, double *S)
{
    const double x = s2 * t * t;
    if (fabs(x) < 1e-3) {
        /* Truncation below x^4/8! < 3e-17 relative. */
        *C = 1 + x / 2 * (1 + x / 12 * (1 + x / 30));
        *S = t * (1 + x / 6 * (1 + x / 20 * (1 + x / 42)));
    } else if (s2 > 0) {
        const double s = sqrt(s2);
        *C = cosh(s * t);
        *S = sinh(s * t) / s;
    } else {
        const double w = sqrt(-s2);
        *C = cos(w * t);
        *S = sin(w * t) / w;
    }
}

static int finite4(const double *A)
{
    return isfinite(A[0]) && isfinite(A[1]) && isfinite(A[2]) && isfinite(A[3]);
}

/* e^{At} = e^{pt/2} (C I + S M), M = A - (p/2) I, M^2 = (p^2/4 - q) I. */
sc_status sc_linear_exp(const double *A, double t, double *out)
{
    if (!A || !out) return sc_fail(SC_ERR_NULL, A ? "out" : "A");
    if (!finite4(A)) return sc_fail(SC_ERR_NONFINITE, "A");
    if (!isfinite(t)) return sc_fail(SC_ERR_NONFINITE, "t");
    const double half = (A[0] + A[3]) / 2;
    /* s^2 = ((a - d)/2)^2 + b c: the discriminant / 4 without cancelling p^2/4 - q. */
    const double s2 = (A[0] - A[3]) * (A[0] - A[3]) / 4 + A[1] * A[2];
    double C, S;
    cosh_sinhc(s2, t, &C, &S);
    const double g = exp(half * t);
    const double r[4] = {g * (C + S * (A[0] - half)), g * S * A[1], g * S * A[2], g * (C + S * (A[3] - half))};
    if (!finite4(r)) return sc_fail(SC_ERR_OVERFLOW, "t");
    for (int k = 0; k < 4; k++) out[k] = r[k] + 0.0; /* -0 (a zero times a negative entry) shown as 0 */
    return SC_OK;
}

sc_status sc_linear_solution(const double *A, const double *x0, const double *t, int n, double *out)
{
    if (!A || !x0 || !t || !out) return sc_fail(SC_ERR_NULL, !A ? "A" : !x0 ? "x0"
                                                                    : !t    ? "t"
                                                                            : "out");
    if (n < 1 || n > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "n");
    if (!isfinite(x0[0]) || !isfinite(x0[1])) return sc_fail(SC_ERR_NONFINITE, "x0");
    for (int i = 0; i < n; i++) {
        double E[4] = {0, 0, 0, 0};
        const sc_status st = sc_linear_exp(A, t[i], E);
        if (st != SC_OK) return st;
        const double x = E[0] * x0[0] + E[1] * x0[1], y = E[2] * x0[0] + E[3] * x0[1];
        if (!isfinite(x) || !isfinite(y)) return sc_fail(SC_ERR_OVERFLOW, "t");
        out[2 * i] = x;
        out[2 * i + 1] = y;
    }
    return SC_OK;
}

/* With P = [p1 p2; p2 p3] the three distinct entries of A^T P + P A = -Q:
 *   2a p1 + 2c p2          = -q1
 *    b p1 + (a+d) p2 + c p3 = -q2
 *           2b p2 + 2d p3  = -q3
 * whose determinant is 4 (a + d)(ad - bc) = 4 tr(A) det(A): a unique P
 * exactly when no two eigenvalues sum to zero (lambda_i + lambda_j != 0).
 * Solved by Gaussian elimination with partial pivoting. */
sc_status sc_lyapunov_linear(const double *A, const double *Q, double *P)
{
    if (!A || !Q || !P) return sc_fail(SC_ERR_NULL, !A ? "A" : !Q ? "Q"
                                                                  : "P");
    if (!finite4(A)) return sc_fail(SC_ERR_NONFINITE, "A");
    if (!isfinite(Q[0]) || !isfinite(Q[1]) || !isfinite(Q[2])) return sc_fail(SC_ERR_NONFINITE, "Q");
    const double a = A[0], b = A[1], c = A[2], d = A[3];
    const double s = fmax(fmax(fabs(a), fabs(b)), fmax(fabs(c), fabs(d)));
    /* Singular within rounding: |tr det| tiny against the entries' scale. */
    if (s == 0 || fabs((a + d) * (a * d - b * c)) <= 1e-12 * s * s * s) return sc_fail(SC_ERR_RANGE, "A");
    double M[3][4] = {{2 * a, 2 * c, 0, -Q[0]}, {b, a + d, c, -Q[1]}, {0, 2 * b, 2 * d, -Q[2]}};
    for (int k = 0; k < 3; k++) {
        int piv = k;
        for (int i = k + 1; i < 3; i++)
            if (fabs(M[i][k]) > fabs(M[piv][k])) piv = i;
        for (int j = 0; j < 4; j++) {
            const double tmp = M[k][j];
            M[k][j] = M[piv][j];
            M[piv][j] = tmp;
        }
        if (M[k][k] == 0) return sc_fail(SC_ERR_RANGE, "A");
        for (int i = k + 1; i < 3; i++) {
            const double f = M[i][k] / M[k][k];
            for (int j = k; j < 4; j++) M[i][j] -= f * M[k][j];
        }
    }
    double x[3] = {0, 0, 0};
    for (int k = 2; k >= 0; k--) {
        double v = M[k][3];
        for (int j = k + 1; j < 3; j++) v -= M[k][j] * x[j];
        x[k] = v / M[k][k];
    }
    if (!isfinite(x[0]) || !isfinite(x[1]) || !isfinite(x[2])) return sc_fail(SC_ERR_OVERFLOW, "P");
    P[0] = x[0];
    P[1] = x[1];
    P[2] = x[2];
    return SC_OK;
}

int sc_flat_linear_exp(double a, double b, double c, double d, double t, double *out)
{
    const double A[4] = {a, b, c, d};
    return sc_linear_exp(A, t, out);
}

int sc_flat_linear_solution(double a, double b, double c, double d, double x0, double y0, const double *t, int n,
                            double *out, int nout)
{
    const double A[4] = {a, b, c, d}, x[2] = {x0, y0};
    if (n >= 1 && nout != 2 * n) return sc_fail(SC_ERR_SIZE, "out");
    return sc_linear_solution(A, x, t, n, out);
}

int sc_flat_lyapunov_linear(double a, double b, double c, double d, double q11, double q12, double q22, double *out)
{
    const double A[4] = {a, b, c, d}, Q[3] = {q11, q12, q22};
    return sc_lyapunov_linear(A, Q, out);
}
