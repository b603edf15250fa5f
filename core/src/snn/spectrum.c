/* The rate's power spectrum through the core FFT (fft/fft.h): Welch's
 * estimate with non-overlapping Hann-windowed segments, four segments per
 * transform (one per lane of the batched cfft). */
#include <math.h>
#include <stdlib.h>
#include "simcore/snn.h"
#include "../base/internal.h"
#include "../fft/fft.h"

sc_status sc_snn_rate_spectrum(const float *rate, int n, int seg, float *power)
{
    if (!rate) return sc_fail(SC_ERR_NULL, "rate");
    if (!power) return sc_fail(SC_ERR_NULL, "power");
    if (seg < 4 || seg > 65536 || !sc_fft_is_smooth(seg)) return sc_fail(SC_ERR_SIZE, "seg");
    if (n < seg) return sc_fail(SC_ERR_SIZE, "n");
    for (int i = 0; i < n; i++)
        if (!isfinite(rate[i])) return sc_fail(SC_ERR_NONFINITE, "rate");
    const sc_fft_plan *p = sc_fft_plan_get(seg);
    size_t fl = (size_t)4 * seg;
    float *buf = aligned_alloc(16, sizeof(float) * fl * 10); /* xr, xi, scratch 8 */
    if (!p || !buf) {
        free(buf);
        return sc_fail(SC_ERR_NOMEM, "seg");
    }
    float *xr = buf, *xi = buf + fl, *scratch = buf + 2 * fl;
    int nseg = n / seg, nf = seg / 2 + 1;
    double *acc = calloc((size_t)nf, sizeof(double));
    if (!acc) {
        free(buf);
        return sc_fail(SC_ERR_NOMEM, "seg");
    }
    double mean = 0, wsum = 0;
    for (int i = 0; i < nseg * seg; i++) mean += rate[i];
    mean /= nseg * seg; /* the DC term would swamp the low bins' leakage */
    for (int i = 0; i < seg; i++) {
        double w = 0.5 - 0.5 * cos(6.283185307179586 * i / seg);
        wsum += w * w;
    }
    const sc_fft_variant *var = sc_fft_variants[sc_fft_variant_count - 1];
    for (int s0 = 0; s0 < nseg; s0 += 4) {
        for (int i = 0; i < seg; i++) {
            double w = 0.5 - 0.5 * cos(6.283185307179586 * i / seg);
            for (int l = 0; l < 4; l++) {
                int s = s0 + l;
                xr[4 * i + l] = s < nseg ? (float)(w * (rate[(size_t)s * seg + i] - mean)) : 0.0f;
                xi[4 * i + l] = 0.0f;
            }
        }
        var->cfft(p, xr, xi, 4, xr, xi, 4, scratch, 0);
        for (int k = 0; k < nf; k++)
            for (int l = 0; l < 4 && s0 + l < nseg; l++) {
                double re = xr[4 * k + l], im = xi[4 * k + l];
                acc[k] += re * re + im * im;
            }
    }
    /* One-sided density in (rate unit)^2 per Hz at fs = 1000 Hz. */
    for (int k = 0; k < nf; k++) {
        double one_sided = (k == 0 || 2 * k == seg) ? 1.0 : 2.0;
        power[k] = (float)(one_sided * acc[k] / (nseg * wsum * 1000.0));
    }
    free(acc);
    free(buf);
    /* Finite rates near FLT_MAX square past it: say so, never a silent inf. */
    return sc_check_output(power, (size_t)nf, "power");
}
