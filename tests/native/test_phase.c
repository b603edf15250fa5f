/* Phase-plane analysis: classification of every type at and near its
 * boundaries, Izhikevich equilibria against the closed-form roots and
 * types, nullclines on their equations, direction-field SIMD == scalar,
 * separatrices of a linear saddle on the eigen-axes, bad input. */
#include <string.h>
#include "check.h"
#include "simcore/ode.h"
#include "simcore/phase.h"
#include "phase/phase_internal.h"
#include "ode/ode_internal.h"

static int type_of(double a, double b, double c, double d)
{
    sc_linear_class k;
    if (sc_classify_linear(a, b, c, d, 0, &k) != SC_OK) return -1;
    return (int)k.type;
}

#define EXPECT_TYPE(a, b, c, d, t)                                                                     \
    do {                                                                                               \
        const int got_ = type_of(a, b, c, d);                                                          \
        CHECK(got_ == (t), "(%g, %g, %g, %g): %s, expected %s", (double)(a), (double)(b), (double)(c), \
              (double)(d), sc_eq_type_name(got_), sc_eq_type_name(t));                                 \
    } while (0)

static void test_classify(void)
{
    /* interiors */
    EXPECT_TYPE(1, 0, 0, -1, SC_EQ_SADDLE);
    EXPECT_TYPE(0, 1, -1, 0, SC_EQ_CENTER);
    EXPECT_TYPE(-0.1, 1, -1, -0.1, SC_EQ_STABLE_FOCUS);
    EXPECT_TYPE(0.1, 1, -1, 0.1, SC_EQ_UNSTABLE_FOCUS);
    EXPECT_TYPE(-1, 0, 0, -2, SC_EQ_STABLE_NODE);
    EXPECT_TYPE(1, 0, 0, 2, SC_EQ_UNSTABLE_NODE);
    EXPECT_TYPE(-1, 1, 0, -1, SC_EQ_STABLE_DEGENERATE_NODE);
    EXPECT_TYPE(1, 1, 0, 1, SC_EQ_UNSTABLE_DEGENERATE_NODE);
    EXPECT_TYPE(-1, 0, 0, -1, SC_EQ_STABLE_STAR);
    EXPECT_TYPE(2, 0, 0, 2, SC_EQ_UNSTABLE_STAR);
    EXPECT_TYPE(1, 1, 1, 1, SC_EQ_NON_ISOLATED);
    EXPECT_TYPE(0, 0, 0, 0, SC_EQ_NON_ISOLATED);
    /* p = 0 boundary: inside the band (1e-12 << 1e-9 s) a center, outside
     * (1e-6) a focus on the side of the sign of p */
    EXPECT_TYPE(1e-12, 1, -1, 0, SC_EQ_CENTER);
    EXPECT_TYPE(1e-6, 1, -1, 0, SC_EQ_UNSTABLE_FOCUS);
    EXPECT_TYPE(-1e-6, 1, -1, 0, SC_EQ_STABLE_FOCUS);
    /* q = 0 boundary */
    EXPECT_TYPE(1, 1, 1, 1 + 1e-12, SC_EQ_NON_ISOLATED);
    EXPECT_TYPE(1, 1, 1, 1 + 1e-6, SC_EQ_UNSTABLE_NODE);
    EXPECT_TYPE(1, 1, 1, 1 - 1e-6, SC_EQ_SADDLE);
    EXPECT_TYPE(-1, 1, 1, -1 - 1e-6, SC_EQ_STABLE_NODE);
    /* Delta = 0 boundary */
    EXPECT_TYPE(-1, 1, -1e-12, -1, SC_EQ_STABLE_DEGENERATE_NODE);
    EXPECT_TYPE(-1, 1, -1e-6, -1, SC_EQ_STABLE_FOCUS);
    EXPECT_TYPE(-1, 1, 1e-6, -1, SC_EQ_STABLE_NODE);
    EXPECT_TYPE(1, 1, -1e-6, 1, SC_EQ_UNSTABLE_FOCUS);
    EXPECT_TYPE(1, 1, 1e-6, 1, SC_EQ_UNSTABLE_NODE);
    EXPECT_TYPE(-1, 1e-12, 0, -1, SC_EQ_STABLE_STAR);
    EXPECT_TYPE(1, 0, -1e-12, 1, SC_EQ_UNSTABLE_STAR);
    /* the band is relative: the same shapes scaled by 1e6 or 1e-6 */
    EXPECT_TYPE(1e-6 * 1e-12, 1e-6, -1e-6, 0, SC_EQ_CENTER);
    EXPECT_TYPE(1e6 * 1e-6, 1e6, -1e6, 0, SC_EQ_UNSTABLE_FOCUS);
    /* an explicit, wider tolerance moves the boundary */
    sc_linear_class k;
    CHECK(sc_classify_linear(1e-6, 1, -1, 0, 1e-3, &k) == SC_OK && k.type == SC_EQ_CENTER, "tol 1e-3: center");

    /* eigen-pairs: A v = lambda v (complex pairs in re/im parts) */
    const double As[5][4] = {{1, 2, 2, -1}, {-0.3, 2, -2, -0.3}, {-1, 0.5, 0.2, -2}, {0, 3, -1, 0}, {-1, 1, 0, -1}};
    for (int m = 0; m < 5; m++) {
        const double *A = As[m];
        CHECK(sc_classify_linear(A[0], A[1], A[2], A[3], 0, &k) == SC_OK, "classify");
        CHECK(fabs(k.trace - (A[0] + A[3])) < 1e-15 && fabs(k.det - (A[0] * A[3] - A[1] * A[2])) < 1e-15,
              "p, q");
        for (int e = 0; e < 2; e++) {
            const double vr[2] = {k.vre[e][0], k.vre[e][1]}, vi[2] = {k.vim[e][0], k.vim[e][1]};
            const double lr = k.re[e], li = k.im[e];
            for (int r = 0; r < 2; r++) {
                const double Avr = A[2 * r] * vr[0] + A[2 * r + 1] * vr[1];
                const double Avi = A[2 * r] * vi[0] + A[2 * r + 1] * vi[1];
                CHECK(fabs(Avr - (lr * vr[r] - li * vi[r])) < 1e-12 && fabs(Avi - (lr * vi[r] + li * vr[r])) < 1e-12,
                      "matrix %d eigenpair %d row %d", m, e, r);
            }
            CHECK(fabs(vr[0] * vr[0] + vr[1] * vr[1] + vi[0] * vi[0] + vi[1] * vi[1] - 1) < 1e-12, "unit vector");
        }
    }
    CHECK(sc_classify_linear(-2, 0, 0, -2, 0, &k) == SC_OK && k.vre[0][0] == 1 && k.vre[1][1] == 1, "star: the axes");
    CHECK(sc_classify_linear(NAN, 0, 0, 0, 0, &k) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "a"), "nan a");
    CHECK(sc_classify_linear(0, 0, 0, 0, -1, &k) == SC_ERR_RANGE, "negative tolerance");
    for (int t = 0; t < SC_EQ_TYPE_COUNT; t++) CHECK(sc_eq_type_name(t)[0] != 0, "name %d", t);
}

