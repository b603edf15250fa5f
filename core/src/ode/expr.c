/* Recursive-descent parser for the custom system's expressions, emitting
 * postfix code, and the double evaluator.
 *   expr  := term (('+' | '-') term)*
 *   term  := unary (('*' | '/') unary)*
 *   unary := ('-' | '+') unary | power
 *   power := primary ('^' unary)?          right-associative: 2^3^2 = 2^9
 *   primary := number | name | name '(' expr [',' expr] ')' | '(' expr ')'
 * so -x^2 = -(x^2) and 2^-1 = 0.5, as in mathematics and XPPAUT. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "expr.h"

static const struct {
    const char *name;
    int fn, args;
} FUNCS[] = {
    {"sin", SC_FN_SIN, 1},
    {"cos", SC_FN_COS, 1},
    {"tan", SC_FN_TAN, 1},
    {"asin", SC_FN_ASIN, 1},
    {"acos", SC_FN_ACOS, 1},
    {"atan", SC_FN_ATAN, 1},
    {"sinh", SC_FN_SINH, 1},
    {"cosh", SC_FN_COSH, 1},
    {"tanh", SC_FN_TANH, 1},
    {"exp", SC_FN_EXP, 1},
    {"log", SC_FN_LOG, 1},
    {"ln", SC_FN_LOG, 1},
    {"sqrt", SC_FN_SQRT, 1},
    {"abs", SC_FN_ABS, 1},
    {"floor", SC_FN_FLOOR, 1},
    {"ceil", SC_FN_CEIL, 1},
    {"atan2", SC_FN_ATAN2, 2},
    {"min", SC_FN_MIN, 2},
    {"max", SC_FN_MAX, 2},
    {"pow", SC_FN_POW, 2},
};

typedef struct parser {
    const char *s;
    int i, depth, fail_pos;
    const char *fail;
    const char *const *params;
    int nparams;
    sc_expr *e;
} parser;

static void skip(parser *P)
{
    while (P->s[P->i] == ' ' || P->s[P->i] == '\t' || P->s[P->i] == '\n' || P->s[P->i] == '\r') P->i++;
}

static int error(parser *P, int pos, const char *msg)
{
    if (!P->fail) P->fail = msg, P->fail_pos = pos;
    return 0;
}

static int emit(parser *P, int op, int arg, int push, int pos)
{
    sc_expr *e = P->e;
    if (e->n == SC_EXPR_MAX_CODE) return error(P, pos, "expression too long");
    e->code[e->n].op = (unsigned char)op;
    e->code[e->n].arg = (unsigned char)arg;
    e->n++;
    P->depth += push;
    if (P->depth > SC_EXPR_MAX_DEPTH) return error(P, pos, "expression nested too deeply");
    if (P->depth > e->depth) e->depth = P->depth;
    return 1;
}

static int expr(parser *P);

static int primary(parser *P)
{
    skip(P);
    const int at = P->i;
    const char ch = P->s[at];
    if (ch == '(') {
        P->i++;
        if (!expr(P)) return 0;
        skip(P);
        if (P->s[P->i] != ')') return error(P, P->i, P->s[P->i] ? "expected ')'" : "missing ')'");
        P->i++;
        return 1;
    }
    if (isdigit((unsigned char)ch) || (ch == '.' && isdigit((unsigned char)P->s[at + 1]))) {
        /* strtod would accept hex, inf, nan; scan the decimal form ourselves */
        int j = at;
        while (isdigit((unsigned char)P->s[j])) j++;
        if (P->s[j] == '.') j++;
        while (isdigit((unsigned char)P->s[j])) j++;
        if (P->s[j] == 'e' || P->s[j] == 'E') {
            int k = j + 1;
            if (P->s[k] == '+' || P->s[k] == '-') k++;
            if (!isdigit((unsigned char)P->s[k])) return error(P, k, "malformed number");
            while (isdigit((unsigned char)P->s[k])) k++;
            j = k;
        }
        char buf[64];
        if (j - at >= (int)sizeof buf) return error(P, at, "number too long");
        memcpy(buf, P->s + at, (size_t)(j - at));
        buf[j - at] = 0;
        const double v = strtod(buf, NULL);
        if (!isfinite(v)) return error(P, at, "number out of range");
        sc_expr *e = P->e;
        if (e->nconst == SC_EXPR_MAX_CONST) return error(P, at, "too many numbers");
        e->konst[e->nconst] = v;
        e->konstf[e->nconst] = (float)v;
        P->i = j;
        return emit(P, SC_OP_CONST, e->nconst++, 1, at);
    }
    if (isalpha((unsigned char)ch) || ch == '_') {
        int j = at;
        while (isalnum((unsigned char)P->s[j]) || P->s[j] == '_') j++;
        const int len = j - at;
        P->i = j;
        skip(P);
        if (P->s[P->i] == '(') {
            for (size_t f = 0; f < sizeof FUNCS / sizeof FUNCS[0]; f++) {
                if ((int)strlen(FUNCS[f].name) != len || strncmp(FUNCS[f].name, P->s + at, (size_t)len) != 0) continue;
                P->i++;
                if (!expr(P)) return 0;
                skip(P);
                if (FUNCS[f].args == 2) {
                    if (P->s[P->i] != ',') return error(P, P->i, "expected ',' (this function takes two arguments)");
                    P->i++;
                    if (!expr(P)) return 0;
                    skip(P);
                }
                if (P->s[P->i] != ')') {
                    return error(P, P->i, P->s[P->i] == ',' ? "too many arguments" : P->s[P->i] ? "expected ')'"
                                                                                                : "missing ')'");
                }
                P->i++;
                return emit(P, FUNCS[f].args == 2 ? SC_OP_FN2 : SC_OP_FN1, FUNCS[f].fn, FUNCS[f].args == 2 ? -1 : 0, at);
            }
            return error(P, at, "unknown function");
        }
        if (len == 1 && (ch == 'x' || ch == 'y' || ch == 't')) return emit(P, SC_OP_VAR, ch == 'x' ? SC_EV_X : ch == 'y' ? SC_EV_Y
                                                                                                                         : SC_EV_T,
                                                                           1, at);
        for (int k = 0; k < P->nparams; k++)
            if ((int)strlen(P->params[k]) == len && !strncmp(P->params[k], P->s + at, (size_t)len))
                return emit(P, SC_OP_VAR, SC_EV_PARAM0 + k, 1, at);
        if ((len == 2 && !strncmp(P->s + at, "pi", 2)) || (len == 1 && ch == 'e')) {
            sc_expr *e = P->e;
            if (e->nconst == SC_EXPR_MAX_CONST) return error(P, at, "too many numbers");
            const double v = ch == 'e' ? 2.718281828459045 : 3.141592653589793;
            e->konst[e->nconst] = v;
            e->konstf[e->nconst] = (float)v;
            return emit(P, SC_OP_CONST, e->nconst++, 1, at);
        }
        return error(P, at, "unknown name (use x, y, t, a parameter, pi or e)");
    }
    if (!ch) return error(P, at, "unexpected end of expression");
    return error(P, at, "unexpected character");
}

