/* The one list of each kernel family's variants (XNNPACK's pattern): the
 * dispatcher uses the last entry, tests and benchmarks iterate them all. */
#include "conv_internal.h"
#include "separable.h"

const sc_direct_variant sc_direct_variants[] = {
    {"scalar", sc_direct_corr_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_direct_corr_simd},
#endif
};
const int sc_direct_variant_count =
    (int)(sizeof sc_direct_variants / sizeof sc_direct_variants[0]);

const sc_separable_variant sc_separable_variants[] = {
    {"scalar", sc_row_corr_scalar, sc_col_sum_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_row_corr_simd, sc_col_sum_simd},
#endif
};
const int sc_separable_variant_count =
    (int)(sizeof sc_separable_variants / sizeof sc_separable_variants[0]);
