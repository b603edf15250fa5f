/* The fast mode of the snn area: the same network as net.m (same seed ->
 * same a, b, c, d and S, drawn by netm.c's streams, then rounded to float),
 * stepped in float32 four neurons at a time, with its own normal generator
 * (docs/snn.md, "Fast mode"). Not bit for bit net.m: its noise comes from
 * other streams and its arithmetic is float. The scalar reference
 * (fast_scalar.c) and the SIMD kernel (fast_simd.c) give the same bits. */
#ifndef SIMCORE_SNN_FAST_H
#define SIMCORE_SNN_FAST_H

#include <stdint.h>

/* Four xoshiro128+ generators, one per lane: s[word][lane]. */
typedef struct sc_snn_rng4 {
    uint32_t s[4][4];
} sc_snn_rng4;

/* The float state. Arrays hold n_pad = n rounded up to 8 entries, 16-byte
 * aligned; the pad lanes are copies of neuron 0 with no noise, stepped like
 * the others and never reported. S is column-major, n_pad rows per column:
 * column j (contiguous) holds the weights from neuron j. */
typedef struct sc_snn_fast {
    int n, n_pad;
    float *a, *b, *c, *d, *amp; /* amp: noise sd per neuron */
    float *v, *u, *I, *sum;
    float *S; /* dense coupling, or NULL with the sparse lists: */
    /* Sparse: the outputs of neuron j are target[start[j] .. start[j+1]-1]
     * with weight[...], targets increasing. */
    int *start, *target;
    float *weight;
    int *mark, *inputs; /* n and k: scratch of the sparse draw */
    double *draw;       /* 4 n doubles: a, b, c, d as drawn, before rounding */
    sc_snn_rng4 rng;
} sc_snn_fast;

struct sc_snn_params;
struct sc_snn_streams;
/* Allocates the state of p's network (NULL when memory runs out); init
 * draws it from p->seed (netm.c's sc_snn_draw, so the same network as the
 * net.m mode), sets v = -65, u = b v and seeds the noise. */
sc_snn_fast *sc_snn_fast_create(const struct sc_snn_params *p);
void sc_snn_fast_init(sc_snn_fast *f, const struct sc_snn_params *p, struct sc_snn_streams *st);
/* The drawn part of init: weights, a, b, c, d and the noise amplitudes (not v, u, I or the noise lanes). */
void sc_snn_fast_draw(sc_snn_fast *f, const struct sc_snn_params *p, struct sc_snn_streams *st);
void sc_snn_fast_free(sc_snn_fast *f);

/* Seeds the four lanes from one seed (splitmix32 per lane, never all zero). */
void sc_snn_rng4_seed(sc_snn_rng4 *r, uint32_t seed);

/* One 1 ms step (net.m's order: fired = v >= 30 before the update; reset;
 * I = noise + sum of the fired columns; two 0.5 ms half steps of v; u from
 * the new v). Writes the fired indices (increasing) to fired, returns how
 * many. */
typedef int (*sc_snn_fast_step_fn)(sc_snn_fast *net, int *fired);
int sc_snn_fast_step_scalar(sc_snn_fast *net, int *fired);
int sc_snn_fast_step_simd(sc_snn_fast *net, int *fired);

/* sum = the summed weights of the fired neurons' outputs (sparse; dense
 * columns are summed in the kernels). The same loop in both kernels, in the
 * same order, so the bits agree. */
static inline void sc_snn_fast_scatter(const sc_snn_fast *f, const int *fired, int nf, float *sum)
{
    for (int k = 0; k < nf; k++) {
        const int j = fired[k];
        for (int e = f->start[j]; e < f->start[j + 1]; e++) sum[f->target[e]] = sum[f->target[e]] + f->weight[e];
    }
}

/* The normal generator alone, for its tests: n (a multiple of 8) normals. */
typedef void (*sc_snn_normals_fn)(sc_snn_rng4 *r, float *out, int n);
void sc_snn_normals_scalar(sc_snn_rng4 *r, float *out, int n);
void sc_snn_normals_simd(sc_snn_rng4 *r, float *out, int n);

typedef struct sc_snn_fast_variant {
    const char *name;
    sc_snn_fast_step_fn step;
    sc_snn_normals_fn normals;
} sc_snn_fast_variant;

/* The one list: the network uses the last entry, tests and benches all. */
extern const sc_snn_fast_variant sc_snn_fast_variants[];
extern const int sc_snn_fast_variant_count;

#endif
