/* The handle pool (pool.h). Lookups are O(1); an add scans for a free slot,
 * which is cheap next to creating any object worth a handle. */
#include <stddef.h>
#include "pool.h"
#include "internal.h"

static struct {
    void *obj;
    uint16_t generation;
    uint8_t kind;
} slots[SC_POOL_SLOTS];
static int live[SC_KIND_COUNT];

static int valid_kind(sc_kind kind) { return kind > 0 && kind < SC_KIND_COUNT; }

sc_status sc_pool_add(sc_kind kind, void *obj, int limit, const char *what, uint32_t *id)
{
    if (!id) return sc_fail(SC_ERR_NULL, "id");
    *id = 0;
    if (!obj || !valid_kind(kind)) return sc_fail(SC_ERR_NULL, what);
    if (live[kind] >= limit) return sc_fail(SC_ERR_NOMEM, what);
    int slot = 0;
    while (slot < SC_POOL_SLOTS && slots[slot].obj) slot++;
    if (slot == SC_POOL_SLOTS) return sc_fail(SC_ERR_NOMEM, what);
    uint16_t generation = (uint16_t)(slots[slot].generation + 1);
    if (generation == 0) generation = 1;
    slots[slot].obj = obj;
    slots[slot].generation = generation;
    slots[slot].kind = (uint8_t)kind;
    live[kind]++;
    *id = ((uint32_t)generation << 16) | (uint32_t)(slot + 1);
    return SC_OK;
}

static int find(sc_kind kind, uint32_t id)
{
    const uint32_t slot = id & 0xffffu, generation = id >> 16;
    if (!valid_kind(kind) || slot == 0 || slot > SC_POOL_SLOTS) return -1;
    const int s = (int)slot - 1;
    if (!slots[s].obj || slots[s].generation != generation || slots[s].kind != kind) return -1;
    return s;
}

void *sc_pool_get(sc_kind kind, uint32_t id)
{
    const int s = find(kind, id);
    return s < 0 ? NULL : slots[s].obj;
}

void *sc_pool_remove(sc_kind kind, uint32_t id)
{
    const int s = find(kind, id);
    if (s < 0) return NULL;
    void *obj = slots[s].obj;
    slots[s].obj = NULL;
    live[kind]--;
    return obj;
}

int sc_pool_live(sc_kind kind) { return valid_kind(kind) ? live[kind] : 0; }
