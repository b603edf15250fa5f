/* The numerics the pages used to compute in JavaScript, now in the core:
 * Gabor kernel pairs and bank sizes, the orientation tuning curve, the
 * centred magnitude spectrum and the ODE input protocol on a time grid.
 * Each against an independent computation (analytic kernels summed in
 * double, a direct float64 DFT, the protocol's own definition). */
#include <string.h>
#include "check.h"
#include "simcore/simcore.h"

#define PI 3.14159265358979323846

static double gabor_at(const sc_gabor_params *p, int x, int y, int imag)
{
    const double c = cos(p->theta), s = sin(p->theta);
    const double xr = x * c + y * s, yr = -x * s + y * c, sy = p->sigma / p->gamma;
    const double env = exp(-0.5 * (xr * xr / (p->sigma * p->sigma) + yr * yr / (sy * sy)));
    const double ph = 2 * PI * xr / p->lambda + p->psi;
    return env * (imag ? sin(ph) : cos(ph));
}

static void test_kernel_pair(void)
{
    sc_gabor_params p = sc_gabor_default_params();
    p.theta = 0.7;
    p.psi = 0.4;
    p.width = 9;
    p.height = 13;
    int w, h;
    CHECK(sc_gabor_kernel_size(&p, &w, &h) == SC_OK, "size");
    float a[9 * 13], b[9 * 13], re[9 * 13], im[9 * 13];
    CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, a) == SC_OK && sc_gabor_kernel(&p, SC_GABOR_IMAG, b) == SC_OK, "parts");
    CHECK(sc_gabor_kernel_pair(&p, re, im) == SC_OK, "pair");
    CHECK(memcmp(a, re, sizeof a) == 0 && memcmp(b, im, sizeof b) == 0, "pair = the two parts, bit for bit");
    CHECK(sc_gabor_kernel_pair(&p, re, NULL) == SC_ERR_NULL && strcmp(sc_last_error_arg(), "im") == 0, "NULL im");
    p.sigma = 0;
    CHECK(sc_gabor_kernel_pair(&p, re, im) == SC_ERR_RANGE, "sigma 0");
}

static void test_bank_size(void)
{
    sc_gabor_bank_desc d = {0};
    d.base = sc_gabor_default_params();
    d.orientations = 8;
    d.scales = 3;
    d.scale_factor = 1.5;
    int w, h;
    CHECK(sc_gabor_bank_kernel_size(&d, &w, &h) == SC_OK, "auto");
    /* sigma 4 * 1.5^2 = 9, gamma 0.5: reach 3 * 18 = 54 -> 109 */
    CHECK(w == 109 && h == 109, "auto size %dx%d", w, h);
    d.base.width = 11;
    d.base.height = 7;
    CHECK(sc_gabor_bank_kernel_size(&d, &w, &h) == SC_OK, "explicit");
    /* trunc(11 * 2.25) = 24 -> 25 (OpenCV's even rule), trunc(7 * 2.25) = 15 */
    CHECK(w == 25 && h == 15, "explicit size %dx%d", w, h);
    d.base.width = 0;
    d.base.height = 0;
    d.base.sigma = 20;
    d.scales = 8;
    d.scale_factor = 2;
    CHECK(sc_gabor_bank_kernel_size(&d, &w, &h) == SC_ERR_SIZE && strcmp(sc_last_error_arg(), "sigma") == 0,
          "too big names sigma");
    d.scales = 0;
    CHECK(sc_gabor_bank_kernel_size(&d, &w, &h) == SC_ERR_RANGE, "scales 0");
}

/* The tuning curve against the definition summed directly in double over
 * the analytic kernel (no phasor separation, no float kernel). */
