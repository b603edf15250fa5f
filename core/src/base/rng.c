/* PCG32 (rng.h). */
#include "rng.h"

#define PCG_MULT 6364136223846793005ull
#define PCG_INC  1442695040888963407ull

uint32_t sc_rng_u32(sc_rng *r)
{
    const uint64_t old = r->state;
    r->state = old * PCG_MULT + PCG_INC;
    const uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
    const uint32_t rot = (uint32_t)(old >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}

/* pcg32_srandom_r with initseq fixed: state 0, step, add seed, step. */
void sc_rng_seed(sc_rng *r, uint32_t seed)
{
    r->state = 0;
    sc_rng_u32(r);
    r->state += seed;
    sc_rng_u32(r);
}

/* Lemire, "Fast random integer generation in an interval" (2019). */
uint32_t sc_rng_below(sc_rng *r, uint32_t bound)
{
    uint64_t m = (uint64_t)sc_rng_u32(r) * bound;
    uint32_t low = (uint32_t)m;
    if (low < bound) {
        const uint32_t threshold = (uint32_t)(-bound) % bound;
        while (low < threshold) {
            m = (uint64_t)sc_rng_u32(r) * bound;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}
