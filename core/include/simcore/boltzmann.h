/* Boltzmann machines with visible and hidden units (lecture 7; Hinton and
 * Sejnowski 1983; Ackley, Hinton and Sejnowski 1985). docs/boltzmann.md.
 *
 * Conventions (the Hopfield area's, docs/hopfield.md):
 *   n = visible + hidden units with states s_i = +-1, visible first
 *   (units 0..visible-1), hidden after;
 *   weights W symmetric with zero diagonal, biases b;
 *   energy E(s) = -1/2 s^T W s - b^T s, distribution P(s) = e^{-E/T} / Z;
 *   Glauber unit: P(s_i = +1) = 1 / (1 + e^{-2 h_i / T}), h_i = sum_j w_ij s_j + b_i;
 *   the lecture's rule: dw_ij = eps (<s_i s_j>_data - <s_i s_j>_model),
 *   db_i = eps (<s_i>_data - <s_i>_model) (the log-likelihood gradient
 *   times T: eps absorbs the 1/T);
 *   <.>_data: visible units clamped to each data vector, hidden units at
 *   equilibrium given them, averaged over the data; <.>_model: all units free.
 *
 * Flat layouts (doubles):
 *   weights: W (n x n, row-major) then b (n): n*n + n values;
 *   statistics: the pair matrix <s_i s_j> (n x n, diagonal 1) then the
 *   means <s_i> (n): n*n + n values;
 *   data: count x visible int8 values, each -1 or +1.
 * The log-likelihood is the mean over the data vectors of ln P(v), in nats.
 *
 * Machines are pool handles (zero is null; a destroyed handle gives
 * SC_ERR_HANDLE). Not thread-safe. */
#ifndef SIMCORE_BOLTZMANN_H
#define SIMCORE_BOLTZMANN_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

typedef struct sc_boltzmann {
    uint32_t id;
} sc_boltzmann;

/* Gibbs sampling (zero fields are the defaults). */
typedef struct sc_boltzmann_gibbs_desc {
    int sweeps;         /* sampling sweeps per phase (per data vector when clamped); 0: 1000 */
    int anneal;         /* annealing sweeps before sampling, T from t_start down to temperature */
    double temperature; /* T > 0; 0: 1 */
    double t_start;     /* first annealing temperature >= T; 0: 10 T */
} sc_boltzmann_gibbs_desc;

typedef enum sc_boltzmann_method {
    SC_BOLTZMANN_EXACT = 0, /* statistics by enumeration (n <= SC_BOLTZMANN_MAX_EXACT) */
    SC_BOLTZMANN_GIBBS,     /* statistics by Gibbs sampling */
    SC_BOLTZMANN_CD,        /* restricted machines: contrastive divergence CD-k (Hinton 2002) */
    SC_BOLTZMANN_PCD,       /* restricted machines: persistent CD (Tieleman 2008), one chain per data vector */
    SC_BOLTZMANN_METHOD_COUNT
} sc_boltzmann_method;

typedef struct sc_boltzmann_learn_desc {
    int epochs;                    /* >= 1; each one full-batch update */
    int method;                    /* sc_boltzmann_method */
    double epsilon;                /* learning rate, 0 < eps <= SC_BOLTZMANN_MAX_EPSILON */
    sc_boltzmann_gibbs_desc gibbs; /* for GIBBS (its temperature is used by EXACT too) */
    int k;                         /* CD / PCD: Gibbs steps v -> h -> v per update, 0: 1 */
} sc_boltzmann_learn_desc;

/* Weights and biases start uniform in [-0.1, 0.1] from seed (symmetric,
 * zero diagonal); the machine's Gibbs generator is seeded by it too. Every
 * connection is learnable until sc_boltzmann_set_mask. */
sc_status sc_boltzmann_create(int visible, int hidden, uint32_t seed, sc_boltzmann *out);
sc_status sc_boltzmann_destroy(sc_boltzmann m);
/* nw = n*n + n exactly. set checks W symmetric with zero diagonal, finite
 * and |value| <= SC_BOLTZMANN_MAX_WEIGHT (RANGE otherwise), and zeroes
 * the connections outside the mask. */
