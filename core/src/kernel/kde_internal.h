/* The kernel area's density and regression kernels: the variant list
 * (scalar reference first, the one the area uses last) and shared helpers.
 * Not public API; conventions in simcore/kernel.h, docs/kernels.md. */
#ifndef SIMCORE_KDE_INTERNAL_H
#define SIMCORE_KDE_INTERNAL_H

#include <math.h>
#include "simcore/kernel.h"
#include "../base/internal.h"

/* Gaussian terms with t/2 > KDE_EXP_CUT (e^-708 = 3e-308) count as 0 in
 * every variant, so the SIMD exponential never leaves the normal range. */
#define KDE_EXP_CUT 708.0

/* The kernel's shape g(t) of t = u^2 (1-D) or u^T H^-1 u (2-D), without
 * its normalising constant (kde_norm). */
static inline double kde_shape(int kernel, double t)
{
    switch (kernel) {
    case SC_KDE_GAUSSIAN:
        return 0.5 * t > KDE_EXP_CUT ? 0.0 : exp(-0.5 * t);
    case SC_KDE_EPANECHNIKOV:
        return t < 1.0 ? 1.0 - t : 0.0;
    case SC_KDE_BIWEIGHT:
        return t < 1.0 ? (1.0 - t) * (1.0 - t) : 0.0;
    case SC_KDE_TRIANGULAR:
        return t < 1.0 ? 1.0 - sqrt(t) : 0.0;
    default:
        return t < 1.0 ? 1.0 : 0.0;
    }
}

/* Normalising constant of the shape in dimension dim (1 or 2). */
double kde_norm(int kernel, int dim);

/* One implementation of the sums (all points independent, each summed over
 * the samples in index order, so variants differ only by the exponential).
 *   sum1: out[k] = sum_j g(((at[k] - s[j]) * inv_h)^2), k < m; skip: the
 *         points are the samples themselves and j == k is left out.
 *   sum2: out[k] = sum_j g(q(at_k - s_j)), q(u) = a ux^2 + 2 b ux uy + c uy^2
 *         with hinv = {a, b, c} = H^-1; points and samples interleaved.
 *   reg:  five sums per point with d = s[j] - at[k], w = g((d inv_h)^2):
 *         sums[5k..5k+4] = sum w, sum w d, sum w d^2, sum w y, sum w d y. */
typedef struct kde_variant {
    const char *name;
    void (*sum1)(int kernel, const double *s, int n, double inv_h, const double *at, int m,
                 int skip, double *out);
    void (*sum2)(int kernel, const double *s, int n, const double *hinv, const double *at, int m,
                 double *out);
    void (*reg)(int kernel, const double *s, const double *y, int n, double inv_h,
                const double *at, int m, int skip, double *sums);
} kde_variant;

extern const kde_variant kde_variant_scalar;
#if SC_HAVE_SIMD
extern const kde_variant kde_variant_simd;
#endif
extern const kde_variant *const kde_variants[];
extern const int kde_variant_count;

/* The variant the area uses (the last). */
static inline const kde_variant *kde_best(void) { return kde_variants[kde_variant_count - 1]; }

/* Argument checks shared by the entry points (sc_fail naming arg). */
sc_status kde_check_values(const double *v, int n, const char *arg);
sc_status kde_check_kernel(int kernel);
sc_status kde_check_h(double h, const char *arg);
/* H = {h11, h12, h22} positive definite (kernel.h) -> H^-1 = {a, b, c}, |H|^-1/2. */
sc_status kde_check_H(const double *H, double *hinv, double *inv_sqrt_det);

#endif
