/* The Boltzmann area's shared state; not part of the API. */
#ifndef SIMCORE_BOLTZMANN_INTERNAL_H
#define SIMCORE_BOLTZMANN_INTERNAL_H

#include "simcore/boltzmann.h"
#include "../base/internal.h"
#include "../base/rng.h"

typedef struct bm_machine {
    int nv, nh, n;
    double *w;     /* n x n symmetric, zero diagonal */
    double *b;     /* n */
    uint8_t *mask; /* n x n: 1 where a connection exists */
    sc_rng rng;
    double *chains; /* PCD: nchains visible states, +-1 */
    int nchains;
} bm_machine;

bm_machine *bm_get(sc_boltzmann m);
/* Checks a data set of count x nv values, each -1 or +1. */
sc_status bm_check_data(const bm_machine *m, const int8_t *data, int count);
/* Resolves the zero defaults of a Gibbs descriptor and checks it. */
sc_status bm_gibbs_resolve(const sc_boltzmann_gibbs_desc *in, sc_boltzmann_gibbs_desc *out);
sc_status bm_check_temperature(double t, const char *what);

/* Exact statistics (exact.c); scratch holds 2 (n*n + n) + 2n doubles. */
void bm_exact_stats(const bm_machine *m, const int8_t *data, int count, double t, double *data_stats,
                    double *model_stats, double *logz, double *loglik, double *scratch);
/* Gibbs estimates (gibbs.c); scratch holds n doubles. */
void bm_gibbs_stats(bm_machine *m, const int8_t *data, int count, const sc_boltzmann_gibbs_desc *d,
                    double *data_stats, double *model_stats, double *scratch);

/* 1 if the mask has no visible-visible and no hidden-hidden connection. */
int bm_restricted(const bm_machine *m);
/* CD-k / PCD statistics of a restricted machine (cd.c): only the
 * visible-hidden pairs and the means are filled. NOMEM if the persistent
 * chains cannot be allocated. */
sc_status bm_cd_stats(bm_machine *m, const int8_t *data, int count, int k, int persistent, double t,
                      double *data_stats, double *model_stats);

#endif
