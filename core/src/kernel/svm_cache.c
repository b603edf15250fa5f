/* The kernel-row cache (svm_internal.h): LIBSVM's LRU cache of Q's rows,
 * with the rows in fixed slots allocated once instead of realloc'd. */
#include <stdlib.h>
#include "svm_internal.h"

static void unlink_slot(svm_cache *c, int s)
{
    c->next[c->prev[s]] = c->next[s];
    c->prev[c->next[s]] = c->prev[s];
}

static void push_newest(svm_cache *c, int s)
{
    const int head = c->nslots;
    c->next[s] = head;
    c->prev[s] = c->prev[head];
    c->next[c->prev[head]] = s;
    c->prev[head] = s;
}

sc_status svm_cache_init(svm_cache *c, int l, double budget_bytes)
{
    const double rows = budget_bytes / (8.0 * (double)l);
    int nslots = rows >= (double)l ? l : (int)rows;
    if (nslots < 2) nslots = 2;
    c->l = l;
    c->nslots = nslots;
    c->slab = malloc(sizeof(double) * (size_t)nslots * (size_t)l);
    c->slot_of = malloc(sizeof(int) * (size_t)l);
    c->len = calloc((size_t)l, sizeof(int));
    c->row_of = malloc(sizeof(int) * (size_t)nslots);
    c->prev = malloc(sizeof(int) * (size_t)(nslots + 1));
    c->next = malloc(sizeof(int) * (size_t)(nslots + 1));
    if (!c->slab || !c->slot_of || !c->len || !c->row_of || !c->prev || !c->next) {
        svm_cache_free(c);
        return sc_fail(SC_ERR_NOMEM, "cache");
    }
    for (int i = 0; i < l; i++) c->slot_of[i] = -1;
    c->prev[nslots] = c->next[nslots] = nslots;
    for (int s = 0; s < nslots; s++) {
        c->row_of[s] = -1;
        push_newest(c, s); /* free slots are the oldest */
    }
    return SC_OK;
}

void svm_cache_free(svm_cache *c)
{
    free(c->slab);
    free(c->slot_of);
    free(c->len);
    free(c->row_of);
    free(c->prev);
    free(c->next);
    c->slab = NULL;
    c->slot_of = c->len = c->row_of = c->prev = c->next = NULL;
}

int svm_cache_get(svm_cache *c, int i, int len, double **data)
{
    int s = c->slot_of[i];
    if (s < 0) {
        s = c->next[c->nslots]; /* the oldest slot */
        if (c->row_of[s] >= 0) {
            c->slot_of[c->row_of[s]] = -1;
            c->len[c->row_of[s]] = 0;
        }
        c->row_of[s] = i;
        c->slot_of[i] = s;
        c->len[i] = 0;
    }
    unlink_slot(c, s);
    push_newest(c, s);
    *data = c->slab + (size_t)s * (size_t)c->l;
    const int have = c->len[i];
    if (len > have) c->len[i] = len;
    return have;
}

void svm_cache_swap(svm_cache *c, int i, int j)
{
    if (i == j) return;
    const int si = c->slot_of[i], sj = c->slot_of[j];
    c->slot_of[i] = sj;
    c->slot_of[j] = si;
    if (si >= 0) c->row_of[si] = j;
    if (sj >= 0) c->row_of[sj] = i;
    const int t = c->len[i];
    c->len[i] = c->len[j];
    c->len[j] = t;
    if (i > j) {
        const int u = i;
        i = j;
        j = u;
    }
    /* Columns i and j of every cached row: exchanged where both are
     * there; a row that has i but not j keeps its first i entries (LIBSVM
     * drops the whole row). */
    for (int s = 0; s < c->nslots; s++) {
        const int r = c->row_of[s];
        if (r < 0 || c->len[r] <= i) continue;
        double *row = c->slab + (size_t)s * (size_t)c->l;
        if (c->len[r] > j) {
            const double v = row[i];
            row[i] = row[j];
            row[j] = v;
        } else {
            c->len[r] = i;
        }
    }
}
