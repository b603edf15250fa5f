/* SIMD density sums: two evaluation points per f64x2, each summed over the
 * samples in index order (as the scalar reference; kde_internal.h). */
#include "kde_internal.h"
#if SC_HAVE_SIMD
#include "kde_simd.h"

void kde_sum1_scalar(int kernel, const double *s, int n, double inv_h, const double *at, int m,
                     int skip, double *out);
void kde_sum2_scalar(int kernel, const double *s, int n, const double *hinv, const double *at,
                     int m, double *out);
void kde_reg_simd(int kernel, const double *s, const double *y, int n, double inv_h,
                  const double *at, int m, int skip, double *sums);

static void sum1_simd(int kernel, const double *s, int n, double inv_h, const double *at, int m,
                      int skip, double *out)
{
    const v128_t ih = wasm_f64x2_splat(inv_h);
    int k = 0;
    for (; k + 2 <= m; k += 2) {
        const v128_t x = wasm_v128_load(at + k);
        const v128_t idx = wasm_f64x2_make((double)k, (double)(k + 1));
        v128_t acc = wasm_f64x2_splat(0.0);
        for (int j = 0; j < n; j++) {
            const v128_t u = wasm_f64x2_mul(wasm_f64x2_sub(x, wasm_f64x2_splat(s[j])), ih);
            v128_t w = kde_shape2(kernel, wasm_f64x2_mul(u, u));
            if (skip) w = wasm_v128_and(w, wasm_f64x2_ne(idx, wasm_f64x2_splat((double)j)));
            acc = wasm_f64x2_add(acc, w);
        }
        wasm_v128_store(out + k, acc);
    }
    if (k < m) {
        if (skip) {
            /* The last point is sample k: sum over all but k. */
            double acc = 0.0;
            for (int j = 0; j < n; j++) {
                if (j == k) continue;
                const double u = (at[k] - s[j]) * inv_h;
                acc += kde_shape(kernel, u * u);
            }
            out[k] = acc;
        } else {
            kde_sum1_scalar(kernel, s, n, inv_h, at + k, m - k, 0, out + k);
        }
    }
}

static void sum2_simd(int kernel, const double *s, int n, const double *hinv, const double *at,
                      int m, double *out)
{
    const v128_t a = wasm_f64x2_splat(hinv[0]), b2 = wasm_f64x2_splat(2.0 * hinv[1]),
                 c = wasm_f64x2_splat(hinv[2]);
    int k = 0;
    for (; k + 2 <= m; k += 2) {
        const v128_t x = wasm_f64x2_make(at[2 * k], at[2 * k + 2]);
        const v128_t y = wasm_f64x2_make(at[2 * k + 1], at[2 * k + 3]);
        v128_t acc = wasm_f64x2_splat(0.0);
        for (int j = 0; j < n; j++) {
            const v128_t ux = wasm_f64x2_sub(x, wasm_f64x2_splat(s[2 * j]));
            const v128_t uy = wasm_f64x2_sub(y, wasm_f64x2_splat(s[2 * j + 1]));
            /* a ux^2 + 2 b ux uy + c uy^2 in the scalar reference's order */
            const v128_t q = wasm_f64x2_add(
                wasm_f64x2_add(wasm_f64x2_mul(wasm_f64x2_mul(a, ux), ux),
                               wasm_f64x2_mul(wasm_f64x2_mul(b2, ux), uy)),
                wasm_f64x2_mul(wasm_f64x2_mul(c, uy), uy));
            acc = wasm_f64x2_add(acc, kde_shape2(kernel, q));
        }
        wasm_v128_store(out + k, acc);
    }
    if (k < m) kde_sum2_scalar(kernel, s, n, hinv, at + 2 * k, m - k, out + k);
}

const kde_variant kde_variant_simd = {"simd", sum1_simd, sum2_simd, kde_reg_simd};

#endif
