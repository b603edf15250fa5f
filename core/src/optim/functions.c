/* The built-in functions with their gradients and Hessians in closed form
 * (docs/optim.md, "Functions"); tests/native/test_optim.c checks them
 * against the same formulas typed as expressions and differentiated by the
 * jets of jet.c. */
#include "optim_internal.h"

static sc_jet2 quadratic(const sc_optim_fn *fn, double x, double y)
{
    /* (u, v): the coordinates along the bowl's axes, the first axis at
     * `angle` from the x axis; curvature 1 along it and kappa across. */
    const double c = fn->c, s = fn->s, k = fn->kappa;
    const double u = c * x + s * y, v = -s * x + c * y;
    sc_jet2 j;
    j.v = 0.5 * (u * u + k * v * v);
    j.x = c * u - k * s * v;
    j.y = s * u + k * c * v;
    j.xx = c * c + k * s * s;
    j.xy = (1.0 - k) * c * s;
    j.yy = s * s + k * c * c;
    return j;
}

static sc_jet2 rosenbrock(double x, double y)
{
    const double r = y - x * x;
    sc_jet2 j;
    j.v = (1.0 - x) * (1.0 - x) + 100.0 * r * r;
    j.x = -2.0 * (1.0 - x) - 400.0 * x * r;
    j.y = 200.0 * r;
    j.xx = 2.0 - 400.0 * y + 1200.0 * x * x;
    j.xy = -400.0 * x;
    j.yy = 200.0;
    return j;
}

static sc_jet2 himmelblau(double x, double y)
{
    const double a = x * x + y - 11.0, b = x + y * y - 7.0;
    sc_jet2 j;
    j.v = a * a + b * b;
    j.x = 4.0 * x * a + 2.0 * b;
    j.y = 2.0 * a + 4.0 * y * b;
    j.xx = 4.0 * a + 8.0 * x * x + 2.0;
    j.xy = 4.0 * (x + y);
    j.yy = 4.0 * b + 8.0 * y * y + 2.0;
    return j;
}

static sc_jet2 saddle(double x, double y)
{
    sc_jet2 j = {0.5 * (x * x - y * y), x, -y, 1.0, 0.0, -1.0};
    return j;
}

sc_jet2 sc_optim_builtin(const sc_optim_fn *fn, double x, double y)
{
    switch (fn->kind) {
    case SC_OPTIM_QUADRATIC:
        return quadratic(fn, x, y);
    case SC_OPTIM_ROSENBROCK:
        return rosenbrock(x, y);
    case SC_OPTIM_HIMMELBLAU:
        return himmelblau(x, y);
    default:
        return saddle(x, y);
    }
}
