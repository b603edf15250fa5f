/* Minimal test harness for the native tests: CHECK records failures with
 * file:line and keeps going; main() ends with `return check_summary(name);`
 * which prints "N passed, N failed" and returns the exit code for CTest. */
#ifndef SIMCORE_CHECK_H
#define SIMCORE_CHECK_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (cond) {                                                            \
            check_passed++;                                                    \
        } else {                                                               \
            check_failed++;                                                    \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__,   \
                    #cond);                                                    \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
        }                                                                      \
    } while (0)

static inline int check_summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

/* Deterministic xorshift32 so every run sees the same "random" inputs. */
static inline uint32_t check_rand_u32(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* Uniform in [-1, 1). */
static inline float check_rand_f(uint32_t *s)
{
    return (float)(check_rand_u32(s) >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

static inline void check_fill_random(float *x, size_t n, uint32_t *s)
{
    for (size_t i = 0; i < n; i++) x[i] = check_rand_f(s);
}

static inline void check_fill_nan(float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) x[i] = NAN;
}

#endif
