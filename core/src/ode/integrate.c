/* Integrators: explicit Euler, classic RK4 (fixed step) and Dormand-Prince
 * 5(4) (adaptive, dense output), forward or backward, with events located
 * on the step's interpolant and stop rules. Method details: docs/ode.md. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ode_internal.h"
#include "drive.h"

#define DIM SC_ODE_MAX_DIM

typedef struct ctx {
    const sc_ode_model *m;
    int n; /* dimension */
    double p[SC_ODE_MAX_PARAMS];
    int input_n, input_param;
    const double *it, *iv;
    double at;     /* a time inside the step being taken (drive) */
    int event_var; /* crossing event, -1 none */
    double event_value;
    int reset_on; /* built-in reset active (forward only) */
    double dir;   /* +1 forward, -1 backward */
    const double *bounds;
    sc_ode_result *r;
    long cap, ecap; /* allocated samples / events */
} ctx;

/* Piecewise-linear input: constant outside [t_0, t_last]; a repeated time
 * is a jump. drive() evaluates the piece that holds c->at (the later one at
 * a breakpoint) at t. The fixed and adaptive steps end at breakpoints and
 * set c->at to the step's midpoint: every stage of a step, including one
 * at its end on a jump (or a rounding past it), sees that step's piece, so
 * the input is smooth within a step and RK4 keeps order 4. */
static double drive(const ctx *c, double t) { return sc_ode_drive(c->it, c->iv, c->input_n, c->at, t); }

/* The step from t of signed length h is the one being taken (drive()). */
static void begin_step(ctx *c, double t, double h) { c->at = t + 0.5 * h; }

static void f(ctx *c, double t, const double *y, double *dy)
{
    if (c->input_n) c->p[c->input_param] = drive(c, t);
    sc_model_rhs(c->m, t, y, c->p, dy);
    c->r->evaluations++;
}

static int finite_n(const double *y, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(y[i])) return 0;
    return 1;
}

static int outside(const ctx *c, const double *y)
{
    if (!c->bounds) return 0;
    /* y holds c->n computed values; the analyser assumes an unfilled path. */
    for (int i = 0; i < c->n; i++)
        if (!(y[i] >= c->bounds[2 * i] && y[i] <= c->bounds[2 * i + 1])) return 1; /* NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult) */
    return 0;
}

/* ---- output -------------------------------------------------------------- */
static int push_sample(ctx *c, double t, const double *y)
{
    sc_ode_result *r = c->r;
    if (r->samples == c->cap) {
        const long cap = c->cap ? 2 * c->cap : 256;
        double *nt = realloc(r->t, (size_t)cap * sizeof *nt);
        if (!nt) return 0;
        r->t = nt;
        /* c->n is the system's dimension, 1..SC_ODE_MAX_DIM: never 0 bytes. */
        double *ny = realloc(r->y, (size_t)cap * (size_t)c->n * sizeof *ny); /* NOLINT(clang-analyzer-optin.portability.UnixAPI) */
        if (!ny) return 0;
        r->y = ny;
        c->cap = cap;
    }
    r->t[r->samples] = t;
    memcpy(r->y + r->samples * c->n, y, (size_t)c->n * sizeof *y);
    r->samples++;
    return 1;
}

static int push_event(ctx *c, double t, sc_ode_event_kind kind)
{
    sc_ode_result *r = c->r;
    if (r->events == c->ecap) {
        const long cap = c->ecap ? 2 * c->ecap : 64;
        double *nt = realloc(r->event_t, (size_t)cap * sizeof *nt);
        if (!nt) return 0;
        r->event_t = nt;
        int *nk = realloc(r->event_kind, (size_t)cap * sizeof *nk);
        if (!nk) return 0;
        r->event_kind = nk;
        c->ecap = cap;
    }
    r->event_t[r->events] = t;
    r->event_kind[r->events] = (int)kind;
    r->events++;
    return 1;
}

/* ---- events ---------------------------------------------------------------
 * An interpolant of the step maps theta in [0, 1] to a state; the event is
 * the first theta where g = y[var] - value becomes >= 0, found by the
 * Illinois variant of regula falsi (superlinear, keeps the bracket). */
