// Built-in pattern sets of <simcore-hopfield>, as ±1 rows of an N×N grid
// (row-major, +1 = ink, −1 = background). No DOM, so Node tests can import
// it. Digits and letters are a 5×7 bitmap font scaled to the grid by nearest
// neighbour; random patterns come from a seeded generator, so a link
// reproduces them.

// 5×7 glyphs, '#' = ink, rows top to bottom (space-separated).
const DIGITS = {
  0: '.###. #...# #..## #.#.# ##..# #...# .###.',
  1: '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  2: '.###. #...# ....# ...#. ..#.. .#... #####',
  3: '##### ...#. ..#.. ...#. ....# #...# .###.',
  4: '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  5: '##### #.... ####. ....# ....# #...# .###.',
  6: '..##. .#... #.... ####. #...# #...# .###.',
  7: '##### ....# ...#. ..#.. .#... .#... .#...',
  8: '.###. #...# #...# .###. #...# #...# .###.',
  9: '.###. #...# #...# .#### ....# ...#. .##..',
};

const LETTERS = {
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
};

export const PATTERN_SETS = Object.freeze(['digits', 'letters', 'random']);
/** Patterns per set (random: as many as the count asks, up to this). */
export const SET_SIZES = Object.freeze({ digits: 10, letters: 26, random: 40 });

/** A 5×7 glyph scaled into an N×N grid, centred, glyph height ≈ 7/8 of N. */
export function glyph(rows, size) {
  const g = rows.split(' ');
  const gh = g.length;
  const gw = g[0].length;
  const hh = Math.max(gh, Math.round((size * 7) / 8));
  const ww = Math.max(gw, Math.round((hh * gw) / gh));
  const y0 = Math.floor((size - hh) / 2);
  const x0 = Math.floor((size - ww) / 2);
  const out = new Int8Array(size * size).fill(-1);
  for (let y = 0; y < hh; y++) {
    for (let x = 0; x < ww; x++) {
      const ink = g[Math.floor((y * gh) / hh)][Math.floor((x * gw) / ww)] === '#';
      const gy = y0 + y;
      const gx = x0 + x;
      if (ink && gy >= 0 && gy < size && gx >= 0 && gx < size) out[gy * size + gx] = 1;
    }
  }
  return out;
}

/** Small seeded generator (xorshift32); seed 0 is mapped to a nonzero state. */
export function rng(seed) {
  let x = (seed >>> 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** The first `count` patterns of a set at grid side `size`: [{ label, bits }]. */
export function patternSet(set, size, count, seed = 1) {
  const k = Math.min(count, SET_SIZES[set] ?? 0);
  if (set === 'digits') return Object.keys(DIGITS).slice(0, k).map((d) => ({ label: d, bits: glyph(DIGITS[d], size) }));
  if (set === 'letters') return Object.keys(LETTERS).slice(0, k).map((c) => ({ label: c, bits: glyph(LETTERS[c], size) }));
  if (set === 'random') {
    const r = rng(seed);
    return Array.from({ length: k }, (_, i) => ({
      label: `r${i + 1}`,
      bits: Int8Array.from({ length: size * size }, () => (r() < 0.5 ? -1 : 1)),
    }));
  }
  return [];
}

/** Nearest-neighbour resampling of an N×N pattern to M×M (a drawing survives a size change). */
export function resample(bits, from, to) {
  const out = new Int8Array(to * to);
  for (let y = 0; y < to; y++) {
    for (let x = 0; x < to; x++) out[y * to + x] = bits[Math.floor((y * from) / to) * from + Math.floor((x * from) / to)];
  }
  return out;
}

/** Flip round(fraction · n) distinct neurons chosen at random. */
export function flipNoise(state, fraction, random) {
  const n = state.length;
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const k = Math.round(fraction * n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
    state[idx[i]] = -state[idx[i]];
  }
  return state;
}

/** Set a block (side ≈ size/2, random position) to background (−1). */
export function eraseBlock(state, size, random) {
  const side = Math.max(1, Math.round(size / 2));
  const x0 = Math.floor(random() * (size - side + 1));
  const y0 = Math.floor(random() * (size - side + 1));
  for (let y = y0; y < y0 + side; y++) for (let x = x0; x < x0 + side; x++) state[y * size + x] = -1;
  return state;
}
