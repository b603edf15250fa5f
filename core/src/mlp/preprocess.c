/* Preprocessing fitted on the training set (lecture 3, "Data Preprocess"):
 * centring, decorrelation along the principal axes, variance equalisation;
 * together PCA whitening (mlp.h). Statistics and the transform in double. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "simcore/mlp.h"
#include "../base/internal.h"
#include "../linalg/svd.h"

#define PRE_TINY 1e-12 /* variances at most this fraction of the largest are not scaled up */

static sc_status check_common(const float *x, int count, int dim)
{
    if (dim < 1 || dim > SC_MLP_MAX_INPUTS) return sc_fail(SC_ERR_SIZE, "dim");
    if (count < 1 || count > SC_MLP_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "count");
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!sc_all_finite(x, (size_t)count * dim)) return sc_fail(SC_ERR_NONFINITE, "x");
    return SC_OK;
}

/* Rows of m along the eigenvectors of the covariance c (dim x dim,
 * symmetric), largest eigenvalue first, each with its largest-magnitude
 * component positive; with equalise scaled by 1/sqrt(lambda). */
static sc_status principal_rows(const double *c, int dim, int equalise, double *m)
{
    const size_t dd = (size_t)dim * dim;
    double *u = malloc(sizeof(double) * dd), *v = malloc(sizeof(double) * dd);
    double *s = malloc(sizeof(double) * (size_t)dim);
    const int bad = !u || !v || !s || sc_svd(c, dim, dim, u, s, v) != 0;
    if (!bad) {
        /* c is symmetric positive semi-definite: c = V S V^T, so the columns
         * of V are its eigenvectors and s its eigenvalues (descending). */
        for (int k = 0; k < dim; k++) {
            int big = 0;
            for (int i = 1; i < dim; i++) big = fabs(v[(size_t)i * dim + k]) > fabs(v[(size_t)big * dim + k]) ? i : big;
            const double sign = v[(size_t)big * dim + k] < 0 ? -1.0 : 1.0;
            double scale = sign;
            if (equalise) scale = s[k] > 0 && s[k] > PRE_TINY * s[0] ? sign / sqrt(s[k]) : 0.0;
            for (int i = 0; i < dim; i++) m[(size_t)k * dim + i] = scale * v[(size_t)i * dim + k];
        }
    }
    free(u);
    free(v);
    free(s);
    return bad ? sc_fail(SC_ERR_NOMEM, "scratch") : SC_OK;
}

sc_status sc_mlp_preprocess_fit(const float *x, int count, int dim, int flags, float *mean,
                                float *matrix)
{
    sc_status st = check_common(x, count, dim);
    if (st != SC_OK) return st;
    if (flags < 0 || flags > SC_MLP_PRE_WHITEN) return sc_fail(SC_ERR_OPTION, "flags");
    if (!mean) return sc_fail(SC_ERR_NULL, "mean");
    if (!matrix) return sc_fail(SC_ERR_NULL, "matrix");
    const size_t dd = (size_t)dim * dim;
    const int decorrelate = flags & SC_MLP_PRE_DECORRELATE, equalise = flags & SC_MLP_PRE_EQUALISE;
    double *mu = calloc((size_t)dim, sizeof(double));
    double *c = calloc(decorrelate ? dd : (size_t)dim, sizeof(double)); /* covariance, or variances */
    double *m = calloc(dd, sizeof(double));
    double *row = malloc(sizeof(double) * (size_t)dim);
    if (!mu || !c || !m || !row) {
        st = sc_fail(SC_ERR_NOMEM, "scratch");
        goto done;
    }
    for (int r = 0; r < count; r++)
        for (int i = 0; i < dim; i++) mu[i] += x[(size_t)r * dim + i];
    for (int i = 0; i < dim; i++) mu[i] /= count;
    for (int r = 0; r < count; r++) {
        for (int i = 0; i < dim; i++) row[i] = x[(size_t)r * dim + i] - mu[i];
        if (decorrelate) {
            for (int i = 0; i < dim; i++)
                for (int j = i; j < dim; j++) c[(size_t)i * dim + j] += row[i] * row[j];
        } else {
            for (int i = 0; i < dim; i++) c[i] += row[i] * row[i];
        }
    }
    if (decorrelate) {
        for (int i = 0; i < dim; i++)
            for (int j = i; j < dim; j++) c[(size_t)j * dim + i] = c[(size_t)i * dim + j] /= count;
        st = principal_rows(c, dim, equalise, m);
    } else {
        double top = 0.0;
        for (int i = 0; i < dim; i++) top = fmax(top, c[i] /= count);
        for (int i = 0; i < dim; i++)
            m[(size_t)i * dim + i] = equalise && c[i] > 0 && c[i] > PRE_TINY * top ? 1.0 / sqrt(c[i]) : 1.0;
    }
    if (st == SC_OK) {
        for (int i = 0; i < dim; i++) mean[i] = flags & SC_MLP_PRE_CENTRE ? (float)mu[i] : 0.0f;
        for (size_t i = 0; i < dd; i++) matrix[i] = (float)m[i];
        st = sc_check_output(matrix, dd, "matrix");
    }
done:
    free(mu);
    free(c);
    free(m);
    free(row);
    return st;
}

sc_status sc_mlp_preprocess_apply(const float *mean, const float *matrix, int dim, const float *x,
                                  int count, float *out)
{
    sc_status st = check_common(x, count, dim);
    if (st != SC_OK) return st;
    if (!mean) return sc_fail(SC_ERR_NULL, "mean");
    if (!matrix) return sc_fail(SC_ERR_NULL, "matrix");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (!sc_all_finite(mean, (size_t)dim)) return sc_fail(SC_ERR_NONFINITE, "mean");
    if (!sc_all_finite(matrix, (size_t)dim * dim)) return sc_fail(SC_ERR_NONFINITE, "matrix");
    double *row = malloc(sizeof(double) * (size_t)dim);
    if (!row) return sc_fail(SC_ERR_NOMEM, "scratch");
    for (int r = 0; r < count; r++) {
        const float *xr = x + (size_t)r * dim;
        for (int j = 0; j < dim; j++) row[j] = (double)xr[j] - mean[j];
        float *o = out + (size_t)r * dim; /* may be x: row holds the input */
        for (int i = 0; i < dim; i++) {
            const float *mi = matrix + (size_t)i * dim;
            double acc = 0.0;
            for (int j = 0; j < dim; j++) acc += mi[j] * row[j];
            o[i] = (float)acc;
        }
    }
    free(row);
    return sc_check_output(out, (size_t)count * dim, "out");
}
