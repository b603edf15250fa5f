/* The SVM's kernel-row variants against the scalar reference (svm_row.h):
 * LINEAR, POLY and SIGMOID bit for bit (same order, no FMA), RBF's vector
 * exp within 1 ulp of the C library's, on seeded points of awkward
 * dimensions, starts and ends; outputs pre-filled with NaN so an unwritten
 * element shows, and nothing written past the end. */
#include <string.h>
#include "check.h"
#include "kernel/svm_row.h"

#define MAXN    41
#define MAXD    17
#define RBF_ULP 1.0

static double ulp_distance(double a, double b)
{
    if (a == b) return 0.0;
    const double scale = fmax(fabs(b), 2.2250738585072014e-308); /* below DBL_MIN: absolute */
    return fabs(a - b) / (scale * 2.220446049250313e-16);
}

static void test_variants(void)
{
    uint32_t seed = 12345u;
    static const int dims[] = {1, 2, 3, 4, 5, 17};
    static const double gammas[] = {0.01, 0.5, 3.0, 200.0};
    double xt[MAXD * MAXN], z[MAXD], ref[MAXN + 2], out[MAXN + 2];
    for (int v = 0; v < svm_row_variant_count; v++) {
        for (int kernel = 0; kernel < SC_SVM_KERNEL_COUNT; kernel++) {
            for (size_t di = 0; di < sizeof dims / sizeof dims[0]; di++) {
                for (size_t gi = 0; gi < sizeof gammas / sizeof gammas[0]; gi++) {
                    const int d = dims[di];
                    const svm_kernel_desc kd = {kernel, 1 + (int)gi * 2, gammas[gi], 0.5 * (double)gi - 0.7};
                    for (int k = 0; k < d * MAXN; k++) xt[k] = 3.0 * check_rand_f(&seed);
                    for (int k = 0; k < d; k++) z[k] = 3.0 * check_rand_f(&seed);
                    double worst = 0.0;
                    int bad = 0;
                    for (int start = 0; start < 6; start++) {
                        for (int end = start; end <= MAXN; end += 1 + (end > 10) * 7) {
                            for (int j = 0; j < MAXN + 2; j++) out[j] = ref[j] = NAN;
                            svm_row_scalar(&kd, xt, MAXN, d, z, start, end, ref);
                            svm_row_variants[v].row(&kd, xt, MAXN, d, z, start, end, out);
                            for (int j = 0; j < end - start; j++) {
                                if (kernel == SC_SVM_RBF) {
                                    const double u = ulp_distance(out[j], ref[j]);
                                    if (!(u <= RBF_ULP)) bad++;
                                    worst = fmax(worst, u);
                                } else if (memcmp(&out[j], &ref[j], sizeof(double)) != 0) {
                                    bad++;
                                }
                            }
                            if (!isnan(out[end - start])) bad++;
                        }
                    }
                    CHECK(bad == 0, "%s kernel %d d %d gamma %g: %d elements differ (worst %.2f ulp)",
                          svm_row_variants[v].name, kernel, d, gammas[gi], bad, worst);
                }
            }
        }
    }
}

/* exp's range: zero distance gives exactly 1, distances that underflow
 * give 0 or a subnormal, as the C library's exp does. */
static void test_rbf_range(void)
{
    double xt[8] = {0.0, 1.0, 10.0, 26.0, 27.5, 40.0, 1e3, 1e6};
    const double z[1] = {0.0};
    for (int v = 0; v < svm_row_variant_count; v++) {
        const svm_kernel_desc kd = {SC_SVM_RBF, 3, 1.0, 0.0};
        double out[8];
        svm_row_variants[v].row(&kd, xt, 8, 1, z, 0, 8, out);
        CHECK(out[0] == 1.0, "%s: K(x, x) = %.17g", svm_row_variants[v].name, out[0]);
        int bad = 0;
        for (int j = 1; j < 8; j++) {
            const double e = exp(-xt[j] * xt[j]);
            if (!(fabs(out[j] - e) <= 2.3e-16 * e + 5e-324)) bad++;
        }
        CHECK(bad == 0, "%s: %d of the exp range differ (%.17g %.17g)", svm_row_variants[v].name,
              bad, out[4], exp(-27.5 * 27.5));
    }
}

int main(void)
{
    CHECK_RUN(test_variants());
    CHECK_RUN(test_rbf_range());
    return check_summary("test_svm_row");
}
