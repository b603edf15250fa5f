/* ODE engine: integrators against closed forms, measured convergence order,
 * dopri5 tolerance, backward integration, events, stop rules, Izhikevich
 * firing patterns, batch SIMD == scalar, bad input. */
#include <string.h>
#include "check.h"
#include "ode_check.h"
#include "simcore/ode.h"
#include "ode/ode_internal.h"

/* e^{tA} for a 2x2 A in closed form: with s = p/2 and B = A - sI,
 * B^2 = (Delta/4) I, so e^{tA} = e^{st} (C(t) I + S(t) B). Independent of
 * any integrator. */
static void expm2(const double A[4], double t, double E[4])
{
    const double p = A[0] + A[3], q = A[0] * A[3] - A[1] * A[2], D = p * p - 4.0 * q, s = 0.5 * p;
    double C, S;
    if (D > 0) {
        const double w = 0.5 * sqrt(D);
        C = cosh(w * t);
        S = sinh(w * t) / w;
    } else if (D < 0) {
        const double w = 0.5 * sqrt(-D);
        C = cos(w * t);
        S = sin(w * t) / w;
    } else {
        C = 1.0;
        S = t;
    }
    const double e = exp(s * t);
    E[0] = e * (C + S * (A[0] - s));
    E[1] = e * S * A[1];
    E[2] = e * S * A[2];
    E[3] = e * (C + S * (A[3] - s));
}

static sc_ode_result run(int system, const double *p, const double *y0, double t0, double t1, double dt,
                         sc_ode_method method, double rtol, double atol, sc_status *st)
{
    sc_ode_desc d = sc_ode_default_desc();
    d.system = system;
    d.params = p;
    d.y0 = y0;
    d.t0 = t0;
    d.t1 = t1;
    d.dt = dt;
    d.method = method;
    d.rtol = rtol;
    d.atol = atol;
    sc_ode_result r;
    *st = sc_ode_integrate(counted(&d), &r);
    return r;
}

static const double *last_y(const sc_ode_result *r) { return r->y + (r->samples - 1) * r->dim; }

/* One A per class of the trace-determinant plane. */
static const struct {
    const char *name;
    double A[4];
} classes[] = {
    {"saddle", {1, 2, 2, -1}},
    {"center", {0, 2, -2, 0}},
    {"stable focus", {-0.3, 2, -2, -0.3}},
    {"unstable focus", {0.3, 2, -2, 0.3}},
    {"stable node", {-1, 0.5, 0.2, -2}},
    {"unstable node", {1, 0.5, 0.2, 2}},
    {"stable degenerate node", {-1, 1, 0, -1}},
    {"unstable degenerate node", {1, 1, 0, 1}},
    {"stable star", {-1, 0, 0, -1}},
    {"non-isolated", {1, 2, 0.5, 1}},
};

static void test_linear_closed_form(void)
{
    const double y0[2] = {0.7, -0.4}, T = 2.0;
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++) {
        double E[4];
        expm2(classes[k].A, T, E);
        const double ex = E[0] * y0[0] + E[1] * y0[1], ey = E[2] * y0[0] + E[3] * y0[1];
        const double scale = fmax(1.0, fabs(E[0]) + fabs(E[1]) + fabs(E[2]) + fabs(E[3]));
        /* RK4 with h = 0.01: global error ~ T ||A||^5 h^4 / 120 ~ 1e-9 * scale. */
        sc_status st;
        sc_ode_result r = run(SC_SYS_LINEAR2D, classes[k].A, y0, 0, T, 0.01, SC_ODE_RK4, 0, 0, &st);
        CHECK(st == SC_OK && r.stop == SC_ODE_STOP_END && r.samples == 201, "%s rk4 st %d", classes[k].name, st);
        const double *y = last_y(&r);
        CHECK(fabs(r.t[r.samples - 1] - T) == 0.0, "%s last t %.17g", classes[k].name, r.t[r.samples - 1]);
        CHECK(fabs(y[0] - ex) < 1e-8 * scale && fabs(y[1] - ey) < 1e-8 * scale,
              "%s rk4 (%.12g, %.12g) vs (%.12g, %.12g)", classes[k].name, y[0], y[1], ex, ey);
        sc_ode_result_free(&r);
        /* dopri5 at rtol 1e-10: global error a small multiple of the tolerance. */
        r = run(SC_SYS_LINEAR2D, classes[k].A, y0, 0, T, 0, SC_ODE_DOPRI5, 1e-10, 1e-12, &st);
        y = last_y(&r);
        CHECK(st == SC_OK && fabs(y[0] - ex) < 1e-8 * scale && fabs(y[1] - ey) < 1e-8 * scale,
              "%s dopri5 (%.12g, %.12g) vs (%.12g, %.12g)", classes[k].name, y[0], y[1], ex, ey);
        sc_ode_result_free(&r);
    }
}

/* m x'' + mu x' + k x = 0, x(0) = x0, x'(0) = v0: the three regimes. */
static double osc_exact(const double *p, double x0, double v0, double t)
{
    const double m = p[0], k = p[1], mu = p[2], g = mu / (2 * m), D = g * g - k / m;
    if (D < 0) {
        const double w = sqrt(-D);
        return exp(-g * t) * (x0 * cos(w * t) + (v0 + g * x0) / w * sin(w * t));
    }
    if (D == 0) return exp(-g * t) * (x0 + (v0 + g * x0) * t);
    const double r1 = -g + sqrt(D), r2 = -g - sqrt(D);
    const double c1 = (v0 - r2 * x0) / (r1 - r2), c2 = x0 - c1;
    return c1 * exp(r1 * t) + c2 * exp(r2 * t);
}

static void test_oscillator(void)
{
    const double sets[3][3] = {{1, 4, 0.4}, {1, 1, 2}, {1, 1, 3}}; /* under, critical, over */
    const double y0[2] = {1.0, 0.5};
    for (int s = 0; s < 3; s++) {
        sc_status st;
        sc_ode_result r = run(SC_SYS_OSCILLATOR, sets[s], y0, 0, 10, 0.01, SC_ODE_RK4, 0, 0, &st);
        double worst = 0;
        for (long i = 0; i < r.samples; i++)
            worst = fmax(worst, fabs(r.y[2 * i] - osc_exact(sets[s], y0[0], y0[1], r.t[i])));
        CHECK(st == SC_OK && worst < 1e-8, "oscillator set %d: max error %.3g", s, worst);
        sc_ode_result_free(&r);
        /* dopri5 dense output on a 0.1 grid */
        r = run(SC_SYS_OSCILLATOR, sets[s], y0, 0, 10, 0.1, SC_ODE_DOPRI5, 1e-9, 1e-12, &st);
        worst = 0;
        for (long i = 0; i < r.samples; i++)
            worst = fmax(worst, fabs(r.y[2 * i] - osc_exact(sets[s], y0[0], y0[1], r.t[i])));
        CHECK(st == SC_OK && r.samples == 101 && worst < 1e-7, "oscillator dopri5 set %d: %ld samples, error %.3g",
              s, r.samples, worst);
        sc_ode_result_free(&r);
        /* at rtol 1e-6 the steps are longer than the output interval */
        r = run(SC_SYS_OSCILLATOR, sets[s], y0, 0, 10, 0.1, SC_ODE_DOPRI5, 1e-6, 1e-9, &st);
        CHECK(r.samples == 101 && r.steps < 100, "dopri5 adapts: %ld steps for 101 samples", r.steps);
        sc_ode_result_free(&r);
    }
}

