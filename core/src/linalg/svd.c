/* One-sided Jacobi SVD (Hestenes 1958; Demmel & Veselic 1992): rotate pairs
 * of columns of W = A V until all are mutually orthogonal; then the column
 * norms are the singular values and the normalised columns are U. Accurate in
 * double (each rotation is orthogonal), and short enough to check by eye. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "svd.h"

#define SVD_MAX_SWEEPS 60

/* Columns of the row-major m x n matrix w are w[i * n + j]. */
static double col_dot(const double *w, int m, int n, int p, int q)
{
    double acc = 0.0;
    for (int i = 0; i < m; i++) acc += w[(size_t)i * n + p] * w[(size_t)i * n + q];
    return acc;
}

static void rotate(double *w, int m, int n, int p, int q, double c, double s)
{
    for (int i = 0; i < m; i++) {
        double *row = w + (size_t)i * n;
        const double wp = row[p], wq = row[q];
        row[p] = c * wp - s * wq;
        row[q] = s * wp + c * wq;
    }
}

/* Make column j of the m x n matrix q orthonormal to columns [0, j) when it
 * has no usable direction of its own: try unit vectors e_0, e_1, ... and keep
 * the first whose remainder after Gram-Schmidt (twice, for stability) is big. */
static void complete_column(double *q, int m, int n, int j, const int *good)
{
    for (int e = 0; e < m; e++) {
        for (int i = 0; i < m; i++) q[(size_t)i * n + j] = i == e ? 1.0 : 0.0;
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < n; k++) {
                if (k == j || !good[k]) continue;
                const double d = col_dot(q, m, n, k, j);
                for (int i = 0; i < m; i++) q[(size_t)i * n + j] -= d * q[(size_t)i * n + k];
            }
        const double norm = sqrt(col_dot(q, m, n, j, j));
        if (norm > 0.5) { /* e kept at least a quarter of its length: safe */
            for (int i = 0; i < m; i++) q[(size_t)i * n + j] /= norm;
            return;
        }
    }
}

/* SVD for m >= n: w (m x n) is a copy of A, overwritten; v is n x n. */
static void jacobi_tall(double *w, int m, int n, double *v, double *s, int *good)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) v[(size_t)i * n + j] = i == j ? 1.0 : 0.0;
    for (int sweep = 0; sweep < SVD_MAX_SWEEPS; sweep++) {
        int rotated = 0;
        for (int p = 0; p < n - 1; p++)
            for (int q = p + 1; q < n; q++) {
                const double alpha = col_dot(w, m, n, p, p);
                const double beta = col_dot(w, m, n, q, q);
                const double gamma = col_dot(w, m, n, p, q);
                /* Converged pair: columns orthogonal to working precision. */
                if (gamma == 0.0 || fabs(gamma) <= DBL_EPSILON * sqrt(alpha * beta)) continue;
                rotated = 1;
                /* The rotation that zeroes the (p,q) entry of W^T W. */
                const double zeta = (beta - alpha) / (2.0 * gamma);
                const double t = (zeta >= 0.0 ? 1.0 : -1.0) / (fabs(zeta) + sqrt(1.0 + zeta * zeta));
                const double c = 1.0 / sqrt(1.0 + t * t), sn = c * t;
                rotate(w, m, n, p, q, c, sn);
                rotate(v, n, n, p, q, c, sn);
            }
        if (!rotated) break;
    }
    double smax = 0.0;
    for (int j = 0; j < n; j++) {
        s[j] = sqrt(col_dot(w, m, n, j, j));
        if (s[j] > smax) smax = s[j];
    }
    /* Below this a column of W is rounding noise, not a direction. */
    const double tiny = smax * DBL_EPSILON * (m > n ? m : n);
    for (int j = 0; j < n; j++) {
        good[j] = s[j] > tiny && s[j] > 0.0;
        if (good[j])
            for (int i = 0; i < m; i++) w[(size_t)i * n + j] /= s[j];
    }
    for (int j = 0; j < n; j++)
        if (!good[j]) {
            complete_column(w, m, n, j, good);
            good[j] = 1;
        }
}

int sc_svd(const double *a, int m, int n, double *u, double *s, double *v)
{
    /* Work on the tall orientation: A^T = V S U^T when m < n. */
    const int tall = m >= n;
    const int rows = tall ? m : n, p = tall ? n : m;
    double *w = malloc(sizeof(double) * ((size_t)rows * p + (size_t)p * p + p));
    int *good = malloc(sizeof(int) * (size_t)p);
    int *order = malloc(sizeof(int) * (size_t)p);
    if (!w || !good || !order) {
        free(w); free(good); free(order);
        return -1;
    }
    double *vv = w + (size_t)rows * p, *ss = vv + (size_t)p * p;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) {
            if (tall) w[(size_t)i * n + j] = a[(size_t)i * n + j];
            else w[(size_t)j * m + i] = a[(size_t)i * n + j];
        }
    jacobi_tall(w, rows, p, vv, ss, good);

    /* Descending order (insertion sort: p is small and mostly sorted). */
    for (int j = 0; j < p; j++) {
        int k = j;
        while (k > 0 && ss[order[k - 1]] < ss[j]) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = j;
    }
    double *left = tall ? u : v, *right = tall ? v : u;
    for (int r = 0; r < p; r++) {
        const int j = order[r];
        s[r] = ss[j];
        for (int i = 0; i < rows; i++) left[(size_t)i * p + r] = w[(size_t)i * p + j];
        for (int i = 0; i < p; i++) right[(size_t)i * p + r] = vv[(size_t)i * p + j];
    }
    free(w); free(good); free(order);
    return 0;
}
