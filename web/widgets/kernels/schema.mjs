// State of <simcore-kernels>: the allow-list for its attributes and URL hash.
// Bandwidths by hand are in the data's units (cm, kg); the SVM's C and γ act
// on standardised (height, weight), γ in 1/SD². Points the student added are
// kept per sex (height,weight;…) and removed rows of the data set by index,
// so a link keeps the edits (a CSV the student opened is not in the link).
export const KERNELS = ['gaussian', 'epanechnikov', 'biweight', 'triangular', 'uniform'];
// The heat map's grid: C = 10^-2 … 10^3 and γ = 10^-3 … 10^2 in half decades.
export const C_GRID = Object.freeze(Array.from({ length: 11 }, (_, k) => Number((10 ** (-2 + k / 2)).toPrecision(4))));
export const GAMMA_GRID = Object.freeze(Array.from({ length: 11 }, (_, k) => Number((10 ** (-3 + k / 2)).toPrecision(4))));
const points = { type: 'points', min: 0, max: 700, maxCount: 40, default: Object.freeze([]) };

export const KERNELS_SCHEMA = Object.freeze({
  seed: { type: 'int', min: 1, max: 99999, default: 7 }, // the synthetic set
  kernel: { type: 'choice', choices: KERNELS, default: 'gaussian' },
  rule: { type: 'choice', choices: ['silverman', 'scott', 'lscv', 'lcv', 'hand'], default: 'silverman' },
  hHeight: { type: 'number', min: 0.2, max: 30, default: 3 }, // cm, by hand
  hWeight: { type: 'number', min: 0.5, max: 60, default: 8 }, // kg, by hand
  rule2: { type: 'choice', choices: ['scott', 'silverman', 'diagonal'], default: 'scott' },
  scale2: { type: 'number', min: 0.25, max: 3, default: 1 }, // H = scale² × the rule's H
  regMethod: { type: 'choice', choices: ['nw', 'local-linear'], default: 'nw' },
  regBw: { type: 'choice', choices: ['loocv', 'hand'], default: 'loocv' },
  regH: { type: 'number', min: 0.5, max: 40, default: 5 }, // cm
  svmKernel: { type: 'choice', choices: ['linear', 'poly', 'rbf', 'sigmoid'], default: 'rbf' },
  C: { type: 'number', min: 0.01, max: 1000, default: 1 },
  gamma: { type: 'number', min: 0.001, max: 100, default: 0.3162 },
  degree: { type: 'int', min: 1, max: 5, default: 2 },
  addSex: { type: 'choice', choices: ['m', 'f'], default: 'f' },
  edit: { type: 'choice', choices: ['add', 'remove'], default: 'add' },
  addedM: points,
  addedF: points,
  removed: { type: 'text', chars: '0-9,', maxLength: 400, default: '' },
});
