/* Hopfield networks and their stochastic (Boltzmann-machine style) dynamics.
 *
 * Conventions (docs/hopfield.md):
 *   states s_i in {-1, +1}; weights W symmetric with w_ii = 0;
 *   local field h_i = sum_j w_ij s_j;
 *   deterministic update (T = 0): s_i = +1 if h_i >= theta_i, else -1
 *     (so sign(0) -> +1 when theta = 0);
 *   stochastic update (T > 0, Glauber): P(s_i = +1) = 1 / (1 + exp(-2 (h_i - theta_i) / T));
 *   energy E = -1/2 sum_ij w_ij s_i s_j + sum_i theta_i s_i;
 *   overlap m^mu = (1/n) sum_i xi^mu_i s_i.
 *
 * Networks are handles (Box2D style): a small value with a slot index and a
 * generation counter, zero meaning null. A destroyed or never-created handle
 * makes every function return SC_ERR_HANDLE; no freed memory is touched.
 *
 * Not thread-safe (the core is single-threaded, docs/architecture.md). */
#ifndef SIMCORE_HOPFIELD_H
#define SIMCORE_HOPFIELD_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

/* Size limits: simcore/limits.h, checked before any allocation. The
 * weights are n*n float32: 64 MiB at n = 4096. */

typedef struct sc_hopfield {
    uint32_t id; /* 0: null; bits 0..15 slot + 1, bits 16..31 generation */
} sc_hopfield;

typedef enum sc_hopfield_rule {
    SC_HOPFIELD_HEBB = 0,      /* w = (1/n) sum_mu xi xi^T                  */
    SC_HOPFIELD_STORKEY,       /* Storkey 1997, incremental, local          */
    SC_HOPFIELD_PSEUDOINVERSE, /* projection onto span of the patterns       */
    SC_HOPFIELD_RULE_COUNT
} sc_hopfield_rule;

typedef enum sc_hopfield_mode {
    SC_HOPFIELD_ASYNC = 0, /* one neuron at a time (default)                */
    SC_HOPFIELD_SYNC,      /* all neurons from the same old state            */
    SC_HOPFIELD_MODE_COUNT
} sc_hopfield_mode;

/* How to update; all-zero means asynchronous, T = 0, random order. */
typedef struct sc_hopfield_step_desc {
    sc_hopfield_mode mode;
    float temperature; /* >= 0; 0: deterministic threshold units */
    /* Asynchronous only: the neurons to update, in this order (repeats
     * allowed, order_len >= 1). NULL: a fresh random permutation of all n
     * neurons per sweep from the network's generator. */
    const int *order;
    int order_len;
} sc_hopfield_step_desc;

typedef struct sc_hopfield_run_result {
    int sweeps;    /* sweeps performed */
    int converged; /* 1: the last sweep changed nothing (a fixed point at T = 0) */
    int cycle;     /* 2: synchronous T = 0 run ended in a 2-cycle; else 0 */
} sc_hopfield_run_result;

/* A new network of n neurons (1..SC_HOPFIELD_MAX_NEURONS): zero weights and
 * thresholds, all states +1, generator seeded with 1. SC_ERR_NOMEM when the
 * pool is full or the weights cannot be allocated. */
SC_API sc_status sc_hopfield_create(int n, sc_hopfield *net);

/* Frees the network; its handle (and every copy of it) becomes stale. */
SC_API sc_status sc_hopfield_destroy(sc_hopfield net);

/* n and the number of stored patterns. Either pointer may be NULL. */
SC_API sc_status sc_hopfield_size(sc_hopfield net, int *n, int *patterns);

/* Replace the weights by those storing count patterns (count x n values, each
 * -1 or +1; 1 <= count <= min(n, SC_HOPFIELD_MAX_PATTERNS)) with the rule.
 * The patterns are kept for sc_hopfield_overlaps. W is exactly symmetric with
 * a zero diagonal. Pseudo-inverse: linearly dependent patterns are allowed
 * (W projects onto their span). Hebb networks also keep the integer counts
 * k_ij = n w_ij and compute their fields exactly, h_i = fl(K_i / n) with
 * K_i = sum_j k_ij s_j in int32 (faster and bit-reproducible). Argument
 * errors change nothing; running out of memory during the rule leaves zero
 * weights and no patterns. */