static void test_tuning(void)
{
    const double psis[3] = {0.0, PI / 3, 2.0};
    for (int k = 0; k < 3; k++) {
        sc_gabor_params p = sc_gabor_default_params();
        p.theta = 0.5;
        p.psi = psis[k];
        int w, h;
        sc_gabor_kernel_size(&p, &w, &h);
        enum { STEPS = 37 };
        double simple[STEPS], cx[STEPS];
        CHECK(sc_gabor_tuning(&p, STEPS, simple, cx) == SC_OK, "tuning");
        double worst = 0, peak = 0;
        int arg = 0;
        for (int s = 0; s < STEPS; s++) {
            const double phi = s * PI / (STEPS - 1);
            const double kx = 2 * PI * cos(phi) / p.lambda, ky = 2 * PI * sin(phi) / p.lambda;
            double cr = 0, sr = 0, ci = 0, si = 0;
            for (int y = -h / 2; y <= h / 2; y++)
                for (int x = -w / 2; x <= w / 2; x++) {
                    const double gr = gabor_at(&p, x, y, 0), gi = gabor_at(&p, x, y, 1), a = kx * x + ky * y;
                    cr += gr * cos(a);
                    sr += gr * sin(a);
                    ci += gi * cos(a);
                    si += gi * sin(a);
                }
            const double ws = fmax(0, cr), wc = sqrt((cr * cr + sr * sr + ci * ci + si * si) / 2);
            worst = fmax(worst, fmax(fabs(ws - simple[s]), fabs(wc - cx[s])));
            peak = fmax(peak, wc);
            if (cx[s] > cx[arg]) arg = s;
        }
        CHECK(worst < 1e-5 * peak, "psi %g: tuning off the direct sum by %g (peak %g)", p.psi, worst, peak);
        /* The energy peaks at the filter's own orientation (0.5 rad ~ step 5.9). */
        CHECK(arg == 6, "psi %g: energy peak at step %d", p.psi, arg);
        /* simple = max(0, cos psi) x complex at the preferred angle (narrow band). */
        CHECK(fabs(simple[arg] - fmax(0, cos(p.psi)) * cx[arg]) < 0.02 * cx[arg], "psi %g: simple %g complex %g",
              p.psi, simple[arg], cx[arg]);
    }
    sc_gabor_params p = sc_gabor_default_params();
    double a[2], b[2];
    CHECK(sc_gabor_tuning(&p, 1, a, b) == SC_ERR_RANGE, "steps 1");
    CHECK(sc_gabor_tuning(&p, SC_GABOR_MAX_TUNING_STEPS + 1, a, b) == SC_ERR_RANGE, "steps too many");
    CHECK(sc_gabor_tuning(&p, 2, a, NULL) == SC_ERR_NULL, "NULL complex");
}

/* The spectrum against a direct float64 DFT of the centred, zero-padded image. */
static void spectrum_case(int w, int h, int size, int complex_input)
{
    uint32_t seed = 12345u + (uint32_t)(w * 31 + h);
    float re[11 * 9], im[11 * 9];
    for (int i = 0; i < w * h; i++) {
        re[i] = (float)check_rand_u32(&seed) / 4294967296.0f - 0.5f;
        im[i] = (float)check_rand_u32(&seed) / 4294967296.0f - 0.5f;
    }
    int p = size;
    if (!p) CHECK(sc_fft_spectrum_size(w, h, &p) == SC_OK, "auto size");
    float *out = malloc(sizeof(float) * (size_t)p * p);
    CHECK(sc_fft_spectrum(re, complex_input ? im : NULL, w, h, size, out) == SC_OK, "spectrum %dx%d", w, h);
    double worst = 0, peak = 0;
    for (int ky = 0; ky < p; ky++)
        for (int kx = 0; kx < p; kx++) {
            double sr = 0, si = 0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    const double a = -2 * PI * ((double)kx * (x - w / 2) + (double)ky * (y - h / 2)) / p;
                    const double vr = re[y * w + x], vi = complex_input ? im[y * w + x] : 0;
                    sr += vr * cos(a) - vi * sin(a);
                    si += vr * sin(a) + vi * cos(a);
                }
            const double want = hypot(sr, si);
            const double got = out[((ky + p / 2) % p) * p + (kx + p / 2) % p];
            worst = fmax(worst, fabs(got - want));
            peak = fmax(peak, want);
        }
    CHECK(worst < 1e-5 * peak, "%dx%d in %d: off the direct DFT by %g (peak %g)", w, h, p, worst, peak);
    free(out);
}

