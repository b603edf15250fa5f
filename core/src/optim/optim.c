/* The optim area's boundary: descriptors checked and prepared once, the
 * value / gradient / Hessian at a point with the Hessian's eigen-directions,
 * and the contour grid (of f or of its second-order Taylor approximation).
 * docs/optim.md. */
#include <float.h>
#include <math.h>
#include <string.h>
#include "optim_internal.h"

static const char T_MESSAGE[] = "t is not a variable of f (use x and y)";

/* Position of the first standalone identifier "t" in text (-1 if none). */
static int position_of_t(const char *s)
{
    for (int i = 0; s[i]; i++) {
        const int before = i > 0 && (s[i - 1] == '_' || (s[i - 1] >= '0' && s[i - 1] <= '9') ||
                                     ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z'));
        const char n = s[i + 1];
        const int after = n == '_' || (n >= '0' && n <= '9') || ((n | 32) >= 'a' && (n | 32) <= 'z');
        if (s[i] == 't' && !before && !after) return i;
    }
    return -1;
}

static sc_status compile(const char *text, sc_expr *e, int *pos, const char **msg)
{
    sc_status st = sc_expr_compile(text, NULL, 0, e, pos, msg);
    if (st != SC_OK) {
        /* the shared parser's hint names t and parameters, which f has not */
        if (!strncmp(*msg, "unknown name", 12)) *msg = "unknown name (use x, y, pi or e)";
        return sc_fail(st, "expression");
    }
    for (int k = 0; k < e->n; k++) {
        if (e->code[k].op == SC_OP_VAR && e->code[k].arg != SC_EV_X && e->code[k].arg != SC_EV_Y) {
            const int at = position_of_t(text);
            *pos = at < 0 ? 0 : at;
            *msg = T_MESSAGE;
            return sc_fail(SC_ERR_RANGE, "expression");
        }
    }
    return SC_OK;
}

sc_status sc_optim_check(const char *expr, int *error_pos, const char **message)
{
    int pos = 0;
    const char *msg = "";
    sc_expr e;
    if (!expr) {
        msg = "missing expression";
        if (error_pos) *error_pos = 0;
        if (message) *message = msg;
        return sc_fail(SC_ERR_NULL, "expression");
    }
    const sc_status st = compile(expr, &e, &pos, &msg);
    if (error_pos) *error_pos = pos;
    if (message) *message = msg;
    return st;
}

sc_status sc_optim_prepare(const sc_optim_desc *d, sc_optim_fn *fn)
{
    fn->kind = SC_OPTIM_SADDLE, fn->kappa = 1, fn->c = 1, fn->s = 0; /* defined on every path */
    fn->e.n = 0;
    if (!d) return sc_fail(SC_ERR_NULL, "function");
    if (d->kind < 0 || d->kind >= SC_OPTIM_KIND_COUNT) return sc_fail(SC_ERR_OPTION, "kind");
    fn->kind = d->kind;
    if (d->kind == SC_OPTIM_QUADRATIC) {
        if (!isfinite(d->kappa)) return sc_fail(SC_ERR_NONFINITE, "kappa");
        if (!(d->kappa >= 1 && d->kappa <= SC_OPTIM_MAX_KAPPA)) return sc_fail(SC_ERR_RANGE, "kappa");
        if (!isfinite(d->angle)) return sc_fail(SC_ERR_NONFINITE, "angle");
        if (fabs(d->angle) > 1e6) return sc_fail(SC_ERR_RANGE, "angle");
        fn->kappa = d->kappa, fn->c = cos(d->angle), fn->s = sin(d->angle);
    }
    if (d->kind == SC_OPTIM_EXPR) {
        if (!d->expr) return sc_fail(SC_ERR_NULL, "expression");
        int pos;
        const char *msg;
        return compile(d->expr, &fn->e, &pos, &msg);
    }
    return SC_OK;
}

sc_jet2 sc_optim_jet_at(const sc_optim_fn *fn, double x, double y, int order)
{
    return fn->kind == SC_OPTIM_EXPR ? sc_optim_expr_jet(&fn->e, x, y, order) : sc_optim_builtin(fn, x, y);
}

double sc_optim_value(const sc_optim_fn *fn, double x, double y)
{
    return fn->kind == SC_OPTIM_EXPR ? sc_expr_eval(&fn->e, x, y, 0.0, NULL) : sc_optim_builtin(fn, x, y).v;
}

int sc_jet2_finite(const sc_jet2 *j)
{
    return isfinite(j->v) && isfinite(j->x) && isfinite(j->y) && isfinite(j->xx) && isfinite(j->xy) &&
           isfinite(j->yy);
}

static int coord_ok(double v) { return isfinite(v) && fabs(v) <= SC_OPTIM_MAX_COORD; }

static sc_status check_coord(double v, const char *arg)
{
    if (!isfinite(v)) return sc_fail(SC_ERR_NONFINITE, arg);
    return coord_ok(v) ? SC_OK : sc_fail(SC_ERR_RANGE, arg);
}

sc_status sc_optim_eval(const sc_optim_desc *d, double x, double y, sc_optim_jet *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    sc_optim_fn prepared; /* 2.6 KiB with the expression program */
    sc_status st = sc_optim_prepare(d, &prepared);
    if (st == SC_OK) st = check_coord(x, "x");
    if (st == SC_OK) st = check_coord(y, "y");
    if (st != SC_OK) return st;
    const sc_jet2 j = sc_optim_jet_at(&prepared, x, y, 2);
    if (!sc_jet2_finite(&j)) return sc_fail(SC_ERR_OVERFLOW, "point");
    out->f = j.v, out->fx = j.x, out->fy = j.y;
    out->fxx = j.xx, out->fxy = j.xy, out->fyy = j.yy;
    /* Symmetric 2x2: l = m +- r; the first axis at phi = atan2(2 fxy, fxx - fyy) / 2. */
    const double m = 0.5 * (j.xx + j.yy), r = hypot(0.5 * (j.xx - j.yy), j.xy);
    const double phi = 0.5 * atan2(2 * j.xy, j.xx - j.yy);
    out->l1 = m + r, out->l2 = m - r;
    out->e1x = cos(phi), out->e1y = sin(phi);
    if (!isfinite(out->l1) || !isfinite(out->l2)) return sc_fail(SC_ERR_OVERFLOW, "point");
    return SC_OK;
}

sc_status sc_optim_gradients(const sc_optim_desc *d, const double *xy, long n, double *out, long *undefined)
{
    if (undefined) *undefined = 0;
    if (!xy) return sc_fail(SC_ERR_NULL, "points");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (n < 1 || n > SC_OPTIM_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "points");
    sc_optim_fn prepared;
    const sc_status st = sc_optim_prepare(d, &prepared);
    if (st != SC_OK) return st;
    for (long k = 0; k < 2 * n; k++)
        if (!coord_ok(xy[k])) return sc_fail(isfinite(xy[k]) ? SC_ERR_RANGE : SC_ERR_NONFINITE, "points");
    long bad = 0;
    for (long k = 0; k < n; k++) {
        const sc_jet2 j = sc_optim_jet_at(&prepared, xy[2 * k], xy[2 * k + 1], 1);
        const int ok = isfinite(j.v) && isfinite(j.x) && isfinite(j.y);
        out[3 * k] = ok ? j.v : NAN;
        out[3 * k + 1] = ok ? j.x : NAN;
        out[3 * k + 2] = ok ? j.y : NAN;
        bad += !ok;
    }
    if (undefined) *undefined = bad;
    return SC_OK;
}

sc_status sc_optim_grid(const sc_optim_desc *d, double x0, double x1, double y0, double y1, int nx, int ny,
                        int taylor, double cx, double cy, float *out, long n, long *undefined)
{
    if (undefined) *undefined = 0;
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    sc_optim_fn prepared;
    sc_status st = sc_optim_prepare(d, &prepared);
    const char *names[] = {"x0", "x1", "y0", "y1"};
    const double v[] = {x0, x1, y0, y1};
    for (int k = 0; k < 4 && st == SC_OK; k++) st = check_coord(v[k], names[k]);
    if (st != SC_OK) return st;
    if (!(x0 < x1)) return sc_fail(SC_ERR_RANGE, "x1");
    if (!(y0 < y1)) return sc_fail(SC_ERR_RANGE, "y1");
    if (nx < 2 || nx > SC_OPTIM_MAX_GRID) return sc_fail(SC_ERR_SIZE, "nx");
    if (ny < 2 || ny > SC_OPTIM_MAX_GRID) return sc_fail(SC_ERR_SIZE, "ny");
    if (n != (long)nx * ny) return sc_fail(SC_ERR_SIZE, "out");
    sc_jet2 c = {0, 0, 0, 0, 0, 0};
    if (taylor) {
        if ((st = check_coord(cx, "cx")) != SC_OK || (st = check_coord(cy, "cy")) != SC_OK) return st;
        c = sc_optim_jet_at(&prepared, cx, cy, 2);
        if (!sc_jet2_finite(&c)) return sc_fail(SC_ERR_OVERFLOW, "centre");
    }
    const double hx = (x1 - x0) / (nx - 1), hy = (y1 - y0) / (ny - 1);
    long bad = 0;
    for (int j = 0; j < ny; j++) {
        const double y = y0 + j * hy;
        for (int i = 0; i < nx; i++) {
            const double x = x0 + i * hx;
            double f;
            if (taylor) {
                const double dx = x - cx, dy = y - cy;
                f = c.v + c.x * dx + c.y * dy + 0.5 * (c.xx * dx * dx + 2 * c.xy * dx * dy + c.yy * dy * dy);
            } else {
                f = sc_optim_value(&prepared, x, y);
            }
            const int ok = isfinite(f) && fabs(f) <= FLT_MAX;
            bad += !ok;
            out[(long)j * nx + i] = ok ? (float)f : NAN;
        }
    }
    if (undefined) *undefined = bad;
    return SC_OK;
}

/* ---- flat twins ----------------------------------------------------------- */

static sc_optim_desc desc_of(int kind, double kappa, double angle, const char *expr)
{
    sc_optim_desc d = {kind, kappa, angle, expr};
    return d;
}

SC_API int sc_flat_optim_check(const char *expr, int *error_pos, const char **message)
{
    return (int)sc_optim_check(expr, error_pos, message);
}

SC_API int sc_flat_optim_eval(int kind, double kappa, double angle, const char *expr, double x, double y,
                              double *out, int nout)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (nout != 10) return sc_fail(SC_ERR_SIZE, "out");
    const sc_optim_desc d = desc_of(kind, kappa, angle, expr);
    sc_optim_jet j;
    const sc_status st = sc_optim_eval(&d, x, y, &j);
    if (st != SC_OK) return (int)st;
    const double v[10] = {j.f, j.fx, j.fy, j.fxx, j.fxy, j.fyy, j.l1, j.l2, j.e1x, j.e1y};
    memcpy(out, v, sizeof v);
    return SC_OK;
}

