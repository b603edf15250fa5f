/* Gabor kernels, filters and banks against the closed form in
 * core/include/simcore/gabor.h, OpenCV's layout and conventions (point
 * reflection, even size -> size+1, theta turning clockwise on screen), the
 * convolution engine, and gratings of known orientation. */
#include <string.h>
#include "check.h"
#include "simcore/conv.h"
#include "simcore/gabor.h"

#define PI 3.14159265358979323846
/* Kernel values are |g| <= 1, computed in double and stored as float:
 * 1e-6 absolute is ~16 float32 ulps at 1 and catches any wrong index/sign. */
#define KERNEL_TOL 1e-6
/* Filter outputs: 1e-4 of sum |k| * max |x| (a bound on sum |k||x|). */
#define FILTER_TOL 1e-4

/* The documented closed form, written from the header's formula. */
static double closed_form(const sc_gabor_params *p, double x, double y, sc_gabor_part part)
{
    const double xr = x * cos(p->theta) + y * sin(p->theta);
    const double yr = -x * sin(p->theta) + y * cos(p->theta);
    const double env = exp(-(xr * xr + p->gamma * p->gamma * yr * yr) / (2 * p->sigma * p->sigma));
    const double arg = 2 * PI * xr / p->lambda + p->psi;
    return env * (part == SC_GABOR_REAL ? cos(arg) : sin(arg));
}

static sc_gabor_params make(double sigma, double theta, double lambda, double gamma,
                            double psi, int w, int h)
{
    sc_gabor_params p = sc_gabor_default_params();
    p.sigma = sigma;
    p.theta = theta;
    p.lambda = lambda;
    p.gamma = gamma;
    p.psi = psi;
    p.width = w;
    p.height = h;
    return p;
}

static void test_defaults(void)
{
    const sc_gabor_params p = sc_gabor_default_params();
    CHECK(p.sigma == 4.0 && p.theta == 0.0 && p.lambda == 10.0 && p.gamma == 0.5 && p.psi == 0.0,
          "documented defaults");
    CHECK(p.width == 0 && p.height == 0, "auto size by default");
}

static void test_sizes(void)
{
    int w = 0, h = 0;
    /* Explicit sizes: odd kept, even -> size+1 (OpenCV's integer division). */
    sc_gabor_params p = make(2, 0.3, 6, 0.5, 0, 7, 8);
    CHECK(sc_gabor_kernel_size(&p, &w, &h) == SC_OK && w == 7 && h == 9, "7x8 -> %dx%d", w, h);
    p.width = 1;
    p.height = 2;
    CHECK(sc_gabor_kernel_size(&p, &w, &h) == SC_OK && w == 1 && h == 3, "1x2 -> %dx%d", w, h);
    /* Auto: 2 * ceil(3 * max(sigma, sigma / gamma)) + 1, whatever theta. */
    static const double sg[][2] = {{4, 0.5}, {2, 1}, {1.3, 2}, {3.3, 0.7}};
    for (size_t i = 0; i < sizeof sg / sizeof sg[0]; i++) {
        const double reach = 3 * fmax(sg[i][0], sg[i][0] / sg[i][1]);
        const int want = 2 * (int)ceil(reach) + 1;
        for (double theta = 0; theta < 3.2; theta += 0.35) {
            sc_gabor_params a = make(sg[i][0], theta, 7, sg[i][1], 0, 0, 0);
            CHECK(sc_gabor_kernel_size(&a, &w, &h) == SC_OK, "auto size");
            CHECK(w == want && h == want && (w & 1),
                  "auto size sigma %g gamma %g theta %g: %dx%d, want %d square odd",
                  sg[i][0], sg[i][1], theta, w, h, want);
        }
    }
}

/* Layout: kernel[(ymax - y) * w + (xmax - x)] = g(x, y), real and imaginary,
 * on every element of a few kernels (including even and non-square sizes). */
