/* The one list of the SVM's kernel-row variants (svm_row.h). */
#include "svm_row.h"

const svm_row_variant svm_row_variants[] = {
    {"scalar", svm_row_scalar},
#if SC_HAVE_SIMD
    {"simd", svm_row_simd},
#endif
};
const int svm_row_variant_count = (int)(sizeof svm_row_variants / sizeof svm_row_variants[0]);
