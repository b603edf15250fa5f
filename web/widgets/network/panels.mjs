// Drawing of <simcore-network>'s panels on plain canvases: the raster
// (time × neuron, excitatory and inhibitory bands in two colours), the
// population rate below it on the same time axis, the rate's spectrum with
// the alpha and gamma bands, the watched neuron's v(t), u(t) and its (v, u)
// path. Numbers come from the session (buffers.mjs); this file knows pixels.

export const COLORS = { exc: '#1f3b8a', inh: '#d1495b', v: '#1d2330', u: '#e8590c', grid: '#e3e6ec', axis: '#5b6474', mark: '#e8590c', inhBand: '#fcf0f2', alpha: 'rgba(42,157,92,0.16)', gamma: 'rgba(106,63,181,0.14)' };
export const BANDS = { alpha: [8, 12], gamma: [30, 40] }; // Hz (Izhikevich 2003: alpha ~10, gamma ~40)
const FONT = '11px system-ui, sans-serif';

/** Sizes the canvas to its CSS box (device pixels); returns the 2-D context in CSS pixels, or null if hidden. */
export function fit(canvas) {
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (!w || !h) return null;
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const W = Math.round(w * dpr);
  const H = Math.round(h * dpr);
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
  }
  const g = canvas.getContext('2d');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { g, w, h, dpr };
}

/** Round tick step for a span with about `count` ticks. */
export function tickStep(span, count) {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

function ticks(lo, hi, count) {
  const s = tickStep(hi - lo, count);
  const out = [];
  for (let x = Math.ceil(lo / s) * s; x <= hi + s * 1e-9; x += s) out.push(Math.round(x / s) * s);
  return out;
}

/** The time span a panel shows: the last `win` ms, or [0, win] until that much has run. */
export function timeSpan(time, win) {
  return time <= win ? [0, win] : [time - win, time];
}

/** Plot box inside a canvas of w × h CSS px. */
const box = (w, h, m) => ({ x: m.l, y: m.t, w: Math.max(1, w - m.l - m.r), h: Math.max(1, h - m.t - m.b) });

function xAxis(g, b, lo, hi, label, count, fmt = (v) => String(v), gridAlpha = 1) {
  g.fillStyle = COLORS.axis;
  g.strokeStyle = COLORS.grid;
  g.globalAlpha = gridAlpha;
  g.font = FONT;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const v of ticks(lo, hi, count)) {
    const x = b.x + ((v - lo) / (hi - lo)) * b.w;
    g.beginPath();
    g.moveTo(x, b.y);
    g.lineTo(x, b.y + b.h);
    g.stroke();
    g.globalAlpha = 1;
    g.fillText(fmt(v), x, b.y + b.h + 2);
    g.globalAlpha = gridAlpha;
  }
  g.globalAlpha = 1;
  if (label) {
    g.textAlign = 'right';
    g.fillText(label, b.x + b.w, b.y + b.h + 14);
  }
}

function yLabel(g, b, y, text, right = false) {
  g.fillStyle = COLORS.axis;
  g.font = FONT;
  g.textAlign = right ? 'left' : 'right';
  g.textBaseline = 'middle';
  g.fillText(text, right ? b.x + b.w + 4 : b.x - 4, y);
}

/**
 * Raster: every kept spike as a dot at (time, neuron); neurons 0..ne−1
 * (excitatory) from the top, inhibitory below on a tinted band, as Fig. 3.
 */
