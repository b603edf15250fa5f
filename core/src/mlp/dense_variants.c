/* The one list of the online step's kernels (and the tanh of every pass):
 * online.c and bp.c use the last entry,
 * the native test compares them all with the scalar reference. */
#include "dense.h"

const mlp_dense_variant mlp_dense_variants[] = {
    {"scalar", mlp_fields_scalar, mlp_backprop_scalar, mlp_tanh_scalar},
#if SC_HAVE_SIMD
    {"simd", mlp_fields_simd, mlp_backprop_simd, mlp_tanh_simd},
#endif
};
const int mlp_dense_variant_count = (int)(sizeof mlp_dense_variants / sizeof mlp_dense_variants[0]);
