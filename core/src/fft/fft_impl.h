/* The FFT algorithms, written once over a 4-lane vector type V and included
 * by fft_scalar.c (V = struct of 4 floats, compiled without
 * auto-vectorisation: the scalar reference) and fft_simd.c (V = v128_t).
 * Both perform the same IEEE operations in the same order (SIMD128 has no
 * FMA), so the variants agree bit for bit; the independent check is the
 * double-precision DFT in tests/native/test_fft.c.
 *
 * The includer defines V, FN(name) (adds its suffix) and the operations
 * v_ld/v_st (16 bytes, any alignment), v_add, v_sub, v_mul, v_splat,
 * v_ldsplat (load one float into all lanes), v_zero, v_tr4 (4x4 transpose).
 * Layouts: fft.h. Mathematics: docs/fft.md. */
#include <string.h>

/* ---- Stockham radix stages --------------------------------------------
 * One stage of the decimation-in-frequency Stockham autosort: for
 * 0 <= j < m, 0 <= q < s, with a_r = x[q + s*(j + r*m)]:
 *   y[q + s*(p*j + t)] = w^(j*t) * sum_r a_r exp(-2 pi i r t / p),
 * w = exp(-2 pi i / (p*m)). Twiddles are skipped for j = 0 (all 1), which
 * makes the last stage (m = 1) multiplication-free. Element strides xs, ys
 * are in floats; ir, ot are the strides between the p inputs / outputs. */

static inline void FN(cmul)(V *r, V *i, V wr, V wi)
{
    const V tr = v_sub(v_mul(*r, wr), v_mul(*i, wi));
    *i = v_add(v_mul(*r, wi), v_mul(*i, wr));
    *r = tr;
}

static inline void FN(bf2)(const float *xr, const float *xi, size_t xs, size_t ir,
                           float *yr, float *yi, size_t ys, size_t ot, int s,
                           int use_tw, const float *tw)
{
    V w1r = v_zero(), w1i = v_zero();
    if (use_tw) {
        w1r = v_ldsplat(tw);
        w1i = v_ldsplat(tw + 1);
    }
    for (int q = 0; q < s; q++) {
        const float *pr = xr + q * xs, *pi = xi + q * xs;
        const V a0r = v_ld(pr), a0i = v_ld(pi), a1r = v_ld(pr + ir), a1i = v_ld(pi + ir);
        V b1r = v_sub(a0r, a1r), b1i = v_sub(a0i, a1i);
        if (use_tw) FN(cmul)
        (&b1r, &b1i, w1r, w1i);
        float *qr = yr + q * ys, *qi = yi + q * ys;
        v_st(qr, v_add(a0r, a1r));
        v_st(qi, v_add(a0i, a1i));
        v_st(qr + ot, b1r);
        v_st(qi + ot, b1i);
    }
}

static inline void FN(bf4)(const float *xr, const float *xi, size_t xs, size_t ir,
                           float *yr, float *yi, size_t ys, size_t ot, int s,
                           int use_tw, const float *tw)
{
    V w1r = v_zero(), w1i = v_zero(), w2r = v_zero(), w2i = v_zero(), w3r = v_zero(), w3i = v_zero();
    if (use_tw) {
        w1r = v_ldsplat(tw);
        w1i = v_ldsplat(tw + 1);
        w2r = v_ldsplat(tw + 2);
        w2i = v_ldsplat(tw + 3);
        w3r = v_ldsplat(tw + 4);
        w3i = v_ldsplat(tw + 5);
    }
    for (int q = 0; q < s; q++) {
        const float *pr = xr + q * xs, *pi = xi + q * xs;
        const V a0r = v_ld(pr), a0i = v_ld(pi);
        const V a1r = v_ld(pr + ir), a1i = v_ld(pi + ir);
        const V a2r = v_ld(pr + 2 * ir), a2i = v_ld(pi + 2 * ir);
        const V a3r = v_ld(pr + 3 * ir), a3i = v_ld(pi + 3 * ir);
        const V t0r = v_add(a0r, a2r), t0i = v_add(a0i, a2i);
        const V t1r = v_sub(a0r, a2r), t1i = v_sub(a0i, a2i);
        const V t2r = v_add(a1r, a3r), t2i = v_add(a1i, a3i);
        const V dr = v_sub(a1r, a3r), di = v_sub(a1i, a3i);
        /* b1 = t1 - i d, b3 = t1 + i d (forward: exp(-2 pi i / 4) = -i) */
        V b1r = v_add(t1r, di), b1i = v_sub(t1i, dr);
        V b2r = v_sub(t0r, t2r), b2i = v_sub(t0i, t2i);
        V b3r = v_sub(t1r, di), b3i = v_add(t1i, dr);
        if (use_tw) {
            FN(cmul)
            (&b1r, &b1i, w1r, w1i);
            FN(cmul)
            (&b2r, &b2i, w2r, w2i);
            FN(cmul)
            (&b3r, &b3i, w3r, w3i);
        }
        float *qr = yr + q * ys, *qi = yi + q * ys;
        v_st(qr, v_add(t0r, t2r));
        v_st(qi, v_add(t0i, t2i));
        v_st(qr + ot, b1r);
        v_st(qi + ot, b1i);
        v_st(qr + 2 * ot, b2r);
        v_st(qi + 2 * ot, b2i);
        v_st(qr + 3 * ot, b3r);
        v_st(qi + 3 * ot, b3i);
    }
}