export function drawRaster(canvas, rec, { ne, ni, win, watch, labels }) {
  const c = fit(canvas);
  if (!c) return null;
  const { g, w, h, dpr } = c;
  const n = ne + ni;
  const b = box(w, h, { l: 44, r: 16, t: 4, b: 30 });
  const [lo, hi] = timeSpan(rec.time, win);
  g.clearRect(0, 0, w, h);
  const yOf = (i) => b.y + (i / n) * b.h;
  // Dots straight into pixels (thousands per frame), on white with the inhibitory band tinted.
  const X = Math.round(b.x * dpr);
  const Y = Math.round(b.y * dpr);
  const BW = Math.max(1, Math.round(b.w * dpr));
  const BH = Math.max(1, Math.round(b.h * dpr));
  const img = g.createImageData(BW, BH);
  const px = new Uint32Array(img.data.buffer);
  const rgba = (hex) => {
    const v = parseInt(hex.slice(1), 16);
    return ((255 << 24) | ((v & 0xff) << 16) | (v & 0xff00) | (v >> 16)) >>> 0; // little-endian ABGR
  };
  const sy = BH / n;
  const band = Math.min(BH, Math.round(ne * sy));
  px.fill(rgba('#ffffff'), 0, band * BW);
  px.fill(rgba(COLORS.inhBand), band * BW);
  const cE = rgba(COLORS.exc);
  const cI = rgba(COLORS.inh);
  const dw = Math.max(1, Math.round(Math.min(3, BW / (hi - lo)) * 1.2));
  const dh = Math.max(1, Math.min(3, Math.round(sy)));
  const { t, i } = rec.spikes();
  const sx = BW / (hi - lo);
  for (let k = 0; k < t.length; k++) {
    const x0 = Math.floor((t[k] - lo) * sx);
    if (x0 < 0 || x0 >= BW) continue;
    const y0 = Math.floor(i[k] * sy);
    const col = i[k] < ne ? cE : cI;
    for (let yy = y0; yy < Math.min(BH, y0 + dh); yy++) {
      const row = yy * BW;
      for (let xx = x0; xx < Math.min(BW, x0 + dw); xx++) px[row + xx] = col;
    }
  }
  g.putImageData(img, X, Y);
  xAxis(g, b, lo, hi, labels.time, Math.max(2, Math.floor(b.w / 70)), String, 0.35);
  // Neuron axis: 0, the excitatory/inhibitory border, N.
  g.strokeStyle = COLORS.axis;
  g.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
  yLabel(g, b, yOf(0) + 5, '0');
  if (ni) yLabel(g, b, yOf(ne), String(ne));
  yLabel(g, b, b.y + b.h - 5, String(n));
  if (watch >= 0 && watch < n) {
    const y = yOf(watch + 0.5);
    g.strokeStyle = COLORS.mark;
    g.globalAlpha = 0.7;
    g.beginPath();
    g.moveTo(b.x - 6, y);
    g.lineTo(b.x, y);
    g.moveTo(b.x + b.w, y);
    g.lineTo(b.x + b.w + 6, y);
    g.stroke();
    g.globalAlpha = 1;
  }
  return { box: b, n };
}

