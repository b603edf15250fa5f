/* Internals of the convolution engine, shared by conv.c, the kernels,
 * the native tests and the native benchmark. Not part of the public API.
 *
 * Every path works on a padded image: the border rule is applied once by
 * sc_pad_image, so the kernels below never test coordinates. All kernels
 * compute CORRELATION; convolution flips the kernel first (conv.c). */
#ifndef SIMCORE_CONV_INTERNAL_H
#define SIMCORE_CONV_INTERNAL_H

#include "simcore/conv.h"
#include "../base/internal.h"

/* OpenCV's borderInterpolate: index into [0, len) for coordinate p, or -1
 * for SC_BORDER_CONSTANT outside. Handles pads larger than len. */
int sc_border_index(int p, int len, sc_border border);

/* dst is (w + left + right) x (h + top + bottom), row-major, tight. */
void sc_pad_image(const float *src, int w, int h, int left, int top, int right,
                  int bottom, sc_border border, float *dst);

/* ---- direct ----------------------------------------------------------
 * padded: pw x (h + kh - 1) with pw = w + kw - 1.
 * out(x, y) = sum_{j<kh, i<kw} k[j*kw + i] * padded[(y+j)*pw + x + i]
 * Handles any w (tails exactly); reads nothing outside padded. */
typedef void (*sc_direct_fn)(const float *padded, int pw, int w, int h,
                             const float *k, int kw, int kh, float *out);

void sc_direct_corr_scalar(const float *padded, int pw, int w, int h,
                           const float *k, int kw, int kh, float *out);
#if SC_HAVE_SIMD
void sc_direct_corr_simd(const float *padded, int pw, int w, int h,
                         const float *k, int kw, int kh, float *out);
#endif

typedef struct sc_direct_variant {
    const char *name;
    sc_direct_fn fn;
} sc_direct_variant;

/* All variants, scalar reference first, the one conv.c uses last. The test
 * and the benchmark iterate this list, so a new variant cannot go untested. */
extern const sc_direct_variant sc_direct_variants[];
extern const int sc_direct_variant_count;

/* ---- separable (low rank) ---------------------------------------------
 * Same contract as direct, via the SVD k = sum_r s_r u_r v_r^T truncated at
 * rank_tol (relative Frobenius). *rank receives the number of terms. */
sc_status sc_conv_separable(const float *padded, int pw, int w, int h,
                            const float *k, int kw, int kh, float rank_tol,
                            float *out, int *rank);

/* Numerical rank of k within rank_tol (relative Frobenius), from the cached
 * SVD; used by the cost model. Returns min(kw, kh) on allocation failure. */
int sc_kernel_rank(const float *k, int kw, int kh, float rank_tol);

/* ---- FFT ---------------------------------------------------------------
 * Same contract as direct, via real 2-D FFTs of a 5-smooth size >= pw x ph,
 * ph = h + kh - 1. Fills info->fft_width/height/cache_hit when info != NULL. */
sc_status sc_conv_fft(const float *padded, int pw, int w, int h,
                      const float *k, int kw, int kh, float *out,
                      sc_conv_info *info);
void sc_conv_fft_cache_clear(void);

/* Cost model for SC_CONV_AUTO (conv.c); exposed for tests and benchmarks. */
sc_conv_method sc_conv_choose(int w, int h, int kw, int kh, int rank);

#endif
