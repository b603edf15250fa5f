// Orientation tuning of one Gabor filter: its response at the centre of a
// full-field grating I(x) = cos(2π(x cos φ + y sin φ)/λg + α), swept over
// φ in [0°, 180°]. With the kernel g (real part g_r, imaginary part g_i,
// display layout), the response for grating phase α is
//   r(α) = Σ g(u) I(−u) = C cos α + S sin α,  C = Σ g cos(k·u), S = Σ g sin(k·u).
// Two model cells:
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
// cells apart. Exact for the sampled kernel; 4·w·h multiply-adds per angle.

// The sampled window also matters: where it cuts the envelope short (σ/γ
// near half the size), F has small negative side lobes, in which the simple
// cell is silent while the energy is not (1.3 % of the peak at the defaults).

/** Curves closer than this (fraction of the larger peak; 3 px of the chart) are drawn as one line. */
export const COINCIDE = 0.02;

export function tuningCurve(kr, ki, w, h, lambda, steps = 91) {
  const cx = w >> 1;
  const cy = h >> 1;
  const angles = new Float64Array(steps);
  const simple = new Float64Array(steps);
  const complex = new Float64Array(steps);
  const exr = new Float64Array(w);
  const exi = new Float64Array(w);
  for (let s = 0; s < steps; s++) {
    const phi = (s * Math.PI) / (steps - 1);
    const kx = (2 * Math.PI * Math.cos(phi)) / lambda;
    const ky = (2 * Math.PI * Math.sin(phi)) / lambda;
    for (let x = 0; x < w; x++) {
      exr[x] = Math.cos(kx * (x - cx));
      exi[x] = Math.sin(kx * (x - cx));
    }
    // Σ g(u) e^{i k·u} = Σ_y e^{i ky y} Σ_x g(x, y) e^{i kx x}: separable phasors.
    let cr = 0; let sr = 0; let ci = 0; let si = 0;
    for (let y = 0; y < h; y++) {
      let rr = 0; let ri = 0; let ir = 0; let ii = 0;
      for (let x = 0, i = y * w; x < w; x++, i++) {
        rr += kr[i] * exr[x]; ri += kr[i] * exi[x];
        ir += ki[i] * exr[x]; ii += ki[i] * exi[x];
      }
      const eyr = Math.cos(ky * (y - cy));
      const eyi = Math.sin(ky * (y - cy));
      cr += rr * eyr - ri * eyi; sr += rr * eyi + ri * eyr;
      ci += ir * eyr - ii * eyi; si += ir * eyi + ii * eyr;
    }
    angles[s] = phi;
    simple[s] = Math.max(0, cr);
    complex[s] = Math.sqrt((cr * cr + sr * sr + ci * ci + si * si) / 2);
  }
  return { angles, simple, complex };
}

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