/** Population rate per ms (Hz per neuron) as bars on the raster's time axis. */
export function drawRate(canvas, rec, { win, labels }) {
  const c = fit(canvas);
  if (!c) return;
  const { g, w, h } = c;
  const b = box(w, h, { l: 44, r: 16, t: 6, b: 30 });
  const [lo, hi] = timeSpan(rec.time, win);
  g.clearRect(0, 0, w, h);
  let top = 0;
  for (let t = Math.max(0, Math.floor(lo)); t < Math.min(hi, rec.time); t++) top = Math.max(top, rec.rateAt(t) || 0);
  const ymax = Math.max(10, tickStep(top, 2) * Math.ceil(top / tickStep(top, 2)));
  xAxis(g, b, lo, hi, labels.time, Math.max(2, Math.floor(b.w / 70)));
  g.fillStyle = COLORS.exc;
  const bw = Math.max(1, b.w / (hi - lo));
  for (let t = Math.max(0, Math.floor(lo)); t < Math.min(hi, rec.time); t++) {
    const r = rec.rateAt(t);
    if (!(r > 0)) continue;
    const x = b.x + ((t - lo) / (hi - lo)) * b.w;
    const bh = Math.min(1, r / ymax) * b.h;
    g.fillRect(x, b.y + b.h - bh, bw, bh);
  }
  g.strokeStyle = COLORS.axis;
  g.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
  yLabel(g, b, b.y + 5, String(ymax));
  yLabel(g, b, b.y + b.h - 5, '0');
  g.save();
  g.translate(10, b.y + b.h / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText(labels.rateUnit, 0, 0);
  g.restore();
}

/** The largest power inside [lo, hi] Hz: { f, p } or null. */
export function peakIn(spec, lo, hi) {
  let best = null;
  for (let k = 1; k < spec.freq.length; k++) {
    const f = spec.freq[k];
    if (f >= lo && f <= hi && (!best || spec.power[k] > best.p)) best = { f, p: spec.power[k] };
  }
  return best;
}

/** Welch spectrum of the rate, log power against 0–fmax Hz, alpha and gamma bands shaded. */
export function drawSpectrum(canvas, spec, { labels, fmax = 100 }) {
  const c = fit(canvas);
  if (!c) return;
  const { g, w, h } = c;
  const b = box(w, h, { l: 44, r: 14, t: 16, b: 30 });
  g.clearRect(0, 0, w, h);
  const xOf = (f) => b.x + (f / fmax) * b.w;
  for (const [name, [f0, f1]] of Object.entries(BANDS)) {
    g.fillStyle = COLORS[name];
    g.fillRect(xOf(f0), b.y, xOf(f1) - xOf(f0), b.h);
    g.fillStyle = COLORS.axis;
    g.font = FONT;
    g.textAlign = 'center';
    g.textBaseline = 'bottom';
    g.fillText(labels[name], xOf((f0 + f1) / 2), b.y - 2);
  }
  xAxis(g, b, 0, fmax, labels.freq, Math.max(2, Math.floor(b.w / 60)));
  g.strokeStyle = COLORS.axis;
  g.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
  if (!spec) {
    g.fillStyle = COLORS.axis;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(labels.waiting, b.x + b.w / 2, b.y + b.h / 2);
    return;
  }
  let pmax = -Infinity;
  let pmin = Infinity;
  for (let k = 1; k < spec.freq.length && spec.freq[k] <= fmax; k++) {
    const p = Math.log10(Math.max(spec.power[k], 1e-12));
    pmax = Math.max(pmax, p);
    pmin = Math.min(pmin, p);
  }
  const top = Math.ceil(pmax);
  const bottom = Math.min(top - 1, Math.floor(Math.max(pmin, top - 4)));
  const yOf = (p) => b.y + ((top - Math.log10(Math.max(p, 1e-12))) / (top - bottom)) * b.h;
  g.save();
  g.beginPath();
  g.rect(b.x, b.y, b.w, b.h);
  g.clip();
  g.strokeStyle = COLORS.exc;
  g.lineWidth = 1.5;
  g.beginPath();
  for (let k = 1; k < spec.freq.length && spec.freq[k] <= fmax; k++) {
    const x = xOf(spec.freq[k]);
    const y = yOf(spec.power[k]);
    if (k === 1) g.moveTo(x, y);
    else g.lineTo(x, y);
  }
  g.stroke();
  g.restore();
  for (const e of [top, bottom]) yLabel(g, b, b.y + ((top - e) / (top - bottom)) * b.h + (e === top ? 5 : -5), `1e${e}`);
  g.save();
  g.translate(10, b.y + b.h / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText(labels.powerUnit, 0, 0);
  g.restore();
  for (const [lo, hi] of [[6, 14], [24, 50]]) {
    const pk = peakIn(spec, lo, hi);
    if (!pk) continue;
    g.fillStyle = COLORS.mark;
    g.beginPath();
    g.arc(xOf(pk.f), yOf(pk.p), 3, 0, 2 * Math.PI);
    g.fill();
  }
}

const clipV = (v) => Math.min(30, v); // net.m plots a spike at 30 mV; v past it is the overshoot before reset

/** v(t) (left axis, mV) and u(t) (right axis, its own scale) of the watched neuron. */
/** The range of the watched neuron's u over steps t0..t1 ([-20, 0] when none is finite). */
function uRange(rec, t0, t1) {
  let uLo = Infinity;
  let uHi = -Infinity;
  for (let t = t0; t <= t1; t++) {
    const u = rec.traceAt(t)[1];
    if (Number.isFinite(u)) {
      uLo = Math.min(uLo, u);
      uHi = Math.max(uHi, u);
    }
  }
  return uHi >= uLo ? [uLo, uHi] : [-20, 0];
}

export function drawTrace(canvas, rec, { win, labels }) {
  const c = fit(canvas);
  if (!c) return;
  const { g, w, h } = c;
  const b = box(w, h, { l: 44, r: 34, t: 8, b: 30 });
  const [lo, hi] = timeSpan(rec.time, win);
  g.clearRect(0, 0, w, h);
  xAxis(g, b, lo, hi, labels.time, Math.max(2, Math.floor(b.w / 70)));
  const vLo = -90;
  const vHi = 35;
  const t0 = Math.max(1, Math.floor(lo));
  const t1 = Math.min(hi, rec.time);
  let [uLo, uHi] = uRange(rec, t0, t1);
  if (uHi - uLo < 2) {
    uLo -= 1;
    uHi += 1;
  }
  const xOf = (t) => b.x + ((t - lo) / (hi - lo)) * b.w;
  const line = (color, yOf, which) => {
    g.strokeStyle = color;
    g.lineWidth = 1.2;
    g.beginPath();
    let pen = false;
    for (let t = t0; t <= t1; t++) {
      const s = rec.traceAt(t)[which];
      if (!Number.isFinite(s)) {
        pen = false;
        continue;
      }
      const x = xOf(t);
      const y = yOf(s);
      if (pen) g.lineTo(x, y);
      else g.moveTo(x, y);
      pen = true;
    }
    g.stroke();
  };
  g.save();
  g.beginPath();
  g.rect(b.x, b.y, b.w, b.h);
  g.clip();
  line(COLORS.u, (u) => b.y + ((uHi - u) / (uHi - uLo)) * b.h, 1);
  line(COLORS.v, (v) => b.y + ((vHi - clipV(v)) / (vHi - vLo)) * b.h, 0);
  g.restore();
  g.strokeStyle = COLORS.axis;
  g.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
  for (const v of [30, -65]) yLabel(g, b, b.y + ((vHi - v) / (vHi - vLo)) * b.h, String(v));
  g.fillStyle = COLORS.u;
  for (const u of [uHi, uLo]) {
    g.textAlign = 'left';
    g.textBaseline = 'middle';
    g.fillText(u.toFixed(u > -10 && u < 10 ? 1 : 0), b.x + b.w + 4, b.y + ((uHi - u) / (uHi - uLo)) * b.h + (u === uHi ? 5 : -5));
  }
}

/** The (v, u) path of the watched neuron over the window, with the v-nullcline u = 0.04v² + 5v + 140 (I = 0). */
export function drawPath(canvas, rec, { win, labels }) {
  const c = fit(canvas);
  if (!c) return;
  const { g, w, h } = c;
  const b = box(w, h, { l: 36, r: 14, t: 8, b: 30 });
  const [lo, hi] = timeSpan(rec.time, win);
  g.clearRect(0, 0, w, h);
  const t0 = Math.max(1, Math.floor(lo));
  const t1 = Math.min(hi, rec.time);
  let [uLo, uHi] = uRange(rec, t0, t1);
  const pad = Math.max(1, (uHi - uLo) * 0.15);
  uLo -= pad;
  uHi += pad;
  const vLo = -85;
  const vHi = 35;
  const xOf = (v) => b.x + ((clipV(v) - vLo) / (vHi - vLo)) * b.w;
  const yOf = (u) => b.y + ((uHi - u) / (uHi - uLo)) * b.h;
  xAxis(g, b, vLo, vHi, labels.v, Math.max(2, Math.floor(b.w / 50)));
  g.save();
  g.beginPath();
  g.rect(b.x, b.y, b.w, b.h);
  g.clip();
  g.setLineDash([4, 3]);
  g.strokeStyle = '#2a9d5c';
  g.beginPath();
  for (let k = 0; k <= 120; k++) {
    const v = vLo + ((vHi - vLo) * k) / 120;
    const u = 0.04 * v * v + 5 * v + 140;
    if (k === 0) g.moveTo(xOf(v), yOf(u));
    else g.lineTo(xOf(v), yOf(u));
  }
  g.stroke();
  g.setLineDash([]);
  g.strokeStyle = COLORS.v;
  g.lineWidth = 1;
  g.beginPath();
  let pen = false;
  let last = null;
  for (let t = t0; t <= t1; t++) {
    const [v, u] = rec.traceAt(t);
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    // A reset (v jumps from ≥ 30 to c) is drawn as a gap, not a line across the plane.
    if (pen && last >= 30) pen = false;
    if (pen) g.lineTo(xOf(v), yOf(u));
    else g.moveTo(xOf(v), yOf(u));
    pen = true;
    last = v;
  }
  g.stroke();
  const [vNow, uNow] = rec.traceAt(rec.time);
  if (Number.isFinite(vNow)) {
    g.fillStyle = COLORS.mark;
    g.beginPath();
    g.arc(xOf(vNow), yOf(uNow), 3.5, 0, 2 * Math.PI);
    g.fill();
  }
  g.restore();
  g.strokeStyle = COLORS.axis;
  g.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
  yLabel(g, b, b.y + 6, uHi.toFixed(0));
  yLabel(g, b, b.y + b.h - 6, uLo.toFixed(0));
  g.fillStyle = COLORS.axis;
  g.textAlign = 'left';
  g.textBaseline = 'top';
  g.fillText(labels.u, b.x + 4, b.y + 2);
}
