/* Magnitude spectra through the core's FFT (core/src/fft; the transforms
 * themselves are internal, used by the convolution's FFT path). For the
 * pages' spectrum views: a small image or kernel, zero-padded, transformed,
 * zero frequency in the centre. Conventions: docs/fft.md. */
#ifndef SIMCORE_FFT_H_PUBLIC
#define SIMCORE_FFT_H_PUBLIC

#include "simcore/status.h"
#include "simcore/limits.h"

/* The transform side sc_fft_spectrum uses for size 0: the smallest power of
 * two >= 2 max(width, height) (so the passband is sampled at least twice as
 * finely as the image), at least 64, at most SC_FFT_MAX_SPECTRUM. */
SC_API sc_status sc_fft_spectrum_size(int width, int height, int *size);

/* |DFT| of the complex image re + i im (im may be NULL: real), width x
 * height, row y = vertical coordinate, placed with its centre pixel
 * (width/2, height/2) at the origin and zero-padded to size x size
 * (wrap-around, so a symmetric kernel has a real spectrum). out gets
 * size * size floats, centred: out[(ky + size/2) mod size][(kx + size/2)
 * mod size] = |X(kx, ky)|, i.e. row r is the frequency (r - size/2) / size
 * cycles per pixel along y, column c the same along x.
 * size: 0 = sc_fft_spectrum_size, else a 5-smooth multiple of 4 in
 * [max(width, height), SC_FFT_MAX_SPECTRUM]. */
SC_API sc_status sc_fft_spectrum(const float *re, const float *im, int width, int height,
                                 int size, float *out);

#endif
