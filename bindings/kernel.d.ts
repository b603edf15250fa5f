// Kernel density estimates and kernel regression (bindings/kernel.mjs;
// docs/kernels.md; the C contract core/include/simcore/kernel.h). Names
// fixed by issue 15 so outside scripts can rely on them. Every number is a
// float64; units are the data's own (heights in cm give bandwidths in cm and
// densities per cm; a 2-D density over cm x kg is per cm·kg).

/**
 * The kernel, scikit-learn's KernelDensity conventions (its 'tophat' is
 * 'uniform', its 'linear' is 'triangular'): with u = (x - x_i) / h in 1-D,
 * t = u^T H^-1 u in 2-D,
 *   gaussian      K = exp(-u²/2) / sqrt(2π)        2-D: exp(-t/2) / (2π)
 *   epanechnikov  K = 3/4 (1 - u²), |u| < 1        2-D: 2/π (1 - t), t < 1
 *   biweight      K = 15/16 (1 - u²)², |u| < 1     2-D: 3/π (1 - t)²
 *   triangular    K = 1 - |u|, |u| < 1             2-D: 3/π (1 - sqrt t)
 *   uniform       K = 1/2, |u| < 1                 2-D: 1/π
 * so a compact kernel's h is its support radius, the Gaussian's its standard
 * deviation. Default 'gaussian'.
 */
export type KdeKernel = 'gaussian' | 'epanechnikov' | 'biweight' | 'triangular' | 'uniform';
/**
 * Bandwidth rules, for the Gaussian (σ: sample sd with n - 1 in the
 * denominator; IQR from quartiles by linear interpolation, numpy's default):
 *   'silverman' h = 0.9 min(σ, IQR/1.34) n^(-1/5) (σ when IQR = 0)
 *   'scott'     h = (4/3)^(1/5) σ n^(-1/5) ≈ 1.0592 σ n^(-1/5), the normal
 *               reference rule: SciPy gaussian_kde's 'silverman' factor
 *               times σ; SciPy's 'scott' factor n^(-1/5) is 5.6 % smaller
 *   'lscv'      least-squares cross-validation: minimises
 *               ∫f̂² - (2/n) Σ f̂₋ᵢ(xᵢ)
 *   'lcv'       likelihood cross-validation: maximises (1/n) Σ log f̂₋ᵢ(xᵢ)
 * For the other kernels the rules' h is multiplied by the canonical
 * bandwidth ratio δ_K/δ_gauss (2.2138, 2.6226, 2.4320, 1.7401 for
 * Epanechnikov, biweight, triangular, uniform), so each smooths as much as
 * the Gaussian would. CV rules search 40 log-spaced h in [h_scott/20,
 * 4 h_scott] and refine by golden section; at most kdeLimits.maxCvSamples
 * samples (the criteria cost O(n²) per h).
 */
export type KdeRule = 'silverman' | 'scott' | 'lscv' | 'lcv';
/**
 * 'exact' (default): the full sum at every point. 'binned' (grids only):
 * linear binning of the samples onto the grid (extended by the kernel's
 * reach) and one FFT convolution with the sampled kernel, in float32; the
 * result's errorBound bounds |binned - exact| at every grid point (derived
 * in docs/kernels.md: about (Δx²/8) sup|∂²K/∂x²| + (Δy²/8) sup|∂²K/∂y²| for
 * the Gaussian, with kink terms for compact kernels and sup K for the
 * uniform). Falls back to exact (method 'exact' in the result) when the
 * kernel would span a transform above 2^22 elements.
 */
export type KdeMethod = 'exact' | 'binned';

/** Grid points from, from + (to - from)/(n - 1), ..., to; from < to; n in 2..kdeLimits.maxGrid. */
export interface KdeAxis { from: number; to: number; n: number }

export type KdeNumbers = Float64Array | Float32Array | ArrayLike<number>;

export interface Kde1dOptions {
  kernel?: KdeKernel;
  /** A bandwidth h > 0 in the samples' unit, or a rule (default 'silverman'; rules need n >= 2). */
  bandwidth?: number | KdeRule;
  /** Exactly one of grid and points. */
  grid?: KdeAxis;
  points?: KdeNumbers;
  method?: KdeMethod;
}

export interface Kde1dResult {
  /** The h used (the rule's value for a rule), in the samples' unit. */
  bandwidth: number;
  /** The evaluation points: the grid, or a copy of points. */
  x: Float64Array;
  /** f̂(x) = 1/(n h) Σ K((x - xᵢ)/h), per unit of x; integrates to 1 over the line. */
  density: Float64Array;
  /** The method used. */
  method: KdeMethod;
  /** Bound on |binned - exact| (density units); 0 for exact. */
  errorBound: number;
}

