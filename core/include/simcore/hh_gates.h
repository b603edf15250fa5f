/* The Hodgkin-Huxley gates' steady states and time constants against V
 * (hh_gates.c): the curves x_inf(V), tau_x(V) of lecture 7's
 * tau_x(V) dx/dt = x_inf(V) - x, with the rates of the hodgkin-huxley
 * system (docs/models.md: modern convention, rest near -65 mV). */
#ifndef SIMCORE_HH_GATES_H
#define SIMCORE_HH_GATES_H

#include "simcore/status.h"
#include "simcore/limits.h"

/* For each of count (1..SC_ODE_MAX_STEPS) finite voltages V[i] (mV), six
 * values at out[6 i ..]: m_inf, h_inf, n_inf (x_inf = alpha_x / (alpha_x +
 * beta_x)) and tau_m, tau_h, tau_n in ms (tau_x = 1 / (alpha_x + beta_x)).
 * nout must be 6 count. Voltages whose rates over- or underflow (|V| beyond
 * about 10^4 mV) give RANGE "V". */
SC_API sc_status sc_ode_hh_gates(const double *V, int count, double *out, int nout);

/* Flat twin (same arguments; the binding calls this one). */
SC_API int sc_flat_ode_hh_gates(const double *V, int count, double *out, int nout);

#endif
