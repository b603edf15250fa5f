/* Constants of the fast mode's normal generator (fast_scalar.c and
 * fast_simd.c use the same ones): Box–Muller with ln and sin/cos from the
 * Cephes single-precision polynomials (logf on [sqrt(1/2), sqrt(2)) in
 * x - 1; sinf and cosf on [-pi/4, pi/4]), relative error about 1e-7. */
#ifndef SIMCORE_SNN_FAST_MATH_H
#define SIMCORE_SNN_FAST_MATH_H

#define SC_SNN_SQRTHF  0.707106781186547524f
#define SC_SNN_HALF_PI 1.57079632679489662f
#define SC_SNN_LOG_P0  7.0376836292e-2f
#define SC_SNN_LOG_P1  (-1.1514610310e-1f)
#define SC_SNN_LOG_P2  1.1676998740e-1f
#define SC_SNN_LOG_P3  (-1.2420140846e-1f)
#define SC_SNN_LOG_P4  1.4249322787e-1f
#define SC_SNN_LOG_P5  (-1.6668057665e-1f)
#define SC_SNN_LOG_P6  2.0000714765e-1f
#define SC_SNN_LOG_P7  (-2.4999993993e-1f)
#define SC_SNN_LOG_P8  3.3333331174e-1f
#define SC_SNN_LOG_Q1  (-2.12194440e-4f)
#define SC_SNN_LOG_Q2  0.693359375f
#define SC_SNN_SIN_P0  (-1.9515295891e-4f)
#define SC_SNN_SIN_P1  8.3321608736e-3f
#define SC_SNN_SIN_P2  (-1.6666654611e-1f)
#define SC_SNN_COS_P0  2.443315711809948e-5f
#define SC_SNN_COS_P1  (-1.388731625493765e-3f)
#define SC_SNN_COS_P2  4.166664568298827e-2f

#endif
