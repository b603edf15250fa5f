// Colour maps as 256-entry RGB lookup tables.
// Sequential (for magnitudes and spectra): a dark-to-bright ramp close to
// matplotlib's "magma"; hue() colours orientations.
// Diverging (signed data: kernels, filter responses): ColorBrewer RdBu
// reversed, blue < 0 < red, white at zero. Gray: black to white, for images.

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

// Evenly spaced hex stops as [t, r, g, b] for lut().
const even = (hex) => hex.map((c, i) => [i / (hex.length - 1), ...[1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16))]);

export const DIVERGING = lut(even(['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7',
  '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f']));
export const GRAY = lut([[0, 0, 0, 0], [1, 255, 255, 255]]);

export const SEQUENTIAL = lut([
  [0, 0, 0, 4], [0.25, 81, 18, 124], [0.5, 183, 55, 121], [0.75, 252, 137, 97], [1, 252, 253, 191],
]);

/** HSV with full saturation; h in [0, 1). For orientation maps (hue = θ/π: θ and θ + π are one orientation). */
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
