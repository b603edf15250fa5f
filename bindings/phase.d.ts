// Type declarations for bindings/phase.mjs (sc.directionField,
// sc.nullclines, sc.equilibria, sc.separatrices, sc.classifyLinear,
// sc.linearExp, sc.linearSolution, sc.lyapunovLinear, sc.lyapunovMap,
// sc.lyapunovAt, sc.classifyLinear3, sc.linear3Solution): the
// phase plane of the systems of ode.d.ts. Mathematics and tolerances:
// docs/ode.md ("Phase plane"); the C contract: core/include/simcore/phase.h.
// Errors as in ode.d.ts.
import type { OdeSystemSpec } from './ode';

export type EquilibriumType = 'saddle' | 'center' | 'stable-focus' | 'unstable-focus' | 'stable-node' | 'unstable-node'
  | 'stable-degenerate-node' | 'unstable-degenerate-node' | 'stable-star' | 'unstable-star' | 'non-isolated';

/** x0, y0, x1, y1, ... (closed curves repeat their first point). */
export type Polyline = Float64Array;

export interface PlaneOptions {
  system: OdeSystemSpec;
  params?: Record<string, number>;
  /** The plane's two variables (names or indices); default the first two. */
  vars?: readonly [string | number, string | number];
  /** Values of the other variables for systems above 2-D (default: the system's y0). */
  fixed?: ArrayLike<number>;
}

export interface DirectionFieldOptions extends PlaneOptions {
  /** [min, max, n] with n >= 2. */
  x: [number, number, number];
  y: [number, number, number];
  /** Float32Array of 2 nx ny to write into (reused between frames). */
  out?: Float32Array;
}

export interface NullclineOptions extends PlaneOptions {
  x: [number, number, number];
  y: [number, number, number];
}

export interface Nullclines {
  /** dx/dt = 0 */
  x: Polyline[];
  /** dy/dt = 0 */
  y: Polyline[];
}

export interface EquilibriaOptions extends PlaneOptions {
  x: [number, number];
  y: [number, number];
  /** Newton seeds per axis (2..256, default 24). */
  seeds?: number;
}

export interface Complex {
  re: number;
  im: number;
}

/** A unit eigenvector: real and imaginary parts. */
export interface EigenVector {
  re: [number, number];
  im: [number, number];
}

export interface LinearClassification {
  type: EquilibriumType;
  trace: number;
  det: number;
  discriminant: number;
  eigenvalues: [Complex, Complex];
  eigenvectors: [EigenVector, EigenVector];
}

export interface Equilibrium extends LinearClassification {
  x: number;
  y: number;
  /** Row-major 2x2 Jacobian in the plane. */
  jacobian: [number, number, number, number];
}

export interface SeparatrixOptions {
  /** A 2-D system. */
  system: OdeSystemSpec;
  params?: Record<string, number>;
  x: [number, number];
  y: [number, number];
  /** Longest integration time (default 200 / min |λ| of the saddle). Each curve ends where it leaves the box or on the equilibrium it reaches. */
  tMax?: number;
}

export interface SaddlePoint {
  x: number;
  y: number;
}

export interface Separatrix {
  kind: 'unstable' | 'stable';
  saddle: SaddlePoint;
  /** Starts at the saddle. */
  points: Polyline;
}

export interface ClassifyOptions {
  /** Relative band around the boundaries (0..0.1, default 1e-9). */
  tolerance?: number;
}

