/* Phase-plane analysis of the systems of ode.h: classification of 2x2
 * linear systems, equilibria with their linearisation, direction fields,
 * nullclines and saddle separatrices. The plane is spanned by two state
 * variables (xvar, yvar; 0 and 1 for the 2-D systems); for larger systems
 * the other variables are held at `fixed`. Mathematics and tolerances:
 * docs/ode.md ("Phase plane"). */
#ifndef SIMCORE_PHASE_H
#define SIMCORE_PHASE_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

#define SC_PHASE_CLASSIFY_TOL 1e-9 /* default relative boundary tolerance */

typedef enum sc_eq_type {
    SC_EQ_SADDLE = 0,
    SC_EQ_CENTER,
    SC_EQ_STABLE_FOCUS,
    SC_EQ_UNSTABLE_FOCUS,
    SC_EQ_STABLE_NODE,
    SC_EQ_UNSTABLE_NODE,
    SC_EQ_STABLE_DEGENERATE_NODE,
    SC_EQ_UNSTABLE_DEGENERATE_NODE,
    SC_EQ_STABLE_STAR,
    SC_EQ_UNSTABLE_STAR,
    SC_EQ_NON_ISOLATED,
    SC_EQ_TYPE_COUNT
} sc_eq_type;

/* "saddle", "stable-focus", ... ("" for an unknown value). */
SC_API const char *sc_eq_type_name(int type);

typedef struct sc_linear_class {
    sc_eq_type type;
    double trace, det, discriminant; /* p, q, Delta = p^2 - 4q */
    double re[2], im[2];             /* eigenvalues (p +- sqrt(Delta)) / 2, re[0] >= re[1];
                                        complex pair: im[0] > 0 > im[1] */
    double vre[2][2], vim[2][2];     /* eigenvectors (unit length; vre[k] = real part of
                                        the k-th vector, vim[k] = imaginary part) */
} sc_linear_class;

/* Type of the equilibrium of x' = a x + b y, y' = c x + d y. A boundary is
 * taken when it holds within rel_tol relative to s = max(|a|,|b|,|c|,|d|):
 * |q| <= rel_tol s^2 (non-isolated), |p| <= rel_tol s (center, if q > 0),
 * |Delta| <= rel_tol s^2 (repeated eigenvalue: star if |a-d|, |b|, |c| <=
 * rel_tol s, degenerate node otherwise). rel_tol 0 -> SC_PHASE_CLASSIFY_TOL;
 * rel_tol < 0 or > 0.1 is a RANGE error. */
SC_API sc_status sc_classify_linear(double a, double b, double c, double d, double rel_tol,
                                    sc_linear_class *out);

/* The linear system x' = A x (A row-major [a b; c d]) in closed form:
 * out = e^{At} (row-major), from e^{At} = e^{pt/2} (C I + S (A - p/2 I)),
 * C = cosh(st), S = sinh(st)/s, s^2 = Delta/4 (cos and sin/w for Delta < 0,
 * series near Delta = 0). NONFINITE for NaN/Inf in A or t; OVERFLOW when
 * the result is not finite (large |t|). */
SC_API sc_status sc_linear_exp(const double *A, double t, double *out);
/* x(t_i) = e^{A t_i} x0 for n times (1..SC_ODE_MAX_STEPS, any order and
 * sign): out[2i], out[2i + 1]. */
SC_API sc_status sc_linear_solution(const double *A, const double *x0, const double *t, int n, double *out);
/* The symmetric P (P = [P[0] P[1]; P[1] P[2]]) with A^T P + P A = -Q, Q
 * symmetric given the same way. Unique unless two eigenvalues of A sum to
 * zero, i.e. tr(A) det(A) = 0 (centre, zero eigenvalue): RANGE "A" when
 * |tr det| <= 1e-12 max|A_ij|^3. For Q positive definite, P is positive
 * definite exactly when A is Hurwitz (both Re lambda < 0): then
 * V(x) = x^T P x is a Lyapunov function with dV/dt = -x^T Q x. */
SC_API sc_status sc_lyapunov_linear(const double *A, const double *Q, double *P);

typedef struct sc_equilibrium {
    double x, y; /* plane coordinates */
    double J[4]; /* Jacobian in the plane, row-major */
    sc_linear_class cls;
} sc_equilibrium;

