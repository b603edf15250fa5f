/* The optim area: derivatives of the built-ins against formulas worked out
 * by hand here, the expression jets against the built-ins spelt as text and
 * against central differences, the Hessian's eigen-decomposition, and the
 * trajectories against what theory predicts (Newton: one step on a
 * quadratic; gradient descent with eta = 2/(1+kappa): contraction
 * (kappa-1)/(kappa+1) per step; heavy ball: sqrt(alpha) per step). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "simcore/optim.h"
#include "optim/optim_internal.h"

#define PI 3.14159265358979323846

/* Closed forms and the jets agree to rounding: relative to the magnitude. */
#define EXACT_TOL 1e-12
/* Central differences with h = 1e-4 have error O(h^2 f''') plus rounding
 * O(eps f / h): about 1e-7 relative for these smooth functions. */
#define FD_TOL 2e-6

static sc_optim_desc builtin(int kind) { return (sc_optim_desc){kind, 1, 0, NULL}; }
static sc_optim_desc quad(double kappa, double angle) { return (sc_optim_desc){SC_OPTIM_QUADRATIC, kappa, angle, NULL}; }
static sc_optim_desc expr(const char *text) { return (sc_optim_desc){SC_OPTIM_EXPR, 1, 0, text}; }

static int close(double a, double b, double tol, double scale) { return fabs(a - b) <= tol * (1 + fabs(scale)); }

static sc_optim_jet jet(sc_optim_desc d, double x, double y)
{
    sc_optim_jet j;
    memset(&j, 0, sizeof j);
    const sc_status st = sc_optim_eval(&d, x, y, &j);
    CHECK(st == SC_OK, "eval at (%g, %g): status %d", x, y, st);
    return j;
}

static void test_rosenbrock_by_hand(void)
{
    const double pts[][2] = {{-1.2, 1}, {1, 1}, {0, 0}, {0.5, -0.3}, {2, 3}};
    for (int p = 0; p < 5; p++) {
        const double x = pts[p][0], y = pts[p][1];
        const sc_optim_jet j = jet(builtin(SC_OPTIM_ROSENBROCK), x, y);
        /* f = (1-x)^2 + 100 (y-x^2)^2
         * fx = -2(1-x) - 400 x (y-x^2), fy = 200 (y-x^2)
         * fxx = 2 - 400 y + 1200 x^2, fxy = -400 x, fyy = 200 */
        const double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        const double fx = -2 * (1 - x) - 400 * x * (y - x * x), fy = 200 * (y - x * x);
        const double fxx = 2 - 400 * y + 1200 * x * x, fxy = -400 * x, fyy = 200;
        CHECK(close(j.f, f, EXACT_TOL, f), "f(%g,%g) = %.17g, expected %.17g", x, y, j.f, f);
        CHECK(close(j.fx, fx, EXACT_TOL, fx) && close(j.fy, fy, EXACT_TOL, fy), "grad (%g, %g) vs (%g, %g)", j.fx, j.fy, fx, fy);
        CHECK(close(j.fxx, fxx, EXACT_TOL, fxx) && close(j.fxy, fxy, EXACT_TOL, fxy) && close(j.fyy, fyy, EXACT_TOL, fyy),
              "H (%g %g %g) vs (%g %g %g)", j.fxx, j.fxy, j.fyy, fxx, fxy, fyy);
    }
    /* The classic start point: grad f(-1.2, 1) = (-215.6, -88). */
    const sc_optim_jet j = jet(builtin(SC_OPTIM_ROSENBROCK), -1.2, 1);
    CHECK(close(j.fx, -215.6, EXACT_TOL, 215.6) && close(j.fy, -88, EXACT_TOL, 88), "(%g, %g)", j.fx, j.fy);
    /* At the minimum (1, 1): H = [[802, -400], [-400, 200]], eigenvalues
     * (1002 +- sqrt(602^2 + 800^2)) / 2. */
    const sc_optim_jet m = jet(builtin(SC_OPTIM_ROSENBROCK), 1, 1);
    const double r = sqrt(602.0 * 602 + 800.0 * 800);
    CHECK(m.fx == 0 && m.fy == 0, "gradient at the minimum (%g, %g)", m.fx, m.fy);
    CHECK(close(m.l1, (1002 + r) / 2, EXACT_TOL, 1000) && close(m.l2, (1002 - r) / 2, EXACT_TOL, 1000), "l %g %g", m.l1, m.l2);
}

