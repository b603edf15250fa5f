// <simcore-linear3d>: x' = A x in three dimensions, drawn in a rotatable
// projection (drag to turn it): trajectories from points on a sphere, run
// backward and forward in time by the core's closed form x(t) = e^{At}x₀,
// the real eigenvectors as lines through the origin, and the type (sink,
// source, saddle with its unstable dimension, their spiral forms) from the
// core's eigenvalues. Nothing numerical happens here but the projection.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { pageCore } from '../shared/core.mjs';
import { prepareCanvas } from './plane-draw.mjs';
import { downloadPng } from '../shared/draw.mjs';
import css from './linear3d-style.mjs';
import { ENTRIES, LINEAR3D_PRESETS, LINEAR3D_SCHEMA, matrixOf, project, sphereStarts } from './linear3d-schema.mjs';

export { LINEAR3D_SCHEMA, LINEAR3D_PRESETS };

const RADIUS = 1; // start points on the unit sphere
const BOX = 3; // samples beyond |x_i| = 3 are not drawn
const SAMPLES = 241; // per direction in time
const AXIS_COLOURS = ['#c0392b', '#1e8449', '#2456c7'];
const EIGEN_COLOUR = '#4d5566';

const fmt = (v, d = 3) => (Math.abs(v) < 5e-13 ? '0' : Number(v.toPrecision(d)).toString().replace('-', '−'));
const lam = (l) => (l.im === 0 ? fmt(l.re) : `${fmt(l.re)} ${l.im < 0 ? '−' : '+'} ${fmt(Math.abs(l.im))}i`);

export class SimcoreLinear3d extends SimcoreElement {
  static schema = LINEAR3D_SCHEMA;

  build(root) {
    adoptStyle(root, css);
    this.els = { entries: {} };
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    const presets = h('div', { class: 'presets' }, LINEAR3D_PRESETS.map((p) => h('button', {
      type: 'button', dataset: { i18n: `l3.preset.${p.name}`, preset: p.name }, onclick: () => this.setState(p.state),
    })));
    form.append(h('fieldset', {}, [h('legend', { dataset: { i18n: 'l3.presets' } }), presets]));
    // The matrix as a 3 × 3 grid of number boxes, the way it is written.
    const grid = h('div', { class: 'matrix', role: 'group', dataset: { i18nLabel: 'l3.matrix' } }, ENTRIES.map((name) => {
      const f = LINEAR3D_SCHEMA[name];
      const box = h('input', { type: 'number', name, min: f.min, max: f.max, step: 0.1, title: name });
      box.addEventListener('input', () => {
        if (box.value !== '' && box.checkValidity()) this.setState({ [name]: Number(box.value) });
      });
      this.els.entries[name] = box;
      return box;
    }));
    form.append(h('div', { class: 'matrix-row' }, [h('span', { class: 'A', text: 'A =' }), grid]));
    const slider = (name, min, max, step) => {
      const range = h('input', { type: 'range', name, min, max, step, id: `c-${name}` });
      range.addEventListener('input', () => this.setState({ [name]: Number(range.value) }));
      this.els[name] = range;
      return h('div', { class: 'row' }, [h('label', { for: `c-${name}`, dataset: { i18n: `l3.${name}` } }), h('output', { name: `${name}-value` }), range]);
    };
    form.append(slider('count', 1, 40, 1), slider('T', 0.5, 50, 0.5));
    const eigen = h('input', { type: 'checkbox', name: 'eigen', onchange: () => this.setState({ eigen: eigen.checked }) });
    this.els.eigen = eigen;
    form.append(h('label', { class: 'toggle' }, [eigen, h('span', { dataset: { i18n: 'l3.eigen' } })]));
    form.append(h('div', { class: 'tools' }, [
      h('button', { type: 'button', dataset: { i18n: 'l3.resetView', tool: 'reset' }, onclick: () => this.setState({ yaw: 35, pitch: 20 }) }),
      h('button', { type: 'button', text: 'PNG', dataset: { tool: 'png' }, onclick: () => downloadPng(this.els.canvas, 'linear-3d.png') }),
    ]));

    this.els.canvas = h('canvas', { class: 'view', role: 'img', dataset: { i18nLabel: 'l3.canvas' } });
    this.els.type = h('div', { class: 'type' });
    this.els.poly = h('div');
    this.els.lambda = h('div');
    this.els.note = h('p', { class: 'note' });
    const readout = h('div', { class: 'readout', role: 'status' }, [this.els.type, this.els.poly, this.els.lambda, this.els.note]);
    const view = h('div', { class: 'viewbox' }, [this.els.canvas, h('p', { class: 'hint', dataset: { i18n: 'l3.hint' } })]);
    const layout = h('div', { class: 'layout' }, [form, h('div', { class: 'main' }, [view, readout])]);
    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    const lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    root.append(h('div', { class: 'root' }, [h('header', {}, [h('h2', { dataset: { i18n: 'l3.title' } }), lang, this.els.timing]), layout]));
    this.bindDrag();
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(this.els.canvas);
  }

  start() {
    this.syncControls();
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
  }

  relabel() {
    this.schedule();
  }

  stateChanged() {
    this.syncControls();
    this.schedule();
  }

  syncControls() {
    const s = this._state;
    for (const [name, box] of Object.entries(this.els.entries)) if (this.shadowRoot.activeElement !== box) box.value = String(s[name]);
    for (const name of ['count', 'T']) {
      this.els[name].value = String(s[name]);
      this.els[name].parentElement.querySelector('output').textContent = String(s[name]);
    }
    this.els.eigen.checked = s.eigen;
  }

