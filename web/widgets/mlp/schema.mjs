// State of <simcore-mlp>: the allow-list for its attributes and URL hash (no
// DOM, so Node tests import it). A network is written as its hidden layers,
// `units:activation` joined by commas ("20:tanh", "8:relu,8:relu"; "" = no
// hidden layer); `net` is configuration A, `netB` the one beside it when
// `compare` is on. Points the student added by clicking are `plus` (class
// +1, the upper moon) and `minus` (class −1), in data coordinates.
export const ACTIVATIONS = ['logistic', 'tanh', 'relu', 'leaky-relu', 'linear'];
export const DATA_SETS = ['moon', 'xor', 'circle', 'gaussians', 'spiral'];
export const LOSSES = ['mse', 'bce', 'ce']; // linear + squared error, logistic + BCE, softmax + CE
export const SCHEDULES = ['constant', 'linear', 'haykin']; // the core's η schedules (docs/mlp.md)
export const SPEEDS = ['1', '5', '20', '100', 'max']; // epochs per second ('max': as fast as the core trains)
export const MAX_LAYERS = 6; // hidden layers the editor offers (the core takes 8)
export const MAX_UNITS = 128; // units per hidden layer the editor offers (the core takes 512)

/** Hidden layers from `units:act,...` text: { units, acts }, or null when any part is invalid. */
export function parseNet(text) {
  if (typeof text !== 'string') return null;
  if (text === '') return { units: [], acts: [] };
  const parts = text.split(',');
  if (parts.length > MAX_LAYERS) return null;
  const units = [];
  const acts = [];
  for (const p of parts) {
    const m = /^([1-9]\d{0,2}):([a-z-]+)$/.exec(p);
    if (!m || Number(m[1]) > MAX_UNITS || !ACTIVATIONS.includes(m[2])) return null;
    units.push(Number(m[1]));
    acts.push(m[2]);
  }
  return { units, acts };
}

export function formatNet({ units, acts }) {
  return units.map((u, l) => `${u}:${acts[l]}`).join(',');
}

const netField = (dflt) => ({ type: 'text', maxLength: 120, chars: '0-9a-z:,\\-', valid: (t) => parseNet(t) !== null, default: dflt });
// 30 points a class: with every other field at its longest a link stays under the 2000 characters
// state.mjs reads (tests/wasm/mlp-session.test.mjs).
const pointsField = { type: 'points', min: -100, max: 100, maxCount: 30, default: [] };

export const MLP_SCHEMA = Object.freeze({
  data: { type: 'choice', choices: DATA_SETS, default: 'moon' },
  n: { type: 'int', min: 10, max: 4000, default: 1000 }, // training points
  nTest: { type: 'int', min: 0, max: 4000, default: 2000 }, // test points
  r: { type: 'number', min: 2, max: 20, default: 10 }, // double moon: radius
  w: { type: 'number', min: 0.5, max: 12, default: 6 }, // double moon: width (< 2r)
  d: { type: 'number', min: -8, max: 6, default: 1 }, // double moon: vertical distance (< 0: interlocked)
  noise: { type: 'number', min: 0, max: 1, default: 0.2 }, // the other sets: spread, relative
  classes: { type: 'int', min: 2, max: 6, default: 2 }, // gaussians and spiral: how many (softmax beyond two)
  dataSeed: { type: 'int', min: 0, max: 999999, default: 1 },
  net: netField('20:logistic'), // side by side, by default: logistic (A) against ReLU (B), 2-20-1
  compare: { type: 'bool', default: false },
  netB: netField('20:relu'),
  loss: { type: 'choice', choices: LOSSES, default: 'mse' },
  eta: { type: 'number', min: 0.0001, max: 2, default: 0.01 }, // learning rate η
  schedule: { type: 'choice', choices: SCHEDULES, default: 'constant' }, // η over the epoch limit
  etaEnd: { type: 'number', min: 0.00001, max: 2, default: 0.0001 }, // the last epoch's η
  alpha: { type: 'number', min: 0, max: 0.99, default: 0.5 }, // momentum α
  batch: { type: 'int', min: 0, max: 4000, default: 1 }, // 1 online, 0 full batch
  decay: { type: 'number', min: 0, max: 0.1, default: 0 }, // L2 weight decay λ
  preprocess: { type: 'choice', choices: ['standardize', 'none'], default: 'standardize' },
  seed: { type: 'int', min: 0, max: 999999, default: 3 }, // initial weights and sample order
  epochs: { type: 'int', min: 1, max: 5000, default: 200 }, // training stops here
  // Lecture 3's stopping criteria, 0 = off: ‖∇E‖ below, |ΔE_av| per epoch below, epochs without a better test E.
  gradTol: { type: 'number', min: 0, max: 100, default: 0 },
  changeTol: { type: 'number', min: 0, max: 100, default: 0 },
  patience: { type: 'int', min: 0, max: 1000, default: 0 },
  speed: { type: 'choice', choices: SPEEDS, default: '20' },
  addClass: { type: 'choice', choices: ['plus', 'minus'], default: 'plus', hash: false },
  showTest: { type: 'bool', default: true },
  units: { type: 'bool', default: false }, // maps of every hidden unit of one layer
  unitsLayer: { type: 'int', min: 1, max: MAX_LAYERS, default: 1 },
  plus: pointsField,
  minus: pointsField,
});
