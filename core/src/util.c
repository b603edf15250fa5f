#include <math.h>
#include "internal.h"

int sc_all_finite(const float *x, size_t n)
{
    /* x - x is 0 for finite x and NaN for NaN/inf; summing keeps one branch. */
    float acc = 0.0f;
    for (size_t i = 0; i < n; i++) acc += x[i] - x[i];
    return acc == 0.0f;
}
