// State of <simcore-hopfield>: the allow-list for its attributes and URL hash.
// The grid is size × size neurons; the stored patterns are the first `count`
// of a built-in set plus the student's drawings (`drawn`), and `neurons` is a
// state the student made (drawn, corrupted, recalled): both as ±1 grids in
// base64url (grid-bits.mjs), so a link keeps them.
import { PATTERN_SETS } from './patterns.mjs';

export const HOPFIELD_SCHEMA = Object.freeze({
  size: { type: 'int', min: 8, max: 32, default: 16 }, // grid side; n = size²
  set: { type: 'choice', choices: PATTERN_SETS, default: 'digits' },
  count: { type: 'int', min: 0, max: 40, default: 4 }, // patterns taken from the set
  rule: { type: 'choice', choices: ['hebb', 'storkey', 'pseudoinverse'], default: 'pseudoinverse' },
  mode: { type: 'choice', choices: ['async', 'sync'], default: 'async' },
  temperature: { type: 'number', min: 0, max: 3, default: 0 }, // T, in units of the local field
  noise: { type: 'int', min: 0, max: 50, default: 15 }, // % of neurons flipped by "corrupt"
  speed: { type: 'number', min: 0.25, max: 30, default: 3 }, // animated recall, sweeps per second
  seed: { type: 'int', min: 0, max: 999999, default: 1 }, // random patterns, noise, update order
  annealFrom: { type: 'number', min: 0.05, max: 5, default: 2 },
  annealTo: { type: 'number', min: 0.01, max: 1, default: 0.05 },
  annealSweeps: { type: 'int', min: 2, max: 500, default: 60 },
  // Weight panel: the whole n × n matrix, or the weights into one neuron as a grid.
  weights: { type: 'choice', choices: ['matrix', 'neuron'], default: 'matrix' },
  build: { type: 'choice', choices: ['simd', 'scalar'], default: 'simd' },
  // Capacity chart: network size and trials per point (cost ∝ trials, and
  // about n³ for the pseudo-inverse: seconds per trial at n = 1024).
  capacityN: { type: 'choice', choices: ['64', '100', '256', '400', '1024'], default: '256' },
  capacityTrials: { type: 'int', min: 1, max: 20, default: 3 },
  // The hash text is capped at 2000 characters (state.mjs). A 32×32 grid takes
  // 174 characters, 16×16 takes 46: `drawn` holds 20 drawings at 16×16 but
  // only 8 at 32×32 in its 1400; with `neurons` (≤ 174) and every other field
  // at its longest (< 300) a link stays under 2000 (tests/wasm/hopfield-widget).
  drawn: { type: 'grids', minSize: 8, maxSize: 32, maxCount: 20, maxLength: 1400, default: '' },
  neurons: { type: 'grids', minSize: 8, maxSize: 32, maxCount: 1, maxLength: 174, default: '' }, // '' = the set's first pattern, corrupted
});
