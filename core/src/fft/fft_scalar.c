/* Scalar reference FFT: the algorithms of fft_impl.h over a plain struct of
 * four floats, compiled without auto-vectorisation (CMake: *_scalar.c). */
#include "fft.h"

typedef struct {
    float f[4];
} V;
#define FN(name) name##_scalar

static inline V v_ld(const float *p)
{
    V r;
    for (int l = 0; l < 4; l++) r.f[l] = p[l];
    return r;
}
static inline void v_st(float *p, V a)
{
    for (int l = 0; l < 4; l++) p[l] = a.f[l];
}
static inline V v_add(V a, V b)
{
    for (int l = 0; l < 4; l++) a.f[l] += b.f[l];
    return a;
}
static inline V v_sub(V a, V b)
{
    for (int l = 0; l < 4; l++) a.f[l] -= b.f[l];
    return a;
}
static inline V v_mul(V a, V b)
{
    for (int l = 0; l < 4; l++) a.f[l] *= b.f[l];
    return a;
}
static inline V v_splat(float x)
{
    V r;
    for (int l = 0; l < 4; l++) r.f[l] = x;
    return r;
}
static inline V v_ldsplat(const float *p) { return v_splat(*p); }
static inline V v_zero(void) { return v_splat(0.0f); }
static inline void v_tr4(V *a, V *b, V *c, V *d)
{
    V *r[4] = {a, b, c, d};
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            const float t = r[i]->f[j];
            r[i]->f[j] = r[j]->f[i];
            r[j]->f[i] = t;
        }
}

#include "fft_impl.h"

const sc_fft_variant sc_fft_variant_scalar = {
    "scalar",
    cfft_scalar,
    cfft_nz_scalar,
    rfft2_scalar,
    irfft2_scalar,
    corr_scalar,
};
