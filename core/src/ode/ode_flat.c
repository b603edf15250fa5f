/* Flat (scalar-argument) entry points of the ODE engine for foreign callers:
 * see the end of core/include/simcore/ode.h. */
#include <string.h>
#include "ode_internal.h"

static sc_ode_result last;

int sc_flat_ode_integrate(int system, const double *params, int nparams, const double *y0, int dim,
                          double t0, double t1, double dt, int method, double rtol, double atol,
                          const double *bounds, double max_steps, const double *input, int input_n,
                          int event_var, double event_value)
{
    sc_ode_result_free(&last);
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != s->nparams) return sc_fail(SC_ERR_SIZE, "params");
    if (dim != s->dim) return sc_fail(SC_ERR_SIZE, "y0");
    if (!(max_steps >= 0.0 && max_steps <= SC_ODE_MAX_STEPS)) return sc_fail(SC_ERR_SIZE, "maxSteps");
    if (input_n < 0 || input_n > SC_ODE_MAX_INPUT) return sc_fail(SC_ERR_SIZE, "input");
    sc_ode_desc d = sc_ode_default_desc();
    d.system = system;
    d.params = params;
    d.y0 = y0;
    d.t0 = t0;
    d.t1 = t1;
    d.dt = dt;
    d.method = (sc_ode_method)method;
    d.rtol = rtol;
    d.atol = atol;
    d.bounds = bounds;
    d.max_steps = (long)max_steps;
    d.input_n = input_n;
    d.input_t = input;
    d.input_v = input ? input + input_n : NULL;
    d.event_var = event_var;
    d.event_value = event_value;
    return sc_ode_integrate(&d, &last);
}

void sc_flat_ode_info(int *info)
{
    if (!info) return;
    info[0] = (int)last.samples;
    info[1] = (int)last.events;
    info[2] = (int)last.stop;
    info[3] = (int)last.steps;
    info[4] = (int)last.rejected;
    info[5] = (int)last.evaluations;
    info[6] = last.dim;
}

const double *sc_flat_ode_t(void) { return last.t; }
const double *sc_flat_ode_y(void) { return last.y; }
const double *sc_flat_ode_event_t(void) { return last.event_t; }
const int *sc_flat_ode_event_kind(void) { return last.event_kind; }
void sc_flat_ode_free(void) { sc_ode_result_free(&last); }

int sc_flat_ode_batch(int system, const double *params, int nparams, float *y, int count, double dt,
                      int steps, int method)
{
    const sc_ode_system_info *s = sc_ode_system(system);
    if (!s) return sc_fail(SC_ERR_OPTION, "system");
    if (nparams != s->nparams) return sc_fail(SC_ERR_SIZE, "params");
    return sc_ode_batch(system, params, y, count, dt, steps, (sc_ode_method)method);
}

int sc_flat_ode_system_count(void) { return SC_SYS_CUSTOM; }

int sc_flat_ode_custom_compile(const char *dx, const char *dy, const char *names, const double *values,
                               int nparams, int *error_pos)
{
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
    return sc_ode_custom_compile(dx, dy, ptr, values, nparams, error_pos);
}

const char *sc_flat_ode_custom_error(void) { return sc_ode_custom_error(); }

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

int sc_flat_ode_preset_data(int index, double *out)
{
    const sc_ode_preset *p = sc_ode_preset_get(index);
    if (!p) return sc_fail(SC_ERR_RANGE, "preset");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out[0] = p->system;
    out[1] = p->t1;
    out[2] = p->dt;
    out[3] = p->input_n;
    memcpy(out + 4, p->params, sizeof p->params);
    memcpy(out + 20, p->y0, sizeof p->y0);
    memcpy(out + 24, p->input_t, sizeof p->input_t);
    memcpy(out + 40, p->input_v, sizeof p->input_v);
    out[56] = p->method;
    return SC_OK;
}
