/* The exact log-likelihood of a restricted machine by summing one layer out,
 * so bars and stripes 4 x 4 (16 visible + 8 hidden, 24 units) is exact
 * without enumerating 2^24 states (the page's curve for CD-k / PCD):
 *   ln sum_h e^{-E(v,h)/T} = b_v.v / T + sum_j ln 2cosh(f_j / T),
 *   ln Z = ln sum_h e^{b_h.h / T} prod_i 2cosh(g_i / T)   (2^nh terms),
 * f_j = b_j + sum_i w_ij v_i, g_i = b_i + sum_j w_ij h_j. */
#include <math.h>
#include "boltzmann_internal.h"

static double lncosh2(double x) { return fabs(x) + log1p(exp(-2.0 * fabs(x))); } /* ln 2cosh x, no overflow */

static double hidden_term(const bm_machine *m, unsigned code, double t)
{
    const int nv = m->nv, nh = m->nh, n = m->n;
    double x = 0.0;
    for (int j = 0; j < nh; j++) x += m->b[nv + j] * ((code >> j) & 1u ? 1.0 : -1.0) / t;
    for (int i = 0; i < nv; i++) {
        double g = m->b[i];
        for (int j = 0; j < nh; j++) g += m->w[i * n + nv + j] * ((code >> j) & 1u ? 1.0 : -1.0);
        x += lncosh2(g / t);
    }
    return x;
}

sc_status sc_boltzmann_rbm_loglik(sc_boltzmann h, const int8_t *data, int count, double temperature,
                                  double *out)
{
    const bm_machine *m = bm_get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "machine");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    sc_status st = bm_check_data(m, data, count);
    if (st != SC_OK) return st;
    st = bm_check_temperature(temperature, "temperature");
    if (st != SC_OK) return st;
    if (!bm_restricted(m)) return sc_fail(SC_ERR_RANGE, "mask");
    if (m->nh > SC_BOLTZMANN_MAX_EXACT) return sc_fail(SC_ERR_SIZE, "hidden");
    const double t = temperature;
    const unsigned states = 1u << m->nh;
    double top = -INFINITY;
    for (unsigned c = 0; c < states; c++) top = fmax(top, hidden_term(m, c, t));
    double z = exp(hidden_term(m, 0, t) - top); /* the largest term is 1, so z >= 1 */
    for (unsigned c = 1; c < states; c++) z += exp(hidden_term(m, c, t) - top);
    const double lz = top + log(z);
    const int nv = m->nv, n = m->n;
    double ll = 0.0;
    for (int d = 0; d < count; d++) {
        const int8_t *v = data + (size_t)d * (size_t)nv;
        double x = 0.0;
        for (int i = 0; i < nv; i++) x += m->b[i] * v[i] / t;
        for (int j = 0; j < m->nh; j++) {
            double f = m->b[nv + j];
            for (int i = 0; i < nv; i++) f += m->w[i * n + nv + j] * v[i];
            x += lncosh2(f / t);
        }
        ll += x - lz;
    }
    *out = ll / count;
    return SC_OK;
}

int sc_flat_boltzmann_rbm_loglik(uint32_t id, const int8_t *data, int count, double temperature,
                                 double *out)
{
    return sc_boltzmann_rbm_loglik((sc_boltzmann){id}, data, count, temperature, out);
}