typedef struct interp {
    int kind; /* 0 linear (Euler), 1 cubic Hermite (RK4), 2 dopri5 dense */
    double h, y0[DIM], y1[DIM], f0[DIM], f1[DIM];
    double rc[5][DIM];
} interp;

static double interp_at(const interp *ip, int i, double th)
{
    if (ip->kind == 0) return ip->y0[i] + th * (ip->y1[i] - ip->y0[i]);
    if (ip->kind == 1) {
        const double dy = ip->y1[i] - ip->y0[i];
        return ip->y0[i] + th * dy +
               th * (th - 1.0) * ((1.0 - 2.0 * th) * dy + (th - 1.0) * ip->h * ip->f0[i] + th * ip->h * ip->f1[i]);
    }
    const double t1 = 1.0 - th;
    return ip->rc[0][i] + th * (ip->rc[1][i] + t1 * (ip->rc[2][i] + th * (ip->rc[3][i] + t1 * ip->rc[4][i])));
}

static double locate(const interp *ip, int var, double value, double g0, double g1)
{
    double a = 0.0, b = 1.0, ga = g0, gb = g1;
    int side = 0;
    for (int it = 0; it < 100 && b - a > 1e-14; it++) {
        double th = (a * gb - b * ga) / (gb - ga);
        if (!(th > a && th < b)) th = 0.5 * (a + b);
        const double g = interp_at(ip, var, th) - value;
        if (g >= 0.0) {
            b = th;
            gb = g;
            if (side == 1) ga *= 0.5;
            side = 1;
        } else {
            a = th;
            ga = g;
            if (side == -1) gb *= 0.5;
            side = -1;
        }
    }
    return b; /* g(b) >= 0: the state is at or just past the threshold */
}

/* Checks the step's events. Returns 0 if none needs a restart; 1 if the
 * built-in reset fired at theta *th (state before reset in ys). Crossing
 * events before any reset are recorded here. -1 on allocation failure, -3
 * if the state at the reset is not finite. */
static int step_events(ctx *c, double t, const interp *ip, double *th_out, double *ys)
{
    double th_reset = 2.0, th_cross = 2.0;
    if (c->reset_on) {
        const int v = c->m->reset_var;
        const double at = c->p[c->m->reset_at];
        const double g0 = ip->y0[v] - at, g1 = ip->y1[v] - at;
        if (g1 >= 0.0 && g0 < 0.0) th_reset = locate(ip, v, at, g0, g1);
    }
    if (c->event_var >= 0) {
        const int v = c->event_var;
        const double g0 = ip->y0[v] - c->event_value, g1 = ip->y1[v] - c->event_value;
        if (g0 < 0.0 && g1 >= 0.0) th_cross = locate(ip, v, c->event_value, g0, g1);
    }
    if (th_cross <= 1.0 && th_cross <= th_reset)
        if (!push_event(c, t + th_cross * ip->h, SC_ODE_EVENT_CROSSING)) return -1;
    if (th_reset > 1.0) return 0;
    for (int i = 0; i < c->n; i++) ys[i] = interp_at(ip, i, th_reset);
    ys[c->m->reset_var] = c->p[c->m->reset_at]; /* exactly at the threshold */
    /* Finite ends can still overflow in between (y1 - y0 beyond DBL_MAX,
     * found by fuzzing): such a state is not stored. */
    if (!finite_n(ys, c->n)) return -3;
    *th_out = th_reset;
    return 1;
}

/* Records the spike at ts: samples before and after the reset. */
static int fire(ctx *c, double ts, double *y)
{
    if (!push_sample(c, ts, y)) return 0;
    c->m->reset(y, c->p);
    return push_event(c, ts, SC_ODE_EVENT_SPIKE) && push_sample(c, ts, y);
}

/* ---- fixed-step methods -------------------------------------------------- */
static void euler_step(ctx *c, double t, const double *y, double h, double *k1, double *y1)
{
    begin_step(c, t, h);
    f(c, t, y, k1);
    for (int i = 0; i < c->n; i++) y1[i] = y[i] + h * k1[i];
}

