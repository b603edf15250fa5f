/* The lenet layers, forward and backward, written once for a real type R
 * and instantiated twice: float (layers_f32.c, the networks; hot loops
 * through the kernels of kern.h) and double (layers_f64.c, the reference
 * the native test checks against central differences). The includer
 * defines R, LN(name), the kernels K_CONV_FWD / K_CONV_BIN / K_CONV_BW /
 * K_FC_FWD / K_FC_BIN / K_TANH (in place, n values), EXP, LOG, and MAXR.
 * Backward functions add into the weight gradient and overwrite the input
 * gradient (din may be NULL where no layer below needs it). */

/* Convolution: weights of output map o, connected input maps ascending,
 * ks x ks each, then cout biases. */
int LN(conv_weights)(const ln_conv *c)
{
    return ln_conv_links(c) * c->ks * c->ks + c->cout;
}

void LN(conv_fwd)(const ln_conv *c, const R *w, const R *in, R *out)
{
    const int oh = c->ih - c->ks + 1, ow = c->iw - c->ks + 1, kk = c->ks * c->ks;
    const R *kw = w, *b = w + ln_conv_links(c) * kk;
    for (int o = 0; o < c->cout; o++) {
        R *plane = out + (size_t)o * oh * ow;
        for (int p = 0; p < oh * ow; p++) plane[p] = b[o];
        for (int i = 0; i < c->cin; i++) {
            if (!ln_conv_linked(c, o, i)) continue;
            K_CONV_FWD(in + (size_t)i * c->ih * c->iw, c->ih, c->iw, kw, c->ks, plane);
            kw += kk;
        }
    }
}

void LN(conv_bwd)(const ln_conv *c, const R *w, const R *in, const R *dout, R *dw, R *din)
{
    const int oh = c->ih - c->ks + 1, ow = c->iw - c->ks + 1, kk = c->ks * c->ks;
    const int nk = ln_conv_links(c) * kk;
    const R *kw = w;
    R *dk = dw, *db = dw + nk;
    if (din)
        for (int p = 0; p < c->cin * c->ih * c->iw; p++) din[p] = 0;
    for (int o = 0; o < c->cout; o++) {
        const R *dp = dout + (size_t)o * oh * ow;
        R s = 0;
        for (int p = 0; p < oh * ow; p++) s += dp[p];
        db[o] += s;
        for (int i = 0; i < c->cin; i++) {
            if (!ln_conv_linked(c, o, i)) continue;
            K_CONV_BW(in + (size_t)i * c->ih * c->iw, dp, oh, ow, c->ks, dk);
            if (din) K_CONV_BIN(dp, oh, ow, kw, c->ks, din + (size_t)i * c->ih * c->iw);
            kw += kk;
            dk += kk;
        }
    }
}

/* LeNet's subsampling: out = coef[c] (sum of a 2 x 2 block) + bias[c];
 * weights coef[0..n), bias[0..n). */
void LN(sub_fwd)(int n, int ih, int iw, const R *w, const R *in, R *out)
{
    const int oh = ih / 2, ow = iw / 2;
    for (int c = 0; c < n; c++) {
        const R *p = in + (size_t)c * ih * iw;
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                const R *q = p + 2 * y * iw + 2 * x;
                out[(c * oh + y) * ow + x] = w[c] * ((q[0] + q[1]) + (q[iw] + q[iw + 1])) + w[n + c];
            }
    }
}

void LN(sub_bwd)(int n, int ih, int iw, const R *w, const R *in, const R *dout, R *dw, R *din)
{
    const int oh = ih / 2, ow = iw / 2;
    for (int c = 0; c < n; c++) {
        const R *p = in + (size_t)c * ih * iw;
        R sc = 0, sb = 0;
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                const R *q = p + 2 * y * iw + 2 * x;
                const R d = dout[(c * oh + y) * ow + x];
                sc += d * ((q[0] + q[1]) + (q[iw] + q[iw + 1]));
                sb += d;
                if (din) {
                    R *r = din + (size_t)c * ih * iw + 2 * y * iw + 2 * x;
                    r[0] = r[1] = r[iw] = r[iw + 1] = w[c] * d;
                }
            }
        dw[c] += sc;
        dw[n + c] += sb;
    }
}

/* 2 x 2 average pooling (no weights). */
void LN(avg_fwd)(int n, int ih, int iw, const R *in, R *out)
{
    const int oh = ih / 2, ow = iw / 2;
    for (int c = 0; c < n; c++)
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                const R *q = in + (size_t)c * ih * iw + 2 * y * iw + 2 * x;
                out[(c * oh + y) * ow + x] = (R)0.25 * ((q[0] + q[1]) + (q[iw] + q[iw + 1]));
            }
}

void LN(avg_bwd)(int n, int ih, int iw, const R *dout, R *din)
{
    const int oh = ih / 2, ow = iw / 2;
    for (int c = 0; c < n; c++)
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                R *r = din + (size_t)c * ih * iw + 2 * y * iw + 2 * x;
                r[0] = r[1] = r[iw] = r[iw + 1] = (R)0.25 * dout[(c * oh + y) * ow + x];
            }
}

/* 2 x 2 max pooling; arg[j] the input index of output j's maximum (the
 * first of equal values, scanning the block row by row). */
