/* Scalar reference of the block evaluator (no auto-vectorisation): one
 * instruction at a time over SC_EXPR_BLOCK points. expr_simd.c matches it
 * bit for bit. */
#include <string.h>
#include "expr.h"

void sc_expr_block_scalar(const sc_expr *e, const float *x, const float *y, float t, const float *p, float *out)
{
    float st[SC_EXPR_MAX_DEPTH][SC_EXPR_BLOCK];
    int sp = 0;
    /* The compiler proved the stack depth of the program (sp >= 1 before each
     * operator, <= SC_EXPR_MAX_DEPTH); the analyser cannot follow that, and
     * the fuzzer checks it under ASan (docs/reliability.md). */
    /* NOLINTBEGIN(clang-analyzer-core.*) */
    for (int k = 0; k < e->n; k++) {
        const sc_instr in = e->code[k];
        float *a = st[sp - 1 >= 0 ? sp - 1 : 0], *b = st[sp - 2 >= 0 ? sp - 2 : 0];
        switch (in.op) {
        case SC_OP_CONST:
        case SC_OP_VAR: {
            float *d = st[sp++];
            if (in.op == SC_OP_VAR && in.arg == SC_EV_X)
                memcpy(d, x, sizeof st[0]);
            else if (in.op == SC_OP_VAR && in.arg == SC_EV_Y)
                memcpy(d, y, sizeof st[0]);
            else {
                const float v = in.op == SC_OP_CONST ? e->konstf[in.arg] : in.arg == SC_EV_T ? t
                                                                                             : p[in.arg - SC_EV_PARAM0];
                for (int i = 0; i < SC_EXPR_BLOCK; i++) d[i] = v;
            }
            break;
        }
        case SC_OP_ADD:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = b[i] + a[i];
            sp--;
            break;
        case SC_OP_SUB:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = b[i] - a[i];
            sp--;
            break;
        case SC_OP_MUL:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = b[i] * a[i];
            sp--;
            break;
        case SC_OP_DIV:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = b[i] / a[i];
            sp--;
            break;
        case SC_OP_POW:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = sc_expr_fn2f(SC_FN_POW, b[i], a[i]);
            sp--;
            break;
        case SC_OP_NEG:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) a[i] = -a[i];
            break;
        case SC_OP_FN1:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) a[i] = sc_expr_fn1f(in.arg, a[i]);
            break;
        default:
            for (int i = 0; i < SC_EXPR_BLOCK; i++) b[i] = sc_expr_fn2f(in.arg, b[i], a[i]);
            sp--;
            break;
        }
    }
    /* NOLINTEND(clang-analyzer-core.*) */
    memcpy(out, st[0], sizeof st[0]);
}
