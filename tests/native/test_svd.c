/* One-sided Jacobi SVD against matrices with known decompositions: outer
 * products, diagonals, Q1 diag(sigma) Q2^T built from exact Householder
 * reflections, rank-deficient and zero matrices; plus reconstruction and
 * orthogonality on random matrices of every shape class. */
#include <string.h>
#include "check.h"
#include "linalg/svd.h"

/* Double precision, matrices up to 40x40 with entries O(1): a backward
 * stable SVD reconstructs to ~p * eps * ||A||; 1e-12 leaves a wide margin
 * while still catching any real error (a wrong sign or swapped column is O(1)). */
#define SVD_TOL 1e-12

static double frob(const double *a, size_t n)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) acc += a[i] * a[i];
    return sqrt(acc);
}

/* max |A - U S V^T| / ||A||_F (or absolute if A = 0). */
static double recon_err(const double *a, int m, int n, const double *u, const double *s, const double *v)
{
    const int p = m < n ? m : n;
    double worst = 0.0, scale = frob(a, (size_t)m * n);
    if (scale == 0.0) scale = 1.0;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) {
            double acc = 0.0;
            for (int r = 0; r < p; r++) acc += u[i * p + r] * s[r] * v[j * p + r];
            const double e = fabs(acc - a[i * n + j]) / scale;
            if (e > worst) worst = e;
        }
    return worst;
}

/* max |Q^T Q - I| for the rows x p matrix q. */
static double orth_err(const double *q, int rows, int p)
{
    double worst = 0.0;
    for (int a = 0; a < p; a++)
        for (int b = 0; b < p; b++) {
            double acc = 0.0;
            for (int i = 0; i < rows; i++) acc += q[i * p + a] * q[i * p + b];
            const double e = fabs(acc - (a == b ? 1.0 : 0.0));
            if (e > worst) worst = e;
        }
    return worst;
}

/* Runs the SVD and checks the properties every result must have. */
static void svd_checked(const char *what, const double *a, int m, int n, double *s)
{
    const int p = m < n ? m : n;
    double *u = malloc(sizeof(double) * m * p), *v = malloc(sizeof(double) * n * p);
    CHECK(sc_svd(a, m, n, u, s, v) == 0, "%s: status", what);
    const double re = recon_err(a, m, n, u, s, v), ou = orth_err(u, m, p), ov = orth_err(v, n, p);
    CHECK(re <= SVD_TOL, "%s %dx%d: reconstruction %g", what, m, n, re);
    CHECK(ou <= SVD_TOL, "%s %dx%d: U^T U - I %g", what, m, n, ou);
    CHECK(ov <= SVD_TOL, "%s %dx%d: V^T V - I %g", what, m, n, ov);
    for (int r = 0; r < p; r++) CHECK(s[r] >= 0.0, "%s: s[%d] = %g < 0", what, r, s[r]);
    for (int r = 1; r < p; r++) CHECK(s[r] <= s[r - 1], "%s: s not descending at %d", what, r);
    free(u);
    free(v);
}

static void test_outer_product(void)
{
    /* x y^T has the single singular value |x| |y|. */
    const double x[5] = {1, -2, 3, 0.5, 2}, y[3] = {2, 1, -2};
    double a[15], at[15], s[3];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 3; j++) a[i * 3 + j] = at[j * 5 + i] = x[i] * y[j];
    const double expect = sqrt(1 + 4 + 9 + 0.25 + 4) * 3.0;
    svd_checked("outer 5x3", a, 5, 3, s);
    CHECK(fabs(s[0] - expect) <= SVD_TOL * expect, "s0 %.17g vs %.17g", s[0], expect);
    CHECK(s[1] <= SVD_TOL * expect && s[2] <= SVD_TOL * expect, "rank 1: s1 %g s2 %g", s[1], s[2]);
    svd_checked("outer 3x5", at, 3, 5, s);
    CHECK(fabs(s[0] - expect) <= SVD_TOL * expect, "transposed s0 %.17g", s[0]);
}