static void test_values_and_layout(void)
{
    static const double set[][7] = {
        /* sigma, theta, lambda, gamma, psi, w, h */
        {4, 0.3, 10, 0.5, 0, 21, 21},
        {2.5, 1.2, 6, 1, PI / 2, 8, 6},
        {3, -0.7, 4.5, 0.3, PI / 2, 15, 20},
        {1.5, PI, 3, 2, 1, 7, 1},
        {2, 2.5, 5, 0.8, -0.4, 0, 0},
    };
    for (size_t s = 0; s < sizeof set / sizeof set[0]; s++) {
        const double *v = set[s];
        sc_gabor_params p = make(v[0], v[1], v[2], v[3], v[4], (int)v[5], (int)v[6]);
        int w, h;
        CHECK(sc_gabor_kernel_size(&p, &w, &h) == SC_OK, "size");
        float *re = malloc(sizeof(float) * w * h), *im = malloc(sizeof(float) * w * h);
        check_fill_nan(re, (size_t)w * h);
        check_fill_nan(im, (size_t)w * h);
        CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, re) == SC_OK, "real");
        CHECK(sc_gabor_kernel(&p, SC_GABOR_IMAG, im) == SC_OK, "imag");
        const int xmax = w / 2, ymax = h / 2;
        double worst = 0.0;
        for (int y = -ymax; y <= ymax; y++) {
            for (int x = -xmax; x <= xmax; x++) {
                const size_t at = (size_t)(ymax - y) * w + (xmax - x);
                const double er = fabs(re[at] - closed_form(&p, x, y, SC_GABOR_REAL));
                const double ei = fabs(im[at] - closed_form(&p, x, y, SC_GABOR_IMAG));
                if (!(er <= worst)) worst = er; /* NaN (unwritten) counts */
                if (!(ei <= worst)) worst = ei;
            }
        }
        CHECK(worst <= KERNEL_TOL, "set %zu: worst |kernel - closed form| = %g", s, worst);
        /* Centre is g(0,0) = cos(psi) / sin(psi). */
        const size_t c = (size_t)ymax * w + xmax;
        CHECK(fabs(re[c] - cos(v[4])) < KERNEL_TOL && fabs(im[c] - sin(v[4])) < KERNEL_TOL,
              "set %zu centre %g %g", s, re[c], im[c]);
        /* The imaginary part is the real part with psi - pi/2. */
        sc_gabor_params q = p;
        q.psi = p.psi - PI / 2;
        float *shifted = malloc(sizeof(float) * w * h);
        CHECK(sc_gabor_kernel(&q, SC_GABOR_REAL, shifted) == SC_OK, "shifted");
        double d = 0.0;
        for (int i = 0; i < w * h; i++) d = fmax(d, fabs(shifted[i] - im[i]));
        CHECK(d <= KERNEL_TOL, "set %zu: imag vs real(psi - pi/2): %g", s, d);
        free(re);
        free(im);
        free(shifted);
    }
    /* Point reflection, concretely: with theta 0 and psi = -pi/2, g(x, 0) =
     * sin(2 pi x / lambda) is > 0 for x = +1, and OpenCV stores it at column
     * xmax - x, i.e. LEFT of the centre. */
    sc_gabor_params p = make(2, 0, 8, 1, -PI / 2, 5, 5);
    float k[25];
    CHECK(sc_gabor_kernel(&p, SC_GABOR_REAL, k) == SC_OK, "odd kernel");
    CHECK(k[2 * 5 + 1] > 0.1f && k[2 * 5 + 3] < -0.1f, "g(+1,0) stored left of centre: %g, %g", k[11], k[13]);
}

/* Correlating a point image with the stored kernel gives g itself, placed
 * the right way up: out(x0 + x, y0 + y) = g(x, y) (filter2D = convolution
 * with g). Then theta: the stripe normal (cos t, sin t) in image coordinates
 * (row 0 at the top, y down) turns clockwise on screen as t grows, so at
 * t = pi/4 the response along the down-right diagonal oscillates (carrier
 * along it) and the response along the up-right diagonal does not. */
static void test_orientation_on_screen(void)
{
    const int n = 31, c = 15;
    float img[31 * 31] = {0}, re[31 * 31];
    img[c * n + c] = 1.0f;
    sc_gabor_params p = make(3, PI / 4, 6, 0.5, 0, 0, 0);
    CHECK(sc_gabor_filter(img, n, n, &p, SC_BORDER_CONSTANT, re, NULL, NULL) == SC_OK, "filter");
    double worst = 0.0;
    for (int y = -9; y <= 9; y++)
        for (int x = -9; x <= 9; x++)
            worst = fmax(worst, fabs(re[(c + y) * n + (c + x)] - closed_form(&p, x, y, SC_GABOR_REAL)));
    CHECK(worst <= KERNEL_TOL, "impulse response = g(x, y): %g", worst);
    /* Along the normal (1,1)/sqrt2 = down-right on screen: distance d = x*sqrt2,
     * the carrier cos(2 pi d / 6) reaches -1 near d = 3 (x = y ~ 2.1). */
    const float down_right = re[(c + 2) * n + (c + 2)], up_right = re[(c - 2) * n + (c + 2)];
    CHECK(down_right < -0.3f, "down-right diagonal crosses a dark stripe: %g", down_right);
    CHECK(up_right > 0.0f, "up-right diagonal stays on the bright centre stripe: %g", up_right);
}

