/* Learning rules. Each writes W (n x stride, zero on entry) exactly
 * symmetric, by computing the upper triangle and mirroring it, with a zero
 * diagonal. Formulas and references: docs/hopfield.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "hopfield_internal.h"

static void mirror_upper(int n, int stride, float *w)
{
    for (int i = 0; i < n; i++) {
        w[(size_t)i * stride + i] = 0.0f;
        for (int j = i + 1; j < n; j++) w[(size_t)j * stride + i] = w[(size_t)i * stride + j];
    }
}

/* Hebb: w_ij = (1/n) sum_mu xi_i xi_j. The sums are integers, exact in
 * float (|k| <= 1024 < 2^24), so one correctly rounded division per weight
 * gives the same value as any exact evaluation. */
sc_status sc_hop_hebb(const int8_t *patterns, int count, int n, int stride, float *w,
                      int16_t *q, int8_t *q8)
{
    float *x = malloc((size_t)n * sizeof(float));
    if (!x) return sc_fail(SC_ERR_NOMEM, "patterns");
    for (int mu = 0; mu < count; mu++) {
        const int8_t *p = patterns + (size_t)mu * n;
        for (int j = 0; j < n; j++) x[j] = p[j];
        for (int i = 0; i < n; i++) {
            float *row = w + (size_t)i * stride;
            const float xi = x[i];
            for (int j = i + 1; j < n; j++) row[j] += xi * x[j];
        }
    }
    free(x);
    const float fn = (float)n;
    for (int i = 0; i < n; i++) {
        float *row = w + (size_t)i * stride;
        for (int j = i + 1; j < n; j++) {
            if (q) q[(size_t)i * stride + j] = q[(size_t)j * stride + i] = (int16_t)row[j];
            if (q8) q8[(size_t)i * stride + j] = q8[(size_t)j * stride + i] = (int8_t)row[j];
            row[j] /= fn;
        }
    }
    mirror_upper(n, stride, w);
    return SC_OK;
}

/* Storkey (1997), one pattern at a time:
 *   w_ij += (1/n) (xi_i xi_j - xi_i h_ji - h_ij xi_j),  h_ij = sum_{k != i,j} w_ik xi_k.
 * With w_ii = 0, h_ij = h_i - w_ij xi_j where h_i = sum_k w_ik xi_k, so
 *   w_ij += (1/n) (xi_i xi_j - xi_i h_j - h_i xi_j + 2 w_ij),
 * symmetric in i and j; h_i comes from the local-field kernel. The diagonal
 * is kept at zero (the convention of this engine, not of Storkey's paper). */
sc_status sc_hop_storkey(const int8_t *patterns, int count, int n, int stride,
                         const sc_gemv_fixed_variant *k, float *w)
{
    float *x = calloc(2 * (size_t)stride, sizeof(float));
    if (!x) return sc_fail(SC_ERR_NOMEM, "patterns");
    float *h = x + stride;
    const double inv_n = 1.0 / n;
    for (int mu = 0; mu < count; mu++) {
        const int8_t *p = patterns + (size_t)mu * n;
        for (int j = 0; j < n; j++) x[j] = p[j];
        k->fields(w, x, n, stride, h);
        for (int i = 0; i < n; i++) {
            float *row = w + (size_t)i * stride;
            const double xi = x[i], hi = h[i];
            for (int j = i + 1; j < n; j++) {
                const double wij = row[j];
                row[j] = (float)(wij + inv_n * (xi * x[j] - xi * h[j] - hi * x[j] + 2.0 * wij));
            }
        }
        mirror_upper(n, stride, w);
    }
    free(x);
    return SC_OK;
}

/* Pseudo-inverse (projection) rule, Personnaz et al. 1985:
 *   W = (1/n) Xi C^-1 Xi^T,  C_mu,nu = (1/n) sum_i xi^mu_i xi^nu_i,
 * which is the orthogonal projection onto the span of the patterns. It is
 * computed as sum_k q_k q_k^T over an orthonormal basis from modified
 * Gram-Schmidt (two passes, double), which needs no inverse and also handles
 * linearly dependent patterns (the Moore-Penrose pseudo-inverse). The
 * diagonal is then set to zero: pattern mu's field becomes (1 - P_ii) xi_i,
 * with P_ii < 1 while the patterns do not span a unit vector, so every
 * pattern stays a fixed point. */
sc_status sc_hop_pseudoinverse(const int8_t *patterns, int count, int n, int stride,
                               float *w)
{
    double *q = malloc((size_t)count * n * sizeof(double));  /* basis, row per vector */
    double *qt = malloc((size_t)count * n * sizeof(double)); /* transposed: n x rank */
    if (!q || !qt) {
        free(q);
        free(qt);
        return sc_fail(SC_ERR_NOMEM, "patterns");
    }
    int rank = 0;
    for (int mu = 0; mu < count; mu++) {
        double *v = q + (size_t)rank * n;
        for (int i = 0; i < n; i++) v[i] = patterns[(size_t)mu * n + i];
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < rank; k++) {
                const double *b = q + (size_t)k * n;
                double d = 0.0;
                for (int i = 0; i < n; i++) d += b[i] * v[i];
                for (int i = 0; i < n; i++) v[i] -= d * b[i];
            }
        }
        double norm = 0.0;
        for (int i = 0; i < n; i++) norm += v[i] * v[i];
        norm = sqrt(norm);
        /* |xi| = sqrt(n); after two passes a dependent pattern leaves a
         * residual of order 1e-15 sqrt(n): 1e-9 separates the two cases. */
        if (norm <= 1e-9 * sqrt((double)n)) continue;
        for (int i = 0; i < n; i++) v[i] /= norm;
        rank++;
    }
    for (int k = 0; k < rank; k++)
        for (int i = 0; i < n; i++) qt[(size_t)i * rank + k] = q[(size_t)k * n + i];
    for (int i = 0; i < n; i++) {
        const double *a = qt + (size_t)i * rank;
        float *row = w + (size_t)i * stride;
        for (int j = i + 1; j < n; j++) {
            const double *b = qt + (size_t)j * rank;
            double d = 0.0;
            for (int k = 0; k < rank; k++) d += a[k] * b[k];
            row[j] = (float)d;
        }
    }
    mirror_upper(n, stride, w);
    free(q);
    free(qt);
    return SC_OK;
}
