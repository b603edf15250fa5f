// <simcore-lenet>: LeNet-5 (1998) or its modern variant trained on MNIST
// digits in the browser. The digits (the bundled subset or the student's IDX
// files) and the network live in a session of the compute lane
// (sessions.mjs: a worker, or the page thread); while training or measuring
// runs, each animation frame asks for one slice of work of about FRAME_MS and
// draws what comes back: the progress with its ETA, the per-pass test error
// and loss curves, the confusion matrix and the misclassified digits. The
// drawing pad, the C1 kernels beside Gabor kernels and the feature maps of
// one digit (forward.mjs, from the weights) are drawn from the same frames.
// This file holds the element's life and state; dom.mjs builds it, view.mjs
// draws. Attributes and URL-hash fields: schema.mjs.
import { SimcoreElement } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { drive, openSession } from '../shared/sessions.mjs';
import { PendingCalls } from '../shared/calls.mjs';
import { DOM, PAD } from './dom.mjs';
import { LENET_SCHEMA } from './schema.mjs';
import { bundledDigits, idxDigits } from './data.mjs';
import { decodeWeights, encodeWeights } from './weights-file.mjs';
import { mnistLike } from './preprocess.mjs';
import { activations, c1Kernels, closestGabor } from './forward.mjs';
import { download } from '../shared/draw.mjs';
import { argmax, drawDigit, drawMaps, drawSigned, fillConfusion, fillScores, shares } from './view.mjs';

export { LENET_SCHEMA };

export const FRAME_MS = 25; // work per step: a slice is not started unless it fits (the worker's frames stay near 30 ms)
const WEIGHTS_EVERY_MS = 700; // how often a training run refreshes the kernels and maps
const GALLERY = 36; // misclassified digits shown
const REBUILD = ['net', 'seed', 'data'];

export class SimcoreLenet extends SimcoreElement {
  static schema = LENET_SCHEMA;

