// The file a student keeps with trained weights: a 24-byte header, then the
// weights as little-endian float32 in getWeights() order (docs/lenet.md).
//   0  8 bytes  "SCLENET1"
//   8  uint32   format version (1)
//  12  uint32   variant: 0 lecun1998, 1 modern
//  16  uint32   weight count (60000 or 61706)
//  20  uint32   passes trained
//  24  float32 x count
// decodeWeights rejects a bad file with an Error naming the byte offset, so
// the caller keeps its network.
export const MAGIC = 'SCLENET1';
export const HEADER = 24;
const VARIANTS = ['lecun1998', 'modern'];
const MAX_WEIGHT = 1e6; // the core's SC_LENET_MAX_WEIGHT

/** { variant, passes, weights: Float32Array } -> Uint8Array. */
export function encodeWeights({ variant, passes, weights }) {
  const v = VARIANTS.indexOf(variant);
  if (v < 0) throw new RangeError(`encodeWeights: unknown variant ${variant}`);
  const out = new Uint8Array(HEADER + 4 * weights.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, 1, true);
  view.setUint32(12, v, true);
  view.setUint32(16, weights.length, true);
  view.setUint32(20, passes >>> 0, true);
  for (let i = 0; i < weights.length; i++) view.setFloat32(HEADER + 4 * i, weights[i], true);
  return out;
}

/**
 * Uint8Array -> { variant, passes, weights }; `expect` ({ variant, count })
 * is the network it is meant for. Throws RangeError naming the byte offset.
 */
export function decodeWeights(bytes, expect) {
  const fail = (offset, what) => { throw new RangeError(`weights file: ${what} (byte offset ${offset})`); };
  if (!(bytes instanceof Uint8Array)) throw new TypeError('weights file: expected bytes (Uint8Array)');
  if (bytes.length < HEADER) fail(bytes.length, `truncated: ${bytes.length} bytes, the header needs ${HEADER}`);
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) fail(i, `not a simcore LeNet weights file (expected "${MAGIC}")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== 1) fail(8, `format version ${version}, expected 1`);
  const v = view.getUint32(12, true);
  if (v >= VARIANTS.length) fail(12, `variant ${v}, expected 0 (lecun1998) or 1 (modern)`);
  const variant = VARIANTS[v];
  if (expect && variant !== expect.variant) fail(12, `the file holds a '${variant}' network; choose that network first (this one is '${expect.variant}')`);
  const count = view.getUint32(16, true);
  if (expect && count !== expect.count) fail(16, `${count} weights, this network has ${expect.count}`);
  const need = HEADER + 4 * count;
  if (bytes.length < need) fail(bytes.length, `truncated: ${count} weights need ${need} bytes, the file has ${bytes.length}`);
  if (bytes.length > need) fail(need, `${bytes.length - need} extra bytes after the weights`);
  const passes = view.getUint32(20, true);
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const w = view.getFloat32(HEADER + 4 * i, true);
    if (!Number.isFinite(w) || Math.abs(w) > MAX_WEIGHT) fail(HEADER + 4 * i, `weight ${i} is ${w}; expected a finite value within ±${MAX_WEIGHT}`);
    weights[i] = w;
  }
  return { variant, passes, weights };
}