static void test_himmelblau_and_saddle(void)
{
    /* The four minima of Himmelblau's function, f = 0 and grad = 0 at (3, 2). */
    const sc_optim_jet h = jet(builtin(SC_OPTIM_HIMMELBLAU), 3, 2);
    CHECK(h.f == 0 && h.fx == 0 && h.fy == 0, "himmelblau (3,2): %g %g %g", h.f, h.fx, h.fy);
    /* fxx = 4(x^2+y-11) + 8x^2 + 2 = 74 at (3,2); fxy = 4(x+y) = 20; fyy = 4(x+y^2-7) + 8y^2 + 2 = 34 */
    CHECK(h.fxx == 74 && h.fxy == 20 && h.fyy == 34, "himmelblau H %g %g %g", h.fxx, h.fxy, h.fyy);
    const sc_optim_jet s = jet(builtin(SC_OPTIM_SADDLE), 2, 3);
    CHECK(s.f == 0.5 * (4 - 9) && s.fx == 2 && s.fy == -3, "saddle %g %g %g", s.f, s.fx, s.fy);
    CHECK(s.l1 == 1 && s.l2 == -1 && fabs(s.e1x) == 1 && s.e1y == 0, "saddle eigen %g %g (%g %g)", s.l1, s.l2, s.e1x, s.e1y);
}

/* Hessian eigenpairs: H e1 = l1 e1, |e1| = 1, l1 >= l2, trace and det kept. */
static void test_eigen(void)
{
    uint32_t seed = 7;
    for (int t = 0; t < 200; t++) {
        const double x = 3 * check_rand_f(&seed), y = 3 * check_rand_f(&seed);
        const sc_optim_desc fns[] = {builtin(SC_OPTIM_ROSENBROCK), builtin(SC_OPTIM_HIMMELBLAU), quad(1 + 99 * fabs(x), y)};
        for (int f = 0; f < 3; f++) {
            const sc_optim_jet j = jet(fns[f], x, y);
            const double s = fabs(j.fxx) + fabs(j.fxy) + fabs(j.fyy);
            const double hx = j.fxx * j.e1x + j.fxy * j.e1y, hy = j.fxy * j.e1x + j.fyy * j.e1y;
            CHECK(j.l1 >= j.l2, "l1 %g < l2 %g", j.l1, j.l2);
            CHECK(close(hypot(j.e1x, j.e1y), 1, 1e-15, 1), "|e1| = %.17g", hypot(j.e1x, j.e1y));
            CHECK(fabs(hx - j.l1 * j.e1x) <= 1e-12 * s && fabs(hy - j.l1 * j.e1y) <= 1e-12 * s, "H e1 != l1 e1 (f %d)", f);
            CHECK(fabs(j.l1 + j.l2 - (j.fxx + j.fyy)) <= 1e-12 * s, "trace");
            CHECK(fabs(j.l1 * j.l2 - (j.fxx * j.fyy - j.fxy * j.fxy)) <= 1e-11 * s * s, "det");
        }
    }
}

/* The built-ins typed as expressions: the jets give the closed forms. */
static void test_expression_matches_builtins(void)
{
    char qtext[256];
    const double kappa = 7.5, angle = 0.6, c = cos(angle), s = sin(angle);
    snprintf(qtext, sizeof qtext, "0.5*((%.17g*x + %.17g*y)^2 + %.17g*(-(%.17g)*x + %.17g*y)^2)", c, s, kappa, s, c);
    const struct {
        sc_optim_desc b;
        const char *text;
    } pairs[] = {
        {builtin(SC_OPTIM_ROSENBROCK), "(1 - x)^2 + 100*(y - x^2)^2"},
        {builtin(SC_OPTIM_HIMMELBLAU), "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"},
        {builtin(SC_OPTIM_SADDLE), "0.5*(x^2 - y^2)"},
        {quad(kappa, angle), qtext},
    };
    uint32_t seed = 11;
    for (int p = 0; p < 4; p++) {
        for (int t = 0; t < 100; t++) {
            const double x = 4 * check_rand_f(&seed), y = 4 * check_rand_f(&seed);
            const sc_optim_jet a = jet(pairs[p].b, x, y), e = jet(expr(pairs[p].text), x, y);
            const double got[6] = {e.f, e.fx, e.fy, e.fxx, e.fxy, e.fyy}, want[6] = {a.f, a.fx, a.fy, a.fxx, a.fxy, a.fyy};
            for (int k = 0; k < 6; k++) {
                /* the scale: the terms of the sum (Rosenbrock's fxx = 2 - 400y + 1200x^2 cancels) */
                const double scale = 1200 * (1 + x * x + y * y) * (1 + x * x + y * y);
                CHECK(fabs(got[k] - want[k]) <= EXACT_TOL * scale, "%s at (%g, %g), component %d: %.17g vs %.17g",
                      pairs[p].text, x, y, k, got[k], want[k]);
            }
        }
    }
}

