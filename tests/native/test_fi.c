/* The Izhikevich f-I curve: I_SN against its closed form, RS silent below
 * I_SN and firing faster with I above it, FS rates against a direct
 * sc_ode_integrate run measured here, bad input. */
#include <math.h>
#include <string.h>
#include "check.h"
#include "ode_check.h"
#include "simcore/ode.h"

static void izh_params(double *p, double a, double b, double c, double d)
{
    memcpy(p, sc_ode_system(SC_SYS_IZHIKEVICH)->defaults, (size_t)sc_ode_system(SC_SYS_IZHIKEVICH)->nparams * sizeof *p);
    p[0] = a;
    p[1] = b;
    p[2] = c;
    p[3] = d;
}

static void test_isn_closed_form(void)
{
    double p[SC_ODE_MAX_PARAMS], rate[1], isn = 0;
    const double bs[] = {0.2, 0.25, 0.26};
    for (int k = 0; k < 3; k++) {
        izh_params(p, 0.02, bs[k], -65, 8);
        const double I[1] = {0};
        sc_status st = sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 1, 100, 0, 0.25, SC_ODE_RK4, rate, &isn);
        /* (5 - b)^2 / 0.16 - 140 with the standard k2, k1, k0: b = 0.2 gives 4. */
        const double want = (5 - bs[k]) * (5 - bs[k]) / 0.16 - 140;
        CHECK(st == SC_OK && fabs(isn - want) < 1e-12, "b %g isn %.15g want %.15g", bs[k], isn, want);
    }
    izh_params(p, 0.02, 0.2, -65, 8);
    p[5] = 0.05;
    p[6] = 4;
    p[7] = 120; /* general: (k1 - b)^2 / (4 k2) - k0 */
    const double I[1] = {0};
    sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 1, 100, 0, 0.25, SC_ODE_RK4, rate, &isn);
    CHECK(fabs(isn - (3.8 * 3.8 / 0.2 - 120)) < 1e-12, "general isn %.15g", isn);
    /* With u' = a (b (v - vr) - ku u) the u-nullcline is u = b (v - vr) / ku:
     * at I_SN its tangency with the v-nullcline is an equilibrium, the
     * vertex v = -(k1 - b/ku) / (2 k2) of the quadratic along it. */
    izh_params(p, 0.02, 0.3, -65, 8);
    p[9] = -20;
    p[10] = 1.5; /* vr, ku */
    sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 1, 100, 0, 0.25, SC_ODE_RK4, rate, &isn);
    const double vv = -(5 - 0.3 / 1.5) / 0.08, y[2] = {vv, 0.3 * (vv + 20) / 1.5};
    double dy[2];
    p[4] = isn;
    sc_ode_rhs(SC_SYS_IZHIKEVICH, p, 0, y, dy);
    CHECK(isfinite(isn) && fabs(dy[0]) < 1e-10 && fabs(dy[1]) < 1e-12, "vr, ku: isn %.15g leaves f = %g, %g", isn, dy[0], dy[1]);
    p[10] = 0; /* ku = 0 (panel R): v = vr is the rest for every I */
    sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 1, 100, 0, 0.25, SC_ODE_RK4, rate, &isn);
    CHECK(isnan(isn), "ku = 0: no saddle-node, isn %g", isn);
}

static void test_rs_monotone(void)
{
    double p[SC_ODE_MAX_PARAMS], isn = 0;
    izh_params(p, 0.02, 0.2, -65, 8); /* RS, I_SN = 4 */
    double I[12], rate[12];
    /* RS (b = 0.2 > a) loses its rest through an Andronov-Hopf bifurcation
     * just before I_SN: trace 2 k2 v + k1 - a = 0 at v* = -62.25, where the
     * equilibrium current is -(k2 v*^2 + (k1 - b) v* + k0) = 3.7975. So
     * "silent" is checked below that (3.0, 3.7) and firing from 5 up. */
    I[0] = 3.0;
    I[1] = 3.7;
    for (int k = 2; k < 12; k++) I[k] = 5.0 + 2.0 * (k - 2); /* 5 .. 23 */
    sc_status st = sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 12, 1000, 200, 0.1, SC_ODE_RK4, rate, &isn);
    CHECK(st == SC_OK, "rs st %d", st);
    CHECK(rate[0] == 0 && rate[1] == 0, "below I_AH: %g %g", rate[0], rate[1]);
    for (int k = 2; k < 12; k++) {
        CHECK(rate[k] > 0, "I %g rate %g", I[k], rate[k]);
        if (k > 2) CHECK(rate[k] > rate[k - 1], "not increasing at I %g: %g <= %g", I[k], rate[k], rate[k - 1]);
    }
    printf("RS f-I: I=%g %.2f Hz, I=%g %.2f Hz, I=%g %.2f Hz\n", I[2], rate[2], I[4], rate[4], I[11], rate[11]);
}

