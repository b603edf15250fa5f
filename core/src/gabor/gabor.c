/* Gabor kernels (OpenCV getGaborKernel conventions), filters and banks. */
#include <math.h>
#include <stdlib.h>
#include "simcore/gabor.h"
#include "../base/internal.h"

#define SC_PI 3.14159265358979323846

sc_gabor_params sc_gabor_default_params(void)
{
    sc_gabor_params p = {0};
    p.sigma = 4.0;
    p.theta = 0.0;
    p.lambda = 10.0;
    p.gamma = 0.5;
    p.psi = 0.0;
    return p;
}

/* Largest auto or explicit kernel dimension we accept. */
#define GABOR_MAX_DIM SC_CONV_MAX_KERNEL_DIM

static sc_status check_params(const sc_gabor_params *p)
{
    if (!p) return sc_fail(SC_ERR_NULL, "params");
    const double v[5] = {p->sigma, p->theta, p->lambda, p->gamma, p->psi};
    static const char *const names[5] = {"sigma", "theta", "lambda", "gamma", "psi"};
    for (int i = 0; i < 5; i++)
        if (!isfinite(v[i])) return sc_fail(SC_ERR_NONFINITE, names[i]);
    if (!(p->sigma > 0.0)) return sc_fail(SC_ERR_RANGE, "sigma");
    if (!(p->lambda > 0.0)) return sc_fail(SC_ERR_RANGE, "lambda");
    if (!(p->gamma > 0.0)) return sc_fail(SC_ERR_RANGE, "gamma");
    /* Positive but so small that the kernel's coefficients overflow (e.g.
     * sigma 1e-200: -0.5 / sigma^2 = -inf, and -inf * 0 = NaN at the centre;
     * lambda 1e-310: 2 pi / lambda = inf). Rejected rather than returning a
     * kernel full of NaN. sigma / gamma is the across-stripe sigma. */
    if (!isfinite(0.5 / (p->sigma * p->sigma))) return sc_fail(SC_ERR_RANGE, "sigma");
    const double sy = p->sigma / p->gamma;
    if (!isfinite(0.5 / (sy * sy))) return sc_fail(SC_ERR_RANGE, "gamma");
    if (!isfinite(2.0 * SC_PI / p->lambda)) return sc_fail(SC_ERR_RANGE, "lambda");
    if (p->width < 0 || p->width > GABOR_MAX_DIM) return sc_fail(SC_ERR_SIZE, "width");
    if (p->height < 0 || p->height > GABOR_MAX_DIM) return sc_fail(SC_ERR_SIZE, "height");
    return SC_OK;
}

/* Half sizes: explicit sizes use integer division as OpenCV does (an even
 * size gives size+1); auto is square and theta-independent. */
static sc_status half_sizes(const sc_gabor_params *p, int *xmax, int *ymax)
{
    double reach = 3.0 * fmax(p->sigma, p->sigma / p->gamma);
    if (reach > GABOR_MAX_DIM) reach = GABOR_MAX_DIM; /* checked below */
    int auto_half = (int)ceil(reach);
    if (auto_half < 1) auto_half = 1;
    *xmax = p->width > 0 ? p->width / 2 : auto_half;
    *ymax = p->height > 0 ? p->height / 2 : auto_half;
    if (2 * *xmax + 1 > GABOR_MAX_DIM) return sc_fail(SC_ERR_SIZE, p->width > 0 ? "width" : "sigma");
    if (2 * *ymax + 1 > GABOR_MAX_DIM) return sc_fail(SC_ERR_SIZE, p->height > 0 ? "height" : "sigma");
    return SC_OK;
}

sc_status sc_gabor_kernel_size(const sc_gabor_params *p, int *width, int *height)
{
    sc_status st = check_params(p);
    if (st != SC_OK) return st;
    if (!width) return sc_fail(SC_ERR_NULL, "width");
    if (!height) return sc_fail(SC_ERR_NULL, "height");
    int xmax, ymax;
    st = half_sizes(p, &xmax, &ymax);
    if (st != SC_OK) return st;
    *width = 2 * xmax + 1;
    *height = 2 * ymax + 1;
    return SC_OK;
}

/* Both parts in one pass (either may be NULL): the envelope is shared. */
static void fill_kernels(const sc_gabor_params *p, int xmax, int ymax, float *re, float *im)
{
    const int w = 2 * xmax + 1;
    /* Same arithmetic as OpenCV's gabor.cpp (double precision). */
    const double sx = p->sigma, sy = p->sigma / p->gamma;
    const double c = cos(p->theta), s = sin(p->theta);
    const double ex = -0.5 / (sx * sx), ey = -0.5 / (sy * sy);
    const double cscale = 2.0 * SC_PI / p->lambda;
    for (int y = -ymax; y <= ymax; y++) {
        for (int x = -xmax; x <= xmax; x++) {
            const double xr = x * c + y * s, yr = -x * s + y * c;
            const double phase = cscale * xr + p->psi;
            const double env = exp(ex * xr * xr + ey * yr * yr);
            const size_t at = (size_t)(ymax - y) * w + (xmax - x);
            if (re) re[at] = (float)(env * cos(phase));
            if (im) im[at] = (float)(env * sin(phase));
        }
    }
}

