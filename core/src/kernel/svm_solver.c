/* C-SVC's dual by SMO, LIBSVM's Solver (Chang and Lin, svm.cpp) for the
 * case it calls C_SVC with p = -e and Cp = Cn = C:
 *   min_a f(a) = 1/2 a^T Q a - e^T a,  0 <= a_i <= C,  y^T a = 0.
 * Working set by second-order information (WSS2; Fan, Chen and Lin 2005,
 * JMLR 6, section 3): i maximises -y_t G_t over I_up, j minimises
 * -(b_ij)^2 / a_ij over I_low with -y_j G_j < -y_i G_i, a_ij = K_ii + K_jj
 * - 2 K_ij replaced by TAU when it is not positive (non-PSD kernels such as
 * the sigmoid). Stops when m(a) - M(a) < tol. Shrinking (LIBSVM's
 * do_shrinking, every min(l, 1000) steps) moves bounded variables that
 * are unlikely to change to the end of the arrays, with G_bar to rebuild
 * their gradient. Variables live in the solver's order (swap_index
 * permutes the data, the cache and every array). docs/svm.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "svm_internal.h"

#define TAU 1e-12

enum { LOWER = 0,
       UPPER,
       FREE };

typedef struct solver {
    int l, d, active_size, unshrink;
    const svm_kernel_desc *kd;
    svm_row_fn row;
    svm_cache cache;
    double *xt; /* d x l, by coordinate */
    double *z;  /* d scratch */
    double *y, *alpha, *G, *G_bar, *QD;
    char *status;
    int *active_set;
    double C, eps;
} solver;

static int is_upper(const solver *s, int i) { return s->status[i] == UPPER; }
static int is_lower(const solver *s, int i) { return s->status[i] == LOWER; }
static int is_free(const solver *s, int i) { return s->status[i] == FREE; }

static void update_status(solver *s, int i)
{
    s->status[i] = (char)(s->alpha[i] >= s->C ? UPPER : s->alpha[i] <= 0 ? LOWER
                                                                         : FREE);
}

/* Q_ij = y_i y_j K(x_i, x_j), j < len, from the cache. */
static const double *get_Q(solver *s, int i, int len)
{
    double *data;
    const int start = svm_cache_get(&s->cache, i, len, &data);
    if (start < len) {
        for (int k = 0; k < s->d; k++) s->z[k] = s->xt[(size_t)k * (size_t)s->l + (size_t)i];
        s->row(s->kd, s->xt, s->l, s->d, s->z, start, len, data + start);
        for (int j = start; j < len; j++) data[j] = s->y[i] * s->y[j] * data[j];
    }
    return data;
}