/* Order = log2(error(h) / error(h/2)) on the under-damped oscillator. */
static void test_convergence(void)
{
    const double p[3] = {1, 4, 0.4}, y0[2] = {1, 0}, T = 5;
    const double exact = osc_exact(p, 1, 0, T);
    const sc_ode_method methods[2] = {SC_ODE_EULER, SC_ODE_RK4};
    const double h0[2] = {0.002, 0.05}, lo[2] = {0.95, 3.8}, hi[2] = {1.05, 4.2};
    for (int k = 0; k < 2; k++) {
        double err[3];
        for (int j = 0; j < 3; j++) {
            sc_status st;
            sc_ode_result r = run(SC_SYS_OSCILLATOR, p, y0, 0, T, h0[k] / (1 << j), methods[k], 0, 0, &st);
            err[j] = fabs(last_y(&r)[0] - exact);
            sc_ode_result_free(&r);
        }
        const double o1 = log2(err[0] / err[1]), o2 = log2(err[1] / err[2]);
        printf("convergence %s: errors %.3g %.3g %.3g, orders %.3f %.3f\n", k ? "rk4" : "euler", err[0], err[1],
               err[2], o1, o2);
        CHECK(o1 > lo[k] && o1 < hi[k] && o2 > lo[k] && o2 < hi[k], "method %d orders %.3f %.3f", k, o1, o2);
    }
    /* dopri5: the global error follows the tolerance (within 100x; local
     * control, so a small multiple is expected) and shrinks with it. */
    double prev = INFINITY;
    for (double rtol = 1e-4; rtol >= 1e-10; rtol *= 1e-2) {
        sc_status st;
        sc_ode_result r = run(SC_SYS_OSCILLATOR, p, y0, 0, T, 0, SC_ODE_DOPRI5, rtol, rtol * 1e-3, &st);
        const double e = fabs(last_y(&r)[0] - exact);
        printf("dopri5 rtol %.0e: error %.3g, %ld steps, %ld rejected\n", rtol, e, r.steps, r.rejected);
        CHECK(e < 100 * rtol && e < prev, "dopri5 rtol %g error %g", rtol, e);
        prev = e;
        sc_ode_result_free(&r);
    }
}

static void test_backward(void)
{
    const double p[4] = {-0.3, 2, -2, -0.3}, y0[2] = {1, 0.5};
    for (int m = 0; m < 2; m++) {
        const sc_ode_method method = m ? SC_ODE_DOPRI5 : SC_ODE_RK4;
        sc_status st;
        sc_ode_result f = run(SC_SYS_LINEAR2D, p, y0, 0, 4, 0.001, method, 1e-11, 1e-13, &st);
        double mid[2] = {last_y(&f)[0], last_y(&f)[1]};
        sc_ode_result b = run(SC_SYS_LINEAR2D, p, mid, 4, 0, 0.001, method, 1e-11, 1e-13, &st);
        const double *y = last_y(&b);
        CHECK(st == SC_OK && b.t[b.samples - 1] == 0.0 && b.t[1] < 4.0, "backward t runs down");
        CHECK(fabs(y[0] - y0[0]) < 1e-9 && fabs(y[1] - y0[1]) < 1e-9, "method %d back to (%.12g, %.12g)", m, y[0], y[1]);
        sc_ode_result_free(&f);
        sc_ode_result_free(&b);
    }
}

/* Izhikevich (RS, no spike) from (-70, -14) at t0 to t1 with I = 0 for
 * t < tj and i1 after: by the integrator's input protocol, or (ref) as two
 * runs with constant I joined at tj, which no stage can straddle. */
static double jump_run(int ref, double tj, double i1, double t0, double t1, double dt, sc_ode_method method, double rtol)
{
    double p[IZ_NPARAMS] = {0.02, 0.2, -65, 8, 0, 0.04, 5, 140, 30, 0, 1};
    const double it[2] = {tj, tj}, iv[2] = {0, i1};
    double y[2] = {-70, -14};
    const double ends[3] = {t0, ref ? tj : t1, t1};
    for (int k = 0; k < (ref ? 2 : 1); k++) {
        sc_ode_desc d = sc_ode_default_desc();
        d.system = SC_SYS_IZHIKEVICH;
        d.params = p;
        d.y0 = y;
        d.t0 = ends[k];
        d.t1 = ends[k + 1];
        d.dt = dt;
        d.method = method;
        d.rtol = rtol;
        d.atol = rtol * 1e-3;
        if (!ref) {
            d.input_n = 2;
            d.input_t = it;
            d.input_v = iv;
        }
        p[IZ_I] = 0.5 * (ends[k] + ends[k + 1]) > tj ? i1 : 0;
        sc_ode_result r;
        const sc_status st = sc_ode_integrate(counted(&d), &r);
        CHECK(st == SC_OK && r.stop == SC_ODE_STOP_END && r.events == 0, "jump run %d: status %d stop %d", k, (int)st, (int)r.stop);
        memcpy(y, last_y(&r), sizeof y);
        sc_ode_result_free(&r);
    }
    return y[0];
}

/* Steps end at input breakpoints and every stage takes the input from its
 * own step's side of a jump, so RK4 keeps order 4 across it: at a jump on
 * the grid (the step ending at t = 2 once saw the new current in its last
 * stage: first order, 0.146 mV at h = 0.1), off the grid, and backward. */
