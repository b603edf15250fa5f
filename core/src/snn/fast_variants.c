/* The one list of fast-mode kernels (fast.h): the network steps with the
 * last entry; tests/native/test_snn.c compares them all. */
#include "fast.h"

const sc_snn_fast_variant sc_snn_fast_variants[] = {
    {"scalar", sc_snn_fast_step_scalar, sc_snn_normals_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_snn_fast_step_simd, sc_snn_normals_simd},
#endif
};
const int sc_snn_fast_variant_count = (int)(sizeof sc_snn_fast_variants / sizeof sc_snn_fast_variants[0]);