static void swap_d(double *v, int i, int j)
{
    const double t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void swap_index(solver *s, int i, int j)
{
    svm_cache_swap(&s->cache, i, j);
    for (int k = 0; k < s->d; k++) {
        swap_d(s->xt + (size_t)k * (size_t)s->l, i, j);
    }
    swap_d(s->QD, i, j);
    swap_d(s->y, i, j);
    swap_d(s->G, i, j);
    swap_d(s->alpha, i, j);
    swap_d(s->G_bar, i, j);
    const char c = s->status[i];
    s->status[i] = s->status[j];
    s->status[j] = c;
    const int a = s->active_set[i];
    s->active_set[i] = s->active_set[j];
    s->active_set[j] = a;
}

/* Inactive gradients from G_bar and the free variables (p = -1). */
static void reconstruct_gradient(solver *s)
{
    const int l = s->l, active = s->active_size;
    if (active == l) return;
    for (int j = active; j < l; j++) s->G[j] = s->G_bar[j] - 1.0;
    int nr_free = 0;
    for (int j = 0; j < active; j++) nr_free += is_free(s, j);
    if ((double)nr_free * l > 2.0 * active * (l - active)) {
        for (int i = active; i < l; i++) {
            const double *Q_i = get_Q(s, i, active);
            for (int j = 0; j < active; j++)
                if (is_free(s, j)) s->G[i] += s->alpha[j] * Q_i[j];
        }
    } else {
        for (int i = 0; i < active; i++) {
            if (!is_free(s, i)) continue;
            const double *Q_i = get_Q(s, i, l);
            const double a = s->alpha[i];
            for (int j = active; j < l; j++) s->G[j] += a * Q_i[j];
        }
    }
}

/* WSS2: 1 if optimal within eps (or no pair), else the pair in *oi, *oj. */
static int select_working_set(solver *s, int *oi, int *oj)
{
    double Gmax = -HUGE_VAL, Gmax2 = -HUGE_VAL, obj_diff_min = HUGE_VAL;
    int Gmax_idx = -1, Gmin_idx = -1;
    const double *y = s->y, *G = s->G, *QD = s->QD;
    for (int t = 0; t < s->active_size; t++) {
        if (y[t] > 0) {
            if (!is_upper(s, t) && -G[t] >= Gmax) {
                Gmax = -G[t];
                Gmax_idx = t;
            }
        } else if (!is_lower(s, t) && G[t] >= Gmax) {
            Gmax = G[t];
            Gmax_idx = t;
        }
    }
    const int i = Gmax_idx;
    if (i < 0) return 1;
    const double *Q_i = get_Q(s, i, s->active_size);
    for (int j = 0; j < s->active_size; j++) {
        double grad_diff, quad_coef;
        if (y[j] > 0) {
            if (is_lower(s, j)) continue;
            grad_diff = Gmax + G[j];
            if (G[j] >= Gmax2) Gmax2 = G[j];
            quad_coef = QD[i] + QD[j] - 2.0 * y[i] * Q_i[j];
        } else {
            if (is_upper(s, j)) continue;
            grad_diff = Gmax - G[j];
            if (-G[j] >= Gmax2) Gmax2 = -G[j];
            quad_coef = QD[i] + QD[j] + 2.0 * y[i] * Q_i[j];
        }
        if (grad_diff > 0) {
            const double obj_diff = -(grad_diff * grad_diff) / (quad_coef > 0 ? quad_coef : TAU);
            if (obj_diff <= obj_diff_min) {
                Gmin_idx = j;
                obj_diff_min = obj_diff;
            }
        }
    }
    if (Gmax + Gmax2 < s->eps || Gmin_idx == -1) return 1;
    *oi = Gmax_idx;
    *oj = Gmin_idx;
    return 0;
}

static int be_shrunk(const solver *s, int i, double Gmax1, double Gmax2)
{
    if (is_upper(s, i)) return s->y[i] > 0 ? -s->G[i] > Gmax1 : -s->G[i] > Gmax2;
    if (is_lower(s, i)) return s->y[i] > 0 ? s->G[i] > Gmax2 : s->G[i] > Gmax1;
    return 0;
}

static void do_shrinking(solver *s)
{
    double Gmax1 = -HUGE_VAL; /* max { -y_i G_i | i in I_up } */
    double Gmax2 = -HUGE_VAL; /* max { y_i G_i | i in I_low } */
    for (int i = 0; i < s->active_size; i++) {
        const double g = s->G[i];
        if (s->y[i] > 0) {
            if (!is_upper(s, i) && -g >= Gmax1) Gmax1 = -g;
            if (!is_lower(s, i) && g >= Gmax2) Gmax2 = g;
        } else {
            if (!is_upper(s, i) && -g >= Gmax2) Gmax2 = -g;
            if (!is_lower(s, i) && g >= Gmax1) Gmax1 = g;
        }
    }
    if (!s->unshrink && Gmax1 + Gmax2 <= s->eps * 10) {
        s->unshrink = 1;
        reconstruct_gradient(s);
        s->active_size = s->l;
    }
    for (int i = 0; i < s->active_size; i++) {
        if (!be_shrunk(s, i, Gmax1, Gmax2)) continue;
        s->active_size--;
        while (s->active_size > i) {
            if (!be_shrunk(s, s->active_size, Gmax1, Gmax2)) {
                swap_index(s, i, s->active_size);
                break;
            }
            s->active_size--;
        }
    }
}

/* rho: the mean of y_i G_i over free variables, else the middle of the
 * feasible interval. */
static double calculate_rho(const solver *s)
{
    int nr_free = 0;
    double ub = HUGE_VAL, lb = -HUGE_VAL, sum_free = 0;
    for (int i = 0; i < s->active_size; i++) {
        const double yG = s->y[i] * s->G[i];
        if (is_upper(s, i)) {
            if (s->y[i] < 0)
                ub = fmin(ub, yG);
            else
                lb = fmax(lb, yG);
        } else if (is_lower(s, i)) {
            if (s->y[i] > 0)
                ub = fmin(ub, yG);
            else
                lb = fmax(lb, yG);
        } else {
            nr_free++;
            sum_free += yG;
        }
    }
    return nr_free > 0 ? sum_free / nr_free : (ub + lb) / 2;
}

/* The two-variable subproblem of LIBSVM, bounds handled as it does. */
static void update_pair(solver *s, int i, int j, const double *Q_i)
{
    double *alpha = s->alpha;
    const double C = s->C;
    if (s->y[i] != s->y[j]) {
        double quad_coef = s->QD[i] + s->QD[j] + 2 * Q_i[j];
        if (quad_coef <= 0) quad_coef = TAU;
        const double delta = (-s->G[i] - s->G[j]) / quad_coef;
        const double diff = alpha[i] - alpha[j];
        alpha[i] += delta;
        alpha[j] += delta;
        if (diff > 0) {
            if (alpha[j] < 0) {
                alpha[j] = 0;
                alpha[i] = diff;
            }
        } else if (alpha[i] < 0) {
            alpha[i] = 0;
            alpha[j] = -diff;
        }
        if (diff > 0) { /* C_i - C_j = 0 */
            if (alpha[i] > C) {
                alpha[i] = C;
                alpha[j] = C - diff;
            }
        } else if (alpha[j] > C) {
            alpha[j] = C;
            alpha[i] = C + diff;
        }
    } else {
        double quad_coef = s->QD[i] + s->QD[j] - 2 * Q_i[j];
        if (quad_coef <= 0) quad_coef = TAU;
        const double delta = (s->G[i] - s->G[j]) / quad_coef;
        const double sum = alpha[i] + alpha[j];
        alpha[i] -= delta;
        alpha[j] += delta;
        if (sum > C) {
            if (alpha[i] > C) {
                alpha[i] = C;
                alpha[j] = sum - C;
            }
        } else if (alpha[j] < 0) {
            alpha[j] = 0;
            alpha[i] = sum;
        }
        if (sum > C) {
            if (alpha[j] > C) {
                alpha[j] = C;
                alpha[i] = sum - C;
            }
        } else if (alpha[i] < 0) {
            alpha[i] = 0;
            alpha[j] = sum;
        }
    }
}

static void free_solver(solver *s)
{
    svm_cache_free(&s->cache);
    free(s->xt);
    free(s->z);
    free(s->y);
    free(s->alpha);
    free(s->G);
    free(s->G_bar);
    free(s->QD);
    free(s->status);
    free(s->active_set);
}

sc_status svm_solve(const svm_solve_desc *sd, const double *x, const double *y, int n, int d,
                    double *alpha_out, svm_solution *si)
{
    solver s;
    memset(&s, 0, sizeof s);
    s.l = n;
    s.d = d;
    s.kd = &sd->kd;
    s.row = svm_row_variants[svm_row_variant_count - 1].row;
    s.C = sd->C;
    s.eps = sd->tol;
    const size_t l = (size_t)n;
    s.xt = malloc(sizeof(double) * l * (size_t)d);
    s.z = malloc(sizeof(double) * (size_t)d);
    s.y = malloc(sizeof(double) * l);
    s.alpha = calloc(l, sizeof(double));
    s.G = malloc(sizeof(double) * l);
    s.G_bar = calloc(l, sizeof(double));
    s.QD = malloc(sizeof(double) * l);
    s.status = malloc(l);
    s.active_set = malloc(sizeof(int) * l);
    sc_status st = SC_OK;
    if (!s.xt || !s.z || !s.y || !s.alpha || !s.G || !s.G_bar || !s.QD || !s.status || !s.active_set) {
        st = sc_fail(SC_ERR_NOMEM, "solver");
        goto done;
    }
    st = svm_cache_init(&s.cache, n, sd->cache_bytes);
    if (st != SC_OK) goto done;
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) s.xt[(size_t)k * l + (size_t)i] = x[(size_t)i * (size_t)d + (size_t)k];
        s.y[i] = y[i];
        s.QD[i] = svm_kernel_pair(s.kd, x + (size_t)i * (size_t)d, x + (size_t)i * (size_t)d, d);
        s.G[i] = -1.0; /* alpha = 0: G = Q alpha + p = -e */
        s.status[i] = LOWER;
        s.active_set[i] = i;
    }
    s.active_size = n;

    const long max_iter = sd->max_iter > 0 ? sd->max_iter : (n > 100000 ? 100L * n : 10000000L);
    long iter = 0;
    int counter = (n < 1000 ? n : 1000) + 1;
    while (iter < max_iter) {
        if (--counter == 0) {
            counter = n < 1000 ? n : 1000;
            if (sd->shrinking) do_shrinking(&s);
        }
        int i = 0, j = 0;
        if (select_working_set(&s, &i, &j)) {
            reconstruct_gradient(&s);
            s.active_size = n;
            if (select_working_set(&s, &i, &j)) break;
            counter = 1; /* shrink at the next step */
        }
        ++iter;
        /* Q_i is fetched again after Q_j: the cache keeps both (LRU, >= 2 slots). */
        const double *Q_i = get_Q(&s, i, s.active_size);
        const double *Q_j = get_Q(&s, j, s.active_size);
        const double old_i = s.alpha[i], old_j = s.alpha[j];
        update_pair(&s, i, j, Q_i);
        const double dai = s.alpha[i] - old_i, daj = s.alpha[j] - old_j;
        for (int k = 0; k < s.active_size; k++) s.G[k] += Q_i[k] * dai + Q_j[k] * daj;

        const int ui = is_upper(&s, i), uj = is_upper(&s, j);
        update_status(&s, i);
        update_status(&s, j);
        if (ui != is_upper(&s, i)) {
            const double *Q = get_Q(&s, i, n);
            const double c = ui ? -s.C : s.C;
            for (int k = 0; k < n; k++) s.G_bar[k] += c * Q[k];
        }
        if (uj != is_upper(&s, j)) {
            const double *Q = get_Q(&s, j, n);
            const double c = uj ? -s.C : s.C;
            for (int k = 0; k < n; k++) s.G_bar[k] += c * Q[k];
        }
    }
    si->hit_max_iter = iter >= max_iter;
    if (s.active_size < n) {
        reconstruct_gradient(&s);
        s.active_size = n;
    }
    si->rho = calculate_rho(&s);
    double v = 0;
    for (int i = 0; i < n; i++) v += s.alpha[i] * (s.G[i] - 1.0);
    si->obj = v / 2;
    si->iterations = iter;
    for (int i = 0; i < n; i++) alpha_out[s.active_set[i]] = s.alpha[i];
done:
    free_solver(&s);
    return st;
}
