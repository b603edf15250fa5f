/* Scalar-argument entry points for foreign-function callers (the JS binding,
 * ctypes, ...): the same functions with structs spelled out as arguments, so
 * a caller needs no knowledge of C struct layout. Enums are passed as ints
 * and checked like every other argument. */
#ifndef SIMCORE_FLAT_H
#define SIMCORE_FLAT_H

#include "simcore/status.h"

/* info (may be NULL) receives 5 ints: method, rank, fft_width, fft_height,
 * cache_hit (see sc_conv_info). */
SC_API int sc_flat_conv2d(const float *image, int width, int height,
                          const float *kernel, int kw, int kh, int border,
                          int method, int correlate, float rank_tol, float *out,
                          int *info);

/* size receives 2 ints: width, height. */
SC_API int sc_flat_gabor_kernel_size(double sigma, double theta, double lambda,
                                     double gamma, double psi, int width,
                                     int height, int *size);

SC_API int sc_flat_gabor_kernel(double sigma, double theta, double lambda,
                                double gamma, double psi, int width, int height,
                                int part, float *out);

SC_API int sc_flat_gabor_filter(const float *image, int width, int height,
                                double sigma, double theta, double lambda,
                                double gamma, double psi, int kw, int kh,
                                int border, float *re, float *im, float *magnitude);

SC_API int sc_flat_gabor_bank(const float *image, int width, int height,
                              double sigma, double lambda, double gamma,
                              double psi, int kw, int kh, int orientations,
                              int scales, double scale_factor, int border,
                              float *energy, float *dominant);

/* re and im each get the kernel size's width*height floats (gabor.h). */
SC_API int sc_flat_gabor_kernel_pair(double sigma, double theta, double lambda,
                                     double gamma, double psi, int width, int height,
                                     float *re, float *im);

/* size receives 2 ints: the largest scale's kernel width, height. */
SC_API int sc_flat_gabor_bank_kernel_size(double sigma, double lambda, double gamma,
                                          double psi, int kw, int kh, int orientations,
                                          int scales, double scale_factor, int *size);

SC_API int sc_flat_gabor_tuning(double sigma, double theta, double lambda, double gamma,
                                double psi, int width, int height, int steps,
                                double *simple, double *complex_cell);

/* Magnitude spectra (fft.h); size receives 1 int. */
SC_API int sc_flat_fft_spectrum_size(int width, int height, int *size);
SC_API int sc_flat_fft_spectrum(const float *re, const float *im, int width, int height,
                                int size, float *out);

/* Dense linear algebra (linalg.h): transposes as ints (0, 1), alpha and
 * beta as doubles, checked for finiteness before they narrow to float (so
 * 1e300 is an error, not inf). */
SC_API int sc_flat_gemm_f32(int trans_a, int trans_b, int m, int n, int k,
                            double alpha, const float *a, int lda,
                            const float *b, int ldb, double beta, float *c,
                            int ldc);

SC_API int sc_flat_gemv_f32(int trans, int m, int n, double alpha,
                            const float *a, int lda, const float *x,
                            double beta, float *y);

/* result receives 1 float. */
SC_API int sc_flat_dot_f32(int n, const float *x, const float *y, float *result);

SC_API int sc_flat_axpy_f32(int n, double alpha, const float *x, float *y);

#endif
