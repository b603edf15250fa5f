/* sc_hopfield_advance, the animation's call: chunks of updates add up to
 * exactly the sweeps sc_hopfield_step makes (same generator draws, bit for
 * bit, deterministic and stochastic, Hebb and float rules), it stops at a
 * T = 0 fixed point after one whole quiet sweep and at a synchronous
 * 2-cycle where sc_hopfield_run does, a state change starts a fresh sweep,
 * and one-sweep-per-temperature cooling with sc_hopfield_anneal_temperature
 * equals sc_hopfield_anneal. */
#include <string.h>
#include "hopfield_check.h"

#define N 97 /* not a multiple of the SIMD block */

static int same_state(sc_hopfield a, sc_hopfield b, int n)
{
    int8_t sa[N], sb[N];
    sc_hopfield_get_state(a, sa);
    sc_hopfield_get_state(b, sb);
    return memcmp(sa, sb, (size_t)n) == 0;
}

/* Two equal networks: `count` patterns by `rule`, the same noisy state and seed. */
static void twins(sc_hopfield *a, sc_hopfield *b, sc_hopfield_rule rule, int count, uint32_t seed)
{
    int8_t pats[8 * N], s[N];
    random_pm1(pats, (size_t)count * N, &seed);
    random_pm1(s, N, &seed);
    *a = make(N);
    *b = make(N);
    for (int k = 0; k < 2; k++) {
        sc_hopfield h = k ? *b : *a;
        CHECK(sc_hopfield_store(h, pats, count, rule) == SC_OK, "store");
        CHECK(sc_hopfield_set_state(h, s) == SC_OK, "state");
        CHECK(sc_hopfield_seed(h, seed) == SC_OK, "seed");
    }
}

static void chunks_equal_sweeps(sc_hopfield_rule rule, float t)
{
    sc_hopfield a, b;
    twins(&a, &b, rule, 5, 11u + (uint32_t)rule);
    const int sweeps = 6;
    int flips_a = 0;
    const sc_hopfield_step_desc sd = {SC_HOPFIELD_ASYNC, t, NULL, 0};
    for (int k = 0; k < sweeps; k++) {
        int f = 0;
        sc_hopfield_step(a, &sd, &f);
        flips_a += f;
    }
    uint32_t r = 99;
    int made = 0, flips_b = 0, rested = 0;
    while (made < sweeps * N && !rested) {
        const int want = 1 + (int)(check_rand_u32(&r) % (N + 7));
        sc_hopfield_advance_desc d = {.mode = SC_HOPFIELD_ASYNC, .temperature = t, .updates = want < sweeps * N - made ? want : sweeps * N - made};
        sc_hopfield_advance_result res;
        CHECK(sc_hopfield_advance(b, &d, &res) == SC_OK, "advance");
        made += res.updates;
        flips_b += res.flips;
        CHECK(res.last >= 0 && res.last < N, "last %d", res.last);
        rested = res.end == SC_HOPFIELD_FIXED;
    }
    if (rested) {
        /* At rest early (T = 0): the remaining steps change nothing. */
        CHECK(t == 0.0f && made % N == 0, "rest at a sweep's end (made %d)", made);
    } else {
        CHECK(flips_a == flips_b, "rule %d T %g: flips %d vs %d", rule, (double)t, flips_a, flips_b);
    }
    CHECK(same_state(a, b, N), "rule %d T %g: same state after %d updates", rule, (double)t, made);
    sc_hopfield_destroy(a);
    sc_hopfield_destroy(b);
}