static inline void FN(bf3)(const float *xr, const float *xi, size_t xs, size_t ir,
                           float *yr, float *yi, size_t ys, size_t ot, int s,
                           int use_tw, const float *tw)
{
    const V half = v_splat(0.5f), c = v_splat(0.866025403784438646763723f); /* sqrt(3)/2 */
    V w1r = v_zero(), w1i = v_zero(), w2r = v_zero(), w2i = v_zero();
    if (use_tw) {
        w1r = v_ldsplat(tw);
        w1i = v_ldsplat(tw + 1);
        w2r = v_ldsplat(tw + 2);
        w2i = v_ldsplat(tw + 3);
    }
    for (int q = 0; q < s; q++) {
        const float *pr = xr + q * xs, *pi = xi + q * xs;
        const V a0r = v_ld(pr), a0i = v_ld(pi);
        const V a1r = v_ld(pr + ir), a1i = v_ld(pi + ir);
        const V a2r = v_ld(pr + 2 * ir), a2i = v_ld(pi + 2 * ir);
        const V sr = v_add(a1r, a2r), si = v_add(a1i, a2i);
        const V dr = v_mul(c, v_sub(a1r, a2r)), di = v_mul(c, v_sub(a1i, a2i));
        const V mr = v_sub(a0r, v_mul(half, sr)), mi = v_sub(a0i, v_mul(half, si));
        /* b1 = m - i (sqrt3/2) d, b2 = m + i (sqrt3/2) d */
        V b1r = v_add(mr, di), b1i = v_sub(mi, dr);
        V b2r = v_sub(mr, di), b2i = v_add(mi, dr);
        if (use_tw) {
            FN(cmul)
            (&b1r, &b1i, w1r, w1i);
            FN(cmul)
            (&b2r, &b2i, w2r, w2i);
        }
        float *qr = yr + q * ys, *qi = yi + q * ys;
        v_st(qr, v_add(a0r, sr));
        v_st(qi, v_add(a0i, si));
        v_st(qr + ot, b1r);
        v_st(qi + ot, b1i);
        v_st(qr + 2 * ot, b2r);
        v_st(qi + 2 * ot, b2i);
    }
}

