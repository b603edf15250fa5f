// <simcore-mlp>'s training run as a session (shared/sessions.mjs): the data
// and one or two networks (configurations A and B, side by side) live in
// the compute lane; the page asks for one frame per animation frame. A step
// trains every network the same number of epochs, within a time budget, so
// the training rate does not depend on the frame rate; after each epoch it
// measures the training and test loss and error rate (the per-epoch curves),
// and the frame carries the decision maps, weights, the gradient norm and
// the test confusion matrix. Back-propagation, initialisation, losses and
// the double moon are the core's (sc.createMLP, docs/mlp.md); this file
// only standardises the inputs and counts errors.
import { addPoints, makeData, rng } from './data.mjs';

const OUTPUT = { mse: 'linear', bce: 'logistic', ce: 'softmax' };

/** Per-axis mean and standard deviation of the training inputs (Haykin's "mean zero, variance equalisation"). */
function fitScale(x, on) {
  if (!on) return { m: [0, 0], s: [1, 1] };
  const n = x.length / 2;
  const m = [0, 0];
  const s = [0, 0];
  for (let i = 0; i < n; i++) for (let k = 0; k < 2; k++) m[k] += x[2 * i + k] / n;
  for (let i = 0; i < n; i++) for (let k = 0; k < 2; k++) s[k] += (x[2 * i + k] - m[k]) ** 2 / n;
  return { m, s: s.map((v) => Math.sqrt(v) || 1) };
}

function scale(x, tf) {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 2) {
    out[i] = (x[i] - tf.m[0]) / tf.s[0];
    out[i + 1] = (x[i + 1] - tf.m[1]) / tf.s[1];
  }
  return out;
}

/** Targets for the loss: ±1 (squared error), 0/1 (binary cross-entropy), class indices (softmax). */
function targets(c, loss) {
  return loss === 'mse' ? Float32Array.from(c, (k) => 2 * k - 1) : Float32Array.from(c);
}

/** The class each output row says: sign (linear), > 1/2 (logistic), the first largest of K (softmax). */
function classOf(out, i, loss, K) {
  if (loss === 'ce') {
    let best = 0;
    for (let k = 1; k < K; k++) if (out[K * i + k] > out[K * i + best]) best = k;
    return best;
  }
  return out[i] > (loss === 'mse' ? 0 : 0.5) ? 1 : 0;
}

/**
 * The map's values: two classes, a score in [0, 1] per point ("how much
 * class +1"); K > 2 classes, the K softmax outputs per point as they are.
 */
function toScore(out, loss, K) {
  if (K > 2) return out;
  const n = loss === 'ce' ? out.length / 2 : out.length;
  const s = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = loss === 'ce' ? out[2 * i + 1] : loss === 'mse' ? (out[i] + 1) / 2 : out[i];
    s[i] = Math.min(1, Math.max(0, v));
  }
  return s;
}

/** Errors of the network on a set; `confusion` (K × K, row: true class, column: said class) when asked. */
function errors(net, set, loss, K, confusion) {
  if (!set.c.length) return 0;
  const out = net.predict(set.xs);
  let wrong = 0;
  for (let i = 0; i < set.c.length; i++) {
    const k = classOf(out, i, loss, K);
    if (k !== set.c[i]) wrong++;
    if (confusion) confusion[K * set.c[i] + k]++;
  }
  return wrong;
}

