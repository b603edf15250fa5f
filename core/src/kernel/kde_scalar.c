/* Scalar reference of the density sums (kde_internal.h), compiled without
 * auto-vectorisation: the SIMD variant is tested against it. */
#include "kde_internal.h"

void kde_reg_scalar(int kernel, const double *s, const double *y, int n, double inv_h,
                    const double *at, int m, int skip, double *sums);

void kde_sum1_scalar(int kernel, const double *s, int n, double inv_h, const double *at, int m,
                     int skip, double *out)
{
    for (int k = 0; k < m; k++) {
        double acc = 0.0;
        for (int j = 0; j < n; j++) {
            if (skip && j == k) continue;
            const double u = (at[k] - s[j]) * inv_h;
            acc += kde_shape(kernel, u * u);
        }
        out[k] = acc;
    }
}

void kde_sum2_scalar(int kernel, const double *s, int n, const double *hinv, const double *at,
                     int m, double *out)
{
    const double a = hinv[0], b = hinv[1], c = hinv[2];
    for (int k = 0; k < m; k++) {
        double acc = 0.0;
        for (int j = 0; j < n; j++) {
            const double ux = at[2 * k] - s[2 * j], uy = at[2 * k + 1] - s[2 * j + 1];
            const double q = a * ux * ux + 2.0 * b * ux * uy + c * uy * uy;
            acc += kde_shape(kernel, q);
        }
        out[k] = acc;
    }
}

const kde_variant kde_variant_scalar = {"scalar", kde_sum1_scalar, kde_sum2_scalar,
                                        kde_reg_scalar};