static int unary(parser *P);

static int power(parser *P)
{
    if (!primary(P)) return 0;
    skip(P);
    if (P->s[P->i] == '^') {
        const int at = P->i++;
        if (!unary(P)) return 0;
        return emit(P, SC_OP_POW, 0, -1, at);
    }
    return 1;
}

static int unary(parser *P)
{
    skip(P);
    const char ch = P->s[P->i];
    if (ch == '-' || ch == '+') {
        const int at = P->i++;
        if (!unary(P)) return 0;
        return ch == '-' ? emit(P, SC_OP_NEG, 0, 0, at) : 1;
    }
    return power(P);
}

static int term(parser *P)
{
    if (!unary(P)) return 0;
    for (;;) {
        skip(P);
        const char ch = P->s[P->i];
        if (ch != '*' && ch != '/') return 1;
        const int at = P->i++;
        if (!unary(P)) return 0;
        if (!emit(P, ch == '*' ? SC_OP_MUL : SC_OP_DIV, 0, -1, at)) return 0;
    }
}

static int expr(parser *P)
{
    if (!term(P)) return 0;
    for (;;) {
        skip(P);
        const char ch = P->s[P->i];
        if (ch != '+' && ch != '-') return 1;
        const int at = P->i++;
        if (!term(P)) return 0;
        if (!emit(P, ch == '+' ? SC_OP_ADD : SC_OP_SUB, 0, -1, at)) return 0;
    }
}

sc_status sc_expr_compile(const char *text, const char *const *params, int nparams, sc_expr *e, int *pos,
                          const char **msg)
{
    *pos = 0;
    *msg = "";
    if (!text) return sc_fail(SC_ERR_NULL, "expression");
    if (strlen(text) > SC_EXPR_MAX_TEXT) {
        *msg = "expression longer than 1024 characters";
        return SC_ERR_SIZE;
    }
    memset(e, 0, sizeof *e);
    parser P = {text, 0, 0, 0, NULL, params, nparams, e};
    if (expr(&P)) {
        skip(&P);
        if (P.s[P.i]) error(&P, P.i, P.s[P.i] == ')' ? "unmatched ')'" : "unexpected character");
    }
    if (P.fail) {
        *pos = P.fail_pos;
        *msg = P.fail;
        return SC_ERR_RANGE;
    }
    return SC_OK;
}

