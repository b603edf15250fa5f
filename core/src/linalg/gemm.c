/* The public functions of linalg.h: argument checks (before any allocation),
 * the special cases alpha = 0, and the diagnosis of a non-finite result
 * (NaN or infinity in an input, or float32 overflow of finite inputs). The
 * kernels come from the last entry of the variant list. */
#include <math.h>
#include <stdint.h>
#include "linalg_internal.h"
#include "simcore/limits.h"

#define LAST (&sc_linalg_variants[sc_linalg_variant_count - 1])

static sc_status check_dim(int v, const char *name)
{
    return v >= 1 && v <= SC_LINALG_MAX_DIM ? SC_OK : sc_fail(SC_ERR_SIZE, name);
}

/* A vector length (dot, axpy): one matrix's worth of elements. */
static sc_status check_length(int v)
{
    return v >= 1 && v <= SC_LINALG_MAX_ELEMENTS ? SC_OK : sc_fail(SC_ERR_SIZE, "n");
}

/* A stored rows x cols with leading dimension ld: cols <= ld <= MAX_DIM and
 * the extent (rows - 1) * ld + cols within MAX_ELEMENTS (no int overflow:
 * both factors are at most 2^16). */
static sc_status check_matrix(const float *x, int rows, int cols, int ld, const char *name,
                              const char *ld_name)
{
    if (!x) return sc_fail(SC_ERR_NULL, name);
    if (ld < cols || ld > SC_LINALG_MAX_DIM) return sc_fail(SC_ERR_SIZE, ld_name);
    if ((int64_t)(rows - 1) * ld + cols > SC_LINALG_MAX_ELEMENTS) return sc_fail(SC_ERR_SIZE, name);
    return SC_OK;
}

static int matrix_finite(const float *x, int rows, int cols, int ld)
{
    if (ld == cols) return sc_all_finite(x, (size_t)rows * cols);
    for (int i = 0; i < rows; i++)
        if (!sc_all_finite(x + (size_t)i * ld, (size_t)cols)) return 0;
    return 1;
}

static sc_status check_scalar(float v, const char *name)
{
    return isfinite(v) ? SC_OK : sc_fail(SC_ERR_NONFINITE, name);
}

static sc_status check_trans(sc_transpose t, const char *name)
{
    return t == SC_NO_TRANS || t == SC_TRANS ? SC_OK : sc_fail(SC_ERR_OPTION, name);
}

/* out = beta * out over rows x cols; beta = 0 writes zeros without reading. */
static void scale_matrix(float *x, int rows, int cols, int ld, float beta)
{
    for (int i = 0; i < rows; i++) {
        float *r = x + (size_t)i * ld;
        for (int j = 0; j < cols; j++) r[j] = beta == 0.0f ? 0.0f : beta * r[j];
    }
}

sc_status sc_gemm_f32_variant(const sc_linalg_variant *v, sc_transpose trans_a,
                              sc_transpose trans_b, int m, int n, int k, float alpha,
                              const float *a, int lda, const float *b, int ldb, float beta,
                              float *c, int ldc)
{
    sc_status st;
    if ((st = check_trans(trans_a, "trans_a")) || (st = check_trans(trans_b, "trans_b")) ||
        (st = check_dim(m, "m")) || (st = check_dim(n, "n")) || (st = check_dim(k, "k")))
        return st;
    const int ar = trans_a ? k : m, ac = trans_a ? m : k; /* A as stored */
    const int br = trans_b ? n : k, bc = trans_b ? k : n;
    if ((st = check_matrix(a, ar, ac, lda, "a", "lda")) || (st = check_matrix(b, br, bc, ldb, "b", "ldb")) ||
        (st = check_matrix(c, m, n, ldc, "c", "ldc")) || (st = check_scalar(alpha, "alpha")) ||
        (st = check_scalar(beta, "beta")))
        return st;
    /* C's old values must be finite when they are read; beta = 0 ignores them. */
    if (beta != 0.0f && !matrix_finite(c, m, n, ldc)) return sc_fail(SC_ERR_NONFINITE, "c");
    if (alpha == 0.0f) {
        scale_matrix(c, m, n, ldc, beta);
        return matrix_finite(c, m, n, ldc) ? SC_OK : sc_fail(SC_ERR_OVERFLOW, "c");
    }
    if ((st = v->gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) != SC_OK) return st;
    if (matrix_finite(c, m, n, ldc)) return SC_OK;
    /* A NaN or infinity anywhere in op(A) or op(B) reaches C (x * 0 is NaN
     * for infinite x), so a finite C proves finite inputs; only a
     * non-finite C needs the inputs scanned. */
    if (!matrix_finite(a, ar, ac, lda)) return sc_fail(SC_ERR_NONFINITE, "a");
    if (!matrix_finite(b, br, bc, ldb)) return sc_fail(SC_ERR_NONFINITE, "b");
    return sc_fail(SC_ERR_OVERFLOW, "c");
}

