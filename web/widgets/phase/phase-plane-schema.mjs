// State of <simcore-phase-plane>: the allow-list for its attributes and URL
// hash. model 'linear': x' = a x + b y, y' = c x + d y (the lecture's A, B,
// C, D); model 'oscillator': m v' = −k x − μ v, x' = v (SI units, the
// engine's 'oscillator'); the lecture's nonlinear models by the engine's
// names (docs/models.md), their parameters prefixed (fhn_, vdp_, ml_) so the
// names stay unique in one hash. The view is a centre and a half-width in
// model units. traj: trajectory start points, `x,y;x,y`.

export const PHASE_MODELS = Object.freeze(['linear', 'oscillator', 'fitzhugh-nagumo', 'van-der-pol', 'morris-lecar', 'custom']);

// Per model: the engine's system, the plane's variables, which state field
// holds each engine parameter, the default view (yRatio: y half-height per
// x half-width on a square canvas, for variables of different units; absent:
// equal scale) and the integration span T and output step dt of a trajectory.
export const MODEL_INFO = Object.freeze({
  linear: { system: 'linear2d', vars: ['x', 'y'], params: { a: 'a', b: 'b', c: 'c', d: 'd' }, view: [0, 0, 3], T: 40, dt: 0.02 },
  oscillator: { system: 'oscillator', vars: ['x', 'v'], params: { m: 'm', k: 'k', mu: 'mu' }, view: [0, 0, 3], T: 40, dt: 0.02 },
  'fitzhugh-nagumo': { system: 'fitzhugh-nagumo', vars: ['v', 'w'], params: { a: 'fhn_a', b: 'fhn_b', tau: 'fhn_tau', I: 'fhn_I' }, view: [0, 0.5, 2.5], T: 150, dt: 0.05 },
  'van-der-pol': { system: 'van-der-pol', vars: ['x', 'y'], params: { mu: 'vdp_mu' }, view: [0, 0, 4], T: 40, dt: 0.02 },
  // The other 12 parameters come from the engine's preset of the chosen set (Hopf or SNIC).
  'morris-lecar': { system: 'morris-lecar', vars: ['V', 'N'], params: { I: 'ml_I' }, set: 'ml_set', view: [-10, 0.3, 65], yRatio: 0.0062, T: 600, dt: 0.25 },
  // The student's own dx/dt and dy/dt (fields dx, dy), compiled by the core's parser.
  custom: { system: 'custom', vars: ['x', 'y'], params: {}, view: [0, 0, 4], T: 40, dt: 0.02 },
});

// Characters a typed formula may use (the core's grammar: docs/ode.md).
const FORMULA = { type: 'text', maxLength: 200, chars: 'A-Za-z0-9_+\\-*/^()., ' };

export const PHASE_PLANE_SCHEMA = Object.freeze({
  model: { type: 'choice', choices: PHASE_MODELS, default: 'linear' },
  a: { type: 'number', min: -10, max: 10, default: 0 },
  b: { type: 'number', min: -10, max: 10, default: 1 },
  c: { type: 'number', min: -10, max: 10, default: -1 },
  d: { type: 'number', min: -10, max: 10, default: -0.25 },
  m: { type: 'number', min: 0.05, max: 10, default: 1 },
  k: { type: 'number', min: -10, max: 10, default: 1 },
  mu: { type: 'number', min: -10, max: 10, default: 0.4 },
  fhn_a: { type: 'number', min: -2, max: 2, default: 0.7 },
  fhn_b: { type: 'number', min: 0, max: 3, default: 0.8 },
  fhn_tau: { type: 'number', min: 0.1, max: 100, default: 12.5 },
  fhn_I: { type: 'number', min: -2, max: 3, default: 0.5 },
  vdp_mu: { type: 'number', min: -5, max: 10, default: 1 },
  ml_set: { type: 'choice', choices: ['hopf', 'snic'], default: 'hopf' },
  ml_I: { type: 'number', min: -50, max: 300, default: 100 },
  dx: { ...FORMULA, default: 'y' },
  dy: { ...FORMULA, default: '-sin(x) - 0.2*y' },
  cx: { type: 'number', min: -1000, max: 1000, default: 0 },
  cy: { type: 'number', min: -1000, max: 1000, default: 0 },
  span: { type: 'number', min: 0.01, max: 1000, default: 3 },
  field: { type: 'bool', default: true },
  // How the direction field is drawn: normalised arrows, particles flowing with it, or evenly spaced streamlines.
  fieldStyle: { type: 'choice', choices: ['arrows', 'particles', 'streamlines'], default: 'arrows' },
  nullclines: { type: 'bool', default: false },
  // Linear models: level sets of the Lyapunov function V = xᵀPx from AᵀP + PA = −I (docs/ode.md).
  lyapunov: { type: 'bool', default: false },
  // A typed Lyapunov candidate V(x, y) in the plane's two variables ('' on a linear model: xᵀPx).
  V: { ...FORMULA, default: '' },
  eigen: { type: 'bool', default: true },
  // Trajectories also run backward in time from their start point (stopped at the view's edge).
  backward: { type: 'bool', default: true },
  // The time plot: both variables on one axis, or two axes with their zeros aligned.
  seriesAxes: { type: 'choice', choices: ['shared', 'two'], default: 'shared' },
  traj: { type: 'points', min: -1e6, max: 1e6, maxCount: 24, default: Object.freeze([]) },
  // The trajectory shown in the time plot and highlighted (index into traj); -1: the newest.
  sel: { type: 'int', min: -1, max: 23, default: -1 },
});

