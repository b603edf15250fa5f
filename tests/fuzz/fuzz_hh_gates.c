/* Fuzz target: sc_ode_hh_gates (hh_gates.h) with hostile voltages and
 * counts, and Rinzel's reduced system (hh-rinzel) at hostile states.
 * Invariants: on SC_OK every x_inf lies in [0, 1] and every tau_x is
 * finite and positive; a wrong nout is SIZE, a non-finite V NONFINITE;
 * the reduced system's rhs never writes outside its two outputs. */
#include "fuzz_input.h"
#include "simcore/hh_gates.h"
#include "simcore/ode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = fuzz_begin(data, size);
    enum { MAXV = 64 };
    double V[MAXV], out[6 * MAXV + 1];
    const int count = fuzz_size(&in, 0, MAXV);
    const int n = count >= 1 && count <= MAXV ? count : 1;
    int finite = 1;
    for (int i = 0; i < n; i++) {
        V[i] = fuzz_double(&in, -300.0, 300.0);
        finite &= isfinite(V[i]);
    }
    const int nout = fuzz_bool(&in) ? 6 * n : fuzz_size(&in, 0, 6 * MAXV);
    if (count < 1 || count > MAXV || nout < 0 || nout > 6 * MAXV) return 0;
    const sc_status s = sc_ode_hh_gates(V, count, out, nout);
    if (nout != 6 * count) {
        FUZZ_CHECK(s == SC_ERR_SIZE, "nout %d for %d: status %d", nout, count, s);
    } else if (!finite) {
        FUZZ_CHECK(s == SC_ERR_NONFINITE, "non-finite V: status %d", s);
    } else if (s == SC_OK) {
        for (int i = 0; i < count; i++)
            for (int g = 0; g < 3; g++) {
                const double x = out[6 * i + g], tau = out[6 * i + 3 + g];
                FUZZ_CHECK(x >= 0.0 && x <= 1.0, "x_inf %g at V %g", x, V[i]);
                FUZZ_CHECK(isfinite(tau) && tau > 0.0, "tau %g at V %g", tau, V[i]);
            }
    } else {
        FUZZ_CHECK(s == SC_ERR_RANGE, "status %d", s);
    }
    const sc_ode_system_info *r = sc_ode_system(SC_SYS_HH_RINZEL);
    double p[16], y[2] = {V[0], fuzz_double(&in, -1.0, 2.0)}, dy[3] = {0, 0, 12345.0};
    for (int i = 0; i < r->nparams; i++) p[i] = r->defaults[i];
    p[7] = fuzz_double(&in, -100.0, 100.0);
    if (sc_ode_check_params(SC_SYS_HH_RINZEL, p, r->nparams) == SC_OK) sc_ode_rhs(SC_SYS_HH_RINZEL, p, 0, y, dy);
    FUZZ_CHECK(dy[2] == 12345.0, "rhs wrote past dim");
    return 0;
}
