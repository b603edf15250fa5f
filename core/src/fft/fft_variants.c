/* The one list of FFT variants (XNNPACK's pattern): sc_conv_fft uses the
 * last entry, tests and benchmarks iterate them all. */
#include "fft.h"

const sc_fft_variant *const sc_fft_variants[] = {
    &sc_fft_variant_scalar,
#if SC_HAVE_SIMD
    &sc_fft_variant_simd,
#endif
};
const int sc_fft_variant_count = (int)(sizeof sc_fft_variants / sizeof sc_fft_variants[0]);
