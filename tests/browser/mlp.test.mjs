// The back-propagation page, driven like a person would: load over http and
// from file://, train Haykin's double moon to its test error readout, reset
// to the same initial weights and train again to the same weights, two
// configurations side by side, a click that adds a training point (and a
// link that keeps it), the layer editor, hostile hashes, the language, a
// phone screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';

const W = 'simcore-mlp';

const open = (browser, server, how, hash = '', context = {}) =>
  openPage(browser, server, pageUrls(server, 'backprop.html')[how] + hash, W, { context });

const get = (p, what) => p.evaluate(([sel, w]) => JSON.parse(JSON.stringify(document.querySelector(sel)[w])), [W, what]);
const act = (p, name) => p.locator(`${W} button[data-act="${name}"]`).click();
const idle = (p) => p.evaluate((sel) => document.querySelector(sel).whenIdle(), W);
/** Press play and wait until training stopped at the epoch limit. */
async function trainToLimit(p) {
  const limit = (await get(p, 'state')).epochs;
  await act(p, 'play');
  await p.waitForFunction(([sel, n]) => {
    const el = document.querySelector(sel);
    return !el.running && el.readout.every((r) => r && r.epoch === n);
  }, [W, limit], { timeout: 60000 });
  await idle(p);
}

/** The colour of the decision map's image at data point (x, y) of network k: [r, g, b]. */
const mapColour = (p, k, x, y) => p.evaluate(([sel, k, x, y]) => {
  const el = document.querySelector(sel);
  const img = el.cards[k].image;
  const v = el.data.view;
  const i = Math.round((x - v.x0) / (v.x1 - v.x0) * (img.width - 1));
  const j = Math.round((1 - (y - v.y0) / (v.y1 - v.y0)) * (img.height - 1));
  return Array.from(img.data.slice(4 * (j * img.width + i), 4 * (j * img.width + i) + 3));
}, [W, k, x, y]);

