// The data sets of <simcore-boltzmann>, as ±1 vectors of the visible units
// (the core's convention, docs/boltzmann.md), with the grid each is drawn on:
// the 4-2-4 encoder (Ackley, Hinton and Sejnowski 1985: two groups of four
// visible units showing the same one-hot code), bars and stripes (every
// pattern of whole rows or whole columns on, the duplicates all-on and
// all-off once) and the student's drawings. Pure, so Node tests use it too.

export const DATA_SETS = ['encoder', 'bars3', 'bars4', 'drawn'];
export const DRAW_SIDE = 4; // the drawing grid: 4 × 4 visible units

/** The 4-2-4 encoder: V1 = units 0–3, V2 = units 4–7, both +1 at k and −1 elsewhere. */
export function encoderData() {
  const rows = [];
  for (let k = 0; k < 4; k++) {
    const v = new Int8Array(8).fill(-1);
    v[k] = 1;
    v[4 + k] = 1;
    rows.push(v);
  }
  return rows;
}

/** Bars and stripes on side × side: 2^(side+1) − 2 distinct patterns, rows first. */
export function barsData(side) {
  const seen = new Set();
  const rows = [];
  for (const stripes of [false, true]) {
    for (let m = 0; m < 1 << side; m++) {
      const v = new Int8Array(side * side);
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) v[y * side + x] = (m >> (stripes ? x : y)) & 1 ? 1 : -1;
      }
      const key = v.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(v);
    }
  }
  return rows;
}

/**
 * The data set `name` ({ rows: [Int8Array], visible, layout: { rows, cols },
 * groups }): `drawn` holds the student's grids. `groups` are the encoder's
 * V1 and V2 (units drawn as two rows), empty otherwise.
 */
export function dataSet(name, drawn = []) {
  if (name === 'encoder') return { rows: encoderData(), visible: 8, layout: { rows: 2, cols: 4 }, groups: [[0, 1, 2, 3], [4, 5, 6, 7]] };
  if (name === 'bars3') return { rows: barsData(3), visible: 9, layout: { rows: 3, cols: 3 }, groups: [] };
  if (name === 'bars4') return { rows: barsData(4), visible: 16, layout: { rows: 4, cols: 4 }, groups: [] };
  if (name === 'drawn') return { rows: drawn.map((g) => Int8Array.from(g.bits)), visible: DRAW_SIDE * DRAW_SIDE, layout: { rows: DRAW_SIDE, cols: DRAW_SIDE }, groups: [] };
  throw new RangeError(`boltzmann: unknown data set ${name}`);
}

/** Rows as one flat Int8Array (count × visible), what the core takes. */
export function flatten(rows, visible) {
  const out = new Int8Array(rows.length * visible);
  rows.forEach((r, k) => out.set(r, k * visible));
  return out;
}

/** The entropy (nats) of the data's empirical distribution: ln count for distinct vectors. */
export function dataEntropy(rows) {
  const counts = new Map();
  for (const r of rows) counts.set(r.join(','), (counts.get(r.join(',')) ?? 0) + 1);
  let hsum = 0;
  for (const c of counts.values()) hsum -= (c / rows.length) * Math.log(c / rows.length);
  return hsum;
}

/**
 * The connection mask (n × n of 0/1): the encoder's full machine connects
 * visible–hidden and hidden–hidden only (V1 talks to V2 through the hidden
 * units, as in the paper's problem); an RBM visible–hidden only; any other
 * full machine every pair. Null means all (the core's default).
 */
export function connectionMask(set, visible, hidden, restricted) {
  const n = visible + hidden;
  if (!restricted && set !== 'encoder') return null;
  const m = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const vi = i < visible;
      const vj = j < visible;
      m[i * n + j] = restricted ? (vi !== vj ? 1 : 0) : (vi && vj ? 0 : 1);
    }
  }
  return m;
}

/** Two starting drawings on the 4 × 4 grid (a plus and a frame), as grid-bits grids. */
export function defaultDrawings() {
  const plus = new Int8Array(16).fill(-1);
  for (const i of [1, 5, 9, 13, 4, 6, 7]) plus[i] = 1;
  const frame = new Int8Array(16).fill(-1);
  for (const i of [0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15]) frame[i] = 1;
  return [{ size: DRAW_SIDE, bits: plus }, { size: DRAW_SIDE, bits: frame }];
}
