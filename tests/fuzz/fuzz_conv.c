/* Fuzz target: 2-D convolution (conv.h, flat.h) over every method and
 * border, hostile sizes and values. Invariants: status OK gives finite
 * outputs (always); SC_ERR_OVERFLOW only for values beyond 1e6 and only with
 * a non-finite output; every forced method agrees with DIRECT within a
 * tolerance scaled by sum |k| max |image|; the direct kernel variants
 * (scalar, SIMD) agree bit for bit. */
#include <float.h>
#include "fuzz_input.h"
#include "simcore/conv.h"
#include "simcore/flat.h"
#include "conv/conv_internal.h"

#define MAX_SIDE 48 /* memory and time cap; hostile sizes are tried separately */

static float image[MAX_SIDE * MAX_SIDE], kernel[MAX_SIDE * MAX_SIDE];
static float out[SC_CONV_METHOD_COUNT][MAX_SIDE * MAX_SIDE];

static void check_variants(int w, int h, int kw, int kh, sc_border border)
{
    static float padded[(2 * MAX_SIDE) * (2 * MAX_SIDE)], ref[MAX_SIDE * MAX_SIDE], got[MAX_SIDE * MAX_SIDE];
    const int pw = w + kw - 1, ph = h + kh - 1;
    sc_pad_image(image, w, h, kw / 2, kh / 2, pw - w - kw / 2, ph - h - kh / 2, border, padded);
    sc_direct_variants[0].fn(padded, pw, w, h, kernel, kw, kh, ref);
    for (int v = 1; v < sc_direct_variant_count; v++) {
        sc_direct_variants[v].fn(padded, pw, w, h, kernel, kw, kh, got);
        FUZZ_CHECK(memcmp(ref, got, sizeof(float) * w * h) == 0, "direct variant %s differs (w=%d h=%d kw=%d kh=%d)",
                   sc_direct_variants[v].name, w, h, kw, kh);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = fuzz_begin(data, size);
    const int hostile_call = fuzz_u8(&in) == 0xff;
    int w = fuzz_int(&in, 1, MAX_SIDE), h = fuzz_int(&in, 1, MAX_SIDE);
    int kw = fuzz_int(&in, 1, MAX_SIDE), kh = fuzz_int(&in, 1, MAX_SIDE);
    const int border = fuzz_int(&in, -1, SC_BORDER_COUNT);
    const int correlate = fuzz_bool(&in);
    const float rank_tol = fuzz_float(&in, 0.0f, 0.01f);
    const float scale = (float)fuzz_double(&in, 0.0, 100.0);
    const int tame = isfinite(scale) && fabsf(scale) <= 1e4f;
    int finite = fuzz_floats(&in, image, (size_t)w * h, -1.0f, 1.0f);
    finite &= fuzz_floats(&in, kernel, (size_t)kw * kh, -1.0f, 1.0f);
    for (int i = 0; tame && i < w * h; i++) image[i] *= scale;
    finite &= fuzz_all_finite_f(image, (size_t)w * h); /* 3e38 * scale overflows */
    /* Values near FLT_MAX may overflow (the FFT's sums sooner): such calls
     * may fail with SC_ERR_OVERFLOW; bounded ones never do. */
    int bounded = tame;
    for (int i = 0; i < w * h; i++) bounded &= fabsf(image[i]) <= 1e6f;
    for (int i = 0; i < kw * kh; i++) bounded &= fabsf(kernel[i]) <= 1e6f;

    if (hostile_call) {
        /* Sizes and enums straight from the bytes: must be rejected (or, if
         * within the limits, handled) without touching memory beyond ours. */
        const int hw = fuzz_size(&in, 1, MAX_SIDE), hh = fuzz_size(&in, 1, MAX_SIDE);
        const int hkw = fuzz_size(&in, 1, MAX_SIDE), hkh = fuzz_size(&in, 1, MAX_SIDE);
        const int method = fuzz_int(&in, -2, SC_CONV_METHOD_COUNT + 1);
        const int fits = hw >= 1 && hh >= 1 && hkw >= 1 && hkh >= 1 && hw <= MAX_SIDE && hh <= MAX_SIDE &&
                         hkw <= MAX_SIDE && hkh <= MAX_SIDE;
        int info[5];
        const int st = sc_flat_conv2d(fits ? image : NULL, hw, hh, kernel, hkw, hkh, border, method, correlate,
                                      rank_tol, out[0], info);
        FUZZ_CHECK(fits || st != SC_OK, "accepted w=%d h=%d kw=%d kh=%d without an image", hw, hh, hkw, hkh);
        return 0;
    }

    int status[SC_CONV_METHOD_COUNT];
    for (int m = 0; m < SC_CONV_METHOD_COUNT; m++) {
        sc_conv_desc d = {(sc_border)border, (sc_conv_method)m, correlate, rank_tol};
        sc_conv_info info;
        for (int i = 0; i < w * h; i++) out[m][i] = NAN;
        status[m] = sc_conv2d(image, w, h, kernel, kw, kh, &d, out[m], &info);
        const int valid = finite && border >= 0 && border < SC_BORDER_COUNT && rank_tol >= 0.0f && rank_tol < 1.0f;
        if (status[m] == SC_OK) {
            FUZZ_CHECK(valid, "method %d accepted invalid input (border %d)", m, border);
            FUZZ_CHECK(info.method != SC_CONV_AUTO, "info.method is AUTO");
            FUZZ_CHECK(fuzz_all_finite_f(out[m], (size_t)w * h), "method %d: non-finite output with SC_OK", m);
        } else if (status[m] == SC_ERR_OVERFLOW) {
            FUZZ_CHECK(valid && !bounded, "method %d: overflow on %s input", m, valid ? "bounded" : "invalid");
            FUZZ_CHECK(!fuzz_all_finite_f(out[m], (size_t)w * h), "method %d: overflow with a finite output", m);
            FUZZ_CHECK(strcmp(sc_last_error_arg(), "out") == 0, "overflow names '%s'", sc_last_error_arg());
        } else {
            FUZZ_CHECK(!valid, "method %d failed with %d on valid input", m, status[m]);
        }
    }
    if (status[SC_CONV_DIRECT] != SC_OK || !bounded) return 0;

    /* Every method against DIRECT; the bound is sum |k| * max |image|. */
    /* Separable (also under AUTO) drops SVD terms up to rank_tol ||K||_F,
     * which moves an output by at most that times the patch's 2-norm. */
    float kabs = 0.0f, kfro = 0.0f, imax = 0.0f;
    for (int i = 0; i < kw * kh; i++) kabs += fabsf(kernel[i]), kfro += kernel[i] * kernel[i];
    for (int i = 0; i < w * h; i++) imax = fmaxf(imax, fabsf(image[i]));
    const float rt = rank_tol > 0.0f ? rank_tol : SC_CONV_RANK_TOL;
    const float tol = 1e-4f * kabs * imax + rt * sqrtf(kfro * kw * kh) * imax + FLT_MIN;
    for (int m = 0; m < SC_CONV_METHOD_COUNT; m++) {
        if (m == SC_CONV_DIRECT || status[m] != SC_OK) continue;
        for (int i = 0; i < w * h; i++)
            FUZZ_CHECK(fabsf(out[m][i] - out[SC_CONV_DIRECT][i]) <= tol,
                       "method %d differs from direct at %d: %g vs %g (tol %g)", m, i, out[m][i],
                       out[SC_CONV_DIRECT][i], tol);
    }
    check_variants(w, h, kw, kh, (sc_border)border);
    return 0;
}