static void rk4_step(ctx *c, double t, const double *y, double h, double *k1, double *y1)
{
    double k2[DIM], k3[DIM], k4[DIM], yt[DIM];
    const int n = c->n;
    begin_step(c, t, h);
    f(c, t, y, k1);
    for (int i = 0; i < n; i++) yt[i] = y[i] + 0.5 * h * k1[i];
    f(c, t + 0.5 * h, yt, k2);
    for (int i = 0; i < n; i++) yt[i] = y[i] + 0.5 * h * k2[i];
    f(c, t + 0.5 * h, yt, k3);
    for (int i = 0; i < n; i++) yt[i] = y[i] + h * k3[i];
    f(c, t + h, yt, k4);
    for (int i = 0; i < n; i++) y1[i] = y[i] + (h / 6.0) * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
}

/* Izhikevich's figure1.m scheme (2004): Euler for v, then u with the new v,
 * reset at the end of the step. The spike is at the step's end: samples
 * (t, vpeak, u) then (t, c, u + d), as figure1.m plots 30 at that step. */
static int izh_paper_step(ctx *c, double t, double h, double *y, double tend)
{
    double k[2];
    c->at = t; /* figure1.m: I at the step's start, the later value at a jump */
    f(c, t, y, k);
    y[0] = y[0] + h * k[0];
    /* figure1.m's association, tau*a*(b*V - u) (panel R: tau*a*(b*(V+65))) */
    y[1] = y[1] + h * c->p[IZ_A] * (c->p[IZ_B] * (y[0] - c->p[IZ_VR]) - c->p[IZ_KU] * y[1]);
    if (!finite_n(y, 2)) return SC_ODE_STOP_NONFINITE;
    if (y[0] >= c->p[IZ_VPEAK]) {
        y[0] = c->p[IZ_VPEAK];
        return fire(c, tend, y) ? -3 : -2; /* both samples pushed */
    }
    return -1;
}

/* Next input breakpoint strictly after t in the direction of integration:
 * steps end there so the interpolant never straddles a kink or jump. */
static double next_break(const ctx *c, double t, double t1)
{
    double best = t1;
    for (int i = 0; i < c->input_n; i++) {
        const double b = c->it[i];
        if ((b - t) * c->dir > 0.0 && (b - best) * c->dir < 0.0) best = b;
    }
    return best;
}

/* Steps counted against max_steps; returns the stop reason or -1 to go on,
 * -2 on allocation failure. */
static int run_fixed(ctx *c, sc_ode_method method, double t0, double t1, double dt, long nsteps, long max_steps, double *y)
{
    const int n = c->n;
    sc_ode_result *r = c->r;
    for (long i = 0; i < nsteps; i++) {
        if (r->steps >= max_steps) return SC_ODE_STOP_MAXSTEPS;
        /* t from the index, so rounding does not accumulate */
        double t = i == 0 ? t0 : t0 + c->dir * (double)i * dt;
        const double tend = i + 1 == nsteps ? t1 : t0 + c->dir * (double)(i + 1) * dt;
        r->steps++;
        /* Every step but the last is exactly dt (as the source codes step);
         * the time labels come from the index. */
        const double hstep = i + 1 == nsteps ? tend - t : c->dir * dt;
        if (method == SC_ODE_IZH_EULER) {
            const int st = izh_paper_step(c, t, hstep, y, tend);
            if (st != -1 && st != -3) return st;
            if (st == -1 && !push_sample(c, tend, y)) return -2;
            if (outside(c, y)) return SC_ODE_STOP_BOUNDS;
            continue;
        }
        /* The step ends early at an input breakpoint (then goes on from
         * it) and restarts after a reset; guard bounds the resets. */
        int whole = 1; /* no breakpoint or reset in the step so far */
        for (int guard = 0; guard < 64;) {
            interp ip;
            const double te = next_break(c, t, tend);
            const double h = whole && te == tend ? hstep : te - t;
            ip.kind = method == SC_ODE_EULER ? 0 : 1;
            ip.h = h;
            memcpy(ip.y0, y, (size_t)n * sizeof *y);
            if (method == SC_ODE_EULER)
                euler_step(c, t, y, h, ip.f0, ip.y1);
            else
                rk4_step(c, t, y, h, ip.f0, ip.y1);
            if (!finite_n(ip.y1, n)) return SC_ODE_STOP_NONFINITE;
            double th, ys[DIM];
            if (method == SC_ODE_RK4 && (c->reset_on || c->event_var >= 0)) f(c, te, ip.y1, ip.f1);
            const int e = step_events(c, t, &ip, &th, ys);
            if (e == -3) return SC_ODE_STOP_NONFINITE;
            if (e < 0) return -2;
            if (e == 0) {
                memcpy(y, ip.y1, (size_t)n * sizeof *y);
                if (te == tend) break;
                t = te;
                whole = 0;
                continue;
            }
            /* Reset inside the step: fire, then integrate the rest of it.
             * t + h can round past te (from the index): never label the
             * spike after the step's end sample (found by fuzzing). */
            double ts = t + th * h;
            if ((ts - te) * c->dir > 0.0) ts = te;
            memcpy(y, ys, (size_t)n * sizeof *y);
            if (!fire(c, ts, y)) return -2;
            guard++;
            whole = 0;
            if (fabs(tend - ts) <= 1e-12 * fabs(h)) break;
            t = ts;
        }
        if (!push_sample(c, tend, y)) return -2;
        if (outside(c, y)) return SC_ODE_STOP_BOUNDS;
    }
    return SC_ODE_STOP_END;
}

