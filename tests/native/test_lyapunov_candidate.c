/* Typed Lyapunov candidates on the phase plane: dV/dt = grad V . f with
 * exact derivatives against closed forms (the oscillator's energy, a
 * quadratic from the Lyapunov equation, a non-polynomial V), and the grid's
 * basin estimate on van der Pol with mu < 0, where V = x^2 + y^2 has
 * dV/dt = 2 mu (1 - x^2) y^2: rising only beyond |x| = 1, so the largest
 * sublevel set is the unit disc. Bad input. */
#include <stdlib.h>
#include "check.h"
#include "simcore/ode.h"
#include "simcore/phase.h"

static void test_points(void)
{
    /* The damped oscillator (m, k, mu) = (2, 3, 0.5) in (x, v): E = 1/2 m v^2 + 1/2 k x^2, dE/dt = -mu v^2. */
    const double osc[3] = {2, 3, 0.5};
    const sc_phase_plane pl = {SC_SYS_OSCILLATOR, osc, 3, 0, 1, NULL, 0};
    double xy[200], out[200];
    uint32_t seed = 5;
    for (int k = 0; k < 100; k++) xy[k] = 3.0 * check_rand_f(&seed);
    long bad = -1;
    CHECK(sc_phase_lyapunov_points(&pl, "0.5*2*y^2 + 0.5*3*x^2", xy, 50, out, &bad) == SC_OK && bad == 0, "status");
    double err = 0;
    for (int k = 0; k < 50; k++) {
        const double x = xy[2 * k], v = xy[2 * k + 1];
        err = fmax(err, fabs(out[2 * k] - (v * v + 1.5 * x * x)) + fabs(out[2 * k + 1] + 0.5 * v * v));
    }
    CHECK(err < 1e-13, "energy: %g", err);
    /* A quadratic from A^T P + P A = -I: dV/dt = -(x^2 + y^2). */
    const double A[4] = {-0.5, 2, -1, -0.3}, I[3] = {1, 0, 1};
    double P[3];
    CHECK(sc_lyapunov_linear(A, I, P) == SC_OK, "P");
    char V[200];
    snprintf(V, sizeof V, "%.17g*x^2 + 2*%.17g*x*y + %.17g*y^2", P[0], P[1], P[2]);
    const sc_phase_plane lin = {SC_SYS_LINEAR2D, A, 4, 0, 1, NULL, 0};
    CHECK(sc_phase_lyapunov_points(&lin, V, xy, 50, out, NULL) == SC_OK, "status");
    err = 0;
    for (int k = 0; k < 50; k++) err = fmax(err, fabs(out[2 * k + 1] + xy[2 * k] * xy[2 * k] + xy[2 * k + 1] * xy[2 * k + 1]));
    CHECK(err < 1e-12, "quadratic: %g", err);
    /* Non-polynomial: V = log(1 + x^2) + cosh(y) - 1 on x' = a x + b y ...: grad V = (2x/(1+x^2), sinh y). */
    CHECK(sc_phase_lyapunov_points(&lin, "log(1 + x^2) + cosh(y) - 1", xy, 50, out, NULL) == SC_OK, "status");
    err = 0;
    for (int k = 0; k < 50; k++) {
        const double x = xy[2 * k], y = xy[2 * k + 1];
        const double f1 = A[0] * x + A[1] * y, f2 = A[2] * x + A[3] * y;
        err = fmax(err, fabs(out[2 * k + 1] - (2 * x / (1 + x * x) * f1 + sinh(y) * f2)));
    }
    CHECK(err < 1e-13, "log/cosh: %g", err);
    /* Undefined: sqrt of a negative number is NaN there, counted, never an error. */
    const double pts[4] = {4, 0, -4, 0};
    CHECK(sc_phase_lyapunov_points(&lin, "sqrt(x)", pts, 2, out, &bad) == SC_OK && bad == 1 && isnan(out[2]) &&
              isnan(out[3]) && out[0] == 2,
          "undefined %ld", bad);
}

