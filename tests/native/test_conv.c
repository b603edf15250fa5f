/* Convolution engine: border rules, convolution vs correlation, every direct
 * variant against a double sum (and bit-equal to the scalar one), every method
 * against a naive reference written independently of the engine (per-pixel
 * border lookup). */
#include <string.h>
#include "check.h"
#include "simcore/conv.h"
#include "conv/conv_internal.h"

/* Independent reference: textbook definition, border rule applied per tap. */
static float ref_pixel(const float *img, int w, int h, const float *k, int kw,
                       int kh, int x, int y, sc_border b, int correlate)
{
    const int ax = kw / 2, ay = kh / 2;
    double acc = 0.0;
    for (int j = 0; j < kh; j++) {
        for (int i = 0; i < kw; i++) {
            const float kv = correlate ? k[j * kw + i] : k[(kh - 1 - j) * kw + (kw - 1 - i)];
            const int sx = sc_border_index(x + i - ax, w, b);
            const int sy = sc_border_index(y + j - ay, h, b);
            if (sx < 0 || sy < 0) continue;
            acc += (double)kv * img[sy * w + sx];
        }
    }
    return (float)acc;
}

/* Scale for a relative tolerance: sum |k||x| over the window, so outputs
 * that cancel to near zero are not judged against themselves. */
static double abs_scale(const float *img, int w, int h, const float *k, int kw,
                        int kh, int x, int y, sc_border b)
{
    const int ax = kw / 2, ay = kh / 2;
    double acc = 1e-30;
    for (int j = 0; j < kh; j++)
        for (int i = 0; i < kw; i++) {
            const int sx = sc_border_index(x + i - ax, w, b);
            const int sy = sc_border_index(y + j - ay, h, b);
            if (sx >= 0 && sy >= 0) acc += fabs((double)k[j * kw + i] * img[sy * w + sx]);
        }
    return acc;
}

static void test_border_index(void)
{
    /* OpenCV's documented examples for len = 6 (abcdef). */
    CHECK(sc_border_index(-1, 6, SC_BORDER_REPLICATE) == 0, "replicate");
    CHECK(sc_border_index(7, 6, SC_BORDER_REPLICATE) == 5, "replicate");
    CHECK(sc_border_index(-1, 6, SC_BORDER_REFLECT) == 0, "reflect fedcba|abcdef");
    CHECK(sc_border_index(-3, 6, SC_BORDER_REFLECT) == 2, "reflect");
    CHECK(sc_border_index(6, 6, SC_BORDER_REFLECT) == 5, "reflect");
    CHECK(sc_border_index(-1, 6, SC_BORDER_REFLECT101) == 1, "reflect101 gfedcb|abcdefgh");
    CHECK(sc_border_index(6, 6, SC_BORDER_REFLECT101) == 4, "reflect101");
    CHECK(sc_border_index(-1, 6, SC_BORDER_WRAP) == 5, "wrap");
    CHECK(sc_border_index(-13, 6, SC_BORDER_WRAP) == 5, "wrap far");
    CHECK(sc_border_index(13, 6, SC_BORDER_WRAP) == 1, "wrap far");
    CHECK(sc_border_index(-1, 6, SC_BORDER_CONSTANT) == -1, "constant");
    /* Pads far larger than the image (kernel bigger than image). */
    CHECK(sc_border_index(-7, 3, SC_BORDER_REFLECT) == 0, "reflect repeated: %d", sc_border_index(-7, 3, SC_BORDER_REFLECT));
    CHECK(sc_border_index(9, 3, SC_BORDER_REFLECT101) == 1, "reflect101 repeated: %d", sc_border_index(9, 3, SC_BORDER_REFLECT101));
    CHECK(sc_border_index(5, 1, SC_BORDER_REFLECT101) == 0, "reflect101 on 1 pixel");
}