/* ---- Dormand-Prince 5(4) (Hairer, Norsett & Wanner, dopri5) -------------- */
static const double
    c2 = 1.0 / 5,
    c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9,
    a21 = 1.0 / 5,
    a31 = 3.0 / 40, a32 = 9.0 / 40,
    a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9,
    a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729,
    a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176, a65 = -5103.0 / 18656,
    a71 = 35.0 / 384, a73 = 500.0 / 1113, a74 = 125.0 / 192, a75 = -2187.0 / 6784, a76 = 11.0 / 84,
    e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200, e6 = 22.0 / 525, e7 = -1.0 / 40,
    d1 = -12715105075.0 / 11282082432, d3 = 87487479700.0 / 32700410799, d4 = -10690763975.0 / 1880347072,
    d5 = 701980252875.0 / 199316789632, d6 = -1453857185.0 / 822651844, d7 = 69997945.0 / 29380423;

static double err_norm(const double *e, const double *y, const double *y1, int n, double rtol, double atol)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        const double sk = atol + rtol * fmax(fabs(y[i]), fabs(y1[i]));
        s += (e[i] / sk) * (e[i] / sk);
    }
    return sqrt(s / n);
}

/* Hairer's initial step heuristic (hinit in dopri5.f). */
static double initial_step(ctx *c, double t, const double *y, const double *f0, double hmax, double rtol, double atol)
{
    const int n = c->n;
    double dy0 = 0, df0 = 0, ddf = 0, y1[DIM], f1[DIM];
    for (int i = 0; i < n; i++) {
        const double sk = atol + rtol * fabs(y[i]);
        dy0 += (y[i] / sk) * (y[i] / sk);
        df0 += (f0[i] / sk) * (f0[i] / sk);
    }
    dy0 = sqrt(dy0 / n);
    df0 = sqrt(df0 / n);
    double h = (dy0 < 1e-10 || df0 < 1e-10) ? 1e-6 : 0.01 * dy0 / df0;
    h = fmin(h, hmax);
    for (int i = 0; i < n; i++) y1[i] = y[i] + c->dir * h * f0[i];
    begin_step(c, t, c->dir * h);
    f(c, t + c->dir * h, y1, f1);
    for (int i = 0; i < n; i++) {
        const double sk = atol + rtol * fabs(y[i]);
        ddf += ((f1[i] - f0[i]) / sk) * ((f1[i] - f0[i]) / sk);
    }
    ddf = sqrt(ddf / n) / h;
    const double dm = fmax(df0, ddf);
    const double h1 = dm <= 1e-15 ? fmax(1e-6, h * 1e-3) : pow(0.01 / dm, 0.2);
    return fmin(fmin(100.0 * h, h1), hmax);
}

