// TF.js with tfjs-core ops: the same network, loss and plain SGD as the
// other peers. Back-propagation is written out with tf ops (matMul with
// transpose flags, tanh, softmax, sums) and applied with variable.assign,
// because tf's autodiff cannot run here: the tfjs-core bundle registers
// gradients for only a few kernels (the full set ships with the
// @tensorflow/tfjs umbrella package, not installed), and tf.grads fails with
// "gradient function not found for RealDiv". Batches are pre-cut into
// tensors outside the timing; the mean training loss after each epoch is
// read back with dataSync (one sync per epoch).
export function tfTrainer(tf, { sizes, x, t, count, batch, eta }, w0) {
  const L = sizes.length - 1, nin = sizes[0], nout = sizes[L];
  const W = [], B = [];
  let off = 0;
  for (let l = 1; l <= L; l++) {
    const ni = sizes[l - 1], no = sizes[l];
    const rowMajor = tf.tensor2d(w0.subarray(off, off + no * ni), [no, ni]);
    W.push(tf.variable(tf.transpose(rowMajor))); // ni x no: h W
    B.push(tf.variable(tf.tensor1d(w0.subarray(off + no * ni, off + no * (ni + 1)))));
    rowMajor.dispose();
    off += no * (ni + 1);
  }
  // Outputs of every layer (h[0] = x); the last is linear or softmax.
  const forward = (xb) => {
    const h = [xb];
    for (let l = 0; l < L; l++) {
      const v = tf.add(tf.matMul(h[l], W[l]), B[l]);
      h.push(l < L - 1 ? tf.tanh(v) : nout > 1 ? tf.softmax(v) : v);
    }
    return h;
  };
  const step = (xb, tb) => tf.tidy(() => {
    const h = forward(xb);
    let d = tf.div(tf.sub(h[L], tb), xb.shape[0]); // dE/dv of the output, batch mean
    const grads = [];
    for (let l = L - 1; l >= 0; l--) {
      grads[l] = [tf.matMul(h[l], d, true, false), tf.sum(d, 0)];
      if (l > 0) d = tf.mul(tf.matMul(d, W[l], false, true), tf.sub(1, tf.square(h[l])));
    }
    for (let l = 0; l < L; l++) {
      W[l].assign(tf.sub(W[l], tf.mul(eta, grads[l][0])));
      B[l].assign(tf.sub(B[l], tf.mul(eta, grads[l][1])));
    }
  });
  const meanLoss = (xb, tb) => tf.tidy(() => {
    const y = forward(xb)[L];
    const per = nout > 1 ? tf.neg(tf.mul(tb, tf.log(y))) : tf.mul(0.5, tf.square(tf.sub(y, tb)));
    return tf.div(tf.sum(per), xb.shape[0]).dataSync()[0];
  });
  const batches = [];
  for (let first = 0; first < count; first += batch) {
    const m = Math.min(batch, count - first);
    batches.push([tf.tensor2d(x.subarray(first * nin, (first + m) * nin), [m, nin]),
      tf.tensor2d(t.subarray(first * nout, (first + m) * nout), [m, nout])]);
  }
  const all = [tf.tensor2d(x, [count, nin]), tf.tensor2d(t, [count, nout])];
  return {
    epochs(k) {
      let l = 0;
      for (let e = 0; e < k; e++) {
        for (const [xb, tb] of batches) step(xb, tb);
        l = meanLoss(all[0], all[1]);
      }
      return l;
    },
    weights() {
      const w = [];
      for (let l = 0; l < L; l++) w.push(...tf.tidy(() => tf.transpose(W[l]).dataSync()), ...B[l].dataSync());
      return Float32Array.from(w);
    },
    dispose() {
      [...W, ...B, ...all, ...batches.flat()].forEach((v) => v.dispose());
    },
  };
}
