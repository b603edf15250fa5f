/* Internals of the Hopfield engine, shared by its files, the native test and
 * the native benchmark. Not part of the public API.
 *
 * Layout: the weights are n rows of `stride` floats, stride = n rounded up to
 * a multiple of SC_GEMV_FIXED_BLOCK, the padding columns zero; the state is kept as
 * floats +-1 (padding 0) so the local field is a plain float dot product. The
 * kernels below read whole padded rows and never look at n.
 *
 * Hebb weights are integers over n, w_ij = k_ij / n with |k_ij| <= p <= 1024,
 * so a Hebb network also keeps k as int8 (p <= 127) or int16, and the state
 * as an int8 sign mask (0: +1, -1: -1) and int16 +-1: the field
 * K_i = sum_j k_ij s_j is then exact in int32, identical in every variant and
 * every order, h_i = K_i / n is correctly rounded, and the weight stream is a
 * quarter (int8) or half (int16) of the float bytes; the sweep is memory-bound
 * at n = 4096. Other rules use the float weights. */
#ifndef SIMCORE_HOPFIELD_INTERNAL_H
#define SIMCORE_HOPFIELD_INTERNAL_H

#include <math.h>
#include <stdint.h>
#include "../base/rng.h"
#include "simcore/hopfield.h"
#include "../base/internal.h"
#include "../linalg/gemv_fixed.h"

/* Rows are padded to the block of the field kernels (linalg/gemv_fixed.h). */
static inline int sc_hop_stride(int n) { return (n + SC_GEMV_FIXED_BLOCK - 1) & ~(SC_GEMV_FIXED_BLOCK - 1); }

/* ---- a network (the pool hands out handles to these) ------------------- */
typedef struct sc_hop_net {
    int n, stride, count; /* neurons, padded row length, stored patterns */
    float *w;             /* n x stride */
    float *s;             /* stride, +-1 then zeros */
    float *theta;         /* n */
    float *h;             /* n, scratch for synchronous updates */
    int32_t *hq;          /* n, integer fields scratch */
    int16_t *q;           /* n x stride Hebb counts k_ij (p > 127), or NULL */
    int8_t *q8;           /* n x stride Hebb counts k_ij (p <= 127), or NULL */
    int16_t *sq;          /* stride, the state as int16 (padding 0) */
    int8_t *m8;           /* stride, the state's sign mask (padding 0) */
    float *prev, *back;   /* stride each, earlier states (cycle test) */
    int *perm;            /* n, random order scratch */
    int8_t *patterns;     /* count x n, NULL when count == 0 */
    sc_rng rng;
    const sc_gemv_fixed_variant *kernel;
    /* Incremental fields for float weights (incremental.c); NULL for Hebb. */
    double *hd;      /* stride: W s in double, valid when hd_valid */
    double *rowabs;  /* n: sum_j |w_ij|, scales the error bound */
    int hd_valid;    /* 0 after any state change outside incremental.c */
    int incremental; /* 1 by default; the test hook can turn it off */
    long hd_updates; /* row updates since hd was recomputed */
    long fallbacks;  /* decisions that needed the float reference field */
    /* sc_hopfield_advance (advance.c): the sweep in progress. */
    int *adv_order;  /* n: its random order (allocated on first use) */
    int adv_cursor;  /* updates made of it; n: none in progress */
    int adv_flips;   /* flips during it */
    int adv_history; /* synchronous T = 0: earlier states kept in prev/back (0..2) */
} sc_hop_net;

/* Forget the sweep in progress and the cycle history (advance.c). */
static inline void sc_hop_adv_reset(sc_hop_net *net)
{
    net->adv_cursor = net->n;
    net->adv_flips = 0;
    net->adv_history = 0;
}
void sc_hop_net_random_order(sc_hop_net *net, int *perm);
void sc_hop_net_advance(sc_hop_net *net, const sc_hopfield_advance_desc *d, sc_hopfield_advance_result *r);

sc_status sc_hop_net_init(sc_hop_net *net, int n);
/* Keeps the float, int16 and mask copies of the state equal. Only
 * incremental.c calls it directly (it updates hd itself). */