static inline void FN(bf5)(const float *xr, const float *xi, size_t xs, size_t ir,
                           float *yr, float *yi, size_t ys, size_t ot, int s,
                           int use_tw, const float *tw)
{
    /* cos and sin of 2 pi/5 and 4 pi/5 */
    const V c1 = v_splat(0.309016994374947424102293f), c2 = v_splat(-0.809016994374947424102293f);
    const V s1 = v_splat(0.951056516295153572116439f), s2 = v_splat(0.587785252292473129168706f);
    V wr[4], wi[4];
    for (int t = 0; t < 4; t++) {
        wr[t] = use_tw ? v_ldsplat(tw + 2 * t) : v_zero();
        wi[t] = use_tw ? v_ldsplat(tw + 2 * t + 1) : v_zero();
    }
    for (int q = 0; q < s; q++) {
        const float *pr = xr + q * xs, *pi = xi + q * xs;
        const V a0r = v_ld(pr), a0i = v_ld(pi);
        const V a1r = v_ld(pr + ir), a1i = v_ld(pi + ir);
        const V a2r = v_ld(pr + 2 * ir), a2i = v_ld(pi + 2 * ir);
        const V a3r = v_ld(pr + 3 * ir), a3i = v_ld(pi + 3 * ir);
        const V a4r = v_ld(pr + 4 * ir), a4i = v_ld(pi + 4 * ir);
        const V s14r = v_add(a1r, a4r), s14i = v_add(a1i, a4i);
        const V d14r = v_sub(a1r, a4r), d14i = v_sub(a1i, a4i);
        const V s23r = v_add(a2r, a3r), s23i = v_add(a2i, a3i);
        const V d23r = v_sub(a2r, a3r), d23i = v_sub(a2i, a3i);
        const V m1r = v_add(a0r, v_add(v_mul(c1, s14r), v_mul(c2, s23r)));
        const V m1i = v_add(a0i, v_add(v_mul(c1, s14i), v_mul(c2, s23i)));
        const V m2r = v_add(a0r, v_add(v_mul(c2, s14r), v_mul(c1, s23r)));
        const V m2i = v_add(a0i, v_add(v_mul(c2, s14i), v_mul(c1, s23i)));
        const V n1r = v_add(v_mul(s1, d14r), v_mul(s2, d23r));
        const V n1i = v_add(v_mul(s1, d14i), v_mul(s2, d23i));
        const V n2r = v_sub(v_mul(s2, d14r), v_mul(s1, d23r));
        const V n2i = v_sub(v_mul(s2, d14i), v_mul(s1, d23i));
        /* b1 = m1 - i n1, b4 = m1 + i n1, b2 = m2 - i n2, b3 = m2 + i n2 */
        V br[4] = {v_add(m1r, n1i), v_add(m2r, n2i), v_sub(m2r, n2i), v_sub(m1r, n1i)};
        V bi[4] = {v_sub(m1i, n1r), v_sub(m2i, n2r), v_add(m2i, n2r), v_add(m1i, n1r)};
        float *qr = yr + q * ys, *qi = yi + q * ys;
        v_st(qr, v_add(a0r, v_add(s14r, s23r)));
        v_st(qi, v_add(a0i, v_add(s14i, s23i)));
        for (int t = 0; t < 4; t++) {
            if (use_tw) FN(cmul)
            (&br[t], &bi[t], wr[t], wi[t]);
            v_st(qr + (t + 1) * ot, br[t]);
            v_st(qi + (t + 1) * ot, bi[t]);
        }
    }
}

typedef void (*FN(bf_fn))(const float *, const float *, size_t, size_t, float *, float *,
                          size_t, size_t, int, int, const float *);

/* The j = 0 column is twiddle-free; passing use_tw as a constant lets the
 * compiler drop the multiplications there. */
