/* Scalar reference of the fast mode (fast.h): the same operations, in the
 * same order, as fast_simd.c, one lane at a time, so the two give the same
 * bits (no FMA on either side; built without auto-vectorisation). */
#include <math.h>
#include <string.h>
#include "fast.h"
#include "fast_math.h"

static uint32_t next(sc_snn_rng4 *r, int l)
{
    uint32_t *s0 = &r->s[0][l], *s1 = &r->s[1][l], *s2 = &r->s[2][l], *s3 = &r->s[3][l];
    const uint32_t result = *s0 + *s3, t = *s1 << 9;
    *s2 ^= *s0;
    *s3 ^= *s1;
    *s1 ^= *s2;
    *s0 ^= *s3;
    *s2 ^= t;
    *s3 = (*s3 << 11) | (*s3 >> 21);
    return result;
}

static uint32_t bits_of(float x)
{
    uint32_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static float float_of(uint32_t b)
{
    float x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* ln x for x in (0, 1] (fast_math.h). */
static float log_unit(float x)
{
    const uint32_t bits = bits_of(x);
    float e = (float)((int)((bits >> 23) & 0xffu) - 126);
    float m = float_of((bits & 0x007fffffu) | 0x3f000000u); /* [0.5, 1) */
    const int small = m < SC_SNN_SQRTHF;
    if (small) e = e - 1.0f;
    m = (m - 1.0f) + (small ? m : 0.0f);
    const float z = m * m;
    float y = SC_SNN_LOG_P0;
    y = y * m + SC_SNN_LOG_P1;
    y = y * m + SC_SNN_LOG_P2;
    y = y * m + SC_SNN_LOG_P3;
    y = y * m + SC_SNN_LOG_P4;
    y = y * m + SC_SNN_LOG_P5;
    y = y * m + SC_SNN_LOG_P6;
    y = y * m + SC_SNN_LOG_P7;
    y = y * m + SC_SNN_LOG_P8;
    y = y * m;
    y = y * z;
    y = y + e * SC_SNN_LOG_Q1;
    y = y + -0.5f * z;
    float r = m + y;
    r = r + e * SC_SNN_LOG_Q2;
    return r;
}

void sc_snn_normals_scalar(sc_snn_rng4 *r, float *out, int n)
{
    for (int i = 0; i < n; i += 8) {
        for (int l = 0; l < 4; l++) {
            const uint32_t x = next(r, l), y = next(r, l);
            const float u1 = (float)((x >> 8) + 1u) * 0x1p-24f; /* (0, 1] */
            const float f = (float)((y >> 6) & 0xffffffu) * 0x1p-24f;
            const float rad = sqrtf(-2.0f * log_unit(u1));
            /* angle = q pi/2 + pi/4 + h, h = (f - 1/2) pi/2 in [-pi/4, pi/4) */
            const float h = (f - 0.5f) * SC_SNN_HALF_PI;
            const float z = h * h;
            float sh = SC_SNN_SIN_P0;
            sh = sh * z + SC_SNN_SIN_P1;
            sh = sh * z + SC_SNN_SIN_P2;
            sh = sh * z;
            sh = sh * h + h;
            float ch = SC_SNN_COS_P0;
            ch = ch * z + SC_SNN_COS_P1;
            ch = ch * z + SC_SNN_COS_P2;
            ch = ch * z;
            ch = ch * z;
            ch = ch - 0.5f * z;
            ch = ch + 1.0f;
            float c = (ch - sh) * SC_SNN_SQRTHF, s = (sh + ch) * SC_SNN_SQRTHF;
            if (y & 0x40000000u) {
                const float t = c;
                c = -s;
                s = t;
            }
            if (y & 0x80000000u) {
                c = -c;
                s = -s;
            }
            out[i + l] = rad * c;
            out[i + 4 + l] = rad * s;
        }
    }
}

int sc_snn_fast_step_scalar(sc_snn_fast *net, int *fired)
{
    const int n = net->n, np = net->n_pad;
    float *v = net->v, *u = net->u, *I = net->I, *sum = net->sum;
    int nf = 0;
    for (int i = 0; i < np; i++) {
        if (v[i] >= 30.0f) {
            if (i < n) fired[nf++] = i;
            v[i] = net->c[i];
            u[i] = u[i] + net->d[i];
        }
    }
    sc_snn_normals_scalar(&net->rng, I, np);
    for (int i = 0; i < np; i++) sum[i] = 0.0f;
    if (!net->S) sc_snn_fast_scatter(net, fired, nf, sum);
    for (int k = 0; net->S && k < nf; k++) {
        const float *col = net->S + (size_t)fired[k] * np;
        for (int i = 0; i < np; i++) sum[i] = sum[i] + col[i];
    }
    for (int i = 0; i < np; i++) {
        const float in = net->amp[i] * I[i] + sum[i];
        float vi = v[i];
        const float ui = u[i];
        vi = vi + 0.5f * (0.04f * vi * vi + 5.0f * vi + 140.0f - ui + in);
        vi = vi + 0.5f * (0.04f * vi * vi + 5.0f * vi + 140.0f - ui + in);
        v[i] = vi;
        u[i] = ui + net->a[i] * (net->b[i] * vi - ui);
        I[i] = in;
    }
    return nf;
}
