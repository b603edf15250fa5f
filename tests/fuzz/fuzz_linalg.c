/* Fuzz target: dense linear algebra (linalg.h, flat.h): gemm with both
 * transposes and leading dimensions, gemv, dot and axpy, with hostile sizes
 * and values (NaN, infinities, 3.4e38) and NaN-prefilled outputs. For every
 * variant of the list: SC_OK gives finite outputs within the float32 error
 * bound of a float64 reference; the gaps between rows (ld > columns) are
 * never written; SC_ERR_NONFINITE only when an input read holds NaN or
 * infinity, SC_ERR_OVERFLOW only when all of them are finite; every variant
 * returns the same status. */
#include <float.h>
#include "fuzz_input.h"
#include "linalg/linalg_internal.h"
#include "simcore/flat.h"

#define MAX_SIDE 40
#define MAX_LD   (MAX_SIDE + 3)
#define CAP      (MAX_SIDE * MAX_LD)

static float a[CAP], b[CAP], c0[CAP], c[CAP];

static int finite_region(const float *x, int rows, int cols, int ld)
{
    for (int i = 0; i < rows; i++)
        if (!fuzz_all_finite_f(x + (size_t)i * ld, (size_t)cols)) return 0;
    return 1;
}

static double at(const float *x, int ld, int trans, int r, int s)
{
    return trans ? x[(size_t)s * ld + r] : x[(size_t)r * ld + s];
}

/* A leading dimension: usually cols..cols+3, sometimes cols - 1 (invalid). */
static int fuzz_ld(fuzz_in *in, int cols)
{
    return fuzz_u8(in) % 8 == 0 ? cols - 1 : cols + fuzz_int(in, 0, 3);
}

static void fuzz_gemm(fuzz_in *in)
{
    const int ta = fuzz_bool(in), tb = fuzz_bool(in);
    const int m = fuzz_size(in, 1, MAX_SIDE), n = fuzz_size(in, 1, MAX_SIDE), k = fuzz_size(in, 1, MAX_SIDE);
    const int sane = m >= 1 && m <= MAX_SIDE && n >= 1 && n <= MAX_SIDE && k >= 1 && k <= MAX_SIDE;
    const int ac = sane ? (ta ? m : k) : 1, ar = sane ? (ta ? k : m) : 1;
    const int bc = sane ? (tb ? k : n) : 1, br = sane ? (tb ? n : k) : 1;
    const int lda = fuzz_ld(in, ac), ldb = fuzz_ld(in, bc), ldc = fuzz_ld(in, sane ? n : 1);
    const float alpha = fuzz_float(in, -2, 2), beta = fuzz_bool(in) ? 0.0f : fuzz_float(in, -2, 2);
    const int fa = fuzz_floats(in, a, CAP, -2, 2), fb = fuzz_floats(in, b, CAP, -2, 2);
    const int nan_c = fuzz_bool(in);
    if (nan_c) {
        for (int i = 0; i < CAP; i++) c0[i] = NAN;
    } else {
        fuzz_floats(in, c0, CAP, -2, 2);
    }
    (void)fa;
    (void)fb;
    sc_status first = SC_OK;
    for (int v = 0; v < sc_linalg_variant_count; v++) {
        memcpy(c, c0, sizeof c);
        const sc_status st = sc_gemm_f32_variant(&sc_linalg_variants[v], (sc_transpose)ta, (sc_transpose)tb, m, n, k,
                                                 alpha, a, lda, b, ldb, beta, c, ldc);
        if (v == 0) first = st;
        FUZZ_CHECK(st == first, "variant %s status %d, scalar %d", sc_linalg_variants[v].name, st, first);
        if (!sane || st == SC_ERR_SIZE) continue;
        const int in_finite = isfinite(alpha) && isfinite(beta) && (alpha == 0.0f || (finite_region(a, ar, ac, lda) && finite_region(b, br, bc, ldb))) && (beta == 0.0f || finite_region(c0, m, n, ldc));
        if (st == SC_ERR_NONFINITE) FUZZ_CHECK(!in_finite, "NONFINITE with finite inputs");
        if (st == SC_ERR_OVERFLOW) FUZZ_CHECK(in_finite, "OVERFLOW with a non-finite input");
        if (st != SC_OK) continue;
        FUZZ_CHECK(in_finite, "OK with a non-finite input %dx%dx%d", m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc && (size_t)i * ldc + j < CAP; j++) {
                const size_t o = (size_t)i * ldc + j;
                if (j >= n) {
                    FUZZ_CHECK(memcmp(&c[o], &c0[o], sizeof c[o]) == 0, "gap c[%d][%d] written", i, j);
                    continue;
                }
                FUZZ_CHECK(isfinite(c[o]), "OK with c[%d][%d] = %g", i, j, c[o]);
                double ref = 0, mag = 0;
                if (alpha != 0.0f)
                    for (int p = 0; p < k; p++) {
                        const double t = at(a, lda, ta, i, p) * at(b, ldb, tb, p, j);
                        ref += t;
                        mag += fabs(t);
                    }
                ref = alpha * ref + (beta != 0.0f ? (double)beta * c0[o] : 0.0);
                mag = fabs(alpha) * mag + (beta != 0.0f ? fabs((double)beta * c0[o]) : 0.0);
                FUZZ_CHECK(fabs(c[o] - ref) <= (k + 2) * (double)FLT_EPSILON * mag + 1e-30, "%s c[%d][%d] = %.9g, ref %.9g",
                           sc_linalg_variants[v].name, i, j, c[o], ref);
            }
        }
    }
}

