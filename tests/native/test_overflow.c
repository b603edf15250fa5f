/* Finite inputs whose float32 outputs overflow: every such public function
 * returns SC_ERR_OVERFLOW naming the output (never SC_OK with inf/NaN), large
 * but safe inputs still succeed; the batch step dt and the Gabor bank's
 * energy size are bounded before any work. docs/reliability.md. */
#include <float.h>
#include <string.h>
#include "check.h"
#include "simcore/conv.h"
#include "simcore/gabor.h"
#include "simcore/ode.h"
#include "simcore/phase.h"
#include "base/internal.h"

#define W 12
#define H 10

static int count_nonfinite(const float *x, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) c += !isfinite(x[i]);
    return c;
}

static void fill(float *x, size_t n, float v)
{
    for (size_t i = 0; i < n; i++) x[i] = v;
}

/* The finiteness pass (SIMD in 16-float rounds, then a scalar tail) finds a
 * non-finite value at every position of every length; the largest finite,
 * subnormal and negative values pass. */
static void test_all_finite(void)
{
    static const float bad[3] = {INFINITY, -INFINITY, NAN};
    float x[41];
    for (size_t n = 0; n <= 41; n++) {
        for (size_t i = 0; i < n; i++) x[i] = (i % 3 == 0) ? FLT_MAX : (i % 3 == 1) ? -1e-45f
                                                                                    : -FLT_MAX;
        CHECK(sc_all_finite(x, n) == 1, "n %zu: finite values refused", n);
        for (size_t p = 0; p < n; p++) {
            for (int b = 0; b < 3; b++) {
                const float keep = x[p];
                x[p] = bad[b];
                CHECK(sc_all_finite(x, n) == 0, "n %zu: %g at %zu missed", n, x[p], p);
                x[p] = keep;
            }
        }
    }
}

