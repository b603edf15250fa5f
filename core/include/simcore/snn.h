/* Spiking networks of Izhikevich neurons (Izhikevich 2003, Fig. 3, net.m).
 * A network is a pool handle holding its whole state; a caller (a page's
 * worker session, one animation frame at a time) advances it with
 * sc_snn_step and receives spikes into its own buffers. */
#ifndef SIMCORE_SNN_H
#define SIMCORE_SNN_H

#include <stdint.h>
#include "simcore/status.h"

typedef struct sc_snn {
    uint32_t id;
} sc_snn;

typedef enum sc_snn_mode {
    SC_SNN_NETM_F64 = 0, /* net.m in double: bit for bit given the same streams */
    SC_SNN_FAST_F32 = 1, /* the same network (same seed, same a, b, c, d, S) in
                          * float32, four neurons per SIMD vector, with its own
                          * noise streams (docs/snn.md, "Fast mode") */
} sc_snn_mode;

typedef struct sc_snn_params {
    int ne, ni;                  /* excitatory, inhibitory neurons (800, 200) */
    double exc_scale, inh_scale; /* S = [exc_scale*rand, -inh_scale*rand] (0.5, 1) */
    double noise_exc, noise_inh; /* thalamic input sd (5, 2) */
    int heterogeneity;           /* 1: r uniform as net.m; 0: r = 0 */
    int mode;                    /* sc_snn_mode */
    uint32_t seed;
    /* 0: dense, net.m's S (up to SC_SNN_MAX_DENSE neurons). k > 0 (fast mode
     * only, up to SC_SNN_MAX_SPARSE neurons): each neuron receives k inputs,
     * k_e = k ne / n of them (rounded) from distinct excitatory neurons and
     * k_i = k - k_e from distinct inhibitory ones, weights exc_scale (800 /
     * k_e) U and -inh_scale (200 / k_i) U, U uniform in [0, 1): at given
     * rates a neuron's mean input is that of net.m's 1000-neuron network,
     * whatever n and k (docs/snn.md, "Sparse coupling"). */
    int in_degree;
} sc_snn_params;

SC_API sc_snn_params sc_snn_default_params(void);
SC_API sc_status sc_snn_create(const sc_snn_params *p, sc_snn *out);
SC_API sc_status sc_snn_destroy(sc_snn h);
/* Back to t = 0 with the same seed: the same run again. */
SC_API sc_status sc_snn_reset(sc_snn h);
/* New coupling scales, noise amplitudes or heterogeneity for a running
 * network: the weights and a, b, c, d are drawn again from the seed as
 * sc_snn_create would draw them with p (a stream of their own: the
 * network's noise stream goes on where it was), v, u and the time are
 * kept. At t = 0 (before the first step, or after a reset) the network is
 * rebuilt: the one sc_snn_create(p) builds, bit for bit, u = b v with the
 * new b included. ne, ni, seed, mode and in_degree can not change (SC_ERR_OPTION
 * naming the field); values create refuses are refused, the network
 * unchanged. */
SC_API sc_status sc_snn_set_params(sc_snn h, const sc_snn_params *p);
/* Advances ms 1 ms steps (ms * (ne + ni) at most 2^31 - 1: SC_ERR_SIZE "ms"). Spikes (neuron, time in ms) go to neuron[]/time[]
 * up to cap; *count receives the total number fired (may exceed cap: then
 * only the first cap are stored, and the caller knows how many it missed).
 * rate[ms] (may be NULL) receives the fired fraction of neurons per step, in Hz.
 * SC_ERR_OVERFLOW ("v") when the state left the number range (inputs far
 * outside the model's, e.g. noise 1e6): the network stays so until reset. */
SC_API sc_status sc_snn_step(sc_snn h, int ms, int32_t *neuron, float *time, int cap, int *count, float *rate);
/* v and u of n chosen neurons at the current time. */
SC_API sc_status sc_snn_state(sc_snn h, const int32_t *index, int n, double *v, double *u);
SC_API sc_status sc_snn_time(sc_snn h, double *t_ms);
/* Power spectral density of a rate signal sampled at 1 kHz (1 ms steps):
 * Welch with n / seg Hann-windowed non-overlapping segments (mean removed)
 * through the core FFT; seg 5-smooth (2^a 3^b 5^c, 4..65536). power[k],
 * k = 0..seg/2, is at k * 1000 / seg Hz, in Hz^2 per Hz. SC_ERR_OVERFLOW
 * ("power") when finite rates square past the float range. */
SC_API sc_status sc_snn_rate_spectrum(const float *rate, int n, int seg, float *power);

/* Flat twins for foreign callers (the binding): handles as their 32-bit id;
 * params as doubles in a fixed order: ne, ni, exc_scale, inh_scale,
 * noise_exc, noise_inh, heterogeneity, mode, seed, in_degree (integers
 * checked to be whole and in range before they narrow). */
#define SC_SNN_FLAT_PARAMS 10
SC_API int sc_flat_snn_default_params(double *params);
SC_API int sc_flat_snn_create(const double *params, uint32_t *id);
SC_API int sc_flat_snn_destroy(uint32_t id);
SC_API int sc_flat_snn_reset(uint32_t id);
SC_API int sc_flat_snn_set_params(uint32_t id, const double *params);
SC_API int sc_flat_snn_step(uint32_t id, int ms, int32_t *neuron, float *time, int cap, int *count, float *rate);
SC_API int sc_flat_snn_state(uint32_t id, const int32_t *index, int n, double *v, double *u);
SC_API int sc_flat_snn_time(uint32_t id, double *t_ms);
SC_API int sc_flat_snn_rate_spectrum(const float *rate, int n, int seg, float *power);

#endif
