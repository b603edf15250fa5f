/* The one list of local-field kernels (XNNPACK's pattern): the engine uses
 * the last entry, the test and the benchmark iterate them all. */
#include "hopfield_internal.h"

const sc_hop_variant sc_hop_variants[] = {
    {"scalar", sc_hop_dot_scalar, sc_hop_fields_scalar, sc_hop_qdot_scalar, sc_hop_qfields_scalar,
     sc_hop_q8dot_scalar, sc_hop_q8fields_scalar, sc_hop_dfields_scalar, sc_hop_daxpy_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_hop_dot_simd, sc_hop_fields_simd, sc_hop_qdot_simd, sc_hop_qfields_simd,
     sc_hop_q8dot_simd, sc_hop_q8fields_simd, sc_hop_dfields_simd, sc_hop_daxpy_simd},
#endif
};
const int sc_hop_variant_count = (int)(sizeof sc_hop_variants / sizeof sc_hop_variants[0]);