/* Reference correlation through the engine, with the kernels from
 * sc_gabor_kernel; magnitude = hypot(re, im). */
static void test_filter_matches_conv(void)
{
    const int w = 23, h = 17;
    uint32_t seed = 99;
    float *img = malloc(sizeof(float) * w * h);
    check_fill_random(img, (size_t)w * h, &seed);
    float re[23 * 17], im[23 * 17], mag[23 * 17], wre[23 * 17], wim[23 * 17];
    const sc_gabor_params sets[] = {make(2, 0.4, 5, 0.5, 0, 0, 0), make(1.5, 2.0, 4, 1, PI / 2, 8, 5)};
    for (size_t s = 0; s < 2; s++) {
        const sc_gabor_params *p = &sets[s];
        int kw, kh;
        sc_gabor_kernel_size(p, &kw, &kh);
        float *kr = malloc(sizeof(float) * kw * kh), *ki = malloc(sizeof(float) * kw * kh);
        sc_gabor_kernel(p, SC_GABOR_REAL, kr);
        sc_gabor_kernel(p, SC_GABOR_IMAG, ki);
        double ksum = 0;
        for (int i = 0; i < kw * kh; i++) ksum += fabs(kr[i]) + fabs(ki[i]);
        for (int b = 0; b < SC_BORDER_COUNT; b++) {
            check_fill_nan(re, (size_t)w * h);
            check_fill_nan(im, (size_t)w * h);
            check_fill_nan(mag, (size_t)w * h);
            CHECK(sc_gabor_filter(img, w, h, p, (sc_border)b, re, im, mag) == SC_OK, "filter");
            sc_conv_desc d = {0};
            d.border = (sc_border)b;
            d.correlate = 1;
            d.method = SC_CONV_DIRECT;
            CHECK(sc_conv2d(img, w, h, kr, kw, kh, &d, wre, NULL) == SC_OK, "conv re");
            CHECK(sc_conv2d(img, w, h, ki, kw, kh, &d, wim, NULL) == SC_OK, "conv im");
            double e = 0.0;
            for (int i = 0; i < w * h; i++) {
                const double em = fabs(mag[i] - hypot(wre[i], wim[i]));
                e = fmax(e, fmax(fabs(re[i] - wre[i]), fabs(im[i] - wim[i])));
                if (!(em <= e)) e = em;
            }
            CHECK(e <= FILTER_TOL * ksum, "set %zu border %d: |filter - conv| = %g", s, b, e);
            /* Any output may be NULL; magnitude alone is the same. */
            float only[23 * 17];
            CHECK(sc_gabor_filter(img, w, h, p, (sc_border)b, NULL, NULL, only) == SC_OK, "magnitude only");
            CHECK(memcmp(only, mag, sizeof only) == 0, "magnitude alone == magnitude with parts");
        }
        free(kr);
        free(ki);
    }
    free(img);
}

/* An 8-orientation bank on a grating of orientation theta_k recovers theta_k
 * at every interior pixel, for every k. */
