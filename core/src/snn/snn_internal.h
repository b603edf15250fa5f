/* The snn area's network state and its streams. Not part of the API. */
#ifndef SIMCORE_SNN_INTERNAL_H
#define SIMCORE_SNN_INTERNAL_H

#include "simcore/snn.h"
#include "../base/rng.h"

/* The two streams net.m draws from, on the core's PCG32:
 * rand: 53-bit uniform in [0, 1) from two u32 draws;
 * randn: Box–Muller on two rand draws, both outputs used in turn. */
typedef struct sc_snn_streams {
    sc_rng rng;
    int have_spare;
    double spare;
} sc_snn_streams;

void sc_snn_streams_seed(sc_snn_streams *s, uint32_t seed);
double sc_snn_rand(sc_snn_streams *s);
double sc_snn_randn(sc_snn_streams *s);

typedef struct sc_snn_net {
    sc_snn_params p;
    int n;
    double *a, *b, *c, *d; /* per neuron */
    double *S;             /* n*n, column-major as MATLAB: S[j*n + i] = S(i, j) */
    double *v, *u, *I, *sum;
    int *fired; /* indices that fired this step */
    sc_snn_streams st;
    long long t;              /* steps done (ms) */
    struct sc_snn_fast *fast; /* the fast mode's state (fast.h), or NULL for net.m's */
} sc_snn_net;

/* net.m's draws from p->seed, in its order: a, b, c, d (n each), then the
 * weights S(i, j) column by column, each passed to put (put NULL: no
 * weights drawn). Both modes use it, so a seed gives one network whatever
 * the mode. */
typedef void (*sc_snn_weight_fn)(void *ctx, int i, int j, double w);
void sc_snn_draw(const sc_snn_params *p, sc_snn_streams *st, double *a, double *b, double *c, double *d,
                 sc_snn_weight_fn put, void *ctx);

/* Draws a, b, c, d, S (columns in order), v = -65, u = b v from the seed. */
void sc_snn_net_init(sc_snn_net *net);
/* Only a, b, c, d and S, from the seed on a stream of their own (st untouched). */
void sc_snn_net_redraw(sc_snn_net *net);
/* One net.m step at time index net->t; writes the fired indices, returns how many. */
int sc_snn_net_step(sc_snn_net *net);

#endif
