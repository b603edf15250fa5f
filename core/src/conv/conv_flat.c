#include "simcore/conv.h"
#include "simcore/flat.h"
#include "../base/internal.h"

int sc_flat_conv2d(const float *image, int width, int height,
                   const float *kernel, int kw, int kh, int border, int method,
                   int correlate, float rank_tol, float *out, int *info)
{
    sc_conv_desc d = {0};
    d.border = (sc_border)border;
    d.method = (sc_conv_method)method;
    d.correlate = correlate;
    d.rank_tol = rank_tol;
    sc_conv_info ci = {0};
    sc_status st = sc_conv2d(image, width, height, kernel, kw, kh, &d, out, &ci);
    if (st == SC_OK && info) {
        info[0] = (int)ci.method;
        info[1] = ci.rank;
        info[2] = ci.fft_width;
        info[3] = ci.fft_height;
        info[4] = ci.cache_hit;
    }
    return st;
}