static void test_input_jump_order(void)
{
    /* backward runs step down to -10: the flow backward is bounded there */
    const struct {
        double tj, i1, t0, t1;
    } cases[] = {{2, 10, 0, 3.5}, {2.03, 10, 0, 3.5}, {1.5, -10, 3.5, 0}, {1.47, -10, 3.5, 0}};
    for (int k = 0; k < 4; k++) {
        const double tj = cases[k].tj, i1 = cases[k].i1, t0 = cases[k].t0, t1 = cases[k].t1;
        const double ref = jump_run(1, tj, i1, t0, t1, 1e-3, SC_ODE_RK4, 0);
        double err[3];
        for (int j = 0; j < 3; j++) err[j] = fabs(jump_run(0, tj, i1, t0, t1, 0.1 / (1 << j), SC_ODE_RK4, 0) - ref);
        const double r1 = err[0] / err[1], r2 = err[1] / err[2];
        printf("rk4 across a jump at %g (%g to %g, v %.6f): errors %.3g %.3g %.3g, ratios %.2f %.2f\n", tj, t0, t1, ref, err[0],
               err[1], err[2], r1, r2);
        CHECK(r1 > 12 && r1 < 20 && r2 > 12 && r2 < 20 && err[0] < 1e-4, "jump at %g: errors %g %g %g", tj, err[0], err[1], err[2]);
    }
    /* dopri5 ends its steps at breakpoints: the error follows the tolerance
     * (within 3 rtol |v|; 10 rtol |v| when its last stages saw the jump). */
    const double ref = jump_run(1, 2, 10, 0, 3.5, 1e-3, SC_ODE_RK4, 0);
    for (double rtol = 1e-6; rtol >= 1e-10; rtol *= 1e-2) {
        const double e = fabs(jump_run(0, 2, 10, 0, 3.5, 0, SC_ODE_DOPRI5, rtol) - ref);
        printf("dopri5 across a jump, rtol %.0e: error %.3g\n", rtol, e);
        CHECK(e < 3 * rtol * 57.6, "dopri5 rtol %g across a jump: error %g", rtol, e);
    }
}

/* Inter-spike intervals of a preset run (RK4 at the preset's step). */
static int spikes_of(const char *name, double I, double T, double *isi, int max)
{
    const sc_ode_preset *pr = NULL;
    for (int i = 0; i < sc_ode_preset_count(); i++)
        if (strcmp(sc_ode_preset_get(i)->name, name) == 0) pr = sc_ode_preset_get(i);
    CHECK(pr != NULL, "preset %s", name);
    if (!pr) return 0;
    double p[SC_ODE_MAX_PARAMS];
    memcpy(p, pr->params, sizeof p);
    p[IZ_I] = I;
    sc_status st;
    sc_ode_result r = run(pr->system, p, pr->y0, 0, T, 0.1, SC_ODE_RK4, 0, 0, &st);
    int n = 0;
    for (long i = 1; i < r.events && n < max; i++) isi[n++] = r.event_t[i] - r.event_t[i - 1];
    sc_ode_result_free(&r);
    return n;
}

static void test_izhikevich_patterns(void)
{
    double isi[256];
    /* RS: spike-frequency adaptation, the intervals grow. */
    int n = spikes_of("RS", 10, 300, isi, 256);
    CHECK(n >= 4 && isi[n - 1] > 1.5 * isi[0], "RS adapts: %d ISIs, first %.2f last %.2f", n, n ? isi[0] : 0,
          n ? isi[n - 1] : 0);
    for (int i = 1; i < n && i < 4; i++) CHECK(isi[i] >= 0.999 * isi[i - 1], "RS ISI %d %.3f < %.3f", i, isi[i], isi[i - 1]);
    /* FS: no lasting adaptation. From v = -65 the first three intervals
     * settle (4.3 -> 7.3 ms, a = 0.1 makes u fast), then the rate stays at
     * > 130 Hz with intervals constant to 1 %, while RS's interval doubles. */
    double t = 0, lo = INFINITY, hi = 0;
    n = spikes_of("FS", 10, 300, isi, 256);
    for (int i = 0; i < n; i++) {
        t += isi[i];
        if (t > 20.0) lo = fmin(lo, isi[i]), hi = fmax(hi, isi[i]);
    }
    CHECK(n >= 30 && hi < 1.01 * lo && hi < 7.7, "FS regular: %d ISIs, after 20 ms in [%.3f, %.3f]", n, lo, hi);
    /* CH: bursts: short intra-burst intervals and long gaps, repeatedly. */
    n = spikes_of("CH", 10, 300, isi, 256);
    lo = INFINITY, hi = 0;
    for (int i = 0; i < n; i++) lo = fmin(lo, isi[i]), hi = fmax(hi, isi[i]);
    int gaps = 0;
    for (int i = 0; i < n; i++) gaps += isi[i] > 0.5 * hi;
    CHECK(n >= 6 && hi > 4.0 * lo && gaps >= 3 && gaps < n / 2, "CH bursts: %d ISIs in [%.3f, %.3f], %d gaps", n, lo,
          hi, gaps);
    /* IB: an initial burst (short first intervals), then tonic spikes. */
    n = spikes_of("IB", 10, 300, isi, 256);
    CHECK(n >= 4 && isi[0] < 0.3 * isi[n - 1] && fabs(isi[n - 1] - isi[n - 2]) < 0.1 * isi[n - 1],
          "IB: %d ISIs, first %.3f, last %.3f %.3f", n, n ? isi[0] : 0, n > 1 ? isi[n - 2] : 0, n ? isi[n - 1] : 0);
}

static void test_events(void)
{
    /* The pre-reset sample sits exactly at vpeak, the next one at c, at the
     * same time; spike times converge with the step (dense location), not
     * just to within one step. */
    const double *p = sc_ode_system(SC_SYS_IZHIKEVICH)->defaults, y0[2] = {-65, -13};
    sc_status st;
    sc_ode_result ref = run(SC_SYS_IZHIKEVICH, p, y0, 0, 100, 0, SC_ODE_DOPRI5, 1e-11, 1e-12, &st);
    CHECK(st == SC_OK && ref.events >= 3, "reference spikes %ld", ref.events);
    for (long i = 1; i + 1 < ref.samples; i++) {
        if (ref.t[i] == ref.t[i + 1]) {
            CHECK(ref.y[2 * i] == 30.0 && ref.y[2 * i + 2] == -65.0 && ref.y[2 * i + 3] == ref.y[2 * i + 1] + 8.0,
                  "reset samples (%g, %g) -> (%g, %g)", ref.y[2 * i], ref.y[2 * i + 1], ref.y[2 * i + 2], ref.y[2 * i + 3]);
            break;
        }
    }
    double prev = INFINITY;
    for (double h = 0.2; h > 0.02; h /= 2) {
        sc_ode_result r = run(SC_SYS_IZHIKEVICH, p, y0, 0, 100, h, SC_ODE_RK4, 0, 0, &st);
        const double e = r.events ? fabs(r.event_t[0] - ref.event_t[0]) : INFINITY;
        printf("first spike rk4 h=%.3f: %.9f (ref %.9f), error %.3g\n", h, r.event_t[0], ref.event_t[0], e);
        CHECK(r.events == ref.events && e < 0.05 * h && e < prev, "h %g spike error %g (events %ld vs %ld)", h, e,
              r.events, ref.events);
        prev = e;
        sc_ode_result_free(&r);
    }
    sc_ode_result_free(&ref);

    /* Input protocol: preset A has I = 0 until t = 10, then 14: no spike
     * before 10 ms, tonic spiking after. */
    const sc_ode_preset *A = NULL;
    for (int i = 0; i < sc_ode_preset_count(); i++)
        if (strcmp(sc_ode_preset_get(i)->name, "A") == 0) A = sc_ode_preset_get(i);
    sc_ode_desc d = sc_ode_default_desc();
    d.system = A->system;
    d.params = A->params;
    d.y0 = A->y0;
    d.t1 = A->t1;
    d.dt = A->dt;
    d.input_n = A->input_n;
    d.input_t = A->input_t;
    d.input_v = A->input_v;
    sc_ode_result r;
    st = sc_ode_integrate(counted(&d), &r);
    CHECK(st == SC_OK && r.events >= 3 && r.event_t[0] > 10.0, "protocol A: %ld spikes, first at %g", r.events,
          r.events ? r.event_t[0] : -1);
    sc_ode_result_free(&r);

    /* Threshold crossing without reset: the oscillator's x rises through 0.45
     * at the times the closed form says. */
    const double po[3] = {1, 4, 0}, yo[2] = {0, 1}; /* x = sin(2t)/2: 0.45 at asin(0.9)/2 + k pi */
    d = sc_ode_default_desc();
    d.system = SC_SYS_OSCILLATOR;
    d.params = po;
    d.y0 = yo;
    d.t1 = 10;
    d.dt = 0.05;
    d.event = 1;
    d.event_var = 0;
    d.event_value = 0.45;
    st = sc_ode_integrate(counted(&d), &r);
    const double t_exact = 0.5 * asin(2 * 0.45);
    CHECK(st == SC_OK && r.events == 4 && fabs(r.event_t[0] - t_exact) < 1e-5 && r.event_kind[0] == SC_ODE_EVENT_CROSSING,
          "crossings %ld, first %.9f vs %.9f", r.events, r.events ? r.event_t[0] : -1, t_exact);
    sc_ode_result_free(&r);
}

