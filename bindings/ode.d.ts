// Type declarations for bindings/ode.mjs (sc.systems, sc.integrate,
// sc.integrateBatch, sc.fICurve, sc.odeLimits); the phase-plane functions
// are in phase.d.ts. Methods, events,
// tolerances: docs/ode.md; models, units, presets: docs/models.md; the C
// contract: core/include/simcore/ode.h and phase.h.
//
// Conventions: states and parameters are numbers (double in the core; the
// batch and the direction field compute in float32). Time is in ms for the
// neuron models. Trajectories are row-major: y[i * dim + j] is variable j at
// t[i]. Polylines are Float64Arrays of x0, y0, x1, y1, ...
//
// Errors: TypeError for a wrong type or a missing required argument (system,
// y0, t1, dt for fixed steps, a required parameter: "integrate: params.d is
// missing (izhikevich needs a, b, c, d, I)"); RangeError for a value out of
// range (unknown system, method or option key, NaN/Infinity, y0 of the wrong
// length, dt <= 0, |t1 - t0| / dt above odeLimits.maxSteps, a parameter
// outside its domain such as m <= 0 or c >= vpeak); SyntaxError for a custom
// expression that does not parse ("integrate: system.dy: unexpected end of
// expression at position 14", with a caret line).

export type OdeMethod = 'rk4' | 'euler' | 'dopri5' | 'izhikevich-euler';
export type OdeStop = 'end' | 'bounds' | 'nonfinite' | 'maxSteps' | 'stepSize';
export type OdeEventKind = 'spike' | 'crossing';
/** A system typed by the user: expressions in x, y, t and the named parameters. */
import type { NumericArray } from './conv';

export interface CustomSystem {
  dx: string;
  dy: string;
  /** Parameter names and values (at most 16). */
  params?: Record<string, number>;
}

/** A built-in system's name (keys of sc.systems) or a custom system. */
export type OdeSystemSpec = string | CustomSystem;

