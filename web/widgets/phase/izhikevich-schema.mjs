// State of <simcore-izhikevich>: the allow-list for its attributes and URL
// hash. Izhikevich (2003): v' = 0.04 v² + 5 v + 140 − u + I, u' = a (b v − u),
// v ≥ 30 mV → v ← c, u ← u + d. Time in ms, v in mV (docs/models.md).
// The presets are the 2003 paper's Fig. 2 cells, by the engine's names
// (sc.systems.izhikevich.presets; a node test checks that they exist).

export const IZH_PRESETS = Object.freeze(['RS', 'IB', 'CH', 'FS', 'LTS', 'TC', 'TC-rebound', 'RZ']);
// Izhikevich (2004), Fig. 1: the neuro-computational features with their
// stimulus protocols (`figure1.m`; R uses u' = a b (v + 65): vr = -65,
// ku = 0, docs/models.md).
export const IZH_FEATURES = Object.freeze(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T']);
// 2003 cells whose input is more than a step from 0 (the Fig. 2 code's
// protocols, docs/models.md): they run as a protocol too. A step from 0 to I
// at T (TC) is the I and tOn controls instead.
export const IZH_PROTOCOL_CELLS = Object.freeze(['TC-rebound', 'RZ']);

// A protocol that is one step from 0 to a level: { at, I }, else null.
export function stepFromZero(input) {
  if (!input || input.t.length !== 2 || input.t[0] !== input.t[1] || input.v[0] !== 0) return null;
  return { at: input.t[0], I: input.v[1] };
}

export const IZHIKEVICH_SCHEMA = Object.freeze({
  preset: { type: 'choice', choices: ['custom', ...IZH_PRESETS, ...IZH_FEATURES], default: 'RS' },
  // A 2004 panel (or 2003 cell) whose protocol (input I(t), quadratic's
  // coefficients, method and step) applies; the parameters a–d stay free.
  // 'none': constant I (from tOn).
  protocol: { type: 'choice', choices: ['none', ...IZH_FEATURES, ...IZH_PROTOCOL_CELLS], default: 'none' },
  a: { type: 'number', min: -0.1, max: 1.5, default: 0.02 },
  b: { type: 'number', min: -1.5, max: 1.5, default: 0.2 },
  c: { type: 'number', min: -90, max: -30, default: -65 },
  d: { type: 'number', min: -25, max: 25, default: 8 },
  I: { type: 'number', min: -20, max: 40, default: 10 },
  v0: { type: 'number', min: -100, max: 29, default: -65 },
  u0: { type: 'number', min: -60, max: 100, default: -13 },
  t1: { type: 'number', min: 20, max: 1000, default: 300 },
  // Step protocol as in Izhikevich's figures: I = 0 before tOn, I after (0: on from the start).
  tOn: { type: 'number', min: 0, max: 1000, default: 0 },
  // Under a 2004 protocol: the time whose input I(t) the nullclines and
  // equilibria show (clamped to t1, so the default means the end).
  tNc: { type: 'number', min: 0, max: 1000, default: 1000 },
  field: { type: 'bool', default: true },
});
