// <simcore-hh>: the Hodgkin–Huxley (1952) squid axon under a step, ramp or
// pulse protocol. V(t) with I(t) under it and the gates m, h, n against
// time, computed in the core in a worker (the phase area's `hh` job, latest
// request wins); the trajectory's (V, n) projection; the gates' steady
// states x∞(V) and time constants τx(V) (sc.hhGates); and Rinzel's 2-D
// reduction (hh-rinzel: m = m∞(V), h = 0.8 − n) in its phase plane with the
// direction field, both nullclines and the equilibria for the input at time
// tNc, the reduced trajectory and the full model's projection beside it.
// Every number comes from the binding. State: hh-schema.mjs.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { pageCore } from '../shared/core.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import { Viewport } from './plane.mjs';
import { drawArrowField, drawAxes, drawEquilibria, drawPolyline, prepareCanvas } from './plane-draw.mjs';
import css from './style.mjs';
import { SERIES_PLOT_CSS } from '../shared/series-plot.mjs';
import { fmt } from './phase-plane.mjs';
import { LinePlot } from './hh-plots.mjs';
import { HH_PRESETS, HH_PROTOCOLS, HH_SCHEMA } from './hh-schema.mjs';

export { HH_PRESETS, HH_SCHEMA };

const SLIDERS = [['amp', -30, 50, 0.1], ['onset', 0, 100, 0.5], ['dur', 0.1, 250, 0.1], ['delay', 0, 60, 0.5], ['t1', 10, 500, 5], ['tNc', 0, 500, 0.5]];
const VIEW = { V: [-95, 55], n: [0.1, 0.9] }; // both planes: V in mV, n
const GATE_COLOURS = { m: '#c0392b', h: '#2456c7', n: '#1e8449' };
// Parts a `panels` layout attribute (not state) can keep, e.g. a slide's
// panels="trace,rinzel": the named parts side by side, compact.
const PARTS = ['controls', 'trace', 'gates', 'proj', 'rinzel', 'inf', 'tau'];
const EXTRA_CSS = `
.main { grid-template-columns: 1fr !important; }
.pair { display: grid; gap: 8px; grid-template-columns: 1fr; min-width: 0; }
@container (min-width: 900px) { .pair { grid-template-columns: 1fr 1fr; } }
canvas.plane-canvas { aspect-ratio: 1.25; cursor: default; }
.plot { background: #fff; min-width: 0; }
.plot .u-legend { font-size: 0.72em; color: var(--muted); }
.stats { font-size: 0.85em; font-variant-numeric: tabular-nums; color: var(--muted); overflow-wrap: anywhere; }
.key { font-size: 0.75em; color: var(--muted); margin: 2px 0 0; }
.compact .main { grid-template-columns: 1fr 1fr !important; align-items: start; }
.compact .pair { display: contents; }
.compact canvas.plane-canvas { aspect-ratio: 1.5; }
/* A phone: V(t) and I(t) stay on screen above the controls; the rest follows them. */
@container (max-width: 699px) {
  figure.trace-fig { position: sticky; top: 0; z-index: 2; align-self: start; }
  .main > .later { order: 3; }
}
`;

export class SimcoreHH extends SimcoreElement {
  static schema = HH_SCHEMA;

