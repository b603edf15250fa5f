/* The table of named systems: right-hand sides, Jacobians, parameter checks
 * and resets. Units and sources of every default: docs/models.md. */
#include <math.h>
#include <string.h>
#include "ode_internal.h"

/* ---- linear2d: x' = a x + b y, y' = c x + d y ---------------------------- */
static void linear_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    dy[0] = p[0] * y[0] + p[1] * y[1];
    dy[1] = p[2] * y[0] + p[3] * y[1];
}
static void linear_jac(const double *y, const double *p, double *J)
{
    (void)y;
    J[0] = p[0];
    J[1] = p[1];
    J[2] = p[2];
    J[3] = p[3];
}

/* ---- oscillator: x' = v, m v' = -k x - mu v (lecture: m v' = -kx - mu v) - */
static void osc_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    dy[0] = y[1];
    dy[1] = (-p[1] * y[0] - p[2] * y[1]) / p[0];
}
static void osc_jac(const double *y, const double *p, double *J)
{
    (void)y;
    J[0] = 0.0;
    J[1] = 1.0;
    J[2] = -p[1] / p[0];
    J[3] = -p[2] / p[0];
}
static int osc_check(const double *p) { return p[0] > 0.0 ? -1 : 0; }

/* ---- izhikevich (2003, eq. 1-3; v in mV, t in ms) ------------------------
 * v' = k2 v^2 + k1 v + k0 - u + I,  u' = a (b (v - vr) - ku u);
 * v >= vpeak: v = c, u += d. vr = 0, ku = 1 is the 2003 model; the 2004
 * accommodation panel (R) uses u' = a b (v + 65): vr = -65, ku = 0. */
static void izh_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    const double v = y[0], u = y[1];
    dy[0] = (p[IZ_K2] * v + p[IZ_K1]) * v + p[IZ_K0] - u + p[IZ_I];
    dy[1] = sc_izh_du(p, v, u);
}
static void izh_jac(const double *y, const double *p, double *J)
{
    J[0] = 2.0 * p[IZ_K2] * y[0] + p[IZ_K1];
    J[1] = -1.0;
    J[2] = p[IZ_A] * p[IZ_B];
    J[3] = -p[IZ_A] * p[IZ_KU];
}
/* c < vpeak, or the reset would fire again at once, forever. */
static int izh_check(const double *p) { return p[IZ_C] < p[IZ_VPEAK] ? -1 : IZ_VPEAK; }
static void izh_reset(double *y, const double *p)
{
    y[0] = p[IZ_C];
    y[1] += p[IZ_D];
}

/* ---- FitzHugh-Nagumo: v' = v - v^3/3 - w + I, w' = (v + a - b w) / tau ---- */
static void fhn_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    const double v = y[0], w = y[1];
    dy[0] = v - v * v * v / 3.0 - w + p[3];
    dy[1] = (v + p[0] - p[1] * w) / p[2];
}
static void fhn_jac(const double *y, const double *p, double *J)
{
    J[0] = 1.0 - y[0] * y[0];
    J[1] = -1.0;
    J[2] = 1.0 / p[2];
    J[3] = -p[1] / p[2];
}
static int fhn_check(const double *p) { return p[2] > 0.0 ? -1 : 2; }

/* ---- van der Pol: x' = y, y' = mu (1 - x^2) y - x ----------------------- */
static void vdp_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    dy[0] = y[1];
    dy[1] = p[0] * (1.0 - y[0] * y[0]) * y[1] - y[0];
}
static void vdp_jac(const double *y, const double *p, double *J)
{
    J[0] = 0.0;
    J[1] = 1.0;
    J[2] = -2.0 * p[0] * y[0] * y[1] - 1.0;
    J[3] = p[0] * (1.0 - y[0] * y[0]);
}