  start() {
    this.gen = 0; // bumped by every new session: frames of an older one are dropped
    this.calls = new PendingCalls();
    this.dirty = new Set(['session', 'controls']);
    this.own = null; // the student's digits from IDX files
    this.padDigit = null; // the drawing, MNIST-like (preprocess.mjs)
    this.history = []; // curve rows: [pass, training loss, test loss, test error]
    this.syncControls();
    this.watchVisibility();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        this.lossCurves.resize();
        this.errorCurves.resize();
      });
      this.resizeObserver.observe(this.lossCurves.container);
    }
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.pause();
    this.driver?.stop();
    this.gen++;
    this.sessionReady?.then((s) => s.dispose(), () => {});
    this.sessionReady = null;
    this.lossCurves.destroy();
    this.errorCurves.destroy();
  }

  relabel() {
    this.setupCurves();
    this.redraw();
    this.setPlayLabel(this.running ? 'lenet.pause' : 'lenet.play');
  }

  stateChanged(changed) {
    for (const k of changed) {
      if (REBUILD.includes(k)) this.dirty.add('session');
      else if (k === 'digit' || k === 'maps') this.dirty.add('maps');
      else if (k === 'epochs') this.dirty.add('info').add('curves');
    }
    this.dirty.add('controls');
    this.schedule();
  }

  fail(err) {
    this.pause();
    super.fail(err);
  }

  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    if (d.has('controls')) this.syncControls();
    if (d.has('session') || !this.sessionReady) this.rebuild();
    if (d.has('maps')) this.drawFeatureMaps();
    if (d.has('info')) this.showInfo();
    if (d.has('curves') && this.history) this.redrawResults();
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle(); // the first measurement is drawn
      if (this.core) this.dataset.core = `${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  syncControls() {
    const s = this._state;
    const e = this.els;
    for (const name of ['net', 'data', 'batch']) e[name].value = String(s[name]);
    for (const name of ['seed', 'epochs', 'lr']) if (this.shadowRoot.activeElement !== e[name]) e[name].value = String(s[name]);
    e.digit.value = String(s.digit);
    e.batchRow.hidden = s.net !== 'modern';
    this.showDataNote();
  }

  showDataNote(error = null) {
    const e = this.els.dataNote;
    e.classList.toggle('error', Boolean(error));
    if (error) {
      e.textContent = error;
      return;
    }
    const d = this.digits;
    const counts = d ? ` ${d.train.labels.length} / ${d.test.labels.length} ${t('lenet.data.counts')}` : '';
    if (this._state.data === 'idx' && !this.own) e.textContent = t('lenet.data.openHint');
    else if (this._state.data === 'idx') e.textContent = `${this.own.name}:${counts}`;
    else e.textContent = `${t('lenet.data.split')}${counts}`;
  }

  /** The digits of the state: the student's files when opened and chosen, else the bundled subset. */
  async loadDigits() {
    if (this._state.data === 'idx' && this.own) return this.own;
    return bundledDigits();
  }

  /** A new session for the network and digits of the state (the old one disposed); a run goes on. */
  rebuild() {
    if (this.building) {
      this.rebuildAgain = true;
      return;
    }
    const wasRunning = Boolean(this.running);
    this.pause();
    this.driver?.stop();
    this.driver = null;
    this.looping = false; // a loop still waiting for the old session ends by itself
    this.loopDone = null;
    const s = this._state;
    const gen = ++this.gen;
    const token = {};
    this.building = token;
    this.history = [];
    this.frameNow = null;
    this.evalNow = null;
    this.weights = null;
    this.variant = s.net;
    this.setupCurves();
    const previous = this.sessionReady;
    this.sessionReady = (async () => {
      const digits = await this.loadDigits();
      if (gen !== this.gen) throw new Error('superseded');
      this.digits = digits;
      this.showDataNote();
      const session = await openSession('lenet', 'train', { variant: s.net, seed: s.seed, train: digits.train, test: digits.test });
      (await previous?.catch(() => null))?.dispose();
      return session;
    })();
    this.calls.track(this.sessionReady.then(async (session) => {
      this.core = await session.lane.ready;
      this.snap = await session.snapshot();
      if (gen !== this.gen) return;
      this.loop(); // the first measurement (test error of the initial weights)
      if (wasRunning) this.run();
      await this.loopDone;
    }).catch((err) => {
      if (gen === this.gen) {
        this.showDataNote(err.message);
        this.fail(err);
      }
    }).finally(() => {
      if (this.building !== token) return;
      this.building = null;
      if (this.rebuildAgain) {
        this.rebuildAgain = false;
        this.rebuild();
      }
    }));
  }

  /** Whether frames are needed: a run, or a measurement under way. */
  get busyWork() {
    if (this.frameNow?.diverged) return false;
    return Boolean(this.running) || !this.frameNow || this.frameNow.phase === 'test';
  }

  /** The step arguments of one frame. */
  frameArgs(now) {
    const s = this._state;
    const a = { budgetMs: FRAME_MS };
    if (this.running) a.train = { epochs: s.epochs, lr: s.lr, batch: s.batch };
    if (this.padPending) {
      a.predict = this.padPending;
      this.padPending = null;
    }
    if (!this.weights || now - (this.weightsAt ?? 0) > WEIGHTS_EVERY_MS) {
      a.weights = true;
      this.weightsAt = now;
    }
    return a;
  }

  /** Drives the session while there is work; resolves loopDone when it stops. */
  loop() {
    if (this.looping) return; // one driver at a time (set before the session is awaited)
    this.looping = true;
    const gen = this.gen;
    let resolve;
    const finished = () => {
      if (this.loopDone !== done) return resolve();
      this.looping = false;
      // Work asked for while the loop was ending (a stroke on the pad, play) starts it again.
      if (gen === this.gen && (this.running || this.padPending)) this.loop();
      resolve();
    };
    const done = this.calls.track(new Promise((r) => { resolve = r; }));
    this.loopDone = done;
    this.sessionReady.then((session) => {
      if (gen !== this.gen) return finished();
      const driver = drive(session, {
        element: this,
        args: (now) => {
          if (this.busyWork || this.padPending) return this.frameArgs(now);
          queueMicrotask(() => driver.stop()); // nothing to do (paused between frames): the loop ends
          return null;
        },
        frame: (f) => {
          if (gen !== this.gen) return;
          this.applyFrame(f);
          if (this.running && ((f.epoch >= this._state.epochs && f.phase !== 'test') || f.diverged)) this.pause();
          if (!this.busyWork && !this.padPending) driver.stop();
        },
        done: (err) => {
          finished();
          if (err && gen === this.gen) this.fail(err);
        },
        calls: this.calls, // whenIdle() also waits for a frame in flight when the loop stopped
      });
      this.driver = driver;
    }, () => finished());
  }

  /** One step outside the loop (a prediction or a load while idle), in order after every earlier call. */
  advance(args) {
    const gen = this.gen;
    return this.calls.track(this.sessionReady.then((session) => session.step(args)).then((f) => {
      if (gen === this.gen) this.applyFrame(f);
      return f;
    }));
  }

  applyFrame(f) {
    const prev = this.frameNow;
    this.frameNow = f;
    for (const r of f.rows) this.history.push(r);
    if (f.eval) {
      this.evalNow = f.eval;
      this.a = null;
    }
    if (f.weights) this.weights = f.weights;
    if (f.scores) this.padScores = f.scores;
    if (this.running) {
      const r = this.running;
      r.images += f.trained + f.tested;
      r.trained += f.trained;
    }
    if (f.rows.length || f.eval) this.redrawResults();
    if (f.weights) {
      this.drawKernels();
      this.drawFeatureMaps();
    }
    if (f.scores) this.drawPadScores();
    this.showProgress(prev);
    this.showTiming(f);
  }

  setupCurves() {
    this.lossCurves.setup({ x: t('lenet.curve.pass'), y: t('lenet.curve.loss'), names: [t('lenet.curve.train'), t('lenet.curve.test')] });
    this.errorCurves.setup({ x: t('lenet.curve.pass'), y: t('lenet.curve.error'), names: [t('lenet.curve.test')] });
  }

  redraw() {
    this.redrawResults();
    this.drawKernels();
    this.drawFeatureMaps();
    this.drawPadScores();
    this.showProgress();
    this.showDataNote();
  }

  redrawResults() {
    const xs = this.history.map((r) => r[0]);
    const passes = this._state.epochs;
    this.lossCurves.setData([xs, this.history.map((r) => r[1]), this.history.map((r) => r[2])], passes);
    this.errorCurves.setData([xs, this.history.map((r) => 100 * r[3])], passes);
    const ev = this.evalNow;
    const e = this.els;
    if (!ev) return;
    fillConfusion(e.cells, ev.confusion);
    e.confusionNote.textContent = `${t('lenet.read.pass')} ${ev.epoch} · ${t('lenet.read.testErrors')} ${ev.errors} / ${ev.count} (${(100 * ev.errors / ev.count).toFixed(2)} %)`;
    this.drawGallery(ev);
  }

  drawGallery(ev) {
    const e = this.els;
    const test = this.digits?.test;
    if (!test) return;
    const items = ev.wrong.length <= GALLERY ? ev.wrong : Array.from({ length: GALLERY }, (_, k) => ev.wrong[Math.floor((k * ev.wrong.length) / GALLERY)]);
    e.galleryNote.textContent = ev.errors ? `${t('lenet.wrong.note')} ${items.length} / ${ev.errors}` : t('lenet.wrong.none');
    e.gallery.replaceChildren(...items.map((w) => {
      const c = document.createElement('canvas');
      c.className = 'digit';
      drawDigit(c, test.images, w.index * 784);
      const p = shares(this.variant, w.scores);
      const tip = `#${w.index}: ${t('lenet.wrong.true')} ${w.label}, ${t('lenet.wrong.predicted')} ${w.predicted}\n${w.scores.map((v, d) => `${d}: ${fmt(v)}`).join('  ')}`;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'tile';
      b.title = tip;
      b.dataset.index = String(w.index);
      const cap = document.createElement('span');
      cap.className = 'cap';
      cap.textContent = `${w.label}→${w.predicted}`;
      const sc = document.createElement('span');
      sc.className = 'sc';
      // 1998: the RBF outputs y of the prediction and of the true digit (smaller wins); modern: their probabilities.
      sc.textContent = this.variant === 'lecun1998' ? `${fmt(-w.scores[w.predicted])} / ${fmt(-w.scores[w.label])}`
        : `${(100 * p[w.predicted]).toFixed(0)}% / ${(100 * p[w.label]).toFixed(0)}%`;
      b.append(c, cap, sc);
      b.addEventListener('click', () => this.setState({ digit: w.index, maps: 'test' }));
      return b;
    }));
  }

  /** C1's six kernels, each beside the Gabor kernel of the bank most like it (forward.mjs). */
  drawKernels() {
    if (!this.weights) return;
    const ks = c1Kernels(this.weights);
    let m = 0;
    for (const k of ks) for (const v of k) m = Math.max(m, Math.abs(v));
    ks.forEach((k, i) => {
      const box = this.els.kernels[i];
      drawSigned(box.k, k, 5, 5, [-m, m]);
      const g = closestGabor(k);
      drawSigned(box.g, g.kernel, 5, 5);
      box.r.textContent = `θ ${Math.round((g.params.theta * 180) / Math.PI)}° · λ ${g.params.lambda} · r ${g.r.toFixed(2)}`;
      box.k.title = `C1 ${i + 1}`;
      box.g.title = `Gabor θ = ${Math.round((g.params.theta * 180) / Math.PI)}°, λ = ${g.params.lambda}, ψ = ${Math.round((g.params.psi * 180) / Math.PI)}°, σ = ${g.params.sigma.toFixed(2)}, γ = 0.5`;
    });
  }

  /** The digit whose maps are shown: a test digit (state.digit) or the drawing. */
  mapDigit() {
    const s = this._state;
    if (s.maps === 'pad' && this.padDigit) return { image: this.padDigit, label: t('lenet.maps.pad') };
    const test = this.digits?.test;
    if (!test) return null;
    const i = Math.min(s.digit, test.labels.length - 1);
    return { image: test.images.subarray(i * 784, (i + 1) * 784), label: `#${i} · ${t('lenet.wrong.true')} ${test.labels[i]}` };
  }

  drawFeatureMaps() {
    const d = this.mapDigit();
    if (!d || !this.weights || !this.snap || this.snap.variant !== this.variant) return;
    const a = activations(this.variant, this.weights, d.image, this.snap.table, this.snap.codes);
    this.a = a;
    drawSigned(this.els.mapInput, a.input, 32, 32, [-1.2, 1.2]);
    const p = shares(this.variant, a.scores);
    const k = argmax(p);
    this.els.mapLabel.textContent = `${d.label} · ${t('lenet.wrong.predicted')} ${k} (${(100 * p[k]).toFixed(0)} %)`;
    for (const L of this.els.layers) {
      if (L.key === 'c5') drawMaps(L.tiles, a.c5, 1, 12, 10);
      else drawMaps(L.tiles, a[L.key], L.n, L.side, L.side);
    }
  }

  // ---- the drawing pad ----

  /** The pad changed: its MNIST-like digit, and scores asked for on the next frame. */
  padChanged() {
    if (this.padQueued) return;
    this.padQueued = true;
    requestAnimationFrame(() => {
      this.padQueued = false;
      this.updatePad();
    });
  }

  updatePad() {
    const ctx = this.els.pad.getContext('2d', { willReadFrequently: true });
    const rgba = ctx.getImageData(0, 0, PAD, PAD).data;
    const ink = new Uint8Array(PAD * PAD);
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i + 3];
    const m = mnistLike(ink, PAD, PAD);
    this.padDigit = m?.image ?? null;
    if (!m) {
      this.padScores = null;
      drawDigit(this.els.padPreview, new Uint8Array(784));
      this.drawPadScores();
      return;
    }
    drawDigit(this.els.padPreview, m.image);
    this.requestScores(m.image);
    if (this._state.maps === 'pad') this.drawFeatureMaps();
  }

  /** Scores of a 28 x 28 digit from the session: with the next frame of a run, else at once. */
  requestScores(image) {
    this.padPending = Uint8Array.from(image);
    if (this.sessionReady) this.loop();
  }

  drawPadScores() {
    const s = this.padScores;
    const rows = this.els.padScores;
    if (!s) {
      fillScores(rows, [], [], -1);
      this.els.padNote.textContent = t('lenet.pad.hint');
      return;
    }
    const p = shares(this.variant, s);
    const texts = this.variant === 'lecun1998' ? Array.from(s, (v) => fmt(-v)) : p.map((v) => v.toFixed(3));
    fillScores(rows, p, texts, argmax(p));
    this.els.padNote.textContent = t(this.variant === 'lecun1998' ? 'lenet.pad.rbf' : 'lenet.pad.softmax');
  }

  clearPad() {
    this.els.pad.getContext('2d').clearRect(0, 0, PAD, PAD);
    this.updatePad();
  }

  /** Draws strokes on the pad (lists of [x, y] in pad pixels, 0..280): tests and demonstrations. */
  drawStrokes(strokes) {
    for (const s of strokes) for (let i = 0; i < s.length; i++) this.padLine(s[Math.max(0, i - 1)], s[i]);
    this.updatePad();
  }

  // ---- training ----

  toggleRun() {
    if (this.running) this.pause();
    else this.run();
  }

  run() {
    if (!this.sessionReady) return;
    if (this.frameNow && this.frameNow.epoch >= this._state.epochs && this.frameNow.phase !== 'test') {
      this.els.info.textContent = t('lenet.info.done');
      return;
    }
    this.running = { t0: performance.now(), images: 0, trained: 0 };
    this.setPlayLabel('lenet.pause');
    this.loop();
  }

  pause() {
    if (!this.running) return;
    this.running = null;
    this.setPlayLabel('lenet.play');
    this.showProgress();
  }

  setPlayLabel(key) {
    this.els.play.dataset.i18n = key;
    this.els.play.textContent = t(key);
  }

  /** A new network from the same seed: the same initial weights and the same order of passes. */
  resetNet() {
    this.pause();
    this.history = [];
    this.evalNow = null;
    this.frameNow = null;
    this.weights = null;
    this.els.gallery.replaceChildren();
    this.calls.track(this.advance({ reset: true, weights: true }).then(() => this.loop()).catch((err) => this.fail(err)));
  }

  showProgress() {
    const f = this.frameNow;
    const e = this.els;
    const s = this._state;
    if (!f || !this.digits) return;
    const n = this.digits.train.labels.length;
    const done = Math.min(s.epochs * n, f.epoch * n + (f.phase === 'train' ? f.cursor : 0));
    e.progress.max = s.epochs * n;
    e.progress.value = done;
    const parts = [`${t('lenet.read.pass')} ${f.epoch} / ${s.epochs}`];
    if (f.phase === 'test') parts.push(`${t('lenet.read.testing')} ${f.cursor} / ${f.total}`);
    else if (f.phase === 'train') parts.push(`${t('lenet.read.training')} ${f.cursor} / ${f.total}`);
    const r = this.running;
    if (r && r.trained > 0) {
      const secs = (performance.now() - r.t0) / 1000;
      const rate = r.trained / secs; // training images per second, the test passes' time included
      const left = Math.max(0, s.epochs * n - done) / rate;
      parts.push(`${rate.toFixed(0)} ${t('lenet.read.rate')}`, `${t('lenet.read.eta')} ${clock(left)}`);
    }
    if (!r && f.phase !== 'test' && f.epoch >= s.epochs) parts.push(t('lenet.info.done'));
    if (f.diverged) parts.push(`${t('lenet.info.diverged')} (${f.diverged})`);
    e.info.textContent = parts.join(' · ');
    e.info.classList.toggle('error', Boolean(f.diverged));
  }

  showInfo() {
    this.showProgress();
  }

  showTiming(f) {
    if (!this.core) return;
    const parts = [`simcore ${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`];
    if (f) parts.push(`${f.ms.toFixed(1)} ${t('lenet.time.frame')}`);
    this.els.timing.textContent = parts.join(' · ');
    this.els.timing.classList.remove('error');
  }

  // ---- data and weights files ----

  /** The student's IDX files ({ name, bytes }, four): used from now on (data = idx); an error keeps what there was. */
  async openIdx(files) {
    try {
      this.own = await idxDigits(files);
    } catch (err) {
      this.showDataNote(err.message);
      return false;
    }
    if (this._state.data === 'idx') this.dirty.add('session');
    this.setState({ data: 'idx' });
    this.schedule();
    return true;
  }

  /** The current weights as a file's bytes (weights-file.mjs). */
  async weightsBytes() {
    const f = await this.advance({ weights: true });
    return encodeWeights({ variant: this.variant, passes: f.epoch, weights: f.weights });
  }

  async saveWeights() {
    const bytes = await this.weightsBytes();
    download(new Blob([bytes], { type: 'application/octet-stream' }), `lenet-${this.variant}-pass${this.frameNow?.epoch ?? 0}.bin`);
  }

  /** Weights from a file's bytes; a bad file shows its error (with the byte offset) and the network stays. */
  async loadWeights(bytes, name = 'weights file') {
    const note = this.els.weightsNote;
    let w;
    try {
      w = decodeWeights(bytes, { variant: this.variant, count: this.snap?.weightCount });
    } catch (err) {
      note.textContent = `${name}: ${err.message}`;
      note.classList.add('error');
      return false;
    }
    this.pause();
    this.history = [];
    try {
      await this.advance({ load: { weights: w.weights, passes: w.passes }, weights: true });
    } catch (err) {
      note.textContent = `${name}: ${err.message}`;
      note.classList.add('error');
      return false;
    }
    note.textContent = `${name}: ${t('lenet.weights.loaded')} (${t('lenet.read.pass')} ${w.passes})`;
    note.classList.remove('error');
    this.loop();
    await this.loopDone;
    return true;
  }

  /** Resolves once every call made so far has answered (tests, ready). */
  async whenIdle() {
    await this.calls.settled();
  }

  /** Scores of digits (Uint8Array(k * 784)) from the network as it is now. */
  async predict(images) {
    const f = await this.advance({ predict: Uint8Array.from(images) });
    return Array.from(f.scores);
  }

  curvesCsv() {
    const lines = this.history.map((r) => r.map((v) => (Number.isFinite(v) ? String(v) : '')).join(','));
    return ['pass,train_loss,test_loss,test_error', ...lines].join('\n') + '\n';
  }

  // ---- read-outs for tests and pages ----

  /** { pass, phase, testErrors, testCount, confusion, curves, padScores, padDigit }. */
  get readout() {
    const ev = this.evalNow;
    return {
      variant: this.variant, pass: this.frameNow?.epoch ?? 0, phase: this.frameNow?.phase ?? null, evaluatedPass: ev?.epoch ?? null,
      testErrors: ev?.errors ?? null, testCount: ev?.count ?? null, confusion: ev ? Array.from(ev.confusion) : null,
      wrong: ev ? ev.wrong.map((w) => ({ ...w })) : [], curves: this.history.map((r) => [...r]),
      padScores: this.padScores ? Array.from(this.padScores) : null, padDigit: this.padDigit ? Array.from(this.padDigit) : null,
      running: Boolean(this.running),
    };
  }
}

const fmt = (v) => (!Number.isFinite(v) ? '–' : Math.abs(v) >= 0.01 ? v.toPrecision(3) : v.toExponential(2));
const clock = (s) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.ceil(s)} s`);

Object.assign(SimcoreLenet.prototype, DOM);
