// Property testing of the binding with random and hostile arguments.
//
// A spec describes one function: how to make valid arguments, how to call
// it and how to check a result. `runSpec` then calls it many times, each
// time with ONE thing made hostile (an argument, an option value, an extra
// option, the options object itself turned into a Proxy or given getters
// that throw or re-enter the binding) and asserts the property:
//   - the call returns a correct result (the spec's verify), or
//   - it throws TypeError/RangeError/SyntaxError/Error whose message starts
//     with the function's name and names an argument of it, or
//   - it propagates the caller's own exception (a getter or Proxy trap that
//     throws a UserError) unchanged;
//   - never a WebAssembly.RuntimeError; afterwards a known-answer call still
//     works and the wasm memory stays bounded.
// Seeds: HOSTILE_SEED=<n> HOSTILE_RUNS=<n> reproduce or extend a run; every
// failure message prints the seed and the case.
import assert from 'node:assert/strict';

export const SEED = Number(process.env.HOSTILE_SEED ?? 20240607);
export const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);

/** The caller's own exception, thrown from getters and Proxy traps. */
export class UserError extends Error {}

export function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  const r = {
    float: next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (a) => a[Math.floor(next() * a.length)],
    bool: (p = 0.5) => next() < p,
    floats: (n, scale = 1) => Float32Array.from({ length: n }, () => (next() * 2 - 1) * scale),
  };
  return r;
}

function detached(length) {
  const a = new Float32Array(length);
  structuredClone(a.buffer, { transfer: [a.buffer] });
  return a;
}

// A Float32Array whose `length` property lies: the real array is larger.
class LyingLength extends Float32Array {
  get length() { return this.lie; }
}

