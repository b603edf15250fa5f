/* sc_conv2d: argument checks, border padding, kernel flip, method choice. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "conv_internal.h"
#include "separable.h"

static sc_status check_args(const float *image, int width, int height,
                            const float *kernel, int kw, int kh,
                            const sc_conv_desc *d, const float *out)
{
    if (!image) return sc_fail(SC_ERR_NULL, "image");
    if (!kernel) return sc_fail(SC_ERR_NULL, "kernel");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (width <= 0 || width > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "width");
    if (height <= 0 || height > SC_CONV_MAX_DIM) return sc_fail(SC_ERR_SIZE, "height");
    if ((long long)width * height > SC_CONV_MAX_PIXELS) return sc_fail(SC_ERR_SIZE, "width * height");
    if (kw <= 0 || kw > SC_CONV_MAX_KERNEL_DIM) return sc_fail(SC_ERR_SIZE, "kernel width");
    if (kh <= 0 || kh > SC_CONV_MAX_KERNEL_DIM) return sc_fail(SC_ERR_SIZE, "kernel height");
    if ((unsigned)d->border >= SC_BORDER_COUNT) return sc_fail(SC_ERR_OPTION, "border");
    if ((unsigned)d->method >= SC_CONV_METHOD_COUNT) return sc_fail(SC_ERR_OPTION, "method");
    if (!(d->rank_tol >= 0.0f && d->rank_tol < 1.0f)) return sc_fail(SC_ERR_RANGE, "rank_tol");
    if (!sc_all_finite(kernel, (size_t)kw * kh)) return sc_fail(SC_ERR_NONFINITE, "kernel");
    if (!sc_all_finite(image, (size_t)width * height)) return sc_fail(SC_ERR_NONFINITE, "image");
    return SC_OK;
}

sc_status sc_conv2d(const float *image, int width, int height,
                    const float *kernel, int kw, int kh,
                    const sc_conv_desc *desc, float *out, sc_conv_info *info)
{
    static const sc_conv_desc defaults = {0};
    const sc_conv_desc *d = desc ? desc : &defaults;
    sc_status st = check_args(image, width, height, kernel, kw, kh, d, out);
    if (st != SC_OK) return st;
    const float rank_tol = d->rank_tol > 0.0f ? d->rank_tol : SC_CONV_RANK_TOL;

    /* Kernels correlate; convolution is correlation with the flipped kernel. */
    const size_t kn = (size_t)kw * kh;
    const int pw = width + kw - 1, ph = height + kh - 1;
    float *k = malloc(sizeof(float) * kn);
    float *padded = malloc(sizeof(float) * (size_t)pw * ph);
    if (!k || !padded) {
        free(k);
        free(padded);
        return sc_fail(SC_ERR_NOMEM, "image");
    }
    if (d->correlate)
        memcpy(k, kernel, sizeof(float) * kn);
    else
        for (size_t i = 0; i < kn; i++) k[i] = kernel[kn - 1 - i];

    const int ax = kw / 2, ay = kh / 2;
    sc_pad_image(image, width, height, ax, ay, kw - 1 - ax, kh - 1 - ay, d->border, padded);

    sc_conv_method method = d->method;
    int rank = 0;
    if (method == SC_CONV_AUTO) {
        /* The rank costs microseconds (cached by kernel bytes) and lets even
         * a rank-1 3x3 take the cheaper separable route. */
        int r = (kw >= 2 && kh >= 2) ? sc_kernel_rank(k, kw, kh, rank_tol) : 1;
        method = sc_conv_choose(width, height, kw, kh, r);
    }
    sc_conv_info local = {0};
    local.method = method;
    switch (method) {
    case SC_CONV_SEPARABLE:
        st = sc_conv_separable(padded, pw, width, height, k, kw, kh, rank_tol, out, &rank);
        local.rank = rank;
        break;
    case SC_CONV_FFT:
        st = sc_conv_fft(padded, pw, width, height, k, kw, kh, out, &local);
        break;
    default:
        sc_direct_variants[sc_direct_variant_count - 1].fn(padded, pw, width, height, k, kw, kh, out);
        break;
    }
    free(k);
    free(padded);
    if (info) *info = local;
    /* Finite inputs near FLT_MAX can still overflow a sum (the FFT path
     * sooner, a spectrum sums every entry): never report such a result OK. */
    if (st == SC_OK) st = sc_check_output(out, (size_t)width * height, "out");
    return st;
}

void sc_conv_cache_clear(void)
{
    sc_conv_fft_cache_clear();
    sc_kernel_svd_cache_clear();
}
