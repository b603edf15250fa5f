/* The variant list of the density and regression sums (kde_internal.h). */
#include "kde_internal.h"

const kde_variant *const kde_variants[] = {
    &kde_variant_scalar,
#if SC_HAVE_SIMD
    &kde_variant_simd,
#endif
};
const int kde_variant_count = (int)(sizeof kde_variants / sizeof kde_variants[0]);
