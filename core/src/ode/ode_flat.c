/* Flat (scalar-argument) entry points of the ODE engine for foreign callers:
 * see the end of core/include/simcore/ode.h. */
#include <stdlib.h>
#include <string.h>
#include "ode_internal.h"
#include "../base/pool.h"

/* A trajectory lives in the handle pool (base/pool.h) until the caller
 * frees it: no result outlives its handle, and two results never share one
 * static slot. */
static sc_status keep_result(const sc_ode_desc *d, uint32_t *result)
{
    sc_ode_result *r = calloc(1, sizeof *r);
    if (!r) return sc_fail(SC_ERR_NOMEM, "result");
    sc_status st = sc_ode_integrate(d, r);
    if (st == SC_OK) st = sc_pool_add(SC_KIND_ODE_RESULT, r, SC_ODE_MAX_RESULTS, "result", result);
    if (st != SC_OK) {
        sc_ode_result_free(r);
        free(r);
    }
    return st;
}

int sc_flat_ode_integrate(int system, const double *params, int nparams, const double *y0, int dim, double t0,
                          double t1, double dt, int method, double rtol, double atol, const double *bounds,
                          int nbounds, double max_steps, const double *input, int ninput, int event_var,
                          double event_value, uint32_t *result)
{
    if (!result) return sc_fail(SC_ERR_NULL, "result");
    *result = 0;
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != s->nparams) return sc_fail(SC_ERR_SIZE, "params");
    if (dim != s->dim) return sc_fail(SC_ERR_SIZE, "y0");
    if (bounds ? nbounds != 2 * s->dim : nbounds != 0) return sc_fail(SC_ERR_SIZE, "bounds");
    if (!(max_steps >= 0.0 && max_steps <= SC_ODE_MAX_STEPS)) return sc_fail(SC_ERR_SIZE, "maxSteps");
    if (ninput < 0 || ninput % 2 || ninput > 2 * SC_ODE_MAX_INPUT || (ninput && !input))
        return sc_fail(SC_ERR_SIZE, "input");
    if (event_var < -1 || event_var >= s->dim) return sc_fail(SC_ERR_RANGE, "event_var");
    sc_ode_desc d = {0};
    d.system = system;
    d.params = params;
    d.nparams = nparams;
    d.y0 = y0;
    d.dim = dim;
    d.t0 = t0;
    d.t1 = t1;
    d.dt = dt;
    d.method = (sc_ode_method)method;
    d.rtol = rtol;
    d.atol = atol;
    d.bounds = bounds;
    d.nbounds = nbounds;
    d.max_steps = (long)max_steps;
    d.input_n = ninput / 2;
    d.input_t = ninput ? input : NULL;
    d.input_v = ninput ? input + ninput / 2 : NULL;
    d.event = event_var >= 0;
    d.event_var = event_var >= 0 ? event_var : 0;
    d.event_value = event_value;
    return keep_result(&d, result);
}

int sc_flat_ode_result_info(uint32_t result, int *info, int ninfo)
{
    const sc_ode_result *r = sc_pool_get(SC_KIND_ODE_RESULT, result);
    if (!r) return sc_fail(SC_ERR_HANDLE, "result");
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != SC_FLAT_ODE_INFO) return sc_fail(SC_ERR_SIZE, "info");
    info[0] = (int)r->samples;
    info[1] = (int)r->events;
    info[2] = (int)r->stop;
    info[3] = (int)r->steps;
    info[4] = (int)r->rejected;
    info[5] = (int)r->evaluations;
    info[6] = r->dim;
    return SC_OK;
}

int sc_flat_ode_result_read(uint32_t result, int part, double *out, int n)
{
    const sc_ode_result *r = sc_pool_get(SC_KIND_ODE_RESULT, result);
    if (!r) return sc_fail(SC_ERR_HANDLE, "result");
    if (part < 0 || part > 3) return sc_fail(SC_ERR_OPTION, "part");
    const long size = part == 0 ? r->samples : part == 1 ? r->samples * r->dim
                                                         : r->events;
    if (n != size) return sc_fail(SC_ERR_SIZE, "out");
    if (!out && n) return sc_fail(SC_ERR_NULL, "out");
    for (long i = 0; i < size; i++)
        out[i] = part == 0 ? r->t[i] : part == 1 ? r->y[i]
                                   : part == 2   ? r->event_t[i]
                                                 : r->event_kind[i];
    return SC_OK;
}

int sc_flat_ode_result_free(uint32_t result)
{
    sc_ode_result *r = sc_pool_remove(SC_KIND_ODE_RESULT, result);
    if (!r) return sc_fail(SC_ERR_HANDLE, "result");
    sc_ode_result_free(r);
    free(r);
    return SC_OK;
}

