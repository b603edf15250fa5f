// Orientation tuning of one Gabor filter, as the chart reads it. The curves
// themselves come from the core (sc.gaborTuning, core/src/gabor/tuning.c):
// the response at the centre of a full-field grating
// I(x) = cos(2π(x cos φ + y sin φ)/λg + α), swept over φ in [0°, 180°], of
//   simple  = max(0, C_r): the real part's response to the grating whose
//             bright crest runs through the centre (α = 0), half-wave
//             rectified like a firing rate;
//   complex = √((C_r² + S_r² + C_i² + S_i²)/2): the energy (real² + imag²)
//             averaged over the grating's phase.
// Why they coincide at ψ = 0: write the envelope's spectrum as F and the
// carrier as k₀. Then C_r = cos ψ (F(k − k₀) + F(k + k₀))/2 and
// complex = √(F(k − k₀)² + F(k + k₀)²)/2, so while the two lobes at ±k₀ do not
// overlap (F(k − k₀)·F(k + k₀) ≈ 0, narrow bandwidth), simple = max(0, cos ψ)
// × complex: equal at ψ = 0, half at ψ = 60°, silent past ±90°, while the
// energy does not depend on ψ at all. Phase, not orientation, tells the two
// cells apart.

// The sampled window also matters: where it cuts the envelope short (σ/γ
// near half the size), F has small negative side lobes, in which the simple
// cell is silent while the energy is not (1.3 % of the peak at the defaults).

/** Curves closer than this (fraction of the larger peak; 3 px of the chart) are drawn as one line. */
export const COINCIDE = 0.02;

/** Largest |simple − complex| as a fraction of the larger curve's peak (0 for two empty curves). */
export function curveGap(simple, complex) {
  let max = 0;
  let gap = 0;
  for (let i = 0; i < simple.length; i++) {
    max = Math.max(max, simple[i], complex[i]);
    gap = Math.max(gap, Math.abs(simple[i] - complex[i]));
  }
  return max > 0 ? gap / max : 0;
}

/** Angle (rad) of the largest value of ys, refined by a parabola through its neighbours. */
export function peakAngle(angles, ys) {
  let k = 0;
  for (let i = 1; i < ys.length; i++) if (ys[i] > ys[k]) k = i;
  if (k === 0 || k === ys.length - 1) return angles[k];
  const [a, b, c] = [ys[k - 1], ys[k], ys[k + 1]];
  const d = a - 2 * b + c;
  const shift = d === 0 ? 0 : 0.5 * (a - c) / d;
  return angles[k] + shift * (angles[1] - angles[0]);
}