/* Izhikevich equilibria: v* = (-(5 - b) +- sqrt(D)) / 0.08, D = (5-b)^2 -
 * 0.16 (140 + I), u* = b v*; the right root a saddle (det = -a sqrt(D)),
 * the left one with tr = b - a - sqrt(D), det = a sqrt(D) (REFERENCE.md). */
static void test_izhikevich_equilibria(void)
{
    const double cases[][3] = {{0.02, 0.2, 0}, {0.02, 0.2, 3}, {0.02, 0.25, 0}, {0.1, 0.26, 0}, {1.0, 0.2, 0}, {0.02, 0.2, 5}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double p[SC_ODE_MAX_PARAMS];
        memcpy(p, sc_ode_system(SC_SYS_IZHIKEVICH)->defaults, sizeof(double) * IZ_NPARAMS);
        p[IZ_A] = cases[c][0], p[IZ_B] = cases[c][1], p[IZ_I] = cases[c][2];
        const double a = p[IZ_A], b = p[IZ_B], D = (5 - b) * (5 - b) - 0.16 * (140 + p[IZ_I]);
        sc_phase_plane pl = {SC_SYS_IZHIKEVICH, p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, 0, 1, NULL, 0};
        sc_equilibrium eq[8];
        int n = -1;
        CHECK(sc_phase_equilibria(&pl, -100, 0, -40, 20, 0, eq, 8, &n, NULL) == SC_OK, "equilibria");
        if (D < 0) {
            CHECK(n == 0, "case %zu: D < 0, found %d", c, n);
            continue;
        }
        CHECK(n == 2, "case %zu: %d equilibria", c, n);
        if (n != 2) continue;
        const double vl = (-(5 - b) - sqrt(D)) / 0.08, vr = (-(5 - b) + sqrt(D)) / 0.08;
        CHECK(fabs(eq[0].x - vl) < 1e-9 && fabs(eq[0].y - b * vl) < 1e-9, "left root %.12g vs %.12g", eq[0].x, vl);
        CHECK(fabs(eq[1].x - vr) < 1e-9 && fabs(eq[1].y - b * vr) < 1e-9, "right root %.12g vs %.12g", eq[1].x, vr);
        CHECK(eq[1].cls.type == SC_EQ_SADDLE && fabs(eq[1].cls.det + a * sqrt(D)) < 1e-9, "right: %s det %g",
              sc_eq_type_name(eq[1].cls.type), eq[1].cls.det);
        const double tr = b - a - sqrt(D), det = a * sqrt(D), disc = tr * tr - 4 * det;
        const int expect = disc < 0 ? (tr < 0 ? SC_EQ_STABLE_FOCUS : SC_EQ_UNSTABLE_FOCUS)
                                    : (tr < 0 ? SC_EQ_STABLE_NODE : SC_EQ_UNSTABLE_NODE);
        CHECK((int)eq[0].cls.type == expect && fabs(eq[0].cls.trace - tr) < 1e-9 && fabs(eq[0].cls.det - det) < 1e-9,
              "case %zu left: %s (tr %g det %g), expected %s (tr %g det %g)", c, sc_eq_type_name(eq[0].cls.type),
              eq[0].cls.trace, eq[0].cls.det, sc_eq_type_name(expect), tr, det);
    }
}

