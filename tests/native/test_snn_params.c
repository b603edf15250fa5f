/* snn area: new parameters for a running network (sc_snn_set_params).
 * At t = 0 the network becomes the one sc_snn_create builds with them, bit
 * for bit (spikes, rates, v and u), in the net.m and fast modes, dense and
 * sparse; later, setting the same parameters changes nothing, and other
 * ones change the run from then on only; what the network is built of
 * (size, seed, mode, wiring) can not change, and refused values leave it as
 * it was. */
#include <string.h>
#include "check.h"
#include "simcore/snn.h"

enum { MS = 250,
       CAP = 400000 };

static int32_t neuron_a[CAP], neuron_b[CAP];
static float time_a[CAP], time_b[CAP], rate_a[MS], rate_b[MS];

static sc_snn make(const sc_snn_params *p)
{
    sc_snn h = {0};
    CHECK(sc_snn_create(p, &h) == SC_OK, "create");
    return h;
}

/* Runs both for ms and says whether spikes, rates and the state of every neuron agree exactly. */
static int same_run(sc_snn a, sc_snn b, int n, int ms)
{
    int ca = 0, cb = 0;
    CHECK(sc_snn_step(a, ms, neuron_a, time_a, CAP, &ca, rate_a) == SC_OK, "step a");
    CHECK(sc_snn_step(b, ms, neuron_b, time_b, CAP, &cb, rate_b) == SC_OK, "step b");
    if (ca != cb || ca > CAP) return 0;
    if (memcmp(neuron_a, neuron_b, (size_t)ca * sizeof neuron_a[0]) || memcmp(time_a, time_b, (size_t)ca * sizeof time_a[0])) return 0;
    if (memcmp(rate_a, rate_b, (size_t)ms * sizeof rate_a[0])) return 0;
    for (int i = 0; i < n; i++) {
        double va, ua, vb, ub;
        CHECK(sc_snn_state(a, &i, 1, &va, &ua) == SC_OK && sc_snn_state(b, &i, 1, &vb, &ub) == SC_OK, "state");
        if (memcmp(&va, &vb, sizeof va) || memcmp(&ua, &ub, sizeof ua)) return 0;
    }
    return ca > 0;
}

static void test_at_zero_equals_create(void)
{
    for (int kind = 0; kind < 3; kind++) {
        sc_snn_params p = sc_snn_default_params();
        if (kind) p.mode = SC_SNN_FAST_F32;
        if (kind == 2) p.ne = 1600, p.ni = 400, p.in_degree = 100;
        sc_snn_params q = p;
        q.exc_scale = 0.4, q.inh_scale = 1.3, q.noise_exc = 3.0, q.noise_inh = 2.5, q.heterogeneity = 0;
        sc_snn a = make(&p), b = make(&q);
        CHECK(sc_snn_set_params(a, &q) == SC_OK, "set params");
        CHECK(same_run(a, b, p.ne + p.ni, MS), "kind %d: set at t = 0 is the network created with the parameters", kind);
        sc_snn_destroy(a);
        sc_snn_destroy(b);
    }
}

static void test_later(void)
{
    for (int mode = 0; mode < 2; mode++) {
        sc_snn_params p = sc_snn_default_params();
        p.mode = mode ? SC_SNN_FAST_F32 : SC_SNN_NETM_F64;
        sc_snn a = make(&p), b = make(&p);
        int count;
        CHECK(sc_snn_step(a, 100, NULL, NULL, 0, &count, NULL) == SC_OK && sc_snn_step(b, 100, NULL, NULL, 0, &count, NULL) == SC_OK, "run");
        CHECK(sc_snn_set_params(a, &p) == SC_OK, "the same parameters");
        CHECK(same_run(a, b, p.ne + p.ni, 100), "mode %d: the same parameters change nothing", mode);
        /* Stronger noise from t = 200 ms: the two runs part, the clock goes on. */
        sc_snn_params q = p;
        q.noise_exc = 8.0;
        CHECK(sc_snn_set_params(a, &q) == SC_OK, "noise");
        CHECK(!same_run(a, b, p.ne + p.ni, 100), "mode %d: other noise, another run", mode);
        double t = 0;
        CHECK(sc_snn_time(a, &t) == SC_OK && t == 300, "time kept: %g", t);
        /* reset replays the network with the parameters it has now. */
        sc_snn c = make(&q);
        CHECK(sc_snn_reset(a) == SC_OK, "reset");
        CHECK(same_run(a, c, p.ne + p.ni, 100), "mode %d: reset builds the network of the new parameters", mode);
        sc_snn_destroy(a);
        sc_snn_destroy(b);
        sc_snn_destroy(c);
    }
}

static void test_refused(void)
{
    sc_snn_params p = sc_snn_default_params();
    p.ne = 40, p.ni = 10;
    sc_snn a = make(&p), b = make(&p);
    sc_snn_params q = p;
    q.ne = 41;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_OPTION, "ne");
    q = p, q.seed = 9;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_OPTION, "seed");
    q = p, q.mode = SC_SNN_FAST_F32;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_OPTION, "mode");
    q = p, q.noise_inh = -1;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_RANGE, "negative noise");
    q = p, q.exc_scale = 1.0 / 0.0;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_NONFINITE, "infinite scale");
    q = p, q.heterogeneity = 2;
    CHECK(sc_snn_set_params(a, &q) == SC_ERR_OPTION, "heterogeneity");
    CHECK(sc_snn_set_params(a, NULL) == SC_ERR_NULL, "NULL");
    CHECK(same_run(a, b, 50, 200), "refused changes leave the network as it was");
    sc_snn_destroy(a);
    CHECK(sc_snn_set_params(a, &p) == SC_ERR_HANDLE, "stale");
    /* The flat twin reads the record of sc_flat_snn_default_params. */
    double rec[SC_SNN_FLAT_PARAMS];
    CHECK(sc_flat_snn_default_params(rec) == SC_OK, "record");
    rec[0] = 40, rec[1] = 10, rec[4] = 2.0;
    CHECK(sc_flat_snn_set_params(b.id, rec) == SC_OK, "flat");
    rec[0] = 40.5;
    CHECK(sc_flat_snn_set_params(b.id, rec) == SC_ERR_SIZE, "flat: ne not whole");
    CHECK(sc_flat_snn_set_params(b.id, NULL) == SC_ERR_NULL, "flat: NULL");
    sc_snn_destroy(b);
}

int main(void)
{
    CHECK_RUN(test_at_zero_equals_create());
    CHECK_RUN(test_later());
    CHECK_RUN(test_refused());
    return check_summary("test_snn_params");
}
