/* The custom system: parser (precedence, errors with positions), double
 * evaluation against the built-in systems it can spell (bit for bit),
 * analysis on custom systems (pendulum equilibria, a closed nullcline),
 * block evaluators and the custom batch/field: SIMD == scalar. */
#include <string.h>
#include "check.h"
#include "ode_check.h"
#include "simcore/ode.h"
#include "simcore/phase.h"
#include "ode/ode_internal.h"
#include "ode/custom.h"

#define PI 3.14159265358979323846

/* The custom system under test: each compile frees the previous one. */
static int custom = -1;
static const char *custom_msg = "";
static sc_status compile(const char *dx, const char *dy, const char *const *names, const double *v, int n, int *pos)
{
    if (custom != -1) sc_ode_custom_free(custom);
    return sc_ode_custom_compile(dx, dy, names, v, n, pos, &custom_msg, &custom);
}

static double eval1(const char *text, double x, double y)
{
    sc_expr e;
    int pos;
    const char *msg;
    if (sc_expr_compile(text, NULL, 0, &e, &pos, &msg) != SC_OK) return NAN;
    return sc_expr_eval(&e, x, y, 0.0, NULL);
}

static void test_parser(void)
{
    CHECK(eval1("-x^2", 3, 0) == -9.0, "-x^2 = -(x^2)");
    CHECK(eval1("2^3^2", 0, 0) == 512.0, "right-assoc power");
    CHECK(eval1("2^-1", 0, 0) == 0.5, "2^-1");
    CHECK(eval1("1 - 2 - 3", 0, 0) == -4.0, "left-assoc minus");
    CHECK(eval1("8 / 4 / 2", 0, 0) == 1.0, "left-assoc divide");
    CHECK(eval1("2 + 3 * 4", 0, 0) == 14.0, "precedence");
    CHECK(eval1("(2 + 3) * 4", 0, 0) == 20.0, "parentheses");
    CHECK(eval1("1.5e2 + .5 + 2E-1", 0, 0) == 150.7, "numbers %.17g", eval1("1.5e2 + .5 + 2E-1", 0, 0));
    CHECK(fabs(eval1("sin(pi/2) + cos(0) + exp(0) + log(e) + sqrt(4) + abs(-1)", 0, 0) - 7.0) < 1e-15, "functions");
    CHECK(eval1("atan2(y, x)", 0, 1) == atan2(1, 0) && eval1("min(x, y) + max(x, y) + pow(x, 2)", 2, 5) == 11.0, "2-arg");
    CHECK(eval1("+x - -y", 1, 2) == 3.0, "unary plus and minus");

    static const struct {
        const char *text;
        int pos;
    } bad[] = {
        {"y +", 3},
        {"sin(x", 5},
        {"2 ** x", 3},
        {"z + 1", 0},
        {"foo(x)", 0},
        {"x)", 1},
        {"atan2(x)", 7},
        {"sin(x, y)", 5},
        {"", 0},
        {"1e+", 3},
        {"x $ y", 2},
        {"(x + y", 6},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        sc_expr e;
        int pos = -1;
        const char *msg = NULL;
        const sc_status st = sc_expr_compile(bad[k].text, NULL, 0, &e, &pos, &msg);
        CHECK(st == SC_ERR_RANGE && pos == bad[k].pos && msg && msg[0], "'%s': status %d at %d (expected %d): %s", bad[k].text,
              st, pos, bad[k].pos, msg ? msg : "");
    }
    /* through the public compile: the argument and the position */
    int pos = -1;
    CHECK(compile("y", "-sin(x) - 0.2*", NULL, NULL, 0, &pos) == SC_ERR_RANGE &&
              !strcmp(sc_last_error_arg(), "dy") && pos == 14,
          "dy error at %d (%s)", pos, custom_msg);
    CHECK(sc_ode_system(custom) == NULL, "no custom system after a failed compile");
    const char *names[2] = {"mu", "x"};
    const double vals[2] = {1, 2};
    CHECK(compile("y", "x", names, vals, 2, NULL) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "params"),
          "reserved parameter name");
    names[1] = "mu";
    CHECK(compile("y", "x", names, vals, 2, NULL) == SC_ERR_RANGE, "duplicate parameter name");
    CHECK((sc_ode_custom_free(custom), sc_flat_ode_custom_compile("y", "-k*x", "k mu", vals, 2, &pos, &custom_msg, &custom)) == SC_OK, "flat compile with names");
    CHECK(sc_ode_find_param(custom, "mu") == 1, "custom params visible");
}