static void test_basin(void)
{
    const double mu = -1;
    const sc_phase_plane pl = {SC_SYS_VAN_DER_POL, &mu, 1, 0, 1, NULL, 0};
    const int nx = 161, ny = 161;
    float *v = malloc(sizeof(float) * nx * ny), *vd = malloc(sizeof(float) * nx * ny);
    double info[4];
    CHECK(sc_phase_lyapunov_grid(&pl, "x^2 + y^2", -2, 2, nx, -2, 2, ny, v, vd, (long)nx * ny, info) == SC_OK,
          "status");
    const double h = 4.0 / (nx - 1);
    /* The smallest V where it rises: at |x| just above 1 and |y| = h. */
    CHECK(info[0] >= 1 && info[0] <= 1 + 3 * h, "level %g (unit disc: 1)", info[0]);
    CHECK(info[1] == 0 && info[2] == 0 && info[3] == 0, "minimum at (%g, %g): %g", info[1], info[2], info[3]);
    /* The grid's values are the closed forms. */
    double err = 0;
    for (int j = 0; j < ny; j += 7)
        for (int i = 0; i < nx; i += 7) {
            const double x = -2 + i * h, y = -2 + j * h;
            err = fmax(err, fabs(vd[j * nx + i] - 2 * mu * (1 - x * x) * y * y) / (1 + fabs(vd[j * nx + i])));
        }
    CHECK(err < 1e-6, "grid dV/dt (float): %g", err);
    /* A stable linear system with V = x^2 + y^2 and A + A^T negative definite: V falls everywhere; the level is V's minimum on the edge. */
    const double A[4] = {-1, 0.5, -0.5, -1};
    const sc_phase_plane lin = {SC_SYS_LINEAR2D, A, 4, 0, 1, NULL, 0};
    CHECK(sc_phase_lyapunov_grid(&lin, "x^2 + y^2", -2, 2, nx, -1, 1, ny, v, vd, (long)nx * ny, info) == SC_OK &&
              fabs(info[0] - 1) < 1e-12,
          "edge level %g", info[0]);
    free(v);
    free(vd);
}

static void test_bad_input(void)
{
    const double A[4] = {-1, 0, 0, -1}, xy[2] = {1, 1};
    const sc_phase_plane lin = {SC_SYS_LINEAR2D, A, 4, 0, 1, NULL, 0};
    double out[2], info[4];
    float v[4], vd[4];
    CHECK(sc_phase_lyapunov_points(&lin, "x^", xy, 1, out, NULL) == SC_ERR_RANGE, "syntax");
    CHECK(sc_phase_lyapunov_points(&lin, NULL, xy, 1, out, NULL) == SC_ERR_NULL, "V NULL");
    CHECK(sc_phase_lyapunov_points(&lin, "x", xy, 0, out, NULL) == SC_ERR_SIZE, "n 0");
    const double far[2] = {1e7, 0}, nan2[2] = {NAN, 0};
    CHECK(sc_phase_lyapunov_points(&lin, "x", far, 1, out, NULL) == SC_ERR_RANGE, "far point");
    CHECK(sc_phase_lyapunov_points(&lin, "x", nan2, 1, out, NULL) == SC_ERR_NONFINITE, "NaN point");
    CHECK(sc_phase_lyapunov_grid(&lin, "x", -1, 1, 2, -1, 1, 2, v, vd, 3, info) == SC_ERR_SIZE, "n");
    CHECK(sc_phase_lyapunov_grid(&lin, "x", 1, -1, 2, -1, 1, 2, v, vd, 4, info) == SC_ERR_RANGE, "x order");
    CHECK(sc_flat_phase_lyapunov_grid(SC_SYS_LINEAR2D, A, 4, 0, 1, NULL, 0, "x", -1, 1, 2, -1, 1, 2, v, vd, 4, info, 3) ==
              SC_ERR_SIZE,
          "ninfo");
    CHECK(sc_flat_phase_lyapunov_points(99, A, 4, 0, 1, NULL, 0, "x", xy, 1, out, 2, NULL) == SC_ERR_OPTION, "system");
}

int main(void)
{
    CHECK_RUN(test_points());
    CHECK_RUN(test_basin());
    CHECK_RUN(test_bad_input());
    return check_summary("lyapunov_candidate");
}
