/* LeNet-5 (LeCun, Bottou, Bengio, Haffner 1998, "Gradient-based learning
 * applied to document recognition") and a modern variant, trained on
 * 28 x 28 digit images. docs/lenet.md.
 *
 * Networks (single channel 32 x 32 input: the 28 x 28 image padded by 2):
 *   SC_LENET_1998: pixels mapped to [-0.1, 1.175] (background -0.1), C1 6@28x28
 *     (5x5) -> S2 6@14x14 (2x2 sum x coefficient + bias) -> C3 16@10x10 (5x5,
 *     Table 1's connections) -> S4 16@5x5 -> C5 120 (5x5 over all 16 maps, a
 *     fully connected layer on 400 inputs) -> F6 84 -> 10 Euclidean RBF units
 *     y_i = sum_j (x_j - c_ij)^2 with fixed +-1 codes (7 x 12 bitmaps);
 *     squashing f(a) = 1.7159 tanh(2/3 a) after C1, S2, C3, S4, C5, F6;
 *     weights uniform in +-2.4 / fan-in; loss: MLE (the correct class's RBF
 *     output) or MAP (eq. 9, j = 1); online SGD (batch 1).
 *   SC_LENET_MODERN: pixels in [0, 1], padding 0; C1 6 (5x5) ReLU -> 2x2 max
 *     pool -> C3 16 (5x5, every S2 map) ReLU -> max pool -> FC 120 ReLU ->
 *     FC 84 ReLU -> FC 10 -> softmax cross-entropy; weights uniform in
 *     +-sqrt(6 / fan-in), biases 0; mini-batch SGD with momentum 0.9.
 *
 * Weights are float32, stored layer by layer (weights then biases; a
 * convolution's kernels in the order output map, connected input map
 * ascending, row, column), the flat order of get/set_weights.
 *
 * Scores (predict): minus the RBF outputs for SC_LENET_1998, the softmax
 * probabilities for SC_LENET_MODERN; the predicted class is the argmax
 * (lowest index on ties).
 *
 * Networks are pool handles (zero is null). Not thread-safe. */
#ifndef SIMCORE_LENET_H
#define SIMCORE_LENET_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

typedef struct sc_lenet {
    uint32_t id;
} sc_lenet;

typedef enum sc_lenet_variant {
    SC_LENET_1998 = 0,
    SC_LENET_MODERN,
    SC_LENET_VARIANT_COUNT
} sc_lenet_variant;

typedef enum sc_lenet_loss {
    SC_LENET_LOSS_DEFAULT = 0, /* MLE for 1998, softmax CE for modern */
    SC_LENET_LOSS_MLE,         /* 1998 only */
    SC_LENET_LOSS_MAP,         /* 1998 only: eq. 9 with j = 1 */
    SC_LENET_LOSS_COUNT
} sc_lenet_loss;

#define SC_LENET_PIXELS  784 /* 28 x 28 bytes per image */
#define SC_LENET_CLASSES 10

sc_status sc_lenet_create(sc_lenet_variant variant, uint32_t seed, sc_lenet *out);
sc_status sc_lenet_destroy(sc_lenet net);
/* The number of weights (get/set_weights). */
sc_status sc_lenet_weight_count(sc_lenet net, int *count);
sc_status sc_lenet_get_weights(sc_lenet net, float *w, int nw);
/* Every value finite and |w| <= SC_LENET_MAX_WEIGHT; momentum is cleared. */
sc_status sc_lenet_set_weights(sc_lenet net, const float *w, int nw);

/* One pass over count images (count x 784 bytes) and labels (0..9) in an
 * order drawn from the net's generator. lr > 0 is the learning rate;
 * lr = 0 picks the default: for SC_LENET_1998 the paper's per-pass
 * schedule (sc_lenet_schedule) for the net's pass number times
 * SC_LENET_1998_LR_SCALE, for SC_LENET_MODERN 0.01. batch: samples per
 * update (1 = online; 0 = 1 for 1998, 32 for modern). loss_out (may be
 * NULL) receives the mean loss over the pass. The pass counter advances. */
sc_status sc_lenet_train_epoch(sc_lenet net, const uint8_t *images, const uint8_t *labels, int count,
                               float lr, int batch, sc_lenet_loss loss, float *loss_out);
/* count x 10 scores. */
sc_status sc_lenet_predict(sc_lenet net, const uint8_t *images, int count, float *scores, int nscores);
/* confusion[100]: row = true label, column = predicted; *errors the number
 * of misclassified images. */
sc_status sc_lenet_evaluate(sc_lenet net, const uint8_t *images, const uint8_t *labels, int count,
                            int32_t *confusion, int nconfusion, int *errors);
/* Passes trained so far. */
sc_status sc_lenet_passes(sc_lenet net, int *passes);

/* The paper's global learning rate of pass p (0-based): 5e-4 (passes
 * 0-1), 2e-4 (2-4), 1e-4 (5-7), 5e-5 (8-11), 1e-5 after. */
float sc_lenet_schedule(int pass);
/* The paper's rates are for SDLM step sizes eta / (mu + h_kk) (mu = 0.02);
 * plain SGD here multiplies them by this (chosen, not from the paper: 20
 * diverged on the native test's synthetic digits, 5 trains). */
#define SC_LENET_1998_LR_SCALE 5.0f

/* Table 1: table[o * 6 + i] = 1 if C3 map o sees S2 map i (16 x 6). */
sc_status sc_lenet_c3_table(uint8_t *table, int ntable);
/* The RBF codes, 10 x 84 values +-1 (class-major; each a 7-wide, 12-high
 * bitmap, row-major, +1 = ink). Drawn for this project: the paper's
 * bitmaps are not reproduced. */
sc_status sc_lenet_codes(float *codes, int ncodes);

/* Flat entry points for the binding. */
SC_API int sc_flat_lenet_create(int variant, uint32_t seed, uint32_t *id);
SC_API int sc_flat_lenet_destroy(uint32_t id);
SC_API int sc_flat_lenet_weight_count(uint32_t id, int *count);
SC_API int sc_flat_lenet_get_weights(uint32_t id, float *w, int nw);
SC_API int sc_flat_lenet_set_weights(uint32_t id, const float *w, int nw);
SC_API int sc_flat_lenet_train_epoch(uint32_t id, const uint8_t *images, const uint8_t *labels, int count,
                                     float lr, int batch, int loss, float *loss_out);
SC_API int sc_flat_lenet_predict(uint32_t id, const uint8_t *images, int count, float *scores, int nscores);
SC_API int sc_flat_lenet_evaluate(uint32_t id, const uint8_t *images, const uint8_t *labels, int count,
                                  int32_t *confusion, int nconfusion, int *errors);
SC_API int sc_flat_lenet_passes(uint32_t id, int *passes);
SC_API int sc_flat_lenet_c3_table(uint8_t *table, int ntable);
SC_API int sc_flat_lenet_codes(float *codes, int ncodes);

#endif