/* SC_ODE_IZH_EULER is figure1.m's loop: that loop written out here (with
 * the quadratic in Horner form, as the core evaluates it) gives the same
 * bits; on panel Q (DAP, a = 1) it fires once, as in
 * the paper, while an accurate RK4 solution of the ODE fires repeatedly
 * (the overshooting step's u kick is part of that model's behaviour). */
static void test_izhikevich_paper_scheme(void)
{
    const sc_ode_preset *Q = NULL;
    for (int i = 0; i < sc_ode_preset_count(); i++)
        if (strcmp(sc_ode_preset_get(i)->name, "Q") == 0) Q = sc_ode_preset_get(i);
    CHECK(Q && Q->method == SC_ODE_IZH_EULER, "Q suggests the paper's scheme");
    if (!Q) return;
    sc_ode_desc d = sc_ode_default_desc();
    d.system = Q->system;
    d.params = Q->params;
    d.y0 = Q->y0;
    d.t1 = Q->t1;
    d.dt = Q->dt;
    d.method = SC_ODE_IZH_EULER;
    d.input_n = Q->input_n;
    d.input_t = Q->input_t;
    d.input_v = Q->input_v;
    sc_ode_result r;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK && r.events == 1, "Q paper scheme: %ld spikes", r.events);
    /* figure1.m, panel Q, written out (I = 20 for |t - 10| < 1, open at
     * both ends; the protocol's breakpoints 9.05 and 10.95, between grid
     * points, give the same values on this grid) */
    const double *p = Q->params;
    double V = Q->y0[0], u = Q->y0[1];
    long k = 1, spikes = 0, same = 1;
    for (int i = 0; i < 500; i++) {
        const double t = i * 0.1, I = fabs(t - 10) < 1 ? 20 : 0;
        V = V + 0.1 * ((0.04 * V + 5) * V + 140 - u + I); /* Horner, as izh_rhs */
        u = u + 0.1 * p[IZ_A] * (p[IZ_B] * V - u);
        if (V >= 30) {
            same &= r.y[2 * k] == 30 && r.y[2 * k + 1] == u;
            k++;
            V = p[IZ_C];
            u = u + p[IZ_D];
            spikes++;
        }
        same &= k < r.samples && r.y[2 * k] == V && r.y[2 * k + 1] == u;
        k++;
    }
    CHECK(same && spikes == 1 && k == r.samples, "paper scheme == figure1.m loop (%ld spikes, %ld of %ld samples)", spikes, k,
          r.samples);
    sc_ode_result_free(&r);
    d.method = SC_ODE_RK4;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK && r.events > 3, "Q with RK4: %ld spikes", r.events);
    sc_ode_result_free(&r);
    d.system = SC_SYS_LINEAR2D;
    d.params = sc_ode_system(SC_SYS_LINEAR2D)->defaults;
    d.input_n = 0;
    d.method = SC_ODE_IZH_EULER;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "method"), "paper scheme: izhikevich only");
}

static const sc_ode_preset *preset_named(const char *name)
{
    for (int i = 0; i < sc_ode_preset_count(); i++)
        if (strcmp(sc_ode_preset_get(i)->name, name) == 0) return sc_ode_preset_get(i);
    return NULL;
}

/* Panel R (accommodation) changes the u equation to u' = a b (v + 65)
 * (figure1.m); the system expresses it as vr = -65, ku = 0. Checked: the
 * right-hand side and Jacobian against that formula, the paper scheme
 * against figure1.m's loop for R written out (same bits), and the feature:
 * the slow ramp to I = 8 fires nothing, the fast ramp to 4 fires once. */
static void test_izhikevich_accommodation(void)
{
    const sc_ode_preset *R = preset_named("R");
    CHECK(R && R->method == SC_ODE_IZH_EULER && R->dt == 0.5 && R->t1 == 400, "R preset");
    if (!R) return;
    const double *p = R->params;
    CHECK(p[IZ_VR] == -65 && p[IZ_KU] == 0 && R->y0[1] == -16, "R: vr %g ku %g u0 %g", p[IZ_VR], p[IZ_KU], R->y0[1]);
    const double pts[][2] = {{-65, -16}, {-50, 3}, {-80, -30}, {10, 40}};
    for (int i = 0; i < 4; i++) {
        double dy[2], J[4];
        sc_ode_rhs(SC_SYS_IZHIKEVICH, p, 0, pts[i], dy);
        sc_ode_jacobian(SC_SYS_IZHIKEVICH, p, 0, pts[i], J);
        const double v = pts[i][0], u = pts[i][1];
        const double dv = 0.04 * v * v + 5 * v + 140 - u, du = 0.02 * 1 * (v + 65);
        CHECK(fabs(dy[0] - dv) < 1e-12 * (1 + fabs(dv)) && fabs(dy[1] - du) < 1e-15, "R rhs at (%g, %g): %g %g", v, u, dy[0], dy[1]);
        CHECK(J[2] == 0.02 && J[3] == 0.0, "R Jacobian row 2: %g %g", J[2], J[3]);
    }
    sc_ode_desc d = sc_ode_default_desc();
    d.system = R->system;
    d.params = p;
    d.y0 = R->y0;
    d.t1 = R->t1;
    d.dt = R->dt;
    d.method = SC_ODE_IZH_EULER;
    d.input_n = R->input_n;
    d.input_t = R->input_t;
    d.input_v = R->input_v;
    sc_ode_result r;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK, "R integrate");
    /* figure1.m, panel R: tau = 0.5, t = 0:tau:400 (the last sample's step
     * is outside our [0, 400]: 800 steps). */
    double V = -65, u = -16;
    long k = 1, spikes = 0, same = 1;
    for (int i = 0; i < 800; i++) {
        const double t = i * 0.5;
        const double I = t < 200 ? t / 25 : t < 300 ? 0
                                        : t < 312.5 ? (t - 300) / 12.5 * 4
                                                    : 0;
        V = V + 0.5 * ((0.04 * V + 5) * V + 140 - u + I); /* Horner, as izh_rhs */
        u = u + 0.5 * 0.02 * (1 * (V + 65));
        if (V >= 30) {
            same &= k < r.samples && r.y[2 * k] == 30 && r.y[2 * k + 1] == u;
            k++;
            V = -55;
            u = u + 4;
            spikes++;
        }
        same &= k < r.samples && r.y[2 * k] == V && r.y[2 * k + 1] == u;
        if (!same) {
            fprintf(stderr, "R differs at step %d: %.17g %.17g vs %.17g %.17g\n", i, k < r.samples ? r.y[2 * k] : NAN,
                    k < r.samples ? r.y[2 * k + 1] : NAN, V, u);
            break;
        }
        k++;
    }
    CHECK(same && k == r.samples, "R paper scheme == figure1.m loop (%ld of %ld samples)", k, r.samples);
    CHECK(spikes == 1 && r.events == 1 && r.event_t[0] > 300 && r.event_t[0] < 320,
          "R: one spike, on the fast ramp: %ld, t = %g", r.events, r.events ? r.event_t[0] : -1);
    sc_ode_result_free(&r);
}