static int run_dopri(ctx *c, double t0, double t1, double dt, long max_steps, double rtol, double atol, double *y)
{
    const int n = c->n;
    sc_ode_result *r = c->r;
    const double dir = c->dir, span = fabs(t1 - t0);
    double t = t0, k1[DIM], k2[DIM], k3[DIM], k4[DIM], k5[DIM], k6[DIM], k7[DIM], y1[DIM], yt[DIM], e[DIM];
    long next_out = 1; /* index of the next output time t0 + dir*next_out*dt */
    begin_step(c, t, dir * span);
    f(c, t, y, k1);
    double h = initial_step(c, t, y, k1, span, rtol, atol);
    int last_rejected = 0;
    for (;;) {
        if ((t1 - t) * dir <= 0.0) return SC_ODE_STOP_END;
        if (r->steps >= max_steps) return SC_ODE_STOP_MAXSTEPS;
        if (h < 16.0 * DBL_EPSILON * fmax(fabs(t), 1e-300)) return SC_ODE_STOP_STEPSIZE;
        const double tb = next_break(c, t, t1);
        int hit_end = 0;
        if (h >= fabs(tb - t)) {
            h = fabs(tb - t);
            hit_end = 1;
        }
        const double hs = dir * h; /* signed step */
        begin_step(c, t, hs);
        for (int i = 0; i < n; i++) yt[i] = y[i] + hs * a21 * k1[i];
        f(c, t + c2 * hs, yt, k2);
        for (int i = 0; i < n; i++) yt[i] = y[i] + hs * (a31 * k1[i] + a32 * k2[i]);
        f(c, t + c3 * hs, yt, k3);
        for (int i = 0; i < n; i++) yt[i] = y[i] + hs * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
        f(c, t + c4 * hs, yt, k4);
        for (int i = 0; i < n; i++) yt[i] = y[i] + hs * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
        f(c, t + c5 * hs, yt, k5);
        for (int i = 0; i < n; i++)
            yt[i] = y[i] + hs * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
        const double tn = hit_end ? tb : t + hs;
        f(c, tn, yt, k6);
        for (int i = 0; i < n; i++)
            y1[i] = y[i] + hs * (a71 * k1[i] + a73 * k3[i] + a74 * k4[i] + a75 * k5[i] + a76 * k6[i]);
        f(c, tn, y1, k7);
        for (int i = 0; i < n; i++)
            e[i] = hs * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
        double err = finite_n(y1, n) && finite_n(k7, n) ? err_norm(e, y, y1, n, rtol, atol) : INFINITY;
        if (!(err <= 1.0)) { /* reject (a non-finite trial counts as a huge error) */
            r->rejected++;
            h *= isfinite(err) ? fmax(0.2, 0.9 * pow(err, -0.2)) : 0.25;
            last_rejected = 1;
            continue;
        }
        r->steps++;
        interp ip;
        ip.kind = 2;
        ip.h = hs;
        for (int i = 0; i < n; i++) {
            const double ydiff = y1[i] - y[i], bspl = hs * k1[i] - ydiff;
            ip.y0[i] = y[i];
            ip.y1[i] = y1[i];
            ip.rc[0][i] = y[i];
            ip.rc[1][i] = ydiff;
            ip.rc[2][i] = bspl;
            ip.rc[3][i] = ydiff - hs * k7[i] - bspl;
            ip.rc[4][i] = hs * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
        }
        double th = 1.0, ys[DIM];
        const int ev = step_events(c, t, &ip, &th, ys);
        if (ev == -3) return SC_ODE_STOP_NONFINITE;
        if (ev < 0) return -2;
        double tend = ev ? t + th * hs : tn;
        if ((tend - tn) * dir > 0.0) tend = tn; /* rounding must not pass the step's end */
        /* Output samples in (t, tend] from the dense output. */
        if (dt > 0.0) {
            for (;;) {
                const double to = next_out * dt >= span * (1.0 - 1e-12) ? t1 : t0 + dir * (double)next_out * dt;
                if ((to - tend) * dir > 0.0) break;
                double yo[DIM];
                const double tho = (to - t) / hs;
                for (int i = 0; i < n; i++) yo[i] = tho >= 1.0 ? y1[i] : interp_at(&ip, i, tho);
                if (!push_sample(c, to, yo)) return -2;
                if (outside(c, yo)) return SC_ODE_STOP_BOUNDS;
                if (to == t1) break;
                next_out++;
            }
        }
        if (ev) {
            memcpy(y, ys, (size_t)n * sizeof *y);
            if (!fire(c, tend, y)) return -2;
            t = tend;
            begin_step(c, t, hs);
            f(c, t, y, k1);                /* FSAL broken by the reset */
            h = fmax(h * th, 1e-3 * span); /* restart modestly; control adapts */
            last_rejected = 0;
            continue;
        }
        t = tn;
        memcpy(y, y1, (size_t)n * sizeof *y);
        memcpy(k1, k7, (size_t)n * sizeof *k1);
        if (hit_end && c->input_n && (t1 - t) * dir > 0.0) {
            /* k7 took the input from before the breakpoint; the next step's
             * first stage needs it from after (a jump breaks FSAL). */
            begin_step(c, t, hs);
            f(c, t, y, k1);
        }
        if (dt == 0.0) {
            if (!push_sample(c, t, y)) return -2;
            if (outside(c, y)) return SC_ODE_STOP_BOUNDS;
        }
        double fac = err > 0.0 ? 0.9 * pow(err, -0.2) : 10.0;
        fac = fmin(10.0, fmax(0.2, fac));
        if (last_rejected) fac = fmin(fac, 1.0);
        h = fmin(h * fac, span);
        last_rejected = 0;
    }
}

