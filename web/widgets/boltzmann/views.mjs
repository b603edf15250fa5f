// Pixels of <simcore-boltzmann>: units drawn as cells of a small grid (+1
// ink, −1 paper, probabilities in between, clamped units outlined) and n × n
// matrices in the diverging map with the visible/hidden border marked. No
// numerics: values arrive from the session.
import { DIVERGING } from '../shared/colormap.mjs';

const INK = [0x1d, 0x23, 0x30];
const PAPER = [0xee, 0xf1, 0xf6];
const CLAMP = '#e8590c';
const CURSOR = '#2456c7';

/** The display canvas at its CSS size × devicePixelRatio (at least `min` px); returns [w, h, dpr]. */
function fit(canvas, aspect, min = 24) {
  const dpr = globalThis.devicePixelRatio || 1;
  const w = Math.max(min, Math.round((canvas.clientWidth || min) * dpr));
  const h = Math.max(1, Math.round(w * aspect));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return [w, h, dpr];
}

/** Colour of p ∈ [0, 1] (the probability of +1) between paper and ink. */
export function unitColour(p) {
  const q = Math.min(1, Math.max(0, p));
  return `rgb(${INK.map((c, k) => Math.round(PAPER[k] + (c - PAPER[k]) * q)).join(',')})`;
}

/**
 * Units on a rows × cols grid: `values` ±1 (or, with `probs`, P(+1) in
 * [0, 1]); `clamp` (0/1 per unit) outlines the clamped ones, `cursor` marks
 * the keyboard's unit (dashed). The canvas
 * keeps its CSS width; its height follows the grid. Returns the cell size in CSS px.
 */
export function drawUnits(canvas, values, { rows, cols }, { probs = false, clamp = null, cursor = -1 } = {}) {
  const [w, h, dpr] = fit(canvas, rows / cols);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  const cw = w / cols;
  const ch = h / rows;
  const gap = Math.max(1, Math.round(Math.min(cw, ch) * 0.08));
  for (let i = 0; i < rows * cols && i < values.length; i++) {
    const x = (i % cols) * cw;
    const y = Math.floor(i / cols) * ch;
    g.fillStyle = unitColour(probs ? values[i] : (values[i] + 1) / 2);
    g.fillRect(x + gap / 2, y + gap / 2, cw - gap, ch - gap);
    if (clamp?.[i]) {
      const lw = Math.max(2, Math.round(Math.min(cw, ch) * 0.12));
      g.strokeStyle = CLAMP;
      g.lineWidth = lw;
      g.strokeRect(x + gap / 2 + lw / 2, y + gap / 2 + lw / 2, cw - gap - lw, ch - gap - lw);
    }
  }
  if (cursor >= 0) {
    g.strokeStyle = CURSOR;
    g.lineWidth = Math.max(1, Math.round(dpr));
    g.setLineDash([3 * dpr, 2 * dpr]);
    g.strokeRect((cursor % cols) * cw + 1, Math.floor(cursor / cols) * ch + 1, cw - 2, ch - 2);
    g.setLineDash([]);
  }
  return cw / dpr;
}

/** The diverging map's colour of v in [−m, m]. */
function divColour(v, m) {
  const k = Math.min(255, Math.max(0, Math.round(((v / (m || 1)) + 1) * 127.5)));
  return `rgb(${DIVERGING[3 * k]},${DIVERGING[3 * k + 1]},${DIVERGING[3 * k + 2]})`;
}

/**
 * An n × n matrix (row-major) in the diverging map over [−m, m]; a line
 * after the first `nv` rows and columns separates visible from hidden units.
 */
export function drawMatrix(canvas, values, n, nv, m) {
  const [w] = fit(canvas, 1, 40);
  const g = canvas.getContext('2d');
  const c = w / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      g.fillStyle = divColour(values[i * n + j], m);
      g.fillRect(Math.floor(j * c), Math.floor(i * c), Math.ceil(c), Math.ceil(c));
    }
  }
  if (nv > 0 && nv < n) {
    g.strokeStyle = '#1d2330';
    g.lineWidth = Math.max(1, Math.round(w / 200));
    g.beginPath();
    g.moveTo(nv * c, 0);
    g.lineTo(nv * c, w);
    g.moveTo(0, nv * c);
    g.lineTo(w, nv * c);
    g.stroke();
  }
}

/** A row of values (biases) as cells in the same map. */
export function drawStrip(canvas, values, nv, m) {
  const n = values.length;
  const [w, h] = fit(canvas, 1 / Math.max(n, 1), 40);
  const g = canvas.getContext('2d');
  const c = w / n;
  for (let i = 0; i < n; i++) {
    g.fillStyle = divColour(values[i], m);
    g.fillRect(Math.floor(i * c), 0, Math.ceil(c), h);
  }
  if (nv > 0 && nv < n) {
    g.fillStyle = '#1d2330';
    g.fillRect(Math.round(nv * c) - 1, 0, 2, h);
  }
}

/** The unit under a pointer event on a grid canvas, or −1. */
export function unitAt(canvas, e, { rows, cols }) {
  const r = canvas.getBoundingClientRect();
  const x = Math.floor(((e.clientX - r.left) / r.width) * cols);
  const y = Math.floor(((e.clientY - r.top) / r.height) * rows);
  return x >= 0 && x < cols && y >= 0 && y < rows ? y * cols + x : -1;
}
