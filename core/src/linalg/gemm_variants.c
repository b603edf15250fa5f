/* The one list of linear-algebra kernels: the public functions use the last
 * entry, tests/native/test_gemm.c and tests/bench/bench_gemm.c all. */
#include "linalg_internal.h"

const sc_linalg_variant sc_linalg_variants[] = {
    {"scalar", sc_gemm_scalar, sc_gemv_scalar, sc_dot_scalar, sc_axpy_scalar},
#if SC_HAVE_SIMD
    {"simd", sc_gemm_simd, sc_gemv_simd, sc_dot_simd, sc_axpy_simd},
#endif
};
const int sc_linalg_variant_count = (int)(sizeof sc_linalg_variants / sizeof sc_linalg_variants[0]);