static void fixed_point_after_one_quiet_sweep(void)
{
    int8_t p[N];
    uint32_t seed = 5;
    random_pm1(p, N, &seed);
    sc_hopfield h = make(N);
    sc_hopfield_store(h, p, 1, SC_HOPFIELD_HEBB);
    sc_hopfield_set_state(h, p);
    sc_hopfield_advance_desc d = {.mode = SC_HOPFIELD_ASYNC, .temperature = 0.0f, .updates = 10 * N};
    sc_hopfield_advance_result r;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_OK, "advance");
    CHECK(r.end == SC_HOPFIELD_FIXED && r.updates == N && r.flips == 0, "end %d after %d updates", r.end, r.updates);
    /* Half a sweep, then a new state: the order restarts, so rest needs a whole sweep again. */
    d.updates = N / 2;
    sc_hopfield_advance(h, &d, &r);
    CHECK(r.end == SC_HOPFIELD_GOING && r.updates == N / 2, "half a sweep: %d", r.updates);
    sc_hopfield_set_state(h, p);
    d.updates = 10 * N;
    sc_hopfield_advance(h, &d, &r);
    CHECK(r.end == SC_HOPFIELD_FIXED && r.updates == N, "after set_state: rest after %d updates", r.updates);
    /* At T > 0 it never claims rest. */
    d.temperature = 0.05f;
    d.updates = 3 * N;
    sc_hopfield_advance(h, &d, &r);
    CHECK(r.end == SC_HOPFIELD_GOING && r.updates == 3 * N, "T > 0: %d updates, end %d", r.updates, r.end);
    sc_hopfield_destroy(h);
}

static void sync_cycle_where_run_finds_it(void)
{
    /* Hebb on (+1, -1): w12 = -1/2; from (+1, +1) the synchronous dynamics
     * alternate (+1,+1) -> (-1,-1) -> (+1,+1). */
    const int8_t p[2] = {1, -1}, s[2] = {1, 1};
    sc_hopfield a = make(2), b = make(2);
    for (int k = 0; k < 2; k++) {
        sc_hopfield h = k ? b : a;
        sc_hopfield_store(h, p, 1, SC_HOPFIELD_HEBB);
        sc_hopfield_set_state(h, s);
    }
    sc_hopfield_step_desc sd = {SC_HOPFIELD_SYNC, 0.0f, NULL, 0};
    sc_hopfield_run_result run;
    sc_hopfield_run(a, &sd, 100, &run);
    int made = 0, end = 0;
    while (!end && made < 100) {
        sc_hopfield_advance_desc d = {.mode = SC_HOPFIELD_SYNC, .temperature = 0.0f, .updates = 1};
        sc_hopfield_advance_result r;
        CHECK(sc_hopfield_advance(b, &d, &r) == SC_OK, "advance sync");
        CHECK(r.last == -1, "sync has no last neuron");
        made += r.updates;
        end = r.end;
    }
    CHECK(run.cycle == 2 && end == SC_HOPFIELD_CYCLE, "run cycle %d, advance end %d", run.cycle, end);
    CHECK(made == run.sweeps, "advance %d sweeps, run %d", made, run.sweeps);
    CHECK(same_state(a, b, 2), "same state at the cycle");
    sc_hopfield_destroy(a);
    sc_hopfield_destroy(b);
}

static void cooling_equals_anneal(void)
{
    sc_hopfield a, b;
    twins(&a, &b, SC_HOPFIELD_STORKEY, 4, 23);
    const float from = 2.0f, to = 0.05f;
    const int sweeps = 9;
    sc_hopfield_anneal(a, NULL, from, to, sweeps, NULL);
    for (int k = 0; k < sweeps; k++) {
        float t = -1.0f;
        CHECK(sc_hopfield_anneal_temperature(from, to, sweeps, k, &t) == SC_OK, "T_%d", k);
        const double want = from * pow((double)to / from, (double)k / (sweeps - 1));
        CHECK(fabs(t - want) <= 1e-6 * want, "T_%d = %g, want %g", k, (double)t, want);
        sc_hopfield_advance_desc d = {.mode = SC_HOPFIELD_ASYNC, .temperature = t, .updates = N};
        sc_hopfield_advance_result r;
        sc_hopfield_advance(b, &d, &r);
    }
    CHECK(same_state(a, b, N), "cooling one sweep per temperature equals anneal");
    float t;
    CHECK(sc_hopfield_anneal_temperature(from, to, sweeps, sweeps, &t) == SC_ERR_RANGE, "k past the end");
    CHECK(sc_hopfield_anneal_temperature(to, from, sweeps, 0, &t) == SC_ERR_RANGE, "from < to");
    CHECK(sc_hopfield_anneal_temperature(from, to, 1, 0, &t) == SC_OK && t == from, "one sweep: from");
    sc_hopfield_destroy(a);
    sc_hopfield_destroy(b);
}

