/* Fuzz target: the SVM (svm.h) through the flat entry points: training
 * with fuzzed points (specials included), labels (sometimes not +-1),
 * kernels, C, gamma, degree, coef0, tol, shrinking, cache budgets and
 * iteration caps; then info, support vectors, decisions on points and a
 * grid, cross-validation, and stale handles. Invariants: every status is a
 * known one; a failed train returns no handle; on SC_OK the support
 * indices ascend within [0, n), the coefficients lie in [-C, C] with sum
 * about 0, and every decision value is finite (or the call says OVERFLOW);
 * accuracies lie in [0, 1]; a destroyed handle returns SC_ERR_HANDLE. */
#include <string.h>
#include "fuzz_input.h"
#include "simcore/svm.h"

#define MAX_N 16
#define MAX_D 3

static int known(int st) { return st >= 0 && st < SC_STATUS_COUNT; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static double x[MAX_N * MAX_D], y[MAX_N], info[SC_SVM_INFO_SIZE], coef[MAX_N], f[MAX_N], grid[16];
    static double acc[4];
    static int index[MAX_N];
    fuzz_in in = fuzz_begin(data, size);
    const int n = fuzz_size(&in, 1, MAX_N), d = fuzz_size(&in, 1, MAX_D);
    const int nn = n >= 1 && n <= MAX_N ? n : MAX_N, dd = d >= 1 && d <= MAX_D ? d : MAX_D;
    for (int k = 0; k < nn * dd; k++) x[k] = fuzz_u8(&in) % 8 ? fuzz_double(&in, -3, 3) : fuzz_double(&in, -2e6, 2e6);
    for (int i = 0; i < nn; i++) {
        const uint8_t c = fuzz_u8(&in);
        y[i] = c % 32 == 31 ? (c & 32 ? NAN : 0.5) : (c & 1 ? 1.0 : -1.0);
    }
    const int kernel = fuzz_int(&in, -1, SC_SVM_KERNEL_COUNT);
    const double C = fuzz_bool(&in) ? fuzz_double(&in, 0, 10) : fuzz_double(&in, -1, 2e9);
    const double gamma = fuzz_double(&in, 0, 4);
    const int degree = fuzz_size(&in, 1, SC_SVM_MAX_DEGREE);
    const double coef0 = fuzz_double(&in, -2, 2);
    const double tol = fuzz_bool(&in) ? 1e-3 : fuzz_double(&in, 0, 0.5);
    const int shrinking = fuzz_int(&in, 0, 2) % 3 == 2 ? 2 : fuzz_bool(&in);
    const double cache = fuzz_bool(&in) ? SC_SVM_MIN_CACHE : fuzz_double(&in, 0, 2e6);
    const int fuzzed_iter = fuzz_int(&in, -1, 3000);
    const int max_iter = fuzzed_iter == 0 ? 1 : fuzzed_iter; /* not 0: LIBSVM's 10^7 would be slow to fuzz */
    uint32_t id = 0;
    int st = sc_flat_svm_train(x, n, d, y, kernel, C, gamma, degree, coef0, tol, shrinking, cache,
                               max_iter, &id);
    FUZZ_CHECK(known(st), "status %d", st);
    if (st != SC_OK) {
        FUZZ_CHECK(id == 0, "a failed train returns no handle");
        return 0;
    }
    FUZZ_CHECK(sc_flat_svm_info(id, info, SC_SVM_INFO_SIZE) == SC_OK, "info");
    FUZZ_CHECK(sc_flat_svm_info(id, info, SC_SVM_INFO_SIZE + 1) == SC_ERR_SIZE, "info size");
    const int nsv = (int)info[SC_SVM_INFO_NSV];
    FUZZ_CHECK(info[SC_SVM_INFO_N] == n && info[SC_SVM_INFO_D] == d && nsv >= 0 && nsv <= n, "sizes");
    FUZZ_CHECK(isfinite(info[SC_SVM_INFO_B]) && isfinite(info[SC_SVM_INFO_OBJECTIVE]), "b %g, objective %g",
               info[SC_SVM_INFO_B], info[SC_SVM_INFO_OBJECTIVE]);
    FUZZ_CHECK(sc_flat_svm_support(id, index, coef, nsv) == SC_OK, "support");
    FUZZ_CHECK(sc_flat_svm_support(id, index, coef, nsv + 1) == SC_ERR_SIZE, "support size");
    double sum = 0;
    for (int k = 0; k < nsv; k++) {
        FUZZ_CHECK(index[k] >= 0 && index[k] < n && (k == 0 || index[k] > index[k - 1]), "index %d", index[k]);
        FUZZ_CHECK(coef[k] != 0 && fabs(coef[k]) <= C * (1 + 1e-12), "coef %g, C %g", coef[k], C);
        sum += coef[k];
    }
    FUZZ_CHECK(fabs(sum) <= 1e-9 * C * n, "sum y_i a_i = %g", sum);

    st = sc_flat_svm_decision(id, x, n, d, f, n);
    FUZZ_CHECK(st == SC_OK || st == SC_ERR_OVERFLOW, "decision %d", st);
    if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_d(f, (size_t)n), "finite decisions");
    FUZZ_CHECK(sc_flat_svm_decision(id, x, n, d + 1, f, n) == SC_ERR_SIZE, "wrong d");
    const int nx = fuzz_size(&in, 2, 4), ny = fuzz_size(&in, 2, 4);
    const double g0 = fuzz_double(&in, -4, 4), g1 = fuzz_double(&in, -4, 4);
    const int nout = nx >= 2 && nx <= 4 && ny >= 2 && ny <= 4 ? nx * ny : 16;
    st = sc_flat_svm_decision_grid(id, g0, g1, nx, -1, 1, ny, grid, nout);
    FUZZ_CHECK(known(st) && (d == 2 || st != SC_OK), "grid %d", st);
    if (st == SC_OK) FUZZ_CHECK(fuzz_all_finite_d(grid, (size_t)nout), "finite grid");

    const double Cs[2] = {C, fuzz_double(&in, 0, 5)}, gs[2] = {gamma, fuzz_double(&in, 0, 3)};
    const int folds = fuzz_size(&in, 2, 5), ng = fuzz_int(&in, 1, 2);
    st = sc_flat_svm_cross_validate(x, n, d, y, kernel, degree, coef0, tol, shrinking, cache, max_iter, Cs, 2, gs, ng,
                                    folds, fuzz_u32(&in), acc, 2 * ng);
    FUZZ_CHECK(known(st), "cv status %d", st);
    if (st == SC_OK)
        for (int k = 0; k < 2 * ng; k++) FUZZ_CHECK(acc[k] >= 0 && acc[k] <= 1, "accuracy %g", acc[k]);

    FUZZ_CHECK(sc_flat_svm_destroy(id) == SC_OK, "destroy");
    FUZZ_CHECK(sc_flat_svm_destroy(id) == SC_ERR_HANDLE && sc_flat_svm_info(id, info, SC_SVM_INFO_SIZE) == SC_ERR_HANDLE &&
                   sc_flat_svm_decision(id, x, n, d, f, n) == SC_ERR_HANDLE,
               "stale handle");
    return 0;
}
