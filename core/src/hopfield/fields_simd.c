/* Local fields with SIMD128: four f32x4 accumulators per row (the 16 partial
 * sums of the contract in hopfield_internal.h), so four independent add
 * chains hide the add latency. The synchronous kernel does two rows at once:
 * each state vector loaded serves both rows (eight accumulators in flight),
 * which halves the loads of s; the weights are read once either way.
 *
 * The state is kept as float +-1 rather than int8: a float multiply costs the
 * same as the sign-bit XOR an int8 state would need, and widening int8 to
 * f32x4 masks costs more instructions than it saves; the state row is at most
 * 16 KiB and stays in L1, while the weight stream dominates the traffic.
 *
 * Per lane the operations are those of fields_scalar.c in the same order,
 * and SIMD128 has no FMA, so the results are bit-identical. */
#include "hopfield_internal.h"
#if SC_HAVE_SIMD
#include "../simd.h"

#define MADD(a, wp, v) a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_v128_load(wp), v))

static inline float reduce(v128_t a0, v128_t a1, v128_t a2, v128_t a3)
{
    const v128_t r = wasm_f32x4_add(wasm_f32x4_add(a0, a1), wasm_f32x4_add(a2, a3));
    return (wasm_f32x4_extract_lane(r, 0) + wasm_f32x4_extract_lane(r, 2)) +
           (wasm_f32x4_extract_lane(r, 1) + wasm_f32x4_extract_lane(r, 3));
}

float sc_hop_dot_simd(const float *w, const float *s, int stride)
{
    v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
    for (int j = 0; j < stride; j += SC_HOP_BLOCK) {
        MADD(a0, w + j, wasm_v128_load(s + j));
        MADD(a1, w + j + 4, wasm_v128_load(s + j + 4));
        MADD(a2, w + j + 8, wasm_v128_load(s + j + 8));
        MADD(a3, w + j + 12, wasm_v128_load(s + j + 12));
    }
    return reduce(a0, a1, a2, a3);
}

void sc_hop_fields_simd(const float *w, const float *s, int rows, int stride, float *h)
{
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const float *w0 = w + (size_t)i * stride, *w1 = w0 + stride;
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        v128_t b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int j = 0; j < stride; j += SC_HOP_BLOCK) {
            const v128_t s0 = wasm_v128_load(s + j), s1 = wasm_v128_load(s + j + 4);
            const v128_t s2 = wasm_v128_load(s + j + 8), s3 = wasm_v128_load(s + j + 12);
            MADD(a0, w0 + j, s0); MADD(b0, w1 + j, s0);
            MADD(a1, w0 + j + 4, s1); MADD(b1, w1 + j + 4, s1);
            MADD(a2, w0 + j + 8, s2); MADD(b2, w1 + j + 8, s2);
            MADD(a3, w0 + j + 12, s3); MADD(b3, w1 + j + 12, s3);
        }
        h[i] = reduce(a0, a1, a2, a3);
        h[i + 1] = reduce(b0, b1, b2, b3);
    }
    for (; i < rows; i++) h[i] = sc_hop_dot_simd(w + (size_t)i * stride, s, stride);
}
#endif
