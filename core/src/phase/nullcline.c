/* Nullclines by marching squares: sign changes of one component of f on
 * grid edges, each crossing refined on its edge (Illinois regula falsi) so
 * the point solves f = 0 to rounding, cells joined through shared edges
 * into polylines. Saddle cells (four crossings) are split by the sign of
 * the mean of the corners. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "phase_internal.h"

typedef struct grid {
    const sc_plane *pl;
    int which, nx, ny;
    double x0, hx, y0, hy;
    double *F;  /* nx * ny values */
    int *pt;    /* per edge: index of its crossing point, -1 none */
    int *nb;    /* per edge: two neighbouring edges, -1 none */
    double *xy; /* crossing points */
    int npts;
} grid;

static double fw(const grid *g, double x, double y)
{
    double f[2];
    sc_plane_f(g->pl, x, y, f);
    return f[g->which];
}

/* Edge id: horizontal (i, j)-(i+1, j) first, then vertical (i, j)-(i, j+1). */
static int hedge(const grid *g, int i, int j) { return j * (g->nx - 1) + i; }
static int vedge(const grid *g, int i, int j) { return (g->nx - 1) * g->ny + j * g->nx + i; }

/* Crossing on the segment from (xa, ya) to (xb, yb) with fa, fb of
 * opposite signs (fa >= 0 xor fb >= 0). */
static int edge_point(grid *g, int e, double xa, double ya, double fa, double xb, double yb, double fb)
{
    if (g->pt[e] >= 0) return g->pt[e];
    double a = 0, b = 1, ga = fa, gb = fb;
    int side = 0;
    for (int it = 0; it < 80 && b - a > 1e-15; it++) {
        double t = (a * gb - b * ga) / (gb - ga);
        if (!(t > a && t < b)) t = 0.5 * (a + b);
        const double gt = fw(g, xa + t * (xb - xa), ya + t * (yb - ya));
        if (gt == 0.0) {
            a = b = t;
            break;
        }
        if ((gt >= 0.0) == (ga >= 0.0)) {
            a = t, ga = gt;
            if (side == -1) gb *= 0.5;
            side = -1;
        } else {
            b = t, gb = gt;
            if (side == 1) ga *= 0.5;
            side = 1;
        }
    }
    /* the end with the smaller |f| */
    const double t = fabs(ga) <= fabs(gb) ? a : b;
    const int k = g->npts++;
    g->xy[2 * k] = xa + t * (xb - xa);
    g->xy[2 * k + 1] = ya + t * (yb - ya);
    g->pt[e] = k;
    return k;
}

static void join_edges(grid *g, int e1, int e2)
{
    int *a = &g->nb[2 * e1], *b = &g->nb[2 * e2];
    if (a[0] < 0)
        a[0] = e2;
    else
        a[1] = e2;
    if (b[0] < 0)
        b[0] = e1;
    else
        b[1] = e1;
}

void sc_polylines_free(sc_polylines *p)
{
    if (!p) return;
    free(p->xy);
    free(p->start);
    memset(p, 0, sizeof *p);
}

