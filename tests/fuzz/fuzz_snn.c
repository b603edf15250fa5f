/* Fuzz target: spiking networks (snn.h) through the flat entry points:
 * create with decoded parameters, step, state, reset, new parameters,
 * spectrum, stale handles. Invariants: spike counts never exceed ms * n,
 * stored spikes name neurons 0..n-1 at times inside the step, rates are
 * finite and >= 0, reset replays the same spikes, new parameters keep the
 * clock (or are refused), a destroyed handle gives SC_ERR_HANDLE. */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/snn.h"

#define MAX_N  64
#define MAX_MS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int32_t neuron[MAX_N * MAX_MS], neuron2[MAX_N * MAX_MS];
    static float time[MAX_N * MAX_MS], rate[MAX_MS], power[MAX_MS];
    fuzz_in in = fuzz_begin(data, size);
    double q[SC_SNN_FLAT_PARAMS];
    sc_flat_snn_default_params(q);
    q[0] = fuzz_size(&in, 0, MAX_N / 2);
    q[1] = fuzz_size(&in, 0, MAX_N / 2);
    for (int i = 2; i < 6; i++) q[i] = fuzz_double(&in, -1, 20);
    q[6] = fuzz_int(&in, -1, 2);
    q[7] = fuzz_int(&in, -1, 2); /* modes 0 (net.m), 1 (fast), and two invalid */
    q[8] = fuzz_u32(&in);
    q[9] = fuzz_int(&in, -1, MAX_N + 1); /* in-degree: 0 dense, else sparse (fast mode only) */
    uint32_t id = 0;
    if (sc_flat_snn_create(q, &id) != SC_OK) {
        FUZZ_CHECK(id == 0, "failed create leaves id 0");
        return 0;
    }
    const int n = (int)q[0] + (int)q[1];
    double t0 = -1;
    for (int op = 0; op < 16 && in.at < in.n; op++) {
        switch (fuzz_u8(&in) % 5) {
        case 0: {
            const int ms = fuzz_int(&in, -2, MAX_MS), cap = fuzz_int(&in, -1, MAX_N * MAX_MS);
            int count = -1;
            sc_flat_snn_time(id, &t0);
            if (sc_flat_snn_step(id, ms, neuron, time, cap, &count, rate) != SC_OK) break;
            FUZZ_CHECK(count >= 0 && count <= ms * n, "count %d", count);
            for (int k = 0; k < count && k < cap; k++)
                FUZZ_CHECK(neuron[k] >= 0 && neuron[k] < n && time[k] >= t0 && time[k] < t0 + ms, "spike");
            for (int s = 0; s < ms; s++) FUZZ_CHECK(rate[s] >= 0 && rate[s] <= 1000, "rate %g", rate[s]);
            if (ms >= 8 && sc_flat_snn_rate_spectrum(rate, ms, 8, power) == SC_OK)
                for (int k = 0; k <= 4; k++) FUZZ_CHECK(isfinite(power[k]) && power[k] >= 0, "power[%d] = %g with SC_OK", k, power[k]);
            break;
        }
        case 1: { /* reset replays */
            int c1 = 0, c2 = 0;
            FUZZ_CHECK(sc_flat_snn_reset(id) == SC_OK, "reset");
            sc_flat_snn_step(id, 16, neuron, time, MAX_N * MAX_MS, &c1, NULL);
            FUZZ_CHECK(sc_flat_snn_reset(id) == SC_OK, "reset");
            sc_flat_snn_step(id, 16, neuron2, time, MAX_N * MAX_MS, &c2, NULL);
            FUZZ_CHECK(c1 == c2 && !memcmp(neuron, neuron2, sizeof(int32_t) * (size_t)c1), "replay");
            break;
        }
        case 2: {
            int32_t idx[4];
            double v[4], u[4];
            for (int k = 0; k < 4; k++) idx[k] = fuzz_int(&in, -1, n);
            sc_flat_snn_state(id, idx, fuzz_int(&in, -1, 4), v, u);
            break;
        }
        case 3: { /* new parameters: scales, noise, heterogeneity, and sometimes a field that must stay */
            double q2[SC_SNN_FLAT_PARAMS], before = -1, after = -2;
            memcpy(q2, q, sizeof q2);
            for (int i = 2; i < 6; i++) q2[i] = fuzz_double(&in, -1, 20);
            q2[6] = fuzz_int(&in, -1, 2);
            if (fuzz_u8(&in) % 8 == 0) q2[fuzz_int(&in, 0, SC_SNN_FLAT_PARAMS - 1)] = fuzz_double(&in, -1, 100);
            sc_flat_snn_time(id, &before);
            const int st = sc_flat_snn_set_params(id, q2);
            sc_flat_snn_time(id, &after);
            FUZZ_CHECK(before == after, "set params keeps the clock (%g, %g), status %d", before, after, st);
            break;
        }
        default:
            sc_flat_snn_step(id, 1, NULL, NULL, fuzz_int(&in, -1, 2), NULL, NULL);
            break;
        }
    }
    FUZZ_CHECK(sc_flat_snn_destroy(id) == SC_OK, "destroy");
    int count;
    FUZZ_CHECK(sc_flat_snn_step(id, 1, NULL, NULL, 0, &count, NULL) == SC_ERR_HANDLE, "stale");
    return 0;
}
