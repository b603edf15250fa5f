/* Fuzz target: Gabor kernels, filtering and orientation banks (gabor.h,
 * flat.h) with hostile parameters. Invariants: a kernel that is accepted is
 * finite with |g| <= 1; status OK gives finite outputs (always), with the
 * magnitude sqrt(re^2 + im^2) >= 0; SC_ERR_OVERFLOW only for pixels beyond
 * 1e6, naming an output that holds a non-finite value; the dominant
 * orientation lies in [0, pi). Kernel sizes are capped before
 * filtering so each input stays fast. */
#include "fuzz_input.h"
#include "simcore/gabor.h"
#include "simcore/flat.h"

#define MAX_SIDE   24
#define MAX_KERNEL (SC_CONV_MAX_KERNEL_DIM * SC_CONV_MAX_KERNEL_DIM)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static float kernel[MAX_KERNEL];
    static float image[MAX_SIDE * MAX_SIDE], re[MAX_SIDE * MAX_SIDE], im[MAX_SIDE * MAX_SIDE],
        mag[MAX_SIDE * MAX_SIDE], energy[8 * MAX_SIDE * MAX_SIDE], dom[MAX_SIDE * MAX_SIDE];
    fuzz_in in = fuzz_begin(data, size);
    sc_gabor_params p;
    p.sigma = fuzz_double(&in, 0.0, 6.0);
    p.theta = fuzz_double(&in, -7.0, 7.0);
    p.lambda = fuzz_double(&in, 0.0, 20.0);
    p.gamma = fuzz_double(&in, 0.0, 2.0);
    p.psi = fuzz_double(&in, -4.0, 4.0);
    p.width = fuzz_size(&in, 0, 40);
    p.height = fuzz_size(&in, 0, 40);
    const int part = fuzz_int(&in, -1, SC_GABOR_PART_COUNT);
    const int border = fuzz_int(&in, -1, SC_BORDER_COUNT);

    int kw = 0, kh = 0;
    const sc_status st = sc_gabor_kernel_size(&p, &kw, &kh);
    if (st != SC_OK) {
        FUZZ_CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, kernel) == st, "size and kernel disagree on validity");
        return 0;
    }
    FUZZ_CHECK(kw >= 1 && kh >= 1 && kw <= SC_CONV_MAX_KERNEL_DIM && kh <= SC_CONV_MAX_KERNEL_DIM && (kw & 1) && (kh & 1),
               "kernel size %dx%d", kw, kh);
    const sc_status ks = sc_gabor_kernel(&p, (sc_gabor_part)part, kernel);
    if (ks == SC_OK) {
        FUZZ_CHECK(part >= 0 && part < SC_GABOR_PART_COUNT, "part %d accepted", part);
        for (int i = 0; i < kw * kh; i++)
            FUZZ_CHECK(isfinite(kernel[i]) && fabsf(kernel[i]) <= 1.0f + 1e-6f, "kernel[%d] = %g", i, kernel[i]);
    }
    if (kw * kh > 41 * 41) return 0; /* time cap for the filters below */

    const int w = fuzz_int(&in, 1, MAX_SIDE), h = fuzz_int(&in, 1, MAX_SIDE);
    const int finite = fuzz_floats(&in, image, (size_t)w * h, 0.0f, 1.0f);
    /* Pixels near 3e38 may overflow (SC_ERR_OVERFLOW); bounded ones never do. */
    int tame = finite;
    for (int i = 0; i < w * h; i++) tame &= fabsf(image[i]) <= 1e6f;
    const size_t n = (size_t)w * h;
    float *imag = fuzz_bool(&in) ? im : NULL;
    const sc_status fs = sc_gabor_filter(image, w, h, &p, (sc_border)border, re, imag, mag);
    if (fs == SC_OK) {
        FUZZ_CHECK(finite, "filter accepted a non-finite image");
        FUZZ_CHECK(fuzz_all_finite_f(re, n) && (!imag || fuzz_all_finite_f(im, n)) && fuzz_all_finite_f(mag, n),
                   "filter: non-finite output with SC_OK");
        for (int i = 0; i < w * h; i++) FUZZ_CHECK(mag[i] >= 0.0f, "magnitude[%d] = %g", i, mag[i]);
    } else if (fs == SC_ERR_OVERFLOW) {
        FUZZ_CHECK(finite && !tame, "filter: overflow on %s pixels", finite ? "bounded" : "non-finite");
        const char *arg = sc_last_error_arg();
        const float *named = strcmp(arg, "re") == 0 ? re : strcmp(arg, "im") == 0      ? imag
                                                       : strcmp(arg, "magnitude") == 0 ? mag
                                                                                       : NULL;
        FUZZ_CHECK(named && !fuzz_all_finite_f(named, n), "filter: overflow names '%s'", arg);
    }

    sc_gabor_bank_desc b;
    b.base = p;
    b.orientations = fuzz_size(&in, 1, 8);
    b.scales = fuzz_size(&in, 1, 2);
    b.scale_factor = fuzz_double(&in, 0.0, 1.6);
    b.border = (sc_border)border;
    if (b.orientations > 8 && b.orientations <= SC_GABOR_MAX_ORIENTATIONS) return 0; /* energy is sized for 8 */
    const sc_status bs = sc_gabor_bank(image, w, h, &b, energy, dom);
    if (bs == SC_OK) {
        for (int i = 0; i < w * h; i++)
            FUZZ_CHECK(dom[i] >= 0.0f && dom[i] < 3.14159266f, "dominant[%d] = %g", i, dom[i]);
        for (int i = 0; i < b.orientations * w * h; i++)
            FUZZ_CHECK(isfinite(energy[i]) && energy[i] >= 0.0f, "energy[%d] = %g", i, energy[i]);
    } else if (bs == SC_ERR_OVERFLOW) {
        FUZZ_CHECK(finite && !tame, "bank: overflow on %s pixels", finite ? "bounded" : "non-finite");
        FUZZ_CHECK(strcmp(sc_last_error_arg(), "energy") == 0, "bank: overflow names '%s'", sc_last_error_arg());
        FUZZ_CHECK(!fuzz_all_finite_f(energy, (size_t)b.orientations * n), "bank: overflow with finite energy");
    }
    /* The flat entry point with the same numbers. */
    int sz[2];
    sc_flat_gabor_kernel_size(p.sigma, p.theta, p.lambda, p.gamma, p.psi, p.width, p.height, sz);
    return 0;
}
