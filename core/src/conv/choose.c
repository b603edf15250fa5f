/* Cost model for SC_CONV_AUTO: estimated work per output pixel, in units of
 * one SIMD multiply-add lane. Constants are measured by `make bench`
 * (docs/benchmarks.md); they only need to order the methods correctly. */
#include <math.h>
#include "conv_internal.h"

sc_conv_method sc_conv_choose(int w, int h, int kw, int kh, int rank)
{
    const double direct = (double)kw * kh;
    const double separable = rank > 0 ? 1.3 * rank * (kw + kh) : 1e300;
    const double pw = w + kw - 1.0, ph = h + kh - 1.0;
    /* three real 2-D transforms of ~pw*ph points plus the spectrum product */
    const double fft = 12.0 * pw * ph * log2(pw * ph) / ((double)w * h);
    if (direct <= separable && direct <= fft) return SC_CONV_DIRECT;
    return separable <= fft ? SC_CONV_SEPARABLE : SC_CONV_FFT;
}
