/* The fast mode with SIMD128 (fast.h): four neurons per vector, four
 * xoshiro128+ lanes for the noise, the same operations in the same order as
 * fast_scalar.c (SIMD128 has no FMA), so the bits agree. Arrays are padded
 * to 8 floats and 16-byte aligned (fast.c), so no tails. */
#include <stddef.h>
#include "fast.h"
#if SC_HAVE_SIMD
#include "fast_math.h"
#include "../base/simd.h"

typedef struct {
    v128_t s0, s1, s2, s3;
} rng_lanes;

static v128_t next(rng_lanes *r)
{
    const v128_t result = wasm_i32x4_add(r->s0, r->s3), t = wasm_i32x4_shl(r->s1, 9);
    r->s2 = wasm_v128_xor(r->s2, r->s0);
    r->s3 = wasm_v128_xor(r->s3, r->s1);
    r->s1 = wasm_v128_xor(r->s1, r->s2);
    r->s0 = wasm_v128_xor(r->s0, r->s3);
    r->s2 = wasm_v128_xor(r->s2, t);
    r->s3 = wasm_v128_or(wasm_i32x4_shl(r->s3, 11), wasm_u32x4_shr(r->s3, 21));
    return result;
}

static v128_t splat(float x) { return wasm_f32x4_splat(x); }

static v128_t log_unit(v128_t x)
{
    v128_t e = wasm_f32x4_convert_i32x4(
        wasm_i32x4_sub(wasm_v128_and(wasm_u32x4_shr(x, 23), wasm_i32x4_splat(0xff)), wasm_i32x4_splat(126)));
    v128_t m = wasm_v128_or(wasm_v128_and(x, wasm_i32x4_splat(0x007fffff)), wasm_i32x4_splat(0x3f000000));
    const v128_t small = wasm_f32x4_lt(m, splat(SC_SNN_SQRTHF));
    e = wasm_f32x4_sub(e, wasm_v128_and(splat(1.0f), small));
    m = wasm_f32x4_add(wasm_f32x4_sub(m, splat(1.0f)), wasm_v128_and(m, small));
    const v128_t z = wasm_f32x4_mul(m, m);
    v128_t y = splat(SC_SNN_LOG_P0);
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P1));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P2));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P3));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P4));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P5));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P6));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P7));
    y = wasm_f32x4_add(wasm_f32x4_mul(y, m), splat(SC_SNN_LOG_P8));
    y = wasm_f32x4_mul(y, m);
    y = wasm_f32x4_mul(y, z);
    y = wasm_f32x4_add(y, wasm_f32x4_mul(e, splat(SC_SNN_LOG_Q1)));
    y = wasm_f32x4_add(y, wasm_f32x4_mul(splat(-0.5f), z));
    v128_t r = wasm_f32x4_add(m, y);
    return wasm_f32x4_add(r, wasm_f32x4_mul(e, splat(SC_SNN_LOG_Q2)));
}

/* Eight normals: lanes' cosine parts to out[0..3], sine parts to out[4..7]. */
static void normals8(rng_lanes *r, float *out)
{
    const v128_t x = next(r), y = next(r);
    const v128_t u1 = wasm_f32x4_mul(wasm_f32x4_convert_u32x4(wasm_i32x4_add(wasm_u32x4_shr(x, 8), wasm_i32x4_splat(1))),
                                     splat(0x1p-24f));
    const v128_t f = wasm_f32x4_mul(
        wasm_f32x4_convert_u32x4(wasm_v128_and(wasm_u32x4_shr(y, 6), wasm_i32x4_splat(0xffffff))), splat(0x1p-24f));
    const v128_t rad = wasm_f32x4_sqrt(wasm_f32x4_mul(splat(-2.0f), log_unit(u1)));
    const v128_t h = wasm_f32x4_mul(wasm_f32x4_sub(f, splat(0.5f)), splat(SC_SNN_HALF_PI));
    const v128_t z = wasm_f32x4_mul(h, h);
    v128_t sh = splat(SC_SNN_SIN_P0);
    sh = wasm_f32x4_add(wasm_f32x4_mul(sh, z), splat(SC_SNN_SIN_P1));
    sh = wasm_f32x4_add(wasm_f32x4_mul(sh, z), splat(SC_SNN_SIN_P2));
    sh = wasm_f32x4_mul(sh, z);
    sh = wasm_f32x4_add(wasm_f32x4_mul(sh, h), h);
    v128_t ch = splat(SC_SNN_COS_P0);
    ch = wasm_f32x4_add(wasm_f32x4_mul(ch, z), splat(SC_SNN_COS_P1));
    ch = wasm_f32x4_add(wasm_f32x4_mul(ch, z), splat(SC_SNN_COS_P2));
    ch = wasm_f32x4_mul(ch, z);
    ch = wasm_f32x4_mul(ch, z);
    ch = wasm_f32x4_sub(ch, wasm_f32x4_mul(splat(0.5f), z));
    ch = wasm_f32x4_add(ch, splat(1.0f));
    v128_t c = wasm_f32x4_mul(wasm_f32x4_sub(ch, sh), splat(SC_SNN_SQRTHF));
    v128_t s = wasm_f32x4_mul(wasm_f32x4_add(sh, ch), splat(SC_SNN_SQRTHF));
    /* Quadrant: bit 30 turns (c, s) by 90 degrees, bit 31 by 180. */
    const v128_t odd = wasm_i32x4_shr(wasm_i32x4_shl(y, 1), 31), neg = wasm_i32x4_shr(y, 31);
    const v128_t sign = wasm_i32x4_splat((int32_t)0x80000000u);
    const v128_t c1 = wasm_v128_bitselect(wasm_v128_xor(s, sign), c, odd);
    const v128_t s1 = wasm_v128_bitselect(c, s, odd);
    c = wasm_v128_xor(c1, wasm_v128_and(sign, neg));
    s = wasm_v128_xor(s1, wasm_v128_and(sign, neg));
    wasm_v128_store(out, wasm_f32x4_mul(rad, c));
    wasm_v128_store(out + 4, wasm_f32x4_mul(rad, s));
}

