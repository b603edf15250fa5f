/* Native MLP training throughput for tests/bench/mlp.bench.mjs: the same
 * cases as the JS peers (plain SGD, eta 0.01, no momentum, samples in
 * order), through the core's C API with the native SIMD build (SIMDe).
 * Usage: bench_mlp. One JSON object per line:
 *   {"case":"2-20-1 online","epochMs":...,"minMs":...,"samplesPerSec":...}
 * Each sample times enough epochs to last >= 20 ms; the median of 7 per
 * epoch is reported (the machine is shared: medians, not means). The
 * double moon is the JS one (same generator and seed); the 784-vectors are
 * this program's own uniform [0, 1) numbers (timing does not depend on them). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "simcore/mlp.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct bench_case {
    const char *name;
    int sizes[4], nsizes, batch, count;
} bench_case;

static void run(const bench_case *c)
{
    const int in = c->sizes[0], out = c->sizes[c->nsizes - 1];
    float *x = malloc(sizeof(float) * (size_t)c->count * in), *t = calloc((size_t)c->count * out, sizeof(float));
    if (in == 2) {
        int8_t *y = malloc((size_t)c->count);
        sc_mlp_double_moon(c->count, 10, 6, 1, 11, x, y);
        for (int i = 0; i < c->count; i++) {
            x[2 * i] /= 10;
            x[2 * i + 1] /= 10;
            t[i] = y[i];
        }
        free(y);
    } else {
        uint32_t s = 1;
        for (int i = 0; i < c->count * in; i++) {
            s = s * 1664525u + 1013904223u;
            x[i] = (float)(s >> 8) / 16777216.0f;
        }
        for (int i = 0; i < c->count; i++) t[i * out + (i * 7) % out] = 1;
    }
    const sc_mlp_activation act[2] = {SC_MLP_TANH, SC_MLP_TANH};
    sc_mlp net;
    if (sc_mlp_create(c->sizes, c->nsizes, act, out > 1 ? SC_MLP_SOFTMAX_CE : SC_MLP_MSE, 1, &net) != SC_OK) {
        fprintf(stderr, "bench_mlp: create %s failed\n", c->name);
        exit(1);
    }
    static float trace[4096];
    sc_mlp_train_desc d = {.epochs = 1, .batch = c->batch, .eta = 0.01f};
    double t0 = now();
    sc_mlp_train(net, x, t, c->count, &d, trace, 1);
    const double probe = now() - t0;
    int k = (int)(0.02 / (probe > 1e-6 ? probe : 1e-6)) + 1;
    if (k > 4096) k = 4096;
    d.epochs = k;
    double ms[7];
    for (int r = 0; r < 7; r++) {
        t0 = now();
        sc_mlp_train(net, x, t, c->count, &d, trace, k);
        ms[r] = 1000 * (now() - t0) / k;
    }
    qsort(ms, 7, sizeof ms[0], cmp);
    printf("{\"case\":\"%s\",\"epochMs\":%.6g,\"minMs\":%.6g,\"samplesPerSec\":%.6g}\n", c->name, ms[3], ms[0],
           c->count / (ms[3] / 1000));
    sc_mlp_destroy(net);
    free(x);
    free(t);
}

int main(void)
{
    static const bench_case cases[] = {
        {"2-20-1 online", {2, 20, 1}, 3, 1, 1000},
        {"2-20-1 batch 32", {2, 20, 1}, 3, 32, 1000},
        {"2-64-64-1 online", {2, 64, 64, 1}, 4, 1, 1000},
        {"2-64-64-1 batch 32", {2, 64, 64, 1}, 4, 32, 1000},
        {"784-100-10 batch 64", {784, 100, 10}, 3, 64, 1024},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run(&cases[i]);
    return 0;
}