static void test_identity_and_shift(void)
{
    /* A delta kernel off-centre shifts the image: convolution moves content
     * the other way from correlation. */
    const int w = 7, h = 5;
    float img[35], out[35], k[9] = {0};
    for (int i = 0; i < w * h; i++) img[i] = (float)(i + 1);
    k[5] = 1.0f; /* (i=2, j=1): right of centre */
    sc_conv_desc d = {0};
    d.correlate = 1;
    CHECK(sc_conv2d(img, w, h, k, 3, 3, &d, out, NULL) == SC_OK, "corr");
    CHECK(out[1 * w + 3] == img[1 * w + 4], "correlate reads x+1: %g", out[1 * w + 3]);
    CHECK(out[1 * w + 6] == 0.0f, "constant border is zero: %g", out[1 * w + 6]);
    d.correlate = 0;
    CHECK(sc_conv2d(img, w, h, k, 3, 3, &d, out, NULL) == SC_OK, "conv");
    CHECK(out[1 * w + 3] == img[1 * w + 2], "convolve reads x-1: %g", out[1 * w + 3]);
}

static void test_methods_against_reference(void)
{
    static const int sizes[][4] = {
        /* w, h, kw, kh: odd/even, tails around the vector width, kernels
         * larger than the image */
        {1, 1, 1, 1},
        {5, 3, 3, 3},
        {9, 7, 4, 2},
        {17, 16, 5, 5},
        {31, 9, 7, 6},
        {33, 12, 15, 15},
        {3, 2, 9, 7},
        {16, 1, 1, 8},
        {1, 19, 3, 1},
        {40, 37, 31, 31},
    };
    uint32_t seed = 12345;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const int w = sizes[s][0], h = sizes[s][1], kw = sizes[s][2], kh = sizes[s][3];
        float *img = malloc(sizeof(float) * w * h), *k = malloc(sizeof(float) * kw * kh);
        float *out = malloc(sizeof(float) * w * h);
        check_fill_random(img, (size_t)w * h, &seed);
        check_fill_random(k, (size_t)kw * kh, &seed);
        for (int b = 0; b < SC_BORDER_COUNT; b++) {
            for (int m = SC_CONV_AUTO; m < SC_CONV_METHOD_COUNT; m++) {
                for (int corr = 0; corr <= 1; corr++) {
                    sc_conv_desc d = {0};
                    d.border = (sc_border)b;
                    d.method = (sc_conv_method)m;
                    d.correlate = corr;
                    check_fill_nan(out, (size_t)w * h);
                    sc_status st = sc_conv2d(img, w, h, k, kw, kh, &d, out, NULL);
                    CHECK(st == SC_OK, "status %d", st);
                    double worst = 0.0;
                    int wx = -1, wy = -1;
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++) {
                            const double r = ref_pixel(img, w, h, k, kw, kh, x, y, (sc_border)b, corr);
                            const double e = fabs(out[y * w + x] - r) /
                                             abs_scale(img, w, h, k, kw, kh, x, y, (sc_border)b);
                            if (!(e <= worst)) {
                                worst = e;
                                wx = x;
                                wy = y;
                            }
                        }
                    /* float32 sums of up to 1000 terms: 1e-5 of sum|k x|. */
                    CHECK(worst <= 1e-5, "%dx%d k%dx%d border %d method %d corr %d: rel err %g at (%d,%d)",
                          w, h, kw, kh, b, m, corr, worst, wx, wy);
                }
            }
        }
        free(img);
        free(k);
        free(out);
    }
}

