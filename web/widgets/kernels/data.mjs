// The default data set: synthetic heights and weights of young adult men and
// women, drawn from a bivariate normal per sex with a seeded generator. The
// parameters (SOURCE) are rounded population values, stated on the page and
// in docs/kernels.md; the set only illustrates the methods, it is nobody's
// measurements. The course's own data replaces it through a CSV.
import { rng } from '../shared/rng.mjs';

// Rounded after NHANES 2015–2018, ages 20–39 (CDC/NCHS anthropometric
// reference data, Fryar et al. 2021, Vital Health Stat 3(46)): mean and SD of
// height (cm) and weight (kg), and the height–weight correlation r.
export const SOURCE = Object.freeze({
  name: 'NHANES 2015–2018, ages 20–39 (Fryar et al. 2021, Vital Health Stat 3(46)), rounded',
  m: Object.freeze({ height: [176, 7.5], weight: [88, 21], r: 0.45 }),
  f: Object.freeze({ height: [163, 7], weight: [76, 21], r: 0.3 }),
});
export const DEFAULT_PER_SEX = 100;

/** n standard normal pairs per sex from `seed`: Box–Muller on mulberry32. */
function normals(random) {
  const u = 1 - random(); // (0, 1]: log stays finite
  const v = random();
  const r = Math.sqrt(-2 * Math.log(u));
  return [r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v)];
}

/**
 * Rows { sex, height, weight } (cm, kg, one decimal), n per sex, men first.
 * Weight = μ_w + σ_w (r z₁ + √(1 − r²) z₂) with height = μ_h + σ_h z₁, so
 * each pair has the stated means, SDs and correlation; drawn values are kept
 * inside plausible bounds (weights below 40 kg are drawn again).
 */
export function syntheticData(seed = 7, n = DEFAULT_PER_SEX) {
  const random = rng(seed);
  const rows = [];
  for (const sex of ['m', 'f']) {
    const p = SOURCE[sex];
    let k = 0;
    while (k < n) {
      const [z1, z2] = normals(random);
      const height = p.height[0] + p.height[1] * z1;
      const weight = p.weight[0] + p.weight[1] * (p.r * z1 + Math.sqrt(1 - p.r * p.r) * z2);
      if (weight < 40 || weight > 200) continue;
      rows.push({ sex, height: Math.round(height * 10) / 10, weight: Math.round(weight * 10) / 10 });
      k++;
    }
  }
  return rows;
}
