// The LeNet page, driven like a person would: load over http and from
// file:// without errors, train a pass of the bundled subset to a test error
// far below chance (with the confusion matrix counting every test digit),
// write a digit on the pad with the mouse and read scores that sum to 1
// (softmax), save the weights through the download and load that file back to
// the same predictions, and a bad weights file or IDX file shown with its
// byte offset while the network stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';
import { checkPresetLinks } from './presets.mjs';

const W = 'simcore-lenet';
const open = (browser, server, how, hash = '', context = {}) =>
  openPage(browser, server, pageUrls(server, 'lenet.html')[how] + hash, W, { context: { acceptDownloads: true, ...context } });
const readout = (p) => p.evaluate((w) => document.querySelector(w).readout, W);
const act = (p, name) => p.locator(`${W} button[data-act="${name}"]`).click();
/** The first n test digits' scores from the network as it is now. */
const predictions = (p, n = 20) => p.evaluate(async ([w, n]) => {
  const el = document.querySelector(w);
  return el.predict(el.digits.test.images.subarray(0, n * 784));
}, [W, n]);
const FAST = '#net=modern&epochs=1&seed=3';

/** Strokes of a 7 drawn with the mouse on the pad (its CSS box). */
async function drawSeven(p) {
  const pad = p.locator(`${W} canvas.pad`);
  const box = await pad.boundingBox();
  const at = (x, y) => [box.x + x * box.width, box.y + y * box.height];
  await p.mouse.move(...at(0.25, 0.2));
  await p.mouse.down();
  for (const [x, y] of [[0.5, 0.2], [0.75, 0.2], [0.65, 0.45], [0.55, 0.65], [0.45, 0.85]]) await p.mouse.move(...at(x, y), { steps: 4 });
  await p.mouse.up();
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`lenet.html over ${how}: loads, measures the initial net on 2000 test digits, no console errors`, async () => {
      const { ctx, p, problems } = await open(browser, server, how, FAST);
      assert.match(await p.locator(`${W} .timing`).textContent(), /^simcore \S+ SIMD/);
      assert.ok(await p.locator('.katex').count() >= 4);
      const r = await readout(p);
      assert.equal(r.variant, 'modern');
      assert.equal(r.evaluatedPass, 0);
      assert.equal(r.testCount, 2000);
      assert.equal(r.confusion.reduce((a, b) => a + b, 0), 2000);
      assert.equal(r.curves.length, 1);
      // The data note states the split; the C1 kernels and feature maps are drawn.
      assert.match(await p.locator(`${W} fieldset .note`).first().textContent(), /8000 \/ 2000/);
      assert.equal(await p.locator(`${W} canvas.kernel`).count(), 12);
      assert.equal(await p.locator(`${W} canvas.map.c3`).count(), 16);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('a pass of training: test error far below chance, the confusion matrix counts every test digit, the gallery shows the errors', { timeout: 240000 }, async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', FAST);
    const before = await readout(p);
    assert.ok(before.testErrors > 1500, `initial errors ${before.testErrors}`); // about chance: 90 %
    await act(p, 'play');
    await p.waitForFunction((w) => { const r = document.querySelector(w).readout; return r.evaluatedPass === 1 && !r.running; }, W, { timeout: 200000 });
    const r = await readout(p);
    assert.ok(r.testErrors / r.testCount < 0.2, `test error ${r.testErrors / r.testCount} after one pass`);
    assert.equal(r.confusion.reduce((a, b) => a + b, 0), r.testCount);
    assert.equal(r.testCount - [...Array(10).keys()].reduce((s, d) => s + r.confusion[11 * d], 0), r.testErrors);
    assert.equal(r.curves.length, 2);
    assert.equal(r.curves[1][0], 1);
    assert.ok(r.curves[1][2] < r.curves[0][2], 'test loss fell');
    const tiles = await p.locator(`${W} .gallery .tile`).count();
    assert.equal(tiles, Math.min(36, r.testErrors));
    // A misclassified tile shows its true label and prediction, and opens its feature maps.
    const first = r.wrong[0];
    assert.match(await p.locator(`${W} .gallery .tile .cap`).first().textContent(), new RegExp(`^${first.label}→${first.predicted}$`));
    await p.locator(`${W} .gallery .tile`).first().click();
    assert.equal((await p.evaluate((w) => document.querySelector(w).state, W)).digit, first.index);
    assert.match(await pageHash(p), new RegExp(`digit=${first.index}`));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the drawing pad: a 7 drawn with the mouse, made MNIST-like, scores sum to 1', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', FAST);
    await drawSeven(p);
    await p.waitForFunction((w) => document.querySelector(w).readout.padScores !== null, W);
    await p.evaluate((w) => document.querySelector(w).whenIdle(), W);
    const r = await readout(p);
    const sum = r.padScores.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5, `softmax scores sum to ${sum}`);
    // The digit the network saw: ink within a 20 x 20 box, centre of mass near (14, 14).
    let mass = 0, cx = 0, cy = 0, x0 = 28, x1 = -1, y0 = 28, y1 = -1;
    r.padDigit.forEach((v, k) => {
      if (!v) return;
      const x = k % 28, y = Math.floor(k / 28);
      mass += v; cx += v * x; cy += v * y;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    });
    assert.equal(Math.max(x1 - x0, y1 - y0) + 1, 20);
    assert.ok(Math.abs(cx / mass - 14) <= 0.5 && Math.abs(cy / mass - 14) <= 0.5);
    // The scores are the core's prediction of that digit; the bars show them.
    const again = await p.evaluate(([w, d]) => document.querySelector(w).predict(Uint8Array.from(d)), [W, r.padDigit]);
    assert.deepEqual(again, r.padScores);
    assert.equal(await p.locator(`${W} .scores .score.best`).count(), 1);
    await act(p, 'clear');
    assert.equal((await readout(p)).padScores, null);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('save the weights to a file and load it back: identical predictions; a bad file shows its byte offset and keeps the net', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#net=lecun1998&epochs=1&seed=5');
    // A few slices of training, so the saved weights are not the seed's.
    await act(p, 'play');
    await p.waitForFunction((w) => document.querySelector(w).readout.phase === 'train' && document.querySelector(w).frameNow.cursor >= 64, W, { timeout: 60000 });
    await act(p, 'play'); // the same button pauses
    await p.evaluate((w) => document.querySelector(w).whenIdle(), W);
    const trained = await predictions(p);
    const [download] = await Promise.all([p.waitForEvent('download'), act(p, 'save')]);
    assert.match(download.suggestedFilename(), /^lenet-lecun1998-pass0\.bin$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.length, 24 + 4 * 60000);
    // Reset: other predictions; load the file: the saved ones, bit for bit.
    await act(p, 'reset');
    await p.evaluate((w) => document.querySelector(w).whenIdle(), W);
    assert.notDeepEqual(await predictions(p), trained);
    const file = p.locator(`${W} input[type=file][aria-label="weights file"]`);
    await file.setInputFiles({ name: 'saved.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await p.waitForFunction((w) => /loaded|已载入/.test(document.querySelector(w).els.weightsNote.textContent), W);
    await p.evaluate((w) => document.querySelector(w).whenIdle(), W);
    assert.deepEqual(await predictions(p), trained);
    // A truncated file and a file of the other network: errors with the byte offset; the net stays.
    await file.setInputFiles({ name: 'cut.bin', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, 1000) });
    await p.waitForFunction((w) => document.querySelector(w).els.weightsNote.classList.contains('error'), W);
    assert.match(await p.locator(`${W} .note.error`).textContent(), /^cut\.bin: .*truncated.*byte offset 1000\)$/);
    const other = Buffer.from(bytes);
    other.writeUInt32LE(1, 12);
    await file.setInputFiles({ name: 'other.bin', mimeType: 'application/octet-stream', buffer: other });
    await p.waitForFunction((w) => /other\.bin/.test(document.querySelector(w).els.weightsNote.textContent), W);
    assert.match(await p.locator(`${W} .note.error`).textContent(), /'modern'.*byte offset 12\)$/);
    assert.deepEqual(await predictions(p), trained);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('IDX files: a broken set is refused with the file and byte offset; a good set is used in place of the subset', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#net=modern&epochs=1');
    const idx = (dims, data) => {
      const head = Buffer.alloc(4 + 4 * dims.length);
      head.writeUInt32BE(0x800 + dims.length, 0);
      dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
      return Buffer.concat([head, Buffer.from(data)]);
    };
    const digits = await p.evaluate((w) => {
      const t = document.querySelector(w).digits.test;
      return { images: Array.from(t.images.subarray(0, 300 * 784)), labels: Array.from(t.labels.subarray(0, 300)) };
    }, W);
    const files = [
      { name: 'train-images-idx3-ubyte', buffer: idx([200, 28, 28], digits.images.slice(0, 200 * 784)) },
      { name: 'train-labels-idx1-ubyte', buffer: idx([200], digits.labels.slice(0, 200)) },
      { name: 't10k-images-idx3-ubyte', buffer: idx([100, 28, 28], digits.images.slice(200 * 784)) },
      { name: 't10k-labels-idx1-ubyte', buffer: idx([100], digits.labels.slice(200)) },
    ].map((f) => ({ ...f, mimeType: 'application/octet-stream' }));
    const input = p.locator(`${W} input[type=file][aria-label="IDX files"]`);
    const broken = files.map((f, i) => (i === 2 ? { ...f, buffer: f.buffer.subarray(0, 5000) } : f));
    await input.setInputFiles(broken);
    await p.waitForFunction((w) => document.querySelector(w).els.dataNote.classList.contains('error'), W);
    assert.match(await p.locator(`${W} .note.error`).textContent(), /^t10k-images-idx3-ubyte: .*truncated.*offset 16/);
    assert.equal((await readout(p)).testCount, 2000, 'the subset stays');
    await input.setInputFiles(files);
    await p.waitForFunction((w) => document.querySelector(w).readout.testCount === 100, W);
    assert.equal((await p.evaluate((w) => document.querySelector(w).state, W)).data, 'idx');
    assert.match(await p.locator(`${W} fieldset .note`).first().textContent(), /200 \/ 100/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  // Full size through the page: Debian's dataset-fashion-mnist (tools/install-deps.sh), gzipped, read by the page.
  const FASHION = '/usr/share/datasets/fashion-mnist';
  test('IDX files at full size: the four gzipped Fashion-MNIST files, 60,000 / 10,000, measured in slices', { skip: !existsSync(FASHION) && 'no Fashion-MNIST files', timeout: 240000 }, async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#net=modern&epochs=1');
    const names = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
    await p.locator(`${W} input[type=file][aria-label="IDX files"]`).setInputFiles(names.map((n) => `${FASHION}/${n}.gz`));
    await p.waitForFunction((w) => { const r = document.querySelector(w).readout; return r.testCount === 10000 && r.evaluatedPass === 0; }, W, { timeout: 200000 });
    const r = await readout(p);
    assert.equal(r.confusion.reduce((a, b) => a + b, 0), 10000);
    for (let d = 0; d < 10; d++) assert.equal(r.confusion.slice(10 * d, 10 * d + 10).reduce((a, b) => a + b, 0), 1000); // balanced classes
    assert.match(await p.locator(`${W} fieldset .note`).first().textContent(), /60000 \/ 10000/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('settings in the URL hash, hostile hashes ignored, Chinese labels', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#net=modern&seed=7&epochs=2&lr=0.02&batch=16&digit=5&maps=test&x=<b>');
    const s = await p.evaluate((w) => document.querySelector(w).state, W);
    assert.deepEqual([s.net, s.seed, s.epochs, s.lr, s.batch, s.digit], ['modern', 7, 2, 0.02, 16, 5]);
    await p.locator(`${W} select[name=net]`).selectOption('lecun1998');
    assert.match(await pageHash(p), /^#net=lecun1998&/);
    await p.evaluate(() => { location.hash = '#net=evil&seed=-1&epochs=1e9&digit=abc'; });
    await p.waitForTimeout(100);
    const s2 = await p.evaluate((w) => document.querySelector(w).state, W);
    assert.deepEqual([s2.net, s2.seed, s2.epochs, s2.digit], ['lecun1998', 7, 2, 5]);
    // The "Try:" links name every field and give the same state whatever was clicked before.
    await checkPresetLinks(p, W, '#net=modern&seed=9&epochs=5&lr=0.03&batch=8&digit=3&maps=pad', [[0, 1, 2, 3], [3, 2, 1, 0]]);
    await p.locator('#lang').click();
    assert.equal(await p.locator(`${W} h2`).textContent(), 'LeNet-5 识别 MNIST 手写数字');
    assert.equal(await p.locator(`${W} button[data-act="play"]`).textContent(), '训练');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
