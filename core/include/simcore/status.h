/* Status codes shared by every fallible simcore function.
 * Every public function checks its arguments once, at the boundary, and
 * returns one of these; inner loops trust their inputs. The human message
 * lives in one table (sc_status_message) and the name of the offending
 * argument is kept by sc_last_error_arg() so callers can report it. */
#ifndef SIMCORE_STATUS_H
#define SIMCORE_STATUS_H

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define SC_API EMSCRIPTEN_KEEPALIVE
#else
#define SC_API
#endif

typedef enum sc_status {
    SC_OK = 0,
    SC_ERR_NULL,      /* a required pointer is NULL                  -> TypeError  */
    SC_ERR_SIZE,      /* a size is <= 0 or above a documented limit  -> RangeError */
    SC_ERR_RANGE,     /* a parameter is outside its valid range      -> RangeError */
    SC_ERR_NONFINITE, /* NaN or +-Infinity in a parameter or array   -> RangeError */
    SC_ERR_OPTION,    /* unknown enum value (border, method, part)   -> RangeError */
    SC_ERR_NOMEM,     /* an allocation failed                        -> Error      */
    SC_ERR_INTERNAL,  /* a bug: an invariant did not hold            -> Error      */
    SC_ERR_HANDLE,    /* a null, destroyed or never-created handle   -> Error      */
    SC_ERR_OVERFLOW,  /* finite inputs gave a non-finite float32
                         output; the output named is unspecified     -> RangeError */
    SC_STATUS_COUNT
} sc_status;

/* Short English message for a status ("size out of range", ...). Never NULL. */
SC_API const char *sc_status_message(int status);

/* Name of the argument that caused the most recent error ("kernel width"),
 * or "" if the last failing call did not name one. Not thread-safe: the core
 * is single-threaded by design (see docs/architecture.md). */
SC_API const char *sc_last_error_arg(void);

/* The wasm boundary described once (core/src/base/boundary.c): a JSON text
 * {"status": {name: code}, "limits": {name: value}, "records": {name:
 * offset}} with every status, every limit of limits.h and the layout of the
 * records read by offset. The binding reads it when it loads. */
SC_API const char *sc_boundary(void);

/* The areas this build holds, comma-separated in core/areas.txt's order
 * ("fft,linalg,conv,gabor" for the Gabor module; every area for the full
 * build and the native library). */
SC_API const char *sc_module_areas(void);

/* Library version, "MAJOR.MINOR.PATCH". */
SC_API const char *sc_version(void);

/* 1 when this build contains the SIMD kernels, 0 for the scalar-only build. */
SC_API int sc_has_simd(void);

#endif
