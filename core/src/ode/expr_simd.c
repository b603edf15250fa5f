/* SIMD block evaluator: each instruction runs over the block's 16 vectors
 * (64 points), so the interpreter's dispatch is paid once per 64 points and
 * the 16 independent vectors keep the pipeline busy. Arithmetic is SIMD128;
 * functions go lane by lane through the same float calls as the scalar
 * reference (wasm has no vector sin/exp), so both agree bit for bit. */
#include "expr.h"
#if SC_HAVE_SIMD
#include <string.h>
#include "../base/simd.h"

#define NV (SC_EXPR_BLOCK / 4)

#define BINARY(OP)                                      \
    for (int i = 0; i < NV; i++) b[i] = OP(b[i], a[i]); \
    sp--;

void sc_expr_block_simd(const sc_expr *e, const float *x, const float *y, float t, const float *p, float *out)
{
    v128_t st[SC_EXPR_MAX_DEPTH][NV];
    int sp = 0;
    for (int k = 0; k < e->n; k++) {
        const sc_instr in = e->code[k];
        v128_t *a = st[sp - 1 >= 0 ? sp - 1 : 0], *b = st[sp - 2 >= 0 ? sp - 2 : 0];
        switch (in.op) {
        case SC_OP_CONST:
        case SC_OP_VAR: {
            v128_t *d = st[sp++];
            if (in.op == SC_OP_VAR && in.arg == SC_EV_X)
                for (int i = 0; i < NV; i++) d[i] = wasm_v128_load(x + 4 * i);
            else if (in.op == SC_OP_VAR && in.arg == SC_EV_Y)
                for (int i = 0; i < NV; i++) d[i] = wasm_v128_load(y + 4 * i);
            else {
                const float v = in.op == SC_OP_CONST ? e->konstf[in.arg] : in.arg == SC_EV_T ? t
                                                                                             : p[in.arg - SC_EV_PARAM0];
                const v128_t s = wasm_f32x4_splat(v);
                for (int i = 0; i < NV; i++) d[i] = s;
            }
            break;
        }
        case SC_OP_ADD:
            BINARY(wasm_f32x4_add)
            break;
        case SC_OP_SUB:
            BINARY(wasm_f32x4_sub)
            break;
        case SC_OP_MUL:
            BINARY(wasm_f32x4_mul)
            break;
        case SC_OP_DIV:
            BINARY(wasm_f32x4_div)
            break;
        case SC_OP_NEG:
            for (int i = 0; i < NV; i++) a[i] = wasm_f32x4_neg(a[i]);
            break;
        case SC_OP_FN1:
            if (in.arg == SC_FN_ABS) {
                for (int i = 0; i < NV; i++) a[i] = wasm_f32x4_abs(a[i]);
            } else if (in.arg == SC_FN_SQRT) {
                for (int i = 0; i < NV; i++) a[i] = wasm_f32x4_sqrt(a[i]); /* IEEE, = sqrtf */
            } else {
                float l[SC_EXPR_BLOCK];
                memcpy(l, a, sizeof l);
                for (int i = 0; i < SC_EXPR_BLOCK; i++) l[i] = sc_expr_fn1f(in.arg, l[i]);
                memcpy(a, l, sizeof l);
            }
            break;
        default: { /* POW and two-argument functions, lane by lane */
            float la[SC_EXPR_BLOCK], lb[SC_EXPR_BLOCK];
            memcpy(la, a, sizeof la);
            memcpy(lb, b, sizeof lb);
            const int fn = in.op == SC_OP_POW ? SC_FN_POW : in.arg;
            for (int i = 0; i < SC_EXPR_BLOCK; i++) lb[i] = sc_expr_fn2f(fn, lb[i], la[i]);
            memcpy(b, lb, sizeof lb);
            sp--;
            break;
        }
        }
    }
    for (int i = 0; i < NV; i++) wasm_v128_store(out + 4 * i, st[0][i]);
}
#endif
