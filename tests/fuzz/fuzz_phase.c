/* Fuzz target: phase-plane analysis (phase.h): classification of 2x2
 * systems, direction fields, equilibria, nullclines and separatrices on
 * every system with hostile boxes, grids and parameters. Invariants: a
 * classification has trace = re0 + re1 and det = re0 re1 - im0 im1 (scaled
 * tolerance); equilibria are sorted, inside the box and at most max_out;
 * polylines have consistent starts and finite points; an accepted
 * direction field is finite, and one reported as overflowing is not.
 * e^{At} and the Lyapunov equation of the classified matrix: finite
 * results, e^{A 0} = I, small residuals. Grids are capped. */
#include "fuzz_input.h"
#include "simcore/ode.h"
#include "simcore/phase.h"

static void check_lines(const sc_polylines *p)
{
    FUZZ_CHECK(p->points >= 0 && p->lines >= 0, "points %ld lines %ld", p->points, p->lines);
    if (p->lines == 0) return;
    FUZZ_CHECK(p->start[0] == 0 && p->start[p->lines] == p->points, "start[] ends");
    for (long l = 0; l < p->lines; l++) FUZZ_CHECK(p->start[l] <= p->start[l + 1], "start[] order at %ld", l);
    FUZZ_CHECK(fuzz_all_finite_d(p->xy, 2 * (size_t)p->points), "non-finite polyline point");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static float field[2 * 64 * 64];
    fuzz_in in = fuzz_begin(data, size);

    /* Classification of x' = a x + b y, y' = c x + d y. */
    const double a = fuzz_double(&in, -3, 3), b = fuzz_double(&in, -3, 3), c = fuzz_double(&in, -3, 3),
                 d = fuzz_double(&in, -3, 3);
    sc_linear_class cls;
    if (sc_classify_linear(a, b, c, d, fuzz_bool(&in) ? 0.0 : fuzz_double(&in, -0.1, 0.2), &cls) == SC_OK) {
        const double s = fmax(fmax(fabs(a), fabs(b)), fmax(fabs(c), fabs(d)));
        if (s < 1e100 && s > 1e-100) {
            FUZZ_CHECK(fabs(cls.re[0] + cls.re[1] - (a + d)) <= 1e-9 * s, "trace");
            FUZZ_CHECK(fabs(cls.re[0] * cls.re[1] - cls.im[0] * cls.im[1] - (a * d - b * c)) <= 1e-8 * s * s, "det");
            FUZZ_CHECK(cls.re[0] >= cls.re[1], "eigenvalue order");
        }
    }

    /* e^{At}, x(t) = e^{At} x0 and the Lyapunov equation of the same A, at a
     * hostile t (NaN, huge): accepted results are finite; e^{A 0} = I;
     * an accepted P satisfies A^T P + P A = -Q to rounding. */
    {
        const double A[4] = {a, b, c, d};
        const double t = fuzz_bool(&in) ? fuzz_double(&in, -1e3, 2e3) : 0.0;
        double E[4], P[3], xy[2];
        const sc_status st = sc_linear_exp(A, t, E);
        if (st == SC_OK) {
            FUZZ_CHECK(fuzz_all_finite_d(E, 4), "e^{At} not finite");
            if (t == 0) FUZZ_CHECK(E[0] == 1 && E[1] == 0 && E[2] == 0 && E[3] == 1, "e^{A 0} != I");
        }
        const double x0[2] = {fuzz_double(&in, -10, 20), fuzz_double(&in, -10, 20)};
        if (sc_linear_solution(A, x0, &t, 1, xy) == SC_OK) FUZZ_CHECK(fuzz_all_finite_d(xy, 2), "x(t) not finite");
        const double Q[3] = {fuzz_double(&in, 0, 3), fuzz_double(&in, -1, 2), fuzz_double(&in, 0, 3)};
        if (sc_lyapunov_linear(A, Q, P) == SC_OK) {
            FUZZ_CHECK(fuzz_all_finite_d(P, 3), "P not finite");
            /* Backward stable: the residual is rounding of |M| |P| + |Q| (pivoting mixes the rows). */
            const double r1 = 2 * (a * P[0] + c * P[1]) + Q[0], r2 = b * P[0] + (a + d) * P[1] + c * P[2] + Q[1],
                         r3 = 2 * (b * P[1] + d * P[2]) + Q[2];
            const double pm = fmax(fabs(P[0]), fmax(fabs(P[1]), fabs(P[2])));
            const double scale = 4 * (fabs(a) + fabs(b) + fabs(c) + fabs(d)) * pm + fabs(Q[0]) + fabs(Q[1]) + fabs(Q[2]);
            FUZZ_CHECK(fmax(fabs(r1), fmax(fabs(r2), fabs(r3))) <= 1e-12 * scale + 1e-300, "Lyapunov residual %g %g %g of %g",
                       r1, r2, r3, scale);
        }
    }

    /* Three dimensions: eigenvalues sum to the trace, multiply to the
     * determinant (scaled); e^{At} finite when accepted. */
    {
        double A3[9], E3[9];
        for (int k = 0; k < 9; k++) A3[k] = fuzz_double(&in, -5, 10);
        sc_linear3_class c3;
        if (sc_classify_linear3(A3, &c3) == SC_OK) {
            double s3 = 1;
            for (int k = 0; k < 9; k++) s3 = fmax(s3, fabs(A3[k]));
            FUZZ_CHECK(fabs(c3.re[0] + c3.re[1] + c3.re[2] - c3.trace) <= 1e-9 * s3, "3-D trace");
            FUZZ_CHECK(c3.type >= 0 && c3.type < SC_EQ3_TYPE_COUNT && c3.unstable_dim >= 0 && c3.unstable_dim <= 3, "3-D type");
        }
        if (sc_linear3_exp(A3, fuzz_double(&in, -3, 6), E3) == SC_OK) FUZZ_CHECK(fuzz_all_finite_d(E3, 9), "e^{At} 3-D");
    }

    const int system = fuzz_int(&in, -1, SC_SYS_COUNT - 1);
    const sc_ode_system_info *info = sc_ode_system(system);
    double params[SC_ODE_MAX_PARAMS], fixed[SC_ODE_MAX_DIM];
    for (int k = 0; k < SC_ODE_MAX_PARAMS; k++) {
        const double base = info && k < info->nparams ? info->defaults[k] : 0.0;
        params[k] = fuzz_bool(&in) ? base : base * fuzz_double(&in, 0.0, 2.0);
    }
    for (int k = 0; k < SC_ODE_MAX_DIM; k++) fixed[k] = info ? info->y0[k < info->dim ? k : 0] : 0.0;
    const int np = fuzz_u8(&in) == 0xff ? fuzz_int(&in, -1, 17) : info ? info->nparams
                                                                       : 0;
    sc_phase_plane pl = {system, params, np, fuzz_int(&in, -1, 4), fuzz_int(&in, -1, 4), fuzz_bool(&in) ? fixed : NULL, 0};
    pl.nfixed = fuzz_u8(&in) == 0xff ? fuzz_int(&in, -1, 5) : pl.fixed && info ? info->dim
                                                                               : 0;
    const double cx = info ? fixed[pl.xvar >= 0 && pl.xvar < info->dim ? pl.xvar : 0] : 0.0;
    const double cy = info ? fixed[pl.yvar >= 0 && pl.yvar < info->dim ? pl.yvar : 0] : 0.0;
    const double xr = fuzz_double(&in, 0.0, 100.0), yr = fuzz_double(&in, 0.0, 100.0);
    const double xmin = cx - xr, xmax = cx + fuzz_double(&in, 0.0, 100.0);
    const double ymin = cy - yr, ymax = cy + fuzz_double(&in, 0.0, 100.0);

    const int nx = fuzz_size(&in, 2, 64), ny = fuzz_size(&in, 2, 64);
    const int fits = nx >= 0 && ny >= 0 && nx <= 64 && ny <= 64;
    const sc_status fs = sc_phase_direction_field(&pl, xmin, xmax, nx, ymin, ymax, ny, fits ? field : NULL);
    if (fs == SC_OK) {
        FUZZ_CHECK(fits && nx >= 2 && ny >= 2, "field accepted nx %d ny %d", nx, ny);
        FUZZ_CHECK(fuzz_all_finite_f(field, 2 * (size_t)nx * ny), "non-finite field with SC_OK");
    } else if (fs == SC_ERR_OVERFLOW) {
        FUZZ_CHECK(strcmp(sc_last_error_arg(), "out") == 0, "field overflow names '%s'", sc_last_error_arg());
        FUZZ_CHECK(!fuzz_all_finite_f(field, 2 * (size_t)nx * ny), "field overflow with a finite field");
    }

    /* A Lyapunov candidate on the same plane and grid: V and dV/dt NaN
     * together; an accepted level is finite and at least V's minimum. */
    {
        static const char *const cands[] = {"x^2 + y^2", "0.5*y^2 + 1 - cos(x)", "sqrt(x) + log(y)", "x^", "1/x"};
        const char *V = cands[fuzz_int(&in, 0, 4)];
        static float lv[64 * 64], ld[64 * 64];
        double linfo[4];
        if (sc_phase_lyapunov_grid(&pl, V, xmin, xmax, nx, ymin, ymax, ny, lv, ld, fits ? (long)nx * ny : 0, linfo) ==
            SC_OK) {
            FUZZ_CHECK(fits, "lyapunov grid accepted nx %d ny %d", nx, ny);
            for (long k = 0; k < (long)nx * ny; k++) FUZZ_CHECK(isnan(lv[k]) == isnan(ld[k]), "NaN apart at %ld", k);
            if (!isnan(linfo[3])) FUZZ_CHECK(isfinite(linfo[0]) && linfo[0] >= linfo[3], "level %g below V min %g", linfo[0], linfo[3]);
        }
        double pts[4] = {xmin, ymin, xmax, ymax}, out[4];
        long bad = -1;
        if (sc_phase_lyapunov_points(&pl, V, pts, 2, out, &bad) == SC_OK)
            FUZZ_CHECK(bad >= 0 && bad <= 2 && isnan(out[0]) == isnan(out[1]), "points: %ld undefined", bad);
    }

    sc_equilibrium eq[8];
    int count = -1, found = -1;
    const int max_out = fuzz_int(&in, -1, 8);
    if (sc_phase_equilibria(&pl, xmin, xmax, ymin, ymax, fuzz_int(&in, 0, 12), eq, max_out, &count, &found) == SC_OK) {
        FUZZ_CHECK(count >= 0 && count <= max_out && count <= found, "count %d max %d found %d", count, max_out, found);
        for (int k = 0; k < count; k++) {
            FUZZ_CHECK(isfinite(eq[k].x) && isfinite(eq[k].y), "equilibrium %d not finite", k);
            if (k) FUZZ_CHECK(eq[k - 1].x < eq[k].x || (eq[k - 1].x == eq[k].x && eq[k - 1].y <= eq[k].y), "order");
        }
    }

    sc_polylines lines;
    const int which = fuzz_int(&in, -1, 2);
    if (sc_phase_nullcline(&pl, which, xmin, xmax, fits ? nx : 2, ymin, ymax, fits ? ny : 2, &lines) == SC_OK) {
        FUZZ_CHECK(info && np == info->nparams, "wrong nparams %d accepted", np);
        check_lines(&lines);
        /* the flat twin owns the same lines under a handle */
        uint32_t h = 0;
        if (sc_flat_phase_nullcline(system, params, np, pl.xvar, pl.yvar, pl.fixed, pl.nfixed, which, xmin, xmax,
                                    fits ? nx : 2, ymin, ymax, fits ? ny : 2, &h) == SC_OK) {
            int i[2];
            FUZZ_CHECK(sc_flat_phase_lines_info(h, i, 2) == SC_OK && i[0] == lines.points && i[1] == lines.lines,
                       "flat lines info");
            double *xy = malloc(sizeof(double) * (size_t)(2 * i[0] + 1)), *st = malloc(sizeof(double) * (size_t)(i[1] + 1));
            FUZZ_CHECK(sc_flat_phase_lines_read(h, xy, 2 * i[0] + 1, st, i[1] + 1) == SC_ERR_SIZE, "oversized xy");
            FUZZ_CHECK(sc_flat_phase_lines_read(h, xy, 2 * i[0], st, i[1] + 1) == SC_OK, "lines read");
            for (long k = 0; k < 2 * lines.points; k++) FUZZ_CHECK(xy[k] == lines.xy[k], "flat xy[%ld] differs", k);
            free(xy);
            free(st);
            FUZZ_CHECK(sc_flat_phase_lines_free(h) == SC_OK && sc_flat_phase_lines_free(h) == SC_ERR_HANDLE, "free once");
        }
        sc_polylines_free(&lines);
    }
    if (fuzz_u8(&in) < 64) {
        /* Separatrices integrate; keep t_max short so inputs stay fast. */
        if (sc_phase_separatrices(&pl, xmin, xmax, ymin, ymax, fuzz_double(&in, 0.0, 5.0), &lines) == SC_OK) {
            check_lines(&lines);
            sc_polylines_free(&lines);
        }
    }
    return 0;
}