static sc_ode_result run(int system, const double *p, const double *y0, sc_ode_method m)
{
    sc_ode_desc d = sc_ode_default_desc();
    d.system = system;
    d.params = p;
    d.y0 = y0;
    d.t1 = 5;
    d.dt = m == SC_ODE_DOPRI5 ? 0.1 : 0.01;
    d.method = m;
    sc_ode_result r;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK, "integrate system %d", system);
    return r;
}

/* The same right-hand side written as text gives the same bits. */
static void test_matches_builtins(void)
{
    const char *lin[4] = {"a", "b", "c", "d"};
    const double A[4] = {-0.3, 2, -2, -0.3}, y0[2] = {1, 0.5};
    CHECK(compile("a*x + b*y", "c*x + d*y", lin, A, 4, NULL) == SC_OK, "compile linear");
    for (int m = 0; m < 3; m++) {
        sc_ode_result a = run(custom, A, y0, (sc_ode_method)m), b = run(SC_SYS_LINEAR2D, A, y0, (sc_ode_method)m);
        CHECK(a.samples == b.samples && !memcmp(a.y, b.y, sizeof(double) * 2 * (size_t)a.samples),
              "custom linear2d == built-in, method %d", m);
        sc_ode_result_free(&a);
        sc_ode_result_free(&b);
    }
    const char *osc[3] = {"m", "k", "mu"};
    const double P[3] = {2, 3, 0.5};
    CHECK(compile("y", "(-k*x - mu*y)/m", osc, P, 3, NULL) == SC_OK, "compile oscillator");
    sc_ode_result a = run(custom, P, y0, SC_ODE_RK4), b = run(SC_SYS_OSCILLATOR, P, y0, SC_ODE_RK4);
    CHECK(!memcmp(a.y, b.y, sizeof(double) * 2 * (size_t)a.samples), "custom oscillator == built-in");
    sc_ode_result_free(&a);
    sc_ode_result_free(&b);
    /* time-dependent: x' = cos(t), x(0) = 0 -> sin(t) */
    CHECK(compile("cos(t)", "0", NULL, NULL, 0, NULL) == SC_OK, "compile forced");
    const double z[2] = {0, 0};
    a = run(custom, NULL, z, SC_ODE_RK4);
    CHECK(fabs(a.y[2 * (a.samples - 1)] - sin(5.0)) < 1e-10, "x' = cos t: %.12g vs %.12g", a.y[2 * (a.samples - 1)], sin(5.0));
    sc_ode_result_free(&a);
}

