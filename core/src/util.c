#include <stdint.h>
#include <string.h>
#include "internal.h"

int sc_all_finite(const float *x, size_t n)
{
    /* A float is NaN or +-inf iff its exponent field is all ones. The largest
     * masked exponent tells; four independent maxima vectorise well (one
     * dependent chain of float adds cost 1.5 ms per megapixel in wasm). */
    const uint32_t EXP = 0x7f800000u;
    uint32_t m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t b[4];
        memcpy(b, x + i, sizeof b);
        m0 = (b[0] & EXP) > m0 ? (b[0] & EXP) : m0;
        m1 = (b[1] & EXP) > m1 ? (b[1] & EXP) : m1;
        m2 = (b[2] & EXP) > m2 ? (b[2] & EXP) : m2;
        m3 = (b[3] & EXP) > m3 ? (b[3] & EXP) : m3;
    }
    for (; i < n; i++) {
        uint32_t b;
        memcpy(&b, x + i, sizeof b);
        m0 = (b & EXP) > m0 ? (b & EXP) : m0;
    }
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return (m2 > m0 ? m2 : m0) != EXP;
}

sc_status sc_check_output(const float *x, size_t n, const char *arg)
{
    return sc_all_finite(x, n) ? SC_OK : sc_fail(SC_ERR_OVERFLOW, arg);
}
