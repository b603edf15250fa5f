/* Native Hopfield sweeps per second, every local-field variant, for
 * tests/bench/hopfield.bench.mjs. Usage: bench_hopfield [n ...] (default
 * 1024 4096). One JSON object per line:
 *   {"impl":"native-simd","n":1024,"mode":"sync","sweepsPerSec":...,"samples":[...]}
 * Each sample times a batch of sweeps lasting >= 0.1 s; the median of 5 is
 * reported (the machine is shared: medians, not means). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "hopfield/hopfield_internal.h"

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

int main(int argc, char **argv)
{
    int sizes[8] = {1024, 4096}, count = 2;
    if (argc > 1) {
        count = 0;
        for (int k = 1; k < argc && count < 8; k++) sizes[count++] = atoi(argv[k]);
    }
    for (int si = 0; si < count; si++) {
        const int n = sizes[si];
        const int p = n / 100 > 0 ? n / 100 : 1;
        int8_t *x = malloc((size_t)p * n);
        uint32_t seed = 1;
        for (size_t k = 0; k < (size_t)p * n; k++) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            x[k] = seed & 256 ? 1 : -1;
        }
        sc_hopfield h;
        if (sc_hopfield_create(n, &h) != SC_OK || sc_hopfield_store(h, x, p, SC_HOPFIELD_HEBB) != SC_OK) {
            fprintf(stderr, "bench_hopfield: cannot create n = %d\n", n);
            return 1;
        }
        for (int v = 0; v < sc_gemv_fixed_variant_count; v++) {
            sc_hop_use_variant(h, v);
            for (int mode = 0; mode < 2; mode++) {
                const sc_hopfield_step_desc d = {(sc_hopfield_mode)mode, 0.0f, NULL, 0};
                double samples[5];
                int batch = 1;
                for (;;) { /* calibrate: a batch of >= 0.1 s */
                    const double t0 = now();
                    for (int k = 0; k < batch; k++) sc_hopfield_step(h, &d, NULL);
                    if (now() - t0 >= 0.1) break;
                    batch *= 2;
                }
                for (int r = 0; r < 5; r++) {
                    sc_hopfield_set_state(h, x); /* same work every time */
                    const double t0 = now();
                    for (int k = 0; k < batch; k++) sc_hopfield_step(h, &d, NULL);
                    samples[r] = batch / (now() - t0);
                }
                double sorted[5];
                for (int r = 0; r < 5; r++) sorted[r] = samples[r];
                qsort(sorted, 5, sizeof(double), cmp);
                printf("{\"impl\":\"native-%s\",\"n\":%d,\"mode\":\"%s\",\"sweepsPerSec\":%.3f,\"samples\":[%.3f,%.3f,%.3f,%.3f,%.3f]}\n",
                       sc_gemv_fixed_variants[v].name, n, mode ? "sync" : "async", sorted[2], samples[0],
                       samples[1], samples[2], samples[3], samples[4]);
                fflush(stdout);
            }
        }
        sc_hopfield_destroy(h);
        free(x);
    }
    return 0;
}
