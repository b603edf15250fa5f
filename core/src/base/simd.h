/* One include for SIMD kernels: wasm SIMD128 intrinsics everywhere.
 * Under Emscripten with -msimd128 they are the real thing; natively SIMDe
 * maps the same wasm_* names onto SSE2/NEON, so one source serves both.
 * Only files compiled with SC_HAVE_SIMD=1 may include this. */
#ifndef SIMCORE_SIMD_H
#define SIMCORE_SIMD_H

#if !SC_HAVE_SIMD
#error "simd.h included in a scalar-only build"
#endif

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#else
#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/wasm/simd128.h>
#endif

#endif