static void test_nullclines(void)
{
    const double *p = sc_ode_system(SC_SYS_IZHIKEVICH)->defaults; /* I = 10 */
    sc_phase_plane pl = {SC_SYS_IZHIKEVICH, p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, 0, 1, NULL, 0};
    for (int which = 0; which < 2; which++) {
        sc_polylines nc;
        CHECK(sc_phase_nullcline(&pl, which, -90, 30, 121, -30, 30, 97, &nc) == SC_OK, "nullcline");
        /* v-nullcline u = 0.04 v^2 + 5 v + 150 and u-nullcline u = b v: one
         * open curve each across this box */
        CHECK(nc.lines == 1 && nc.points > 50, "which %d: %ld lines, %ld points", which, nc.lines, nc.points);
        double worst = 0, gap = 0;
        for (long k = 0; k < nc.points; k++) {
            const double v = nc.xy[2 * k], u = nc.xy[2 * k + 1];
            const double f = which == 0 ? 0.04 * v * v + 5 * v + 140 + 10 - u : 0.02 * (0.2 * v - u);
            worst = fmax(worst, fabs(f));
            if (k) gap = fmax(gap, hypot(v - nc.xy[2 * k - 2], u - nc.xy[2 * k - 1]));
        }
        CHECK(worst < 1e-6, "which %d: max |f| on the nullcline %.3g", which, worst);
        CHECK(gap < 2.0, "which %d: joined (largest gap %.3g, cell 1 x 0.625)", which, gap);
        sc_polylines_free(&nc);
    }
    /* A closed nullcline: van der Pol's y' = mu (1 - x^2) y - x = 0 is two
     * open branches; Morris-Lecar's V-nullcline is one curve. The linear
     * center's x' = y = 0 is the x axis, crossing grid points exactly. */
    const double lin[4] = {0, 1, -1, 0};
    sc_phase_plane pll = {SC_SYS_LINEAR2D, lin, sc_ode_system(SC_SYS_LINEAR2D)->nparams, 0, 1, NULL, 0};
    sc_polylines nc;
    CHECK(sc_phase_nullcline(&pll, 0, -1, 1, 11, -1, 1, 10, &nc) == SC_OK && nc.lines == 1, "linear nullcline");
    for (long k = 0; k < nc.points; k++) CHECK(fabs(nc.xy[2 * k + 1]) < 1e-12, "y = 0: %g", nc.xy[2 * k + 1]);
    sc_polylines_free(&nc);
    const double *vdp = sc_ode_system(SC_SYS_VAN_DER_POL)->defaults;
    sc_phase_plane plv = {SC_SYS_VAN_DER_POL, vdp, sc_ode_system(SC_SYS_VAN_DER_POL)->nparams, 0, 1, NULL, 0};
    CHECK(sc_phase_nullcline(&plv, 1, -3, 3, 64, -3, 3, 64, &nc) == SC_OK, "vdp nullcline");
    /* y = x / (1 - x^2): three branches in the box (x < -1, |x| < 1, x > 1) */
    CHECK(nc.lines == 3, "van der Pol y-nullcline: %ld lines", nc.lines);
    for (long k = 0; k < nc.points; k++) {
        const double x = nc.xy[2 * k], y = nc.xy[2 * k + 1];
        CHECK(fabs((1 - x * x) * y - x) < 1e-6, "vdp point (%g, %g)", x, y);
    }
    sc_polylines_free(&nc);
    /* A closed curve: fitzhugh-nagumo has none either; linear2d with a = 0
     * can't close. Circles come from the custom system (not built yet). */
    CHECK(sc_phase_nullcline(&pl, 2, -90, 30, 10, -30, 30, 10, &nc) == SC_ERR_OPTION, "which 2");
    CHECK(sc_phase_nullcline(&pl, 0, -90, 30, 1, -30, 30, 10, &nc) == SC_ERR_SIZE, "nx 1");
    CHECK(sc_phase_nullcline(&pl, 0, 30, -90, 10, -30, 30, 10, &nc) == SC_ERR_RANGE, "empty x range");
}

