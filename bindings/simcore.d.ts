// Type declarations for bindings/simcore.mjs, the JavaScript binding of the
// simcore C core (WebAssembly). Math and conventions: docs/conv.md,
// docs/gabor.md; the C contract: core/include/simcore/*.h.
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

import type { OdeApi } from './ode';
export type { OdeMethod, OdeStop, OdeEventKind, EquilibriumType, Polyline, CustomSystem, OdeSystemSpec, OdeInput, OdePreset, OdeVariable, OdeParam, OdeSystemInfo, OdeEventSpec, IntegrateOptions, OdeEvent, IntegrateResult, IntegrateBatchOptions, PlaneOptions, DirectionFieldOptions, NullclineOptions, Nullclines, EquilibriaOptions, Complex, EigenVector, LinearClassification, Equilibrium, SeparatrixOptions, SaddlePoint, Separatrix, ClassifyOptions, OdeLimits, FICurveOptions, FICurve, OdeApi } from './ode';
import type { HopfieldApi } from './hopfield';
import type { LinalgApi } from './linalg';
export type { NumericArray, GemmOptions, GemvOptions, LinalgLimits, LinalgApi } from './linalg';
export type { HopfieldRule, HopfieldMode, SpinArray, HopfieldStoreOptions, HopfieldDynamics, HopfieldStepOptions, HopfieldRunOptions, HopfieldAnnealOptions, HopfieldRunResult, HopfieldNetwork, HopfieldCapacityOptions, HopfieldCapacityResult, HopfieldLimits, HopfieldApi } from './hopfield';

/** Border rule for pixels outside the image (OpenCV's names in brackets). */
export type Border =
  | 'constant'    // 000|abc|000  zeros                    [BORDER_CONSTANT, value 0]
  | 'replicate'   // aaa|abc|ccc                           [BORDER_REPLICATE]
  | 'reflect'     // cba|abc|cba  edge pixel repeated      [BORDER_REFLECT]
  | 'reflect101'  // cb|abc|ba    edge pixel not repeated  [BORDER_REFLECT_101 = BORDER_DEFAULT]
  | 'wrap';       // abc|abc|abc  periodic                 [BORDER_WRAP; cv.filter2D lacks it]

/**
 * Convolution algorithm. All give the same result to ~1e-5 relative; they
 * differ in speed. 'auto' picks by a cost model (see `lastConvolution()`).
 * - 'direct': sum over the kernel, SIMD over output columns.
 * - 'separable': sum of rank-1 terms from the kernel's SVD (exact for any
 *   kernel: a full-rank kernel uses min(kw, kh) terms).
 * - 'fft': real 2-D FFT of the padded image; caches the image spectrum so a
 *   new kernel on the same image is cheaper.
 */
export type Method = 'auto' | 'direct' | 'separable' | 'fft';

/** Which Gabor carrier: 'real' = cos, 'imag' = sin (= real with psi - pi/2). */
export type GaborPart = 'real' | 'imag';

/**
 * Any numeric array of exactly width * height (or kw * kh) elements:
 * Float32Array (no conversion copy), another typed array except
 * BigInt64Array/BigUint64Array, or an Array of numbers.
 */
export type NumericArray =
  | Float32Array | Float64Array
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array
  | readonly number[];

export interface ConvOptions {
  /** Default 'constant' (zeros). */
  border?: Border;
  /** Default 'auto'. */
  method?: Method;
  /**
   * Separable method only: keep the fewest SVD terms with
   * ||K - K_r||_F <= rankTol * ||K||_F. Range [0, 0.5]; default 0, meaning
   * the core's 1e-6.
   */
  rankTol?: number;
}

/** What the last convolve2d/correlate2d call did (for demos and benchmarks). */
export interface ConvolutionInfo {
  /** The method actually used (never 'auto'). */
  readonly method: Exclude<Method, 'auto'>;
  /** Separable terms used; 0 unless method is 'separable'. */
  readonly rank: number;
  /** FFT transform size in px; 0 unless method is 'fft'. */
  readonly fftWidth: number;
  readonly fftHeight: number;
  /** FFT only: the image spectrum came from the cache. */
  readonly cacheHit: boolean;
}

