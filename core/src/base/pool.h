/* One generation-counted handle pool for every stateful object of the core
 * (Box2D style; docs/architecture.md, "Ownership"). A handle is
 * (generation << 16) | (slot + 1): 0 is never valid, and a slot's generation
 * changes on every add, so a copy of a removed object's handle goes stale
 * instead of reaching whatever took its slot. Each object is added under its
 * kind, and a handle of one kind never finds an object of another. Not part
 * of the API: areas wrap it in their own typed handles. */
#ifndef SIMCORE_BASE_POOL_H
#define SIMCORE_BASE_POOL_H

#include <stdint.h>
#include "simcore/status.h"

/* One line per kind of stateful object. */
typedef enum sc_kind {
    SC_KIND_HOPFIELD = 1,
    SC_KIND_ODE_RESULT, /* a trajectory of sc_flat_ode_integrate */
    SC_KIND_POLYLINES,
    SC_KIND_ODE_CUSTOM,
    /* a compiled custom system (its handle is its system id) */ /* nullclines / separatrices of the flat phase calls */
    SC_KIND_SNN,                                                 /* a spiking network (snn area) */
    SC_KIND_MLP,                                                 /* a multilayer perceptron (mlp.h) */
    SC_KIND_BOLTZMANN,                                           /* a Boltzmann machine (boltzmann.h) */
    SC_KIND_LENET,                                               /* a LeNet-5 network (lenet.h) */
    SC_KIND_SVM,                                                 /* a support vector machine (svm.h) */
    SC_KIND_COUNT
} sc_kind;

#define SC_POOL_SLOTS 1024 /* live objects of all kinds together */

/* Adds obj (not NULL) under kind; at most `limit` live objects of that kind.
 * On success *id is its handle; NOMEM naming `what` when the kind's limit or
 * the pool is full (then obj stays the caller's). */
sc_status sc_pool_add(sc_kind kind, void *obj, int limit, const char *what, uint32_t *id);
/* The object behind id if it is live and of that kind, else NULL. */
void *sc_pool_get(sc_kind kind, uint32_t id);
/* Removes and returns the object behind id (NULL if none); the caller frees it. */
void *sc_pool_remove(sc_kind kind, uint32_t id);
/* Live objects of a kind. */
int sc_pool_live(sc_kind kind);

#endif
