// LeNet-5 (LeCun et al. 1998) and a modern variant trained on 28 x 28 digit
// images, and the IDX reader for MNIST-format files. Conventions:
// docs/lenet.md; the C contract: core/include/simcore/lenet.h. A network
// lives in wasm memory behind a core handle (core/handles.mjs); `dispose()`
// frees it.
import { handle } from './core/handles.mjs';
import { mnistSubset } from './mnist.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, readOptions, typedArrayKind } from './core/validate.mjs';

export const LENET_VARIANTS = Object.freeze(['lecun1998', 'modern']); // sc_lenet_variant's order
export const LENET_LOSSES = Object.freeze(['default', 'mle', 'map']); // sc_lenet_loss's order
const PIXELS = 784;
const MAX_SEED = 0xffffffff;

// Bytes of an image or label set: a Uint8Array (copied), or any other
// numeric array of integers 0..255 (read once, checked), so nothing is
// silently rounded or wrapped; at most maxLength values.
function bytesOf(fn, name, v, maxLength) {
  const kind = typedArrayKind(v);
  const n = arrayLength(v);
  if (n < 0) throw new TypeError(`${fn}: ${name} must be a Uint8Array (or an array of integers 0..255), got ${describe(v)}`);
  if (n === 0) throw new RangeError(`${fn}: ${name} is empty (or its buffer detached)`);
  if (n > maxLength) throw new RangeError(`${fn}: ${name} has length ${n}, more than ${maxLength}`);
  if (kind === 'Uint8Array' || kind === 'Uint8ClampedArray') {
    const copy = new Uint8Array(n);
    copy.set(v); // intrinsic: no caller code runs
    return copy;
  }
  const a = checkArray(fn, name, v, n, Float64Array);
  for (let k = 0; k < n; k++) {
    if (!Number.isInteger(a[k]) || a[k] < 0 || a[k] > 255) throw new RangeError(`${fn}: ${name}[${k}] is ${a[k]}; expected an integer 0..255`);
  }
  return Uint8Array.from(a);
}

// ArrayBuffer by its intrinsic getter (no prototype walk, so a revoked
// Proxy or a lying object cannot pass or throw its own error).
const AB_LENGTH = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
function isArrayBuffer(v) {
  try {
    AB_LENGTH.call(v);
    return true;
  } catch {
    return false;
  }
}

const IDX_TYPES = { 0x08: 1 }; // unsigned byte: the only type MNIST files use

/**
 * Parses an IDX file (gzip accepted): { dims, data: Uint8Array }. Errors name
 * the byte offset. Async because gzip goes through DecompressionStream.
 */
export async function readIdx(bytes) {
  const fn = 'readIdx';
  let b = null;
  if (typedArrayKind(bytes) === 'Uint8Array') b = new Uint8Array(bytes); // a copy: the caller may change theirs
  else if (isArrayBuffer(bytes)) b = new Uint8Array(bytes.slice(0));
  if (!b) throw new TypeError(`${fn}: bytes must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`);
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) {
    if (typeof DecompressionStream !== 'function') throw new Error(`${fn}: gzip input needs DecompressionStream`);
    try {
      const stream = new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));
      b = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      throw new Error(`${fn}: the gzip stream is corrupt or truncated (${e.message})`);
    }
  }
  if (b.length < 4) throw new RangeError(`${fn}: truncated file: ${b.length} bytes, the magic number needs 4 (offset 0)`);
  if (b[0] !== 0 || b[1] !== 0 || !IDX_TYPES[b[2]] || b[3] < 1 || b[3] > 4) {
    const magic = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
    throw new RangeError(`${fn}: wrong magic number 0x${magic.toString(16).padStart(8, '0')} at byte offset 0 (expected 0x00000801..0x00000804: unsigned bytes, 1-4 dimensions)`);
  }
  const ndims = b[3];
  const header = 4 + 4 * ndims;
  if (b.length < header) throw new RangeError(`${fn}: truncated file: the header needs ${header} bytes, the file has ${b.length} (dimension at byte offset ${4 + 4 * Math.floor((b.length - 4) / 4)})`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const dims = [];
  let total = 1;
  for (let i = 0; i < ndims; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    if (d < 1) throw new RangeError(`${fn}: dimension ${i} is 0 at byte offset ${4 + 4 * i}`);
    dims.push(d);
    total *= d;
  }
  if (b.length - header < total) {
    throw new RangeError(`${fn}: truncated file: dims ${dims.join(' x ')} need ${total} data bytes from byte offset ${header}, the file has ${b.length - header} (ends at offset ${b.length})`);
  }
  if (b.length - header > total) {
    throw new RangeError(`${fn}: mismatched counts: dims ${dims.join(' x ')} give ${total} data bytes, the file has ${b.length - header} (extra bytes from offset ${header + total})`);
  }
  return { dims, data: b.slice(header) };
}

