// The Boltzmann-learning page, driven like a person would: load over http and
// from file://, learn the 4-2-4 encoder by exact statistics and watch the
// shown log-likelihood rise (checked against an enumeration of the shown
// weights written here), the difference matrix against data − model and the
// model statistics against the same enumeration, fantasies, the recall table,
// pattern completion with clamped units, and links that keep the state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';
import { checkPresetLinks } from './presets.mjs';

const W = 'simcore-boltzmann';
const BASE = { set: 'encoder', machine: 'bm', hidden: '2', method: 'exact', epsilon: '0.05', temperature: '1', sweeps: '20', anneal: '10',
  tStart: '10', k: '1', seed: '2', speed: '200', epochs: '2000' };
const hashOf = (o) => `#${new URLSearchParams({ ...BASE, ...o }).toString()}`;

const open = (browser, server, how, hash = '') => openPage(browser, server, pageUrls(server, 'boltzmann.html')[how] + hash, W);
const idle = (p) => p.evaluate((sel) => document.querySelector(sel).whenIdle(), W);
const read = (p, what) => p.evaluate(([sel, w]) => structuredClone(document.querySelector(sel)[w]), [W, what]);
const act = (p, name) => p.locator(`${W} button[data-act="${name}"]`).first().click();

/** Learns until the element has stopped at its epoch limit. */
async function learnToEnd(p) {
  await act(p, 'play');
  await p.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !el.running?.learn && el.epoch >= el.state.epochs;
  }, W, { timeout: 60000 });
  await idle(p);
}

/** The encoder's data: V1 and V2 one-hot at the same k. */
const ENCODER = [0, 1, 2, 3].map((k) => Array.from({ length: 8 }, (_, i) => (i % 4 === k ? 1 : -1)));

/**
 * An independent reference: every state of the machine with weights w (n × n)
 * and biases b at T = 1, E = −½ sᵀWs − bᵀs. Returns the mean ln P(v) of the
 * data and the free phase's ⟨s_i s_j⟩.
 */