/* Every function and operator of the language, against central differences:
 * gradient from values, Hessian from the jets' gradients. */
static void test_jets_against_differences(void)
{
    const char *texts[] = {
        "sin(x*y) + exp(x/3)*cos(y)",
        "atan2(y, x + 3) * x",
        "sqrt(x^2 + y^2 + 1)",
        "log(2 + x^2) * tanh(y)",
        "(x + 2)^(y/3)",
        "2^(x*y/4)",
        "asin(x/4) + acos(y/5) * x",
        "sinh(x/2) * cosh(y/3)",
        "tan(x/3) - atan(x*y)",
        "pow(x^2 + 1, y/2)",
        "(x + 1)/(y^2 + 2) - x/(3 + sin(y))",
        "-x^3 + 2*x*y^2 - y^4/7",
        "min(x, y)^2 + max(x*y, 1)",
        "abs(x - 5) * y + exp(-(x^2 + y^2))",
        "x^2 + floor(3.5) * y + ceil(0.5)*x*y",
        "pi*x + e*y^2",
    };
    const int n = (int)(sizeof texts / sizeof texts[0]);
    const double h = 1e-4;
    uint32_t seed = 3;
    for (int i = 0; i < n; i++) {
        for (int t = 0; t < 40; t++) {
            const double x = 1.9 * check_rand_f(&seed), y = 1.9 * check_rand_f(&seed);
            if (i == 12 && (fabs(x - y) < 0.01 || fabs(x * y - 1) < 0.01)) continue; /* min/max kinks */
            const sc_optim_desc d = expr(texts[i]);
            const sc_optim_jet j = jet(d, x, y);
            const sc_optim_jet px = jet(d, x + h, y), mx = jet(d, x - h, y), py = jet(d, x, y + h), my = jet(d, x, y - h);
            const double gx = (px.f - mx.f) / (2 * h), gy = (py.f - my.f) / (2 * h);
            const double hxx = (px.fx - mx.fx) / (2 * h), hxy = (py.fx - my.fx) / (2 * h);
            const double hyx = (px.fy - mx.fy) / (2 * h), hyy = (py.fy - my.fy) / (2 * h);
            const double scale = 1 + fabs(j.f) + fabs(j.fx) + fabs(j.fy) + fabs(j.fxx) + fabs(j.fxy) + fabs(j.fyy);
            CHECK(fabs(j.fx - gx) <= FD_TOL * scale && fabs(j.fy - gy) <= FD_TOL * scale,
                  "%s at (%g, %g): grad (%.10g, %.10g) vs differences (%.10g, %.10g)", texts[i], x, y, j.fx, j.fy, gx, gy);
            CHECK(fabs(j.fxx - hxx) <= FD_TOL * scale && fabs(j.fxy - hxy) <= FD_TOL * scale &&
                      fabs(j.fxy - hyx) <= FD_TOL * scale && fabs(j.fyy - hyy) <= FD_TOL * scale,
                  "%s at (%g, %g): H (%.10g %.10g %.10g) vs differences (%.10g %.10g/%.10g %.10g)", texts[i], x, y,
                  j.fxx, j.fxy, j.fyy, hxx, hxy, hyx, hyy);
        }
    }
    /* An exponent that is a constant keeps a negative base differentiable:
     * d/dx x^3 = 3x^2 at x = -2, d2 = 6x; and x^1 has no 0 * inf term at 0. */
    const sc_optim_jet a = jet(expr("x^3"), -2, 0);
    CHECK(a.f == -8 && a.fx == 12 && a.fxx == -12, "x^3 at -2: %g %g %g", a.f, a.fx, a.fxx);
    const sc_optim_jet b = jet(expr("x^1 + y^2"), 0, 0);
    CHECK(b.fx == 1 && b.fxx == 0 && b.fyy == 2, "x^1 + y^2 at 0: %g %g %g", b.fx, b.fxx, b.fyy);
}

/* Gradient descent and momentum use first-order jets: the same gradient, bit
 * for bit, as the second-order ones; and a typed Rosenbrock descends like
 * the built-in. */
