/* The one list of direct-correlation variants (XNNPACK's pattern): the
 * dispatcher uses the last entry, tests and benchmarks iterate them all. */
#include "conv_internal.h"

const sc_direct_variant sc_direct_variants[] = {
    {"scalar", sc_direct_corr_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_direct_corr_simd},
#endif
};
const int sc_direct_variant_count =
    (int)(sizeof sc_direct_variants / sizeof sc_direct_variants[0]);
