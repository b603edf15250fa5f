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
    free(f->start);
    free(f->target);
    free(f->weight);
    free(f->mark);
    free(f->inputs);
    free(f);
}

sc_snn_fast *sc_snn_fast_create(const sc_snn_params *p)
{
    sc_snn_fast *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    const int n = p->ne + p->ni;
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
    f->draw = malloc((size_t)4 * n * sizeof(double));
    int ok = f->a && f->b && f->c && f->d && f->amp && f->v && f->u && f->I && f->sum && f->draw;
    if (p->in_degree) {
        const size_t edges = (size_t)n * (size_t)p->in_degree;
        f->start = malloc((size_t)(n + 1) * sizeof(int));
        f->target = malloc(edges * sizeof(int));
        f->weight = malloc(edges * sizeof(float));
        f->mark = calloc((size_t)n, sizeof(int));
        f->inputs = calloc((size_t)p->in_degree, sizeof(int));
        ok = ok && f->start && f->target && f->weight && f->mark && f->inputs;
    } else {
        f->S = aligned_alloc(16, (size_t)n * (size_t)np * sizeof(float));
        ok = ok && f->S;
    }
    if (!ok) {
        sc_snn_fast_free(f);
        return NULL;
    }
    return f;
}

/* k distinct neurons of [lo, lo + m) by Floyd's algorithm (each k-subset
 * equally likely), marked with stamp in mark, written to out in the order
 * drawn. */
static int pick(sc_snn_streams *st, int *mark, int stamp, int lo, int m, int k, int *out)
{
    for (int j = m - k; j < m; j++) {
        int t = (int)(sc_snn_rand(st) * (j + 1)); /* uniform in 0..j */
        if (t > j) t = j;
        if (mark[lo + t] == stamp) t = j;
        mark[lo + t] = stamp;
        *out++ = lo + t;
    }
    return k;
}

/* The sparse coupling (snn.h, in_degree): per post-synaptic neuron i, k_e
 * excitatory and k_i inhibitory inputs with uniform weights. Two passes over
 * the same stream: the first counts each neuron's outputs, the second fills
 * the lists (so no n k scratch), targets in increasing order. */
static void draw_sparse(sc_snn_fast *f, const sc_snn_params *p, sc_snn_streams *st)
{
    const int n = f->n, k = p->in_degree;
    int ke = (int)((double)k * p->ne / n + 0.5), ki;
    if (ke > p->ne) ke = p->ne;
    ki = k - ke;
    if (ki > p->ni) ki = p->ni, ke = k - ki;
    /* net.m's 800 excitatory and 200 inhibitory inputs, as k_e and k_i larger ones */
    const double we = ke ? p->exc_scale * 800.0 / ke : 0.0, wi = ki ? p->inh_scale * 200.0 / ki : 0.0;
    const sc_snn_streams saved = *st;
    for (int j = 0; j <= n; j++) f->start[j] = 0;
    for (int i = 0; i < n; i++) f->mark[i] = 0;
    for (int pass = 0; pass < 2; pass++) {
        *st = saved;
        for (int i = 0; i < n; i++) f->mark[i] = 0;
        for (int i = 0; i < n; i++) {
            int *in = f->inputs;
            const int stamp = 2 * i + 1;
            int m = pick(st, f->mark, stamp, 0, p->ne, ke, in);
            m += pick(st, f->mark, stamp + 1, p->ne, p->ni, ki, in + m);
            for (int e = 0; e < m; e++) {
                const double w = e < ke ? we * sc_snn_rand(st) : -wi * sc_snn_rand(st);
                const int j = in[e];
                if (pass == 0) {
                    f->start[j + 1]++;
                } else {
                    const int at = f->start[j]++;
                    f->target[at] = i;
                    f->weight[at] = (float)w;
                }
            }
        }
        if (pass == 0) { /* counts -> starts; pass 2 uses start[] as cursors */
            for (int j = 0; j < n; j++) f->start[j + 1] += f->start[j];
        } else {
            for (int j = n; j > 0; j--) f->start[j] = f->start[j - 1]; /* cursors ended at the next start */
            f->start[0] = 0;
        }
    }
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

void sc_snn_fast_draw(sc_snn_fast *f, const sc_snn_params *p, sc_snn_streams *st)
{
    const int n = f->n, np = f->n_pad;
    for (int j = 0; f->S && j < n; j++) /* weights onto the pad lanes: none */
        for (int i = n; i < np; i++) f->S[(size_t)j * np + i] = 0.0f;
    double *abcd = f->draw; /* net.m's parameters in double, then rounded */
    sc_snn_draw(p, st, abcd, abcd + n, abcd + 2 * n, abcd + 3 * n, f->S ? put_float : NULL, f);
    if (!f->S) draw_sparse(f, p, st);
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
    }
}

void sc_snn_fast_init(sc_snn_fast *f, const sc_snn_params *p, sc_snn_streams *st)
{
    sc_snn_fast_draw(f, p, st);
    for (int i = 0; i < f->n_pad; i++) {
        f->v[i] = -65.0f;
        f->u[i] = f->b[i] * f->v[i];
        f->I[i] = 0.0f;
    }
    sc_snn_rng4_seed(&f->rng, p->seed);
}
