/* Fuzz target: the custom-system expression compiler (ode.h
 * sc_ode_custom_compile, flat sc_flat_ode_custom_compile). The input is
 * text: "dx \n dy \n names \n" then bytes for parameter values and points,
 * so a dictionary and seed corpus of real equations work well.
 * Invariants: a syntax error reports a position inside the text and a
 * message; a compiled expression evaluates identically in the double
 * evaluator called twice, and the scalar and SIMD float block evaluators
 * agree bit for bit; the custom system then integrates and batches. */
#include "fuzz_input.h"
#include "simcore/ode.h"
#include "ode/custom.h"

static int next_line(const uint8_t *data, size_t size, size_t *at, char *buf, size_t cap)
{
    size_t n = 0;
    while (*at < size && data[*at] != '\n') {
        if (n + 1 < cap) buf[n++] = data[*at] ? (char)data[*at] : ' ';
        (*at)++;
    }
    if (*at < size) (*at)++;
    buf[n] = 0;
    return (int)n;
}

static int same_float_bits(float a, float b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dx[1500], dy[1500], names[600];
    size_t at = 0;
    next_line(data, size, &at, dx, sizeof dx);
    next_line(data, size, &at, dy, sizeof dy);
    next_line(data, size, &at, names, sizeof names);
    fuzz_in in = fuzz_begin(data + at, size - at);

    /* Count names as the flat API splits them (single spaces). */
    int nparams = names[0] ? 1 : 0;
    for (const char *c = names; *c; c++) nparams += *c == ' ';
    if (fuzz_u8(&in) == 0xff) nparams = fuzz_size(&in, 0, SC_ODE_MAX_PARAMS);
    double values[SC_ODE_MAX_PARAMS + 1];
    for (int k = 0; k <= SC_ODE_MAX_PARAMS; k++) values[k] = fuzz_double(&in, -5.0, 5.0);

    int pos = -2, cs = 0;
    const char *msg = NULL;
    const int st = sc_flat_ode_custom_compile(dx, dy, names, values, nparams, &pos, &msg, &cs);
    if (st != SC_OK) {
        if (st == SC_ERR_RANGE && pos >= 0) {
            const size_t len = strlen(strcmp(sc_last_error_arg(), "dy") == 0 ? dy : dx);
            FUZZ_CHECK((size_t)pos <= len, "error position %d beyond the text (%zu)", pos, len);
            FUZZ_CHECK(msg && msg[0] != 0, "empty error message");
        }
        FUZZ_CHECK(cs == -1 && sc_ode_system(cs) == NULL, "a failed compile left system %d", cs);
        return 0;
    }
    const sc_ode_system_info *info = sc_ode_system(cs);
    FUZZ_CHECK(info && info->dim == 2 && info->nparams == nparams, "custom system table");

    /* Double evaluator: deterministic. */
    const double x = fuzz_double(&in, -3.0, 3.0), y = fuzz_double(&in, -3.0, 3.0), t = fuzz_double(&in, 0.0, 10.0);
    double y2[2] = {x, y}, d1[2], d2[2];
    sc_ode_rhs(cs, values, t, y2, d1);
    sc_ode_rhs(cs, values, t, y2, d2);
    FUZZ_CHECK(memcmp(d1, d2, sizeof d1) == 0 || (isnan(d1[0]) || isnan(d1[1])), "rhs not deterministic");

    /* Block evaluators: the same program, scalar vs SIMD, same bits. */
#if SC_HAVE_SIMD
    float xs[SC_EXPR_BLOCK], ys[SC_EXPR_BLOCK], pf[SC_ODE_MAX_PARAMS], a[SC_EXPR_BLOCK], b[SC_EXPR_BLOCK];
    for (int k = 0; k < SC_EXPR_BLOCK; k++) xs[k] = fuzz_float(&in, -3, 3), ys[k] = fuzz_float(&in, -3, 3);
    for (int k = 0; k < SC_ODE_MAX_PARAMS; k++) pf[k] = (float)values[k];
    for (int c = 0; c < 2; c++) {
        const sc_expr *e = &sc_custom_expr(cs)[c];
        sc_expr_block_scalar(e, xs, ys, (float)t, pf, a);
        sc_expr_block_simd(e, xs, ys, (float)t, pf, b);
        for (int k = 0; k < SC_EXPR_BLOCK; k++)
            FUZZ_CHECK(same_float_bits(a[k], b[k]), "block evaluators differ at %d: %a vs %a", k, a[k], b[k]);
    }
#endif

    /* The compiled system runs like any other: a short integration and batch. */
    if (!fuzz_all_finite_d(values, (size_t)nparams) || !isfinite(x) || !isfinite(y)) {
        FUZZ_CHECK(sc_ode_custom_free(cs) == SC_OK, "free");
        return 0;
    }
    sc_ode_desc d = sc_ode_default_desc();
    d.system = cs;
    d.params = values;
    d.nparams = nparams;
    d.y0 = y2;
    d.dim = 2;
    d.t1 = fuzz_double(&in, -5.0, 5.0);
    d.dt = 0.05;
    d.method = (sc_ode_method)fuzz_int(&in, 0, 2);
    d.max_steps = 2000;
    sc_ode_result r;
    if (sc_ode_integrate(&d, &r) == SC_OK) {
        FUZZ_CHECK(r.samples >= 1 && fuzz_all_finite_d(r.y, (size_t)r.samples * 2), "custom: bad samples");
        sc_ode_result_free(&r);
    }
    float batch[2 * 70];
    for (int k = 0; k < 2 * 70; k++) batch[k] = fuzz_float(&in, -2, 2);
    sc_ode_batch(cs, values, nparams, batch, 70, 0.01, fuzz_int(&in, 0, 20), (sc_ode_method)fuzz_int(&in, 0, 1));
    FUZZ_CHECK(sc_ode_custom_free(cs) == SC_OK && sc_ode_custom_free(cs) == SC_ERR_HANDLE, "freed once");
    FUZZ_CHECK(sc_ode_system(cs) == NULL, "a freed system is gone");
    return 0;
}