static double path_a[2 * 1001], path_b[2 * 1001];
static void test_first_order_jets(void)
{
    const char *text = "sin(x*y) + exp(x/3)*cos(y) + atan2(y, x + 3)*x + (x + 2)^(y/3)";
    sc_optim_fn fn;
    const sc_optim_desc d = expr(text);
    CHECK(sc_optim_prepare(&d, &fn) == SC_OK, "prepare");
    uint32_t seed = 5;
    for (int t = 0; t < 200; t++) {
        const double x = 1.9 * check_rand_f(&seed), y = 1.9 * check_rand_f(&seed);
        const sc_jet2 a = sc_optim_jet_at(&fn, x, y, 1), b = sc_optim_jet_at(&fn, x, y, 2);
        CHECK(a.v == b.v && a.x == b.x && a.y == b.y, "order 1 gradient differs at (%g, %g)", x, y);
        CHECK(a.xx == 0 && a.xy == 0 && a.yy == 0, "order 1 left a Hessian");
    }
    const sc_optim_desc rb = builtin(SC_OPTIM_ROSENBROCK), rt = expr("(1 - x)^2 + 100*(y - x^2)^2");
    const sc_optim_run_desc r = {SC_OPTIM_MOMENTUM, 1e-3, 0.5, 1e-300, 1000};
    sc_optim_run oa, ob;
    CHECK(sc_optim_descend(&rb, &r, -1.2, 1, path_a, 2 * 1001, &oa) == SC_OK, "built-in run");
    CHECK(sc_optim_descend(&rt, &r, -1.2, 1, path_b, 2 * 1001, &ob) == SC_OK, "typed run");
    CHECK(oa.npoints == 1001 && ob.npoints == 1001, "%d and %d points", oa.npoints, ob.npoints);
    double worst = 0;
    for (int k = 0; k < 2 * 1001; k++) worst = fmax(worst, fabs(path_a[k] - path_b[k]));
    CHECK(worst < 1e-9, "typed and built-in Rosenbrock paths differ by %g", worst);
}

static sc_optim_run run(sc_optim_desc d, int method, double eta, double alpha, double tol, int max_iter, double x0,
                        double y0, double *path, long npath)
{
    const sc_optim_run_desc r = {method, eta, alpha, tol, max_iter};
    sc_optim_run out = {-1, -1, -1};
    const sc_status st = sc_optim_descend(&d, &r, x0, y0, path, npath, &out);
    CHECK(st == SC_OK, "descend status %d", st);
    for (int k = 0; k < 2 * out.npoints; k++) CHECK(isfinite(path[k]), "path[%d] = %g", k, path[k]);
    CHECK(out.npoints == out.iterations + 1, "%d points for %d iterations", out.npoints, out.iterations);
    return out;
}

#define NPATH (2 * (SC_OPTIM_MAX_ITER + 1))
static double path[NPATH];

static void test_newton_one_step_on_quadratics(void)
{
    const double kappas[] = {1, 4, 100, 1e4, 1e6};
    for (int i = 0; i < 5; i++) {
        for (int a = 0; a < 4; a++) {
            const sc_optim_run r = run(quad(kappas[i], a * 0.7), SC_OPTIM_NEWTON, 0, 0, 1e-6, 50, 3, -2, path, NPATH);
            /* At kappa = 1e6 rounding in H^-1 g (relative eps kappa) leaves a
             * gradient of about 1e-4 after the first step: a second one is
             * needed unless the bowl is unrotated (exact c, s). */
            const int steps = kappas[i] > 1e5 ? 2 : 1;
            CHECK(r.outcome == SC_OPTIM_CONVERGED && r.iterations >= 1 && r.iterations <= steps, "kappa %g: outcome %d after %d", kappas[i],
                  r.outcome, r.iterations);
            CHECK(fabs(path[2]) < 1e-9 && fabs(path[3]) < 1e-9, "Newton's point (%g, %g)", path[2], path[3]);
        }
    }
    /* Newton finds the saddle point too: a critical point, not a minimum. */
    const sc_optim_run s = run(builtin(SC_OPTIM_SADDLE), SC_OPTIM_NEWTON, 0, 0, 1e-9, 50, 1, 1, path, NPATH);
    CHECK(s.outcome == SC_OPTIM_CONVERGED && s.iterations == 1 && path[2] == 0 && path[3] == 0, "saddle: %d", s.iterations);
    /* A typed quadratic converges in one step as well (exact Hessian). */
    const sc_optim_run e = run(expr("3*x^2 + x*y + 2*y^2 - x + 4"), SC_OPTIM_NEWTON, 0, 0, 1e-9, 50, 5, 5, path, NPATH);
    CHECK(e.outcome == SC_OPTIM_CONVERGED && e.iterations == 1, "typed quadratic: %d after %d", e.outcome, e.iterations);
    /* Rosenbrock from (-1.2, 1): Newton reaches (1, 1) in a handful of steps. */
    const sc_optim_run rb = run(builtin(SC_OPTIM_ROSENBROCK), SC_OPTIM_NEWTON, 0, 0, 1e-8, 100, -1.2, 1, path, NPATH);
    CHECK(rb.outcome == SC_OPTIM_CONVERGED && rb.iterations <= 10, "rosenbrock Newton %d after %d", rb.outcome, rb.iterations);
    CHECK(fabs(path[2 * rb.iterations] - 1) < 1e-8 && fabs(path[2 * rb.iterations + 1] - 1) < 1e-8, "ends at (1, 1)");
}