SC_API sc_status sc_hopfield_store(sc_hopfield net, const int8_t *patterns,
                                   int count, sc_hopfield_rule rule);

/* theta: n finite values. */
SC_API sc_status sc_hopfield_set_thresholds(sc_hopfield net, const float *theta);

/* s: n values, each -1 or +1. */
SC_API sc_status sc_hopfield_set_state(sc_hopfield net, const int8_t *s);
SC_API sc_status sc_hopfield_get_state(sc_hopfield net, int8_t *s);

/* w receives n*n floats, row-major. */
SC_API sc_status sc_hopfield_get_weights(sc_hopfield net, float *w);

/* Local fields h = W s of the current state (n floats; thresholds not
 * subtracted), exactly as the updates compute them. */
SC_API sc_status sc_hopfield_fields(sc_hopfield net, float *fields);

/* Restart the network's generator (random orders, stochastic units). */
SC_API sc_status sc_hopfield_seed(sc_hopfield net, uint32_t seed);

/* One sweep: n single-neuron updates (or order_len of them) when
 * asynchronous, one simultaneous update when synchronous. flips (may be
 * NULL) receives the number of neurons that changed sign. desc may be NULL. */
SC_API sc_status sc_hopfield_step(sc_hopfield net, const sc_hopfield_step_desc *desc,
                                  int *flips);

/* Sweeps until one changes nothing, a synchronous 2-cycle appears (T = 0
 * only: s(t+1) == s(t-1) != s(t)), or max_sweeps (1..SC_HOPFIELD_MAX_SWEEPS). */
SC_API sc_status sc_hopfield_run(sc_hopfield net, const sc_hopfield_step_desc *desc,
                                 int max_sweeps, sc_hopfield_run_result *result);

/* Simulated annealing: `sweeps` sweeps (1..SC_HOPFIELD_MAX_SWEEPS) at the
 * geometric schedule T_k = from * (to/from)^(k/(sweeps-1)), k = 0..sweeps-1
 * (from >= to > 0, finite; one sweep runs at `from`). desc gives the mode and
 * order; its temperature is ignored. flips (may be NULL): total changes. */
SC_API sc_status sc_hopfield_anneal(sc_hopfield net, const sc_hopfield_step_desc *desc,
                                    float from, float to, int sweeps, int *flips);

/* The temperature of step k (0..sweeps-1) of sc_hopfield_anneal's schedule,
 * T_k = from * (to/from)^(k/(sweeps-1)) (from when sweeps == 1); the same
 * arguments are checked as there. For an animation that cools one sweep
 * at a time with sc_hopfield_advance. */
SC_API sc_status sc_hopfield_anneal_temperature(float from, float to, int sweeps, int k, float *t);

/* How sc_hopfield_advance ended. */
typedef enum sc_hopfield_end {
    SC_HOPFIELD_GOING = 0, /* the updates were made; not at rest */
    SC_HOPFIELD_FIXED,     /* T = 0: a whole sweep changed nothing (a fixed point) */
    SC_HOPFIELD_CYCLE      /* T = 0, synchronous: s(t+1) == s(t-1) != s(t) */
} sc_hopfield_end;

/* All-zero: asynchronous, T = 0, one update. */
typedef struct sc_hopfield_advance_desc {
    sc_hopfield_mode mode;
    float temperature; /* >= 0 */
    int updates;       /* asynchronous: neuron updates; synchronous: sweeps;
                          0 -> 1, at most SC_HOPFIELD_MAX_ADVANCE */
    /* An energy trace for the animation's plot: with energies != NULL, the
     * energy after every record_every updates (0 -> only after the last),
     * and after the last one, while energies_len lasts. */
    int record_every;
    double *energies;
    int energies_len;
} sc_hopfield_advance_desc;

typedef struct sc_hopfield_advance_result {
    int updates;  /* made (fewer than asked when it came to rest) */
    int flips;    /* neurons that changed sign */
    int last;     /* asynchronous: the neuron updated last; else -1 */
    int end;      /* an sc_hopfield_end */
    int recorded; /* energies written */
} sc_hopfield_advance_result;

