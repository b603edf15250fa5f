/* snn area: the net.m mode against a plain transcription of net.m written
 * here (both fed from the same uniform and normal streams), the streams'
 * statistics, determinism per seed, reset, firing rates, and the argument
 * checks of the handle API. */
#include <string.h>
#include "check.h"
#include "snn/snn_internal.h"
#include "simcore/limits.h"
#include "simcore/snn.h"

/* net.m, line by line, as a reader would transcribe it (MATLAB is column-major). */
typedef struct ref_net {
    int Ne, Ni, N;
    double *a, *b, *c, *d, *S, *v, *u, *I;
} ref_net;

static void ref_init(ref_net *r, int Ne, int Ni, sc_snn_streams *st)
{
    int N = Ne + Ni;
    r->Ne = Ne, r->Ni = Ni, r->N = N;
    r->a = calloc(N, sizeof(double)), r->b = calloc(N, sizeof(double));
    r->c = calloc(N, sizeof(double)), r->d = calloc(N, sizeof(double));
    r->v = calloc(N, sizeof(double)), r->u = calloc(N, sizeof(double)), r->I = calloc(N, sizeof(double));
    r->S = calloc((size_t)N * N, sizeof(double));
    double *re = calloc(Ne + 1, sizeof(double)), *ri = calloc(Ni + 1, sizeof(double));
    for (int i = 0; i < Ne; i++) re[i] = sc_snn_rand(st); /* re=rand(Ne,1) */
    for (int i = 0; i < Ni; i++) ri[i] = sc_snn_rand(st); /* ri=rand(Ni,1) */
    for (int i = 0; i < Ne; i++) r->a[i] = 0.02, r->b[i] = 0.2;
    for (int i = 0; i < Ni; i++) r->a[Ne + i] = 0.02 + 0.08 * ri[i], r->b[Ne + i] = 0.25 - 0.05 * ri[i];
    for (int i = 0; i < Ne; i++) r->c[i] = -65 + 15 * (re[i] * re[i]), r->d[i] = 8 - 6 * (re[i] * re[i]);
    for (int i = 0; i < Ni; i++) r->c[Ne + i] = -65, r->d[Ne + i] = 2;
    /* S=[0.5*rand(Ne+Ni,Ne), -rand(Ne+Ni,Ni)]; rand fills column by column */
    for (int j = 0; j < Ne; j++)
        for (int i = 0; i < N; i++) r->S[(size_t)j * N + i] = 0.5 * sc_snn_rand(st);
    for (int j = Ne; j < N; j++)
        for (int i = 0; i < N; i++) r->S[(size_t)j * N + i] = -sc_snn_rand(st);
    for (int i = 0; i < N; i++) r->v[i] = -65, r->u[i] = r->b[i] * r->v[i];
    free(re), free(ri);
}

/* One pass of `for t=1:1000` body; returns how many fired, indices in fired. */
static int ref_step(ref_net *r, sc_snn_streams *st, int *fired)
{
    int N = r->N, nf = 0;
    for (int i = 0; i < r->Ne; i++) r->I[i] = 5 * sc_snn_randn(st);
    for (int i = r->Ne; i < N; i++) r->I[i] = 2 * sc_snn_randn(st);
    for (int i = 0; i < N; i++)
        if (r->v[i] >= 30) fired[nf++] = i;
    for (int k = 0; k < nf; k++) r->v[fired[k]] = r->c[fired[k]];
    for (int k = 0; k < nf; k++) r->u[fired[k]] = r->u[fired[k]] + r->d[fired[k]];
    for (int i = 0; i < N; i++) { /* I=I+sum(S(:,fired),2) */
        double s = 0;
        for (int k = 0; k < nf; k++) s += r->S[(size_t)fired[k] * N + i];
        r->I[i] = r->I[i] + s;
    }
    for (int i = 0; i < N; i++) r->v[i] = r->v[i] + 0.5 * (0.04 * r->v[i] * r->v[i] + 5 * r->v[i] + 140 - r->u[i] + r->I[i]);
    for (int i = 0; i < N; i++) r->v[i] = r->v[i] + 0.5 * (0.04 * r->v[i] * r->v[i] + 5 * r->v[i] + 140 - r->u[i] + r->I[i]);
    for (int i = 0; i < N; i++) r->u[i] = r->u[i] + r->a[i] * (r->b[i] * r->v[i] - r->u[i]);
    return nf;
}

