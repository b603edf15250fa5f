/* Scalar reference of the regression sums (kde_internal.h: reg). */
#include "kde_internal.h"

void kde_reg_scalar(int kernel, const double *s, const double *y, int n, double inv_h,
                    const double *at, int m, int skip, double *sums);

void kde_reg_scalar(int kernel, const double *s, const double *y, int n, double inv_h,
                    const double *at, int m, int skip, double *sums)
{
    for (int k = 0; k < m; k++) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, t0 = 0.0, t1 = 0.0;
        for (int j = 0; j < n; j++) {
            if (skip && j == k) continue;
            const double d = s[j] - at[k], u = d * inv_h;
            const double w = kde_shape(kernel, u * u);
            const double wd = w * d;
            s0 += w;
            s1 += wd;
            s2 += wd * d;
            t0 += w * y[j];
            t1 += wd * y[j];
        }
        double *o = sums + 5 * (size_t)k;
        o[0] = s0;
        o[1] = s1;
        o[2] = s2;
        o[3] = t0;
        o[4] = t1;
    }
}