/* The dynamics a little at a time, for an animation: one call per frame
 * advances the network and says whether it came to rest. Asynchronous
 * updates continue the network's current random order (a new permutation
 * from its generator, drawn as sc_hopfield_step draws it, when a sweep is
 * complete), so n updates in any chunks equal one sc_hopfield_step. At T = 0
 * it stops at a fixed point (a whole sweep of the order without a flip) or,
 * synchronously, a 2-cycle. Any other call that changes the state, weights,
 * thresholds or generator (set_state, store, set_thresholds, seed, step,
 * run, anneal) starts a fresh sweep. */
SC_API sc_status sc_hopfield_advance(sc_hopfield net, const sc_hopfield_advance_desc *desc,
                                     sc_hopfield_advance_result *result);

/* E = -1/2 s^T W s + theta^T s of the current state, accumulated in double. */
SC_API sc_status sc_hopfield_energy(sc_hopfield net, double *energy);

/* m receives one overlap per stored pattern (see sc_hopfield_size). */
SC_API sc_status sc_hopfield_overlaps(sc_hopfield net, float *m);

/* Capacity experiment: for each pattern count counts[k] (1..min(n, MAX_PATTERNS)),
 * `trials` times: store that many random patterns, and for every one of them
 * start from the pattern with round(noise * n) distinct neurons flipped, run
 * asynchronously at T = 0 to a fixed point (at most max_sweeps), and compare.
 * recall[k]: fraction of recalls that end exactly on the pattern;
 * overlap[k]: mean final overlap with it. Deterministic for a given seed. */
typedef struct sc_hopfield_capacity_desc {
    int n; /* neurons */
    sc_hopfield_rule rule;
    float noise;    /* fraction of neurons flipped, 0..0.5 */
    int trials;     /* 1..SC_HOPFIELD_MAX_TRIALS */
    int max_sweeps; /* 0 -> 100 */
    uint32_t seed;
} sc_hopfield_capacity_desc;

SC_API sc_status sc_hopfield_capacity(const sc_hopfield_capacity_desc *desc,
                                      const int *counts, int m, float *recall,
                                      float *overlap);

/* ---- flat entry points for foreign callers (see flat.h) ----------------
 * Handles are passed as their 32-bit id; enums as ints. */
SC_API int sc_flat_hopfield_create(int n, uint32_t *id);
SC_API int sc_flat_hopfield_destroy(uint32_t id);
/* info receives 2 ints: n, stored patterns. */
SC_API int sc_flat_hopfield_size(uint32_t id, int *info);
SC_API int sc_flat_hopfield_store(uint32_t id, const int8_t *patterns, int count, int rule);
SC_API int sc_flat_hopfield_set_thresholds(uint32_t id, const float *theta);
SC_API int sc_flat_hopfield_set_state(uint32_t id, const int8_t *s);
SC_API int sc_flat_hopfield_get_state(uint32_t id, int8_t *s);
SC_API int sc_flat_hopfield_get_weights(uint32_t id, float *w);
SC_API int sc_flat_hopfield_fields(uint32_t id, float *h);
SC_API int sc_flat_hopfield_seed(uint32_t id, uint32_t seed);
/* order may be NULL (order_len ignored). */
/* out: updates, flips, last, end, recorded (sc_hopfield_advance_result in order). */
SC_API int sc_flat_hopfield_advance(uint32_t id, int mode, double temperature, int updates, int record_every,
                                    double *energies, int energies_len, int *out);
SC_API int sc_flat_hopfield_anneal_temperature(double from, double to, int sweeps, int k, float *t);
SC_API int sc_flat_hopfield_step(uint32_t id, int mode, double temperature,
                                 const int *order, int order_len, int *flips);
/* result receives 3 ints: sweeps, converged, cycle. */
SC_API int sc_flat_hopfield_run(uint32_t id, int mode, double temperature,
                                const int *order, int order_len, int max_sweeps,
                                int *result);
SC_API int sc_flat_hopfield_anneal(uint32_t id, int mode, const int *order,
                                   int order_len, double from, double to,
                                   int sweeps, int *flips);
SC_API int sc_flat_hopfield_energy(uint32_t id, double *energy);
SC_API int sc_flat_hopfield_overlaps(uint32_t id, float *m);
SC_API int sc_flat_hopfield_capacity(int n, int rule, double noise, int trials,
                                     int max_sweeps, uint32_t seed,
                                     const int *counts, int m, float *recall,
                                     float *overlap);

#endif
