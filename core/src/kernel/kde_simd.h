/* The kernels' shapes two doubles at a time (f64x2), for the SIMD variants
 * only (kde_simd.c, regress_simd.c). */
#ifndef SIMCORE_KDE_SIMD_H
#define SIMCORE_KDE_SIMD_H

#include "kde_internal.h"
#include "../base/simd.h"

/* e^x for x in [-KDE_EXP_CUT, 0], 0 below: x = k ln 2 + r, |r| <= ln2 / 2
 * (fdlibm's two-part ln 2), e^r by its Taylor polynomial of degree 13
 * (remainder < 2e-17 relative), 2^k added to the exponent bits. Within
 * 4e-16 relative of libm's exp. */
static inline v128_t kde_exp_neg(v128_t x)
{
    const v128_t keep = wasm_f64x2_ge(x, wasm_f64x2_splat(-KDE_EXP_CUT));
    x = wasm_f64x2_pmax(x, wasm_f64x2_splat(-KDE_EXP_CUT));
    const v128_t magic = wasm_f64x2_splat(6755399441055744.0); /* 1.5 * 2^52 */
    v128_t kd = wasm_f64x2_add(wasm_f64x2_mul(x, wasm_f64x2_splat(1.4426950408889634)), magic);
    const v128_t kbits = kd;
    kd = wasm_f64x2_sub(kd, magic);
    v128_t r = wasm_f64x2_sub(x, wasm_f64x2_mul(kd, wasm_f64x2_splat(6.93147180369123816490e-01)));
    r = wasm_f64x2_sub(r, wasm_f64x2_mul(kd, wasm_f64x2_splat(1.90821492927058770002e-10)));
    static const double c[] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0,
                               1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
                               1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0,
                               1.0 / 24.0, 1.0 / 6.0, 0.5,
                               1.0, 1.0};
    v128_t p = wasm_f64x2_splat(c[0]);
    for (int i = 1; i < (int)(sizeof c / sizeof c[0]); i++)
        p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(c[i]));
    p = wasm_i64x2_add(p, wasm_i64x2_shl(kbits, 52));
    return wasm_v128_and(p, keep);
}

static inline v128_t kde_shape2(int kernel, v128_t t)
{
    const v128_t one = wasm_f64x2_splat(1.0);
    const v128_t in = wasm_f64x2_lt(t, one);
    switch (kernel) {
    case SC_KDE_GAUSSIAN:
        return kde_exp_neg(wasm_f64x2_mul(t, wasm_f64x2_splat(-0.5)));
    case SC_KDE_EPANECHNIKOV:
        return wasm_v128_and(wasm_f64x2_sub(one, t), in);
    case SC_KDE_BIWEIGHT: {
        const v128_t a = wasm_f64x2_sub(one, t);
        return wasm_v128_and(wasm_f64x2_mul(a, a), in);
    }
    case SC_KDE_TRIANGULAR:
        return wasm_v128_and(wasm_f64x2_sub(one, wasm_f64x2_sqrt(t)), in);
    default:
        return wasm_v128_and(one, in);
    }
}

#endif
