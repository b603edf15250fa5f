/* Three-dimensional linear systems x' = A x (lecture 7's "higher-dimensional
 * systems": sinks, sources and hyperbolic saddles): the eigenvalues from the
 * characteristic polynomial, real eigenvectors, the type, and e^{At} by
 * scaling and squaring. Mathematics: docs/ode.md ("Three dimensions"). */
#include <math.h>
#include <string.h>
#include "phase_internal.h"

static int finite9(const double *A)
{
    for (int k = 0; k < 9; k++)
        if (!isfinite(A[k])) return 0;
    return 1;
}

/* Real roots of l^3 + b l^2 + c l + d (monic): one real root at least;
 * Newton-polished, then the quadratic left after deflation. re/im out. */
static void cubic_roots(double b, double c, double d, double re[3], double im[3])
{
    /* Depressed cubic t^3 + p t + q, l = t - b/3. */
    const double p = c - b * b / 3, q = 2 * b * b * b / 27 - b * c / 3 + d;
    const double disc = q * q / 4 + p * p * p / 27;
    double t;
    if (disc > 0) {
        const double s = sqrt(disc);
        t = cbrt(-q / 2 + s) + cbrt(-q / 2 - s);
    } else if (p < 0) {
        /* Three real roots: the trigonometric form; take the largest. */
        const double r = sqrt(-p / 3), arg = fmax(-1.0, fmin(1.0, 3 * q / (2 * p * r)));
        t = 2 * r * cos(acos(arg) / 3);
    } else {
        t = cbrt(-q);
    }
    double l = t - b / 3;
    /* Newton on the original polynomial (a few steps repair Cardano's cancellation). */
    for (int it = 0; it < 8; it++) {
        const double f = ((l + b) * l + c) * l + d, df = (3 * l + 2 * b) * l + c;
        if (df == 0) break;
        const double step = f / df;
        l -= step;
        if (fabs(step) <= 1e-16 * fmax(1.0, fabs(l))) break;
    }
    /* Deflate: l^2 + (b + l) l' + (c + (b + l) l) = 0 for the other two. */
    const double b2 = b + l, c2 = c + b2 * l;
    const double h = -b2 / 2, dq = h * h - c2;
    re[0] = l, im[0] = 0;
    if (dq >= 0) {
        const double s = sqrt(dq);
        /* Stable quadratic formula: the larger root first, the other from the product. */
        const double r1 = h + copysign(s, h);
        re[1] = r1, re[2] = r1 != 0 ? c2 / r1 : 0;
        im[1] = im[2] = 0;
    } else {
        re[1] = re[2] = h;
        im[1] = sqrt(-dq), im[2] = -im[1];
    }
}

/* A unit null vector of A - l I (real l): the largest cross product of two rows. */
static void real_eigvec(const double *A, double l, double v[3])
{
    const double M[3][3] = {{A[0] - l, A[1], A[2]}, {A[3], A[4] - l, A[5]}, {A[6], A[7], A[8] - l}};
    double best = -1, rowmax = 0;
    int big = 0;
    v[0] = 1, v[1] = 0, v[2] = 0;
    for (int i = 0; i < 3; i++) {
        const double n = sqrt(M[i][0] * M[i][0] + M[i][1] * M[i][1] + M[i][2] * M[i][2]);
        if (n > rowmax) rowmax = n, big = i;
    }
    for (int i = 0; i < 3; i++) {
        const double *r = M[i], *s = M[(i + 1) % 3];
        const double c[3] = {r[1] * s[2] - r[2] * s[1], r[2] * s[0] - r[0] * s[2], r[0] * s[1] - r[1] * s[0]};
        const double n = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        if (n > best) {
            best = n;
            if (n > 0) v[0] = c[0] / n, v[1] = c[1] / n, v[2] = c[2] / n;
        }
    }
    /* Rows all parallel (a repeated eigenvalue with a 2-D eigenspace): any
     * vector orthogonal to the largest row; none at all (A = l I): e1. */
    if (rowmax > 0 && best <= 1e-12 * rowmax * rowmax) {
        const double *r = M[big];
        const int axis = fabs(r[0]) <= fabs(r[1]) && fabs(r[0]) <= fabs(r[2]) ? 0 : fabs(r[1]) <= fabs(r[2]) ? 1
                                                                                                             : 2;
        const double e[3] = {axis == 0, axis == 1, axis == 2};
        const double c[3] = {r[1] * e[2] - r[2] * e[1], r[2] * e[0] - r[0] * e[2], r[0] * e[1] - r[1] * e[0]};
        const double n = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        v[0] = c[0] / n, v[1] = c[1] / n, v[2] = c[2] / n;
    }
}

