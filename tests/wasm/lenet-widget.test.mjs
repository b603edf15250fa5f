// The parts of <simcore-lenet> that compute (web/widgets/lenet/), in Node on
// the page-thread path: the session trains in slices exactly as one run
// whatever the frame budget (the same weights, bit for bit), its read-outs are
// counts of the core's predictions, reset returns to the seed's weights and a
// bad weight vector keeps the network; the feature maps' forward pass gives
// the core's scores; the Gabor kernels beside C1 are the core's gaborKernel;
// the drawing's preprocessing puts a 20 x 20 box with its centre of mass at
// the centre and leaves an MNIST digit nearly as it is; the weights file
// round-trips and names the byte offset of what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { CHUNK, MAX_WRONG, SESSIONS, TEST_CHUNK, schedule1998 } from '../../web/widgets/lenet/sessions.mjs';
import { GABOR_BANK, activations, c1Kernels, closestGabor, gabor, layout } from '../../web/widgets/lenet/forward.mjs';
import { mnistLike } from '../../web/widgets/lenet/preprocess.mjs';
import { HEADER, decodeWeights, encodeWeights } from '../../web/widgets/lenet/weights-file.mjs';
import { LENET_SCHEMA } from '../../web/widgets/lenet/schema.mjs';
import { defaults } from '../../web/widgets/shared/state.mjs';

const sc = await loadSimcore();
const kind = SESSIONS.train;
const digits = await sc.mnistSubset();
const NTRAIN = 200, NTEST = 120;
// Every k-th digit: the subset is sorted by class (docs/lenet.md).
const spread = (images, labels, n) => {
  const k = Math.floor(labels.length / n);
  const out = { images: new Uint8Array(n * 784), labels: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    out.images.set(images.subarray(i * k * 784, (i * k + 1) * 784), i * 784);
    out.labels[i] = labels[i * k];
  }
  return out;
};
const small = { train: spread(digits.trainImages, digits.trainLabels, NTRAIN), test: spread(digits.testImages, digits.testLabels, NTEST) };
const params = (variant, seed = 4) => ({ variant, seed, train: small.train, test: small.test });
const weightsOf = (st) => kind.step(st, { weights: true }).frame.weights;

/** Steps until pass `epochs` is trained and measured; returns every frame. */
function runTo(st, epochs, budgetMs, train = {}) {
  const frames = [];
  for (let k = 0; k < 10000; k++) {
    const { frame } = kind.step(st, { budgetMs, train: { epochs, lr: 0, batch: 32, ...train } });
    frames.push(frame);
    if (frame.epoch >= epochs && frame.phase === 'idle') return frames;
  }
  throw new Error('did not finish');
}

test('schema defaults are valid, and the 1998 schedule is the core default (the same weights as lr omitted)', () => {
  assert.equal(defaults(LENET_SCHEMA).net, 'lecun1998');
  const img = small.train.images.subarray(0, 20 * 784), lab = small.train.labels.subarray(0, 20);
  for (const pass of [0, 1, 2, 5]) {
    const a = sc.createLeNet5({ seed: 9 }), b = sc.createLeNet5({ seed: 9 });
    for (let k = 0; k <= pass; k++) {
      a.trainEpoch(img, lab);
      b.trainEpoch(img, lab, { lr: schedule1998(k) });
    }
    assert.deepEqual(a.getWeights(), b.getWeights(), `pass ${pass}`);
    a.dispose();
    b.dispose();
  }
});

