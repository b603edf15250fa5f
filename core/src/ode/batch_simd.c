/* SIMD batch kernels: four states per vector, four vectors (16 states) in
 * flight so the four independent dependency chains hide the latency of each
 * RK4 stage. States are deinterleaved into registers (structure of arrays)
 * once per block, stepped `steps` times without touching memory, and
 * interleaved back. Same operations and order as batch_scalar.c. */
#include "ode_internal.h"
#if SC_HAVE_SIMD
#include <string.h>
#include "../base/simd.h"

#define LANES 4
#define VECS  4
#define BLOCK (LANES * VECS)

#include "simcore/ode_float_x4.h"

static inline void izh_reset(const vp *P, v128_t *v, v128_t *u)
{
    const v128_t fired = wasm_f32x4_ge(*v, P->p[7]);
    *v = wasm_v128_bitselect(P->p[2], *v, fired);
    *u = wasm_v128_bitselect(wasm_f32x4_add(*u, P->p[3]), *u, fired);
}

#define NO_RESET(P, a, b) ((void)(P), (void)(a), (void)(b))

/* Interleaved (a0 b0 a1 b1 ...) <-> two vectors a, b. */
static inline void load2(const float *src, v128_t *a, v128_t *b)
{
    const v128_t lo = wasm_v128_load(src), hi = wasm_v128_load(src + 4);
    *a = wasm_i32x4_shuffle(lo, hi, 0, 2, 4, 6);
    *b = wasm_i32x4_shuffle(lo, hi, 1, 3, 5, 7);
}

static inline void store2(float *dst, v128_t a, v128_t b)
{
    wasm_v128_store(dst, wasm_i32x4_shuffle(a, b, 0, 4, 1, 5));
    wasm_v128_store(dst + 4, wasm_i32x4_shuffle(a, b, 2, 6, 3, 7));
}

static void prepare(const sc_batch_params *bp, vp *P)
{
    for (int k = 0; k < VP_COUNT; k++) P->p[k] = wasm_f32x4_splat(bp->p[k]);
}

/* Runs BLOCK states at a time; the tail goes through a padded copy (the
 * last state repeated, so padding lanes stay finite). */
#define BLOCKED(name, BODY)                                                       \
    static void name##_block(float *y, const vp *P, const sc_batch_params *bp)    \
    {                                                                             \
        v128_t a[VECS], b[VECS];                                                  \
        for (int j = 0; j < VECS; j++) load2(y + 2 * LANES * j, &a[j], &b[j]);    \
        BODY /* NOLINT(bugprone-macro-parentheses): a statement list */           \
            for (int j = 0; j < VECS; j++) store2(y + 2 * LANES * j, a[j], b[j]); \
    }                                                                             \
    void name(float *y, int count, const sc_batch_params *bp)                     \
    {                                                                             \
        vp P;                                                                     \
        prepare(bp, &P);                                                          \
        int i = 0;                                                                \
        for (; i + BLOCK <= count; i += BLOCK) name##_block(y + 2 * i, &P, bp);   \
        if (i < count) {                                                          \
            float tmp[2 * BLOCK];                                                 \
            const int rest = count - i;                                           \
            memcpy(tmp, y + 2 * i, (size_t)rest * 2 * sizeof *tmp);               \
            for (int k = rest; k < BLOCK; k++) {                                  \
                tmp[2 * k] = tmp[2 * (rest - 1)];                                 \
                tmp[2 * k + 1] = tmp[2 * (rest - 1) + 1];                         \
            }                                                                     \
            name##_block(tmp, &P, bp);                                            \
            memcpy(y + 2 * i, tmp, (size_t)rest * 2 * sizeof *tmp);               \
        }                                                                         \
    }

#define EULER_BODY(F, RESET)                                    \
    const v128_t h = wasm_f32x4_splat(bp->dt);                  \
    for (int s = 0; s < bp->steps; s++) {                       \
        for (int j = 0; j < VECS; j++) {                        \
            v128_t da, db;                                      \
            F(P, a[j], b[j], &da, &db);                         \
            a[j] = wasm_f32x4_add(a[j], wasm_f32x4_mul(h, da)); \
            b[j] = wasm_f32x4_add(b[j], wasm_f32x4_mul(h, db)); \
            RESET(P, &a[j], &b[j]);                             \
        }                                                       \
    }

#define AXPY(y, h, k) wasm_f32x4_add((y), wasm_f32x4_mul((h), (k)))
#define RK4_BODY(F, RESET)                                                      \
    const v128_t h = wasm_f32x4_splat(bp->dt);                                  \
    const v128_t hh = wasm_f32x4_splat(0.5f * bp->dt);                          \
    const v128_t h6 = wasm_f32x4_splat(bp->dt / 6.0f);                          \
    const v128_t two = wasm_f32x4_splat(2.0f);                                  \
    for (int s = 0; s < bp->steps; s++) {                                       \
        v128_t ka[VECS], kb[VECS], sa[VECS], sb[VECS];                          \
        for (int j = 0; j < VECS; j++) {                                        \
            F(P, a[j], b[j], &ka[j], &kb[j]);                                   \
            sa[j] = ka[j];                                                      \
            sb[j] = kb[j];                                                      \
        }                                                                       \
        for (int j = 0; j < VECS; j++) {                                        \
            F(P, AXPY(a[j], hh, ka[j]), AXPY(b[j], hh, kb[j]), &ka[j], &kb[j]); \
            sa[j] = AXPY(sa[j], two, ka[j]);                                    \
            sb[j] = AXPY(sb[j], two, kb[j]);                                    \
        }                                                                       \
        for (int j = 0; j < VECS; j++) {                                        \
            F(P, AXPY(a[j], hh, ka[j]), AXPY(b[j], hh, kb[j]), &ka[j], &kb[j]); \
            sa[j] = AXPY(sa[j], two, ka[j]);                                    \
            sb[j] = AXPY(sb[j], two, kb[j]);                                    \
        }                                                                       \
        for (int j = 0; j < VECS; j++) {                                        \
            F(P, AXPY(a[j], h, ka[j]), AXPY(b[j], h, kb[j]), &ka[j], &kb[j]);   \
            sa[j] = wasm_f32x4_add(sa[j], ka[j]);                               \
            sb[j] = wasm_f32x4_add(sb[j], kb[j]);                               \
            a[j] = AXPY(a[j], h6, sa[j]);                                       \
            b[j] = AXPY(b[j], h6, sb[j]);                                       \
            RESET(P, &a[j], &b[j]);                                             \
        }                                                                       \
    }

BLOCKED(sc_batch_linear_euler_simd, EULER_BODY(lin_f, NO_RESET))
BLOCKED(sc_batch_linear_rk4_simd, RK4_BODY(lin_f, NO_RESET))
BLOCKED(sc_batch_osc_euler_simd, EULER_BODY(osc_f, NO_RESET))
BLOCKED(sc_batch_osc_rk4_simd, RK4_BODY(osc_f, NO_RESET))
BLOCKED(sc_batch_izh_euler_simd, EULER_BODY(izh_f, izh_reset))
BLOCKED(sc_batch_izh_rk4_simd, RK4_BODY(izh_f, izh_reset))

#endif
