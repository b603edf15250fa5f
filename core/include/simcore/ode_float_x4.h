/* SIMD twins of ode_float_rhs.h: four points per vector, same operations in
 * the same order (SIMD128 has no FMA, so the results are bit-identical).
 * Shared by the ode batch and phase field kernels; the includer includes
 * the core's SIMD header (core/src/base/simd.h) first. */
#ifndef SIMCORE_ODE_FLOAT_X4_H
#define SIMCORE_ODE_FLOAT_X4_H

#include "simcore/ode_float.h"

#define VP_COUNT SC_ODE_FLOAT_CONSTANTS
typedef struct vp {
    v128_t p[VP_COUNT];
} vp;

static inline void lin_f(const vp *P, v128_t x, v128_t y, v128_t *dx, v128_t *dy)
{
    *dx = wasm_f32x4_add(wasm_f32x4_mul(P->p[0], x), wasm_f32x4_mul(P->p[1], y));
    *dy = wasm_f32x4_add(wasm_f32x4_mul(P->p[2], x), wasm_f32x4_mul(P->p[3], y));
}

static inline void osc_f(const vp *P, v128_t x, v128_t v, v128_t *dx, v128_t *dv)
{
    *dx = v;
    *dv = wasm_f32x4_neg(wasm_f32x4_add(wasm_f32x4_mul(P->p[0], x), wasm_f32x4_mul(P->p[1], v)));
}

static inline void izh_f(const vp *P, v128_t v, v128_t u, v128_t *dv, v128_t *du)
{
    const v128_t q = wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_add(wasm_f32x4_mul(P->p[5], v), P->p[6]), v), P->p[4]);
    *dv = wasm_f32x4_sub(q, u);
    const v128_t drive = wasm_f32x4_sub(wasm_f32x4_mul(P->p[1], v), P->p[8]);
    *du = wasm_f32x4_mul(P->p[0], wasm_f32x4_sub(drive, wasm_f32x4_mul(P->p[9], u)));
}

#endif
