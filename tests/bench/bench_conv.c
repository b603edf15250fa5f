/* Native convolution benchmark, driven by tests/bench/run.mjs (one process per
 * sample, so the Node harness can interleave it with the wasm peers). The
 * timing is measured here, in-process, around each call; process start-up,
 * file reading and the untimed warm-up calls are not counted.
 *
 *   bench_conv --image F --width W --height H --kernel F --kw KW --kh KH
 *              --alt-kernel F [--method auto|direct|separable|fft|variant:NAME]
 *              [--cache cold|warm] [--border constant|...]
 *              [--reps N] [--warmup N] [--out F]
 *   bench_conv --info      build facts and the direct variants, as JSON
 *
 * Files are raw little-endian float32. The image and kernel come from the
 * harness, so every peer filters the same data. The result is correlation
 * (cv::filter2D's convention), 'same' size. Methods go through the public
 * sc_conv2d (padding, scratch allocation and dispatch included, as the wasm
 * binding's call does); variant:NAME times one entry of sc_direct_variants
 * on an already padded image (the inner kernel alone).
 * Caches: the same call is repeated, and the core may cache per image (the
 * FFT spectrum) or per kernel (an SVD). No other peer can, so by default
 * (cold) each timed call follows an untimed call with --alt-kernel on a small
 * other image and sc_conv_cache_clear(). Warm: the untimed call uses
 * --alt-kernel on the same image, so each timed call sees a cached image and
 * a new kernel (a student dragging theta). Prints one JSON object; --out
 * writes the last output for the harness's cross-check. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "simcore/simcore.h"
#include "conv/conv_internal.h"

static const char *const METHODS[] = {"auto", "direct", "separable", "fft"};
static const char *const BORDERS[] = {"constant", "replicate", "reflect", "reflect101", "wrap"};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "bench_conv: %s%s%s\n", what, arg ? " " : "", arg ? arg : "");
    exit(2);
}

static float *read_floats(const char *path, size_t n)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    float *x = malloc(sizeof(float) * n);
    if (!x) die("out of memory reading", path);
    if (fread(x, sizeof(float), n, f) != n) die("short file", path);
    fclose(f);
    return x;
}

static int lookup(const char *const *names, int count, const char *s, const char *what)
{
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], s) == 0) return i;
    die(what, s);
    return -1;
}

static void print_info(void)
{
    printf("{\"version\":\"%s\",\"simd\":%d,\"compiler\":\"%s\",\"variants\":[",
           sc_version(), sc_has_simd(),
#ifdef __VERSION__
           "gcc " __VERSION__
#else
           "unknown"
#endif
    );
    for (int v = 0; v < sc_direct_variant_count; v++)
        printf("%s\"%s\"", v ? "," : "", sc_direct_variants[v].name);
    printf("]}\n");
}

int main(int argc, char **argv)
{
    const char *image_path = NULL, *kernel_path = NULL, *alt_path = NULL, *out_path = NULL;
    const char *method_name = "auto", *cache_mode = "cold", *border_name = "constant";
    int w = 0, h = 0, kw = 0, kh = 0, reps = 5, warmup = 1;
    for (int a = 1; a < argc; a++) {
        const char *k = argv[a];
        if (strcmp(k, "--info") == 0) {
            print_info();
            return 0;
        }
        if (a + 1 >= argc) die("missing value for", k);
        const char *v = argv[++a];
        if (strcmp(k, "--image") == 0)
            image_path = v;
        else if (strcmp(k, "--kernel") == 0)
            kernel_path = v;
        else if (strcmp(k, "--alt-kernel") == 0)
            alt_path = v;
        else if (strcmp(k, "--out") == 0)
            out_path = v;
        else if (strcmp(k, "--method") == 0)
            method_name = v;
        else if (strcmp(k, "--cache") == 0)
            cache_mode = v;
        else if (strcmp(k, "--border") == 0)
            border_name = v;
        else if (strcmp(k, "--width") == 0)
            w = atoi(v);
        else if (strcmp(k, "--height") == 0)
            h = atoi(v);
        else if (strcmp(k, "--kw") == 0)
            kw = atoi(v);
        else if (strcmp(k, "--kh") == 0)
            kh = atoi(v);
        else if (strcmp(k, "--reps") == 0)
            reps = atoi(v);
        else if (strcmp(k, "--warmup") == 0)
            warmup = atoi(v);
        else
            die("unknown option", k);
    }
    if (!image_path || !kernel_path || !alt_path || w <= 0 || h <= 0 || kw <= 0 || kh <= 0 || reps <= 0 || warmup < 0)
        die("need --image --width --height --kernel --alt-kernel --kw --kh (positive), reps > 0", NULL);
    const int warm = strcmp(cache_mode, "warm") == 0;
    if (!warm && strcmp(cache_mode, "cold") != 0) die("--cache must be cold or warm, got", cache_mode);

    const size_t n = (size_t)w * h, kn = (size_t)kw * kh;
    float *image = read_floats(image_path, n);
    float *kernel = read_floats(kernel_path, kn);
    float *alt = read_floats(alt_path, kn);
    float *out = malloc(sizeof(float) * n);
    double *ms = malloc(sizeof(double) * reps);
    enum { SMALL = 16 };
    float small_image[SMALL * SMALL], small_out[SMALL * SMALL];
    for (int i = 0; i < SMALL * SMALL; i++) small_image[i] = (float)(i % 7) / 7.0f;
    if (!out || !ms) die("out of memory", NULL);

    sc_conv_desc desc = {0};
    desc.correlate = 1;
    desc.border = (sc_border)lookup(BORDERS, SC_BORDER_COUNT, border_name, "unknown border");
    sc_conv_info info = {0};

    if (strncmp(method_name, "variant:", 8) == 0) {
        /* The inner kernel alone, on an image padded once up front. */
        const char *name = method_name + 8;
        int vi = -1;
        for (int v = 0; v < sc_direct_variant_count; v++)
            if (strcmp(sc_direct_variants[v].name, name) == 0) vi = v;
        if (vi < 0) die("unknown direct variant", name);
        const int ax = kw / 2, ay = kh / 2, pw = w + kw - 1, ph = h + kh - 1;
        float *padded = malloc(sizeof(float) * (size_t)pw * ph);
        if (!padded) die("out of memory", NULL);
        sc_pad_image(image, w, h, ax, ay, kw - 1 - ax, kh - 1 - ay, desc.border, padded);
        for (int r = 0; r < warmup; r++) sc_direct_variants[vi].fn(padded, pw, w, h, kernel, kw, kh, out);
        for (int r = 0; r < reps; r++) {
            const double t0 = now_ms();
            sc_direct_variants[vi].fn(padded, pw, w, h, kernel, kw, kh, out);
            ms[r] = now_ms() - t0;
        }
        free(padded);
        info.method = SC_CONV_DIRECT;
    } else {
        desc.method = (sc_conv_method)lookup(METHODS, SC_CONV_METHOD_COUNT, method_name, "unknown method");
        for (int r = 0; r < warmup + reps; r++) {
            const sc_status pre = warm ? sc_conv2d(image, w, h, alt, kw, kh, &desc, out, NULL)
                                       : sc_conv2d(small_image, SMALL, SMALL, alt, kw, kh, &desc, small_out, NULL);
            if (pre != SC_OK) die("sc_conv2d failed:", sc_status_message(pre));
            if (!warm) sc_conv_cache_clear();
            const double t0 = now_ms();
            const sc_status st = sc_conv2d(image, w, h, kernel, kw, kh, &desc, out, &info);
            const double t = now_ms() - t0;
            if (st != SC_OK) die("sc_conv2d failed:", sc_status_message(st));
            if (r >= warmup) ms[r - warmup] = t;
        }
    }

    if (out_path) {
        FILE *f = fopen(out_path, "wb");
        if (!f || fwrite(out, sizeof(float), n, f) != n) die("cannot write", out_path);
        fclose(f);
    }
    printf("{\"simd\":%d,\"method\":\"%s\",\"used\":\"%s\",\"rank\":%d,\"fft_width\":%d,"
           "\"fft_height\":%d,\"cache_hit\":%d,\"samples_ms\":[",
           sc_has_simd(), method_name, METHODS[info.method], info.rank, info.fft_width,
           info.fft_height, info.cache_hit);
    for (int r = 0; r < reps; r++) printf("%s%.6f", r ? "," : "", ms[r]);
    qsort(ms, reps, sizeof(double), cmp_double);
    const double median = reps % 2 ? ms[reps / 2] : 0.5 * (ms[reps / 2 - 1] + ms[reps / 2]);
    printf("],\"median_ms\":%.6f,\"min_ms\":%.6f}\n", median, ms[0]);
    free(image);
    free(kernel);
    free(alt);
    free(out);
    free(ms);
    return 0;
}
