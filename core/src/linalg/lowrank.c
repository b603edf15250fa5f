/* Low-rank truncated SVD by pivoted Gram-Schmidt (QRCP, Businger & Golub
 * 1965) followed by the SVD of the r x n factor. Gram-Schmidt is repeated
 * ("twice is enough", Giraud et al. 2005) so Q stays orthonormal. */
#include <math.h>
#include <stdlib.h>
#include "svd.h"

static double dot(const double *a, const double *b, int m)
{
    double acc = 0.0;
    for (int i = 0; i < m; i++) acc += a[i] * b[i];
    return acc;
}

int sc_svd_lowrank(const double *a, int m, int n, int rmax, double floor_rel,
                   double *u, double *s, double *v, int *rank, double *resid2)
{
    if (m < 1 || n < 1) return -1; /* the contract; also tells the analyser */
    const int kmax = rmax < (m < n ? m : n) ? rmax : (m < n ? m : n);
    /* b: residual columns (column-major m x n), q: kept directions (m x kmax),
     * rr: Q^T A (kmax x n row-major), ur: its left singular vectors. */
    double *b = malloc(sizeof(double) * ((size_t)m * n + (size_t)m * kmax + (size_t)kmax * n +
                                         (size_t)kmax * kmax + 1));
    if (!b) return -1;
    double *q = b + (size_t)m * n, *rr = q + (size_t)m * kmax, *ur = rr + (size_t)kmax * n;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) b[(size_t)j * m + i] = a[(size_t)i * n + j];
    const double total2 = dot(b, b, m * n);
    int r = 0;
    double res2;
    for (;;) {
        /* Residual energy, summed afresh each step (no cancellation). */
        int piv = 0;
        double best = -1.0;
        res2 = 0.0;
        for (int j = 0; j < n; j++) {
            const double c2 = dot(b + (size_t)j * m, b + (size_t)j * m, m);
            res2 += c2;
            if (c2 > best) {
                best = c2;
                piv = j;
            }
        }
        if (res2 <= floor_rel * floor_rel * total2 || r == kmax) break;
        double *qr = q + (size_t)r * m;
        const double *bp = b + (size_t)piv * m;
        for (int i = 0; i < m; i++) qr[i] = bp[i];
        for (int pass = 0; pass < 2; pass++)
            for (int t = 0; t < r; t++) {
                const double d = dot(q + (size_t)t * m, qr, m);
                for (int i = 0; i < m; i++) qr[i] -= d * q[(size_t)t * m + i];
            }
        const double nq = sqrt(dot(qr, qr, m));
        for (int i = 0; i < m; i++) qr[i] /= nq;
        for (int j = 0; j < n; j++) {
            double *bj = b + (size_t)j * m;
            const double d = dot(qr, bj, m);
            for (int i = 0; i < m; i++) bj[i] -= d * qr[i];
        }
        r++;
    }
    *rank = r;
    *resid2 = res2;
    if (r > 0) {
        /* R = Q^T A from the original columns, then R = Ur diag(s) V^T. */
        for (int t = 0; t < r; t++)
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int i = 0; i < m; i++) acc += q[(size_t)t * m + i] * a[(size_t)i * n + j];
                rr[(size_t)t * n + j] = acc;
            }
        if (sc_svd(rr, r, n, ur, s, v) != 0) {
            free(b);
            return -1;
        }
        /* U = Q Ur (m x r). */
        for (int i = 0; i < m; i++)
            for (int c = 0; c < r; c++) {
                double acc = 0.0;
                for (int t = 0; t < r; t++) acc += q[(size_t)t * m + i] * ur[(size_t)t * r + c];
                u[(size_t)i * r + c] = acc;
            }
    }
    free(b);
    return 0;
}
