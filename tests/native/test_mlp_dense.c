/* The MLP online step's fixed-order kernels (core/src/mlp/dense.h): every
 * variant bit for bit equal to the scalar reference over sizes around the
 * 16-lane blocks (outputs pre-filled with NaN so unwritten elements show),
 * and the reference itself against a float64 dot product, tolerance scaled
 * by sum |w x|. */
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

int main(void)
{
    CHECK_RUN(test_variants_bitwise());
    return check_summary("test_mlp_dense");
}
