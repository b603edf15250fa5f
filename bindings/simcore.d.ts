// Type declarations for bindings/simcore.mjs, the JavaScript binding of the
// simcore C core (WebAssembly), with one file per area beside it (conv.d.ts,
// gabor.d.ts, ode.d.ts, phase.d.ts, hopfield.d.ts). The C contract:
// core/include/simcore/*.h.
//
// Conventions used throughout:
// - Images and kernels are row-major: image[y * width + x], kernel[j * kw + i];
//   x grows to the right, y grows DOWN (row 0 is the top row), units are px.
// - Outputs have the input's size ('same' convolution) and are new
//   Float32Arrays owned by the caller (never views into wasm memory).
// - Values are computed in float32: inputs of other numeric types are
//   converted, so a float64 value beyond float32's range becomes Infinity and
//   is rejected.
// - Angles are in radians.
//
// Errors (every function; the message starts with the function name and
// names the argument, e.g. "convolve2d: kernel width 0 is out of range (integer 1..1025)"):
// - TypeError: an argument of the wrong type (a string for a number, a
//   non-array image, a non-object options/params, ...).
// - RangeError: a value out of range: sizes <= 0, non-integers, above
//   `limits`; NaN or +-Infinity in a parameter; an array of the wrong length;
//   an unknown border, method or part; an unknown option key; NaN or
//   +-Infinity inside `image` or `kernel` (reported by the core as
//   "<fn>: image: value is not finite").
// - RangeError for a result too large for the limits before anything is
//   allocated: gaborBank orientations x width x height above
//   limits.maxBankValues (e.g. 4096 x 4096 x 64 orientations).
// - Error: out of memory: wasm memory could not grow, or one buffer would
//   exceed the 2 GiB wasm memory.
// - RangeError also when finite inputs overflow a float32 output ("... overflows
//   float32 ...; scale the image down"; the core reports it, the binding names
//   the element): no output holds a silent NaN/Infinity.
// A WebAssembly.RuntimeError (trap) is never thrown for any argument; after
// any error the module keeps working. Every argument is read once (getters
// run once, before any work); an exception thrown by the caller's own getter
// or Proxy propagates unchanged and leaves the module as it was. Size limits:
// `limits`, `hopfieldLimits`, `odeLimits`, `linalgLimits` (docs/reliability.md).

import type { Border, Method, ConvApi } from './conv';
export type { Border, Method, NumericArray, ConvOptions, ConvolutionInfo, Limits, ConvApi } from './conv';
import type { GaborApi } from './gabor';
export type { GaborPart, GaborParams, GaborKernelParams, GaborFilterParams, GaborBankParams, GaborKernel, GaborResponse, GaborBankResult, GaborApi } from './gabor';
import type { LinalgApi } from './linalg';
export type { GemmOptions, GemvOptions, LinalgLimits, LinalgApi } from './linalg';
import type { BoltzmannApi } from './boltzmann';
export type { BoltzmannNumbers, BoltzmannMethod, CreateBoltzmannOptions, BoltzmannStats, BoltzmannExactStats, BoltzmannExactOptions, BoltzmannSampled, BoltzmannWeightsIn, BoltzmannGibbsOptions, BoltzmannLearnOptions, BoltzmannWeights, BoltzmannMachine, BoltzmannLimits, BoltzmannApi } from './boltzmann';
import type { KernelApi } from './kernel';
export type { KdeKernel, KdeRule, KdeMethod, KdeAxis, KdeNumbers, Kde1dOptions, Kde1dResult, Kde2dOptions, Kde2dResult, KregMethod, KernelRegressionOptions, KernelRegressionResult, KdeLimits, KernelApi } from './kernel';
import type { LenetApi } from './lenet';
export type { LeNetVariant, LeNetLoss, CreateLeNet5Options, LeNetTrainOptions, LeNetNetwork, LeNetLimits, IdxFile, MnistSubset, LenetApi } from './lenet';
import type { MlpApi } from './mlp';
export type { MlpActivation, MlpOutput, MlpLoss, MlpNumbers, DoubleMoonOptions, DoubleMoon, CreateMlpOptions, MlpTrainOptions, MlpGridOptions, MlpNetwork, MlpLimits, MlpApi, MlpSchedule, MlpMonitor, MlpStop, MlpFitResult, PreprocessOptions, Preprocess } from './mlp';
import type { OdeApi } from './ode';
export type { OdeMethod, OdeStop, OdeEventKind, CustomSystem, OdeSystemSpec, OdeInput, OdePreset, OdeVariable, OdeParam, OdeSystemInfo, OdeEventSpec, IntegrateOptions, OdeEvent, IntegrateResult, IntegrateBatchOptions, OdeLimits, FICurveOptions, FICurve, OdeApi } from './ode';
import type { OptimApi } from './optim';
export type { OptimFunctionName, OptimMethod, OptimOutcome, OptimFunction, OptimPoint, OptimGridOptions, OptimGrid, OptimDescendOptions, OptimTrajectory, OptimSyntaxError, OptimLimits, OptimApi } from './optim';
import type { PhaseApi } from './phase';
export type { EquilibriumType, Polyline, PlaneOptions, DirectionFieldOptions, NullclineOptions, Nullclines, EquilibriaOptions, Complex, EigenVector, LinearClassification, Equilibrium, SeparatrixOptions, SaddlePoint, Separatrix, ClassifyOptions, PhaseApi } from './phase';
import type { HopfieldApi } from './hopfield';
import type { SnnApi } from './snn';
export type { SnnScheme, IzhikevichNetworkOptions, IzhikevichRun, IzhikevichNetwork, RateSpectrum, SnnLimits, SnnApi } from './snn';
import type { SvmApi } from './svm';
export type { SvmNumbers, SvmPoints, SvmKernel, SvmKernelOptions, SvmTrainOptions, SvmGridAxis, SvmResolvedParams, SvmModel, SvmCrossValidateOptions, SvmCrossValidation, SvmLimits, SvmApi } from './svm';
export type { HopfieldRule, HopfieldMode, SpinArray, HopfieldStoreOptions, HopfieldDynamics, HopfieldStepOptions, HopfieldRunOptions, HopfieldAnnealOptions, HopfieldRunResult, HopfieldAdvanceOptions, HopfieldAdvanceResult, HopfieldNetwork, HopfieldCapacityOptions, HopfieldCapacityResult, HopfieldLimits, HopfieldApi } from './hopfield';