static inline void sc_hop_set_raw(sc_hop_net *net, int i, float v)
{
    net->s[i] = v;
    net->sq[i] = (int16_t)v;
    net->m8[i] = v < 0.0f ? -1 : 0;
}
/* The way states change everywhere else: the incremental fields go stale. */
static inline void sc_hop_set(sc_hop_net *net, int i, float v)
{
    sc_hop_set_raw(net, i, v);
    net->hd_valid = 0;
}
/* Local field of neuron i, as every update sees it. */
static inline float sc_hop_field(const sc_hop_net *net, int i)
{
    if (net->q8)
        return (float)net->kernel->q8dot(net->q8 + (size_t)i * net->stride, net->m8, net->stride) / (float)net->n;
    if (net->q)
        return (float)net->kernel->qdot(net->q + (size_t)i * net->stride, net->sq, net->stride) / (float)net->n;
    return net->kernel->dot(net->w + (size_t)i * net->stride, net->s, net->stride);
}
/* All n fields into net->h. */
void sc_hop_net_fields(sc_hop_net *net);
void sc_hop_net_free(sc_hop_net *net);
/* Arguments already checked. */
sc_status sc_hop_net_store(sc_hop_net *net, const int8_t *patterns, int count,
                           sc_hopfield_rule rule);
int sc_hop_net_sweep(sc_hop_net *net, sc_hopfield_mode mode, float temperature,
                     const int *order, int order_len);
void sc_hop_net_run(sc_hop_net *net, const sc_hopfield_step_desc *d, int max_sweeps,
                    sc_hopfield_run_result *r);
double sc_hop_net_energy(const sc_hop_net *net);

/* Incremental sweeps (incremental.c) for float weights. sc_hop_inc_prepare
 * (after store) allocates hd and computes rowabs; without memory the network
 * keeps the plain sweeps. sc_hop_inc_sweep returns -1 when it does not apply
 * (Hebb, turned off, or a partial order with stale fields, where recomputing
 * every field would cost more than the plain sweep), else the flips; its
 * decisions are those of the plain sweep, bit for bit. */
void sc_hop_inc_prepare(sc_hop_net *net);
int sc_hop_inc_sweep(sc_hop_net *net, sc_hopfield_mode mode, float t, const int *order, int order_len);
/* Threshold or Glauber unit with the uniform draw u (unused at T = 0). */
static inline float sc_hop_decide(float h, float theta, float t, float u)
{
    if (t == 0.0f) return h >= theta ? 1.0f : -1.0f;
    /* Divide before doubling: -2 (h - theta) overflows float for |theta|
     * near FLT_MAX, (h - theta) / t does not when t is large. The same two
     * roundings either way (the doubling is exact), which incremental.c
     * relies on. */
    const float p = 1.0f / (1.0f + expf(-2.0f * ((h - theta) / t)));
    return u < p ? 1.0f : -1.0f;
}

/* Weight rules (store.c); w is n x stride, zero on entry. */
/* q or q8 (n x stride, zero on entry; at most one non-NULL) receive k_ij. */
sc_status sc_hop_hebb(const int8_t *patterns, int count, int n, int stride, float *w,
                      int16_t *q, int8_t *q8);
sc_status sc_hop_storkey(const int8_t *patterns, int count, int n, int stride,
                         const sc_gemv_fixed_variant *k, float *w);
sc_status sc_hop_pseudoinverse(const int8_t *patterns, int count, int n, int stride,
                               float *w);

/* Test hook: choose the kernel variant (index into sc_gemv_fixed_variants) used by
 * the handle's updates; SC_ERR_RANGE for a bad index. */
sc_status sc_hop_use_variant(sc_hopfield net, int variant);
/* Test hooks: turn the incremental sweeps on or off; the network behind a
 * handle (NULL if stale), to read hd and the counters. */
sc_status sc_hop_use_incremental(sc_hopfield net, int on);
sc_hop_net *sc_hop_peek(sc_hopfield net);

#endif
