// A drawn digit made to look like an MNIST digit, as LeCun, Cortes and Burges
// normalised theirs: the ink's bounding box scaled (aspect kept, grey levels
// by area averaging) to fit a 20 x 20 box, then placed in the 28 x 28 field so
// that its centre of mass is at the field's centre. The network then pads it
// to 32 x 32 and scales the grey levels (the core's load_input). Pure: Node
// tests call it.
export const SIDE = 28;
export const BOX = 20;

/** Weights of an area-averaging resize of n source pixels to m: per target, [[source, weight], ...] summing to 1. */
function areaWeights(n, m) {
  const f = n / m;
  const out = [];
  for (let u = 0; u < m; u++) {
    const a = u * f;
    const b = (u + 1) * f;
    const row = [];
    for (let x = Math.floor(a); x < Math.ceil(b) && x < n; x++) {
      const w = Math.min(b, x + 1) - Math.max(a, x);
      if (w > 1e-9) row.push([x, w / f]);
    }
    out.push(row);
  }
  return out;
}

/**
 * ink: w x h grey levels (0 = background, 255 = full ink), row-major.
 * Returns the 28 x 28 digit (Uint8Array(784)) and where it went
 * ({ box: [x, y, width, height] of the ink, com: [x, y] in the field }),
 * or null when there is no ink.
 */
export function mnistLike(ink, w, h) {
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] > 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const s = BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(BOX, Math.round(bw * s)));
  const th = Math.max(1, Math.min(BOX, Math.round(bh * s)));
  const wx = areaWeights(bw, tw), wy = areaWeights(bh, th);
  // Separable: rows first (bh x tw), then columns (th x tw).
  const rows = new Float64Array(bh * tw);
  for (let y = 0; y < bh; y++) {
    for (let u = 0; u < tw; u++) {
      let v = 0;
      for (const [x, k] of wx[u]) v += k * ink[(y0 + y) * w + x0 + x];
      rows[y * tw + u] = v;
    }
  }
  const box = new Float64Array(th * tw);
  let mass = 0, mx = 0, my = 0;
  for (let v = 0; v < th; v++) {
    for (let u = 0; u < tw; u++) {
      let a = 0;
      for (const [y, k] of wy[v]) a += k * rows[y * tw + u];
      box[v * tw + u] = a;
      mass += a;
      mx += a * u;
      my += a * v;
    }
  }
  // The centre of mass onto pixel (14, 14), where MNIST's digits have theirs
  // (within half a pixel: tests/wasm/lenet-widget.test.mjs); the box stays inside.
  const c = SIDE / 2;
  const ox = Math.min(SIDE - tw, Math.max(0, Math.round(c - mx / mass)));
  const oy = Math.min(SIDE - th, Math.max(0, Math.round(c - my / mass)));
  const out = new Uint8Array(SIDE * SIDE);
  for (let v = 0; v < th; v++) {
    for (let u = 0; u < tw; u++) out[(oy + v) * SIDE + ox + u] = Math.min(255, Math.round(box[v * tw + u]));
  }
  return { image: out, box: [x0, y0, bw, bh], com: [ox + mx / mass, oy + my / mass] };
}