static void test_diagonal(void)
{
    /* Singular values of a diagonal matrix are |d_i|, sorted. */
    double a[16] = {0}, s[4];
    const double d[4] = {3, -1, 2, 0};
    for (int i = 0; i < 4; i++) a[i * 4 + i] = d[i];
    svd_checked("diag", a, 4, 4, s);
    const double expect[4] = {3, 2, 1, 0};
    for (int i = 0; i < 4; i++) CHECK(fabs(s[i] - expect[i]) <= SVD_TOL, "diag s[%d] = %.17g", i, s[i]);
}

/* H = I - 2 w w^T / (w^T w): an exactly orthogonal (up to rounding) matrix. */
static void householder(const double *w, int n, double *h)
{
    double ww = 0.0;
    for (int i = 0; i < n; i++) ww += w[i] * w[i];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) h[i * n + j] = (i == j) - 2.0 * w[i] * w[j] / ww;
}

static void test_known_singular_values(void)
{
    /* A = H1[:, :p] diag(sigma) H2^T with Householder H1 (m x m), H2 (n x n). */
    enum { M = 9,
           N = 6 };
    const double sigma[N] = {10.0, 7.5, 3.0, 1.0, 1e-3, 1e-9};
    uint32_t seed = 7;
    double w1[M], w2[N], h1[M * M], h2[N * N], a[M * N], s[N];
    for (int i = 0; i < M; i++) w1[i] = check_rand_f(&seed);
    for (int i = 0; i < N; i++) w2[i] = check_rand_f(&seed);
    householder(w1, M, h1);
    householder(w2, N, h2);
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            double acc = 0.0;
            for (int r = 0; r < N; r++) acc += h1[i * M + r] * sigma[r] * h2[j * N + r];
            a[i * N + j] = acc;
        }
    svd_checked("known 9x6", a, M, N, s);
    /* Jacobi is accurate to eps * ||A|| in absolute terms for each value. */
    for (int r = 0; r < N; r++)
        CHECK(fabs(s[r] - sigma[r]) <= SVD_TOL * sigma[0], "s[%d] = %.17g, expected %g", r, s[r], sigma[r]);
}

static void test_rank_deficient_and_zero(void)
{
    /* Sum of two outer products in 6x6: two nonzero values, four zeros, and
     * U, V still complete orthonormal bases. */
    uint32_t seed = 3;
    double x1[6], y1[6], x2[6], y2[6], a[36], s[6];
    for (int i = 0; i < 6; i++) {
        x1[i] = check_rand_f(&seed);
        y1[i] = check_rand_f(&seed);
        x2[i] = check_rand_f(&seed);
        y2[i] = check_rand_f(&seed);
    }
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++) a[i * 6 + j] = x1[i] * y1[j] + x2[i] * y2[j];
    svd_checked("rank 2", a, 6, 6, s);
    CHECK(s[1] > 1e-3 * s[0], "rank 2: s1 %g", s[1]);
    for (int r = 2; r < 6; r++) CHECK(s[r] <= SVD_TOL * s[0], "rank 2: s[%d] = %g", r, s[r]);

    double z[12] = {0}, sz[3];
    svd_checked("zero 4x3", z, 4, 3, sz);
    for (int r = 0; r < 3; r++) CHECK(sz[r] == 0.0, "zero: s[%d] = %g", r, sz[r]);
}

static void test_random_shapes(void)
{
    static const int shapes[][2] = {{1, 1}, {1, 7}, {7, 1}, {2, 2}, {5, 3}, {3, 5}, {15, 15}, {31, 17}, {17, 31}, {40, 40}};
    uint32_t seed = 2024;
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        const int m = shapes[c][0], n = shapes[c][1], p = m < n ? m : n;
        double *a = malloc(sizeof(double) * m * n), *s = malloc(sizeof(double) * p);
        for (int i = 0; i < m * n; i++) a[i] = check_rand_f(&seed);
        svd_checked("random", a, m, n, s);
        /* sum s^2 = ||A||_F^2 (orthogonal invariance). */
        double ss = 0.0;
        for (int r = 0; r < p; r++) ss += s[r] * s[r];
        const double f2 = frob(a, (size_t)m * n) * frob(a, (size_t)m * n);
        CHECK(fabs(ss - f2) <= SVD_TOL * f2, "%dx%d: sum s^2 %.17g vs %.17g", m, n, ss, f2);
        free(a);
        free(s);
    }
}