/* ---- Morris-Lecar (lecture; Rinzel & Ermentrout 1998): V in mV, t in ms --
 * C V' = I - gL (V - VL) - gCa Mss (V - VCa) - gK N (V - VK)
 * N' = (Nss - N) / tauN
 * Mss = (1 + tanh((V - V1)/V2))/2, Nss = (1 + tanh((V - V3)/V4))/2,
 * tauN = 1 / (phi cosh((V - V3)/(2 V4))) */
enum { ML_I,
       ML_C,
       ML_GL,
       ML_VL,
       ML_GCA,
       ML_VCA,
       ML_GK,
       ML_VK,
       ML_V1,
       ML_V2,
       ML_V3,
       ML_V4,
       ML_PHI };
static void ml_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    const double V = y[0], N = y[1];
    const double mss = 0.5 * (1.0 + tanh((V - p[ML_V1]) / p[ML_V2]));
    const double nss = 0.5 * (1.0 + tanh((V - p[ML_V3]) / p[ML_V4]));
    const double rate = p[ML_PHI] * cosh((V - p[ML_V3]) / (2.0 * p[ML_V4])); /* 1 / tauN */
    dy[0] = (p[ML_I] - p[ML_GL] * (V - p[ML_VL]) - p[ML_GCA] * mss * (V - p[ML_VCA]) -
             p[ML_GK] * N * (V - p[ML_VK])) /
            p[ML_C];
    dy[1] = (nss - N) * rate;
}
static void ml_jac(const double *y, const double *p, double *J)
{
    const double V = y[0], N = y[1];
    const double sm = tanh((V - p[ML_V1]) / p[ML_V2]);
    const double sn = tanh((V - p[ML_V3]) / p[ML_V4]);
    const double mss = 0.5 * (1.0 + sm), nss = 0.5 * (1.0 + sn);
    const double dmss = 0.5 * (1.0 - sm * sm) / p[ML_V2];
    const double dnss = 0.5 * (1.0 - sn * sn) / p[ML_V4];
    const double arg = (V - p[ML_V3]) / (2.0 * p[ML_V4]);
    const double rate = p[ML_PHI] * cosh(arg);
    const double drate = p[ML_PHI] * sinh(arg) / (2.0 * p[ML_V4]);
    J[0] = (-p[ML_GL] - p[ML_GCA] * (dmss * (V - p[ML_VCA]) + mss) - p[ML_GK] * N) / p[ML_C];
    J[1] = -p[ML_GK] * (V - p[ML_VK]) / p[ML_C];
    J[2] = dnss * rate + (nss - N) * drate;
    J[3] = -rate;
}
static int ml_check(const double *p)
{
    if (!(p[ML_C] > 0.0)) return ML_C;
    if (p[ML_V2] == 0.0) return ML_V2;
    if (p[ML_V4] == 0.0) return ML_V4;
    if (!(p[ML_PHI] > 0.0)) return ML_PHI;
    return -1;
}

/* ---- Hodgkin-Huxley (1952), modern sign convention, rest near -65 mV ------
 * C V' = I - gNa m^3 h (V - ENa) - gK n^4 (V - EK) - gL (V - EL); V in mV,
 * t in ms, conductances in mS/cm^2, C in uF/cm^2, I in uA/cm^2. */
enum { HH_C,
       HH_GNA,
       HH_GK,
       HH_GL,
       HH_ENA,
       HH_EK,
       HH_EL,
       HH_I };
