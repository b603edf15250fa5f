/* Flat twins of simcore/fft.h (no structs there: the same arguments). */
#include "simcore/fft.h"
#include "simcore/flat.h"

int sc_flat_fft_spectrum_size(int width, int height, int *size)
{
    return sc_fft_spectrum_size(width, height, size);
}

int sc_flat_fft_spectrum(const float *re, const float *im, int width, int height, int size, float *out)
{
    return sc_fft_spectrum(re, im, width, height, size, out);
}
