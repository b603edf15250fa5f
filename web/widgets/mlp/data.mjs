// The data sets of <simcore-mlp> (no DOM: the session builds them in the
// worker). Two classes, c = 1 (label +1: the upper moon) and c = 0 (label
// −1), or K classes c = 0 … K−1 for the gaussians and the spiral (`classes`;
// softmax and cross-entropy then). Haykin's double moon comes from the core
// (sc.doubleMoon, uniform in area over each half-annulus; docs/mlp.md); xor,
// circle, gaussians and spiral are drawn here from a small seeded generator,
// at about the double moon's scale (|x| ≲ 10), the same count of each class.

import { rng as mulberry32 } from '../shared/rng.mjs';

/** The data sets' generator (shared/rng.mjs, its stream started one step on). */
export function rng(seed) {
  return mulberry32((seed >>> 0) + 0x6d2b79f5);
}

/** A standard normal number (Box–Muller). */
function gauss(rand) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

// Each generator: (n points, noise in [0, 1], rand, k classes) -> { x: Float32Array(2n), c: Uint8Array(n) };
// point i has class i % k (k = 2 but for gaussians and spiral).
const GENERATORS = {
  // Uniform in the square; class by the sign of x·y, then jittered.
  xor(n, noise, rand) {
    return fill(n, (i) => {
      const c = i % 2;
      for (;;) {
        const x = (rand() * 2 - 1) * 9;
        const y = (rand() * 2 - 1) * 9;
        if ((x * y > 0 ? 1 : 0) !== c || Math.abs(x) < 0.5 || Math.abs(y) < 0.5) continue;
        return [x + noise * 2 * gauss(rand), y + noise * 2 * gauss(rand), c];
      }
    });
  },
  // A disk (class +1) inside a ring (class −1).
  circle(n, noise, rand) {
    return fill(n, (i) => {
      const c = i % 2;
      const rad = c ? 4 * Math.sqrt(rand()) : 6 + 3 * rand();
      const a = 2 * Math.PI * rand();
      return [rad * Math.cos(a) + noise * 2 * gauss(rand), rad * Math.sin(a) + noise * 2 * gauss(rand), c];
    });
  },
  // Gaussian clouds, two on the diagonal or k on a circle; the noise widens them until they overlap.
  gaussians(n, noise, rand, k) {
    return fill(n, (i) => {
      const c = i % k;
      const s = 1 + 4 * noise;
      const a = Math.PI / 2 + (2 * Math.PI * c) / k;
      const [mx, my] = k === 2 ? [c ? 3 : -3, c ? 3 : -3] : [5 * Math.cos(a), 5 * Math.sin(a)];
      return [mx + s * gauss(rand), my + s * gauss(rand), c];
    });
  },
  // k interleaved spirals, 1.75 turns each (two: half a turn apart).
  spiral(n, noise, rand, k) {
    return fill(n, (i) => {
      const c = i % k;
      const u = rand();
      const rad = 9 * u;
      const a = 1.75 * 2 * Math.PI * u + (2 * Math.PI * (k - 1 - c + (k === 2 ? 0 : 1))) / k;
      return [rad * Math.sin(a) + noise * gauss(rand), rad * Math.cos(a) + noise * gauss(rand), c];
    });
  },
};

function fill(n, point) {
  const x = new Float32Array(2 * n);
  const c = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, k] = point(i);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    c[i] = k;
  }
  return { x, c };
}

/** Data sets that take a number of classes; the others have two. */
export const MULTICLASS = ['gaussians', 'spiral'];

/** The number of classes of a data description. */
export function classCount(desc) {
  if (desc.own) return desc.own.classes ?? 2;
  return MULTICLASS.includes(desc.data) ? desc.classes ?? 2 : 2;
}

/** One set of n points (n ≥ 1); `seed` picks the points. */
export function makePoints(sc, { data, r, w, d, noise, classes = 2 }, n, seed) {
  if (data === 'moon') {
    const m = sc.doubleMoon({ n, r, w: Math.min(w, 1.9 * r), d, seed });
    return { x: m.x, c: Uint8Array.from(m.y, (v) => (v > 0 ? 1 : 0)) };
  }
  const gen = GENERATORS[data];
  if (!gen) throw new RangeError(`mlp data: unknown data set ${data}`);
  return gen(n, noise, rng(seed), MULTICLASS.includes(data) ? classes : 2);
}

/**
 * Training and test sets of a data description ({ data, n, nTest, r, w, d,
 * noise, seed }, or `own`: { train, test } imported from CSV), plus points
 * added by hand (`added`: [[x, y, c], ...], in the training set), and the
 * square view that holds the generated points with a margin (fixed by the
 * description, so added points never move it).
 */
export function makeData(sc, desc) {
  if (desc.own) {
    // The student's own points (csv.mjs): given as they are.
    const view = squareView([desc.own.train.x, desc.own.test.x]);
    return { train: addPoints(desc.own.train, desc.added ?? []), test: desc.own.test, view, classes: classCount(desc) };
  }
  const train = makePoints(sc, desc, desc.n, desc.seed * 2 + 1);
  const test = desc.nTest > 0 ? makePoints(sc, desc, desc.nTest, desc.seed * 2 + 2) : { x: new Float32Array(0), c: new Uint8Array(0) };
  const view = squareView([train.x, test.x]);
  return { train: addPoints(train, desc.added ?? []), test, view, classes: classCount(desc) };
}

export function addPoints(set, added) {
  if (!added.length) return set;
  const x = new Float32Array(set.x.length + 2 * added.length);
  const c = new Uint8Array(set.c.length + added.length);
  x.set(set.x);
  c.set(set.c);
  added.forEach(([a, b, k], j) => {
    x[set.x.length + 2 * j] = a;
    x[set.x.length + 2 * j + 1] = b;
    c[set.c.length + j] = k;
  });
  return { x, c };
}

/** The smallest square around every point, 8 % larger on each side. */
export function squareView(sets) {
  let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
  for (const xs of sets) {
    for (let i = 0; i < xs.length; i += 2) {
      x0 = Math.min(x0, xs[i]); x1 = Math.max(x1, xs[i]);
      y0 = Math.min(y0, xs[i + 1]); y1 = Math.max(y1, xs[i + 1]);
    }
  }
  const half = Math.max(x1 - x0, y1 - y0, 1e-3) * 0.58;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}