for (const variant of ['lecun1998', 'modern']) {
  test(`${variant}: slices of any budget give one run; counts are the core's predictions; reset; load`, () => {
    const a = kind.create(sc, params(variant));
    const b = kind.create(sc, params(variant));
    try {
      const w0 = weightsOf(a);
      const fa = runTo(a, 2, Infinity);
      const fb = runTo(b, 2, 0); // one slice per frame
      const chunk = variant === 'lecun1998' ? CHUNK : Math.max(CHUNK, 32);
      assert.equal(fb.length, 3 * Math.ceil(NTEST / TEST_CHUNK) + 2 * Math.ceil(NTRAIN / chunk), 'budget 0: one slice a frame');
      for (const f of fb) assert.ok(f.trained <= chunk && f.tested <= TEST_CHUNK && f.trained * f.tested === 0, JSON.stringify(f));
      const wa = weightsOf(a);
      assert.deepEqual(wa, weightsOf(b), 'same weights whatever the budget');
      assert.notDeepEqual(wa, w0);
      const rows = (fs) => fs.flatMap((f) => f.rows);
      assert.deepEqual(rows(fa), rows(fb));
      assert.deepEqual(rows(fa).map((r) => r[0]), [0, 1, 2]);
      // The last measurement against the core's own evaluate and predict.
      const ev = fa.findLast((f) => f.eval).eval;
      const net = sc.createLeNet5({ variant });
      net.setWeights(wa);
      const ref = net.evaluate(small.test.images, small.test.labels);
      assert.deepEqual(Array.from(ev.confusion), Array.from(ref.confusion));
      assert.equal(ev.confusion.reduce((s, v) => s + v, 0), NTEST);
      assert.equal(ev.errors, Math.round(ref.errorRate * NTEST));
      assert.equal(rows(fa)[2][3], ev.errors / NTEST);
      const scores = net.predict(small.test.images);
      assert.equal(ev.wrong.length, Math.min(ev.errors, MAX_WRONG));
      for (const w of ev.wrong) {
        assert.equal(w.label, small.test.labels[w.index]);
        assert.notEqual(w.predicted, w.label);
        assert.deepEqual(w.scores, Array.from(scores.subarray(10 * w.index, 10 * w.index + 10)));
      }
      // The test loss of the curves: the mean of the trained criterion over the test set.
      let loss = 0;
      for (let i = 0; i < NTEST; i++) {
        const s = scores[10 * i + small.test.labels[i]];
        loss += variant === 'lecun1998' ? -s : -Math.log(Math.max(s, 1e-30)); // a float probability may underflow to 0
      }
      assert.ok(Math.abs(rows(fa)[2][2] - loss / NTEST) < 1e-4 * Math.abs(loss / NTEST), `${rows(fa)[2]} vs ${loss / NTEST}`);
      // predict in a frame is the core's predict.
      assert.deepEqual(kind.step(a, { predict: small.test.images.subarray(0, 3 * 784) }).frame.scores, scores.subarray(0, 30));
      net.dispose();

      // Reset: the seed's weights, pass 0, measured again.
      const r = kind.step(a, { reset: true, weights: true }).frame;
      assert.equal(r.epoch, 0);
      assert.equal(r.phase, 'test');
      assert.deepEqual(r.weights, w0);

      // Load: weights and pass count; a bad vector throws and keeps the network.
      const l = kind.step(a, { load: { weights: wa, passes: 2 }, weights: true }).frame;
      assert.deepEqual(l.weights, wa);
      assert.equal(l.epoch, 2);
      const bad = Float32Array.from(wa);
      bad[7] = NaN;
      assert.throws(() => kind.step(a, { load: { weights: bad, passes: 3 } }), RangeError);
      assert.deepEqual(weightsOf(a), wa);
    } finally {
      kind.dispose(a);
      kind.dispose(b);
    }
  });

  test(`${variant}: the feature maps' forward pass gives the core's scores`, () => {
    const net = sc.createLeNet5({ variant, seed: 2 });
    net.trainEpoch(small.train.images, small.train.labels);
    const table = sc.lenetC3Table(), codes = sc.lenetCodes();
    const w = net.getWeights();
    assert.equal(layout(variant, table).count, net.weightCount);
    const scores = net.predict(small.test.images.subarray(0, 10 * 784));
    for (let i = 0; i < 10; i++) {
      const a = activations(variant, w, small.test.images.subarray(i * 784, (i + 1) * 784), table, codes);
      assert.equal(a.c1.length, 6 * 28 * 28);
      assert.equal(a.s2.length, 6 * 14 * 14);
      assert.equal(a.c3.length, 16 * 100);
      assert.equal(a.s4.length, 16 * 25);
      assert.equal(a.c5.length, 120);
      for (let c = 0; c < 10; c++) {
        const ref = scores[10 * i + c];
        assert.ok(Math.abs(a.scores[c] - ref) <= 1e-4 * Math.max(1, Math.abs(ref)), `digit ${i} class ${c}: ${a.scores[c]} vs ${ref}`);
      }
    }
    assert.throws(() => activations(variant, w.subarray(1), small.test.images.subarray(0, 784), table, codes), RangeError);
    net.dispose();
  });
}