/* ---- the public entry point ---------------------------------------------- */
sc_ode_desc sc_ode_default_desc(void)
{
    sc_ode_desc d;
    memset(&d, 0, sizeof d);
    return d;
}

void sc_ode_result_free(sc_ode_result *r)
{
    if (!r) return;
    free(r->t);
    free(r->y);
    free(r->event_t);
    free(r->event_kind);
    memset(r, 0, sizeof *r);
}

/* Number of fixed steps for a span: dt-steps, the last one shortened;
 * a remainder below 1e-9 dt is rounding, not a step. */
static double step_count(double span, double dt)
{
    const double q = span / dt;
    double n = floor(q);
    if (q - n > 1e-9 * fmax(1.0, q)) n += 1.0;
    return n;
}

sc_status sc_ode_integrate(const sc_ode_desc *d, sc_ode_result *out)
{
    if (!d) return sc_fail(SC_ERR_NULL, "desc");
    if (!out) return sc_fail(SC_ERR_NULL, "result");
    memset(out, 0, sizeof *out);
    const sc_status ps = sc_ode_check_params(d->system, d->params, d->nparams);
    if (ps != SC_OK) return ps;
    const sc_ode_model *m = sc_ode_model_of(d->system);
    const int n = m->info.dim;
    if (!d->y0) return sc_fail(SC_ERR_NULL, "y0");
    if (d->dim != n) return sc_fail(SC_ERR_SIZE, "y0");
    if (d->bounds ? d->nbounds != 2 * n : d->nbounds != 0) return sc_fail(SC_ERR_SIZE, "bounds");
    if (!finite_n(d->y0, n)) return sc_fail(SC_ERR_NONFINITE, "y0");
    if (!isfinite(d->t0)) return sc_fail(SC_ERR_NONFINITE, "t0");
    if (!isfinite(d->t1)) return sc_fail(SC_ERR_NONFINITE, "t1");
    if (!isfinite(d->dt)) return sc_fail(SC_ERR_NONFINITE, "dt");
    if ((unsigned)d->method >= SC_ODE_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    const double span = fabs(d->t1 - d->t0);
    if (d->method != SC_ODE_DOPRI5 ? !(d->dt > 0.0) : d->dt < 0.0) return sc_fail(SC_ERR_RANGE, "dt");
    if (d->method == SC_ODE_IZH_EULER && (d->system != SC_SYS_IZHIKEVICH || d->t1 < d->t0))
        return sc_fail(SC_ERR_OPTION, "method");
    if (d->max_steps < 0 || d->max_steps > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "maxSteps");
    const long max_steps = d->max_steps ? d->max_steps : SC_ODE_MAX_STEPS;
    const double nsteps = d->dt > 0.0 ? step_count(span, d->dt) : 0.0;
    if (nsteps > SC_ODE_MAX_STEPS) return sc_fail(SC_ERR_SIZE, "(t1 - t0) / dt");
    double rtol = d->rtol, atol = d->atol;
    if (d->method == SC_ODE_DOPRI5) {
        if (rtol == 0.0) rtol = 1e-6;
        if (atol == 0.0) atol = 1e-9;
        if (!(rtol >= 1e-14 && rtol <= 1.0)) return sc_fail(SC_ERR_RANGE, "rtol");
        if (!(atol > 0.0 && atol <= 1e6)) return sc_fail(SC_ERR_RANGE, "atol");
    }
    if (d->bounds)
        for (int i = 0; i < n; i++)
            if (isnan(d->bounds[2 * i]) || isnan(d->bounds[2 * i + 1]) || !(d->bounds[2 * i] < d->bounds[2 * i + 1]))
                return sc_fail(SC_ERR_RANGE, "bounds");
    if (d->input_n < 0 || d->input_n > SC_ODE_MAX_INPUT) return sc_fail(SC_ERR_SIZE, "input");
    if (d->input_n) {
        if (m->info.input_param < 0) return sc_fail(SC_ERR_OPTION, "input");
        if (!d->input_t || !d->input_v) return sc_fail(SC_ERR_NULL, "input");
        for (int i = 0; i < d->input_n; i++) {
            if (!isfinite(d->input_t[i]) || !isfinite(d->input_v[i])) return sc_fail(SC_ERR_NONFINITE, "input");
            if (i && d->input_t[i] < d->input_t[i - 1]) return sc_fail(SC_ERR_RANGE, "input");
        }
    }
    if (d->event != 0 && d->event != 1) return sc_fail(SC_ERR_OPTION, "event");
    if (d->event && (d->event_var < 0 || d->event_var >= n)) return sc_fail(SC_ERR_RANGE, "eventVar");
    if (d->event && !isfinite(d->event_value)) return sc_fail(SC_ERR_NONFINITE, "eventValue");

    ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.n = n;
    if (m->info.nparams) memcpy(c.p, d->params, (size_t)m->info.nparams * sizeof *c.p);
    c.input_n = d->input_n;
    c.input_param = m->info.input_param;
    c.it = d->input_t;
    c.iv = d->input_v;
    c.event_var = d->event ? d->event_var : -1;
    c.event_value = d->event_value;
    c.dir = d->t1 >= d->t0 ? 1.0 : -1.0;
    /* The reset map is not invertible: backward runs ignore it. */
    c.reset_on = m->reset && c.dir > 0.0 && !d->no_reset;
    c.bounds = d->bounds;
    c.r = out;
    out->dim = n;

    double y[DIM];
    memcpy(y, d->y0, (size_t)n * sizeof *y);
    int stop;
    if (!push_sample(&c, d->t0, y))
        stop = -2;
    else if (outside(&c, y))
        stop = SC_ODE_STOP_BOUNDS;
    else if (span == 0.0)
        stop = SC_ODE_STOP_END;
    else {
        if (c.reset_on && y[m->reset_var] >= c.p[m->reset_at] && !fire(&c, d->t0, y))
            stop = -2;
        else if (d->method == SC_ODE_DOPRI5)
            stop = run_dopri(&c, d->t0, d->t1, d->dt, max_steps, rtol, atol, y);
        else
            stop = run_fixed(&c, d->method, d->t0, d->t1, d->dt, (long)nsteps, max_steps, y);
    }
    if (stop == -2) {
        sc_ode_result_free(out);
        return sc_fail(SC_ERR_NOMEM, "result");
    }
    out->stop = (sc_ode_stop)stop;
    return SC_OK;
}
