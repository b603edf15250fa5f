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

/* eta over the E epochs of a schedule, e = 0 .. E-1 (constant within an
 * epoch; E = 1 gives eta). By default the schedule is the call's own
 * epochs (E = epochs, e counted from 0); schedule_epochs and schedule_from
 * place the call inside a longer run, so a run split into calls (a page
 * training a few epochs per frame) anneals exactly as one call would:
 *   constant: eta(e) = eta
 *   linear:   eta(e) = eta (1 - f) + eta_end f,  f = e / (E - 1)
 *   haykin:   eta(e) = eta / (1 + e / tau),  tau = (E - 1) / (eta / eta_end - 1)
 *             (Darken & Moody's search-then-converge schedule, Haykin's
 *             learning-rate annealing, with tau chosen so eta(E-1) = eta_end;
 *             eta_end <= eta, equality gives the constant schedule).
 * Each eta(e) is computed in double in exactly that order, rounded to
 * float, then clamped between eta and eta_end (so rounding never gives 0
 * for a tiny eta_end). */
typedef enum sc_mlp_schedule {
    SC_MLP_ETA_CONSTANT = 0,
    SC_MLP_ETA_LINEAR,
    SC_MLP_ETA_HAYKIN,
    SC_MLP_SCHEDULE_COUNT
} sc_mlp_schedule;

/* What the test-set stopping rule watches. */
typedef enum sc_mlp_monitor {
    SC_MLP_MONITOR_LOSS = 0, /* the mean test loss */
    SC_MLP_MONITOR_ERROR,    /* the test error rate (sc_mlp_error_rate) */
    SC_MLP_MONITOR_COUNT
} sc_mlp_monitor;

/* Why training ended. */
typedef enum sc_mlp_stop {
    SC_MLP_STOP_EPOCHS = 0,   /* ran all epochs */
    SC_MLP_STOP_GRADIENT,     /* ||g|| < grad_tol */
    SC_MLP_STOP_ERROR_CHANGE, /* |E_av(e) - E_av(e-1)| < change_tol */
    SC_MLP_STOP_TEST,         /* patience epochs without a better test metric */
    SC_MLP_STOP_COUNT
} sc_mlp_stop;

/* Zero in every field added after decay means "off" (the original
 * behaviour). Stopping criteria (lecture 3, "Stopping Criteria"), checked
 * after every epoch e in this order, the first that holds ends training:
 *   grad_tol > 0:   the Euclidean norm of the gradient of the mean training
 *                   loss (all samples, current weights) is below grad_tol;
 *   change_tol > 0: |E_av(e) - E_av(e-1)| < change_tol, E_av the mean
 *                   training loss after epoch e, E_av(-1) the loss before
 *                   the first epoch of the call (an absolute change; Haykin
 *                   quotes 0.1-1 % of E_av per epoch as "small");
 *   patience > 0 (needs test data): the monitored test metric has not
 *                   gone strictly below its best for patience epochs; the
 *                   weights of the best epoch are restored (momentum zero). */
typedef struct sc_mlp_train_desc {
    int epochs;          /* >= 1: the budget */
    int batch;           /* 1: online; 0 or >= count: full batch; else mini-batch */
    int shuffle;         /* 0: samples in the given order; 1: a fresh permutation each epoch */
    float eta;           /* learning rate > 0 (the first epoch's) */
    float alpha;         /* momentum in [0, 1) */
    float decay;         /* L2 weight decay lambda >= 0 */
    int schedule;        /* sc_mlp_schedule */
    float eta_end;       /* linear, haykin: the last epoch's eta, > 0 (haykin: <= eta) */
    float grad_tol;      /* >= 0 */
    float change_tol;    /* >= 0 */
    int patience;        /* 0 .. SC_MLP_MAX_EPOCHS */
    int monitor;         /* sc_mlp_monitor */
    int schedule_epochs; /* E of the schedule; 0: the call's epochs */
    int schedule_from;   /* the schedule's epoch index of the call's first epoch, >= 0;
                          * schedule_from + epochs <= E when schedule_epochs > 0 */
} sc_mlp_train_desc;

/* Trains on count samples; trace[e] (ntrace = epochs) is the mean training
 * loss over all samples after epoch e. The shuffle draws from the network's
 * generator (seeded at creation, reseeded by reset). With a stopping rule,
 * entries after the last epoch run are 0; sc_mlp_fit says how many ran. */
sc_status sc_mlp_train(sc_mlp net, const float *x, const float *t, int count,
                       const sc_mlp_train_desc *desc, float *trace, int ntrace);

/* Per-epoch records of sc_mlp_fit, each n = desc->epochs floats; loss is
 * required, the others may be NULL. test_* need test data. Entries after
 * the last epoch run are 0. */
