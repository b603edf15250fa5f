/* The convolution's FFT path (fft_conv.c) through a chosen FFT variant, for
 * tests and benchmarks; the engine itself calls sc_conv_fft (conv_internal.h). */
#ifndef SIMCORE_CONV_FFT_CONV_H
#define SIMCORE_CONV_FFT_CONV_H

#include "conv_internal.h"
#include "../fft/fft.h"

/* Same contract as sc_conv_fft; sc_conv_fft uses the last variant. */
sc_status sc_conv_fft_variant(const sc_fft_variant *v, const float *padded, int pw,
                              int w, int h, const float *k, int kw, int kh,
                              float *out, int *fft_w, int *fft_h, int *cache_hit);

#endif
