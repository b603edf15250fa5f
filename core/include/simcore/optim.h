/* Descent methods on functions of two variables f(x, y): value, gradient and
 * Hessian with exact derivatives (closed forms for the built-ins, second-order
 * forward mode over the expression program for a typed f), contour grids,
 * and trajectories of gradient descent, momentum and Newton's method.
 * Double precision throughout. Mathematics: docs/optim.md. */
#ifndef SIMCORE_OPTIM_H
#define SIMCORE_OPTIM_H

#include "simcore/status.h"
#include "simcore/limits.h"

typedef enum sc_optim_kind {
    SC_OPTIM_QUADRATIC = 0, /* 1/2 (u^2 + kappa v^2), (u, v) = (x, y) rotated by -angle */
    SC_OPTIM_ROSENBROCK,    /* (1 - x)^2 + 100 (y - x^2)^2 */
    SC_OPTIM_HIMMELBLAU,    /* (x^2 + y - 11)^2 + (x + y^2 - 7)^2 */
    SC_OPTIM_SADDLE,        /* 1/2 (x^2 - y^2) */
    SC_OPTIM_EXPR,          /* the expression text, in x and y */
    SC_OPTIM_KIND_COUNT
} sc_optim_kind;

typedef enum sc_optim_method {
    SC_OPTIM_GD = 0,   /* x <- x - eta grad f */
    SC_OPTIM_MOMENTUM, /* dx <- alpha dx - eta grad f; x <- x + dx */
    SC_OPTIM_NEWTON,   /* x <- x - H^-1 grad f (eta and alpha unused) */
    SC_OPTIM_METHOD_COUNT
} sc_optim_method;

/* How a trajectory ended. Never a silent NaN: the path holds finite points only. */
typedef enum sc_optim_outcome {
    SC_OPTIM_CONVERGED = 0,  /* |grad f| < tol at the last point */
    SC_OPTIM_MAX_ITERATIONS, /* max_iter steps without converging */
    SC_OPTIM_DIVERGED,       /* |x| or |y| above SC_OPTIM_DIVERGE_AT, or f overflowed */
    SC_OPTIM_SINGULAR,       /* Newton: the Hessian is singular at the last point */
    SC_OPTIM_UNDEFINED,      /* f or a derivative the method uses (the gradient; Newton:
                                also the Hessian) is NaN at the last point */
    SC_OPTIM_OUTCOME_COUNT
} sc_optim_outcome;

/* The function. kappa (condition number, 1..SC_OPTIM_MAX_KAPPA) and angle
 * (radians, |angle| <= 1e6) are read for the quadratic only; expr for
 * SC_OPTIM_EXPR only (up to 1024 characters, the grammar of the custom ODE
 * systems, docs/ode.md; variables x and y). */
typedef struct sc_optim_desc {
    int kind;
    double kappa, angle;
    const char *expr;
} sc_optim_desc;

/* f and its derivatives at a point, with the Hessian's eigenvalues
 * (l1 >= l2) and the unit eigenvector (e1x, e1y) of l1 (e2 = (-e1y, e1x)). */
typedef struct sc_optim_jet {
    double f, fx, fy, fxx, fxy, fyy;
    double l1, l2, e1x, e1y;
} sc_optim_jet;

/* Options of a trajectory; zero tol and max_iter mean the defaults. */
typedef struct sc_optim_run_desc {
    int method;
    double eta;   /* step size, > 0 and <= 1e6 (GD, momentum) */
    double alpha; /* momentum constant, 0 <= alpha < 1 (momentum) */
    double tol;   /* 0: SC_OPTIM_DEFAULT_TOL; else > 0 */
    int max_iter; /* 0: SC_OPTIM_DEFAULT_ITER; else 1..SC_OPTIM_MAX_ITER */
} sc_optim_run_desc;

typedef struct sc_optim_run {
    int outcome;    /* sc_optim_outcome */
    int iterations; /* steps taken (0: the start point already converged) */
    int npoints;    /* points written to the path, iterations + 1 */
} sc_optim_run;

#define SC_OPTIM_DEFAULT_TOL  1e-6
#define SC_OPTIM_DEFAULT_ITER 1000

/* Checks an expression. On a syntax error returns SC_ERR_RANGE ("expression"),
 * *error_pos = 0-based character position and *message a static text. */
SC_API sc_status sc_optim_check(const char *expr, int *error_pos, const char **message);

/* f, gradient, Hessian and its eigen-decomposition at (x, y). A point where
 * f or a derivative is not finite returns SC_ERR_OVERFLOW naming "point". */
SC_API sc_status sc_optim_eval(const sc_optim_desc *fn, double x, double y, sc_optim_jet *out);

/* Values on an nx x ny grid (1..SC_OPTIM_MAX_GRID each) spanning
 * [x0, x1] x [y0, y1] (x0 < x1, y0 < y1), row-major from (x0, y0): out[j nx +
 * i] = f(x0 + i (x1-x0)/(nx-1), y0 + j (y1-y0)/(ny-1)); n must be nx ny.
 * With taylor != 0 the values are those of the second-order Taylor
 * approximation of f at (cx, cy) instead (SC_ERR_OVERFLOW "centre" where
 * the derivatives there are not finite). Points where f is undefined or
 * beyond float range are NaN and counted in *undefined. */
SC_API sc_status sc_optim_grid(const sc_optim_desc *fn, double x0, double x1, double y0, double y1, int nx, int ny,
                               int taylor, double cx, double cy, float *out, long n, long *undefined);

/* f and its gradient (exact, forward mode) at n points (1..SC_OPTIM_MAX_POINTS;
 * xy[2k], xy[2k+1], each finite and within SC_OPTIM_MAX_COORD): out[3k],
 * out[3k+1], out[3k+2] = f, fx, fy, all three NaN where one is not finite
 * (counted in *undefined, may be NULL). For callers that combine the
 * gradient with something else (the phase plane's Lyapunov candidates). */
SC_API sc_status sc_optim_gradients(const sc_optim_desc *fn, const double *xy, long n, double *out, long *undefined);

/* A trajectory from (x0, y0): path[2k], path[2k+1] = the k-th point, npath
 * (doubles) at least 2 (max_iter + 1). Stops when |grad f| < tol
 * (converged), after max_iter steps, or on divergence, a singular Hessian
 * or an undefined value (reported in out->outcome; never an error status). */
SC_API sc_status sc_optim_descend(const sc_optim_desc *fn, const sc_optim_run_desc *run, double x0, double y0,
                                  double *path, long npath, sc_optim_run *out);

/* Flat twins for foreign callers (no struct layout). out of eval: f, fx, fy,
 * fxx, fxy, fyy, l1, l2, e1x, e1y (nout = 10); info of descend: outcome,
 * iterations, npoints (ninfo = 3). */
SC_API int sc_flat_optim_check(const char *expr, int *error_pos, const char **message);
SC_API int sc_flat_optim_eval(int kind, double kappa, double angle, const char *expr, double x, double y,
                              double *out, int nout);
SC_API int sc_flat_optim_grid(int kind, double kappa, double angle, const char *expr, double x0, double x1,
                              double y0, double y1, int nx, int ny, int taylor, double cx, double cy, float *out,
                              int n, int *undefined);
SC_API int sc_flat_optim_descend(int kind, double kappa, double angle, const char *expr, int method, double eta,
                                 double alpha, double tol, int max_iter, double x0, double y0, double *path,
                                 int npath, int *info, int ninfo);

#endif
