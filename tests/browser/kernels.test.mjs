// The kernel-methods page, driven like a person would: over http and from
// file://, every view's numbers against a direct call of the core on the
// same data (sc.kde1d, sc.kde2d, sc.kernelRegression, sc.svmTrain,
// sc.svmCrossValidate, loaded here in Node), densities that integrate to 1,
// a bad CSV that names its line and keeps the data, clicks that add and
// remove people, links that keep the state, and the Chinese labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { NO_PROBLEMS, openPage, withBrowser, pageUrls, pageHash } from './harness.mjs';
import zh from '../../web/widgets/kernels/lang.zh.mjs';
import { CV_MAX_ITER, TRAIN_MAX_ITER } from '../../web/widgets/kernels/jobs.mjs';

const W = 'simcore-kernels';
const sc = await loadSimcore();
const open = (browser, server, how, hash = '') => openPage(browser, server, pageUrls(server, 'kernels.html')[how] + hash, W);
const idle = (p) => p.evaluate((sel) => document.querySelector(sel).whenIdle(), W);
const read = (p, what) => p.evaluate(([sel, w]) => structuredClone(document.querySelector(sel)[w]), [W, what]);
const bySex = (rows, s) => rows.filter((r) => r.sex === s);

function close(actual, expected, tol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${what}[${i}]`);
    else assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`);
  }
}

/** Trapezoid rule over a uniform grid. */
const integrate = (x, y) => { let s = 0; for (let i = 1; i < x.length; i++) s += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2; return s; };

/** Standardised points and ±1 labels as the page documents them: z = (v − mean) / SD (n − 1). */
function standardise(rows) {
  const stats = (k) => {
    const m = rows.reduce((s, r) => s + r[k], 0) / rows.length;
    return [m, Math.sqrt(rows.reduce((s, r) => s + (r[k] - m) ** 2, 0) / (rows.length - 1))];
  };
  const [mh, sh] = stats('height');
  const [mw, sw] = stats('weight');
  return { x: Float64Array.from(rows.flatMap((r) => [(r.height - mh) / sh, (r.weight - mw) / sw])), labels: Int8Array.from(rows, (r) => (r.sex === 'm' ? 1 : -1)) };
}