sc_status sc_boltzmann_get_weights(sc_boltzmann m, double *w, int nw);
sc_status sc_boltzmann_set_weights(sc_boltzmann m, const double *w, int nw);
/* mask: n x n of 0/1, symmetric, zero diagonal (nmask = n*n): which
 * connections exist. Weights outside it become zero and learning keeps them
 * there (the 4-2-4 encoder has no visible-visible connections between its groups). */
sc_status sc_boltzmann_set_mask(sc_boltzmann m, const uint8_t *mask, int nmask);

/* Exact statistics by enumeration (n <= SC_BOLTZMANN_MAX_EXACT) at
 * temperature T: data_stats and model_stats (nstats = n*n + n each, either
 * may be NULL), out[0] = ln Z, out[1] = the mean log-likelihood of the data
 * (nout = 2). Log-sum-exp throughout. */
sc_status sc_boltzmann_exact(sc_boltzmann m, const int8_t *data, int count, double temperature,
                             double *data_stats, double *model_stats, int nstats, double *out,
                             int nout);
/* The same statistics estimated by Gibbs sampling: one free chain (random
 * start, annealing, then desc->sweeps sweeps, statistics after each) and,
 * per data vector, one clamped chain for the hidden units (the same
 * schedule). Draws from the machine's generator. */
sc_status sc_boltzmann_sample(sc_boltzmann m, const int8_t *data, int count,
                              const sc_boltzmann_gibbs_desc *desc, double *data_stats,
                              double *model_stats, int nstats);
/* desc->epochs full-batch updates by the lecture's rule. trace: ntrace = 0,
 * or ntrace = epochs when n <= SC_BOLTZMANN_MAX_EXACT, then trace[e] = the
 * exact mean log-likelihood (at the learning temperature) after epoch e.
 * OVERFLOW if a weight leaves SC_BOLTZMANN_MAX_WEIGHT.
 * CD and PCD need a restricted mask (no visible-visible and no
 * hidden-hidden connection; RANGE naming mask otherwise): the positive
 * phase takes the exact hidden means tanh(h_j / T) given each data vector,
 * the negative phase the visible state after k block-Gibbs steps v -> h ->
 * v (from the data vector for CD, from its persistent chain for PCD; the
 * chains restart from the data when the count changes) and the hidden
 * means given it. */
sc_status sc_boltzmann_learn(sc_boltzmann m, const int8_t *data, int count,
                             const sc_boltzmann_learn_desc *desc, double *trace, int ntrace);

/* The exact mean log-likelihood of a restricted machine (the mask of
 * sc_boltzmann_learn's CD; RANGE naming mask otherwise) with the hidden
 * layer summed out: 2^hidden terms, hidden <= SC_BOLTZMANN_MAX_EXACT (SIZE
 * otherwise), any number of visible units. out[0] = mean ln P(v). */
sc_status sc_boltzmann_rbm_loglik(sc_boltzmann m, const int8_t *data, int count, double temperature,
                                  double *out);

/* Flat twins: handles as ids. info: {visible, hidden, n, weight count}. */
SC_API int sc_flat_boltzmann_create(int visible, int hidden, uint32_t seed, uint32_t *id);
SC_API int sc_flat_boltzmann_destroy(uint32_t id);
SC_API int sc_flat_boltzmann_info(uint32_t id, int *info, int ninfo);
SC_API int sc_flat_boltzmann_get_weights(uint32_t id, double *w, int nw);
SC_API int sc_flat_boltzmann_set_weights(uint32_t id, const double *w, int nw);
SC_API int sc_flat_boltzmann_set_mask(uint32_t id, const uint8_t *mask, int nmask);
SC_API int sc_flat_boltzmann_exact(uint32_t id, const int8_t *data, int count, double temperature,
                                   double *data_stats, double *model_stats, int nstats,
                                   double *out, int nout);
SC_API int sc_flat_boltzmann_sample(uint32_t id, const int8_t *data, int count, int sweeps,
                                    int anneal, double temperature, double t_start,
                                    double *data_stats, double *model_stats, int nstats);
SC_API int sc_flat_boltzmann_learn(uint32_t id, const int8_t *data, int count, int epochs,
                                   int method, double epsilon, int sweeps, int anneal,
                                   double temperature, double t_start, int k, double *trace,
                                   int ntrace);
SC_API int sc_flat_boltzmann_rbm_loglik(uint32_t id, const int8_t *data, int count,
                                        double temperature, double *out);

#endif