typedef struct sc_mlp_fit_trace {
    float *loss;       /* mean training loss after the epoch */
    float *test_loss;  /* mean test loss after the epoch */
    float *test_error; /* test error rate after the epoch */
    float *grad_norm;  /* ||gradient of the mean training loss|| after the epoch */
    float *eta;        /* the eta the epoch used */
    int n;
} sc_mlp_fit_trace;

typedef struct sc_mlp_fit_result {
    int epochs;          /* epochs run, 1 .. desc->epochs */
    sc_mlp_stop stopped; /* why */
    int best_epoch;      /* with test data: the epoch (0-based) of the best test metric; else -1 */
} sc_mlp_fit_result;

/* sc_mlp_train with test data (xtest, ttest: ntest samples, or ntest = 0
 * and NULL) for the test-set rule and records. */
sc_status sc_mlp_fit(sc_mlp net, const float *x, const float *t, int count, const float *xtest,
                     const float *ttest, int ntest, const sc_mlp_train_desc *desc,
                     const sc_mlp_fit_trace *trace, sc_mlp_fit_result *result);

/* Fraction of the samples misclassified: with one output, the sign of the
 * output against the sign of the target (squared error) or both against
 * 0.5 (cross-entropy); with several outputs, the first largest output
 * against the first largest target. */
sc_status sc_mlp_error_rate(sc_mlp net, const float *x, const float *t, int count, double *rate);

/* Preprocessing fitted on a training set (lecture 3, "Data Preprocess":
 * mean zero, decorrelation, variance equalisation): z = M (x - m) for
 * count x dim samples x. flags combine:
 *   SC_MLP_PRE_CENTRE:      m = the mean (else m = 0);
 *   SC_MLP_PRE_DECORRELATE: rows of M along the eigenvectors of the
 *                           covariance C = 1/count sum (x - mean)(x - mean)^T,
 *                           largest eigenvalue first (PCA), each with its
 *                           largest-magnitude component positive;
 *   SC_MLP_PRE_EQUALISE:    unit variance per output: with DECORRELATE row k
 *                           scaled by 1/sqrt(lambda_k) (PCA whitening, then
 *                           cov(z) = I), else M = diag(1/sigma_k).
 * A direction whose variance is at most 1e-12 of the largest (or exactly 0)
 * is not scaled up: with EQUALISE its row is zero (whitening) or its scale 1.
 * Statistics in double; mean: dim floats, matrix: dim x dim row-major
 * (identity when neither DECORRELATE nor EQUALISE). The eigenvectors come
 * from a Jacobi SVD of C: O(dim^3) per sweep, seconds for dim ~ 800. */
#define SC_MLP_PRE_CENTRE      1
#define SC_MLP_PRE_DECORRELATE 2
#define SC_MLP_PRE_EQUALISE    4
#define SC_MLP_PRE_WHITEN      7
sc_status sc_mlp_preprocess_fit(const float *x, int count, int dim, int flags, float *mean,
                                float *matrix);
/* out (count x dim; may be x itself) = M (x - m), accumulated in double. */
sc_status sc_mlp_preprocess_apply(const float *mean, const float *matrix, int dim, const float *x,
                                  int count, float *out);

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
/* iopt: epochs, batch, shuffle, schedule, patience, monitor, want_grad_norm,
 * schedule_epochs, schedule_from (9); ropt: eta, alpha, decay, eta_end, grad_tol, change_tol (6); trace:
 * 5 rows of epochs floats (loss, test loss, test error, gradient norm (0
 * unless wanted or grad_tol > 0), eta); result: epochs run, stop reason,
 * best epoch (3). */
SC_API int sc_flat_mlp_fit(uint32_t id, const float *x, const float *t, int count,
                           const float *xtest, const float *ttest, int ntest, const int *iopt,
                           int niopt, const double *ropt, int nropt, float *trace, int ntrace,
                           int *result, int nresult);
SC_API int sc_flat_mlp_error_rate(uint32_t id, const float *x, const float *t, int count,
                                  double *rate);
/* nmean = dim, nmatrix = dim * dim; nout = count * dim. */
SC_API int sc_flat_mlp_preprocess_fit(const float *x, int count, int dim, int flags, float *mean,
                                      int nmean, float *matrix, int nmatrix);
SC_API int sc_flat_mlp_preprocess_apply(const float *mean, int nmean, const float *matrix,
                                        int nmatrix, int dim, const float *x, int count,
                                        float *out, int nout);
SC_API int sc_flat_mlp_double_moon(int n, double r, double w, double d, uint32_t seed, float *x,
                                   int8_t *y);

#endif
