/* Multilayer perceptrons trained by back-propagation (lecture 3; Haykin,
 * Neural Networks and Learning Machines, ch. 4). docs/mlp.md.
 *
 * Conventions:
 *   layer l has local fields v = W_l y_{l-1} + b_l and outputs y_l = phi_l(v);
 *   weights are stored layer by layer, W_l (units_l x units_{l-1}, row-major)
 *   then b_l, in that order: this is the flat order of get/set_weights and
 *   of the gradient;
 *   losses per sample: squared error E = 1/2 sum_k e_k^2 with e = t - y
 *   (Haykin), binary cross-entropy -sum_k [t ln y + (1-t) ln(1-y)], softmax
 *   cross-entropy -sum_k t_k ln y_k; a batch's loss is the mean over samples;
 *   every output/loss pair gives the output delta delta = t - y;
 *   update (the lecture's generalized delta rule):
 *     dw(n) = alpha dw(n-1) + eta (delta y - lambda w),  w(n+1) = w(n) + dw(n),
 *   with delta y averaged over the batch and lambda the L2 decay;
 *   initialisation: every weight and bias uniform in [-a, a], a = sqrt(3/m),
 *   m = fan-in + 1 (the bias is a synapse), so each weight has variance 1/m
 *   and, for inputs of unit variance, the local fields have variance about 1:
 *   the transition of the activation (lecture 3, "Init"; Haykin sec. 4.6).
 *
 * Targets are count x outputs floats: +-1 or any value for squared error,
 * values in [0, 1] for binary cross-entropy, rows that are probability
 * vectors (one-hot for class labels) for softmax.
 *
 * Networks are pool handles (zero is null; a destroyed handle gives
 * SC_ERR_HANDLE). Not thread-safe. */
#ifndef SIMCORE_MLP_H
#define SIMCORE_MLP_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

typedef struct sc_mlp {
    uint32_t id;
} sc_mlp;

typedef enum sc_mlp_activation {
    SC_MLP_LOGISTIC = 0, /* 1 / (1 + e^-v)                  */
    SC_MLP_TANH,         /* tanh v                           */
    SC_MLP_RELU,         /* max(0, v)                        */
    SC_MLP_LEAKY_RELU,   /* v > 0 ? v : 0.01 v               */
    SC_MLP_LINEAR,       /* v                                */
    SC_MLP_ACTIVATION_COUNT
} sc_mlp_activation;

typedef enum sc_mlp_loss {
    SC_MLP_MSE = 0,    /* linear output, squared error        */
    SC_MLP_BCE,        /* logistic output, binary cross-entropy */
    SC_MLP_SOFTMAX_CE, /* softmax output, cross-entropy (>= 2 outputs) */
    SC_MLP_LOSS_COUNT
} sc_mlp_loss;

#define SC_MLP_LEAKY_SLOPE 0.01f

/* sizes[0] inputs, sizes[1..nsizes-2] hidden units, sizes[nsizes-1]
 * outputs (2 <= nsizes <= SC_MLP_MAX_HIDDEN + 2); act[nsizes-2] the hidden
 * layers' activations (NULL allowed when there is no hidden layer). The
 * initial weights come from seed and are kept for sc_mlp_reset. */
sc_status sc_mlp_create(const int *sizes, int nsizes, const sc_mlp_activation *act,
                        sc_mlp_loss loss, uint32_t seed, sc_mlp *out);
sc_status sc_mlp_destroy(sc_mlp net);
/* Number of weights (and biases) of the flat vector. */
sc_status sc_mlp_weight_count(sc_mlp net, int *count);
/* Back to the initial weights; momentum zero. */
sc_status sc_mlp_reset(sc_mlp net);
/* n must equal the weight count. set also zeroes the momentum. */
sc_status sc_mlp_get_weights(sc_mlp net, float *w, int n);
sc_status sc_mlp_set_weights(sc_mlp net, const float *w, int n);

/* out (count x outputs, n exactly that) = the network's outputs for x
 * (count x inputs). */
sc_status sc_mlp_predict(sc_mlp net, const float *x, int count, float *out, int n);
/* The decision map: outputs at the nx x ny grid points (x0 + i (x1-x0)/(nx-1),
 * y0 + j (y1-y0)/(ny-1)), row j after row j-1; needs 2 inputs. n = nx ny outputs. */
sc_status sc_mlp_predict_grid(sc_mlp net, float x0, float x1, float y0, float y1, int nx, int ny,
                              float *out, int n);
/* Mean loss over the samples (no decay term). */
sc_status sc_mlp_loss_value(sc_mlp net, const float *x, const float *t, int count, double *loss);
/* Gradient of that mean loss with respect to the flat weights (n = weight count). */
sc_status sc_mlp_gradient(sc_mlp net, const float *x, const float *t, int count, float *g, int n);

typedef struct sc_mlp_train_desc {
    int epochs;  /* >= 1 */
    int batch;   /* 1: online; 0 or >= count: full batch; else mini-batch */
    int shuffle; /* 0: samples in the given order; 1: a fresh permutation each epoch */
    float eta;   /* learning rate > 0 */
    float alpha; /* momentum in [0, 1) */
    float decay; /* L2 weight decay lambda >= 0 */
} sc_mlp_train_desc;

/* Trains on count samples; trace[e] (ntrace = epochs) is the mean training
 * loss over all samples after epoch e. The shuffle draws from the network's
 * generator (seeded at creation, reseeded by reset). */
sc_status sc_mlp_train(sc_mlp net, const float *x, const float *t, int count,
                       const sc_mlp_train_desc *desc, float *trace, int ntrace);

/* Haykin's double moon (sec. 1.6, 4.7): n points (x: 2n floats, y: n labels),
 * upper moon (label +1) centred at (0, 0), lower (label -1) centred at
 * (r, -d) and mirrored; points uniform in area over each half-annulus of
 * radii r -+ w/2; labels alternate +1, -1 starting with +1. 0 < w < 2r. */
sc_status sc_mlp_double_moon(int n, float r, float w, float d, uint32_t seed, float *x, int8_t *y);

/* Flat twins: handles as ids, enums as ints, reals as doubles (checked for
 * finiteness before narrowing). info: {inputs, outputs, layers (nsizes),
 * weight count}. */
SC_API int sc_flat_mlp_create(const int *sizes, int nsizes, const int *act, int nact, int loss,
                              uint32_t seed, uint32_t *id);
SC_API int sc_flat_mlp_destroy(uint32_t id);
SC_API int sc_flat_mlp_info(uint32_t id, int *info, int ninfo);
SC_API int sc_flat_mlp_reset(uint32_t id);
SC_API int sc_flat_mlp_get_weights(uint32_t id, float *w, int n);
SC_API int sc_flat_mlp_set_weights(uint32_t id, const float *w, int n);
SC_API int sc_flat_mlp_predict(uint32_t id, const float *x, int count, float *out, int n);
SC_API int sc_flat_mlp_predict_grid(uint32_t id, double x0, double x1, double y0, double y1,
                                    int nx, int ny, float *out, int n);
SC_API int sc_flat_mlp_loss(uint32_t id, const float *x, const float *t, int count, double *loss);
SC_API int sc_flat_mlp_gradient(uint32_t id, const float *x, const float *t, int count, float *g,
                                int n);
SC_API int sc_flat_mlp_train(uint32_t id, const float *x, const float *t, int count, int epochs,
                             int batch, int shuffle, double eta, double alpha, double decay,
                             float *trace, int ntrace);
SC_API int sc_flat_mlp_double_moon(int n, double r, double w, double d, uint32_t seed, float *x,
                                   int8_t *y);

#endif