static void test_bank_gratings(void)
{
    const int w = 48, h = 48, no = 8, margin = 10;
    const double lambda = 8;
    float *img = malloc(sizeof(float) * w * h), *dom = malloc(sizeof(float) * w * h);
    float *energy = malloc(sizeof(float) * w * h * no);
    sc_gabor_bank_desc d = {0};
    d.base = make(3, 0, lambda, 0.5, 0, 19, 19);
    d.orientations = no;
    d.scales = 1;
    d.border = SC_BORDER_REFLECT101;
    for (int k = 0; k < no; k++) {
        const double t = k * PI / no;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img[y * w + x] = (float)cos(2 * PI * (x * cos(t) + y * sin(t)) / lambda);
        check_fill_nan(dom, (size_t)w * h);
        CHECK(sc_gabor_bank(img, w, h, &d, energy, dom) == SC_OK, "bank");
        int wrong = 0;
        for (int y = margin; y < h - margin; y++)
            for (int x = margin; x < w - margin; x++)
                if (!(fabs(dom[y * w + x] - t) < 1e-6)) wrong++;
        CHECK(wrong == 0, "theta_%d = %.4f: %d interior pixels wrong", k, t, wrong);
        /* energy[k] is the magnitude response at theta_k (one scale). */
        sc_gabor_params p = d.base;
        p.theta = t;
        float *mag = malloc(sizeof(float) * w * h);
        sc_gabor_filter(img, w, h, &p, d.border, NULL, NULL, mag);
        CHECK(memcmp(mag, energy + (size_t)k * w * h, sizeof(float) * w * h) == 0, "energy[%d] == |filter|", k);
        free(mag);
    }
    /* Dominant alone (energy NULL) is the same map. */
    float *dom2 = malloc(sizeof(float) * w * h);
    CHECK(sc_gabor_bank(img, w, h, &d, NULL, dom2) == SC_OK, "dominant only");
    CHECK(memcmp(dom, dom2, sizeof(float) * w * h) == 0, "dominant without energy");
    free(dom2);
    free(img);
    free(dom);
    free(energy);
}

/* Large but finite images: the magnitude must stay finite (r^2 overflowed
 * float when it was computed as sqrtf(r*r + i*i)). */
static void test_magnitude_no_overflow(void)
{
    float img[9 * 9], re[81], im[81], mag[81];
    for (int i = 0; i < 81; i++) img[i] = 1e25f;
    sc_gabor_params p = make(1, 0.3, 4, 1, 0.4, 3, 3);
    CHECK(sc_gabor_filter(img, 9, 9, &p, SC_BORDER_REPLICATE, re, im, mag) == SC_OK, "filter");
    for (int i = 0; i < 81; i++) {
        const double want = hypot(re[i], im[i]);
        if (!(isfinite(mag[i]) && fabs(mag[i] - want) <= 1e-6 * want)) {
            CHECK(0, "magnitude[%d] = %g, want hypot = %g", i, mag[i], want);
            break;
        }
    }
}

static int fails_with(sc_status got, sc_status want, const char *arg)
{
    return got == want && strcmp(sc_last_error_arg(), arg) == 0;
}