/** A seeded order of the training samples for one-sample steps (Fisher–Yates). */
function sampleOrder(n, seed) {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const rand = rng(seed * 7919 + 5);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function prepare(set, tf, loss) {
  return { ...set, xs: scale(set.x, tf), t: targets(set.c, loss) };
}

/**
 * The schedule's place for an epoch: `e` (epochs completed) of the run's
 * `scheduleEpochs` (the page's epoch limit), so a run of one-epoch calls
 * anneals η exactly as one call of that many epochs (the core's rule,
 * docs/mlp.md). Past the limit (a step after it), the last epoch's η.
 */
function place(o, e) {
  if (!o.scheduleEpochs) return {};
  return { scheduleFrom: Math.min(e, o.scheduleEpochs - 1) };
}

/**
 * Haykin's early stopping across one-epoch calls: the best test loss so far
 * and its weights; after `patience` epochs without a strictly lower one the
 * best weights come back and the network stops (`stopped: 'test-error'`,
 * the name the core's fit() gives the same rule within one call).
 */
function watchTest(st, m, patience) {
  if (!st.test.c.length) return;
  const testLoss = m.rows[m.rows.length - 3];
  if (!m.best || testLoss < m.best.loss) {
    m.best = { loss: testLoss, epoch: st.epoch, weights: m.net.getWeights() };
  } else if (st.epoch - m.best.epoch >= patience) {
    m.net.setWeights(m.best.weights);
    m.stopped = 'test-error';
    m.counts = null; // the frame measures the restored weights
  }
}

/** One row of the curves for network `m` now: training loss (given, from train(), or measured). */
function measure(st, m, trainLoss) {
  const { train, test } = st;
  const lossTrain = trainLoss ?? m.net.loss(train.xs, train.t);
  const lossTest = test.c.length ? m.net.loss(test.xs, test.t) : NaN;
  m.counts = counts(st, m);
  m.rows.push(st.epoch, lossTrain, lossTest, m.counts.trainErrors / train.c.length,
    test.c.length ? m.counts.testErrors / test.c.length : NaN);
}

/** Errors on both sets and the test confusion matrix, for the weights as they are now. */
function counts(st, m) {
  const confusion = new Int32Array(st.K * st.K);
  const testErrors = errors(m.net, st.test, st.loss, st.K, confusion);
  return { epoch: st.epoch, testErrors, trainErrors: errors(m.net, st.train, st.loss, st.K), confusion };
}

export const SESSIONS = {
  /**
   * params: data ({ data, n, nTest, r, w, d, noise, classes, seed, added: [[x, y, c]] }),
   * nets ([{ units: [..], acts: [..] }], one or two), loss ('mse' | 'bce' |
   * 'ce'; with more than two classes always 'ce'), seed (initial weights and sample order, the same for every
   * network), preprocess ('standardize' | 'none'), grid (map side, points).
   */
  train: {
    create(sc, { data, nets, loss: asked, seed, preprocess, grid }) {
      if (!OUTPUT[asked]) throw new RangeError(`mlp.train: unknown loss ${asked}`);
      if (!Array.isArray(nets) || nets.length < 1 || nets.length > 2) throw new RangeError('mlp.train: nets must hold 1 or 2 networks');
      const sets = makeData(sc, data);
      const K = sets.classes;
      // More than two classes: softmax outputs and cross-entropy, whatever the two-class choice.
      const loss = K > 2 ? 'ce' : asked;
      const tf = fitScale(sets.train.x, preprocess !== 'none');
      const out = loss === 'ce' ? K : 1;
      const made = [];
      try {
        for (const spec of nets) {
          const layers = [2, ...spec.units, out];
          made.push({ net: sc.createMLP({ layers, activation: spec.acts, output: OUTPUT[loss], loss, seed }), layers, acts: spec.acts, rows: [] });
        }
      } catch (err) {
        for (const m of made) m.net.dispose();
        throw err;
      }
      const st = { sc, loss, K, tf, grid, view: sets.view, epoch: 0, nets: made, seed, cursor: 0,
        train: prepare(sets.train, tf, loss), test: prepare(sets.test, tf, loss) };
      st.order = sampleOrder(st.train.c.length, seed);
      for (const m of made) measure(st, m);
      return st;
    },

    /**
     * One frame. args, applied in this order: `add` ([[x, y, c]]: points
     * joining the training set), `reset` (every network back to its initial
     * weights, epoch 0), then up to `epochs` epochs of training with `train`
     * ({ eta, alpha, decay, batch }, shuffled) while `budgetMs` lasts (at
     * least one when epochs ≥ 1; `train.scheduleEpochs` places each
     * epoch in the η schedule, `stop` ({ gradTol, changeTol, patience })
     * applies the lecture's stopping rules, after which a network stays
     * stopped until reset: its frame's `stopped` names the rule), or `samples` one-sample steps (the
     * frame's `sample` names the last; trainSamples(); with `bp` each
     * network's frame has the BP view of that step: bpView()); `map` asks for
     * the decision maps, `weights` for the weights, `units` ({ layer,
     * grid }) for every hidden unit's map of one layer (unitMaps()). Returns { epoch, epochsRun, ms, nets: [{ rows (the
     * new curve rows, CURVE_ROW values each: frame-args.mjs), testErrors, testCount, trainErrors,
     * trainCount, confusion, gradNorm, map?, weights?, diverged? }] };
     * a network whose weights overflowed stops (`diverged`: the message) until reset. The frame's
     * `eta` is the η of the last epoch trained.
     */
    step(st, args = {}) {
      if (args.add?.length) {
        st.train = prepare(addPoints(st.train, args.add), st.tf, st.loss);
        for (const m of st.nets) m.counts = null; // the training set changed
        st.order = sampleOrder(st.train.c.length, st.seed);
        st.cursor = 0;
      }
      if (args.reset) {
        st.epoch = 0;
        st.cursor = 0;
        for (const m of st.nets) {
          m.net.reset();
          m.diverged = null;
          m.stopped = null;
          m.best = null;
          m.counts = null;
          m.rows.length = 0;
          measure(st, m);
        }
      }
      const max = args.epochs ?? 0;
      const budget = args.budgetMs ?? 8;
      const t0 = performance.now();
      let run = 0;
      const o = { epochs: 1, shuffle: true, ...args.train };
      const rules = { gradTol: args.stop?.gradTol ?? 0, changeTol: args.stop?.changeTol ?? 0 };
      const live = () => st.nets.some((m) => !m.diverged && !m.stopped);
      while (run < max && live() && (run === 0 || performance.now() - t0 < budget)) {
        const placed = { ...o, ...rules, ...place(o, st.epoch) };
        st.epoch++;
        run++;
        for (const m of st.nets) {
          if (m.diverged || m.stopped) continue;
          try {
            // One epoch of the core's fit: its schedule placed at this epoch, its gradient and change rules.
            const r = m.net.fit(st.train.xs, st.train.t, placed);
            st.eta = r.eta[0];
            measure(st, m, r.loss[0]);
            if (r.stopped !== 'epochs') m.stopped = r.stopped;
            else if (args.stop?.patience > 0) watchTest(st, m, args.stop.patience);
          } catch (err) {
            // η too large (or α too close to 1): the core refuses weights that overflow float32.
            if (!(err instanceof RangeError)) throw err;
            m.diverged = err.message;
          }
        }
      }
      if (run) st.cursor = 0; // a whole epoch starts the one-sample order afresh
      for (const m of st.nets) m.bp = null;
      const sample = args.samples > 0 ? trainSamples(st, args.samples, o, args.bp) : undefined;
      const ms = performance.now() - t0;
      const out = frame(st, args, run, ms);
      if (sample) out.frame.sample = sample;
      return out;
    },

    /** The data (raw coordinates) for drawing, the view, the scaling, and the layers. */
    snapshot(st) {
      const copy = (s) => ({ x: Float32Array.from(s.x), c: Uint8Array.from(s.c) });
      return { train: copy(st.train), test: copy(st.test), view: st.view, tf: st.tf, layers: st.nets.map((m) => m.layers), classes: st.K, loss: st.loss };
    },

    dispose(st) {
      for (const m of st.nets) m.net.dispose();
    },
  },
};

/**
 * `count` online steps, one sample each, in the session's seeded order, as
 * the lecture's BP runs them (forward, δ, then the weights, momentum kept);
 * when the order is used up, the epoch is complete and measured. Returns the
 * last sample: { index, x, y, c, cursor }.
 */
function trainSamples(st, count, o, bp) {
  const { train } = st;
  const one = { ...o, epochs: 1, batch: 1, shuffle: false, ...place(o, st.epoch) };
  let i = 0;
  for (let k = 0; k < count; k++) {
    i = st.order[st.cursor];
    // The BP view of the last sample, before its step changes the weights.
    if (bp && k === count - 1) for (const m of st.nets) m.bp = m.diverged || m.stopped ? null : bpView(st, m, i);
    const x = train.xs.subarray(2 * i, 2 * i + 2);
    const t = train.t.subarray(i, i + 1); // one target per sample: ±1, 0/1 or a class index
    for (const m of st.nets) {
      if (m.diverged || m.stopped) continue;
      try {
        const eta = m.net.fit(x, t, one).eta[0]; // the step's η (a schedule's, at this epoch)
        if (m.bp?.index === i && m.bp.eta === undefined) withEta(m.bp, eta);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        m.diverged = err.message;
      }
      m.counts = null;
    }
    st.cursor++;
    if (st.cursor === train.c.length) {
      st.cursor = 0;
      st.epoch++;
      for (const m of st.nets) if (!m.diverged) measure(st, m);
    }
  }
  return { index: i, x: train.x[2 * i], y: train.x[2 * i + 1], c: train.c[i], cursor: st.cursor };
}

/**
 * A network of the core equal to network m up to layer l (1-based; l = the
 * output layer when l > hidden layers), closed by a linear layer with
 * identity weights, so its outputs are layer l's outputs exactly (1·x + 0);
 * `fields` makes layer l linear, so they are its local fields S instead.
 * The caller disposes it.
 */
function cutNet(st, m, l, fields = false) {
  const hidden = m.layers.length - 2;
  if (l > hidden) {
    // The output layer: the same network with a linear output gives S; the network itself gives x.
    const net = st.sc.createMLP({ layers: m.layers, activation: m.acts, output: 'linear', loss: 'mse' });
    net.setWeights(m.net.getWeights());
    return net;
  }
  const units = m.layers[l];
  const acts = m.acts.slice(0, l);
  if (fields) acts[l - 1] = 'linear';
  const aux = st.sc.createMLP({ layers: [...m.layers.slice(0, l + 1), units], activation: acts, output: 'linear', loss: 'mse' });
  let n = 0;
  for (let k = 1; k <= l; k++) n += m.layers[k - 1] * m.layers[k] + m.layers[k];
  const w = new Float32Array(aux.weightCount);
  w.set(m.net.getWeights().subarray(0, n));
  for (let j = 0; j < units; j++) w[n + j * units + j] = 1;
  return aux.setWeights(w);
}

/**
 * The lecture's BP quantities for training sample i with the weights as
 * they are before its step: per layer l = 1 … L the local fields S, the
 * outputs x and the δ (from the core's gradient for this one sample: the
 * bias entries are −δ), and the gradient term of the update, η δ x, for
 * the weights into each unit (momentum adds α Δw(n−1) to it), η being the
 * step's own (withEta(), once the step has run).
 */
function bpView(st, m, i) {
  const x0 = st.train.xs.subarray(2 * i, 2 * i + 2);
  const t = st.train.t.subarray(i, i + 1);
  const g = m.net.gradient(x0, t);
  const layers = [];
  let o = 0;
  for (let l = 1; l < m.layers.length; l++) {
    const nin = m.layers[l - 1];
    const units = m.layers[l];
    const out = (fields) => {
      if (l === m.layers.length - 1 && !fields) return m.net.predict(x0);
      const net = cutNet(st, m, l, fields);
      try {
        return net.predict(x0);
      } finally {
        net.dispose();
      }
    };
    const delta = Float32Array.from(g.subarray(o + nin * units, o + nin * units + units), (v) => -v);
    const dw = Float32Array.from(g.subarray(o, o + nin * units), (v) => -v); // δ x; withEta() scales it
    layers.push({ units, act: l < m.layers.length - 1 ? m.acts[l - 1] : OUTPUT[st.loss], S: out(true), x: out(false), delta, dw, offset: o });
    o += nin * units + units;
  }
  // The back-propagated sum of each hidden unit, Σ_k w_kj δ_k over the layer above (weights before the step),
  // so the page shows δ_j = φ'(S_j) · that sum with the numbers the core used.
  const w = m.net.getWeights();
  for (let l = 0; l + 1 < layers.length; l++) {
    const up = layers[l + 1];
    const nin = layers[l].units;
    layers[l].sum = Float32Array.from({ length: nin }, (_, j) => {
      let s = 0;
      for (let k = 0; k < up.units; k++) s += w[up.offset + k * nin + j] * up.delta[k];
      return s;
    });
  }
  for (const layer of layers) delete layer.offset;
  return { index: i, input: Array.from(x0), target: Array.from(t), loss: st.loss, layers };
}

/** The BP view's update terms η δ x, with η the one its step used. */
function withEta(bp, eta) {
  bp.eta = eta;
  for (const layer of bp.layers) for (let q = 0; q < layer.dw.length; q++) layer.dw[q] *= eta;
}

/**
 * The outputs x of every unit of hidden layer `layer` (1-based, clamped to
 * the network) over a grid × grid map of the view: the network cut after
 * that layer and closed by a linear output layer with identity weights, so
 * the core's predictGrid returns the layer's outputs exactly (1·x + 0).
 * Returns { layer, units, grid, act, values (grid² × units, per point) }.
 */
function unitMaps(st, m, layer, grid) {
  const l = Math.min(layer, m.layers.length - 2);
  if (l < 1) return null;
  const aux = cutNet(st, m, l);
  try {
    return { layer: l, units: m.layers[l], grid, act: m.acts[l - 1], values: aux.predictGrid({ ...scaledView(st), nx: grid, ny: grid }) };
  } finally {
    aux.dispose();
  }
}

/** The view in the networks' (scaled) coordinates: the scaling is per axis, so a grid stays a grid. */
function scaledView({ view, tf }) {
  return { x0: (view.x0 - tf.m[0]) / tf.s[0], x1: (view.x1 - tf.m[0]) / tf.s[0], y0: (view.y0 - tf.m[1]) / tf.s[1], y1: (view.y1 - tf.m[1]) / tf.s[1] };
}

function frame(st, args, run, ms) {
  const transfer = [];
  const { grid, train, test, loss } = st;
  const nets = st.nets.map((m) => {
    const rows = Float32Array.from(m.rows);
    m.rows.length = 0;
    if (m.diverged) {
      transfer.push(rows.buffer);
      return { rows, confusion: new Int32Array(st.K * st.K), diverged: m.diverged, testErrors: NaN, testCount: test.c.length, trainErrors: NaN, trainCount: train.c.length, gradNorm: NaN };
    }
    // The counts of the last epoch's measurement, unless the weights or the data changed since.
    if (m.counts?.epoch !== st.epoch) m.counts = counts(st, m);
    const { testErrors, trainErrors } = m.counts;
    const confusion = Int32Array.from(m.counts.confusion);
    const f = {
      rows, confusion, testErrors, testCount: test.c.length, trainErrors, trainCount: train.c.length,
      gradNorm: Math.hypot(...m.net.gradient(train.xs, train.t)), stopped: m.stopped ?? null,
      ...(m.stopped === 'test-error' ? { bestEpoch: m.best.epoch } : {}),
    };
    transfer.push(rows.buffer, confusion.buffer);
    if (args.map) {
      f.map = toScore(m.net.predictGrid({ ...scaledView(st), nx: grid, ny: grid }), loss, st.K);
      transfer.push(f.map.buffer);
    }
    if (m.bp) {
      f.bp = m.bp;
      m.bp = null;
    }
    if (args.units) {
      f.units = unitMaps(st, m, args.units.layer, args.units.grid);
      if (f.units) transfer.push(f.units.values.buffer);
    }
    if (args.weights) {
      f.weights = m.net.getWeights();
      transfer.push(f.weights.buffer);
    }
    return f;
  });
  return { frame: { epoch: st.epoch, epochsRun: run, ms, eta: st.eta ?? null, nets }, transfer };
}