/* x / (1 - exp(-x)), continuous at x = 0 (the rates' removable singularity). */
static double xexp(double x)
{
    return fabs(x) < 1e-9 ? 1.0 + 0.5 * x : x / -expm1(-x);
}
void sc_hh_rates(double V, double r[6])
{
    r[0] = xexp((V + 40.0) / 10.0);
    r[1] = 4.0 * exp(-(V + 65.0) / 18.0);
    r[2] = 0.07 * exp(-(V + 65.0) / 20.0);
    r[3] = 1.0 / (1.0 + exp(-(V + 35.0) / 10.0));
    r[4] = 0.1 * xexp((V + 55.0) / 10.0);
    r[5] = 0.125 * exp(-(V + 65.0) / 80.0);
}
static double hh_current(const double *p, double V, double m3h, double n4)
{
    return (p[HH_I] - p[HH_GNA] * m3h * (V - p[HH_ENA]) - p[HH_GK] * n4 * (V - p[HH_EK]) -
            p[HH_GL] * (V - p[HH_EL])) /
           p[HH_C];
}
static void hh_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    const double V = y[0], m = y[1], h = y[2], n = y[3];
    double r[6];
    sc_hh_rates(V, r);
    dy[0] = hh_current(p, V, m * m * m * h, (n * n) * (n * n));
    dy[1] = r[0] * (1.0 - m) - r[1] * m;
    dy[2] = r[2] * (1.0 - h) - r[3] * h;
    dy[3] = r[4] * (1.0 - n) - r[5] * n;
}
/* Rinzel (1985): m is fast, so m = m_inf(V); h and n move together, so
 * h = hA - hB n (0.8 - n by default). Parameters: HH's, then hA, hB. */
enum { HR_HA = HH_I + 1,
       HR_HB };
static void hr_rhs(double t, const double *y, const double *p, double *dy)
{
    (void)t;
    const double V = y[0], n = y[1];
    double r[6];
    sc_hh_rates(V, r);
    const double minf = r[0] / (r[0] + r[1]), h = p[HR_HA] - p[HR_HB] * n;
    dy[0] = hh_current(p, V, minf * minf * minf * h, (n * n) * (n * n));
    dy[1] = r[4] * (1.0 - n) - r[5] * n;
}
static int hh_check(const double *p) { return p[HH_C] > 0.0 ? -1 : HH_C; }

/* ---- the table ------------------------------------------------------------ */
#define N_(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const xy[] = {"x", "y"}, *const none2[] = {"", ""};
static const char *const lin_p[] = {"a", "b", "c", "d"};
static const char *const lin_u[] = {"1/time", "1/time", "1/time", "1/time"};
static const double lin_def[] = {0.0, 1.0, -1.0, -0.25}, lin_y0[] = {1.0, 0.0};

static const char *const osc_v[] = {"x", "v"}, *const osc_vu[] = {"m", "m/s"};
static const char *const osc_p[] = {"m", "k", "mu"};
static const char *const osc_u[] = {"kg", "N/m", "N s/m"};
static const double osc_def[] = {1.0, 1.0, 0.2}, osc_y0[] = {1.0, 0.0};

static const char *const izh_v[] = {"v", "u"}, *const izh_vu[] = {"mV", "mV/ms"};
static const char *const izh_p[] = {"a", "b", "c", "d", "I", "k2", "k1", "k0", "vpeak", "vr", "ku"};
static const char *const izh_u[] = {"1/ms", "1/ms", "mV", "mV/ms", "mV/ms", "1/(mV ms)", "1/ms", "mV/ms", "mV",
                                    "mV", ""};
/* RS of Izhikevich 2003 Fig. 2 with I = 10; start v = -65, u = b v. */
static const double izh_def[] = {0.02, 0.2, -65.0, 8.0, 10.0, 0.04, 5.0, 140.0, 30.0, 0.0, 1.0};
static const double izh_y0[] = {-65.0, -13.0};

static const char *const fhn_v[] = {"v", "w"};
static const char *const fhn_p[] = {"a", "b", "tau", "I"};
static const char *const fhn_u[] = {"", "", "time", ""};
static const double fhn_def[] = {0.7, 0.8, 12.5, 0.5}, fhn_y0[] = {-1.0, 1.0};

static const char *const vdp_p[] = {"mu"}, *const vdp_u[] = {""};
static const double vdp_def[] = {1.0}, vdp_y0[] = {2.0, 0.0};

static const char *const ml_v[] = {"V", "N"}, *const ml_vu[] = {"mV", ""};
static const char *const ml_p[] = {"I", "C", "gL", "VL", "gCa", "VCa", "gK", "VK", "V1", "V2", "V3", "V4", "phi"};
static const char *const ml_u[] = {"uA/cm^2", "uF/cm^2", "mS/cm^2", "mV", "mS/cm^2", "mV", "mS/cm^2", "mV",
                                   "mV", "mV", "mV", "mV", "1/ms"};
