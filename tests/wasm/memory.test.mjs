// 10,000 mixed calls, including calls that throw, leave the wasm memory size
// flat after a warm-up. Memory only grows (wasm cannot shrink), so a leak
// shows only once the leaked total exceeds the free heap. To make that
// sensitive, the test first fills the free heap with 16 KB filler blocks
// (through the instance's own malloc) until less than FREE_TOP is left above
// the last one: a leak of more than ~FREE_TOP / 10,000 (~25 bytes) per call
// then grows memory and fails. Checked by injecting a 64-byte malloc per
// convolution into the binding (2,500 calls, 160 KB): memory grew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, BORDERS, METHODS } from '../../bindings/simcore.mjs';
import { randomArray } from './helpers/reference.mjs';

const w = 32, h = 32;
const img = randomArray(w * h, 5);
const bad = Float32Array.from(img);
bad[100] = NaN;
const k5 = randomArray(25, 6);
const gp = { sigma: 1.5, theta: 0.7, lambda: 5, size: 7 };

function call(sc, i) {
  const border = BORDERS[i % BORDERS.length];
  switch (i % 8) {
    case 0: return sc.correlate2d(img, w, h, k5, 5, 5, { border, method: METHODS[(i >> 3) % METHODS.length] });
    case 1: return sc.convolve2d(img, w, h, k5, 5, 5, { border, method: METHODS[(i >> 3) % METHODS.length] });
    case 2: return sc.gaborKernel({ ...gp, part: i & 16 ? 'imag' : 'real' });
    case 3: return sc.gaborFilter(img, w, h, { ...gp, border });
    case 4: return i % 64 === 4 ? sc.gaborBank(img, w, h, { sigma: 1.5, lambda: 5, size: 7, orientations: 4 }) : null;
    case 5: return sc.correlate2d(bad, w, h, k5, 5, 5); // throws from the core, after copying in
    case 6: return sc.gaborFilter(bad, w, h, gp); // throws from the core, inside Gabor
    default: return sc.convolve2d(img, w, h, k5, 5, 5, { method: 'nope' }); // throws in JS
  }
}

const FREE_TOP = 256 * 1024;
const FILLER = 16 * 1024;

// loadSimcore hides the wasm instance; capture its exports to reach malloc.
async function loadWithExports(options) {
  const original = WebAssembly.instantiate;
  let exports = null;
  WebAssembly.instantiate = async function (...args) {
    const result = await original.apply(this, args);
    exports = (result.instance ?? result).exports;
    return result;
  };
  try {
    return { sc: await loadSimcore(options), ex: exports };
  } finally {
    WebAssembly.instantiate = original;
  }
}

// Allocate fillers until one lands within FREE_TOP of the end of memory;
// returns them (to free) and asserts the filling itself grew nothing.
function fillHeap(ex) {
  const size = ex.memory.buffer.byteLength;
  const fillers = [];
  for (;;) {
    const p = ex.malloc(FILLER);
    assert.ok(p !== 0 && ex.memory.buffer.byteLength === size, 'filling the heap grew memory');
    fillers.push(p);
    if (p + FILLER >= size - FREE_TOP) return fillers;
  }
}

for (const simd of [true, false]) {
  test(`${simd ? 'simd' : 'scalar'}: memory is flat over 10,000 mixed calls`, async () => {
    const { sc, ex } = await loadWithExports({ simd });
    let threw = 0;
    const run = (n) => {
      for (let i = 0; i < n; i++) {
        try {
          call(sc, i);
        } catch (e) {
          assert.ok(e instanceof RangeError, `call ${i}: ${e}`);
          threw++;
        }
      }
    };
    run(128); // warm-up: every call kind, every border and method
    sc.clearCache();
    const fillers = fillHeap(ex);
    const before = sc.memoryBytes();
    threw = 0;
    run(10_000);
    sc.clearCache();
    assert.equal(sc.memoryBytes(), before, 'wasm memory grew: something leaks');
    assert.equal(threw, 3 * 1250, 'the throwing calls did throw');
    for (const p of fillers) ex.free(p);
  });
}