/* clang-format splits FN(name)(args) and is not stable on the result. */
/* clang-format off */
#define FFT_STAGE(NAME, P)                                                       \
    static void FN(NAME)(const float *xr, const float *xi, size_t xs, float *yr, \
                         float *yi, size_t ys, int s, int m, const float *tw)    \
    {                                                                            \
        const size_t ir = (size_t)s * m * xs, ot = (size_t)s * ys;               \
        FN(bf##P)(xr, xi, xs, ir, yr, yi, ys, ot, s, 0, tw);                     \
        for (int j = 1; j < m; j++)                                              \
            FN(bf##P)(xr + (size_t)s * j * xs, xi + (size_t)s * j * xs, xs, ir,  \
                      yr + (size_t)s * (P) * j * ys, yi + (size_t)s * (P) * j * ys, \
                      ys, ot, s, 1, tw + 2 * ((P) - 1) * j);                     \
    }
/* clang-format on */
FFT_STAGE(stage2, 2)
FFT_STAGE(stage3, 3)
FFT_STAGE(stage4, 4)
FFT_STAGE(stage5, 5)
#undef FFT_STAGE

/* Stage on an input whose support is j < nz (nz <= m): only the r = 0 term
 * of each butterfly is non-zero, so y = a_0 w^(j t) for j < nz and 0 after.
 * Used for the kernel, whose x pass has only ~kw non-zero inputs. */
static void FN(spread)(const float *xr, const float *xi, size_t xs, float *yr, float *yi,
                       size_t ys, int p, int s, int m, int nz, const float *tw)
{
    for (int j = 0; j < nz; j++) {
        const float *twj = tw + 2 * (size_t)(p - 1) * j;
        for (int q = 0; q < s; q++) {
            const V ar = v_ld(xr + (size_t)(q + s * j) * xs), ai = v_ld(xi + (size_t)(q + s * j) * xs);
            const size_t o = (size_t)(q + s * p * j) * ys;
            v_st(yr + o, ar);
            v_st(yi + o, ai);
            for (int t = 1; t < p; t++) {
                V br = ar, bi = ai;
                if (j) FN(cmul)
                (&br, &bi, v_ldsplat(twj + 2 * (t - 1)), v_ldsplat(twj + 2 * (t - 1) + 1));
                v_st(yr + o + (size_t)t * s * ys, br);
                v_st(yi + o + (size_t)t * s * ys, bi);
            }
        }
    }
    for (size_t e = (size_t)s * p * nz; e < (size_t)s * p * m; e++) {
        v_st(yr + e * ys, v_zero());
        v_st(yi + e * ys, v_zero());
    }
}

/* 4 transforms of length p->n whose input elements nz.. are zero (nz = n:
 * dense; the zeros must be present, only pruned stages skip them). Inverse = forward with re and im swapped (conj(F(conj x)) up to
 * the swap), so it costs nothing extra. Scratch: 16 n floats (two
 * ping-pong buffers). */
static void FN(cfft_nz)(const sc_fft_plan *p, const float *xr, const float *xi, int xs,
                        float *yr, float *yi, int ys, float *scratch, int inverse, int nz)
{
    if (inverse) {
        const float *t = xr;
        xr = xi;
        xi = t;
        float *u = yr;
        yr = yi;
        yi = u;
    }
    const int n = p->n;
    if (p->nstages == 0) {
        for (int i = 0; i < n; i++) {
            const V r = v_ld(xr + (size_t)i * xs), im = v_ld(xi + (size_t)i * xs);
            v_st(yr + (size_t)i * ys, r);
            v_st(yi + (size_t)i * ys, im);
        }
        return;
    }
    float *buf[2][2] = {{scratch, scratch + 4 * (size_t)n},
                        {scratch + 8 * (size_t)n, scratch + 12 * (size_t)n}};
    const float *sr = xr, *si = xi;
    size_t ss = (size_t)xs;
    for (int i = 0; i < p->nstages; i++) {
        const int last = i == p->nstages - 1;
        float *dr = last ? yr : buf[i & 1][0], *di = last ? yi : buf[i & 1][1];
        const size_t ds = last ? (size_t)ys : 4;
        if (nz <= p->m[i]) {
            FN(spread)
            (sr, si, ss, dr, di, ds, p->radix[i], p->s[i], p->m[i], nz, p->tw[i]);
        } else {
            switch (p->radix[i]) {
            case 4:
                FN(stage4)
                (sr, si, ss, dr, di, ds, p->s[i], p->m[i], p->tw[i]);
                break;
            case 2:
                FN(stage2)
                (sr, si, ss, dr, di, ds, p->s[i], p->m[i], p->tw[i]);
                break;
            case 3:
                FN(stage3)
                (sr, si, ss, dr, di, ds, p->s[i], p->m[i], p->tw[i]);
                break;
            default:
                FN(stage5)
                (sr, si, ss, dr, di, ds, p->s[i], p->m[i], p->tw[i]);
                break;
            }
        }
        sr = dr;
        si = di;
        ss = ds;
    }
}

static void FN(cfft)(const sc_fft_plan *p, const float *xr, const float *xi, int xs,
                     float *yr, float *yi, int ys, float *scratch, int inverse)
{
    FN(cfft_nz)
    (p, xr, xi, xs, yr, yi, ys, scratch, inverse, p->n);
}

/* ---- 2-D real transforms ------------------------------------------------
 * y pass: columns x0..x0+3 go in the real part and x0+4..x0+7 in the
 * imaginary part of one complex column batch; with Z = FFT(a + i b),
 *   A(k) = (Z(k) + conj Z(-k)) / 2,  B(k) = (Z(k) - conj Z(-k)) / (2i).
 * Results for ky = k0..k0+3 are transposed (4x4) into T rows x0..x0+7. */
static void FN(ypass_fwd)(const sc_fft2 *g, const float *src, int sw, int sh, int sstride,
                          float *tr, float *ti, float *scratch)
{
    const int ny = g->ny, ly = g->ly, rows = g->rows, half = ny / 2;
    float *zr = scratch, *zi = scratch + 4 * (size_t)ny, *work = scratch + 8 * (size_t)ny;
    const V h = v_splat(0.5f);
    int x0 = 0;
    for (; x0 < sw; x0 += 8) {
        const int nc = sw - x0 < 8 ? sw - x0 : 8;
        for (int y = 0; y < sh; y++) {
            const float *row = src + (size_t)y * sstride + x0;
            if (nc == 8) {
                v_st(zr + 4 * y, v_ld(row));
                v_st(zi + 4 * y, v_ld(row + 4));
            } else {
                float tmp[8] = {0};
                memcpy(tmp, row, sizeof(float) * nc);
                v_st(zr + 4 * y, v_ld(tmp));
                v_st(zi + 4 * y, v_ld(tmp + 4));
            }
        }
        for (int y = sh; y < ny; y++) {
            v_st(zr + 4 * y, v_zero());
            v_st(zi + 4 * y, v_zero());
        }
        FN(cfft)
        (g->py, zr, zi, 4, zr, zi, 4, work, 0);
        for (int k0 = 0; k0 < ly; k0 += 4) {
            V ar[4], ai[4], br[4], bi[4];
            for (int kk = 0; kk < 4; kk++) {
                const int k = k0 + kk;
                if (k > half) {
                    ar[kk] = ai[kk] = br[kk] = bi[kk] = v_zero();
                    continue;
                }
                const int c = k ? ny - k : 0;
                const V pr = v_ld(zr + 4 * k), pi = v_ld(zi + 4 * k);
                const V cr = v_ld(zr + 4 * c), ci = v_ld(zi + 4 * c);
                ar[kk] = v_mul(h, v_add(pr, cr));
                ai[kk] = v_mul(h, v_sub(pi, ci));
                br[kk] = v_mul(h, v_add(pi, ci));
                bi[kk] = v_mul(h, v_sub(cr, pr));
            }
            v_tr4(&ar[0], &ar[1], &ar[2], &ar[3]);
            v_tr4(&ai[0], &ai[1], &ai[2], &ai[3]);
            v_tr4(&br[0], &br[1], &br[2], &br[3]);
            v_tr4(&bi[0], &bi[1], &bi[2], &bi[3]);
            for (int l = 0; l < 4; l++) {
                const size_t ra = (size_t)k0 * rows + 4 * (size_t)(x0 + l), rb = ra + 16;
                v_st(tr + ra, ar[l]);
                v_st(ti + ra, ai[l]);
                v_st(tr + rb, br[l]);
                v_st(ti + rb, bi[l]);
            }
        }
    }
    /* Columns at or beyond sw are zero, so are their spectra. */
    if (x0 < rows)
        for (int k0 = 0; k0 < ly; k0 += 4) {
            memset(tr + (size_t)k0 * rows + 4 * (size_t)x0, 0, sizeof(float) * 4 * (size_t)(rows - x0));
            memset(ti + (size_t)k0 * rows + 4 * (size_t)x0, 0, sizeof(float) * 4 * (size_t)(rows - x0));
        }
}

/* x pass: one batch per block of 4 ky, contiguous in T. */
static void FN(rfft2)(const sc_fft2 *g, const float *src, int sw, int sh, int sstride,
                      float *tr, float *ti, float *scratch)
{
    FN(ypass_fwd)
    (g, src, sw, sh, sstride, tr, ti, scratch);
    for (int k0 = 0; k0 < g->ly; k0 += 4) {
        const size_t b = (size_t)k0 * g->rows;
        FN(cfft)
        (g->px, tr + b, ti + b, 4, tr + b, ti + b, 4, scratch, 0);
    }
}

/* Inverse: x pass on T, then per 8 columns rebuild the full Hermitian
 * column spectra of a and b and invert Z = A + iB (real part a, imag b). */
static void FN(ypass_inv)(const sc_fft2 *g, const float *tr, const float *ti, float *dst,
                          int dw, int dh, int dstride, float *scratch)
{
    const int ny = g->ny, rows = g->rows, half = ny / 2;
    float *zr = scratch, *zi = scratch + 4 * (size_t)ny, *work = scratch + 8 * (size_t)ny;
    for (int x0 = 0; x0 < dw; x0 += 8) {
        for (int k0 = 0; k0 <= half; k0 += 4) {
            V a[4], b[4], c[4], d[4];
            for (int l = 0; l < 4; l++) {
                const size_t ra = (size_t)k0 * rows + 4 * (size_t)(x0 + l), rb = ra + 16;
                a[l] = v_ld(tr + ra);
                b[l] = v_ld(ti + ra);
                c[l] = v_ld(tr + rb);
                d[l] = v_ld(ti + rb);
            }
            v_tr4(&a[0], &a[1], &a[2], &a[3]);
            v_tr4(&b[0], &b[1], &b[2], &b[3]);
            v_tr4(&c[0], &c[1], &c[2], &c[3]);
            v_tr4(&d[0], &d[1], &d[2], &d[3]);
            /* A = a + ib, B = c + id for ky = k: Z(k) = A + iB and, from
             * Hermitian symmetry, Z(ny - k) = conj A + i conj B. */
            for (int kk = 0; kk < 4 && k0 + kk <= half; kk++) {
                const int k = k0 + kk;
                v_st(zr + 4 * k, v_sub(a[kk], d[kk]));
                v_st(zi + 4 * k, v_add(b[kk], c[kk]));
                if (k == 0 || 2 * k == ny) continue;
                v_st(zr + 4 * (ny - k), v_add(a[kk], d[kk]));
                v_st(zi + 4 * (ny - k), v_sub(c[kk], b[kk]));
            }
        }
        FN(cfft)
        (g->py, zr, zi, 4, zr, zi, 4, work, 1);
        const int nc = dw - x0 < 8 ? dw - x0 : 8;
        for (int y = 0; y < dh; y++) {
            float *row = dst + (size_t)y * dstride + x0;
            if (nc == 8) {
                v_st(row, v_ld(zr + 4 * y));
                v_st(row + 4, v_ld(zi + 4 * y));
            } else {
                float tmp[8];
                v_st(tmp, v_ld(zr + 4 * y));
                v_st(tmp + 4, v_ld(zi + 4 * y));
                memcpy(row, tmp, sizeof(float) * nc);
            }
        }
    }
}

static void FN(irfft2)(const sc_fft2 *g, float *tr, float *ti, float *dst, int dw,
                       int dh, int dstride, float *scratch)
{
    for (int k0 = 0; k0 < g->ly; k0 += 4) {
        const size_t b = (size_t)k0 * g->rows;
        FN(cfft)
        (g->px, tr + b, ti + b, 4, tr + b, ti + b, 4, scratch, 1);
    }
    FN(ypass_inv)
    (g, tr, ti, dst, dw, dh, dstride, scratch);
}

/* The whole correlation given the image spectrum S: kernel y pass, then per
 * batch of 4 ky the kernel x pass into a contiguous buffer, the product
 * S conj(K) scale, and the inverse x pass straight back, so the kernel
 * spectrum never makes a round trip through memory; then the inverse y
 * pass. tr, ti: one T-layout plane each (work). */
static void FN(corr)(const sc_fft2 *g, const float *sr, const float *si, const float *k,
                     int kw, int kh, float *tr, float *ti, float *dst, int dw, int dh,
                     float scale, float *scratch)
{
    const int nx = g->nx, ly = g->ly;
    const size_t nmax = (size_t)(nx > g->ny ? nx : g->ny);
    float *cr = scratch + 16 * nmax, *ci = cr + 4 * (size_t)nx;
    const V sc = v_splat(scale);
    /* T rows from round8(kw) on are zero (ypass_fwd). */
    const int nz = ((kw + 7) & ~7) < nx ? (kw + 7) & ~7 : nx;
    FN(ypass_fwd)
    (g, k, kw, kh, kw, tr, ti, scratch);
    for (int k0 = 0; k0 < ly; k0 += 4) {
        const size_t b = (size_t)k0 * g->rows;
        FN(cfft_nz)
        (g->px, tr + b, ti + b, 4, cr, ci, 4, scratch, 0, nz);
        for (int x = 0; x < nx; x++) {
            const size_t o = b + 4 * (size_t)x;
            const V ar = v_ld(sr + o), ai = v_ld(si + o), br = v_ld(cr + 4 * x), bi = v_ld(ci + 4 * x);
            v_st(cr + 4 * x, v_mul(sc, v_add(v_mul(ar, br), v_mul(ai, bi))));
            v_st(ci + 4 * x, v_mul(sc, v_sub(v_mul(ai, br), v_mul(ar, bi))));
        }
        FN(cfft)
        (g->px, cr, ci, 4, tr + b, ti + b, 4, scratch, 1);
        /* Rows nx .. rows-1 still hold the kernel's y pass; ypass_inv packs
         * them as the imaginary partner of real columns, where they leaked
         * ~1e-15 |K| into outputs even for a zero image (found by fuzzing). */
        memset(tr + b + 4 * (size_t)nx, 0, sizeof(float) * 4 * (size_t)(g->rows - nx));
        memset(ti + b + 4 * (size_t)nx, 0, sizeof(float) * 4 * (size_t)(g->rows - nx));
    }
    FN(ypass_inv)
    (g, tr, ti, dst, dw, dh, dw, scratch);
}