/* Plane of a system: the two state variables shown and the values of the
 * rest (fixed may be NULL for 2-D systems; else dim values, the plane's two
 * entries ignored). Counts are checked: nparams is the system's parameter
 * count, nfixed 0 (fixed NULL) or its dimension (SIZE "params" / "fixed"). */
typedef struct sc_phase_plane {
    int system;
    const double *params;
    int nparams;
    int xvar, yvar;
    const double *fixed;
    int nfixed;
} sc_phase_plane;

/* A Lyapunov candidate V: an expression in x and y (the plane's two
 * variables; the grammar of the custom systems, docs/ode.md). At n points
 * (1..SC_OPTIM_MAX_POINTS, xy[2k], xy[2k+1], |x|, |y| <= SC_OPTIM_MAX_COORD):
 * out[2k] = V, out[2k+1] = dV/dt = grad V . f, the gradient exact (forward
 * mode); both NaN where either is not finite (counted in *undefined). A V
 * that does not parse is RANGE "V" (sc_optim_check gives the position). */
SC_API sc_status sc_phase_lyapunov_points(const sc_phase_plane *plane, const char *V, const double *xy, long n,
                                          double *out, long *undefined);
/* The same on an nx x ny grid (2..SC_PHASE_MAX_GRID each, n = nx ny) from
 * (x0, y0), row-major, as float (NaN where undefined or beyond float), and
 * info[4]: the level c, the grid point (x, y) where V is smallest, and V
 * there. c is the smallest V over the grid's edge and over the points more
 * than 2 cells from that minimum where dV/dt > 0 (beyond 1e-9 |grad V| |f|):
 * the sublevel set V < c then holds no grid point where V rises and stays
 * inside the grid, an estimate of a basin of attraction by LaSalle's
 * principle (dV/dt = 0 allowed; checked on the grid only; points where V is
 * undefined are not checked). */
SC_API sc_status sc_phase_lyapunov_grid(const sc_phase_plane *plane, const char *V, double x0, double x1, int nx,
                                        double y0, double y1, int ny, float *v, float *vdot, long n, double *info);

/* Every equilibrium in [xmin, xmax] x [ymin, ymax]: Newton from a
 * seeds x seeds grid (0 -> 24), deduplicated (distance <= 1e-7 of the box
 * diagonal). Sorted by x, then y. *count <= max_out (extra ones dropped,
 * *found receives the total; may be NULL). */
SC_API sc_status sc_phase_equilibria(const sc_phase_plane *plane, double xmin, double xmax,
                                     double ymin, double ymax, int seeds,
                                     sc_equilibrium *out, int max_out, int *count, int *found);

/* (dx, dy) at grid point (i, j): out[2 (j nx + i) + {0, 1}], x_i = xmin + i
 * (xmax - xmin) / (nx - 1) (nx >= 2; same for y). linear2d, oscillator and
 * izhikevich run a float32 SIMD kernel (4 points per vector); the others
 * evaluate in double. A field that is not finite somewhere (overflow of
 * float32 over a huge box or with huge parameters, a custom system's 1/x at
 * x = 0) is OVERFLOW "out" (out then holds it). */
SC_API sc_status sc_phase_direction_field(const sc_phase_plane *plane, double xmin, double xmax, int nx,
                                          double ymin, double ymax, int ny, float *out);

/* Polylines: point k is (xy[2k], xy[2k+1]); line l runs over points
 * start[l] .. start[l+1]-1 (start has lines + 1 entries). Closed curves
 * repeat their first point at the end. */
typedef struct sc_polylines {
    long points, lines;
    double *xy;
    long *start;
} sc_polylines;

SC_API void sc_polylines_free(sc_polylines *p);

/* Zero set of the plane's component `which` (0: dx/dt = 0, 1: dy/dt = 0) by
 * marching squares on an nx x ny grid (saddle cells split by the centre
 * value), each crossing refined on its cell edge to |f| at rounding level,
 * segments joined into polylines. */
SC_API sc_status sc_phase_nullcline(const sc_phase_plane *plane, int which, double xmin, double xmax,
                                    int nx, double ymin, double ymax, int ny, sc_polylines *out);

