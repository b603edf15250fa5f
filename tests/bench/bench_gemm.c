/* Native GEMM GFLOP/s for tests/bench/gemm.bench.mjs: every variant of the
 * linalg list (native-simd is the same kernel source as the wasm SIMD128
 * build, through SIMDe onto SSE2: "native C of the same width") and a plain
 * C triple loop. Usage: bench_gemm [MxNxK:TT ...], TT in NN NT TN TT
 * (default: squares 32..1024). One JSON object per line:
 *   {"impl":"native-simd","m":64,"n":64,"k":64,"trans":"NN","gflops":...,"samples":[...]}
 * Each sample times a batch of calls lasting >= 50 ms of process CPU time
 * (descheduled time on the shared machine does not count); the median of 5
 * is reported. The scalar
 * reference and the triple loop are skipped above 2^28 multiply-adds. */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "linalg/linalg_internal.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The plain loop a C programmer writes first (i, j, p; op() by strides). */
static sc_status triple_loop(int ta, int tb, int m, int n, int k, float alpha, const float *a, int lda,
                             const float *b, int ldb, float beta, float *c, int ldc)
{
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) {
            float s = 0.0f;
            for (int p = 0; p < k; p++)
                s += (ta ? a[(size_t)p * lda + i] : a[(size_t)i * lda + p]) *
                     (tb ? b[(size_t)j * ldb + p] : b[(size_t)p * ldb + j]);
            c[(size_t)i * ldc + j] = alpha * s + beta * c[(size_t)i * ldc + j];
        }
    return SC_OK;
}

typedef struct impl {
    const char *name;
    const sc_linalg_variant *variant; /* NULL: the triple loop */
} impl;

/* A variant through the public entry's checks (sizes, finiteness of the
 * result), as the wasm build's sc_flat_gemm_f32 does: the same work on
 * both sides of the comparison. */
static void call(const impl *im, int ta, int tb, int m, int n, int k, const float *a, int lda, const float *b,
                 int ldb, float *c)
{
    if (im->variant)
        sc_gemm_f32_variant(im->variant, (sc_transpose)ta, (sc_transpose)tb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
    else
        triple_loop(ta, tb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
}

static void run(const impl *im, int ta, int tb, int m, int n, int k, const float *a, const float *b, float *c)
{
    const int lda = ta ? m : k, ldb = tb ? k : n;
    const double flops = 2.0 * m * n * k;
    double samples[5];
    int batch = 1;
    for (;;) { /* calibrate: a batch of >= 50 ms */
        const double t0 = now();
        for (int r = 0; r < batch; r++) call(im, ta, tb, m, n, k, a, lda, b, ldb, c);
        if (now() - t0 >= 0.05) break;
        batch *= 2;
    }
    for (int s = 0; s < 5; s++) {
        const double t0 = now();
        for (int r = 0; r < batch; r++) call(im, ta, tb, m, n, k, a, lda, b, ldb, c);
        samples[s] = flops * batch / (now() - t0) / 1e9;
    }
    double sorted[5];
    memcpy(sorted, samples, sizeof sorted);
    qsort(sorted, 5, sizeof sorted[0], cmp);
    printf("{\"impl\":\"%s\",\"m\":%d,\"n\":%d,\"k\":%d,\"trans\":\"%c%c\",\"gflops\":%.4f,\"samples\":[", im->name, m, n,
           k, ta ? 'T' : 'N', tb ? 'T' : 'N', sorted[2]);
    for (int s = 0; s < 5; s++) printf("%s%.4f", s ? "," : "", samples[s]);
    printf("]}\n");
    fflush(stdout);
}

int main(int argc, char **argv)
{
    static const char *squares[] = {"32x32x32:NN", "64x64x64:NN", "128x128x128:NN", "256x256x256:NN",
                                    "512x512x512:NN", "1024x1024x1024:NN"};
    const char **shapes = argc > 1 ? (const char **)argv + 1 : squares;
    const int count = argc > 1 ? argc - 1 : 6;
    impl impls[4];
    int ni = 0;
    for (int v = sc_linalg_variant_count - 1; v >= 0; v--) {
        static char names[4][32];
        snprintf(names[ni], sizeof names[ni], "native-%s", sc_linalg_variants[v].name);
        impls[ni] = (impl){names[ni], &sc_linalg_variants[v]};
        ni++;
    }
    impls[ni++] = (impl){"native-loop", NULL};
    for (int s = 0; s < count; s++) {
        int m, n, k;
        char t[3] = "NN";
        if (sscanf(shapes[s], "%dx%dx%d:%2s", &m, &n, &k, t) < 3 || m < 1 || n < 1 || k < 1) {
            fprintf(stderr, "bench_gemm: bad shape %s (MxNxK:TT)\n", shapes[s]);
            return 1;
        }
        const int ta = t[0] == 'T', tb = t[1] == 'T';
        float *a = malloc((size_t)m * k * sizeof *a), *b = malloc((size_t)k * n * sizeof *b);
        float *c = calloc((size_t)m * n, sizeof *c);
        uint32_t seed = 7;
        for (size_t i = 0; i < (size_t)m * k; i++) seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5, a[i] = (float)(seed >> 8) / 16777216.0f - 0.5f;
        for (size_t i = 0; i < (size_t)k * n; i++) seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5, b[i] = (float)(seed >> 8) / 16777216.0f - 0.5f;
        for (int i = 0; i < ni; i++) {
            const int slow = strcmp(impls[i].name, "native-simd") != 0;
            if (slow && (double)m * n * k > (double)(1 << 28)) continue;
            run(&impls[i], ta, tb, m, n, k, a, b, c);
        }
        free(a);
        free(b);
        free(c);
    }
    return 0;
}
