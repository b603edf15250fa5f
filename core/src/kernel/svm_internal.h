/* The SVM's internals: the kernel-row cache, the SMO solver and the
 * trained model (svm.h, docs/svm.md). */
#ifndef SIMCORE_KERNEL_SVM_INTERNAL_H
#define SIMCORE_KERNEL_SVM_INTERNAL_H

#include <stdint.h>
#include "svm_row.h"

/* Least-recently-used rows of Q, LIBSVM's Cache with fixed slots: the
 * budget buys nslots = budget / (8 l) rows of l doubles (at least 2, at
 * most l), allocated once. A row caches its first len entries (in the
 * solver's current order); svm_cache_get returns how many were there. */
typedef struct svm_cache {
    int l, nslots;
    double *slab;     /* nslots x l */
    int *slot_of;     /* row -> slot, or -1 */
    int *row_of;      /* slot -> row, or -1 */
    int *len;         /* row -> cached entries */
    int *prev, *next; /* LRU list over slots, sentinel nslots: next of it is the oldest */
} svm_cache;

sc_status svm_cache_init(svm_cache *c, int l, double budget_bytes);
void svm_cache_free(svm_cache *c);
/* Row i's storage, made the most recent; *data holds at least len entries
 * afterwards, of which the first (return value) are already computed. */
int svm_cache_get(svm_cache *c, int i, int len, double **data);
/* Rows and columns i and j exchanged (the solver's swap_index). */
void svm_cache_swap(svm_cache *c, int i, int j);

typedef struct svm_solution {
    double rho, obj;
    long iterations;
    int hit_max_iter;
} svm_solution;

typedef struct svm_solve_desc {
    svm_kernel_desc kd;
    double C, tol, cache_bytes;
    int shrinking, max_iter;
} svm_solve_desc;

/* C-SVC's dual by SMO (LIBSVM's Solver with WSS2 and shrinking): x n x d
 * row-major, y +-1 with both present; alpha (n) in [0, C] on return. */
sc_status svm_solve(const svm_solve_desc *sd, const double *x, const double *y, int n, int d,
                    double *alpha, svm_solution *si);

typedef struct svm_model {
    svm_kernel_desc kd;
    int n, d, nsv;
    int *index;   /* nsv training indices, ascending */
    double *coef; /* y_i a_i */
    double *svt;  /* the support vectors by coordinate: d x nsv */
    double *work; /* nsv scratch for a decision */
    svm_solution si;
} svm_model;

/* Trains (parameters checked by the caller) and keeps the support vectors. */
sc_status svm_fit(const double *x, const double *y, int n, int d, const svm_solve_desc *sd,
                  svm_model **out);
void svm_model_free(svm_model *m);
/* f(z) for npoints points (d each, contiguous with stride d). */
void svm_model_decision(const svm_model *m, const double *z, int npoints, double *out);
/* Checks p and resolves it into a solve descriptor (gamma > 0 even for LINEAR). */
sc_status svm_check_params(const sc_svm_params *p, svm_solve_desc *sd);
/* Checks x (n x d, finite, |x| <= SC_SVM_MAX_COORD) and y (+-1, both). */
sc_status svm_check_data(const double *x, int n, int d, const double *y);

#endif