static void test_direction_field(void)
{
    uint32_t seed = 3;
    const int sizes[] = {2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33};
    for (int v = 0; v < sc_field_variant_count; v++) {
        const sc_field_variant *fv = &sc_field_variants[v];
        const double *p = sc_ode_system(fv->system)->defaults;
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            const int nx = sizes[s], ny = sizes[(s + 3) % 11];
            sc_field_args a;
            sc_ode_float_constants(fv->system, p, a.k);
            a.x0 = -80.0f + 10.0f * check_rand_f(&seed);
            a.hx = 0.7f;
            a.y0 = -20.0f;
            a.hy = 0.3f;
            a.nx = nx;
            a.ny = ny;
            const size_t n = 2 * (size_t)nx * ny;
            float *r = malloc(n * sizeof *r), *q = malloc(n * sizeof *q);
            check_fill_nan(r, n);
            check_fill_nan(q, n);
            fv->scalar(&a, r);
            for (size_t i = 0; i < n; i++) CHECK(!isnan(r[i]), "%s scalar wrote %zu", fv->name, i);
            if (fv->simd) {
                fv->simd(&a, q);
                CHECK(memcmp(r, q, n * sizeof *r) == 0, "%s %dx%d: simd != scalar", fv->name, nx, ny);
            }
            /* float kernel vs the double right-hand side */
            double worst = 0;
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    const double y[2] = {a.x0 + (float)i * a.hx, a.y0 + (float)j * a.hy};
                    double f[2];
                    sc_ode_rhs(fv->system, p, 0, y, f);
                    for (int c = 0; c < 2; c++) {
                        const double e = fabs(r[2 * (j * nx + i) + c] - f[c]) / (1 + fabs(f[c]) + fabs(y[0]) + fabs(y[1]));
                        worst = fmax(worst, e);
                    }
                }
            /* float rounding of ~3 terms of size up to |f| + |y|: a few ulp */
            CHECK(worst < 1e-5, "%s: float field vs double rel error %.3g", fv->name, worst);
            free(r);
            free(q);
        }
    }
    /* Public call, generic path: Hodgkin-Huxley's (V, n) plane with m, h fixed. */
    const sc_ode_system_info *hh = sc_ode_system(SC_SYS_HODGKIN_HUXLEY);
    sc_phase_plane pl = {SC_SYS_HODGKIN_HUXLEY, hh->defaults, sc_ode_system(SC_SYS_HODGKIN_HUXLEY)->nparams, 0, 3, hh->y0, sc_ode_system(SC_SYS_HODGKIN_HUXLEY)->dim};
    float out[2 * 5 * 4];
    CHECK(sc_phase_direction_field(&pl, -80, 40, 5, 0, 1, 4, out) == SC_OK, "hh field");
    double y[4] = {hh->y0[0], hh->y0[1], hh->y0[2], hh->y0[3]}, f[4];
    y[0] = -80 + 2 * 30.0;
    y[3] = 2.0 / 3.0;
    sc_ode_rhs(SC_SYS_HODGKIN_HUXLEY, hh->defaults, 0, y, f);
    CHECK(out[2 * (2 * 5 + 2)] == (float)f[0] && out[2 * (2 * 5 + 2) + 1] == (float)f[3], "hh (V, n) field %g %g vs %g %g",
          out[2 * 12], out[2 * 12 + 1], f[0], f[3]);
    pl.fixed = NULL;
    CHECK(sc_phase_direction_field(&pl, -80, 40, 5, 0, 1, 4, out) == SC_ERR_NULL, "hh needs fixed");
    pl.fixed = hh->y0;
    pl.yvar = 0;
    CHECK(sc_phase_direction_field(&pl, -80, 40, 5, 0, 1, 4, out) == SC_ERR_RANGE, "xvar == yvar");
}

