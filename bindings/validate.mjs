// Argument checks for the binding. Every message names the function and the
// argument, and the allowed range: `convolve2d: kernel width 0 is out of range (1..1025)`.

export function describe(v) {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an Array';
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

export function checkObject(fn, name, v, optional = false) {
  if (v === undefined && optional) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TypeError(`${fn}: ${name} must be an object, got ${describe(v)}`);
  }
  return v;
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

// Numeric array of an exact length: any non-BigInt typed array, or an Array
// of numbers. Values are checked for finiteness by the core.
export function checkArray(fn, name, v, length) {
  const typed = ArrayBuffer.isView(v) && !(v instanceof DataView) &&
    !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);
  if (!typed && !Array.isArray(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float32Array (or another numeric typed array or Array), got ${describe(v)}`);
  }
  if (v.length !== length) {
    throw new RangeError(`${fn}: ${name} has length ${v.length}, expected ${length}`);
  }
  if (!typed) {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describe(v[i])}`);
    }
  }
  return v;
}
