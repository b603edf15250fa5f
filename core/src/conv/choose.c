/* Cost model for SC_CONV_AUTO: estimated time per output pixel, in units of
 * one direct-kernel multiply-add (~0.05 ns in the wasm SIMD build on the
 * reference machine). The constants were measured there (512x512 images,
 * docs/separable.md); they only need to order the methods correctly, and
 * near a crossover either choice costs about the same. */
#include <math.h>
#include "conv_internal.h"

/* Direct: one multiply-add per tap. Kernels shorter than 8 rows run the
 * unblocked SIMD kernel (~1.5x the cost per tap); taller ones pay for the
 * edge rows of each 4-row block (~2/kh). */
static double direct_cost(int kw, int kh)
{
    const double taps = (double)kw * kh;
    return kh < 8 ? 1.5 * taps : taps * (1.0 + 2.0 / kh);
}

/* Separable: per term, a horizontal pass over the h + kh - 1 padded rows and
 * a vertical pass over kh rows; measured at ~1.8 direct units per tap (the
 * passes stream through a scratch ring, the direct kernel through registers). */
static double separable_cost(int w, int h, int kw, int kh, int rank)
{
    (void)w;
    const double ph = h + kh - 1.0;
    return 1.8 * rank * (kw * ph / h + kh);
}

/* FFT: three real 2-D transforms of ~pw*ph points plus the spectrum product.
 * Measured cold (no cached image spectrum) in the wasm SIMD build: 0.64 ms at
 * 256^2 (x) 15^2, 2.8 ms at 512^2 (x) 31^2, 13.8 ms at 1024^2 (x) 63^2, i.e.
 * 10.9, 10.5 and 11.6 units per pixel per log2 of the padded size. */
static double fft_cost(int w, int h, int kw, int kh)
{
    const double pw = w + kw - 1.0, ph = h + kh - 1.0;
    return 11.0 * pw * ph * log2(pw * ph) / ((double)w * h);
}

sc_conv_method sc_conv_choose(int w, int h, int kw, int kh, int rank)
{
    const double direct = direct_cost(kw, kh);
    const double separable = rank >= 0 ? separable_cost(w, h, kw, kh, rank) : INFINITY;
    const double fft = fft_cost(w, h, kw, kh);
    if (direct <= separable && direct <= fft) return SC_CONV_DIRECT;
    return separable <= fft ? SC_CONV_SEPARABLE : SC_CONV_FFT;
}