/* Hopf set of Rinzel & Ermentrout (1998), I = 100 (repetitive firing). */
static const double ml_def[] = {100.0, 20.0, 2.0, -60.0, 4.4, 120.0, 8.0, -84.0, -1.2, 18.0, 2.0, 30.0, 0.04};
static const double ml_y0[] = {-60.0, 0.0};

static const char *const hh_v[] = {"V", "m", "h", "n"}, *const hh_vu[] = {"mV", "", "", ""};
static const char *const hh_p[] = {"C", "gNa", "gK", "gL", "ENa", "EK", "EL", "I"};
static const char *const hh_u[] = {"uF/cm^2", "mS/cm^2", "mS/cm^2", "mS/cm^2", "mV", "mV", "mV", "uA/cm^2"};
static const double hh_def[] = {1.0, 120.0, 36.0, 0.3, 50.0, -77.0, -54.387, 10.0};
/* V = -65 mV with the gates at their steady states there. */
static const double hh_y0[] = {-65.0, 0.05293248525724958, 0.5961207535084603, 0.3176769140606974};

static const char *const hr_v[] = {"V", "n"}, *const hr_vu[] = {"mV", ""};
static const char *const hr_p[] = {"C", "gNa", "gK", "gL", "ENa", "EK", "EL", "I", "hA", "hB"};
static const char *const hr_u[] = {"uF/cm^2", "mS/cm^2", "mS/cm^2", "mS/cm^2", "mV", "mV", "mV", "uA/cm^2", "", ""};
/* HH's defaults at rest (I = 0), h = 0.8 - n (Rinzel 1985). */
static const double hr_def[] = {1.0, 120.0, 36.0, 0.3, 50.0, -77.0, -54.387, 0.0, 0.8, 1.0};
static const double hr_y0[] = {-65.0, 0.3176769140606974};

#define SYS(nm, d, v, vu, p, u, def, y0, inp, reset, jac)   \
    {                                                       \
        nm, d, N_(p), v, vu, p, u, def, y0, inp, reset, jac \
    }

const sc_ode_model sc_ode_models[SC_SYS_COUNT] = {
    [SC_SYS_LINEAR2D] = {SYS("linear2d", 2, xy, none2, lin_p, lin_u, lin_def, lin_y0, -1, 0, 1),
                         linear_rhs, linear_jac, NULL, 0, 0, NULL, NULL, NULL},
    [SC_SYS_OSCILLATOR] = {SYS("oscillator", 2, osc_v, osc_vu, osc_p, osc_u, osc_def, osc_y0, -1, 0, 1),
                           osc_rhs, osc_jac, osc_check, 0, 0, NULL, NULL, NULL},
    [SC_SYS_IZHIKEVICH] = {SYS("izhikevich", 2, izh_v, izh_vu, izh_p, izh_u, izh_def, izh_y0, IZ_I, 1, 1),
                           izh_rhs, izh_jac, izh_check, 0, IZ_VPEAK, izh_reset, NULL, NULL},
    [SC_SYS_FITZHUGH_NAGUMO] = {SYS("fitzhugh-nagumo", 2, fhn_v, none2, fhn_p, fhn_u, fhn_def, fhn_y0, 3, 0, 1),
                                fhn_rhs, fhn_jac, fhn_check, 0, 0, NULL, NULL, NULL},
    [SC_SYS_VAN_DER_POL] = {SYS("van-der-pol", 2, xy, none2, vdp_p, vdp_u, vdp_def, vdp_y0, -1, 0, 1),
                            vdp_rhs, vdp_jac, NULL, 0, 0, NULL, NULL, NULL},
    [SC_SYS_MORRIS_LECAR] = {SYS("morris-lecar", 2, ml_v, ml_vu, ml_p, ml_u, ml_def, ml_y0, ML_I, 0, 1),
                             ml_rhs, ml_jac, ml_check, 0, 0, NULL, NULL, NULL},
    [SC_SYS_HODGKIN_HUXLEY] = {SYS("hodgkin-huxley", 4, hh_v, hh_vu, hh_p, hh_u, hh_def, hh_y0, HH_I, 0, 0),
                               hh_rhs, NULL, hh_check, 0, 0, NULL, NULL, NULL},
    [SC_SYS_HH_RINZEL] = {SYS("hh-rinzel", 2, hr_v, hr_vu, hr_p, hr_u, hr_def, hr_y0, HH_I, 0, 0),
                          hr_rhs, NULL, hh_check, 0, 0, NULL, NULL, NULL},
};

