/* The one list of fixed-order GEMV kernels (XNNPACK's pattern): the Hopfield
 * engine uses the last entry, its test and benchmark iterate them all. */
#include "gemv_fixed.h"

const sc_gemv_fixed_variant sc_gemv_fixed_variants[] = {
    {"scalar", sc_gemv_fixed_dot_scalar, sc_gemv_fixed_fields_scalar, sc_gemv_fixed_qdot_scalar, sc_gemv_fixed_qfields_scalar,
     sc_gemv_fixed_q8dot_scalar, sc_gemv_fixed_q8fields_scalar, sc_gemv_fixed_dfields_scalar, sc_gemv_fixed_daxpy_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_gemv_fixed_dot_simd, sc_gemv_fixed_fields_simd, sc_gemv_fixed_qdot_simd, sc_gemv_fixed_qfields_simd,
     sc_gemv_fixed_q8dot_simd, sc_gemv_fixed_q8fields_simd, sc_gemv_fixed_dfields_simd, sc_gemv_fixed_daxpy_simd},
#endif
};
const int sc_gemv_fixed_variant_count = (int)(sizeof sc_gemv_fixed_variants / sizeof sc_gemv_fixed_variants[0]);
