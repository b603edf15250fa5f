// <simcore-network>: Izhikevich's 1000-neuron cortical network (2003,
// Fig. 3, net.m) running live: the raster (excitatory and inhibitory
// bands), the population rate, its spectrum with the alpha and gamma bands,
// and v(t), u(t) and the (v, u) path of a neuron picked in the raster. The
// network lives in a session of the compute lane (sessions.mjs: a worker,
// or the page thread); each animation frame asks it for speed × the wall
// time since the last frame, and the worker stops after about 10 ms of wall
// time, so drawing keeps its frame rate whatever the simulation costs.
// Attributes and URL-hash fields: schema.mjs; conventions: docs/snn.md.
import { SimcoreElement } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { drive, openSession } from '../shared/sessions.mjs';
import { LIVE_FIELDS, NETWORK_FIELDS, NETWORK_SCHEMA, liveParams } from './schema.mjs';
import { Recent } from './buffers.mjs';
import { frameDone, frameMs } from './frame-args.mjs';
import { DOM, SLIDERS, fmtSpeed, speedToSlider } from './dom.mjs';
import { BANDS, drawPath, drawRaster, drawRate, drawSpectrum, drawTrace, peakIn, timeSpan } from './panels.mjs';
import { PendingCalls } from '../shared/calls.mjs';

export { NETWORK_SCHEMA };

const netKey = (s) => JSON.stringify(NETWORK_FIELDS.map((k) => s[k]));
const liveKey = (s) => JSON.stringify(LIVE_FIELDS.map((k) => s[k]));

const KEEP_MS = 2000; // the widest raster window
const WALL_MS = 10; // wall time one animation frame gives the worker
const SPECTRUM_EVERY = 250; // ms of wall time between two spectra
const REBUILD_AFTER = 150; // ms without a parameter change before it reaches the network (a slider drag makes one)

export class SimcoreNetwork extends SimcoreElement {
  static schema = NETWORK_SCHEMA;

  start() {
    this.gen = 0; // bumped by every new network or reset: older frames are dropped
    this.calls = new PendingCalls();
    this.rec = new Recent(KEEP_MS);
    this.spec = null;
    this.dirty = new Set(['net']);
    this.autoplay = this.getAttribute('autoplay') !== '0';
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    clearTimeout(this.netTimer);
    this.netTimer = 0;
    this.resizeObserver?.disconnect();
    this.pause();
    this.gen++;
    this.sessionReady?.then((s) => s.dispose(), () => {});
    this.sessionReady = null;
  }

  relabel() {
    this.syncControls();
    this.drawAll();
  }

  stateChanged(changed) {
    for (const k of changed) if (k === 'neuron') this.rec.clearTrace();
    if (changed.some((k) => NETWORK_FIELDS.includes(k) || LIVE_FIELDS.includes(k)) && this.sessionReady) {
      clearTimeout(this.netTimer);
      this.netTimer = setTimeout(() => {
        this.netTimer = 0;
        if (!this.isConnected) return;
        if (this.builtKey !== netKey(this._state)) {
          // Size, seed or arithmetic: a new network from t = 0.
          this.dirty.add('net');
          this.schedule();
        } else if (this.liveKey !== liveKey(this._state)) {
          // Noise, coupling or heterogeneity: the running network takes them and goes on.
          this.liveKey = liveKey(this._state);
          this.netStep({ set: liveParams(this._state), ms: 0, watch: this.watch }).catch((err) => this.fail(err));
        }
      }, REBUILD_AFTER);
    }
    this.schedule();
  }

  fail(err) {
    this.pause();
    super.fail(err);
  }

  async render() {
    const d = this.dirty;
    this.dirty = new Set();
    this.syncControls();
    if (d.has('net') || !this.sessionReady) this.rebuild();
    this.drawAll();
    if (!this.readyFired) {
      this.readyFired = true;
      await this.whenIdle(); // the network is built and its t = 0 frame drawn
      this.showTiming();
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
      if (this.autoplay && !this.running) this.play();
    }
  }

  syncControls() {
    const s = this._state;
    for (const sl of SLIDERS) {
      const { input, out } = this.els[sl.name];
      input.value = String(s[sl.name]);
      out.textContent = sl.fmt(s[sl.name]);
    }
    this.els.speed.value = String(speedToSlider(s.speed));
    this.els.speedOut.textContent = fmtSpeed(s.speed);
    this.els.heterogeneity.checked = s.heterogeneity;
    this.els.seed.value = String(s.seed);
    this.els.mode.value = s.mode;
    this.els.window.value = s.window;
    this.els.specWin.value = s.spectrum;
  }

  get n() {
    return this._state.ne + this._state.ni;
  }

  /** The neuron traced (−1 if the state names one past the network). */
  get watch() {
    return this._state.neuron < this.n ? this._state.neuron : -1;
  }

