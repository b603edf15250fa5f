/* The uniform and normal streams of the net.m mode (snn_internal.h). */
#include <math.h>
#include "snn_internal.h"

void sc_snn_streams_seed(sc_snn_streams *s, uint32_t seed)
{
    sc_rng_seed(&s->rng, seed);
    s->have_spare = 0;
    s->spare = 0.0;
}

double sc_snn_rand(sc_snn_streams *s)
{
    uint32_t hi = sc_rng_u32(&s->rng) >> 5, lo = sc_rng_u32(&s->rng) >> 6; /* 27 + 26 bits */
    return ((double)hi * 67108864.0 + (double)lo) * (1.0 / 9007199254740992.0);
}

/* Box–Muller: u1 in (0, 1] so log never sees 0. */
double sc_snn_randn(sc_snn_streams *s)
{
    if (s->have_spare) {
        s->have_spare = 0;
        return s->spare;
    }
    double u1 = 1.0 - sc_snn_rand(s), u2 = sc_snn_rand(s);
    double r = sqrt(-2.0 * log(u1)), th = 6.283185307179586 * u2;
    s->spare = r * sin(th);
    s->have_spare = 1;
    return r * cos(th);
}