/* Stable and unstable manifolds of every saddle in the box: four curves per
 * saddle integrated (dopri5, rtol 1e-8) from eq +- eps v along the
 * eigenvectors (eps: 1e-6 of the box, measured in box units x / width,
 * y / height), forward for the unstable and backward for the stable ones,
 * until the curve leaves the box (its last point is the first sample
 * outside) or reaches an equilibrium in the box (within 2e-3 box units,
 * after having gone 2e-2 from its saddle; its last point is then that
 * equilibrium), or |t| reaches t_max (0 -> 200 e-foldings of the saddle's
 * slower rate, 200 / min |lambda|). Samples closer than 1e-3 box units to
 * the previous kept one are dropped; at most 20000 points and 200000 steps
 * per curve. Built-in resets are off. 2-D systems only. Each curve starts
 * with the saddle itself. Line order per saddle: unstable +v, unstable -v,
 * stable +v, stable -v. */
SC_API sc_status sc_phase_separatrices(const sc_phase_plane *plane, double xmin, double xmax,
                                       double ymin, double ymax, double t_max, sc_polylines *out);

/* ---- flat entry points (see flat.h) --------------------------------------
 * sc_flat_classify_linear writes one class record, SC_FLAT_CLASS_SIZE
 * doubles, each field at its index (exported by sc_boundary() "records", so
 * the binding reads these, not copies):
 *   TYPE, TRACE, DET, DISC; EIGENVALUES: re0 im0 re1 im1;
 *   EIGENVECTORS: v0re_x v0re_y v0im_x v0im_y v1re_x v1re_y v1im_x v1im_y */
#define SC_FLAT_CLASS_TYPE         0
#define SC_FLAT_CLASS_TRACE        1
#define SC_FLAT_CLASS_DET          2
#define SC_FLAT_CLASS_DISC         3
#define SC_FLAT_CLASS_EIGENVALUES  4
#define SC_FLAT_CLASS_EIGENVECTORS 8
#define SC_FLAT_CLASS_SIZE         16
SC_API int sc_flat_classify_linear(double a, double b, double c, double d, double rel_tol, double *out);
/* e^{At} into out[4]; x(t_i) for n times into out[nout = 2n]; P into out[3]. */
SC_API int sc_flat_linear_exp(double a, double b, double c, double d, double t, double *out);
SC_API int sc_flat_linear_solution(double a, double b, double c, double d, double x0, double y0, const double *t, int n,
                                   double *out, int nout);
SC_API int sc_flat_lyapunov_linear(double a, double b, double c, double d, double q11, double q12, double q22,
                                   double *out);
/* The Lyapunov candidate's twins: out[nout = 2n]; info[ninfo = 4]. */
SC_API int sc_flat_phase_lyapunov_points(int system, const double *params, int nparams, int xvar, int yvar,
                                         const double *fixed, int nfixed, const char *V, const double *xy, int n,
                                         double *out, int nout, int *undefined);
SC_API int sc_flat_phase_lyapunov_grid(int system, const double *params, int nparams, int xvar, int yvar,
                                       const double *fixed, int nfixed, const char *V, double x0, double x1, int nx,
                                       double y0, double y1, int ny, float *v, float *vdot, int n, double *info,
                                       int ninfo);
/* out: max_out equilibrium records of SC_FLAT_EQ_SIZE doubles: X, Y, the
 * JACOBIAN (4, row-major), then a class record at CLASS. Returns the status;
 * *count written to count[0]. */
#define SC_FLAT_EQ_X        0
#define SC_FLAT_EQ_Y        1
#define SC_FLAT_EQ_JACOBIAN 2
#define SC_FLAT_EQ_CLASS    6
#define SC_FLAT_EQ_SIZE     (SC_FLAT_EQ_CLASS + SC_FLAT_CLASS_SIZE)
SC_API int sc_flat_phase_equilibria(int system, const double *params, int nparams, int xvar, int yvar,
                                    const double *fixed, int nfixed, double xmin, double xmax, double ymin,
                                    double ymax, int seeds, double *out, int max_out, int *count);
SC_API int sc_flat_phase_direction_field(int system, const double *params, int nparams, int xvar, int yvar,
                                         const double *fixed, int nfixed, double xmin, double xmax, int nx,
                                         double ymin, double ymax, int ny, float *out);
