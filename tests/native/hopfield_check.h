/* Helpers shared by the Hopfield tests: random ±1 patterns, a network that
 * must be created, its energy. */
#ifndef SIMCORE_TESTS_HOPFIELD_CHECK_H
#define SIMCORE_TESTS_HOPFIELD_CHECK_H

#include <math.h>
#include "check.h"
#include "simcore/hopfield.h"

static inline void random_pm1(int8_t *x, size_t len, uint32_t *seed)
{
    for (size_t i = 0; i < len; i++) x[i] = (check_rand_u32(seed) >> 7) & 1 ? 1 : -1;
}

static inline sc_hopfield make(int n)
{
    sc_hopfield h;
    CHECK(sc_hopfield_create(n, &h) == SC_OK, "create(%d)", n);
    return h;
}

static inline double energy(sc_hopfield h)
{
    double e = NAN;
    CHECK(sc_hopfield_energy(h, &e) == SC_OK, "energy");
    return e;
}

#endif