const FAST = '#net=20:tanh&speed=max&epochs=30';

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`backprop.html over ${how}: loads, typeset equations, trains d = 1 to no test error, no console errors`, async () => {
      const { ctx, p, problems } = await open(browser, server, how, FAST);
      assert.match(await p.locator(`${W} .timing`).textContent(), /^simcore \S+ SIMD$/);
      assert.ok(await p.locator('.katex').count() >= 5);
      const before = (await get(p, 'readout'))[0];
      assert.equal(before.epoch, 0);
      assert.equal(before.testCount, 2000);
      assert.equal(before.trainCount, 1000);
      await trainToLimit(p);
      const r = (await get(p, 'readout'))[0];
      // Haykin §4.7 (docs/mlp.md): with d = 1 a 2-20-1 network separates the moons.
      assert.equal(r.testErrors, 0, 'test errors after 30 epochs');
      // The confusion matrix counts the same test set: diagonal right, off-diagonal the errors.
      assert.equal(r.confusion.reduce((a, b) => a + b, 0), 2000);
      assert.equal(r.confusion[1] + r.confusion[2], r.testErrors);
      assert.ok(Number.isFinite(r.gradNorm) && r.gradNorm > 0);
      // The read-out a student sees says the same.
      const read = await p.locator(`${W} .card[data-net=A] .read`).textContent();
      assert.match(read, /test errors 0 \/ 2000 \(0\.00 %\)/);
      assert.match(read, /epoch 30/);
      // One curve row per epoch, 0..30; the last test error rate is the read-out's.
      const rows = (await get(p, 'curves'))[0];
      assert.deepEqual(rows.map((row) => row[0]), Array.from({ length: 31 }, (_, k) => k));
      assert.equal(rows[30][4], r.testErrors / 2000);
      assert.ok(rows[30][1] < rows[0][1] / 5, `training loss fell: ${rows[0][1]} -> ${rows[30][1]}`);
      // The map: blue over the upper moon's crest (0, r), red over the lower one's trough (r, -d - r).
      const up = await mapColour(p, 0, 0, 10);
      const down = await mapColour(p, 0, 10, -11);
      assert.ok(up[2] > up[0] + 40, `upper moon blue: ${up}`);
      assert.ok(down[0] > down[2] + 40, `lower moon red: ${down}`);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('reset returns to the same initial weights, and training again gives the same weights', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#speed=max&epochs=5&batch=8');
    const w0 = (await get(p, 'weights'))[0];
    assert.equal(w0.length, 2 * 20 + 20 + 20 + 1);
    await trainToLimit(p);
    const w5 = (await get(p, 'weights'))[0];
    assert.notDeepEqual(w5, w0);
    await act(p, 'reset');
    await idle(p);
    assert.deepEqual((await get(p, 'weights'))[0], w0);
    assert.equal((await get(p, 'curves'))[0].length, 1);
    await trainToLimit(p);
    assert.deepEqual((await get(p, 'weights'))[0], w5);
    // One sample: the weights move, the epoch does not, the read-out names the sample and the map rings it.
    await act(p, 'stepSample');
    await idle(p);
    assert.notDeepEqual((await get(p, 'weights'))[0], w5);
    assert.equal((await get(p, 'readout'))[0].epoch, 5);
    assert.match(await p.locator(`${W} .card[data-net=A] .read`).textContent(), /epoch 5 · last sample \d+ \(-?\d+\.\d\d, -?\d+\.\d\d\) [+−]1/);
    // Its BP view: S, x and δ of both layers; the output's δ is y − x (linear output, φ' = 1).
    const [bp] = await get(p, 'bp');
    assert.equal(bp.layers.length, 2);
    assert.equal(bp.layers[0].S.length, 20);
    assert.ok(Math.abs(bp.layers[1].delta[0] - (bp.target[0] - bp.layers[1].x[0])) < 1e-5);
    assert.equal(await p.locator(`${W} .card[data-net=A] .bp table`).count(), 2);
    assert.equal(await p.locator(`${W} .card[data-net=A] .bp table`).first().locator('tr').count(), 21);
    // One epoch at a time: the step button trains exactly one.
    await p.evaluate((sel) => document.querySelector(sel).setState({ epochs: 7 }), W);
    await act(p, 'stepEpoch');
    await idle(p);
    assert.equal((await get(p, 'readout'))[0].epoch, 6);
    assert.equal(await p.locator(`${W} .card[data-net=A] .bp`).isHidden(), true, 'the BP view goes with its step');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the BP view typesets the lecture\'s equations with the sample\'s numbers, and they hold', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#net=4:tanh&epochs=3&speed=max');
    await act(p, 'stepSample');
    await idle(p);
    const bp = p.locator(`${W} .card[data-net=A] .bp`);
    assert.equal(await bp.locator('.bpMath .katex').count(), 4, 'two layers: δ and the update term each');
    // The numbers written into the equations' boxes, per layer: { name: value }.
    const layers = await bp.locator('.bpMath').evaluateAll((list) => list.map((m) => Object.fromEntries(
      [...m.querySelectorAll('[data-value]')].map((e) => [/v-(\w+)/.exec(e.className)[1], Number(e.dataset.value)]))));
    const texts = await bp.locator('.bpMath [data-value]').allTextContents();
    assert.ok(texts.length >= 10 && texts.every((x) => /^-?\d/.test(x.trim())), `boxes hold numbers: ${texts}`);
    const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-5 * Math.max(1e-3, Math.abs(b)), `${what}: ${a} vs ${b}`);
    const [hid, out] = layers;
    near(hid.dphi * hid.sum, hid.delta, 'hidden δ = φ′(S) Σ w δ');
    near(out.dphi * (out.y - out.x), out.delta, 'output δ = φ′(S)(y − x)');
    for (const l of layers) near(l.eta * l.delta * l.xin, l.dw, 'η δ x');
    assert.equal(hid.eta, Math.fround((await get(p, 'state')).eta));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('η annealed over the epoch limit by the core; a stopping criterion ends training and says which', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#speed=max&epochs=12&schedule=linear&eta=0.05&etaEnd=0.001');
    assert.equal(await p.locator(`${W} input[name=etaEnd]`).isVisible(), true);
    await trainToLimit(p);
    const r = (await get(p, 'readout'))[0];
    assert.equal(r.eta, Math.fround(0.001), 'the last epoch ran at η_end');
    assert.match(await p.locator(`${W} .card[data-net=A] .read`).textContent(), /η = 1\.00e-3/);
    // |ΔE_av| < 10 holds after one epoch: set through the control, then train from the initial weights.
    const tol = p.locator(`${W} input[name=changeTol]`);
    await tol.fill('10');
    await tol.dispatchEvent('change');
    await act(p, 'reset');
    await idle(p);
    await act(p, 'play');
    await p.waitForFunction((sel) => {
      const el = document.querySelector(sel);
      return !el.running && el.readout[0]?.stopped;
    }, W, { timeout: 30000 });
    const s = (await get(p, 'readout'))[0];
    assert.equal(s.stopped, 'error-change');
    assert.equal(s.epoch, 1);
    assert.match(await p.locator(`${W} .card[data-net=A] .read`).textContent(), /stopped: E_av changed less than the threshold/);
    assert.match(await p.locator(`${W} .info`).textContent(), /stopping criterion/);
    assert.match(await pageHash(p), /changeTol=10/);
    // A constant η hides η_end.
    await p.locator(`${W} select[name=schedule]`).selectOption('constant');
    assert.equal(await p.locator(`${W} input[name=etaEnd]`).isVisible(), false);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('three classes: softmax and cross-entropy, a 3 × 3 confusion matrix, a map in three colours', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#data=gaussians&classes=3&noise=0&n=300&nTest=300&net=8:tanh&epochs=20&speed=max&batch=8&eta=0.05');
    await trainToLimit(p);
    const r = (await get(p, 'readout'))[0];
    assert.equal(r.confusion.length, 9);
    assert.equal(r.confusion.reduce((a, b) => a + b, 0), 300);
    assert.equal(300 - (r.confusion[0] + r.confusion[4] + r.confusion[8]), r.testErrors);
    assert.ok(r.testErrors < 15, `three separated clouds: ${r.testErrors} wrong`);
    const card = p.locator(`${W} .card[data-net=A]`);
    assert.equal(await card.locator('table.confusion td').count(), 9);
    assert.match(await card.locator('.name').textContent(), /^A · 2-8-3/);
    assert.equal(await p.locator(`${W} select[name=loss]`).inputValue(), 'ce');
    assert.equal(await p.locator(`${W} select[name=loss] option[value=mse]`).evaluate((o) => o.disabled), true);
    // Each cloud's centre is in its class's colour: red (class 1), blue (2), green (3), as the points are.
    const colours = [];
    for (const a of [0, 1, 2].map((c) => Math.PI / 2 + (2 * Math.PI * c) / 3)) colours.push(await mapColour(p, 0, 5 * Math.cos(a), 5 * Math.sin(a)));
    assert.ok(colours[0][0] > colours[0][2] + 40, `class 1 red: ${colours[0]}`);
    assert.ok(colours[1][2] > colours[1][0] + 40, `class 2 blue: ${colours[1]}`);
    assert.ok(colours[2][1] > colours[2][0] + 30 && colours[2][1] > colours[2][2] + 30, `class 3 green: ${colours[2]}`);
    // A click adds no ±1 point to three-class data.
    const box = await card.locator('canvas.map').boundingBox();
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await idle(p);
    assert.equal((await get(p, 'readout'))[0].trainCount, 300);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('side by side: logistic and ReLU train in lockstep on the same data, curves overlaid', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#speed=max&epochs=20');
    // Ticking "side by side" shows the default pair: logistic (A) against ReLU (B).
    await p.locator(`${W} #c-compare`).check();
    await p.waitForFunction((sel) => document.querySelector(sel).readout.length === 2 && document.querySelector(sel).readout[1], W);
    assert.equal(await p.locator(`${W} .card:not([hidden])`).count(), 2);
    assert.match(await p.locator(`${W} .card[data-net=A] .name`).textContent(), /A · 2-20-1 · logistic/);
    assert.match(await p.locator(`${W} .card[data-net=B] .name`).textContent(), /B · 2-20-1 · ReLU/);
    await trainToLimit(p);
    const [a, b] = await get(p, 'readout');
    assert.equal(a.epoch, 20);
    assert.equal(b.epoch, 20);
    const [ca, cb] = await get(p, 'curves');
    assert.equal(ca.length, 21);
    assert.equal(cb.length, 21);
    for (const c of [ca, cb]) assert.ok(c[20][1] < c[0][1], 'both losses fall');
    const [wa, wb] = await get(p, 'weights');
    assert.equal(wa.length, wb.length);
    assert.notDeepEqual(wa, wb);
    // Four curves on each chart (A and B, training and test), each as long as the epochs.
    const series = await p.evaluate((sel) => document.querySelector(sel).errorCurves.plot.data.map((s) => s.length), W);
    assert.deepEqual(series, [21, 21, 21, 21, 21]);
    // Hidden units: one map per unit of layer 1 in each card, drawn by a frame asked for while paused.
    await p.locator(`${W} #c-units`).check();
    await p.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('.card canvas.tile').length === 40, W);
    assert.equal(await p.locator(`${W} .card[data-net=B] canvas.tile`).count(), 20);
    // The CSV button saves the same numbers.
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator(`${W} button[data-act=csv]`).first().click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    assert.equal(lines[0], 'epoch,A_train_loss,A_test_loss,A_train_error,A_test_error,B_train_loss,B_test_loss,B_train_error,B_test_error');
    assert.equal(lines.length, 22);
    assert.deepEqual(lines[21].split(',').map(Number), [20, ...ca[20].slice(1), ...cb[20].slice(1)]);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('softmax and cross-entropy on the circle: trained to few test errors, the map and read-out from two outputs', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', '#loss=ce&data=circle&n=300&nTest=300&net=20:tanh,20:tanh&eta=0.03&speed=max&epochs=40');
    assert.equal((await get(p, 'weights'))[0].length, 2 * 20 + 20 + 20 * 20 + 20 + 20 * 2 + 2);
    await trainToLimit(p);
    const r = (await get(p, 'readout'))[0];
    assert.ok(r.testErrors <= 15, `${r.testErrors} of 300 wrong`);
    assert.equal(r.confusion[1] + r.confusion[2], r.testErrors);
    // The disk in the middle is class +1 (blue), the ring around it class −1 (red).
    const mid = await mapColour(p, 0, 0, 0);
    const ring = await mapColour(p, 0, 7.5, 0);
    assert.ok(mid[2] > mid[0] + 40, `centre blue: ${mid}`);
    assert.ok(ring[0] > ring[2] + 40, `ring red: ${ring}`);
    assert.match(await p.locator(`${W} .card[data-net=A] .name`).textContent(), /2-20-20-2/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a click on the map adds a training point of the chosen class; the link keeps it', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#epochs=3');
    await p.locator(`${W} select[name=addClass]`).selectOption('minus');
    const map = p.locator(`${W} .card[data-net=A] canvas.map`);
    const box = await map.boundingBox();
    await map.click({ position: { x: box.width * 0.25, y: box.height * 0.2 } });
    await idle(p);
    const s = await get(p, 'state');
    assert.equal(s.minus.length, 1);
    assert.equal(s.plus.length, 0);
    const v = await p.evaluate((sel) => document.querySelector(sel).data.view, W);
    assert.ok(Math.abs(s.minus[0][0] - (v.x0 + 0.25 * (v.x1 - v.x0))) < 0.01 * (v.x1 - v.x0));
    assert.ok(Math.abs(s.minus[0][1] - (v.y0 + 0.8 * (v.y1 - v.y0))) < 0.01 * (v.y1 - v.y0));
    assert.equal((await get(p, 'readout'))[0].trainCount, 1001);
    const hash = await pageHash(p);
    assert.match(hash, /minus=/);
    // The link rebuilds the same training set.
    const again = await open(browser, server, 'file', hash);
    assert.equal((await get(again.p, 'readout'))[0].trainCount, 1001);
    assert.deepEqual((await get(again.p, 'state')).minus, s.minus);
    await again.ctx.close();
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the layer editor adds a layer and sets its activation; the card names the network', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(0).locator('select').selectOption('tanh');
    await p.locator(`${W} .editor[data-field=net] button.addLayer`).click();
    assert.equal((await get(p, 'state')).net, '20:tanh,20:tanh');
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(1).locator('select').selectOption('relu');
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(1).locator('input').fill('7');
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(1).locator('input').dispatchEvent('change');
    assert.equal((await get(p, 'state')).net, '20:tanh,7:relu');
    await p.waitForFunction((sel) => document.querySelector(sel).weights[0]?.length === 2 * 20 + 20 + 20 * 7 + 7 + 7 + 1, W);
    assert.match(await p.locator(`${W} .card[data-net=A] .name`).textContent(), /2-20-7-1 · tanh, ReLU/);
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(0).locator('button.remove').click();
    await p.locator(`${W} .editor[data-field=net] .layer`).nth(0).locator('button.remove').click();
    assert.equal((await get(p, 'state')).net, '');
    await p.waitForFunction((sel) => document.querySelector(sel).weights[0]?.length === 3, W);
    assert.match(await pageHash(p), /[#&]net=&/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a slider dragged fast: sessions are built latest-wins, the last value is the one trained', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    const slider = p.locator(`${W} #c-n`);
    for (const v of ['200', '300', '400', '500', '600', '700', '800']) await slider.fill(v);
    await p.locator(`${W} #c-compare`).check();
    await p.locator(`${W} #c-compare`).uncheck();
    await idle(p);
    // The last session's first frame may still be on its way from the worker
    // (and a session rebuilt meanwhile starts with an empty read-out).
    await p.waitForFunction((sel) => document.querySelector(sel).readout?.[0]?.trainCount === 800, W);
    const r = await get(p, 'readout');
    assert.equal(r.length, 1);
    assert.equal(r[0].trainCount, 800);
    assert.equal((await get(p, 'data')).train.c ? Object.keys((await get(p, 'data')).train.c).length : 0, 800);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('own data: CSV pasted or read from a file trains in the page; the link does not carry it; back to the moon', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#speed=max&epochs=20&net=20:tanh');
    // Two separable clusters, labels 0 and 1 (1 is class +1): x1 + x2 > 0.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const a = ((i * 7919) % 1000) / 100 - 5;
      const b = ((i * 104729) % 1000) / 100 - 5;
      return `${a},${b},${a + b > 0.5 ? 1 : a + b < -0.5 ? 0 : (i % 2)}`;
    }).filter((r) => { const [a, b] = r.split(',').map(Number); return Math.abs(a + b) > 0.5; });
    await p.locator(`${W} details.own summary`).click();
    await p.locator(`${W} details.own textarea`).fill(`x1,x2,label\n${rows.join('\n')}`);
    await p.locator(`${W} button[data-act=useOwn]`).click();
    await p.waitForFunction(([sel, n]) => document.querySelector(sel).readout[0]?.trainCount === n, [W, rows.length - Math.floor(rows.length / 3)]);
    assert.equal((await get(p, 'readout'))[0].testCount, Math.floor(rows.length / 3));
    assert.match(await p.locator(`${W} details.own .note[role=status]`).textContent(), new RegExp(`own data: ${rows.length} rows`));
    assert.equal(await p.locator(`${W} #c-d`).isHidden(), true, 'the moon sliders step aside');
    await trainToLimit(p);
    assert.ok((await get(p, 'readout'))[0].testErrors <= 3, 'a straight boundary is learnt');
    assert.doesNotMatch(await pageHash(p), /own|x1/);
    // A bad file says why and keeps the data.
    await p.locator(`${W} details.own input[type=file]`).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('0,0,1\n1,1,2\n2,2,3\n3,3,4\n4,4,5\n5,5,6\n6,6,7\n') });
    await p.waitForFunction((sel) => /7 distinct values, 2 to 6 needed/.test(document.querySelector(sel).shadowRoot.querySelector('details.own .note[role=status]').textContent), W);
    assert.equal((await get(p, 'readout'))[0].testCount, Math.floor(rows.length / 3));
    // A good file replaces it.
    await p.locator(`${W} details.own input[type=file]`).setInputFiles({ name: 'four.csv', mimeType: 'text/csv', buffer: Buffer.from('0,0,-1\n1,1,1\n2,2,1\n3,3,-1\n') });
    await p.waitForFunction((sel) => document.querySelector(sel).readout[0]?.trainCount === 3, W);
    assert.match(await p.locator(`${W} details.own .note[role=status]`).textContent(), /four\.csv: 4 rows/);
    await p.locator(`${W} button[data-act=backOwn]`).click();
    await p.waitForFunction((sel) => document.querySelector(sel).readout[0]?.trainCount === 1000, W);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('hostile hashes keep the defaults; the language switch relabels the widget', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#net=999:foo&netB=20:relu,,&d=abc&n=1e9&loss=<b>&eta=-1&plus=1,2;x');
    const s = await get(p, 'state');
    assert.equal(s.net, '20:logistic');
    assert.equal(s.netB, '20:relu');
    assert.equal(s.d, 1);
    assert.equal(s.n, 1000);
    assert.equal(s.loss, 'mse');
    assert.equal(s.eta, 0.01);
    assert.deepEqual(s.plus, []);
    await p.click('#lang');
    assert.match(await p.textContent('h1'), /反向传播/);
    assert.equal((await p.locator(`${W} button[data-act=play]`).textContent()).trim(), '训练 ▶');
    assert.match(await p.locator(`${W} .card[data-net=A] .read`).textContent(), /测试错误/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('every "Try:" link names every field of the link', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    const links = await p.evaluate(() => [...document.querySelectorAll('.presets a')].map((a) => a.getAttribute('href')));
    const fields = await p.evaluate((w) => Object.entries(customElements.get(w).schema).filter(([, f]) => f.hash !== false).map(([k]) => k), W);
    assert.ok(links.length >= 5);
    for (const href of links) {
      assert.deepEqual([...new URLSearchParams(href.slice(1)).keys()].sort(), [...fields].sort(), href);
      await p.evaluate((h) => { location.hash = h; }, href);
      // The page writes the state back into the URL (encoded), or leaves the link when it changed nothing.
      await p.waitForFunction((sel) => {
        const read = (h) => JSON.stringify([...new URLSearchParams(h)].sort());
        return read(location.hash.slice(1)) === read(document.querySelector(sel).toHash());
      }, W);
      const want = Object.fromEntries(new URLSearchParams(href.slice(1)));
      const got = Object.fromEntries(new URLSearchParams(await p.evaluate((sel) => document.querySelector(sel).toHash(), W)));
      assert.deepEqual(got, want, href);
    }
    await idle(p);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a 390 px phone: nothing wider than the screen, the map first', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file', '#compare=1', { viewport: { width: 390, height: 844 } });
    assert.ok(await p.evaluate(() => document.scrollingElement.scrollWidth) <= 390);
    const map = await p.locator(`${W} .card[data-net=A] canvas.map`).boundingBox();
    const form = await p.locator(`${W} form`).boundingBox();
    assert.ok(map.width >= 300, `map ${map.width} px wide`);
    assert.ok(map.y < form.y, 'the map comes before the controls');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