/** The phase-plane members of Simcore (simcore.d.ts). */
export interface PhaseApi {
  /** (dx, dy) per grid point, x fastest (into `out` if given). */
  directionField(options: DirectionFieldOptions): Float32Array;
  /** Zero sets of dx/dt and dy/dt as joined polylines. */
  nullclines(options: NullclineOptions): Nullclines;
  /** Every equilibrium in the box, sorted by x then y. */
  equilibria(options: EquilibriaOptions): Equilibrium[];
  /** Stable and unstable manifolds of each saddle: 4 curves per saddle (unstable +v, -v, stable +v, -v). */
  separatrices(options: SeparatrixOptions): Separatrix[];
  /** Type of the equilibrium of x' = a x + b y, y' = c x + d y; |a|, |b|, |c|, |d| <= 1e150. */
  classifyLinear(a: number, b: number, c: number, d: number, options?: ClassifyOptions): LinearClassification;
  /**
   * e^{At} of x' = A x in closed form (docs/ode.md, "Matrix exponential"):
   * e^{pt/2} (C I + S (A - p/2 I)), p = tr A, C = cosh(st), S = sinh(st)/s,
   * s^2 = Delta/4 (cos, sin for Delta < 0). RangeError when an entry of the
   * result overflows (large |t|).
   */
  linearExp(A: Matrix2, t: number): Matrix2;
  /** x(t_i) = e^{A t_i} x0 for each time: x0, y0, x1, y1, ... (1 to limits' maxSteps times). */
  linearSolution(A: Matrix2, x0: readonly [number, number] | Float64Array, times: readonly number[] | Float64Array): Float64Array;
  /**
   * The symmetric P with A^T P + P A = -Q (Q symmetric, default I): V(x) =
   * x^T P x has dV/dt = -x^T Q x along solutions, so for Q positive definite
   * V is a Lyapunov function exactly when P is positive definite (A
   * Hurwitz). RangeError "A" when no unique P exists (tr A det A = 0: a
   * centre or a zero eigenvalue).
   */
  lyapunovLinear(A: Matrix2, Q?: Matrix2): LyapunovMatrix;
  /**
   * A typed Lyapunov candidate V (an expression in x and y, the custom
   * systems' grammar) on a grid: V and dV/dt = grad V . f (exact gradient),
   * row-major from (x0, y0), NaN where undefined; `level` c: the largest
   * sublevel set V < c with no grid point where dV/dt > 0 (beyond rounding)
   * outside 2 cells of V's minimum and none on the grid's edge, an estimate
   * of a basin of attraction (null when empty); `minimum`: V's grid minimum.
   * SyntaxError for a V that does not parse, with its position.
   */
  lyapunovMap(options: LyapunovMapOptions): LyapunovMap;
  /** V and dV/dt at points (x0, y0, x1, y1, ...): V0, dV0/dt, V1, ... (NaN where undefined). */
  lyapunovAt(options: LyapunovAtOptions): Float64Array;
  /**
   * x' = A x in three dimensions: eigenvalues (real parts descending, a
   * complex pair +im first), a unit eigenvector for each real one (null for
   * complex), and the type by the signs of the real parts (within 1e-9
   * max|a_ij|): sink, source, saddle (unstableDim of them positive), their
   * spiral forms when a complex pair is present, non-hyperbolic with a zero
   * real part. |a_ij| <= 1e100.
   */
  classifyLinear3(A: Matrix3): LinearClassification3;
  /** x(t_i) = e^{A t_i} x0 (scaling and squaring): x0, y0, z0, x1, ... RangeError when it overflows. */
  linear3Solution(A: Matrix3, x0: readonly [number, number, number] | Float64Array, times: readonly number[] | Float64Array): Float64Array;
}

export type Matrix3 = readonly (readonly [number, number, number])[];
export type EquilibriumType3 = 'sink' | 'spiral-sink' | 'source' | 'spiral-source' | 'saddle' | 'spiral-saddle' | 'non-hyperbolic';

export interface LinearClassification3 {
  type: EquilibriumType3;
  unstableDim: number;
  /** The characteristic polynomial l^3 - trace l^2 + minors l - det. */
  trace: number;
  minors: number;
  det: number;
  eigenvalues: ComplexNumber3[];
  eigenvectors: ([number, number, number] | null)[];
}

export interface ComplexNumber3 {
  re: number;
  im: number;
}

export interface LyapunovMatrix {
  P: Matrix2;
  positiveDefinite: boolean;
}

export interface LyapunovMapOptions extends PlaneOptions {
  /** The candidate V(x, y), x and y the plane's two variables. */
  V: string;
  x: [number, number, number];
  y: [number, number, number];
}

export interface LyapunovMap {
  V: Float32Array;
  Vdot: Float32Array;
  level: number | null;
  minimum: LyapunovMinimum | null;
}

export interface LyapunovMinimum {
  x: number;
  y: number;
  V: number;
}

export interface LyapunovAtOptions extends PlaneOptions {
  V: string;
  /** x0, y0, x1, y1, ... */
  points: readonly number[] | Float64Array;
}

/** [[a, b], [c, d]]: x' = a x + b y, y' = c x + d y. */
export type Matrix2 = readonly [readonly [number, number], readonly [number, number]];
