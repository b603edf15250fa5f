// Descent methods on f(x, y) (docs/optim.md): value, gradient and Hessian
// with exact derivatives, contour grids (of f or of its second-order Taylor
// approximation) and trajectories of gradient descent, momentum and Newton's
// method. Everything is computed in the core in double precision; a
// trajectory's end (converged, diverged, ...) is a status, never a NaN.
import { checkInt, checkNumber, checkObject, checkOption, describe, arrayLength, readOptions } from './core/validate.mjs';

// The core's sc_optim_kind, sc_optim_method and sc_optim_outcome, in order.
export const OPTIM_FUNCTIONS = Object.freeze(['quadratic', 'rosenbrock', 'himmelblau', 'saddle']);
export const OPTIM_METHODS = Object.freeze(['gd', 'momentum', 'newton']);
export const OPTIM_OUTCOMES = Object.freeze(['converged', 'max-iterations', 'diverged', 'singular', 'undefined']);
const KIND_EXPR = OPTIM_FUNCTIONS.length;
const MAX_TEXT = 1024; // SC_EXPR_MAX_TEXT (core/src/ode/expr.h)

export function optimApi({ ex, i32, block, cString, check, limit }) {
  const LIMITS = Object.freeze({
    maxGrid: limit('SC_OPTIM_MAX_GRID'),
    maxIterations: limit('SC_OPTIM_MAX_ITER'),
    maxKappa: limit('SC_OPTIM_MAX_KAPPA'),
    maxCoord: limit('SC_OPTIM_MAX_COORD'),
    divergeAt: limit('SC_OPTIM_DIVERGE_AT'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  const f32 = () => new Float32Array(ex.memory.buffer);
  const coord = (fn, name, v) => checkNumber(fn, name, v, { min: -LIMITS.maxCoord, max: LIMITS.maxCoord });

  function cStringIn(role, text) {
    const ptr = block(role, text.length + 1);
    const bytes = new Uint8Array(ex.memory.buffer, ptr, text.length + 1);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    bytes[text.length] = 0;
    return ptr;
  }

  function checkText(fn, name, text) {
    if (typeof text !== 'string') throw new TypeError(`${fn}: ${name} must be an expression string, got ${describe(text)}`);
    if (text.length > MAX_TEXT) throw new RangeError(`${fn}: ${name} is longer than ${MAX_TEXT} characters`);
    return text;
  }

  // Syntax check in the core: null, or { position, message }.
  function syntaxError(text) {
    const bad = text.search(/[^\x20-\x7e\t\n\r]/);
    if (bad >= 0) return { position: bad, message: 'unexpected character' };
    const out = block('optim-check', 8);
    const status = ex.sc_flat_optim_check(cStringIn('optim-text', text), out, out + 4);
    if (status === 0) return null;
    return { position: i32()[out >> 2], message: cString(i32()[(out + 4) >> 2]) };
  }

  // fn: 'rosenbrock', { name: 'quadratic', kappa, angle } or { expression }.
  // Returns { kind, kappa, angle, text }; coreArgs() writes the text into
  // wasm memory only after every argument was read (a caller's getter could
  // re-enter the binding and reuse the text block).
  function func(fn, spec) {
    if (typeof spec === 'string') spec = { name: spec };
    if (spec === undefined) {
      throw new TypeError(`${fn}: f is required (one of ${OPTIM_FUNCTIONS.map((n) => `'${n}'`).join(', ')}, or { expression })`);
    }
    const o = readOptions(fn, 'f', checkObject(fn, 'f', spec), ['name', 'kappa', 'angle', 'expression']);
    if (o.expression !== undefined) {
      if (o.name !== undefined || o.kappa !== undefined || o.angle !== undefined) {
        throw new RangeError(`${fn}: f.expression takes no name, kappa or angle`);
      }
      const text = checkText(fn, 'f.expression', o.expression);
      const err = syntaxError(text);
      if (err) throw new SyntaxError(`${fn}: f.expression: ${err.message} at position ${err.position}\n  ${text}\n  ${' '.repeat(err.position)}^`);
      return { kind: KIND_EXPR, kappa: 1, angle: 0, text };
    }
    if (o.name === undefined) throw new TypeError(`${fn}: f.name or f.expression is required`);
    const kind = checkOption(fn, 'f.name', o.name, OPTIM_FUNCTIONS);
    if (kind !== 0 && (o.kappa !== undefined || o.angle !== undefined)) {
      throw new RangeError(`${fn}: f.kappa and f.angle belong to 'quadratic', not '${o.name}'`);
    }
    const kappa = o.kappa === undefined ? 10 : checkNumber(fn, 'f.kappa', o.kappa, { min: 1, max: LIMITS.maxKappa });
    const angle = o.angle === undefined ? 0 : checkNumber(fn, 'f.angle', o.angle, { min: -1e6, max: 1e6 });
    return { kind, kappa, angle, text: null };
  }
  const coreArgs = (f) => [f.kind, f.kappa, f.angle, f.text === null ? 0 : cStringIn('optim-text', f.text)];

  function point(fn, name, v) {
    if (arrayLength(v) !== 2) throw new TypeError(`${fn}: ${name} must be [x, y], got ${describe(v)}`);
    const x = v[0], y = v[1];
    return [coord(fn, `${name}[0]`, x), coord(fn, `${name}[1]`, y)];
  }

  return {
    optimLimits: LIMITS,
    optimFunctions: OPTIM_FUNCTIONS,

    /** null for a valid expression, else { position, message } (0-based position). */
    optimCheckExpression(text) {
      const fn = 'optimCheckExpression';
      return syntaxError(checkText(fn, 'text', text));
    },

    /** f, gradient, Hessian and its eigen-decomposition at (x, y). */
    optimEvaluate(f, x, y) {
      const name = 'optimEvaluate';
      const fun = func(name, f);
      coord(name, 'x', x);
      coord(name, 'y', y);
      const out = block('optim-eval', 80);
      const status = ex.sc_flat_optim_eval(...coreArgs(fun), x, y, out, 10);
      if (status !== 0 && cString(ex.sc_last_error_arg()) === 'point') {
        throw new RangeError(`${name}: f or one of its first two derivatives is not finite at (${x}, ${y}) (outside the domain of f, or too large)`);
      }
      check(name, status);
      const v = f64().slice(out >> 3, (out >> 3) + 10);
      return {
        value: v[0],
        gradient: [v[1], v[2]],
        hessian: [[v[3], v[4]], [v[4], v[5]]],
        eigenvalues: [v[6], v[7]],
        eigenvectors: [[v[8], v[9]], [-v[9], v[8]]],
      };
    },

    /** Values on nx x ny points of [x0, x1] x [y0, y1], row-major from (x0, y0);
     * with taylorAt: [cx, cy], of the second-order Taylor approximation there. */
    optimGrid(f, options) {
      const name = 'optimGrid';
      const fun = func(name, f);
      const o = readOptions(name, 'options', options, ['x0', 'x1', 'y0', 'y1', 'nx', 'ny', 'taylorAt']);
      for (const k of ['x0', 'x1', 'y0', 'y1', 'nx', 'ny']) if (o[k] === undefined) throw new TypeError(`${name}: options.${k} is required`);
      const [x0, x1, y0, y1] = ['x0', 'x1', 'y0', 'y1'].map((k) => coord(name, k, o[k]));
      if (!(x0 < x1)) throw new RangeError(`${name}: x0 ${x0} must be < x1 ${x1}`);
      if (!(y0 < y1)) throw new RangeError(`${name}: y0 ${y0} must be < y1 ${y1}`);
      const nx = checkInt(name, 'nx', o.nx, 2, LIMITS.maxGrid);
      const ny = checkInt(name, 'ny', o.ny, 2, LIMITS.maxGrid);
      const [cx, cy] = o.taylorAt === undefined ? [0, 0] : point(name, 'taylorAt', o.taylorAt);
      const n = nx * ny;
      const out = block('optim-grid', 4 * n);
      const pBad = block('optim-bad', 4);
      const status = ex.sc_flat_optim_grid(...coreArgs(fun), x0, x1, y0, y1, nx, ny, o.taylorAt === undefined ? 0 : 1, cx, cy, out, n, pBad);
      if (status !== 0 && cString(ex.sc_last_error_arg()) === 'centre') {
        throw new RangeError(`${name}: f or one of its first two derivatives is not finite at taylorAt (${cx}, ${cy})`);
      }
      check(name, status);
      return { values: f32().slice(out >> 2, (out >> 2) + n), nx, ny, undefinedCount: i32()[pBad >> 2] };
    },

    /** A trajectory from start: { path (x0, y0, x1, y1, ...), iterations, status }. */
    optimDescend(f, options) {
      const name = 'optimDescend';
      const fun = func(name, f);
      const o = readOptions(name, 'options', options, ['method', 'start', 'eta', 'alpha', 'tol', 'maxIterations']);
      const method = o.method === undefined ? 0 : checkOption(name, 'method', o.method, OPTIM_METHODS);
      if (o.start === undefined) throw new TypeError(`${name}: options.start [x, y] is required`);
      const [x0, y0] = point(name, 'start', o.start);
      const eta = o.eta === undefined ? 0.01 : checkNumber(name, 'eta', o.eta, { gt: 0, max: 1e6 });
      const alpha = o.alpha === undefined ? 0.9 : checkNumber(name, 'alpha', o.alpha, { min: 0 });
      if (!(alpha < 1)) throw new RangeError(`${name}: alpha ${alpha} must be < 1`);
      const tol = o.tol === undefined ? 1e-6 : checkNumber(name, 'tol', o.tol, { gt: 0 });
      const maxIter = o.maxIterations === undefined ? 1000 : checkInt(name, 'maxIterations', o.maxIterations, 1, LIMITS.maxIterations);
      const npath = 2 * (maxIter + 1);
      const pPath = block('optim-path', 8 * npath);
      const pInfo = block('optim-info', 12);
      check(name, ex.sc_flat_optim_descend(...coreArgs(fun), method, eta, alpha, tol, maxIter, x0, y0, pPath, npath, pInfo, 3));
      const info = i32().slice(pInfo >> 2, (pInfo >> 2) + 3);
      return {
        path: f64().slice(pPath >> 3, (pPath >> 3) + 2 * info[2]),
        iterations: info[1],
        status: OPTIM_OUTCOMES[info[0]],
      };
    },
  };
}

export const AREA = Object.freeze({ name: 'optim', core: 'optim', attach: (core) => optimApi(core) });