/**
 * Gabor parameters, OpenCV getGaborKernel conventions:
 *   x' =  x cos(theta) + y sin(theta),  y' = -x sin(theta) + y cos(theta)
 *   g(x, y) = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) * cos(2 pi x' / lambda + psi)
 * with y pointing down, so a growing theta turns the stripe normal
 * (cos theta, sin theta) CLOCKWISE on screen. No normalisation, no DC removal.
 */
export interface GaborParams {
  /** Envelope standard deviation along the carrier, px; > 0. Required. */
  sigma: number;
  /** Orientation of the normal to the stripes, rad; any finite value. Required. */
  theta: number;
  /** Wavelength of the carrier, px; > 0. Required. */
  lambda: number;
  /** Spatial aspect ratio (across-stripe sigma = sigma / gamma); > 0. Default 0.5. */
  gamma?: number;
  /** Phase offset, rad. Default 0 (even, cosine kernel). OpenCV's own default is pi/2 (odd kernel). */
  psi?: number;
  /**
   * Kernel size in px: one number (square) or [width, height], each integer
   * 1..1025. An even size gives size + 1, as in OpenCV. Default: auto,
   * 2 * ceil(3 * max(sigma, sigma / gamma)) + 1, square, odd and independent
   * of theta (unlike OpenCV's auto size). A RangeError if auto would exceed 1025.
   */
  size?: number | readonly [number, number];
}

export interface GaborKernelParams extends GaborParams {
  /** Default 'real'. */
  part?: GaborPart;
}

export interface GaborFilterParams extends GaborParams {
  /** Default 'reflect101' (OpenCV's BORDER_DEFAULT). */
  border?: Border;
}

export interface GaborBankParams extends Omit<GaborParams, 'theta'> {
  /** Number of orientations, integer 1..64; theta_k = k * pi / orientations. Default 8. */
  orientations?: number;
  /**
   * Number of scales, integer 1..8. Scale s multiplies sigma, lambda and an
   * explicit size by scaleFactor^s (the largest scale's kernel must fit in
   * 1025 px, else RangeError). Default 1.
   */
  scales?: number;
  /** Ratio between scales, (1, 8]. Default 2 (one octave). */
  scaleFactor?: number;
  /** Default 'reflect101'. */
  border?: Border;
}

export interface GaborKernel {
  /** Kernel width and height in px (odd). */
  width: number;
  height: number;
  /**
   * width * height values stored point-reflected as OpenCV does:
   * data[(ymax - y) * width + (xmax - x)] = g(x, y), xmax = (width - 1) / 2.
   * So correlate2d(image, data) == cv.filter2D(image, getGaborKernel(...))
   * == convolution with g.
   */
  data: Float32Array;
}

export interface GaborResponse {
  /** Response of the real (cos) kernel: correlate2d with GaborKernel.data. */
  real: Float32Array;
  /** Response of the imaginary (sin) kernel. */
  imag: Float32Array;
  /** Energy sqrt(real^2 + imag^2) (phase invariant, complex-cell-like). */
  magnitude: Float32Array;
}

export interface GaborBankResult {
  /** theta_k = k * pi / orientations, rad, in [0, pi). */
  thetas: Float64Array;
  /** energy[k][y * width + x]: sum over scales of the magnitude at theta_k. */
  energy: Float32Array[];
  /** Per pixel, the theta_k (rad) of the largest energy: an orientation map. */
  dominant: Float32Array;
}

export interface Limits {
  /** Largest image width or height, px (8192). */
  readonly maxImageDim: number;
  /** Largest width * height (2^24 = 16777216). */
  readonly maxImagePixels: number;
  /** Largest kernel width or height, px, also for Gabor kernels (1025). */
  readonly maxKernelDim: number;
  /** gaborBank orientations (64). */
  readonly maxOrientations: number;
  /** gaborBank scales (8). */
  readonly maxScales: number;
  /** gaborBank orientations * width * height, the energy's floats (2^27 = 512 MiB). */
  readonly maxBankValues: number;
}

