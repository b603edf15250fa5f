/* Dense linear algebra (linalg.h): every variant of the list against a
 * float64 reference on odd sizes, strides, both transposes, 1 x N and N x 1,
 * large blocked sizes, NaN-prefilled outputs with beta = 0, alpha = 0, and
 * every error path. The error bound is the standard one for a float sum of
 * k products: |c - ref| <= (k + 2) eps (|alpha| sum |a||b| + |beta c|). */
#include <float.h>
#include <string.h>
#include "check.h"
#include "linalg/linalg_internal.h"
#include "simcore/limits.h"

static uint32_t seed = 12345;

static float *alloc_random(size_t n)
{
    float *x = malloc((n ? n : 1) * sizeof *x);
    check_fill_random(x, n, &seed);
    return x;
}

/* op(X)[r][s] of a stored matrix. */
static double at(const float *x, int ld, int trans, int r, int s)
{
    return trans ? x[(size_t)s * ld + r] : x[(size_t)r * ld + s];
}

/* One GEMM case with variant v; returns 1 if every element is within the
 * bound (the gap between rows, ld > n, must be left untouched). */
static int gemm_case(const sc_linalg_variant *v, int ta, int tb, int m, int n, int k, float alpha,
                     float beta, int pad, int nan_fill)
{
    const int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
    const int lda = ac + pad, ldb = bc + (pad ? pad + 1 : 0), ldc = n + (pad ? 2 * pad : 0);
    float *a = alloc_random((size_t)ar * lda), *b = alloc_random((size_t)br * ldb);
    float *c = alloc_random((size_t)m * ldc), *c0 = malloc((size_t)m * ldc * sizeof *c0);
    if (nan_fill) check_fill_nan(c, (size_t)m * ldc);
    memcpy(c0, c, (size_t)m * ldc * sizeof *c);
    const sc_status st = sc_gemm_f32_variant(v, (sc_transpose)ta, (sc_transpose)tb, m, n, k, alpha, a, lda,
                                             b, ldb, beta, c, ldc);
    int ok = st == SC_OK;
    CHECK(st == SC_OK, "%s gemm %c%c %dx%dx%d: status %d", v->name, ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, st);
    for (int i = 0; ok && i < m; i++) {
        for (int j = 0; j < ldc; j++) {
            const size_t o = (size_t)i * ldc + j;
            if (j >= n) { /* the gap: bit-identical (NaN stays NaN) */
                if (memcmp(&c[o], &c0[o], sizeof c[o]) != 0) ok = 0;
                continue;
            }
            double ref = 0.0, mag = 0.0;
            for (int p = 0; p < k; p++) {
                const double t = at(a, lda, ta, i, p) * at(b, ldb, tb, p, j);
                ref += t;
                mag += fabs(t);
            }
            ref *= alpha;
            mag *= fabs(alpha);
            if (beta != 0.0f) {
                ref += (double)beta * c0[o];
                mag += fabs((double)beta * c0[o]);
            }
            const double tol = (k + 2) * (double)FLT_EPSILON * mag + 1e-30;
            if (!(fabs(c[o] - ref) <= tol)) {
                CHECK(0, "%s gemm %c%c %dx%dx%d ld %d,%d,%d a=%g b=%g: c[%d][%d] = %.9g, ref %.9g (tol %.3g)",
                      v->name, ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, lda, ldb, ldc, alpha, beta, i, j,
                      c[o], ref, tol);
                ok = 0;
                break;
            }
        }
    }
    free(a);
    free(b);
    free(c);
    free(c0);
    return ok;
}

