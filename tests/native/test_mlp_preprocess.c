/* Preprocessing fitted on the training set (sc_mlp_preprocess_fit/apply):
 * on correlated 3-D Gaussian data, whitening gives mean 0 and identity
 * covariance (checked in float64), standardising gives unit variances with
 * the correlations kept, decorrelation alone a diagonal covariance holding
 * the eigenvalues in descending order; test data go through the training
 * fit (equal to M (x - m) written out); a rank-deficient direction is
 * dropped, not blown up; argument errors. */
#include <string.h>
#include "check.h"
#include "simcore/mlp.h"

enum { D = 3,
       N = 4000 };

/* x = A z + c with z standard normal (Box-Muller on the test generator). */
static void gaussian_data(float *x, int n, uint32_t seed, int rank_deficient)
{
    static const double A[D][D] = {{2.0, 0.0, 0.0}, {1.2, 0.5, 0.0}, {-0.7, 0.3, 0.9}}, c[D] = {5, -3, 0.5};
    uint32_t s = seed;
    for (int r = 0; r < n; r++) {
        double z[D];
        for (int k = 0; k < D; k++) {
            const double u1 = (check_rand_u32(&s) + 1.0) / 4294967297.0, u2 = check_rand_u32(&s) / 4294967296.0;
            z[k] = sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
        }
        for (int i = 0; i < D; i++) {
            double v = c[i];
            for (int k = 0; k < D; k++) v += A[i][k] * z[k];
            x[r * D + i] = (float)v;
        }
        if (rank_deficient) x[r * D + 2] = x[r * D] + x[r * D + 1]; /* exactly dependent in float too */
    }
}

/* Mean and covariance in double of count x D floats. */
static void moments(const float *x, int n, double *mean, double cov[D][D])
{
    for (int i = 0; i < D; i++) {
        mean[i] = 0;
        for (int r = 0; r < n; r++) mean[i] += x[r * D + i];
        mean[i] /= n;
    }
    for (int i = 0; i < D; i++)
        for (int j = 0; j < D; j++) {
            double s = 0;
            for (int r = 0; r < n; r++) s += (x[r * D + i] - mean[i]) * (x[r * D + j] - mean[j]);
            cov[i][j] = s / n;
        }
}

static void test_whiten(void)
{
    static float x[N * D], z[N * D], xt[500 * D], zt[500 * D];
    float mean[D], m[D * D];
    gaussian_data(x, N, 1, 0);
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_WHITEN, mean, m) == SC_OK, "fit");
    CHECK(sc_mlp_preprocess_apply(mean, m, D, x, N, z) == SC_OK, "apply");
    double mu[D], cov[D][D], worst_mean = 0, worst_cov = 0;
    moments(z, N, mu, cov);
    for (int i = 0; i < D; i++) {
        worst_mean = fmax(worst_mean, fabs(mu[i]));
        for (int j = 0; j < D; j++) worst_cov = fmax(worst_cov, fabs(cov[i][j] - (i == j)));
    }
    /* float32 rounding of m, M and z: a few 1e-7 relative, data of size ~5 */
    CHECK(worst_mean < 1e-5, "whitened mean off by %g", worst_mean);
    CHECK(worst_cov < 1e-5, "whitened covariance off identity by %g", worst_cov);
    /* each row of M is an eigenvector direction with its largest component positive */
    for (int k = 0; k < D; k++) {
        int big = 0;
        for (int i = 1; i < D; i++) big = fabsf(m[k * D + i]) > fabsf(m[k * D + big]) ? i : big;
        CHECK(m[k * D + big] > 0, "row %d sign", k);
    }
    /* test data through the training fit: M (x - m) written out */
    gaussian_data(xt, 500, 2, 0);
    CHECK(sc_mlp_preprocess_apply(mean, m, D, xt, 500, zt) == SC_OK, "apply test");
    double worst = 0;
    for (int r = 0; r < 500; r++)
        for (int i = 0; i < D; i++) {
            double v = 0;
            for (int j = 0; j < D; j++) v += (double)m[i * D + j] * ((double)xt[r * D + j] - mean[j]);
            worst = fmax(worst, fabs(v - zt[r * D + i]));
        }
    CHECK(worst < 1e-6, "apply against M (x - m): %g", worst);
    /* the test set's own statistics are not used: its mean is near 0, not 0 */
    double tmu[D], tcov[D][D];
    moments(zt, 500, tmu, tcov);
    CHECK(fabs(tmu[0]) + fabs(tmu[1]) + fabs(tmu[2]) > 1e-4 && fabs(tmu[0]) < 0.3, "test mean %g %g %g", tmu[0], tmu[1], tmu[2]);
    /* in place */
    memcpy(zt, xt, sizeof xt);
    CHECK(sc_mlp_preprocess_apply(mean, m, D, zt, 500, zt) == SC_OK, "in place");
    float again[500 * D];
    sc_mlp_preprocess_apply(mean, m, D, xt, 500, again);
    CHECK(memcmp(zt, again, sizeof again) == 0, "in place equals out of place");
}