sc_status sc_gemv_f32_variant(const sc_linalg_variant *v, sc_transpose trans, int m, int n,
                              float alpha, const float *a, int lda, const float *x, float beta,
                              float *y)
{
    sc_status st;
    if ((st = check_trans(trans, "trans")) || (st = check_dim(m, "m")) || (st = check_dim(n, "n")) ||
        (st = check_matrix(a, m, n, lda, "a", "lda")))
        return st;
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "y");
    if ((st = check_scalar(alpha, "alpha")) || (st = check_scalar(beta, "beta"))) return st;
    const int nx = trans ? m : n, ny = trans ? n : m;
    if (beta != 0.0f && !sc_all_finite(y, (size_t)ny)) return sc_fail(SC_ERR_NONFINITE, "y");
    if (alpha == 0.0f) {
        scale_matrix(y, 1, ny, ny, beta);
    } else {
        v->gemv(trans, m, n, alpha, a, lda, x, beta, y);
    }
    if (sc_all_finite(y, (size_t)ny)) return SC_OK;
    if (alpha != 0.0f && !matrix_finite(a, m, n, lda)) return sc_fail(SC_ERR_NONFINITE, "a");
    if (alpha != 0.0f && !sc_all_finite(x, (size_t)nx)) return sc_fail(SC_ERR_NONFINITE, "x");
    return sc_fail(SC_ERR_OVERFLOW, "y");
}

sc_status sc_dot_f32_variant(const sc_linalg_variant *v, int n, const float *x, const float *y,
                             float *result)
{
    sc_status st;
    if ((st = check_length(n)) != SC_OK) return st;
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "y");
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    *result = v->dot(n, x, y);
    if (isfinite(*result)) return SC_OK;
    if (!sc_all_finite(x, (size_t)n)) return sc_fail(SC_ERR_NONFINITE, "x");
    if (!sc_all_finite(y, (size_t)n)) return sc_fail(SC_ERR_NONFINITE, "y");
    return sc_fail(SC_ERR_OVERFLOW, "result");
}

sc_status sc_axpy_f32_variant(const sc_linalg_variant *v, int n, float alpha, const float *x,
                              float *y)
{
    sc_status st;
    if ((st = check_length(n)) != SC_OK) return st;
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "y");
    if ((st = check_scalar(alpha, "alpha")) != SC_OK) return st;
    if (!sc_all_finite(y, (size_t)n)) return sc_fail(SC_ERR_NONFINITE, "y");
    if (alpha == 0.0f) return SC_OK; /* x is not read (BLAS) */
    v->axpy(n, alpha, x, y);
    if (sc_all_finite(y, (size_t)n)) return SC_OK;
    if (!sc_all_finite(x, (size_t)n)) return sc_fail(SC_ERR_NONFINITE, "x");
    return sc_fail(SC_ERR_OVERFLOW, "y");
}

sc_status sc_gemm_f32(sc_transpose trans_a, sc_transpose trans_b, int m, int n, int k,
                      float alpha, const float *a, int lda, const float *b, int ldb, float beta,
                      float *c, int ldc)
{
    return sc_gemm_f32_variant(LAST, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

sc_status sc_gemv_f32(sc_transpose trans, int m, int n, float alpha, const float *a, int lda,
                      const float *x, float beta, float *y)
{
    return sc_gemv_f32_variant(LAST, trans, m, n, alpha, a, lda, x, beta, y);
}

sc_status sc_dot_f32(int n, const float *x, const float *y, float *result)
{
    return sc_dot_f32_variant(LAST, n, x, y, result);
}

sc_status sc_axpy_f32(int n, float alpha, const float *x, float *y)
{
    return sc_axpy_f32_variant(LAST, n, alpha, x, y);
}
