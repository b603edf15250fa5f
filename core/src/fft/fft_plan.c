/* FFT sizes and plans: 5-smooth size chooser, radix factorisation, twiddle
 * tables in double rounded once to float, and a small cache by length. */
#include <math.h>
#include <stdlib.h>
#include "fft.h"

#define SC_PI 3.14159265358979323846

int sc_fft_is_smooth(int n)
{
    if (n <= 0) return 0;
    while (n % 2 == 0) n /= 2;
    while (n % 3 == 0) n /= 3;
    while (n % 5 == 0) n /= 5;
    return n == 1;
}

int sc_fft_good_size(int n)
{
    if (n <= 1) return 1;
    /* 5-smooth numbers are dense enough (gaps well under 10% above 100)
     * that a linear scan is cheaper than enumerating 2^a 3^b 5^c. */
    while (!sc_fft_is_smooth(n)) n++;
    return n;
}

/* Estimated cost of one length-n transform plus the per-point work of the
 * 2-D passes, in vector operations per element: each stage loads and
 * stores every element (4) plus its butterfly arithmetic per point
 * (radix 4: 10.5, 2: 5, 3: 9, 5: 18.4), and packing, transposes and the
 * spectrum product add about 25 per point whatever the radix. */
static double size_cost(int n)
{
    double per_point = 25.0;
    int r = n;
    while (r % 4 == 0) {
        per_point += 14.5;
        r /= 4;
    }
    if (r % 2 == 0) {
        per_point += 9.0;
        r /= 2;
    }
    while (r % 3 == 0) {
        per_point += 13.0;
        r /= 3;
    }
    while (r % 5 == 0) {
        per_point += 22.4;
        r /= 5;
    }
    return per_point * n;
}

int sc_fft_fast_size(int n)
{
    /* Radix-5 stages cost ~1.75x radix-4 stages per point, so a slightly
     * larger size with more factors of 2 can be faster: 1086 -> 1152
     * (2^7 3^2) instead of 1125 (3^2 5^3) measured 13% faster in wasm.
     * Candidates: 5-smooth sizes up to 20% above the smallest. */
    const int first = sc_fft_good_size(n);
    int best = first;
    double best_cost = size_cost(first);
    for (int m = first + 1; m <= first + first / 5; m++) {
        if (!sc_fft_is_smooth(m)) continue;
        const double c = size_cost(m);
        if (c < best_cost) {
            best = m;
            best_cost = c;
        }
    }
    return best;
}

static void plan_free(sc_fft_plan *p)
{
    if (!p) return;
    free(p->twbuf);
    free(p);
}

static sc_fft_plan *plan_make(int n)
{
    if (!sc_fft_is_smooth(n)) return NULL;
    sc_fft_plan *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->n = n;
    /* Radix order: 4s first (cheapest per point), one 2, then 3s and 5s. */
    int r = n, k = 0;
    while (r % 4 == 0) {
        p->radix[k++] = 4;
        r /= 4;
    }
    if (r % 2 == 0) {
        p->radix[k++] = 2;
        r /= 2;
    }
    while (r % 3 == 0) {
        p->radix[k++] = 3;
        r /= 3;
    }
    while (r % 5 == 0) {
        p->radix[k++] = 5;
        r /= 5;
    }
    p->nstages = k;
    size_t total = 0;
    int len = n;
    for (int i = 0; i < k; i++) {
        p->m[i] = len / p->radix[i];
        p->s[i] = n / len;
        total += (size_t)p->m[i] * (p->radix[i] - 1) * 2;
        len /= p->radix[i];
    }
    p->twbuf = malloc(sizeof(float) * (total + 1));
    if (!p->twbuf) {
        free(p);
        return NULL;
    }
    float *t = p->twbuf;
    len = n;
    for (int i = 0; i < k; i++) {
        const int radix = p->radix[i], m = p->m[i];
        p->tw[i] = t;
        for (int j = 0; j < m; j++)
            for (int q = 1; q < radix; q++) {
                /* reduce j*q mod len first so the angle stays in [-2pi, 0] */
                const double a = -2.0 * SC_PI * (double)((long long)j * q % len) / len;
                *t++ = (float)cos(a);
                *t++ = (float)sin(a);
            }
        len /= radix;
    }
    return p;
}

/* A 2-D transform needs two lengths; four slots keep the x and y plans of
 * the last two geometries. Round-robin eviction, except that fetching the
 * y plan never evicts the x plan of the same geometry ('keep'). */
#define PLAN_SLOTS 4
static sc_fft_plan *plan_slot[PLAN_SLOTS];
static int plan_next;

static const sc_fft_plan *plan_get(int n, const sc_fft_plan *keep)
{
    for (int i = 0; i < PLAN_SLOTS; i++)
        if (plan_slot[i] && plan_slot[i]->n == n) return plan_slot[i];
    sc_fft_plan *p = plan_make(n);
    if (!p) return NULL;
    if (plan_slot[plan_next] && plan_slot[plan_next] == keep) plan_next = (plan_next + 1) % PLAN_SLOTS;
    plan_free(plan_slot[plan_next]);
    plan_slot[plan_next] = p;
    plan_next = (plan_next + 1) % PLAN_SLOTS;
    return p;
}

const sc_fft_plan *sc_fft_plan_get(int n) { return plan_get(n, NULL); }

void sc_fft_plan_cache_clear(void)
{
    for (int i = 0; i < PLAN_SLOTS; i++) {
        plan_free(plan_slot[i]);
        plan_slot[i] = NULL;
    }
    plan_next = 0;
}

int sc_fft2_init(sc_fft2 *g, int nx, int ny)
{
    g->nx = nx;
    g->ny = ny;
    g->ly = (ny / 2 + 1 + 3) & ~3;
    g->rows = (nx + 7) & ~7;
    g->px = plan_get(nx, NULL);
    g->py = g->px ? plan_get(ny, g->px) : NULL;
    return g->px && g->py;
}

size_t sc_fft2_plane_floats(const sc_fft2 *g) { return (size_t)g->rows * g->ly; }

size_t sc_fft2_scratch_floats(const sc_fft2 *g)
{
    const size_t nmax = (size_t)(g->nx > g->ny ? g->nx : g->ny);
    /* 4 floats per element: y pass packed column pair (2 x ny) + Stockham
     * ping-pong (4 x ny); x pass ping-pong (4 x nx) + product buffer (2 x nx) */
    return 4 * 6 * nmax;
}