/* Where a curve ends: 0 on the box's edge (last point outside, the one
 * before inside), 1 + k at equilibrium k, -1 elsewhere. */
static int curve_end(const sc_polylines *s, long l, const double box[4], const sc_equilibrium *eq, int n)
{
    const long a = s->start[l + 1] - 1;
    const double x = s->xy[2 * a], y = s->xy[2 * a + 1];
    for (int k = 0; k < n; k++)
        if (x == eq[k].x && y == eq[k].y) return 1 + k;
    const int out = x < box[0] || x > box[1] || y < box[2] || y > box[3];
    const double px = s->xy[2 * a - 2], py = s->xy[2 * a - 1];
    const int before_in = px >= box[0] && px <= box[1] && py >= box[2] && py <= box[3];
    return out && before_in ? 0 : -1;
}

/* Morris-Lecar, SNIC set at I = 35 (stable node, saddle, unstable focus),
 * the page's view: both unstable branches run to the stable node (one
 * directly, one around the spike's loop), and each stable branch reaches the
 * box's edge or comes from the unstable focus. Each curve is long: far more
 * than a stub near the saddle. */
static void test_separatrices_morris_lecar(void)
{
    const sc_ode_preset *ml = NULL;
    for (int i = 0; i < sc_ode_preset_count(); i++)
        if (strcmp(sc_ode_preset_get(i)->name, "ML-snic") == 0) ml = sc_ode_preset_get(i);
    CHECK(ml != NULL, "ML-snic preset");
    if (!ml) return;
    double p[SC_ODE_MAX_PARAMS];
    memcpy(p, ml->params, sizeof p);
    const sc_ode_system_info *sys = sc_ode_system(SC_SYS_MORRIS_LECAR);
    int iI = -1;
    for (int i = 0; i < sys->nparams; i++)
        if (strcmp(sys->param_names[i], "I") == 0) iI = i;
    CHECK(iI >= 0, "Morris-Lecar has a parameter I");
    if (iI < 0) return;
    p[iI] = 35;
    const sc_phase_plane pl = {SC_SYS_MORRIS_LECAR, p, sc_ode_system(SC_SYS_MORRIS_LECAR)->nparams, 0, 1, NULL, 0};
    const double box[4] = {-75, 55, -0.1, 0.7};
    sc_equilibrium eq[8];
    int n = 0;
    CHECK(sc_phase_equilibria(&pl, box[0], box[1], box[2], box[3], 0, eq, 8, &n, NULL) == SC_OK && n == 3 &&
              eq[0].cls.type == SC_EQ_STABLE_NODE && eq[1].cls.type == SC_EQ_SADDLE &&
              eq[2].cls.type == SC_EQ_UNSTABLE_FOCUS,
          "ML-snic at 35: node, saddle, unstable focus (%d found)", n);
    if (n != 3) return;
    sc_polylines s;
    CHECK(sc_phase_separatrices(&pl, box[0], box[1], box[2], box[3], 0, &s) == SC_OK && s.lines == 4, "4 curves, got %ld",
          s.lines);
    if (s.lines != 4) return;
    for (long l = 0; l < 4; l++) {
        double reach = 0;
        for (long k = s.start[l]; k < s.start[l + 1]; k++)
            reach = fmax(reach, hypot((s.xy[2 * k] - eq[1].x) / 130, (s.xy[2 * k + 1] - eq[1].y) / 0.8));
        const int end = curve_end(&s, l, box, eq, n);
        if (l < 2)
            CHECK(end == 1, "unstable branch %ld ends at %d, expected the stable node", l, end);
        else
            CHECK(end == 0 || end == 3, "stable branch %ld ends at %d, expected the edge or the focus", l, end);
        CHECK(reach > 0.1, "curve %ld reaches only %.3g of the box from the saddle", l, reach);
    }
    sc_polylines_free(&s);
}

