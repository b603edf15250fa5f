/* Haykin's double moon (Neural Networks and Learning Machines, sec. 1.6 and
 * problem 4.x): two half-annuli of radius r and width w, the lower one
 * shifted right by r and down by d. Points are uniform in area: the radius
 * is drawn as sqrt of a uniform between the squared inner and outer radii
 * (some sources draw the radius uniformly, which crowds the inner edge). */
#include <math.h>
#include "mlp_internal.h"

sc_status sc_mlp_double_moon(int n, float r, float w, float d, uint32_t seed, float *x, int8_t *y)
{
    if (n < 1 || n > SC_MLP_MAX_SAMPLES) return sc_fail(SC_ERR_SIZE, "n");
    if (!isfinite(r)) return sc_fail(SC_ERR_NONFINITE, "r");
    if (!isfinite(w)) return sc_fail(SC_ERR_NONFINITE, "w");
    if (!isfinite(d)) return sc_fail(SC_ERR_NONFINITE, "d");
    if (!(r > 0.0f)) return sc_fail(SC_ERR_RANGE, "r");
    if (!(w > 0.0f && w < 2.0f * r)) return sc_fail(SC_ERR_RANGE, "w");
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "y");
    sc_rng g;
    sc_rng_seed(&g, seed);
    const double rin = r - 0.5 * w, rout = r + 0.5 * w, pi = 3.14159265358979323846;
    for (int i = 0; i < n; i++) {
        const double rho = sqrt(rin * rin + sc_rng_unit(&g) * (rout * rout - rin * rin));
        const double theta = pi * sc_rng_unit(&g);
        const int upper = (i % 2) == 0;
        x[2 * i] = (float)(rho * cos(theta) + (upper ? 0.0 : r));
        x[2 * i + 1] = (float)(upper ? rho * sin(theta) : -rho * sin(theta) - d);
        y[i] = upper ? 1 : -1;
    }
    return sc_check_output(x, 2 * (size_t)n, "x"); /* r, d near the float maximum */
}
