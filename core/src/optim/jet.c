/* The expression program of ode/expr.h evaluated over second-order jets:
 * each stack entry carries a value, its gradient and its Hessian in (x, y),
 * and every operation applies the chain rule exactly (forward mode, no
 * finite differences; docs/optim.md, "Exact derivatives"); order 1 stops
 * at the gradient (the Hessian left 0), for the methods that need no more. A term whose
 * operand is a constant is left out, so an unused partial derivative that
 * is undefined (log a of pow(a, 2) for a < 0) cannot poison the result. */
#include <math.h>
#include "optim_internal.h"

static int is_const(const sc_jet2 *a) { return a->x == 0 && a->y == 0 && a->xx == 0 && a->xy == 0 && a->yy == 0; }

static sc_jet2 constant(double v)
{
    sc_jet2 j = {v, 0, 0, 0, 0, 0};
    return j;
}

/* g(a) with g' = g1, g'' = g2 at a.v. */
static sc_jet2 unary(const sc_jet2 *a, double g, double g1, double g2, int o2)
{
    if (is_const(a)) return constant(g);
    sc_jet2 j = {g, g1 * a->x, g1 * a->y, 0, 0, 0};
    if (o2) {
        j.xx = g1 * a->xx + g2 * a->x * a->x;
        j.xy = g1 * a->xy + g2 * a->x * a->y;
        j.yy = g1 * a->yy + g2 * a->y * a->y;
    }
    return j;
}

/* g(a, b) with its first (ga, gb) and second (gaa, gab, gbb) partials. */
static sc_jet2 binary(const sc_jet2 *a, const sc_jet2 *b, double g, double ga, double gb, double gaa, double gab,
                      double gbb, int o2)
{
    const int ca = is_const(a), cb = is_const(b);
    if (ca) ga = 0, gaa = 0, gab = 0;
    if (cb) gb = 0, gbb = 0, gab = 0;
    if (ca && cb) return constant(g);
    sc_jet2 j;
    j.v = g;
    j.x = (ca ? 0 : ga * a->x) + (cb ? 0 : gb * b->x);
    j.y = (ca ? 0 : ga * a->y) + (cb ? 0 : gb * b->y);
    j.xx = j.xy = j.yy = 0;
    if (!o2) return j;
    if (!ca) {
        j.xx += ga * a->xx + gaa * a->x * a->x;
        j.xy += ga * a->xy + gaa * a->x * a->y;
        j.yy += ga * a->yy + gaa * a->y * a->y;
    }
    if (!cb) {
        j.xx += gb * b->xx + gbb * b->x * b->x;
        j.xy += gb * b->xy + gbb * b->x * b->y;
        j.yy += gb * b->yy + gbb * b->y * b->y;
    }
    if (!ca && !cb) {
        j.xx += 2 * gab * a->x * b->x;
        j.xy += gab * (a->x * b->y + a->y * b->x);
        j.yy += 2 * gab * a->y * b->y;
    }
    return j;
}

static sc_jet2 power(const sc_jet2 *a, const sc_jet2 *b, int o2)
{
    const double p = a->v, q = b->v, g = pow(p, q);
    if (is_const(b)) {
        /* a^q, q fixed: the usual rule, defined for a < 0 too; the second
         * term vanishes for q = 0 and q = 1 (where 0^(q-2) would be inf). */
        const double g1 = q == 0 ? 0 : q * pow(p, q - 1);
        const double g2 = q == 0 || q == 1 ? 0 : q * (q - 1) * pow(p, q - 2);
        return unary(a, g, g1, g2, o2);
    }
    const double l = log(p);
    if (is_const(a)) return unary(b, g, g * l, g * l * l, o2); /* p^b */
    const double pq1 = pow(p, q - 1);
    return binary(a, b, g, q * pq1, g * l, q * (q - 1) * pow(p, q - 2), pq1 * (1 + q * l), g * l * l, o2);
}

