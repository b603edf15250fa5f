/* Fuzz target: the numerics the pages take from the core (spectrum views,
 * tuning curves, the ODE input drive, the Gabor kernel pair and bank size).
 * Invariants: an accepted call writes finite values (spectra >= 0, tuning
 * curves >= 0); the kernel pair equals the two single parts bit for bit and
 * is accepted exactly when they are; the drive stays within the range of the
 * protocol's values; a refused call names an argument. */
#include "fuzz_input.h"
#include "simcore/drive.h"
#include "simcore/fft.h"
#include "simcore/gabor.h"

#define MAX_SIDE   20
#define MAX_SPEC   96
#define MAX_KERNEL (SC_CONV_MAX_KERNEL_DIM * SC_CONV_MAX_KERNEL_DIM)

static void spectrum_case(fuzz_in *in)
{
    static float re[MAX_SIDE * MAX_SIDE], im[MAX_SIDE * MAX_SIDE], out[MAX_SPEC * MAX_SPEC];
    const int w = fuzz_int(in, 0, MAX_SIDE), h = fuzz_int(in, 0, MAX_SIDE); /* 0: refused */
    const int cw = w < 1 ? 1 : w > MAX_SIDE ? MAX_SIDE
                                            : w,
              ch = h < 1 ? 1 : h > MAX_SIDE ? MAX_SIDE
                                            : h;
    const int finite = fuzz_floats(in, re, (size_t)cw * ch, -1.0f, 1.0f) & fuzz_floats(in, im, (size_t)cw * ch, -1.0f, 1.0f);
    const float *pim = fuzz_bool(in) ? im : NULL;
    int size = fuzz_bool(in) ? 0 : fuzz_int(in, -4, MAX_SPEC + 8);
    int auto_size = 0;
    if (sc_fft_spectrum_size(w, h, &auto_size) == SC_OK)
        FUZZ_CHECK(auto_size >= 64 && auto_size >= 2 * (w > h ? w : h) && (auto_size & (auto_size - 1)) == 0,
                   "spectrum size %d for %dx%d", auto_size, w, h);
    const int side = size ? size : auto_size;
    if (side > MAX_SPEC) return; /* the output buffer's size */
    const sc_status st = sc_fft_spectrum(re, pim, w, h, size, out);
    if (st == SC_OK) {
        FUZZ_CHECK(w >= 1 && h >= 1, "spectrum accepted %dx%d", w, h);
        for (int i = 0; i < side * side; i++)
            FUZZ_CHECK(!finite || (isfinite(out[i]) && out[i] >= 0.0f), "spectrum[%d] = %g", i, out[i]);
    } else {
        FUZZ_CHECK(sc_last_error_arg()[0] != '\0', "spectrum refused (%d) without naming an argument", st);
    }
}

static void drive_case(fuzz_in *in)
{
    double t[8], v[8], times[16], out[16];
    const int n = fuzz_int(in, 0, 8), count = fuzz_int(in, 0, 16); /* within the buffers */
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < 8; i++) {
        t[i] = fuzz_double(in, -10.0, 10.0);
        v[i] = fuzz_double(in, -100.0, 100.0);
    }
    if (fuzz_bool(in)) /* mostly nondecreasing times, as protocols are */
        for (int i = 1; i < 8; i++)
            if (t[i] < t[i - 1]) t[i] = t[i - 1] + fabs(t[i]) * 0.1;
    for (int i = 0; i < 16; i++) times[i] = fuzz_double(in, -20.0, 20.0);
    const sc_status st = sc_ode_input_sample(t, v, n, times, count, out);
    if (st != SC_OK) {
        FUZZ_CHECK(sc_last_error_arg()[0] != '\0', "drive refused (%d) without naming an argument", st);
        return;
    }
    FUZZ_CHECK(n >= 1 && n <= 8 && count >= 1 && count <= 16, "drive accepted n = %d, count = %d", n, count);
    for (int i = 0; i < n; i++) {
        FUZZ_CHECK(isfinite(t[i]) && isfinite(v[i]), "drive accepted a non-finite breakpoint %d", i);
        FUZZ_CHECK(i == 0 || t[i] >= t[i - 1], "drive accepted decreasing times at %d", i);
        lo = fmin(lo, v[i]);
        hi = fmax(hi, v[i]);
    }
    /* Within the values' range up to the rounding of v_a + (v_b - v_a) * f
     * (which cancels when the two differ by many orders of magnitude). */
    const double slack = 4.5e-16 * fmax(fabs(lo), fabs(hi));
    for (int i = 0; i < count; i++)
        FUZZ_CHECK(isfinite(out[i]) && out[i] >= lo - slack && out[i] <= hi + slack, "drive I(%g) = %g outside [%g, %g]",
                   times[i], out[i], lo, hi);
}