static void test_direct_variants(void)
{
    /* The list holds the scalar reference, plus the SIMD kernel when built:
     * a missing entry would leave the loops below with nothing to check. */
    CHECK(sc_direct_variant_count == 1 + SC_HAVE_SIMD, "%d direct variants", sc_direct_variant_count);
    /* Every variant against a double sum over the padded window; then, same
     * summation order in every lane, the others bit-equal to the scalar one.
     * Kernel heights on both sides of the SIMD kernel's row-blocking
     * threshold (8), image heights that leave 0..3 rows after the 4-row
     * blocks. */
    uint32_t seed = 99;
    static const int khs[] = {1, 2, 7, 8, 13};
    for (int w = 1; w <= 41; w += 4)
        for (int kw = 1; kw <= 9; kw += 2)
            for (int c = 0; c < 5; c++) {
                const int kh = khs[c], h = 5 + c, pw = w + kw - 1, ph = h + kh - 1;
                float *p = malloc(sizeof(float) * pw * ph), *k = malloc(sizeof(float) * kw * kh);
                float *ref = malloc(sizeof(float) * w * h), *out = malloc(sizeof(float) * w * h);
                check_fill_random(p, (size_t)pw * ph, &seed);
                check_fill_random(k, (size_t)kw * kh, &seed);
                for (int v = 0; v < sc_direct_variant_count; v++) {
                    check_fill_nan(out, (size_t)w * h);
                    sc_direct_variants[v].fn(p, pw, w, h, k, kw, kh, out);
                    double worst = 0.0;
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++) {
                            double acc = 0.0, scale = 1e-30;
                            for (int j = 0; j < kh; j++)
                                for (int i = 0; i < kw; i++) {
                                    const double t = (double)k[j * kw + i] * p[(y + j) * pw + x + i];
                                    acc += t;
                                    scale += fabs(t);
                                }
                            const double e = fabs(out[y * w + x] - acc) / scale;
                            if (!(e <= worst)) worst = e;
                        }
                    /* float sums of at most 117 terms: well inside 1e-5 of sum|k x|. */
                    CHECK(worst <= 1e-5, "variant %s w=%d h=%d kw=%d kh=%d: rel err %g vs double",
                          sc_direct_variants[v].name, w, h, kw, kh, worst);
                    if (v == 0)
                        memcpy(ref, out, sizeof(float) * w * h);
                    else
                        CHECK(memcmp(ref, out, sizeof(float) * w * h) == 0, "variant %s w=%d h=%d kw=%d kh=%d differs",
                              sc_direct_variants[v].name, w, h, kw, kh);
                }
                free(p);
                free(k);
                free(ref);
                free(out);
            }
}

static void test_errors(void)
{
    float img[4] = {1, 2, 3, 4}, k[1] = {1}, out[4];
    sc_conv_desc d = {0};
    CHECK(sc_conv2d(NULL, 2, 2, k, 1, 1, &d, out, NULL) == SC_ERR_NULL, "null image");
    CHECK(sc_conv2d(img, 0, 2, k, 1, 1, &d, out, NULL) == SC_ERR_SIZE, "zero width");
    CHECK(strcmp(sc_last_error_arg(), "width") == 0, "names width: %s", sc_last_error_arg());
    CHECK(sc_conv2d(img, 2, 2, k, 1, SC_CONV_MAX_KERNEL_DIM + 1, &d, out, NULL) == SC_ERR_SIZE, "huge kernel");
    CHECK(strcmp(sc_last_error_arg(), "kernel height") == 0, "names kernel height");
    d.border = SC_BORDER_COUNT;
    CHECK(sc_conv2d(img, 2, 2, k, 1, 1, &d, out, NULL) == SC_ERR_OPTION, "bad border");
    d.border = SC_BORDER_CONSTANT;
    img[2] = NAN;
    CHECK(sc_conv2d(img, 2, 2, k, 1, 1, &d, out, NULL) == SC_ERR_NONFINITE, "nan image");
    CHECK(strcmp(sc_last_error_arg(), "image") == 0, "names image");
    img[2] = 3;
    k[0] = INFINITY;
    CHECK(sc_conv2d(img, 2, 2, k, 1, 1, &d, out, NULL) == SC_ERR_NONFINITE, "inf kernel");
}

int main(void)
{
    CHECK_RUN(test_border_index());
    CHECK_RUN(test_identity_and_shift());
    CHECK_RUN(test_methods_against_reference());
    CHECK_RUN(test_direct_variants());
    CHECK_RUN(test_errors());
    return check_summary("test_conv");
}