static rng_lanes load_rng(const sc_snn_rng4 *r)
{
    return (rng_lanes){wasm_v128_load(r->s[0]), wasm_v128_load(r->s[1]), wasm_v128_load(r->s[2]),
                       wasm_v128_load(r->s[3])};
}

static void store_rng(sc_snn_rng4 *r, const rng_lanes *l)
{
    wasm_v128_store(r->s[0], l->s0);
    wasm_v128_store(r->s[1], l->s1);
    wasm_v128_store(r->s[2], l->s2);
    wasm_v128_store(r->s[3], l->s3);
}

void sc_snn_normals_simd(sc_snn_rng4 *r, float *out, int n)
{
    rng_lanes l = load_rng(r);
    for (int i = 0; i < n; i += 8) normals8(&l, out + i);
    store_rng(r, &l);
}

int sc_snn_fast_step_simd(sc_snn_fast *net, int *fired)
{
    const int n = net->n, np = net->n_pad;
    float *v = net->v, *u = net->u, *I = net->I, *sum = net->sum;
    int nf = 0;
    const v128_t thirty = splat(30.0f);
    for (int i = 0; i < np; i += 4) {
        const v128_t vi = wasm_v128_load(v + i);
        const v128_t spike = wasm_f32x4_ge(vi, thirty);
        uint32_t bits = (uint32_t)wasm_i32x4_bitmask(spike);
        if (!bits) continue;
        wasm_v128_store(v + i, wasm_v128_bitselect(wasm_v128_load(net->c + i), vi, spike));
        const v128_t ui = wasm_v128_load(u + i);
        wasm_v128_store(u + i, wasm_v128_bitselect(wasm_f32x4_add(ui, wasm_v128_load(net->d + i)), ui, spike));
        for (int l = 0; l < 4; l++)
            if ((bits >> l) & 1u && i + l < n) fired[nf++] = i + l;
    }
    sc_snn_normals_simd(&net->rng, I, np);
    const v128_t zero = wasm_f32x4_splat(0.0f);
    for (int i = 0; i < np; i += 4) wasm_v128_store(sum + i, zero);
    if (!net->S) sc_snn_fast_scatter(net, fired, nf, sum);
    for (int k = 0; net->S && k < nf; k++) {
        const float *col = net->S + (size_t)fired[k] * np;
        for (int i = 0; i < np; i += 4)
            wasm_v128_store(sum + i, wasm_f32x4_add(wasm_v128_load(sum + i), wasm_v128_load(col + i)));
    }
    const v128_t k004 = splat(0.04f), k5 = splat(5.0f), k140 = splat(140.0f), half = splat(0.5f);
    for (int i = 0; i < np; i += 4) {
        const v128_t in =
            wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(net->amp + i), wasm_v128_load(I + i)), wasm_v128_load(sum + i));
        v128_t vi = wasm_v128_load(v + i);
        const v128_t ui = wasm_v128_load(u + i);
        for (int h = 0; h < 2; h++) {
            v128_t t = wasm_f32x4_mul(wasm_f32x4_mul(k004, vi), vi);
            t = wasm_f32x4_add(t, wasm_f32x4_mul(k5, vi));
            t = wasm_f32x4_add(t, k140);
            t = wasm_f32x4_sub(t, ui);
            t = wasm_f32x4_add(t, in);
            vi = wasm_f32x4_add(vi, wasm_f32x4_mul(half, t));
        }
        wasm_v128_store(v + i, vi);
        const v128_t du =
            wasm_f32x4_mul(wasm_v128_load(net->a + i), wasm_f32x4_sub(wasm_f32x4_mul(wasm_v128_load(net->b + i), vi), ui));
        wasm_v128_store(u + i, wasm_f32x4_add(ui, du));
        wasm_v128_store(I + i, in);
    }
    return nf;
}
#endif
