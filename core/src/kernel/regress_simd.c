/* SIMD regression sums: two evaluation points per f64x2 (kde_internal.h: reg). */
#include "kde_internal.h"
#if SC_HAVE_SIMD
#include "kde_simd.h"

void kde_reg_scalar(int kernel, const double *s, const double *y, int n, double inv_h,
                    const double *at, int m, int skip, double *sums);
void kde_reg_simd(int kernel, const double *s, const double *y, int n, double inv_h,
                  const double *at, int m, int skip, double *sums);

void kde_reg_simd(int kernel, const double *s, const double *y, int n, double inv_h,
                  const double *at, int m, int skip, double *sums)
{
    const v128_t ih = wasm_f64x2_splat(inv_h), zero = wasm_f64x2_splat(0.0);
    int k = 0;
    for (; k + 2 <= m; k += 2) {
        const v128_t x = wasm_v128_load(at + k);
        const v128_t idx = wasm_f64x2_make((double)k, (double)(k + 1));
        v128_t s0 = zero, s1 = zero, s2 = zero, t0 = zero, t1 = zero;
        for (int j = 0; j < n; j++) {
            const v128_t d = wasm_f64x2_sub(wasm_f64x2_splat(s[j]), x);
            const v128_t u = wasm_f64x2_mul(d, ih);
            v128_t w = kde_shape2(kernel, wasm_f64x2_mul(u, u));
            if (skip) w = wasm_v128_and(w, wasm_f64x2_ne(idx, wasm_f64x2_splat((double)j)));
            const v128_t wd = wasm_f64x2_mul(w, d), yj = wasm_f64x2_splat(y[j]);
            s0 = wasm_f64x2_add(s0, w);
            s1 = wasm_f64x2_add(s1, wd);
            s2 = wasm_f64x2_add(s2, wasm_f64x2_mul(wd, d));
            t0 = wasm_f64x2_add(t0, wasm_f64x2_mul(w, yj));
            t1 = wasm_f64x2_add(t1, wasm_f64x2_mul(wd, yj));
        }
        double *o = sums + 5 * (size_t)k;
        const v128_t v[5] = {s0, s1, s2, t0, t1};
        for (int q = 0; q < 5; q++) {
            o[q] = wasm_f64x2_extract_lane(v[q], 0);
            o[5 + q] = wasm_f64x2_extract_lane(v[q], 1);
        }
    }
    if (k < m) {
        if (skip) {
            /* The last point is sample k: the reference with k's own weight left out. */
            double s0 = 0, s1 = 0, s2 = 0, t0 = 0, t1 = 0;
            for (int j = 0; j < n; j++) {
                if (j == k) continue;
                const double d = s[j] - at[k], u = d * inv_h, w = kde_shape(kernel, u * u);
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
        } else {
            kde_reg_scalar(kernel, s, y, n, inv_h, at + k, m - k, 0, sums + 5 * (size_t)k);
        }
    }
}

#endif