static void test_conv(void)
{
    float image[W * H], out[W * H];
    const float ones[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    for (int m = SC_CONV_AUTO; m < SC_CONV_METHOD_COUNT; m++) {
        sc_conv_desc d = {0};
        d.method = (sc_conv_method)m;
        d.border = SC_BORDER_REPLICATE;
        /* 9 x 3e38 is above FLT_MAX = 3.4e38 at every pixel. */
        fill(image, W * H, 3e38f);
        const sc_status st = sc_conv2d(image, W, H, ones, 3, 3, &d, out, NULL);
        CHECK(st == SC_ERR_OVERFLOW, "method %d: status %d", m, st);
        CHECK(strcmp(sc_last_error_arg(), "out") == 0, "method %d: arg '%s'", m, sc_last_error_arg());
        CHECK(count_nonfinite(out, W * H) > 0, "method %d: out holds the overflowing result", m);
        /* Large values alone are not refused. */
        fill(image, W * H, 1e30f);
        CHECK(sc_conv2d(image, W, H, ones, 3, 3, &d, out, NULL) == SC_OK, "method %d: 1e30 refused", m);
        int bad = 0;
        for (int i = 0; i < W * H; i++) bad += !(fabsf(out[i] - 9e30f) <= 1e-5f * 9e30f);
        CHECK(bad == 0, "method %d: %d outputs differ from 9e30 (out[0] = %g)", m, bad, out[0]);
    }
    /* 9e37 fits float32, but the FFT's spectrum sums all 120 pixels (1.2e39):
     * DIRECT succeeds, FFT reports the overflow instead of returning NaN. */
    sc_conv_desc dd = {0}, df = {0};
    dd.method = SC_CONV_DIRECT;
    df.method = SC_CONV_FFT;
    dd.border = df.border = SC_BORDER_REPLICATE;
    fill(image, W * H, 1e37f);
    CHECK(sc_conv2d(image, W, H, ones, 3, 3, &dd, out, NULL) == SC_OK && fabsf(out[0] - 9e37f) <= 1e-5f * 9e37f,
          "direct 1e37: out[0] = %g", out[0]);
    CHECK(sc_conv2d(image, W, H, ones, 3, 3, &df, out, NULL) == SC_ERR_OVERFLOW, "fft 1e37 returned OK");
    /* A difference of huge values is exact in DIRECT (2e38 - 2e38 = 0). */
    const float diff[2] = {1, -1};
    sc_conv_desc d = {0};
    d.method = SC_CONV_DIRECT;
    d.border = SC_BORDER_REPLICATE;
    fill(image, W * H, 2e38f);
    CHECK(sc_conv2d(image, W, H, diff, 2, 1, &d, out, NULL) == SC_OK, "difference of 2e38 refused");
    CHECK(count_nonfinite(out, W * H) == 0 && out[0] == 0.0f, "difference: out[0] = %g", out[0]);
    /* The same values summed overflow, also in place (out aliasing image). */
    const float sum[2] = {1, 1};
    CHECK(sc_conv2d(image, W, H, sum, 2, 1, &d, image, NULL) == SC_ERR_OVERFLOW, "2e38 + 2e38 accepted in place");
}

static void test_gabor_filter(void)
{
    float image[W * H], re[W * H], im[W * H], mag[W * H];
    sc_gabor_params p = sc_gabor_default_params();
    p.sigma = 1.0;
    p.lambda = 4.0;
    p.width = p.height = 5;
    /* The real kernel sums to about 3 (psi = 0): 3e38 times that overflows. */
    fill(image, W * H, 3e38f);
    CHECK(sc_gabor_filter(image, W, H, &p, SC_BORDER_REPLICATE, re, im, mag) == SC_ERR_OVERFLOW, "all parts");
    CHECK(strcmp(sc_last_error_arg(), "re") == 0, "all parts: arg '%s'", sc_last_error_arg());
    CHECK(count_nonfinite(mag, W * H) > 0, "magnitude computed and non-finite");
    CHECK(sc_gabor_filter(image, W, H, &p, SC_BORDER_REPLICATE, NULL, NULL, mag) == SC_ERR_OVERFLOW, "magnitude only");
    CHECK(strcmp(sc_last_error_arg(), "magnitude") == 0, "magnitude only: arg '%s'", sc_last_error_arg());
    /* psi = pi/2 moves the cosine into the imaginary part. */
    p.psi = 1.5707963267948966;
    CHECK(sc_gabor_filter(image, W, H, &p, SC_BORDER_REPLICATE, NULL, im, NULL) == SC_ERR_OVERFLOW, "imag only");
    CHECK(strcmp(sc_last_error_arg(), "im") == 0, "imag only: arg '%s'", sc_last_error_arg());
    /* Large but safe pixels give finite responses and SC_OK. */
    p.psi = 0.0;
    fill(image, W * H, 1e30f);
    CHECK(sc_gabor_filter(image, W, H, &p, SC_BORDER_REPLICATE, re, im, mag) == SC_OK, "1e30 refused");
    CHECK(count_nonfinite(mag, W * H) == 0 && mag[0] > 1e30f, "1e30: magnitude %g", mag[0]);
}

static void test_gabor_bank(void)
{
    float image[W * H], energy[2 * W * H], mag0[W * H], mag1[W * H];
    sc_gabor_bank_desc d = {0};
    d.base = sc_gabor_default_params();
    d.base.sigma = 1.0;
    d.base.lambda = 4.0;
    d.orientations = 2;
    d.scales = 1;
    d.border = SC_BORDER_REPLICATE;
    fill(image, W * H, 3e38f);
    CHECK(sc_gabor_bank(image, W, H, &d, energy, NULL) == SC_ERR_OVERFLOW, "bank of 3e38");
    CHECK(strcmp(sc_last_error_arg(), "energy") == 0, "bank: arg '%s'", sc_last_error_arg());
    CHECK(count_nonfinite(energy, W * H) > 0, "bank: energy[0] holds the overflow");

    /* Each scale's magnitude finite, their sum not: scale the constant image
     * so the larger magnitude is 0.9 FLT_MAX and the smaller above 0.1 FLT_MAX. */
    d.scales = 2;
    d.orientations = 1;
    sc_gabor_params p0 = d.base, p1 = d.base;
    p1.sigma *= 2.0;
    p1.lambda *= 2.0;
    fill(image, W * H, 1.0f);
    CHECK(sc_gabor_filter(image, W, H, &p0, SC_BORDER_REPLICATE, NULL, NULL, mag0) == SC_OK, "scale 0");
    CHECK(sc_gabor_filter(image, W, H, &p1, SC_BORDER_REPLICATE, NULL, NULL, mag1) == SC_OK, "scale 1");
    const float big = fmaxf(mag0[0], mag1[0]), small = fminf(mag0[0], mag1[0]);
    CHECK(small > 0.12f * big, "precondition: magnitudes %g and %g comparable", mag0[0], mag1[0]);
    fill(image, W * H, 0.9f * FLT_MAX / big);
    CHECK(sc_gabor_filter(image, W, H, &p0, SC_BORDER_REPLICATE, NULL, NULL, mag0) == SC_OK, "scale 0 fits");
    CHECK(sc_gabor_filter(image, W, H, &p1, SC_BORDER_REPLICATE, NULL, NULL, mag1) == SC_OK, "each scale fits");
    CHECK(sc_gabor_bank(image, W, H, &d, energy, NULL) == SC_ERR_OVERFLOW, "sum over scales overflows");
    CHECK(strcmp(sc_last_error_arg(), "energy") == 0, "sum: arg '%s'", sc_last_error_arg());

    /* The energy's size: 8 x 4096^2 = 2^27 values pass (the next check,
     * the kernel at the largest scale, fails instead), 9 do not. Both are
     * refused before the image is read, so a tiny buffer does. */
    d.scales = 1;
    d.base.sigma = 400.0; /* auto kernel 2401 px > 1025 */
    d.orientations = 8;
    CHECK(sc_gabor_bank(image, 4096, 4096, &d, energy, NULL) == SC_ERR_SIZE, "8 orientations");
    CHECK(strcmp(sc_last_error_arg(), "sigma") == 0, "8 orientations of 4096^2 accepted: arg '%s'",
          sc_last_error_arg());
    d.orientations = 9;
    CHECK(sc_gabor_bank(image, 4096, 4096, &d, energy, NULL) == SC_ERR_SIZE, "9 orientations");
    CHECK(strcmp(sc_last_error_arg(), "orientations * width * height") == 0, "9: arg '%s'", sc_last_error_arg());
    d.orientations = 64;
    CHECK(sc_gabor_bank(image, 4096, 4096, &d, energy, NULL) == SC_ERR_SIZE, "64 orientations");
    CHECK(strcmp(sc_last_error_arg(), "orientations * width * height") == 0, "64: arg '%s'", sc_last_error_arg());
    CHECK((long long)SC_GABOR_MAX_BANK_VALUES == 8LL * 4096 * 4096, "limit is 2^27");
}

static void test_direction_field(void)
{
    float out[2 * 5 * 4];
    const double fast[4] = {1e10, 0, 0, 1e10}; /* linear2d a, b, c, d */
    sc_phase_plane pl = {SC_SYS_LINEAR2D, fast, sc_ode_system(SC_SYS_LINEAR2D)->nparams, 0, 1, NULL, 0};
    /* Float kernel: 1e10 x 1e30 = 1e40 > FLT_MAX. */
    CHECK(sc_phase_direction_field(&pl, -1e30, 1e30, 5, -1, 1, 4, out) == SC_ERR_OVERFLOW, "linear over 1e30");
    CHECK(strcmp(sc_last_error_arg(), "out") == 0, "linear: arg '%s'", sc_last_error_arg());
    CHECK(sc_phase_direction_field(&pl, -1e20, 1e20, 5, -1, 1, 4, out) == SC_OK, "linear over 1e20 (1e30 fits)");
    CHECK(count_nonfinite(out, 40) == 0 && fabsf(out[0] + 1e30f) <= 1e24f, "dx at x = -1e20: %g", out[0]);
    /* Swapped variables take the double path, rounded to float. */
    sc_phase_plane sw = {SC_SYS_LINEAR2D, fast, sc_ode_system(SC_SYS_LINEAR2D)->nparams, 1, 0, NULL, 0};
    CHECK(sc_phase_direction_field(&sw, -1, 1, 5, -1e30, 1e30, 4, out) == SC_ERR_OVERFLOW, "swapped over 1e30");
    /* Double path: van der Pol's mu (1 - x^2) y is finite in double, not in float. */
    const double mu[1] = {1.0};
    sc_phase_plane vdp = {SC_SYS_VAN_DER_POL, mu, sc_ode_system(SC_SYS_VAN_DER_POL)->nparams, 0, 1, NULL, 0};
    CHECK(sc_phase_direction_field(&vdp, -1e20, 1e20, 5, -1, 1, 4, out) == SC_ERR_OVERFLOW, "van der pol");
    CHECK(strcmp(sc_last_error_arg(), "out") == 0, "vdp: arg '%s'", sc_last_error_arg());
    CHECK(sc_phase_direction_field(&vdp, -3, 3, 5, -3, 3, 4, out) == SC_OK, "van der pol, usual box");
}

static void test_batch_dt(void)
{
    const double zero[4] = {0, 0, 0, 0}, fast[4] = {1e20, 0, 0, 1e20};
    float y[4] = {1, 2, 0, 0};
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, zero, sc_ode_system(SC_SYS_LINEAR2D)->nparams, y, 2, 3e38, 1, SC_ODE_RK4) == SC_ERR_RANGE, "dt 3e38");
    CHECK(strcmp(sc_last_error_arg(), "dt") == 0, "dt: arg '%s'", sc_last_error_arg());
    CHECK(y[0] == 1 && y[1] == 2, "a refused step leaves the states");
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, zero, sc_ode_system(SC_SYS_LINEAR2D)->nparams, y, 2, nextafter(SC_ODE_MAX_BATCH_DT, 1e300), 1, SC_ODE_EULER) ==
              SC_ERR_RANGE,
          "just above the limit");
    CHECK(sc_ode_batch(SC_SYS_VAN_DER_POL, (const double[]){1.0}, sc_ode_system(SC_SYS_VAN_DER_POL)->nparams, y, 2, 1e30, 1, SC_ODE_RK4) == SC_ERR_RANGE,
          "double fallback: dt 1e30");
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, zero, sc_ode_system(SC_SYS_LINEAR2D)->nparams, y, 2, SC_ODE_MAX_BATCH_DT, 3, SC_ODE_RK4) == SC_OK, "dt at the limit");
    CHECK(y[0] == 1 && y[1] == 2, "zero system: states unchanged (%g, %g)", y[0], y[1]);
    /* Lanes stay independent: one leaves float32 (documented), the zero
     * state stays exactly zero, and the call succeeds. */
    CHECK(sc_ode_batch(SC_SYS_LINEAR2D, fast, sc_ode_system(SC_SYS_LINEAR2D)->nparams, y, 2, 1.0, 3, SC_ODE_RK4) == SC_OK, "overflowing lane");
    CHECK(!isfinite(y[0]) && !isfinite(y[1]), "lane 0 left float32: (%g, %g)", y[0], y[1]);
    CHECK(y[2] == 0 && y[3] == 0, "lane 1 untouched: (%g, %g)", y[2], y[3]);
}

int main(void)
{
    CHECK_RUN(test_all_finite());
    CHECK_RUN(test_conv());
    CHECK_RUN(test_gabor_filter());
    CHECK_RUN(test_gabor_bank());
    CHECK_RUN(test_direction_field());
    CHECK_RUN(test_batch_dt());
    return check_summary("test_overflow");
}
