/* Direction-field kernels: four grid points per vector along x, two
 * vectors (8 points) per iteration; tails through a padded buffer. */
#include "phase_internal.h"
#if SC_HAVE_SIMD
#include "../base/simd.h"
#include "simcore/ode_float_x4.h"

static inline void store2(float *dst, v128_t a, v128_t b)
{
    wasm_v128_store(dst, wasm_i32x4_shuffle(a, b, 0, 4, 1, 5));
    wasm_v128_store(dst + 4, wasm_i32x4_shuffle(a, b, 2, 6, 3, 7));
}

#define FIELD_KERNEL(name, F)                                                    \
    void name(const sc_field_args *a, float *out)                                \
    {                                                                            \
        vp P;                                                                    \
        for (int k = 0; k < VP_COUNT; k++) P.p[k] = wasm_f32x4_splat(a->k[k]);   \
        const v128_t x0 = wasm_f32x4_splat(a->x0), hx = wasm_f32x4_splat(a->hx); \
        const v128_t step = wasm_f32x4_splat(8.0f);                              \
        for (int j = 0; j < a->ny; j++) {                                        \
            const v128_t y = wasm_f32x4_splat(a->y0 + (float)j * a->hy);         \
            float *o = out + 2 * (size_t)j * (size_t)a->nx;                      \
            v128_t i0 = wasm_f32x4_make(0.0f, 1.0f, 2.0f, 3.0f);                 \
            v128_t i1 = wasm_f32x4_make(4.0f, 5.0f, 6.0f, 7.0f);                 \
            int i = 0;                                                           \
            for (; i + 8 <= a->nx; i += 8) {                                     \
                v128_t d0, e0, d1, e1;                                           \
                F(&P, wasm_f32x4_add(x0, wasm_f32x4_mul(i0, hx)), y, &d0, &e0);  \
                F(&P, wasm_f32x4_add(x0, wasm_f32x4_mul(i1, hx)), y, &d1, &e1);  \
                store2(o + 2 * i, d0, e0);                                       \
                store2(o + 2 * i + 8, d1, e1);                                   \
                i0 = wasm_f32x4_add(i0, step);                                   \
                i1 = wasm_f32x4_add(i1, step);                                   \
            }                                                                    \
            for (; i < a->nx; i += 4) {                                          \
                float tmp[8];                                                    \
                v128_t d0, e0;                                                   \
                F(&P, wasm_f32x4_add(x0, wasm_f32x4_mul(i0, hx)), y, &d0, &e0);  \
                store2(tmp, d0, e0);                                             \
                const int rest = a->nx - i < 4 ? a->nx - i : 4;                  \
                for (int r = 0; r < 2 * rest; r++) o[2 * i + r] = tmp[r];        \
                i0 = wasm_f32x4_add(i0, wasm_f32x4_splat(4.0f));                 \
            }                                                                    \
        }                                                                        \
    }

FIELD_KERNEL(sc_field_linear_simd, lin_f)
FIELD_KERNEL(sc_field_osc_simd, osc_f)
FIELD_KERNEL(sc_field_izh_simd, izh_f)

#endif
