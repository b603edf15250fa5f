// Drawing of <simcore-mlp>'s panels (pixels only; the numbers come in
// frames from the session): the decision map with the data, and the network
// with its weights. Class +1 is blue, class −1 red, in the map, the points
// and the confusion matrix alike; with more classes, class c takes
// CLASS_COLOURS[c] (0 and 1 the same red and blue).

import { DIVERGING } from '../shared/colormap.mjs';

const PLUS = [36, 86, 199]; // #2456c7
const MINUS = [192, 57, 43]; // #c0392b
export const CLASS_COLOURS = [MINUS, PLUS, [47, 158, 68], [232, 137, 12], [112, 72, 232], [12, 133, 153]];

/** The canvas's backing store at its CSS size × devicePixelRatio; returns the CSS size. */
export function fitCanvas(canvas, height) {
  const dpr = globalThis.devicePixelRatio || 1;
  const w = Math.max(1, canvas.clientWidth);
  const h = height ?? Math.max(1, canvas.clientHeight);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, w, h };
}

/**
 * The map as an image, grid × grid (row 0 at the bottom, y0): a pale blend
 * from red (score 0) through white to blue (score 1). The decision boundary
 * is drawn over it as a line (boundary()).
 */
export function mapImage(score, grid, into, K = 2) {
  const img = into && into.width === grid ? into : new ImageData(grid, grid);
  const px = img.data;
  if (K > 2) return classImage(score, grid, img, K);
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++) {
      const s = score[j * grid + i];
      const o = 4 * ((grid - 1 - j) * grid + i);
      const c = s >= 0.5 ? PLUS : MINUS;
      const a = Math.min(1, Math.abs(s - 0.5) * 2) * 0.55 + 0.08; // how sure: more colour
      for (let k = 0; k < 3; k++) px[o + k] = 255 + (c[k] - 255) * a;
      px[o + 3] = 255;
    }
  }
  return img;
}

/** The class (first largest output) at every map point, K outputs per point. */
export function argmaxGrid(out, grid, K) {
  const cls = new Uint8Array(grid * grid);
  for (let p = 0; p < grid * grid; p++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (out[K * p + k] > out[K * p + best]) best = k;
    cls[p] = best;
  }
  return cls;
}

/** K classes: each point in its class's colour, paler where the largest output is less sure (1/K: white). */
function classImage(out, grid, img, K) {
  const px = img.data;
  const cls = argmaxGrid(out, grid, K);
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++) {
      const p = j * grid + i;
      const top = out[K * p + cls[p]];
      const a = Math.min(1, Math.max(0, (top - 1 / K) / (1 - 1 / K))) * 0.55 + 0.08;
      const c = CLASS_COLOURS[cls[p]];
      const o = 4 * ((grid - 1 - j) * grid + i);
      for (let k = 0; k < 3; k++) px[o + k] = 255 + (c[k] - 255) * a;
      px[o + 3] = 255;
    }
  }
  return img;
}

/**
 * K > 2 classes: the boundaries between regions of different classes, as
 * segments between grid points (the cell edges halfway between two points
 * whose classes differ), in the same grid units as boundary().
 */
export function classBoundary(out, grid, K) {
  const cls = argmaxGrid(out, grid, K);
  const segs = [];
  for (let j = 0; j < grid; j++) {
    for (let i = 0; i < grid; i++) {
      const c = cls[j * grid + i];
      if (i + 1 < grid && cls[j * grid + i + 1] !== c) segs.push([i + 0.5, Math.max(0, j - 0.5), i + 0.5, Math.min(grid - 1, j + 0.5)]);
      if (j + 1 < grid && cls[(j + 1) * grid + i] !== c) segs.push([Math.max(0, i - 0.5), j + 0.5, Math.min(grid - 1, i + 0.5), j + 0.5]);
    }
  }
  return segs;
}

/**
 * The decision boundary, score = ½, by marching squares over the grid:
 * segments [i0, j0, i1, j1] in grid units (point (i, j) is grid column i,
 * row j), each crossing placed by linear interpolation along a cell edge.
 */
