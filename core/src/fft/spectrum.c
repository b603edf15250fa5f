/* Centred magnitude spectrum of a small complex image (simcore/fft.h): a 2-D
 * complex transform done as batches of four 1-D transforms with the FFT
 * variant the convolution uses, rows first, then columns after a repack.
 * The data sits in the variants' lane layout: 4 transforms interleaved,
 * element n of lane l at base + 4 n + l. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "simcore/fft.h"
#include "fft.h"

sc_status sc_fft_spectrum_size(int width, int height, int *size)
{
    if (width <= 0 || width > SC_FFT_MAX_SPECTRUM) return sc_fail(SC_ERR_SIZE, "width");
    if (height <= 0 || height > SC_FFT_MAX_SPECTRUM) return sc_fail(SC_ERR_SIZE, "height");
    if (!size) return sc_fail(SC_ERR_NULL, "size");
    const int m = width > height ? width : height;
    int p = 64;
    while (p < 2 * m && p < SC_FFT_MAX_SPECTRUM) p *= 2;
    *size = p;
    return SC_OK;
}

static float *align16(void *p) { return (float *)(void *)((char *)p + (16 - (uintptr_t)p % 16) % 16); }

sc_status sc_fft_spectrum(const float *re, const float *im, int width, int height, int size, float *out)
{
    if (!re) return sc_fail(SC_ERR_NULL, "re");
    int auto_size = 0;
    sc_status st = sc_fft_spectrum_size(width, height, &auto_size);
    if (st != SC_OK) return st;
    if (!out) return sc_fail(SC_ERR_NULL, "out");
    const int p = size == 0 ? auto_size : size;
    if (p <= 0 || p < (width > height ? width : height) || p > SC_FFT_MAX_SPECTRUM || p % 4 != 0 || !sc_fft_is_smooth(p))
        return sc_fail(SC_ERR_SIZE, "size");
    const size_t n = (size_t)width * height;
    if (!sc_all_finite(re, n)) return sc_fail(SC_ERR_NONFINITE, "re");
    if (im && !sc_all_finite(im, n)) return sc_fail(SC_ERR_NONFINITE, "im");

    const size_t plane = (size_t)p * p, nscratch = 16 * (size_t)p;
    float *block = calloc(4 * plane + nscratch + 4, sizeof(float));
    const sc_fft_plan *plan = block ? sc_fft_plan_get(p) : NULL;
    if (!block || !plan) {
        free(block);
        return sc_fail(SC_ERR_NOMEM, "size");
    }
    float *ar = align16(block), *ai = ar + plane, *br = ai + plane, *bi = br + plane, *scratch = bi + plane;
    const sc_fft_variant *v = sc_fft_variants[sc_fft_variant_count - 1];

    /* Rows in lane layout: row r = 4 b + l, element x at (b p + x) 4 + l,
     * the image's centre pixel moved to (0, 0). */
    const int cx = width / 2, cy = height / 2;
    for (int y = 0; y < height; y++) {
        const int r = (y - cy + p) % p;
        for (int x = 0; x < width; x++) {
            const size_t at = ((size_t)(r / 4) * p + (size_t)((x - cx + p) % p)) * 4 + (size_t)(r % 4);
            ar[at] = re[(size_t)y * width + x];
            if (im) ai[at] = im[(size_t)y * width + x];
        }
    }
    for (int b = 0; b < p / 4; b++) {
        float *xr = ar + (size_t)b * p * 4, *xi = ai + (size_t)b * p * 4;
        v->cfft(plan, xr, xi, 4, xr, xi, 4, scratch, 0);
    }
    /* Columns in lane layout: column c = 4 b + l, element y at (b p + y) 4 + l. */
    for (int y = 0; y < p; y++)
        for (int c = 0; c < p; c++) {
            const size_t from = ((size_t)(y / 4) * p + c) * 4 + (size_t)(y % 4);
            const size_t to = ((size_t)(c / 4) * p + y) * 4 + (size_t)(c % 4);
            br[to] = ar[from];
            bi[to] = ai[from];
        }
    for (int b = 0; b < p / 4; b++) {
        float *xr = br + (size_t)b * p * 4, *xi = bi + (size_t)b * p * 4;
        v->cfft(plan, xr, xi, 4, xr, xi, 4, scratch, 0);
    }
    const int half = p / 2;
    for (int ky = 0; ky < p; ky++)
        for (int kx = 0; kx < p; kx++) {
            const size_t at = ((size_t)(kx / 4) * p + ky) * 4 + (size_t)(kx % 4);
            out[(size_t)((ky + half) % p) * p + (size_t)((kx + half) % p)] =
                (float)hypot((double)br[at], (double)bi[at]);
        }
    free(block);
    /* Finite inputs near the float maximum can sum past it. */
    return sc_check_output(out, plane, "out");
}
