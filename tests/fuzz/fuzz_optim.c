/* Fuzz target: the optim area (optim.h): sc_optim_check, sc_optim_eval,
 * sc_optim_grid, sc_optim_descend and their flat twins. The input is an
 * expression line, then bytes for the function, the point, the grid and the
 * trajectory. Invariants: a syntax error reports a position inside the text
 * and a message; a successful eval is finite with l1 >= l2 and a unit
 * eigenvector; the grid's first value is eval's f (as float) and its NaNs
 * are exactly the counted undefined points; a trajectory holds finite
 * points only, npoints = iterations + 1, and "converged" means |grad f| <
 * tol at its last point; flat and struct calls agree. */
#include <float.h>
#include "fuzz_input.h"
#include "simcore/optim.h"

#define MAX_ITER 2000
#define MAX_SIDE 48

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char text[1200];
    size_t at = 0, n = 0;
    while (at < size && data[at] != '\n') {
        if (n + 1 < sizeof text) text[n++] = data[at] ? (char)data[at] : ' ';
        at++;
    }
    if (at < size) at++;
    text[n] = 0;
    fuzz_in in = fuzz_begin(data + at, size - at);

    int pos = -1;
    const char *msg = NULL;
    const int cst = sc_flat_optim_check(text, &pos, &msg);
    FUZZ_CHECK(msg != NULL, "check left no message");
    if (cst == SC_ERR_RANGE) FUZZ_CHECK(pos >= 0 && (size_t)pos <= n && msg[0], "error position %d of %zu", pos, n);
    if (cst == SC_OK) FUZZ_CHECK(pos == 0 && !msg[0], "a valid text with a message");

    const int kind = fuzz_int(&in, -1, SC_OPTIM_KIND_COUNT);
    const sc_optim_desc d = {kind, fuzz_double(&in, 0.5, 100), fuzz_double(&in, -4, 4), fuzz_bool(&in) ? NULL : text};
    const double x = fuzz_double(&in, -5, 5), y = fuzz_double(&in, -5, 5);

    sc_optim_jet j;
    const sc_status est = sc_optim_eval(&d, x, y, &j);
    double flat[10];
    const int fst = sc_flat_optim_eval(d.kind, d.kappa, d.angle, d.expr, x, y, flat, 10);
    FUZZ_CHECK(fst == (int)est, "flat eval %d vs %d", fst, est);
    if (est == SC_OK) {
        const double v[10] = {j.f, j.fx, j.fy, j.fxx, j.fxy, j.fyy, j.l1, j.l2, j.e1x, j.e1y};
        FUZZ_CHECK(fuzz_all_finite_d(v, 10), "eval returned a non-finite value with SC_OK");
        FUZZ_CHECK(!memcmp(v, flat, sizeof v), "flat eval differs");
        FUZZ_CHECK(j.l1 >= j.l2, "eigenvalues out of order");
        FUZZ_CHECK(fabs(hypot(j.e1x, j.e1y) - 1) < 1e-12, "eigenvector not unit");
        if (kind == SC_OPTIM_EXPR && d.expr) FUZZ_CHECK(cst == SC_OK, "eval accepted what check rejected");
    }

    /* Grid whose first corner is (x, y). */
    static float g[MAX_SIDE * MAX_SIDE];
    const int nx = fuzz_size(&in, 2, MAX_SIDE), ny = fuzz_size(&in, 2, MAX_SIDE);
    const double w = fuzz_double(&in, 1e-3, 10), h = fuzz_double(&in, 1e-3, 10);
    const int taylor = fuzz_bool(&in);
    const double cx = fuzz_double(&in, -5, 5), cy = fuzz_double(&in, -5, 5);
    const int cells = nx >= 2 && ny >= 2 && nx <= MAX_SIDE && ny <= MAX_SIDE ? nx * ny : MAX_SIDE * MAX_SIDE;
    long bad = -1;
    const sc_status gst = sc_optim_grid(&d, x, x + w, y, y + h, nx, ny, taylor, cx, cy, g, cells, &bad);
    int flat_bad = -1;
    const int gfst = sc_flat_optim_grid(d.kind, d.kappa, d.angle, d.expr, x, x + w, y, y + h, nx, ny, taylor, cx, cy, g,
                                        cells, &flat_bad);
    FUZZ_CHECK(gfst == (int)gst && (gst != SC_OK || flat_bad == bad), "flat grid %d vs %d", gfst, gst);
    if (gst == SC_OK) {
        long nan = 0;
        for (int k = 0; k < nx * ny; k++) nan += isnan(g[k]) != 0;
        FUZZ_CHECK(nan == bad, "%ld NaNs, %ld counted undefined", nan, bad);
        for (int k = 0; k < nx * ny; k++) FUZZ_CHECK(isnan(g[k]) || isfinite(g[k]), "inf in the grid");
        /* the grid's corner is x0 + 0 hx: -0 becomes +0 (atan2 tells them apart) */
        if (est == SC_OK && !taylor && x + w > x && x != 0 && y != 0)
            FUZZ_CHECK(fabs(j.f) > FLT_MAX ? isnan(g[0]) : g[0] == (float)j.f, "grid corner %g vs f %g", g[0], j.f);
    }

    /* A trajectory from (x, y). */
    static double path[2 * (MAX_ITER + 1)];
    const sc_optim_run_desc r = {fuzz_int(&in, -1, SC_OPTIM_METHOD_COUNT), fuzz_double(&in, 1e-4, 2),
                                 fuzz_double(&in, 0, 0.99), fuzz_double(&in, 0, 1e-3), fuzz_size(&in, 0, MAX_ITER)};
    const long npath = fuzz_bool(&in) ? 2 * (MAX_ITER + 1) : fuzz_int(&in, 0, 2 * (MAX_ITER + 1));
    sc_optim_run run = {-1, -1, -1};
    const sc_status dst = sc_optim_descend(&d, &r, x, y, path, npath, &run);
    int info[3] = {-1, -1, -1};
    static double path2[2 * (MAX_ITER + 1)];
    const int dfst = sc_flat_optim_descend(d.kind, d.kappa, d.angle, d.expr, r.method, r.eta, r.alpha, r.tol,
                                           r.max_iter, x, y, path2, (int)npath, info, 3);
    FUZZ_CHECK(dfst == (int)dst, "flat descend %d vs %d", dfst, dst);
    if (dst == SC_OK) {
        const int max_iter = r.max_iter ? r.max_iter : SC_OPTIM_DEFAULT_ITER;
        FUZZ_CHECK(run.outcome >= 0 && run.outcome < SC_OPTIM_OUTCOME_COUNT, "outcome %d", run.outcome);
        FUZZ_CHECK(run.npoints == run.iterations + 1 && run.iterations <= max_iter, "%d points, %d iterations",
                   run.npoints, run.iterations);
        FUZZ_CHECK(fuzz_all_finite_d(path, 2 * (size_t)run.npoints), "non-finite point in the path");
        FUZZ_CHECK(info[0] == run.outcome && info[1] == run.iterations && info[2] == run.npoints &&
                       !memcmp(path, path2, sizeof(double) * 2 * (size_t)run.npoints),
                   "flat descend differs");
        FUZZ_CHECK(path[0] == x && path[1] == y, "the path starts elsewhere");
        if (run.outcome == SC_OPTIM_CONVERGED) {
            sc_optim_jet e;
            const double lx = path[2 * run.iterations], ly = path[2 * run.iterations + 1];
            if (sc_optim_eval(&d, lx, ly, &e) == SC_OK) {
                const double tol = r.tol ? r.tol : SC_OPTIM_DEFAULT_TOL;
                FUZZ_CHECK(hypot(e.fx, e.fy) < tol, "converged with |grad| %g >= tol %g", hypot(e.fx, e.fy), tol);
            }
        }
    }
    return 0;
}