static void test_analysis(void)
{
    /* damped pendulum: saddles at +-pi, a stable focus at 0 */
    const char *names[1] = {"g"};
    const double g[1] = {0.2};
    CHECK(compile("y", "-sin(x) - g*y", names, g, 1, NULL) == SC_OK, "compile pendulum");
    sc_phase_plane pl = {custom, g, sc_ode_system(custom)->nparams, 0, 1, NULL, 0};
    sc_equilibrium eq[8];
    int n = 0;
    CHECK(sc_phase_equilibria(&pl, -4, 4, -2, 2, 0, eq, 8, &n, NULL) == SC_OK && n == 3, "pendulum: %d equilibria", n);
    if (n == 3) {
        CHECK(fabs(eq[0].x + PI) < 1e-9 && eq[0].cls.type == SC_EQ_SADDLE, "(-pi, 0) saddle: %g %s", eq[0].x,
              sc_eq_type_name(eq[0].cls.type));
        CHECK(fabs(eq[1].x) < 1e-9 && eq[1].cls.type == SC_EQ_STABLE_FOCUS && fabs(eq[1].cls.trace + 0.2) < 1e-8 &&
                  fabs(eq[1].cls.det - 1) < 1e-8,
              "(0, 0) stable focus: %s tr %g det %g", sc_eq_type_name(eq[1].cls.type),
              eq[1].cls.trace, eq[1].cls.det);
        CHECK(fabs(eq[2].x - PI) < 1e-9 && eq[2].cls.type == SC_EQ_SADDLE, "(pi, 0) saddle");
    }
    /* a closed nullcline: x' = x^2 + y^2 - 1 vanishes on the unit circle */
    CHECK(compile("x^2 + y^2 - 1", "x - y", NULL, NULL, 0, NULL) == SC_OK, "compile circle");
    sc_phase_plane pc = {custom, g, sc_ode_system(custom)->nparams, 0, 1, NULL, 0};
    sc_polylines nc;
    CHECK(sc_phase_nullcline(&pc, 0, -2, 2, 41, -2, 2, 37, &nc) == SC_OK && nc.lines == 1, "circle: %ld lines", nc.lines);
    const long last = nc.points - 1;
    CHECK(nc.xy[0] == nc.xy[2 * last] && nc.xy[1] == nc.xy[2 * last + 1], "closed: first point repeated");
    double worst = 0;
    for (long k = 0; k < nc.points; k++) worst = fmax(worst, fabs(hypot(nc.xy[2 * k], nc.xy[2 * k + 1]) - 1));
    CHECK(worst < 1e-6 && nc.points > 50, "on the circle within %.3g (%ld points)", worst, nc.points);
    sc_polylines_free(&nc);
}

static void test_block_paths(void)
{
    const char *names[2] = {"g", "w"};
    const double P[2] = {0.2, 1.5};
    CHECK(compile("y + 0.1*tanh(x)", "-w^2*sin(x) - g*y + exp(-x*x)/(1 + abs(y)) + sqrt(abs(x))", names, P, 2,
                  NULL) == SC_OK,
          "compile");
    const float p[2] = {0.2f, 1.5f};
    uint32_t seed = 11;
    const int counts[] = {1, 3, 63, 64, 65, 130};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        const int n = counts[c];
        float *a = malloc(sizeof(float) * 2 * (size_t)n), *b = malloc(sizeof(float) * 2 * (size_t)n);
        check_fill_random(a, 2 * (size_t)n, &seed);
        memcpy(b, a, sizeof(float) * 2 * (size_t)n);
        sc_custom_batch(sc_expr_block_scalar, sc_custom_expr(custom), p, a, n, 0.05f, 50, 1);
#if SC_HAVE_SIMD
        sc_custom_batch(sc_expr_block_simd, sc_custom_expr(custom), p, b, n, 0.05f, 50, 1);
        CHECK(!memcmp(a, b, sizeof(float) * 2 * (size_t)n), "custom batch count %d: simd != scalar", n);
#endif
        free(a);
        free(b);
    }
    /* field: block paths agree, and with the double rhs to float rounding */
    const int nx = 37, ny = 5;
    float *fa = malloc(sizeof(float) * 2 * nx * ny), *fb = malloc(sizeof(float) * 2 * nx * ny);
    check_fill_nan(fa, 2 * nx * ny);
    sc_custom_field(sc_expr_block_scalar, sc_custom_expr(custom), p, -3.0f, 0.17f, nx, -1.0f, 0.5f, ny, fa);
#if SC_HAVE_SIMD
    sc_custom_field(sc_expr_block_simd, sc_custom_expr(custom), p, -3.0f, 0.17f, nx, -1.0f, 0.5f, ny, fb);
    CHECK(!memcmp(fa, fb, sizeof(float) * 2 * nx * ny), "custom field: simd != scalar");
