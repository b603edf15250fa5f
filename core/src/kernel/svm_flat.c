/* Flat (scalar-argument) SVM entry points: handles as ids, the parameters
 * spelled out. */
#include "svm_internal.h"

static sc_svm handle(uint32_t id) { return (sc_svm){id}; }

static sc_svm_params params(int kernel, double C, double gamma, int degree, double coef0,
                            double tol, int shrinking, double cache_bytes, int max_iter)
{
    sc_svm_params p = sc_svm_default_params();
    p.kernel = kernel;
    p.C = C;
    p.gamma = gamma;
    p.degree = degree;
    p.coef0 = coef0;
    p.tol = tol;
    p.shrinking = shrinking;
    p.cache_bytes = cache_bytes;
    p.max_iter = max_iter;
    return p;
}

int sc_flat_svm_train(const double *x, int n, int d, const double *y, int kernel, double C,
                      double gamma, int degree, double coef0, double tol, int shrinking,
                      double cache_bytes, int max_iter, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    const sc_svm_params p = params(kernel, C, gamma, degree, coef0, tol, shrinking, cache_bytes, max_iter);
    sc_svm h;
    const sc_status st = sc_svm_train(x, n, d, y, &p, &h);
    *id = h.id;
    return st;
}

int sc_flat_svm_destroy(uint32_t id) { return sc_svm_destroy(handle(id)); }

int sc_flat_svm_info(uint32_t id, double *info, int ninfo) { return sc_svm_info(handle(id), info, ninfo); }

int sc_flat_svm_support(uint32_t id, int *index, double *coef, int nsv)
{
    return sc_svm_support(handle(id), index, coef, nsv);
}

int sc_flat_svm_decision(uint32_t id, const double *z, int npoints, int d, double *out, int nout)
{
    return sc_svm_decision(handle(id), z, npoints, d, out, nout);
}

int sc_flat_svm_decision_grid(uint32_t id, double x0, double x1, int nx, double y0, double y1,
                              int ny, double *out, int nout)
{
    return sc_svm_decision_grid(handle(id), x0, x1, nx, y0, y1, ny, out, nout);
}

int sc_flat_svm_cross_validate(const double *x, int n, int d, const double *y, int kernel,
                               int degree, double coef0, double tol, int shrinking,
                               double cache_bytes, int max_iter, const double *C, int nC, const double *gamma,
                               int ngamma, int folds, uint32_t seed, double *accuracy,
                               int naccuracy)
{
    /* C and gamma of the parameters are placeholders: the grid's are used. */
    const sc_svm_params p = params(kernel, 1.0, 1.0, degree, coef0, tol, shrinking, cache_bytes, max_iter);
    return sc_svm_cross_validate(x, n, d, y, &p, C, nC, gamma, ngamma, folds, seed, accuracy,
                                 naccuracy);
}
