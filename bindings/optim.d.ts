// Descent methods on f(x, y) (bindings/optim.mjs; docs/optim.md).

export type OptimFunctionName = 'quadratic' | 'rosenbrock' | 'himmelblau' | 'saddle';
export type OptimMethod = 'gd' | 'momentum' | 'newton';
/** How a trajectory ended; never a NaN in the path. */
export type OptimOutcome = 'converged' | 'max-iterations' | 'diverged' | 'singular' | 'undefined';

/**
 * The function: a built-in by name, the quadratic bowl
 * 1/2 (u^2 + kappa v^2) with (u, v) = (x, y) rotated by -angle (kappa
 * 1..optimLimits.maxKappa, default 10; angle in radians, default 0), or an
 * expression in x and y (the custom ODE systems' grammar, up to 1024
 * characters; a syntax error is a SyntaxError naming the position).
 */
export type OptimFunction =
  | OptimFunctionName
  | { name: OptimFunctionName; kappa?: number; angle?: number }
  | { expression: string };

export interface OptimPoint {
  value: number;
  /** [df/dx, df/dy], exact (closed form or second-order forward mode). */
  gradient: [number, number];
  /** [[fxx, fxy], [fxy, fyy]]. */
  hessian: [[number, number], [number, number]];
  /** l1 >= l2. */
  eigenvalues: [number, number];
  /** Unit eigenvectors of l1 and l2 (e2 = e1 turned by +90 degrees). */
  eigenvectors: [[number, number], [number, number]];
}

export interface OptimGridOptions {
  x0: number; x1: number; y0: number; y1: number;
  /** Points per side, 2..optimLimits.maxGrid; x = x0 + i (x1 - x0) / (nx - 1). */
  nx: number; ny: number;
  /** Values of the second-order Taylor approximation of f at this point instead of f. */
  taylorAt?: [number, number] | ArrayLike<number>;
}

export interface OptimGrid {
  /** Row-major from (x0, y0): values[j * nx + i]; NaN where f is undefined or beyond float32. */
  values: Float32Array;
  nx: number;
  ny: number;
  /** How many values are NaN. */
  undefinedCount: number;
}

export interface OptimDescendOptions {
  /** Default 'gd'. */
  method?: OptimMethod;
  start: [number, number] | ArrayLike<number>;
  /** Step size > 0 (gd, momentum; default 0.01). */
  eta?: number;
  /** Momentum constant 0 <= alpha < 1 (momentum; default 0.9): dx(n) = alpha dx(n-1) - eta grad f. */
  alpha?: number;
  /** Converged when |grad f| < tol (default 1e-6). */
  tol?: number;
  /** 1..optimLimits.maxIterations (default 1000). */
  maxIterations?: number;
}

export interface OptimTrajectory {
  /** x0, y0, x1, y1, ...: iterations + 1 finite points. */
  path: Float64Array;
  /** Steps taken; 0 when the start already converged. */
  iterations: number;
  status: OptimOutcome;
}

export interface OptimSyntaxError {
  /** 0-based character position. */
  position: number;
  message: string;
}

export interface OptimLimits {
  maxGrid: number;
  maxIterations: number;
  maxKappa: number;
  /** |x|, |y| of points, grid corners and start points. */
  maxCoord: number;
  /** An iterate with |x| or |y| beyond this has diverged. */
  divergeAt: number;
}

export interface OptimApi {
  optimLimits: OptimLimits;
  optimFunctions: readonly OptimFunctionName[];
  /** null when the text is a valid f(x, y); else the 0-based position and a message. */
  optimCheckExpression(text: string): OptimSyntaxError | null;
  /** RangeError where f or a derivative is not finite (outside its domain). */
  optimEvaluate(f: OptimFunction, x: number, y: number): OptimPoint;
  optimGrid(f: OptimFunction, options: OptimGridOptions): OptimGrid;
  optimDescend(f: OptimFunction, options: OptimDescendOptions): OptimTrajectory;
}