SC_API int sc_flat_optim_grid(int kind, double kappa, double angle, const char *expr, double x0, double x1,
                              double y0, double y1, int nx, int ny, int taylor, double cx, double cy, float *out,
                              int n, int *undefined)
{
    const sc_optim_desc d = desc_of(kind, kappa, angle, expr);
    long bad = 0;
    const sc_status st = sc_optim_grid(&d, x0, x1, y0, y1, nx, ny, taylor, cx, cy, out, n, &bad);
    if (undefined) *undefined = (int)bad; /* at most SC_OPTIM_MAX_GRID^2 = 2^22 */
    return (int)st;
}

SC_API int sc_flat_optim_descend(int kind, double kappa, double angle, const char *expr, int method, double eta,
                                 double alpha, double tol, int max_iter, double x0, double y0, double *path,
                                 int npath, int *info, int ninfo)
{
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != 3) return sc_fail(SC_ERR_SIZE, "info");
    const sc_optim_desc d = desc_of(kind, kappa, angle, expr);
    const sc_optim_run_desc r = {method, eta, alpha, tol, max_iter};
    sc_optim_run run = {0, 0, 0};
    const sc_status st = sc_optim_descend(&d, &r, x0, y0, path, npath, &run);
    info[0] = run.outcome, info[1] = run.iterations, info[2] = run.npoints;
    return (int)st;
}
