/* Custom systems: two expressions typed by the user, compiled by
 * sc_ode_custom_compile into an object of the core's handle pool
 * (base/pool.h). Its handle is its system id, so any number of custom
 * systems live side by side until sc_ode_custom_free; nothing is kept in a
 * static slot. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ode_internal.h"
#include "expr.h"
#include "custom.h"
#include "../base/pool.h"

#define NAME_MAX_LEN 31

typedef struct sc_custom {
    sc_ode_model model; /* first: the pool object is also the model */
    sc_expr f[2];
    char names[SC_ODE_MAX_PARAMS][NAME_MAX_LEN + 1];
    const char *name_ptr[SC_ODE_MAX_PARAMS];
    const char *units[SC_ODE_MAX_PARAMS];
    double defaults[SC_ODE_MAX_PARAMS];
} sc_custom;

static const char *const cs_vars[] = {"x", "y"}, *const cs_none[] = {"", ""};
static const double cs_y0[] = {0.0, 0.0};

static void custom_rhs(const void *ctx, double t, const double *y, const double *p, double *dy)
{
    const sc_custom *c = ctx;
    dy[0] = sc_expr_eval(&c->f[0], y[0], y[1], t, p);
    dy[1] = sc_expr_eval(&c->f[1], y[0], y[1], t, p);
}

/* A custom system's id is its pool handle; built-in ids (0..SC_SYS_COUNT-1)
 * are never handles (a handle has a nonzero generation in its top bits). */
static sc_custom *custom_of(int system)
{
    return system >= 0 && system < SC_SYS_COUNT ? NULL : sc_pool_get(SC_KIND_ODE_CUSTOM, (uint32_t)system);
}

const sc_ode_model *sc_ode_custom_model(int system)
{
    const sc_custom *c = custom_of(system);
    return c ? &c->model : NULL;
}
int sc_ode_is_custom(int system) { return custom_of(system) != NULL; }
const sc_expr *sc_custom_expr(int system)
{
    const sc_custom *c = custom_of(system);
    return c ? c->f : NULL;
}

static int reserved(const char *s)
{
    static const char *const words[] = {"x", "y", "t", "pi", "e", "sin", "cos", "tan", "asin", "acos", "atan",
                                        "sinh", "cosh", "tanh", "exp", "log", "ln", "sqrt", "abs", "floor",
                                        "ceil", "atan2", "min", "max", "pow"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(s, words[i])) return 1;
    return 0;
}

static sc_status fail_compile(const char **message, sc_status st, const char *arg, const char *msg)
{
    if (message) *message = msg;
    return sc_fail(st, arg);
}

sc_status sc_ode_custom_compile(const char *dx, const char *dy, const char *const *names, const double *defaults,
                                int nparams, int *error_pos, const char **message, int *system)
{
    if (error_pos) *error_pos = 0;
    if (message) *message = "";
    if (!system) return fail_compile(message, SC_ERR_NULL, "system", "missing system output");
    *system = -1;
    if (!dx || !dy) return fail_compile(message, SC_ERR_NULL, !dx ? "dx" : "dy", "missing expression");
    if (nparams < 0 || nparams > SC_ODE_MAX_PARAMS)
        return fail_compile(message, SC_ERR_SIZE, "params", "too many parameters");
    if (nparams && (!names || !defaults))
        return fail_compile(message, SC_ERR_NULL, "params", "missing parameter names");
    sc_custom *c = calloc(1, sizeof *c);
    if (!c) return fail_compile(message, SC_ERR_NOMEM, "system", "out of memory");
    const char *ptr[SC_ODE_MAX_PARAMS];
    const char *msg = NULL;
    sc_status st = SC_OK;
    const char *arg = "params";
    for (int k = 0; k < nparams && st == SC_OK; k++) {
        const char *s = names[k];
        const size_t len = s ? strlen(s) : 0;
        int ok = len > 0 && len <= NAME_MAX_LEN && (isalpha((unsigned char)s[0]) || s[0] == '_');
        for (size_t i = 1; ok && i < len; i++) ok = isalnum((unsigned char)s[i]) || s[i] == '_';
        if (!ok)
            st = SC_ERR_RANGE, msg = "parameter names are identifiers of up to 31 characters";
        else if (reserved(s))
            st = SC_ERR_RANGE, msg = "parameter name is reserved (x, y, t, pi, e or a function)";
        for (int j = 0; st == SC_OK && j < k; j++)
            if (!strcmp(c->names[j], s)) st = SC_ERR_RANGE, msg = "duplicate parameter name";
        if (st == SC_OK && !isfinite(defaults[k])) st = SC_ERR_NONFINITE, msg = "parameter value is not finite";
        if (st == SC_OK) {
            memcpy(c->names[k], s, len + 1);
            ptr[k] = c->names[k];
        }
    }
    for (int e = 0; e < 2 && st == SC_OK; e++) {
        int pos = 0;
        st = sc_expr_compile(e ? dy : dx, ptr, nparams, &c->f[e], &pos, &msg);
        if (st != SC_OK) {
            arg = e ? "dy" : "dx";
            if (error_pos) *error_pos = pos;
        }
    }
    if (st != SC_OK) {
        free(c);
        return fail_compile(message, st, arg, msg);
    }
    for (int k = 0; k < nparams; k++) {
        c->name_ptr[k] = c->names[k];
        c->units[k] = "";
        c->defaults[k] = defaults[k];
    }
    sc_ode_model *m = &c->model;
    m->info.name = "custom";
    m->info.dim = 2;
    m->info.nparams = nparams;
    m->info.var_names = cs_vars;
    m->info.var_units = cs_none;
    m->info.param_names = c->name_ptr;
    m->info.param_units = c->units;
    m->info.defaults = c->defaults;
    m->info.y0 = cs_y0;
    m->info.input_param = -1;
    m->rhs_ctx = custom_rhs; /* Jacobian: central differences (sc_ode_jacobian) */
    m->ctx = c;
    uint32_t id = 0;
    st = sc_pool_add(SC_KIND_ODE_CUSTOM, c, SC_ODE_MAX_CUSTOM, "system", &id);
    if (st != SC_OK) {
        free(c);
        return fail_compile(message, st, "system", "too many custom systems");
    }
    *system = (int)id; /* two's complement: the id's bits, read back by custom_of */
    return SC_OK;
}

