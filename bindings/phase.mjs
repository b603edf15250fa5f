// Phase-plane functions of the binding: directionField, nullclines,
// equilibria, separatrices and classifyLinear, over the systems of the ODE
// area (ode.mjs: odeShared gives the table and the argument helpers).
// Mathematics and tolerances: docs/ode.md ("Phase plane"); the C contract:
// core/include/simcore/phase.h.
import { odeShared } from './ode.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, describe, isArray, readOptions, typedArrayKind, typedArrayLength } from './core/validate.mjs';

const EQ_TYPES = Object.freeze(['saddle', 'center', 'stable-focus', 'unstable-focus', 'stable-node', 'unstable-node',
  'stable-degenerate-node', 'unstable-degenerate-node', 'stable-star', 'unstable-star', 'non-isolated']);

const EQ3_TYPES = Object.freeze(['sink', 'spiral-sink', 'source', 'spiral-source', 'saddle', 'spiral-saddle', 'non-hyperbolic']);

const SET = Float32Array.prototype.set;

export function phaseApi(core, shared) {
  const { ex, f32, i32, block, check, checkOutputs, cString } = core;
  const { ODE_LIMITS, system, paramVector, stateVector, variable, range, ptrOrNull, copyIn64, copyOut64, cStringIn } = shared;
  const MAX_POINTS = core.limit('SC_OPTIM_MAX_POINTS');

  // A Lyapunov candidate's text, checked by the core's parser (a SyntaxError with its position).
  function candidate(fn, V) {
    if (typeof V !== 'string') throw new TypeError(`${fn}: V must be an expression string, got ${describe(V)}`);
    if (V.length > 1024) throw new RangeError(`${fn}: V is longer than 1024 characters`);
    const bad = V.search(/[^\x20-\x7e\t\n\r]/);
    if (bad >= 0) throw new SyntaxError(`${fn}: V: unexpected character at position ${bad}`);
    const out = block('phase-check', 8);
    if (ex.sc_flat_optim_check(cStringIn('phase-V', V), out, out + 4) !== 0) {
      const pos = i32()[out >> 2];
      throw new SyntaxError(`${fn}: V: ${cString(i32()[(out + 4) >> 2])} at position ${pos}\n  ${V}\n  ${' '.repeat(pos)}^`);
    }
    return V;
  }

  // The plane: vars (default the first two variables) and fixed values.
  function plane(fn, s, o) {
    let xvar = 0;
    let yvar = 1;
    if (o.vars !== undefined) {
      if (!isArray(o.vars) || o.vars.length !== 2) throw new TypeError(`${fn}: vars must be [xVariable, yVariable], got ${describe(o.vars)}`);
      xvar = variable(fn, 'vars[0]', s, o.vars[0]);
      yvar = variable(fn, 'vars[1]', s, o.vars[1]);
      if (xvar === yvar) throw new RangeError(`${fn}: vars must name two different variables`);
    }
    let fixed = null;
    if (o.fixed !== undefined) fixed = stateVector(fn, 'fixed', s, o.fixed);
    else if (s.dim > 2) fixed = s.y0.slice();
    return { xvar, yvar, fixed };
  }

  // The class and equilibrium records' layouts come from the core
  // (sc_boundary() records, SC_FLAT_CLASS_* and SC_FLAT_EQ_* of phase.h).
  const R = core.boundary.records;
  function classRecord(d, o) {
    const ev = o + R.SC_FLAT_CLASS_EIGENVALUES;
    const vec = o + R.SC_FLAT_CLASS_EIGENVECTORS;
    return {
      type: EQ_TYPES[d[o + R.SC_FLAT_CLASS_TYPE]],
      trace: d[o + R.SC_FLAT_CLASS_TRACE],
      det: d[o + R.SC_FLAT_CLASS_DET],
      discriminant: d[o + R.SC_FLAT_CLASS_DISC],
      eigenvalues: [{ re: d[ev], im: d[ev + 1] }, { re: d[ev + 2], im: d[ev + 3] }],
      eigenvectors: [
        { re: [d[vec], d[vec + 1]], im: [d[vec + 2], d[vec + 3]] },
        { re: [d[vec + 4], d[vec + 5]], im: [d[vec + 6], d[vec + 7]] },
      ],
    };
  }

  // Polylines are owned by a core handle: read by size, then freed.
  function polylines(fn, ph) {
    const h = i32()[ph >> 2] >>> 0;
    try {
      const info = block('phase-info', 8);
      check(fn, ex.sc_flat_phase_lines_info(h, info, 2));
      const [points, lines] = i32().slice(info >> 2, (info >> 2) + 2);
      const pxy = block('phase-xy', Math.max(2 * points, 1) * 8);
      const pst = block('phase-start', (lines + 1) * 8);
      check(fn, ex.sc_flat_phase_lines_read(h, pxy, 2 * points, pst, lines + 1));
      const xy = copyOut64(pxy, 2 * points);
      const start = copyOut64(pst, lines + 1);
      const out = [];
      for (let l = 0; l < lines; l++) out.push(xy.slice(2 * start[l], 2 * start[l + 1]));
      return out;
    } finally {
      ex.sc_flat_phase_lines_free(h);
    }
  }

  return {
    /** (dx, dy) per grid point, x fastest: Float32Array of 2 * nx * ny (into `out` if given). */
    directionField(options) {
      const fn = 'directionField';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'x', 'y', 'fixed', 'vars', 'out']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const [x0, x1, nx] = range(fn, 'x', o.x, true);
      const [y0, y1, ny] = range(fn, 'y', o.y, true);
      if (nx * ny > ODE_LIMITS.maxGridPoints) throw new RangeError(`${fn}: nx * ny = ${nx * ny} exceeds ${ODE_LIMITS.maxGridPoints}`);
      if (o.out !== undefined) {
        if (typedArrayKind(o.out) !== 'Float32Array') throw new TypeError(`${fn}: out must be a Float32Array, got ${describe(o.out)}`);
        const n = typedArrayLength(o.out);
        if (n !== 2 * nx * ny) throw new RangeError(`${fn}: out has length ${n}, expected 2 * nx * ny = ${2 * nx * ny}`);
      }
      const { xvar, yvar, fixed } = plane(fn, s, o);
      const pp = copyIn64('ode-params', p);
      const pf = ptrOrNull('ode-fixed', fixed);
      const pout = block('ode-field', nx * ny * 8);
      // The core reports a non-finite field (SC_ERR_OVERFLOW "out").
      checkOutputs(fn, ex.sc_flat_phase_direction_field(s.id, pp, p.length, xvar, yvar, pf, fixed ? fixed.length : 0, x0, x1, nx, y0, y1, ny, pout),
        { out: { ptr: pout, n: 2 * nx * ny,
          message: (i, v) => `the field overflows float32 at grid point ${i >> 1} (${v}); use a smaller box or smaller parameters` } });
      const view = f32().subarray(pout >> 2, (pout >> 2) + 2 * nx * ny);
      // out: reuse the caller's array (animation frames allocate nothing)
      if (o.out) {
        SET.call(o.out, view); // intrinsic: a subclass's set() never sees wasm memory
        return o.out;
      }
      return view.slice();
    },

    /** { x: [Float64Array (x0, y0, x1, y1, ...)], y: [...] }: dx/dt = 0 and dy/dt = 0. */
    nullclines(options) {
      const fn = 'nullclines';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'x', 'y', 'fixed', 'vars']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const [x0, x1, nx] = range(fn, 'x', o.x, true, 1024);
      const [y0, y1, ny] = range(fn, 'y', o.y, true, 1024);
      if (nx * ny > ODE_LIMITS.maxNullclinePoints) throw new RangeError(`${fn}: nx * ny = ${nx * ny} exceeds ${ODE_LIMITS.maxNullclinePoints}`);
      const { xvar, yvar, fixed } = plane(fn, s, o);
      const out = {};
      for (const [key, which] of [['x', 0], ['y', 1]]) {
        const pp = copyIn64('ode-params', p);
        const pf = ptrOrNull('ode-fixed', fixed);
        const ph = block('phase-lines', 4);
        check(fn, ex.sc_flat_phase_nullcline(s.id, pp, p.length, xvar, yvar, pf, fixed ? fixed.length : 0, which, x0, x1, nx,
          y0, y1, ny, ph));
        out[key] = polylines(fn, ph);
      }
      return out;
    },

    /** Every equilibrium in the box with its Jacobian, eigen-data and type. */
    equilibria(options) {
      const fn = 'equilibria';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'x', 'y', 'fixed', 'vars', 'seeds']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const [x0, x1] = range(fn, 'x', o.x, false);
      const [y0, y1] = range(fn, 'y', o.y, false);
      const seeds = o.seeds === undefined ? 0 : checkInt(fn, 'seeds', o.seeds, 2, 256);
      const { xvar, yvar, fixed } = plane(fn, s, o);
      const pp = copyIn64('ode-params', p);
      const pf = ptrOrNull('ode-fixed', fixed);
      const max = ODE_LIMITS.maxEquilibria;
      const EQ = R.SC_FLAT_EQ_SIZE;
      const pout = block('ode-eq', max * EQ * 8);
      const pc = block('ode-info', 8 * 4);
      check(fn, ex.sc_flat_phase_equilibria(s.id, pp, p.length, xvar, yvar, pf, fixed ? fixed.length : 0, x0, x1, y0, y1, seeds,
        pout, max, pc));
      const n = i32()[pc >> 2];
      const d = copyOut64(pout, n * EQ);
      return Array.from({ length: n }, (_, k) => {
        const o = EQ * k;
        const j = o + R.SC_FLAT_EQ_JACOBIAN;
        return { x: d[o + R.SC_FLAT_EQ_X], y: d[o + R.SC_FLAT_EQ_Y], jacobian: Array.from(d.subarray(j, j + 4)), ...classRecord(d, o + R.SC_FLAT_EQ_CLASS) };
      });
    },

    /** Stable and unstable manifolds of each saddle: [{ kind, saddle, points }]. */
    separatrices(options) {
      const fn = 'separatrices';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'x', 'y', 'tMax']);
      const s = system(fn, o.system);
      if (s.dim !== 2) throw new RangeError(`${fn}: system '${s.name}' is ${s.dim}-D; separatrices need a 2-D system`);
      const p = paramVector(fn, s, o.params);
      const [x0, x1] = range(fn, 'x', o.x, false);
      const [y0, y1] = range(fn, 'y', o.y, false);
      const tMax = o.tMax === undefined ? 0 : checkNumber(fn, 'tMax', o.tMax, { gt: 0, max: 1e6 });
      const pp = copyIn64('ode-params', p);
      const ph = block('phase-lines', 4);
      check(fn, ex.sc_flat_phase_separatrices(s.id, pp, p.length, x0, x1, y0, y1, tMax, ph));
      return polylines(fn, ph).map((points, l) => ({
        kind: l % 4 < 2 ? 'unstable' : 'stable', saddle: { x: points[0], y: points[1] }, points,
      }));
    },

    /** Type of the equilibrium of x' = a x + b y, y' = c x + d y. */
    classifyLinear(a, b, c, d, options) {
      const fn = 'classifyLinear';
      // |entries| <= 1e150 keeps det and the discriminant (products of two
      // entries, squared trace) inside double: larger ones gave Infinity/NaN.
      const v = [a, b, c, d].map((x, i) => checkNumber(fn, 'abcd'[i], x, { min: -1e150, max: 1e150 }));
      const o = readOptions(fn, 'options', options, ['tolerance'], true);
      const tol = o.tolerance === undefined ? 0 : checkNumber(fn, 'tolerance', o.tolerance, { min: 0, max: 0.1 });
      const pout = block('ode-class', R.SC_FLAT_CLASS_SIZE * 8);
      check(fn, ex.sc_flat_classify_linear(v[0], v[1], v[2], v[3], tol, pout));
      return classRecord(copyOut64(pout, R.SC_FLAT_CLASS_SIZE), 0);
    },

    /**
     * V and dV/dt = grad V . f of a typed candidate on a grid, and the
     * basin estimate (phase.d.ts, docs/ode.md "Lyapunov candidates").
     */
    lyapunovMap(options) {
      const fn = 'lyapunovMap';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'V', 'x', 'y', 'fixed', 'vars']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const V = candidate(fn, o.V);
      const [x0, x1, nx] = range(fn, 'x', o.x, true);
      const [y0, y1, ny] = range(fn, 'y', o.y, true);
      if (nx * ny > ODE_LIMITS.maxGridPoints) throw new RangeError(`${fn}: nx * ny = ${nx * ny} exceeds ${ODE_LIMITS.maxGridPoints}`);
      const { xvar, yvar, fixed } = plane(fn, s, o);
      const pp = copyIn64('ode-params', p);
      const pf = ptrOrNull('ode-fixed', fixed);
      const pv = block('phase-lyap-v', nx * ny * 4);
      const pd = block('phase-lyap-vdot', nx * ny * 4);
      const pi = block('phase-lyap-info', 32);
      check(fn, ex.sc_flat_phase_lyapunov_grid(s.id, pp, p.length, xvar, yvar, pf, fixed ? fixed.length : 0, cStringIn('phase-V', V),
        x0, x1, nx, y0, y1, ny, pv, pd, nx * ny, pi, 4));
      const [level, mx, my, vmin] = copyOut64(pi, 4);
      const v = f32().slice(pv >> 2, (pv >> 2) + nx * ny);
      const vdot = f32().slice(pd >> 2, (pd >> 2) + nx * ny);
      return { V: v, Vdot: vdot, level: Number.isFinite(level) && level > vmin ? level : null, minimum: Number.isFinite(vmin) ? { x: mx, y: my, V: vmin } : null };
    },

    /** V and dV/dt at points: V0, dV0, V1, dV1, ... (NaN where undefined). */
    lyapunovAt(options) {
      const fn = 'lyapunovAt';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'V', 'points', 'fixed', 'vars']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const V = candidate(fn, o.V);
      const len = arrayLength(o.points);
      if (len < 0) throw new TypeError(`${fn}: points must be an array x0, y0, x1, y1, ..., got ${describe(o.points)}`);
      if (len < 2 || len % 2 || len / 2 > MAX_POINTS) throw new RangeError(`${fn}: points must hold 1 to ${MAX_POINTS} (x, y) pairs, got length ${len}`);
      const xy = checkArray(fn, 'points', o.points, len, Float64Array);
      const { xvar, yvar, fixed } = plane(fn, s, o);
      const pp = copyIn64('ode-params', p);
      const pf = ptrOrNull('ode-fixed', fixed);
      const pxy = copyIn64('phase-lyap-points', xy);
      const pout = block('phase-lyap-out', len * 8);
      const pu = block('phase-lyap-undef', 4);
      check(fn, ex.sc_flat_phase_lyapunov_points(s.id, pp, p.length, xvar, yvar, pf, fixed ? fixed.length : 0, cStringIn('phase-V', V),
        pxy, len / 2, pout, len, pu));
      return copyOut64(pout, len);
    },

    /** Type, eigenvalues and real eigenvectors of x' = A x in three dimensions (phase.d.ts). */
    classifyLinear3(A) {
      const fn = 'classifyLinear3';
      const pa = copyIn64('phase-A3', matrix3(fn, 'A', A));
      const pout = block('phase-class3', R.SC_FLAT_CLASS3_SIZE * 8);
      check(fn, ex.sc_flat_classify_linear3(pa, 9, pout, R.SC_FLAT_CLASS3_SIZE));
      const d = copyOut64(pout, R.SC_FLAT_CLASS3_SIZE);
      const ev = R.SC_FLAT_CLASS3_EIGENVALUES;
      const vec = R.SC_FLAT_CLASS3_VECTORS;
      return {
        type: EQ3_TYPES[d[R.SC_FLAT_CLASS3_TYPE]],
        unstableDim: d[R.SC_FLAT_CLASS3_UNSTABLE_DIM],
        trace: d[R.SC_FLAT_CLASS3_TRACE],
        minors: d[R.SC_FLAT_CLASS3_MINORS],
        det: d[R.SC_FLAT_CLASS3_DET],
        eigenvalues: [0, 1, 2].map((k) => ({ re: d[ev + 2 * k], im: d[ev + 2 * k + 1] })),
        eigenvectors: [0, 1, 2].map((k) => (d[R.SC_FLAT_CLASS3_REAL + k] ? [d[vec + 3 * k], d[vec + 3 * k + 1], d[vec + 3 * k + 2]] : null)),
      };
    },

    /** x(t_i) = e^{A t_i} x0 in three dimensions: x0, y0, z0, x1, ... */
    linear3Solution(A, x0, times) {
      const fn = 'linear3Solution';
      const a = matrix3(fn, 'A', A);
      const x = checkArray(fn, 'x0', x0, 3, Float64Array);
      const n = arrayLength(times);
      if (n < 0) throw new TypeError(`${fn}: times must be an array of numbers, got ${describe(times)}`);
      if (n < 1 || n > ODE_LIMITS.maxSteps) throw new RangeError(`${fn}: times must hold 1 to ${ODE_LIMITS.maxSteps} values, got ${n}`);
      const ts = checkArray(fn, 'times', times, n, Float64Array);
      const pa = copyIn64('phase-A3', a);
      const px = copyIn64('phase-x3', x);
      const pt = copyIn64('phase-times', ts);
      const pout = block('phase-solution3', 24 * n);
      check(fn, ex.sc_flat_linear3_solution(pa, 9, px, 3, pt, n, pout, 3 * n));
      return copyOut64(pout, 3 * n);
    },

    linearExp(A, t) {
      const fn = 'linearExp';
      const [a, b, c, d] = matrix2(fn, 'A', A);
      const tt = checkNumber(fn, 't', t);
      const pout = block('phase-expm', 32);
      check(fn, ex.sc_flat_linear_exp(a, b, c, d, tt, pout));
      const e = copyOut64(pout, 4);
      return [[e[0], e[1]], [e[2], e[3]]];
    },

    linearSolution(A, x0, times) {
      const fn = 'linearSolution';
      const [a, b, c, d] = matrix2(fn, 'A', A);
      const x = checkArray(fn, 'x0', x0, 2, Float64Array);
      const n = arrayLength(times);
      if (n < 0) throw new TypeError(`${fn}: times must be an array of numbers, got ${describe(times)}`);
      if (n < 1 || n > ODE_LIMITS.maxSteps) throw new RangeError(`${fn}: times must hold 1 to ${ODE_LIMITS.maxSteps} values, got ${n}`);
      const ts = checkArray(fn, 'times', times, n, Float64Array);
      const pt = copyIn64('phase-times', ts);
      const pout = block('phase-solution', 16 * n);
      check(fn, ex.sc_flat_linear_solution(a, b, c, d, x[0], x[1], pt, n, pout, 2 * n));
      return copyOut64(pout, 2 * n);
    },

    lyapunovLinear(A, Q) {
      const fn = 'lyapunovLinear';
      const [a, b, c, d] = matrix2(fn, 'A', A);
      const [q11, q12, q21, q22] = Q === undefined ? [1, 0, 0, 1] : matrix2(fn, 'Q', Q);
      if (q12 !== q21) throw new RangeError(`${fn}: Q must be symmetric, got Q[0][1] = ${q12} and Q[1][0] = ${q21}`);
      const pout = block('phase-lyapunov', 24);
      check(fn, ex.sc_flat_lyapunov_linear(a, b, c, d, q11, q12, q22, pout));
      const [p11, p12, p22] = copyOut64(pout, 3);
      return { P: [[p11, p12], [p12, p22]], positiveDefinite: p11 > 0 && p11 * p22 - p12 * p12 > 0 };
    },
  };
}

