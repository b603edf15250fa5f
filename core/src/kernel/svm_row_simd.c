/* The SVM's kernel rows with SIMD128 over two points per vector
 * (svm_row.h): four points per step in two independent vectors, then two,
 * then the scalar reference's order for the last one. */
#include "svm_row.h"

#if SC_HAVE_SIMD
#include "../base/simd.h"

/* exp(v) for v <= 0 (NaN stays NaN): v = k ln 2 + r, |r| <= ln 2 / 2, with
 * ln 2 split in two (fdlibm's ln2_hi has 32 zero low bits, so k ln2_hi is
 * exact); e^r by its Taylor polynomial of degree 13 (truncation below
 * 1e-17 relative); 2^k as two normal factors 2^(k/2) 2^(k - k/2), so
 * results down to the subnormals round once. v below -745 gives 0 or the
 * least subnormal, where exp underflows. */
static inline v128_t exp_nonpositive(v128_t v)
{
    const v128_t magic = wasm_f64x2_splat(6755399441055744.0); /* 1.5 * 2^52: rounds to integers */
    v = wasm_f64x2_pmax(v, wasm_f64x2_splat(-745.5));
    const v128_t t = wasm_f64x2_add(wasm_f64x2_mul(v, wasm_f64x2_splat(1.4426950408889634)), magic);
    const v128_t kf = wasm_f64x2_sub(t, magic);
    const v128_t ki = wasm_i64x2_sub(t, magic); /* the integer k, from the bits */
    v128_t r = wasm_f64x2_sub(v, wasm_f64x2_mul(kf, wasm_f64x2_splat(6.93147180369123816490e-01)));
    r = wasm_f64x2_sub(r, wasm_f64x2_mul(kf, wasm_f64x2_splat(1.90821492927058770002e-10)));
    static const double inv_fact[14] = {
        1.0,
        1.0,
        1.0 / 2,
        1.0 / 6,
        1.0 / 24,
        1.0 / 120,
        1.0 / 720,
        1.0 / 5040,
        1.0 / 40320,
        1.0 / 362880,
        1.0 / 3628800,
        1.0 / 39916800,
        1.0 / 479001600,
        1.0 / 6227020800.0,
    };
    v128_t p = wasm_f64x2_splat(inv_fact[13]);
    for (int i = 12; i >= 0; i--) p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(inv_fact[i]));
    const v128_t k1 = wasm_i64x2_shr(ki, 1);
    const v128_t k2 = wasm_i64x2_sub(ki, k1);
    const v128_t bias = wasm_i64x2_splat(1023);
    const v128_t s1 = wasm_i64x2_shl(wasm_i64x2_add(k1, bias), 52);
    const v128_t s2 = wasm_i64x2_shl(wasm_i64x2_add(k2, bias), 52);
    return wasm_f64x2_mul(wasm_f64x2_mul(p, s1), s2);
}

/* The kernel's function of two sums (svm_kernel_of, lane by lane). */
static inline v128_t kernel_of(const svm_kernel_desc *kd, v128_t s)
{
    const v128_t g = wasm_f64x2_splat(kd->gamma);
    switch (kd->kernel) {
    case SC_SVM_POLY: {
        v128_t tmp = wasm_f64x2_add(wasm_f64x2_mul(g, s), wasm_f64x2_splat(kd->coef0));
        v128_t ret = wasm_f64x2_splat(1.0);
        for (int t = kd->degree; t > 0; t /= 2) {
            if (t % 2 == 1) ret = wasm_f64x2_mul(ret, tmp);
            tmp = wasm_f64x2_mul(tmp, tmp);
        }
        return ret;
    }
    case SC_SVM_RBF:
        return exp_nonpositive(wasm_f64x2_mul(wasm_f64x2_neg(g), s));
    case SC_SVM_SIGMOID: {
        const v128_t a = wasm_f64x2_add(wasm_f64x2_mul(g, s), wasm_f64x2_splat(kd->coef0));
        return wasm_f64x2_make(tanh(wasm_f64x2_extract_lane(a, 0)), tanh(wasm_f64x2_extract_lane(a, 1)));
    }
    default:
        return s;
    }
}

void svm_row_simd(const svm_kernel_desc *kd, const double *xt, int stride, int d,
                  const double *z, int start, int end, double *out)
{
    const int rbf = kd->kernel == SC_SVM_RBF;
    int j = start;
    for (; j + 4 <= end; j += 4) {
        v128_t s0 = wasm_f64x2_splat(0.0), s1 = s0;
        for (int k = 0; k < d; k++) {
            const double *x = xt + (size_t)k * (size_t)stride + (size_t)j;
            const v128_t zk = wasm_f64x2_splat(z[k]);
            const v128_t x0 = wasm_v128_load(x), x1 = wasm_v128_load(x + 2);
            if (rbf) {
                const v128_t t0 = wasm_f64x2_sub(zk, x0), t1 = wasm_f64x2_sub(zk, x1);
                s0 = wasm_f64x2_add(s0, wasm_f64x2_mul(t0, t0));
                s1 = wasm_f64x2_add(s1, wasm_f64x2_mul(t1, t1));
            } else {
                s0 = wasm_f64x2_add(s0, wasm_f64x2_mul(zk, x0));
                s1 = wasm_f64x2_add(s1, wasm_f64x2_mul(zk, x1));
            }
        }
        wasm_v128_store(out + (j - start), kernel_of(kd, s0));
        wasm_v128_store(out + (j - start) + 2, kernel_of(kd, s1));
    }
    for (; j + 2 <= end; j += 2) {
        v128_t s = wasm_f64x2_splat(0.0);
        for (int k = 0; k < d; k++) {
            const v128_t zk = wasm_f64x2_splat(z[k]);
            const v128_t x = wasm_v128_load(xt + (size_t)k * (size_t)stride + (size_t)j);
            const v128_t t = rbf ? wasm_f64x2_sub(zk, x) : x;
            s = wasm_f64x2_add(s, wasm_f64x2_mul(rbf ? t : zk, t));
        }
        wasm_v128_store(out + (j - start), kernel_of(kd, s));
    }
    if (j < end) {
        /* The last point in two lanes (the second a copy), so RBF's exp is
         * the vector one for every element of a row. */
        v128_t s = wasm_f64x2_splat(0.0);
        for (int k = 0; k < d; k++) {
            const v128_t zk = wasm_f64x2_splat(z[k]);
            const v128_t x = wasm_f64x2_splat(xt[(size_t)k * (size_t)stride + (size_t)j]);
            const v128_t t = rbf ? wasm_f64x2_sub(zk, x) : x;
            s = wasm_f64x2_add(s, wasm_f64x2_mul(rbf ? t : zk, t));
        }
        out[j - start] = wasm_f64x2_extract_lane(kernel_of(kd, s), 0);
    }
}
#endif