static void ref_free(ref_net *r)
{
    free(r->a), free(r->b), free(r->c), free(r->d), free(r->S), free(r->v), free(r->u), free(r->I);
}

static void test_netm_bit_for_bit(void)
{
    enum { NE = 800,
           NI = 200,
           N = 1000,
           T = 1000 };
    sc_snn_params p = sc_snn_default_params();
    p.seed = 7;
    sc_snn h;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "create");
    sc_snn_streams st;
    sc_snn_streams_seed(&st, 7);
    ref_net r;
    ref_init(&r, NE, NI, &st);
    int *fired = malloc(N * sizeof(int));
    int32_t *neuron = malloc((size_t)N * sizeof(int32_t));
    float *time = malloc((size_t)N * sizeof(float));
    int32_t idx[N];
    for (int i = 0; i < N; i++) idx[i] = i;
    double v[N], u[N];
    long mismatched_spikes = 0, mismatched_state = 0, spikes = 0;
    for (int t = 0; t < T; t++) {
        int nf = ref_step(&r, &st, fired), count = -1;
        CHECK(sc_snn_step(h, 1, neuron, time, N, &count, NULL) == SC_OK, "step");
        if (count != nf) mismatched_spikes++;
        for (int k = 0; k < nf && k < count; k++)
            if (neuron[k] != fired[k] || time[k] != (float)t) mismatched_spikes++;
        spikes += nf;
        CHECK(sc_snn_state(h, idx, N, v, u) == SC_OK, "state");
        if (memcmp(v, r.v, sizeof v) || memcmp(u, r.u, sizeof u)) mismatched_state++;
    }
    CHECK(mismatched_spikes == 0, "%ld steps with different spikes", mismatched_spikes);
    CHECK(mismatched_state == 0, "%ld steps with v/u not bit-identical", mismatched_state);
    /* The paper's raster: sparse irregular firing, a few Hz to tens of Hz per neuron. */
    double rate = spikes / (double)N; /* Hz over 1 s */
    printf("net.m seed 7: %ld spikes in 1 s, mean rate %.2f Hz\n", spikes, rate);
    CHECK(rate > 2.0 && rate < 40.0, "mean rate %.2f Hz", rate);
    free(fired), free(neuron), free(time);
    ref_free(&r);
    CHECK(sc_snn_destroy(h) == SC_OK, "destroy");
}

/* Box–Muller normals: mean, variance, kurtosis and tail mass against N(0,1). */
static void test_randn_statistics(void)
{
    sc_snn_streams st;
    sc_snn_streams_seed(&st, 3);
    const long n = 2000000;
    double s1 = 0, s2 = 0, s4 = 0;
    long tail2 = 0, tail3 = 0;
    for (long i = 0; i < n; i++) {
        double x = sc_snn_randn(&st);
        s1 += x, s2 += x * x, s4 += x * x * x * x;
        tail2 += fabs(x) > 2, tail3 += fabs(x) > 3;
    }
    double mean = s1 / n, var = s2 / n - mean * mean, kurt = s4 / n;
    /* 5 sigma of the estimators: sd(mean)=1/sqrt(n), sd(var)=sqrt(2/n), sd(m4)=sqrt(96/n) */
    CHECK(fabs(mean) < 5 / sqrt(n), "mean %g", mean);
    CHECK(fabs(var - 1) < 5 * sqrt(2.0 / n), "var %g", var);
    CHECK(fabs(kurt - 3) < 5 * sqrt(96.0 / n), "m4 %g", kurt);
    double p2 = 0.0455002638963584, p3 = 0.0026997960632602; /* P(|x|>2), P(|x|>3) */
    CHECK(fabs(tail2 / (double)n - p2) < 5 * sqrt(p2 / n), "P(|x|>2) %g", tail2 / (double)n);
    CHECK(fabs(tail3 / (double)n - p3) < 5 * sqrt(p3 / n), "P(|x|>3) %g", tail3 / (double)n);
}

