/* Decoding fuzzer bytes into API arguments (docs/reliability.md).
 * Reads never fail: past the end every read returns zero, so a short input
 * is still a valid call. Numbers are mostly tame (so the fuzzer reaches the
 * numerics) and sometimes hostile: NaN, +-inf, zero, negative, huge.
 * FUZZ_CHECK aborts with a message, which libFuzzer reports as a crash. */
#ifndef SIMCORE_FUZZ_INPUT_H
#define SIMCORE_FUZZ_INPUT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                          \
    do {                                                               \
        if (!(cond)) {                                                 \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, \
                    __LINE__, #cond);                                  \
            fprintf(stderr, __VA_ARGS__);                              \
            fputc('\n', stderr);                                       \
            abort();                                                   \
        }                                                              \
    } while (0)

typedef struct fuzz_in {
    const uint8_t *p;
    size_t n, at;
} fuzz_in;

static inline fuzz_in fuzz_begin(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size, 0};
    return in;
}

static inline uint8_t fuzz_u8(fuzz_in *in)
{
    return in->at < in->n ? in->p[in->at++] : 0;
}

static inline uint32_t fuzz_u32(fuzz_in *in)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) v = v << 8 | fuzz_u8(in);
    return v;
}

static inline int fuzz_bool(fuzz_in *in) { return fuzz_u8(in) & 1; }

/* lo..hi inclusive (hi - lo < 2^32). */
static inline int fuzz_int(fuzz_in *in, int lo, int hi)
{
    const uint32_t span = (uint32_t)((int64_t)hi - lo + 1);
    return (int)((int64_t)lo + (span ? fuzz_u32(in) % span : fuzz_u32(in)));
}

/* A size: usually lo..hi, one time in eight a hostile int (0, negative,
 * just above a limit, INT_MAX). The caller's limits keep memory bounded. */
static inline int fuzz_size(fuzz_in *in, int lo, int hi)
{
    static const int hostile[] = {0, -1, -7, 1 << 30, 0x7fffffff, (int)0x80000000u};
    const uint8_t c = fuzz_u8(in);
    if ((c & 7) == 7) return hostile[(c >> 3) % (sizeof hostile / sizeof hostile[0])];
    return fuzz_int(in, lo, hi);
}

static const double fuzz_specials[] = {0.0, -0.0, NAN, INFINITY, -INFINITY, 1e-300, -1e300, 1e300,
                                       4.9e-324, 3.4e38, -3.5e38, 1e-45, 1.0, -1.0, 0.5};

/* A double: usually lo + u * (hi - lo), u uniform in [0, 1]; one time in
 * eight a special value from the table (NaN, inf, denormals, huge). */
static inline double fuzz_double(fuzz_in *in, double lo, double hi)
{
    const uint8_t c = fuzz_u8(in);
    if ((c & 7) == 7) return fuzz_specials[(c >> 3) % (sizeof fuzz_specials / sizeof fuzz_specials[0])];
    return lo + (hi - lo) * (fuzz_u32(in) / 4294967295.0);
}

static inline float fuzz_float(fuzz_in *in, float lo, float hi)
{
    return (float)fuzz_double(in, lo, hi);
}

/* Fills n floats; returns 1 if all are finite. */
static inline int fuzz_floats(fuzz_in *in, float *x, size_t n, float lo, float hi)
{
    int finite = 1;
    for (size_t i = 0; i < n; i++) {
        x[i] = fuzz_float(in, lo, hi);
        finite &= isfinite(x[i]) != 0;
    }
    return finite;
}

static inline int fuzz_all_finite_f(const float *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i])) return 0;
    return 1;
}

static inline int fuzz_all_finite_d(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i])) return 0;
    return 1;
}

#endif