static void test_gemm_sizes(const sc_linalg_variant *v)
{
    static const int dims[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33};
    const int nd = (int)(sizeof dims / sizeof dims[0]);
    int cases = 0, good = 0;
    for (int ta = 0; ta < 2; ta++)
        for (int tb = 0; tb < 2; tb++)
            for (int x = 0; x < nd; x++)
                for (int y = 0; y < nd; y += 2)
                    for (int z = 0; z < nd; z += z == 0 ? 1 : 3) { /* k = 1, 2, 5, 9, 17 */
                        const int pad = (x + y + z) % 3;
                        const float beta = (x + z) % 2 ? 0.0f : -0.75f;
                        cases++;
                        good += gemm_case(v, ta, tb, dims[x], dims[y], dims[z], 1.25f, beta, pad, beta == 0.0f);
                    }
    CHECK(good == cases, "%s: %d of %d small GEMM cases within the bound", v->name, good, cases);
}

static void test_gemm_shapes(const sc_linalg_variant *v)
{
    /* 1 x N, N x 1, long k, the learning shapes and blocked sizes crossing
     * every block edge (KC 256, MC 64, NC 512). */
    static const int shapes[][3] = {
        {1, 300, 7}, {300, 1, 7}, {1, 1, 1000}, {1, 257, 1}, {257, 1, 3}, {3, 5, 3000}, {1000, 20, 2}, {64, 100, 784}, {784, 100, 64}, {64, 784, 100}, {6, 784, 25}, {16, 100, 150}, {120, 64, 400}, {65, 513, 257}, {130, 70, 600}, {67, 1030, 9}};
    const int ns = (int)(sizeof shapes / sizeof shapes[0]);
    for (int s = 0; s < ns; s++)
        for (int t = 0; t < 4; t++)
            gemm_case(v, t & 1, t >> 1, shapes[s][0], shapes[s][1], shapes[s][2], t == 3 ? -0.5f : 1.0f,
                      t == 2 ? 2.0f : 0.0f, s % 2, t != 2);
}

/* beta = 0 ignores a NaN-filled C; alpha = 0 does not read A or B. */
static void test_gemm_special(const sc_linalg_variant *v)
{
    float a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {1, 0, 0, 1, 1, 1}, c[4];
    check_fill_nan(c, 4);
    CHECK(sc_gemm_f32_variant(v, SC_NO_TRANS, SC_NO_TRANS, 2, 2, 3, 1.0f, a, 3, b, 2, 0.0f, c, 2) == SC_OK, "2x3 * 3x2");
    /* [1 2 3; 4 5 6] [1 0; 0 1; 1 1] = [4 5; 10 11] */
    CHECK(c[0] == 4 && c[1] == 5 && c[2] == 10 && c[3] == 11, "%s known product %g %g %g %g", v->name, c[0], c[1], c[2], c[3]);
    float nan_a[6];
    check_fill_nan(nan_a, 6);
    CHECK(sc_gemm_f32_variant(v, SC_NO_TRANS, SC_NO_TRANS, 2, 2, 3, 0.0f, nan_a, 3, nan_a, 2, 0.5f, c, 2) == SC_OK,
          "alpha = 0 does not read A, B");
    CHECK(c[0] == 2 && c[3] == 5.5f, "alpha = 0 scales C by beta: %g %g", c[0], c[3]);
    check_fill_nan(c, 4);
    CHECK(sc_gemm_f32_variant(v, SC_NO_TRANS, SC_NO_TRANS, 2, 2, 3, 0.0f, a, 3, b, 2, 0.0f, c, 2) == SC_OK &&
              c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] == 0,
          "alpha = beta = 0 zeroes a NaN C");
}

