// Square grids of ±1 cells as short URL-safe text, for a link that keeps the
// student's drawings: `16*<bits>` per grid (side, then the cells row-major,
// +1 = ink = bit 1, six bits per character of the base64url alphabet, the last
// character padded with zero bits), grids separated by '.'. None of these
// characters is escaped by URLSearchParams. Decoding is strict: one canonical
// text per list of grids, anything else is rejected whole (undefined).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
const ITEM = /^([1-9]\d?)\*([A-Za-z0-9_-]+)$/;

/** Characters of one encoded grid of side `size` (side, '*', ⌈size²/6⌉ characters). */
export function gridTextLength(size) {
  return String(size).length + 1 + Math.ceil((size * size) / 6);
}

/** [{ size, bits }] (bits: ±1, row-major) → text. */
export function encodeGrids(grids) {
  return grids.map(({ size, bits }) => {
    let text = `${size}*`;
    for (let i = 0; i < size * size; i += 6) {
      let v = 0;
      for (let k = 0; k < 6; k++) v = (v << 1) | (i + k < size * size && bits[i + k] > 0 ? 1 : 0);
      text += ALPHABET[v];
    }
    return text;
  }).join('.');
}

/**
 * Text → [{ size, bits: Int8Array }], or undefined unless the text is exactly
 * what encodeGrids makes for at most `maxCount` grids of side minSize..maxSize
 * in at most `maxLength` characters. '' is the empty list.
 */
export function decodeGrids(text, { minSize, maxSize, maxCount, maxLength }) {
  if (typeof text !== 'string' || text.length > maxLength) return undefined;
  if (text === '') return [];
  const items = text.split('.');
  if (items.length > maxCount) return undefined;
  const out = [];
  for (const item of items) {
    const m = ITEM.exec(item);
    if (!m) return undefined;
    const size = Number(m[1]);
    const chars = m[2];
    if (size < minSize || size > maxSize || chars.length !== Math.ceil((size * size) / 6)) return undefined;
    const n = size * size;
    const bits = new Int8Array(n);
    for (let c = 0; c < chars.length; c++) {
      const v = VALUE.get(chars[c]);
      for (let k = 0; k < 6; k++) {
        const bit = (v >> (5 - k)) & 1;
        const i = c * 6 + k;
        if (i < n) bits[i] = bit ? 1 : -1;
        else if (bit) return undefined; // padding must be zero: one text per grid
      }
    }
    out.push({ size, bits });
  }
  return out;
}
