// Random valid Gabor parameters for the hostile-argument specs (r: helpers/hostile.mjs rng).
export function gaborParams(r) {
  const p = { sigma: r.pick([0.7, 1.5, 3]), theta: r.float() * 7 - 3.5, lambda: r.pick([2, 4, 9]) };
  if (r.bool()) p.gamma = r.pick([0.3, 0.5, 1, 2]);
  if (r.bool()) p.psi = r.float() * 3;
  if (r.bool()) p.size = r.bool() ? r.int(1, 15) : [r.int(1, 15), r.int(1, 15)];
  return p;
}
