/* Incremental local fields for float weights (Storkey, pseudo-inverse).
 *
 * Keep hd = W s in double. W is symmetric with w_kk = 0, so when s_k changes
 * by d = +-2 every field changes by d w_jk = d w_kj: one row, O(n), instead
 * of a dot product of O(n) per update. A sweep then costs O(n) plus O(n) per
 * flip rather than O(n^2); near a fixed point almost nothing flips.
 *
 * The plain sweep decides with the float field h_ref = fl(W_i s) of the
 * kernel contract (hopfield_internal.h); this file makes exactly the same
 * decisions, so trajectories, energies and every test of the plain sweep
 * are unchanged. Error bounds, with A_i = sum_j |w_ij|, u = 2^-24 (float)
 * and U = 2^-53 (double), gamma(k, u) = k u / (1 - k u) (Higham, Accuracy
 * and Stability of Numerical Algorithms, 2nd ed., eq. 4.4, for any order):
 *  - h_ref: the products w s are exact (s = +-1 or 0); each of the 16
 *    partial sums adds stride/16 terms, then four levels of reduction, so
 *    |h_ref - h| <= gamma(stride/16 + 3, u) A_i with h the exact field.
 *  - hd after a recompute (dfields): products exact, eight partial sums of
 *    stride/8 terms, three reduction levels: gamma(stride/8 + 3, U) A_i.
 *    Each row update adds one rounded addition to every field, with the
 *    operand exact (d w) and every intermediate bounded by A_i + error, so
 *    after m updates |hd - h| <= gamma(stride/8 + 3 + m, U) A_i.
 * With b_i = 2 (gamma_f + gamma_d) A_i (the 2 covers the rounding of hd -
 * theta, of A_i itself and of b), |hd - theta| > b_i means h - theta and
 * h_ref - theta have that same sign, and h_ref >= theta is decided without
 * computing h_ref; otherwise (a near tie) h_ref is computed by the plain
 * kernel and used as is. At T > 0 the Glauber probability is monotone in h:
 * with x = hd - theta, P(x - b) <= P(h_ref - theta) <= P(x + b), and the
 * float formula the plain sweep uses is within 2^-21 of the exact P (float
 * argument, expf within 1 ulp, two roundings), so a draw u below
 * P(x - b) - MARGIN or above P(x + b) + MARGIN decides as the plain sweep
 * would; between them h_ref is computed. Fields are recomputed after
 * RESYNC updates, which keeps gamma_d below 2^-30, far under gamma_f. */
#include <math.h>
#include <stdlib.h>
#include "hopfield_internal.h"

#define RESYNC (1L << 22)
#define MARGIN 0x1p-16 /* >> 2^-21 + double rounding of P: room for a libm off by a few ulps */

static double gamma_of(double k, double u) { return k * u / (1.0 - k * u); }

void sc_hop_inc_prepare(sc_hop_net *net)
{
    free(net->hd);
    net->hd = NULL;
    net->rowabs = NULL;
    net->hd_valid = 0;
    if (net->q || net->q8) return; /* Hebb: exact integer fields already */
    const int n = net->n, stride = net->stride;
    net->hd = calloc((size_t)stride + (size_t)n, sizeof(double));
    if (!net->hd) return; /* plain sweeps: same results, slower */
    net->rowabs = net->hd + stride;
    for (int i = 0; i < n; i++) {
        const float *row = net->w + (size_t)i * stride;
        double a = 0.0;
        for (int j = 0; j < n; j++) a += fabs((double)row[j]);
        net->rowabs[i] = a;
    }
}

static void resync(sc_hop_net *net)
{
    net->kernel->dfields(net->w, net->s, net->n, net->stride, net->hd);
    net->hd_valid = 1;
    net->hd_updates = 0;
}

/* Coefficient of A_i in b_i, valid for up to `more` further updates. */
static double bound_coef(const sc_hop_net *net, long more)
{
    /* stride is a multiple of 16: the divisions are exact. */
    const int blocks16 = net->stride / 16, blocks8 = net->stride / 8;
    const double kf = blocks16 + 3, kd = blocks8 + 3 + (double)(net->hd_updates + more);
    return 2.0 * (gamma_of(kf, 0x1p-24) + gamma_of(kd, 0x1p-53));
}

static double glauber(double x, float t) { return 1.0 / (1.0 + exp(-2.0 * x / t)); }

/* The plain sweep's decision for neuron i (against the current state),
 * with the uniform draw u already taken when t > 0. */
static float decide(sc_hop_net *net, int i, float t, float u, double coef)
{
    const double x = net->hd[i] - net->theta[i], b = coef * net->rowabs[i];
    if (t == 0.0f) {
        if (x > b) return 1.0f;
        if (x < -b) return -1.0f;
    } else {
        if (u < glauber(x - b, t) - MARGIN) return 1.0f;
        if (u >= glauber(x + b, t) + MARGIN) return -1.0f;
    }
    net->fallbacks++;
    const float h = net->kernel->dot(net->w + (size_t)i * net->stride, net->s, net->stride);
    return sc_hop_decide(h, net->theta[i], t, u);
}

static void flip(sc_hop_net *net, int i, float v)
{
    const double d = (double)v - (double)net->s[i];
    sc_hop_set_raw(net, i, v);
    net->kernel->daxpy(net->hd, net->w + (size_t)i * net->stride, d, net->stride);
    net->hd_updates++;
}

int sc_hop_inc_sweep(sc_hop_net *net, sc_hopfield_mode mode, float t, const int *order, int order_len)
{
    if (!net->hd || !net->incremental) return -1;
    const int n = net->n;
    if (!net->hd_valid) {
        if (mode == SC_HOPFIELD_ASYNC && order_len < n) return -1;
        resync(net);
    }
    int flips = 0;
    if (mode == SC_HOPFIELD_SYNC) {
        /* Decide every neuron from the old state (fallbacks read it too),
         * then apply the flips. */
        const double coef = bound_coef(net, n);
        float *next = net->h;
        for (int i = 0; i < n; i++) {
            const float u = t == 0.0f ? 0.0f : sc_rng_unit(&net->rng);
            next[i] = decide(net, i, t, u, coef);
        }
        for (int i = 0; i < n; i++)
            if (next[i] != net->s[i]) {
                flip(net, i, next[i]);
                flips++;
            }
    } else {
        const double coef = bound_coef(net, order_len);
        for (int k = 0; k < order_len; k++) {
            const int i = order[k];
            const float u = t == 0.0f ? 0.0f : sc_rng_unit(&net->rng);
            const float v = decide(net, i, t, u, coef);
            if (v != net->s[i]) {
                flip(net, i, v);
                flips++;
            }
        }
    }
    if (net->hd_updates > RESYNC) net->hd_valid = 0;
    return flips;
}
