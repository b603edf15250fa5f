// <simcore-phase-plane>: the 2-D linear system x' = a x + b y, y' = c x + d y
// (and the damped oscillator m v' = −k x − μ v, x' = v) in its phase plane:
// direction field, trajectories through clicked points (forward and backward
// in time, kept and recomputed when parameters change), the equilibrium with
// its type, eigenvalues and eigenvectors, nullclines, and the trace–
// determinant plane. Every number comes from the binding (classifyLinear,
// equilibria, integrate, directionField, nullclines); this file draws.
// Attributes and URL-hash fields: phase-plane-schema.mjs.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { pageCore } from '../shared/core.mjs';
import { Viewport } from './plane.mjs';
import { bindPlaneInput, pointerPx } from './plane-input.mjs';
import { drawArrowField, drawAxes, drawEquilibria, drawLineThrough, drawPolyline, drawSegmentThrough, prepareCanvas } from './plane-draw.mjs';
import { drawTraceDet, fitTraceDet, traceDetViewport } from './trace-det.mjs';
import { download, downloadPng } from '../shared/draw.mjs';
import { SERIES_PLOT_CSS, SeriesPlot } from '../shared/series-plot.mjs';
import { showStopNote, stopNote } from './stop-note.mjs';
import { ParticleField } from './particles.mjs';
import { drawStreamlines } from './streamlines-draw.mjs';
import { Channel, Superseded, createLane } from '../shared/compute.mjs';
import css from './style.mjs';
import { MODEL_INFO, PHASE_PLANE_SCHEMA, PHASE_PRESETS, matrixForTraceDet } from './phase-plane-schema.mjs';

export { PHASE_PLANE_SCHEMA, PHASE_PRESETS };

// Sliders: state field, slider range (the number box takes the schema's full range).
const SLIDERS = {
  linear: [['a', -5, 5, 0.05], ['b', -5, 5, 0.05], ['c', -5, 5, 0.05], ['d', -5, 5, 0.05]],
  oscillator: [['m', 0.05, 5, 0.05], ['k', -5, 10, 0.05], ['mu', -3, 5, 0.05]],
  'fitzhugh-nagumo': [['fhn_a', -1, 2, 0.01], ['fhn_b', 0, 2, 0.01], ['fhn_tau', 0.5, 50, 0.5], ['fhn_I', -1, 2, 0.01]],
  'van-der-pol': [['vdp_mu', -3, 6, 0.05]],
  'morris-lecar': [['ml_I', 0, 200, 0.5]],
};
/** The default view of a model as state fields. */
const viewOf = (model) => {
  const [cx, cy, span] = MODEL_INFO[model].view;
  return { cx, cy, span };
};
const TOGGLES = ['field', 'nullclines', 'eigen', 'lyapunov', 'backward'];
const LINEAR_MODELS = new Set(['linear', 'oscillator']);
// Line colours (the legend names each).
const COLOURS = { xNull: '#e67e22', yNull: '#8e44ad', eigen: '#4d5566', stable: '#117a65', unstable: '#6e2c00', lyapunov: '#1a5276',
  rising: 'rgba(192, 57, 43, 0.45)', basin: 'rgba(17, 122, 101, 0.35)' };
// Pixels of the candidate's map: V rising, inside the sublevel set V < c.
const RISING_RGBA = [192, 57, 43, 64];
const BASIN_RGBA = [17, 122, 101, 46];
const EIGEN_DASH = [[8, 5], [3, 4]];
// Parts a `panels` attribute can keep (the plane itself always shows).
const PANELS = ['controls', 'series', 'readout', 'td'];
// Trajectories: dopri5 with dense output every dt for up to T each way (per
// model, MODEL_INFO), stopped when they leave the view enlarged by its size
// on every side.
// Classification band: the readout snaps to a boundary (p = 0, q = 0,
// p² = 4q) within 1e-3 of the matrix's scale, so a student can land on a
// centre or a star with the sliders (docs/ode.md, "Classification").
const SNAP = 1e-3;
// Trajectory colours avoid the nullclines' orange and purple and the eigenvectors' grey.
const TRAJ_COLOURS = ['#c0392b', '#2456c7', '#1e8449', '#b7950b', '#16a085', '#a04000', '#1b2631', '#5d6d7e'];

/** A number for display: up to 4 significant digits, a real minus sign. */
export function fmt(v, digits = 4) {
  if (!Number.isFinite(v)) return String(v);
  const s = String(Number(v.toPrecision(digits)));
  return s.replace(/^-/, '−').replace(/e\+?/, '·10^');
}

/** "a x + b y" with the current numbers: "−x + 0.5 y", "0". */
function linearText(terms) {
  let out = '';
  for (const [coef, name] of terms) {
    if (coef === 0) continue;
    const mag = Math.abs(coef) === 1 ? '' : `${fmt(Math.abs(coef))} `;
    if (!out) out = `${coef < 0 ? '−' : ''}${mag}${name}`;
    else out += ` ${coef < 0 ? '−' : '+'} ${mag}${name}`;
  }
  return out || '0';
}

/** The matrix A of a linear model: the lecture's (a b; c d), or the oscillator's (0 1; −k/m −μ/m) in (x, v). */
function matrixOf(s) {
  return s.model === 'oscillator' ? [[0, 1], [-s.k / s.m, -s.mu / s.m]] : [[s.a, s.b], [s.c, s.d]];
}

const sys2 = (s) => MODEL_INFO[s.model].vars;