/**
 * The loaded core. Convolution and Gabor members are declared here; the ODE
 * and phase-plane members in OdeApi (ode.d.ts), the Hopfield members in
 * HopfieldApi (hopfield.d.ts), dense linear algebra in LinalgApi (linalg.d.ts).
 */
export interface Simcore extends OdeApi, HopfieldApi, LinalgApi {
  /** Core version, "MAJOR.MINOR.PATCH". */
  readonly version: string;
  /** true when the SIMD128 build is running, false for the scalar build. */
  readonly simd: boolean;
  readonly limits: Limits;

  /** Current size of the wasm memory in bytes (it grows, never shrinks). */
  memoryBytes(): number;

  /**
   * 2-D convolution, same size as the image:
   *   out(x, y) = sum_{j,i} K'(i, j) * I(x + i - floor(kw/2), y + j - floor(kh/2)),
   *   K'(i, j) = K(kw-1-i, kh-1-j)  (the kernel flipped)
   * i.e. cv.filter2D(image, cv.flip(kernel, -1)) with anchor (-1, -1), delta 0.
   * The anchor is the centre of the flipped kernel (floor(kw/2), floor(kh/2)).
   * @param width, height image size, integers 1..8192, width * height <= 2^24
   * @param kw, kh kernel size, integers 1..1025 (may exceed the image)
   * @throws TypeError | RangeError (see the top of this file)
   */
  convolve2d(image: NumericArray, width: number, height: number,
             kernel: NumericArray, kw: number, kh: number, options?: ConvOptions): Float32Array;

  /**
   * 2-D correlation (no flip), same size as the image:
   *   out(x, y) = sum_{j,i} K(i, j) * I(x + i - floor(kw/2), y + j - floor(kh/2))
   * i.e. cv.filter2D(image, kernel) with anchor (-1, -1), delta 0.
   */
  correlate2d(image: NumericArray, width: number, height: number,
              kernel: NumericArray, kw: number, kh: number, options?: ConvOptions): Float32Array;

  /** What the last successful convolve2d/correlate2d did; null before the first. */
  lastConvolution(): ConvolutionInfo | null;

  /** Free the FFT path's cached image spectrum. */
  clearCache(): void;

  /** A Gabor kernel (see GaborParams, GaborKernel for layout). */
  gaborKernel(params: GaborKernelParams): GaborKernel;

  /**
   * Real, imaginary and magnitude responses, each as
   * cv.filter2D(image, getGaborKernel(...)) with the given border.
   */
  gaborFilter(image: NumericArray, width: number, height: number, params: GaborFilterParams): GaborResponse;

  /**
   * An orientation (and optionally scale) bank of Gabor energies and the
   * dominant orientation per pixel: a model of a V1 orientation map.
   */
  gaborBank(image: NumericArray, width: number, height: number, params: GaborBankParams): GaborBankResult;
}

/**
 * Load the core. `simd` (default true) selects the SIMD128 build; when the
 * engine lacks SIMD128 the scalar build is loaded anyway (check `simd` on the
 * result). `wasm` supplies the module bytes instead of reading
 * dist/wasm/simcore-{simd,scalar}.wasm (Node: from disk; browsers: fetch).
 * Rejects with TypeError/RangeError for bad options (unknown keys included,
 * `wasm` not an ArrayBuffer or view), WebAssembly.CompileError for bytes that
 * are not a valid module, Error when the default file cannot be read.
 */
export declare function loadSimcore(options?: { simd?: boolean; wasm?: BufferSource }): Promise<Simcore>;

/** Whether this engine validates SIMD128 modules. */
export declare function simdSupported(): boolean;

/** Accepted border names, in the core's enum order. */
export declare const BORDERS: readonly Border[];
/** Accepted method names, in the core's enum order. */
export declare const METHODS: readonly Method[];