static void test_gemm_errors(const sc_linalg_variant *v)
{
    float a[16] = {0}, b[16] = {0}, c[16] = {0};
    const sc_transpose N = SC_NO_TRANS;
#define GEMM(ta, m, n, k, al, A, lda, B, ldb, be, C, ldc) \
    sc_gemm_f32_variant(v, ta, N, m, n, k, al, A, lda, B, ldb, be, C, ldc)
    CHECK(GEMM(N, 0, 2, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_SIZE, "m = 0");
    CHECK(GEMM(N, 2, -1, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_SIZE, "n < 0");
    CHECK(GEMM(N, 2, 2, SC_LINALG_MAX_DIM + 1, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_SIZE, "k above the limit");
    CHECK(GEMM(N, 2, 2, 3, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "lda"), "lda < k");
    CHECK(GEMM(N, 2, 3, 2, 1, a, 2, b, 3, 0, c, 2) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "ldc"), "ldc < n");
    CHECK(GEMM((sc_transpose)2, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_OPTION, "trans 2");
    CHECK(GEMM(N, 2, 2, 2, 1, NULL, 2, b, 2, 0, c, 2) == SC_ERR_NULL, "a NULL");
    CHECK(GEMM(N, 2, 2, 2, NAN, a, 2, b, 2, 0, c, 2) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "alpha"), "alpha NaN");
    CHECK(GEMM(N, 2, 2, 2, 1, a, 2, b, 2, INFINITY, c, 2) == SC_ERR_NONFINITE, "beta inf");
    /* 65536 x 65536 overflows int: the extent check must refuse it first */
    CHECK(GEMM(N, SC_LINALG_MAX_DIM, 1, SC_LINALG_MAX_DIM, 1, a, SC_LINALG_MAX_DIM, b, 1, 0, c, 1) == SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "a"),
          "A above the element limit");
    a[3] = INFINITY;
    CHECK(GEMM(N, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "a"),
          "inf in A times zeros gives NaN: named a");
    a[3] = 0;
    b[0] = NAN;
    CHECK(GEMM(N, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "b"), "NaN in B");
    b[0] = 0;
    c[1] = NAN;
    CHECK(GEMM(N, 2, 2, 2, 1, a, 2, b, 2, 1, c, 2) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "c"),
          "NaN in C with beta != 0");
    c[1] = 0;
    a[2] = NAN; /* in the gap of lda = 3: never read */
    CHECK(GEMM(N, 2, 2, 2, 1, a, 3, b, 2, 0, c, 2) == SC_OK, "NaN between rows is not read");
    a[2] = 0;
    a[0] = a[1] = 3e38f;
    b[0] = b[2] = 3e38f;
    CHECK(GEMM(N, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2) == SC_ERR_OVERFLOW && !strcmp(sc_last_error_arg(), "c"),
          "finite inputs overflowing float32");
#undef GEMM
}

static void test_gemv(const sc_linalg_variant *v)
{
    static const int dims[] = {1, 2, 3, 4, 5, 15, 16, 17, 33, 100};
    int good = 0, cases = 0;
    for (int t = 0; t < 2; t++)
        for (int x = 0; x < 10; x++)
            for (int y = 0; y < 10; y++) {
                const int m = dims[x], n = dims[y], lda = n + (x % 3), nx = t ? m : n, ny = t ? n : m;
                const float alpha = 0.75f, beta = (x + y) % 2 ? 0.0f : 1.5f;
                float *a = alloc_random((size_t)m * lda), *xv = alloc_random((size_t)nx), *yv = alloc_random((size_t)ny);
                double *y0 = malloc((size_t)ny * sizeof *y0);
                for (int i = 0; i < ny; i++) y0[i] = yv[i];
                if (beta == 0.0f) check_fill_nan(yv, (size_t)ny);
                cases++;
                int ok = sc_gemv_f32_variant(v, (sc_transpose)t, m, n, alpha, a, lda, xv, beta, yv) == SC_OK;
                for (int i = 0; ok && i < ny; i++) {
                    double ref = 0, mag = 0;
                    for (int j = 0; j < nx; j++) {
                        const double p = at(a, lda, t, i, j) * xv[j];
                        ref += p;
                        mag += fabs(p);
                    }
                    ref = alpha * ref + (beta != 0.0f ? beta * y0[i] : 0.0);
                    mag = fabs(alpha) * mag + fabs(beta * y0[i]);
                    ok = fabs(yv[i] - ref) <= (nx + 2) * (double)FLT_EPSILON * mag + 1e-30;
                    if (!ok) CHECK(0, "%s gemv %c %dx%d y[%d] = %.9g, ref %.9g", v->name, t ? 'T' : 'N', m, n, i, yv[i], ref);
                }
                good += ok;
                free(a);
                free(xv);
                free(yv);
                free(y0);
            }
    CHECK(good == cases, "%s: %d of %d GEMV cases", v->name, good, cases);
    float a[4] = {1, 2, 3, 4}, xv[2] = {1, 1}, yv[2] = {NAN, NAN};
    CHECK(sc_gemv_f32_variant(v, SC_TRANS, 2, 2, 1, a, 2, xv, 0, yv) == SC_OK && yv[0] == 4 && yv[1] == 6, "A^T x known");
    CHECK(sc_gemv_f32_variant(v, SC_NO_TRANS, 2, 2, 1, a, 1, xv, 0, yv) == SC_ERR_SIZE, "lda < n");
    xv[1] = NAN;
    CHECK(sc_gemv_f32_variant(v, SC_NO_TRANS, 2, 2, 1, a, 2, xv, 0, yv) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "x"), "NaN x");
}

