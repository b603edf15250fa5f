/* The core's handle pool (core/src/base/pool.h): handles find their own
 * object only, go stale when it is removed (also after the slot is reused),
 * per-kind limits and the pool's size hold, and 0 is never a handle. */
#include <stdint.h>
#include "base/pool.h"
#include "check.h"

static int objects[SC_POOL_SLOTS + 1];

int main(void)
{
    uint32_t a = 0, b = 0;
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[0], 10, "test", &a) == SC_OK && a != 0, "a = %u", a);
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[1], 10, "test", &b) == SC_OK && b != 0 && b != a, "b = %u", b);
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, a) == &objects[0], "a finds its object");
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, b) == &objects[1], "b finds its object");
    CHECK(sc_pool_live(SC_KIND_HOPFIELD) == 2, "live %d", sc_pool_live(SC_KIND_HOPFIELD));
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, 0) == NULL, "0 is no handle");
    CHECK(sc_pool_get((sc_kind)0, a) == NULL && sc_pool_get(SC_KIND_COUNT, a) == NULL, "another kind never finds it");
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, a + 0x10000u) == NULL, "another generation never finds it");
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, 0xffffu) == NULL, "slot beyond the pool");

    /* Removed: stale, also once the slot holds a new object. */
    CHECK(sc_pool_remove(SC_KIND_HOPFIELD, a) == &objects[0], "remove returns the object");
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, a) == NULL, "stale after remove");
    CHECK(sc_pool_remove(SC_KIND_HOPFIELD, a) == NULL, "second remove finds nothing");
    uint32_t c = 0;
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[2], 10, "test", &c) == SC_OK, "re-add");
    CHECK((c & 0xffffu) == (a & 0xffffu) && c != a, "same slot, new generation: a %x c %x", a, c);
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, a) == NULL && sc_pool_get(SC_KIND_HOPFIELD, c) == &objects[2], "old handle stays stale");

    /* The generation skips 0 when it wraps, so no handle is ever 0 or repeats soon. */
    uint32_t h = c, first = c;
    int wrapped_ok = 1;
    for (int k = 0; k < 70000; k++) {
        sc_pool_remove(SC_KIND_HOPFIELD, h);
        if (sc_pool_add(SC_KIND_HOPFIELD, &objects[2], 10, "test", &h) != SC_OK || (h >> 16) == 0) wrapped_ok = 0;
    }
    CHECK(wrapped_ok, "generation never 0 over a wrap");
    CHECK(sc_pool_get(SC_KIND_HOPFIELD, first) == NULL || h == first, "first handle stale unless reissued");

    /* A kind's limit, then NOMEM with the object still the caller's. */
    uint32_t ids[SC_POOL_SLOTS];
    int made = 0;
    while (sc_pool_add(SC_KIND_HOPFIELD, &objects[3], 10, "test", &ids[made]) == SC_OK) made++;
    CHECK(sc_pool_live(SC_KIND_HOPFIELD) == 10 && made == 8, "limit 10: live %d, made %d", sc_pool_live(SC_KIND_HOPFIELD), made);
    uint32_t refused = 123;
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[4], 10, "test", &refused) == SC_ERR_NOMEM && refused == 0, "refused at limit");
    for (int k = 0; k < made; k++) sc_pool_remove(SC_KIND_HOPFIELD, ids[k]);

    /* The pool itself is bounded. */
    made = 0;
    while (made < SC_POOL_SLOTS && sc_pool_add(SC_KIND_HOPFIELD, &objects[made], SC_POOL_SLOTS + 1, "test", &ids[made]) == SC_OK) made++;
    CHECK(made == SC_POOL_SLOTS - 2, "pool holds %d besides b and h", made);
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[SC_POOL_SLOTS], SC_POOL_SLOTS + 1, "test", &refused) == SC_ERR_NOMEM, "pool full");
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, NULL, 10, "test", &refused) != SC_OK, "NULL object refused");
    CHECK(sc_pool_add(SC_KIND_HOPFIELD, &objects[0], 10, "test", NULL) == SC_ERR_NULL, "NULL id refused");
    return check_summary("test_pool");
}