static void test_stops(void)
{
    sc_status st;
    const double grow[4] = {1, 0, 0, 1}, y0[2] = {1, 1}, bounds[4] = {-10, 10, -10, 10};
    sc_ode_desc d = sc_ode_default_desc();
    d.system = SC_SYS_LINEAR2D;
    d.params = grow;
    d.y0 = y0;
    d.t1 = 10;
    d.dt = 0.01;
    d.bounds = bounds;
    sc_ode_result r;
    st = sc_ode_integrate(counted(&d), &r);
    /* e^t leaves [-10, 10] at t = ln 10 = 2.303: the first sample past it. */
    CHECK(st == SC_OK && r.stop == SC_ODE_STOP_BOUNDS && fabs(r.t[r.samples - 1] - 2.31) < 1e-9, "bounds stop at %g",
          r.t[r.samples - 1]);
    sc_ode_result_free(&r);
    d.bounds = NULL;
    d.max_steps = 50;
    st = sc_ode_integrate(counted(&d), &r);
    CHECK(st == SC_OK && r.stop == SC_ODE_STOP_MAXSTEPS && r.samples == 51, "maxSteps stop, %ld samples", r.samples);
    sc_ode_result_free(&r);
    const double huge[4] = {1000, 0, 0, 1000};
    d.params = huge;
    d.max_steps = 0;
    st = sc_ode_integrate(counted(&d), &r);
    CHECK(st == SC_OK && r.stop == SC_ODE_STOP_NONFINITE, "nonfinite stop %d", r.stop);
    sc_ode_result_free(&r);
}

static void test_bad_input(void)
{
    const double *p = sc_ode_system(SC_SYS_IZHIKEVICH)->defaults, y0[2] = {-65, -13};
    double bad[SC_ODE_MAX_PARAMS];
    sc_ode_desc d = sc_ode_default_desc();
    sc_ode_result r;
    d.system = SC_SYS_COUNT;
    d.params = p;
    d.y0 = y0;
    d.t1 = 10;
    d.dt = 0.1;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "system"), "unknown system");
    d.system = SC_SYS_IZHIKEVICH;
    memcpy(bad, p, sizeof(double) * IZ_NPARAMS);
    bad[IZ_B] = NAN;
    d.params = bad;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "b"), "nan b: %s",
          sc_last_error_arg());
    bad[IZ_B] = 0.2;
    bad[IZ_C] = 40; /* c above vpeak */
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "vpeak"), "c >= vpeak");
    d.params = NULL;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_NULL, "missing params");
    d.params = p;
    d.dt = 0;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "dt"), "dt 0");
    d.dt = -0.1;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_RANGE, "dt < 0");
    d.dt = 1e-6;
    d.t1 = 1e6;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "(t1 - t0) / dt"), "huge count");
    d.t1 = 10;
    d.dt = 0.1;
    d.max_steps = SC_ODE_MAX_STEPS + 1L;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_SIZE, "maxSteps too big");
    d.max_steps = 0;
    d.method = SC_ODE_METHOD_COUNT;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_OPTION, "bad method");
    d.method = SC_ODE_DOPRI5;
    d.rtol = -1;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_RANGE && !strcmp(sc_last_error_arg(), "rtol"), "bad rtol");
    const double y0nan[2] = {NAN, 0};
    d.rtol = 0;
    d.y0 = y0nan;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_ERR_NONFINITE && !strcmp(sc_last_error_arg(), "y0"), "nan y0");
    /* flat: wrong lengths, each named */
    uint32_t h = 1;
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, 4, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0, NULL, 0, -1, 0, &h) ==
                  SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "params") && h == 0,
          "flat nparams");
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 3, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0, NULL, 0, -1, 0,
                                &h) == SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "y0"),
          "flat y0 length");
    const double box[4] = {-100, 100, -100, 100};
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 2, 0, 1, 0.1, 0, 0, 0, box, 3, 0, NULL, 0, -1, 0,
                                &h) == SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "bounds"),
          "flat bounds count");
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 4, 0, NULL, 0, -1, 0,
                                &h) == SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "bounds"),
          "flat bounds count without bounds");
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0, box, 3, -1, 0,
                                &h) == SC_ERR_SIZE &&
              !strcmp(sc_last_error_arg(), "input"),
          "flat odd input count");
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0, NULL, 0, 2, 0,
                                &h) == SC_ERR_RANGE &&
              !strcmp(sc_last_error_arg(), "event_var"),
          "flat event_var");
    CHECK(sc_flat_ode_integrate(SC_SYS_IZHIKEVICH, p, IZ_NPARAMS, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0, NULL, 0, -1, 0,
                                NULL) == SC_ERR_NULL,
          "flat NULL result");
}

/* The public desc: a zero-initialised desc is the defaults (no event), and
 * every pointer's count is checked and named. */