/** Every view's numbers against the core called here on the element's data and settings. */
async function checkViews(p, { integrals = true } = {}) {
  await idle(p);
  const rows = await read(p, 'data');
  const s = await read(p, 'state');
  const v = await read(p, 'shown');
  for (const k of ['height', 'weight']) {
    for (const sex of ['m', 'f']) {
      const shown = v.kde1d[k][sex];
      const samples = Float64Array.from(bySex(rows, sex), (r) => r[k]);
      const bw = s.rule === 'hand' ? (k === 'height' ? s.hHeight : s.hWeight) : s.rule;
      const ref = sc.kde1d(samples, { kernel: s.kernel, bandwidth: bw, grid: { from: v.range[k][0], to: v.range[k][1], n: shown.x.length } });
      assert.equal(shown.bandwidth, ref.bandwidth);
      close(shown.density, ref.density, 1e-12, `kde1d ${k} ${sex}`);
      const area = integrate(shown.x, shown.density);
      if (integrals) assert.ok(Math.abs(area - 1) < 0.01, `${k} ${sex}: ∫ f̂ = ${area}`);
    }
  }
  for (const sex of ['m', 'f']) {
    const d = v.kde2d[sex].density;
    const n = Math.round(Math.sqrt(d.length));
    const dx = (v.range.height[1] - v.range.height[0]) / (n - 1);
    const dy = (v.range.weight[1] - v.range.weight[0]) / (n - 1);
    const area = d.reduce((a, b) => a + b, 0) * dx * dy;
    if (integrals) assert.ok(Math.abs(area - 1) < 0.03, `2-D ${sex}: ∫∫ f̂ = ${area}`);
    // The shown field is the binned FFT estimate: within its stated bound of the exact sum.
    const xy = Float64Array.from(bySex(rows, sex).flatMap((r) => [r.height, r.weight]));
    const exact = sc.kde2d(xy, { kernel: s.kernel, bandwidth: v.kde2d[sex].H, grid: { x: { from: v.range.height[0], to: v.range.height[1], n }, y: { from: v.range.weight[0], to: v.range.weight[1], n } } });
    let worst = 0;
    for (let i = 0; i < d.length; i++) worst = Math.max(worst, Math.abs(d[i] - exact.density[i]));
    assert.ok(worst <= v.kde2d[sex].errorBound * (1 + 1e-9) + 1e-15, `2-D ${sex}: |binned − exact| ${worst} > bound ${v.kde2d[sex].errorBound}`);

    const x = Float64Array.from(bySex(rows, sex), (r) => r.height);
    const y = Float64Array.from(bySex(rows, sex), (r) => r.weight);
    const shown = v.reg[sex];
    const cvGrid = s.regBw === 'hand' ? {} : { bandwidths: shown.cv.bandwidths };
    const ref = sc.kernelRegression(x, y, { method: s.regMethod, kernel: s.kernel, bandwidth: s.regBw === 'hand' ? s.regH : 'loocv',
      ...cvGrid, at: { from: v.range.height[0], to: v.range.height[1], n: shown.x.length }, band: true });
    assert.equal(shown.bandwidth, ref.bandwidth);
    close(shown.yhat, ref.yhat, 1e-12, `regression ${sex}`);
    close(shown.upper, ref.upper, 1e-12, `band ${sex}`);
  }
  const { x, labels } = standardise(rows);
  const opts = { kernel: s.svmKernel, degree: s.degree, coef0: v.coef0 };
  const model = sc.svmTrain(x, labels, { ...opts, C: s.C, gamma: s.gamma, maxIter: TRAIN_MAX_ITER });
  const shownSv = Number(await p.locator(`${W} [data-support-vectors]`).getAttribute('data-support-vectors'));
  assert.equal(shownSv, model.supportIndices.length);
  assert.deepEqual(Array.from(v.svm.supportIndices), Array.from(model.supportIndices));
  model.dispose();
  const cv = sc.svmCrossValidate(x, labels, { ...opts, C: [s.C], gamma: [s.gamma], folds: v.folds, seed: v.cvSeed, maxIter: CV_MAX_ITER });
  assert.equal(v.cvAccuracy, cv.accuracy[0]);
  const note = await p.locator(`${W} [data-support-vectors]`).textContent();
  assert.ok(note.includes(`${(100 * cv.accuracy[0]).toFixed(1)} %`), note);
  return { rows, v };
}

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    test(`kernels.html over ${how}: loads without errors, and every view shows the core's numbers`, async () => {
      const { ctx, p, problems } = await open(browser, server, how);
      assert.ok(await p.locator('.katex').count() >= 7);
      const { rows } = await checkViews(p);
      assert.equal(rows.length, 200);
      assert.match(await p.locator(`${W} .data-info`).textContent(), /SYNTHETIC/);
      // Other settings: by hand, another kernel, local linear, a polynomial SVM.
      await p.evaluate((sel) => document.querySelector(sel).setState({ rule: 'hand', hHeight: 4, hWeight: 9, kernel: 'epanechnikov',
        regMethod: 'local-linear', regBw: 'hand', regH: 6, svmKernel: 'poly', degree: 2, C: 10, gamma: 0.1 }), W);
      await checkViews(p);
      await p.evaluate((sel) => document.querySelector(sel).setState({ rule: 'lscv', kernel: 'gaussian', svmKernel: 'linear' }), W);
      await checkViews(p);
      assert.deepEqual(problems, NO_PROBLEMS);
      await ctx.close();
    });
  }

  test('a bad CSV names its line and keeps the data; readable rows of a partly bad one are used and the rest listed', async () => {
    const { ctx, p, problems } = await open(browser, server, 'file');
    await idle(p);
    const before = await read(p, 'data');
    await p.locator(`${W} button[data-act=paste]`).click();
    await p.locator(`${W} textarea`).fill('sex,height,weight\nmale,180,80\nmale,175,70\nmale,170,65\nfemale,abc,50\n');
    await p.locator(`${W} button[data-act=usePasted]`).click();
    assert.match(await p.locator(`${W} .data-error`).textContent(), /line 5: height "abc" is not a number/);
    await idle(p);
    assert.deepEqual(await read(p, 'data'), before);
    const good = ['sex;身高;体重', '男;180;80', '男;175;70', '男;170;65', '女;160;50', '女;165;58', 'x;1;2', '女;158;49'].join('\n');
    await p.locator(`${W} textarea`).fill(good);
    await p.locator(`${W} button[data-act=usePasted]`).click();
    await idle(p);
    assert.equal((await read(p, 'data')).length, 6);
    assert.ok(await p.locator(`${W} .data-error`).isHidden());
    assert.match(await p.locator(`${W} details.bad`).textContent(), /1 rows could not be read.*line 7: sex "x"/s);
    // Three points a sex spread their 2-D kernels past the plotted grid: no integral check here.
    await checkViews(p, { integrals: false });
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('clicks add and remove people; the link keeps settings and added points', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await idle(p);
    const canvas = p.locator(`${W} canvas[data-view=scatter2d]`);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await p.locator(`${W} #c-addSex`).selectOption('m');
    await canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.3 } });
    await idle(p);
    let rows = await read(p, 'data');
    assert.equal(rows.length, 201);
    assert.equal(rows[200].sex, 'm');
    const added = (await read(p, 'state')).addedM;
    assert.equal(added.length, 1);
    await p.evaluate((sel) => document.querySelector(sel).setState({ svmKernel: 'poly', C: 3.162, regBw: 'hand', regH: 7 }), W);
    await checkViews(p);
    const hash = await pageHash(p);
    assert.match(hash, /addedM=/);
    const again = await open(browser, server, 'file', hash);
    await idle(again.p);
    assert.deepEqual(await read(again.p, 'state'), await read(p, 'state'));
    assert.deepEqual(await read(again.p, 'data'), rows);
    await again.ctx.close();
    // Shift-click on the added point removes it.
    await canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.3 }, modifiers: ['Shift'] });
    await idle(p);
    rows = await read(p, 'data');
    assert.equal(rows.length, 200);
    assert.deepEqual((await read(p, 'state')).addedM, []);
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });

  test('Chinese labels, and the summary names the fitted numbers', async () => {
    const { ctx, p, problems } = await open(browser, server, 'http');
    await idle(p);
    await p.evaluate(() => window.simcoreWidgets.setLang('zh'));
    assert.equal(await p.locator(`${W} [data-i18n="kernels.section.svm"]`).textContent(), zh['kernels.section.svm']);
    assert.equal(await p.locator(`${W} header h2`).textContent(), zh['kernels.title']);
    assert.equal(await p.locator('h1').textContent(), zh['page.kernels.title']);
    const md = await p.evaluate((sel) => document.querySelector(sel).downloadSummary(), W);
    const v = await read(p, 'shown');
    assert.match(md, /^# 核方法/);
    assert.ok(md.includes(`| ${v.svm.supportIndices.length} |`));
    assert.ok(md.includes(String(Number(v.reg.m.bandwidth.toPrecision(4)))));
    assert.deepEqual(problems, NO_PROBLEMS);
    await ctx.close();
  });
});