static double fn1(int fn, double a)
{
    switch (fn) {
    case SC_FN_SIN:
        return sin(a);
    case SC_FN_COS:
        return cos(a);
    case SC_FN_TAN:
        return tan(a);
    case SC_FN_ASIN:
        return asin(a);
    case SC_FN_ACOS:
        return acos(a);
    case SC_FN_ATAN:
        return atan(a);
    case SC_FN_SINH:
        return sinh(a);
    case SC_FN_COSH:
        return cosh(a);
    case SC_FN_TANH:
        return tanh(a);
    case SC_FN_EXP:
        return exp(a);
    case SC_FN_LOG:
        return log(a);
    case SC_FN_SQRT:
        return sqrt(a);
    case SC_FN_ABS:
        return fabs(a);
    case SC_FN_FLOOR:
        return floor(a);
    default:
        return ceil(a);
    }
}

static double fn2(int fn, double a, double b)
{
    switch (fn) {
    case SC_FN_ATAN2:
        return atan2(a, b);
    case SC_FN_MIN:
        return fmin(a, b);
    case SC_FN_MAX:
        return fmax(a, b);
    default:
        return pow(a, b);
    }
}

double sc_expr_eval(const sc_expr *e, double x, double y, double t, const double *p)
{
    double st[SC_EXPR_MAX_DEPTH];
    int sp = 0;
    st[0] = 0.0; /* a compiled program is never empty; this keeps analysers sure of it */
    /* The compiler proved the stack depth of the program (sp >= 1 before each
     * operator, <= SC_EXPR_MAX_DEPTH); the analyser cannot follow that, and
     * the fuzzer checks it under ASan (docs/reliability.md). */
    /* NOLINTBEGIN(clang-analyzer-core.*) */
    for (int k = 0; k < e->n; k++) {
        const sc_instr in = e->code[k];
        switch (in.op) {
        case SC_OP_CONST:
            st[sp++] = e->konst[in.arg];
            break;
        case SC_OP_VAR:
            st[sp++] = in.arg == SC_EV_X ? x : in.arg == SC_EV_Y ? y
                                           : in.arg == SC_EV_T   ? t
                                                                 : p[in.arg - SC_EV_PARAM0];
            break;
        case SC_OP_ADD:
            sp--;
            st[sp - 1] += st[sp];
            break;
        case SC_OP_SUB:
            sp--;
            st[sp - 1] -= st[sp];
            break;
        case SC_OP_MUL:
            sp--;
            st[sp - 1] *= st[sp];
            break;
        case SC_OP_DIV:
            sp--;
            st[sp - 1] /= st[sp];
            break;
        case SC_OP_POW:
            sp--;
            st[sp - 1] = pow(st[sp - 1], st[sp]);
            break;
        case SC_OP_NEG:
            st[sp - 1] = -st[sp - 1];
            break;
        case SC_OP_FN1:
            st[sp - 1] = fn1(in.arg, st[sp - 1]);
            break;
        default:
            sp--;
            st[sp - 1] = fn2(in.arg, st[sp - 1], st[sp]);
            break;
        }
    }
    /* NOLINTEND(clang-analyzer-core.*) */
    return st[0];
}

/* Float functions shared by both block evaluators (same calls, same bits). */
float sc_expr_fn1f(int fn, float a)
{
    switch (fn) {
    case SC_FN_SIN:
        return sinf(a);
    case SC_FN_COS:
        return cosf(a);
    case SC_FN_TAN:
        return tanf(a);
    case SC_FN_ASIN:
        return asinf(a);
    case SC_FN_ACOS:
        return acosf(a);
    case SC_FN_ATAN:
        return atanf(a);
    case SC_FN_SINH:
        return sinhf(a);
    case SC_FN_COSH:
        return coshf(a);
    case SC_FN_TANH:
        return tanhf(a);
    case SC_FN_EXP:
        return expf(a);
    case SC_FN_LOG:
        return logf(a);
    case SC_FN_SQRT:
        return sqrtf(a);
    case SC_FN_ABS:
        return fabsf(a);
    case SC_FN_FLOOR:
        return floorf(a);
    default:
        return ceilf(a);
    }
}

float sc_expr_fn2f(int fn, float a, float b)
{
    switch (fn) {
    case SC_FN_ATAN2:
        return atan2f(a, b);
    case SC_FN_MIN:
        return fminf(a, b);
    case SC_FN_MAX:
        return fmaxf(a, b);
    default:
        return powf(a, b);
    }
}
