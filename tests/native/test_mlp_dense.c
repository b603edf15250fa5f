/* The MLP online step's fixed-order kernels (core/src/mlp/dense.h): every
 * variant bit for bit equal to the scalar reference over sizes around the
 * 16-lane blocks (outputs pre-filled with NaN so unwritten elements show),
 * and the reference itself against a float64 dot product, tolerance scaled
 * by sum |w x|; the tanh approximation against the double tanh. */
#include <string.h>
#include "check.h"
#include "mlp/dense.h"

#define DOT_TOL 4e-7 /* a few float32 roundings of sum |w x| */

static void test_variants_bitwise(void)
{
    static const int ins[] = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 20, 31, 32, 33, 47, 64, 65, 100, 784};
    enum { MAXO = 11,
           MAXI = 784 };
    static float w[MAXO * MAXI], x[MAXI], b[MAXO], d[MAXO], ref[MAXI], got[MAXI];
    uint32_t s = 21;
    for (size_t c = 0; c < sizeof ins / sizeof ins[0]; c++) {
        for (int out = 1; out <= MAXO; out += 3) {
            const int in = ins[c];
            check_fill_random(w, (size_t)out * in, &s);
            check_fill_random(x, (size_t)in, &s);
            check_fill_random(b, (size_t)out, &s);
            check_fill_random(d, (size_t)out, &s);
            check_fill_nan(ref, MAXI);
            mlp_fields_scalar(w, x, b, out, in, ref);
            double worst = 0;
            for (int j = 0; j < out; j++) {
                double h = b[j], mag = fabs(b[j]);
                for (int i = 0; i < in; i++) {
                    h += (double)w[j * in + i] * x[i];
                    mag += fabs((double)w[j * in + i] * x[i]);
                }
                worst = fmax(worst, fabs(ref[j] - h) / (mag + 1e-30));
            }
            CHECK(worst <= DOT_TOL * (1 + in / 16.0), "fields %dx%d: relative error %g", out, in, worst);
            for (int v = 1; v < mlp_dense_variant_count; v++) {
                check_fill_nan(got, MAXI);
                mlp_dense_variants[v].fields(w, x, b, out, in, got);
                CHECK(memcmp(got, ref, sizeof(float) * (size_t)out) == 0 && isnan(got[out]),
                      "%s fields %dx%d differ from the scalar reference", mlp_dense_variants[v].name, out, in);
            }
            check_fill_nan(ref, MAXI);
            mlp_backprop_scalar(w, d, out, in, ref);
            for (int i = 0; i < in; i++) {
                float e = 0.0f; /* the contract's order: k ascending from +0 */
                for (int k = 0; k < out; k++) e += d[k] * w[k * in + i];
                if (memcmp(&e, &ref[i], sizeof e) != 0) {
                    CHECK(0, "backprop %dx%d: element %d %g, expected %g", out, in, i, ref[i], e);
                    break;
                }
            }
            for (int v = 1; v < mlp_dense_variant_count; v++) {
                check_fill_nan(got, MAXI);
                mlp_dense_variants[v].backprop(w, d, out, in, got);
                CHECK(memcmp(got, ref, sizeof(float) * (size_t)in) == 0 && (in == MAXI || isnan(got[in])),
                      "%s backprop %dx%d differ from the scalar reference", mlp_dense_variants[v].name, out, in);
            }
        }
    }
    CHECK(strcmp(mlp_dense_variants[0].name, "scalar") == 0, "the reference is first");
}

/* tanh: against the double tanh on a dense sweep and at specials; every
 * variant bit for bit equal to the reference, tails included. */
#define TANH_TOL 5e-7 /* absolute and relative: about 6 float ulps near 1 */
static void test_tanh(void)
{
    enum { N = 1 << 20 };
    static float v[N + 16], ref[N + 16], got[N + 16];
    static const float specials[16] = {0.0f, -0.0f, 1e-45f, -1e-38f, 1e-10f, 0.5f, -0.5f, 8.999f, 9.0f, -9.0f, 9.001f, 20.0f, -1e30f, INFINITY, -INFINITY, NAN};
    for (int i = 0; i < N; i++) v[i] = -12.0f + 24.0f * (float)i / N;
    memcpy(v + N, specials, sizeof specials);
    memcpy(ref, v, sizeof v);
    mlp_tanh_scalar(ref, N + 16);
    double worst_abs = 0, worst_rel = 0;
    int odd = 0, bound = 0;
    for (int i = 0; i < N + 15; i++) {
        const double t = tanh((double)v[i]), e = fabs(ref[i] - t);
        worst_abs = fmax(worst_abs, e);
        if (t != 0) worst_rel = fmax(worst_rel, e / fabs(t));
        bound += !(fabsf(ref[i]) <= 1.0f);
    }
    for (int i = 0; i < N; i++) {
        float a = v[i], b = -v[i];
        mlp_tanh_scalar(&a, 1);
        mlp_tanh_scalar(&b, 1);
        odd += a != -b;
    }
    CHECK(worst_abs <= TANH_TOL && worst_rel <= TANH_TOL, "tanh error abs %g rel %g", worst_abs, worst_rel);
    CHECK(odd == 0 && bound == 0, "odd symmetry broken %d times, |tanh| > 1 %d times", odd, bound);
    CHECK(isnan(ref[N + 15]) && ref[N + 13] == 1.0f && ref[N + 14] == -1.0f, "NaN, +-inf");
    for (int vi = 1; vi < mlp_dense_variant_count; vi++) {
        for (int n = 1; n <= 9; n++) { /* tails */
            memcpy(got, v + N, sizeof specials);
            mlp_dense_variants[vi].tanh(got, (size_t)n);
            CHECK(memcmp(got, ref + N, sizeof(float) * (size_t)n) == 0, "%s tanh, %d specials", mlp_dense_variants[vi].name, n);
        }
        memcpy(got, v, sizeof v);
        mlp_dense_variants[vi].tanh(got, N + 16);
        CHECK(memcmp(got, ref, sizeof(float) * (N + 15)) == 0 && isnan(got[N + 15]), "%s tanh differs from the reference",
              mlp_dense_variants[vi].name);
    }
}

int main(void)
{
    CHECK_RUN(test_variants_bitwise());
    CHECK_RUN(test_tanh());
    return check_summary("test_mlp_dense");
}