  /** A new network for the parameters: a new session (the old one disposed), time back to 0. */
  rebuild() {
    const wasRunning = Boolean(this.running);
    this.pause();
    this.gen++;
    this.rec.clear();
    this.spec = null;
    const params = { ...this._state };
    this.builtKey = netKey(params);
    this.liveKey = liveKey(params);
    const previous = this.sessionReady;
    this.sessionReady = (async () => {
      // The new one first: the shared lane (a worker) ends when its last session closes.
      const session = await openSession('network', 'net', params);
      (await previous?.catch(() => null))?.dispose();
      return session;
    })();
    this.calls.track(this.sessionReady.then(async (session) => {
      this.core = await session.lane.ready;
      this.dataset.core = `${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`;
    })).catch((err) => this.fail(err));
    const gen = this.gen;
    this.netStep({ ms: 0, watch: this.watch }).then((f) => {
      if (gen !== this.gen) return;
      this.applyFrame(f);
      this.drawAll();
      this.showTiming();
    }).catch((err) => this.fail(err));
    if (wasRunning) this.play();
  }

  /** One step of the network's session, in order after every earlier call. */
  netStep(args) {
    return this.calls.track(this.sessionReady.then((session) => session.step(args)));
  }

  /** Resolves once every call to the network made so far has answered (tests, ready). */
  async whenIdle() {
    // A parameter change waiting to become a network, or a render waiting for its frame, is work to come.
    while (this.netTimer || this.frame) await new Promise((r) => setTimeout(r, 20));
    await this.calls.settled();
    if (this.driver?.inFlight) await new Promise((r) => requestAnimationFrame(() => r(this.whenIdle())));
  }

  // ---- running ----

  toggleRun() {
    if (this.running) this.pause();
    else this.play();
  }

  async play() {
    if (this.running) return;
    const r = { last: performance.now(), budget: 0, spectrumAt: -Infinity, asked: 0 };
    this.running = r;
    this.showPlay();
    const session = await this.sessionReady.catch(() => null);
    if (this.running !== r || !session) return;
    const gen = this.gen;
    r.last = performance.now();
    this.driver = drive(session, {
      element: this,
      calls: this.calls,
      args: (now) => (this.running === r ? this.frameArgs(r, now) : null),
      frame: (f) => {
        if (gen !== this.gen) return;
        frameDone(r, r.asked, f.done);
        this.measure(r, f.done);
        this.applyFrame(f);
        this.drawAll();
      },
      done: (err) => err && this.fail(err),
    });
  }

  /** The speed reached, simulated ms per wall ms over about the last second. */
  measure(r, done) {
    const now = performance.now();
    r.win ??= { at: now, sim: 0 };
    r.win.sim += done;
    if (now - r.win.at >= 1000) {
      r.achieved = r.win.sim / (now - r.win.at);
      r.win = { at: now, sim: 0 };
    }
  }

  frameArgs(r, now) {
    const ms = frameMs(r, this._state.speed, now);
    if (!ms) return null;
    r.asked = ms;
    const args = { ms, wallMs: WALL_MS, watch: this.watch };
    if (now - r.spectrumAt >= SPECTRUM_EVERY) {
      r.spectrumAt = now;
      args.spectrumMs = Number(this._state.spectrum) * 1000;
    }
    return args;
  }

  pause() {
    this.driver?.stop();
    this.driver = null;
    if (!this.running) return;
    this.running = null;
    this.showPlay();
    this.showInfo();
  }

  showPlay() {
    const key = this.running ? 'network.pause' : 'network.play';
    this.els.play.dataset.i18n = key;
    this.els.play.textContent = t(key);
  }

  /** Exactly `ms` more simulated ms (paused first), then drawn; resolves with the frame. */
  stepMs(ms) {
    this.pause();
    const gen = this.gen;
    return this.netStep({ ms, wallMs: 0, watch: this.watch, spectrumMs: Number(this._state.spectrum) * 1000 }).then((f) => {
      if (gen !== this.gen) return f;
      this.applyFrame(f);
      this.drawAll();
      return f;
    }).catch((err) => this.fail(err));
  }

  stepOnce() {
    return this.stepMs(1);
  }

  /** Back to t = 0 with the same seed: the same run again. */
  resetNet() {
    const wasRunning = Boolean(this.running);
    this.pause();
    this.gen++;
    this.rec.clear();
    this.spec = null;
    const gen = this.gen;
    const done = this.netStep({ reset: true, ms: 0, watch: this.watch }).then((f) => {
      if (gen !== this.gen) return;
      this.applyFrame(f);
      this.drawAll();
    }).catch((err) => this.fail(err));
    if (wasRunning) this.play();
    return done;
  }

  reseed() {
    this.setState({ seed: Math.floor(Math.random() * (NETWORK_SCHEMA.seed.max + 1)) });
  }

  applyFrame(f) {
    this.rec.add(f);
    if (f.spectrum) this.spec = f.spectrum;
    if (f.done > 0 && f.wallMs > 0.5) {
      const x = f.done / f.wallMs; // simulated ms per wall ms the worker managed
      this.workerSpeed = this.workerSpeed ? 0.8 * this.workerSpeed + 0.2 * x : x;
    }
  }

