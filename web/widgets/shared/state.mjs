// Widget state from untrusted text (HTML attributes, the URL hash): every
// field is declared in a schema; known names only, numbers parsed strictly
// and range-checked, choices from a fixed list. A value that fails keeps the
// default: nothing from the outside ever reaches the DOM or the core as-is.
import { decodeGrids } from './grid-bits.mjs';

// Plain decimal or exponent notation; no hex, no Infinity, no whitespace.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;

/** Parse a number field; returns undefined when the text is not acceptable. */
export function parseField(field, text) {
  if (field.type === 'points') return parsePoints(field, text);
  if (field.type === 'text') return checkText(field, text);
  if (field.type === 'grids') return checkGrids(field, text);
  if (typeof text !== 'string' || text.length > 32) return undefined;
  if (field.type === 'choice') return field.choices.includes(text) ? text : undefined;
  if (field.type === 'bool') return text === '1' ? true : text === '0' ? false : undefined;
  if (!NUMBER.test(text)) return undefined;
  const v = Number(text);
  if (!Number.isFinite(v) || v < field.min || v > field.max) return undefined;
  if (field.type === 'int' && !Number.isInteger(v)) return undefined;
  if (field.odd && v % 2 !== 1) return undefined;
  return v;
}

// Free text limited to field.maxLength characters from a fixed alphabet
// (field.chars, a regular-expression character class), e.g. a formula that
// only the core's parser reads. It is shown with textContent, never as markup.
// An optional field.valid(text) checks the grammar (e.g. a layer list).
function checkText(field, text) {
  if (typeof text !== 'string' || text.length > field.maxLength) return undefined;
  if (!new RegExp(`^[${field.chars}]*$`).test(text)) return undefined;
  return !field.valid || field.valid(text) ? text : undefined;
}

// ±1 grids as canonical text (grid-bits.mjs), e.g. a student's drawings:
// the value stays text, checked by decoding it; a wrong length, a character
// outside base64url, too many grids or a bad side reject it whole.
function checkGrids(field, text) {
  return decodeGrids(text, field) ? text : undefined;
}

// A list of model points, `x,y;x,y` (e.g. a phase plane's trajectory
// starts): at most field.maxCount, each coordinate a strict number in
// [field.min, field.max]. One bad entry rejects the whole list.
function parsePoints(field, text) {
  if (typeof text !== 'string' || text.length > 32 * field.maxCount) return undefined;
  if (text === '') return [];
  const items = text.split(';');
  if (items.length > field.maxCount) return undefined;
  const out = [];
  for (const item of items) {
    const xy = item.split(',');
    if (xy.length !== 2 || !xy.every((s) => NUMBER.test(s))) return undefined;
    const p = xy.map(Number);
    if (!p.every((v) => Number.isFinite(v) && v >= field.min && v <= field.max)) return undefined;
    out.push(p);
  }
  return out;
}

/** Format a field for an attribute or the hash; short but exact enough to round-trip a slider. */
export function formatField(field, v) {
  if (field.type === 'text' || field.type === 'grids') return v;
  if (field.type === 'points') return v.map((p) => p.map((c) => String(Number(c.toPrecision(6)))).join(',')).join(';');
  if (field.type === 'choice') return v;
  if (field.type === 'bool') return v ? '1' : '0';
  if (field.type === 'int') return String(v);
  return String(Number(v.toPrecision(6)));
}

export function defaults(schema) {
  return Object.fromEntries(Object.entries(schema).map(([k, f]) => [k, f.default]));
}

/** Validate a JS value (from setState) against the schema; undefined if bad. */
export function checkValue(field, v) {
  if (field.type === 'text') return checkText(field, v);
  if (field.type === 'grids') return checkGrids(field, v);
  if (field.type === 'points') {
    if (!Array.isArray(v) || v.length > field.maxCount) return undefined;
    const ok = v.every((p) => Array.isArray(p) && p.length === 2
      && p.every((c) => typeof c === 'number' && Number.isFinite(c) && c >= field.min && c <= field.max));
    return ok ? v.map((p) => [p[0], p[1]]) : undefined;
  }
  if (field.type === 'choice') return field.choices.includes(v) ? v : undefined;
  if (field.type === 'bool') return typeof v === 'boolean' ? v : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < field.min || v > field.max) return undefined;
  if (field.type === 'int' && !Number.isInteger(v)) return undefined;
  if (field.odd && v % 2 !== 1) return undefined;
  return v;
}

/** Read the known fields from `get(name)` (an attribute getter, a URLSearchParams). */
export function readFields(schema, get) {
  const out = {};
  for (const [name, field] of Object.entries(schema)) {
    const text = get(name);
    if (text === null || text === undefined) continue;
    const v = parseField(field, text);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The state as hash text: `lambda=8&theta=0.79`, fields in schema order. */
export function toHash(schema, state) {
  const params = new URLSearchParams();
  for (const [name, field] of Object.entries(schema)) {
    if (field.hash === false || state[name] === undefined) continue;
    if (field.type === 'grids' && state[name] === '') continue; // no drawing: keep links short
    params.set(name, formatField(field, state[name]));
  }
  return params.toString();
}

/** Parse `#a=1&b=2` (leading # optional) into known, valid fields. */
export function fromHash(schema, hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (text.length > 2000) return {};
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return {};
  }
  const allowed = Object.fromEntries(Object.entries(schema).filter(([, f]) => f.hash !== false));
  return readFields(allowed, (name) => params.get(name));
}