static void gabor_case(fuzz_in *in)
{
    static float re[MAX_KERNEL], im[MAX_KERNEL], one[MAX_KERNEL];
    static double simple[64], complex_cell[64];
    sc_gabor_params p;
    p.sigma = fuzz_double(in, 0.0, 6.0);
    p.theta = fuzz_double(in, -7.0, 7.0);
    p.lambda = fuzz_double(in, 0.0, 20.0);
    p.gamma = fuzz_double(in, 0.0, 2.0);
    p.psi = fuzz_double(in, -4.0, 4.0);
    p.width = fuzz_size(in, 0, 40);
    p.height = fuzz_size(in, 0, 40);
    int kw = 0, kh = 0;
    const sc_status ss = sc_gabor_kernel_size(&p, &kw, &kh);
    const sc_status ps = sc_gabor_kernel_pair(&p, re, im);
    FUZZ_CHECK(ps == ss, "pair (%d) and size (%d) disagree on validity", ps, ss);
    if (ps == SC_OK) {
        const size_t n = (size_t)kw * kh;
        FUZZ_CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, one) == SC_OK && memcmp(one, re, n * sizeof *one) == 0,
                   "pair's real part differs from sc_gabor_kernel's");
        FUZZ_CHECK(sc_gabor_kernel(&p, SC_GABOR_IMAG, one) == SC_OK && memcmp(one, im, n * sizeof *one) == 0,
                   "pair's imaginary part differs from sc_gabor_kernel's");
        const int steps = fuzz_int(in, 0, 64); /* 0, 1: refused */
        if (kw * kh <= 41 * 41 && sc_gabor_tuning(&p, steps, simple, complex_cell) == SC_OK) {
            FUZZ_CHECK(steps >= 2 && steps <= 64, "tuning accepted %d steps", steps);
            for (int s = 0; s < steps; s++)
                FUZZ_CHECK(isfinite(simple[s]) && simple[s] >= 0 && isfinite(complex_cell[s]) && complex_cell[s] >= 0,
                           "tuning[%d] = %g, %g", s, simple[s], complex_cell[s]);
        }
    }
    sc_gabor_bank_desc b;
    memset(&b, 0, sizeof b);
    b.base = p;
    b.orientations = fuzz_int(in, 0, SC_GABOR_MAX_ORIENTATIONS + 1);
    b.scales = fuzz_int(in, 0, SC_GABOR_MAX_SCALES + 1);
    b.scale_factor = fuzz_double(in, 0.0, 9.0);
    int bw = 0, bh = 0;
    if (sc_gabor_bank_kernel_size(&b, &bw, &bh) == SC_OK)
        FUZZ_CHECK(bw >= kw && bh >= kh && bw <= SC_CONV_MAX_KERNEL_DIM && bh <= SC_CONV_MAX_KERNEL_DIM,
                   "bank kernel %dx%d against the base's %dx%d", bw, bh, kw, kh);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = fuzz_begin(data, size);
    switch (fuzz_u8(&in) % 3) {
    case 0:
        spectrum_case(&in);
        break;
    case 1:
        drive_case(&in);
        break;
    default:
        gabor_case(&in);
        break;
    }
    return 0;
}