export function boundary(score, grid, level = 0.5) {
  const segs = [];
  const at = (i, j) => score[j * grid + i] - level;
  for (let j = 0; j + 1 < grid; j++) {
    for (let i = 0; i + 1 < grid; i++) {
      const a = at(i, j); const b = at(i + 1, j); const c = at(i + 1, j + 1); const d = at(i, j + 1);
      const pts = [];
      // Edges in order bottom, right, top, left: where the sign changes, the crossing.
      if ((a >= 0) !== (b >= 0)) pts.push([i + a / (a - b), j]);
      if ((b >= 0) !== (c >= 0)) pts.push([i + 1, j + b / (b - c)]);
      if ((c >= 0) !== (d >= 0)) pts.push([i + 1 - c / (c - d), j + 1]);
      if ((d >= 0) !== (a >= 0)) pts.push([i, j + 1 - d / (d - a)]);
      if (pts.length === 2) segs.push([...pts[0], ...pts[1]]);
      else if (pts.length === 4) segs.push([...pts[0], ...pts[1]], [...pts[2], ...pts[3]]); // a saddle: either pairing is a boundary
    }
  }
  return segs;
}

/** Model → pixel for a square view on a w × h canvas. */
export function toPixel(view, w, h) {
  return (x, y) => [(x - view.x0) / (view.x1 - view.x0) * w, (1 - (y - view.y0) / (view.y1 - view.y0)) * h];
}

/** Pixel → model, the inverse of toPixel. */
export function toModel(view, w, h, px, py) {
  return [view.x0 + px / w * (view.x1 - view.x0), view.y0 + (1 - py / h) * (view.y1 - view.y0)];
}

const rgb = (c, a = 1) => `rgba(${c[0]},${c[1]},${c[2]},${a})`;

/**
 * The map panel: the image (scaled), test points as small rings (when
 * shown), training points as dots, points added by hand larger with a
 * black edge (`added` from index `addedFrom` of the training set).
 */