/* GD with eta = 2/(1 + kappa) multiplies both eigen-components by
 * +-(kappa-1)/(kappa+1) each step, so |x_k| and |grad f(x_k)| shrink by
 * exactly that factor, and the iteration count is known in advance. */
static void test_gd_rate(void)
{
    const double kappas[] = {2, 10, 50, 200};
    for (int i = 0; i < 4; i++) {
        const double k = kappas[i], rho = (k - 1) / (k + 1), eta = 2 / (1 + k), angle = 0.3 * i, tol = 1e-6;
        const sc_optim_run r = run(quad(k, angle), SC_OPTIM_GD, eta, 0, tol, SC_OPTIM_MAX_ITER, 2, 1, path, NPATH);
        CHECK(r.outcome == SC_OPTIM_CONVERGED, "kappa %g: outcome %d", k, r.outcome);
        double worst = 0;
        for (int s = 0; s + 1 < r.npoints; s++) {
            const double ratio = hypot(path[2 * s + 2], path[2 * s + 3]) / hypot(path[2 * s], path[2 * s + 1]);
            worst = fmax(worst, fabs(ratio - rho));
        }
        CHECK(worst < 1e-9, "kappa %g: contraction off (kappa-1)/(kappa+1) = %.12g by %.3g", k, rho, worst);
        const sc_optim_jet g0 = jet(quad(k, angle), 2, 1);
        const double g = hypot(g0.fx, g0.fy);
        const int predicted = (int)ceil(log(tol / g) / log(rho));
        CHECK(abs(r.iterations - predicted) <= 1, "kappa %g: %d iterations, predicted %d", k, r.iterations, predicted);
        /* A smaller eta is slower: the rate is max |1 - eta l| = 1 - eta for eta < 2/(1+kappa). */
        const sc_optim_run slow = run(quad(k, angle), SC_OPTIM_GD, eta / 2, 0, tol, SC_OPTIM_MAX_ITER, 2, 1, path, NPATH);
        CHECK(slow.outcome == SC_OPTIM_CONVERGED && slow.iterations > r.iterations, "eta/2: %d vs %d", slow.iterations,
              r.iterations);
    }
}

/* Heavy ball with Polyak's constants for curvatures 1..kappa:
 * eta = 4/(sqrt(kappa)+1)^2, alpha = ((sqrt(kappa)-1)/(sqrt(kappa)+1))^2;
 * the iteration matrix has spectral radius sqrt(alpha), far below GD's. */
static void test_momentum(void)
{
    const double k = 100, q = sqrt(k), eta = 4 / ((q + 1) * (q + 1)), alpha = ((q - 1) / (q + 1)) * ((q - 1) / (q + 1));
    const int steps = 200;
    const sc_optim_run r = run(quad(k, 0.4), SC_OPTIM_MOMENTUM, eta, alpha, 1e-300, steps, 2, 1, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_MAX_ITERATIONS && r.iterations == steps, "outcome %d after %d", r.outcome, r.iterations);
    const double measured = pow(hypot(path[2 * steps], path[2 * steps + 1]) / hypot(2, 1), 1.0 / steps);
    /* Double eigenvalues give a factor linear in k: at most steps^(1/steps) = 1.027. */
    CHECK(measured <= sqrt(alpha) * 1.03 && measured >= sqrt(alpha) * 0.9, "rate %.6g vs sqrt(alpha) %.6g", measured,
          sqrt(alpha));
    const sc_optim_run gd = run(quad(k, 0.4), SC_OPTIM_GD, 2 / (1 + k), 0, 1e-6, SC_OPTIM_MAX_ITER, 2, 1, path, NPATH);
    const sc_optim_run mo = run(quad(k, 0.4), SC_OPTIM_MOMENTUM, eta, alpha, 1e-6, SC_OPTIM_MAX_ITER, 2, 1, path, NPATH);
    CHECK(mo.outcome == SC_OPTIM_CONVERGED && mo.iterations * 3 < gd.iterations, "momentum %d vs GD %d iterations",
          mo.iterations, gd.iterations);
    /* alpha = 0 is plain gradient descent, bit for bit. */
    static double p2[NPATH];
    const sc_optim_run a = run(builtin(SC_OPTIM_HIMMELBLAU), SC_OPTIM_MOMENTUM, 0.01, 0, 1e-6, 500, 0, 0, path, NPATH);
    const sc_optim_run b = run(builtin(SC_OPTIM_HIMMELBLAU), SC_OPTIM_GD, 0.01, 0.9, 1e-6, 500, 0, 0, p2, NPATH);
    CHECK(a.iterations == b.iterations && !memcmp(path, p2, sizeof(double) * 2 * (size_t)a.npoints), "alpha 0 != GD");
    CHECK(a.outcome == SC_OPTIM_CONVERGED && fabs(path[2 * a.iterations] - 3) < 1e-6, "Himmelblau from 0 reaches (3, 2)");
}