function enumerate(w, b, n, nv, data) {
  const states = 1 << n;
  const negE = new Float64Array(states);
  let max = -Infinity;
  const s = new Float64Array(n);
  for (let m = 0; m < states; m++) {
    for (let i = 0; i < n; i++) s[i] = (m >> i) & 1 ? 1 : -1;
    let e = 0;
    for (let i = 0; i < n; i++) {
      e += b[i] * s[i];
      for (let j = 0; j < n; j++) e += 0.5 * w[i * n + j] * s[i] * s[j];
    }
    negE[m] = e;
    max = Math.max(max, e);
  }
  let z = 0;
  const pairs = new Float64Array(n * n);
  for (let m = 0; m < states; m++) {
    const p = Math.exp(negE[m] - max);
    z += p;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pairs[i * n + j] += p * (((m >> i) & 1 ? 1 : -1) * ((m >> j) & 1 ? 1 : -1));
  }
  const logZ = max + Math.log(z);
  let ll = 0;
  for (const v of data) {
    let vm = 0;
    for (let i = 0; i < nv; i++) if (v[i] > 0) vm |= 1 << i;
    let sum = 0;
    for (let hm = 0; hm < 1 << (n - nv); hm++) sum += Math.exp(negE[vm | (hm << nv)] - max);
    ll += max + Math.log(sum) - logZ;
  }
  return { ll: ll / data.length, model: Array.from(pairs, (x) => x / z) };
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`boltzmann.html over ${how}: loads, typeset equations, no console errors or outside requests`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      assert.match(await p.locator(`${W} .timing`).textContent(), /^units 8 \+ 2 · 4 data vectors · simcore \S+ SIMD$/);
      assert.ok(await p.locator('.katex').count() >= 8);
      await idle(p);
      const m = await read(p, 'matrices');
      assert.equal(m.n, 10);
      assert.equal(m.how, 'exact');
      assert.equal((await read(p, 'recall')).rows.length, 4);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('exact learning on the encoder raises the shown log-likelihood, which is that of the shown weights', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', hashOf({ epsilon: '0.02', epochs: '400', speed: 'max' }));
    const start = await read(p, 'matrices');
    // Epoch 0: the initial weights' log-likelihood, by the enumeration here.
    const ll0 = (await read(p, 'logLikelihood')).values[0];
    assert.ok(Math.abs(enumerate(start.weights, start.biases, 10, 8, ENCODER).ll - ll0) < 1e-9);
    await learnToEnd(p);
    const { epochs, values } = await read(p, 'logLikelihood');
    assert.deepEqual(epochs, Array.from({ length: 401 }, (_, k) => k), 'one point per epoch');
    // The exact gradient with a small ε: ln P never falls (docs/boltzmann.md), and it rises a lot.
    for (let k = 1; k < values.length; k++) assert.ok(values[k] >= values[k - 1] - 1e-12, `ln P fell at epoch ${k}`);
    assert.ok(values[400] > values[0] + 1.5, `${values[0]} -> ${values[400]}`);
    assert.ok(values[400] <= Math.log(1 / 4) + 1e-12, 'never above −H(data) = ln ¼');
    const end = await read(p, 'matrices');
    assert.ok(Math.abs(enumerate(end.weights, end.biases, 10, 8, ENCODER).ll - values[400]) < 1e-9);
    // The read-out under the curve says the same number.
    assert.match(await p.locator(`${W} figure.ll .read`).textContent(), new RegExp(`epoch 400 · ln P = ${values[400].toFixed(3).replace('-', '−?-?')}`));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the difference matrix is data − model; the model statistics are those of the shown weights', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', hashOf({ epochs: '50', speed: 'max' }));
    await learnToEnd(p);
    const m = await read(p, 'matrices');
    const n = m.n;
    for (let i = 0; i < n * n; i++) assert.equal(m.diff[i], m.data[i] - m.model[i]);
    for (let i = 0; i < n; i++) {
      assert.equal(m.data[i * n + i], 1);
      for (let j = 0; j < n; j++) assert.ok(Math.abs(m.model[i * n + j] - m.model[j * n + i]) < 1e-12);
    }
    const ref = enumerate(m.weights, m.biases, n, 8, ENCODER);
    for (let i = 0; i < n * n; i++) assert.ok(Math.abs(ref.model[i] - m.model[i]) < 1e-9, `model pair ${i}`);
    // The clamped phase of the encoder: V1 and V2 show the same code, so ⟨s_0 s_4⟩data = 1 and ⟨s_0 s_1⟩data = 0.
    assert.ok(Math.abs(m.data[0 * n + 4] - 1) < 1e-12);
    assert.ok(Math.abs(m.data[0 * n + 1] - 0) < 1e-12);
    // The canvas shows the largest |difference| fully saturated (red +, blue −).
    let big = 0;
    for (let i = 0; i < n * n; i++) if (Math.abs(m.diff[i]) > Math.abs(m.diff[big])) big = i;
    const rgb = await p.evaluate(([sel, k, size]) => {
      const c = document.querySelector(sel).shadowRoot.querySelector('canvas[data-m=diff]');
      const cell = c.width / size;
      return Array.from(c.getContext('2d').getImageData(Math.floor(((k % size) + 0.5) * cell), Math.floor((Math.floor(k / size) + 0.5) * cell), 1, 1).data.slice(0, 3));
    }, [W, big, n]);
    assert.deepEqual(rgb, m.diff[big] > 0 ? [0x67, 0x00, 0x1f] : [0x05, 0x30, 0x61]);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('a learned encoder: fantasies are mostly the data, the recall table is green; a stuck seed is not', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', hashOf({ speed: 'max' }));
    await learnToEnd(p);
    const r = await read(p, 'recall');
    assert.equal(r.distinct && r.recalled, true, JSON.stringify(r.rows.map((x) => [x.code, x.output])));
    assert.deepEqual(r.rows.map((x) => x.output), [0, 1, 2, 3]);
    await act(p, 'newFantasies');
    await idle(p);
    const fantasies = await read(p, 'fantasyPatterns');
    assert.equal(fantasies.length, 12);
    for (const f of fantasies) {
      assert.equal(f.visible.length, 8);
      assert.equal(f.hidden.length, 2);
      assert.ok([...f.visible, ...f.hidden].every((v) => v === 1 || v === -1));
    }
    // The learned machine puts e^(ln P) · 4 ≈ 0.94 of its mass on the four codes.
    const hits = fantasies.filter((f) => ENCODER.some((v) => v.join() === f.visible.join())).length;
    assert.ok(hits >= 7, `${hits} of 12 fantasies are data vectors`);
    assert.match(await p.locator(`${W} figure.fant .read`).textContent(), new RegExp(`^${hits} / 12 `));
    await ctx.close();

    const stuck = await open(browser, server, 'http', hashOf({ seed: '1', speed: 'max' }));
    await learnToEnd(stuck.p);
    const s = await read(stuck.p, 'recall');
    assert.equal(s.distinct && s.recalled, false);
    assert.ok((await read(stuck.p, 'logLikelihood')).values.at(-1) < -2);
    assert.deepEqual(problems, NO_PROBLEMS);
    assert.deepEqual(stuck.problems, NO_PROBLEMS);
    await stuck.ctx.close();
  });

  test('pattern completion: clicks clamp and free units; clamped units never change while sampling', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', hashOf({ set: 'bars3', hidden: '3' }));
    await idle(p);
    let c = await read(p, 'completion');
    assert.deepEqual(c.clamp, new Array(9).fill(0));
    // Click units 0, 4 and 8 (the diagonal of the 3 × 3 grid): each is clamped at the value it showed.
    const grid = p.locator(`${W} canvas.unitsGrid`).first();
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    const click = (i) => p.mouse.click(box.x + ((i % 3) + 0.5) * (box.width / 3), box.y + (Math.floor(i / 3) + 0.5) * (box.height / 3));
    for (const i of [0, 4, 8]) {
      const shown = c.clamp[i] || !c.sample ? c.values[i] : c.sample[i];
      await click(i);
      await idle(p); // the click asks for a new sample
      c = await read(p, 'completion');
      assert.equal(c.values[i], shown);
    }
    assert.deepEqual(c.clamp, [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    await click(4); // free again
    await idle(p);
    c = await read(p, 'completion');
    assert.deepEqual(c.clamp, [1, 0, 0, 0, 0, 0, 0, 0, 1]);
    // The keyboard: focus, two steps right, space clamps unit 2; space again frees it.
    await grid.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'Space']) await p.keyboard.press(key);
    await idle(p);
    assert.deepEqual((await read(p, 'completion')).clamp, [1, 0, 1, 0, 0, 0, 0, 0, 1]);
    await p.keyboard.press('Space');
    await idle(p);
    c = await read(p, 'completion');
    assert.deepEqual(c.clamp, [1, 0, 0, 0, 0, 0, 0, 0, 1]);
    // Sample for a while: the clamped units keep their values, the free ones move.
    await act(p, 'run');
    const samples = await p.evaluate(async (sel) => {
      const el = document.querySelector(sel);
      const seen = [];
      let last = -1;
      while (seen.length < 30) {
        await new Promise((r) => requestAnimationFrame(r));
        const x = el.completion;
        if (x.count !== last) { last = x.count; seen.push(x); }
      }
      return seen;
    }, W);
    await act(p, 'run'); // stop
    for (const x of samples) {
      assert.equal(x.sample[0], c.values[0]);
      assert.equal(x.sample[8], c.values[8]);
      assert.ok(x.sample.every((v) => v === 1 || v === -1));
      assert.ok(Math.abs(x.probs[0] - (c.values[0] > 0 ? 1 : 0)) < 1e-12, 'a clamped unit has P = 0 or 1');
      assert.ok(x.probs.every((q) => q >= 0 && q <= 1));
    }
    const free = [1, 2, 3, 4, 5, 6, 7];
    assert.ok(free.some((i) => new Set(samples.map((x) => x.sample[i])).size === 2), 'the free units are sampled');
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('drawn patterns: cells clicked on the 4 × 4 grid join the data set and the link; one can be removed', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http', hashOf({ set: 'drawn', hidden: '2' }));
    await idle(p);
    const grid = p.locator(`${W} canvas.draw`);
    await grid.scrollIntoViewIfNeeded();
    const box = await grid.boundingBox();
    for (const i of [0, 5, 10, 15]) await p.mouse.click(box.x + ((i % 4) + 0.5) * (box.width / 4), box.y + (Math.floor(i / 4) + 0.5) * (box.height / 4));
    await act(p, 'add');
    await p.waitForFunction((sel) => document.querySelector(sel).state.drawn.split('.').length === 3, W);
    await idle(p);
    assert.match(await p.locator(`${W} .timing`).textContent(), /units 16 \+ 2 · 3 data vectors/);
    const diagonal = Array.from({ length: 16 }, (_, i) => ([0, 5, 10, 15].includes(i) ? 1 : -1));
    assert.deepEqual((await read(p, 'completion')).values.length, 16);
    // The diagonal is the third data vector: completion can start from it.
    await p.locator(`${W} select[name=compStart]`).selectOption({ value: '2' });
    await idle(p);
    assert.deepEqual((await read(p, 'completion')).values, diagonal);
    assert.match(await pageHash(p), /drawn=4\*T0Q\.4\*-Z8\.4\*/);
    await p.locator(`${W} button[data-act=remove]`).first().click();
    await p.waitForFunction((sel) => document.querySelector(sel).state.drawn.split('.').length === 2, W);
    await idle(p);
    assert.match(await p.locator(`${W} .timing`).textContent(), /· 2 data vectors/);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the "Try:" links name every field and give the same state in any order', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    const { links, rounds } = await checkPresetLinks(p, W, hashOf({ set: 'bars3', seed: '9', hidden: '5' }), [[0, 1, 2, 3, 4], [4, 2, 0, 3, 1]]);
    assert.equal(links.length, 5);
    const bars = rounds[0][3].state;
    assert.deepEqual([bars.set, bars.machine, bars.hidden, bars.method], ['bars4', 'rbm', 8, 'cd']);
    await idle(p);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('the link keeps the state; a large full machine says why exact statistics are off', async () => {
    const hash = hashOf({ set: 'bars4', machine: 'bm', hidden: '6', method: 'exact', epsilon: '0.1', temperature: '1.5', sweeps: '33', anneal: '7',
      tStart: '12', k: '3', seed: '77', speed: '50', epochs: '123' });
    const { ctx, p, problems } = await open(browser, server, 'http', hash);
    await idle(p);
    const s = await read(p, 'state');
    assert.deepEqual({ ...s, drawn: undefined }, { set: 'bars4', machine: 'bm', hidden: 6, method: 'exact', epsilon: 0.1, temperature: 1.5, sweeps: 33,
      anneal: 7, tStart: 12, k: 3, seed: 77, speed: '50', epochs: 123, drawn: undefined });
    // 16 + 6 = 22 units: no enumeration, Gibbs statistics, no exact log-likelihood for a full machine.
    assert.equal(await p.locator(`${W} select[name=method] option[value=exact]`).evaluate((o) => o.disabled), true);
    assert.match(await p.locator(`${W} .note.why`).textContent(), /n = 22 units/);
    assert.equal((await read(p, 'matrices')).how, 'gibbs');
    assert.match(await p.locator(`${W} figure.ll .read`).textContent(), /No exact log-likelihood/);
    // A control writes the hash; the hash opens the same state.
    await p.locator(`${W} select[name=machine]`).selectOption('rbm');
    await idle(p);
    const written = await pageHash(p);
    assert.match(written, /machine=rbm/);
    const again = await open(browser, server, 'file', written);
    await idle(again.p);
    assert.deepEqual(await read(again.p, 'state'), { ...s, machine: 'rbm' });
    // The RBM's log-likelihood is exact again (its hidden layer summed out).
    assert.ok(Number.isFinite((await read(again.p, 'logLikelihood')).values[0]));
    // Hostile or out-of-range values are ignored.
    await again.p.evaluate(() => { location.hash = '#hidden=99&set=<b>x</b>&epsilon=1e9&seed=5'; });
    await again.p.waitForFunction((sel) => document.querySelector(sel).state.seed === 5, W);
    const h = await read(again.p, 'state');
    assert.equal(h.hidden, 6);
    assert.equal(h.set, 'bars4');
    assert.equal(h.epsilon, 0.1);
    assert.deepEqual(problems, NO_PROBLEMS);
    assert.deepEqual(again.problems, NO_PROBLEMS);
    await ctx.close();
    await again.ctx.close();
  });
});
