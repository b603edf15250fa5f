/* The online step (batch of one) without GEMM: one sample needs
 * matrix-vector products only, and a GEMM call per layer costs its setup
 * and checks for a single row. The kernels have a fixed summation order
 * (dense.h), so an online epoch gives the same weights bit for bit in the
 * SIMD and scalar builds. The order of the lecture's BP: forward pass,
 * output delta, each hidden delta through the layer's weights before they
 * change, then that layer's update (mlp.h). */
#include "mlp_internal.h"
#include "dense.h"

#define KERNEL (&mlp_dense_variants[mlp_dense_variant_count - 1])

void mlp_online_step(mlp_net *n, mlp_work *ws, const float *x, const float *t, float eta,
                     float alpha, float decay)
{
    const mlp_dense_variant *k = KERNEL;
    const int L = n->nlayers;
    const float *in = x;
    for (int l = 1; l <= L; l++) {
        const int ni = n->sizes[l - 1], no = n->sizes[l];
        const float *w = n->w + n->off[l];
        k->fields(w, in, w + (size_t)no * ni, no, ni, ws->y[l]);
        if (l < L)
            mlp_activate(n->act[l], ws->y[l], (size_t)no);
        else
            mlp_output(n, ws->y[l], ws->v_out, 1);
        in = ws->y[l];
    }
    float *d = ws->d0, *dprev = ws->d1;
    for (int j = 0; j < n->sizes[L]; j++) d[j] = ws->y[L][j] - t[j]; /* dE/dv = -delta */
    for (int l = L; l >= 1; l--) {
        const int ni = n->sizes[l - 1], no = n->sizes[l];
        float *w = n->w + n->off[l], *dw = n->dw + n->off[l];
        const float *yin = l == 1 ? x : ws->y[l - 1];
        if (l > 1) { /* the next delta from the old weights */
            k->backprop(w, d, no, ni, dprev);
            mlp_times_derivative(n->act[l - 1], yin, dprev, (size_t)ni);
        }
        for (int j = 0; j < no; j++) {
            float *wj = w + (size_t)j * ni, *dwj = dw + (size_t)j * ni;
            for (int i = 0; i < ni; i++) {
                dwj[i] = alpha * dwj[i] - eta * (d[j] * yin[i] + decay * wj[i]);
                wj[i] += dwj[i];
            }
        }
        float *b = w + (size_t)no * ni, *db = dw + (size_t)no * ni;
        for (int j = 0; j < no; j++) {
            db[j] = alpha * db[j] - eta * (d[j] + 0.0f); /* no decay on biases; mlp_update's form */
            b[j] += db[j];
        }
        float *tmp = d;
        d = dprev;
        dprev = tmp;
    }
}