static void test_outcomes(void)
{
    /* GD with eta > 2/kappa diverges along the stiff axis. */
    sc_optim_run r = run(quad(10, 0), SC_OPTIM_GD, 0.25, 0, 1e-6, SC_OPTIM_MAX_ITER, 1, 1, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_DIVERGED, "eta 0.25, kappa 10: outcome %d", r.outcome);
    CHECK(fabs(path[2 * r.iterations + 1]) > SC_OPTIM_DIVERGE_AT, "last point beyond the threshold");
    /* Rosenbrock with a large step overflows f itself (a float-free inf). */
    r = run(builtin(SC_OPTIM_ROSENBROCK), SC_OPTIM_GD, 0.1, 0, 1e-6, SC_OPTIM_MAX_ITER, -1.2, 1, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_DIVERGED, "rosenbrock eta 0.1: outcome %d", r.outcome);
    /* Leaving the domain of log: x = 0.5 - 1/0.5 = -1.5. */
    r = run(expr("log(x) + y^2"), SC_OPTIM_GD, 1, 0, 1e-6, 100, 0.5, 0, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_UNDEFINED && r.iterations == 1 && path[2] == -1.5, "log: %d after %d", r.outcome, r.iterations);
    /* Newton with a singular Hessian ([[2, 0], [0, 0]]). */
    r = run(expr("x^2 + y"), SC_OPTIM_NEWTON, 0, 0, 1e-6, 100, 1, 1, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_SINGULAR && r.iterations == 0, "singular: %d", r.outcome);
    /* max_iter: 10 steps, 11 points. */
    r = run(builtin(SC_OPTIM_ROSENBROCK), SC_OPTIM_GD, 1e-4, 0, 1e-6, 10, -1.2, 1, path, 22);
    CHECK(r.outcome == SC_OPTIM_MAX_ITERATIONS && r.npoints == 11, "max_iter: %d, %d points", r.outcome, r.npoints);
    /* Already converged at the start: no step. */
    r = run(builtin(SC_OPTIM_HIMMELBLAU), SC_OPTIM_GD, 0.01, 0, 1e-6, 10, 3, 2, path, 22);
    CHECK(r.outcome == SC_OPTIM_CONVERGED && r.iterations == 0, "at the minimum: %d", r.iterations);
    /* Zero tol and max_iter mean the defaults. */
    r = run(builtin(SC_OPTIM_HIMMELBLAU), SC_OPTIM_GD, 0.01, 0, 0, 0, 0, 0, path, NPATH);
    CHECK(r.outcome == SC_OPTIM_CONVERGED && r.iterations < SC_OPTIM_DEFAULT_ITER, "defaults: %d", r.outcome);
}

