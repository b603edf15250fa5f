/* TEMPORARY stub (replaced by the real-FFT implementation). */
#include "../conv/conv_internal.h"
sc_status sc_conv_fft(const float *padded, int pw, int w, int h,
                      const float *k, int kw, int kh, float *out,
                      sc_conv_info *info)
{
    (void)info;
    sc_direct_corr_scalar(padded, pw, w, h, k, kw, kh, out);
    return SC_OK;
}
void sc_conv_fft_cache_clear(void) {}
