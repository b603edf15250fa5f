/* Expressions of the custom system: parsed and checked here, compiled to a
 * postfix program for a stack machine, evaluated in double (integrators,
 * analysis) or in float over blocks of points (direction fields, batches;
 * scalar reference and SIMD, bit-identical). Never handed to JavaScript. */
#ifndef SIMCORE_EXPR_H
#define SIMCORE_EXPR_H

#include "../base/internal.h"

#define SC_EXPR_MAX_TEXT  1024 /* characters of one expression */
#define SC_EXPR_MAX_CODE  512  /* instructions */
#define SC_EXPR_MAX_CONST 128  /* numeric literals */
#define SC_EXPR_MAX_DEPTH 32   /* stack depth (nesting) */
#define SC_EXPR_BLOCK     64   /* points per block evaluation (16 vectors) */

/* Variables: 0 x, 1 y, 2 t, 3 + j parameter j. */
enum { SC_EV_X,
       SC_EV_Y,
       SC_EV_T,
       SC_EV_PARAM0 };

typedef enum sc_expr_op {
    SC_OP_CONST,
    SC_OP_VAR,
    SC_OP_ADD,
    SC_OP_SUB,
    SC_OP_MUL,
    SC_OP_DIV,
    SC_OP_POW,
    SC_OP_NEG,
    SC_OP_FN1,
    SC_OP_FN2
} sc_expr_op;

typedef enum sc_expr_fn {
    SC_FN_SIN,
    SC_FN_COS,
    SC_FN_TAN,
    SC_FN_ASIN,
    SC_FN_ACOS,
    SC_FN_ATAN,
    SC_FN_SINH,
    SC_FN_COSH,
    SC_FN_TANH,
    SC_FN_EXP,
    SC_FN_LOG,
    SC_FN_SQRT,
    SC_FN_ABS,
    SC_FN_FLOOR,
    SC_FN_CEIL,
    SC_FN_ATAN2,
    SC_FN_MIN,
    SC_FN_MAX,
    SC_FN_POW /* 2-argument ones from ATAN2 on */
} sc_expr_fn;

typedef struct sc_instr {
    unsigned char op, arg;
} sc_instr;

typedef struct sc_expr {
    int n, depth, nconst;
    sc_instr code[SC_EXPR_MAX_CODE];
    double konst[SC_EXPR_MAX_CONST];
    float konstf[SC_EXPR_MAX_CONST];
} sc_expr;

/* Compiles text with the given parameter names. On a syntax error returns
 * SC_ERR_RANGE, *pos = 0-based character position and *msg a static
 * description ("unexpected ')'", "unknown name 'z'", ...). */
sc_status sc_expr_compile(const char *text, const char *const *params, int nparams, sc_expr *e, int *pos,
                          const char **msg);

double sc_expr_eval(const sc_expr *e, double x, double y, double t, const double *p);

/* out[k] = e(x[k], y[k]) for k < SC_EXPR_BLOCK, in float; p: float params.
 * Functions (sin, exp, ...) are evaluated lane by lane with the same libm
 * float calls in both variants. */
typedef void (*sc_expr_block_fn)(const sc_expr *e, const float *x, const float *y, float t, const float *p,
                                 float *out);
void sc_expr_block_scalar(const sc_expr *e, const float *x, const float *y, float t, const float *p, float *out);
#if SC_HAVE_SIMD
void sc_expr_block_simd(const sc_expr *e, const float *x, const float *y, float t, const float *p, float *out);
#endif
float sc_expr_fn1f(int fn, float a);
float sc_expr_fn2f(int fn, float a, float b);

#endif