sc_status sc_classify_linear3(const double *A, sc_linear3_class *out)
{
    if (!A || !out) return sc_fail(SC_ERR_NULL, A ? "out" : "A");
    if (!finite9(A)) return sc_fail(SC_ERR_NONFINITE, "A");
    double s = 0;
    for (int k = 0; k < 9; k++) s = fmax(s, fabs(A[k]));
    if (s > 1e100) return sc_fail(SC_ERR_RANGE, "A");
    memset(out, 0, sizeof *out);
    const double tr = A[0] + A[4] + A[8];
    const double m2 = (A[0] * A[4] - A[1] * A[3]) + (A[0] * A[8] - A[2] * A[6]) + (A[4] * A[8] - A[5] * A[7]);
    const double det = A[0] * (A[4] * A[8] - A[5] * A[7]) - A[1] * (A[3] * A[8] - A[5] * A[6]) +
                       A[2] * (A[3] * A[7] - A[4] * A[6]);
    out->trace = tr, out->minors = m2, out->det = det;
    double re[3], im[3];
    cubic_roots(-tr, m2, -det, re, im);
    /* Sort by real part, largest first (a complex pair stays together, +im first). */
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (re[j] > re[i] || (re[j] == re[i] && im[j] > im[i])) {
                double t = re[i];
                re[i] = re[j], re[j] = t;
                t = im[i];
                im[i] = im[j], im[j] = t;
            }
    const double tol = 1e-9 * (s > 0 ? s : 1);
    int unstable = 0, stable = 0, complex = 0;
    for (int k = 0; k < 3; k++) {
        out->re[k] = re[k], out->im[k] = fabs(im[k]) <= tol ? 0 : im[k];
        if (out->im[k] != 0) complex = 1;
        if (re[k] > tol)
            unstable++;
        else if (re[k] < -tol)
            stable++;
        out->real_vector[k] = out->im[k] == 0;
        if (out->real_vector[k]) real_eigvec(A, re[k], out->v[k]);
    }
    out->unstable_dim = unstable;
    if (stable + unstable < 3)
        out->type = SC_EQ3_NON_HYPERBOLIC;
    else if (unstable == 0)
        out->type = complex ? SC_EQ3_SPIRAL_SINK : SC_EQ3_SINK;
    else if (stable == 0)
        out->type = complex ? SC_EQ3_SPIRAL_SOURCE : SC_EQ3_SOURCE;
    else
        out->type = complex ? SC_EQ3_SPIRAL_SADDLE : SC_EQ3_SADDLE;
    return SC_OK;
}

static void mul3(const double *X, const double *Y, double *Z)
{
    double R[9];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) R[3 * i + j] = X[3 * i] * Y[j] + X[3 * i + 1] * Y[3 + j] + X[3 * i + 2] * Y[6 + j];
    memcpy(Z, R, sizeof R);
}

/* e^{At}: (At / 2^k) of norm below 1/2, its Taylor series to 20 terms
 * (truncation < 0.5^21 / 21! relative), squared k times. */
