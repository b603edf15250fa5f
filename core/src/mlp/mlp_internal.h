/* The MLP area's shared state; not part of the API. */
#ifndef SIMCORE_MLP_INTERNAL_H
#define SIMCORE_MLP_INTERNAL_H

#include "simcore/mlp.h"
#include "../base/internal.h"
#include "../base/rng.h"

#define MLP_MAX_LAYERS (SC_MLP_MAX_HIDDEN + 1) /* weight layers */
#define MLP_CHUNK      256                     /* rows per forward/backward pass */

typedef struct mlp_net {
    int nlayers;                   /* weight layers L = nsizes - 1 */
    int sizes[MLP_MAX_LAYERS + 1]; /* sizes[0] inputs .. sizes[L] outputs */
    int act[MLP_MAX_LAYERS + 1];   /* act[l] of layer l = 1..L-1 (hidden) */
    sc_mlp_loss loss;
    int nw;                      /* weights + biases */
    int off[MLP_MAX_LAYERS + 1]; /* W_l starts at off[l]; its bias after it */
    int maxwidth;
    uint32_t seed;
    sc_rng rng;
    float *w, *dw, *w0; /* weights, last update (momentum), initial */
} mlp_net;

/* Scratch for up to MLP_CHUNK rows: outputs of every layer, the output
 * layer's local fields, targets and two delta buffers. */
typedef struct mlp_work {
    float *y[MLP_MAX_LAYERS + 1];
    float *v_out, *t, *d0, *d1;
    float *block;
} mlp_work;

mlp_net *mlp_get(sc_mlp net);
sc_status mlp_work_init(const mlp_net *n, mlp_work *ws);
void mlp_work_free(mlp_work *ws);
/* Forward pass of rows (<= MLP_CHUNK) already in ws->y[0]. */
void mlp_forward(const mlp_net *n, mlp_work *ws, int rows);
/* Sum over the rows of the per-sample loss against ws->t. */
double mlp_loss_sum(const mlp_net *n, const mlp_work *ws, int rows);
/* g += scale * dE/dw for the rows of the last forward pass (targets in ws->t). */
void mlp_backward(const mlp_net *n, mlp_work *ws, int rows, float scale, float *g);
/* Copies sample rows idx[0..rows) of x and t into the scratch (idx NULL: rows from first). */
void mlp_gather(const mlp_net *n, mlp_work *ws, const float *x, const float *t, const int *idx,
                int first, int rows);
sc_status mlp_check_data(const mlp_net *n, const float *x, const float *t, int count);
/* The same, naming the arrays and the count as given. */
sc_status mlp_check_named(const mlp_net *n, const float *x, const float *t, int count,
                          const char *xname, const char *tname, const char *cname);
/* Mean loss over all samples (forward passes only). */
double mlp_mean_loss(const mlp_net *n, mlp_work *ws, const float *x, const float *t, int count);
/* g = mean gradient over samples idx[first..first+m) (idx NULL: in order);
 * *loss_sum (may be NULL) gets the summed loss of those samples. */
void mlp_mean_gradient(const mlp_net *n, mlp_work *ws, const float *x, const float *t,
                       const int *idx, int first, int m, float *g, double *loss_sum);
/* Misclassified samples (sc_mlp_error_rate's rule). */
int mlp_error_count(const mlp_net *n, mlp_work *ws, const float *x, const float *t, int count);
/* dw = alpha dw - eta (g + lambda w) (decay on weights, not biases); w += dw. */
void mlp_update(mlp_net *n, const float *g, float eta, float alpha, float decay);
/* One online step (batch of one) on sample x, target t: forward, the
 * lecture's deltas through the old weights, update; fixed-order kernels
 * (dense.h), so the SIMD and scalar builds agree bit for bit. */
void mlp_online_step(mlp_net *n, mlp_work *ws, const float *x, const float *t, float eta,
                     float alpha, float decay);
void mlp_activate(int act, float *y, size_t count);
void mlp_times_derivative(int act, const float *y, float *d, size_t count);
void mlp_output(const mlp_net *n, float *y, float *v_out, int rows);

#endif
