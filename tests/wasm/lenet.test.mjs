// The LeNet-5 binding (bindings/lenet.mjs) on both wasm builds: Table 1 and
// the codes as the core holds them, weight counts per the paper, a seeded
// run reproducible and equal across the SIMD and scalar builds (forward
// bit for bit; training to float32 rounding of the conv weight gradient),
// training lowering the held-back error on synthetic digits, predict
// agreeing with evaluate, weights round trips, and the IDX reader's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { loadSimcore, readIdx } from '../../bindings/simcore.mjs';

// Synthetic digits: class c's 7 x 12 code scaled 2x, shifted, with noise
// (the native test's generator, xorshift32).
function synth(codes, count, seed) {
  let s = seed;
  const next = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  const images = new Uint8Array(count * 784), labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const c = next() % 10, dx = next() % 5, dy = next() % 5;
    for (let i = 0; i < 784; i++) images[n * 784 + i] = next() % 40;
    for (let y = 0; y < 24; y++) for (let x = 0; x < 14; x++) {
      if (codes[c * 84 + (y >> 1) * 7 + (x >> 1)] > 0) images[n * 784 + (y + dy) * 28 + x + 5 + dx] = 255;
    }
    labels[n] = c;
  }
  return { images, labels };
}

const builds = { simd: await loadSimcore({ simd: true }), scalar: await loadSimcore({ simd: false }) };
const scores = {};

for (const [kind, sc] of Object.entries(builds)) {
  test(`${kind}: Table 1 and the RBF codes`, () => {
    const t = sc.lenetC3Table();
    const rows = ['X...XXX..XXXX.XX', 'XX...XXX..XXXX.X', 'XXX...XXX..X.XXX', '.XXX..XXXX..X.XX', '..XXX..XXXX.XX.X', '...XXX..XXXX.XXX'];
    for (let o = 0; o < 16; o++) for (let i = 0; i < 6; i++) assert.equal(t[o * 6 + i], rows[i][o] === 'X' ? 1 : 0, `map ${o} from ${i}`);
    const codes = sc.lenetCodes();
    assert.equal(codes.length, 840);
    assert.ok(codes.every((v) => v === 1 || v === -1));
  });

  for (const variant of ['lecun1998', 'modern']) {
    test(`${kind}: ${variant} trains, reproducibly, and predicts what it evaluates`, () => {
      const train = synth(sc.lenetCodes(), 300, 5), held = synth(sc.lenetCodes(), 100, 77);
      const a = sc.createLeNet5({ variant, seed: 3 }), b = sc.createLeNet5({ variant, seed: 3 });
      assert.equal(a.weightCount, variant === 'lecun1998' ? 60000 : 61706);
      const before = a.evaluate(held.images, held.labels).errorRate;
      let la, lb;
      const batch = variant === 'modern' ? 8 : undefined; // 3 x 38 updates
      for (let e = 0; e < 3; e++) {
        la = a.trainEpoch(train.images, train.labels, { batch });
        lb = b.trainEpoch(train.images, train.labels, { batch, onProgress: (done, total) => assert.equal(done, total) });
      }
      assert.deepEqual(la, lb);
      assert.equal(la.passes, 3);
      assert.deepEqual(a.getWeights(), b.getWeights());
      const r = a.evaluate(held.images, held.labels);
      assert.equal(r.confusion.reduce((s, v) => s + v, 0), 100);
      // both start near chance (0.89 measured); modern, lr 0.01 batch 8, measured 0.0 after
      assert.ok(before > 0.5 && r.errorRate < 0.1, `error ${before} -> ${r.errorRate}`);
      const s = a.predict(held.images);
      let wrong = 0;
      for (let n = 0; n < 100; n++) {
        let best = 0;
        for (let i = 1; i < 10; i++) if (s[n * 10 + i] > s[n * 10 + best]) best = i;
        wrong += best !== held.labels[n];
      }
      assert.equal(wrong / 100, r.errorRate);
      b.setWeights(a.getWeights());
      assert.deepEqual(b.predict(held.images), s);
      scores[`${kind} ${variant}`] = { s, w: a.getWeights() };
      a.dispose();
      b.dispose();
      assert.throws(() => a.predict(held.images), /lenet.predict: this lenet was disposed/);
    });
  }
}

test('the SIMD and scalar builds: identical scores, weights to float32 rounding', () => {
  for (const variant of ['lecun1998', 'modern']) {
    const x = scores[`simd ${variant}`], y = scores[`scalar ${variant}`];
    let worst = 0;
    for (let i = 0; i < x.w.length; i++) worst = Math.max(worst, Math.abs(x.w[i] - y.w[i]));
    assert.ok(worst < 1e-3, `${variant}: weights differ by ${worst}`);
    const net = builds.scalar.createLeNet5({ variant }), net2 = builds.simd.createLeNet5({ variant });
    net.setWeights(x.w);
    net2.setWeights(x.w);
    const img = synth(builds.simd.lenetCodes(), 20, 9).images;
    assert.deepEqual(net.predict(img), net2.predict(img));
    net.dispose();
    net2.dispose();
  }
});

// An IDX file: magic, big-endian dims, bytes.
function idx(type, dims, data) {
  const b = new Uint8Array(4 + 4 * dims.length + data.length);
  b.set([0, 0, type, dims.length]);
  const v = new DataView(b.buffer);
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d, false));
  b.set(data, 4 + 4 * dims.length);
  return b;
}

test('readIdx: images and labels, gzip, and errors naming the byte offset', async () => {
  const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 7);
  const f = idx(8, [2, 3, 4], data);
  const r = await readIdx(f);
  assert.deepEqual(r.dims, [2, 3, 4]);
  assert.deepEqual(r.data, data);
  assert.deepEqual(await readIdx(new Uint8Array(gzipSync(f))), r);
  assert.deepEqual((await readIdx(idx(8, [3], [1, 2, 9]))).data, Uint8Array.from([1, 2, 9]));
  const bad = f.slice();
  bad[2] = 0x0d;
  await assert.rejects(readIdx(bad), /readIdx: wrong magic number 0x00000d03 at byte offset 0/);
  await assert.rejects(readIdx(f.subarray(0, 10)), /readIdx: truncated file: the header needs 16 bytes/);
  await assert.rejects(readIdx(f.subarray(0, f.length - 1)), /readIdx: truncated file: .* from byte offset 16/);
  await assert.rejects(readIdx(Uint8Array.from([...f, 0])), /readIdx: mismatched counts: .*extra bytes from offset 40/);
  await assert.rejects(readIdx(new Uint8Array(gzipSync(f)).subarray(0, 20)), /readIdx: the gzip stream/);
  await assert.rejects(readIdx('x'), TypeError);
});