static void test_lowrank(void)
{
    /* Rank 3 (sum of outer products) 40x30: three terms, the same values as
     * the full SVD, orthonormal factors, residual ~0. */
    enum { M = 40,
           N = 30,
           R = 3 };
    uint32_t seed = 17;
    double x[R][M], y[R][N], a[M * N], u[M * 8], s[8], v[N * 8], uf[M * N], sf[N], vf[N * N], res2;
    int rank;
    for (int r = 0; r < R; r++) {
        for (int i = 0; i < M; i++) x[r][i] = check_rand_f(&seed);
        for (int j = 0; j < N; j++) y[r][j] = check_rand_f(&seed);
    }
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) a[i * N + j] = x[0][i] * y[0][j] + 0.5 * x[1][i] * y[1][j] + 0.01 * x[2][i] * y[2][j];
    CHECK(sc_svd_lowrank(a, M, N, 8, 1e-9, u, s, v, &rank, &res2) == 0, "lowrank status");
    CHECK(rank == R, "lowrank rank %d", rank);
    CHECK(sc_svd(a, M, N, uf, sf, vf) == 0, "full");
    for (int r = 0; r < R; r++) CHECK(fabs(s[r] - sf[r]) <= SVD_TOL * sf[0], "lowrank s[%d] %.17g vs %.17g", r, s[r], sf[r]);
    double worst = 0.0, f = frob(a, M * N);
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            double acc = 0.0;
            for (int r = 0; r < rank; r++) acc += u[i * rank + r] * s[r] * v[j * rank + r];
            if (fabs(acc - a[i * N + j]) > worst) worst = fabs(acc - a[i * N + j]);
        }
    CHECK(worst <= SVD_TOL * f, "lowrank reconstruction %g", worst);
    CHECK(orth_err(u, M, rank) <= SVD_TOL && orth_err(v, N, rank) <= SVD_TOL, "lowrank orthonormal");
    CHECK(res2 <= SVD_TOL * SVD_TOL * f * f, "lowrank residual %g", res2);
    /* Asking for a coarser floor drops the 0.01 term, and reports it as the
     * residual: ||A - A_2||^2 = s_2^2. */
    CHECK(sc_svd_lowrank(a, M, N, 8, 0.05 * sf[2] / f * 40, u, s, v, &rank, &res2) == 0, "coarse");
    CHECK(rank <= 2 && res2 >= sf[2] * sf[2] * 0.5, "coarse: rank %d residual %g vs s2^2 %g", rank, res2, sf[2] * sf[2]);
    /* Full-rank random: stops at rmax terms; the residual is what the
     * kept terms miss, at least the optimal sum_{r >= 8} s_r^2. */
    for (int i = 0; i < M * N; i++) a[i] = check_rand_f(&seed);
    CHECK(sc_svd(a, M, N, uf, sf, vf) == 0, "full");
    double opt = 0.0;
    for (int r = 8; r < N; r++) opt += sf[r] * sf[r];
    CHECK(sc_svd_lowrank(a, M, N, 8, 1e-6, u, s, v, &rank, &res2) == 0 && rank == 8, "random: rank %d", rank);
    CHECK(res2 >= opt * (1 - 1e-12) && res2 < frob(a, M * N) * frob(a, M * N), "random: residual %g, optimal %g", res2, opt);
    /* Zero matrix: no terms. */
    for (int i = 0; i < M * N; i++) a[i] = 0.0;
    CHECK(sc_svd_lowrank(a, M, N, 8, 1e-6, u, s, v, &rank, &res2) == 0 && rank == 0 && res2 == 0.0, "zero: rank %d", rank);
}

int main(void)
{
    CHECK_RUN(test_outer_product());
    CHECK_RUN(test_diagonal());
    CHECK_RUN(test_known_singular_values());
    CHECK_RUN(test_rank_deficient_and_zero());
    CHECK_RUN(test_random_shapes());
    CHECK_RUN(test_lowrank());
    return check_summary("test_svd");
}
