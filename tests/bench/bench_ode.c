/* Native ODE benchmark: batch RK4/Euler state-steps per second for every
 * entry of sc_batch_variants (scalar reference and SIMD kernel separately)
 * and direction-field points per second for every entry of
 * sc_field_variants, on a 512 x 512 grid. Medians of --reps timed calls
 * after one untimed call. Prints one JSON object (tests/bench/ode.bench.mjs
 * reads it as the "native C" peer).
 *   bench_ode [--count N] [--steps S] [--reps R] [--grid G] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "simcore/simcore.h"
#include "ode/ode_internal.h"
#include "phase/phase_internal.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void init_states(int system, float *y, int count)
{
    for (int i = 0; i < count; i++) {
        if (system == SC_SYS_IZHIKEVICH) {
            y[2 * i] = -70.0f + (float)(i % 37);
            y[2 * i + 1] = -14.0f + (float)(i % 5);
        } else {
            y[2 * i] = (float)(i % 101) / 50.0f - 1.0f;
            y[2 * i + 1] = (float)(i % 67) / 33.0f - 1.0f;
        }
    }
}

int main(int argc, char **argv)
{
    int count = 4096, steps = 200, reps = 9, grid = 512;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--count"))
            count = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--steps"))
            steps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--reps"))
            reps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--grid"))
            grid = atoi(argv[i + 1]);
    }
    if (count < 1 || steps < 1 || reps < 1 || reps > 99 || grid < 2 || grid > 4096) {
        fprintf(stderr, "bench_ode: bad arguments\n");
        return 2;
    }
    float *y = malloc(sizeof(float) * 2 * (size_t)count);
    float *field = malloc(sizeof(float) * 2 * (size_t)grid * grid);
    if (!y || !field) return 1;
    double t[99];
    printf("{\"simd\": %d, \"count\": %d, \"steps\": %d, \"grid\": %d, \"batch\": {", sc_has_simd(), count, steps, grid);
    for (int v = 0; v < sc_batch_variant_count; v++) {
        const sc_batch_variant *bv = &sc_batch_variants[v];
        sc_batch_params bp;
        sc_ode_float_constants(bv->system, sc_ode_system(bv->system)->defaults, bp.p);
        bp.dt = bv->system == SC_SYS_IZHIKEVICH ? 0.1f : 0.01f;
        bp.steps = steps;
        for (int k = 0; k < 2; k++) {
            sc_batch_fn fn = k ? bv->simd : bv->scalar;
            if (!fn) continue;
            init_states(bv->system, y, count);
            fn(y, count, &bp); /* untimed */
            for (int r = 0; r < reps; r++) {
                init_states(bv->system, y, count);
                const double t0 = now_ms();
                fn(y, count, &bp);
                t[r] = now_ms() - t0;
            }
            const double ms = median(t, reps);
            printf("%s\"%s/%s\": {\"ms\": %.4f, \"stepsPerSecond\": %.4g}", v || k ? ", " : "", bv->name,
                   k ? "simd" : "scalar", ms, (double)count * steps / (ms * 1e-3));
        }
    }
    printf("}, \"field\": {");
    for (int v = 0; v < sc_field_variant_count; v++) {
        const sc_field_variant *fv = &sc_field_variants[v];
        sc_field_args a;
        sc_ode_float_constants(fv->system, sc_ode_system(fv->system)->defaults, a.k);
        a.x0 = -80.0f, a.hx = 0.2f, a.y0 = -20.0f, a.hy = 0.1f, a.nx = grid, a.ny = grid;
        for (int k = 0; k < 2; k++) {
            sc_field_fn fn = k ? fv->simd : fv->scalar;
            if (!fn) continue;
            fn(&a, field);
            for (int r = 0; r < reps; r++) {
                const double t0 = now_ms();
                fn(&a, field);
                t[r] = now_ms() - t0;
            }
            const double ms = median(t, reps);
            printf("%s\"%s/%s\": {\"ms\": %.4f, \"pointsPerSecond\": %.4g}", v || k ? ", " : "", fv->name,
                   k ? "simd" : "scalar", ms, (double)grid * grid / (ms * 1e-3));
        }
    }
    printf("}}\n");
    free(y);
    free(field);
    return 0;
}
