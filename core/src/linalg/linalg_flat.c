/* Flat (scalar-argument) linear-algebra entry points for foreign callers:
 * transposes as ints, alpha and beta as doubles checked for finiteness
 * before they narrow to float (1e300 is an error, not inf). */
#include <math.h>
#include "linalg_internal.h"
#include "simcore/flat.h"

static sc_status narrow(double v, const char *name, float *out)
{
    if (!isfinite(v) || !isfinite((float)v)) return sc_fail(SC_ERR_NONFINITE, name);
    *out = (float)v;
    return SC_OK;
}

int sc_flat_gemm_f32(int trans_a, int trans_b, int m, int n, int k, double alpha,
                     const float *a, int lda, const float *b, int ldb, double beta, float *c,
                     int ldc)
{
    float fa = 0.0f, fb = 0.0f;
    sc_status st;
    if ((st = narrow(alpha, "alpha", &fa)) || (st = narrow(beta, "beta", &fb))) return st;
    return sc_gemm_f32((sc_transpose)trans_a, (sc_transpose)trans_b, m, n, k, fa, a, lda, b, ldb,
                       fb, c, ldc);
}

int sc_flat_gemv_f32(int trans, int m, int n, double alpha, const float *a, int lda,
                     const float *x, double beta, float *y)
{
    float fa = 0.0f, fb = 0.0f;
    sc_status st;
    if ((st = narrow(alpha, "alpha", &fa)) || (st = narrow(beta, "beta", &fb))) return st;
    return sc_gemv_f32((sc_transpose)trans, m, n, fa, a, lda, x, fb, y);
}

int sc_flat_dot_f32(int n, const float *x, const float *y, float *result)
{
    return sc_dot_f32(n, x, y, result);
}

int sc_flat_axpy_f32(int n, double alpha, const float *x, float *y)
{
    float fa = 0.0f;
    const sc_status st = narrow(alpha, "alpha", &fa);
    return st != SC_OK ? st : sc_axpy_f32(n, fa, x, y);
}
