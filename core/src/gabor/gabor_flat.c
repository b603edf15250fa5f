#include "simcore/gabor.h"
#include "simcore/flat.h"
#include "../base/internal.h"

static sc_gabor_params params(double sigma, double theta, double lambda,
                              double gamma, double psi, int width, int height)
{
    sc_gabor_params p = sc_gabor_default_params();
    p.sigma = sigma;
    p.theta = theta;
    p.lambda = lambda;
    p.gamma = gamma;
    p.psi = psi;
    p.width = width;
    p.height = height;
    return p;
}

int sc_flat_gabor_kernel_size(double sigma, double theta, double lambda,
                              double gamma, double psi, int width, int height,
                              int *size)
{
    if (!size) return sc_fail(SC_ERR_NULL, "size");
    sc_gabor_params p = params(sigma, theta, lambda, gamma, psi, width, height);
    return sc_gabor_kernel_size(&p, &size[0], &size[1]);
}

int sc_flat_gabor_kernel(double sigma, double theta, double lambda, double gamma,
                         double psi, int width, int height, int part, float *out)
{
    sc_gabor_params p = params(sigma, theta, lambda, gamma, psi, width, height);
    return sc_gabor_kernel(&p, (sc_gabor_part)part, out);
}

int sc_flat_gabor_filter(const float *image, int width, int height, double sigma,
                         double theta, double lambda, double gamma, double psi,
                         int kw, int kh, int border, float *re, float *im,
                         float *magnitude)
{
    sc_gabor_params p = params(sigma, theta, lambda, gamma, psi, kw, kh);
    return sc_gabor_filter(image, width, height, &p, (sc_border)border, re, im, magnitude);
}

int sc_flat_gabor_bank(const float *image, int width, int height, double sigma,
                       double lambda, double gamma, double psi, int kw, int kh,
                       int orientations, int scales, double scale_factor,
                       int border, float *energy, float *dominant)
{
    sc_gabor_bank_desc d = {0};
    d.base = params(sigma, 0.0, lambda, gamma, psi, kw, kh);
    d.orientations = orientations;
    d.scales = scales;
    d.scale_factor = scale_factor;
    d.border = (sc_border)border;
    return sc_gabor_bank(image, width, height, &d, energy, dominant);
}

int sc_flat_gabor_kernel_pair(double sigma, double theta, double lambda, double gamma,
                              double psi, int width, int height, float *re, float *im)
{
    sc_gabor_params p = params(sigma, theta, lambda, gamma, psi, width, height);
    return sc_gabor_kernel_pair(&p, re, im);
}

int sc_flat_gabor_bank_kernel_size(double sigma, double lambda, double gamma, double psi,
                                   int kw, int kh, int orientations, int scales,
                                   double scale_factor, int *size)
{
    if (!size) return sc_fail(SC_ERR_NULL, "size");
    sc_gabor_bank_desc d = {0};
    d.base = params(sigma, 0.0, lambda, gamma, psi, kw, kh);
    d.orientations = orientations;
    d.scales = scales;
    d.scale_factor = scale_factor;
    return sc_gabor_bank_kernel_size(&d, &size[0], &size[1]);
}

int sc_flat_gabor_tuning(double sigma, double theta, double lambda, double gamma, double psi,
                         int width, int height, int steps, double *simple, double *complex_cell)
{
    sc_gabor_params p = params(sigma, theta, lambda, gamma, psi, width, height);
    return sc_gabor_tuning(&p, steps, simple, complex_cell);
}