/* The energy trace of one call equals the energies after the same updates
 * made in separate calls (async and sync). */
static void energy_trace(void)
{
    for (int mode = 0; mode < 2; mode++) {
        sc_hopfield a, b;
        twins(&a, &b, SC_HOPFIELD_HEBB, 3, 41u + (uint32_t)mode);
        const int every = mode ? 1 : 13, updates = mode ? 5 : 3 * N;
        double trace[64] = {0};
        sc_hopfield_advance_desc d = {.mode = (sc_hopfield_mode)mode, .temperature = 0.3f, .updates = updates, .record_every = every, .energies = trace, .energies_len = 64};
        sc_hopfield_advance_result r;
        CHECK(sc_hopfield_advance(a, &d, &r) == SC_OK, "traced advance");
        const int points = (updates + every - 1) / every;
        CHECK(r.recorded == points, "mode %d: %d points, want %d", mode, r.recorded, points);
        int made = 0;
        for (int k = 0; k < points; k++) {
            const int step = updates - made < every ? updates - made : every;
            sc_hopfield_advance_desc one = {.mode = (sc_hopfield_mode)mode, .temperature = 0.3f, .updates = step};
            sc_hopfield_advance(b, &one, &r);
            made += step;
            CHECK(fabs(trace[k] - energy(b)) <= 1e-12 * (1 + fabs(trace[k])), "mode %d point %d: %g vs %g", mode, k, trace[k], energy(b));
        }
        /* A short buffer is never overrun. */
        double two[3] = {0, 0, 12345};
        sc_hopfield_advance_desc shortd = {.mode = (sc_hopfield_mode)mode, .temperature = 0.3f, .updates = updates, .record_every = every, .energies = two, .energies_len = 2};
        CHECK(sc_hopfield_advance(a, &shortd, &r) == SC_OK && r.recorded == 2 && two[2] == 12345, "short trace buffer");
        sc_hopfield_destroy(a);
        sc_hopfield_destroy(b);
    }
}

static void refusals(void)
{
    sc_hopfield h = make(4);
    sc_hopfield_advance_result r;
    sc_hopfield_advance_desc d = {.mode = SC_HOPFIELD_ASYNC, .temperature = 0.0f, .updates = 0};
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_OK && r.updates == 1, "updates 0 -> 1");
    d.mode = SC_HOPFIELD_MODE_COUNT;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_OPTION, "mode");
    d.mode = SC_HOPFIELD_ASYNC;
    d.temperature = -1.0f;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_RANGE, "negative T");
    d.temperature = NAN;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_NONFINITE, "NaN T");
    d.temperature = 0.0f;
    d.updates = SC_HOPFIELD_MAX_ADVANCE + 1;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_RANGE, "too many updates");
    d.updates = -1;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_RANGE, "negative updates");
    d.updates = 1;
    d.energies_len = 4;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_NULL, "trace length without a buffer");
    d.energies_len = 0;
    d.record_every = -1;
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_RANGE, "negative record_every");
    d.record_every = 0;
    CHECK(sc_hopfield_advance(h, NULL, &r) == SC_ERR_NULL, "NULL desc");
    d.updates = 1;
    CHECK(sc_hopfield_advance(h, &d, NULL) == SC_ERR_NULL, "NULL result");
    sc_hopfield_destroy(h);
    CHECK(sc_hopfield_advance(h, &d, &r) == SC_ERR_HANDLE, "destroyed network");
}

int main(void)
{
    for (int rule = 0; rule < SC_HOPFIELD_RULE_COUNT; rule++) {
        chunks_equal_sweeps((sc_hopfield_rule)rule, 0.0f);
        chunks_equal_sweeps((sc_hopfield_rule)rule, 0.4f);
    }
    fixed_point_after_one_quiet_sweep();
    sync_cycle_where_run_finds_it();
    cooling_equals_anneal();
    energy_trace();
    refusals();
    return check_summary("test_hopfield_advance");
}