static long run_spikes(uint32_t seed, int ms, uint64_t *hash)
{
    sc_snn_params p = sc_snn_default_params();
    p.seed = seed;
    sc_snn h;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "create");
    static int32_t neuron[200000];
    static float time[200000];
    int count = 0;
    CHECK(sc_snn_step(h, ms, neuron, time, 200000, &count, NULL) == SC_OK, "step");
    uint64_t x = 1469598103934665603ull;
    for (int k = 0; k < count && k < 200000; k++) x = (x ^ (uint64_t)(neuron[k] * 1000003 + (int)time[k])) * 1099511628211ull;
    *hash = x;
    CHECK(sc_snn_destroy(h) == SC_OK, "destroy");
    return count;
}

static void test_determinism_and_reset(void)
{
    uint64_t h1, h2, h3;
    long c1 = run_spikes(11, 300, &h1), c2 = run_spikes(11, 300, &h2), c3 = run_spikes(12, 300, &h3);
    CHECK(c1 == c2 && h1 == h2, "same seed, same spikes");
    CHECK(h1 != h3 && c3 > 0, "another seed, other spikes");
    sc_snn_params p = sc_snn_default_params();
    sc_snn h;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "create");
    static float r1[200], r2[200];
    int count;
    CHECK(sc_snn_step(h, 200, NULL, NULL, 0, &count, r1) == SC_OK, "step 1");
    CHECK(sc_snn_reset(h) == SC_OK, "reset");
    double t = -1;
    CHECK(sc_snn_time(h, &t) == SC_OK && t == 0, "time after reset %g", t);
    CHECK(sc_snn_step(h, 200, NULL, NULL, 0, &count, r2) == SC_OK, "step 2");
    CHECK(memcmp(r1, r2, sizeof r1) == 0, "reset replays the run");
    CHECK(sc_snn_destroy(h) == SC_OK, "destroy");
}

static void test_arguments(void)
{
    sc_snn_params p = sc_snn_default_params();
    sc_snn h;
    CHECK(sc_snn_create(NULL, &h) == SC_ERR_NULL, "params NULL");
    p.ne = SC_SNN_MAX_DENSE, p.ni = 1;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_SIZE && h.id == 0, "too many neurons");
    p = sc_snn_default_params(), p.noise_exc = NAN;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_NONFINITE, "NaN noise");
    p = sc_snn_default_params(), p.inh_scale = -1;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_RANGE, "negative scale");
    p = sc_snn_default_params(), p.mode = 9;
    CHECK(sc_snn_create(&p, &h) == SC_ERR_OPTION, "mode");
    p = sc_snn_default_params(), p.ne = 8, p.ni = 2;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "small");
    int count;
    int32_t idx = 10;
    double v, u;
    CHECK(sc_snn_step(h, -1, NULL, NULL, 0, &count, NULL) == SC_ERR_SIZE, "ms");
    CHECK(sc_snn_step(h, 1, NULL, NULL, 4, &count, NULL) == SC_ERR_NULL, "buffers");
    CHECK(sc_snn_step(h, 1, NULL, NULL, 0, NULL, NULL) == SC_ERR_NULL, "count");
    CHECK(sc_snn_state(h, &idx, 1, &v, &u) == SC_ERR_RANGE, "index");
    CHECK(sc_snn_destroy(h) == SC_OK, "destroy");
    CHECK(sc_snn_destroy(h) == SC_ERR_HANDLE, "stale");
    CHECK(sc_snn_step(h, 1, NULL, NULL, 0, &count, NULL) == SC_ERR_HANDLE, "stale step");
}

/* The 1000-neuron net.m network at the paper's parameters: its population
 * rate shows alpha (~10 Hz) and gamma (~40 Hz) rhythms (Izhikevich 2003,
 * Fig. 3), in both modes (the fast one: same network, float, other noise).
 * Returns the mean rate per neuron in Hz. */
