/* The lenet area's shared declarations; not part of the API. */
#ifndef SIMCORE_LENET_INTERNAL_H
#define SIMCORE_LENET_INTERNAL_H

#include <stdint.h>
#include "simcore/lenet.h"
#include "../base/internal.h"
#include "kern.h"

#define LN_TANH_A 1.7159
#define LN_TANH_S (2.0 / 3.0)

typedef enum ln_act { LN_SCALED_TANH = 0,
                      LN_RELU,
                      LN_LOGISTIC } ln_act;

/* A valid stride-1 convolution of cin maps ih x iw to cout maps with
 * ks x ks kernels; table (cout x cin, 1 = connected) or NULL for full. */
typedef struct ln_conv {
    int cin, cout, ih, iw, ks;
    const uint8_t *table;
} ln_conv;

static inline int ln_conv_linked(const ln_conv *c, int o, int i) { return !c->table || c->table[o * c->cin + i]; }

static inline int ln_conv_links(const ln_conv *c)
{
    int n = 0;
    for (int o = 0; o < c->cout; o++)
        for (int i = 0; i < c->cin; i++) n += ln_conv_linked(c, o, i);
    return n;
}

/* Table 1 (16 x 6) and the RBF codes (10 x 84) (codes.c). */
extern uint8_t ln_c3_table[16 * 6];
extern float ln_rbf_codes[10 * 84];
void ln_tables_init(void);

/* The kernels the float layers use (the last of ln_kerns by default; the
 * native test switches it to compare variants). */
extern const ln_kern *ln_kern_active;

#define R        float
#define LN(name) ln_##name##_f32
#include "layers_proto.h"
#undef R
#undef LN
#define R        double
#define LN(name) ln_##name##_f64
#include "layers_proto.h"
#undef R
#undef LN

#endif
