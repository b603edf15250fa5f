/* Support vector machines: C-SVC trained by SMO with LIBSVM's second-order
 * working-set selection and shrinking (Fan, Chen and Lin 2005, JMLR 6;
 * Chang and Lin, LIBSVM). docs/svm.md.
 *
 * Conventions (LIBSVM's):
 *   n points x_i in R^d (row-major, n x d doubles), labels y_i = +1 or -1;
 *   kernels LINEAR <x,z>, POLY (gamma <x,z> + coef0)^degree,
 *   RBF exp(-gamma |x - z|^2), SIGMOID tanh(gamma <x,z> + coef0);
 *   the dual  min_a 1/2 a^T Q a - e^T a,  Q_ij = y_i y_j K(x_i, x_j),
 *   0 <= a_i <= C, y^T a = 0; its value at the solution is the objective
 *   (LIBSVM's "obj", a negative number);
 *   decision f(x) = sum_i coef_i K(x_i, x) + b with coef_i = y_i a_i over
 *   the support vectors (a_i > 0) and b = -rho (LIBSVM's rho); f > 0
 *   predicts +1, f <= 0 predicts -1 (labels as given: +1 is the positive
 *   class, where LIBSVM takes the first label it meets as positive).
 *
 * Models are pool handles (zero is null; a destroyed handle gives
 * SC_ERR_HANDLE). Not thread-safe. */
#ifndef SIMCORE_SVM_H
#define SIMCORE_SVM_H

#include <stdint.h>
#include "simcore/status.h"
#include "simcore/limits.h"

typedef struct sc_svm {
    uint32_t id;
} sc_svm;

typedef enum sc_svm_kernel { /* LIBSVM's kernel_type numbers */
                             SC_SVM_LINEAR = 0,
                             SC_SVM_POLY,
                             SC_SVM_RBF,
                             SC_SVM_SIGMOID,
                             SC_SVM_KERNEL_COUNT
} sc_svm_kernel;

/* Training parameters; coef0 = 0 is meaningful, so start from
 * sc_svm_default_params(). */
typedef struct sc_svm_params {
    int kernel;         /* sc_svm_kernel */
    double C;           /* 0 < C <= SC_SVM_MAX_C */
    double gamma;       /* POLY, RBF, SIGMOID: 0 < gamma <= SC_SVM_MAX_GAMMA (ignored by LINEAR) */
    int degree;         /* POLY: 1..SC_SVM_MAX_DEGREE */
    double coef0;       /* POLY, SIGMOID: |coef0| <= SC_SVM_MAX_COEF0 */
    double tol;         /* stopping tolerance on the maximal violation (LIBSVM's eps) */
    int shrinking;      /* 1: shrink the active set (LIBSVM's -h 1), 0: never */
    double cache_bytes; /* byte budget of the kernel-row cache */
    int max_iter;       /* 0: LIBSVM's max(10^7, 100 n) */
} sc_svm_params;

/* RBF, C = 1, gamma = 1, degree 3, coef0 0, tol 1e-3, shrinking on,
 * cache SC_SVM_DEFAULT_CACHE bytes, max_iter 0 (LIBSVM's defaults, but
 * gamma: LIBSVM's is 1/d). */
sc_svm_params sc_svm_default_params(void);

/* Trains on x (n x d, |x| <= SC_SVM_MAX_COORD, finite), y (n values of
 * +-1, both present). RANGE naming labels for another label or one class
 * only; OVERFLOW naming kernel if the kernel values are not finite. */
sc_status sc_svm_train(const double *x, int n, int d, const double *y, const sc_svm_params *p,
                       sc_svm *out);
sc_status sc_svm_destroy(sc_svm m);

/* The model's numbers: rows of SC_SVM_INFO_SIZE doubles. */
enum {
    SC_SVM_INFO_N = 0,      /* training points */
    SC_SVM_INFO_D,          /* dimension */
    SC_SVM_INFO_NSV,        /* support vectors */
    SC_SVM_INFO_B,          /* b = -rho */
    SC_SVM_INFO_OBJECTIVE,  /* the dual objective at the solution */
    SC_SVM_INFO_ITERATIONS, /* SMO steps (pairs updated) */
    SC_SVM_INFO_MAX_ITER,   /* 1 if the iteration cap stopped it before tol */
    SC_SVM_INFO_GAMMA,      /* the gamma used */
    SC_SVM_INFO_SIZE
};
sc_status sc_svm_info(sc_svm m, double *info, int ninfo);
/* The support vectors in ascending training index: index[k] and coef[k] =
 * y_i a_i (nsv each; either may be NULL). */
sc_status sc_svm_support(sc_svm m, int *index, double *coef, int nsv);
/* f(z) at npoints points z (npoints x d, row-major; d the model's). */
sc_status sc_svm_decision(sc_svm m, const double *z, int npoints, int d, double *out, int nout);
/* f on the grid x0 + i (x1 - x0) / (nx - 1), y0 + j (y1 - y0) / (ny - 1)
 * (nx, ny >= 2) of a d = 2 model: out[j * nx + i] (y outer, nout = nx ny). */
sc_status sc_svm_decision_grid(sc_svm m, double x0, double x1, int nx, double y0, double y1,
                               int ny, double *out, int nout);

/* k-fold cross-validated accuracy over every (C[a], gamma[g]) pair (the
 * other parameters from p): accuracy[a * ngamma + g] = the fraction of the
 * n points predicted correctly when their fold was held out. Folds are
 * stratified: each class is shuffled by seed (PCG32) and dealt to the folds
 * in turn, so every pair sees the same split. 2 <= folds <= n. A training
 * set of one class predicts that class. */
sc_status sc_svm_cross_validate(const double *x, int n, int d, const double *y,
                                const sc_svm_params *p, const double *C, int nC,
                                const double *gamma, int ngamma, int folds, uint32_t seed,
                                double *accuracy, int naccuracy);

/* Flat twins: handles as ids, the parameters spelled out (cache_bytes
 * a double, max_iter 0 for the default). */
SC_API int sc_flat_svm_train(const double *x, int n, int d, const double *y, int kernel, double C,
                             double gamma, int degree, double coef0, double tol, int shrinking,
                             double cache_bytes, int max_iter, uint32_t *id);
SC_API int sc_flat_svm_destroy(uint32_t id);
SC_API int sc_flat_svm_info(uint32_t id, double *info, int ninfo);
SC_API int sc_flat_svm_support(uint32_t id, int *index, double *coef, int nsv);
SC_API int sc_flat_svm_decision(uint32_t id, const double *z, int npoints, int d, double *out,
                                int nout);
SC_API int sc_flat_svm_decision_grid(uint32_t id, double x0, double x1, int nx, double y0,
                                     double y1, int ny, double *out, int nout);
SC_API int sc_flat_svm_cross_validate(const double *x, int n, int d, const double *y, int kernel,
                                      int degree, double coef0, double tol, int shrinking,
                                      double cache_bytes, int max_iter, const double *C, int nC,
                                      const double *gamma, int ngamma, int folds, uint32_t seed,
                                      double *accuracy, int naccuracy);

#endif
