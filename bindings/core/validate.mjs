// Argument checks for the binding. Every message names the function and the
// argument, and the allowed range: `convolve2d: kernel width 0 is out of range (1..1025)`.

// The intrinsic getters of typed arrays: they read the engine's own slots,
// so a subclass or an own property cannot lie about the length or kind.
const TypedArray = Object.getPrototypeOf(Int8Array);
const TA_LENGTH = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;
const TA_TAG = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

/** 'Float32Array', 'Int8Array', ... for a real typed array, else undefined. */
export const typedArrayKind = (v) => TA_TAG.call(v);

/** Length of a real typed array (0 once its buffer is detached). */
export const typedArrayLength = (v) => TA_LENGTH.call(v);

// Array.isArray throws for a revoked Proxy: treat that as "not an array".
export function isArray(v) {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
}

// A short description of any value for error messages; never throws and
// never runs the caller's code (no toString, no getters).
export function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  const kind = typedArrayKind(v);
  if (kind) return `a ${kind}`;
  switch (typeof v) {
    case 'string': return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
    case 'number': case 'boolean': return `${typeof v} ${v}`;
    case 'bigint': return `the BigInt ${v > 2n ** 64n ? 'value' : `${v}n`}`;
    case 'symbol': return 'a Symbol';
    case 'function': return 'a function';
    default:
      try {
        if (Array.isArray(v)) return 'an Array';
      } catch {
        return 'a revoked Proxy';
      }
      return v instanceof DataView ? 'a DataView' : 'an object';
  }
}

export function checkObject(fn, name, v, optional = false) {
  if (v === undefined && optional) return {};
  if (v === null || typeof v !== 'object' || isArray(v) || describe(v) === 'a revoked Proxy') {
    throw new TypeError(`${fn}: ${name} must be an object, got ${describe(v)}`);
  }
  return v;
}

// An options object read once: unknown keys are a RangeError, and the
// allowed keys are copied into a plain object (each getter runs exactly
// once, here, before the binding touches wasm memory; later reads see the
// snapshot, so a getter or Proxy cannot change a value after its check).
export function readOptions(fn, name, v, allowed, optional = false) {
  const o = checkObject(fn, name, v, optional);
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new RangeError(`${fn}: unknown option '${key}' (allowed: ${allowed.join(', ')})`);
  }
  const snapshot = {};
  for (const key of allowed) {
    const x = o[key];
    if (x !== undefined) snapshot[key] = x;
  }
  return snapshot;
}

export function checkInt(fn, name, v, min, max) {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be an integer, got ${describe(v)}`);
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${fn}: ${name} ${v} is out of range (integer ${min}..${max})`);
  }
  return v;
}

// Finite number with optional bounds; { gt } is an exclusive lower bound.
export function checkNumber(fn, name, v, { min = -Infinity, max = Infinity, gt } = {}) {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite, got ${v}`);
  if (gt !== undefined && !(v > gt)) throw new RangeError(`${fn}: ${name} ${v} must be > ${gt}`);
  if (v < min || v > max) throw new RangeError(`${fn}: ${name} ${v} is out of range (${min}..${max})`);
  return v;
}

export function checkOption(fn, name, v, allowed) {
  if (typeof v !== 'string') throw new TypeError(`${fn}: ${name} must be a string, got ${describe(v)}`);
  const index = allowed.indexOf(v);
  if (index < 0) {
    throw new RangeError(`${fn}: unknown ${name} ${JSON.stringify(v)} (one of ${allowed.map((a) => `'${a}'`).join(', ')})`);
  }
  return index;
}

/** Length of a typed array (intrinsic) or an Array (read once); else -1. */
export function arrayLength(v) {
  if (typedArrayKind(v)) return typedArrayLength(v);
  if (!isArray(v)) return -1;
  const n = v.length;
  return typeof n === 'number' ? n : -1;
}

// Numeric array of an exact length: any non-BigInt typed array, or an Array
// of numbers. Returns a snapshot, a new array of type `Type` (Float32Array
// unless given): each element of the caller's array is read exactly once,
// here, so nothing the caller does later (a getter that runs during the
// rest of the validation, a Proxy, a buffer resized or detached, a subclass
// lying about its length) can change what reaches wasm memory. Values are
// checked for finiteness by the core (after conversion to float32).
export function checkArray(fn, name, v, length, Type = Float32Array) {
  const kind = typedArrayKind(v);
  if (kind) {
    if (kind === 'BigInt64Array' || kind === 'BigUint64Array') {
      throw new TypeError(`${fn}: ${name} must be a Float32Array (or another numeric typed array or Array), got a ${kind}`);
    }
    const n = typedArrayLength(v);
    if (n !== length) throw new RangeError(`${fn}: ${name} has length ${n}, expected ${length}`);
    const copy = new Type(n);
    copy.set(v); // intrinsic: reads the engine's length, runs no caller code
    return copy;
  }
  if (!isArray(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float32Array (or another numeric typed array or Array), got ${describe(v)}`);
  }
  const n = v.length;
  if (n !== length) throw new RangeError(`${fn}: ${name} has length ${typeof n === 'number' ? n : describe(n)}, expected ${length}`);
  const copy = new Type(n);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (typeof x !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describe(x)}`);
    copy[i] = x;
  }
  return copy;
}
