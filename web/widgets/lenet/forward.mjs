// The activations of every layer of a LeNet for one digit, recomputed here
// from the network's weights (getWeights() order, docs/lenet.md) to draw the
// feature maps: the core's predict() gives only the scores. Written plainly in
// float64, as the core's layers are (core/src/lenet/layers_tmpl.h); a test
// checks that its scores are the core's (tests/wasm/lenet-widget.test.mjs).
// Also the Gabor kernels beside C1's (OpenCV's convention, as the core's
// gaborKernel: the lenet core module does not hold the gabor area).
const A = 1.7159, S = 2 / 3;
const squash = (v) => A * Math.tanh(S * v);
const relu = (v) => (v > 0 ? v : 0);

/** Offsets of each layer's weights: { c1, s2, c3, s4, c5, f6, out, count }. */
export function layout(variant, table) {
  const is98 = variant === 'lecun1998';
  let links = 96;
  if (is98) links = table.reduce((n, v) => n + v, 0);
  const sizes = [6 * 25 + 6, is98 ? 12 : 0, links * 25 + 16, is98 ? 32 : 0, 400 * 120 + 120, 120 * 84 + 84, is98 ? 0 : 84 * 10 + 10];
  const names = ['c1', 's2', 'c3', 's4', 'c5', 'f6', 'out'];
  const off = {};
  let o = 0;
  names.forEach((n, k) => { off[n] = o; o += sizes[k]; });
  off.count = o;
  return off;
}

function conv(cin, cout, ih, iw, w, input, linked) {
  const oh = ih - 4, ow = iw - 4;
  const out = new Float64Array(cout * oh * ow);
  let k = 0;
  const nk = [...Array(cout).keys()].reduce((n, o) => n + [...Array(cin).keys()].filter((i) => linked(o, i)).length, 0) * 25;
  for (let o = 0; o < cout; o++) {
    const b = w[nk + o];
    for (let p = 0; p < oh * ow; p++) out[o * oh * ow + p] = b;
    for (let i = 0; i < cin; i++) {
      if (!linked(o, i)) continue;
      for (let y = 0; y < oh; y++) {
        for (let x = 0; x < ow; x++) {
          let s = 0;
          for (let ky = 0; ky < 5; ky++) for (let kx = 0; kx < 5; kx++) s += w[k + ky * 5 + kx] * input[i * ih * iw + (y + ky) * iw + x + kx];
          out[o * oh * ow + y * ow + x] += s;
        }
      }
      k += 25;
    }
  }
  return out;
}

function pool(n, ih, iw, input, w) {
  const oh = ih / 2, ow = iw / 2;
  const out = new Float64Array(n * oh * ow);
  for (let c = 0; c < n; c++) {
    for (let y = 0; y < oh; y++) {
      for (let x = 0; x < ow; x++) {
        const q = c * ih * iw + 2 * y * iw + 2 * x;
        const v = [input[q], input[q + 1], input[q + iw], input[q + iw + 1]];
        out[(c * oh + y) * ow + x] = w ? w[c] * (v[0] + v[1] + v[2] + v[3]) + w[n + c] : Math.max(...v);
      }
    }
  }
  return out;
}

function dense(nin, nout, w, x) {
  const y = new Float64Array(nout);
  for (let k = 0; k < nout; k++) {
    let s = w[nout * nin + k];
    for (let i = 0; i < nin; i++) s += w[k * nin + i] * x[i];
    y[k] = s;
  }
  return y;
}

/**
 * image: 784 bytes; weights: getWeights(); table: lenetC3Table() (1998);
 * codes: lenetCodes() (1998). Returns the outputs y of C1 (6 x 28 x 28), S2
 * (6 x 14 x 14), C3 (16 x 10 x 10), S4 (16 x 5 x 5), C5 (120), F6 (84), the
 * input (32 x 32) and the scores as predict() gives them.
 */
