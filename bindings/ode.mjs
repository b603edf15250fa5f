// ODE functions of the binding: integrate, integrateBatch, fICurve and the
// table of systems with their presets (the phase-plane functions live in
// phase.mjs and share the table and helpers through odeShared). Conventions and types: docs/ode.md,
// models and units: docs/models.md.
import { arrayLength, checkArray, checkInt, checkNumber, checkObject, checkOption, describe, isArray, readOptions,
  typedArrayKind, typedArrayLength } from './core/validate.mjs';

export const ODE_METHODS = Object.freeze(['rk4', 'euler', 'dopri5', 'izhikevich-euler']);
const STOPS = Object.freeze(['end', 'bounds', 'nonfinite', 'maxSteps', 'stepSize']);
const EVENT_KINDS = Object.freeze(['spike', 'crossing']);


const SET = Float32Array.prototype.set;

// Parameters a caller may leave out of `params` (their defaults apply):
// the Izhikevich quadratic's coefficients, the spike cut-off and the u
// equation's vr, ku (u' = a (b (v - vr) - ku u); panel R: -65, 0).
const OPTIONAL = Object.freeze({ izhikevich: ['k2', 'k1', 'k0', 'vpeak', 'vr', 'ku'] });

// The system table, argument helpers and custom-system compilation shared by
// the ODE functions here and the phase-plane functions (phase.mjs).
export function odeShared({ ex, i32, block, cString, check, limit, boundary }) {
  // sc.odeLimits, read from the core (core/include/simcore/limits.h).
  const ODE_LIMITS = Object.freeze({
    maxSteps: limit('SC_ODE_MAX_STEPS'),
    maxInput: limit('SC_ODE_MAX_INPUT'),
    maxBatch: limit('SC_ODE_MAX_BATCH'),
    maxGrid: limit('SC_PHASE_MAX_GRID'),
    maxGridPoints: limit('SC_PHASE_MAX_POINTS'),
    maxNullclinePoints: limit('SC_PHASE_MAX_NULLCLINE_POINTS'),
    maxEquilibria: limit('SC_PHASE_MAX_EQUILIBRIA'),
    maxFI: limit('SC_ODE_FI_MAX'),
    maxBatchDt: limit('SC_ODE_MAX_BATCH_DT'),
    maxResults: limit('SC_ODE_MAX_RESULTS'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  function copyIn64(role, values) {
    const ptr = block(role, Math.max(values.length, 1) * 8);
    f64().set(values, ptr >> 3);
    return ptr;
  }
  const copyOut64 = (ptr, n) => f64().slice(ptr >> 3, (ptr >> 3) + n);

  // ---- the table of systems, read once from the core ----------------------
  const systems = {};
  const byId = [];
  for (let id = 0; id < ex.sc_flat_ode_system_count(); id++) {
    const name = cString(ex.sc_flat_ode_system_name(id));
    const dim = ex.sc_flat_ode_system_dim(id);
    const np = ex.sc_flat_ode_system_nparams(id);
    const pf = block('ode-flags', 16);
    ex.sc_flat_ode_system_flags(id, pf);
    const [inputParam, hasReset, hasJacobian] = i32().slice(pf >> 2, (pf >> 2) + 3);
    const params = [];
    const defaults = {};
    for (let k = 0; k < np; k++) {
      const pname = cString(ex.sc_flat_ode_param_name(id, k));
      const value = ex.sc_flat_ode_param_default(id, k);
      params.push(Object.freeze({ name: pname, unit: cString(ex.sc_flat_ode_param_unit(id, k)), default: value,
        optional: (OPTIONAL[name] ?? []).includes(pname) }));
      defaults[pname] = value;
    }
    const variables = [];
    const y0 = [];
    for (let k = 0; k < dim; k++) {
      variables.push(Object.freeze({ name: cString(ex.sc_flat_ode_var_name(id, k)), unit: cString(ex.sc_flat_ode_var_unit(id, k)) }));
      y0.push(ex.sc_flat_ode_y0(id, k));
    }
    const s = {
      id, name, dim, variables: Object.freeze(variables), params: Object.freeze(params),
      defaults: Object.freeze(defaults), y0: Object.freeze(y0),
      input: inputParam >= 0 ? params[inputParam].name : null, reset: hasReset === 1, jacobian: hasJacobian === 1,
      presets: [],
    };
    systems[name] = s;
    byId.push(s);
  }
  const SYSTEM_NAMES = Object.freeze(byId.map((s) => s.name));
  // The preset record's layout comes from the core (sc_boundary() records,
  // SC_FLAT_PRESET_* of ode.h), not from offsets copied here.
  const R = boundary.records;
  const pd = block('ode-preset', R.SC_FLAT_PRESET_SIZE * 8);
  for (let i = 0; ex.sc_flat_ode_preset_data(i, pd, R.SC_FLAT_PRESET_SIZE) === 0; i++) {
    const d = f64().slice(pd >> 3, (pd >> 3) + R.SC_FLAT_PRESET_SIZE);
    const s = byId[d[R.SC_FLAT_PRESET_SYSTEM]];
    const params = {};
    s.params.forEach((p, k) => { params[p.name] = d[R.SC_FLAT_PRESET_PARAMS + k]; });
    const n = d[R.SC_FLAT_PRESET_INPUT_N];
    const field = (at, len) => Object.freeze(Array.from(d.subarray(at, at + len)));
    s.presets.push(Object.freeze({
      name: cString(ex.sc_flat_ode_preset_name(i)), label: cString(ex.sc_flat_ode_preset_label(i)),
      source: cString(ex.sc_flat_ode_preset_source(i)), system: s.name, params: Object.freeze(params),
      y0: field(R.SC_FLAT_PRESET_Y0, s.dim), t1: d[R.SC_FLAT_PRESET_T1], dt: d[R.SC_FLAT_PRESET_DT],
      method: ODE_METHODS[d[R.SC_FLAT_PRESET_METHOD]],
      input: n ? Object.freeze({ t: field(R.SC_FLAT_PRESET_INPUT_T, n), v: field(R.SC_FLAT_PRESET_INPUT_V, n) }) : null,
    }));
  }
  for (const s of byId) {
    s.presets = Object.freeze(s.presets);
    Object.freeze(s);
  }
  Object.freeze(systems);

  // ---- argument helpers ----------------------------------------------------
  // A custom system { dx, dy, params } is compiled in the core (never
  // evaluated in JS) into a handle of the core's pool, which is its system
  // id; the binding keeps the last one, keyed by its text and values, and
  // frees it when another is compiled.
  let customKey = null;
  let customId = -1;
  function cStringIn(role, text) {
    const ptr = block(role, text.length + 1);
    const bytes = new Uint8Array(ex.memory.buffer, ptr, text.length + 1);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    bytes[text.length] = 0;
    return ptr;
  }
  function customSystem(fn, userSpec) {
    const spec = readOptions(fn, 'system', userSpec, ['dx', 'dy', 'params']);
    for (const k of ['dx', 'dy']) {
      if (typeof spec[k] !== 'string') throw new TypeError(`${fn}: system.${k} must be an expression string, got ${describe(spec[k])}`);
      const bad = spec[k].search(/[^\x20-\x7e\t\n\r]/);
      if (bad >= 0) throw new SyntaxError(`${fn}: system.${k}: unexpected character at position ${bad}`);
      if (spec[k].length > 1024) throw new RangeError(`${fn}: system.${k} is longer than 1024 characters`);
    }
    const given = spec.params === undefined ? {} : checkObject(fn, 'system.params', spec.params);
    const names = Object.keys(given);
    if (names.length > 16) throw new RangeError(`${fn}: system.params has ${names.length} parameters (at most 16)`);
    const values = {};
    for (const n of names) {
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,30}$/.test(n)) throw new RangeError(`${fn}: system.params: '${n}' is not a name (letters, digits, _; up to 31)`);
      values[n] = checkNumber(fn, `system.params.${n}`, given[n]);
    }
    const key = JSON.stringify([spec.dx, spec.dy, names, names.map((n) => values[n])]);
    if (key !== customKey) {
      customKey = null;
      if (customId !== -1) ex.sc_flat_ode_custom_free(customId);
      customId = -1;
      const pdx = cStringIn('ode-dx', spec.dx);
      const pdy = cStringIn('ode-dy', spec.dy);
      const pnames = cStringIn('ode-names', names.join(' '));
      const pvals = copyIn64('ode-params', names.map((n) => values[n]));
      const out = block('ode-compile', 12); // error position, message pointer, system id
      const status = ex.sc_flat_ode_custom_compile(pdx, pdy, pnames, pvals, names.length, out, out + 4, out + 8);
      if (status !== 0) {
        const arg = cString(ex.sc_last_error_arg());
        const ppos = out;
        const msg = cString(i32()[(out + 4) >> 2]);
        if (arg === 'dx' || arg === 'dy') {
          const pos = i32()[ppos >> 2];
          throw new SyntaxError(`${fn}: system.${arg}: ${msg} at position ${pos}\n  ${spec[arg]}\n  ${' '.repeat(pos)}^`);
        }
        if (arg === 'params' && msg) throw new RangeError(`${fn}: system.params: ${msg}`);
        check(fn, status);
      }
      customId = i32()[(out + 8) >> 2];
      customKey = key;
    }
    const params = names.map((n) => Object.freeze({ name: n, unit: '', default: values[n], optional: true }));
    return { id: customId, name: 'custom', dim: 2, variables: [{ name: 'x', unit: '' }, { name: 'y', unit: '' }],
      params, defaults: values, y0: [0, 0], input: null, reset: false };
  }

  function system(fn, name) {
    if (name === undefined) throw new TypeError(`${fn}: system is required (one of ${SYSTEM_NAMES.map((n) => `'${n}'`).join(', ')}, or { dx, dy, params })`);
    if (name !== null && typeof name === 'object' && !isArray(name)) return customSystem(fn, name);
    return byId[checkOption(fn, 'system', name, SYSTEM_NAMES)];
  }

  // Full parameter vector in the core's order. Omitted params: the defaults;
  // a given object must name every required parameter.
  function paramVector(fn, s, params) {
    if (params === undefined) return s.params.map((p) => p.default);
    const o = readOptions(fn, 'params', params, s.params.map((p) => p.name));
    return s.params.map((p) => {
      const v = o[p.name];
      if (v === undefined) {
        if (p.optional) return p.default;
        const req = s.params.filter((q) => !q.optional).map((q) => q.name).join(', ');
        throw new TypeError(`${fn}: params.${p.name} is missing (${s.name} needs ${req})`);
      }
      return checkNumber(fn, `params.${p.name}`, v);
    });
  }

  function stateVector(fn, name, s, v) {
    if (v === undefined) throw new TypeError(`${fn}: ${name} is required (${s.dim} values: ${s.variables.map((x) => x.name).join(', ')})`);
    const copy = checkArray(fn, name, v, s.dim, Float64Array);
    for (let i = 0; i < s.dim; i++) checkNumber(fn, `${name}[${i}]`, copy[i]);
    return Array.from(copy);
  }

  function variable(fn, name, s, v) {
    if (typeof v === 'number') return checkInt(fn, name, v, 0, s.dim - 1);
    return checkOption(fn, name, v, s.variables.map((x) => x.name));
  }

  function range(fn, name, v, withCount, maxCount = ODE_LIMITS.maxGrid) {
    const len = withCount ? 3 : 2;
    if (!isArray(v) || v.length !== len) {
      throw new TypeError(`${fn}: ${name} must be [min, max${withCount ? ', n' : ''}], got ${describe(v)}`);
    }
    const lo = checkNumber(fn, `${name}[0]`, v[0]);
    const hi = checkNumber(fn, `${name}[1]`, v[1]);
    if (!(lo < hi)) throw new RangeError(`${fn}: ${name} must have min < max, got [${lo}, ${hi}]`);
    return withCount ? [lo, hi, checkInt(fn, `${name}[2]`, v[2], 2, maxCount)] : [lo, hi];
  }

  const ptrOrNull = (role, values) => (values ? copyIn64(role, values) : 0);

  return { ODE_LIMITS, systems, system, paramVector, stateVector, variable, range, ptrOrNull, copyIn64, copyOut64, f64, cStringIn };
}

export function odeApi(core, shared = odeShared(core)) {
  const { ex, f32, i32, block, check } = core;
  const { ODE_LIMITS, systems, system, paramVector, stateVector, variable, range, ptrOrNull, copyIn64, copyOut64 } = shared;
  const INFO = core.boundary.records.SC_FLAT_ODE_INFO;

  return {
    systems,
    odeLimits: ODE_LIMITS,

    /**
     * Integrate one initial state. Returns { t, y (samples x dim, row-major),
     * dim, events: [{ t, kind }], stop, steps, rejected, evaluations }.
     */
    integrate(options) {
      const fn = 'integrate';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'y0', 't0', 't1', 'dt', 'method', 'rtol', 'atol', 'bounds', 'maxSteps', 'input', 'event']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const y0 = stateVector(fn, 'y0', s, o.y0 ?? undefined);
      const t0 = o.t0 === undefined ? 0 : checkNumber(fn, 't0', o.t0);
      if (o.t1 === undefined) throw new TypeError(`${fn}: t1 is required (the end time; t1 < t0 integrates backward)`);
      const t1 = checkNumber(fn, 't1', o.t1);
      const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, ODE_METHODS);
      if (method === 3 && (s.name !== 'izhikevich' || t1 < t0)) {
        throw new RangeError(`${fn}: method 'izhikevich-euler' integrates the izhikevich system forward in time only`);
      }
      let dt = 0;
      if (method !== 2 || o.dt !== undefined) {
        if (o.dt === undefined) throw new TypeError(`${fn}: dt is required for method '${ODE_METHODS[method]}'`);
        dt = checkNumber(fn, 'dt', o.dt, method === 2 ? { min: 0 } : { gt: 0 });
        if (dt > 0 && Math.abs(t1 - t0) / dt > ODE_LIMITS.maxSteps) {
          throw new RangeError(`${fn}: |t1 - t0| / dt = ${Math.abs(t1 - t0) / dt} steps exceeds ${ODE_LIMITS.maxSteps}; use a larger dt or a shorter span`);
        }
      }
      const rtol = o.rtol === undefined ? 0 : checkNumber(fn, 'rtol', o.rtol, { min: 1e-14, max: 1 });
      const atol = o.atol === undefined ? 0 : checkNumber(fn, 'atol', o.atol, { gt: 0, max: 1e6 });
      let bounds = null;
      if (o.bounds !== undefined) {
        if (!isArray(o.bounds) || o.bounds.length !== s.dim) {
          throw new TypeError(`${fn}: bounds must be ${s.dim} pairs [min, max] (one per variable), got ${describe(o.bounds)}`);
        }
        bounds = [];
        for (let i = 0; i < s.dim; i++) {
          const b = o.bounds[i];
          if (!isArray(b) || b.length !== 2) throw new TypeError(`${fn}: bounds[${i}] must be [min, max], got ${describe(b)}`);
          const [lo, hi] = [b[0], b[1]];
          if (typeof lo !== 'number' || typeof hi !== 'number') {
            throw new TypeError(`${fn}: bounds[${i}] must hold two numbers, got ${describe(lo)} and ${describe(hi)}`);
          }
          if (!(lo < hi)) throw new RangeError(`${fn}: bounds[${i}] must have min < max (±Infinity allowed), got [${lo}, ${hi}]`);
          bounds.push(lo, hi);
        }
      }
      const maxSteps = o.maxSteps === undefined ? 0 : checkInt(fn, 'maxSteps', o.maxSteps, 1, ODE_LIMITS.maxSteps);
      let input = null;
      if (o.input !== undefined) {
        if (!s.input) throw new RangeError(`${fn}: system '${s.name}' has no input parameter`);
        const inp = readOptions(fn, 'input', o.input, ['t', 'v']);
        const n = arrayLength(inp.t);
        if (n < 0) throw new TypeError(`${fn}: input.t must be an array of times, got ${describe(inp.t)}`);
        if (n < 1 || n > ODE_LIMITS.maxInput) throw new RangeError(`${fn}: input has ${n} breakpoints (1..${ODE_LIMITS.maxInput})`);
        const it = checkArray(fn, 'input.t', inp.t, n, Float64Array);
        const iv = checkArray(fn, 'input.v', inp.v, n, Float64Array);
        for (let i = 0; i < n; i++) {
          checkNumber(fn, `input.t[${i}]`, it[i]);
          checkNumber(fn, `input.v[${i}]`, iv[i]);
          if (i && it[i] < it[i - 1]) throw new RangeError(`${fn}: input.t must be nondecreasing (input.t[${i}] = ${it[i]} < ${it[i - 1]})`);
        }
        input = [...it, ...iv];
      }
      let eventVar = -1;
      let eventValue = 0;
      if (o.event !== undefined) {
        const e = readOptions(fn, 'event', o.event, ['variable', 'value']);
        eventVar = variable(fn, 'event.variable', s, e.variable);
        eventValue = checkNumber(fn, 'event.value', e.value);
      }
      const pp = copyIn64('ode-params', p);
      const py = copyIn64('ode-y0', y0);
      const pb = ptrOrNull('ode-bounds', bounds);
      const pin = ptrOrNull('ode-input', input);
      const pr = block('ode-result', 4);
      check(fn, ex.sc_flat_ode_integrate(s.id, pp, p.length, py, s.dim, t0, t1, dt, method, rtol, atol,
        pb, bounds ? bounds.length : 0, maxSteps, pin, input ? input.length : 0, eventVar, eventValue, pr));
      // The trajectory is owned by a core handle until freed here.
      const h = i32()[pr >> 2] >>> 0;
      let t, y, et, ek, samples, nev, stop, steps, rejected, evaluations;
      try {
        const pi = block('ode-info', INFO * 4);
        check(fn, ex.sc_flat_ode_result_info(h, pi, INFO));
        [samples, nev, stop, steps, rejected, evaluations] = i32().slice(pi >> 2, (pi >> 2) + 6);
        const read = (part, n) => {
          const ptr = block('ode-out', Math.max(n, 1) * 8);
          check(fn, ex.sc_flat_ode_result_read(h, part, ptr, n));
          return copyOut64(ptr, n);
        };
        t = read(0, samples);
        y = read(1, samples * s.dim);
        et = nev ? read(2, nev) : [];
        ek = nev ? read(3, nev) : [];
      } finally {
        ex.sc_flat_ode_result_free(h);
      }
      const events = Array.from(et, (te, i) => ({ t: te, kind: EVENT_KINDS[ek[i]] }));
      return { t, y, dim: s.dim, events, stop: STOPS[stop], steps, rejected, evaluations };
    },

    /**
     * Advance many states in place (float32, interleaved count x dim) by
     * `steps` fixed steps; returns y0s. Float kernels (SIMD): linear2d,
     * oscillator, izhikevich, custom; a scalar double fallback: the other
     * 2-D systems (not hodgkin-huxley).
     */
    integrateBatch(options) {
      const fn = 'integrateBatch';
      const o = readOptions(fn, 'options', options, ['system', 'params', 'y0s', 'dt', 'steps', 'method']);
      const s = system(fn, o.system);
      const p = paramVector(fn, s, o.params);
      const y0s = o.y0s;
      if (typedArrayKind(y0s) !== 'Float32Array') throw new TypeError(`${fn}: y0s must be a Float32Array (count x ${s.dim}, interleaved), got ${describe(y0s)}`);
      const length = typedArrayLength(y0s);
      if (length % s.dim !== 0) throw new RangeError(`${fn}: y0s has length ${length}, not a multiple of the dimension ${s.dim}`);
      const count = length / s.dim;
      if (count > ODE_LIMITS.maxBatch) throw new RangeError(`${fn}: ${count} states exceed ${ODE_LIMITS.maxBatch}`);
      if (o.dt === undefined) throw new TypeError(`${fn}: dt is required`);
      const dt = checkNumber(fn, 'dt', o.dt, { gt: 0, min: 0, max: ODE_LIMITS.maxBatchDt });
      const steps = o.steps === undefined ? 1 : checkInt(fn, 'steps', o.steps, 0, ODE_LIMITS.maxSteps);
      const method = o.method === undefined ? 0 : checkOption(fn, 'method', o.method, ['rk4', 'euler']);
      if (s.dim !== 2) {
        throw new RangeError(`${fn}: system '${s.name}' has no batch kernel (the 2-D systems and custom have one)`);
      }
      if (count * steps > 2 ** 31) throw new RangeError(`${fn}: count * steps = ${count * steps} exceeds 2^31 state-steps per call`);
      const pp = copyIn64('ode-params', p);
      // No caller code runs from here on, so y0s keeps the length checked
      // above; the intrinsic set() copies exactly that many values.
      const py = block('ode-batch', Math.max(length, 1) * 4);
      f32().set(y0s, py >> 2);
      check(fn, ex.sc_flat_ode_batch(s.id, pp, p.length, py, count, dt, steps, method));
      SET.call(y0s, f32().subarray(py >> 2, (py >> 2) + length));
      return y0s;
    },

    /**
     * Izhikevich f-I curve: steady firing rate (Hz) at n currents from min to
     * max, each run from v = -65, u = -65 b for `duration` ms, spikes after
     * `transient` counted. Returns { I, rate, iSN } (iSN null when ku = 0:
     * no saddle-node).
     */
    fICurve(options) {
      const fn = 'fICurve';
      const o = readOptions(fn, 'options', options, ['params', 'I', 'duration', 'transient', 'dt', 'method']);
      const s = systems.izhikevich;
      const p = paramVector(fn, s, o.params === undefined ? undefined : { I: 0, ...checkObject(fn, 'params', o.params) });
      if (o.I === undefined) throw new TypeError(`${fn}: I is required ([min, max, n] in mV/ms)`);
      const [lo, hi, n] = range(fn, 'I', o.I, true, ODE_LIMITS.maxFI);
      const duration = o.duration === undefined ? 1000 : checkNumber(fn, 'duration', o.duration, { gt: 0 });
      const transient = o.transient === undefined ? Math.min(200, duration / 5) : checkNumber(fn, 'transient', o.transient, { min: 0 });
      if (!(transient < duration)) throw new RangeError(`${fn}: transient must be < duration, got ${transient} >= ${duration}`);
      const methods = ['rk4', 'euler', 'izhikevich-euler'];
      const method = o.method === undefined ? 'rk4' : methods[checkOption(fn, 'method', o.method, methods)];
      const dt = o.dt === undefined ? (method === 'izhikevich-euler' ? 0.5 : 0.1) : checkNumber(fn, 'dt', o.dt, { gt: 0 });
      if (duration / dt > ODE_LIMITS.maxSteps) throw new RangeError(`${fn}: duration / dt = ${duration / dt} steps exceeds ${ODE_LIMITS.maxSteps}`);
      const I = Float64Array.from({ length: n }, (_, k) => lo + (hi - lo) * k / (n - 1));
      const pp = copyIn64('ode-params', p);
      const pi = copyIn64('ode-fi-I', I);
      const pout = block('ode-fi-out', (n + 1) * 8);
      check(fn, ex.sc_flat_ode_fi_curve(pp, p.length, pi, n, duration, transient, dt, ODE_METHODS.indexOf(method), pout));
      const out = copyOut64(pout, n + 1);
      return { I, rate: out.slice(0, n), iSN: Number.isFinite(out[n]) ? out[n] : null };
    },

    /**
     * An input protocol { t, v } (as integrate's `input`) sampled at the
     * given times: the drive the integrators apply (piecewise linear,
     * constant outside, the later value at a repeated time). Float64Array.
     */
    inputSample(input, times) {
      const fn = 'inputSample';
      const inp = readOptions(fn, 'input', input, ['t', 'v']);
      const n = arrayLength(inp.t);
      if (n < 0) throw new TypeError(`${fn}: input.t must be an array of times, got ${describe(inp.t)}`);
      if (n < 1 || n > ODE_LIMITS.maxInput) throw new RangeError(`${fn}: input has ${n} breakpoints (1..${ODE_LIMITS.maxInput})`);
      const it = checkArray(fn, 'input.t', inp.t, n, Float64Array);
      const iv = checkArray(fn, 'input.v', inp.v, n, Float64Array);
      for (let i = 1; i < n; i++) {
        if (it[i] < it[i - 1]) throw new RangeError(`${fn}: input.t must be nondecreasing (input.t[${i}] = ${it[i]} < ${it[i - 1]})`);
      }
      const count = arrayLength(times);
      if (count < 0) throw new TypeError(`${fn}: times must be an array of numbers, got ${describe(times)}`);
      if (count < 1 || count > ODE_LIMITS.maxSteps) throw new RangeError(`${fn}: times has ${count} entries (1..${ODE_LIMITS.maxSteps})`);
      const ts = checkArray(fn, 'times', times, count, Float64Array);
      const pt = copyIn64('ode-input-t', it);
      const pv = copyIn64('ode-input-v', iv);
      const pts = copyIn64('ode-sample-times', ts);
      const pout = block('ode-sample-out', count * 8);
      check(fn, ex.sc_flat_ode_input_sample(pt, pv, n, pts, count, pout));
      return copyOut64(pout, count);
    },

    /**
     * The Hodgkin–Huxley gates' steady states x∞(V) = αx/(αx + βx) and time
     * constants τx(V) = 1/(αx + βx) in ms, for m, h, n at each voltage (mV):
     * the rates the hodgkin-huxley system integrates (sc_ode_hh_gates).
     */
    hhGates(V) {
      const fn = 'hhGates';
      const count = arrayLength(V);
      if (count < 0) throw new TypeError(`${fn}: V must be an array of voltages, got ${describe(V)}`);
      if (count < 1 || count > ODE_LIMITS.maxSteps) throw new RangeError(`${fn}: V has ${count} entries (1..${ODE_LIMITS.maxSteps})`);
      const vs = checkArray(fn, 'V', V, count, Float64Array);
      const pv = copyIn64('ode-hh-V', vs);
      const pout = block('ode-hh-out', 6 * count * 8);
      check(fn, ex.sc_flat_ode_hh_gates(pv, count, pout, 6 * count));
      const out = copyOut64(pout, 6 * count);
      const part = (k) => Float64Array.from({ length: count }, (_, i) => out[6 * i + k]);
      return { V: vs, mInf: part(0), hInf: part(1), nInf: part(2), tauM: part(3), tauH: part(4), tauN: part(5) };
    },
  };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'ode', core: 'ode', attach: (core) => odeApi(core, core.memo('ode', odeShared)) });
