/* Classification of x' = A x for 2x2 A by trace p, determinant q and
 * discriminant Delta = p^2 - 4q (lecture notation), with a relative
 * tolerance band around the measure-zero boundaries. docs/ode.md. */
#include <math.h>
#include "simcore/phase.h"
#include "../base/internal.h"

static const char *const names[SC_EQ_TYPE_COUNT] = {
    "saddle",
    "center",
    "stable-focus",
    "unstable-focus",
    "stable-node",
    "unstable-node",
    "stable-degenerate-node",
    "unstable-degenerate-node",
    "stable-star",
    "unstable-star",
    "non-isolated",
};

const char *sc_eq_type_name(int type) { return type >= 0 && type < SC_EQ_TYPE_COUNT ? names[type] : ""; }

/* Unit eigenvector of A for the real eigenvalue l: from the row of
 * A - l I with the larger norm, (b, l - a) or (l - d, c). */
static void real_vec(double a, double b, double c, double d, double l, double v[2])
{
    double x1 = b, y1 = l - a, x2 = l - d, y2 = c;
    const double n1 = hypot(x1, y1), n2 = hypot(x2, y2);
    if (n1 >= n2 && n1 > 0)
        v[0] = x1 / n1, v[1] = y1 / n1;
    else if (n2 > 0)
        v[0] = x2 / n2, v[1] = y2 / n2;
    else
        v[0] = 1, v[1] = 0;
}

sc_status sc_classify_linear(double a, double b, double c, double d, double rel_tol, sc_linear_class *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    if (!isfinite(a)) return sc_fail(SC_ERR_NONFINITE, "a");
    if (!isfinite(b)) return sc_fail(SC_ERR_NONFINITE, "b");
    if (!isfinite(c)) return sc_fail(SC_ERR_NONFINITE, "c");
    if (!isfinite(d)) return sc_fail(SC_ERR_NONFINITE, "d");
    if (!(rel_tol >= 0.0 && rel_tol <= 0.1)) return sc_fail(SC_ERR_RANGE, "tolerance");
    const double tol = rel_tol == 0.0 ? SC_PHASE_CLASSIFY_TOL : rel_tol;
    const double p = a + d, q = a * d - b * c, D = p * p - 4.0 * q;
    const double s = fmax(fmax(fabs(a), fabs(b)), fmax(fabs(c), fabs(d)));
    out->trace = p;
    out->det = q;
    out->discriminant = D;
    for (int k = 0; k < 2; k++) out->vim[k][0] = out->vim[k][1] = 0.0;

    /* eigenvalues and vectors, exact arithmetic aside from the band */
    if (D >= 0.0) {
        const double r = sqrt(D);
        /* stable formula: the larger-magnitude root first, the other from q */
        const double big = p >= 0 ? 0.5 * (p + r) : 0.5 * (p - r);
        const double small = big != 0.0 ? q / big : 0.0;
        out->re[0] = fmax(big, small);
        out->re[1] = fmin(big, small);
        out->im[0] = out->im[1] = 0.0;
        real_vec(a, b, c, d, out->re[0], out->vre[0]);
        real_vec(a, b, c, d, out->re[1], out->vre[1]);
        /* A = lambda I (within the band): every vector is an eigenvector;
         * report the axes rather than one vector twice. */
        if (fabs(b) <= tol * s && fabs(c) <= tol * s && fabs(a - d) <= tol * s) {
            out->vre[0][0] = 1.0, out->vre[0][1] = 0.0;
            out->vre[1][0] = 0.0, out->vre[1][1] = 1.0;
        }
    } else {
        const double w = 0.5 * sqrt(-D);
        out->re[0] = out->re[1] = 0.5 * p;
        out->im[0] = w;
        out->im[1] = -w;
        /* (b, l - a) with l = p/2 + i w; b != 0 because Delta < 0 needs b c < 0 */
        const double vx = b, vyr = 0.5 * p - a, vyi = w;
        const double nn = sqrt(vx * vx + vyr * vyr + vyi * vyi);
        out->vre[0][0] = vx / nn, out->vre[0][1] = vyr / nn;
        out->vim[0][0] = 0.0, out->vim[0][1] = vyi / nn;
        out->vre[1][0] = out->vre[0][0], out->vre[1][1] = out->vre[0][1];
        out->vim[1][0] = 0.0, out->vim[1][1] = -out->vim[0][1];
    }

    sc_eq_type t;
    if (s == 0.0 || fabs(q) <= tol * s * s)
        t = SC_EQ_NON_ISOLATED;
    else if (q < 0.0)
        t = SC_EQ_SADDLE;
    else if (fabs(p) <= tol * s)
        t = SC_EQ_CENTER;
    else if (fabs(D) <= tol * s * s) {
        const int star = fabs(a - d) <= tol * s && fabs(b) <= tol * s && fabs(c) <= tol * s;
        t = star ? (p < 0 ? SC_EQ_STABLE_STAR : SC_EQ_UNSTABLE_STAR)
                 : (p < 0 ? SC_EQ_STABLE_DEGENERATE_NODE : SC_EQ_UNSTABLE_DEGENERATE_NODE);
    } else if (D < 0.0)
        t = p < 0 ? SC_EQ_STABLE_FOCUS : SC_EQ_UNSTABLE_FOCUS;
    else
        t = p < 0 ? SC_EQ_STABLE_NODE : SC_EQ_UNSTABLE_NODE;
    out->type = t;
    return SC_OK;
}
