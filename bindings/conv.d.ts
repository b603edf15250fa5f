// Type declarations for bindings/conv.mjs (sc.convolve2d, sc.correlate2d,
// sc.lastConvolution, sc.clearCache, sc.limits). Conventions, errors and the
// layout of images: the top of simcore.d.ts and docs/conv.md.

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

export interface ConvApi {
  readonly limits: Limits;

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

  /**
   * Centred magnitude spectrum |DFT| of re + i im (im null: real), the
   * image's centre pixel at the origin, zero-padded to size x size
   * (0: the smallest power of two >= 2 max(width, height), 64..2048).
   * data[r * size + c] is frequency ((c - size/2) / size, (r - size/2) / size).
   */
  spectrum2d(re: NumericArray, im: NumericArray | null, width: number, height: number, size?: number): { size: number; data: Float32Array };
}