void LN(max_fwd)(int n, int ih, int iw, const R *in, R *out, int *arg)
{
    const int oh = ih / 2, ow = iw / 2;
    for (int c = 0; c < n; c++)
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                const int base = c * ih * iw + 2 * y * iw + 2 * x;
                const int idx[4] = {base, base + 1, base + iw, base + iw + 1};
                int best = idx[0];
                for (int t = 1; t < 4; t++)
                    if (in[idx[t]] > in[best]) best = idx[t];
                const int j = (c * oh + y) * ow + x;
                out[j] = in[best];
                arg[j] = best;
            }
}

void LN(max_bwd)(int n, int ih, int iw, const R *dout, const int *arg, R *din)
{
    for (int p = 0; p < n * ih * iw; p++) din[p] = 0;
    for (int j = 0; j < n * (ih / 2) * (iw / 2); j++) din[arg[j]] += dout[j];
}

/* Fully connected: W out x in row-major, then out biases. */
void LN(fc_fwd)(int in, int out, const R *w, const R *x, R *y) { K_FC_FWD(w, x, w + (size_t)out * in, out, in, y); }

void LN(fc_bwd)(int in, int out, const R *w, const R *x, const R *dy, R *dw, R *dx)
{
    for (int k = 0; k < out; k++) {
        const R d = dy[k];
        R *row = dw + (size_t)k * in;
        for (int i = 0; i < in; i++) row[i] += d * x[i];
        dw[(size_t)out * in + k] += d;
    }
    if (dx) K_FC_BIN(w, dy, out, in, dx);
}

/* Euclidean RBF: y_i = sum_j (x_j - c_ij)^2, codes fixed (no gradient). */
void LN(rbf_fwd)(int in, int out, const R *codes, const R *x, R *y)
{
    for (int i = 0; i < out; i++) {
        R s = 0;
        for (int j = 0; j < in; j++) {
            const R e = x[j] - codes[i * in + j];
            s += e * e;
        }
        y[i] = s;
    }
}

void LN(rbf_bwd)(int in, int out, const R *codes, const R *x, const R *dy, R *dx)
{
    for (int j = 0; j < in; j++) {
        R s = 0;
        for (int i = 0; i < out; i++) s += dy[i] * (R)2 * (x[j] - codes[i * in + j]);
        dx[j] = s;
    }
}

/* Activations y = f(a); backward da = dy f'(a), written with y. */
void LN(act_fwd)(ln_act f, const R *a, R *y, int n)
{
    switch (f) {
    case LN_SCALED_TANH:
        for (int i = 0; i < n; i++) y[i] = (R)LN_TANH_S * a[i];
        K_TANH(y, n);
        for (int i = 0; i < n; i++) y[i] = (R)LN_TANH_A * y[i];
        break;
    case LN_RELU:
        for (int i = 0; i < n; i++) y[i] = a[i] > 0 ? a[i] : 0;
        break;
    case LN_LOGISTIC:
        for (int i = 0; i < n; i++) y[i] = 1 / (1 + EXP(-a[i]));
        break;
    }
}

void LN(act_bwd)(ln_act f, const R *a, const R *y, const R *dy, R *da, int n)
{
    switch (f) {
    case LN_SCALED_TANH:
        for (int i = 0; i < n; i++) {
            const R t = y[i] / (R)LN_TANH_A;
            da[i] = dy[i] * (R)(LN_TANH_A * LN_TANH_S) * (1 - t * t);
        }
        break;
    case LN_RELU:
        for (int i = 0; i < n; i++) da[i] = a[i] > 0 ? dy[i] : 0;
        break;
    case LN_LOGISTIC:
        for (int i = 0; i < n; i++) da[i] = dy[i] * y[i] * (1 - y[i]);
        break;
    }
}

/* Losses of one sample: the value, and dE/dy in dy. */
R LN(loss_mle)(const R *y, int n, int label, R *dy)
{
    for (int i = 0; i < n; i++) dy[i] = i == label ? 1 : 0;
    return y[label];
}

/* E = y_D + log(e^-j + sum_i e^-y_i) (the paper's eq. 9), stable. */
R LN(loss_map)(const R *y, int n, int label, R j, R *dy)
{
    R m = j;
    for (int i = 0; i < n; i++) m = y[i] < m ? y[i] : m;
    R z = EXP(m - j);
    for (int i = 0; i < n; i++) z += EXP(m - y[i]);
    for (int i = 0; i < n; i++) dy[i] = (i == label ? 1 : 0) - EXP(m - y[i]) / z;
    return y[label] - m + LOG(z);
}

/* Softmax cross-entropy on logits z: p = softmax(z), E = -log p_label. */
R LN(loss_softmax)(const R *z, int n, int label, R *p, R *dz)
{
    R m = z[0];
    for (int i = 1; i < n; i++) m = z[i] > m ? z[i] : m;
    R s = 0; /* >= 1 once summed: the maximum's term is e^0 */
    for (int i = 0; i < n; i++) s += p[i] = EXP(z[i] - m);
    if (!(s >= 1)) s = 1; /* n < 1 or a NaN logit: keeps log's argument valid */
    for (int i = 0; i < n; i++) {
        p[i] /= s;
        dz[i] = p[i] - (i == label ? 1 : 0);
    }
    return m + LOG(s) - z[label];
}

/* E = 1/2 sum (y - t)^2. */
R LN(loss_square)(const R *y, const R *t, int n, R *dy)
{
    R e = 0;
    for (int i = 0; i < n; i++) {
        dy[i] = y[i] - t[i];
        e += dy[i] * dy[i];
    }
    return e / 2;
}