const sc_ode_model *sc_ode_model_of(int id)
{
    if (id >= 0 && id < SC_SYS_COUNT) return &sc_ode_models[id];
    return sc_ode_custom_model(id);
}

const sc_ode_system_info *sc_ode_system(int id)
{
    const sc_ode_model *m = sc_ode_model_of(id);
    return m ? &m->info : NULL;
}

int sc_ode_find_system(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < SC_SYS_COUNT; i++)
        if (strcmp(name, sc_ode_models[i].info.name) == 0) return i;
    return -1; /* custom systems are found by their handle, not by name */
}

int sc_ode_find_param(int system, const char *name)
{
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s || !name) return -1;
    for (int i = 0; i < s->nparams; i++)
        if (strcmp(name, s->param_names[i]) == 0) return i;
    return -1;
}

sc_status sc_ode_check_params(int system, const double *p, int nparams)
{
    const sc_ode_model *m = sc_ode_model_of(system);
    if (!m) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != m->info.nparams) return sc_fail(SC_ERR_SIZE, "params");
    if (!p && m->info.nparams) return sc_fail(SC_ERR_NULL, "params");
    for (int i = 0; i < m->info.nparams; i++)
        if (!isfinite(p[i])) return sc_fail(SC_ERR_NONFINITE, m->info.param_names[i]);
    const int bad = m->check ? m->check(p) : -1;
    return bad >= 0 ? sc_fail(SC_ERR_RANGE, m->info.param_names[bad]) : SC_OK;
}

sc_status sc_ode_rhs(int system, const double *p, double t, const double *y, double *dy)
{
    const sc_ode_model *m = sc_ode_model_of(system);
    if (!m) return sc_fail(SC_ERR_OPTION, "system");
    if ((!p && m->info.nparams) || !y || !dy) return sc_fail(SC_ERR_NULL, !y ? "y" : !dy ? "dy"
                                                                                         : "params");
    sc_model_rhs(m, t, y, p, dy);
    return SC_OK;
}

sc_status sc_ode_jacobian(int system, const double *p, double t, const double *y, double *J)
{
    const sc_ode_model *m = sc_ode_model_of(system);
    if (!m) return sc_fail(SC_ERR_OPTION, "system");
    if ((!p && m->info.nparams) || !y || !J) return sc_fail(SC_ERR_NULL, !y ? "y" : !J ? "J"
                                                                                       : "params");
    if (m->jac) {
        m->jac(y, p, J);
        return SC_OK;
    }
    /* Central differences, step ~ cbrt(eps) * scale: error O(h^2) ~ 1e-10
     * relative, far below what classification needs. */
    const int n = m->info.dim;
    double yp[SC_ODE_MAX_DIM], fp[SC_ODE_MAX_DIM], fm[SC_ODE_MAX_DIM];
    for (int j = 0; j < n; j++) {
        const double h = 6.0554544523933395e-06 * fmax(1.0, fabs(y[j]));
        memcpy(yp, y, (size_t)n * sizeof *yp);
        yp[j] = y[j] + h;
        sc_model_rhs(m, t, yp, p, fp);
        yp[j] = y[j] - h;
        sc_model_rhs(m, t, yp, p, fm);
        for (int i = 0; i < n; i++) J[i * n + j] = (fp[i] - fm[i]) / (2.0 * h);
    }
    return SC_OK;
}
