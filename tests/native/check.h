/* Minimal test harness for the native tests: CHECK records failures with
 * file:line and keeps going; main() runs each test function through
 * CHECK_RUN and ends with `return check_summary(name);`, which prints
 * "N passed, N failed" and returns the exit code for CTest. A test that
 * runs no check fails (a loop over an empty list must not pass silently). */
#ifndef SIMCORE_CHECK_H
#define SIMCORE_CHECK_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (cond) {                                                          \
            check_passed++;                                                  \
        } else {                                                             \
            check_failed++;                                                  \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, \
                    #cond);                                                  \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
        }                                                                    \
    } while (0)

/* How many checks have run so far (passed or failed). */
static inline int check_count(void) { return check_passed + check_failed; }

/* Runs one test (any call expression) and counts a failure if it ran no
 * CHECK: in the scalar build a loop over the SIMD variants has nothing to
 * do, and a test made only of such loops would otherwise pass unseen. */
#define CHECK_RUN(call)                                                     \
    do {                                                                    \
        const int check_before_ = check_count();                            \
        call;                                                               \
        if (check_count() == check_before_) {                               \
            check_failed++;                                                 \
            fprintf(stderr, "%s:%d: %s ran no check\n", __FILE__, __LINE__, \
                    #call);                                                 \
        }                                                                   \
    } while (0)

static inline int check_summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    if (check_count() == 0) {
        fprintf(stderr, "%s: no check ran\n", name);
        return 1;
    }
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
