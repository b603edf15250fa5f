/* sc_hopfield_advance: the dynamics a little at a time (hopfield.h). The
 * sweep in progress lives in the network (adv_*), so chunks of updates made
 * frame by frame add up to exactly the sweeps sc_hopfield_step makes. */
#include <string.h>
#include "hopfield_internal.h"

static void advance_async(sc_hop_net *net, float t, int updates, sc_hopfield_advance_result *r)
{
    const int n = net->n;
    while (r->updates < updates) {
        if (net->adv_cursor >= n) {
            sc_hop_net_random_order(net, net->adv_order);
            net->adv_cursor = 0;
            net->adv_flips = 0;
        }
        const int k = n - net->adv_cursor < updates - r->updates ? n - net->adv_cursor : updates - r->updates;
        const int *order = net->adv_order + net->adv_cursor;
        const int flips = sc_hop_net_sweep(net, SC_HOPFIELD_ASYNC, t, order, k);
        net->adv_cursor += k;
        net->adv_flips += flips;
        r->updates += k;
        r->flips += flips;
        r->last = order[k - 1];
        if (net->adv_cursor == n && t == 0.0f && net->adv_flips == 0) {
            r->end = SC_HOPFIELD_FIXED;
            return;
        }
    }
}

/* As sc_hop_net_run: compare s(t+1) with s(t-1), the history kept across
 * calls in prev (s(t-1)) and back (scratch). */
static void advance_sync(sc_hop_net *net, float t, int updates, sc_hopfield_advance_result *r)
{
    const size_t bytes = (size_t)net->n * sizeof(float);
    const int track = t == 0.0f;
    while (r->updates < updates) {
        if (track) memcpy(net->back, net->s, bytes);
        const int flips = sc_hop_net_sweep(net, SC_HOPFIELD_SYNC, t, NULL, net->n);
        r->updates++;
        r->flips += flips;
        if (!track) continue;
        if (flips == 0) {
            r->end = SC_HOPFIELD_FIXED;
            return;
        }
        if (net->adv_history && memcmp(net->s, net->prev, bytes) == 0) {
            r->end = SC_HOPFIELD_CYCLE;
            return;
        }
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
        advance_sync(net, d->temperature, updates, r);
    } else {
        net->adv_history = 0;
        advance_async(net, d->temperature, updates, r);
    }
}