/** Piecewise-linear input: nondecreasing times (a repeated time is a step) and values. */
export interface OdeInput {
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

export interface OdePreset {
  name: string;
  label: string;
  source: string;
  system: string;
  params: Readonly<Record<string, number>>;
  y0: readonly number[];
  /** Suggested duration and step (the source's). */
  t1: number;
  dt: number;
  /** Suggested method: the 2004 panels use the scheme of figure1.m. */
  method: OdeMethod;
  /** Protocol for the input parameter, or null (constant). */
  input: OdeInput | null;
}

export interface OdeVariable {
  name: string;
  unit: string;
}

export interface OdeParam {
  name: string;
  unit: string;
  default: number;
  /** May be left out of `params` (its default applies). */
  optional: boolean;
}

export interface OdeSystemInfo {
  id: number;
  name: string;
  dim: number;
  variables: readonly OdeVariable[];
  params: readonly OdeParam[];
  defaults: Readonly<Record<string, number>>;
  /** A sensible start state. */
  y0: readonly number[];
  /** The parameter an input protocol drives (e.g. 'I'), or null. */
  input: string | null;
  /** Built-in spike with reset (izhikevich). */
  reset: boolean;
  /** Analytic Jacobian (else central differences). */
  jacobian: boolean;
  presets: readonly OdePreset[];
}

/** Upward crossing of `value` by a variable (name or index). */
export interface OdeEventSpec {
  variable: string | number;
  value: number;
}

export interface IntegrateOptions {
  system: OdeSystemSpec;
  /** Omitted: the defaults. Given: every parameter except the optional ones. */
  params?: Record<string, number>;
  y0: ArrayLike<number>;
  /** Default 0. t1 < t0 integrates backward. */
  t0?: number;
  t1: number;
  /** Fixed step (required for rk4, euler, izhikevich-euler); dopri5: output interval, 0 or omitted = every accepted step. */
  dt?: number;
  /** Default 'rk4'. */
  method?: OdeMethod;
  /** dopri5 tolerances; defaults 1e-6 and 1e-9. */
  rtol?: number;
  atol?: number;
  /** One [min, max] per variable (+-Infinity allowed); leaving stops with 'bounds'. */
  bounds?: readonly (readonly [number, number])[];
  /** Step budget, 1..odeLimits.maxSteps. */
  maxSteps?: number;
  input?: OdeInput;
  event?: OdeEventSpec;
}

export interface OdeEvent {
  t: number;
  kind: OdeEventKind;
}

export interface IntegrateResult {
  t: Float64Array;
  /** samples x dim, row-major. At a spike, t repeats: the state before and after the reset. */
  y: Float64Array;
  dim: number;
  events: OdeEvent[];
  stop: OdeStop;
  steps: number;
  rejected: number;
  evaluations: number;
}

export interface IntegrateBatchOptions {
  /** Any 2-D system: float kernels (SIMD) for linear2d, oscillator, izhikevich
   * and custom; fitzhugh-nagumo, van-der-pol, morris-lecar step in double and
   * round to float at the end. Not hodgkin-huxley. */
  system: OdeSystemSpec;
  params?: Record<string, number>;
  /**
   * count x 2 states, interleaved; advanced in place. A state that leaves
   * float32 becomes non-finite and stays so (no error: check the lanes).
   */
  y0s: Float32Array;
  /** > 0 and at most odeLimits.maxBatchDt (1e6), else RangeError. */
  dt: number;
  /** Default 1. */
  steps?: number;
  /** Default 'rk4'. */
  method?: 'rk4' | 'euler';
}

export interface OdeLimits {
  readonly maxSteps: number;
  readonly maxInput: number;
  readonly maxBatch: number;
  readonly maxGrid: number;
  readonly maxGridPoints: number;
  readonly maxNullclinePoints: number;
  readonly maxEquilibria: number;
  /** Currents of one f-I curve. */
  readonly maxFI: number;
  /** Largest integrateBatch step dt, model time units (1e6). */
  readonly maxBatchDt: number;
  /** Live result handles of each kind the core holds (trajectories, polylines); the binding frees each one before it returns. */
  readonly maxResults: number;
}

export interface FICurveOptions {
  /** Izhikevich a, b, c, d (required) and optionally k2, k1, k0, vpeak, vr, ku; I is ignored. */
  params: Partial<Record<string, number>>;
  /** [min, max, n]: n (2..1024) equally spaced currents, mV/ms. */
  I: [number, number, number];
  /** Run length per current, ms (default 1000). */
  duration?: number;
  /** Spikes before this time are ignored, ms (default min(200, duration / 5)); < duration. */
  transient?: number;
  /** Fixed step, ms (default 0.1; 0.5 for 'izhikevich-euler'). */
  dt?: number;
  /** Default 'rk4'. */
  method?: 'rk4' | 'euler' | 'izhikevich-euler';
}

export interface FICurve {
  I: Float64Array;
  /** Steady firing rate, Hz: 1000 / mean inter-spike interval after the transient; 0 if < 2 spikes. */
  rate: Float64Array;
  /** Saddle-node current (k1 - b/ku)^2 / (4 k2) - k0 - b vr/ku (4 for b = 0.2);
   * null when ku = 0 (u' = a b (v - vr): one equilibrium at v = vr for every I). */
  iSN: number | null;
}

/** The ODE members of Simcore (simcore.d.ts); the phase plane: PhaseApi in phase.d.ts. */
export interface OdeApi {
  /** The built-in systems by name (custom systems are passed as { dx, dy, params }). */
  readonly systems: Readonly<Record<string, OdeSystemInfo>>;
  readonly odeLimits: OdeLimits;
  /** Integrate one initial state. */
  integrate(options: IntegrateOptions): IntegrateResult;
  /** Advance many states in place (float32) by `steps` fixed steps; returns y0s. */
  integrateBatch(options: IntegrateBatchOptions): Float32Array;
  /** Izhikevich firing rate against a constant current, and I_SN. */
  fICurve(options: FICurveOptions): FICurve;
  /**
   * The input protocol sampled at the given times, as the integrators drive
   * the input parameter: piecewise linear, constant outside the breakpoints,
   * the later value at a repeated time (a step).
   */
  inputSample(input: OdeInput, times: NumericArray): Float64Array;
  /**
   * Hodgkin–Huxley gates at each voltage V (mV): steady states
   * x∞ = αx/(αx + βx) and time constants τx = 1/(αx + βx) (ms) of m, h, n.
   * RangeError "V" where the rates overflow (|V| beyond about 10⁴ mV).
   */
  hhGates(V: NumericArray): HHGates;
}

/** Result of hhGates: one entry per voltage. */
export interface HHGates {
  V: Float64Array;
  mInf: Float64Array;
  hInf: Float64Array;
  nInf: Float64Array;
  tauM: Float64Array;
  tauH: Float64Array;
  tauN: Float64Array;
}