export function lenetApi({ ex, i32, f32, block, check, limit }) {
  const LIMITS = Object.freeze({
    maxNets: limit('SC_LENET_MAX_NETS'),
    maxImages: limit('SC_LENET_MAX_IMAGES'),
    maxBatch: limit('SC_LENET_MAX_BATCH'),
    maxLr: limit('SC_LENET_MAX_LR'),
    maxWeight: limit('SC_LENET_MAX_WEIGHT'),
  });
  const u8 = () => new Uint8Array(ex.memory.buffer);
  const destroy = (id) => ex.sc_flat_lenet_destroy(id);

  // images: n x 784 bytes; labels (when given): n bytes 0..9.
  function dataIn(fn, images, labels) {
    const img = bytesOf(fn, 'images', images, LIMITS.maxImages * PIXELS);
    const count = img.length / PIXELS;
    if (!Number.isInteger(count) || count < 1 || count > LIMITS.maxImages) {
      throw new RangeError(`${fn}: images has length ${img.length}; expected count * 784 with count 1..${LIMITS.maxImages}`);
    }
    let lab = null;
    if (labels !== undefined) {
      lab = bytesOf(fn, 'labels', labels, LIMITS.maxImages);
      if (lab.length !== count) throw new RangeError(`${fn}: labels has length ${lab.length}, expected ${count} (one per image)`);
      for (let k = 0; k < count; k++) if (lab[k] > 9) throw new RangeError(`${fn}: labels[${k}] is ${lab[k]}; expected 0..9`);
    }
    const pImg = block('lenet-images', img.length);
    u8().set(img, pImg);
    let pLab = 0;
    if (lab) {
      pLab = block('lenet-labels', count);
      u8().set(lab, pLab);
    }
    return { pImg, pLab, count };
  }

  function createLeNet5(options) {
    const fn = 'createLeNet5';
    const o = readOptions(fn, 'options', options, ['variant', 'seed'], true);
    const variant = o.variant === undefined ? 0 : checkOption(fn, 'variant', o.variant, LENET_VARIANTS);
    const seed = o.seed === undefined ? 0 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);
    const pId = block('lenet-id', 4);
    check(fn, ex.sc_flat_lenet_create(variant, seed, pId));
    const life = handle('lenet', i32()[pId >> 2], destroy);
    const live = (method) => life.live(method);
    const pCount = block('lenet-count', 4);
    check(fn, ex.sc_flat_lenet_weight_count(life.id, pCount));
    const nw = i32()[pCount >> 2];

    const net = life.attach({
      variant: LENET_VARIANTS[variant],
      weightCount: nw,

      /** One pass; returns { loss, passes }. onProgress(done, total) runs after the pass (one core call). */
      trainEpoch(images, labels, opts) {
        const name = live('trainEpoch');
        const t = readOptions(name, 'options', opts, ['lr', 'batch', 'loss', 'onProgress'], true);
        const lr = t.lr === undefined ? 0 : checkNumber(name, 'lr', t.lr, { gt: 0, max: LIMITS.maxLr });
        const batch = t.batch === undefined ? 0 : checkInt(name, 'batch', t.batch, 1, LIMITS.maxBatch);
        const loss = t.loss === undefined ? 0 : checkOption(name, 'loss', t.loss, LENET_LOSSES);
        if (loss !== 0 && variant !== 0) throw new RangeError(`${name}: loss '${LENET_LOSSES[loss]}' is for the lecun1998 variant`);
        if (t.onProgress !== undefined && typeof t.onProgress !== 'function') {
          throw new TypeError(`${name}: onProgress must be a function, got ${describe(t.onProgress)}`);
        }
        if (labels === undefined) throw new TypeError(`${name}: labels must be a Uint8Array, got undefined`);
        const d = dataIn(name, images, labels);
        const pLoss = block('lenet-loss', 4);
        check(name, ex.sc_flat_lenet_train_epoch(life.id, d.pImg, d.pLab, d.count, lr, batch, loss, pLoss));
        const value = f32()[pLoss >> 2];
        check(name, ex.sc_flat_lenet_passes(life.id, pCount));
        const passes = i32()[pCount >> 2];
        t.onProgress?.(d.count, d.count);
        return { loss: value, passes };
      },

      /** { errorRate, confusion: Int32Array(100) } (row true label, column prediction). */
      evaluate(images, labels) {
        const name = live('evaluate');
        if (labels === undefined) throw new TypeError(`${name}: labels must be a Uint8Array, got undefined`);
        const d = dataIn(name, images, labels);
        const pConf = block('lenet-confusion', 400);
        const pErr = block('lenet-errors', 4);
        check(name, ex.sc_flat_lenet_evaluate(life.id, d.pImg, d.pLab, d.count, pConf, 100, pErr));
        return { errorRate: i32()[pErr >> 2] / d.count, confusion: i32().slice(pConf >> 2, (pConf >> 2) + 100) };
      },

      /** n x 10 class scores (Float32Array): argmax is the prediction. */
      predict(images) {
        const name = live('predict');
        const d = dataIn(name, images);
        const p = block('lenet-scores', d.count * 40);
        check(name, ex.sc_flat_lenet_predict(life.id, d.pImg, d.count, p, d.count * 10));
        return f32().slice(p >> 2, (p >> 2) + d.count * 10);
      },

      getWeights() {
        const name = live('getWeights');
        const p = block('lenet-w', nw * 4);
        check(name, ex.sc_flat_lenet_get_weights(life.id, p, nw));
        return f32().slice(p >> 2, (p >> 2) + nw);
      },

      setWeights(weights) {
        const name = live('setWeights');
        const w = checkArray(name, 'weights', weights, nw);
        const p = block('lenet-w', nw * 4);
        f32().set(w, p >> 2);
        check(name, ex.sc_flat_lenet_set_weights(life.id, p, nw));
        return net;
      },

      dispose() { life.dispose(); },
    });
    return net;
  }

  /** Table 1: Uint8Array(96), [o * 6 + i] = 1 if C3 map o sees S2 map i. */
  function lenetC3Table() {
    const p = block('lenet-table', 96);
    check('lenetC3Table', ex.sc_flat_lenet_c3_table(p, 96));
    return u8().slice(p, p + 96);
  }

  /** The RBF codes: Float32Array(840), 10 bitmaps of 7 x 12, +-1. */
  function lenetCodes() {
    const p = block('lenet-codes', 840 * 4);
    check('lenetCodes', ex.sc_flat_lenet_codes(p, 840));
    return f32().slice(p >> 2, (p >> 2) + 840);
  }

  return { createLeNet5, readIdx, mnistSubset, lenetC3Table, lenetCodes, lenetLimits: LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'lenet', core: 'lenet', attach: (core) => lenetApi(core) });
