#include <stdint.h>
#include <string.h>
#include "internal.h"
#if SC_HAVE_SIMD
#include "simd.h"
#endif

int sc_all_finite(const float *x, size_t n)
{
#if SC_HAVE_SIMD
    /* Same test, 16 floats per round: (bits & EXP) == EXP marks a non-finite
     * lane; and, compare and or are one SSE2 instruction each (an unsigned
     * max is not), four independent accumulators. */
    const v128_t exp = wasm_i32x4_splat(0x7f800000);
    v128_t a0 = wasm_i32x4_splat(0), a1 = a0, a2 = a0, a3 = a0;
    size_t k = 0;
    for (; k + 16 <= n; k += 16) {
        a0 = wasm_v128_or(a0, wasm_i32x4_eq(wasm_v128_and(wasm_v128_load(x + k), exp), exp));
        a1 = wasm_v128_or(a1, wasm_i32x4_eq(wasm_v128_and(wasm_v128_load(x + k + 4), exp), exp));
        a2 = wasm_v128_or(a2, wasm_i32x4_eq(wasm_v128_and(wasm_v128_load(x + k + 8), exp), exp));
        a3 = wasm_v128_or(a3, wasm_i32x4_eq(wasm_v128_and(wasm_v128_load(x + k + 12), exp), exp));
    }
    if (wasm_v128_any_true(wasm_v128_or(wasm_v128_or(a0, a1), wasm_v128_or(a2, a3)))) return 0;
    x += k;
    n -= k;
#endif
    /* A float is NaN or +-inf iff its exponent field is all ones. The largest
     * masked exponent tells; four independent maxima vectorise well (one
     * dependent chain of float adds cost 1.5 ms per megapixel in wasm). */
    const uint32_t EXP = 0x7f800000u;
    uint32_t m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t b[4];
        memcpy(b, x + i, sizeof b);
        m0 = (b[0] & EXP) > m0 ? (b[0] & EXP) : m0;
        m1 = (b[1] & EXP) > m1 ? (b[1] & EXP) : m1;
        m2 = (b[2] & EXP) > m2 ? (b[2] & EXP) : m2;
        m3 = (b[3] & EXP) > m3 ? (b[3] & EXP) : m3;
    }
    for (; i < n; i++) {
        uint32_t b;
        memcpy(&b, x + i, sizeof b);
        m0 = (b & EXP) > m0 ? (b & EXP) : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return (m2 > m0 ? m2 : m0) != EXP;
}

sc_status sc_check_output(const float *x, size_t n, const char *arg)
{
    return sc_all_finite(x, n) ? SC_OK : sc_fail(SC_ERR_OVERFLOW, arg);
}
