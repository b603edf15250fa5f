// <simcore-gradient>: the gradient-descent explorer (lecture 3, first half).
// Contours of f(x, y); at the clicked point the gradient, a direction l with
// the directional derivative, the Hessian's eigen-directions and the
// contours of the second-order Taylor approximation; trajectories of
// gradient descent, momentum and Newton's method from the point with their
// iteration counts. Every number comes from the core (bindings/optim.mjs,
// exact derivatives); this file draws. Formulas: docs/optim.md.
import { SimcoreElement, adoptStyle, h } from '../shared/base.mjs';
import { t, getLang, setLang } from '../shared/i18n.mjs';
import { pageCore } from '../shared/core.mjs';
import { Viewport } from '../phase/plane.mjs';
import { bindPlaneInput } from '../phase/plane-input.mjs';
import { drawAxes, drawLabel, drawMarker, drawPolyline, drawSegmentThrough, arrowHead, prepareCanvas } from '../phase/plane-draw.mjs';
import { contourCanvas, levelsOf } from './contours.mjs';
import { GRADIENT_SCHEMA, TOL, VIEWS } from './schema.mjs';
import css from './style.mjs';

export { GRADIENT_SCHEMA };

const DEG = Math.PI / 180;
// Colours: also in style.mjs (i.sw.*), as a policy without inline styles needs.
const METHODS = [
  { name: 'gd', colour: '#2456c7' },
  { name: 'momentum', colour: '#1b7f3b' },
  { name: 'newton', colour: '#b3261e' },
];
const TAYLOR_LINE = [230, 140, 0, 230];
const TAYLOR_R = 0.3; // Taylor contours within this fraction of the view's width of the point
const GRAD_PX = 62; // on-screen length of the gradient arrow (its size is in the readout)
const DIR_PX = 78; // length of the direction l, with its handle at the tip

// Sliders: state field, range in slider units, conversions, display.
const LOG = { toUi: Math.log10, fromUi: (v) => 10 ** v };
const SLIDERS = [
  { name: 'kappa', min: 1, max: 100, step: 0.5, fmt: (v) => v.toFixed(1) },
  { name: 'angle', min: -90, max: 90, step: 1, fmt: (v) => `${v.toFixed(0)}°` },
  { name: 'theta', min: -180, max: 180, step: 1, fmt: (v) => `${v.toFixed(0)}°` },
  { name: 'eta', min: -4, max: Math.log10(2), step: 0.01, ...LOG, fmt: (v) => num(v) },
  { name: 'alpha', min: 0, max: 0.99, step: 0.01, fmt: (v) => v.toFixed(2) },
];

/** A number for the readout: 4 significant digits, exponent when tiny or huge. */
export function num(v) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2).replace('e+', 'e');
  return s.replaceAll('-', '−');
}

export class SimcoreGradient extends SimcoreElement {
  static schema = GRADIENT_SCHEMA;

  /** The function as the binding takes it. */
  func() {
    const s = this._state;
    if (s.fn === 'quadratic') return { name: 'quadratic', kappa: s.kappa, angle: s.angle * DEG };
    if (s.fn === 'expr') return { expression: s.expr };
    return s.fn;
  }

