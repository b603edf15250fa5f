/* Flat (scalar-argument) snn entry points: handles as their id, the
 * parameter struct as a double array in the order of snn.h. */
#include <math.h>
#include <stddef.h>
#include "simcore/snn.h"
#include "../base/internal.h"

static sc_snn handle(uint32_t id) { return (sc_snn){id}; }

static int whole(double x, double lo, double hi) { return isfinite(x) && x == floor(x) && x >= lo && x <= hi; }

int sc_flat_snn_default_params(double *q)
{
    if (!q) return sc_fail(SC_ERR_NULL, "params");
    sc_snn_params p = sc_snn_default_params();
    const double v[SC_SNN_FLAT_PARAMS] = {p.ne, p.ni, p.exc_scale, p.inh_scale, p.noise_exc,
                                          p.noise_inh, p.heterogeneity, p.mode, p.seed, p.in_degree};
    for (int i = 0; i < SC_SNN_FLAT_PARAMS; i++) q[i] = v[i];
    return SC_OK;
}

/* The parameter record (snn.h's order) as a struct; the checks of whole numbers, then sc_snn_create's own. */
static sc_status read_params(const double *q, sc_snn_params *out)
{
    if (!q) return sc_fail(SC_ERR_NULL, "params");
    if (!whole(q[0], 0, 1e9)) return sc_fail(SC_ERR_SIZE, "ne");
    if (!whole(q[1], 0, 1e9)) return sc_fail(SC_ERR_SIZE, "ni");
    if (!whole(q[6], 0, 1)) return sc_fail(SC_ERR_OPTION, "heterogeneity");
    if (!whole(q[7], 0, 1e9)) return sc_fail(SC_ERR_OPTION, "mode");
    if (!whole(q[8], 0, 4294967295.0)) return sc_fail(SC_ERR_RANGE, "seed");
    if (!whole(q[9], 0, 1e9)) return sc_fail(SC_ERR_SIZE, "in_degree");
    sc_snn_params p = sc_snn_default_params();
    p.ne = q[0] > 1e8 ? 100000000 : (int)q[0];
    p.ni = q[1] > 1e8 ? 100000000 : (int)q[1];
    p.exc_scale = q[2];
    p.inh_scale = q[3];
    p.noise_exc = q[4];
    p.noise_inh = q[5];
    p.heterogeneity = (int)q[6];
    p.mode = q[7] > 1e8 ? 100000000 : (int)q[7];
    p.seed = (uint32_t)q[8];
    p.in_degree = q[9] > 1e8 ? 100000000 : (int)q[9];
    *out = p;
    return SC_OK;
}

int sc_flat_snn_create(const double *q, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    *id = 0;
    sc_snn_params p;
    sc_status st = read_params(q, &p);
    if (st != SC_OK) return st;
    sc_snn h;
    st = sc_snn_create(&p, &h);
    *id = h.id;
    return st;
}

int sc_flat_snn_set_params(uint32_t id, const double *q)
{
    sc_snn_params p;
    const sc_status st = read_params(q, &p);
    return st != SC_OK ? st : sc_snn_set_params(handle(id), &p);
}

int sc_flat_snn_destroy(uint32_t id) { return sc_snn_destroy(handle(id)); }
int sc_flat_snn_reset(uint32_t id) { return sc_snn_reset(handle(id)); }

int sc_flat_snn_step(uint32_t id, int ms, int32_t *neuron, float *time, int cap, int *count, float *rate)
{
    return sc_snn_step(handle(id), ms, neuron, time, cap, count, rate);
}

int sc_flat_snn_state(uint32_t id, const int32_t *index, int n, double *v, double *u)
{
    return sc_snn_state(handle(id), index, n, v, u);
}

int sc_flat_snn_time(uint32_t id, double *t_ms) { return sc_snn_time(handle(id), t_ms); }

int sc_flat_snn_rate_spectrum(const float *rate, int n, int seg, float *power)
{
    return sc_snn_rate_spectrum(rate, n, seg, power);
}
