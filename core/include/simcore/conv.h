/* 2-D convolution and correlation of float32 images, 'same' size.
 *
 * Layout: row-major, image[y * width + x]; kernel[j * kw + i].
 * Anchor: (floor(kw/2), floor(kh/2)) of the kernel as applied (after the
 * flip for convolution), as OpenCV's filter2D with anchor (-1,-1):
 *   correlate: out(x,y) = sum_{j,i} K(i,j)   * I(x + i - ax, y + j - ay)
 *   convolve:  out(x,y) = sum_{j,i} K'(i,j)  * I(x + i - ax, y + j - ay),
 *              K'(i,j) = K(kw-1-i, kh-1-j)
 * so convolve(I, K) == correlate(I, flip(K)) == cv::filter2D(I, flip(K)).
 * Outside the image, I comes from the border rule. Math: docs/conv.md. */
#ifndef SIMCORE_CONV_H
#define SIMCORE_CONV_H

#include "simcore/status.h"
#include "simcore/limits.h"

/* Size limits: simcore/limits.h, checked before any allocation. */

typedef enum sc_border {
    SC_BORDER_CONSTANT = 0, /* 000|abc|000  zeros (default)            */
    SC_BORDER_REPLICATE,    /* aaa|abc|ccc                             */
    SC_BORDER_REFLECT,      /* cba|abc|cba                             */
    SC_BORDER_REFLECT101,   /* cb|abc|ba    OpenCV's BORDER_DEFAULT    */
    SC_BORDER_WRAP,         /* abc|abc|abc  periodic                   */
    SC_BORDER_COUNT
} sc_border;

typedef enum sc_conv_method {
    SC_CONV_AUTO = 0,  /* choose by cost model (default)                 */
    SC_CONV_DIRECT,    /* sum over the kernel, SIMD over output columns   */
    SC_CONV_SEPARABLE, /* sum of rank-1 terms from the kernel's SVD       */
    SC_CONV_FFT,       /* real 2-D FFT of the padded image, 5-smooth size */
    SC_CONV_METHOD_COUNT
} sc_conv_method;

/* Numerical options; all-zero means the defaults. */
typedef struct sc_conv_desc {
    sc_border border;
    sc_conv_method method;
    int correlate;  /* 0: convolution (kernel flipped); nonzero: correlation */
    float rank_tol; /* separable: keep the fewest SVD terms with
                       ||K - K_r||_F <= rank_tol * ||K||_F; 0 -> SC_CONV_RANK_TOL */
} sc_conv_desc;

#define SC_CONV_RANK_TOL 1e-6f

/* What a call did, for demos and benchmarks. */
typedef struct sc_conv_info {
    sc_conv_method method; /* the method actually used (never AUTO) */
    int rank;              /* separable terms used (0 unless SEPARABLE) */
    int fft_width;         /* transform size (0 unless FFT) */
    int fft_height;
    int cache_hit; /* FFT: 1 if the image spectrum came from the cache */
} sc_conv_info;

/* out receives width*height floats and may alias image. desc and info may be
 * NULL. Errors: NULL pointers, sizes outside the limits, non-finite values in
 * image or kernel, unknown border/method; SC_ERR_OVERFLOW ("out") when finite
 * values near the float maximum give a non-finite result (out then holds
 * that result, and an aliased image is overwritten). Forcing SEPARABLE on a kernel whose
 * rank within rank_tol is above min(kw, kh) cannot happen (full rank is exact). */
SC_API sc_status sc_conv2d(const float *image, int width, int height,
                           const float *kernel, int kw, int kh,
                           const sc_conv_desc *desc, float *out,
                           sc_conv_info *info);

/* The FFT path keeps the spectrum of the last padded image so that a new
 * kernel on the same image (a student dragging theta) costs one forward and
 * one inverse transform. The cache compares the image bytes, so it is never
 * stale; this frees it. */
SC_API void sc_conv_cache_clear(void);

#endif