static double rhythms(int mode)
{
    enum { T = 20000,
           SEG = 500 }; /* 40 segments, 2 Hz bins */
    static float rate[T], power[SEG / 2 + 1];
    sc_snn_params p = sc_snn_default_params();
    p.seed = 5;
    p.mode = mode;
    sc_snn h;
    int count;
    CHECK(sc_snn_create(&p, &h) == SC_OK, "create");
    CHECK(sc_snn_step(h, T, NULL, NULL, 0, &count, rate) == SC_OK, "run");
    CHECK(sc_snn_destroy(h) == SC_OK, "destroy");
    CHECK(sc_snn_rate_spectrum(rate, T, SEG, power) == SC_OK, "spectrum");
    /* bin k is 2k Hz: alpha searched in 6-14 Hz, gamma in 24-50 Hz, the
     * trough between them in 12-20 Hz */
    int alpha = 3, gamma = 12, dip = 6;
    for (int k = 3; k <= 7; k++)
        if (power[k] > power[alpha]) alpha = k;
    for (int k = 12; k <= 25; k++)
        if (power[k] > power[gamma]) gamma = k;
    for (int k = 6; k <= 10; k++)
        if (power[k] < power[dip]) dip = k;
    double floor = 0;
    for (int k = 75; k < 125; k++) floor += power[k] / 50; /* 150-250 Hz */
    printf("rhythms, mode %d: alpha %d Hz (%.3g), trough %d Hz (%.3g), gamma %d Hz (%.3g), 150-250 Hz %.3g, rate %.2f Hz\n",
           mode, 2 * alpha, power[alpha], 2 * dip, power[dip], 2 * gamma, power[gamma], floor, count / (double)T);
    CHECK(alpha > 3 && alpha < 7, "alpha peak inside 6-14 Hz: %d Hz", 2 * alpha);
    CHECK(gamma > 12 && gamma < 25, "gamma peak inside 24-50 Hz: %d Hz", 2 * gamma);
    CHECK(power[alpha] > 2 * power[dip] && power[gamma] > 1.5 * power[dip], "two separate peaks");
    CHECK(power[gamma] > 5 * floor, "gamma above the high-frequency floor");
    return count / (double)T * 1000.0 / (p.ne + p.ni);
}

static void test_rhythms(void)
{
    const double exact = rhythms(SC_SNN_NETM_F64), fast = rhythms(SC_SNN_FAST_F32);
    CHECK(fabs(fast - exact) < 0.1 * exact, "mean rates: net.m %.2f Hz, fast %.2f Hz", exact, fast);
}

/* Parseval on a sine: A sin(2 pi 50 t) has power A^2/2, all near 50 Hz. */
static void test_spectrum_sine(void)
{
    enum { T = 8000,
           SEG = 400 };
    static float x[T], power[SEG / 2 + 1];
    for (int i = 0; i < T; i++) x[i] = (float)(3.0 * sin(6.283185307179586 * 50.0 * i / 1000.0));
    CHECK(sc_snn_rate_spectrum(x, T, SEG, power) == SC_OK, "spectrum");
    double df = 1000.0 / SEG, total = 0, near = 0;
    for (int k = 0; k <= SEG / 2; k++) total += power[k] * df;
    for (int k = 18; k <= 22; k++) near += power[k] * df; /* 50 Hz is bin 20 */
    CHECK(fabs(total - 4.5) < 1e-3 * 4.5, "total power %g, want 4.5", total);
    CHECK(near > 0.999 * total, "power within 5 Hz of 50 Hz: %g of %g", near, total);
    CHECK(sc_snn_rate_spectrum(x, T, 7 * 11, power) == SC_ERR_SIZE, "seg not 5-smooth");
    CHECK(sc_snn_rate_spectrum(x, 100, SEG, power) == SC_ERR_SIZE, "n < seg");
}

int main(void)
{
    CHECK_RUN(test_spectrum_sine());
    CHECK_RUN(test_rhythms());
    CHECK_RUN(test_netm_bit_for_bit());
    CHECK_RUN(test_randn_statistics());
    CHECK_RUN(test_determinism_and_reset());
    CHECK_RUN(test_arguments());
    return check_summary("snn");
}