sc_status sc_phase_nullcline(const sc_phase_plane *plane, int which, double xmin, double xmax, int nx,
                             double ymin, double ymax, int ny, sc_polylines *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    memset(out, 0, sizeof *out);
    sc_plane pl;
    sc_status st = sc_plane_init(plane, &pl);
    if (st != SC_OK) return st;
    if (which != 0 && which != 1) return sc_fail(SC_ERR_OPTION, "which");
    if (!isfinite(xmin) || !isfinite(xmax) || !(xmin < xmax)) return sc_fail(SC_ERR_RANGE, "x");
    if (!isfinite(ymin) || !isfinite(ymax) || !(ymin < ymax)) return sc_fail(SC_ERR_RANGE, "y");
    if (nx < 2 || nx > SC_PHASE_MAX_GRID) return sc_fail(SC_ERR_SIZE, "nx");
    if (ny < 2 || ny > SC_PHASE_MAX_GRID) return sc_fail(SC_ERR_SIZE, "ny");
    if ((long)nx * ny > SC_PHASE_MAX_NULLCLINE_POINTS) return sc_fail(SC_ERR_SIZE, "nx * ny");
    grid g = {&pl, which, nx, ny, xmin, (xmax - xmin) / (nx - 1), ymin, (ymax - ymin) / (ny - 1), 0, 0, 0, 0, 0};
    const int E = (nx - 1) * ny + nx * (ny - 1);
    g.F = malloc(sizeof(double) * (size_t)nx * ny);
    g.pt = malloc(sizeof(int) * (size_t)E);
    g.nb = malloc(sizeof(int) * 2 * (size_t)E);
    g.xy = malloc(sizeof(double) * 2 * (size_t)E);
    int *order = malloc(sizeof(int) * 2 * (size_t)E); /* polyline point indices */
    long *start = malloc(sizeof(long) * ((size_t)E + 1));
    if (!g.F || !g.pt || !g.nb || !g.xy || !order || !start) {
        st = sc_fail(SC_ERR_NOMEM, "nullcline");
        goto done;
    }
    memset(g.pt, 0xff, sizeof(int) * (size_t)E);
    memset(g.nb, 0xff, sizeof(int) * 2 * (size_t)E);
    for (int j = 0; j < ny; j++)
        for (int i = 0; i < nx; i++) g.F[j * nx + i] = fw(&g, xmin + i * g.hx, ymin + j * g.hy);

    for (int j = 0; j + 1 < ny; j++) {
        for (int i = 0; i + 1 < nx; i++) {
            const double f0 = g.F[j * nx + i], f1 = g.F[j * nx + i + 1];
            const double f2 = g.F[(j + 1) * nx + i + 1], f3 = g.F[(j + 1) * nx + i];
            if (!isfinite(f0) || !isfinite(f1) || !isfinite(f2) || !isfinite(f3)) continue;
            const int s0 = f0 >= 0, s1 = f1 >= 0, s2 = f2 >= 0, s3 = f3 >= 0;
            const double xa = xmin + i * g.hx, xb = xmin + (i + 1) * g.hx;
            const double ya = ymin + j * g.hy, yb = ymin + (j + 1) * g.hy;
            int e[4], ne = 0, cut[4] = {s0 != s1, s1 != s2, s3 != s2, s0 != s3};
            const int ids[4] = {hedge(&g, i, j), vedge(&g, i + 1, j), hedge(&g, i, j + 1), vedge(&g, i, j)};
            if (cut[0]) edge_point(&g, ids[0], xa, ya, f0, xb, ya, f1);
            if (cut[1]) edge_point(&g, ids[1], xb, ya, f1, xb, yb, f2);
            if (cut[2]) edge_point(&g, ids[2], xa, yb, f3, xb, yb, f2);
            if (cut[3]) edge_point(&g, ids[3], xa, ya, f0, xa, yb, f3);
            for (int k = 0; k < 4; k++)
                if (cut[k]) e[ne++] = ids[k];
            if (ne == 2) {
                join_edges(&g, e[0], e[1]);
            } else if (ne == 4) {
                const int sc = 0.25 * (f0 + f1 + f2 + f3) >= 0;
                if (sc == s0) { /* c0-c2 diagonal connected: cut off c1 and c3 */
                    join_edges(&g, ids[0], ids[1]);
                    join_edges(&g, ids[2], ids[3]);
                } else {
                    join_edges(&g, ids[3], ids[0]);
                    join_edges(&g, ids[1], ids[2]);
                }
            }
        }
    }

    /* Walk chains: open ones from their ends first, then closed loops. */
    long np = 0, nl = 0;
    char *seen = calloc((size_t)E, 1);
    if (!seen) {
        st = sc_fail(SC_ERR_NOMEM, "nullcline");
        goto done;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (int e0 = 0; e0 < E; e0++) {
            if (g.pt[e0] < 0 || seen[e0]) continue;
            const int deg = (g.nb[2 * e0] >= 0) + (g.nb[2 * e0 + 1] >= 0);
            if (pass == 0 && deg == 2) continue;
            if (deg == 0) {
                seen[e0] = 1;
                continue;
            } /* isolated crossing (touching) */
            start[nl++] = np;
            int prev = -1, cur = e0;
            while (cur >= 0 && !seen[cur]) {
                seen[cur] = 1;
                order[np++] = g.pt[cur];
                const int n0 = g.nb[2 * cur], n1 = g.nb[2 * cur + 1];
                const int next = n0 != prev && n0 >= 0 && !seen[n0] ? n0 : (n1 != prev && n1 >= 0 && !seen[n1] ? n1 : -1);
                prev = cur;
                cur = next;
            }
            if (pass == 1) order[np++] = g.pt[e0]; /* close the loop */
        }
    }
    free(seen);
    start[nl] = np;
    out->xy = malloc(sizeof(double) * 2 * (size_t)(np ? np : 1));
    out->start = malloc(sizeof(long) * (size_t)(nl + 1));
    if (!out->xy || !out->start) {
        sc_polylines_free(out);
        st = sc_fail(SC_ERR_NOMEM, "nullcline");
        goto done;
    }
    for (long k = 0; k < np; k++) {
        out->xy[2 * k] = g.xy[2 * order[k]];
        out->xy[2 * k + 1] = g.xy[2 * order[k] + 1];
    }
    memcpy(out->start, start, sizeof(long) * (size_t)(nl + 1));
    out->points = np;
    out->lines = nl;
    st = SC_OK;
done:
    free(g.F);
    free(g.pt);
    free(g.nb);
    free(g.xy);
    free(order);
    free(start);
    return st;
}