static void test_fs_direct(void)
{
    double p[SC_ODE_MAX_PARAMS];
    izh_params(p, 0.1, 0.2, -65, 2); /* FS */
    const double I[3] = {6, 10, 20};
    double rate[3];
    sc_status st = sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 3, 500, 100, 0.05, SC_ODE_RK4, rate, NULL);
    CHECK(st == SC_OK, "fs st %d", st);
    for (int k = 0; k < 3; k++) {
        /* The same run through sc_ode_integrate, counted here. */
        double q[SC_ODE_MAX_PARAMS], y0[2] = {-65, -65 * 0.2};
        memcpy(q, p, sizeof q);
        q[4] = I[k];
        sc_ode_desc d = sc_ode_default_desc();
        d.system = SC_SYS_IZHIKEVICH;
        d.params = q;
        d.y0 = y0;
        d.t1 = 500;
        d.dt = 0.05;
        sc_ode_result r;
        CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK, "integrate");
        double t[4096];
        int m = 0;
        for (long e = 0; e < r.events && m < 4096; e++)
            if (r.event_t[e] >= 100) t[m++] = r.event_t[e];
        sc_ode_result_free(&r);
        /* mean ISI = average of the individual intervals */
        double sum = 0;
        for (int j = 1; j < m; j++) sum += t[j] - t[j - 1];
        const double want = m >= 2 ? 1000.0 / (sum / (m - 1)) : 0;
        /* Same arithmetic up to summation order: 1e-9 relative. */
        CHECK(m >= 2 && fabs(rate[k] - want) <= 1e-9 * want, "I %g rate %.12g want %.12g", I[k], rate[k], want);
        printf("FS f-I: I=%g %.2f Hz (%d spikes after 100 ms)\n", I[k], rate[k], m);
    }
    /* izhikevich-euler at the paper's step runs too and fires */
    const double I1[1] = {10};
    st = sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I1, 1, 500, 100, 0.5, SC_ODE_IZH_EULER, rate, NULL);
    CHECK(st == SC_OK && rate[0] > 0, "izh-euler st %d rate %g", st, rate[0]);
}

static void test_bad_input(void)
{
    double p[SC_ODE_MAX_PARAMS], rate[2], isn;
    izh_params(p, 0.02, 0.2, -65, 8);
    const double I[2] = {5, 10}, Inan[2] = {5, NAN};
    struct {
        sc_status st;
        const char *arg;
    } want[] = {
        {sc_ode_fi_curve(NULL, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, 0, 0.1, SC_ODE_RK4, rate, &isn), "params"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 0, 100, 0, 0.1, SC_ODE_RK4, rate, &isn), "I"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, SC_ODE_FI_MAX + 1, 100, 0, 0.1, SC_ODE_RK4, rate, &isn), "I"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, Inan, 2, 100, 0, 0.1, SC_ODE_RK4, rate, &isn), "I"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 0, 0, 0.1, SC_ODE_RK4, rate, &isn), "duration"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, INFINITY, 0, 0.1, SC_ODE_RK4, rate, &isn), "duration"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, 100, 0.1, SC_ODE_RK4, rate, &isn), "transient"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, -1, 0.1, SC_ODE_RK4, rate, &isn), "transient"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, 0, 0, SC_ODE_RK4, rate, &isn), "dt"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 1e6, 0, 0.1, SC_ODE_RK4, rate, &isn), "duration"},
        {sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, 0, 0.1, SC_ODE_DOPRI5, rate, &isn), "method"},
    };
    const sc_status codes[] = {SC_ERR_NULL, SC_ERR_SIZE, SC_ERR_SIZE, SC_ERR_NONFINITE, SC_ERR_RANGE,
                               SC_ERR_NONFINITE, SC_ERR_RANGE, SC_ERR_RANGE, SC_ERR_RANGE, SC_ERR_SIZE,
                               SC_ERR_OPTION};
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++)
        CHECK(want[k].st == codes[k], "case %zu: st %d want %d", k, want[k].st, codes[k]);
    /* the recorded argument of the last failure */
    CHECK(strcmp(sc_last_error_arg(), "method") == 0, "arg %s", sc_last_error_arg());
    p[2] = 40; /* c >= vpeak */
    CHECK(sc_ode_fi_curve(p, sc_ode_system(SC_SYS_IZHIKEVICH)->nparams, I, 2, 100, 0, 0.1, SC_ODE_RK4, rate, &isn) == SC_ERR_RANGE, "c >= vpeak");
}

int main(void)
{
    CHECK_RUN(test_isn_closed_form());
    CHECK_RUN(test_rs_monotone());
    CHECK_RUN(test_fs_direct());
    CHECK_RUN(test_bad_input());
    return check_summary("fi");
}