/**
 * The loaded core: the members of each area's interface (ConvApi in
 * conv.d.ts, GaborApi in gabor.d.ts, OdeApi in ode.d.ts, PhaseApi in
 * phase.d.ts, HopfieldApi in
 * hopfield.d.ts, LinalgApi in linalg.d.ts, MlpApi in mlp.d.ts, OptimApi in
 * optim.d.ts, BoltzmannApi in boltzmann.d.ts, LenetApi in lenet.d.ts,
 * KernelApi in kernel.d.ts, SvmApi in svm.d.ts) and these.
 */
export interface Simcore extends ConvApi, GaborApi, OdeApi, PhaseApi, HopfieldApi, LinalgApi, SnnApi, MlpApi, OptimApi, BoltzmannApi, LenetApi, KernelApi, SvmApi {
  /** Core version, "MAJOR.MINOR.PATCH". */
  readonly version: string;
  /** true when the SIMD128 build is running, false for the scalar build. */
  readonly simd: boolean;
  /**
   * The core areas the loaded module holds, in core/areas.txt's order: every
   * area for the full core; one area and what it needs for an area's module
   * (`module: 'gabor'` gives fft, linalg, conv, gabor). Only their members
   * exist on this object.
   */
  readonly areas: readonly string[];

  /** Current size of the wasm memory in bytes (it grows, never shrinks). */
  memoryBytes(): number;
}

/**
 * Load the core. `simd` (default true) selects the SIMD128 build; when the
 * engine lacks SIMD128 the scalar build is loaded anyway (check `simd` on the
 * result). `wasm` supplies the module bytes instead of reading
 * dist/wasm/simcore-{simd,scalar}.wasm (Node: from disk; browsers: fetch).
 * `module` reads one area's smaller module instead,
 * dist/wasm/simcore-<module>-{simd,scalar}.wasm (a `module` line of
 * core/areas.txt): only the members of its areas are attached.
 * Rejects with TypeError/RangeError for bad options (unknown keys included,
 * `wasm` not an ArrayBuffer or view), WebAssembly.CompileError for bytes that
 * are not a valid module, Error when the default file cannot be read.
 */
export declare function loadSimcore(options?: { simd?: boolean; wasm?: BufferSource; module?: string }): Promise<Simcore>;

/** Whether this engine validates SIMD128 modules. */
export declare function simdSupported(): boolean;

/** Learning methods, in the core's enum order. */
export declare const BOLTZMANN_METHODS: readonly import('./boltzmann').BoltzmannMethod[];
/** Kernels, bandwidth rules, grid methods and regression methods, in the core's enum order (kernel.d.ts). */
export declare const KDE_KERNELS: readonly import('./kernel').KdeKernel[];
export declare const KDE_RULES: readonly import('./kernel').KdeRule[];
export declare const KDE_METHODS: readonly import('./kernel').KdeMethod[];
export declare const KREG_METHODS: readonly import('./kernel').KregMethod[];

/** SVM kernels, in the core's enum order (LIBSVM's kernel_type). */
export declare const SVM_KERNELS: readonly import('./svm').SvmKernel[];
/** LeNet variants and losses, in the core's enum order. */
export declare const LENET_VARIANTS: readonly import('./lenet').LeNetVariant[];
export declare const LENET_LOSSES: readonly import('./lenet').LeNetLoss[];
/** The bundled MNIST subset (lenet.d.ts). */
export declare function mnistSubset(): Promise<import('./lenet').MnistSubset>;
/** Parses an IDX file of unsigned bytes (gzip accepted): lenet.d.ts. */
export declare function readIdx(bytes: Uint8Array | ArrayBuffer): Promise<import('./lenet').IdxFile>;
/** Accepted border names, in the core's enum order. */
export declare const BORDERS: readonly Border[];
/** Accepted method names, in the core's enum order. */
export declare const METHODS: readonly Method[];

/** One area of the binding, as the loader attaches it (bindings/core/load.mjs). */
export interface BindingArea {
  /** The binding file, bindings/<name>.mjs. */
  readonly name: string;
  /** The core area (core/areas.txt) whose functions it calls. */
  readonly core: string;
}
/** Every area of this binding, in the order they join the API. */
export declare const BINDING_AREAS: readonly BindingArea[];
/** Built-in functions of the optim area, in the core's enum order. */
export declare const OPTIM_FUNCTIONS: readonly import('./optim').OptimFunctionName[];
/** Descent methods, in the core's enum order. */
export declare const OPTIM_METHODS: readonly import('./optim').OptimMethod[];
/** Trajectory outcomes, in the core's enum order. */
export declare const OPTIM_OUTCOMES: readonly import('./optim').OptimOutcome[];
