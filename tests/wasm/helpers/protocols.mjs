// Input protocols written out independently of the core, to test the
// presets and the core's drive (sc.inputSample) against.

// A protocol's input at time t: piecewise linear, constant outside the
// breakpoints, the later value at a repeated time (docs/ode.md).
export function inputAt({ t: T, v: V }, time) {
  if (time < T[0]) return V[0];
  if (time >= T[T.length - 1]) return V[V.length - 1];
  let k = 0;
  while (T[k + 1] <= time) k++;
  return V[k] + (V[k + 1] - V[k]) * ((time - T[k]) / (T[k + 1] - T[k]));
}

// figure1.m's stimuli as its code states them (I on its grid t = k tau:
// strict inequalities, S and T closed), to check the presets' breakpoints
// against. T1 etc. as figure1.m computes them.
export const FIGURE1 = {
  A: (t) => (t > 10 ? 14 : 0),
  B: (t) => (t > 20 ? 0.5 : 0),
  C: (t) => (t > 22 ? 15 : 0),
  D: (t) => (t > 20 ? 0.6 : 0),
  E: (t) => (t > 16 ? 10 : 0),
  F: (t) => (t > 8.5 ? 30 : 0),
  G: (t) => (t > 30 ? 0.075 * (t - 30) : 0),
  H: (t) => (t > 30 ? -0.5 + 0.015 * (t - 30) : -0.5),
  I: (t) => (t > 10 && t < 13 ? 7.04 : 0),
  J: (t) => (t > 20 && t < 25 ? 2 : 0),
  K: (t) => ([40, 60, 280, 320].some((T) => t > T && t < T + 4) ? 0.65 : 0),
  L: (t) => ([100 / 11, 100 / 11 + 5, 70, 80].some((T) => t > T && t < T + 2) ? 9 : 0),
  M: (t) => (t > 20 && t < 25 ? -15 : 0),
  N: (t) => (t > 20 && t < 25 ? -15 : 0),
  O: (t) => ((t > 10 && t < 15) || (t > 80 && t < 85) ? 1 : t > 70 && t < 75 ? -6 : 0),
  P: (t) => ((t > 37.5 && t < 42.5) || (t > 216 && t < 221) ? 1.24 : 0.24),
  Q: (t) => (Math.abs(t - 10) < 1 ? 20 : 0),
  R: (t) => (t < 200 ? t / 25 : t < 300 ? 0 : t < 312.5 ? ((t - 300) / 12.5) * 4 : 0),
  S: (t) => (t < 50 || t > 250 ? 80 : 75),
  T: (t) => (t < 50 || t > 250 ? 80 : 75),
};