  build(root) {
    adoptStyle(root, css);
    const els = (this.els = {});
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    const fnSelect = h('select', { id: 'c-fn' });
    for (const c of GRADIENT_SCHEMA.fn.choices) fnSelect.append(h('option', { value: c, dataset: { i18n: `gradient.fn.${c}` } }));
    fnSelect.addEventListener('change', () => this.setState({ fn: fnSelect.value }));
    els.fn = fnSelect;
    form.append(h('div', { class: 'row' }, [h('label', { for: 'c-fn', dataset: { i18n: 'gradient.fn' } }), fnSelect]));

    els.exprInput = h('input', { type: 'text', id: 'c-expr', spellcheck: false, autocomplete: 'off', maxLength: 200 });
    els.exprInput.addEventListener('input', () => this.typed(els.exprInput.value));
    els.exprError = h('div', { class: 'formula-error error', role: 'alert', hidden: true });
    els.exprRow = h('div', { class: 'row wide formula' }, [h('label', { for: 'c-expr', dataset: { i18n: 'gradient.expr' } }), els.exprInput, els.exprError]);
    form.append(els.exprRow);

    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        this.setState({ [sl.name]: sl.fromUi ? sl.fromUi(v) : v });
      });
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `gradient.${sl.name}` } }), out, input]);
      els[sl.name] = { input, out, row, sl };
      form.append(row);
      if (sl.name === 'eta') {
        els.etaBest = h('button', { type: 'button', class: 'best', dataset: { i18n: 'gradient.etaBest', i18nTitle: 'gradient.etaBestTitle' },
          onclick: () => this.setState({ eta: 2 / (1 + this._state.kappa) }) });
        row.append(els.etaBest);
      }
    }
    els.maxIter = h('input', { type: 'number', id: 'c-maxIter', min: 10, max: 100000, step: 1 });
    els.maxIter.addEventListener('change', () => this.setState({ maxIter: Number(els.maxIter.value) }));
    form.append(h('div', { class: 'row' }, [h('label', { for: 'c-maxIter', dataset: { i18n: 'gradient.maxIter' } }), els.maxIter]));

    const toggles = h('div', { class: 'toggles' });
    for (const name of ['gd', 'momentum', 'newton', 'taylor', 'eigen']) {
      const box = h('input', { type: 'checkbox', id: `c-${name}` });
      box.addEventListener('change', () => this.setState({ [name]: box.checked }));
      els[`show-${name}`] = box;
      const swatch = METHODS.find((m) => m.name === name);
      toggles.append(h('label', { for: `c-${name}` }, [box, swatch ? h('i', { class: `sw ${name}` }) : null,
        h('span', { dataset: { i18n: `gradient.show.${name}` } })]));
    }
    form.append(h('fieldset', {}, [h('legend', { dataset: { i18n: 'gradient.show' } }), toggles]));

    els.canvas = h('canvas', { class: 'plane-canvas', role: 'img', dataset: { i18nLabel: 'gradient.title' } });
    els.reset = h('button', { type: 'button', dataset: { i18n: 'gradient.resetView' }, onclick: () => this.resetView() });
    const plane = h('div', { class: 'plane' }, [els.canvas, h('p', { class: 'hint' }, [h('span', { dataset: { i18n: 'gradient.hint' } }), ' ', els.reset])]);

    els.point = h('div', { class: 'readout point' });
    els.runs = h('div', { class: 'readout runs' });
    const side = h('div', { class: 'side' }, [els.point, els.runs]);

    els.timing = h('div', { class: 'timing', role: 'status', 'aria-live': 'polite', dataset: { i18n: 'status.loading' } });
    els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'gradient.title' } }), els.lang, els.timing]);
    root.append(h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, h('div', { class: 'main' }, [plane, side])])]));

    this.vp = new Viewport();
    this.resetView(false);
    bindPlaneInput(els.canvas, this.vp, {
      onView: () => { this.viewMoved = true; this.schedule(); },
      onClick: (x, y) => this.setState({ px: x, py: y }),
      grab: ([qx, qy]) => {
        const [hx, hy] = this.handlePx();
        return Math.hypot(qx - hx, qy - hy) <= 12 ? 0 : -1;
      },
      onGrabMove: (_i, x, y) => {
        const a = Math.atan2(y - this._state.py, x - this._state.px) / DEG;
        this.setState({ theta: Math.round(a) });
      },
    });
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(plane);
    this.cache = {};
    this.syncControls();
  }

  start() {
    this.watchVisibility();
    this.schedule();
  }

  stop() {
    this.resizeObserver?.disconnect();
  }

  stateChanged(names) {
    if (names.includes('fn')) this.resetView(false);
    this.syncControls();
    this.schedule();
  }

  relabel() {
    this.schedule();
  }

  resetView(redraw = true) {
    const [cx, cy, span] = VIEWS[this._state.fn];
    this.vp.setView(cx, cy, span); // render() widens it to the plane's aspect
    this.viewMoved = false;
    if (redraw) this.schedule();
  }

  // The student's text: checked by the core as typed; only a valid f enters the state.
  typed(text) {
    if (this.sc && this.showExprError(text)) this.setState({ expr: text });
  }

  /** Shows the core's message and a caret under the position; true when the text is a valid f. */
  showExprError(text) {
    const err = this.sc.optimCheckExpression(text);
    const box = this.els.exprError;
    box.hidden = !err;
    if (err) {
      box.replaceChildren(h('p', { text: `${err.message} (${t('gradient.exprAt')} ${err.position})` }),
        h('pre', { text: `${text}\n${' '.repeat(err.position)}^` }));
      box.dataset.position = String(err.position);
    }
    return !err;
  }

  syncControls() {
    const s = this._state, els = this.els;
    els.fn.value = s.fn;
    for (const sl of SLIDERS) {
      const { input, out } = els[sl.name];
      input.value = String(sl.toUi ? sl.toUi(s[sl.name]) : s[sl.name]);
      out.textContent = sl.fmt(s[sl.name]);
    }
    const quad = s.fn === 'quadratic';
    els.kappa.row.hidden = !quad;
    els.angle.row.hidden = !quad;
    els.etaBest.hidden = !quad;
    els.exprRow.hidden = s.fn !== 'expr';
    if (els.exprInput.value !== s.expr && this.shadowRoot.activeElement !== els.exprInput) {
      els.exprInput.value = s.expr;
      els.exprError.hidden = true;
    }
    els.alpha.row.classList.toggle('off', !s.momentum);
    els.maxIter.value = String(s.maxIter);
    for (const name of ['gd', 'momentum', 'newton', 'taylor', 'eigen']) els[`show-${name}`].checked = s[name];
  }

  /** Pixel position of the direction handle (tip of l). */
  handlePx() {
    const s = this._state;
    const [x, y] = this.vp.toPx(s.px, s.py);
    return [x + DIR_PX * Math.cos(s.theta * DEG), y - DIR_PX * Math.sin(s.theta * DEG)];
  }

  async render() {
    if (!this.sc) {
      this.sc = await pageCore(true);
      this.dataset.core = `${this.sc.version} ${this.sc.simd ? 'SIMD' : 'scalar'}`;
    }
    const sc = this.sc, s = this._state, vp = this.vp, canvas = this.els.canvas;
    const w = Math.max(120, Math.round(canvas.clientWidth)), hgt = Math.max(120, Math.round(canvas.clientHeight));
    vp.setSize(w, hgt);
    if (!this.viewMoved) {
      // the function's box fits both ways (a wide plane shows more x, not less y)
      const [cx, cy, half] = VIEWS[s.fn];
      vp.setView(cx, cy, half * Math.max(1, w / hgt));
    }
    if (s.fn === 'expr' && !this.showExprError(s.expr)) {
      // a hash or attribute can carry a text the core rejects: say where, draw nothing
      prepareCanvas(canvas, w, hgt);
      this.els.point.replaceChildren();
      this.els.runs.replaceChildren();
      this.els.timing.textContent = `simcore ${this.dataset.core}`;
      this.resolveOnce();
      return;
    }
    const f = this.func();
    const fkey = JSON.stringify(f);
    const [x0, x1, y0, y1] = vp.box;
    const nx = Math.min(400, Math.ceil(w / 2) + 1), ny = Math.min(400, Math.ceil(hgt / 2) + 1);

    // Contours of f: recomputed when the function, the view or the size changes.
    let t0 = performance.now();
    const gkey = JSON.stringify([fkey, x0, x1, y0, y1, nx, ny]);
    if (this.cache.gkey !== gkey) {
      const g = sc.optimGrid(f, { x0, x1, y0, y1, nx, ny });
      const levels = levelsOf(g.values);
      this.cache = { gkey, levels, picture: contourCanvas(g.values, nx, ny, levels) };
    }
    const gridMs = performance.now() - t0;

    // The point: derivatives, Taylor grid and trajectories.
    t0 = performance.now();
    const pkey = JSON.stringify([gkey, s.px, s.py]);
    if (this.cache.pkey !== pkey) {
      this.cache.pkey = pkey;
      try {
        this.cache.at = sc.optimEvaluate(f, s.px, s.py);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        this.cache.at = null; // outside f's domain: said in the readout
      }
      this.cache.taylor = this.cache.at
        ? contourCanvas(sc.optimGrid(f, { x0, x1, y0, y1, nx, ny, taylorAt: [s.px, s.py] }).values, nx, ny, this.cache.levels,
          { fill: false, line: TAYLOR_LINE, within: [((s.px - x0) / (x1 - x0)) * (nx - 1), ((s.py - y0) / (y1 - y0)) * (ny - 1), TAYLOR_R * nx] })
        : null;
    }
    const rkey = JSON.stringify([fkey, s.px, s.py, s.eta, s.alpha, s.maxIter]);
    if (this.cache.rkey !== rkey) {
      this.cache.rkey = rkey;
      this.cache.runs = {};
      for (const m of METHODS) {
        this.cache.runs[m.name] = sc.optimDescend(f, { method: m.name, start: [s.px, s.py], eta: s.eta, alpha: s.alpha, tol: TOL, maxIterations: s.maxIter });
      }
    }
    const runMs = performance.now() - t0;

    this.draw(w, hgt);
    this.showPoint();
    this.showRuns();
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = t('gradient.timing').replace('{grid}', gridMs.toFixed(1)).replace('{runs}', runMs.toFixed(1))
      .replace('{core}', `simcore ${this.dataset.core}`);
    this.dispatchEvent(new CustomEvent('rendered', { detail: { what: 'gradient', ms: gridMs + runMs } }));
    this.resolveOnce();
  }

  resolveOnce() {
    if (!this.readyResolved) {
      this.readyResolved = true;
      this._resolveReady(this);
    }
  }

  draw(w, hgt) {
    const s = this._state, vp = this.vp, at = this.cache.at;
    const ctx = prepareCanvas(this.els.canvas, w, hgt);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.cache.picture, 0, 0, w, hgt);
    drawAxes(ctx, vp);
    if (s.taylor && this.cache.taylor) ctx.drawImage(this.cache.taylor, 0, 0, w, hgt);
    if (at && s.eigen) {
      at.eigenvectors.forEach(([ex, ey], k) => {
        drawSegmentThrough(ctx, vp, s.px, s.py, ex, ey, 110, { color: '#6b3fa0', width: 1.2, dash: [5, 4] });
        const [qx, qy] = vp.toPx(s.px + ex * 110 * vp.unit, s.py + ey * 110 * vp.unit);
        drawLabel(ctx, vp, qx, qy, `λ${k ? '₂' : '₁'} = ${num(at.eigenvalues[k])}`);
      });
    }
    for (const m of METHODS) {
      const run = this.cache.runs[m.name];
      if (!s[m.name] || !run) continue;
      drawPolyline(ctx, vp, run.path, { color: 'rgba(255,255,255,0.85)', width: 4.5 }); // a halo: visible on dark bands
      drawPolyline(ctx, vp, run.path, { color: m.colour, width: 1.8 });
      // the iterates as dots while there are few enough to see
      if (run.iterations <= 400) {
        ctx.fillStyle = m.colour;
        for (let k = 0; k < run.path.length; k += 2) {
          const [qx, qy] = vp.toPx(run.path[k], run.path[k + 1]);
          if (qx > -5 && qy > -5 && qx < w + 5 && qy < hgt + 5) ctx.fillRect(qx - 1.5, qy - 1.5, 3, 3);
        }
      }
      const n = run.path.length;
      drawMarker(ctx, vp, run.path[n - 2], run.path[n - 1], { fill: m.colour, r: 3.5, open: run.status !== 'converged' });
    }
    const [px, py] = vp.toPx(s.px, s.py);
    if (at) {
      const [gx, gy] = at.gradient;
      const gn = Math.hypot(gx, gy);
      ctx.save();
      ctx.strokeStyle = ctx.fillStyle = '#111';
      ctx.lineWidth = 2.2;
      if (gn > 0) {
        const ux = gx / gn, uy = -gy / gn;
        ctx.beginPath();
        ctx.moveTo(px, py);
        ctx.lineTo(px + GRAD_PX * ux, py + GRAD_PX * uy);
        ctx.stroke();
        arrowHead(ctx, px + GRAD_PX * ux, py + GRAD_PX * uy, ux, uy, 10);
      }
      // the direction l and its handle
      const [hx, hy] = this.handlePx();
      ctx.strokeStyle = ctx.fillStyle = '#c0007a';
      ctx.lineWidth = 1.8;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, py);
      ctx.lineTo(hx, hy);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.arc(hx, hy, 7, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.stroke();
      ctx.restore();
      if (gn > 0) drawLabel(ctx, vp, px + GRAD_PX * gx / gn, py - GRAD_PX * gy / gn, '∇f');
      drawLabel(ctx, vp, hx, hy, 'l');
    }
    drawMarker(ctx, vp, s.px, s.py, { fill: '#111', r: 4 });
  }

  showPoint() {
    const s = this._state, at = this.cache.at, box = this.els.point;
    // The exact values behind the shown text, for scripts and tests (el.readout; not in the DOM).
    this.readout = {};
    const line = (key, text, value) => {
      this.readout[key.split('.')[1]] = value;
      return h('div', {}, [h('span', { class: 'k', text: t(key) }), h('span', { class: 'v', text, dataset: { out: key.split('.')[1] } })]);
    };
    const head = h('div', { class: 'type', text: `${t('gradient.point')} (${num(s.px)}, ${num(s.py)})` });
    if (!at) {
      box.replaceChildren(head, h('div', { class: 'error', text: t('gradient.undefined'), dataset: { out: 'undefined' } }));
      return;
    }
    const [gx, gy] = at.gradient, H = at.hessian, th = s.theta * DEG;
    const dir = Math.cos(th) * gx + Math.sin(th) * gy; // the lecture's cos θ ∂f/∂x + sin θ ∂f/∂y
    const dir2 = Math.cos(th) ** 2 * H[0][0] + 2 * Math.cos(th) * Math.sin(th) * H[0][1] + Math.sin(th) ** 2 * H[1][1];
    const [l1, l2] = at.eigenvalues;
    const kind = l2 > 0 ? 'min' : l1 < 0 ? 'max' : l1 * l2 < 0 ? 'saddle' : 'flat';
    box.replaceChildren(head,
      line('gradient.value', num(at.value), at.value),
      line('gradient.grad', `(${num(gx)}, ${num(gy)})`, at.gradient),
      line('gradient.norm', num(Math.hypot(gx, gy)), Math.hypot(gx, gy)),
      line('gradient.dir', `${num(dir)}  (θ = ${s.theta.toFixed(0)}°)`, dir),
      line('gradient.dir2', num(dir2), dir2),
      line('gradient.hessian', `[${num(H[0][0])}, ${num(H[0][1])}; ${num(H[1][0])}, ${num(H[1][1])}]`, H),
      line('gradient.eigenvalues', `${num(l1)}, ${num(l2)}`, at.eigenvalues),
      h('div', { class: 'note', text: t(`gradient.kind.${kind}`) }));
  }

  showRuns() {
    const s = this._state, box = this.els.runs;
    const rows = [h('div', { class: 'type', text: t('gradient.runs') })];
    for (const m of METHODS) {
      const run = this.cache.runs[m.name];
      if (!s[m.name] || !run) continue;
      const n = run.path.length;
      rows.push(h('div', { class: 'run', dataset: { run: m.name, status: run.status, iterations: String(run.iterations) } }, [
        h('i', { class: `sw ${m.name}` }),
        h('b', { text: t(`gradient.method.${m.name}`) }),
        h('span', { text: t(`gradient.status.${run.status}`).replace('{n}', String(run.iterations)) }),
        h('span', { class: 'end', text: `${t('gradient.ends')} (${num(run.path[n - 2])}, ${num(run.path[n - 1])})` }),
      ]));
    }
    box.replaceChildren(...rows);
  }
}
