/* Hodgkin-Huxley gates: x_inf(V) and tau_x(V) against the closed-form
 * rates written out here (Hodgkin & Huxley 1952, modern convention), the
 * removable singularities at V = -40 and -55 mV, Rinzel's reduction
 * against the 4-D right-hand side, and bad input. */
#include <math.h>
#include "check.h"
#include "simcore/hh_gates.h"
#include "simcore/ode.h"

static void closed_form(double V, double a[3], double b[3])
{
    a[0] = 0.1 * (V + 40.0) / (1.0 - exp(-(V + 40.0) / 10.0));
    b[0] = 4.0 * exp(-(V + 65.0) / 18.0);
    a[1] = 0.07 * exp(-(V + 65.0) / 20.0);
    b[1] = 1.0 / (1.0 + exp(-(V + 35.0) / 10.0));
    a[2] = 0.01 * (V + 55.0) / (1.0 - exp(-(V + 55.0) / 10.0));
    b[2] = 0.125 * exp(-(V + 65.0) / 80.0);
}

static void test_closed_form(void)
{
    enum { N = 301 };
    double V[N], out[6 * N];
    for (int i = 0; i < N; i++) V[i] = -100.0 + 0.5 * i + 0.0137; /* off the singular points */
    CHECK(sc_ode_hh_gates(V, N, out, 6 * N) == SC_OK, "status");
    double worst = 0;
    for (int i = 0; i < N; i++) {
        double a[3], b[3];
        closed_form(V[i], a, b);
        for (int g = 0; g < 3; g++) {
            const double inf = a[g] / (a[g] + b[g]), tau = 1.0 / (a[g] + b[g]);
            worst = fmax(worst, fabs(out[6 * i + g] - inf) / inf);
            worst = fmax(worst, fabs(out[6 * i + 3 + g] - tau) / tau);
        }
    }
    CHECK(worst < 1e-12, "worst relative difference %g", worst);
    /* textbook values at rest: m 0.0529, h 0.596, n 0.318; tau_h 8.5 ms, tau_n 5.5 ms */
    const double rest = -65.0;
    CHECK(sc_ode_hh_gates(&rest, 1, out, 6) == SC_OK, "rest");
    CHECK(fabs(out[0] - 0.05293248525724958) < 1e-12 && fabs(out[1] - 0.5961207535084603) < 1e-12 &&
              fabs(out[2] - 0.3176769140606974) < 1e-12,
          "steady states at rest %g %g %g (the system's start state)", out[0], out[1], out[2]);
    CHECK(out[4] > 8.4 && out[4] < 8.6 && out[5] > 5.4 && out[5] < 5.6 && out[3] < 0.3, "tau at rest %g %g %g",
          out[3], out[4], out[5]);
}

static void test_singular_points(void)
{
    /* alpha_m(-40) = 1, alpha_n(-55) = 0.1 (the limits); continuous beside them */
    const double V[4] = {-40.0, -40.0 + 1e-7, -55.0, -55.0 - 1e-7};
    double out[24];
    CHECK(sc_ode_hh_gates(V, 4, out, 24) == SC_OK, "status");
    const double bm = 4.0 * exp(-25.0 / 18.0), bn = 0.125 * exp(-10.0 / 80.0);
    CHECK(fabs(out[0] - 1.0 / (1.0 + bm)) < 1e-13, "m_inf(-40) %.17g", out[0]);
    CHECK(fabs(out[6 * 2 + 2] - 0.1 / (0.1 + bn)) < 1e-13, "n_inf(-55) %.17g", out[14]);
    CHECK(fabs(out[6] - out[0]) < 1e-8 && fabs(out[6 * 3 + 2] - out[14]) < 1e-8, "continuous");
}

static void test_rinzel(void)
{
    const sc_ode_system_info *r = sc_ode_system(SC_SYS_HH_RINZEL), *hh = sc_ode_system(SC_SYS_HODGKIN_HUXLEY);
    CHECK(r && r->dim == 2 && r->nparams == hh->nparams + 2, "reduced system's table row");
    double p[10];
    for (int i = 0; i < 8; i++) p[i] = hh->defaults[i];
    p[7] = 7.0;  /* I */
    p[8] = 0.75; /* hA */
    p[9] = 0.9;  /* hB */
    double worst = 0;
    for (double V = -90.0; V <= 40.0; V += 3.3) {
        for (double n = 0.05; n < 0.8; n += 0.11) {
            double g[6], f2[2], f4[4];
            CHECK(sc_ode_hh_gates(&V, 1, g, 6) == SC_OK, "gates");
            const double y2[2] = {V, n}, y4[4] = {V, g[0], 0.75 - 0.9 * n, n};
            sc_ode_rhs(SC_SYS_HH_RINZEL, p, 0, y2, f2);
            sc_ode_rhs(SC_SYS_HODGKIN_HUXLEY, p, 0, y4, f4);
            worst = fmax(worst, fabs(f2[0] - f4[0]) / (1.0 + fabs(f4[0])) + fabs(f2[1] - f4[3]));
        }
    }
    CHECK(worst < 1e-12, "reduced rhs == 4-D rhs with m = m_inf, h = hA - hB n: %g", worst);
    CHECK(r->defaults[7] == 0.0 && r->defaults[8] == 0.8 && r->defaults[9] == 1.0, "defaults I = 0, h = 0.8 - n");
}

static void test_bad_input(void)
{
    const double V[2] = {-65.0, NAN}, far = -1e5;
    double out[12];
    CHECK(sc_ode_hh_gates(V, 2, out, 12) == SC_ERR_NONFINITE, "NaN");
    CHECK(sc_ode_hh_gates(V, 1, out, 5) == SC_ERR_SIZE, "nout");
    CHECK(sc_ode_hh_gates(V, 0, out, 0) == SC_ERR_SIZE, "count 0");
    CHECK(sc_ode_hh_gates(NULL, 1, out, 6) == SC_ERR_NULL, "V NULL");
    CHECK(sc_ode_hh_gates(V, 1, NULL, 6) == SC_ERR_NULL, "out NULL");
    CHECK(sc_ode_hh_gates(&far, 1, out, 6) == SC_ERR_RANGE, "exp overflows");
    CHECK(sc_flat_ode_hh_gates(V, 1, out, 6) == SC_OK && out[2] > 0.3, "flat twin");
}

int main(void)
{
    CHECK_RUN(test_closed_form());
    CHECK_RUN(test_singular_points());
    CHECK_RUN(test_rinzel());
    CHECK_RUN(test_bad_input());
    return check_summary("hh_gates");
}
