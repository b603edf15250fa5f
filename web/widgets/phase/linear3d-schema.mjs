// State of <simcore-linear3d>: x' = A x in three dimensions (lecture 7's
// "higher-dimensional systems": sinks, sources, hyperbolic saddles), the
// matrix entries a11 … a33, the view's rotation (yaw, pitch in degrees),
// the number of trajectories and their time span. No DOM: Node tests import it.
export const ENTRIES = Object.freeze(['a11', 'a12', 'a13', 'a21', 'a22', 'a23', 'a31', 'a32', 'a33']);

const entry = (dflt) => ({ type: 'number', min: -5, max: 5, default: dflt });
const DEFAULT = [-0.2, 1, 0, -1, -0.2, 0, 0, 0, 0.4]; // a spiral saddle: a stable spiral in (x, y), z unstable

export const LINEAR3D_SCHEMA = Object.freeze({
  ...Object.fromEntries(ENTRIES.map((k, i) => [k, entry(DEFAULT[i])])),
  yaw: { type: 'number', min: -180, max: 180, default: 35 },
  pitch: { type: 'number', min: -89, max: 89, default: 20 },
  count: { type: 'int', min: 1, max: 40, default: 16 }, // trajectories, from points on a sphere
  T: { type: 'number', min: 0.5, max: 50, default: 8 }, // each runs from t = -T to T (clipped to the box)
  eigen: { type: 'bool', default: true },
});

// The lecture's kinds, each with the type the core must report (tests/wasm/linear3d.test.mjs).
const diag = (a, b, c) => ({ a11: a, a12: 0, a13: 0, a21: 0, a22: b, a23: 0, a31: 0, a32: 0, a33: c });
const spiral = (re, w, z) => ({ a11: re, a12: w, a13: 0, a21: -w, a22: re, a23: 0, a31: 0, a32: 0, a33: z });
export const LINEAR3D_PRESETS = Object.freeze([
  { name: 'sink', type: 'sink', state: { ...diag(-0.5, -1, -2), a12: 0.3 } },
  { name: 'spiral-sink', type: 'spiral-sink', state: spiral(-0.2, 1, -0.6) },
  { name: 'source', type: 'source', state: diag(0.4, 0.8, 1.2) },
  { name: 'spiral-source', type: 'spiral-source', state: spiral(0.15, 1, 0.4) },
  { name: 'saddle-1', type: 'saddle', unstable: 1, state: diag(0.6, -0.5, -1.2) },
  { name: 'saddle-2', type: 'saddle', unstable: 2, state: diag(0.6, 0.3, -1) },
  { name: 'spiral-saddle-1', type: 'spiral-saddle', unstable: 1, state: spiral(-0.2, 1, 0.4) },
  { name: 'spiral-saddle-2', type: 'spiral-saddle', unstable: 2, state: spiral(0.15, 1, -0.8) },
  { name: 'centre-sink', type: 'non-hyperbolic', state: spiral(0, 1, -0.5) },
]);

/** The matrix of a state, row-major nested. */
export function matrixOf(s) {
  return [[s.a11, s.a12, s.a13], [s.a21, s.a22, s.a23], [s.a31, s.a32, s.a33]];
}

/** n points spread over the sphere of radius r (a golden-angle spiral): trajectory starts. */
export function sphereStarts(n, r) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const z = 1 - (2 * (i + 0.5)) / n;
    const rho = Math.sqrt(1 - z * z);
    const phi = i * Math.PI * (3 - Math.sqrt(5));
    out.push([r * rho * Math.cos(phi), r * rho * Math.sin(phi), r * z]);
  }
  return out;
}

/**
 * Orthographic projection: rotate by yaw about z, then pitch about the
 * screen's x axis; returns (screen x, screen y, depth) in model units,
 * screen y up, depth towards the viewer.
 */
export function project([x, y, z], yawDeg, pitchDeg) {
  const a = (yawDeg * Math.PI) / 180;
  const b = (pitchDeg * Math.PI) / 180;
  const u = x * Math.cos(a) - y * Math.sin(a);
  const w = x * Math.sin(a) + y * Math.cos(a); // into the screen before pitch
  return [u, z * Math.cos(b) - w * Math.sin(b), z * Math.sin(b) + w * Math.cos(b)];
}
