/* TEMPORARY stub (replaced by the SVD low-rank implementation). */
#include "conv_internal.h"
sc_status sc_conv_separable(const float *padded, int pw, int w, int h,
                            const float *k, int kw, int kh, float rank_tol,
                            float *out, int *rank)
{
    (void)rank_tol;
    sc_direct_corr_scalar(padded, pw, w, h, k, kw, kh, out);
    *rank = kw < kh ? kw : kh;
    return SC_OK;
}
int sc_kernel_rank(const float *k, int kw, int kh, float rank_tol)
{
    (void)k; (void)rank_tol;
    return kw < kh ? kw : kh;
}
