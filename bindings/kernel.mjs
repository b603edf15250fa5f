// Kernel density estimates (1-D, 2-D) and kernel regression (Nadaraya-Watson,
// local linear) of the kernel area. Names fixed by issue 15; conventions in
// kernel.d.ts and docs/kernels.md; the C contract: core/include/simcore/kernel.h.
// Everything is float64. No handles: each call copies in, computes, copies out.
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, isArray, readOptions } from './core/validate.mjs';

export const KDE_KERNELS = Object.freeze(['gaussian', 'epanechnikov', 'biweight', 'triangular', 'uniform']); // sc_kde_kernel's order
export const KDE_RULES = Object.freeze(['silverman', 'scott', 'lscv', 'lcv']); // sc_kde_rule's order
export const KDE_METHODS = Object.freeze(['exact', 'binned']); // sc_kde_method's order
export const KREG_METHODS = Object.freeze(['nw', 'local-linear']); // sc_kreg_method's order
const DEFAULT_CV_GRID = 40;

// Phi^-1(p) by Acklam's rational approximation (relative error < 1.2e-9),
// for the band's z = Phi^-1((1 + level) / 2).
function normalQuantile(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

export function kernelApi({ ex, block, check, limit }) {
  const LIMITS = Object.freeze({
    maxSamples: limit('SC_KDE_MAX_SAMPLES'),
    maxPoints: limit('SC_KDE_MAX_POINTS'),
    maxGrid: limit('SC_KDE_MAX_GRID'),
    maxCvSamples: limit('SC_KDE_MAX_CV'),
    maxCvGrid: limit('SC_KDE_MAX_CV_GRID'),
    maxValue: limit('SC_KDE_MAX_VALUE'),
    minBandwidth: limit('SC_KDE_MIN_BANDWIDTH'),
    maxBandwidth: limit('SC_KDE_MAX_BANDWIDTH'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);

  // A numeric array of any length in [min, max] (count = length / per),
  // snapshotted as Float64Array.
  function values(fn, name, v, per, min, max, what) {
    const length = arrayLength(v);
    if (length < 0) throw new TypeError(`${fn}: ${name} must be a Float64Array, Float32Array or an Array of numbers, got ${describe(v)}`);
    const count = length / per;
    if (!Number.isInteger(count) || count < min || count > max) {
      throw new RangeError(`${fn}: ${name} has length ${length}; expected ${per === 1 ? '' : `${per} x `}${what} with ${what} ${min}..${max}`);
    }
    return checkArray(fn, name, v, length, Float64Array);
  }

  function copyIn(role, array) {
    const p = block(role, Math.max(array.length, 1) * 8);
    f64().set(array, p >> 3);
    return p;
  }
  const out = (p, n) => f64().slice(p >> 3, (p >> 3) + n);

  function axis(fn, name, g) {
    const o = readOptions(fn, name, g, ['from', 'to', 'n']);
    const from = checkNumber(fn, `${name}.from`, o.from, { min: -LIMITS.maxValue, max: LIMITS.maxValue });
    const to = checkNumber(fn, `${name}.to`, o.to, { min: -LIMITS.maxValue, max: LIMITS.maxValue });
    if (!(from < to)) throw new RangeError(`${fn}: ${name}.from ${from} must be < ${name}.to ${to}`);
    const n = checkInt(fn, `${name}.n`, o.n, 2, LIMITS.maxGrid);
    return { from, to, n };
  }
  const axisPoints = ({ from, to, n }) => Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? to : from + i * ((to - from) / (n - 1))));

  function bandwidthNumber(fn, name, v) {
    return checkNumber(fn, name, v, { min: LIMITS.minBandwidth, max: LIMITS.maxBandwidth });
  }

  /** 1-D density estimate: { bandwidth, x, density, method, errorBound }. */
  function kde1d(samples, options) {
    const fn = 'kde1d';
    const o = readOptions(fn, 'options', options, ['kernel', 'bandwidth', 'grid', 'points', 'method']);
    const x = values(fn, 'samples', samples, 1, 1, LIMITS.maxSamples, 'n');
    const n = x.length;
    const kernel = o.kernel === undefined ? 0 : checkOption(fn, 'kernel', o.kernel, KDE_KERNELS);
    const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, KDE_METHODS);
    const bw = o.bandwidth ?? 'silverman';
    let rule = -1, h = 0;
    if (typeof bw === 'string') {
      rule = checkOption(fn, 'bandwidth', bw, KDE_RULES);
      const cv = rule >= 2;
      if (n < 2 || (cv && n > LIMITS.maxCvSamples)) {
        throw new RangeError(`${fn}: bandwidth '${bw}' needs 2..${cv ? LIMITS.maxCvSamples : LIMITS.maxSamples} samples, got ${n}`);
      }
    } else if (typeof bw === 'number') {
      h = bandwidthNumber(fn, 'bandwidth', bw);
    } else {
      throw new TypeError(`${fn}: bandwidth must be a number or one of ${KDE_RULES.map((r) => `'${r}'`).join(', ')}, got ${describe(bw)}`);
    }
    if ((o.grid === undefined) === (o.points === undefined)) throw new TypeError(`${fn}: give exactly one of options.grid ({ from, to, n }) and options.points`);
    const grid = o.grid === undefined ? null : axis(fn, 'grid', o.grid);
    const at = grid ? null : values(fn, 'points', o.points, 1, 1, LIMITS.maxPoints, 'm');
    if (!grid && method !== 0) throw new RangeError(`${fn}: method 'binned' needs a grid, not points`);

    const pX = copyIn('kde-x', x);
    if (rule >= 0) {
      const pH = block('kde-h', 8);
      check(fn, ex.sc_flat_kde1d_bandwidth(pX, n, kernel, rule, pH));
      h = f64()[pH >> 3];
    }
    const m = grid ? grid.n : at.length;
    const pD = block('kde-density', m * 8);
    let used = 0, errorBound = 0;
    if (grid) {
      const pI = block('kde-info', 16);
      check(fn, ex.sc_flat_kde1d_grid(pX, n, kernel, h, grid.from, grid.to, m, method, pD, pI));
      errorBound = f64()[pI >> 3];
      used = f64()[(pI >> 3) + 1];
    } else {
      const pA = copyIn('kde-at', at);
      check(fn, ex.sc_flat_kde1d_points(pX, n, kernel, h, pA, m, pD));
    }
    return { bandwidth: h, x: grid ? axisPoints(grid) : at, density: out(pD, m), method: KDE_METHODS[used], errorBound };
  }

  function matrix(fn, v) {
    if (!isArray(v) || arrayLength(v) !== 2) throw new TypeError(`${fn}: bandwidth must be 'scott', 'silverman', a number or [[h11, h12], [h12, h22]], got ${describe(v)}`);
    const r0 = v[0], r1 = v[1];
    const a = checkArray(fn, 'bandwidth[0]', r0, 2, Float64Array), b = checkArray(fn, 'bandwidth[1]', r1, 2, Float64Array);
    const h11 = checkNumber(fn, 'bandwidth[0][0]', a[0], { gt: 0 });
    const h12 = checkNumber(fn, 'bandwidth[0][1]', a[1]);
    if (b[0] !== h12) throw new RangeError(`${fn}: bandwidth must be symmetric: [0][1] = ${h12}, [1][0] = ${b[0]}`);
    const h22 = checkNumber(fn, 'bandwidth[1][1]', b[1], { gt: 0 });
    return [h11, h12, h22];
  }

  /** 2-D density estimate: { H, density (y outer), method, errorBound }. */
  function kde2d(xy, options) {
    const fn = 'kde2d';
    const o = readOptions(fn, 'options', options, ['kernel', 'bandwidth', 'grid', 'points', 'method']);
    const s = values(fn, 'xy', xy, 2, 1, LIMITS.maxSamples, 'n');
    const n = s.length / 2;
    const kernel = o.kernel === undefined ? 0 : checkOption(fn, 'kernel', o.kernel, KDE_KERNELS);
    const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, KDE_METHODS);
    const bw = o.bandwidth ?? 'scott';
    let rule = -1, H = null;
    if (typeof bw === 'string') {
      rule = checkOption(fn, 'bandwidth', bw, ['silverman', 'scott']);
      if (n < 3) throw new RangeError(`${fn}: bandwidth '${bw}' needs at least 3 points, got ${n}`);
    } else if (typeof bw === 'number') {
      const h = bandwidthNumber(fn, 'bandwidth', bw);
      H = [h * h, 0, h * h];
    } else {
      H = matrix(fn, bw);
    }
    if ((o.grid === undefined) === (o.points === undefined)) throw new TypeError(`${fn}: give exactly one of options.grid ({ x, y }) and options.points`);
    let gx = null, gy = null, at = null;
    if (o.grid !== undefined) {
      const g = readOptions(fn, 'grid', o.grid, ['x', 'y']);
      gx = axis(fn, 'grid.x', g.x);
      gy = axis(fn, 'grid.y', g.y);
      if (gx.n * gy.n > LIMITS.maxPoints) throw new RangeError(`${fn}: grid has ${gx.n * gy.n} points, more than ${LIMITS.maxPoints}`);
    } else {
      at = values(fn, 'points', o.points, 2, 1, LIMITS.maxPoints, 'm');
      if (method !== 0) throw new RangeError(`${fn}: method 'binned' needs a grid, not points`);
    }
    const pX = copyIn('kde-x', s);
    if (rule >= 0) {
      const pH = block('kde-h', 24);
      check(fn, ex.sc_flat_kde2d_bandwidth(pX, n, kernel, rule, pH));
      H = Array.from(out(pH, 3));
    }
    const m = gx ? gx.n * gy.n : at.length / 2;
    const pD = block('kde-density', m * 8);
    let used = 0, errorBound = 0;
    if (gx) {
      const pI = block('kde-info', 16);
      check(fn, ex.sc_flat_kde2d_grid(pX, n, kernel, H[0], H[1], H[2], gx.from, gx.to, gx.n, gy.from, gy.to, gy.n, method, pD, pI));
      errorBound = f64()[pI >> 3];
      used = f64()[(pI >> 3) + 1];
    } else {
      const pA = copyIn('kde-at', at);
      check(fn, ex.sc_flat_kde2d_points(pX, n, kernel, H[0], H[1], H[2], pA, m, pD));
    }
    const result = { H: [[H[0], H[1]], [H[1], H[2]]], density: out(pD, m), method: KDE_METHODS[used], errorBound };
    if (gx) Object.assign(result, { x: axisPoints(gx), y: axisPoints(gy) });
    return result;
  }

  /** Kernel regression of y on x: { bandwidth, yhat, cv?, lower?, upper?, undefinedCount }. */
  function kernelRegression(x, y, options) {
    const fn = 'kernelRegression';
    const o = readOptions(fn, 'options', options, ['method', 'kernel', 'bandwidth', 'bandwidths', 'at', 'band']);
    const xs = values(fn, 'x', x, 1, 2, LIMITS.maxSamples, 'n');
    const n = xs.length;
    const ys = checkArray(fn, 'y', y, n, Float64Array);
    const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, KREG_METHODS);
    const kernel = o.kernel === undefined ? 0 : checkOption(fn, 'kernel', o.kernel, KDE_KERNELS);
    const bw = o.bandwidth ?? 'loocv';
    let h = 0;
    if (typeof bw === 'number') h = bandwidthNumber(fn, 'bandwidth', bw);
    else if (bw !== 'loocv') throw new (typeof bw === 'string' ? RangeError : TypeError)(`${fn}: bandwidth must be a number or 'loocv', got ${describe(bw)}`);
    if (o.bandwidths !== undefined && bw !== 'loocv') throw new RangeError(`${fn}: bandwidths (the CV grid) needs bandwidth 'loocv'`);
    if (bw === 'loocv' && n > LIMITS.maxCvSamples) throw new RangeError(`${fn}: bandwidth 'loocv' needs at most ${LIMITS.maxCvSamples} samples, got ${n}`);
    let at;
    const a = o.at;
    if (a !== null && typeof a === 'object' && !isArray(a) && arrayLength(a) < 0) at = axisPoints(axis(fn, 'at', a));
    else if (a === undefined) throw new TypeError(`${fn}: options.at (points or { from, to, n }) is required`);
    else at = values(fn, 'at', a, 1, 1, LIMITS.maxPoints, 'm');
    let z = 0;
    if (o.band !== undefined && o.band !== false) {
      let level = 0.95;
      if (o.band !== true) {
        const b = readOptions(fn, 'band', o.band, ['level']);
        if (b.level !== undefined) level = checkNumber(fn, 'band.level', b.level, { gt: 0 });
        if (!(level < 1)) throw new RangeError(`${fn}: band.level ${level} must be < 1`);
        if (level < 1e-6 || level > 1 - 1e-12) throw new RangeError(`${fn}: band.level ${level} is out of range (1e-6..1-1e-12)`);
      }
      z = normalQuantile((1 + level) / 2);
    }
    let hs = null;
    if (bw === 'loocv') hs = o.bandwidths === undefined ? null : values(fn, 'bandwidths', o.bandwidths, 1, 1, LIMITS.maxCvGrid, 'k');
    if (hs) hs.forEach((v, i) => bandwidthNumber(fn, `bandwidths[${i}]`, v));

    const pX = copyIn('kreg-x', xs), pY = copyIn('kreg-y', ys);
    let cv;
    if (bw === 'loocv') {
      let nh;
      let pHs;
      if (hs) {
        nh = hs.length;
        pHs = copyIn('kreg-hs', hs);
      } else {
        nh = DEFAULT_CV_GRID;
        pHs = block('kreg-hs', nh * 8);
        check(fn, ex.sc_flat_kreg_default_grid(pX, n, kernel, nh, pHs));
      }
      const pCv = block('kreg-cv', nh * 8), pBest = block('kreg-best', 8);
      check(fn, ex.sc_flat_kreg_loocv(pX, pY, n, method, kernel, pHs, nh, pCv, pBest));
      cv = { bandwidths: out(pHs, nh), scores: out(pCv, nh) };
      h = f64()[pBest >> 3];
    }
    const m = at.length;
    const pA = copyIn('kreg-at', at), pOut = block('kreg-yhat', m * 8);
    const pLo = z > 0 ? block('kreg-lower', m * 8) : 0, pUp = z > 0 ? block('kreg-upper', m * 8) : 0;
    check(fn, ex.sc_flat_kreg_points(pX, pY, n, method, kernel, h, pA, m, pOut, z, pLo, pUp));
    const yhat = out(pOut, m);
    const result = { bandwidth: h, x: at, yhat, undefinedCount: yhat.reduce((c, v) => c + (Number.isNaN(v) ? 1 : 0), 0) };
    if (cv) result.cv = cv;
    if (z > 0) Object.assign(result, { lower: out(pLo, m), upper: out(pUp, m), z });
    return result;
  }

  return { kde1d, kde2d, kernelRegression, kdeLimits: LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'kernel', core: 'kernel', attach: (core) => kernelApi(core) });
