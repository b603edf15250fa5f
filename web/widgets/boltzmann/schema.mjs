// State of <simcore-boltzmann>: the allow-list for its attributes and URL
// hash. The data set, the machine (a full Boltzmann machine with hidden
// units, or a restricted one), how it learns (docs/boltzmann.md) and the
// student's drawings (4 × 4 ±1 grids in base64url, grid-bits.mjs).
import { encodeGrids } from '../shared/grid-bits.mjs';
import { DATA_SETS, DRAW_SIDE, defaultDrawings } from './datasets.mjs';

export const METHODS = ['exact', 'gibbs', 'cd', 'pcd'];
export const SPEEDS = ['1', '10', '50', '200', '1000', 'max'];
export const MAX_DRAWN = 12;

export const BOLTZMANN_SCHEMA = Object.freeze({
  set: { type: 'choice', choices: DATA_SETS, default: 'encoder' },
  machine: { type: 'choice', choices: ['bm', 'rbm'], default: 'bm' },
  hidden: { type: 'int', min: 0, max: 16, default: 2 },
  method: { type: 'choice', choices: METHODS, default: 'exact' },
  epsilon: { type: 'number', min: 0.001, max: 2, default: 0.05 }, // ε of Δw = ε(⟨ss⟩data − ⟨ss⟩model)
  temperature: { type: 'number', min: 0.2, max: 5, default: 1 }, // T of learning, sampling and ln P
  sweeps: { type: 'int', min: 1, max: 1000, default: 20 }, // Gibbs: sampling sweeps per phase
  anneal: { type: 'int', min: 0, max: 200, default: 10 }, // Gibbs: annealing sweeps before them
  tStart: { type: 'number', min: 0.2, max: 50, default: 10 }, // the annealing's first temperature (≥ T)
  k: { type: 'int', min: 1, max: 20, default: 1 }, // CD-k
  seed: { type: 'int', min: 0, max: 99999, default: 2 }, // initial weights and sampler
  speed: { type: 'choice', choices: SPEEDS, default: '200' }, // epochs per second
  epochs: { type: 'int', min: 1, max: 100000, default: 2000 }, // learning stops here
  drawn: { type: 'grids', minSize: DRAW_SIDE, maxSize: DRAW_SIDE, maxCount: MAX_DRAWN, maxLength: 80, default: encodeGrids(defaultDrawings()) },
});
