/* The float32 layers of the networks: layers_tmpl.h on the kernels of
 * kern.h. */
#include <math.h>
#include "lenet_internal.h"

#define R                                  float
#define LN(name)                           ln_##name##_f32
#define K_CONV_FWD(in, ih, iw, k, ks, out) ln_kern_active->conv_fwd(in, ih, iw, k, ks, out)
#define K_CONV_BIN(d, oh, ow, k, ks, din)  ln_kern_active->conv_bin(d, oh, ow, k, ks, din)
#define K_CONV_BW(in, d, oh, ow, ks, dk)   ln_kern_active->conv_bw(in, d, oh, ow, ks, dk)
#define K_FC_FWD(w, x, b, out, in, y)      ln_kern_active->fc_fwd(w, x, b, out, in, y)
#define K_FC_BIN(w, d, out, in, dx)        ln_kern_active->fc_bin(w, d, out, in, dx)
#define K_TANH(y, n)                       ln_kern_active->tanh(y, (size_t)(n))
#define EXP                                expf
#define LOG                                logf
#include "layers_tmpl.h"
