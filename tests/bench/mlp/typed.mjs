// Plain JS over typed arrays: the same SGD as the core (batch-mean gradient,
// no momentum) with Float32Array weights and straightforward loops, layer by
// layer for each sample of a batch; the mean training loss after each epoch.
export function typedTrainer({ sizes, x, t, count, batch, eta }, w0) {
  const L = sizes.length - 1, nin = sizes[0], nout = sizes[L];
  const w = Float32Array.from(w0), g = new Float32Array(w.length);
  const off = [0];
  for (let l = 1; l <= L; l++) off.push(off[l - 1] + sizes[l] * (sizes[l - 1] + 1));
  const y = sizes.map((n) => new Float64Array(n)), d = sizes.map((n) => new Float64Array(n));

  function forward(i) {
    for (let k = 0; k < nin; k++) y[0][k] = x[i * nin + k];
    for (let l = 1; l <= L; l++) {
      const ni = sizes[l - 1], no = sizes[l], o = off[l - 1], b = o + no * ni, yin = y[l - 1], yo = y[l];
      for (let j = 0; j < no; j++) {
        let v = w[b + j];
        const r = o + j * ni;
        for (let k = 0; k < ni; k++) v += w[r + k] * yin[k];
        yo[j] = l < L ? Math.tanh(v) : v;
      }
    }
    if (nout > 1) { // softmax
      const o = y[L];
      let m = -Infinity, s = 0;
      for (let k = 0; k < nout; k++) m = Math.max(m, o[k]);
      for (let k = 0; k < nout; k++) s += (o[k] = Math.exp(o[k] - m));
      for (let k = 0; k < nout; k++) o[k] /= s;
    }
  }

  function loss(i) {
    let s = 0;
    for (let k = 0; k < nout; k++) {
      const tk = t[i * nout + k];
      s += nout > 1 ? (tk ? -tk * Math.log(y[L][k]) : 0) : 0.5 * (y[L][k] - tk) ** 2;
    }
    return s;
  }

  function backward(i, scale) {
    for (let k = 0; k < nout; k++) d[L][k] = y[L][k] - t[i * nout + k];
    for (let l = L; l >= 1; l--) {
      const ni = sizes[l - 1], no = sizes[l], o = off[l - 1], b = o + no * ni, yin = y[l - 1], dl = d[l];
      for (let j = 0; j < no; j++) {
        const dj = dl[j] * scale, r = o + j * ni;
        for (let k = 0; k < ni; k++) g[r + k] += dj * yin[k];
        g[b + j] += dj;
      }
      if (l === 1) break;
      const dp = d[l - 1];
      for (let k = 0; k < ni; k++) dp[k] = 0;
      for (let j = 0; j < no; j++) {
        const dj = dl[j], r = o + j * ni;
        for (let k = 0; k < ni; k++) dp[k] += dj * w[r + k];
      }
      for (let k = 0; k < ni; k++) dp[k] *= 1 - yin[k] * yin[k];
    }
  }

  return {
    epochs(k) {
      let total = 0;
      for (let e = 0; e < k; e++) {
        for (let first = 0; first < count; first += batch) {
          const m = Math.min(batch, count - first);
          g.fill(0);
          for (let i = first; i < first + m; i++) {
            forward(i);
            backward(i, 1 / m);
          }
          for (let q = 0; q < w.length; q++) w[q] -= eta * g[q];
        }
        total = 0;
        for (let i = 0; i < count; i++) {
          forward(i);
          total += loss(i);
        }
      }
      return total / count;
    },
    weights: () => Float32Array.from(w),
  };
}
