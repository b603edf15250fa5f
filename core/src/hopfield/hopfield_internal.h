/* Internals of the Hopfield engine, shared by its files, the native test and
 * the native benchmark. Not part of the public API.
 *
 * Layout: the weights are n rows of `stride` floats, stride = n rounded up to
 * a multiple of SC_HOP_BLOCK, the padding columns zero; the state is kept as
 * floats +-1 (padding 0) so the local field is a plain float dot product. The
 * kernels below read whole padded rows and never look at n. */
#ifndef SIMCORE_HOPFIELD_INTERNAL_H
#define SIMCORE_HOPFIELD_INTERNAL_H

#include <stdint.h>
#include "simcore/hopfield.h"
#include "../internal.h"

#define SC_HOP_BLOCK 16 /* floats per step of the dot product (4 x f32x4) */

static inline int sc_hop_stride(int n) { return (n + SC_HOP_BLOCK - 1) & ~(SC_HOP_BLOCK - 1); }

/* ---- local-field kernels ------------------------------------------------
 * The summation order is part of the contract, so every variant returns
 * bit-identical fields: 16 partial sums acc[l] += w[j + l] * s[j + l] over
 * blocks j = 0, 16, ... (products rounded, then added: no FMA), reduced as
 *   r[l] = (acc[l] + acc[l + 4]) + (acc[l + 8] + acc[l + 12]),  l < 4,
 *   h    = (r[0] + r[2]) + (r[1] + r[3]).
 * stride is a positive multiple of SC_HOP_BLOCK; no alignment needed. */
typedef float (*sc_hop_dot_fn)(const float *w, const float *s, int stride);
/* h[i] = dot(w + i * stride, s) for i < rows. */
typedef void (*sc_hop_fields_fn)(const float *w, const float *s, int rows,
                                 int stride, float *h);

float sc_hop_dot_scalar(const float *w, const float *s, int stride);
void sc_hop_fields_scalar(const float *w, const float *s, int rows, int stride, float *h);
#if SC_HAVE_SIMD
float sc_hop_dot_simd(const float *w, const float *s, int stride);
void sc_hop_fields_simd(const float *w, const float *s, int rows, int stride, float *h);
#endif

typedef struct sc_hop_variant {
    const char *name;
    sc_hop_dot_fn dot;
    sc_hop_fields_fn fields;
} sc_hop_variant;

/* Scalar reference first, the one the engine uses by default last. */
extern const sc_hop_variant sc_hop_variants[];
extern const int sc_hop_variant_count;

/* ---- generator: PCG32 (O'Neill 2014, pcg32_random_r) ------------------- */
typedef struct sc_hop_rng {
    uint64_t state;
} sc_hop_rng;

void sc_hop_rng_seed(sc_hop_rng *r, uint32_t seed);
uint32_t sc_hop_rng_u32(sc_hop_rng *r);
/* Uniform in [0, bound), bound >= 1 (Lemire's method, unbiased). */
uint32_t sc_hop_rng_below(sc_hop_rng *r, uint32_t bound);
/* Uniform in [0, 1) with 24 random bits. */
static inline float sc_hop_rng_unit(sc_hop_rng *r) { return (float)(sc_hop_rng_u32(r) >> 8) * (1.0f / 16777216.0f); }

/* ---- a network (the pool hands out handles to these) ------------------- */
typedef struct sc_hop_net {
    int n, stride, count;      /* neurons, padded row length, stored patterns */
    float *w;                  /* n x stride */
    float *s;                  /* stride, +-1 then zeros */
    float *theta;              /* n */
    float *h;                  /* n, scratch for synchronous updates */
    float *prev, *back;        /* stride each, earlier states (cycle test) */
    int *perm;                 /* n, random order scratch */
    int8_t *patterns;          /* count x n, NULL when count == 0 */
    sc_hop_rng rng;
    const sc_hop_variant *kernel;
} sc_hop_net;

sc_status sc_hop_net_init(sc_hop_net *net, int n);
void sc_hop_net_free(sc_hop_net *net);
/* Arguments already checked. */
sc_status sc_hop_net_store(sc_hop_net *net, const int8_t *patterns, int count,
                           sc_hopfield_rule rule);
int sc_hop_net_sweep(sc_hop_net *net, sc_hopfield_mode mode, float temperature,
                     const int *order, int order_len);
void sc_hop_net_run(sc_hop_net *net, const sc_hopfield_step_desc *d, int max_sweeps,
                    sc_hopfield_run_result *r);
double sc_hop_net_energy(const sc_hop_net *net);

/* Weight rules (store.c); w is n x stride, zero on entry. */
sc_status sc_hop_hebb(const int8_t *patterns, int count, int n, int stride, float *w);
sc_status sc_hop_storkey(const int8_t *patterns, int count, int n, int stride,
                         const sc_hop_variant *k, float *w);
sc_status sc_hop_pseudoinverse(const int8_t *patterns, int count, int n, int stride,
                               float *w);

/* Test hook: choose the kernel variant (index into sc_hop_variants) used by
 * the handle's updates; SC_ERR_RANGE for a bad index. */
sc_status sc_hop_use_variant(sc_hopfield net, int variant);

#endif