static void test_standardise_and_decorrelate(void)
{
    static float x[N * D], z[N * D];
    float mean[D], m[D * D];
    double mu[D], cov[D][D], raw[D][D], rmu[D];
    gaussian_data(x, N, 3, 0);
    moments(x, N, rmu, raw);
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_CENTRE | SC_MLP_PRE_EQUALISE, mean, m) == SC_OK, "fit");
    sc_mlp_preprocess_apply(mean, m, D, x, N, z);
    moments(z, N, mu, cov);
    double worst = 0;
    for (int i = 0; i < D; i++) {
        worst = fmax(worst, fabs(mu[i]) + fabs(cov[i][i] - 1));
        for (int j = 0; j < D; j++)
            if (i != j) CHECK(fabs(m[i * D + j]) == 0, "standardising is diagonal");
    }
    CHECK(worst < 1e-5, "standardised: mean/variance off by %g", worst);
    const double corr = raw[0][1] / sqrt(raw[0][0] * raw[1][1]);
    CHECK(fabs(cov[0][1] - corr) < 1e-5 && fabs(corr) > 0.5, "correlation kept: %g vs %g", cov[0][1], corr);
    /* equalise without centring: z = x / sigma, the mean stays */
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_EQUALISE, mean, m) == SC_OK, "fit");
    CHECK(mean[0] == 0 && mean[1] == 0 && fabs(m[0] - 1 / sqrt(raw[0][0])) < 1e-6, "scale only");
    /* decorrelate only: diagonal covariance, descending, = eigenvalues (trace kept) */
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_CENTRE | SC_MLP_PRE_DECORRELATE, mean, m) == SC_OK, "fit");
    sc_mlp_preprocess_apply(mean, m, D, x, N, z);
    moments(z, N, mu, cov);
    double off = 0;
    for (int i = 0; i < D; i++)
        for (int j = 0; j < D; j++)
            if (i != j) off = fmax(off, fabs(cov[i][j]));
    CHECK(off < 1e-5 * cov[0][0], "decorrelated: off-diagonal %g", off);
    CHECK(cov[0][0] >= cov[1][1] && cov[1][1] >= cov[2][2], "descending %g %g %g", cov[0][0], cov[1][1], cov[2][2]);
    const double tr0 = raw[0][0] + raw[1][1] + raw[2][2], tr1 = cov[0][0] + cov[1][1] + cov[2][2];
    CHECK(fabs(tr0 - tr1) < 1e-5 * tr0, "rotation keeps the trace %g %g", tr0, tr1);
    /* no flags: identity, zero mean vector */
    CHECK(sc_mlp_preprocess_fit(x, N, D, 0, mean, m) == SC_OK, "fit");
    const float eye[D * D] = {1, 0, 0, 0, 1, 0, 0, 0, 1}, zero[D] = {0};
    CHECK(memcmp(m, eye, sizeof eye) == 0 && memcmp(mean, zero, sizeof zero) == 0, "identity");
}

static void test_rank_deficient_and_errors(void)
{
    static float x[N * D], z[N * D];
    float mean[D], m[D * D];
    gaussian_data(x, N, 4, 1);
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_WHITEN, mean, m) == SC_OK, "fit");
    CHECK(sc_mlp_preprocess_apply(mean, m, D, x, N, z) == SC_OK, "apply");
    double mu[D], cov[D][D];
    moments(z, N, mu, cov);
    CHECK(fabs(cov[0][0] - 1) < 1e-4 && fabs(cov[1][1] - 1) < 1e-4, "two directions whitened: %g %g", cov[0][0], cov[1][1]);
    CHECK(cov[2][2] < 1e-6, "the dependent direction dropped: variance %g", cov[2][2]);
    /* constant feature: equalise leaves its scale at 1 */
    for (int r = 0; r < N; r++) x[r * D + 1] = 2.5f;
    CHECK(sc_mlp_preprocess_fit(x, N, D, SC_MLP_PRE_CENTRE | SC_MLP_PRE_EQUALISE, mean, m) == SC_OK, "fit");
    CHECK(m[4] == 1.0f && mean[1] == 2.5f, "constant feature: scale %g", m[4]);
    CHECK(sc_mlp_preprocess_fit(x, N, D, 8, mean, m) == SC_ERR_OPTION, "flags");
    CHECK(sc_mlp_preprocess_fit(x, 0, D, 1, mean, m) == SC_ERR_SIZE, "count");
    CHECK(sc_mlp_preprocess_fit(x, N, SC_MLP_MAX_INPUTS + 1, 1, mean, m) == SC_ERR_SIZE, "dim");
    CHECK(sc_mlp_preprocess_fit(x, N, D, 1, NULL, m) == SC_ERR_NULL, "mean");
    x[7] = NAN;
    CHECK(sc_mlp_preprocess_fit(x, N, D, 1, mean, m) == SC_ERR_NONFINITE, "NaN");
    CHECK(sc_mlp_preprocess_apply(mean, m, D, x, N, z) == SC_ERR_NONFINITE, "NaN apply");
    x[7] = 0;
    m[3] = INFINITY;
    CHECK(sc_mlp_preprocess_apply(mean, m, D, x, N, z) == SC_ERR_NONFINITE, "matrix inf");
    m[3] = 3e38f;
    x[0] = 3e38f;
    CHECK(sc_mlp_preprocess_apply(mean, m, D, x, 2, z) == SC_ERR_OVERFLOW, "overflow");
    CHECK(sc_flat_mlp_preprocess_fit(x, N, D, 1, mean, 2, m, 9) == SC_ERR_SIZE, "flat mean size");
    CHECK(sc_flat_mlp_preprocess_apply(mean, 3, m, 9, D, x, 2, z, 5) == SC_ERR_SIZE, "flat out size");
}

int main(void)
{
    CHECK_RUN(test_whiten());
    CHECK_RUN(test_standardise_and_decorrelate());
    CHECK_RUN(test_rank_deficient_and_errors());
    return check_summary("test_mlp_preprocess");
}
