/* Fuzz target: Hopfield networks (hopfield.h): create, store with every
 * rule, thresholds, states, synchronous/asynchronous and stochastic updates,
 * annealing, energy, overlaps, stale handles and the capacity experiment,
 * as a little program decoded from the bytes. Invariants: weights are
 * exactly symmetric with a zero diagonal; at T = 0 with zero thresholds an
 * asynchronous sweep never raises the energy; states stay +-1; overlaps lie
 * in [-1, 1]; a destroyed handle returns SC_ERR_HANDLE. A twin network with
 * the incremental fields turned off gets every call too and must end each
 * operation in the same state (incremental.c decides as the plain sweep). */
#include <string.h>
#include "fuzz_input.h"
#include "hopfield/hopfield_internal.h"
#include "simcore/hopfield.h"

#define MAX_N 48

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static float w[MAX_N * MAX_N], theta[MAX_N], m[SC_HOPFIELD_MAX_PATTERNS];
    static int8_t pat[MAX_N * MAX_N], s[MAX_N];
    static int order[2 * MAX_N];
    fuzz_in in = fuzz_begin(data, size);
    int n = fuzz_size(&in, 1, MAX_N);
    sc_hopfield net = {0}, twin = {0};
    if (sc_hopfield_create(n > MAX_N ? n % (MAX_N + 1) : n, &net) != SC_OK) return 0;
    sc_hopfield_size(net, &n, NULL);
    FUZZ_CHECK(sc_hopfield_create(n, &twin) == SC_OK && sc_hop_use_incremental(twin, 0) == SC_OK, "twin");
    int zero_theta = 1;

    for (int op = 0; op < 24 && in.at < in.n; op++) {
        switch (fuzz_u8(&in) % 9) {
        case 0: { /* store */
            const int count = fuzz_size(&in, 1, n);
            const int ok = count >= 1 && count <= n;
            for (int i = 0; i < (ok ? count : 1) * n; i++) pat[i] = fuzz_u8(&in) == 0xff ? 0 : fuzz_bool(&in) ? 1
                                                                                                              : -1;
            const sc_hopfield_rule rule = (sc_hopfield_rule)fuzz_int(&in, -1, 3);
            sc_hopfield_store(twin, ok ? pat : NULL, count, rule);
            if (sc_hopfield_store(net, ok ? pat : NULL, count, rule) == SC_OK) {
                sc_hopfield_get_weights(net, w);
                for (int i = 0; i < n; i++) {
                    FUZZ_CHECK(w[i * n + i] == 0.0f, "w[%d][%d] = %g", i, i, w[i * n + i]);
                    for (int j = 0; j < i; j++) FUZZ_CHECK(w[i * n + j] == w[j * n + i], "asymmetric at %d,%d", i, j);
                }
            }
            break;
        }
        case 1: {
            int all_zero = 1;
            for (int i = 0; i < n; i++) theta[i] = fuzz_float(&in, -1, 1), all_zero &= theta[i] == 0.0f;
            sc_hopfield_set_thresholds(twin, theta);
            if (sc_hopfield_set_thresholds(net, theta) == SC_OK) zero_theta = all_zero;
            break;
        }
        case 2:
            for (int i = 0; i < n; i++) s[i] = fuzz_u8(&in) == 0xff ? 3 : fuzz_bool(&in) ? 1
                                                                                         : -1;
            sc_hopfield_set_state(net, s);
            sc_hopfield_set_state(twin, s);
            break;
        case 3: { /* deterministic asynchronous sweep: energy must not rise */
            double e0, e1;
            sc_hopfield_step_desc d = {SC_HOPFIELD_ASYNC, 0.0f, NULL, 0};
            if (fuzz_bool(&in)) {
                d.order_len = fuzz_size(&in, 1, 2 * MAX_N);
                for (int i = 0; i < 2 * MAX_N; i++) order[i] = fuzz_int(&in, -1, n);
                d.order = order;
                if (d.order_len > 2 * MAX_N) d.order_len = 2 * MAX_N; /* our buffer; the limit itself is n-free */
            }
            sc_hopfield_energy(net, &e0);
            sc_hopfield_step(twin, &d, NULL);
            if (sc_hopfield_step(net, &d, NULL) == SC_OK && zero_theta) {
                sc_hopfield_energy(net, &e1);
                FUZZ_CHECK(e1 <= e0 + 1e-6 * (1.0 + fabs(e0)), "energy rose from %g to %g", e0, e1);
            }
            break;
        }
        case 4: {
            sc_hopfield_step_desc d = {(sc_hopfield_mode)fuzz_int(&in, -1, 2), fuzz_float(&in, 0, 2), NULL, 0};
            sc_hopfield_run_result r, r2;
            const int max_sweeps = fuzz_size(&in, 1, 30) % 1000;
            const sc_status st2 = sc_hopfield_run(twin, &d, max_sweeps, &r2);
            if (sc_hopfield_run(net, &d, max_sweeps, &r) == SC_OK) {
                FUZZ_CHECK(r.sweeps >= 1 && (r.converged == 0 || r.converged == 1), "run result");
                FUZZ_CHECK(st2 == SC_OK && r.sweeps == r2.sweeps && r.cycle == r2.cycle, "run differs from the plain sweeps");
            }
            break;
        }
        case 5: {
            int flips = -1;
            const float from = fuzz_float(&in, 0, 4), to = fuzz_float(&in, 0, 1);
            const int sweeps = fuzz_size(&in, 1, 20) % 100;
            sc_hopfield_anneal(net, NULL, from, to, sweeps, &flips);
            sc_hopfield_anneal(twin, NULL, from, to, sweeps, NULL);
            break;
        }
        case 6: {
            int patterns = 0;
            double e;
            sc_hopfield_size(net, NULL, &patterns);
            FUZZ_CHECK(sc_hopfield_energy(net, &e) == SC_OK && isfinite(e), "energy");
            if (sc_hopfield_overlaps(net, m) == SC_OK)
                for (int k = 0; k < patterns; k++) FUZZ_CHECK(m[k] >= -1.0f && m[k] <= 1.0f, "overlap %g", m[k]);
            sc_hopfield_get_state(net, s);
            for (int i = 0; i < n; i++) FUZZ_CHECK(s[i] == 1 || s[i] == -1, "state[%d] = %d", i, s[i]);
            break;
        }
        case 7: { /* advance, as an animation calls it; the twin must agree */
            sc_hopfield_advance_desc d = {0};
            d.mode = (sc_hopfield_mode)fuzz_int(&in, -1, 2);
            d.temperature = fuzz_float(&in, 0, 2);
            d.updates = fuzz_int(&in, -1, 3 * MAX_N);
            sc_hopfield_advance_result r, r2;
            double e0, e1;
            sc_hopfield_energy(net, &e0);
            const sc_status st2 = sc_hopfield_advance(twin, &d, &r2);
            if (sc_hopfield_advance(net, &d, &r) == SC_OK) {
                const int asked = d.updates == 0 ? 1 : d.updates;
                FUZZ_CHECK(r.updates >= 1 && r.updates <= asked, "advance made %d of %d", r.updates, asked);
                FUZZ_CHECK(r.end >= SC_HOPFIELD_GOING && r.end <= SC_HOPFIELD_CYCLE, "end %d", r.end);
                FUZZ_CHECK(r.end == SC_HOPFIELD_GOING || d.temperature == 0.0f, "rest claimed at T > 0");
                FUZZ_CHECK(r.last >= -1 && r.last < n, "last %d", r.last);
                FUZZ_CHECK(st2 == SC_OK && r.updates == r2.updates && r.end == r2.end, "advance differs from the plain sweeps");
                if (d.mode == SC_HOPFIELD_ASYNC && d.temperature == 0.0f && zero_theta) {
                    sc_hopfield_energy(net, &e1);
                    FUZZ_CHECK(e1 <= e0 + 1e-6 * (1.0 + fabs(e0)), "energy rose from %g to %g", e0, e1);
                }
            }
            break;
        }
        default: { /* capacity, small */
            sc_hopfield_capacity_desc c = {fuzz_size(&in, 1, 24), (sc_hopfield_rule)fuzz_int(&in, -1, 3),
                                           fuzz_float(&in, 0, 0.6f), fuzz_size(&in, 1, 3), fuzz_int(&in, 0, 20),
                                           fuzz_u32(&in)};
            int counts[3] = {fuzz_int(&in, 0, 8), fuzz_int(&in, 1, 8), fuzz_int(&in, 1, 30)};
            float recall[3], overlap[3];
            if (c.n > 24 || c.trials > 3) break; /* time cap; the limits are checked in the native tests */
            if (sc_hopfield_capacity(&c, counts, fuzz_int(&in, 0, 3), recall, overlap) == SC_OK)
                for (int k = 0; k < 1; k++) FUZZ_CHECK(recall[k] >= 0.0f && recall[k] <= 1.0f, "recall %g", recall[k]);
            break;
        }
        }
        static int8_t s2[MAX_N];
        sc_hopfield_get_state(net, s);
        sc_hopfield_get_state(twin, s2);
        FUZZ_CHECK(memcmp(s, s2, (size_t)n) == 0, "incremental and plain sweeps disagree");
    }
    sc_hopfield_destroy(twin);
    FUZZ_CHECK(sc_hopfield_destroy(net) == SC_OK, "destroy");
    double e;
    FUZZ_CHECK(sc_hopfield_energy(net, &e) == SC_ERR_HANDLE, "stale handle accepted");
    FUZZ_CHECK(sc_hopfield_destroy(net) == SC_ERR_HANDLE, "double destroy accepted");
    return 0;
}