  build(root) {
    adoptStyle(root, css + SERIES_PLOT_CSS + EXTRA_CSS);
    this.els = { rows: {} };
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    const sel = h('select', { id: 'c-protocol', name: 'protocol' }, HH_PROTOCOLS.map((p) => h('option', { value: p, dataset: { i18n: `hh.protocol.${p}` } })));
    sel.addEventListener('change', () => this.setState({ protocol: sel.value }));
    this.els.protocol = sel;
    form.append(h('div', { class: 'row wide' }, [h('label', { for: 'c-protocol', dataset: { i18n: 'hh.protocol' } }), sel]));
    for (const [name, min, max, step] of SLIDERS) {
      const field = HH_SCHEMA[name];
      const id = `c-${name}`;
      const range = h('input', { type: 'range', id, name, min, max, step });
      const num = h('input', { type: 'number', name: `${name}-exact`, min: field.min, max: field.max, step: 'any', dataset: { i18nLabel: `hh.${name}` } });
      range.addEventListener('input', () => this.setState({ [name]: Number(range.value) }));
      num.addEventListener('input', () => { if (num.value !== '' && num.checkValidity()) this.setState({ [name]: Number(num.value) }); });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `hh.${name}` } }), num, range]);
      this.els.rows[name] = { range, num, step, row };
      form.append(row);
    }
    const presets = h('div', { class: 'presets' }, Object.keys(HH_PRESETS).map((k) =>
      h('button', { type: 'button', dataset: { i18n: `hh.preset.${k}`, preset: k }, onclick: () => this.applyHash(`#${HH_PRESETS[k]}`) })));
    form.append(h('fieldset', {}, [h('legend', { dataset: { i18n: 'hh.presets' } }), presets]));

    const plot = (cls) => h('div', { class: `plot ${cls}` });
    this.els.vBox = plot('v');
    this.els.iBox = plot('i');
    this.els.gBox = plot('gates');
    this.els.infBox = plot('inf');
    this.els.tauBox = plot('tau');
    this.els.stats = h('div', { class: 'stats', role: 'status' });
    this.els.proj = h('canvas', { class: 'plane-canvas proj', role: 'img', dataset: { i18nLabel: 'hh.proj' } });
    this.els.plane = h('canvas', { class: 'plane-canvas rinzel', role: 'img', dataset: { i18nLabel: 'hh.rinzel' } });
    this.els.ncNote = h('p', { class: 'key' });
    const fig = (key, ...kids) => h('figure', { class: key === 'hh.trace' ? 'trace-fig' : 'later', dataset: { part: key.slice(3) } },
      [h('figcaption', { dataset: { i18n: key } }), ...kids]);
    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    const lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'hh.title' } }), lang, this.els.timing]);
    const main = h('div', { class: 'main' }, [
      fig('hh.trace', this.els.vBox, this.els.iBox, this.els.stats),
      fig('hh.gates', this.els.gBox),
      h('div', { class: 'pair later' }, [
        fig('hh.proj', this.els.proj, h('p', { class: 'key', dataset: { i18n: 'hh.proj.key' } })),
        fig('hh.rinzel', this.els.plane, h('p', { class: 'key', dataset: { i18n: 'hh.rinzel.key' } }), this.els.ncNote)]),
      h('div', { class: 'pair later' }, [fig('hh.inf', this.els.infBox), fig('hh.tau', this.els.tauBox)]),
    ]);
    const rootEl = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, main])]);
    root.append(rootEl);
    const asked = (this.getAttribute('panels') ?? '').split(',').map((x) => x.trim()).filter((x) => PARTS.includes(x));
    this.compact = asked.length > 0;
    if (this.compact) {
      rootEl.classList.add('compact');
      form.hidden = !asked.includes('controls');
      if (form.hidden) rootEl.querySelector('.layout').classList.add('no-form');
      for (const figure of main.querySelectorAll('figure[data-part]')) figure.hidden = !asked.includes(figure.dataset.part);
    }

    this.plots = {
      v: new LinePlot(this.els.vBox, this.compact ? 200 : 170, [{ key: 'V', stroke: '#c0392b' }], [-90, 60]),
      i: new LinePlot(this.els.iBox, this.compact ? 80 : 90, [{ key: 'I', stroke: '#5b6474' }]),
      gates: new LinePlot(this.els.gBox, 130, ['m', 'h', 'n'].map((k) => ({ key: k, stroke: GATE_COLOURS[k] })), [0, 1]),
      inf: new LinePlot(this.els.infBox, 150, ['m', 'h', 'n'].map((k) => ({ key: k, stroke: GATE_COLOURS[k] })), [0, 1]),
      tau: new LinePlot(this.els.tauBox, 150, ['m', 'h', 'n'].map((k) => ({ key: k, stroke: GATE_COLOURS[k] }))),
    };
    this.vpProj = new Viewport(0, 0, 1, 300, 200, 1);
    this.vpPlane = new Viewport(0, 0, 1, 300, 200, 1);
    this.resizeObserver = new ResizeObserver(() => {
      for (const p of Object.values(this.plots)) p.resize();
      this.schedule();
    });
    for (const el of [this.els.vBox, this.els.plane, this.els.infBox]) this.resizeObserver.observe(el);
  }

  start() {
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
    for (const p of Object.values(this.plots ?? {})) p.destroy();
    this.lane?.lane.terminate();
    this.lane = null;
    this.runKey = null; // connected again: recompute
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  relabel() {
    this.syncControls();
    this.gatesKey = null; // the plots' labels changed
    this.schedule();
  }

  stateChanged() {
    this.syncControls();
    this.schedule();
  }

  syncControls() {
    const s = this._state;
    this.els.protocol.value = s.protocol;
    this.els.rows.delay.row.classList.toggle('hidden', s.protocol !== 'pulse');
    this.els.rows.tNc.range.max = String(s.t1);
    for (const [name, { range, num, step }] of Object.entries(this.els.rows)) {
      if (Math.abs(Number(range.value) - s[name]) >= step / 2) range.value = String(s[name]);
      if (this.shadowRoot.activeElement !== num) num.value = String(s[name]);
    }
  }

  /** The experiment of the current protocol: asked of the worker, latest request wins. */
  request(key, state) {
    this.runKey = key;
    this.lane ??= new Channel(createLane(true));
    this.lane.request({ type: 'hh', state }).then((r) => {
      if (!this.lane || this.runKey !== key) return; // removed, or a newer request is on its way
      this.run = r;
      this.runFor = key; // the state this run belongs to
      this.spikes = r.spikes;
      this.schedule();
    }, (err) => {
      if (!(err instanceof Superseded)) this.fail(err);
    });
  }

  async render() {
    const t0 = performance.now();
    const sc = (this.sc ??= await pageCore(true));
    const s = this._state;
    const { tNc, ...rest } = s;
    const key = JSON.stringify(rest);
    if (key !== this.runKey) this.request(key, rest); // tNc only moves the reduced plane's input
    this.drawGateCurves(sc);
    const run = this.run;
    if (!run || this.runFor !== key) return; // drawn when the worker answers
    this.drawTraces(run);
    this.drawProjection(sc, run);
    this.drawReduced(sc, run, Math.min(tNc, s.t1));
    const sp = run.spikes;
    let peak = -Infinity;
    for (let i = 0; i < run.t.length; i++) peak = Math.max(peak, run.y[4 * i]);
    const parts = [`${t('hh.spikes')}: ${sp.length}`, `${t('hh.peak')}: ${fmt(peak, 3)} mV`];
    if (sp.length >= 2) parts.push(`${t('hh.rate')}: ${fmt((1000 * (sp.length - 1)) / (sp[sp.length - 1] - sp[0]), 3)} Hz`);
    if (sp.length) parts.push(`${t('hh.first')}: ${fmt(sp[0], 4)} ms`);
    this.els.stats.textContent = parts.join(' · ');
    const ms = performance.now() - t0;
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = `${t('pp.time')} ${fmt(run.ms, 3)} + ${ms.toFixed(1)} ms · rk4 dt = 0.01 ms · ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.dataset.core = `${sc.version} ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.drawn = { ...s }; // the state everything on screen shows (tests wait for it)
    this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'hh', ms } }));
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  drawTraces(run) {
    const n = run.t.length;
    const V = new Float64Array(n);
    const g = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      V[i] = run.y[4 * i];
      for (let k = 0; k < 3; k++) g[k][i] = run.y[4 * i + 1 + k];
    }
    const time = t('hh.time');
    this.plots.v.set({ x: time, y: 'V (mV)', series: { V: 'V' } }, [run.t, V]);
    this.plots.i.set({ x: time, y: 'I (µA/cm²)', series: { I: 'I' } }, [run.t, run.I]);
    this.plots.gates.set({ x: time, y: t('hh.gate'), series: { m: 'm', h: 'h', n: 'n' } }, [run.t, ...g]);
  }

  /** x∞(V) and τx(V) from the core, once per language. */
  drawGateCurves(sc) {
    if (this.gatesKey === getLang()) return;
    this.gatesKey = getLang();
    const V = Float64Array.from({ length: 301 }, (_, i) => -100 + i * 0.5);
    const g = (this.gates = sc.hhGates(V));
    const names = { m: 'm∞', h: 'h∞', n: 'n∞' };
    this.plots.inf.set({ x: 'V (mV)', y: 'x∞(V)', series: names }, [V, g.mInf, g.hInf, g.nInf]);
    this.plots.tau.set({ x: 'V (mV)', y: `τx(V) (ms)`, series: { m: 'τm', h: 'τh', n: 'τn' } }, [V, g.tauM, g.tauH, g.tauN]);
  }

  /** Size a canvas and its viewport to the (V, n) box. */
  planeOf(canvas, vp) {
    const w = canvas.clientWidth;
    const hh = canvas.clientHeight;
    if (!w || !hh) return null;
    vp.setView((VIEW.V[0] + VIEW.V[1]) / 2, (VIEW.n[0] + VIEW.n[1]) / 2, (VIEW.V[1] - VIEW.V[0]) / 2);
    vp.yHalf = (VIEW.n[1] - VIEW.n[0]) / 2;
    vp.setSize(w, hh);
    const ctx = prepareCanvas(canvas, w, hh);
    drawAxes(ctx, vp, { xLabel: 'V (mV)', yLabel: 'n' });
    return { ctx, w, h: hh };
  }

  /** The full model's trajectory in (V, n), with the curve n = n∞(V) it follows slowly. */
  drawProjection(sc, run) {
    const p = this.planeOf(this.els.proj, this.vpProj);
    if (!p) return;
    const g = this.gates;
    const inf = new Float64Array(2 * g.V.length);
    g.V.forEach((v, i) => { inf[2 * i] = v; inf[2 * i + 1] = g.nInf[i]; });
    drawPolyline(p.ctx, this.vpProj, inf, { color: '#1e8449', width: 1.2, dash: [5, 4] });
    drawPolyline(p.ctx, this.vpProj, projectVn(run), { color: '#c0392b', width: 1.6, arrowEvery: 120 });
  }

  /** Rinzel's plane at the input I(at): field, nullclines, equilibria, both trajectories. */
  drawReduced(sc, run, at) {
    const p = this.planeOf(this.els.plane, this.vpPlane);
    if (!p) return;
    const vp = this.vpPlane;
    const I = sc.inputSample(run.input, [at])[0]; // the drive the integrator applied at that time
    const params = { ...sc.systems['hh-rinzel'].defaults, I };
    const [x0, x1, y0, y1] = vp.box;
    const spacing = p.w < 420 ? 24 : 30;
    const nx = Math.max(2, Math.round(p.w / spacing));
    const ny = Math.max(2, Math.round(p.h / spacing));
    const gx = [x0 + (x1 - x0) / nx / 2, x1 - (x1 - x0) / nx / 2, nx];
    const gy = [y0 + (y1 - y0) / ny / 2, y1 - (y1 - y0) / ny / 2, ny];
    drawArrowField(p.ctx, vp, sc.directionField({ system: 'hh-rinzel', params, x: gx, y: gy }), gx, gy, spacing * 0.62);
    const nc = (this.nullclines = sc.nullclines({ system: 'hh-rinzel', params, x: [x0, x1, 240], y: [y0, y1, 160] }));
    for (const pl of nc.x) drawPolyline(p.ctx, vp, pl, { color: '#e67e22', width: 2 });
    for (const pl of nc.y) drawPolyline(p.ctx, vp, pl, { color: '#8e44ad', width: 2 });
    drawPolyline(p.ctx, vp, projectVn(run), { color: '#c0392b', width: 1, dash: [3, 3] });
    drawPolyline(p.ctx, vp, run.reduced.y, { color: '#2456c7', width: 1.6, arrowEvery: 120 });
    this.equilibria = sc.equilibria({ system: 'hh-rinzel', params, x: [x0, x1], y: [y0, y1] });
    drawEquilibria(p.ctx, vp, this.equilibria, (e) => t(`pp.type.${e.type}`));
    this.ncInput = { t: at, I };
    this.els.ncNote.textContent = `${t('hh.ncAt')} I(${fmt(at, 4)} ms) = ${fmt(I, 3)} µA/cm²`;
  }
}

/** (V, n) pairs of a 4-D trajectory (V, m, h, n). */
function projectVn(run) {
  const n = run.t.length;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = run.y[4 * i];
    out[2 * i + 1] = run.y[4 * i + 3];
  }
  return out;
}
