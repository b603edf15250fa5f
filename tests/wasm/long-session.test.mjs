// A long session across every area of the binding: 10,000 mixed calls
// (convolution, Gabor, integrate, batches, direction fields, nullclines,
// equilibria, f-I curves, Hopfield networks created and disposed, and calls
// that fail in JS, in the core and inside the user's getters) keep the wasm
// memory and the JS heap flat after a warm-up. memory.test.mjs checks the
// convolution calls byte-exactly; this one covers the other areas.
// gc() comes from V8's flag, set here so `node --test` needs no option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { randomArray } from './helpers/reference.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const img = randomArray(24 * 24, 3);
const k3 = randomArray(9, 4);
const states = randomArray(2 * 256, 5);
const pattern = Int8Array.from({ length: 32 }, (_, i) => (i % 3 ? 1 : -1));
const throwing = { get sigma() { throw new Error('user getter'); } };

function call(sc, i) {
  switch (i % 12) {
    case 0: return sc.correlate2d(img, 24, 24, k3, 3, 3, { method: ['direct', 'fft', 'separable'][(i >> 4) % 3] });
    case 1: return sc.gaborFilter(img, 24, 24, { sigma: 2, theta: i * 0.1, lambda: 6 });
    case 2: return sc.integrate({ system: 'izhikevich', y0: [-65, -13], t1: 50, dt: 0.25 });
    case 3: return sc.integrateBatch({ system: 'oscillator', y0s: states.slice(), dt: 0.05, steps: 4 });
    case 4: return sc.directionField({ system: 'van-der-pol', x: [-3, 3, 16], y: [-3, 3, 16] });
    case 5: return i % 48 === 5 ? sc.nullclines({ system: 'fitzhugh-nagumo', x: [-2.5, 2.5, 40], y: [-1, 2, 40] }) : null;
    case 6: return sc.equilibria({ system: 'linear2d', x: [-1, 1], y: [-1, 1] });
    case 7: {
      const net = sc.hopfield(32).store([pattern]);
      try {
        return net.setState(pattern.map((v, k) => (k < 5 ? -v : v))).run({ maxSweeps: 10 });
      } finally {
        net.dispose();
      }
    }
    case 8: return i % 96 === 8 ? sc.fICurve({ I: [0, 10, 3], duration: 100, dt: 0.5, method: 'izhikevich-euler' }) : null;
    case 9: return sc.integrate({ system: 'linear2d', y0: [1, NaN], t1: 1, dt: 0.1 }); // RangeError in JS
    case 10: return sc.gaborKernel(throwing); // the caller's own error
    default: return sc.integrate({ system: { dx: 'y', dy: '-x +* 2' }, y0: [1, 0], t1: 1, dt: 0.1 }); // SyntaxError from the core
  }
}

for (const simd of [true, false]) {
  test(`${simd ? 'simd' : 'scalar'}: wasm memory and JS heap stay flat over 10,000 mixed calls`, async () => {
    const sc = await loadSimcore({ simd });
    const run = (from, n) => {
      for (let i = from; i < from + n; i++) {
        let error = null;
        try {
          call(sc, i);
        } catch (e) {
          error = e;
        }
        // exactly the calls meant to fail do, and none with a trap
        assert.equal(error !== null, i % 12 >= 9, `call ${i}: ${error}`);
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `call ${i}: ${error}`);
      }
    };
    run(0, 600); // warm-up: every call kind and every scratch block at its size
    gc();
    const wasmBefore = sc.memoryBytes();
    const heapBefore = process.memoryUsage().heapUsed;
    run(600, 10_000);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    assert.equal(sc.memoryBytes(), wasmBefore, 'wasm memory grew');
    // A leak of 200 bytes per call would add 2 MB (a leaked result array
    // is kilobytes); below that is noise (compiled code, inline caches).
    assert.ok(heapAfter - heapBefore < 2 * 2 ** 20, `JS heap grew by ${heapAfter - heapBefore} bytes`);
    // 64 networks can still be made: none leaked from the pool.
    const nets = Array.from({ length: sc.hopfieldLimits.maxNetworks }, () => sc.hopfield(2));
    nets.forEach((net) => net.dispose());
  });
}
