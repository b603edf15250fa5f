// Canvas drawing for widgets. Knows pixels and colour maps, no numerics:
// values arrive from the binding and are mapped to colours here.
import { DIVERGING, GRAY, SEQUENTIAL, hue } from './colormap.mjs';

export const MAPS = { diverging: DIVERGING, sequential: SEQUENTIAL, gray: GRAY };

/** Value range of data for a map: symmetric about 0 for diverging maps. */
export function rangeOf(data, map) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (map === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  if (map === 'gray') return [Math.min(lo, 0), Math.max(hi, 1)];
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/**
 * How to colour a filter output: diverging and symmetric about 0 when it has clearly
 * negative values (relative threshold, so rounding noise around 0 does not
 * switch maps), else gray over [min, max].
 */
export function autoScale(data) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < lo) lo = data[i];
    if (data[i] > hi) hi = data[i];
  }
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  if (lo < -1e-3 * m) return { map: 'diverging', range: [-m, m] };
  return { map: 'gray', range: hi > lo ? [lo, hi] : [lo, lo + 1] };
}

/** Draw a w×h field with a colour map; sets the canvas's pixel size to w×h. */
export function drawField(canvas, data, w, h, map, range = rangeOf(data, map)) {
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  const lut = MAPS[map];
  const [lo, hi] = range;
  const scale = 255 / (hi - lo || 1);
  const px = img.data;
  for (let i = 0; i < w * h; i++) {
    const k = 3 * Math.max(0, Math.min(255, Math.round((data[i] - lo) * scale)));
    px[4 * i] = lut[k];
    px[4 * i + 1] = lut[k + 1];
    px[4 * i + 2] = lut[k + 2];
    px[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return range;
}

/** Horizontal colour bar for a map. */
export function drawColourBar(canvas, map) {
  canvas.width = 256;
  canvas.height = 1;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(256, 1);
  const lut = MAPS[map];
  for (let i = 0; i < 256; i++) {
    img.data.set([lut[3 * i], lut[3 * i + 1], lut[3 * i + 2], 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
}

/**
 * Orientation map: hue from the dominant orientation (θ and θ+π are the same
 * orientation, so hue = θ/π turns once over 180°), brightness from the energy.
 */
export function drawOrientationMap(canvas, dominant, strength, w, h) {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  const sorted = Float32Array.from(strength).sort();
  const top = sorted[Math.floor(0.99 * (sorted.length - 1))] || 1;
  const rgb = [0, 0, 0];
  for (let i = 0; i < w * h; i++) {
    const t = (dominant[i] / Math.PI) % 1;
    hue(t < 0 ? t + 1 : t, Math.min(1, Math.sqrt(strength[i] / top)), rgb, 0);
    img.data[4 * i] = rgb[0];
    img.data[4 * i + 1] = rgb[1];
    img.data[4 * i + 2] = rgb[2];
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** Hue key for orientation maps: a half ring, one colour per orientation. */
export function drawOrientationKey(canvas, size = 96) {
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(size, size);
  const o = (size - 1) / 2;
  const rgb = [0, 0, 0];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - o, y - o) / o;
      if (r > 1 || r < 0.55) continue;
      // Screen angle of the stripe normal; y points down so θ turns clockwise.
      let a = Math.atan2(y - o, x - o);
      if (a < 0) a += Math.PI;
      hue((a / Math.PI) % 1, 1, rgb, 0);
      img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * (y * size + x));
    }
  }
  ctx.putImageData(img, 0, 0);
}

/**
 * Show an image canvas (data resolution) in a display canvas sized to its box
 * × devicePixelRatio. Chromium scales a large canvas down through CSS without
 * filtering, so a 512² zone plate in a 200 px box turned into moiré; drawImage
 * with high-quality smoothing filters it properly.
 */
export function present(display, source) {
  const dpr = globalThis.devicePixelRatio || 1;
  const side = Math.round((display.clientWidth || source.width) * dpr);
  const size = Math.min(side, source.width) === source.width ? source.width : side;
  if (display.width !== size) display.width = size;
  if (display.height !== size) display.height = size;
  const ctx = display.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, size, size);
}

/** PNG download of a canvas; tiny canvases are scaled up with hard pixel edges. */
export function downloadPng(canvas, name) {
  let src = canvas;
  const scale = Math.max(1, Math.floor(256 / Math.max(canvas.width, canvas.height)));
  if (scale > 1) {
    src = document.createElement('canvas');
    src.width = canvas.width * scale;
    src.height = canvas.height * scale;
    const ctx = src.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(canvas, 0, 0, src.width, src.height);
  }
  src.toBlob((blob) => blob && download(blob, name));
}

export function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