static void test_desc_counts_and_defaults(void)
{
    const double p[4] = {0, 1, -1, 0}, y0[2] = {1, 0}, box[4] = {-10, 10, -10, 10};
    sc_ode_desc d = {0};
    d.system = SC_SYS_LINEAR2D;
    d.params = p;
    d.nparams = 4;
    d.y0 = y0;
    d.dim = 2;
    d.t1 = 10;
    d.dt = 0.01;
    sc_ode_result r;
    /* x = cos t crosses 0 upward at t = 3 pi / 2: {0} must not watch x */
    CHECK(sc_ode_integrate(&d, &r) == SC_OK && r.events == 0 && r.stop == SC_ODE_STOP_END, "{0} desc: no event");
    sc_ode_result_free(&r);
    d.event = 1; /* now watch variable 0 (x) through 0 */
    CHECK(sc_ode_integrate(&d, &r) == SC_OK && r.events == 1 && fabs(r.event_t[0] - 1.5 * 3.14159265358979323846) < 1e-6,
          "event = 1 watches x: t = %.9f", r.events ? r.event_t[0] : -1.0);
    sc_ode_result_free(&r);
    d.event = 2;
    CHECK(sc_ode_integrate(&d, &r) == SC_ERR_OPTION && !strcmp(sc_last_error_arg(), "event"), "event flag 2");
    d.event = 0;
    d.event_var = 7; /* ignored without the flag */
    CHECK(sc_ode_integrate(&d, &r) == SC_OK && r.events == 0, "event_var ignored when event = 0");
    sc_ode_result_free(&r);
    const sc_ode_desc z = sc_ode_default_desc(), zero = {0};
    CHECK(!memcmp(&z, &zero, sizeof z), "sc_ode_default_desc() is {0}");

    struct {
        int nparams, dim, nbounds;
        const double *bounds;
        const char *arg;
    } bad[] = {{3, 2, 0, NULL, "params"}, {5, 2, 0, NULL, "params"}, {0, 2, 0, NULL, "params"}, {4, 1, 0, NULL, "y0"}, {4, 3, 0, NULL, "y0"}, {4, 2, 3, box, "bounds"}, {4, 2, 4, NULL, "bounds"}, {4, 2, 0, box, "bounds"}};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        sc_ode_desc e = d;
        e.nparams = bad[k].nparams;
        e.dim = bad[k].dim;
        e.nbounds = bad[k].nbounds;
        e.bounds = bad[k].bounds;
        CHECK(sc_ode_integrate(&e, &r) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), bad[k].arg),
              "count case %zu names %s (got %s)", k, bad[k].arg, sc_last_error_arg());
    }
    d.bounds = box;
    d.nbounds = 4;
    CHECK(sc_ode_integrate(&d, &r) == SC_OK, "bounds with their count");
    sc_ode_result_free(&r);
    CHECK(sc_ode_check_params(SC_SYS_LINEAR2D, p, 3) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "params"),
          "check_params count");
    float yb[2] = {1, 0};
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, p, 5, yb, 1, 0.1, 1, SC_ODE_RK4) == SC_ERR_SIZE, "batch count");
}

/* Flat results are handles: two live at once, each read back by size and
 * freed once; a stale or foreign handle is HANDLE. */
static void test_flat_result_handles(void)
{
    const sc_ode_system_info *s = sc_ode_system(SC_SYS_LINEAR2D);
    const double rot[4] = {0, 1, -1, 0}, y0[2] = {1, 0}; /* x = cos t */
    uint32_t a = 0, b = 0;
    CHECK(sc_flat_ode_integrate(SC_SYS_LINEAR2D, rot, s->nparams, y0, 2, 0, 1, 0.1, 0, 0, 0, NULL, 0, 0,
                                NULL, 0, -1, 0, &a) == SC_OK &&
              a != 0,
          "first result");
    CHECK(sc_flat_ode_integrate(SC_SYS_LINEAR2D, rot, s->nparams, y0, 2, 0, 2, 0.1, 0, 0, 0, NULL, 0, 0,
                                NULL, 0, 0, 0, &b) == SC_OK &&
              b != 0 && b != a,
          "second result");
    int ia[SC_FLAT_ODE_INFO], ib[SC_FLAT_ODE_INFO];
    CHECK(sc_flat_ode_result_info(a, ia, SC_FLAT_ODE_INFO) == SC_OK && ia[0] == 11 && ia[6] == 2, "a: 11 samples");
    CHECK(sc_flat_ode_result_info(b, ib, SC_FLAT_ODE_INFO) == SC_OK && ib[0] == 21, "b: 21 samples, a untouched");
    CHECK(sc_flat_ode_result_info(a, ia, 6) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "info"), "info count");
    double t[21], y[42];
    CHECK(sc_flat_ode_result_read(a, 0, t, 10) == SC_ERR_SIZE && !strcmp(sc_last_error_arg(), "out"), "short t");
    CHECK(sc_flat_ode_result_read(a, 0, t, 12) == SC_ERR_SIZE, "long t");
    CHECK(sc_flat_ode_result_read(a, 4, t, 11) == SC_ERR_OPTION, "unknown part");
    CHECK(sc_flat_ode_result_read(a, 0, t, 11) == SC_OK && fabs(t[10] - 1.0) < 1e-12, "t read");
    CHECK(sc_flat_ode_result_read(a, 1, y, 22) == SC_OK && y[0] == 1.0 && fabs(y[20] - cos(1.0)) < 1e-6,
          "y read: x(1) = cos 1 (got %.9f)", y[20]);
    CHECK(sc_flat_ode_result_read(b, 2, t, 0) == SC_OK && ib[1] == 0, "no events: empty read");
    CHECK(sc_flat_ode_result_free(a) == SC_OK, "free a");
    CHECK(sc_flat_ode_result_free(a) == SC_ERR_HANDLE && !strcmp(sc_last_error_arg(), "result"), "double free");
    CHECK(sc_flat_ode_result_info(a, ia, SC_FLAT_ODE_INFO) == SC_ERR_HANDLE, "stale handle");
    CHECK(sc_flat_ode_result_info(b, ib, SC_FLAT_ODE_INFO) == SC_OK, "b lives on");
    CHECK(sc_flat_ode_result_free(b) == SC_OK && sc_flat_ode_result_free(0) == SC_ERR_HANDLE, "free b, 0");
    /* the pool's limit: SC_ODE_MAX_RESULTS live, then NOMEM, nothing leaked */
    uint32_t hs[SC_ODE_MAX_RESULTS + 1];
    int made = 0, last = SC_OK;
    for (int k = 0; k <= SC_ODE_MAX_RESULTS; k++) {
        last = sc_flat_ode_integrate(SC_SYS_LINEAR2D, rot, s->nparams, y0, 2, 0, 0.1, 0.1, 0, 0, 0, NULL, 0, 0,
                                     NULL, 0, -1, 0, &hs[k]);
        if (last == SC_OK) made++;
    }
    CHECK(made == SC_ODE_MAX_RESULTS && last == SC_ERR_NOMEM, "limit of live results (%d made)", made);
    for (int k = 0; k < made; k++) sc_flat_ode_result_free(hs[k]);
}

