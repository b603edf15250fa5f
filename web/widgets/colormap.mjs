// Colour maps as 256-entry RGB lookup tables.
// Diverging: Moreland's cool-warm (blue < 0 < red, light grey at 0), which
// stays readable for colour-blind viewers and in greyscale print.
// Sequential: a dark-to-bright ramp close to matplotlib's "magma".
function lut(stops) {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
    const [t0, ...a] = stops[k];
    const [t1, ...b] = stops[k + 1];
    const f = (t - t0) / (t1 - t0);
    for (let c = 0; c < 3; c++) table[3 * i + c] = a[c] + (b[c] - a[c]) * f;
  }
  return table;
}

export const DIVERGING = lut([
  [0, 59, 76, 192], [0.125, 98, 130, 234], [0.25, 141, 176, 254], [0.375, 184, 208, 249],
  [0.5, 221, 221, 221], [0.625, 245, 196, 173], [0.75, 244, 154, 123], [0.875, 222, 96, 77], [1, 180, 4, 38],
]);

export const SEQUENTIAL = lut([
  [0, 0, 0, 4], [0.25, 81, 18, 124], [0.5, 183, 55, 121], [0.75, 252, 137, 97], [1, 252, 253, 191],
]);

export const GRAY = lut([[0, 0, 0, 0], [1, 255, 255, 255]]);

/** HSV with full saturation; h in [0, 1). For orientation maps (hue = 2θ/2π). */
export function hue(h, v, out, o) {
  const i = Math.floor(h * 6) % 6;
  const f = h * 6 - Math.floor(h * 6);
  const q = v * (1 - f);
  const t = v * f;
  const rgb = [[v, t, 0], [q, v, 0], [0, v, t], [0, q, v], [t, 0, v], [v, 0, q]][i];
  out[o] = 255 * rgb[0];
  out[o + 1] = 255 * rgb[1];
  out[o + 2] = 255 * rgb[2];
}
