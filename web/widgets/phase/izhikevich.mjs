// <simcore-izhikevich>: the Izhikevich (2003) neuron in its (v, u) phase
// plane and in time. Direction field, both nullclines (the v-nullcline
// parabola and the u-nullcline line), equilibria with their types; a click
// sets (v0, u0) and draws the trajectory with its resets (the jump from
// v = 30 mV to (c, u + d) dashed); v(t) and u(t) below with the spikes marked,
// the firing rate and the inter-spike intervals. Every number comes from the
// binding (integrate, directionField, nullclines, equilibria, the presets).
// Attributes and URL-hash fields: izhikevich-schema.mjs.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { pageCore } from '../shared/core.mjs';
import { fromHash } from '../shared/state.mjs';
import { Viewport } from './plane.mjs';
import { bindPlaneInput } from './plane-input.mjs';
import { drawArrowField, drawAxes, drawEquilibria, drawPolyline, prepareCanvas } from './plane-draw.mjs';
import css from './style.mjs';
import { IZHIKEVICH_SCHEMA, IZH_FEATURES, IZH_PRESETS, IZH_PROTOCOL_CELLS, stepFromZero } from './izhikevich-schema.mjs';
import { fmt } from './phase-plane.mjs';
import { SERIES_PLOT_CSS, SeriesPlot } from '../shared/series-plot.mjs';
import { showStopNote, stopNote } from './stop-note.mjs';
import { FIPlot } from './fi-plot.mjs';
import { download, downloadPng } from '../shared/draw.mjs';

export { IZHIKEVICH_SCHEMA, IZH_FEATURES, IZH_PRESETS };

const SLIDERS = [['a', 0, 0.2, 0.001], ['b', -0.1, 0.35, 0.005], ['c', -80, -40, 0.5], ['d', -2, 10, 0.05], ['I', -5, 20, 0.1], ['tOn', 0, 500, 5], ['t1', 50, 1000, 10], ['tNc', 0, 1000, 0.5]];
const PARAMS = ['a', 'b', 'c', 'd', 'I'];
// The (v, u) view: v from below the reset range to above the spike cut-off.
// u widens to hold the trajectory (the 2004 panels S and T live near u = 60).
const VIEW = { v: [-90, 40], u: [-25, 15] };
const U_CAP = 500; // the automatic view's widest u (every published preset stays within ±100)
const DT = 0.1; // ms, RK4; spikes are located on the step's interpolant (docs/ode.md)
const EXTRA_CSS = `
/* A host page may flatten the plane (a 16:9 slide): --simcore-plane-aspect. */
canvas.plane-canvas { aspect-ratio: var(--simcore-plane-aspect, 1.45); }
@container (max-width: 500px) { canvas.plane-canvas { aspect-ratio: 1.05; } }
.trace { background: #fff; min-height: 170px; }
.trace .u-legend { font-size: 0.72em; color: var(--muted); }
.stats { font-size: 0.85em; font-variant-numeric: tabular-nums; color: var(--muted); overflow-wrap: anywhere; }
.fi { background: #fff; min-height: 160px; }
.desc { font-size: 0.82em; color: var(--muted); margin: 0; }
@container (min-width: 1000px) { .main { grid-template-columns: 1fr; } }
`;

export class SimcoreIzhikevich extends SimcoreElement {
  static schema = IZHIKEVICH_SCHEMA;