static void test_errors(void)
{
    int w, h;
    float k[9], img[16] = {0}, out[16];
    sc_gabor_params good = make(2, 0, 6, 0.5, 0, 3, 3);
    struct {
        double *field;
        double value;
        sc_status st;
        const char *arg;
    } cases[] = {
        {&good.sigma, 0, SC_ERR_RANGE, "sigma"},
        {&good.sigma, -1, SC_ERR_RANGE, "sigma"},
        {&good.sigma, NAN, SC_ERR_NONFINITE, "sigma"},
        {&good.sigma, 1e-200, SC_ERR_RANGE, "sigma"}, /* -0.5/sigma^2 overflows */
        {&good.lambda, 0, SC_ERR_RANGE, "lambda"},
        {&good.lambda, INFINITY, SC_ERR_NONFINITE, "lambda"},
        {&good.lambda, 1e-310, SC_ERR_RANGE, "lambda"}, /* 2 pi / lambda overflows */
        {&good.gamma, 0, SC_ERR_RANGE, "gamma"},
        {&good.gamma, 1e300, SC_ERR_RANGE, "gamma"}, /* sigma / gamma underflows */
        {&good.theta, NAN, SC_ERR_NONFINITE, "theta"},
        {&good.psi, -INFINITY, SC_ERR_NONFINITE, "psi"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double saved = *cases[i].field;
        *cases[i].field = cases[i].value;
        const sc_gabor_params p = good; /* the bad copy; good is restored */
        *cases[i].field = saved;
        CHECK(fails_with(sc_gabor_kernel_size(&p, &w, &h), cases[i].st, cases[i].arg),
              "size case %zu: arg '%s'", i, sc_last_error_arg());
        CHECK(fails_with(sc_gabor_kernel(&p, SC_GABOR_REAL, k), cases[i].st, cases[i].arg), "kernel case %zu", i);
        CHECK(fails_with(sc_gabor_filter(img, 4, 4, &p, SC_BORDER_CONSTANT, out, NULL, NULL), cases[i].st, cases[i].arg),
              "filter case %zu", i);
    }
    sc_gabor_params p = good;
    p.width = SC_CONV_MAX_KERNEL_DIM + 1;
    CHECK(fails_with(sc_gabor_kernel_size(&p, &w, &h), SC_ERR_SIZE, "width"), "width limit");
    p.width = -1;
    CHECK(fails_with(sc_gabor_kernel_size(&p, &w, &h), SC_ERR_SIZE, "width"), "negative width");
    p = good;
    p.height = SC_CONV_MAX_KERNEL_DIM + 1;
    CHECK(fails_with(sc_gabor_kernel_size(&p, &w, &h), SC_ERR_SIZE, "height"), "height limit");
    p = good;
    p.width = p.height = 0;
    p.sigma = 200; /* auto half-width 3 * 400 */
    CHECK(fails_with(sc_gabor_kernel_size(&p, &w, &h), SC_ERR_SIZE, "sigma"), "auto size too large");
    CHECK(fails_with(sc_gabor_kernel_size(NULL, &w, &h), SC_ERR_NULL, "params"), "NULL params");
    CHECK(fails_with(sc_gabor_kernel_size(&good, NULL, &h), SC_ERR_NULL, "width"), "NULL width");
    CHECK(fails_with(sc_gabor_kernel(&good, SC_GABOR_PART_COUNT, k), SC_ERR_OPTION, "part"), "part");
    CHECK(fails_with(sc_gabor_kernel(&good, SC_GABOR_REAL, NULL), SC_ERR_NULL, "out"), "NULL out");
    CHECK(fails_with(sc_gabor_filter(NULL, 4, 4, &good, 0, out, NULL, NULL), SC_ERR_NULL, "image"), "NULL image");
    CHECK(fails_with(sc_gabor_filter(img, 0, 4, &good, 0, out, NULL, NULL), SC_ERR_SIZE, "width"), "width 0");
    CHECK(fails_with(sc_gabor_filter(img, 4, SC_CONV_MAX_DIM + 1, &good, 0, out, NULL, NULL), SC_ERR_SIZE, "height"), "height");
    CHECK(fails_with(sc_gabor_filter(img, 4, 4, &good, SC_BORDER_COUNT, out, NULL, NULL), SC_ERR_OPTION, "border"), "border");
    img[5] = NAN;
    CHECK(fails_with(sc_gabor_filter(img, 4, 4, &good, 0, out, NULL, NULL), SC_ERR_NONFINITE, "image"), "NaN image");
    img[5] = 0;

    sc_gabor_bank_desc d = {0};
    d.base = good;
    d.orientations = 8;
    d.scales = 1;
    float e[16 * 8], dom[16];
    CHECK(sc_gabor_bank(img, 4, 4, &d, e, dom) == SC_OK, "bank ok");
    d.orientations = 0;
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_RANGE, "orientations"), "orientations 0");
    d.orientations = SC_GABOR_MAX_ORIENTATIONS + 1;
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_RANGE, "orientations"), "orientations max+1");
    d.orientations = 8;
    d.scales = SC_GABOR_MAX_SCALES + 1;
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_RANGE, "scales"), "scales");
    d.scales = 2;
    d.scale_factor = 1.0;
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_RANGE, "scale_factor"), "factor 1");
    d.scale_factor = NAN;
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_NONFINITE, "scale_factor"), "factor NaN");
    d.scale_factor = 0;                 /* -> 2 */
    d.base.width = d.base.height = 600; /* 1200 at the second scale */
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, &d, e, dom), SC_ERR_SIZE, "width"), "largest scale too big");
    CHECK(fails_with(sc_gabor_bank(img, 4, 4, NULL, e, dom), SC_ERR_NULL, "desc"), "NULL desc");
}

int main(void)
{
    CHECK_RUN(test_defaults());
    CHECK_RUN(test_sizes());
    CHECK_RUN(test_values_and_layout());
    CHECK_RUN(test_orientation_on_screen());
    CHECK_RUN(test_filter_matches_conv());
    CHECK_RUN(test_bank_gratings());
    CHECK_RUN(test_magnitude_no_overflow());
    CHECK_RUN(test_errors());
    return check_summary("test_gabor");
}
