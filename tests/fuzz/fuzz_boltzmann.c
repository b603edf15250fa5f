/* Fuzz target: Boltzmann machines (boltzmann.h) through the flat entry
 * points: create with fuzzed sizes, then a little program decoded from the
 * bytes: exact statistics, Gibbs sampling, learning (both methods) with
 * fuzzed temperatures, schedules and rates, weights, masks, info and stale
 * handles. Invariants: every status is a known one; on SC_OK statistics
 * are finite, within [-1, 1] with a unit diagonal, ln Z finite and the
 * log-likelihood <= 0; after every call the weights stay symmetric with a
 * zero diagonal; a destroyed handle returns SC_ERR_HANDLE. */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/boltzmann.h"

#define MAX_N     8
#define MAX_COUNT 6
#define NS        (MAX_N * MAX_N + MAX_N)

static void check_stats(const double *s, int n)
{
    for (int k = 0; k < n * n + n; k++) FUZZ_CHECK(isfinite(s[k]) && fabs(s[k]) <= 1.0 + 1e-9, "statistic %g", s[k]);
    for (int i = 0; i < n; i++) FUZZ_CHECK(s[i * n + i] == 1.0, "diagonal %g", s[i * n + i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static double w[NS], dat[NS], mod[NS], out[2], trace[8];
    static int8_t vis[MAX_COUNT * MAX_N];
    static uint8_t mask[MAX_N * MAX_N];
    fuzz_in in = fuzz_begin(data, size);
    const int nv = fuzz_size(&in, 1, 5), nh = fuzz_size(&in, 0, 3);
    uint32_t id = 0;
    int st = sc_flat_boltzmann_create(nv, nh, fuzz_u32(&in), &id);
    FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
    if (st != SC_OK) {
        FUZZ_CHECK(id == 0, "a failed create returns no handle");
        return 0;
    }
    int info[4];
    FUZZ_CHECK(sc_flat_boltzmann_info(id, info, 4) == SC_OK, "info");
    const int n = info[2], ns = info[3];
    FUZZ_CHECK(n == nv + nh && n <= MAX_N && ns == n * n + n, "sizes %d %d", n, ns);

    for (int op = 0; op < 10 && in.at < in.n; op++) {
        const int count = fuzz_size(&in, 1, MAX_COUNT);
        const int c = count >= 1 && count <= MAX_COUNT ? count : 1;
        for (int k = 0; k < c * nv; k++) vis[k] = (int8_t)(fuzz_u8(&in) % 16 == 0 ? 0 : fuzz_bool(&in) ? 1
                                                                                                       : -1);
        const double t = fuzz_double(&in, 0.05, 4);
        switch (fuzz_u8(&in) % 7) {
        case 0:
            st = sc_flat_boltzmann_exact(id, vis, count, t, fuzz_bool(&in) ? dat : NULL, mod,
                                         fuzz_bool(&in) ? ns : ns + 1, out, 2);
            if (st == SC_OK) {
                check_stats(mod, n);
                FUZZ_CHECK(isfinite(out[0]) && isfinite(out[1]) && out[1] <= 1e-9, "ln Z %g, loglik %g", out[0], out[1]);
            }
            break;
        case 1:
            st = sc_flat_boltzmann_sample(id, vis, count, fuzz_size(&in, 1, 20), fuzz_size(&in, 0, 5), t,
                                          fuzz_bool(&in) ? 0.0 : fuzz_double(&in, 0, 8), dat, mod, ns);
            if (st == SC_OK) {
                check_stats(dat, n);
                check_stats(mod, n);
            }
            break;
        case 2: {
            const int epochs = fuzz_size(&in, 1, 4);
            const int ntrace = fuzz_bool(&in) ? 0 : epochs >= 1 && epochs <= 8 ? epochs
                                                                               : 8;
            st = sc_flat_boltzmann_learn(id, vis, count, epochs, fuzz_int(&in, -1, SC_BOLTZMANN_METHOD_COUNT),
                                         fuzz_double(&in, 0, 2), fuzz_size(&in, 1, 10), fuzz_size(&in, 0, 4), t,
                                         0.0, fuzz_size(&in, 0, 3), trace, ntrace);
            if (st == SC_OK)
                for (int e = 0; e < ntrace; e++) FUZZ_CHECK(isfinite(trace[e]) && trace[e] <= 1e-9, "trace %g", trace[e]);
            break;
        }
        case 3:
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++) w[i * n + j] = w[j * n + i] = i == j ? 0.0 : fuzz_double(&in, -3, 3);
            for (int i = 0; i < n; i++) w[n * n + i] = fuzz_double(&in, -3, 3);
            if (fuzz_u8(&in) % 8 == 0) w[fuzz_int(&in, 0, ns - 1)] += 1.0; /* break symmetry or the diagonal */
            st = sc_flat_boltzmann_set_weights(id, w, fuzz_bool(&in) ? ns : ns - 1);
            break;
        case 4:
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++) mask[i * n + j] = mask[j * n + i] = (uint8_t)(i != j && fuzz_bool(&in));
            if (fuzz_u8(&in) % 8 == 0) mask[fuzz_int(&in, 0, n * n - 1)] = (uint8_t)fuzz_int(&in, 0, 3);
            st = sc_flat_boltzmann_set_mask(id, mask, n * n);
            break;
        case 5:
            st = sc_flat_boltzmann_rbm_loglik(id, vis, count, t, fuzz_bool(&in) ? out : NULL);
            if (st == SC_OK) FUZZ_CHECK(isfinite(out[0]) && out[0] <= 1e-9, "rbm loglik %g", out[0]);
            break;
        default:
            st = sc_flat_boltzmann_get_weights(id, w, fuzz_bool(&in) ? ns : ns + 1);
            break;
        }
        FUZZ_CHECK(st >= 0 && st < SC_STATUS_COUNT, "status %d", st);
        FUZZ_CHECK(sc_flat_boltzmann_get_weights(id, w, ns) == SC_OK, "get");
        for (int i = 0; i < n; i++) {
            FUZZ_CHECK(w[i * n + i] == 0.0, "diagonal");
            for (int j = 0; j < n; j++) FUZZ_CHECK(w[i * n + j] == w[j * n + i] && isfinite(w[i * n + j]), "symmetry");
        }
    }
    FUZZ_CHECK(sc_flat_boltzmann_destroy(id) == SC_OK, "destroy");
    FUZZ_CHECK(sc_flat_boltzmann_destroy(id) == SC_ERR_HANDLE, "destroyed twice");
    FUZZ_CHECK(sc_flat_boltzmann_exact(id, vis, 1, 1.0, NULL, NULL, 0, out, 2) == SC_ERR_HANDLE, "stale exact");
    return 0;
}