#endif
    double worst = 0;
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) {
            const double y[2] = {-3.0f + (float)i * 0.17f, -1.0f + (float)j * 0.5f};
            double f[2];
            sc_ode_rhs(custom, P, 0, y, f);
            for (int k = 0; k < 2; k++) worst = fmax(worst, fabs(fa[2 * (j * nx + i) + k] - f[k]) / (1 + fabs(f[k])));
        }
    CHECK(worst < 1e-5, "float field vs double %.3g", worst);
    free(fa);
    free(fb);
    /* public entry points take the custom path */
    float y[4] = {0.5f, 0, -0.5f, 0};
    CHECK(sc_ode_batch(custom, P, sc_ode_system(custom)->nparams, y, 2, 0.01, 100, SC_ODE_RK4) == SC_OK && y[0] != 0.5f, "sc_ode_batch custom");
    sc_phase_plane pl = {custom, P, sc_ode_system(custom)->nparams, 0, 1, NULL, 0};
    float out[2 * 4 * 3];
    CHECK(sc_phase_direction_field(&pl, -1, 1, 4, -1, 1, 3, out) == SC_OK && !isnan(out[23]), "field custom");
}

/* Random texts from the grammar's alphabet: the parser never crashes or
 * reads past the text, every accepted program evaluates with a balanced
 * stack, and the two block evaluators agree bit for bit on it. */
static void test_fuzz(void)
{
    static const char *const atoms[] = {"x", "y", "t", "k", "2", "0.5", "1e-3", "pi", "e", "+", "-", "*", "/", "^",
                                        "(", ")", ",", "sin(", "exp(", "atan2(", "min(", "abs(", "sqrt(", " ", "@"};
    const int natoms = (int)(sizeof atoms / sizeof atoms[0]);
    const char *names[1] = {"k"};
    uint32_t seed = 2024;
    int accepted = 0, same = 1;
    float xs[SC_EXPR_BLOCK], ys[SC_EXPR_BLOCK], a[SC_EXPR_BLOCK], b[SC_EXPR_BLOCK];
    for (int k = 0; k < SC_EXPR_BLOCK; k++) xs[k] = 0.37f * (float)k - 9.0f, ys[k] = 1.5f - 0.11f * (float)k;
    const float p[1] = {0.75f};
    for (int trial = 0; trial < 20000; trial++) {
        char text[256] = "";
        const int len = 1 + (int)(check_rand_u32(&seed) % 12);
        for (int i = 0; i < len; i++) strcat(text, atoms[check_rand_u32(&seed) % (uint32_t)natoms]);
        sc_expr e;
        int pos;
        const char *msg;
        const sc_status st = sc_expr_compile(text, names, 1, &e, &pos, &msg);
        CHECK(st == SC_OK || (st == SC_ERR_RANGE && pos >= 0 && pos <= (int)strlen(text)), "'%s': %d at %d", text, st, pos);
        if (st != SC_OK) continue;
        accepted++;
        /* balanced: every program leaves exactly one value */
        int depth = 0;
        for (int i = 0; i < e.n; i++) {
            const int op = e.code[i].op;
            depth += op == SC_OP_CONST || op == SC_OP_VAR ? 1 : op == SC_OP_NEG || op == SC_OP_FN1 ? 0
                                                                                                   : -1;
            CHECK(depth >= 1, "'%s': stack underflow at %d", text, i);
        }
        CHECK(depth == 1 && e.depth <= SC_EXPR_MAX_DEPTH, "'%s': final depth %d", text, depth);
        (void)sc_expr_eval(&e, 0.3, -0.2, 1.0, (const double[1]){0.75});
        sc_expr_block_scalar(&e, xs, ys, 0.5f, p, a);
#if SC_HAVE_SIMD
        sc_expr_block_simd(&e, xs, ys, 0.5f, p, b);
        if (memcmp(a, b, sizeof a) != 0) {
            same = 0;
            fprintf(stderr, "block evaluators differ on '%s'\n", text);
        }
#else
        (void)b;
#endif
    }
    printf("fuzz: %d of 20000 random texts accepted\n", accepted);
    CHECK(accepted > 500 && same, "accepted %d, evaluators agree %d", accepted, same);
}

