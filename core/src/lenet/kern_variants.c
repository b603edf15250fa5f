/* The one list of the lenet kernels: the networks use the last entry, the
 * native test compares them all with the scalar reference. */
#include "lenet_internal.h"

const ln_kern ln_kerns[] = {
    {"scalar", ln_conv_fwd_scalar, ln_conv_bin_scalar, ln_conv_bw_scalar, mlp_fields_scalar,
     mlp_backprop_scalar, mlp_tanh_scalar},
#if SC_HAVE_SIMD
    {"simd", ln_conv_fwd_simd, ln_conv_bin_simd, ln_conv_bw_simd, mlp_fields_simd, mlp_backprop_simd,
     mlp_tanh_simd},
#endif
};
const int ln_kern_count = (int)(sizeof ln_kerns / sizeof ln_kerns[0]);
const ln_kern *ln_kern_active = &ln_kerns[sizeof ln_kerns / sizeof ln_kerns[0] - 1];
