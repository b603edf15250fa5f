/* Inside the optim area: a prepared function (built-in or compiled
 * expression) and the second-order jets it is evaluated in. */
#ifndef SIMCORE_OPTIM_INTERNAL_H
#define SIMCORE_OPTIM_INTERNAL_H

#include "simcore/optim.h"
#include "../base/internal.h"
#include "../ode/expr.h" /* the expression language, shared with the custom ODE systems */

/* A value with its gradient and Hessian in (x, y): second-order forward
 * mode ("hyper-dual" numbers truncated at order 2 in two variables). */
typedef struct sc_jet2 {
    double v, x, y, xx, xy, yy;
} sc_jet2;

typedef struct sc_optim_fn {
    int kind;
    double kappa, c, s; /* quadratic: condition number, cos and sin of the angle */
    sc_expr e;          /* SC_OPTIM_EXPR: the compiled program */
} sc_optim_fn;

/* Checks a descriptor and prepares it (compiles the expression). */
sc_status sc_optim_prepare(const sc_optim_desc *d, sc_optim_fn *fn);

/* f with exact derivatives at (x, y): order 2 (gradient and Hessian) or 1
 * (gradient; the Hessian of an expression is then left 0, a built-in's is
 * always there). */
sc_jet2 sc_optim_jet_at(const sc_optim_fn *fn, double x, double y, int order);
/* f alone (the grid). */
double sc_optim_value(const sc_optim_fn *fn, double x, double y);

/* Built-ins in closed form (functions.c). */
sc_jet2 sc_optim_builtin(const sc_optim_fn *fn, double x, double y);
/* The expression program over jets (jet.c). */
sc_jet2 sc_optim_expr_jet(const sc_expr *e, double x, double y, int order);

int sc_jet2_finite(const sc_jet2 *j);

#endif
