/* Local fields with SIMD128: four f32x4 accumulators per row (the 16 partial
 * sums of the contract in gemv_fixed.h), so four independent add
 * chains hide the add latency. The synchronous kernel does two rows at once:
 * each state vector loaded serves both rows (eight accumulators in flight),
 * which halves the loads of s; the weights are read once either way.
 *
 * With float weights the state is kept as float +-1 rather than int8: a float
 * multiply costs the same as the sign-bit XOR an int8 state would need, and
 * widening int8 to f32x4 masks costs more instructions than it saves; the
 * state row is at most 16 KiB and stays in L1, while the weight stream
 * dominates the traffic. (Hebb networks use the integer kernels further down,
 * with int8/int16 states, because there the weights shrink too.)
 *
 * Per lane the operations are those of gemv_fixed_scalar.c in the same order,
 * and SIMD128 has no FMA, so the results are bit-identical. */
#include "gemv_fixed.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"

#define MADD(a, wp, v) a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_v128_load(wp), v))

static inline float reduce(v128_t a0, v128_t a1, v128_t a2, v128_t a3)
{
    const v128_t r = wasm_f32x4_add(wasm_f32x4_add(a0, a1), wasm_f32x4_add(a2, a3));
    return (wasm_f32x4_extract_lane(r, 0) + wasm_f32x4_extract_lane(r, 2)) +
           (wasm_f32x4_extract_lane(r, 1) + wasm_f32x4_extract_lane(r, 3));
}

float sc_gemv_fixed_dot_simd(const float *w, const float *s, int stride)
{
    v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
    for (int j = 0; j < stride; j += SC_GEMV_FIXED_BLOCK) {
        MADD(a0, w + j, wasm_v128_load(s + j));
        MADD(a1, w + j + 4, wasm_v128_load(s + j + 4));
        MADD(a2, w + j + 8, wasm_v128_load(s + j + 8));
        MADD(a3, w + j + 12, wasm_v128_load(s + j + 12));
    }
    return reduce(a0, a1, a2, a3);
}

void sc_gemv_fixed_fields_simd(const float *w, const float *s, int rows, int stride, float *h)
{
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const float *w0 = w + (size_t)i * stride, *w1 = w0 + stride;
        v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
        v128_t b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int j = 0; j < stride; j += SC_GEMV_FIXED_BLOCK) {
            const v128_t s0 = wasm_v128_load(s + j), s1 = wasm_v128_load(s + j + 4);
            const v128_t s2 = wasm_v128_load(s + j + 8), s3 = wasm_v128_load(s + j + 12);
            MADD(a0, w0 + j, s0);
            MADD(b0, w1 + j, s0);
            MADD(a1, w0 + j + 4, s1);
            MADD(b1, w1 + j + 4, s1);
            MADD(a2, w0 + j + 8, s2);
            MADD(b2, w1 + j + 8, s2);
            MADD(a3, w0 + j + 12, s3);
            MADD(b3, w1 + j + 12, s3);
        }
        h[i] = reduce(a0, a1, a2, a3);
        h[i + 1] = reduce(b0, b1, b2, b3);
    }
    for (; i < rows; i++) h[i] = sc_gemv_fixed_dot_simd(w + (size_t)i * stride, s, stride);
}

/* Integer fields of Hebb networks: i32x4.dot_i16x8_s does eight multiply-
 * adds of int16 pairs into four int32 lanes in one instruction. Exact, so
 * the lane grouping does not matter. */
#define QMADD(a, kp, v) a = wasm_i32x4_add(a, wasm_i32x4_dot_i16x8(wasm_v128_load(kp), v))

static inline int32_t qreduce(v128_t a)
{
    return wasm_i32x4_extract_lane(a, 0) + wasm_i32x4_extract_lane(a, 1) +
           wasm_i32x4_extract_lane(a, 2) + wasm_i32x4_extract_lane(a, 3);
}

int32_t sc_gemv_fixed_qdot_simd(const int16_t *k, const int16_t *s, int stride)
{
    v128_t a0 = wasm_i32x4_splat(0), a1 = a0;
    for (int j = 0; j < stride; j += SC_GEMV_FIXED_BLOCK) {
        QMADD(a0, k + j, wasm_v128_load(s + j));
        QMADD(a1, k + j + 8, wasm_v128_load(s + j + 8));
    }
    return qreduce(wasm_i32x4_add(a0, a1));
}

void sc_gemv_fixed_qfields_simd(const int16_t *k, const int16_t *s, int rows, int stride, int32_t *out)
{
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const int16_t *k0 = k + (size_t)i * stride, *k1 = k0 + stride;
        v128_t a0 = wasm_i32x4_splat(0), a1 = a0, b0 = a0, b1 = a0;
        for (int j = 0; j < stride; j += SC_GEMV_FIXED_BLOCK) {
            const v128_t s0 = wasm_v128_load(s + j), s1 = wasm_v128_load(s + j + 8);
            QMADD(a0, k0 + j, s0);
            QMADD(b0, k1 + j, s0);
            QMADD(a1, k0 + j + 8, s1);
            QMADD(b1, k1 + j + 8, s1);
        }
        out[i] = qreduce(wasm_i32x4_add(a0, a1));
        out[i + 1] = qreduce(wasm_i32x4_add(b0, b1));
    }
    for (; i < rows; i++) out[i] = sc_gemv_fixed_qdot_simd(k + (size_t)i * stride, s, stride);
}

/* int8 counts: k * s = (k ^ m) - m with the sign mask m (two's-complement
 * negation where s = -1; |k| <= 127 so it cannot overflow), then
 * i16x8.extadd_pairwise_i8x16_s into int16 lanes. A lane gains at most
 * 2 * 127 per 16 neurons, so 64 blocks (1024 neurons) stay below 32767
 * before they are widened into the int32 sum. */
