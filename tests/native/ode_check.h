/* Test helper: fills a desc's counts (nparams, dim, nbounds) from its
 * system, for tests about something else than the counts. The count checks
 * themselves are tested on descs built by hand (test_ode.c, "counts"). */
#ifndef SIMCORE_TEST_ODE_CHECK_H
#define SIMCORE_TEST_ODE_CHECK_H

#include "simcore/ode.h"

static inline const sc_ode_desc *counted(sc_ode_desc *d)
{
    const sc_ode_system_info *s = sc_ode_system(d->system);
    d->nparams = s ? s->nparams : 0;
    d->dim = s ? s->dim : 0;
    d->nbounds = d->bounds ? 2 * d->dim : 0;
    return d;
}

#endif