/* Custom systems are pool handles: several live side by side, each keeps
 * its own program, a freed one is gone (HANDLE), and the pool is bounded. */
static void test_handles(void)
{
    const char *k[1] = {"k"};
    const double one[1] = {1}, y0[2] = {1, 0};
    int a = -1, b = -1;
    const char *msg = NULL;
    sc_ode_custom_free(custom); /* the other tests' system: the pool's whole limit is ours */
    custom = -1;
    CHECK(sc_ode_custom_compile("y", "-k*x", k, one, 1, NULL, &msg, &a) == SC_OK && a > 0xffff &&
              msg && !msg[0],
          "first system id %d", a);
    CHECK(sc_ode_custom_compile("-y", "x", NULL, NULL, 0, NULL, NULL, &b) == SC_OK && b != a, "second system");
    CHECK(sc_ode_system(a)->nparams == 1 && sc_ode_system(b)->nparams == 0, "each keeps its own table");
    double fa[2], fb[2];
    CHECK(sc_ode_rhs(a, one, 0, y0, fa) == SC_OK && fa[0] == 0 && fa[1] == -1, "a: (y, -k x) at (1, 0)");
    CHECK(sc_ode_rhs(b, NULL, 0, y0, fb) == SC_OK && fb[0] == 0 && fb[1] == 1, "b: (-y, x) at (1, 0)");
    CHECK(sc_ode_custom_free(a) == SC_OK && sc_ode_system(a) == NULL, "a freed");
    CHECK(sc_ode_custom_free(a) == SC_ERR_HANDLE && !strcmp(sc_last_error_arg(), "system"), "double free");
    CHECK(sc_ode_rhs(a, one, 0, y0, fa) == SC_ERR_OPTION, "a stale id is no system");
    CHECK(sc_ode_rhs(b, NULL, 0, y0, fb) == SC_OK && fb[1] == 1, "b lives on");
    CHECK(sc_ode_custom_free(SC_SYS_LINEAR2D) == SC_ERR_HANDLE, "a built-in is not freed");
    CHECK(sc_ode_custom_free(b) == SC_OK, "free b");
    CHECK(sc_ode_custom_compile("y", "x", NULL, NULL, 0, NULL, NULL, NULL) == SC_ERR_NULL, "NULL system");
    int bad = 0;
    CHECK(sc_ode_custom_compile("y", "x +", NULL, NULL, 0, NULL, &msg, &bad) == SC_ERR_RANGE && bad == -1 && msg[0],
          "a failed compile gives -1 and a message (%s)", msg);
    int ids[SC_ODE_MAX_CUSTOM + 1], made = 0;
    sc_status last = SC_OK;
    for (int i = 0; i <= SC_ODE_MAX_CUSTOM; i++) {
        last = sc_ode_custom_compile("y", "x", NULL, NULL, 0, NULL, NULL, &ids[i]);
        if (last == SC_OK) made++;
    }
    CHECK(made == SC_ODE_MAX_CUSTOM && last == SC_ERR_NOMEM && ids[SC_ODE_MAX_CUSTOM] == -1, "bounded: %d", made);
    for (int i = 0; i < made; i++) sc_ode_custom_free(ids[i]);
    CHECK(sc_ode_custom_compile("y", "x", NULL, NULL, 0, NULL, NULL, &a) == SC_OK && sc_ode_custom_free(a) == SC_OK,
          "reusable after freeing");
}

int main(void)
{
    CHECK_RUN(test_parser());
    CHECK_RUN(test_matches_builtins());
    CHECK_RUN(test_analysis());
    CHECK_RUN(test_block_paths());
    CHECK_RUN(test_fuzz());
    CHECK_RUN(test_handles());
    return check_summary("test_custom");
}
