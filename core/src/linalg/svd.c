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

/* Matrices here are column-major (column j of an m-row matrix is
 * w + j * m), so the dot products and rotations run over contiguous memory. */
static double dot(const double *a, const double *b, int m)
{
    double acc = 0.0;
    for (int i = 0; i < m; i++) acc += a[i] * b[i];
    return acc;
}

static void rotate(double *a, double *b, int m, double c, double s)
{
    for (int i = 0; i < m; i++) {
        const double x = a[i], y = b[i];
        a[i] = c * x - s * y;
        b[i] = s * x + c * y;
    }
}

/* Make column j of the m x n column-major q orthonormal to the good columns
 * when it has no usable direction of its own: try unit vectors e_0, e_1, ...
 * and keep the first whose remainder after Gram-Schmidt (twice, for
 * stability) keeps at least half its length. */
static void complete_column(double *q, int m, int n, int j, const int *good)
{
    double *qj = q + (size_t)j * m;
    for (int e = 0; e < m; e++) {
        for (int i = 0; i < m; i++) qj[i] = i == e ? 1.0 : 0.0;
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < n; k++) {
                if (k == j || !good[k]) continue;
                const double *qk = q + (size_t)k * m;
                const double d = dot(qk, qj, m);
                for (int i = 0; i < m; i++) qj[i] -= d * qk[i];
            }
        const double norm = sqrt(dot(qj, qj, m));
        if (norm > 0.5) {
            for (int i = 0; i < m; i++) qj[i] /= norm;
            return;
        }
    }
}

/* SVD for m >= n: w (m x n, column-major) is a copy of A, overwritten by U;
 * v (n x n, column-major) receives V; s the (unsorted) singular values. */
static void jacobi_tall(double *w, int m, int n, double *v, double *s, int *good)
{
    for (size_t i = 0; i < (size_t)n * n; i++) v[i] = 0.0;
    for (int j = 0; j < n; j++) v[(size_t)j * n + j] = 1.0;
    /* A column shorter than `tiny` is rounding noise, not a direction: it is
     * zeroed and never rotated (noise columns would otherwise keep rotating
     * among themselves, down into slow subnormals, on rank-deficient input)
     * and replaced at the end. That changes A by at most sqrt(n) * tiny. */
    const double tiny = sqrt(dot(w, w, m * n)) * DBL_EPSILON * (m > n ? m : n), tiny2 = tiny * tiny;
    /* Pair tolerance as in LAPACK's dgesvj: sqrt(m) eps, relative. */
    const double orth_tol = sqrt((double)m) * DBL_EPSILON;
    for (int j = 0; j < n; j++) good[j] = 1;
    for (int sweep = 0; sweep < SVD_MAX_SWEEPS; sweep++) {
        int rotated = 0;
        for (int p = 0; p < n - 1; p++) {
            double *wp = w + (size_t)p * m;
            for (int q = p + 1; q < n && good[p]; q++) {
                double *wq = w + (size_t)q * m;
                if (!good[q]) continue;
                const double alpha = dot(wp, wp, m), beta = dot(wq, wq, m);
                if (alpha <= tiny2 || beta <= tiny2) {
                    const int z = alpha <= tiny2 ? p : q;
                    for (int i = 0; i < m; i++) w[(size_t)z * m + i] = 0.0;
                    good[z] = 0;
                    continue;
                }
                const double gamma = dot(wp, wq, m);
                /* Converged pair: columns orthogonal to working precision. */
                if (fabs(gamma) <= orth_tol * sqrt(alpha * beta)) continue;
                rotated = 1;
                /* The rotation that zeroes the (p,q) entry of W^T W. */
                const double zeta = (beta - alpha) / (2.0 * gamma);
                const double t = (zeta >= 0.0 ? 1.0 : -1.0) / (fabs(zeta) + sqrt(1.0 + zeta * zeta));
                const double c = 1.0 / sqrt(1.0 + t * t), sn = c * t;
                rotate(wp, wq, m, c, sn);
                rotate(v + (size_t)p * n, v + (size_t)q * n, n, c, sn);
            }
        }
        if (!rotated) break;
    }
    for (int j = 0; j < n; j++) {
        double *wj = w + (size_t)j * m;
        s[j] = good[j] ? sqrt(dot(wj, wj, m)) : 0.0;
        good[j] = s[j] > tiny;
        if (good[j])
            for (int i = 0; i < m; i++) wj[i] /= s[j];
        else
            s[j] = 0.0;
    }
    for (int j = 0; j < n; j++)
        if (!good[j]) {
            complete_column(w, m, n, j, good);
            good[j] = 1;
        }
}

int sc_svd(const double *a, int m, int n, double *u, double *s, double *v)
{
    if (m < 1 || n < 1) return -1; /* the contract; also tells the analyser */
    /* Work on the tall orientation: A^T = V S U^T when m < n. */
    const int tall = m >= n;
    const int rows = tall ? m : n, p = tall ? n : m;
    double *w = malloc(sizeof(double) * ((size_t)rows * p + (size_t)p * p + p));
    int *good = malloc(sizeof(int) * (size_t)p);
    int *order = malloc(sizeof(int) * (size_t)p);
    if (!w || !good || !order) {
        free(w);
        free(good);
        free(order);
        return -1;
    }
    double *vv = w + (size_t)rows * p, *ss = vv + (size_t)p * p;
    /* Column-major tall copy: W(i, j) = w[j * rows + i] = A(i, j) or A(j, i). */
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) {
            if (tall)
                w[(size_t)j * m + i] = a[(size_t)i * n + j];
            else
                w[(size_t)i * n + j] = a[(size_t)i * n + j];
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
        for (int i = 0; i < rows; i++) left[(size_t)i * p + r] = w[(size_t)j * rows + i];
        for (int i = 0; i < p; i++) right[(size_t)i * p + r] = vv[(size_t)j * p + i];
    }
    free(w);
    free(good);
    free(order);
    return 0;
}