// A 3x3 matrix [[a11, a12, a13], [a21, ...], [...]]: its entries row by row, each finite, |a| <= 1e100.
function matrix3(fn, name, M) {
  if (!isArray(M) || M.length !== 3) throw new TypeError(`${fn}: ${name} must be a 3x3 matrix (three rows of three numbers), got ${describe(M)}`);
  const out = [];
  for (let i = 0; i < 3; i++) {
    const row = M[i];
    if (!isArray(row) || row.length !== 3) throw new TypeError(`${fn}: ${name}[${i}] must be a row of 3 numbers, got ${describe(row)}`);
    for (let j = 0; j < 3; j++) out.push(checkNumber(fn, `${name}[${i}][${j}]`, row[j], { min: -1e100, max: 1e100 }));
  }
  return out;
}

// A 2x2 matrix given as [[a, b], [c, d]]: its entries row by row, each a finite number.
function matrix2(fn, name, M) {
  if (!isArray(M) || M.length !== 2) throw new TypeError(`${fn}: ${name} must be a 2x2 matrix [[a, b], [c, d]], got ${describe(M)}`);
  const out = [];
  for (let i = 0; i < 2; i++) {
    const row = M[i];
    if (!isArray(row) || row.length !== 2) throw new TypeError(`${fn}: ${name}[${i}] must be a row of 2 numbers, got ${describe(row)}`);
    for (let j = 0; j < 2; j++) out.push(checkNumber(fn, `${name}[${i}][${j}]`, row[j], { min: -1e150, max: 1e150 }));
  }
  return out;
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'phase', core: 'phase', attach: (core) => phaseApi(core, core.memo('ode', odeShared)) });