static void test_spectrum(void)
{
    spectrum_case(11, 9, 0, 1);  /* auto: 64 */
    spectrum_case(11, 9, 20, 1); /* radix 5 */
    spectrum_case(7, 4, 12, 0);  /* radix 3, real */
    int p = 0;
    CHECK(sc_fft_spectrum_size(31, 31, &p) == SC_OK && p == 64, "31 -> 64, got %d", p);
    CHECK(sc_fft_spectrum_size(33, 5, &p) == SC_OK && p == 128, "33 -> 128, got %d", p);
    CHECK(sc_fft_spectrum_size(1025, 1, &p) == SC_OK && p == SC_FFT_MAX_SPECTRUM, "1025 -> max, got %d", p);
    /* A symmetric real kernel (a centred Gaussian) has a real, even spectrum
     * whose value at zero frequency is its sum, at the centre of out. */
    float g[5 * 5], out[64 * 64];
    double sum = 0;
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 5; x++) sum += g[y * 5 + x] = (float)exp(-((x - 2) * (x - 2) + (y - 2) * (y - 2)) / 2.0);
    CHECK(sc_fft_spectrum(g, NULL, 5, 5, 0, out) == SC_OK, "gaussian");
    CHECK(fabs(out[32 * 64 + 32] - sum) < 1e-5 * sum, "DC %g vs sum %g", out[32 * 64 + 32], sum);
    CHECK(out[32 * 64 + 32 + 5] == out[32 * 64 + 32 - 5], "even spectrum");
    CHECK(sc_fft_spectrum(g, NULL, 5, 5, 6, out) == SC_ERR_SIZE, "size not a multiple of 4");
    CHECK(sc_fft_spectrum(g, NULL, 5, 5, 4, out) == SC_ERR_SIZE, "size below the image");
    CHECK(sc_fft_spectrum(g, NULL, 5, 5, 28, out) == SC_ERR_SIZE, "size 28 not 5-smooth");
    g[3] = NAN;
    CHECK(sc_fft_spectrum(g, NULL, 5, 5, 0, out) == SC_ERR_NONFINITE, "NaN");
    CHECK(sc_fft_spectrum(NULL, NULL, 5, 5, 0, out) == SC_ERR_NULL, "NULL re");
}

static void test_input_sample(void)
{
    /* Izhikevich (2004) Fig. 1 (A): 0 until T1 = 10 ms, then 14 (a step). */
    const double st[2] = {10, 10}, sv[2] = {0, 14};
    const double times[5] = {0, 9.999, 10, 10.5, 1e6};
    double out[5];
    CHECK(sc_ode_input_sample(st, sv, 2, times, 5, out) == SC_OK, "step");
    CHECK(out[0] == 0 && out[1] == 0 && out[2] == 14 && out[3] == 14 && out[4] == 14, "step values %g %g %g %g %g",
          out[0], out[1], out[2], out[3], out[4]);
    /* A ramp (Fig. 1 (G)-like): linear between breakpoints, exact at the knots. */
    const double rt[3] = {0, 100, 200}, rv[3] = {0, 5, 5};
    const double rtimes[4] = {-1, 25, 100, 150};
    CHECK(sc_ode_input_sample(rt, rv, 3, rtimes, 4, out) == SC_OK, "ramp");
    CHECK(out[0] == 0 && fabs(out[1] - 1.25) < 1e-15 && out[2] == 5 && out[3] == 5, "ramp values");
    const double bad[2] = {1, 0};
    CHECK(sc_ode_input_sample(bad, sv, 2, times, 5, out) == SC_ERR_RANGE, "decreasing times");
    CHECK(sc_ode_input_sample(st, sv, 0, times, 5, out) == SC_ERR_SIZE, "empty protocol");
    CHECK(sc_ode_input_sample(st, sv, 2, times, 0, out) == SC_ERR_SIZE, "no times");
    const double nan_t[1] = {NAN};
    CHECK(sc_ode_input_sample(st, sv, 2, nan_t, 1, out) == SC_ERR_NONFINITE, "NaN time");
}

int main(void)
{
    CHECK_RUN(test_kernel_pair());
    CHECK_RUN(test_bank_size());
    CHECK_RUN(test_tuning());
    CHECK_RUN(test_spectrum());
    CHECK_RUN(test_input_sample());
    return check_summary("test_numerics");
}