sc_status sc_linear3_exp(const double *A, double t, double *out)
{
    if (!A || !out) return sc_fail(SC_ERR_NULL, A ? "out" : "A");
    if (!finite9(A)) return sc_fail(SC_ERR_NONFINITE, "A");
    if (!isfinite(t)) return sc_fail(SC_ERR_NONFINITE, "t");
    double M[9], norm = 0;
    for (int k = 0; k < 9; k++) M[k] = A[k] * t, norm = fmax(norm, fabs(M[k]));
    norm *= 3; /* the infinity norm is at most 3 max |m_ij| */
    int sq = 0;
    while (norm > 0.5 && sq < 2000) norm /= 2, sq++;
    for (int k = 0; k < 9; k++) M[k] = ldexp(M[k], -sq);
    double S[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, T[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    for (int n = 1; n <= 20; n++) {
        mul3(T, M, T);
        for (int k = 0; k < 9; k++) T[k] /= n, S[k] += T[k];
    }
    for (int i = 0; i < sq; i++) {
        mul3(S, S, S);
        if (!finite9(S)) return sc_fail(SC_ERR_OVERFLOW, "t");
    }
    for (int k = 0; k < 9; k++) out[k] = S[k] + 0.0;
    return SC_OK;
}

sc_status sc_linear3_solution(const double *A, const double *x0, const double *t, int n, double *out)
{
    if (!A || !x0 || !t || !out) return sc_fail(SC_ERR_NULL, !A ? "A" : !x0 ? "x0"
                                                                    : !t    ? "t"
                                                                            : "out");
    if (n < 1 || n > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "n");
    for (int k = 0; k < 3; k++)
        if (!isfinite(x0[k])) return sc_fail(SC_ERR_NONFINITE, "x0");
    for (int i = 0; i < n; i++) {
        double E[9] = {0};
        const sc_status st = sc_linear3_exp(A, t[i], E);
        if (st != SC_OK) return st;
        for (int r = 0; r < 3; r++) {
            const double v = E[3 * r] * x0[0] + E[3 * r + 1] * x0[1] + E[3 * r + 2] * x0[2];
            if (!isfinite(v)) return sc_fail(SC_ERR_OVERFLOW, "t");
            out[3 * i + r] = v;
        }
    }
    return SC_OK;
}

int sc_flat_classify_linear3(const double *A, int nA, double *out, int nout)
{
    if (nA != 9) return sc_fail(SC_ERR_SIZE, "A");
    if (nout != SC_FLAT_CLASS3_SIZE) return sc_fail(SC_ERR_SIZE, "out");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    sc_linear3_class c = {0};
    const sc_status st = sc_classify_linear3(A, &c);
    if (st != SC_OK) return st;
    out[SC_FLAT_CLASS3_TYPE] = c.type;
    out[SC_FLAT_CLASS3_UNSTABLE_DIM] = c.unstable_dim;
    out[SC_FLAT_CLASS3_TRACE] = c.trace;
    out[SC_FLAT_CLASS3_MINORS] = c.minors;
    out[SC_FLAT_CLASS3_DET] = c.det;
    for (int k = 0; k < 3; k++) {
        out[SC_FLAT_CLASS3_EIGENVALUES + 2 * k] = c.re[k];
        out[SC_FLAT_CLASS3_EIGENVALUES + 2 * k + 1] = c.im[k];
        out[SC_FLAT_CLASS3_REAL + k] = c.real_vector[k];
        for (int j = 0; j < 3; j++) out[SC_FLAT_CLASS3_VECTORS + 3 * k + j] = c.v[k][j];
    }
    return SC_OK;
}

int sc_flat_linear3_solution(const double *A, int nA, const double *x0, int nx0, const double *t, int n, double *out,
                             int nout)
{
    if (nA != 9) return sc_fail(SC_ERR_SIZE, "A");
    if (nx0 != 3) return sc_fail(SC_ERR_SIZE, "x0");
    if (n >= 1 && nout != 3 * n) return sc_fail(SC_ERR_SIZE, "out");
    return sc_linear3_solution(A, x0, t, n, out);
}
