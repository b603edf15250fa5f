/* Scalar references for linalg.h: the definitions spelled out, in float,
 * each sum in ascending index order. Compiled without auto-vectorisation
 * (CMake, *_scalar.c); also the kernels of the scalar-only build. */
#include "linalg_internal.h"

sc_status sc_gemm_scalar(int trans_a, int trans_b, int m, int n, int k, float alpha,
                         const float *a, int lda, const float *b, int ldb, float beta, float *c,
                         int ldc)
{
    /* op(A)[i][p] = a[i * ars + p * acs], op(B)[p][j] = b[p * brs + j * bcs]. */
    const ptrdiff_t ars = trans_a ? 1 : lda, acs = trans_a ? lda : 1;
    const ptrdiff_t brs = trans_b ? 1 : ldb, bcs = trans_b ? ldb : 1;
    for (int i = 0; i < m; i++) {
        float *ci = c + (size_t)i * ldc;
        for (int j = 0; j < n; j++) {
            float sum = 0.0f;
            for (int p = 0; p < k; p++) sum += a[i * ars + p * acs] * b[p * brs + j * bcs];
            ci[j] = beta == 0.0f ? alpha * sum : alpha * sum + beta * ci[j];
        }
    }
    return SC_OK;
}

void sc_gemv_scalar(int trans, int m, int n, float alpha, const float *a, int lda,
                    const float *x, float beta, float *y)
{
    const int rows = trans ? n : m, cols = trans ? m : n;
    const ptrdiff_t rs = trans ? 1 : lda, cs = trans ? lda : 1;
    for (int i = 0; i < rows; i++) {
        float sum = 0.0f;
        for (int j = 0; j < cols; j++) sum += a[i * rs + j * cs] * x[j];
        y[i] = beta == 0.0f ? alpha * sum : alpha * sum + beta * y[i];
    }
}

float sc_dot_scalar(int n, const float *x, const float *y)
{
    float sum = 0.0f;
    for (int i = 0; i < n; i++) sum += x[i] * y[i];
    return sum;
}

void sc_axpy_scalar(int n, float alpha, const float *x, float *y)
{
    for (int i = 0; i < n; i++) y[i] += alpha * x[i];
}
