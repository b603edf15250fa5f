/* Flat (scalar-argument) lenet entry points: handles as ids. */
#include "lenet_internal.h"

static sc_lenet handle(uint32_t id) { return (sc_lenet){id}; }

int sc_flat_lenet_create(int variant, uint32_t seed, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    sc_lenet h;
    const sc_status st = sc_lenet_create((sc_lenet_variant)variant, seed, &h);
    *id = h.id;
    return st;
}

int sc_flat_lenet_destroy(uint32_t id) { return sc_lenet_destroy(handle(id)); }
int sc_flat_lenet_weight_count(uint32_t id, int *count) { return sc_lenet_weight_count(handle(id), count); }
int sc_flat_lenet_get_weights(uint32_t id, float *w, int nw) { return sc_lenet_get_weights(handle(id), w, nw); }
int sc_flat_lenet_set_weights(uint32_t id, const float *w, int nw) { return sc_lenet_set_weights(handle(id), w, nw); }
int sc_flat_lenet_passes(uint32_t id, int *passes) { return sc_lenet_passes(handle(id), passes); }

int sc_flat_lenet_train_epoch(uint32_t id, const uint8_t *images, const uint8_t *labels, int count, float lr,
                              int batch, int loss, float *loss_out)
{
    return sc_lenet_train_epoch(handle(id), images, labels, count, lr, batch, (sc_lenet_loss)loss, loss_out);
}

int sc_flat_lenet_predict(uint32_t id, const uint8_t *images, int count, float *scores, int nscores)
{
    return sc_lenet_predict(handle(id), images, count, scores, nscores);
}

int sc_flat_lenet_evaluate(uint32_t id, const uint8_t *images, const uint8_t *labels, int count,
                           int32_t *confusion, int nconfusion, int *errors)
{
    return sc_lenet_evaluate(handle(id), images, labels, count, confusion, nconfusion, errors);
}

int sc_flat_lenet_c3_table(uint8_t *table, int ntable) { return sc_lenet_c3_table(table, ntable); }
int sc_flat_lenet_codes(float *codes, int ncodes) { return sc_lenet_codes(codes, ncodes); }