static void test_separatrices(void)
{
    /* Saddle x' = x + 0.5 y... use a rotated saddle with known eigenvectors:
     * A = [[1, 2], [2, -2]]: lambda = 2 with v = (2, 1), lambda = -3 with
     * v = (1, -2). The manifolds are the lines through 0 along them. */
    const double A[4] = {1, 2, 2, -2};
    sc_phase_plane pl = {SC_SYS_LINEAR2D, A, sc_ode_system(SC_SYS_LINEAR2D)->nparams, 0, 1, NULL, 0};
    sc_polylines s;
    CHECK(sc_phase_separatrices(&pl, -2, 2, -2, 2, 20, &s) == SC_OK && s.lines == 4, "4 curves, got %ld", s.lines);
    for (long l = 0; l < s.lines; l++) {
        const double *dir = l < 2 ? (const double[2]){2, 1} : (const double[2]){1, -2};
        double worst = 0, reach = 0;
        for (long k = s.start[l]; k < s.start[l + 1]; k++) {
            const double x = s.xy[2 * k], y = s.xy[2 * k + 1];
            worst = fmax(worst, fabs(x * dir[1] - y * dir[0]) / sqrt(5.0)); /* distance to the line */
            reach = fmax(reach, hypot(x, y));
        }
        CHECK(worst < 1e-6 * fmax(1, reach) && reach > 2.0, "curve %ld: off the eigen-line by %.3g, reach %.3g", l,
              worst, reach);
    }
    sc_polylines_free(&s);
    /* Izhikevich: the saddle's stable manifold is the threshold; a point
     * just on either side of it rests or spikes. */
    double p[SC_ODE_MAX_PARAMS];
    memcpy(p, sc_ode_system(SC_SYS_IZHIKEVICH)->defaults, sizeof(double) * IZ_NPARAMS);
    p[IZ_I] = 0;
    pl.system = SC_SYS_IZHIKEVICH;
    pl.params = p;
    pl.nparams = IZ_NPARAMS;
    CHECK(sc_phase_separatrices(&pl, -90, 0, -30, 10, 0, &s) == SC_OK && s.lines == 4, "izh separatrices %ld", s.lines);
    CHECK(s.xy[0] == s.xy[2 * s.start[2]] && fabs(s.xy[0] + 50) < 1e-9, "curves start at the saddle (-50, -10): %g",
          s.xy[0]);
    sc_polylines_free(&s);
    test_separatrices_morris_lecar();
}

int main(void)
{
    CHECK_RUN(test_classify());
    CHECK_RUN(test_izhikevich_equilibria());
    CHECK_RUN(test_nullclines());
    CHECK_RUN(test_direction_field());
    CHECK_RUN(test_separatrices());
    return check_summary("test_phase");
}
