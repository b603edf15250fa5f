/* sc_hopfield_advance: the dynamics a little at a time (hopfield.h). The
 * sweep in progress lives in the network (adv_*), so chunks of updates made
 * frame by frame add up to exactly the sweeps sc_hopfield_step makes. */
#include <string.h>
#include "hopfield_internal.h"

/* The energy trace (hopfield.h): a point every `every` updates and at the end. */
static void record(sc_hop_net *net, const sc_hopfield_advance_desc *d, sc_hopfield_advance_result *r)
{
    if (d->energies && r->recorded < d->energies_len) d->energies[r->recorded++] = sc_hop_net_energy(net);
}

/* Updates until the next trace point (or the end). */
static int until_point(const sc_hopfield_advance_desc *d, int made, int updates)
{
    const int left = updates - made;
    if (!d->energies || d->record_every <= 0) return left;
    const int to_point = d->record_every - made % d->record_every;
    return to_point < left ? to_point : left;
}

static void advance_async(sc_hop_net *net, const sc_hopfield_advance_desc *d, int updates,
                          sc_hopfield_advance_result *r)
{
    const int n = net->n;
    const float t = d->temperature;
    while (r->updates < updates) {
        if (net->adv_cursor >= n) {
            sc_hop_net_random_order(net, net->adv_order);
            net->adv_cursor = 0;
            net->adv_flips = 0;
        }
        const int want = until_point(d, r->updates, updates);
        const int k = n - net->adv_cursor < want ? n - net->adv_cursor : want;
        const int *order = net->adv_order + net->adv_cursor;
        const int flips = sc_hop_net_sweep(net, SC_HOPFIELD_ASYNC, t, order, k);
        net->adv_cursor += k;
        net->adv_flips += flips;
        r->updates += k;
        r->flips += flips;
        r->last = order[k - 1];
        const int rest = net->adv_cursor == n && t == 0.0f && net->adv_flips == 0;
        if (rest || r->updates == updates || (d->record_every > 0 && r->updates % d->record_every == 0)) record(net, d, r);
        if (rest) {
            r->end = SC_HOPFIELD_FIXED;
            return;
        }
    }
}

/* As sc_hop_net_run: compare s(t+1) with s(t-1), the history kept across
 * calls in prev (s(t-1)) and back (scratch). */
static void advance_sync(sc_hop_net *net, const sc_hopfield_advance_desc *d, int updates,
                         sc_hopfield_advance_result *r)
{
    const float t = d->temperature;
    const size_t bytes = (size_t)net->n * sizeof(float);
    const int track = t == 0.0f;
    while (r->updates < updates) {
        if (track) memcpy(net->back, net->s, bytes);
        const int flips = sc_hop_net_sweep(net, SC_HOPFIELD_SYNC, t, NULL, net->n);
        r->updates++;
        r->flips += flips;
        const int point = r->updates == updates || (d->record_every > 0 && r->updates % d->record_every == 0);
        if (!track) {
            if (point) record(net, d, r);
            continue;
        }
        if (flips == 0 || (net->adv_history && memcmp(net->s, net->prev, bytes) == 0)) {
            r->end = flips == 0 ? SC_HOPFIELD_FIXED : SC_HOPFIELD_CYCLE;
            record(net, d, r);
            return;
        }
        if (point) record(net, d, r);
        float *tmp = net->prev;
        net->prev = net->back;
        net->back = tmp;
        net->adv_history = 1;
    }
}

void sc_hop_net_advance(sc_hop_net *net, const sc_hopfield_advance_desc *d, sc_hopfield_advance_result *r)
{
    memset(r, 0, sizeof *r);
    r->last = -1;
    const int updates = d->updates == 0 ? 1 : d->updates;
    if (d->mode == SC_HOPFIELD_SYNC) {
        /* A sweep in progress of the other mode is abandoned. */
        net->adv_cursor = net->n;
        advance_sync(net, d, updates, r);
    } else {
        net->adv_history = 0;
        advance_async(net, d, updates, r);
    }
}
