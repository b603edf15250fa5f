// <simcore-lenet>'s training run as a session (shared/sessions.mjs): the
// digits and one network live in the compute lane; the page asks for a frame
// per animation frame. A frame works in slices of a fixed size (CHUNK training
// images per core call, TEST_CHUNK test images per prediction), as many as
// fit in its time budget, so every frame returns in about that time and the
// run is the same whatever the frame rate: a seed gives the same weights.
// After every pass it measures the test set (sliced too): error rate, loss,
// the confusion matrix and the misclassified digits with their scores.
// Training, prediction and the weights are the core's (sc.createLeNet5,
// docs/lenet.md).
import { rng } from '../shared/rng.mjs';

export const CHUNK = 16; // training images per core call (the modern net's: its batch when larger)
export const TEST_CHUNK = 50; // test images per prediction
const MAX_CHUNK = 64; // the largest batch the page offers
export const MAX_WRONG = 120; // misclassified test digits sent for the gallery
const PIXELS = 784;

/**
 * The paper's global step size for pass k (0-based), x 5 (docs/lenet.md):
 * what the core uses by default, in its float arithmetic. Given explicitly
 * because the core counts every slice as a pass.
 */
export function schedule1998(pass) {
  const eta = pass < 2 ? 5e-4 : pass < 5 ? 2e-4 : pass < 8 ? 1e-4 : pass < 12 ? 5e-5 : 1e-5;
  return Math.fround(Math.fround(eta) * 5);
}

/** The loss the network trains on, of one digit's scores: MLE (1998: the correct RBF output) or cross-entropy. */
export function sampleLoss(variant, scores, o, label) {
  return variant === 'lecun1998' ? -scores[o + label] : -Math.log(Math.max(scores[o + label], 1e-30));
}

function checkSet(name, set) {
  const ok = set && set.images instanceof Uint8Array && set.labels instanceof Uint8Array
    && set.labels.length > 0 && set.images.length === set.labels.length * PIXELS;
  if (!ok) throw new RangeError(`lenet.train: ${name} must be { images: Uint8Array(n * 784), labels: Uint8Array(n) } with n >= 1`);
}