export interface Kde2dOptions {
  kernel?: KdeKernel;
  /**
   * 'scott' (default) or 'silverman': H = n^(-1/3) Σ̂ (sample covariance,
   * n - 1), the normal reference rule; for d = 2 Scott's and Silverman's
   * factors coincide (SciPy's too), times the 2-D ratio squared for compact
   * kernels (2.4019, 2.7792, 2.5370, 2 for Epanechnikov, biweight,
   * triangular, uniform); needs n >= 3 and a non-singular Σ̂. A number h:
   * H = h² I (scikit-learn's bandwidth). A matrix [[h11, h12], [h12, h22]]:
   * symmetric positive definite (diagonal for an axis-aligned kernel), in
   * squared units (cm², cm·kg, kg²); h11 h22 - h12² >= 1e-12 h11 h22.
   */
  bandwidth?: 'scott' | 'silverman' | number | [[number, number], [number, number]];
  /** Exactly one of grid and points (interleaved x0, y0, x1, y1, ...). */
  grid?: { x: KdeAxis; y: KdeAxis };
  points?: KdeNumbers;
  method?: KdeMethod;
}

export interface Kde2dResult {
  /** The bandwidth matrix used. */
  H: [[number, number], [number, number]];
  /**
   * f̂(p) = 1/n |H|^(-1/2) Σ K(H^(-1/2)(p - pᵢ)) per unit area; on a grid
   * row-major with y outer: density[j * nx + i] at (x[i], y[j]); for
   * points one value per point.
   */
  density: Float64Array;
  /** The grid's axes (grid calls only). */
  x?: Float64Array;
  y?: Float64Array;
  method: KdeMethod;
  errorBound: number;
}

export type KregMethod = 'nw' | 'local-linear';

export interface KernelRegressionOptions {
  /**
   * 'nw' (default): Nadaraya–Watson m̂(x) = Σ K yᵢ / Σ K; 'local-linear':
   * the intercept of the K-weighted least-squares line about x.
   */
  method?: KregMethod;
  kernel?: KdeKernel;
  /** h > 0 in x's unit, or 'loocv' (default; n <= kdeLimits.maxCvSamples). */
  bandwidth?: number | 'loocv';
  /**
   * The CV grid for 'loocv' (1..kdeLimits.maxCvGrid values, any order);
   * default 40 values log-spaced from h₀/8 to 4h₀, h₀ the 'scott' rule of x.
   */
  bandwidths?: KdeNumbers;
  /** Where to estimate: points, or a grid { from, to, n }. Required. */
  at: KdeNumbers | KdeAxis;
  /**
   * Pointwise band m̂(x) ± z sqrt(σ̂²(x) R(K) / (n h f̂(x))), z = Φ⁻¹((1 +
   * level)/2): σ̂²(x) the same smoother applied to the squared residuals,
   * f̂ the KDE of x at h, R(K) = ∫K². The asymptotic variance of both
   * estimators; the bias is not corrected, so it covers m only where the
   * bias is small against the width. true: level 0.95.
   */
  band?: boolean | { level?: number };
}

export interface KernelRegressionResult {
  /** The h used (LOOCV's minimiser for 'loocv'). */
  bandwidth: number;
  /** The evaluation points. */
  x: Float64Array;
  /**
   * m̂ at each point, in y's unit; NaN where undefined (no sample within a
   * compact kernel's reach; for local-linear, fewer than two distinct x
   * there or a spread too small to resolve), counted by undefinedCount.
   */
  yhat: Float64Array;
  undefinedCount: number;
  /**
   * 'loocv' only: the curve CV(h) = (1/n) Σ (yᵢ - m̂₋ᵢ(xᵢ))² in y's unit
   * squared at each grid bandwidth (Infinity where an m̂₋ᵢ is undefined).
   */
  cv?: { bandwidths: Float64Array; scores: Float64Array };
  /** With band: the band's ends (NaN where yhat is) and its z. */
  lower?: Float64Array;
  upper?: Float64Array;
  z?: number;
}

export interface KdeLimits {
  maxSamples: number;
  maxPoints: number;
  maxGrid: number;
  maxCvSamples: number;
  maxCvGrid: number;
  /** Largest |sample|, |grid end|, |y|. */
  maxValue: number;
  minBandwidth: number;
  maxBandwidth: number;
}

export interface KernelApi {
  /** 1-D KDE. TypeError/RangeError name the argument; NaN/Infinity in samples is a RangeError. */
  kde1d(samples: KdeNumbers, options: Kde1dOptions): Kde1dResult;
  /** 2-D KDE of interleaved points xy = [x0, y0, x1, y1, ...] (length 2n). */
  kde2d(xy: KdeNumbers, options: Kde2dOptions): Kde2dResult;
  /** Kernel regression of y on x (same length n >= 2). */
  kernelRegression(x: KdeNumbers, y: KdeNumbers, options: KernelRegressionOptions): KernelRegressionResult;
  readonly kdeLimits: KdeLimits;
}