/* Nullcline / separatrices: the polylines are owned by a handle of the
 * core's pool, written to *lines (0 on error; at most SC_ODE_MAX_RESULTS
 * live, NOMEM "lines"). sc_flat_phase_lines_info fills info[0..1] = points,
 * lines (ninfo 2); sc_flat_phase_lines_read copies the 2*points coordinates
 * into xy (nxy must be 2*points) and the lines + 1 line starts, as doubles,
 * into start (nstart must be lines + 1): SIZE "xy" / "start" otherwise. A
 * freed or unknown handle is HANDLE "lines". */
SC_API int sc_flat_phase_nullcline(int system, const double *params, int nparams, int xvar, int yvar,
                                   const double *fixed, int nfixed, int which, double xmin, double xmax, int nx,
                                   double ymin, double ymax, int ny, uint32_t *lines);
SC_API int sc_flat_phase_separatrices(int system, const double *params, int nparams, double xmin,
                                      double xmax, double ymin, double ymax, double t_max, uint32_t *lines);
SC_API int sc_flat_phase_lines_info(uint32_t lines, int *info, int ninfo);
SC_API int sc_flat_phase_lines_read(uint32_t lines, double *xy, int nxy, double *start, int nstart);
SC_API int sc_flat_phase_lines_free(uint32_t lines);

/* ---- three dimensions (lecture 7: sinks, sources, hyperbolic saddles) ----
 * x' = A x, A row-major 3x3. Types by the signs of the eigenvalues' real
 * parts (within 1e-9 max|a_ij|): all negative a sink, all positive a source,
 * mixed a saddle (unstable_dim = how many positive); "spiral" when a complex
 * pair is present; a zero real part is non-hyperbolic. */
typedef enum sc_eq3_type {
    SC_EQ3_SINK = 0,
    SC_EQ3_SPIRAL_SINK,
    SC_EQ3_SOURCE,
    SC_EQ3_SPIRAL_SOURCE,
    SC_EQ3_SADDLE,
    SC_EQ3_SPIRAL_SADDLE,
    SC_EQ3_NON_HYPERBOLIC,
    SC_EQ3_TYPE_COUNT
} sc_eq3_type;

typedef struct sc_linear3_class {
    int type, unstable_dim;
    double trace, minors, det; /* the characteristic polynomial l^3 - tr l^2 + minors l - det */
    double re[3], im[3];       /* eigenvalues, re descending; a complex pair +im first */
    int real_vector[3];        /* v[k] holds a unit eigenvector when eigenvalue k is real */
    double v[3][3];
} sc_linear3_class;

/* Eigenvalues (Cardano or the trigonometric form, Newton-polished, then the
 * deflated quadratic), real eigenvectors, type. |a_ij| <= 1e100. */
SC_API sc_status sc_classify_linear3(const double *A, sc_linear3_class *out);
/* e^{At} (row-major 3x3) by scaling and squaring of the Taylor series; OVERFLOW for a non-finite result. */
SC_API sc_status sc_linear3_exp(const double *A, double t, double *out);
/* x(t_i) = e^{A t_i} x0 for n times: out[3i..3i+2]. */
SC_API sc_status sc_linear3_solution(const double *A, const double *x0, const double *t, int n, double *out);

/* The 3-D classification record (nA = 9, nout = SC_FLAT_CLASS3_SIZE):
 * TYPE, UNSTABLE_DIM, TRACE, MINORS, DET, EIGENVALUES re0 im0 re1 im1 re2 im2,
 * REAL (1 when v_k is an eigenvector), VECTORS v0 v1 v2 (3 each). */
#define SC_FLAT_CLASS3_TYPE         0
#define SC_FLAT_CLASS3_UNSTABLE_DIM 1
#define SC_FLAT_CLASS3_TRACE        2
#define SC_FLAT_CLASS3_MINORS       3
#define SC_FLAT_CLASS3_DET          4
#define SC_FLAT_CLASS3_EIGENVALUES  5
#define SC_FLAT_CLASS3_REAL         11
#define SC_FLAT_CLASS3_VECTORS      14
#define SC_FLAT_CLASS3_SIZE         23
SC_API int sc_flat_classify_linear3(const double *A, int nA, double *out, int nout);
SC_API int sc_flat_linear3_solution(const double *A, int nA, const double *x0, int nx0, const double *t, int n,
                                    double *out, int nout);

#endif