// Presets: the lecture's six types and the damped oscillator. Each is a
// partial state; the expected engine type is what the tests check. Their
// (p, q) all lie inside the trace–determinant inset's default view.
export const PHASE_PRESETS = Object.freeze([
  { name: 'center', type: 'center', state: { model: 'linear', a: 0, b: 1, c: -1, d: 0 } },
  { name: 'stable-focus', type: 'stable-focus', state: { model: 'linear', a: -0.5, b: 1, c: -1, d: -0.5 } },
  { name: 'unstable-focus', type: 'unstable-focus', state: { model: 'linear', a: 0.3, b: 1, c: -1, d: 0.3 } },
  { name: 'stable-node', type: 'stable-node', state: { model: 'linear', a: -1.5, b: 0.5, c: 0.5, d: -1.5 } },
  { name: 'unstable-node', type: 'unstable-node', state: { model: 'linear', a: 1.5, b: 0.5, c: 0.5, d: 1.5 } },
  { name: 'saddle', type: 'saddle', state: { model: 'linear', a: 1, b: 1, c: 1, d: -0.5 } },
  // Lecture 7's theory homework: φ'' + (a + b)φ' + abφ = 0 with a = 1, b = 2, φ(0) = 0, φ'(0) = 1 (x = φ, y = φ').
  { name: 'second-order', type: 'stable-node', state: { model: 'linear', a: 0, b: 1, c: -2, d: -3, traj: [[0, 1]], sel: -1 } },
  { name: 'oscillator', type: 'stable-focus', state: { model: 'oscillator', m: 1, k: 1, mu: 0.4 } },
  { name: 'fhn', type: 'unstable-focus', state: { model: 'fitzhugh-nagumo', fhn_a: 0.7, fhn_b: 0.8, fhn_tau: 12.5, fhn_I: 0.5 } },
  { name: 'vdp', type: 'unstable-focus', state: { model: 'van-der-pol', vdp_mu: 1 } },
  // Morris–Lecar's V (mV) and N (a fraction) differ by 100×: two axes (zeros aligned) in the time plot.
  { name: 'ml-hopf', type: 'unstable-focus', state: { model: 'morris-lecar', ml_set: 'hopf', ml_I: 100, seriesAxes: 'two' } },
  // Below the SNIC current: rest (node), threshold (saddle) and an unstable focus.
  { name: 'ml-snic', type: 'stable-node', state: { model: 'morris-lecar', ml_set: 'snic', ml_I: 35, seriesAxes: 'two' } },
  // A damped pendulum typed as formulas: saddles at ±π (the first, sorted by x), a focus at 0.
  { name: 'pendulum', type: 'saddle', state: { model: 'custom', dx: 'y', dy: '-sin(x) - 0.2*y' } },
]);

/**
 * A matrix with trace p and determinant q, close in spirit to the current one
 * (`state` holds a, b, c, d), for dragging the point of the trace–determinant
 * inset. b and c are kept and the trace is split between a and d around the
 * current half-difference's sign: a = p/2 + s, d = p/2 − s with
 * s² = p²/4 − q − bc (from ad − bc = q). Where no real s exists (a rotation
 * too strong for the requested q), a = d = p/2 and b, c are scaled by one
 * factor to b'c' = p²/4 − q, or, when the signs forbid that, the
 * companion-like (p/2, 1; p²/4 − q, p/2). Entries are rounded to 4 digits
 * (what a slider shows); null when an entry would leave the schema's range.
 */
export function matrixForTraceDet({ a, b, c, d }, p, q) {
  const round = (v) => Number(v.toPrecision(4));
  const inRange = (next) => Object.values(next).every((v) => Number.isFinite(v) && Math.abs(v) <= 10);
  const s2 = (p * p) / 4 - q - b * c;
  if (s2 >= 0) {
    const s = Math.sign(a - d || 1) * Math.sqrt(s2);
    const next = { a: round(p / 2 + s), b, c, d: round(p / 2 - s) };
    return inRange(next) ? next : null;
  }
  const target = (p * p) / 4 - q;
  const f = Math.sqrt(target / (b * c));
  const next = Number.isFinite(f) && f > 0
    ? { a: round(p / 2), b: round(b * f), c: round(c * f), d: round(p / 2) }
    : { a: round(p / 2), b: 1, c: round(target), d: round(p / 2) };
  return inRange(next) ? next : null;
}