test('the Gabor kernels beside C1 are the core\'s gaborKernel; the closest one is found', () => {
  for (const g of GABOR_BANK.filter((_, i) => i % 7 === 0)) {
    const ref = sc.gaborKernel({ ...g.params, part: 'real' });
    assert.equal(ref.width, 5);
    for (let i = 0; i < 25; i++) assert.ok(Math.abs(ref.data[i] - g.kernel[i]) < 1e-6, `${JSON.stringify(g.params)} [${i}]`);
  }
  assert.deepEqual(Array.from(gabor({ sigma: 1, theta: 0.3, lambda: 4, size: 5 })), Array.from(gabor({ sigma: 1, theta: 0.3, lambda: 4 })));
  // A kernel of the bank, scaled and shifted, is its own closest Gabor (r = 1).
  const k = GABOR_BANK[29].kernel.map((v) => 3 * v - 0.2);
  const c = closestGabor(k);
  assert.ok(c.r > 0.999999);
  assert.deepEqual(c.params, GABOR_BANK[29].params);
  const net = sc.createLeNet5({ seed: 1 });
  assert.equal(c1Kernels(net.getWeights()).length, 6);
  net.dispose();
});

test('drawing preprocessing: a 20 x 20 box, aspect kept, centre of mass at the centre, ink conserved', () => {
  const W = 280;
  const ink = new Uint8Array(W * W);
  // A bar 40 wide and 160 tall, off centre: box 5 x 20.
  for (let y = 30; y < 190; y++) for (let x = 200; x < 240; x++) ink[y * W + x] = 255;
  const m = mnistLike(ink, W, W);
  assert.deepEqual(m.box, [200, 30, 40, 160]);
  const cols = new Set(), rowsSeen = new Set();
  let mass = 0, mx = 0, my = 0;
  m.image.forEach((v, i) => {
    if (!v) return;
    cols.add(i % 28);
    rowsSeen.add(Math.floor(i / 28));
    mass += v;
    mx += v * (i % 28);
    my += v * Math.floor(i / 28);
  });
  assert.equal(cols.size, 5);
  assert.equal(rowsSeen.size, 20);
  assert.equal(mass, 255 * 100); // area averaging keeps the ink: 40 x 160 px scaled by 1/8
  assert.ok(Math.abs(mx / mass - 14) <= 0.5 && Math.abs(my / mass - 14) <= 0.5);
  // An L: the centre of mass, not the box, goes to the centre.
  const L = new Uint8Array(W * W);
  for (let y = 20; y < 260; y++) for (let x = 20; x < 50; x++) L[y * W + x] = 255;
  for (let y = 230; y < 260; y++) for (let x = 20; x < 200; x++) L[y * W + x] = 255;
  const l = mnistLike(L, W, W);
  assert.ok(Math.abs(l.com[0] - 14) <= 0.5 && Math.abs(l.com[1] - 14) <= 0.5, `${l.com}`);
  assert.equal(mnistLike(new Uint8Array(W * W), W, W), null);
  // MNIST digits were made this way: their centres of mass lie within half a pixel of (14, 14), and
  // preprocessing one again gives it back unchanged.
  let same = 0;
  const n = digits.testLabels.length;
  for (let i = 0; i < n; i++) {
    const d = digits.testImages.subarray(i * 784, (i + 1) * 784);
    let mass = 0, cx = 0, cy = 0;
    d.forEach((v, k) => { mass += v; cx += v * (k % 28); cy += v * Math.floor(k / 28); });
    assert.ok(Math.abs(cx / mass - 14) <= 0.5 && Math.abs(cy / mass - 14) <= 0.5, `digit ${i}`);
    if (mnistLike(d, 28, 28).image.every((v, k) => v === d[k])) same++;
  }
  assert.ok(same >= 0.99 * n, `${same} of ${n} unchanged`);
});

