/* SVM models: checks, training into a pool handle, decision values
 * (svm.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "svm_internal.h"
#include "../base/pool.h"

sc_svm_params sc_svm_default_params(void)
{
    sc_svm_params p;
    memset(&p, 0, sizeof p);
    p.kernel = SC_SVM_RBF;
    p.C = 1.0;
    p.gamma = 1.0;
    p.degree = 3;
    p.coef0 = 0.0;
    p.tol = 1e-3;
    p.shrinking = 1;
    p.cache_bytes = SC_SVM_DEFAULT_CACHE;
    p.max_iter = 0;
    return p;
}

sc_status svm_check_params(const sc_svm_params *p, svm_solve_desc *sd)
{
    if (!p) return sc_fail(SC_ERR_NULL, "params");
    if (p->kernel < 0 || p->kernel >= SC_SVM_KERNEL_COUNT) return sc_fail(SC_ERR_OPTION, "kernel");
    if (!isfinite(p->C) || !isfinite(p->gamma) || !isfinite(p->coef0) || !isfinite(p->tol) ||
        !isfinite(p->cache_bytes))
        return sc_fail(SC_ERR_NONFINITE, !isfinite(p->C) ? "C" : !isfinite(p->gamma) ? "gamma"
                                                             : !isfinite(p->coef0)   ? "coef0"
                                                             : !isfinite(p->tol)     ? "tol"
                                                                                     : "cache_bytes");
    if (!(p->C > 0) || p->C > SC_SVM_MAX_C) return sc_fail(SC_ERR_RANGE, "C");
    const int uses_gamma = p->kernel != SC_SVM_LINEAR;
    if (uses_gamma && (!(p->gamma > 0) || p->gamma > SC_SVM_MAX_GAMMA)) return sc_fail(SC_ERR_RANGE, "gamma");
    if (p->kernel == SC_SVM_POLY && (p->degree < 1 || p->degree > SC_SVM_MAX_DEGREE))
        return sc_fail(SC_ERR_RANGE, "degree");
    if (fabs(p->coef0) > SC_SVM_MAX_COEF0) return sc_fail(SC_ERR_RANGE, "coef0");
    if (!(p->tol >= SC_SVM_MIN_TOL && p->tol <= SC_SVM_MAX_TOL)) return sc_fail(SC_ERR_RANGE, "tol");
    if (p->shrinking != 0 && p->shrinking != 1) return sc_fail(SC_ERR_RANGE, "shrinking");
    if (!(p->cache_bytes >= SC_SVM_MIN_CACHE && p->cache_bytes <= SC_SVM_MAX_CACHE))
        return sc_fail(SC_ERR_RANGE, "cache_bytes");
    if (p->max_iter < 0 || p->max_iter > SC_SVM_MAX_ITER) return sc_fail(SC_ERR_RANGE, "max_iter");
    memset(sd, 0, sizeof *sd);
    sd->kd.kernel = p->kernel;
    sd->kd.gamma = uses_gamma ? p->gamma : 1.0;
    sd->kd.degree = p->kernel == SC_SVM_POLY ? p->degree : 1;
    sd->kd.coef0 = p->coef0;
    sd->C = p->C;
    sd->tol = p->tol;
    sd->cache_bytes = p->cache_bytes;
    sd->shrinking = p->shrinking;
    sd->max_iter = p->max_iter;
    return SC_OK;
}

sc_status svm_check_data(const double *x, int n, int d, const double *y)
{
    if (n < 1 || n > SC_SVM_MAX_POINTS) return sc_fail(SC_ERR_SIZE, "n");
    if (d < 1 || d > SC_SVM_MAX_DIMS) return sc_fail(SC_ERR_SIZE, "d");
    if ((long long)n * d > SC_SVM_MAX_VALUES) return sc_fail(SC_ERR_SIZE, "x");
    if (!x) return sc_fail(SC_ERR_NULL, "x");
    if (!y) return sc_fail(SC_ERR_NULL, "labels");
    const size_t nx = (size_t)n * (size_t)d;
    for (size_t k = 0; k < nx; k++) {
        if (!isfinite(x[k])) return sc_fail(SC_ERR_NONFINITE, "x");
        if (fabs(x[k]) > SC_SVM_MAX_COORD) return sc_fail(SC_ERR_RANGE, "x");
    }
    int pos = 0, neg = 0;
    for (int i = 0; i < n; i++) {
        if (y[i] == 1.0)
            pos++;
        else if (y[i] == -1.0)
            neg++;
        else
            return sc_fail(isfinite(y[i]) ? SC_ERR_RANGE : SC_ERR_NONFINITE, "labels");
    }
    if (!pos || !neg) return sc_fail(SC_ERR_RANGE, "labels");
    return SC_OK;
}

void svm_model_free(svm_model *m)
{
    if (!m) return;
    free(m->index);
    free(m->coef);
    free(m->svt);
    free(m->work);
    free(m);
}

sc_status svm_fit(const double *x, const double *y, int n, int d, const svm_solve_desc *sd,
                  svm_model **out)
{
    *out = NULL;
    double *alpha = malloc(sizeof(double) * (size_t)n);
    svm_model *m = calloc(1, sizeof *m);
    if (!alpha || !m) {
        free(alpha);
        free(m);
        return sc_fail(SC_ERR_NOMEM, "model");
    }
    sc_status st = svm_solve(sd, x, y, n, d, alpha, &m->si);
    if (st == SC_OK && !(isfinite(m->si.obj) && isfinite(m->si.rho))) st = sc_fail(SC_ERR_OVERFLOW, "kernel");
    if (st != SC_OK) {
        free(alpha);
        svm_model_free(m);
        return st;
    }
    m->kd = sd->kd;
    m->n = n;
    m->d = d;
    for (int i = 0; i < n; i++) m->nsv += alpha[i] > 0;
    const size_t nsv = m->nsv > 0 ? (size_t)m->nsv : 1;
    m->index = malloc(sizeof(int) * nsv);
    m->coef = malloc(sizeof(double) * nsv);
    m->svt = malloc(sizeof(double) * nsv * (size_t)d);
    m->work = malloc(sizeof(double) * nsv);
    if (!m->index || !m->coef || !m->svt || !m->work) {
        free(alpha);
        svm_model_free(m);
        return sc_fail(SC_ERR_NOMEM, "model");
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (!(alpha[i] > 0)) continue;
        m->index[k] = i;
        m->coef[k] = y[i] * alpha[i];
        for (int c = 0; c < d; c++) m->svt[(size_t)c * (size_t)m->nsv + (size_t)k] = x[(size_t)i * (size_t)d + (size_t)c];
        k++;
    }
    free(alpha);
    *out = m;
    return SC_OK;
}

void svm_model_decision(const svm_model *m, const double *z, int npoints, double *out)
{
    const svm_row_fn row = svm_row_variants[svm_row_variant_count - 1].row;
    for (int p = 0; p < npoints; p++) {
        row(&m->kd, m->svt, m->nsv, m->d, z + (size_t)p * (size_t)m->d, 0, m->nsv, m->work);
        double f = 0.0;
        for (int k = 0; k < m->nsv; k++) f += m->coef[k] * m->work[k];
        out[p] = f - m->si.rho;
    }
}

static svm_model *get(sc_svm h) { return (svm_model *)sc_pool_get(SC_KIND_SVM, h.id); }

sc_status sc_svm_train(const double *x, int n, int d, const double *y, const sc_svm_params *p,
                       sc_svm *out)
{
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    out->id = 0;
    svm_solve_desc sd;
    sc_status st = svm_check_params(p, &sd);
    if (st == SC_OK) st = svm_check_data(x, n, d, y);
    if (st != SC_OK) return st;
    if (sc_pool_live(SC_KIND_SVM) >= SC_SVM_MAX_MODELS) return sc_fail(SC_ERR_NOMEM, "models");
    svm_model *m;
    st = svm_fit(x, y, n, d, &sd, &m);
    if (st != SC_OK) return st;
    st = sc_pool_add(SC_KIND_SVM, m, SC_SVM_MAX_MODELS, "models", &out->id);
    if (st != SC_OK) svm_model_free(m);
    return st;
}

sc_status sc_svm_destroy(sc_svm h)
{
    svm_model *m = sc_pool_remove(SC_KIND_SVM, h.id);
    if (!m) return sc_fail(SC_ERR_HANDLE, "model");
    svm_model_free(m);
    return SC_OK;
}

sc_status sc_svm_info(sc_svm h, double *info, int ninfo)
{
    const svm_model *m = get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "model");
    if (!info) return sc_fail(SC_ERR_NULL, "info");
    if (ninfo != SC_SVM_INFO_SIZE) return sc_fail(SC_ERR_SIZE, "info");
    info[SC_SVM_INFO_N] = m->n;
    info[SC_SVM_INFO_D] = m->d;
    info[SC_SVM_INFO_NSV] = m->nsv;
    info[SC_SVM_INFO_B] = -m->si.rho;
    info[SC_SVM_INFO_OBJECTIVE] = m->si.obj;
    info[SC_SVM_INFO_ITERATIONS] = (double)m->si.iterations;
    info[SC_SVM_INFO_MAX_ITER] = m->si.hit_max_iter;
    info[SC_SVM_INFO_GAMMA] = m->kd.gamma;
    return SC_OK;
}

sc_status sc_svm_support(sc_svm h, int *index, double *coef, int nsv)
{
    const svm_model *m = get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "model");
    if (nsv != m->nsv) return sc_fail(SC_ERR_SIZE, "nsv");
    if (index) memcpy(index, m->index, sizeof(int) * (size_t)nsv);
    if (coef) memcpy(coef, m->coef, sizeof(double) * (size_t)nsv);
    return SC_OK;
}

static sc_status check_finite_out(const double *out, int n)
{
    for (int i = 0; i < n; i++)
        if (!isfinite(out[i])) return sc_fail(SC_ERR_OVERFLOW, "decision");
    return SC_OK;
}

sc_status sc_svm_decision(sc_svm h, const double *z, int npoints, int d, double *out, int nout)
{
    const svm_model *m = get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "model");
    if (d != m->d) return sc_fail(SC_ERR_SIZE, "d");
    if (npoints < 0 || (long long)npoints * d > SC_SVM_MAX_VALUES) return sc_fail(SC_ERR_SIZE, "points");
    if (nout != npoints) return sc_fail(SC_ERR_SIZE, "out");
    if (npoints == 0) return SC_OK;
    if (!z) return sc_fail(SC_ERR_NULL, "points");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    const size_t nz = (size_t)npoints * (size_t)d;
    for (size_t k = 0; k < nz; k++) {
        if (!isfinite(z[k])) return sc_fail(SC_ERR_NONFINITE, "points");
        if (fabs(z[k]) > SC_SVM_MAX_COORD) return sc_fail(SC_ERR_RANGE, "points");
    }
    svm_model_decision(m, z, npoints, out);
    return check_finite_out(out, npoints);
}

sc_status sc_svm_decision_grid(sc_svm h, double x0, double x1, int nx, double y0, double y1,
                               int ny, double *out, int nout)
{
    const svm_model *m = get(h);
    if (!m) return sc_fail(SC_ERR_HANDLE, "model");
    if (m->d != 2) return sc_fail(SC_ERR_SIZE, "d");
    if (nx < 2 || nx > SC_SVM_MAX_GRID) return sc_fail(SC_ERR_SIZE, "nx");
    if (ny < 2 || ny > SC_SVM_MAX_GRID) return sc_fail(SC_ERR_SIZE, "ny");
    const double c[4] = {x0, x1, y0, y1};
    static const char *names[4] = {"x0", "x1", "y0", "y1"};
    for (int k = 0; k < 4; k++) {
        if (!isfinite(c[k])) return sc_fail(SC_ERR_NONFINITE, names[k]);
        if (fabs(c[k]) > SC_SVM_MAX_COORD) return sc_fail(SC_ERR_RANGE, names[k]);
    }
    if (nout != nx * ny) return sc_fail(SC_ERR_SIZE, "out");
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    for (int j = 0; j < ny; j++) {
        const double yv = y0 + (y1 - y0) * j / (ny - 1);
        for (int i = 0; i < nx; i++) {
            const double z[2] = {x0 + (x1 - x0) * i / (nx - 1), yv};
            svm_model_decision(m, z, 1, out + (size_t)j * (size_t)nx + (size_t)i);
        }
    }
    return check_finite_out(out, nx * ny);
}