  build(root) {
    adoptStyle(root, css + EXTRA_CSS + SERIES_PLOT_CSS);
    this.els = { rows: {} };
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    const option = (c) => h('option', { value: c, dataset: { i18n: `izh.preset.${c}` } });
    const sel = h('select', { id: 'c-preset', name: 'preset' }, [
      option('custom'),
      h('optgroup', { dataset: { group: 'izh.group.2003' } }, IZH_PRESETS.map(option)),
      h('optgroup', { dataset: { group: 'izh.group.2004' } }, IZH_FEATURES.map(option)),
    ]);
    sel.addEventListener('change', () => this.applyPreset(sel.value));
    this.els.preset = sel;
    this.els.desc = h('p', { class: 'desc' });
    form.append(h('div', { class: 'row wide' }, [h('label', { for: 'c-preset', dataset: { i18n: 'izh.preset' } }), sel]), this.els.desc);
    for (const [name, min, max, step] of SLIDERS) {
      const field = IZHIKEVICH_SCHEMA[name];
      const id = `c-${name}`;
      const range = h('input', { type: 'range', id, name, min, max, step });
      const num = h('input', { type: 'number', name: `${name}-exact`, min: field.min, max: field.max, step: 'any', dataset: { i18nLabel: `izh.${name}` } });
      // Changing a model parameter leaves the named preset.
      const set = (v) => this.setState(PARAMS.includes(name) ? { [name]: v, preset: 'custom' } : { [name]: v });
      range.addEventListener('input', () => set(Number(range.value)));
      num.addEventListener('input', () => { if (num.value !== '' && num.checkValidity()) set(Number(num.value)); });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `izh.${name}` } }), num, range]);
      this.els.rows[name] = { range, num, step, row };
      form.append(row);
    }
    const box = h('input', { type: 'checkbox', name: 'field', onchange: () => this.setState({ field: box.checked }) });
    this.els.field = box;
    form.append(h('div', { class: 'toggles' }, [h('label', {}, [box, h('span', { dataset: { i18n: 'pp.show.field' } })])]));
    this.els.fiButton = h('button', { type: 'button', class: 'fi-button', dataset: { i18n: 'izh.fi.button' }, 'aria-pressed': 'false',
      onclick: () => this.toggleFI() });
    const tool = (key, fn) => h('button', { type: 'button', dataset: { i18n: key, tool: key.split('.').pop() }, onclick: fn });
    form.append(h('div', { class: 'tools' }, [this.els.fiButton,
      tool('pp.zoomIn', () => this.zoom(1.5)), tool('pp.zoomOut', () => this.zoom(1 / 1.5)), tool('pp.resetView', () => this.setView(null)),
      h('button', { type: 'button', dataset: { i18n: 'pp.csv' }, onclick: () => this.downloadCsv() }),
      h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => downloadPng(this.els.canvas, 'izhikevich-plane.png') })]));

    this.els.canvas = h('canvas', { class: 'plane-canvas', role: 'img', dataset: { i18nLabel: 'izh.canvas' } });
    this.els.traceBox = h('div', { class: 'trace' });
    this.els.stats = h('div', { class: 'stats', role: 'status' });
    const plane = h('div', { class: 'plane' }, [this.els.canvas, h('p', { class: 'hint', dataset: { i18n: 'izh.hint' } })]);
    const traceFig = h('figure', {}, [h('figcaption', { dataset: { i18n: 'izh.trace' } }), this.els.traceBox, this.els.stats]);
    this.els.fiBox = h('div', { class: 'fi' });
    this.els.fiStats = h('div', { class: 'stats fi-stats' });
    this.els.fiFig = h('figure', { class: 'fi-panel', hidden: true }, [h('figcaption', { dataset: { i18n: 'izh.fi.caption' } }), this.els.fiBox, this.els.fiStats]);
    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    const lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'izh.title' } }), lang, this.els.timing]);
    root.append(h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, h('div', { class: 'main' }, [plane, traceFig, this.els.fiFig])])]));

    this.vp = new Viewport((VIEW.v[0] + VIEW.v[1]) / 2, (VIEW.u[0] + VIEW.u[1]) / 2, (VIEW.v[1] - VIEW.v[0]) / 2, 300, 200, (VIEW.u[1] - VIEW.u[0]) / 2);
    // Click: start the neuron there; drag: pan; wheel: zoom (plane-input.mjs, as the phase plane).
    this.view = null; // null: the automatic view (u follows the trajectory)
    bindPlaneInput(this.els.canvas, this.vp, {
      onView: () => this.setView(this.vp),
      onClick: (v, u) => this.setState({ v0: Number(Math.min(29, v).toPrecision(5)), u0: Number(u.toPrecision(5)) }),
    });
    this.trace = new SeriesPlot(this.els.traceBox, 170);
    // Under a protocol, a click on the trace chooses the time of the nullclines.
    this.trace.onPick = (time) => {
      if (this._state.protocol !== 'none') this.setState({ tNc: Math.max(0, Math.min(this._state.t1, Number(time.toFixed(1)))) });
    };
    this.fiPlot = new FIPlot(this.els.fiBox, 160);
    this.resizeObserver = new ResizeObserver(() => {
      this.trace.resize();
      this.fiPlot.resize();
      this.schedule();
    });
    this.resizeObserver.observe(this.els.canvas);
    this.resizeObserver.observe(this.els.traceBox);
    this.resizeObserver.observe(this.els.fiBox);
  }

  start() {
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    this.trace?.destroy();
    this.fiPlot?.destroy();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  relabel() {
    this.syncControls();
    this.schedule();
  }

  stateChanged() {
    this.syncControls();
    this.schedule();
  }

  syncControls() {
    const s = this._state;
    this.els.preset.value = s.preset;
    for (const g of this.els.preset.querySelectorAll('optgroup')) g.label = t(g.dataset.group);
    const descKey = s.preset !== 'custom' ? s.preset : s.protocol !== 'none' ? s.protocol : null;
    const note = s.protocol === 'none' ? '' : ` ${t(IZH_PROTOCOL_CELLS.includes(s.protocol) ? 'izh.protocolNote.rk4' : 'izh.protocolNote')}`;
    this.els.desc.textContent = descKey ? t(`izh.desc.${descKey}`) + note : '';
    // Under a 2004 protocol the input I(t) is the panel's: no I or tOn control,
    // but the time whose input the nullclines show (0 .. t1).
    for (const n of ['I', 'tOn']) this.els.rows[n].row.classList.toggle('hidden', s.protocol !== 'none');
    this.els.rows.tNc.row.classList.toggle('hidden', s.protocol === 'none');
    this.els.rows.tNc.range.max = String(s.t1);
    for (const [name, { range, num, step }] of Object.entries(this.els.rows)) {
      if (Math.abs(Number(range.value) - s[name]) >= step / 2) range.value = String(s[name]);
      if (this.shadowRoot.activeElement !== num) num.value = String(s[name]);
    }
    this.els.field.checked = s.field;
  }

  /** The user's view ({ cx, cy, span, yHalf } in mV and u units), or null for the automatic one. */
  setView(v) {
    this.view = v && { cx: v.cx, cy: v.cy, span: v.span, yHalf: v.yHalf };
    this.schedule();
  }

  zoom(factor) {
    this.vp.zoomAt(factor);
    this.setView(this.vp);
  }

  /** A link naming a preset but none of the parameters means that preset's parameters, as for the attribute. */
  applyHash(hash) {
    const given = fromHash(IZHIKEVICH_SCHEMA, hash);
    const applied = super.applyHash(hash);
    if (given.preset && given.preset !== 'custom' && !PARAMS.some((n) => n in given)) {
      this.applyPreset(given.preset).catch((err) => (this.els ? this.fail(err) : console.error(err)));
    }
    return applied;
  }

  /** Parameters and start state of a preset, from the engine's table. */
  async applyPreset(name) {
    if (name === 'custom') {
      this.setState({ preset: 'custom', protocol: 'none' });
      return;
    }
    const sc = (this.sc ??= await pageCore(true));
    const p = sc.systems.izhikevich.presets.find((x) => x.name === name);
    if (!p) return;
    const { a, b, c, d } = p.params;
    const protocol = IZH_FEATURES.includes(name) || IZH_PROTOCOL_CELLS.includes(name) ? name : 'none';
    // A 2003 cell's step from 0 (TC) is the I and tOn controls.
    const step = protocol === 'none' ? stepFromZero(p.input) : null;
    const I = step ? step.I : p.params.I;
    this.setState({ preset: name, protocol, a, b, c, d, I, v0: p.y0[0], u0: p.y0[1], t1: p.t1, tOn: step ? step.at : 0, tNc: p.t1 });
  }

  async render() {
    const t0 = performance.now();
    const sc = (this.sc ??= await pageCore(true));
    // An embedder's preset="FS" without parameters means that preset's parameters.
    if (!this.presetChecked) {
      this.presetChecked = true;
      const given = PARAMS.some((n) => this.getAttribute(n) !== null);
      if (this.getAttribute('preset') !== null && !given && this._state.preset !== 'custom') {
        await this.applyPreset(this._state.preset);
        // When the preset's values are the state already (preset="RS", the
        // defaults), setState changed nothing and scheduled nothing.
        this.schedule();
        return;
      }
    }
    const s = this._state;
    const params = { a: s.a, b: s.b, c: s.c, d: s.d, I: s.I };
    let input;
    let method = 'rk4';
    let dt = DT;
    if (s.protocol !== 'none') {
      // The 2004 panel: its I(t), its quadratic (G and L use 4.1 v + 108),
      // its u equation (R: u' = a b (v + 65)), figure1.m's scheme and step;
      // the plane shows the input at the end.
      const pr = sc.systems.izhikevich.presets.find((x) => x.name === s.protocol);
      const { k2, k1, k0, vr, ku } = pr.params;
      Object.assign(params, { k2, k1, k0, vr, ku });
      input = pr.input ?? undefined;
      method = pr.method;
      dt = pr.dt;
    } else if (s.tOn > 0) {
      // The step: I(t) = 0 before tOn, I after (a repeated breakpoint time is a jump).
      input = { t: [s.tOn, s.tOn], v: [0, s.I] };
    }
    const run = sc.integrate({ system: 'izhikevich', params, y0: [s.v0, s.u0], t1: s.t1, dt, method, input });
    this.run = run;
    // The plane's nullclines and equilibria are those of one input value:
    // under a protocol I(tNc) (the state's time, at most t1), else I.
    this.ncInput = null;
    if (s.protocol !== 'none' && input) {
      const at = Math.min(s.tNc, s.t1);
      params.I = sc.inputSample(input, [at])[0]; // the core's drive (sc_ode_input_sample)
      this.ncInput = { t: at, I: params.I };
    }
    this.method = { method, dt };
    const cv = this.els.canvas;
    const w = cv.clientWidth;
    const hh = cv.clientHeight;
    if (!w || !hh) return;
    // u: the default range when the trajectory fits in it, else the trajectory's own range, padded,
    // up to ±U_CAP: a trajectory that blows up would otherwise stretch the box to infinity.
    let tmin = Infinity;
    let tmax = -Infinity;
    for (let i = 1; i < run.y.length; i += 2) {
      const u = Math.min(U_CAP, Math.max(-U_CAP, run.y[i]));
      if (u !== u) continue; // NaN
      tmin = Math.min(tmin, u);
      tmax = Math.max(tmax, u);
    }
    let [umin, umax] = VIEW.u;
    if (tmin < umin + 2 || tmax > umax - 2) {
      const pad = Math.max(5, 0.3 * (tmax - tmin));
      umin = tmin - pad;
      umax = tmax + pad;
    }
    if (this.view) Object.assign(this.vp, this.view);
    else {
      this.vp.setView((VIEW.v[0] + VIEW.v[1]) / 2, (umin + umax) / 2, (VIEW.v[1] - VIEW.v[0]) / 2);
      this.vp.yHalf = (umax - umin) / 2;
    }
    this.vp.setSize(w, hh);
    const [x0, x1, y0, y1] = this.vp.box;
    const ctx = prepareCanvas(cv, w, hh);
    drawAxes(ctx, this.vp, { xLabel: 'v (mV)', yLabel: 'u' });
    if (s.field) {
      const spacing = w < 420 ? 24 : 30;
      const nx = Math.max(2, Math.round(w / spacing));
      const ny = Math.max(2, Math.round(hh / spacing));
      const gx = [x0 + (x1 - x0) / nx / 2, x1 - (x1 - x0) / nx / 2, nx];
      const gy = [y0 + (y1 - y0) / ny / 2, y1 - (y1 - y0) / ny / 2, ny];
      const field = sc.directionField({ system: 'izhikevich', params, x: gx, y: gy });
      drawArrowField(ctx, this.vp, field, gx, gy, spacing * 0.62);
    }
    const nc = sc.nullclines({ system: 'izhikevich', params, x: [x0, x1, 160], y: [y0, y1, 120] });
    for (const pl of nc.x) drawPolyline(ctx, this.vp, pl, { color: '#e67e22', width: 2 });
    for (const pl of nc.y) drawPolyline(ctx, this.vp, pl, { color: '#8e44ad', width: 2 });
    // The spike cut-off v = vpeak.
    const vpeak = sc.systems.izhikevich.defaults.vpeak;
    drawPolyline(ctx, this.vp, [vpeak, y0, vpeak, y1], { color: '#9aa3b2', width: 1, dash: [2, 3] });

    // Solid pieces between resets; each reset (t repeats) dashed.
    let start = 0;
    const n = run.t.length;
    for (let i = 1; i <= n; i++) {
      if (i < n && run.t[i] !== run.t[i - 1]) continue;
      drawPolyline(ctx, this.vp, run.y, { color: '#c0392b', width: 1.6, start, end: i, arrowEvery: 90 });
      if (i < n) drawPolyline(ctx, this.vp, run.y.subarray(2 * (i - 1), 2 * (i + 1)), { color: '#c0392b', width: 1.2, dash: [4, 4] });
      start = i;
    }
    const [sx, sy] = this.vp.toPx(s.v0, s.u0);
    ctx.fillStyle = '#c0392b';
    ctx.fillRect(sx - 3.5, sy - 3.5, 7, 7);
    if (this.ncInput) this.drawNullclineTime(ctx, run, this.ncInput);

    this.equilibria = sc.equilibria({ system: 'izhikevich', params, x: [x0, x1], y: [y0, y1] });
    drawEquilibria(ctx, this.vp, this.equilibria, (e) => t(`pp.type.${e.type}`));

    const spikes = run.events.filter((e) => e.kind === 'spike').map((e) => e.t);
    this.spikes = spikes;
    this.drawTrace(run);
    if (this.fiOpen) this.drawFI(sc, params);
    const isi = spikes.slice(1).map((v, i) => v - spikes[i]);
    // Rate over the time the input is on.
    const onFor = Math.max(s.t1 - (s.protocol === 'none' ? s.tOn : 0), 1e-9);
    const parts = [`${t('izh.spikes')}: ${spikes.length}`, `${t('izh.rate')}: ${fmt((spikes.length / onFor) * 1000, 3)} Hz`];
    if (isi.length) parts.push(`${t('izh.isi')}: ${isi.slice(0, 6).map((v) => fmt(v, 3)).join(', ')}${isi.length > 6 ? ', …' : ''} ms`);
    this.els.stats.textContent = parts.join(' · ');

    const ms = performance.now() - t0;
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = `${t('pp.time')} ${ms.toFixed(1)} ms · ${method} dt = ${dt} ms · ${sc.simd ? 'SIMD' : 'scalar'}`;
    showStopNote(this.els.timing, stopNote(this.run));
    this.dataset.core = `${sc.version} ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'neuron', ms } }));
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  /** The state at the nullclines' time (a green ring) and which I they are drawn for. */
  drawNullclineTime(ctx, run, { t: at, I }) {
    let k = 0;
    while (k + 1 < run.t.length && run.t[k + 1] <= at) k++;
    const [px, py] = this.vp.toPx(run.y[2 * k], run.y[2 * k + 1]);
    ctx.save();
    ctx.strokeStyle = '#1e8449';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(px, py, 6, 0, 2 * Math.PI);
    ctx.stroke();
    const label = `${t('izh.ncAt')} I(${fmt(at, 4)} ms) = ${fmt(I, 3)}`;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = 'rgba(255,255,255,0.88)';
    ctx.fillRect(40, 4, ctx.measureText(label).width + 8, 17);
    ctx.fillStyle = '#1e8449';
    ctx.fillText(label, 44, 16);
    ctx.restore();
  }

  drawTrace(run) {
    const n = run.t.length;
    const v = new Array(n);
    const u = new Array(n);
    for (let i = 0; i < n; i++) {
      v[i] = run.y[2 * i];
      u[i] = run.y[2 * i + 1];
    }
    this.trace.set({ t: t('izh.time'), a: 'v (mV)', b: 'u' }, Array.from(run.t), v, u, this.spikes, [-90, 40]);
    this.trace.setCursorLine(this.ncInput ? this.ncInput.t : null);
  }

  /** Show or hide the f-I panel; the curve is computed only while it is shown. */
  toggleFI() {
    this.fiOpen = !this.fiOpen;
    this.els.fiFig.hidden = !this.fiOpen;
    this.els.fiButton.setAttribute('aria-pressed', String(this.fiOpen));
    this.schedule();
  }

  /**
   * Rate against I over the I slider's range, in the core (sc.fICurve: RK4,
   * 1 s from v = -65, u = -65 b, the first 200 ms dropped). Recomputed only
   * when a parameter other than I changes; I itself just moves its line.
   */
  drawFI(sc, params) {
    const { I, ...rest } = params;
    const key = JSON.stringify(rest);
    const [, lo, hi] = SLIDERS.find((x) => x[0] === 'I');
    if (key !== this.fiKey) {
      const t0 = performance.now();
      this.fi = sc.fICurve({ params: rest, I: [lo, hi, 51], duration: 1000, transient: 200, dt: 0.1 });
      this.fiMs = performance.now() - t0;
      this.fiKey = key;
    }
    const f = this.fi;
    const labels = { I: `I (mV/ms)`, rate: t('izh.fi.rate'), iSN: 'I_SN', now: 'I' };
    this.fiPlot.set(labels, f.I, f.rate, { iSN: f.iSN ?? NaN, I });
    let k = 0;
    while (k < f.I.length - 1 && f.I[k + 1] <= I) k++;
    const at = f.rate[k] + (k < f.I.length - 1 ? (f.rate[k + 1] - f.rate[k]) * (I - f.I[k]) / (f.I[k + 1] - f.I[k]) : 0);
    const sn = f.iSN === null ? t('izh.fi.noSN') : `I_SN = (k1 − b)²/(4 k2) − k0 = ${fmt(f.iSN, 4)}`;
    this.els.fiStats.textContent = `${sn} · ${t('izh.fi.atI')} ${fmt(I, 3)}: ${fmt(Math.max(0, at), 3)} Hz · ${fmt(this.fiMs, 3)} ms`;
  }

  downloadCsv() {
    const r = this.run;
    if (!r) return;
    const rows = ['t_ms,v_mV,u'];
    for (let i = 0; i < r.t.length; i++) rows.push(`${r.t[i]},${r.y[2 * i]},${r.y[2 * i + 1]}`);
    download(new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }), 'izhikevich-trajectory.csv');
  }
}
