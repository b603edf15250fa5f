/* Kernel rows of the SVM: out[j - start] = K(z, x_j) for start <= j < end,
 * the points x_j stored by coordinate (xt[k * stride + j], k < d), the
 * four kernels of svm.h with LIBSVM's parameters. Each variant sums the
 * d products (or squared differences) in k ascending from +0; POLY takes
 * the power by LIBSVM's powi (repeated squaring), SIGMOID the C library's
 * tanh, so LINEAR, POLY and SIGMOID are bit-identical across variants
 * (SIMD128 has no FMA and the builds do not contract a * b + c). RBF's SIMD
 * exp is a degree-13 polynomial after the reduction x = k ln 2 + r,
 * within 1 ulp of the C library's exp (test_svm_row). Tails are exact:
 * any start and end, no padding, no reads past the arrays. */
#ifndef SIMCORE_KERNEL_SVM_ROW_H
#define SIMCORE_KERNEL_SVM_ROW_H

#include <math.h>
#include "../base/internal.h"
#include "simcore/svm.h"

typedef struct svm_kernel_desc {
    int kernel; /* sc_svm_kernel */
    int degree;
    double gamma, coef0;
} svm_kernel_desc;

typedef void (*svm_row_fn)(const svm_kernel_desc *kd, const double *xt, int stride, int d,
                           const double *z, int start, int end, double *out);

void svm_row_scalar(const svm_kernel_desc *kd, const double *xt, int stride, int d,
                    const double *z, int start, int end, double *out);
#if SC_HAVE_SIMD
void svm_row_simd(const svm_kernel_desc *kd, const double *xt, int stride, int d,
                  const double *z, int start, int end, double *out);
#endif

typedef struct svm_row_variant {
    const char *name;
    svm_row_fn row;
} svm_row_variant;

/* The one list (svm_row_variants.c): the solver and the decision use the
 * last entry, the test compares them all with the scalar reference. */
extern const svm_row_variant svm_row_variants[];
extern const int svm_row_variant_count;

/* LIBSVM's powi: base^times by repeated squaring, times >= 0. */
static inline double svm_powi(double base, int times)
{
    double tmp = base, ret = 1.0;
    for (int t = times; t > 0; t /= 2) {
        if (t % 2 == 1) ret *= tmp;
        tmp = tmp * tmp;
    }
    return ret;
}

/* The kernel's function of the dot product (LINEAR, POLY, SIGMOID) or the
 * squared distance (RBF), the scalar reference's order. */
static inline double svm_kernel_of(const svm_kernel_desc *kd, double s)
{
    switch (kd->kernel) {
    case SC_SVM_POLY:
        return svm_powi(kd->gamma * s + kd->coef0, kd->degree);
    case SC_SVM_RBF:
        return exp(-kd->gamma * s);
    case SC_SVM_SIGMOID:
        return tanh(kd->gamma * s + kd->coef0);
    default:
        return s;
    }
}

/* K(a, b) of two points stored contiguously (d values each). */
static inline double svm_kernel_pair(const svm_kernel_desc *kd, const double *a, const double *b,
                                     int d)
{
    double s = 0.0;
    if (kd->kernel == SC_SVM_RBF) {
        for (int k = 0; k < d; k++) {
            const double t = a[k] - b[k];
            s += t * t;
        }
    } else {
        for (int k = 0; k < d; k++) s += a[k] * b[k];
    }
    return svm_kernel_of(kd, s);
}

#endif
