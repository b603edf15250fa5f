/* The scalar reference of the SVM's kernel rows (svm_row.h). Built without
 * auto-vectorisation. */
#include "svm_row.h"

void svm_row_scalar(const svm_kernel_desc *kd, const double *xt, int stride, int d,
                    const double *z, int start, int end, double *out)
{
    const int rbf = kd->kernel == SC_SVM_RBF;
    for (int j = start; j < end; j++) {
        double s = 0.0;
        for (int k = 0; k < d; k++) {
            const double x = xt[(size_t)k * (size_t)stride + (size_t)j];
            if (rbf) {
                const double t = z[k] - x;
                s += t * t;
            } else {
                s += z[k] * x;
            }
        }
        out[j - start] = svm_kernel_of(kd, s);
    }
}