  /** A click on the raster picks the neuron of that row. */
  pickNeuron(e) {
    const lay = this.rasterLayout;
    if (!lay) return;
    const rect = this.els.raster.getBoundingClientRect();
    const y = e.clientY - rect.top - lay.box.y;
    if (y < 0 || y >= lay.box.h) return;
    this.setState({ neuron: Math.min(lay.n - 1, Math.floor((y / lay.box.h) * lay.n)) });
    this.drawAll();
  }

  // ---- drawing ----

  labels() {
    return {
      time: t('network.axis.time'), rateUnit: t('network.axis.rate'), freq: t('network.axis.freq'), powerUnit: t('network.axis.power'),
      alpha: t('network.band.alpha'), gamma: t('network.band.gamma'), waiting: t('network.spectrumWaiting'), v: 'v (mV)', u: 'u',
    };
  }

  drawAll() {
    if (!this.rec || !this.els) return;
    const s = this._state;
    const win = Number(s.window);
    const labels = this.labels();
    const watch = this.watch;
    this.rasterLayout = drawRaster(this.els.raster, this.rec, { ne: s.ne, ni: s.ni, win, watch, labels }) ?? this.rasterLayout;
    drawRate(this.els.rate, this.rec, { win, labels });
    drawSpectrum(this.els.spectrum, this.spec, { labels });
    drawTrace(this.els.trace, this.rec, { win, labels });
    drawPath(this.els.path, this.rec, { win, labels });
    this.showInfo();
  }

  showInfo() {
    const s = this._state;
    const rate = this.meanRate();
    this.els.info.textContent = [`t = ${Math.round(this.rec.time)} ms`,
      `${t('network.meanRate')} ${Number.isFinite(rate) ? rate.toFixed(1) : '–'} Hz`,
      this.runningText()].join(' · ');
    const w = this.watch;
    this.els.traceTitle.textContent = w < 0 ? t('network.panel.trace')
      : `${t('network.panel.trace')}: ${t('network.neuron')} ${w} (${t(w < s.ne ? 'network.exc' : 'network.inh')})`;
    const spec = this.spec;
    if (!spec) this.els.peaks.textContent = t('network.spectrumWaiting');
    else {
      const a = peakIn(spec, 6, 14);
      const g = peakIn(spec, 24, 50);
      this.els.peaks.textContent = `${t('network.peaks')} α ${a ? a.f : '–'} Hz · γ ${g ? g.f : '–'} Hz · ${t('network.over')} ${spec.ms / 1000} s`;
    }
    this.showTiming();
  }

  runningText() {
    const r = this.running;
    if (!r) return t('network.paused');
    const speed = this._state.speed;
    if (r.achieved === undefined || r.achieved >= 0.9 * speed) return `${t('network.running')} ${fmtSpeed(speed)}`;
    return `${t('network.running')} ${fmtSpeed(r.achieved)} (${t('network.asked')} ${fmtSpeed(speed)})`;
  }

  showTiming() {
    if (!this.core || this.els.timing.classList.contains('error')) return;
    const parts = [`N = ${this.n} (${this._state.ne} + ${this._state.ni})`, t(`network.mode.${this._state.mode}`), this.core.simd ? 'SIMD' : 'scalar'];
    if (this.workerSpeed) parts.push(`${t('network.workerSpeed')} ${Math.round(this.workerSpeed)}×`);
    this.els.timing.textContent = parts.join(' · ');
  }

  // ---- read-outs for tests and pages ----

  /** Simulated ms shown. */
  get time() {
    return this.rec?.time ?? 0;
  }

  /** Spikes since t = 0. */
  get spikeTotal() {
    return this.rec?.total ?? 0;
  }

  /** The spikes the raster holds (copies): { times, index }. */
  get rasterSpikes() {
    const { t: ts, i } = this.rec.spikes();
    return { times: Array.from(ts), index: Array.from(i) };
  }

  /** Mean rate (Hz per neuron) over the raster window shown. */
  meanRate() {
    const win = Number(this._state.window);
    const [lo, hi] = timeSpan(this.rec.time, win);
    const span = Math.min(hi, this.rec.time) - lo;
    if (span <= 0) return NaN;
    const { t: ts } = this.rec.spikes();
    let count = 0;
    for (let k = 0; k < ts.length; k++) if (ts[k] >= lo && ts[k] < hi) count++;
    return (count / this.n) / (span / 1000);
  }

  /** The last spectrum: { ms, freq, power } (copies) or null. */
  get spectrumData() {
    return this.spec ? { ms: this.spec.ms, freq: Array.from(this.spec.freq), power: Array.from(this.spec.power) } : null;
  }

  /** v, u of the traced neuron at each ms of the window that has a sample: { t, v, u }. */
  get traceData() {
    const out = { t: [], v: [], u: [] };
    for (let k = Math.max(1, this.rec.time - KEEP_MS + 1); k <= this.rec.time; k++) {
      const [v, u] = this.rec.traceAt(k);
      if (!Number.isFinite(v)) continue;
      out.t.push(k);
      out.v.push(v);
      out.u.push(u);
    }
    return out;
  }

  static get bands() {
    return BANDS;
  }
}

Object.assign(SimcoreNetwork.prototype, DOM);
