// Type declarations for bindings/gabor.mjs (sc.gaborKernel, sc.gaborFilter,
// sc.gaborBank). Conventions (OpenCV's getGaborKernel), errors and the layout
// of images: the top of simcore.d.ts and docs/gabor.md.
import type { NumericArray } from './conv';

/** Which Gabor carrier: 'real' = cos, 'imag' = sin (= real with psi - pi/2). */
export type GaborPart = 'real' | 'imag';

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

export interface GaborApi {
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

  /** Both parts of the kernel in one core call (same values as gaborKernel's two parts). */
  gaborKernelPair(params: GaborParams): GaborKernelPair;

  /**
   * Orientation tuning of the filter (sc_gabor_tuning): responses of a simple
   * and a complex cell to full-field gratings of wavelength lambda at angles
   * s * pi / (steps - 1). steps: 2..4096, default 91.
   */
  gaborTuning(params: GaborParams, steps?: number): GaborTuning;
}

export interface GaborKernelPair {
  width: number;
  height: number;
  /** Real (cos) and imaginary (sin) parts, in GaborKernel.data's layout. */
  real: Float32Array;
  imag: Float32Array;
}

export interface GaborTuning {
  /** Grating orientations phi_s, rad, 0..pi. */
  angles: Float64Array;
  /** max(0, real part's response to the cosine grating through the centre). */
  simple: Float64Array;
  /** sqrt((C_r^2 + S_r^2 + C_i^2 + S_i^2) / 2): the phase-averaged energy. */
  complex: Float64Array;
}