static sc_jet2 fn1(int fn, const sc_jet2 *a, int o2)
{
    const double u = a->v;
    switch (fn) {
    case SC_FN_SIN:
    case SC_FN_COS: {
        const double sn = sin(u), cs = cos(u);
        return fn == SC_FN_SIN ? unary(a, sn, cs, -sn, o2) : unary(a, cs, -sn, -cs, o2);
    }
    case SC_FN_TAN: {
        const double t = tan(u);
        return unary(a, t, 1 + t * t, 2 * t * (1 + t * t), o2);
    }
    case SC_FN_ASIN:
    case SC_FN_ACOS: {
        const double r = 1 / sqrt(1 - u * u), sg = fn == SC_FN_ASIN ? 1 : -1;
        return unary(a, fn == SC_FN_ASIN ? asin(u) : acos(u), sg * r, sg * u * r * r * r, o2);
    }
    case SC_FN_ATAN: {
        const double r = 1 / (1 + u * u);
        return unary(a, atan(u), r, -2 * u * r * r, o2);
    }
    case SC_FN_SINH:
    case SC_FN_COSH: {
        const double sh = sinh(u), ch = cosh(u);
        return fn == SC_FN_SINH ? unary(a, sh, ch, sh, o2) : unary(a, ch, sh, ch, o2);
    }
    case SC_FN_TANH: {
        const double t = tanh(u);
        return unary(a, t, 1 - t * t, -2 * t * (1 - t * t), o2);
    }
    case SC_FN_EXP: {
        const double e = exp(u);
        return unary(a, e, e, e, o2);
    }
    case SC_FN_LOG:
        return unary(a, log(u), 1 / u, -1 / (u * u), o2);
    case SC_FN_SQRT: {
        const double r = sqrt(u);
        return unary(a, r, 0.5 / r, -0.25 / (r * u), o2);
    }
    case SC_FN_ABS: /* the derivative 0 at the kink: a subgradient */
        return unary(a, fabs(u), u > 0 ? 1 : u < 0 ? -1
                                                   : 0,
                     0, o2);
    case SC_FN_FLOOR:
        return unary(a, floor(u), 0, 0, o2); /* piecewise constant */
    default:
        return unary(a, ceil(u), 0, 0, o2);
    }
}

static sc_jet2 fn2(int fn, const sc_jet2 *a, const sc_jet2 *b, int o2)
{
    switch (fn) {
    case SC_FN_ATAN2: {
        const double p = a->v, q = b->v, r = p * p + q * q, r2 = r * r;
        return binary(a, b, atan2(p, q), q / r, -p / r, -2 * p * q / r2, (p * p - q * q) / r2, 2 * p * q / r2, o2);
    }
    case SC_FN_MIN: /* the branch fmin picks (the other one when a is NaN) */
        return (a->v <= b->v || isnan(b->v)) && !isnan(a->v) ? *a : *b;
    case SC_FN_MAX:
        return (a->v >= b->v || isnan(b->v)) && !isnan(a->v) ? *a : *b;
    default:
        return power(a, b, o2);
    }
}

sc_jet2 sc_optim_expr_jet(const sc_expr *e, double x, double y, int order)
{
    const int o2 = order >= 2;
    sc_jet2 st[SC_EXPR_MAX_DEPTH] = {{0}};
    int sp = 0;
    /* The compiler proved the stack depth (as in sc_expr_eval). */
    /* NOLINTBEGIN(clang-analyzer-core.*) */
    for (int k = 0; k < e->n; k++) {
        const sc_instr in = e->code[k];
        /* the operands (valid where the op uses them; never read otherwise) */
        sc_jet2 *a = &st[sp >= 2 ? sp - 2 : 0], *b = &st[sp >= 1 ? sp - 1 : 0];
        switch (in.op) {
        case SC_OP_CONST:
            st[sp++] = constant(e->konst[in.arg]);
            break;
        case SC_OP_VAR: {
            /* x and y are the seeds; t and parameters never reach here
             * (sc_optim_prepare rejects them), read as constants 0. */
            sc_jet2 v = constant(0.0);
            if (in.arg == SC_EV_X) v.v = x, v.x = 1;
            if (in.arg == SC_EV_Y) v.v = y, v.y = 1;
            st[sp++] = v;
            break;
        }
        case SC_OP_ADD:
        case SC_OP_SUB: {
            const double s = in.op == SC_OP_ADD ? 1 : -1;
            a->v += s * b->v, a->x += s * b->x, a->y += s * b->y;
            a->xx += s * b->xx, a->xy += s * b->xy, a->yy += s * b->yy;
            sp--;
            break;
        }
        case SC_OP_MUL:
            *a = binary(a, b, a->v * b->v, b->v, a->v, 0, 1, 0, o2);
            sp--;
            break;
        case SC_OP_DIV: {
            const double p = a->v, q = b->v;
            *a = binary(a, b, p / q, 1 / q, -p / (q * q), 0, -1 / (q * q), 2 * p / (q * q * q), o2);
            sp--;
            break;
        }
        case SC_OP_POW:
            *a = power(a, b, o2);
            sp--;
            break;
        case SC_OP_NEG:
            b->v = -b->v, b->x = -b->x, b->y = -b->y, b->xx = -b->xx, b->xy = -b->xy, b->yy = -b->yy;
            break;
        case SC_OP_FN1:
            *b = fn1(in.arg, b, o2);
            break;
        default:
            *a = fn2(in.arg, a, b, o2);
            sp--;
            break;
        }
    }
    /* NOLINTEND(clang-analyzer-core.*) */
    return st[0];
}
