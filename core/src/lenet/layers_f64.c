/* The float64 reference layers (layers_tmpl.h on plain loops): what the
 * native test checks against central differences, and what the float32
 * layers are compared with. */
#include <math.h>
#include "lenet_internal.h"

static void conv_fwd(const double *in, int ih, int iw, const double *k, int ks, double *out)
{
    const int oh = ih - ks + 1, ow = iw - ks + 1;
    for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
            for (int ky = 0; ky < ks; ky++)
                for (int kx = 0; kx < ks; kx++) out[y * ow + x] += k[ky * ks + kx] * in[(y + ky) * iw + x + kx];
}

static void conv_bin(const double *d, int oh, int ow, const double *k, int ks, double *din)
{
    const int iw = ow + ks - 1;
    for (int y = 0; y < oh; y++)
        for (int x = 0; x < ow; x++)
            for (int ky = 0; ky < ks; ky++)
                for (int kx = 0; kx < ks; kx++) din[(y + ky) * iw + x + kx] += k[ky * ks + kx] * d[y * ow + x];
}

static void conv_bw(const double *in, const double *d, int oh, int ow, int ks, double *dk)
{
    const int iw = ow + ks - 1;
    for (int ky = 0; ky < ks; ky++)
        for (int kx = 0; kx < ks; kx++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++) dk[ky * ks + kx] += d[y * ow + x] * in[(y + ky) * iw + x + kx];
}

static void fc_fwd(const double *w, const double *x, const double *b, int out, int in, double *y)
{
    for (int k = 0; k < out; k++) {
        double s = b[k];
        for (int i = 0; i < in; i++) s += w[(size_t)k * in + i] * x[i];
        y[k] = s;
    }
}

static void fc_bin(const double *w, const double *d, int out, int in, double *dx)
{
    for (int i = 0; i < in; i++) {
        double s = 0;
        for (int k = 0; k < out; k++) s += d[k] * w[(size_t)k * in + i];
        dx[i] = s;
    }
}

static void tanh_n(double *y, int n)
{
    for (int i = 0; i < n; i++) y[i] = tanh(y[i]);
}

#define R          double
#define LN(name)   ln_##name##_f64
#define K_CONV_FWD conv_fwd
#define K_CONV_BIN conv_bin
#define K_CONV_BW  conv_bw
#define K_FC_FWD   fc_fwd
#define K_FC_BIN   fc_bin
#define K_TANH     tanh_n
#define EXP        exp
#define LOG        log
#include "layers_tmpl.h"