/** P of AᵀP + PA = −I (null when none is unique: a centre or a zero eigenvalue). */
function lyapunovOf(sc, A) {
  try {
    return sc.lyapunovLinear(A);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/**
 * Levels of V = xᵀPx to draw: five evenly spaced in √V up to the view's
 * corners, and the level through the selected trajectory's start point.
 */
function lyapunovLevels([[p, q], [, r]], [x0, x1, y0, y1], through) {
  const V = (x, y) => p * x * x + 2 * q * x * y + r * y * y;
  const top = Math.max(V(x0, y0), V(x0, y1), V(x1, y0), V(x1, y1));
  const levels = [1, 2, 3, 4, 5].map((k) => ({ c: top * (k / 5) ** 2 / 2, through: false }));
  if (through) levels.push({ c: V(through.x0, through.y0), through: true });
  return levels.filter((l) => l.c > 0);
}

/** The ellipse xᵀPx = c (P positive definite) as a closed polyline. */
function ellipse([[p, q], [, r]], c) {
  const n = 120;
  const pts = new Float64Array(2 * (n + 1));
  for (let i = 0; i <= n; i++) {
    const th = (2 * Math.PI * i) / n;
    const u = Math.cos(th);
    const v = Math.sin(th);
    const rad = Math.sqrt(c / (p * u * u + 2 * q * u * v + r * v * v));
    pts[2 * i] = rad * u;
    pts[2 * i + 1] = rad * v;
  }
  return pts;
}

export class SimcorePhasePlane extends SimcoreElement {
  static schema = PHASE_PLANE_SCHEMA;

  build(root) {
    adoptStyle(root, css + SERIES_PLOT_CSS);
    this.els = { rows: {} };
    const form = h('form', { onsubmit: (e) => e.preventDefault() });

    const modelSel = h('select', { id: 'c-model', name: 'model' },
      PHASE_PLANE_SCHEMA.model.choices.map((c) => h('option', { value: c, dataset: { i18n: `pp.model.${c}` } })));
    modelSel.addEventListener('change', () => this.setState({ model: modelSel.value, traj: [], sel: -1 }));
    this.els.model = modelSel;
    form.append(h('div', { class: 'row wide' }, [h('label', { for: 'c-model', dataset: { i18n: 'pp.model' } }), modelSel]));

    const presets = h('div', { class: 'presets' }, PHASE_PRESETS.map((p) => h('button', {
      type: 'button', dataset: { i18n: `pp.preset.${p.name}`, preset: p.name },
      // A preset of another model clears the old model's trajectories.
      onclick: () => this.setState({ ...p.state, ...viewOf(p.state.model),
        ...(p.state.model !== this._state.model && !p.state.traj ? { traj: [], sel: -1 } : {}) }),
    })));
    form.append(h('fieldset', {}, [h('legend', { dataset: { i18n: 'pp.presets' } }), presets]));

    for (const [model, list] of Object.entries(SLIDERS)) {
      for (const [name, min, max, step] of list) {
        const field = PHASE_PLANE_SCHEMA[name];
        const id = `c-${name}`;
        const range = h('input', { type: 'range', id, name, min, max, step });
        const num = h('input', { type: 'number', name: `${name}-exact`, min: field.min, max: field.max, step: 'any',
          dataset: { i18nLabel: `pp.${name}` } });
        range.addEventListener('input', () => this.setState({ [name]: Number(range.value) }));
        num.addEventListener('input', () => {
          if (num.value !== '' && num.checkValidity()) this.setState({ [name]: Number(num.value) });
        });
        const row = h('div', { class: 'row', dataset: { model } }, [h('label', { for: id, dataset: { i18n: `pp.${name}` } }), num, range]);
        this.els.rows[name] = { range, num, row, step };
        form.append(row);
      }
    }

    // Your own system: two formulas, parsed by the core; errors shown with their position.
    this.els.formulas = {};
    for (const name of ['dx', 'dy']) {
      const input = h('input', { type: 'text', name, id: `c-${name}`, spellcheck: false, autocomplete: 'off', maxLength: 200 });
      input.addEventListener('input', () => this.setState({ [name]: input.value }));
      this.els.formulas[name] = input;
      form.append(h('div', { class: 'row wide formula', dataset: { model: 'custom' } }, [
        h('label', { for: `c-${name}`, text: `${name}/dt =` }), input]));
    }
    // The message wraps; the formula and its caret line keep their columns.
    this.els.formulaError = h('div', { class: 'formula-error error', role: 'alert' }, [h('p'), h('pre')]);
    form.append(this.els.formulaError);

    const setSel = h('select', { id: 'c-ml_set', name: 'ml_set' },
      PHASE_PLANE_SCHEMA.ml_set.choices.map((c) => h('option', { value: c, dataset: { i18n: `pp.ml_set.${c}` } })));
    setSel.addEventListener('change', () => this.setState({ ml_set: setSel.value }));
    this.els.mlSet = setSel;
    this.els.mlSetRow = h('div', { class: 'row wide', dataset: { model: 'morris-lecar' } }, [h('label', { for: 'c-ml_set', dataset: { i18n: 'pp.ml_set' } }), setSel]);
    form.append(this.els.mlSetRow);

    const toggles = h('div', { class: 'toggles' }, TOGGLES.map((name) => {
      const box = h('input', { type: 'checkbox', name, onchange: () => this.setState({ [name]: box.checked }) });
      this.els[`toggle-${name}`] = box;
      return h('label', {}, [box, h('span', { dataset: { i18n: `pp.show.${name}` } })]);
    }));
    form.append(toggles);
    const vIn = h('input', { type: 'text', name: 'V', id: 'c-V', spellcheck: false, autocomplete: 'off', maxLength: 200 });
    vIn.addEventListener('input', () => this.setState({ V: vIn.value }));
    this.els.V = vIn;
    this.els.VRow = h('div', { class: 'row wide formula-v' }, [h('label', { for: 'c-V', text: 'V(x, y) =' }), vIn]);
    form.append(this.els.VRow);

    // Field style: arrows, streamlines or particles (every model has a batch integrator).
    const styleSel = h('select', { id: 'c-fieldStyle', name: 'fieldStyle' },
      PHASE_PLANE_SCHEMA.fieldStyle.choices.map((c) => h('option', { value: c, dataset: { i18n: `pp.fieldStyle.${c}` } })));
    styleSel.addEventListener('change', () => this.setState({ fieldStyle: styleSel.value }));
    this.els.fieldStyle = styleSel;
    form.append(h('div', { class: 'row wide' }, [h('label', { for: 'c-fieldStyle', dataset: { i18n: 'pp.fieldStyle' } }), styleSel]));

    // A start point typed exactly (for the values a click cannot hit).
    const x0In = h('input', { type: 'number', name: 'x0', step: 'any', value: '1', dataset: { i18nLabel: 'pp.startX' } });
    const y0In = h('input', { type: 'number', name: 'y0', step: 'any', value: '0', dataset: { i18nLabel: 'pp.startY' } });
    const addStart = () => {
      const x = Number(x0In.value);
      const y = Number(y0In.value);
      if (x0In.value !== '' && y0In.value !== '' && Number.isFinite(x) && Number.isFinite(y)) this.addTrajectory(x, y);
    };
    form.append(h('div', { class: 'start' }, [h('span', { dataset: { i18n: 'pp.start' } }), x0In, y0In,
      h('button', { type: 'button', dataset: { i18n: 'pp.add', tool: 'add' }, onclick: addStart })]));

    const tool = (key, fn) => h('button', { type: 'button', dataset: { i18n: key, tool: key.split('.').pop() }, onclick: fn });
    form.append(h('div', { class: 'tools' }, [
      tool('pp.clear', () => this.setState({ traj: [], sel: -1 })),
      tool('pp.zoomIn', () => this.zoom(1.5)),
      tool('pp.zoomOut', () => this.zoom(1 / 1.5)),
      tool('pp.resetView', () => this.setState(viewOf(this._state.model))),
      tool('pp.csv', () => this.downloadCsv()),
      h('button', { type: 'button', text: 'PNG', title: 'PNG', dataset: { tool: 'png' }, onclick: () => downloadPng(this.els.canvas, 'phase-plane.png') }),
    ]));

    this.els.eqs = h('div', { class: 'eqs', 'aria-live': 'polite' }, [h('span'), h('span')]);
    this.els.canvas = h('canvas', { class: 'plane-canvas', role: 'img', dataset: { i18nLabel: 'pp.canvas' } });
    // Particles draw on their own transparent layer over the plane (their trails fade frame by frame).
    this.els.particles = h('canvas', { class: 'particles', 'aria-hidden': 'true' });
    this.els.seriesBox = h('div', { class: 'series' });
    // One chip per trajectory, in its colour: which one the time plot shows.
    this.els.picks = h('div', { class: 'picks', role: 'group', dataset: { i18nLabel: 'pp.pick' } });
    const axesBox = h('input', { type: 'checkbox', name: 'seriesAxes', onchange: () => this.setState({ seriesAxes: axesBox.checked ? 'two' : 'shared' }) });
    this.els.seriesAxes = axesBox;
    const axesToggle = h('label', { class: 'axes-toggle' }, [axesBox, h('span', { dataset: { i18n: 'pp.seriesAxes' } })]);
    this.els.seriesFig = h('figure', { class: 'series-fig' }, [h('figcaption', { dataset: { i18n: 'pp.series' } }), axesToggle, this.els.picks, this.els.seriesBox]);
    // What each line on the plane is (rebuilt when the set of lines changes).
    this.els.legend = h('ul', { class: 'legend', dataset: { i18nLabel: 'pp.legend' } });
    const plane = h('div', { class: 'plane' }, [this.els.eqs, h('div', { class: 'canvas-box' }, [this.els.canvas, this.els.particles]), this.els.legend, h('p', { class: 'hint', dataset: { i18n: 'pp.hint' } }), this.els.seriesFig]);

    this.els.type = h('div', { class: 'type' });
    this.els.pq = h('div');
    this.els.lambda = h('div');
    this.els.vectors = h('div');
    // Linear models: the closed-form solution e^{At}x₀ against the integrator, and the Lyapunov function.
    this.els.solution = h('div', { class: 'solution' });
    this.els.lyap = h('div', { class: 'lyap' });
    const readout = h('div', { class: 'readout', role: 'status' }, [this.els.type, this.els.pq, this.els.lambda, this.els.vectors, this.els.solution, this.els.lyap]);
    this.els.td = h('canvas', { class: 'td', role: 'img', dataset: { i18nLabel: 'pp.td' } });
    const tdFig = h('figure', {}, [h('figcaption', { dataset: { i18n: 'pp.td' } }), this.els.td, h('p', { class: 'hint', dataset: { i18n: 'pp.td.hint' } })]);
    const side = h('div', { class: 'side' }, [readout, tdFig]);
    const main = h('div', { class: 'main' }, [plane, side]);
    const layout = h('div', { class: 'layout' }, [form, main]);

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    const lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'pp.title' } }), lang, this.els.timing]);
    this.els.root = h('div', { class: 'root' }, [header, layout]);
    root.append(this.els.root);

    // Layout attribute (not state): `panels="readout,td"` keeps only the named
    // parts (controls, series, readout, td) beside the plane, for a slide with
    // little room. Unknown names are ignored; missing or none valid = all.
    const asked = (this.getAttribute('panels') ?? '').split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x));
    this.shown = new Set(asked.length ? asked : PANELS);
    form.hidden = !this.shown.has('controls');
    readout.hidden = !this.shown.has('readout');
    tdFig.hidden = !this.shown.has('td');
    layout.classList.toggle('no-form', form.hidden);
    main.classList.toggle('no-side', readout.hidden && tdFig.hidden);

    this.vp = new Viewport();
    this.tdVp = traceDetViewport();
    this.trajectories = [];
    this.trajKey = '';
    this.particles = new ParticleField(this.els.particles);
    this.animating = false;
    this.bindPointer();
    this.bindTraceDet();
    this.series = new SeriesPlot(this.els.seriesBox, 140);
    this.resizeObserver = new ResizeObserver(() => {
      this.series.resize();
      this.invalidate();
    });
    this.resizeObserver.observe(this.els.seriesBox);
    this.resizeObserver.observe(this.els.canvas);
    this.resizeObserver.observe(this.els.td);
  }

  start() {
    this.syncControls();
    this.watchVisibility(); // onScreen also drives the particles' animation
    this.onVisibility = () => this.animate();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  /** Run the particles' frame loop while they are shown, the widget is on screen and the tab visible. */
  animate() {
    const want = this.particlesOn && this.onScreen && !document.hidden && !!this.els;
    if (!want || this.animating) return;
    this.animating = true;
    const tick = () => {
      if (!(this.particlesOn && this.onScreen && !document.hidden)) {
        this.animating = false;
        return;
      }
      try {
        this.particles.frame();
      } catch (err) {
        this.animating = false;
        this.fail(err);
        return;
      }
      this.particleFrame = requestAnimationFrame(tick);
    };
    this.particleFrame = requestAnimationFrame(tick);
  }

  onScreenChanged() {
    this.animate();
  }

  stop() {
    this.streamLane?.lane.terminate();
    this.streamLane = null;
    this.streamKey = null; // connected again: recompute
    this.particlesOn = false;
    cancelAnimationFrame(this.particleFrame);
    this.animating = false;
    if (this.onVisibility) document.removeEventListener('visibilitychange', this.onVisibility);
    this.resizeObserver?.disconnect();
    this.series?.destroy();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  relabel() {
    this.legendKey = ''; // its texts are in the language
    this.syncControls(); // the V field's placeholder
    this.invalidate();
  }

  /**
   * A new model starts from its own view unless the same update names one:
   * a link saying only `model=morris-lecar` must not show Morris–Lecar in
   * the linear system's box.
   */
  setState(partial, options) {
    const model = partial?.model;
    if (Object.hasOwn(MODEL_INFO, model ?? '') && model !== this._state?.model) {
      partial = { ...viewOf(model), ...partial };
    }
    return super.setState(partial, options);
  }

  stateChanged() {
    this.syncControls();
    this.schedule();
  }

  invalidate() {
    this.schedule();
  }

  syncControls() {
    const s = this._state;
    this.els.model.value = s.model;
    for (const [name, { range, num, row, step }] of Object.entries(this.els.rows)) {
      row.classList.toggle('hidden', row.dataset.model !== s.model);
      if (Math.abs(Number(range.value) - s[name]) >= step / 2) range.value = String(s[name]);
      // Leave the box alone while the student types in it (it may read "-" or "0.").
      if (this.shadowRoot.activeElement !== num) num.value = String(s[name]);
    }
    for (const name of TOGGLES) this.els[`toggle-${name}`].checked = s[name];
    this.els.VRow.hidden = !s.lyapunov;
    if (this.shadowRoot.activeElement !== this.els.V) this.els.V.value = s.V;
    this.els.V.placeholder = t(LINEAR_MODELS.has(s.model) ? 'pp.V.placeholderLinear' : 'pp.V.placeholder');
    this.els.fieldStyle.value = s.fieldStyle;
    this.els.seriesAxes.checked = s.seriesAxes === 'two';
    this.els.mlSet.value = s.ml_set;
    for (const el of this.shadowRoot.querySelectorAll('.formula')) el.classList.toggle('hidden', s.model !== 'custom');
    for (const [name, input] of Object.entries(this.els.formulas)) if (this.shadowRoot.activeElement !== input) input.value = s[name];
    if (s.model !== 'custom') this.showFormulaError('');
    this.els.mlSetRow.classList.toggle('hidden', s.model !== 'morris-lecar');
  }

  /** The engine's system name, parameters and plane variables for the current model. */
  system() {
    const s = this._state;
    const info = MODEL_INFO[s.model];
    if (s.model === 'custom') return { system: { dx: s.dx, dy: s.dy }, params: undefined, vars: info.vars, T: info.T, dt: info.dt };
    let params = {};
    if (info.set) {
      // Morris–Lecar: the chosen set's parameters from the engine's presets.
      const preset = this.sc.systems[info.system].presets.find((x) => x.name === `ML-${s[info.set]}`);
      params = { ...preset.params };
    }
    for (const [name, field] of Object.entries(info.params)) params[name] = s[field];
    return { system: info.system, params, vars: info.vars, T: info.T, dt: info.dt };
  }

  zoom(factor) {
    this.vp.zoomAt(factor);
    this.setState({ span: this.vp.span, cx: this.vp.cx, cy: this.vp.cy });
  }

  /** CSS pixels of a pointer event relative to the canvas's drawing area (inside its border). */
  pointerPx(e, canvas = this.els.canvas) {
    return pointerPx(e, canvas);
  }

  bindPointer() {
    const r = (v) => Number(v.toPrecision(6));
    bindPlaneInput(this.els.canvas, this.vp, {
      onView: () => this.setState({ span: this.vp.span, cx: this.vp.cx, cy: this.vp.cy }),
      onClick: (x, y) => this.addTrajectory(x, y),
      // Pressing on a start point (its square, ±9 px) grabs it: dragging moves the trajectory live.
      grab: (px) => {
        let grab = -1;
        let best = 9;
        this._state.traj.forEach(([x, y], i) => {
          const q = this.vp.toPx(x, y);
          const dist = Math.max(Math.abs(q[0] - px[0]), Math.abs(q[1] - px[1]));
          if (dist <= best) {
            best = dist;
            grab = i;
          }
        });
        return grab;
      },
      onGrabMove: (i, x, y) => this.setState({ traj: this._state.traj.map((q, k) => (k === i ? [r(x), r(y)] : q)) }),
    });
  }

  /** Add a trajectory through the model point (x, y); the oldest goes beyond the limit. */
  addTrajectory(x, y) {
    const max = PHASE_PLANE_SCHEMA.traj.maxCount;
    const r = (v) => Number(v.toPrecision(6)); // what the hash keeps
    this.setState({ traj: [...this._state.traj, [r(x), r(y)]].slice(-max), sel: -1 });
  }

  bindTraceDet() {
    const cv = this.els.td;
    // While dragging, the inset keeps its scale (this.tdDragging) so the point stays under the pointer.
    const move = (e) => {
      const [p, q] = this.tdVp.toModel(...this.pointerPx(e, cv));
      const next = this.matrixFor(p, q);
      if (next) this.setState(next);
    };
    cv.addEventListener('pointerdown', (e) => {
      if (this._state.model !== 'linear' || e.button !== 0) return;
      this.tdDragging = true;
      cv.setPointerCapture(e.pointerId);
      move(e);
    });
    cv.addEventListener('pointermove', (e) => { if (this.tdDragging) move(e); });
    const end = () => {
      if (!this.tdDragging) return;
      this.tdDragging = false;
      this.schedule(); // refit the scale to where the point was left
    };
    cv.addEventListener('pointerup', end);
    cv.addEventListener('pointercancel', end);
  }

  matrixFor(p, q) {
    return matrixForTraceDet(this._state, p, q);
  }

  async render() {
    const t0 = performance.now();
    const sc = (this.sc ??= await pageCore(true));
    const s = this._state;
    const cv = this.els.canvas;
    const w = cv.clientWidth;
    const hgt = cv.clientHeight;
    if (!w || !hgt) return;
    this.vp.setSize(w, hgt);
    this.vp.setView(s.cx, s.cy, s.span);
    const info = MODEL_INFO[s.model];
    this.vp.yHalf = info.yRatio ? (s.span * info.yRatio * hgt) / w : null;
    const sys = this.system();
    const [x0, x1, y0, y1] = this.vp.box;
    const ctx = prepareCanvas(cv, w, hgt);
    if (s.model === 'custom') {
      // Compile once here: a formula that does not parse is reported (with
      // the core's position and caret) and nothing else is drawn.
      try {
        sc.directionField({ system: sys.system, x: [x0, x1, 2], y: [y0, y1, 2] });
        this.showFormulaError('');
      } catch (err) {
        if (!(err instanceof SyntaxError || err instanceof RangeError || err instanceof TypeError)) throw err;
        this.showFormulaError(err.message.replace(/^directionField: system\./, ''));
        // Nothing of the new text is drawn, and nothing of the last system
        // that did parse stays: title marked, inset without a point, no legend.
        drawAxes(ctx, this.vp, { xLabel: 'x', yLabel: 'y' });
        this.trajectories = [];
        this.equilibria = [];
        this.equilibrium = null;
        this.drawReadout(null);
        this.drawEquations(true);
        this.drawInset(null);
        this.drawLegend(sys, []);
        this.drawPicks(-1);
        this.els.seriesFig.hidden = true;
        this.setParticles(null);
        this.finish(t0, sc);
        return;
      }
    }

    // The equilibrium and its type.
    let eqs;
    if (s.model === 'linear') {
      eqs = [{ x: 0, y: 0, ...sc.classifyLinear(s.a, s.b, s.c, s.d, { tolerance: SNAP }) }];
    } else if (s.model === 'oscillator') {
      // The oscillator's equilibrium is the origin; search a box that holds it wherever the view is.
      const box = { x: [Math.min(x0, -1), Math.max(x1, 1)], y: [Math.min(y0, -1), Math.max(y1, 1)] };
      eqs = sc.equilibria({ system: sys.system, params: sys.params, ...box });
    } else {
      eqs = sc.equilibria({ system: sys.system, params: sys.params, x: [x0, x1], y: [y0, y1] });
    }
    // The readout and the inset describe the first one (the linear models have one).
    const eq = eqs[0] ?? null;
    this.equilibrium = eq;
    this.equilibria = eqs;

    drawAxes(ctx, this.vp, { xLabel: sys.vars[0], yLabel: sys.vars[1] });
    // A typed candidate: where V rises (red) and the largest sublevel set free of it (green), under everything else.
    this.candidate = s.lyapunov && s.V.trim() ? this.candidateMap(sc, sys, ctx, w, hgt) : null;

    // Particles: the engine advances a batch of any 2-D system (float kernels or its double fallback).
    const particles = s.field && s.fieldStyle === 'particles';
    if (s.field) {
      const spacing = w < 420 ? 24 : 30;
      const nx = Math.max(2, Math.round(w / spacing));
      const ny = Math.max(2, Math.round(hgt / spacing));
      const hx = (x1 - x0) / nx / 2;
      const hy = (y1 - y0) / ny / 2;
      const gx = [x0 + hx, x1 - hx, nx];
      const gy = [y0 + hy, y1 - hy, ny];
      if (this.fieldOut?.length !== 2 * nx * ny) this.fieldOut = new Float32Array(2 * nx * ny);
      sc.directionField({ system: sys.system, params: sys.params, x: gx, y: gy, out: this.fieldOut });
      if (s.fieldStyle === 'streamlines') this.drawStreamlines(ctx, sys, w);
      else if (!particles) drawArrowField(ctx, this.vp, this.fieldOut, gx, gy, spacing * 0.62);
    }
    this.setParticles(particles ? { sc, sys, field: this.fieldOut, w, hgt } : null);

    if (s.nullclines) {
      const n = Math.min(200, Math.max(40, Math.round(w / 4)));
      const nc = sc.nullclines({ system: sys.system, params: sys.params, x: [x0, x1, n], y: [y0, y1, n] });
      for (const pl of nc.x) drawPolyline(ctx, this.vp, pl, { color: COLOURS.xNull, width: 2 });
      for (const pl of nc.y) drawPolyline(ctx, this.vp, pl, { color: COLOURS.yNull, width: 2 });
    }

    // Eigenvectors of each equilibrium with real eigenvalues. A linear
    // system's are invariant lines (straight-line solutions): drawn across
    // the view. A nonlinear model's belong to its linearisation only: short
    // segments at their own equilibrium. Saddles of the nonlinear models get
    // their separatrices, integrated by the core to the view's edge or to an
    // equilibrium.
    const shownLines = [];
    if (s.eigen) {
      const linear = s.model === 'linear' || s.model === 'oscillator';
      for (const e of eqs) {
        if (e.type === 'non-isolated' || !e.eigenvalues.every((l) => l.im === 0)) continue;
        e.eigenvectors.forEach((v, i) => {
          const style = { color: COLOURS.eigen, width: 1.4, dash: EIGEN_DASH[i] };
          if (linear) drawLineThrough(ctx, this.vp, e.x, e.y, v.re[0], v.re[1], style);
          else drawSegmentThrough(ctx, this.vp, e.x, e.y, v.re[0], v.re[1], 34, style);
        });
        shownLines.push(linear ? 'eigenLine' : 'eigenSegment');
      }
      if (eqs.some((e) => e.type === 'saddle') && !linear) {
        for (const sep of sc.separatrices({ system: sys.system, params: sys.params, x: [x0, x1], y: [y0, y1] })) {
          drawPolyline(ctx, this.vp, sep.points, { color: COLOURS[sep.kind], width: 2.2 });
          shownLines.push(sep.kind);
        }
      }
    }
    if (s.nullclines) shownLines.push('nullclines');
    this.lyap = LINEAR_MODELS.has(s.model) && s.lyapunov && !s.V.trim() ? lyapunovOf(sc, matrixOf(s)) : null;
    this.computeTrajectories(sc, sys);
    if (this.lyap?.positiveDefinite) {
      const through = this.trajectories[this.selected()];
      for (const level of lyapunovLevels(this.lyap.P, this.vp.box, through)) {
        drawPolyline(ctx, this.vp, ellipse(this.lyap.P, level.c), { color: COLOURS.lyapunov, width: level.through ? 2 : 1, dash: level.through ? null : [2, 3] });
      }
      shownLines.push('lyapunov');
    }
    if (this.candidate && !this.candidate.error) shownLines.push('rising', 'basin');
    this.drawLegend(sys, shownLines);

    // The selected trajectory last, thicker and on a white halo; the others thinner.
    const sel = this.selected();
    const order = this.trajectories.map((_, i) => i).filter((i) => i !== sel);
    if (sel >= 0) order.push(sel);
    for (const i of order) {
      const tr = this.trajectories[i];
      const color = TRAJ_COLOURS[i % TRAJ_COLOURS.length];
      const on = i === sel && this.trajectories.length > 1;
      if (on) drawPolyline(ctx, this.vp, tr.points, { color: 'rgba(255,255,255,0.9)', width: 6 });
      tr.arrows = drawPolyline(ctx, this.vp, tr.points, { color, width: on ? 3 : this.trajectories.length > 1 ? 1.5 : 2, arrowEvery: 70 });
      const [px, py] = this.vp.toPx(tr.x0, tr.y0);
      ctx.fillStyle = color;
      const r = on ? 4.5 : 3;
      ctx.fillRect(px - r, py - r, 2 * r, 2 * r);
    }
    this.drawPicks(sel);

    drawEquilibria(ctx, this.vp, eqs, (e) => t(`pp.type.${e.type}`));

    this.drawSeries(sys);
    this.drawReadout(eq);
    this.drawLinearReadout(sc);
    this.drawEquations();
    this.drawInset(eq ? { p: eq.trace, q: eq.det } : null);

    this.finish(t0, sc);
  }

  /**
   * The trace–determinant inset with the point (p, q) (null: none). Its
   * scale follows the point (fitTraceDet), except while the point is being
   * dragged, so it stays under the pointer.
   */
  drawInset(point) {
    const tdw = this.els.td.clientWidth;
    if (!tdw) return;
    this.tdVp.setSize(tdw, this.els.td.clientHeight);
    if (!this.tdDragging) fitTraceDet(this.tdVp, point);
    this.tdLabels = drawTraceDet(this.els.td, this.tdVp, point, {
      saddle: t('pp.type.saddle'), center: t('pp.td.center'), sfocus: t('pp.type.stable-focus'), ufocus: t('pp.type.unstable-focus'),
      snode: t('pp.type.stable-node'), unode: t('pp.type.unstable-node'),
    });
  }

  /** The legend: one entry per kind of line on the plane, in the model's own variables. */
  drawLegend(sys, shown) {
    const [vx, vy] = sys.vars;
    const items = [];
    const has = (k) => shown.includes(k);
    if (has('nullclines')) {
      items.push(['xNull', `d${vx}/dt = 0 (${t('pp.legend.nullcline')})`, 'solid']);
      items.push(['yNull', `d${vy}/dt = 0 (${t('pp.legend.nullcline')})`, 'solid']);
    }
    if (has('eigenLine') || has('eigenSegment')) {
      const what = t(has('eigenLine') ? 'pp.legend.eigenLine' : 'pp.legend.eigenSegment');
      items.push(['eigen', `v₁ (λ₁): ${what}`, 'dashed'], ['eigen', `v₂ (λ₂): ${what}`, 'dotted']);
    }
    if (has('stable')) items.push(['stable', t('pp.legend.stable'), 'solid']);
    if (has('unstable')) items.push(['unstable', t('pp.legend.unstable'), 'solid']);
    if (has('lyapunov')) items.push(['lyapunov', t('pp.legend.lyapunov'), 'dotted']);
    if (has('rising')) items.push(['rising', t('pp.legend.rising'), 'area'], ['basin', t('pp.legend.basin'), 'area']);
    const key = JSON.stringify(items);
    if (key === this.legendKey) return;
    this.legendKey = key;
    this.els.legend.hidden = !items.length;
    this.els.legend.replaceChildren(...items.map(([kind, text, line]) => {
      const sw = h('span', { class: `sw ${line}`, 'aria-hidden': 'true' });
      sw.style.setProperty('--c', COLOURS[kind]); // CSSOM: allowed under a strict style-src
      return h('li', { dataset: { line: kind } }, [sw, h('span', { text })]);
    }));
  }

  /**
   * Evenly spaced streamlines: drawn from the last result; recomputed in a
   * worker when the system, view or size changed (latest request wins, so a
   * pan never queues more than one), then drawn again when the lines arrive.
   */
  drawStreamlines(ctx, sys, w) {
    const key = JSON.stringify([sys, this.vp.box, w, this.vp.h]);
    if (this.streamKey !== key) this.requestStreamlines(key, sys, w);
    if (this.streams?.max > 0) drawStreamlines(ctx, this.vp, this.streams.lines, this.streams.max);
  }

  /** Ask the streamline lane for the lines of the current view; the speed scale comes from the field grid. */
  requestStreamlines(key, sys, w) {
    this.streamKey = key;
    const sx = 1 / this.vp.unit;
    const sy = 1 / this.vp.unitY;
    const speeds = [];
    for (let i = 0; i < this.fieldOut.length / 2; i++) {
      const v = Math.hypot(this.fieldOut[2 * i] * sx, this.fieldOut[2 * i + 1] * sy);
      if (Number.isFinite(v) && v > 0) speeds.push(v);
    }
    speeds.sort((a, b) => a - b);
    const max = speeds[speeds.length - 1];
    if (!(max > 0)) {
      this.streams = { key, lines: [], max: 0 };
      return;
    }
    const typical = Math.sqrt(speeds[speeds.length >> 1] * max);
    const { cx, cy, span, w: vw, h, yHalf } = this.vp;
    this.streamLane ??= new Channel(createLane(true));
    const job = { type: 'streamlines', sys, view: { cx, cy, span, w: vw, h, yHalf }, options: { sep: w < 420 ? 18 : 24, typical } };
    this.streamLane.request(job).then((r) => {
      if (!this.streamLane) return; // removed meanwhile
      this.streams = { key, lines: r.lines, max, ms: r.ms };
      this.schedule();
    }, (err) => {
      if (!(err instanceof Superseded)) this.fail(err);
    });
  }

  /** Show (and reseed when the system, view or size changed) or hide the particles' layer. */
  setParticles(opts) {
    const layer = this.els.particles;
    this.particlesOn = !!opts;
    layer.hidden = !opts;
    if (!opts) {
      this.particles.key = '';
      return;
    }
    const { sc, sys, field, w, hgt } = opts;
    const cv = this.els.canvas;
    // Over the canvas's drawing area (inside its border), at the same device-pixel resolution.
    layer.style.left = `${cv.offsetLeft + cv.clientLeft}px`;
    layer.style.top = `${cv.offsetTop + cv.clientTop}px`;
    layer.style.width = `${w}px`;
    layer.style.height = `${hgt}px`;
    const dpr = globalThis.devicePixelRatio || 1;
    const bw = Math.round(w * dpr);
    const bh = Math.round(hgt * dpr);
    const resized = layer.width !== bw || layer.height !== bh;
    if (resized) {
      layer.width = bw;
      layer.height = bh;
    }
    // A few thousand: one per 150 px² (about 4000 on a 780 px plane), at least 600.
    const count = Math.min(4000, Math.max(600, Math.round((w * hgt) / 150)));
    const key = JSON.stringify([sys, this.vp.box, w, hgt]);
    if (resized) this.particles.key = '';
    this.particles.configure({ sc, sys, vp: this.vp, field, key, count });
    this.animate();
  }

  showFormulaError(message) {
    this.formulaError = message;
    const [first, ...rest] = message.split('\n');
    this.els.formulaError.children[0].textContent = first;
    this.els.formulaError.children[1].textContent = rest.join('\n');
    this.els.formulaError.hidden = !message;
  }

  /** Timing line, `rendered` event, and `ready` after the first frame. */
  finish(t0, sc) {
    const ms = performance.now() - t0;
    this.els.timing.classList.remove('error');
    delete this.els.timing.dataset.i18n;
    this.els.timing.textContent = `${t('pp.time')} ${ms.toFixed(1)} ms · ${this.trajectories.length} ${t('pp.trajCount')} · ${this.sc.simd ? 'SIMD' : 'scalar'}`;
    const early = this.trajectories.flatMap((tr) => [tr.fw, tr.bw].map((run) => stopNote(run, `${t('pp.stop.trajectory')} (${fmt(tr.x0)}, ${fmt(tr.y0)}): `)));
    showStopNote(this.els.timing, early.find(Boolean) ?? '');
    this.dataset.core = `${sc.version} ${sc.simd ? 'SIMD' : 'scalar'}`;
    this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'plane', ms } }));
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
      this.dispatchEvent(new CustomEvent('ready'));
    }
  }

  /**
   * Integrate every start point forward, and backward when `backward` is on
   * (only when the system or the view changed). Forward runs stop outside the
   * view enlarged by its size on every side (a trajectory may leave and come
   * back); backward runs stop at the view's own edge: in a damped system the
   * past spirals outward without end and would fill the plane.
   */
  computeTrajectories(sc, sys) {
    const s = this._state;
    const [x0, x1, y0, y1] = this.vp.box;
    const wx = x1 - x0;
    const wy = y1 - y0;
    const bounds = [[x0 - wx, x1 + wx], [y0 - wy, y1 + wy]];
    const view = [[x0, x1], [y0, y1]];
    const key = JSON.stringify([sys, bounds, s.backward]);
    if (key !== this.trajKey) {
      this.trajKey = key;
      this.trajCache = new Map();
    }
    // Keep only the trajectories still shown (a dragged start point makes a new one per move).
    const cache = this.trajCache;
    this.trajCache = new Map();
    this.trajectories = s.traj.map(([x, y]) => {
      const id = `${x},${y}`;
      let tr = cache.get(id) ?? this.trajCache.get(id);
      if (!tr) {
        const run = (t1, box) => sc.integrate({ system: sys.system, params: sys.params, y0: [x, y], t1, dt: sys.dt, method: 'dopri5', bounds: box, maxSteps: 20000 });
        const fw = run(sys.T, bounds);
        // Off: the start point alone, stopped at t = 0.
        const bw = s.backward ? run(-sys.T, view) : { t: Float64Array.of(0), y: Float64Array.of(x, y), stop: 'end' };
        // One polyline in time order: the backward run reversed, then the forward run.
        const nb = bw.t.length;
        const nf = fw.t.length;
        const points = new Float64Array(2 * (nb + nf - 1));
        for (let i = 0; i < nb; i++) {
          points[2 * i] = bw.y[2 * (nb - 1 - i)];
          points[2 * i + 1] = bw.y[2 * (nb - 1 - i) + 1];
        }
        points.set(fw.y.subarray(2), 2 * nb);
        tr = { x0: x, y0: y, points, t: [-bw.t[nb - 1], fw.t[nf - 1]], backward: nb, forward: nf, stop: [bw.stop, fw.stop], fw, bw };
      }
      this.trajCache.set(id, tr);
      return tr;
    });
  }

  /** Index of the selected trajectory (state `sel`, -1 or out of range: the newest); -1 if none. */
  selected() {
    const n = this.trajectories.length;
    const s = this._state.sel;
    return s >= 0 && s < n ? s : n - 1;
  }

  /** The chips that choose the trajectory of the time plot (hidden for fewer than two). */
  drawPicks(sel) {
    const n = this.trajectories.length;
    const box = this.els.picks;
    box.hidden = n < 2;
    if (n < 2) return;
    const chips = this.trajectories.map((tr, i) => {
      const chip = h('button', {
        type: 'button', text: String(i + 1), title: `${t('pp.pickTitle')} (${fmt(tr.x0)}, ${fmt(tr.y0)})`,
        'aria-pressed': String(i === sel), dataset: { traj: String(i) }, onclick: () => this.setState({ sel: i }),
      });
      chip.style.setProperty('--c', TRAJ_COLOURS[i % TRAJ_COLOURS.length]); // CSSOM: allowed under a strict style-src
      return chip;
    });
    box.replaceChildren(h('span', { text: t('pp.pick') }), ...chips);
  }

  /** x(t), y(t) of the selected trajectory (backward times negative). */
  drawSeries(sys) {
    const tr = this.trajectories[this.selected()];
    this.els.seriesFig.hidden = !tr || !this.shown.has('series');
    if (this.els.seriesFig.hidden) return;
    const ts = [];
    const xs = [];
    const ys = [];
    for (let i = tr.bw.t.length - 1; i >= 1; i--) {
      ts.push(tr.bw.t[i]);
      xs.push(tr.bw.y[2 * i]);
      ys.push(tr.bw.y[2 * i + 1]);
    }
    for (let i = 0; i < tr.fw.t.length; i++) {
      ts.push(tr.fw.t[i]);
      xs.push(tr.fw.y[2 * i]);
      ys.push(tr.fw.y[2 * i + 1]);
    }
    this.series.set({ t: 't', a: sys.vars[0], b: sys.vars[1] }, ts, xs, ys, [], null, this._state.seriesAxes === 'two' ? 'aligned' : 'shared');
  }

  drawReadout(eq) {
    const E = this.els;
    if (!eq) {
      E.type.textContent = t(this._state.model === 'custom' && this.formulaError ? 'pp.formulaError' : 'pp.noEquilibrium');
      E.type.dataset.type = 'none';
      for (const el of [E.pq, E.lambda, E.vectors]) el.replaceChildren();
      return;
    }
    const more = this.equilibria.length > 1 ? ` (+${this.equilibria.length - 1})` : '';
    E.type.textContent = t(`pp.type.${eq.type}`) + more;
    E.type.dataset.type = eq.type;
    const spans = (el, texts) => el.replaceChildren(...texts.map((text) => h('span', { text })));
    spans(E.pq, [`p = ${fmt(eq.trace)}`, `q = ${fmt(eq.det)}`, `Δ = ${fmt(eq.discriminant)}`]);
    const lam = (l) => (l.im === 0 ? fmt(l.re) : `${fmt(l.re)} ${l.im < 0 ? '−' : '+'} ${fmt(Math.abs(l.im))}i`);
    spans(E.lambda, [`λ₁ = ${lam(eq.eigenvalues[0])}`, `λ₂ = ${lam(eq.eigenvalues[1])}`]);
    const real = eq.type !== 'non-isolated' && eq.eigenvalues.every((l) => l.im === 0);
    const vec = (v) => `(${fmt(v.re[0], 3)}, ${fmt(v.re[1], 3)})`;
    spans(E.vectors, real ? [`v₁ = ${vec(eq.eigenvectors[0])}`, `v₂ = ${vec(eq.eigenvectors[1])}`] : []);
  }

  /**
   * Linear models only: e^{At} in the form of its case and the largest
   * difference between the integrated trajectory (dopri5) and the closed
   * form e^{At}x₀ at its samples; with `lyapunov`, V = xᵀPx and what it proves.
   */
  drawLinearReadout(sc) {
    const s = this._state;
    const E = this.els;
    const linear = LINEAR_MODELS.has(s.model);
    E.solution.hidden = !linear;
    E.lyap.hidden = !s.lyapunov;
    if (s.lyapunov && (this.candidate || !linear)) this.drawCandidateReadout(sc);
    if (!linear) return;
    const A = matrixOf(s);
    const [[a, b], [c, d]] = A;
    const half = (a + d) / 2;
    const s2 = ((a - d) / 2) ** 2 + b * c;
    const g = half === 0 ? '' : `exp(${fmt(half, 3)}t) `;
    const w = fmt(Math.sqrt(Math.abs(s2)), 4);
    const form = Math.abs(s2) < 1e-12 ? `${g}(I + tM)` : s2 > 0 ? `${g}(cosh ${w}t · I + sinh ${w}t / ${w} · M)` : `${g}(cos ${w}t · I + sin ${w}t / ${w} · M)`;
    const shift = half === 0 ? 'M = A' : `M = A ${half > 0 ? '−' : '+'} ${fmt(Math.abs(half), 3)} I`;
    const spans = [h('span', { text: `eᴬᵗ = ${form},  ${shift}` })];
    const tr = this.trajectories[this.selected()];
    if (tr) {
      let worst = 0;
      let scale = 0;
      for (const run of [tr.fw, tr.bw]) {
        const exact = sc.linearSolution(A, [tr.x0, tr.y0], run.t);
        for (let i = 0; i < exact.length; i++) {
          worst = Math.max(worst, Math.abs(exact[i] - run.y[i]));
          scale = Math.max(scale, Math.abs(exact[i]));
        }
      }
      spans.push(h('span', { text: `${t('pp.expCheck')} ${worst.toExponential(1)} (${t('pp.expScale')} ${fmt(scale, 3)})` }));
    }
    E.solution.replaceChildren(...spans);
    if (E.lyap.hidden || this.candidate) return;
    const L = this.lyap;
    if (!L) {
      E.lyap.replaceChildren(h('span', { text: t('pp.lyap.none') }));
      return;
    }
    const [[p11, p12], [, p22]] = L.P;
    const V = `V = ${linearText([[p11, `${sys2(s)[0]}²`], [2 * p12, sys2(s).join('')], [p22, `${sys2(s)[1]}²`]])}`;
    const rows = [h('span', { text: V }), h('span', { text: `dV/dt = −(${sys2(s)[0]}² + ${sys2(s)[1]}²)` }),
      h('span', { class: L.positiveDefinite ? 'yes' : 'no', text: t(L.positiveDefinite ? 'pp.lyap.proves' : 'pp.lyap.indefinite') })];
    if (s.model === 'oscillator') rows.push(h('span', { text: t('pp.lyap.energy') }));
    E.lyap.replaceChildren(...rows);
  }

  /**
   * The typed candidate on a grid of about 4 px cells over the view (the
   * core's V, dV/dt and level, docs/ode.md "Lyapunov candidates"), drawn as
   * shading: red where V rises, green inside the sublevel set V < c.
   * Returns { level, minimum, rising } or { error } for a V that does not parse.
   */
  candidateMap(sc, sys, ctx, w, hgt) {
    const [x0, x1, y0, y1] = this.vp.box;
    const nx = Math.max(8, Math.min(240, Math.round(w / 4)));
    const ny = Math.max(8, Math.min(240, Math.round(hgt / 4)));
    let r;
    try {
      r = sc.lyapunovMap({ system: sys.system, params: sys.params, V: this._state.V, x: [x0, x1, nx], y: [y0, y1, ny] });
    } catch (err) {
      if (!(err instanceof SyntaxError || err instanceof RangeError || err instanceof TypeError)) throw err;
      return { error: err.message.replace(/^lyapunovMap: /, '') };
    }
    let top = 0;
    for (const d of r.Vdot) if (Number.isFinite(d)) top = Math.max(top, Math.abs(d));
    const img = new ImageData(nx, ny);
    let rising = 0;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const up = r.Vdot[k] > 1e-9 * top; // beyond rounding of the largest rate
        const inside = r.level !== null && r.V[k] < r.level;
        rising += up;
        const rgba = up ? RISING_RGBA : inside ? BASIN_RGBA : null;
        if (rgba) img.data.set(rgba, 4 * ((ny - 1 - j) * nx + i)); // row 0 of the grid is y0, the bottom
      }
    }
    const off = new OffscreenCanvas(nx, ny);
    off.getContext('2d').putImageData(img, 0, 0);
    const [px0, py1] = this.vp.toPx(x0, y1);
    const [px1, py0] = this.vp.toPx(x1, y0);
    ctx.drawImage(off, px0, py1, px1 - px0, py0 - py1);
    return { level: r.level, minimum: r.minimum, rising: rising / (nx * ny) };
  }

  /** The candidate's readout: V, where it rises, its level c, and V along the selected trajectory. */
  drawCandidateReadout(sc) {
    const s = this._state;
    const E = this.els;
    const C = this.candidate;
    if (!C) {
      E.lyap.replaceChildren(h('span', { text: t('pp.lyap.type') }));
      return;
    }
    if (C.error) {
      E.lyap.replaceChildren(h('span', { class: 'no', text: C.error }));
      return;
    }
    const rows = [h('span', { text: `V = ${s.V}` }),
      h('span', { class: C.rising ? 'no' : 'yes', text: `${t('pp.lyap.rising')} ${(100 * C.rising).toFixed(1)} %` })];
    if (C.level !== null && C.minimum) {
      rows.push(h('span', { text: `${t('pp.lyap.level')} c = ${fmt(C.level, 4)} (${t('pp.lyap.around')} (${fmt(C.minimum.x, 3)}, ${fmt(C.minimum.y, 3)}))` }));
    } else {
      rows.push(h('span', { class: 'no', text: t('pp.lyap.noLevel') }));
    }
    const tr = this.trajectories[this.selected()];
    if (tr) {
      const sys = this.system();
      const vals = sc.lyapunovAt({ system: sys.system, params: sys.params, V: s.V, points: tr.fw.y });
      let ups = 0;
      // A rise counts beyond the integrator's error (dopri5, rtol 1e-6 of the start's V): near the equilibrium V is at rounding level.
      const tol = 1e-6 * Math.abs(vals[0]);
      for (let i = 2; i < vals.length; i += 2) if (vals[i] > vals[i - 2] + tol) ups++;
      rows.push(h('span', { class: ups ? 'no' : 'yes', text: `${t('pp.lyap.along')} ${ups} / ${vals.length / 2 - 1}` }));
    }
    E.lyap.replaceChildren(...rows);
  }

  /** The system's equations above the plane; `invalid`: the typed text, marked as not drawn. */
  drawEquations(invalid = false) {
    const s = this._state;
    const [e1, e2] = this.els.eqs.children;
    this.els.eqs.classList.toggle('invalid', invalid);
    this.els.eqs.querySelector('.not-drawn')?.remove();
    if (invalid) this.els.eqs.append(h('span', { class: 'not-drawn', text: t('pp.notDrawn') }));
    if (s.model === 'linear') {
      e1.textContent = `dx/dt = ${linearText([[s.a, 'x'], [s.b, 'y']])}`;
      e2.textContent = `dy/dt = ${linearText([[s.c, 'x'], [s.d, 'y']])}`;
    } else if (s.model === 'oscillator') {
      e1.textContent = 'dx/dt = v';
      e2.textContent = `${s.m === 1 ? '' : `${fmt(s.m)} `}dv/dt = ${linearText([[-s.k, 'x'], [-s.mu, 'v']])}`;
    } else if (s.model === 'fitzhugh-nagumo') {
      e1.textContent = `dv/dt = v − v³/3 − w ${s.fhn_I < 0 ? '−' : '+'} ${fmt(Math.abs(s.fhn_I))}`;
      e2.textContent = `dw/dt = (v ${s.fhn_a < 0 ? '−' : '+'} ${fmt(Math.abs(s.fhn_a))} − ${fmt(s.fhn_b)} w) / ${fmt(s.fhn_tau)}`;
    } else if (s.model === 'van-der-pol') {
      e1.textContent = 'dx/dt = y';
      e2.textContent = `dy/dt = ${fmt(s.vdp_mu)} (1 − x²) y − x`;
    } else if (s.model === 'custom') {
      e1.textContent = `dx/dt = ${s.dx}`;
      e2.textContent = `dy/dt = ${s.dy}`;
    } else {
      e1.textContent = `C dV/dt = I − I_ion(V, N),  I = ${fmt(s.ml_I)} µA/cm²`;
      e2.textContent = 'dN/dt = (N∞(V) − N)/τ_N(V)';
    }
  }

  /** The trajectories as CSV: one row per sample, t from the start point (backward times negative). */
  downloadCsv() {
    const sys = this.system();
    const rows = [`trajectory,t,${sys.vars[0]},${sys.vars[1]}`];
    this.trajectories.forEach((tr, k) => {
      for (let i = tr.bw.t.length - 1; i >= 1; i--) rows.push(`${k + 1},${tr.bw.t[i]},${tr.bw.y[2 * i]},${tr.bw.y[2 * i + 1]}`);
      for (let i = 0; i < tr.fw.t.length; i++) rows.push(`${k + 1},${tr.fw.t[i]},${tr.fw.y[2 * i]},${tr.fw.y[2 * i + 1]}`);
    });
    download(new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }), 'phase-plane-trajectories.csv');
  }

  /** What the plane shows, for tests and pages: start points and sample counts. */
  get trajectoryInfo() {
    return this.trajectories.map((tr) => ({ x0: tr.x0, y0: tr.y0, first: [tr.fw.y[0], tr.fw.y[1]], forward: tr.forward, backward: tr.backward, stop: tr.stop }));
  }
}
