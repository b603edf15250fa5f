/* Orientation tuning of one Gabor filter (the page's tuning plot): its
 * response at the centre of a full-field grating
 *   I(u) = cos(k . u + alpha),  k = (2 pi / lambda)(cos phi, sin phi),
 * swept over phi in [0, pi]. For the kernel g = g_r + i g_i (g(x, y) as in
 * gabor.h) the response to phase alpha is
 *   r(alpha) = sum_u g(u) I(-u) = C cos alpha + S sin alpha,
 *   C = sum g(u) cos(k . u),  S = sum g(u) sin(k . u).
 * simple  = max(0, C_r): the real part's half-wave rectified response to the
 *           grating whose bright crest runs through the centre (alpha = 0);
 * complex = sqrt((C_r^2 + S_r^2 + C_i^2 + S_i^2) / 2): the energy averaged
 *           over the grating's phase.
 * Why they coincide at psi = 0 and part ways as psi grows: docs/gabor.md.
 * Exact for the sampled (float) kernel the filter uses; sums in double with
 * separable phasors, about 4 w h multiply-adds per angle. */
#include <math.h>
#include <stdlib.h>
#include "simcore/gabor.h"
#include "../base/internal.h"

#define SC_PI 3.14159265358979323846

sc_status sc_gabor_tuning(const sc_gabor_params *p, int steps, double *simple, double *complex_cell)
{
    int w, h;
    sc_status st = sc_gabor_kernel_size(p, &w, &h);
    if (st != SC_OK) return st;
    if (steps < 2 || steps > SC_GABOR_MAX_TUNING_STEPS) return sc_fail(SC_ERR_RANGE, "steps");
    if (!simple) return sc_fail(SC_ERR_NULL, "simple");
    if (!complex_cell) return sc_fail(SC_ERR_NULL, "complex");
    const size_t n = (size_t)w * h;
    float *kr = malloc(sizeof(float) * n), *ki = malloc(sizeof(float) * n);
    double *ph = malloc(sizeof(double) * 2 * (size_t)w);
    if (!kr || !ki || !ph) {
        st = sc_fail(SC_ERR_NOMEM, "steps");
        goto done;
    }
    sc_gabor_kernel_pair(p, kr, ki);
    /* Stored point-reflected: entry (row, col) holds g(cx - col, cy - row). */
    const int cx = w / 2, cy = h / 2;
    for (int s = 0; s < steps; s++) {
        const double phi = s * SC_PI / (steps - 1);
        const double kx = 2.0 * SC_PI * cos(phi) / p->lambda, ky = 2.0 * SC_PI * sin(phi) / p->lambda;
        for (int col = 0; col < w; col++) {
            ph[2 * col] = cos(kx * (cx - col));
            ph[2 * col + 1] = sin(kx * (cx - col));
        }
        /* sum_u g(u) e^{i k.u} = sum_y e^{i ky y} sum_x g(x, y) e^{i kx x} */
        double cr = 0, sr = 0, ci = 0, si = 0;
        for (int row = 0; row < h; row++) {
            double rr = 0, ri = 0, ir = 0, ii = 0;
            const float *a = kr + (size_t)row * w, *b = ki + (size_t)row * w;
            for (int col = 0; col < w; col++) {
                rr += a[col] * ph[2 * col];
                ri += a[col] * ph[2 * col + 1];
                ir += b[col] * ph[2 * col];
                ii += b[col] * ph[2 * col + 1];
            }
            const double eyr = cos(ky * (cy - row)), eyi = sin(ky * (cy - row));
            cr += rr * eyr - ri * eyi;
            sr += rr * eyi + ri * eyr;
            ci += ir * eyr - ii * eyi;
            si += ir * eyi + ii * eyr;
        }
        simple[s] = cr > 0.0 ? cr : 0.0;
        complex_cell[s] = sqrt((cr * cr + sr * sr + ci * ci + si * si) / 2.0);
    }
done:
    free(kr);
    free(ki);
    free(ph);
    return st;
}