export function drawMap(canvas, { image, edges, view, data, showTest, addedFrom, sample }) {
  const { ctx, w, h } = fitCanvas(canvas);
  ctx.clearRect(0, 0, w, h);
  if (image) {
    const src = new OffscreenCanvas(image.width, image.height);
    src.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(src, 0, 0, w, h);
  }
  if (edges && image) {
    const sx = w / (image.width - 1);
    const sy = h / (image.height - 1);
    ctx.strokeStyle = '#1d2330';
    ctx.lineWidth = 1.6;
    ctx.lineCap = 'round';
    ctx.beginPath();
    for (const [i0, j0, i1, j1] of edges) {
      ctx.moveTo(i0 * sx, h - j0 * sy);
      ctx.lineTo(i1 * sx, h - j1 * sy);
    }
    ctx.stroke();
  }
  if (!data || !view) return;
  const at = toPixel(view, w, h);
  const small = w < 300;
  if (showTest) {
    ctx.lineWidth = 0.8;
    for (let i = 0; i < data.test.c.length; i++) {
      const [x, y] = at(data.test.x[2 * i], data.test.x[2 * i + 1]);
      ctx.strokeStyle = rgb(CLASS_COLOURS[data.test.c[i]], 0.55);
      ctx.beginPath();
      ctx.arc(x, y, small ? 1.2 : 1.7, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  const n = data.train.c.length;
  for (let i = 0; i < n; i++) {
    const [x, y] = at(data.train.x[2 * i], data.train.x[2 * i + 1]);
    const own = i >= addedFrom;
    ctx.fillStyle = rgb(CLASS_COLOURS[data.train.c[i]], own ? 1 : 0.9);
    ctx.beginPath();
    ctx.arc(x, y, own ? 4.5 : small ? 1.5 : 2.1, 0, 2 * Math.PI);
    ctx.fill();
    if (own) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  if (sample) {
    // The sample of the last one-sample step: a ring around it.
    const [x, y] = at(sample.x, sample.y);
    ctx.strokeStyle = '#e8590c';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

const MAX_DRAWN = 24; // units drawn per layer (wider layers: the first ones and a gap)

/**
 * The network: one column of circles per layer (inputs left), an edge per
 * weight coloured by its sign and as wide as |w| relative to the largest,
 * the bias as the circle's fill. Weight order: docs/mlp.md (each layer's W
 * row-major units × inputs, then b).
 */
export function drawNet(canvas, layers, weights, height) {
  const { ctx, w, h } = fitCanvas(canvas, height);
  ctx.clearRect(0, 0, w, h);
  if (!layers || !weights) return;
  const cols = layers.length;
  const pad = 12;
  const colX = (l) => pad + (w - 2 * pad) * (cols === 1 ? 0.5 : l / (cols - 1));
  const shown = layers.map((n) => Math.min(n, MAX_DRAWN));
  const rowY = (l, i) => {
    const n = shown[l];
    const step = Math.min(22, (h - 2 * pad) / Math.max(1, n - 1));
    return h / 2 + (i - (n - 1) / 2) * step;
  };
  let max = 1e-6;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]));
  const biases = [];
  let o = 0;
  for (let l = 1; l < cols; l++) {
    const nin = layers[l - 1];
    const nout = layers[l];
    for (let j = 0; j < nout; j++) {
      for (let i = 0; i < nin; i++) {
        const v = weights[o + j * nin + i];
        if (j >= shown[l] || i >= shown[l - 1]) continue;
        ctx.strokeStyle = rgb(v >= 0 ? PLUS : MINUS, 0.25 + 0.6 * Math.abs(v) / max);
        ctx.lineWidth = 0.3 + 3 * Math.abs(v) / max;
        ctx.beginPath();
        ctx.moveTo(colX(l - 1), rowY(l - 1, i));
        ctx.lineTo(colX(l), rowY(l, j));
        ctx.stroke();
      }
    }
    o += nin * nout;
    biases.push(weights.subarray(o, o + nout));
    o += nout;
  }
  const r = Math.max(2.5, Math.min(6, (h - 2 * pad) / Math.max(...shown) / 2.6));
  for (let l = 0; l < cols; l++) {
    for (let i = 0; i < shown[l]; i++) {
      const b = l > 0 ? biases[l - 1][i] : 0;
      ctx.fillStyle = l > 0 ? rgb(b >= 0 ? PLUS : MINUS, Math.min(1, 0.15 + Math.abs(b) / max)) : '#fff';
      ctx.strokeStyle = '#5b6474';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(colX(l), rowY(l, i), r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    if (layers[l] > shown[l]) {
      ctx.fillStyle = '#5b6474';
      ctx.font = '10px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(`+${layers[l] - shown[l]}`, colX(l), Math.min(h - 2, rowY(l, shown[l] - 1) + 14));
    }
  }
}

/**
 * The maps of one hidden layer's units (frame `units`: values grid² × units
 * per point), one canvas per unit in `box`, on one diverging scale about the
 * activation's middle (½ for logistic, else 0), so units compare.
 */
export function drawUnits(box, u, maxTiles = 64) {
  const shown = Math.min(u.units, maxTiles);
  while (box.children.length > shown) box.lastChild.remove();
  while (box.children.length < shown) box.append(Object.assign(document.createElement('canvas'), { className: 'tile' }));
  const mid = u.act === 'logistic' ? 0.5 : 0;
  let m = 1e-6;
  for (let i = 0; i < u.values.length; i++) m = Math.max(m, Math.abs(u.values[i] - mid));
  const g = u.grid;
  for (let r = 0; r < shown; r++) {
    const c = box.children[r];
    c.width = g;
    c.height = g;
    c.title = `${r + 1}`;
    const img = new ImageData(g, g);
    for (let j = 0; j < g; j++) {
      for (let i = 0; i < g; i++) {
        const v = u.values[(j * g + i) * u.units + r];
        // DIVERGING runs blue (low) to red (high); reversed here, so high is blue like class +1 and positive weights.
        const k = 3 * Math.max(0, Math.min(255, Math.round(127.5 - ((v - mid) / m) * 127.5)));
        const o = 4 * ((g - 1 - j) * g + i);
        img.data[o] = DIVERGING[k];
        img.data[o + 1] = DIVERGING[k + 1];
        img.data[o + 2] = DIVERGING[k + 2];
        img.data[o + 3] = 255;
      }
    }
    c.getContext('2d').putImageData(img, 0, 0);
  }
}