sc_status sc_gabor_kernel(const sc_gabor_params *p, sc_gabor_part part, float *out)
{
    sc_status st = check_params(p);
    if (st != SC_OK) return st;
    if ((unsigned)part >= SC_GABOR_PART_COUNT) return sc_fail(SC_ERR_OPTION, "part");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    int xmax, ymax;
    st = half_sizes(p, &xmax, &ymax);
    if (st != SC_OK) return st;
    fill_kernels(p, xmax, ymax, part == SC_GABOR_REAL ? out : NULL, part == SC_GABOR_IMAG ? out : NULL);
    /* |g| <= 1 once check_params passed; kept as the same guarantee every
     * float output of the core gives (cheap next to the exp per entry). */
    return sc_check_output(out, (size_t)(2 * xmax + 1) * (2 * ymax + 1), "out");
}

sc_status sc_gabor_kernel_pair(const sc_gabor_params *p, float *re, float *im)
{
    sc_status st = check_params(p);
    if (st != SC_OK) return st;
    if (!re) return sc_fail(SC_ERR_NULL, "re");
    if (!im) return sc_fail(SC_ERR_NULL, "im");
    int xmax, ymax;
    st = half_sizes(p, &xmax, &ymax);
    if (st != SC_OK) return st;
    fill_kernels(p, xmax, ymax, re, im);
    const size_t n = (size_t)(2 * xmax + 1) * (2 * ymax + 1);
    st = sc_check_output(re, n, "re");
    return st != SC_OK ? st : sc_check_output(im, n, "im");
}

sc_status sc_gabor_filter(const float *image, int width, int height,
                          const sc_gabor_params *p, sc_border border,
                          float *re, float *im, float *magnitude)
{
    sc_status st = check_params(p);
    if (st != SC_OK) return st;
    if (!image) return sc_fail(SC_ERR_NULL, "image");
    if (width <= 0 || width > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "width");
    if (height <= 0 || height > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "height");
    if ((long long)width * height > SC_CONV_MAX_PIXELS) return sc_fail(SC_ERR_SIZE, "width * height");
    if ((unsigned)border >= SC_BORDER_COUNT) return sc_fail(SC_ERR_OPTION, "border");
    int kw, kh;
    st = sc_gabor_kernel_size(p, &kw, &kh);
    if (st != SC_OK) return st;

    const size_t n = (size_t)width * height, kn = (size_t)kw * kh;
    float *kr = malloc(sizeof(float) * kn), *ki = malloc(sizeof(float) * kn);
    /* Scratch for parts the caller skips but the magnitude needs. */
    float *tre = (!re && magnitude) ? malloc(sizeof(float) * n) : NULL;
    float *tim = (!im && magnitude) ? malloc(sizeof(float) * n) : NULL;
    float *r = re ? re : tre, *i = im ? im : tim;
    if (!kr || !ki || (magnitude && (!r || !i))) {
        st = sc_fail(SC_ERR_NOMEM, "image");
        goto done;
    }
    sc_gabor_kernel_pair(p, kr, ki);
    sc_conv_desc d = {0};
    d.border = border;
    d.correlate = 1; /* cv::filter2D semantics on the stored kernel */
    /* On overflow every requested output is still computed (each then holds
     * its non-finite values) and the first requested one affected is named;
     * a part computed only for the magnitude makes the magnitude overflow. */
    sc_status sr = SC_OK, si = SC_OK;
    if (r && (sr = sc_conv2d(image, width, height, kr, kw, kh, &d, r, NULL)) != SC_OK && sr != SC_ERR_OVERFLOW) {
        st = sr;
        goto done;
    }
    if (i && (si = sc_conv2d(image, width, height, ki, kw, kh, &d, i, NULL)) != SC_OK && si != SC_ERR_OVERFLOW) {
        st = si;
        goto done;
    }
    if (magnitude)
        /* In double: r^2 overflows float for |r| > 1.8e19, and responses of
         * finite images can be that large; sqrt(2) FLT_MAX still rounds to inf. */
        for (size_t t = 0; t < n; t++)
            magnitude[t] = (float)sqrt((double)r[t] * r[t] + (double)i[t] * i[t]);
    if (re && sr != SC_OK)
        st = sc_fail(sr, "re");
    else if (im && si != SC_OK)
        st = sc_fail(si, "im");
    else if (magnitude)
        st = sc_check_output(magnitude, n, "magnitude");
done:
    free(kr);
    free(ki);
    free(tre);
    free(tim);
    return st;
}