function shuffled(n, rand) {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A fresh network of the state's variant and seed, epoch 0, before its first measurement. */
function restart(st) {
  st.net?.dispose();
  st.net = null;
  st.net = st.sc.createLeNet5({ variant: st.variant, seed: st.seed });
  st.rand = rng(st.seed * 2654435761 + 17);
  st.epoch = 0;
  st.rows = []; // every curve row: [pass, training loss, test loss, test error]
  st.sent = 0; // rows already sent
  st.lastEval = null;
  st.diverged = null;
  beginTest(st);
}

function beginTest(st) {
  st.phase = 'test';
  st.cursor = 0;
  st.acc = { confusion: new Int32Array(100), errors: 0, loss: 0, wrong: [] };
}

function beginTrain(st) {
  st.phase = 'train';
  st.cursor = 0;
  st.order = shuffled(st.train.labels.length, st.rand);
  st.trainLoss = 0;
}

/** One training slice: the next CHUNK images of this pass's order. */
function trainSlice(st, opts) {
  const { images, labels } = st.train;
  const n = labels.length;
  const chunk = st.variant === 'lecun1998' ? CHUNK : Math.max(CHUNK, opts.batch ?? 32);
  const m = Math.min(chunk, n - st.cursor);
  const img = st.imgBuf.subarray(0, m * PIXELS);
  const lab = st.labBuf.subarray(0, m);
  for (let k = 0; k < m; k++) {
    const i = st.order[st.cursor + k];
    img.set(images.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
    lab[k] = labels[i];
  }
  const lr = opts.lr > 0 ? opts.lr : st.variant === 'lecun1998' ? schedule1998(st.epoch) : 0.01;
  const batch = st.variant === 'lecun1998' ? 1 : Math.min(opts.batch ?? 32, chunk); // 1, 8 and 16 divide the chunk
  try {
    st.trainLoss += st.net.trainEpoch(img, lab, { lr, batch }).loss * m;
  } catch (err) {
    // A step size so large that the weights overflowed float32: the core says so; the run stops until reset.
    if (!(err instanceof RangeError)) throw err;
    st.diverged = err.message;
    st.phase = 'idle';
    return m;
  }
  st.cursor += m;
  if (st.cursor === n) {
    st.epoch++;
    st.trainLoss /= n;
    beginTest(st);
  }
  return m;
}

/** One test slice: predictions of the next TEST_CHUNK test images, counted. */
function testSlice(st) {
  const { images, labels } = st.test;
  const n = labels.length;
  const m = Math.min(TEST_CHUNK, n - st.cursor);
  const scores = st.net.predict(images.subarray(st.cursor * PIXELS, (st.cursor + m) * PIXELS));
  const a = st.acc;
  for (let k = 0; k < m; k++) {
    const i = st.cursor + k;
    let p = 0;
    for (let c = 1; c < 10; c++) if (scores[10 * k + c] > scores[10 * k + p]) p = c;
    a.confusion[labels[i] * 10 + p]++;
    a.loss += sampleLoss(st.variant, scores, 10 * k, labels[i]);
    if (p !== labels[i]) {
      a.errors++;
      a.wrong.push({ index: i, label: labels[i], predicted: p, scores: Array.from(scores.subarray(10 * k, 10 * k + 10)) });
    }
  }
  st.cursor += m;
  if (st.cursor === n) {
    st.rows.push([st.epoch, st.epoch ? st.trainLoss : NaN, a.loss / n, a.errors / n]);
    // At most MAX_WRONG, evenly spread over the test set (which may be sorted by class).
    const wrong = a.wrong.length <= MAX_WRONG ? a.wrong : Array.from({ length: MAX_WRONG }, (_, k) => a.wrong[Math.floor((k * a.wrong.length) / MAX_WRONG)]);
    st.lastEval = { epoch: st.epoch, confusion: a.confusion, errors: a.errors, count: n, loss: a.loss / n, wrong };
    st.newEval = true;
    st.phase = 'idle';
  }
  return m;
}

export const SESSIONS = {
  /**
   * params: variant ('lecun1998' | 'modern'), seed, train and test
   * ({ images: Uint8Array(n * 784), labels: Uint8Array(n) }).
   */
  train: {
    create(sc, { variant, seed, train, test }) {
      checkSet('train', train);
      checkSet('test', test);
      const st = { sc, variant, seed, train, test, net: null, imgBuf: new Uint8Array(MAX_CHUNK * PIXELS), labBuf: new Uint8Array(MAX_CHUNK) };
      restart(st); // createLeNet5 checks variant and seed
      return st;
    },

    /**
     * One frame. args, in this order: `reset` (a new network from the same
     * seed, pass 0), `load` ({ weights, passes }: the core checks them and
     * keeps the network on a bad vector), then slices while `budgetMs` lasts
     * (at least one): the test measurement whenever one is due, training
     * only with `train` ({ epochs, lr, batch }) and fewer passes than
     * `epochs`; `predict` (Uint8Array(k * 784)) asks for scores, `weights`
     * for the weights. Returns { epoch, phase ('train' | 'test' | 'idle'),
     * cursor, total (images of this phase), rows (new curve rows), eval (when
     * a measurement finished), trained, tested, diverged (the core's message
     * once the weights overflowed: no more training until reset or load), ms,
     * scores?, weights? }.
     */
    step(st, args = {}) {
      const t0 = performance.now();
      if (args.reset) restart(st);
      if (args.load) {
        st.net.setWeights(args.load.weights);
        st.diverged = null;
        st.epoch = args.load.passes;
        st.rows = [];
        st.sent = 0;
        beginTest(st);
      }
      let trained = 0, tested = 0;
      if (args.budgetMs !== undefined) {
        const budget = args.budgetMs;
        const tr = args.train;
        let last = 0;
        for (;;) {
          if (st.diverged) break;
          if (st.phase === 'idle' && tr && st.epoch < tr.epochs) beginTrain(st);
          if (st.phase === 'idle' || (st.phase === 'train' && !(tr && st.epoch < tr.epochs))) break;
          const s0 = performance.now();
          if (st.phase === 'train') trained += trainSlice(st, tr);
          else tested += testSlice(st);
          last = performance.now() - s0;
          if (performance.now() - t0 + last > budget) break;
        }
      }
      const transfer = [];
      const frame = {
        epoch: st.epoch, phase: st.phase, cursor: st.cursor,
        total: st.phase === 'train' ? st.train.labels.length : st.test.labels.length,
        rows: st.rows.slice(st.sent), trained, tested, diverged: st.diverged,
      };
      st.sent = st.rows.length;
      if (st.newEval) {
        st.newEval = false;
        frame.eval = { ...st.lastEval, confusion: Int32Array.from(st.lastEval.confusion) };
        transfer.push(frame.eval.confusion.buffer);
      }
      if (args.predict && !st.diverged) {
        frame.scores = st.net.predict(args.predict);
        transfer.push(frame.scores.buffer);
      }
      if (args.weights) {
        frame.weights = st.net.getWeights();
        transfer.push(frame.weights.buffer);
      }
      frame.ms = performance.now() - t0;
      return { frame, transfer };
    },

    /** What the page draws with besides the frames: C3's table and the RBF codes. */
    snapshot(st) {
      return { variant: st.variant, weightCount: st.net.weightCount, table: st.sc.lenetC3Table(), codes: st.sc.lenetCodes(),
        trainCount: st.train.labels.length, testCount: st.test.labels.length };
    },

    dispose(st) {
      st.net?.dispose();
      st.net = null;
    },
  },
};
