/* The convolution kernels of the lenet area (one input plane to one output
 * plane, valid, stride 1), with a scalar reference beside every SIMD one.
 * Contract: conv_fwd and conv_bin add each product to its output element
 * in (ky, kx) ascending order, every product rounded before the add, so
 * every variant is bit-identical to the scalar reference (SIMD128 has no
 * FMA and the builds do not contract). conv_bw sums over the output plane
 * in an order of its own (lanes across columns), so variants agree with
 * the reference to a few float32 roundings of sum |d in| (test_lenet). The
 * fully connected layers use the mlp area's fixed-order dense kernels. */
#ifndef SIMCORE_LENET_KERN_H
#define SIMCORE_LENET_KERN_H

#include "../base/internal.h"
#include "../mlp/dense.h"

/* out[y][x] += sum_{ky,kx} k[ky][kx] in[y+ky][x+kx]; in ih x iw, out
 * (ih-ks+1) x (iw-ks+1). */
typedef void (*ln_conv_fwd_fn)(const float *in, int ih, int iw, const float *k, int ks, float *out);
/* din[y+ky][x+kx] += k[ky][kx] d[y][x]; d oh x ow, din (oh+ks-1) x (ow+ks-1). */
typedef void (*ln_conv_bin_fn)(const float *d, int oh, int ow, const float *k, int ks, float *din);
/* dk[ky][kx] += sum_{y,x} d[y][x] in[y+ky][x+kx]; in has iw = ow+ks-1 columns. */
typedef void (*ln_conv_bw_fn)(const float *in, const float *d, int oh, int ow, int ks, float *dk);

void ln_conv_fwd_scalar(const float *in, int ih, int iw, const float *k, int ks, float *out);
void ln_conv_bin_scalar(const float *d, int oh, int ow, const float *k, int ks, float *din);
void ln_conv_bw_scalar(const float *in, const float *d, int oh, int ow, int ks, float *dk);
#if SC_HAVE_SIMD
void ln_conv_fwd_simd(const float *in, int ih, int iw, const float *k, int ks, float *out);
void ln_conv_bin_simd(const float *d, int oh, int ow, const float *k, int ks, float *din);
void ln_conv_bw_simd(const float *in, const float *d, int oh, int ow, int ks, float *dk);
#endif

typedef struct ln_kern {
    const char *name;
    ln_conv_fwd_fn conv_fwd;
    ln_conv_bin_fn conv_bin;
    ln_conv_bw_fn conv_bw;
    mlp_fields_fn fc_fwd;
    mlp_backprop_fn fc_bin;
    mlp_tanh_fn tanh;
} ln_kern;

/* Scalar reference first; the networks use the last entry (or the one
 * ln_kern_select picked). */
extern const ln_kern ln_kerns[];
extern const int ln_kern_count;

#endif
