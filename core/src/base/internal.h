/* Helpers shared by the core's translation units; not part of the API. */
#ifndef SIMCORE_INTERNAL_H
#define SIMCORE_INTERNAL_H

#include <stddef.h>
#include "simcore/status.h"

#ifndef SC_HAVE_SIMD
#error "SC_HAVE_SIMD must be defined by the build (1: SIMD kernels, 0: scalar only)"
#endif
#ifndef SIMCORE_VERSION
#define SIMCORE_VERSION "0.0.0"
#endif

/* Record which argument failed and return the status:
 *   if (w <= 0) return sc_fail(SC_ERR_SIZE, "width"); */
sc_status sc_fail(sc_status status, const char *arg);

/* 1 if all n values are finite. */
int sc_all_finite(const float *x, size_t n);

/* For outputs computed from finite inputs: SC_OK if all n values are finite,
 * else SC_ERR_OVERFLOW naming `arg`. One vectorised pass (docs/reliability.md,
 * "Overflow of finite inputs"). */
sc_status sc_check_output(const float *x, size_t n, const char *arg);

#endif
