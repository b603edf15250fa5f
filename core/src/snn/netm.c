/* net.m (Izhikevich 2003) in double precision, statement for statement:
 *   re = rand(Ne,1); ri = rand(Ni,1);
 *   a = [0.02*ones(Ne,1); 0.02+0.08*ri]; b = [0.2*ones(Ne,1); 0.25-0.05*ri];
 *   c = [-65+15*re.^2; -65*ones(Ni,1)]; d = [8-6*re.^2; 2*ones(Ni,1)];
 *   S = [0.5*rand(Ne+Ni,Ne), -rand(Ne+Ni,Ni)]; v = -65; u = b.*v;
 *   for t: I = [5*randn(Ne,1); 2*randn(Ni,1)]; fired = find(v>=30);
 *     v(fired) = c(fired); u(fired) += d(fired); I += sum(S(:,fired),2);
 *     v += 0.5*(0.04v^2+5v+140-u+I) twice; u += a.*(b.*v-u);
 * Scales, noise amplitudes and heterogeneity are the parameters. */
#include <stddef.h>
#include "snn_internal.h"

void sc_snn_draw(const sc_snn_params *p, sc_snn_streams *st, double *a, double *b, double *c, double *d,
                 sc_snn_weight_fn put, void *ctx)
{
    const int ne = p->ne, n = p->ne + p->ni;
    sc_snn_streams_seed(st, p->seed);
    for (int i = 0; i < ne; i++) {
        double r = sc_snn_rand(st);
        if (!p->heterogeneity) r = 0.0;
        a[i] = 0.02;
        b[i] = 0.2;
        c[i] = -65.0 + 15.0 * (r * r);
        d[i] = 8.0 - 6.0 * (r * r);
    }
    for (int i = ne; i < n; i++) {
        double r = sc_snn_rand(st);
        if (!p->heterogeneity) r = 0.0;
        a[i] = 0.02 + 0.08 * r;
        b[i] = 0.25 - 0.05 * r;
        c[i] = -65.0;
        d[i] = 2.0;
    }
    if (!put) return; /* a sparse network draws its own weights next */
    for (int j = 0; j < n; j++) {
        double scale = j < ne ? p->exc_scale : -p->inh_scale;
        for (int i = 0; i < n; i++) put(ctx, i, j, scale * sc_snn_rand(st));
    }
}

static void put_double(void *ctx, int i, int j, double w)
{
    sc_snn_net *net = ctx;
    net->S[(size_t)j * net->n + i] = w;
}

void sc_snn_net_redraw(sc_snn_net *net)
{
    sc_snn_streams own;
    sc_snn_draw(&net->p, &own, net->a, net->b, net->c, net->d, put_double, net);
}

void sc_snn_net_init(sc_snn_net *net)
{
    const int n = net->n;
    sc_snn_draw(&net->p, &net->st, net->a, net->b, net->c, net->d, put_double, net);
    for (int i = 0; i < n; i++) {
        net->v[i] = -65.0;
        net->u[i] = net->b[i] * net->v[i];
    }
    net->t = 0;
}

int sc_snn_net_step(sc_snn_net *net)
{
    const sc_snn_params *p = &net->p;
    int n = net->n, ne = p->ne, nf = 0;
    double *v = net->v, *u = net->u, *I = net->I;
    for (int i = 0; i < n; i++) I[i] = (i < ne ? p->noise_exc : p->noise_inh) * sc_snn_randn(&net->st);
    for (int i = 0; i < n; i++)
        if (v[i] >= 30.0) net->fired[nf++] = i;
    for (int k = 0; k < nf; k++) {
        int j = net->fired[k];
        v[j] = net->c[j];
        u[j] += net->d[j];
    }
    /* I = I + sum(S(:,fired),2): the row sums over the fired columns (in
     * order, from 0) first, then added to I, as MATLAB evaluates it. */
    double *sum = net->sum;
    for (int i = 0; i < n; i++) sum[i] = 0.0;
    for (int k = 0; k < nf; k++) {
        const double *col = net->S + (size_t)net->fired[k] * n;
        for (int i = 0; i < n; i++) sum[i] += col[i];
    }
    for (int i = 0; i < n; i++) I[i] += sum[i];
    for (int i = 0; i < n; i++) {
        v[i] = v[i] + 0.5 * (0.04 * v[i] * v[i] + 5.0 * v[i] + 140.0 - u[i] + I[i]);
        v[i] = v[i] + 0.5 * (0.04 * v[i] * v[i] + 5.0 * v[i] + 140.0 - u[i] + I[i]);
        u[i] = u[i] + net->a[i] * (net->b[i] * v[i] - u[i]);
    }
    net->t++;
    return nf;
}