static void test_dot_axpy(const sc_linalg_variant *v)
{
    static const int lens[] = {1, 3, 4, 15, 16, 17, 31, 64, 1001};
    for (int s = 0; s < 9; s++) {
        const int n = lens[s];
        float *x = alloc_random((size_t)n), *y = alloc_random((size_t)n), r = 0;
        double ref = 0, mag = 0;
        for (int i = 0; i < n; i++) ref += (double)x[i] * y[i], mag += fabs((double)x[i] * y[i]);
        CHECK(sc_dot_f32_variant(v, n, x, y, &r) == SC_OK && fabs(r - ref) <= (n + 1) * (double)FLT_EPSILON * mag,
              "%s dot n=%d: %.9g vs %.9g", v->name, n, r, ref);
        double *z = malloc((size_t)n * sizeof *z);
        for (int i = 0; i < n; i++) z[i] = -0.5 * x[i] + y[i];
        int ok = sc_axpy_f32_variant(v, n, -0.5f, x, y) == SC_OK;
        for (int i = 0; ok && i < n; i++) ok = fabs(y[i] - z[i]) <= 2 * (double)FLT_EPSILON * (fabs(z[i]) + fabs(x[i]));
        CHECK(ok, "%s axpy n=%d", v->name, n);
        free(x);
        free(y);
        free(z);
    }
    float x[2] = {3e38f, 3e38f}, y[2] = {1, 1}, r;
    CHECK(sc_dot_f32_variant(v, 2, x, y, &r) == SC_ERR_OVERFLOW && !strcmp(sc_last_error_arg(), "result"), "dot overflow");
    CHECK(sc_dot_f32_variant(v, 0, x, y, &r) == SC_ERR_SIZE, "dot n = 0");
    float x2[2] = {3e38f, 3e38f};
    CHECK(sc_axpy_f32_variant(v, 2, 1.0f, x, x2) == SC_ERR_OVERFLOW && !strcmp(sc_last_error_arg(), "y"), "axpy overflow");
    y[0] = NAN;
    CHECK(sc_axpy_f32_variant(v, 2, 1.0f, x, y) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "y"), "NaN y");
}

int main(void)
{
    CHECK(sc_linalg_variant_count == (SC_HAVE_SIMD ? 2 : 1), "variant count %d", sc_linalg_variant_count);
    for (int i = 0; i < sc_linalg_variant_count; i++) {
        const sc_linalg_variant *v = &sc_linalg_variants[i];
        test_gemm_sizes(v);
        test_gemm_shapes(v);
        test_gemm_special(v);
        test_gemm_errors(v);
        test_gemv(v);
        test_dot_axpy(v);
    }
    /* the public functions use the last variant */
    float a[1] = {2}, b[1] = {3}, c[1] = {NAN}, r = 0;
    CHECK(sc_gemm_f32(SC_TRANS, SC_TRANS, 1, 1, 1, 1, a, 1, b, 1, 0, c, 1) == SC_OK && c[0] == 6, "public gemm");
    CHECK(sc_dot_f32(1, a, b, &r) == SC_OK && r == 6, "public dot");
    return check_summary("test_gemm");
}