test('weights file: round trip, and each defect named with its byte offset', () => {
  const net = sc.createLeNet5({ variant: 'modern', seed: 5 });
  const w = net.getWeights();
  const bytes = encodeWeights({ variant: 'modern', passes: 3, weights: w });
  assert.equal(bytes.length, HEADER + 4 * 61706);
  const expect = { variant: 'modern', count: 61706 };
  const back = decodeWeights(bytes, expect);
  assert.deepEqual(back.weights, w);
  assert.equal(back.passes, 3);
  assert.equal(back.variant, 'modern');
  const offsetOf = (b, e = expect) => {
    try {
      decodeWeights(b, e);
    } catch (err) {
      assert.ok(err instanceof RangeError, err.message);
      return Number(/byte offset (\d+)\)$/.exec(err.message)[1]);
    }
    return null;
  };
  const edit = (f) => { const b = Uint8Array.from(bytes); f(b, new DataView(b.buffer)); return b; };
  assert.equal(offsetOf(bytes.slice(0, 10)), 10);
  assert.equal(offsetOf(edit((b) => { b[3] = 0x41; })), 3);
  assert.equal(offsetOf(edit((b, v) => v.setUint32(8, 2, true))), 8);
  assert.equal(offsetOf(edit((b, v) => v.setUint32(12, 7, true))), 12);
  assert.equal(offsetOf(bytes, { variant: 'lecun1998', count: 60000 }), 12);
  assert.equal(offsetOf(edit((b, v) => v.setUint32(16, 60000, true))), 16);
  assert.equal(offsetOf(bytes.slice(0, bytes.length - 1)), bytes.length - 1);
  assert.equal(offsetOf(Uint8Array.from([...bytes, 0])), bytes.length);
  assert.equal(offsetOf(edit((b, v) => v.setFloat32(HEADER + 4 * 5, NaN, true))), HEADER + 20);
  assert.equal(offsetOf(edit((b, v) => v.setFloat32(HEADER + 4 * 9, 2e6, true))), HEADER + 36);
  assert.throws(() => decodeWeights([1, 2, 3], expect), TypeError);
  net.dispose();
});

test('a run whose weights overflow stops with the core\'s message until reset', () => {
  const st = kind.create(sc, params('modern'));
  try {
    runTo(st, 0, Infinity);
    // The core refuses weights that overflow float32 with a RangeError; no step size of the page reaches it
    // on these digits (lr 10 only kills the units), so the network's call is made to fail as the core's does.
    const real = st.net.trainEpoch;
    st.net.trainEpoch = () => { throw new RangeError('lenet.trainEpoch: weights overflowed'); };
    const f = kind.step(st, { budgetMs: Infinity, train: { epochs: 1, lr: 0, batch: 32 }, predict: small.test.images.subarray(0, 784) }).frame;
    assert.equal(f.diverged, 'lenet.trainEpoch: weights overflowed');
    assert.equal(f.phase, 'idle');
    assert.equal(f.scores, undefined);
    assert.equal(kind.step(st, { budgetMs: Infinity, train: { epochs: 1 } }).frame.trained, 0, 'no training after');
    st.net.trainEpoch = real;
    kind.step(st, { reset: true }); // a new network: the run may go on
    const g = runTo(st, 1, Infinity).at(-1);
    assert.equal(g.diverged, null);
    assert.equal(g.epoch, 1);
  } finally {
    kind.dispose(st);
  }
});
