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

// Each map as 256 packed RGBA pixels, in the byte order of the platform's
// Uint32Array (ImageData is bytes R, G, B, A), so a pixel is one store.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const packedMaps = new Map();
function packed(map) {
  if (!packedMaps.has(map)) {
    const lut = MAPS[map];
    const out = new Uint32Array(256);
    for (let k = 0; k < 256; k++) {
      const [r, g, b] = [lut[3 * k], lut[3 * k + 1], lut[3 * k + 2]];
      out[k] = LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
    }
    packedMaps.set(map, out);
  }
  return packedMaps.get(map);
}
// One ImageData per canvas, reused while the size stays (no 1 MB garbage per
// 512² frame during a drag).
const imageData = new WeakMap();

/** Draw a w×h field with a colour map; sets the canvas's pixel size to w×h. */
export function drawField(canvas, data, w, h, map, range = rangeOf(data, map)) {
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  let img = imageData.get(canvas);
  if (!img || img.width !== w || img.height !== h) {
    img = ctx.createImageData(w, h);
    imageData.set(canvas, img);
  }
  const lut = packed(map);
  const [lo, hi] = range;
  const scale = 255 / (hi - lo || 1);
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, w * h);
  for (let i = 0; i < w * h; i++) {
    // Rounded to the nearest of the 256 levels, clamped (NaN -> level 0).
    const k = (data[i] - lo) * scale + 0.5;
    px[i] = lut[k >= 255 ? 255 : k > 0 ? k | 0 : 0];
  }
  ctx.putImageData(img, 0, 0);
  return range;
}

/** Horizontal colour bar for a map (drawn again only when the map changes). */
export function drawColourBar(canvas, map) {
  if (canvas.dataset.map === map) return;
  canvas.dataset.map = map;
  canvas.width = 256;
  canvas.height = 1;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(256, 1);
  new Uint32Array(img.data.buffer).set(packed(map));
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