static void test_grid(void)
{
    enum { NX = 7,
           NY = 5 };
    float g[NX * NY];
    long bad = -1;
    const sc_optim_desc h = builtin(SC_OPTIM_HIMMELBLAU);
    CHECK(sc_optim_grid(&h, -2, 4, -1, 3, NX, NY, 0, 0, 0, g, NX * NY, &bad) == SC_OK && bad == 0, "himmelblau grid");
    for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++) {
            const sc_optim_jet v = jet(h, -2 + i * 1.0, -1 + j * 1.0);
            CHECK(g[j * NX + i] == (float)v.f, "grid (%d, %d): %g vs %g", i, j, g[j * NX + i], v.f);
        }
    /* The Taylor approximation of a quadratic is the quadratic; of Rosenbrock at (0.5, 0.5) it matches f there. */
    float t[NX * NY];
    const sc_optim_desc q = quad(30, 1.1);
    CHECK(sc_optim_grid(&q, -3, 3, -2, 2, NX, NY, 1, 0.7, -0.4, t, NX * NY, &bad) == SC_OK, "taylor grid");
    CHECK(sc_optim_grid(&q, -3, 3, -2, 2, NX, NY, 0, 0, 0, g, NX * NY, &bad) == SC_OK, "quad grid");
    for (int k = 0; k < NX * NY; k++) CHECK(fabsf(t[k] - g[k]) <= 1e-5f * (1 + fabsf(g[k])), "taylor %d: %g vs %g", k, t[k], g[k]);
    /* log(x) is undefined for x < 0: 3 of 7 columns (x = -3, -2, -1), and -inf at x = 0. */
    const sc_optim_desc l = expr("log(x)");
    CHECK(sc_optim_grid(&l, -3, 3, -2, 2, NX, NY, 0, 0, 0, g, NX * NY, &bad) == SC_OK && bad == 4 * NY, "log grid: %ld undefined", bad);
    CHECK(isnan(g[0]) && isnan(g[3]) && g[4] == 0.0f, "NaN marks the undefined points");
}

