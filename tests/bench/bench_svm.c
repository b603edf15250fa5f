/* Native SVM training times for tests/bench/svm.bench.mjs. Usage:
 *   bench_svm FILE N ROUNDS KERNEL C GAMMA
 * FILE holds N x 2 doubles (row-major) then N labels (+-1), little-endian,
 * written by the JS bench so every peer trains on the same numbers. Trains
 * ROUNDS times (build/native: SIMD kernel rows through SIMDe;
 * build/native-scalar: the scalar ones) and prints one JSON object:
 *   {"impl":"native-simd","n":...,"ms":median,"samples":[...],"iterations":...,"nsv":...,"objective":...}
 * (the machine is shared: medians, not means). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "simcore/svm.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return 1e3 * (double)t.tv_sec + 1e-6 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: bench_svm FILE N ROUNDS KERNEL C GAMMA\n");
        return 2;
    }
    const int n = atoi(argv[2]), rounds = atoi(argv[3]);
    if (n < 2 || rounds < 1 || rounds > 99) return 2;
    double *x = malloc(sizeof(double) * 2 * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
    FILE *f = fopen(argv[1], "rb");
    if (!x || !y || !f || fread(x, sizeof(double), 2 * (size_t)n, f) != 2 * (size_t)n ||
        fread(y, sizeof(double), (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "bench_svm: cannot read %s\n", argv[1]);
        return 1;
    }
    fclose(f);
    sc_svm_params p = sc_svm_default_params();
    p.kernel = atoi(argv[4]);
    p.C = atof(argv[5]);
    p.gamma = atof(argv[6]);
    double samples[99], info[SC_SVM_INFO_SIZE];
    for (int r = 0; r < rounds; r++) {
        sc_svm m;
        const double t0 = now_ms();
        const sc_status st = sc_svm_train(x, n, 2, y, &p, &m);
        samples[r] = now_ms() - t0;
        if (st != SC_OK) {
            fprintf(stderr, "bench_svm: train failed (%s %s)\n", sc_status_message(st), sc_last_error_arg());
            return 1;
        }
        sc_svm_info(m, info, SC_SVM_INFO_SIZE);
        sc_svm_destroy(m);
    }
    double sorted[99];
    for (int r = 0; r < rounds; r++) sorted[r] = samples[r];
    qsort(sorted, (size_t)rounds, sizeof(double), cmp);
    printf("{\"impl\":\"native-%s\",\"n\":%d,\"ms\":%.3f,\"samples\":[", sc_has_simd() ? "simd" : "scalar", n,
           sorted[rounds / 2]);
    for (int r = 0; r < rounds; r++) printf("%s%.3f", r ? "," : "", samples[r]);
    printf("],\"iterations\":%.0f,\"nsv\":%.0f,\"objective\":%.10g}\n", info[SC_SVM_INFO_ITERATIONS],
           info[SC_SVM_INFO_NSV], info[SC_SVM_INFO_OBJECTIVE]);
    free(x);
    free(y);
    return 0;
}