/* Scale s of a bank: sigma, lambda and an explicit size times factor^s
 * (sizes saturate far beyond the limits on both sides, so an overflow
 * stays an error and a negative size stays negative, never UB). */
static sc_gabor_params scale_params(const sc_gabor_params *base, double factor, int s)
{
    sc_gabor_params p = *base;
    const double f = pow(factor, s);
    p.sigma *= f;
    p.lambda *= f;
    p.width = (int)fmax(fmin(p.width * f, 1e9), -1e9);
    p.height = (int)fmax(fmin(p.height * f, 1e9), -1e9);
    return p;
}

static sc_status check_bank(const sc_gabor_bank_desc *desc, double *factor)
{
    if (!desc) return sc_fail(SC_ERR_NULL, "desc");
    if (desc->orientations < 1 || desc->orientations > SC_GABOR_MAX_ORIENTATIONS)
        return sc_fail(SC_ERR_RANGE, "orientations");
    if (desc->scales < 1 || desc->scales > SC_GABOR_MAX_SCALES) return sc_fail(SC_ERR_RANGE, "scales");
    *factor = desc->scale_factor == 0.0 ? 2.0 : desc->scale_factor;
    if (!isfinite(*factor)) return sc_fail(SC_ERR_NONFINITE, "scale_factor");
    if (!(*factor > 1.0 && *factor <= 8.0)) return sc_fail(SC_ERR_RANGE, "scale_factor");
    return SC_OK;
}

sc_status sc_gabor_bank_kernel_size(const sc_gabor_bank_desc *desc, int *width, int *height)
{
    double factor = 2.0;
    sc_status st = check_bank(desc, &factor);
    if (st != SC_OK) return st;
    const sc_gabor_params top = scale_params(&desc->base, factor, desc->scales - 1);
    return sc_gabor_kernel_size(&top, width, height);
}

sc_status sc_gabor_bank(const float *image, int width, int height,
                        const sc_gabor_bank_desc *desc, float *energy, float *dominant)
{
    double factor = 2.0;
    sc_status cs = check_bank(desc, &factor);
    if (cs != SC_OK) return cs;
    if (!image) return sc_fail(SC_ERR_NULL, "image");
    if (width <= 0 || width > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "width");
    if (height <= 0 || height > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "height");
    if ((long long)width * height > SC_CONV_MAX_PIXELS) return sc_fail(SC_ERR_SIZE, "width * height");
    if (energy && (long long)desc->orientations * width * height > SC_GABOR_MAX_BANK_VALUES)
        return sc_fail(SC_ERR_SIZE, "orientations * width * height");
    /* Validate the largest scale up front so no partial output is written. */
    int kw, kh;
    sc_status st = sc_gabor_bank_kernel_size(desc, &kw, &kh);
    if (st != SC_OK) return st;

    const size_t n = (size_t)width * height;
    const int no = desc->orientations;
    float *mag = calloc(n, sizeof(float)); /* zeroed: clang-tidy cannot see that every filter call writes it */
    float *acc = energy ? NULL : malloc(sizeof(float) * n);
    float *best = dominant ? malloc(sizeof(float) * n) : NULL;
    if (!mag || (!energy && !acc) || (dominant && !best)) {
        st = sc_fail(SC_ERR_NOMEM, "image");
        goto done;
    }
    for (int o = 0; o < no; o++) {
        const double theta = o * SC_PI / no;
        float *e = energy ? energy + (size_t)o * n : acc;
        for (size_t t = 0; t < n; t++) e[t] = 0.0f;
        for (int s = 0; s < desc->scales; s++) {
            sc_gabor_params p = scale_params(&desc->base, factor, s);
            p.theta = theta;
            st = sc_gabor_filter(image, width, height, &p, desc->border, NULL, NULL, mag);
            if (st != SC_OK && st != SC_ERR_OVERFLOW) goto done;
            for (size_t t = 0; t < n; t++) e[t] += mag[t]; /* an overflow stays visible in e */
            if (st != SC_OK) break;
        }
        /* Finite magnitudes can still sum past FLT_MAX over the scales. */
        if ((st = sc_check_output(e, n, "energy")) != SC_OK) goto done;
        if (dominant) {
            for (size_t t = 0; t < n; t++) {
                if (o == 0 || e[t] > best[t]) {
                    best[t] = e[t];
                    dominant[t] = (float)theta;
                }
            }
        }
    }
done:
    free(mag);
    free(acc);
    free(best);
    return st;
}
