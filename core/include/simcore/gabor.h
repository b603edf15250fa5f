/* Gabor kernels with OpenCV's getGaborKernel conventions, filtering and
 * orientation banks (a model of V1 orientation-selective simple cells).
 *
 *   x' =  x cos(theta) + y sin(theta)
 *   y' = -x sin(theta) + y cos(theta)
 *   g(x, y) = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) * cos(2 pi x' / lambda + psi)
 *   (imaginary part: sin instead of cos)
 *
 * for x in [-xmax, xmax], y in [-ymax, ymax], stored point-reflected as OpenCV
 * does: kernel[(ymax - y) * width + (xmax - x)] = g(x, y). No normalisation.
 * Derivation and conventions: docs/gabor.md. */
#ifndef SIMCORE_GABOR_H
#define SIMCORE_GABOR_H

#include "simcore/status.h"
#include "simcore/limits.h"
#include "simcore/conv.h"

typedef enum sc_gabor_part {
    SC_GABOR_REAL = 0, /* cos carrier */
    SC_GABOR_IMAG,     /* sin carrier */
    SC_GABOR_PART_COUNT
} sc_gabor_part;

typedef struct sc_gabor_params {
    double sigma;  /* envelope std-dev along the carrier, px, > 0 */
    double theta;  /* orientation of the normal to the stripes, rad */
    double lambda; /* wavelength of the carrier, px, > 0 */
    double gamma;  /* spatial aspect ratio, > 0 (sigma_y = sigma / gamma) */
    double psi;    /* phase offset, rad (OpenCV's own default is pi/2) */
    int width;     /* kernel width; even w gives w+1 as in OpenCV; 0 = auto */
    int height;    /* kernel height; 0 = auto */
} sc_gabor_params;

/* sigma 4, theta 0, lambda 10, gamma 0.5, psi 0, auto size. Model parameters
 * where zero is meaningful (theta, psi) come from here, not from zero-init. */
SC_API sc_gabor_params sc_gabor_default_params(void);

/* Kernel size for p. Auto size is square, odd and independent of theta:
 * 2 * ceil(3 * max(sigma, sigma / gamma)) + 1, so turning theta never
 * changes the size (unlike OpenCV's and scikit-image's auto sizes). */
SC_API sc_status sc_gabor_kernel_size(const sc_gabor_params *p, int *width, int *height);

/* Writes width*height floats (sizes from sc_gabor_kernel_size). */
SC_API sc_status sc_gabor_kernel(const sc_gabor_params *p, sc_gabor_part part, float *out);

/* Both parts in one call (one envelope evaluation): re and im each get
 * width*height floats, exactly what sc_gabor_kernel writes for each part. */
SC_API sc_status sc_gabor_kernel_pair(const sc_gabor_params *p, float *re, float *im);

/* Responses of the real and imaginary kernels, as cv::filter2D(image, kernel)
 * (correlation with the stored kernel = convolution with g), and the energy
 * (magnitude) sqrt(re^2 + im^2). Any output pointer may be NULL to skip it.
 * Finite pixels near the float maximum can overflow a response: OVERFLOW
 * naming "re", "im" or "magnitude" (the first requested output affected). */
SC_API sc_status sc_gabor_filter(const float *image, int width, int height,
                                 const sc_gabor_params *p, sc_border border,
                                 float *re, float *im, float *magnitude);

typedef struct sc_gabor_bank_desc {
    sc_gabor_params base; /* finest scale; base.theta is ignored */
    int orientations;     /* 1..64; theta_k = k * pi / orientations */
    int scales;           /* 1..8; scale s multiplies sigma, lambda (and an
                             explicit size) by scale_factor^s */
    double scale_factor;  /* > 1; 0 -> 2 (one octave) */
    sc_border border;
} sc_gabor_bank_desc;

/* energy: orientations * width * height floats, energy[k] = sum over scales of
 * the magnitude response at theta_k. dominant: width * height floats, the
 * theta_k (rad, in [0, pi)) of the largest energy at each pixel: the V1
 * orientation map. Either output may be NULL. Besides the errors of
 * sc_gabor_filter: orientations * width * height above
 * SC_GABOR_MAX_BANK_VALUES when energy is given (SIZE), and OVERFLOW
 * ("energy") when finite pixels near the float maximum overflow. */
SC_API sc_status sc_gabor_bank(const float *image, int width, int height,
                               const sc_gabor_bank_desc *desc,
                               float *energy, float *dominant);

/* Kernel size of the bank's largest scale (the one its limits bind on):
 * base with sigma, lambda and an explicit size times
 * scale_factor^(scales - 1). Errors as sc_gabor_bank's argument checks
 * (SIZE naming "sigma", "width" or "height" when that kernel is too big). */
SC_API sc_status sc_gabor_bank_kernel_size(const sc_gabor_bank_desc *desc, int *width, int *height);

/* Orientation tuning curve (tuning.c): the responses of a simple cell
 * (max(0, real part's response to the cosine grating through the centre))
 * and of a complex cell (phase-averaged energy) to full-field gratings of
 * wavelength p->lambda at phi_s = s pi / (steps - 1), s = 0..steps-1.
 * simple and complex_cell get steps doubles; 2 <= steps <=
 * SC_GABOR_MAX_TUNING_STEPS. */
SC_API sc_status sc_gabor_tuning(const sc_gabor_params *p, int steps, double *simple, double *complex_cell);

#endif