/* The preset record: fields at the offsets of ode.h, count checked. */
static void test_preset_record(void)
{
    double rec[SC_FLAT_PRESET_SIZE];
    CHECK(SC_FLAT_PRESET_SIZE == 57, "57 doubles");
    CHECK(sc_flat_ode_preset_data(0, rec, SC_FLAT_PRESET_SIZE - 1) == SC_ERR_SIZE, "record count");
    for (int i = 0; i < sc_ode_preset_count(); i++) {
        const sc_ode_preset *p = sc_ode_preset_get(i);
        CHECK(sc_flat_ode_preset_data(i, rec, SC_FLAT_PRESET_SIZE) == SC_OK, "preset %d", i);
        CHECK(rec[SC_FLAT_PRESET_SYSTEM] == p->system && rec[SC_FLAT_PRESET_T1] == p->t1 &&
                  rec[SC_FLAT_PRESET_DT] == p->dt && rec[SC_FLAT_PRESET_INPUT_N] == p->input_n &&
                  rec[SC_FLAT_PRESET_PARAMS] == p->params[0] && rec[SC_FLAT_PRESET_Y0 + 1] == p->y0[1] &&
                  rec[SC_FLAT_PRESET_METHOD] == p->method &&
                  (p->input_n == 0 || rec[SC_FLAT_PRESET_INPUT_V + p->input_n - 1] == p->input_v[p->input_n - 1]),
              "preset %s fields", p->name);
    }
    CHECK(sc_flat_ode_preset_data(sc_ode_preset_count(), rec, SC_FLAT_PRESET_SIZE) == SC_ERR_RANGE, "past the end");
}

/* Every batch variant: SIMD (when built) == scalar bit for bit, on tails
 * around the block size; and the float batch tracks the double integrator. */
static void test_batch(void)
{
    uint32_t seed = 7;
    const int counts[] = {1, 2, 3, 4, 5, 7, 9, 15, 16, 17, 31, 33, 100};
    const sc_ode_preset *R = preset_named("R"); /* u' = a b (v + 65): vr, ku in the kernel */
    for (int v = 0; v < sc_batch_variant_count; v++) {
        const sc_batch_variant *bv = &sc_batch_variants[v];
        for (int set = 0; set < (bv->system == SC_SYS_IZHIKEVICH ? 2 : 1); set++) {
            const double *p = set ? R->params : sc_ode_system(bv->system)->defaults;
            for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
                const int n = counts[c];
                float *a = malloc(sizeof(float) * 2 * (size_t)n), *b = malloc(sizeof(float) * 2 * (size_t)n);
                for (int i = 0; i < n; i++) {
                    if (bv->system == SC_SYS_IZHIKEVICH) {
                        a[2 * i] = -70.0f + 40.0f * (check_rand_f(&seed) + 1.0f) * 0.5f;
                        a[2 * i + 1] = -14.0f + 4.0f * check_rand_f(&seed);
                    } else {
                        a[2 * i] = 2.0f * check_rand_f(&seed);
                        a[2 * i + 1] = 2.0f * check_rand_f(&seed);
                    }
                }
                memcpy(b, a, sizeof(float) * 2 * (size_t)n);
                sc_batch_params bp;
                memset(&bp, 0, sizeof bp);
                /* the dispatcher's constants, via the public call on a copy */
                float *c2 = malloc(sizeof(float) * 2 * (size_t)n);
                memcpy(c2, a, sizeof(float) * 2 * (size_t)n);
                CHECK(sc_ode_batch(bv->system, p, sc_ode_system(bv->system)->nparams, c2, n, 0.1, 200, bv->method) == SC_OK, "%s batch", bv->name);
                /* reference: the scalar kernel on the same constants */
                sc_ode_float_constants(bv->system, p, bp.p);
                bp.dt = 0.1f;
                bp.steps = 200;
                bv->scalar(a, n, &bp);
                CHECK(memcmp(a, c2, sizeof(float) * 2 * (size_t)n) == 0, "%s count %d: dispatch != scalar", bv->name, n);
                if (bv->simd) {
                    bv->simd(b, n, &bp);
                    int bad = -1;
                    for (int i = 0; i < 2 * n && bad < 0; i++)
                        if (memcmp(&a[i], &b[i], sizeof(float)) != 0) bad = i;
                    CHECK(bad < 0, "%s count %d: simd differs at %d: %.9g vs %.9g", bv->name, n, bad, bad >= 0 ? a[bad] : 0,
                          bad >= 0 ? b[bad] : 0);
                }
                free(a);
                free(b);
                free(c2);
            }
        }
    }
    /* float RK4 batch vs the double integrator on the linear default. */
    const double *p = sc_ode_system(SC_SYS_LINEAR2D)->defaults, y0[2] = {1, 0};
    float yb[2] = {1, 0};
    sc_ode_batch(SC_SYS_LINEAR2D, p, sc_ode_system(SC_SYS_LINEAR2D)->nparams, yb, 1, 0.05, 100, SC_ODE_RK4);
    sc_status st;
    sc_ode_result r = run(SC_SYS_LINEAR2D, p, y0, 0, 5, 0.05, SC_ODE_RK4, 0, 0, &st);
    CHECK(fabs(yb[0] - last_y(&r)[0]) < 1e-5 && fabs(yb[1] - last_y(&r)[1]) < 1e-5, "float batch %.7g %.7g vs %.7g %.7g",
          yb[0], yb[1], last_y(&r)[0], last_y(&r)[1]);
    sc_ode_result_free(&r);
    CHECK(sc_ode_batch(SC_SYS_HODGKIN_HUXLEY, sc_ode_system(SC_SYS_HODGKIN_HUXLEY)->defaults, sc_ode_system(SC_SYS_HODGKIN_HUXLEY)->nparams, yb, 1, 0.1, 1, SC_ODE_RK4) ==
              SC_ERR_OPTION,
          "batch: unsupported system");
    /* The double fallback of the other 2-D systems: each state ends where
     * sc_ode_integrate's fixed-step run does, rounded to float (dt a power
     * of two, so every step of that run is exactly dt). */
    const int fb[] = {SC_SYS_FITZHUGH_NAGUMO, SC_SYS_VAN_DER_POL, SC_SYS_MORRIS_LECAR};
    for (int k = 0; k < 3; k++) {
        const sc_ode_system_info *si = sc_ode_system(fb[k]);
        const double h = fb[k] == SC_SYS_MORRIS_LECAR ? 0.25 : 0.0625; /* ms for Morris-Lecar */
        for (int meth = 0; meth < 2; meth++) {
            const sc_ode_method mm = meth ? SC_ODE_EULER : SC_ODE_RK4;
            float ys[2 * 5];
            for (int i = 0; i < 5; i++) {
                ys[2 * i] = (float)si->y0[0] + 0.25f * (float)i;
                ys[2 * i + 1] = (float)si->y0[1] + (fb[k] == SC_SYS_MORRIS_LECAR ? 0.0625f : 0.5f) * (float)i;
            }
            float start[2 * 5];
            memcpy(start, ys, sizeof ys);
            CHECK(sc_ode_batch(fb[k], si->defaults, sc_ode_system(fb[k])->nparams, ys, 5, h, 64, mm) == SC_OK, "%s fallback batch", si->name);
            for (int i = 0; i < 5; i++) {
                const double s0[2] = {start[2 * i], start[2 * i + 1]};
                sc_ode_result rr = run(fb[k], si->defaults, s0, 0, 64 * h, h, mm, 0, 0, &st);
                const double *e = last_y(&rr);
                CHECK(st == SC_OK && ys[2 * i] == (float)e[0] && ys[2 * i + 1] == (float)e[1], "%s %s state %d: %.9g %.9g vs %.9g %.9g",
                      si->name, meth ? "euler" : "rk4", i, ys[2 * i], ys[2 * i + 1], e[0], e[1]);
                CHECK(fabs(e[0] - s0[0]) > 1e-3 || fabs(e[1] - s0[1]) > 1e-3, "%s: the state moved", si->name);
                sc_ode_result_free(&rr);
            }
        }
    }
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, p, sc_ode_system(SC_SYS_LINEAR2D)->nparams, yb, 1, 0.1, 1, SC_ODE_DOPRI5) == SC_ERR_OPTION, "batch: dopri5");
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, p, sc_ode_system(SC_SYS_LINEAR2D)->nparams, yb, 1, 0.0, 1, SC_ODE_RK4) == SC_ERR_RANGE, "batch: dt 0");
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, p, sc_ode_system(SC_SYS_LINEAR2D)->nparams, yb, 1 << 20, 0.1, 1 << 20, SC_ODE_RK4) == SC_ERR_SIZE, "batch: huge work");
}