static void fuzz_vectors(fuzz_in *in, int op)
{
    const int trans = fuzz_bool(in);
    const int m = fuzz_size(in, 1, MAX_SIDE), n = fuzz_size(in, 1, MAX_SIDE);
    const int sane = m >= 1 && m <= MAX_SIDE && n >= 1 && n <= MAX_SIDE;
    const int lda = fuzz_ld(in, sane ? n : 1);
    const float alpha = fuzz_float(in, -2, 2), beta = fuzz_bool(in) ? 0.0f : fuzz_float(in, -2, 2);
    fuzz_floats(in, a, CAP, -2, 2);
    fuzz_floats(in, b, MAX_LD, -2, 2);
    fuzz_floats(in, c0, MAX_LD, -2, 2);
    const int len = sane ? m : 1;
    const int nx = trans ? m : n, ny = trans ? n : m;
    sc_status first = SC_OK;
    float r0 = 0;
    for (int v = 0; v < sc_linalg_variant_count; v++) {
        const sc_linalg_variant *var = &sc_linalg_variants[v];
        memcpy(c, c0, sizeof(float) * MAX_LD);
        sc_status st;
        float r = 0;
        if (op == 0) {
            st = sc_gemv_f32_variant(var, (sc_transpose)trans, m, n, alpha, a, lda, b, beta, c);
        } else if (op == 1) {
            st = sc_dot_f32_variant(var, sane ? m : m, b, c0, &r);
        } else {
            st = sc_axpy_f32_variant(var, sane ? m : m, alpha, b, c);
        }
        if (v == 0) first = st, r0 = r;
        FUZZ_CHECK(st == first, "op %d variant %s status %d, scalar %d", op, var->name, st, first);
        if (st != SC_OK || !sane) continue;
        if (op == 0) {
            FUZZ_CHECK(fuzz_all_finite_f(c, (size_t)ny), "gemv OK with a non-finite y");
            (void)nx;
        } else if (op == 1) {
            double ref = 0, mag = 0;
            for (int i = 0; i < len; i++) ref += (double)b[i] * c0[i], mag += fabs((double)b[i] * c0[i]);
            FUZZ_CHECK(isfinite(r) && fabs(r - ref) <= (len + 1) * (double)FLT_EPSILON * mag, "dot %.9g vs %.9g", r, ref);
            (void)r0;
        } else {
            FUZZ_CHECK(fuzz_all_finite_f(c, (size_t)len), "axpy OK with a non-finite y");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = fuzz_begin(data, size);
    const int op = fuzz_u8(&in) % 4;
    if (op == 0) {
        fuzz_gemm(&in);
    } else {
        fuzz_vectors(&in, op - 1);
    }
    /* the flat entry: a double alpha beyond float32 is NONFINITE, not inf */
    float one = 1.0f, out = 0.0f;
    FUZZ_CHECK(sc_flat_gemm_f32(0, 0, 1, 1, 1, 1e300, &one, 1, &one, 1, 0, &out, 1) == SC_ERR_NONFINITE, "flat alpha 1e300");
    return 0;
}
