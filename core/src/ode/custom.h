/* Float block paths of the custom system (custom.c), driven by either block
 * evaluator (expr_scalar.c or expr_simd.c); the drivers themselves are plain
 * C shared by both, so results differ only if the evaluators do (they don't:
 * tested bit for bit). */
#ifndef SIMCORE_CUSTOM_H
#define SIMCORE_CUSTOM_H

#include "expr.h"

/* The two compiled expressions of a custom system (NULL for another id). */
const sc_expr *sc_custom_expr(int system);
void sc_custom_field(sc_expr_block_fn block, const sc_expr *f, const float *p, float x0, float hx, int nx, float y0, float hy, int ny,
                     float *out);
void sc_custom_batch(sc_expr_block_fn block, const sc_expr *f, const float *p, float *y, int count, float dt, int steps, int rk4);

#endif