static void test_errors(void)
{
    sc_optim_jet j;
    int pos = -1;
    const char *msg = NULL;
    sc_optim_desc d = builtin(SC_OPTIM_KIND_COUNT);
    CHECK(sc_optim_eval(&d, 0, 0, &j) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "kind"), "kind");
    d = quad(0.5, 0);
    CHECK(sc_optim_eval(&d, 0, 0, &j) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "kappa"), "kappa < 1");
    d = quad(NAN, 0);
    CHECK(sc_optim_eval(&d, 0, 0, &j) == SC_ERR_NONFINITE, "kappa NaN");
    d = quad(2, INFINITY);
    CHECK(sc_optim_eval(&d, 0, 0, &j) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "angle"), "angle inf");
    d = builtin(SC_OPTIM_SADDLE);
    CHECK(sc_optim_eval(&d, 2e6, 0, &j) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "x"), "x beyond 1e6");
    CHECK(sc_optim_eval(&d, 0, 0, NULL) == SC_ERR_NULL, "out NULL");
    d = expr(NULL);
    CHECK(sc_optim_eval(&d, 0, 0, &j) == SC_ERR_NULL, "expr NULL");
    d = expr("log(x)");
    CHECK(sc_optim_eval(&d, -1, 0, &j) == SC_ERR_OVERFLOW && !strcmp(sc_last_error_arg(), "point"), "undefined point");
    /* Syntax errors name the position. */
    CHECK(sc_optim_check("x^2 + * y", &pos, &msg) == SC_ERR_RANGE && pos == 6, "pos %d (%s)", pos, msg);
    CHECK(sc_optim_check("sin(x) + t*y", &pos, &msg) == SC_ERR_RANGE && pos == 9 && strstr(msg, "t is not"), "t at %d: %s", pos,
          msg);
    CHECK(sc_optim_check("x*tt + y", &pos, &msg) == SC_ERR_RANGE && pos == 2, "unknown name tt at %d", pos);
    CHECK(sc_optim_check("x^2 + y^2", &pos, &msg) == SC_OK && pos == 0 && !strcmp(msg, ""), "valid");
    CHECK(sc_optim_check(NULL, &pos, &msg) == SC_ERR_NULL, "NULL text");
    /* Trajectory arguments. */
    const sc_optim_desc s = builtin(SC_OPTIM_SADDLE);
    sc_optim_run out;
    const struct {
        sc_optim_run_desc r;
        sc_status st;
        const char *arg;
    } bad[] = {
        {{SC_OPTIM_METHOD_COUNT, 0.1, 0, 0, 10}, SC_ERR_OPTION, "method"},
        {{SC_OPTIM_GD, 0, 0, 0, 10}, SC_ERR_RANGE, "eta"},
        {{SC_OPTIM_GD, NAN, 0, 0, 10}, SC_ERR_NONFINITE, "eta"},
        {{SC_OPTIM_MOMENTUM, 0.1, 1, 0, 10}, SC_ERR_RANGE, "alpha"},
        {{SC_OPTIM_MOMENTUM, 0.1, -0.1, 0, 10}, SC_ERR_RANGE, "alpha"},
        {{SC_OPTIM_GD, 0.1, 0, -1, 10}, SC_ERR_RANGE, "tol"},
        {{SC_OPTIM_GD, 0.1, 0, 0, -1}, SC_ERR_SIZE, "max_iter"},
        {{SC_OPTIM_GD, 0.1, 0, 0, SC_OPTIM_MAX_ITER + 1}, SC_ERR_SIZE, "max_iter"},
        {{SC_OPTIM_GD, 0.1, 0, 0, 11}, SC_ERR_SIZE, "path"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const sc_status st = sc_optim_descend(&s, &bad[i].r, 1, 1, path, 22, &out);
        CHECK(st == bad[i].st && !strcmp(sc_last_error_arg(), bad[i].arg), "case %zu: %d %s", i, st, sc_last_error_arg());
    }
    const sc_optim_run_desc ok = {SC_OPTIM_NEWTON, 0, 0, 0, 10};
    CHECK(sc_optim_descend(&s, &ok, NAN, 1, path, 22, &out) == SC_ERR_NONFINITE, "start NaN");
    CHECK(sc_optim_descend(&s, &ok, 1, 1, NULL, 22, &out) == SC_ERR_NULL, "path NULL");
    /* Grid arguments. */
    float g[4];
    long u;
    CHECK(sc_optim_grid(&s, 1, 1, 0, 1, 2, 2, 0, 0, 0, g, 4, &u) == SC_ERR_RANGE, "x0 == x1");
    CHECK(sc_optim_grid(&s, 0, 1, 0, 1, 1, 4, 0, 0, 0, g, 4, &u) == SC_ERR_SIZE, "nx 1");
    CHECK(sc_optim_grid(&s, 0, 1, 0, 1, 2, 2, 0, 0, 0, g, 5, &u) == SC_ERR_SIZE, "n != nx ny");
    CHECK(sc_optim_grid(&s, 0, 1, 0, 1, 2, 2, 1, NAN, 0, g, 4, &u) == SC_ERR_NONFINITE, "centre NaN");
    const sc_optim_desc l = expr("log(x)");
    CHECK(sc_optim_grid(&l, 0, 1, 0, 1, 2, 2, 1, -1, 0, g, 4, &u) == SC_ERR_OVERFLOW, "centre undefined");
    /* The flat twins check their counts. */
    double o[10];
    int info[3];
    CHECK(sc_flat_optim_eval(SC_OPTIM_SADDLE, 1, 0, NULL, 1, 2, o, 9) == SC_ERR_SIZE, "nout 9");
    CHECK(sc_flat_optim_eval(SC_OPTIM_SADDLE, 1, 0, NULL, 1, 2, o, 10) == SC_OK && o[1] == 1 && o[2] == -2, "flat eval");
    CHECK(sc_flat_optim_descend(SC_OPTIM_SADDLE, 1, 0, NULL, SC_OPTIM_NEWTON, 0, 0, 0, 10, 1, 1, path, 22, info, 2) ==
              SC_ERR_SIZE,
          "ninfo 2");
    CHECK(sc_flat_optim_descend(SC_OPTIM_SADDLE, 1, 0, NULL, SC_OPTIM_NEWTON, 0, 0, 0, 10, 1, 1, path, 22, info, 3) == SC_OK &&
              info[0] == SC_OPTIM_CONVERGED && info[1] == 1 && info[2] == 2,
          "flat descend %d %d %d", info[0], info[1], info[2]);
    int un = -1;
    CHECK(sc_flat_optim_grid(SC_OPTIM_EXPR, 1, 0, "log(x)", -1, 1, 0, 1, 2, 2, 0, 0, 0, g, 4, &un) == SC_OK && un == 2, "flat grid");
    CHECK(sc_flat_optim_check("x +", &pos, &msg) == SC_ERR_RANGE && pos == 3, "flat check %d", pos);
}

int main(void)
{
    CHECK_RUN(test_rosenbrock_by_hand());
    CHECK_RUN(test_himmelblau_and_saddle());
    CHECK_RUN(test_eigen());
    CHECK_RUN(test_expression_matches_builtins());
    CHECK_RUN(test_jets_against_differences());
    CHECK_RUN(test_first_order_jets());
    CHECK_RUN(test_newton_one_step_on_quadratics());
    CHECK_RUN(test_gd_rate());
    CHECK_RUN(test_momentum());
    CHECK_RUN(test_outcomes());
    CHECK_RUN(test_grid());
    CHECK_RUN(test_errors());
    return check_summary("test_optim");
}