export function activations(variant, weights, image, table, codes) {
  const is98 = variant === 'lecun1998';
  const off = layout(variant, table);
  if (weights.length !== off.count) throw new RangeError(`activations: ${weights.length} weights, ${variant} has ${off.count}`);
  const f = is98 ? squash : relu;
  const lo = is98 ? -0.1 : 0, span = is98 ? 1.275 : 1;
  const x0 = new Float64Array(32 * 32).fill(lo);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) x0[(y + 2) * 32 + x + 2] = lo + span * (image[y * 28 + x] / 255);
  const part = (a, b) => weights.subarray(a, b);
  const c1 = conv(1, 6, 32, 32, part(off.c1, off.s2), x0, () => true).map(f);
  const s2 = is98 ? pool(6, 28, 28, c1, part(off.s2, off.c3)).map(f) : pool(6, 28, 28, c1, null);
  const linked = is98 ? (o, i) => table[o * 6 + i] === 1 : () => true;
  const c3 = conv(6, 16, 14, 14, part(off.c3, off.s4), s2, linked).map(f);
  const s4 = is98 ? pool(16, 10, 10, c3, part(off.s4, off.c5)).map(f) : pool(16, 10, 10, c3, null);
  const c5 = dense(400, 120, part(off.c5, off.f6), s4).map(f);
  const f6 = dense(120, 84, part(off.f6, off.out), c5).map(f);
  let scores;
  if (is98) {
    scores = Float64Array.from({ length: 10 }, (_, i) => -f6.reduce((s, v, j) => s + (v - codes[i * 84 + j]) ** 2, 0));
  } else {
    const z = dense(84, 10, part(off.out, off.count), f6);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e.reduce((s, v) => s + v, 0);
    scores = e.map((v) => v / sum);
  }
  return { input: x0, c1, s2, c3, s4, c5, f6, scores };
}

/** The six C1 kernels (5 x 5 each, row-major) of a weight vector. */
export function c1Kernels(weights) {
  return Array.from({ length: 6 }, (_, k) => weights.slice(25 * k, 25 * k + 25));
}

/**
 * A Gabor kernel, size x size, OpenCV's getGaborKernel as the core's
 * gaborKernel: x' = x cos θ + y sin θ, y' = −x sin θ + y cos θ,
 * g = exp(−(x'² + γ² y'²) / 2σ²) cos(2π x'/λ + ψ), x and y from the centre,
 * stored point-reflected as the core stores it (data[(h − y) size + h − x] =
 * g(x, y)): the template a correlation uses, as C1's weights are used.
 */
export function gabor({ sigma, theta, lambda, gamma = 0.5, psi = 0, size = 5 }) {
  const h = (size - 1) / 2;
  const out = new Float64Array(size * size);
  const c = Math.cos(theta), s = Math.sin(theta);
  for (let y = -h; y <= h; y++) {
    for (let x = -h; x <= h; x++) {
      const xr = x * c + y * s, yr = -x * s + y * c;
      out[(h - y) * size + h - x] = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigma * sigma)) * Math.cos(2 * Math.PI * xr / lambda + psi);
    }
  }
  return out;
}

/** Correlation of two kernels after removing their means (1 = the same shape). */
function correlation(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n, mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

// The bank a C1 kernel is compared with: 12 orientations, 4 phases, two wavelengths, σ = 0.56 λ (one octave).
export const GABOR_BANK = (() => {
  const bank = [];
  for (const lambda of [4, 6]) {
    for (let o = 0; o < 12; o++) {
      for (const psi of [0, Math.PI / 2, Math.PI, 3 * Math.PI / 2]) {
        const p = { sigma: 0.56 * lambda, theta: (o * Math.PI) / 12, lambda, gamma: 0.5, psi, size: 5 };
        bank.push({ params: p, kernel: gabor(p) });
      }
    }
  }
  return bank;
})();

/** The Gabor kernel of the bank most like `kernel`: { params, kernel, r }. */
export function closestGabor(kernel) {
  let best = null;
  for (const g of GABOR_BANK) {
    const r = correlation(kernel, g.kernel);
    if (!best || r > best.r) best = { ...g, r };
  }
  return best;
}