// Values that are wrong (or merely unusual) for any argument.
export function genericHostile(r) {
  const thrower = new Proxy({}, { get() { throw new UserError('get trap'); }, ownKeys() { throw new UserError('ownKeys trap'); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  return r.pick([
    ['undefined', undefined], ['null', null], ['true', true], ['0', 0], ['-0', -0], ['-1', -1], ['0.5', 0.5],
    ['1.5', 1.5], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['2^31', 2 ** 31],
    ['2^32+3', 2 ** 32 + 3], ['-2^31', -(2 ** 31)], ['2^53', 2 ** 53], ['1e308', 1e308], ['-1e308', -1e308],
    ['5e-324', 5e-324], ['string', 'str'], ['numeric string', '3'], ['empty string', ''], ['BigInt', 3n],
    ['Symbol', Symbol('s')], ['{}', {}], ['[]', []], ['[1, 2]', [1, 2]], ['function', () => 1],
    ['Date', new Date(0)], ['RegExp', /x/], ['valueOf object', { valueOf: () => 3 }], ['Number object', new Number(3)],
    ['String object', new String('constant')], ['throwing Proxy', thrower], ['revoked Proxy', revoked],
    ['null-prototype object', Object.create(null)], ['sparse Array(2^32-1)', new Array(2 ** 32 - 1)],
    ['Float32Array(0)', new Float32Array(0)], ['DataView', new DataView(new ArrayBuffer(8))],
    ['BigInt64Array', new BigInt64Array(4)], ['detached', detached(4)],
  ]);
}

/** Key under which a lying Proxy hands the test its true values. */
export const ORIGINAL = Symbol('original values');

/** The numbers of an argument as the binding should have read them. */
export const numbers = (a) => {
  const v = a[ORIGINAL] ?? a;
  return Float32Array.from({ length: v.length }, (_, i) => v[i]);
};

// Variants of a valid numeric array `like` (hostile or not).
export function arrayHostile(r, like) {
  const n = like.length;
  const vals = Array.from(like);
  const withAt = (Type, i, v) => { const a = Type.from(vals); a[i % Math.max(n, 1)] = v; return a; };
  const sab = new Float32Array(new SharedArrayBuffer(4 * n));
  sab.set(vals);
  const resizable = new Float32Array(new ArrayBuffer(4 * n, { maxByteLength: 4 * n * 8 + 64 }));
  resizable.set(vals);
  const lying = new LyingLength(n * 8 + 7);
  lying.lie = n;
  lying.set(vals);
  const getterThrows = [...vals];
  Object.defineProperty(getterThrows, 0, { get() { throw new UserError('element getter'); } });
  // Says length n on the first read only; ORIGINAL gives the test the values.
  let lengthReads = 0;
  const lyingProxy = new Proxy([...vals], {
    get(t, k) {
      if (k === ORIGINAL) return vals;
      return k === 'length' ? (++lengthReads === 1 ? n : n * 64 + 5) : t[k];
    },
  });
  const choices = [
    // same values in another container: must give the same result
    ['Array', vals, true], ['Float64Array', Float64Array.from(vals), true], ['Proxy(Array)', new Proxy([...vals], {}), true],
    ['SharedArrayBuffer view', sab, true], ['resizable-buffer view', resizable, true],
    ['Float32Array subarray', (() => { const big = new Float32Array(n + 8); big.set(vals, 3); return big.subarray(3, 3 + n); })(), true],
    // wrong kind, length or contents
    ['Int8Array(wrong values)', Int8Array.from(vals, (v) => v * 100), null], ['BigInt64Array', new BigInt64Array(n), false],
    ['DataView', new DataView(new ArrayBuffer(4 * n)), false], ['length - 1', vals.slice(0, n - 1), false],
    ['length + 1', [...vals, 0], false], ['empty', new Float32Array(0), false], ['detached', detached(n), false],
    ['lying length (larger)', lying, false], ['Proxy lying about length', lyingProxy, false],
    ['element getter throws', getterThrows, false], ['NaN inside', withAt(Float32Array, r.int(0, n), NaN), false],
    ['3e38 inside (float32 max)', withAt(Float32Array, r.int(0, n), r.pick([3e38, -3e38])), null],
    ['Infinity inside', withAt(Float64Array, r.int(0, n), -Infinity), false], ['1e39 (float32 overflow)', withAt(Float64Array, r.int(0, n), 1e39), false],
    ['string inside', (() => { const a = [...vals]; a[r.int(0, n - 1)] = '1'; return a; })(), false],
    ['BigInt inside', (() => { const a = [...vals]; a[r.int(0, n - 1)] = 1n; return a; })(), false],
    ['hole inside', (() => { const a = [...vals]; delete a[r.int(0, n - 1)]; return a; })(), false],
    ['Symbol inside', (() => { const a = [...vals]; a[r.int(0, n - 1)] = Symbol('x'); return a; })(), false],
  ];
  return r.pick(choices);
}

// Wrap a valid options object: a transparent Proxy, one getter that throws,
// or one getter that re-enters the binding before returning the true value.
export function wrapObject(r, obj, reenter) {
  const keys = Object.keys(obj);
  const key = r.pick(keys);
  const kind = r.pick(keys.length ? ['proxy', 'throwing getter', 'reentrant getter', 'ownKeys throws', 'reentrant Proxy'] : ['proxy', 'ownKeys throws']);
  if (kind === 'proxy') return [kind, new Proxy({ ...obj }, {}), true];
  if (kind === 'ownKeys throws') return [kind, new Proxy({ ...obj }, { ownKeys() { throw new UserError('ownKeys'); } }), 'user'];
  if (kind === 'reentrant Proxy') {
    return [kind, new Proxy({ ...obj }, { get(t, k) { reenter(); return t[k]; } }), true];
  }
  const copy = { ...obj };
  const value = copy[key];
  Object.defineProperty(copy, key, {
    enumerable: true,
    get: kind === 'throwing getter' ? () => { throw new UserError(`getter ${key}`); } : () => { reenter(); return value; },
  });
  return [`${kind} ${key}`, copy, kind === 'throwing getter' ? 'user' : true];
}

const ALLOWED = [TypeError, RangeError, SyntaxError, Error];

// Check one outcome. `expect`: true = must succeed (same result as the
// valid call), 'user' = must throw the UserError, false/null = may throw.
export function checkOutcome(ctx, run, verify) {
  const { fn, names, label, expect } = ctx;
  let result;
  try {
    result = run();
  } catch (e) {
    const where = `[seed ${ctx.seed}, case ${ctx.i}: ${label}]`;
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${where} wasm trap: ${e.message}`);
    if (e instanceof UserError) return 'user';
    assert.notEqual(expect, 'user', `${where} expected the caller's UserError, got ${e}`);
    assert.ok(ALLOWED.includes(e.constructor), `${where} ${e.constructor.name}: ${e.message}`);
    assert.ok(e.message.startsWith(`${fn}: `), `${where} message does not start with '${fn}: ': ${e.message}`);
    assert.ok(names.some((n) => e.message.includes(n)), `${where} message names no argument (${names.join(', ')}): ${e.message}`);
    assert.notEqual(expect, true, `${where} a valid call threw: ${e.message}`);
    return 'threw';
  }
  const where = `[seed ${ctx.seed}, case ${ctx.i}: ${label}]`;
  assert.notEqual(expect, 'user', `${where} the caller's exception was swallowed`);
  verify(result, where);
  return 'ok';
}

/** Every element finite (no silent NaN or Infinity). */
export function assertFinite(a, what, where) {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) assert.fail(`${where} ${what}[${i}] = ${a[i]}`);
  }
}

/** Asserts a known-answer call works and memory stays under `maxBytes`. */
export function assertHealthy(sc, where, maxBytes = 512 * 2 ** 20) {
  const out = sc.correlate2d(Float32Array.of(1, 2, 3, 4), 2, 2, Float32Array.of(2), 1, 1);
  assert.deepEqual(Array.from(out), [2, 4, 6, 8], `${where} known-answer call after the case`);
  assert.ok(sc.memoryBytes() <= maxBytes, `${where} wasm memory grew to ${sc.memoryBytes()} bytes`);
}

/**
 * Run a spec: { fn, names, make(r) -> { args, reference? }, call(sc, args),
 * verify(result, valid, where), slots: [{ index, names, kind: 'array'|'value'|'object' }] }.
 * Argument lists hold positional arguments; an object slot's keys are
 * mutated one at a time.
 */
export function runSpec(sc, spec, { seed = SEED, runs = RUNS, reenter } = {}) {
  const r = rng(seed ^ hash(spec.fn));
  const tally = { ok: 0, threw: 0, user: 0 };
  for (let i = 0; i < runs; i++) {
    const valid = spec.make(r);
    const args = [...valid.args];
    const slot = r.pick(spec.slots);
    let label;
    let expect = null;
    const v = args[slot.index];
    const mode = r.int(0, 9);
    if (mode === 9) {
      label = 'valid arguments';
      expect = true;
    } else if (slot.kind === 'array' && mode < 6) {
      const [l, value, ok] = arrayHostile(r, v);
      [label, args[slot.index], expect] = [`${slot.names[0]} = ${l}`, value, ok];
    } else if (slot.kind === 'object' && v && mode < 7) {
      const keys = Object.keys(v);
      const m = r.int(0, 4);
      if (m === 0) {
        const [l, value, ok] = wrapObject(r, v, reenter);
        [label, args[slot.index], expect] = [`${slot.names[0]} ${l}`, value, ok];
      } else if (m === 1) {
        const [l, value] = genericHostile(r);
        const key = r.pick(['bogus', '__proto__', 'constructor', 'toString', 'Width']);
        args[slot.index] = { ...v };
        Object.defineProperty(args[slot.index], key, { value, enumerable: true, configurable: true, writable: true });
        label = `extra option ${key} = ${l}`;
        expect = false;
      } else if (keys.length) {
        const key = r.pick(keys);
        const like = v[key];
        const isArray = like && typeof like === 'object' && typeof like.length === 'number' && typeof like[0] === 'number';
        const [l, value, ok] = isArray && r.bool() ? arrayHostile(r, like) : genericHostile(r);
        args[slot.index] = { ...v, [key]: value };
        label = `${slot.names[0]}.${key} = ${l}`;
        // another container for the same numbers: must work where the
        // option takes any numeric array (spec.arrayKeys)
        expect = ok === true && spec.arrayKeys?.includes(key) ? true : null;
      } else {
        label = 'no change';
        expect = true;
      }
    } else {
      const [l, value] = genericHostile(r);
      args[slot.index] = value;
      label = `${slot.names[0]} = ${l}`;
    }
    if (expect === true && spec.exactEquality === false) expect = null;
    const ctx = { fn: spec.fn, names: spec.names, label, expect, seed, i };
    let outcome;
    try {
      outcome = checkOutcome(ctx, () => spec.call(sc, args, valid), (res, where) => spec.verify(res, valid, where, args));
    } finally {
      spec.cleanup?.(valid);
    }
    tally[outcome]++;
    assertHealthy(sc, `[seed ${seed}, case ${i}: ${label}]`);
  }
  return tally;
}

function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}