sc_status sc_ode_custom_free(int system)
{
    sc_custom *c = custom_of(system) ? sc_pool_remove(SC_KIND_ODE_CUSTOM, (uint32_t)system) : NULL;
    if (!c) return sc_fail(SC_ERR_HANDLE, "system");
    free(c);
    return SC_OK;
}

sc_status sc_ode_custom_field_f32(int system, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
                                  float *out)
{
    const sc_custom *c = custom_of(system);
    if (!c) return sc_fail(SC_ERR_OPTION, "system");
    if (!out || (!p && c->model.info.nparams)) return sc_fail(SC_ERR_NULL, !out ? "out" : "params");
#if SC_HAVE_SIMD
    sc_custom_field(sc_expr_block_simd, c->f, p, x0, hx, nx, y0, hy, ny, out);
#else
    sc_custom_field(sc_expr_block_scalar, c->f, p, x0, hx, nx, y0, hy, ny, out);
#endif
    return SC_OK;
}

/* ---- float paths over blocks (fields and batches) ----------------------- */
void sc_custom_field(sc_expr_block_fn block, const sc_expr *f, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
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
        block(&f[0], xs, ys, 0.0f, p, fx);
        block(&f[1], xs, ys, 0.0f, p, fy);
        for (int k = 0; k < m; k++) {
            out[2 * (base + k)] = fx[k];
            out[2 * (base + k) + 1] = fy[k];
        }
    }
}

/* RK4 or Euler over blocks of SC_EXPR_BLOCK states; t = s dt from 0. */
void sc_custom_batch(sc_expr_block_fn block, const sc_expr *f, const float *p, float *y, int count, float dt, int steps, int rk4)
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
            block(&f[0], x, v, t, p, kx);
            block(&f[1], x, v, t, p, kv);
            if (!rk4) {
                for (int k = 0; k < SC_EXPR_BLOCK; k++) x[k] = x[k] + dt * kx[k], v[k] = v[k] + dt * kv[k];
                continue;
            }
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = kx[k], sv[k] = kv[k];
                tx[k] = x[k] + hh * kx[k], tv[k] = v[k] + hh * kv[k];
            }
            block(&f[0], tx, tv, t + hh, p, kx);
            block(&f[1], tx, tv, t + hh, p, kv);
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = sx[k] + 2.0f * kx[k], sv[k] = sv[k] + 2.0f * kv[k];
                tx[k] = x[k] + hh * kx[k], tv[k] = v[k] + hh * kv[k];
            }
            block(&f[0], tx, tv, t + hh, p, kx);
            block(&f[1], tx, tv, t + hh, p, kv);
            for (int k = 0; k < SC_EXPR_BLOCK; k++) {
                sx[k] = sx[k] + 2.0f * kx[k], sv[k] = sv[k] + 2.0f * kv[k];
                tx[k] = x[k] + dt * kx[k], tv[k] = v[k] + dt * kv[k];
            }
            block(&f[0], tx, tv, t + dt, p, kx);
            block(&f[1], tx, tv, t + dt, p, kv);
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