#define Q8_FLUSH (64 * SC_GEMV_FIXED_BLOCK)

static inline v128_t q8term(const int8_t *k, v128_t m)
{
    return wasm_i16x8_extadd_pairwise_i8x16(wasm_i8x16_sub(wasm_v128_xor(wasm_v128_load(k), m), m));
}

int32_t sc_gemv_fixed_q8dot_simd(const int8_t *k, const int8_t *m, int stride)
{
    v128_t acc = wasm_i32x4_splat(0);
    for (int j = 0; j < stride;) {
        const int end = stride - j > Q8_FLUSH ? j + Q8_FLUSH : stride;
        v128_t a16 = wasm_i16x8_splat(0);
        for (; j < end; j += SC_GEMV_FIXED_BLOCK) a16 = wasm_i16x8_add(a16, q8term(k + j, wasm_v128_load(m + j)));
        acc = wasm_i32x4_add(acc, wasm_i32x4_extadd_pairwise_i16x8(a16));
    }
    return qreduce(acc);
}

void sc_gemv_fixed_q8fields_simd(const int8_t *k, const int8_t *m, int rows, int stride, int32_t *out)
{
    int i = 0;
    for (; i + 2 <= rows; i += 2) {
        const int8_t *k0 = k + (size_t)i * stride, *k1 = k0 + stride;
        v128_t a = wasm_i32x4_splat(0), b = a;
        for (int j = 0; j < stride;) {
            const int end = stride - j > Q8_FLUSH ? j + Q8_FLUSH : stride;
            v128_t a16 = wasm_i16x8_splat(0), b16 = a16;
            for (; j < end; j += SC_GEMV_FIXED_BLOCK) {
                const v128_t mj = wasm_v128_load(m + j);
                a16 = wasm_i16x8_add(a16, q8term(k0 + j, mj));
                b16 = wasm_i16x8_add(b16, q8term(k1 + j, mj));
            }
            a = wasm_i32x4_add(a, wasm_i32x4_extadd_pairwise_i16x8(a16));
            b = wasm_i32x4_add(b, wasm_i32x4_extadd_pairwise_i16x8(b16));
        }
        out[i] = qreduce(a);
        out[i + 1] = qreduce(b);
    }
    for (; i < rows; i++) out[i] = sc_gemv_fixed_q8dot_simd(k + (size_t)i * stride, m, stride);
}

/* Fields in double (hopfield/incremental.c): per block of eight floats, w * s in
 * f32x4 (exact: s is +-1 or 0), promoted to four f64x2 accumulators holding
 * acc[0..7] of the scalar order; the reduction (a0 + a1) + (a2 + a3) gives
 * the r[0], r[1] of gemv_fixed_scalar.c, then h = r[0] + r[1]. Bit-identical. */
static inline v128_t high_half(v128_t v) { return wasm_i32x4_shuffle(v, v, 2, 3, 2, 3); }

void sc_gemv_fixed_dfields_simd(const float *w, const float *s, int rows, int stride, double *h)
{
    for (int i = 0; i < rows; i++) {
        const float *row = w + (size_t)i * stride;
        v128_t a0 = wasm_f64x2_splat(0.0), a1 = a0, a2 = a0, a3 = a0;
        for (int j = 0; j < stride; j += 8) {
            const v128_t p0 = wasm_f32x4_mul(wasm_v128_load(row + j), wasm_v128_load(s + j));
            const v128_t p1 = wasm_f32x4_mul(wasm_v128_load(row + j + 4), wasm_v128_load(s + j + 4));
            a0 = wasm_f64x2_add(a0, wasm_f64x2_promote_low_f32x4(p0));
            a1 = wasm_f64x2_add(a1, wasm_f64x2_promote_low_f32x4(high_half(p0)));
            a2 = wasm_f64x2_add(a2, wasm_f64x2_promote_low_f32x4(p1));
            a3 = wasm_f64x2_add(a3, wasm_f64x2_promote_low_f32x4(high_half(p1)));
        }
        const v128_t r = wasm_f64x2_add(wasm_f64x2_add(a0, a1), wasm_f64x2_add(a2, a3));
        h[i] = wasm_f64x2_extract_lane(r, 0) + wasm_f64x2_extract_lane(r, 1);
    }
}

/* h[j] += d * w[j]: promote four floats to two f64x2, multiply by d = +-2
 * (exact) and add; the same single rounding per element as the scalar loop. */
void sc_gemv_fixed_daxpy_simd(double *h, const float *w, double d, int stride)
{
    const v128_t dv = wasm_f64x2_splat(d);
    for (int j = 0; j < stride; j += 8) {
        const v128_t w0 = wasm_v128_load(w + j), w1 = wasm_v128_load(w + j + 4);
        wasm_v128_store(h + j, wasm_f64x2_add(wasm_v128_load(h + j), wasm_f64x2_mul(dv, wasm_f64x2_promote_low_f32x4(w0))));
        wasm_v128_store(h + j + 2, wasm_f64x2_add(wasm_v128_load(h + j + 2),
                                                  wasm_f64x2_mul(dv, wasm_f64x2_promote_low_f32x4(high_half(w0)))));
        wasm_v128_store(h + j + 4, wasm_f64x2_add(wasm_v128_load(h + j + 4), wasm_f64x2_mul(dv, wasm_f64x2_promote_low_f32x4(w1))));
        wasm_v128_store(h + j + 6, wasm_f64x2_add(wasm_v128_load(h + j + 6),
                                                  wasm_f64x2_mul(dv, wasm_f64x2_promote_low_f32x4(high_half(w1)))));
    }
}
#endif
