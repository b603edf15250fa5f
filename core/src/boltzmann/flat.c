/* Flat (scalar-argument) Boltzmann entry points: handles as ids, the
 * descriptors spelled out. */
#include "boltzmann_internal.h"

static sc_boltzmann handle(uint32_t id) { return (sc_boltzmann){id}; }

int sc_flat_boltzmann_create(int visible, int hidden, uint32_t seed, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    sc_boltzmann h;
    const sc_status st = sc_boltzmann_create(visible, hidden, seed, &h);
    *id = h.id;
    return st;
}

int sc_flat_boltzmann_destroy(uint32_t id) { return sc_boltzmann_destroy(handle(id)); }

int sc_flat_boltzmann_info(uint32_t id, int *info, int ninfo)
{
    const bm_machine *m = bm_get(handle(id));
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != 4) return sc_fail(SC_ERR_SIZE, "info");
    info[0] = m->nv;
    info[1] = m->nh;
    info[2] = m->n;
    info[3] = m->n * m->n + m->n;
    return SC_OK;
}

int sc_flat_boltzmann_get_weights(uint32_t id, double *w, int nw)
{
    return sc_boltzmann_get_weights(handle(id), w, nw);
}

int sc_flat_boltzmann_set_weights(uint32_t id, const double *w, int nw)
{
    return sc_boltzmann_set_weights(handle(id), w, nw);
}

int sc_flat_boltzmann_set_mask(uint32_t id, const uint8_t *mask, int nmask)
{
    return sc_boltzmann_set_mask(handle(id), mask, nmask);
}

int sc_flat_boltzmann_exact(uint32_t id, const int8_t *data, int count, double temperature,
                            double *data_stats, double *model_stats, int nstats, double *out,
                            int nout)
{
    return sc_boltzmann_exact(handle(id), data, count, temperature, data_stats, model_stats, nstats,
                              out, nout);
}

int sc_flat_boltzmann_sample(uint32_t id, const int8_t *data, int count, int sweeps, int anneal,
                             double temperature, double t_start, double *data_stats,
                             double *model_stats, int nstats)
{
    const sc_boltzmann_gibbs_desc d = {sweeps, anneal, temperature, t_start};
    return sc_boltzmann_sample(handle(id), data, count, &d, data_stats, model_stats, nstats);
}

int sc_flat_boltzmann_learn(uint32_t id, const int8_t *data, int count, int epochs, int method,
                            double epsilon, int sweeps, int anneal, double temperature,
                            double t_start, int k, double *trace, int ntrace)
{
    const sc_boltzmann_learn_desc d = {epochs, method, epsilon, {sweeps, anneal, temperature, t_start}, k};
    return sc_boltzmann_learn(handle(id), data, count, &d, trace, ntrace);
}