/* Morris-Lecar: the Hopf and SNIC sets fire repetitively above onset and
 * rest below it; Hodgkin-Huxley fires at I = 10. Spikes = upward crossings
 * of 0 mV after the first 100 ms (transient). */
static long crossings(int system, const double *p, const double *y0, double T, double dt)
{
    sc_ode_desc d = sc_ode_default_desc();
    d.system = system;
    d.params = p;
    d.y0 = y0;
    d.t1 = T;
    d.dt = dt;
    d.event = 1;
    d.event_var = 0;
    d.event_value = 0.0;
    sc_ode_result r;
    if (sc_ode_integrate(counted(&d), &r) != SC_OK) return -1;
    long n = 0;
    for (long i = 0; i < r.events; i++) n += r.event_t[i] > 100.0;
    sc_ode_result_free(&r);
    return n;
}

static void test_neuron_models(void)
{
    for (int i = 0; i < sc_ode_preset_count(); i++) {
        const sc_ode_preset *pr = sc_ode_preset_get(i);
        if (pr->system != SC_SYS_MORRIS_LECAR) continue;
        double p[SC_ODE_MAX_PARAMS];
        memcpy(p, pr->params, sizeof p);
        const long on = crossings(pr->system, p, pr->y0, 1000, 0.05);
        p[0] = strcmp(pr->name, "ML-hopf") == 0 ? 80.0 : 35.0; /* below onset */
        const long off = crossings(pr->system, p, pr->y0, 1000, 0.05);
        printf("%s: %ld spikes above onset, %ld below\n", pr->name, on, off);
        CHECK(on >= 5 && off == 0, "%s fires %ld above, %ld below", pr->name, on, off);
    }
    const sc_ode_system_info *hh = sc_ode_system(SC_SYS_HODGKIN_HUXLEY);
    const long n = crossings(SC_SYS_HODGKIN_HUXLEY, hh->defaults, hh->y0, 300, 0.01);
    CHECK(n >= 10, "HH I=10 spikes after 100 ms: %ld", n);
    double p[8];
    memcpy(p, hh->defaults, sizeof p);
    p[7] = 0;
    CHECK(crossings(SC_SYS_HODGKIN_HUXLEY, p, hh->y0, 300, 0.01) == 0, "HH at rest with I = 0");
}

/* Regression (found by tests/fuzz/fuzz_ode): with a huge vpeak the RK4 step
 * blew up and the reset was located at the very end of the step, where
 * t + h rounds 1 ulp past the index-based step end t0 + (i+1) dt; the spike
 * samples were labelled after the next sample, so time ran backwards.
 * Values are the fuzzer's, exactly. */
static void test_event_at_step_end_keeps_time_order(void)
{
    const double p[11] = {0x1.47ae147ae147bp-6, 0x1.999999999999ap-3, -0x1.04p+6, 0x1p+3, 0x1.4p+3,
                          0x1.47ae147ae147bp-5, 0x1.4p+2, 0x1.18p+7, 0x1.df9a08b1411b2p+132,
                          0.0, 1.0}; /* vr, ku: the 2003 model */
    const double y0[2] = {-0x1.01c1c1c1c1c1cp+6, -0x1.8e35bfffce35cp+3};
    const double bounds[4] = {-0x1.b908361909083p+7, 0x1.ff933c78cdfadp+127, -0x1.ff933c78cdfadp+127,
                              0x1.ff933c78cdfadp+127};
    sc_ode_desc d = sc_ode_default_desc();
    d.system = SC_SYS_IZHIKEVICH;
    d.params = p;
    d.y0 = y0;
    d.t0 = -0x1.3ffe0c8e7ffe1p+3;
    d.t1 = 0x1.c4d16ae4d4d16p+5;
    d.dt = 0x1.8f88df8f8f88ep-1;
    d.method = SC_ODE_RK4;
    d.bounds = bounds;
    d.max_steps = 5000;
    d.event = 1;
    d.event_var = 1;
    d.event_value = -80.0;
    sc_ode_result r;
    CHECK(sc_ode_integrate(counted(&d), &r) == SC_OK, "status");
    CHECK(r.events >= 1, "the blow-up fires the reset (%ld events)", r.events);
    long back = 0;
    for (long i = 1; i < r.samples; i++) back += r.t[i] < r.t[i - 1];
    CHECK(back == 0, "%ld samples earlier than their predecessor", back);
    for (long e = 1; e < r.events; e++) CHECK(r.event_t[e] >= r.event_t[e - 1], "event %ld out of order", e);
    sc_ode_result_free(&r);
}

int main(void)
{
    CHECK_RUN(test_linear_closed_form());
    CHECK_RUN(test_oscillator());
    CHECK_RUN(test_convergence());
    CHECK_RUN(test_backward());
    CHECK_RUN(test_input_jump_order());
    CHECK_RUN(test_izhikevich_patterns());
    CHECK_RUN(test_events());
    CHECK_RUN(test_izhikevich_paper_scheme());
    CHECK_RUN(test_stops());
    CHECK_RUN(test_bad_input());
    CHECK_RUN(test_batch());
    CHECK_RUN(test_izhikevich_accommodation());
    CHECK_RUN(test_neuron_models());
    CHECK_RUN(test_event_at_step_end_keeps_time_order());
    CHECK_RUN(test_desc_counts_and_defaults());
    CHECK_RUN(test_flat_result_handles());
    CHECK_RUN(test_preset_record());
    return check_summary("test_ode");
}
