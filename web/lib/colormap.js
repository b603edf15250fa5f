// Colour maps for drawing Float32Array fields on a canvas. Classic script;
// attaches to globalThis.simcoreWeb.colormap.
//   diverging: ColorBrewer RdBu (reversed): blue < 0 < red, white at zero, for
//              signed data such as kernels and filter responses;
//   gray:      black to white, for images and non-negative responses.
(function (root) {
  'use strict';
  const ns = (root.simcoreWeb = root.simcoreWeb || {});

  // 256-entry RGB lookup table interpolated linearly between evenly spaced stops.
  function lut(stops) {
    const rgb = stops.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const table = new Uint8ClampedArray(256 * 3);
    for (let i = 0; i < 256; i++) {
      const f = (i / 255) * (rgb.length - 1);
      const k = Math.min(Math.floor(f), rgb.length - 2);
      const t = f - k;
      for (let c = 0; c < 3; c++) table[i * 3 + c] = Math.round(rgb[k][c] + (rgb[k + 1][c] - rgb[k][c]) * t);
    }
    return table;
  }

  const maps = {
    diverging: lut(['#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7',
      '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f']),
    gray: lut(['#000000', '#ffffff']),
  };

  function range(values) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { min, max, absMax: Math.max(Math.abs(min), Math.abs(max)) };
  }

  // The scale a field should be drawn with: diverging and symmetric about zero
  // when it has clearly negative values (a relative threshold, so rounding
  // noise of ~1e-7 around zero does not switch maps), else gray over [min, max].
  function autoScale(values) {
    const r = range(values);
    if (r.min < -1e-3 * r.absMax) return { map: 'diverging', min: -r.absMax, max: r.absMax, range: r };
    return { map: 'gray', min: r.min, max: r.max, range: r };
  }

  // Paint values (w×h, row-major) into a canvas of exactly w×h pixels.
  function draw(canvas, values, w, h, { map = 'gray', min = 0, max = 1 } = {}) {
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(w, h);
    const px = img.data;
    const table = maps[map];
    if (!table) throw new RangeError(`colormap.draw: unknown map '${map}'`);
    const span = max > min ? 255 / (max - min) : 0;
    const mid = max > min ? 0 : 127.5; // a constant field draws as the map's middle
    for (let i = 0; i < w * h; i++) {
      let k = Math.round(span ? (values[i] - min) * span : mid);
      k = k < 0 ? 0 : k > 255 ? 255 : k;
      px[4 * i] = table[3 * k];
      px[4 * i + 1] = table[3 * k + 1];
      px[4 * i + 2] = table[3 * k + 2];
      px[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }

  // CSS linear-gradient() for a legend bar showing a map.
  function cssGradient(map) {
    const t = maps[map];
    const stops = [];
    for (let i = 0; i <= 8; i++) {
      const k = Math.round((i / 8) * 255);
      stops.push(`rgb(${t[3 * k]}, ${t[3 * k + 1]}, ${t[3 * k + 2]})`);
    }
    return `linear-gradient(to right, ${stops.join(', ')})`;
  }

  ns.colormap = Object.freeze({ maps, range, autoScale, draw, cssGradient });
})(globalThis);
