/* k-fold cross-validated accuracy over a (C, gamma) grid (svm.h). The
 * split is stratified like LIBSVM's svm_cross_validation for classes:
 * each class's points in a seeded random order (Fisher-Yates with PCG32),
 * dealt to the folds in turn, so every fold holds about 1/k of each. */
#include <math.h>
#include <stdlib.h>
#include "svm_internal.h"
#include "../base/rng.h"

static void shuffle(sc_rng *r, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        const int j = (int)sc_rng_below(r, (uint32_t)i + 1u);
        const int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* fold[i] for every point. */
static void assign_folds(const double *y, int n, int folds, uint32_t seed, int *order, int *fold)
{
    sc_rng r;
    sc_rng_seed(&r, seed);
    int npos = 0, back = n; /* positives from the front, the others from the back */
    for (int i = 0; i < n; i++) {
        if (y[i] > 0)
            order[npos++] = i;
        else
            order[--back] = i;
    }
    shuffle(&r, order, npos);
    shuffle(&r, order + npos, n - npos);
    for (int k = 0; k < n; k++) fold[order[k]] = k % folds;
}

sc_status sc_svm_cross_validate(const double *x, int n, int d, const double *y,
                                const sc_svm_params *p, const double *C, int nC,
                                const double *gamma, int ngamma, int folds, uint32_t seed,
                                double *accuracy, int naccuracy)
{
    svm_solve_desc sd;
    sc_status st = svm_check_params(p, &sd);
    if (st == SC_OK) st = svm_check_data(x, n, d, y);
    if (st != SC_OK) return st;
    if (nC < 1 || nC > SC_SVM_MAX_GRID_PAIRS) return sc_fail(SC_ERR_SIZE, "C");
    if (ngamma < 1 || ngamma > SC_SVM_MAX_GRID_PAIRS / nC) return sc_fail(SC_ERR_SIZE, "gamma");
    if (!C) return sc_fail(SC_ERR_NULL, "C");
    if (!gamma) return sc_fail(SC_ERR_NULL, "gamma");
    for (int a = 0; a < nC; a++) {
        if (!isfinite(C[a])) return sc_fail(SC_ERR_NONFINITE, "C");
        if (!(C[a] > 0) || C[a] > SC_SVM_MAX_C) return sc_fail(SC_ERR_RANGE, "C");
    }
    for (int g = 0; g < ngamma; g++) {
        if (!isfinite(gamma[g])) return sc_fail(SC_ERR_NONFINITE, "gamma");
        if (!(gamma[g] > 0) || gamma[g] > SC_SVM_MAX_GAMMA) return sc_fail(SC_ERR_RANGE, "gamma");
    }
    if (folds < 2 || folds > SC_SVM_MAX_FOLDS || folds > n) return sc_fail(SC_ERR_SIZE, "folds");
    if (naccuracy != nC * ngamma) return sc_fail(SC_ERR_SIZE, "accuracy");
    if (!accuracy) return sc_fail(SC_ERR_NULL, "accuracy");

    int *order = malloc(sizeof(int) * (size_t)n);
    int *fold = calloc((size_t)n, sizeof(int));
    double *xt = malloc(sizeof(double) * (size_t)n * (size_t)d);
    double *yt = malloc(sizeof(double) * (size_t)n);
    if (!order || !fold || !xt || !yt) {
        st = sc_fail(SC_ERR_NOMEM, "cross-validation");
        goto done;
    }
    assign_folds(y, n, folds, seed, order, fold);
    for (int a = 0; a < nC; a++) {
        for (int g = 0; g < ngamma; g++) {
            svm_solve_desc cell = sd;
            cell.C = C[a];
            if (cell.kd.kernel != SC_SVM_LINEAR) cell.kd.gamma = gamma[g];
            int correct = 0;
            for (int k = 0; k < folds; k++) {
                int nt = 0, pos = 0;
                for (int i = 0; i < n; i++) {
                    if (fold[i] == k) continue;
                    for (int c = 0; c < d; c++) xt[(size_t)nt * (size_t)d + (size_t)c] = x[(size_t)i * (size_t)d + (size_t)c];
                    yt[nt] = y[i];
                    pos += y[i] > 0;
                    nt++;
                }
                svm_model *m = NULL;
                if (pos > 0 && pos < nt) {
                    st = svm_fit(xt, yt, nt, d, &cell, &m);
                    if (st != SC_OK) goto done;
                }
                for (int i = 0; i < n; i++) {
                    if (fold[i] != k) continue;
                    double v;
                    if (m)
                        svm_model_decision(m, x + (size_t)i * (size_t)d, 1, &v);
                    else
                        v = pos > 0 ? 1.0 : -1.0; /* one class: predict it */
                    if (!isfinite(v)) {
                        svm_model_free(m);
                        st = sc_fail(SC_ERR_OVERFLOW, "decision");
                        goto done;
                    }
                    correct += (v > 0 ? 1.0 : -1.0) == y[i];
                }
                svm_model_free(m);
            }
            accuracy[a * ngamma + g] = (double)correct / n;
        }
    }
done:
    free(order);
    free(fold);
    free(xt);
    free(yt);
    return st;
}