int sc_flat_ode_batch(int system, const double *params, int nparams, float *y, int count, double dt,
                      int steps, int method)
{
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != s->nparams) return sc_fail(SC_ERR_SIZE, "params");
    return sc_ode_batch(system, params, nparams, y, count, dt, steps, (sc_ode_method)method);
}

int sc_flat_ode_system_count(void) { return SC_SYS_COUNT; }

int sc_flat_ode_custom_compile(const char *dx, const char *dy, const char *names, const double *values,
                               int nparams, int *error_pos, const char **message, int *system)
{
    if (system) *system = -1;
    if (message) *message = "";
    if (nparams < 0 || nparams > SC_ODE_MAX_PARAMS) return sc_fail(SC_ERR_SIZE, "params");
    if (nparams && !names) return sc_fail(SC_ERR_NULL, "params");
    char buf[SC_ODE_MAX_PARAMS * 33];
    const char *ptr[SC_ODE_MAX_PARAMS];
    int k = 0;
    if (nparams) {
        const size_t len = strlen(names);
        if (len >= sizeof buf) return sc_fail(SC_ERR_RANGE, "params");
        memcpy(buf, names, len + 1);
        char *s = buf;
        while (k < nparams) {
            ptr[k++] = s;
            char *sp = strchr(s, ' ');
            if (!sp) break;
            *sp = 0;
            s = sp + 1;
        }
        if (k != nparams) return sc_fail(SC_ERR_SIZE, "params");
    }
    return sc_ode_custom_compile(dx, dy, ptr, values, nparams, error_pos, message, system);
}

int sc_flat_ode_custom_free(int system) { return sc_ode_custom_free(system); }

static const sc_ode_system_info *sys(int id) { return sc_ode_system(id); }

const char *sc_flat_ode_system_name(int id) { return sys(id) ? sys(id)->name : ""; }
int sc_flat_ode_system_dim(int id) { return sys(id) ? sys(id)->dim : 0; }
int sc_flat_ode_system_nparams(int id) { return sys(id) ? sys(id)->nparams : 0; }

static int pk(int id, int k) { return sys(id) && k >= 0 && k < sys(id)->nparams; }
static int vk(int id, int k) { return sys(id) && k >= 0 && k < sys(id)->dim; }

const char *sc_flat_ode_param_name(int id, int k) { return pk(id, k) ? sys(id)->param_names[k] : ""; }
const char *sc_flat_ode_param_unit(int id, int k) { return pk(id, k) ? sys(id)->param_units[k] : ""; }
double sc_flat_ode_param_default(int id, int k) { return pk(id, k) ? sys(id)->defaults[k] : 0.0; }
const char *sc_flat_ode_var_name(int id, int k) { return vk(id, k) ? sys(id)->var_names[k] : ""; }
const char *sc_flat_ode_var_unit(int id, int k) { return vk(id, k) ? sys(id)->var_units[k] : ""; }
double sc_flat_ode_y0(int id, int k) { return vk(id, k) ? sys(id)->y0[k] : 0.0; }

void sc_flat_ode_system_flags(int id, int *info)
{
    if (!info) return;
    const sc_ode_system_info *s = sys(id);
    info[0] = s ? s->input_param : -1;
    info[1] = s ? s->has_reset : 0;
    info[2] = s ? s->has_jacobian : 0;
    info[3] = 0;
}

const char *sc_flat_ode_preset_name(int i) { return sc_ode_preset_get(i) ? sc_ode_preset_get(i)->name : ""; }
const char *sc_flat_ode_preset_label(int i) { return sc_ode_preset_get(i) ? sc_ode_preset_get(i)->label : ""; }
const char *sc_flat_ode_preset_source(int i) { return sc_ode_preset_get(i) ? sc_ode_preset_get(i)->source : ""; }

int sc_flat_ode_preset_data(int index, double *out, int n)
{
    const sc_ode_preset *p = sc_ode_preset_get(index);
    if (!p) return sc_fail(SC_ERR_RANGE, "preset");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (n != SC_FLAT_PRESET_SIZE) return sc_fail(SC_ERR_SIZE, "out");
    out[SC_FLAT_PRESET_SYSTEM] = p->system;
    out[SC_FLAT_PRESET_T1] = p->t1;
    out[SC_FLAT_PRESET_DT] = p->dt;
    out[SC_FLAT_PRESET_INPUT_N] = p->input_n;
    memcpy(out + SC_FLAT_PRESET_PARAMS, p->params, sizeof p->params);
    memcpy(out + SC_FLAT_PRESET_Y0, p->y0, sizeof p->y0);
    memcpy(out + SC_FLAT_PRESET_INPUT_T, p->input_t, sizeof p->input_t);
    memcpy(out + SC_FLAT_PRESET_INPUT_V, p->input_v, sizeof p->input_v);
    out[SC_FLAT_PRESET_METHOD] = p->method;
    return SC_OK;
}
