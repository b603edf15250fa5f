/* The core's random numbers: PCG32 (O'Neill 2014, the reference
 * pcg32_random_r with a fixed stream). Small, fast, and the same sequence
 * natively and in wasm, so a seeded run is reproducible everywhere. Every
 * area draws from this generator (one state per object). */
#ifndef SIMCORE_BASE_RNG_H
#define SIMCORE_BASE_RNG_H

#include <stdint.h>

typedef struct sc_rng {
    uint64_t state;
} sc_rng;

/* pcg32_srandom_r with initseq fixed. */
void sc_rng_seed(sc_rng *r, uint32_t seed);
uint32_t sc_rng_u32(sc_rng *r);
/* Uniform in [0, bound), bound >= 1 (Lemire's method, unbiased). */
uint32_t sc_rng_below(sc_rng *r, uint32_t bound);
/* Uniform in [0, 1) with 24 random bits. */
static inline float sc_rng_unit(sc_rng *r) { return (float)(sc_rng_u32(r) >> 8) * (1.0f / 16777216.0f); }

#endif