  /** Dragging turns the view: 0.5° per pixel. */
  bindDrag() {
    const cv = this.els.canvas;
    let from = null;
    cv.addEventListener('pointerdown', (e) => {
      from = { x: e.clientX, y: e.clientY, yaw: this._state.yaw, pitch: this._state.pitch };
      cv.setPointerCapture(e.pointerId);
    });
    cv.addEventListener('pointermove', (e) => {
      if (!from) return;
      const yaw = ((from.yaw - (e.clientX - from.x) * 0.5 + 540) % 360) - 180;
      const pitch = Math.max(-89, Math.min(89, from.pitch + (e.clientY - from.y) * 0.5));
      this.setState({ yaw: Math.round(yaw * 10) / 10, pitch: Math.round(pitch * 10) / 10 });
    });
    const end = () => { from = null; };
    cv.addEventListener('pointerup', end);
    cv.addEventListener('pointercancel', end);
  }

  async render() {
    const t0 = performance.now();
    const sc = (this.sc ??= await pageCore(true));
    const s = this._state;
    const cv = this.els.canvas;
    const w = cv.clientWidth;
    const hgt = cv.clientHeight;
    if (!w || !hgt) return;
    const ctx = prepareCanvas(cv, w, hgt);
    const A = matrixOf(s);
    const cls = sc.classifyLinear3(A);
    const scale = (0.92 * Math.min(w, hgt)) / (2 * BOX); // the box of side 2 BOX fits, axis names included
    const px = (p) => {
      const [u, v, d] = project(p, s.yaw, s.pitch);
      return [w / 2 + u * scale, hgt / 2 - v * scale, d];
    };
    // The axes, drawn first (behind), with their names.
    ctx.lineWidth = 1;
    ['x', 'y', 'z'].forEach((name, k) => {
      const e = [0, 0, 0];
      e[k] = BOX;
      const a = px(e.map((v) => -v));
      const b = px(e);
      ctx.strokeStyle = AXIS_COLOURS[k];
      ctx.globalAlpha = 0.6;
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = AXIS_COLOURS[k];
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillText(name, b[0] + 4, b[1] - 4);
    });
    if (s.eigen) {
      ctx.strokeStyle = EIGEN_COLOUR;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.4;
      cls.eigenvectors.forEach((v) => {
        if (!v) return;
        const a = px(v.map((c) => -c * BOX));
        const b = px(v.map((c) => c * BOX));
        ctx.beginPath();
        ctx.moveTo(a[0], a[1]);
        ctx.lineTo(b[0], b[1]);
        ctx.stroke();
      });
      ctx.setLineDash([]);
    }
    // Trajectories: the closed form at SAMPLES times each way, cut where they leave the box.
    const times = Float64Array.from({ length: SAMPLES }, (_, i) => (s.T * i) / (SAMPLES - 1));
    const back = times.map((v) => -v);
    let drawn = 0;
    const starts = sphereStarts(s.count, RADIUS);
    starts.forEach((x0, k) => {
      const hue = Math.round((360 * k) / starts.length);
      for (const [ts, alpha] of [[times, 1], [back, 0.45]]) {
        let xs;
        try {
          xs = sc.linear3Solution(A, x0, ts);
        } catch (err) {
          if (!(err instanceof RangeError)) throw err; // overflow far out in time: that side is left out
          continue;
        }
        ctx.strokeStyle = `hsla(${hue}, 65%, 38%, ${alpha})`;
        ctx.lineWidth = 1.6;
        ctx.beginPath();
        for (let i = 0; i < ts.length; i++) {
          const p = [xs[3 * i], xs[3 * i + 1], xs[3 * i + 2]];
          if (Math.max(Math.abs(p[0]), Math.abs(p[1]), Math.abs(p[2])) > BOX) break;
          const [a, b] = px(p);
          if (i === 0) ctx.moveTo(a, b);
          else ctx.lineTo(a, b);
        }
        ctx.stroke();
        drawn++;
      }
      const [a, b] = px(x0);
      ctx.fillStyle = `hsl(${hue}, 65%, 38%)`;
      ctx.fillRect(a - 2.5, b - 2.5, 5, 5);
    });
    const [ox, oy] = px([0, 0, 0]);
    ctx.fillStyle = '#111';
    ctx.beginPath();
    ctx.arc(ox, oy, 4, 0, 2 * Math.PI);
    ctx.fill();
    this.drawReadout(cls);
    this.trajectoriesDrawn = drawn;
    this.finish(t0, sc);
  }

  /** Timing line, `rendered` event, and `ready` after the first frame (as the other phase widgets). */
  finish(t0, sc) {
    const ms = performance.now() - t0;
    delete this.els.timing.dataset.i18n;
    this.els.timing.textContent = `${t('l3.computed')} ${ms.toFixed(1)} ms · ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.els.timing.classList.remove('error');
    this.dataset.core = `${sc.version} ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.dispatchEvent(new CustomEvent('rendered', { detail: { ms } }));
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  drawReadout(cls) {
    const E = this.els;
    const name = t(`l3.type.${cls.type}`);
    E.type.textContent = cls.type.includes('saddle') ? t('l3.withUnstable').replace('%type', name).replace('%n', String(cls.unstableDim)) : name;
    E.type.dataset.type = cls.type;
    const spans = (el, texts) => el.replaceChildren(...texts.map((text) => h('span', { text })));
    spans(E.poly, [`tr A = ${fmt(cls.trace)}`, `M₂ = ${fmt(cls.minors)}`, `det A = ${fmt(cls.det)}`]);
    spans(E.lambda, cls.eigenvalues.map((l, i) => `λ${'₁₂₃'[i]} = ${lam(l)}`));
    E.note.textContent = t(`l3.note.${cls.type}`);
  }
}
