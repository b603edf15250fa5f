/* The piecewise-linear input protocol, one definition for the integrators
 * (integrate.c) and for sampling it on a time grid (drive_flat.c). */
#ifndef SIMCORE_ODE_DRIVE_H
#define SIMCORE_ODE_DRIVE_H

/* Input of the protocol (n >= 1 nondecreasing times T, values V) at time t,
 * on the piece that holds time `at`: constant outside [T_0, T_last], linear
 * between breakpoints, and at a repeated time (a jump) the later piece. */
static inline double sc_ode_drive(const double *T, const double *V, int n, double at, double t)
{
    if (at < T[0]) return V[0];
    if (at >= T[n - 1]) return V[n - 1];
    int lo = 0, hi = n - 1; /* T[lo] <= at < T[hi] */
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (T[mid] <= at)
            lo = mid;
        else
            hi = mid;
    }
    return V[lo] + (V[hi] - V[lo]) * ((t - T[lo]) / (T[hi] - T[lo]));
}

#endif
