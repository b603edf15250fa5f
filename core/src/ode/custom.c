/* The custom system: two expressions typed by the user, compiled once by
 * sc_ode_custom_compile into the single custom slot (the core is single-
 * threaded; one custom system at a time, like one plot at a time). */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include "ode_internal.h"
#include "expr.h"
#include "custom.h"

#define NAME_MAX_LEN 31

static struct {
    int ready;
    sc_expr f[2];
    char names[SC_ODE_MAX_PARAMS][NAME_MAX_LEN + 1];
    const char *name_ptr[SC_ODE_MAX_PARAMS];
    const char *units[SC_ODE_MAX_PARAMS];
    double defaults[SC_ODE_MAX_PARAMS];
    sc_ode_model model;
    const char *error;
    int error_pos;
} cs;

static const char *const cs_vars[] = {"x", "y"}, *const cs_none[] = {"", ""};
static const double cs_y0[] = {0.0, 0.0};

static void custom_rhs(double t, const double *y, const double *p, double *dy)
{
    dy[0] = sc_expr_eval(&cs.f[0], y[0], y[1], t, p);
    dy[1] = sc_expr_eval(&cs.f[1], y[0], y[1], t, p);
}

const sc_ode_model *sc_ode_custom_model(void) { return cs.ready ? &cs.model : NULL; }
const sc_expr *sc_custom_expr(int k) { return cs.ready ? &cs.f[k] : NULL; }
const char *sc_ode_custom_error(void) { return cs.error ? cs.error : ""; }
int sc_ode_custom_error_pos(void) { return cs.error_pos; }

static int reserved(const char *s)
{
    static const char *const words[] = {"x", "y", "t", "pi", "e", "sin", "cos", "tan", "asin", "acos", "atan",
                                        "sinh", "cosh", "tanh", "exp", "log", "ln", "sqrt", "abs", "floor",
                                        "ceil", "atan2", "min", "max", "pow"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(s, words[i])) return 1;
    return 0;
}

static sc_status fail_compile(sc_status st, const char *arg, const char *msg, int pos)
{
    cs.ready = 0;
    cs.error = msg;
    cs.error_pos = pos;
    return sc_fail(st, arg);
}

sc_status sc_ode_custom_compile(const char *dx, const char *dy, const char *const *names, const double *defaults,
                                int nparams, int *error_pos)
{
    if (error_pos) *error_pos = 0;
    cs.error = NULL;
    cs.error_pos = 0;
    if (!dx || !dy) return fail_compile(SC_ERR_NULL, !dx ? "dx" : "dy", "missing expression", 0);
    if (nparams < 0 || nparams > SC_ODE_MAX_PARAMS) return fail_compile(SC_ERR_SIZE, "params", "too many parameters", 0);
    if (nparams && (!names || !defaults)) return fail_compile(SC_ERR_NULL, "params", "missing parameter names", 0);
    char tmp[SC_ODE_MAX_PARAMS][NAME_MAX_LEN + 1];
    const char *ptr[SC_ODE_MAX_PARAMS];
    for (int k = 0; k < nparams; k++) {
        const char *s = names[k];
        const size_t len = s ? strlen(s) : 0;
        int ok = len > 0 && len <= NAME_MAX_LEN && (isalpha((unsigned char)s[0]) || s[0] == '_');
        for (size_t i = 1; ok && i < len; i++) ok = isalnum((unsigned char)s[i]) || s[i] == '_';
        if (!ok) return fail_compile(SC_ERR_RANGE, "params", "parameter names are identifiers of up to 31 characters", 0);
        if (reserved(s)) return fail_compile(SC_ERR_RANGE, "params", "parameter name is reserved (x, y, t, pi, e or a function)", 0);
        for (int j = 0; j < k; j++)
            if (!strcmp(tmp[j], s)) return fail_compile(SC_ERR_RANGE, "params", "duplicate parameter name", 0);
        if (!isfinite(defaults[k])) return fail_compile(SC_ERR_NONFINITE, "params", "parameter value is not finite", 0);
        memcpy(tmp[k], s, len + 1);
        ptr[k] = tmp[k];
    }
    sc_expr f[2];
    for (int c = 0; c < 2; c++) {
        int pos;
        const char *msg;
        const sc_status st = sc_expr_compile(c ? dy : dx, ptr, nparams, &f[c], &pos, &msg);
        if (st != SC_OK) {
            if (error_pos) *error_pos = pos;
            return fail_compile(st, c ? "dy" : "dx", msg, pos);
        }
    }
    memcpy(cs.f, f, sizeof f);
    memcpy(cs.names, tmp, sizeof tmp);
    for (int k = 0; k < nparams; k++) {
        cs.name_ptr[k] = cs.names[k];
        cs.units[k] = "";
        cs.defaults[k] = defaults[k];
    }
    sc_ode_model *m = &cs.model;
    memset(m, 0, sizeof *m);
    m->info.name = "custom";
    m->info.dim = 2;
    m->info.nparams = nparams;
    m->info.var_names = cs_vars;
    m->info.var_units = cs_none;
    m->info.param_names = cs.name_ptr;
    m->info.param_units = cs.units;
    m->info.defaults = cs.defaults;
    m->info.y0 = cs_y0;
    m->info.input_param = -1;
    m->rhs = custom_rhs; /* Jacobian: central differences (sc_ode_jacobian) */
    cs.ready = 1;
    return SC_OK;
}

