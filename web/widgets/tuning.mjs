// Orientation tuning of one Gabor filter: its response at the centre of a
// full-field grating I(x) = cos(2π(x cos φ + y sin φ)/λg + α), swept over
// φ in [0°, 180°]. With the kernel g (real part g_r, imaginary part g_i,
// display layout), the response for phase α is
//   r(α) = Σ g(u) I(−u) = C cos α + S sin α,  C = Σ g cos(k·u), S = Σ g sin(k·u),
// so the best-phase simple-cell response is √(C² + S²) and the complex-cell
// (energy) response averaged over phase is √((C_r² + S_r² + C_i² + S_i²)/2).
// Exact for the sampled kernel; 4·w·h multiply-adds per angle.

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
    simple[s] = Math.hypot(cr, sr);
    complex[s] = Math.sqrt((cr * cr + sr * sr + ci * ci + si * si) / 2);
  }
  return { angles, simple, complex };
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
