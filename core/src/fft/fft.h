/* The FFT area's interface to the rest of the core (the convolution's FFT
 * path, conv/fft_conv.c, and tests): plans, the 2-D real transform's layout and
 * the variants. Not public API; the kernels themselves are in fft_impl.h.
 * Mathematics and measurements: docs/fft.md.
 *
 * Complex data is stored split (separate re and im planes) and batched four
 * transforms wide: element n of a batch is 4 consecutive floats, one per
 * transform ("lane"), so one v128 holds the same element of 4 transforms and
 * every butterfly is a plain vector operation. Element n of a batch lives at
 * base + n * stride (stride in floats, a multiple of 4; 4 = contiguous).
 *
 * The 2-D real transform of an nx x ny image (x fastest) produces the
 * half spectrum X(kx, ky), 0 <= kx < nx, 0 <= ky <= ny/2, in the "T layout":
 * blocks of 4 consecutive ky, each block a batch of rows = round8(nx)
 * elements in kx order, i.e. X(kx, ky) at sc_fft2_at(g, kx, ky) in separate
 * re and im planes of rows * ly floats, ly = round4(ny/2 + 1) (entries with
 * ky > ny/2 or kx >= nx are padding). The y pass packs two real columns as
 * one complex column (8 columns = 4 lanes x 2) and transposes its results
 * into the blocks; the x pass then reads each block contiguously (a
 * row-major transposed layout made the x pass stride over every page of a
 * 2.5 MB plane at N = 1125 and thrash the TLB). */
#ifndef SIMCORE_FFT_H
#define SIMCORE_FFT_H

#include <stddef.h>
#include "../base/internal.h"

#define SC_FFT_MAX_STAGES 32

/* Mixed-radix Stockham plan for one length n (radices 4, 2, 3, 5).
 * Stage i: radix p, sub-length len = n / (product of earlier radices),
 * m = len / p, stride s = n / len; twiddles tw[i][2*(j*(p-1) + t-1) + {0,1}]
 * = exp(-2 pi i j t / len) for 0 <= j < m, 1 <= t < p. */
typedef struct sc_fft_plan {
    int n;
    int nstages;
    int radix[SC_FFT_MAX_STAGES];
    int m[SC_FFT_MAX_STAGES];
    int s[SC_FFT_MAX_STAGES];
    const float *tw[SC_FFT_MAX_STAGES];
    float *twbuf;
} sc_fft_plan;

/* Smallest 5-smooth number (2^a 3^b 5^c) >= n, for n >= 1. */
int sc_fft_good_size(int n);
/* The size the convolution uses: the 5-smooth size >= n (at most 20% above
 * sc_fft_good_size) with the lowest estimated cost (fft_plan.c). */
int sc_fft_fast_size(int n);
/* 1 if n > 0 has no prime factor other than 2, 3, 5. */
int sc_fft_is_smooth(int n);

/* Plans are cached by length (a few entries; freed by sc_fft_plan_cache_clear).
 * NULL on allocation failure or if n is not 5-smooth. */
const sc_fft_plan *sc_fft_plan_get(int n);
void sc_fft_plan_cache_clear(void);

/* Geometry of one 2-D real transform (see T layout above). */
typedef struct sc_fft2 {
    const sc_fft_plan *px, *py;
    int nx, ny, ly, rows;
} sc_fft2;

static inline size_t sc_fft2_at(const sc_fft2 *g, int kx, int ky)
{
    return ((size_t)(ky >> 2) * g->rows + (size_t)kx) * 4 + (size_t)(ky & 3);
}

/* Fills g from plans; returns 0 when a plan cannot be made (NOMEM). */
int sc_fft2_init(sc_fft2 *g, int nx, int ny);
/* Floats in one T-layout plane, and scratch floats every variant needs. */
size_t sc_fft2_plane_floats(const sc_fft2 *g);
size_t sc_fft2_scratch_floats(const sc_fft2 *g);

/* One implementation of the transforms (scalar reference or SIMD).
 * All buffers are 16-byte aligned; scratch has sc_fft2_scratch_floats floats.
 *
 * cfft:   4 complex transforms of length p->n (lanes); x and y may alias.
 *         Forward is exp(-2 pi i n k / N); inverse is unnormalised.
 * cfft_nz: the same when input elements nz.. are zero: leading stages
 *         whose butterflies span more than nz elements are pruned (those
 *         stages do not read the zeros; later dense stages still do).
 * rfft2:  real sw x sh region of src (row stride sstride, sw <= nx,
 *         sh <= ny), zero-padded to nx x ny -> half spectrum in T layout.
 * irfft2: T layout (destroyed) -> top-left dw x dh of the real inverse,
 *         unnormalised (nx * ny times the true inverse), into dst.
 * corr:   out (dw x dh, tight) = scale * inverse(S conj(K)) where S (sr, si)
 *         is the T-layout spectrum of the image and K that of the kw x kh
 *         kernel k; tr, ti are two T-layout work planes. */
typedef struct sc_fft_variant {
    const char *name;
    void (*cfft)(const sc_fft_plan *p, const float *xr, const float *xi, int xs,
                 float *yr, float *yi, int ys, float *scratch, int inverse);
    void (*cfft_nz)(const sc_fft_plan *p, const float *xr, const float *xi, int xs,
                    float *yr, float *yi, int ys, float *scratch, int inverse, int nz);
    void (*rfft2)(const sc_fft2 *g, const float *src, int sw, int sh, int sstride,
                  float *tr, float *ti, float *scratch);
    void (*irfft2)(const sc_fft2 *g, float *tr, float *ti, float *dst, int dw,
                   int dh, int dstride, float *scratch);
    void (*corr)(const sc_fft2 *g, const float *sr, const float *si, const float *k,
                 int kw, int kh, float *tr, float *ti, float *out, int dw, int dh,
                 float scale, float *scratch);
} sc_fft_variant;

extern const sc_fft_variant sc_fft_variant_scalar;
#if SC_HAVE_SIMD
extern const sc_fft_variant sc_fft_variant_simd;
#endif

/* All variants, scalar reference first, the one sc_conv_fft uses last. */
extern const sc_fft_variant *const sc_fft_variants[];
extern const int sc_fft_variant_count;

#endif
