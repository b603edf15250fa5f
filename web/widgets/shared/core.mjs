// The page-thread instance of the core, shared by all widgets of a page (one
// per build: SIMD or scalar). Cheap calls (kernels) run here, synchronously,
// so a slider redraws its kernel in the same frame; heavy calls go to
// compute.mjs lanes.
import { loadSimcore } from '../../../bindings/simcore.mjs';
import { wasmBytes } from '../../../bindings/core/wasm-source.mjs';

const cores = new Map();

export function pageCore(simd) {
  if (!cores.has(simd)) {
    cores.set(simd, wasmBytes(simd ? 'simd' : 'scalar').then((wasm) => loadSimcore({ simd, wasm })));
  }
  return cores.get(simd);
}
