/* SIMD FFT: the algorithms of fft_impl.h with V = v128_t, i.e. four
 * independent transforms per instruction (columns in the y pass, rows of
 * the transposed spectrum in the x pass). */
#include "fft.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

typedef v128_t V;
#define FN(name) name##_simd

static inline V v_ld(const float *p)
{
    return wasm_v128_load(p);
}
static inline void v_st(float *p, V a) { wasm_v128_store(p, a); }
static inline V v_add(V a, V b) { return wasm_f32x4_add(a, b); }
static inline V v_sub(V a, V b) { return wasm_f32x4_sub(a, b); }
static inline V v_mul(V a, V b) { return wasm_f32x4_mul(a, b); }
static inline V v_splat(float x) { return wasm_f32x4_splat(x); }
static inline V v_ldsplat(const float *p) { return wasm_v128_load32_splat(p); }
static inline V v_zero(void) { return wasm_f32x4_splat(0.0f); }
static inline void v_tr4(V *a, V *b, V *c, V *d)
{
    const V t0 = wasm_i32x4_shuffle(*a, *b, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(*a, *b, 2, 6, 3, 7);
    const V t2 = wasm_i32x4_shuffle(*c, *d, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(*c, *d, 2, 6, 3, 7);
    *a = wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5);
    *b = wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7);
    *c = wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5);
    *d = wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7);
}

#include "fft_impl.h"

const sc_fft_variant sc_fft_variant_simd = {
    "simd",
    cfft_simd,
    cfft_nz_simd,
    rfft2_simd,
    irfft2_simd,
    corr_simd,
};
#endif
