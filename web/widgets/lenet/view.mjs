// Drawing for <simcore-lenet>: digits, kernels and feature maps as pixel
// canvases (CSS scales them with hard edges), the confusion matrix and the
// score bars. Values arrive from the session or forward.mjs.
import { drawField, rangeOf } from '../shared/draw.mjs';
import { h } from '../shared/base.mjs';

/** A 28 x 28 digit (0 = background) as black ink on white. */
export function drawDigit(canvas, image, offset = 0) {
  const v = new Float32Array(784);
  for (let i = 0; i < 784; i++) v[i] = 255 - image[offset + i];
  drawField(canvas, v, 28, 28, 'gray', [0, 255]);
}

/** A signed kernel or map, w x h, on the diverging map symmetric about 0 (range shared when given). */
export function drawSigned(canvas, data, w, hgt, range = rangeOf(data, 'diverging')) {
  drawField(canvas, data, w, hgt, 'diverging', range);
}

/** A layer's maps (n of w x h) into its canvases, one grey scale for the whole layer. */
export function drawMaps(canvases, data, n, w, hgt) {
  const range = rangeOf(data, 'sequential');
  for (let k = 0; k < n; k++) drawField(canvases[k], data.subarray(k * w * hgt, (k + 1) * w * hgt), w, hgt, 'gray', range);
  return range;
}

/** Fills the 10 x 10 table's cells (row: true digit, column: prediction); shade by the share of the row. */
export function fillConfusion(cells, confusion) {
  for (let r = 0; r < 10; r++) {
    let row = 0;
    for (let c = 0; c < 10; c++) row += confusion[r * 10 + c];
    for (let c = 0; c < 10; c++) {
      const v = confusion[r * 10 + c];
      const cell = cells[r * 10 + c];
      cell.textContent = v ? String(v) : '';
      const share = row ? v / row : 0;
      cell.style.setProperty('--share', share.toFixed(3));
      cell.className = r === c ? 'diag' : v ? 'off' : '';
    }
  }
}

/** Score bars: { bars, values } rows; `shares` (0..1) set the lengths, `texts` the numbers. */
export function scoreRows() {
  return Array.from({ length: 10 }, (_, d) => {
    const bar = h('span', { class: 'bar' });
    const value = h('span', { class: 'val' });
    return { row: h('div', { class: 'score' }, [h('span', { class: 'digit', text: String(d) }), h('span', { class: 'track' }, [bar]), value]), bar, value };
  });
}

export function fillScores(rows, shares, texts, best) {
  rows.forEach((r, d) => {
    r.bar.style.width = `${(100 * Math.max(0, Math.min(1, shares[d] ?? 0))).toFixed(1)}%`;
    r.value.textContent = texts[d] ?? '';
    r.row.classList.toggle('best', d === best);
  });
}

/** Probabilities from scores: softmax probabilities as they are (modern), exp(score)/sum for the 1998 net's −penalties. */
export function shares(variant, scores) {
  if (variant !== 'lecun1998') return Array.from(scores);
  const m = Math.max(...scores);
  const e = Array.from(scores, (v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export const argmax = (s) => s.reduce((b, v, i) => (v > s[b] ? i : b), 0);
