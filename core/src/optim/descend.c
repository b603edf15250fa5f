/* Trajectories of gradient descent, momentum (the lecture's generalised
 * delta rule, dw(n) = alpha dw(n-1) - eta grad) and Newton's method from a
 * start point, with the outcome as a value, never as NaN in the path.
 * docs/optim.md, "Trajectories". */
#include <math.h>
#include "optim_internal.h"

/* Newton: a Hessian whose determinant is this small relative to its largest
 * entry squared is treated as singular (the step would be noise). */
#define SINGULAR_REL 1e-14

static sc_status check_run(const sc_optim_run_desc *r, double *tol, int *max_iter)
{
    if (!r) return sc_fail(SC_ERR_NULL, "run");
    if (r->method < 0 || r->method >= SC_OPTIM_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    if (r->method != SC_OPTIM_NEWTON) {
        if (!isfinite(r->eta)) return sc_fail(SC_ERR_NONFINITE, "eta");
        if (!(r->eta > 0 && r->eta <= 1e6)) return sc_fail(SC_ERR_RANGE, "eta");
    }
    if (r->method == SC_OPTIM_MOMENTUM) {
        if (!isfinite(r->alpha)) return sc_fail(SC_ERR_NONFINITE, "alpha");
        if (!(r->alpha >= 0 && r->alpha < 1)) return sc_fail(SC_ERR_RANGE, "alpha");
    }
    if (!isfinite(r->tol)) return sc_fail(SC_ERR_NONFINITE, "tol");
    if (r->tol < 0) return sc_fail(SC_ERR_RANGE, "tol");
    *tol = r->tol == 0 ? SC_OPTIM_DEFAULT_TOL : r->tol;
    if (r->max_iter < 0 || r->max_iter > SC_OPTIM_MAX_ITER) return sc_fail(SC_ERR_SIZE, "max_iter");
    *max_iter = r->max_iter == 0 ? SC_OPTIM_DEFAULT_ITER : r->max_iter;
    return SC_OK;
}

static int far(double x, double y) { return fabs(x) > SC_OPTIM_DIVERGE_AT || fabs(y) > SC_OPTIM_DIVERGE_AT; }

sc_status sc_optim_descend(const sc_optim_desc *d, const sc_optim_run_desc *r, double x0, double y0, double *path,
                           long npath, sc_optim_run *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out->outcome = SC_OPTIM_UNDEFINED, out->iterations = 0, out->npoints = 0;
    double tol = SC_OPTIM_DEFAULT_TOL;
    int max_iter = SC_OPTIM_DEFAULT_ITER;
    sc_optim_fn fn; /* 2.6 KiB with the expression program */
    sc_status st = sc_optim_prepare(d, &fn);
    if (st == SC_OK) st = check_run(r, &tol, &max_iter);
    if (st != SC_OK) return st;
    if (!isfinite(x0) || !isfinite(y0)) return sc_fail(SC_ERR_NONFINITE, "start");
    if (fabs(x0) > SC_OPTIM_MAX_COORD || fabs(y0) > SC_OPTIM_MAX_COORD) return sc_fail(SC_ERR_RANGE, "start");
    if (!path) return sc_fail(SC_ERR_NULL, "path");
    if (npath < 2 * ((long)max_iter + 1)) return sc_fail(SC_ERR_SIZE, "path");

    const double eta = r->eta, alpha = r->alpha;
    const int order = r->method == SC_OPTIM_NEWTON ? 2 : 1; /* GD and momentum need no Hessian */
    double x = x0, y = y0, dx = 0, dy = 0;
    path[0] = x, path[1] = y;
    int k = 0, outcome;
    for (;; k++) {
        const sc_jet2 j = sc_optim_jet_at(&fn, x, y, order);
        if (!sc_jet2_finite(&j)) {
            /* NaN: outside f's domain; inf: f or a derivative overflowed */
            const int nan = isnan(j.v) || isnan(j.x) || isnan(j.y) || isnan(j.xx) || isnan(j.xy) || isnan(j.yy);
            outcome = nan ? SC_OPTIM_UNDEFINED : SC_OPTIM_DIVERGED;
            break;
        }
        if (hypot(j.x, j.y) < tol) {
            outcome = SC_OPTIM_CONVERGED;
            break;
        }
        if (k == max_iter) {
            outcome = SC_OPTIM_MAX_ITERATIONS;
            break;
        }
        double nx, ny;
        if (r->method == SC_OPTIM_NEWTON) {
            const double det = j.xx * j.yy - j.xy * j.xy;
            const double s = fmax(fabs(j.xx), fmax(fabs(j.yy), fabs(j.xy)));
            if (s == 0 || !(fabs(det) > SINGULAR_REL * s * s)) {
                outcome = SC_OPTIM_SINGULAR;
                break;
            }
            nx = x - (j.yy * j.x - j.xy * j.y) / det;
            ny = y - (j.xx * j.y - j.xy * j.x) / det;
        } else {
            const double a = r->method == SC_OPTIM_MOMENTUM ? alpha : 0;
            dx = a * dx - eta * j.x;
            dy = a * dy - eta * j.y;
            nx = x + dx, ny = y + dy;
        }
        if (!isfinite(nx) || !isfinite(ny)) {
            outcome = SC_OPTIM_DIVERGED;
            break;
        }
        x = nx, y = ny;
        path[2 * (k + 1)] = x, path[2 * (k + 1) + 1] = y;
        if (far(x, y)) {
            k++;
            outcome = SC_OPTIM_DIVERGED;
            break;
        }
    }
    out->outcome = outcome, out->iterations = k, out->npoints = k + 1;
    return SC_OK;
}