/* ---- float paths over blocks (fields and batches) ----------------------- */
void sc_custom_field(sc_expr_block_fn block, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
                     float *out)
{
    float xs[SC_EXPR_BLOCK], ys[SC_EXPR_BLOCK], fx[SC_EXPR_BLOCK], fy[SC_EXPR_BLOCK];
    const long n = (long)nx * ny;
    for (long base = 0; base < n; base += SC_EXPR_BLOCK) {
        const int m = n - base < SC_EXPR_BLOCK ? (int)(n - base) : SC_EXPR_BLOCK;
        for (int k = 0; k < SC_EXPR_BLOCK; k++) {
            const long g = base + (k < m ? k : m - 1); /* pad with a real point */
            xs[k] = x0 + (float)(g % nx) * hx;
            ys[k] = y0 + (float)(g / nx) * hy; /* NOLINT(bugprone-integer-division): the row index */
        }
        block(&cs.f[0], xs, ys, 0.0f, p, fx);
        block(&cs.f[1], xs, ys, 0.0f, p, fy);
        for (int k = 0; k < m; k++) {
            out[2 * (base + k)] = fx[k];
            out[2 * (base + k) + 1] = fy[k];
        }
    }
}

sc_status sc_ode_custom_field_f32(int system, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
                                  float *out)
{
    if (system != SC_SYS_CUSTOM || !cs.ready) return sc_fail(SC_ERR_OPTION, "system");
    if (!out || (!p && cs.model.info.nparams)) return sc_fail(SC_ERR_NULL, !out ? "out" : "params");
#if SC_HAVE_SIMD
    sc_custom_field(sc_expr_block_simd, p, x0, hx, nx, y0, hy, ny, out);
#else
    sc_custom_field(sc_expr_block_scalar, p, x0, hx, nx, y0, hy, ny, out);
#endif
    return SC_OK;
}

/* RK4 or Euler over blocks of SC_EXPR_BLOCK states; t = s dt from 0. */
void sc_custom_batch(sc_expr_block_fn block, const float *p, float *y, int count, float dt, int steps, int rk4)
{
    float x[SC_EXPR_BLOCK], v[SC_EXPR_BLOCK], tx[SC_EXPR_BLOCK], tv[SC_EXPR_BLOCK];
    float kx[SC_EXPR_BLOCK], kv[SC_EXPR_BLOCK], sx[SC_EXPR_BLOCK], sv[SC_EXPR_BLOCK];
    const float hh = 0.5f * dt, h6 = dt / 6.0f;
    for (int base = 0; base < count; base += SC_EXPR_BLOCK) {
        const int m = count - base < SC_EXPR_BLOCK ? count - base : SC_EXPR_BLOCK;
        for (int k = 0; k < SC_EXPR_BLOCK; k++) {
            const int g = base + (k < m ? k : m - 1);
            x[k] = y[2 * g];
            v[k] = y[2 * g + 1];
        }
        for (int s = 0; s < steps; s++) {
            const float t = (float)s * dt;
            block(&cs.f[0], x, v, t, p, kx);
            block(&cs.f[1], x, v, t, p, kv);
            if (!rk4) {
                for (int k = 0; k < SC_EXPR_BLOCK; k++) x[k] = x[k] + dt * kx[k], v[k] = v[k] + dt * kv[k];
                continue;
            }
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = kx[k], sv[k] = kv[k];
                tx[k] = x[k] + hh * kx[k], tv[k] = v[k] + hh * kv[k];
            }
            block(&cs.f[0], tx, tv, t + hh, p, kx);
            block(&cs.f[1], tx, tv, t + hh, p, kv);
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = sx[k] + 2.0f * kx[k], sv[k] = sv[k] + 2.0f * kv[k];
                tx[k] = x[k] + hh * kx[k], tv[k] = v[k] + hh * kv[k];
            }
            block(&cs.f[0], tx, tv, t + hh, p, kx);
            block(&cs.f[1], tx, tv, t + hh, p, kv);
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = sx[k] + 2.0f * kx[k], sv[k] = sv[k] + 2.0f * kv[k];
                tx[k] = x[k] + dt * kx[k], tv[k] = v[k] + dt * kv[k];
            }
            block(&cs.f[0], tx, tv, t + dt, p, kx);
            block(&cs.f[1], tx, tv, t + dt, p, kv);
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = sx[k] + kx[k], sv[k] = sv[k] + kv[k];
                x[k] = x[k] + h6 * sx[k], v[k] = v[k] + h6 * sv[k];
            }
        }
        for (int k = 0; k < m; k++) {
            y[2 * (base + k)] = x[k];
            y[2 * (base + k) + 1] = v[k];
        }
    }
}
