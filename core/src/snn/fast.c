/* The fast mode's state (fast.h): allocation, the draw of the network and
 * the seeding of its noise lanes. The step kernels are fast_scalar.c and
 * fast_simd.c. */
#include <stdlib.h>
#include "fast.h"
#include "snn_internal.h"

static float *floats(int n) { return aligned_alloc(16, (size_t)n * sizeof(float)); }

void sc_snn_fast_free(sc_snn_fast *f)
{
    if (!f) return;
    float *arrays[] = {f->a, f->b, f->c, f->d, f->amp, f->v, f->u, f->I, f->sum, f->S};
    for (size_t k = 0; k < sizeof arrays / sizeof arrays[0]; k++) free(arrays[k]);
    free(f->draw);
    free(f);
}

sc_snn_fast *sc_snn_fast_create(int n)
{
    sc_snn_fast *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->n = n;
    f->n_pad = (n + 7) & ~7;
    const int np = f->n_pad;
    f->a = floats(np);
    f->b = floats(np);
    f->c = floats(np);
    f->d = floats(np);
    f->amp = floats(np);
    f->v = floats(np);
    f->u = floats(np);
    f->I = floats(np);
    f->sum = floats(np);
    f->S = aligned_alloc(16, (size_t)n * (size_t)np * sizeof(float));
    f->draw = malloc((size_t)4 * n * sizeof(double));
    if (!f->a || !f->b || !f->c || !f->d || !f->amp || !f->v || !f->u || !f->I || !f->sum || !f->S || !f->draw) {
        sc_snn_fast_free(f);
        return NULL;
    }
    return f;
}

static void put_float(void *ctx, int i, int j, double w)
{
    sc_snn_fast *f = ctx;
    f->S[(size_t)j * f->n_pad + i] = (float)w;
}

/* splitmix32 (a Weyl sequence through an avalanche), to spread one seed
 * over the sixteen state words. */
static uint32_t splitmix32(uint32_t *x)
{
    uint32_t z = (*x += 0x9e3779b9u);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    return z ^ (z >> 16);
}

void sc_snn_rng4_seed(sc_snn_rng4 *r, uint32_t seed)
{
    uint32_t x = seed;
    for (int l = 0; l < 4; l++) {
        for (int w = 0; w < 4; w++) r->s[w][l] = splitmix32(&x);
        if (!(r->s[0][l] | r->s[1][l] | r->s[2][l] | r->s[3][l])) r->s[0][l] = 1; /* xoshiro's one bad state */
    }
}

void sc_snn_fast_init(sc_snn_fast *f, const sc_snn_params *p, sc_snn_streams *st)
{
    const int n = f->n, np = f->n_pad;
    for (int j = 0; j < n; j++) /* weights onto the pad lanes: none */
        for (int i = n; i < np; i++) f->S[(size_t)j * np + i] = 0.0f;
    double *abcd = f->draw; /* net.m's parameters in double, then rounded */
    sc_snn_draw(p, st, abcd, abcd + n, abcd + 2 * n, abcd + 3 * n, put_float, f);
    for (int i = 0; i < n; i++) {
        f->a[i] = (float)abcd[i];
        f->b[i] = (float)abcd[n + i];
        f->c[i] = (float)abcd[2 * n + i];
        f->d[i] = (float)abcd[3 * n + i];
    }
    for (int i = 0; i < np; i++) {
        if (i >= n) { /* pad lanes: neuron 0's parameters, no noise */
            f->a[i] = f->a[0];
            f->b[i] = f->b[0];
            f->c[i] = f->c[0];
            f->d[i] = f->d[0];
        }
        f->amp[i] = i >= n ? 0.0f : (float)(i < p->ne ? p->noise_exc : p->noise_inh);
        f->v[i] = -65.0f;
        f->u[i] = f->b[i] * f->v[i];
        f->I[i] = 0.0f;
    }
    sc_snn_rng4_seed(&f->rng, p->seed);
}
