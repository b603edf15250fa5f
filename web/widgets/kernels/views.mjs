// The drawing of <simcore-kernels>'s four views, mixed into the element
// (kernels.mjs). Every curve, contour and region is the core's result as it
// came back from the worker; JS only bins the histogram and maps to pixels.
import { t } from '../shared/i18n.mjs';
import { COLOURS, axes, dots, drawContour, drawField, legend, line } from './plot.mjs';

const SEXES = ['m', 'f'];
const LEVELS = [0.1, 0.3, 0.5, 0.7, 0.9]; // contour levels as fractions of each sex's peak density
const sexName = (s) => t(`kernels.sex.${s}`);

/** Histogram bar heights as densities (count / (n · width)) on `bins` bins over [lo, hi]. */
function histogram(values, lo, hi, bins) {
  const out = new Float64Array(bins);
  const w = (hi - lo) / bins;
  for (const v of values) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / w)));
    out[k] += 1 / (values.length * w);
  }
  return out;
}

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const mix = (a, b, u) => a.map((v, i) => Math.round(v + (b[i] - v) * u));

export const VIEWS = {
  ensureFrames() {
    this.frames ??= {};
  },

  drawKde1d() {
    const r = this.results.kde1d;
    if (!r) return;
    this.ensureFrames();
    const notes = [];
    for (const k of ['height', 'weight']) {
      const res = r[k];
      const [lo, hi] = this.range[k];
      const bins = 24;
      const hist = Object.fromEntries(SEXES.map((s) => [s, histogram(this.bySex[s].map((row) => row[k]), lo, hi, bins)]));
      let top = 0;
      for (const s of SEXES) for (let i = 0; i < res[s].density.length; i++) top = Math.max(top, res[s].density[i], hist[s][Math.floor(i * bins / res[s].density.length)] ?? 0);
      const f = axes(this.els[`${k}Canvas`], { x: [lo, hi], y: [0, top * 1.15], xLabel: t(`kernels.axis.${k}`), yLabel: t('kernels.axis.density') });
      this.frames[k] = f;
      const { ctx } = f;
      const w = (hi - lo) / bins;
      for (const s of SEXES) {
        ctx.fillStyle = COLOURS[`${s}Fill`];
        for (let b = 0; b < bins; b++) {
          const x0 = f.X(lo + b * w);
          ctx.fillRect(x0, f.Y(hist[s][b]), f.X(lo + (b + 1) * w) - x0, f.Y(0) - f.Y(hist[s][b]));
        }
        // Rug: one tick per sample, men above women.
        ctx.strokeStyle = COLOURS[s];
        ctx.lineWidth = 1;
        const y = f.box.b - (s === 'm' ? 12 : 5);
        ctx.beginPath();
        for (const row of this.bySex[s]) { const px = f.X(row[k]); ctx.moveTo(px, y); ctx.lineTo(px, y + 5); }
        ctx.stroke();
        line(f, res[s].x, res[s].density, COLOURS[s], 2);
        // The rule's bandwidth: a bar of width h (and 2h dashed) under the curve's peak.
        let ip = 0;
        for (let i = 1; i < res[s].density.length; i++) if (res[s].density[i] > res[s].density[ip]) ip = i;
        const xp = res[s].x[ip];
        const yb = f.Y(res[s].density[ip]) - 6;
        ctx.strokeStyle = COLOURS[s];
        ctx.lineWidth = 3;
        ctx.beginPath(); ctx.moveTo(f.X(xp - res[s].ruleH / 2), yb); ctx.lineTo(f.X(xp + res[s].ruleH / 2), yb); ctx.stroke();
        notes.push(`${t(`kernels.axis.${k}`)} ${sexName(s)}: h = ${res[s].bandwidth.toPrecision(3)}${this._state.rule === 'hand' ? ` (${t('kernels.rule.silverman')} ${res[s].ruleH.toPrecision(3)})` : ''}`);
      }
      legend(f, SEXES.map((s) => [COLOURS[s], `${sexName(s)} · h ${res[s].bandwidth.toPrecision(3)}`]));
    }
    this.els.kde1dNote.textContent = `${notes.join(' · ')}. ${t('kernels.note.kde1d')}`;
  },

  drawKde2d() {
    const r = this.results.kde2d;
    if (!r) return;
    this.ensureFrames();
    const f = axes(this.els.scatter2dCanvas, { x: this.range.height, y: this.range.weight, xLabel: t('kernels.axis.height'), yLabel: t('kernels.axis.weight'), aspect: 0.7 });
    this.frames.scatter2d = f;
    const n = Math.round(Math.sqrt(r.m.density.length));
    const axis = ([lo, hi]) => Float64Array.from({ length: n }, (_, i) => lo + (i * (hi - lo)) / (n - 1));
    const xs = axis(this.range.height);
    const ys = axis(this.range.weight);
    dots(f, this.rows, { radius: 2.2, alpha: 0.7 });
    for (const s of SEXES) {
      let peak = 0;
      for (const v of r[s].density) peak = Math.max(peak, v);
      for (const lv of LEVELS) drawContour(f, r[s].density, xs, ys, lv * peak, COLOURS[s], lv === 0.5 ? 2 : 1.2);
    }
    legend(f, SEXES.map((s) => [COLOURS[s], sexName(s)]));
    const H = (s) => r[s].H.map((row) => row.map((v) => v.toPrecision(3)).join(', ')).join('; ');
    this.els.kde2dNote.textContent = `H ${sexName('m')} = [${H('m')}], H ${sexName('f')} = [${H('f')}] (cm², cm·kg, kg²). ${t('kernels.note.kde2d')}`
      + (r.m.method === 'binned' ? ` ${t('kernels.note.binned').replace('{e}', Math.max(r.m.errorBound, r.f.errorBound).toPrecision(2))}` : '');
  },

  drawReg() {
    const r = this.results.reg;
    if (!r) return;
    this.ensureFrames();
    const f = axes(this.els.regCanvas, { x: this.range.height, y: this.range.weight, xLabel: t('kernels.axis.height'), yLabel: t('kernels.axis.weight'), aspect: 0.7 });
    this.frames.reg = f;
    dots(f, this.rows, { radius: 2.2, alpha: 0.6 });
    for (const s of SEXES) {
      const { ctx } = f;
      ctx.save();
      ctx.beginPath();
      ctx.rect(f.box.l, f.box.t, f.box.r - f.box.l, f.box.b - f.box.t);
      ctx.clip();
      ctx.fillStyle = COLOURS[`${s}Fill`];
      let open = false;
      const x = r[s].x;
      const flush = (from, to) => {
        ctx.beginPath();
        for (let i = from; i < to; i++) ctx.lineTo(f.X(x[i]), f.Y(r[s].upper[i]));
        for (let i = to - 1; i >= from; i--) ctx.lineTo(f.X(x[i]), f.Y(r[s].lower[i]));
        ctx.fill();
      };
      let start = 0;
      // The band only over the sex's own heights: beyond them it only says "no data".
      const hs = this.bySex[s].map((row) => row.height);
      const [hMin, hMax] = [Math.min(...hs), Math.max(...hs)];
      for (let i = 0; i <= x.length; i++) {
        const ok = i < x.length && x[i] >= hMin && x[i] <= hMax && Number.isFinite(r[s].upper[i]) && Number.isFinite(r[s].lower[i]);
        if (ok && !open) { open = true; start = i; }
        if (!ok && open) { open = false; flush(start, i); }
      }
      ctx.restore();
      line(f, x, r[s].yhat, COLOURS[s], 2.2);
    }
    legend(f, SEXES.map((s) => [COLOURS[s], `${sexName(s)} · h ${r[s].bandwidth.toPrecision(3)} cm`]));

    // The LOOCV curve per sex, the minimum and the h used marked.
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of SEXES) for (const v of r[s].cv.scores) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const bws = r.m.cv.bandwidths;
    const g = axes(this.els.cvCanvas, { x: [bws[0], bws[bws.length - 1]], y: [lo * 0.95, Math.min(hi, lo * 2.5)], logX: true,
      xLabel: t('kernels.axis.regH'), yLabel: t('kernels.axis.cv'), aspect: 0.7 });
    this.frames.cv = g;
    for (const s of SEXES) {
      line(g, r[s].cv.bandwidths, r[s].cv.scores, COLOURS[s], 2);
      const px = g.X(r[s].bandwidth);
      g.ctx.strokeStyle = COLOURS[s];
      g.ctx.setLineDash([4, 3]);
      g.ctx.beginPath(); g.ctx.moveTo(px, g.box.t); g.ctx.lineTo(px, g.box.b); g.ctx.stroke();
      g.ctx.setLineDash([]);
    }
    legend(g, SEXES.map((s) => [COLOURS[s], `${sexName(s)} · LOOCV ${r[s].cvBandwidth.toPrecision(3)}`]));
    this.els.regNote.textContent = SEXES.map((s) => `${sexName(s)}: h = ${r[s].bandwidth.toPrecision(3)} cm (LOOCV ${r[s].cvBandwidth.toPrecision(3)} cm)`).join(' · ')
      + `. ${t('kernels.note.reg')}`;
  },

  drawSvm() {
    const r = this.results.svm;
    if (!r) return;
    this.ensureFrames();
    const f = axes(this.els.svmCanvas, { x: this.range.height, y: this.range.weight, xLabel: t('kernels.axis.height'), yLabel: t('kernels.axis.weight'), aspect: 0.7 });
    this.frames.svm = f;
    const n = Math.round(Math.sqrt(r.grid.length));
    const white = [255, 255, 255];
    const cm = rgb(COLOURS.m);
    const cf = rgb(COLOURS.f);
    drawField(f, r.grid, n, n, (v) => mix(white, v > 0 ? cm : cf, Math.min(1, 0.15 + 0.12 * Math.abs(v))));
    const axis = ([lo, hi]) => Float64Array.from({ length: n }, (_, i) => lo + (i * (hi - lo)) / (n - 1));
    const xs = axis(this.range.height);
    const ys = axis(this.range.weight);
    drawContour(f, r.grid, xs, ys, 0, COLOURS.ink, 2);
    drawContour(f, r.grid, xs, ys, 1, COLOURS.m, 1.2, [5, 4]);
    drawContour(f, r.grid, xs, ys, -1, COLOURS.f, 1.2, [5, 4]);
    dots(f, this.rows, { radius: 2.5 });
    dots(f, Array.from(r.supportIndices, (i) => this.rows[i]), { radius: 4.5, ring: true });
    const cv = this.cvAccuracy();
    this.els.svmNote.textContent = `${t('kernels.svmInfo').replace('{sv}', r.supportIndices.length).replace('{n}', this.rows.length)
      .replace('{train}', (100 * r.trainAccuracy).toFixed(1)).replace('{cv}', cv === null ? '–' : (100 * cv).toFixed(1))} ${t('kernels.note.svm')}`;
    this.els.svmNote.dataset.supportVectors = String(r.supportIndices.length);
  },

  drawHeat() {
    const cv = this.results.cv;
    if (!cv) return;
    this.ensureFrames();
    const nC = cv.C.length;
    const nG = cv.gamma.length;
    const linear = nG === 1;
    const f = axes(this.els.heatCanvas, { x: [-2.25, 3.25], y: linear ? [0, 1] : [-3.25, 2.25], xLabel: t('kernels.axis.logC'),
      yLabel: linear ? '' : t('kernels.axis.logGamma'), aspect: 0.7 });
    const { ctx } = f;
    const cw = (f.box.r - f.box.l) / nC;
    const ch = (f.box.b - f.box.t) / nG;
    let lo = 1;
    let hi = 0;
    for (const a of cv.accuracy) { lo = Math.min(lo, a); hi = Math.max(hi, a); }
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let iC = 0; iC < nC; iC++) {
      for (let iG = 0; iG < nG; iG++) {
        const a = cv.accuracy[iC * nG + iG];
        const u = hi > lo ? (a - lo) / (hi - lo) : 1;
        const [r, g, b] = mix([247, 247, 247], [33, 102, 172], u);
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        const x = f.box.l + iC * cw;
        const y = f.box.b - (iG + 1) * ch;
        ctx.fillRect(x, y, cw + 0.5, ch + 0.5);
        if (cw > 22 && ch > 12) { ctx.fillStyle = u > 0.6 ? '#fff' : COLOURS.ink; ctx.fillText((100 * a).toFixed(0), x + cw / 2, y + ch / 2); }
      }
    }
    // The chosen (C, γ): a ring at its place on the log axes.
    const s = this._state;
    const px = f.box.l + (Math.log10(s.C) + 2.25) / 5.5 * (f.box.r - f.box.l);
    const py = linear ? (f.box.t + f.box.b) / 2 : f.box.b - (Math.log10(s.gamma) + 3.25) / 5.5 * (f.box.b - f.box.t);
    ctx.strokeStyle = '#e08a00';
    ctx.lineWidth = 3;
    ctx.beginPath(); ctx.arc(px, py, 7, 0, 2 * Math.PI); ctx.stroke();
    const bi = cv.C.indexOf(cv.best.C);
    const bj = linear ? 0 : cv.gamma.indexOf(cv.best.gamma);
    ctx.strokeStyle = COLOURS.ink;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(f.box.l + bi * cw + 1, f.box.b - (bj + 1) * ch + 1, cw - 2, ch - 2);
    f.cellAt = (x, y) => {
      const iC = Math.floor((x - f.box.l) / cw);
      const iG = Math.floor((f.box.b - y) / ch);
      return iC >= 0 && iC < nC && iG >= 0 && iG < nG ? { iC, iG } : null;
    };
    this.frames.heat = f;
  },

  /**
   * The kernel trick: each point lifted to φ = (x, y, x² + y²) (standardised
   * height and weight), seen from the side, and the plane w·φ + b = 0 of a
   * linear SVM in that space (the core's, jobs.mjs); below it the plane cuts
   * the paraboloid in a circle, the boundary the 2-D data need.
   */
  drawLift() {
    const r = this.results.svm;
    if (!r || !this.rows) return;
    this.ensureFrames();
    const canvas = this.els.liftCanvas;
    const { ctx, w, h } = (() => {
      const f = axes(canvas, { x: [0, 1], y: [0, 1], aspect: 0.7 });
      f.ctx.clearRect(0, 0, f.w, f.h);
      return f;
    })();
    const az = this.azimuth;
    const el = 0.45;
    const scale = Math.min(w, h) / 7;
    const cx = w / 2;
    const cy = h * 0.62;
    const P = ([x, y, z]) => {
      const xr = x * Math.cos(az) - y * Math.sin(az);
      const yr = x * Math.sin(az) + y * Math.cos(az);
      return [cx + scale * xr, cy - scale * (z * 0.35 * Math.cos(el) - yr * Math.sin(el))];
    };
    const [mh, sh] = this.std.height;
    const [mw, sw] = this.std.weight;
    const pts = this.rows.map((row) => {
      const x = (row.height - mh) / sh;
      const y = (row.weight - mw) / sw;
      return { sex: row.sex, p: [x, y, x * x + y * y] };
    });
    // The plane z = −(w₁x + w₂y + b)/w₃ over [−3, 3]², as a mesh.
    const { w: wv, b } = r.plane;
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(29,35,48,0.35)';
    if (Math.abs(wv[2]) > 1e-9) {
      const zp = (x, y) => -(wv[0] * x + wv[1] * y + b) / wv[2];
      ctx.beginPath();
      for (let k = -3; k <= 3; k += 1) {
        for (const [a0, a1] of [[[k, -3], [k, 3]], [[-3, k], [3, k]]]) {
          const p0 = P([a0[0], a0[1], zp(a0[0], a0[1])]);
          const p1 = P([a1[0], a1[1], zp(a1[0], a1[1])]);
          ctx.moveTo(...p0); ctx.lineTo(...p1);
        }
      }
      ctx.stroke();
    }
    // Floor axes.
    ctx.strokeStyle = COLOURS.muted;
    ctx.beginPath();
    ctx.moveTo(...P([-3, 0, 0])); ctx.lineTo(...P([3, 0, 0]));
    ctx.moveTo(...P([0, -3, 0])); ctx.lineTo(...P([0, 3, 0]));
    ctx.moveTo(...P([0, 0, 0])); ctx.lineTo(...P([0, 0, 9]));
    ctx.stroke();
    ctx.fillStyle = COLOURS.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(t('kernels.lift.x'), ...P([3.2, 0, 0]));
    ctx.fillText(t('kernels.lift.y'), ...P([0, 3.2, 0]));
    ctx.fillText('x² + y²', ...P([0.1, 0, 9.2]));
    for (const q of pts) {
      const above = wv[0] * q.p[0] + wv[1] * q.p[1] + wv[2] * q.p[2] + b > 0;
      ctx.beginPath();
      ctx.arc(...P(q.p), 2.4, 0, 2 * Math.PI);
      ctx.fillStyle = COLOURS[q.sex];
      ctx.globalAlpha = above === (q.sex === 'm') ? 0.9 : 0.35;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    this.els.liftNote.textContent = t('kernels.lift.caption').replace('{sv}', r.plane.support);
  },
};
