// simcore: the JavaScript binding. A thin layer over the C core compiled to
// WebAssembly: it validates every argument (errors name the argument), copies
// inputs into wasm memory, calls the core and copies results out into
// JS-owned typed arrays. Scratch blocks are reused between calls.
// Types and conventions: simcore.d.ts. Architecture: docs/architecture.md.
import { wasmBytes } from './core/wasm-source.mjs';
import { checkObject, describe } from './core/validate.mjs';
import { createCore } from './core/wasm-core.mjs';
import { convApi } from './conv.mjs';
import { gaborApi } from './gabor.mjs';
import { hopfieldApi } from './hopfield.mjs';
import { linalgApi } from './linalg.mjs';
import { mlpApi } from './mlp.mjs';
import { odeApi, odeShared } from './ode.mjs';
import { phaseApi } from './phase.mjs';
import { simdSupported } from './core/simd-probe.mjs';
import { snnApi } from './snn.mjs';

export { BORDERS, METHODS } from './conv.mjs';
export { simdSupported };

async function instantiate(bytes) {
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind !== 'function') continue;
    // Memory growth is the only import the core uses; anything else is a
    // build mistake and must fail loudly, not silently.
    const fn = imp.name === 'emscripten_notify_memory_growth'
      ? () => {}
      : () => { throw new Error(`simcore: unexpected call to import ${imp.module}.${imp.name}`); };
    (imports[imp.module] ??= {})[imp.name] = fn;
  }
  const instance = await WebAssembly.instantiate(module, imports);
  instance.exports._initialize();
  return instance.exports;
}

/**
 * Load the core. `simd: false` loads the scalar-only build (for comparisons);
 * with `simd: true` (default) the scalar build is loaded anyway when the
 * engine lacks SIMD128, and `sc.simd` tells which one runs.
 */
export async function loadSimcore(options = {}) {
  const fn = 'loadSimcore';
  checkObject(fn, 'options', options, true);
  for (const key of Object.keys(options)) {
    if (!['simd', 'wasm'].includes(key)) throw new RangeError(`${fn}: unknown option '${key}'`);
  }
  const wantSimd = options.simd ?? true;
  if (typeof wantSimd !== 'boolean') throw new TypeError(`${fn}: simd must be a boolean, got ${describe(wantSimd)}`);
  const wasm = options.wasm;
  if (wasm !== undefined && !(wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm))) {
    throw new TypeError(`${fn}: wasm must be an ArrayBuffer or a typed array of module bytes, got ${describe(wasm)}`);
  }
  const simd = wantSimd && simdSupported();
  const bytes = wasm ?? await wasmBytes(simd ? 'simd' : 'scalar');
  return createApi(await instantiate(bytes));
}

function createApi(ex) {
  const core = createCore(ex);
  const conv = convApi(core);
  const ode = odeShared(core); // the systems table, shared by ode and phase
  return Object.freeze({
    version: core.cString(ex.sc_version()),
    simd: ex.sc_has_simd() === 1,
    memoryBytes: () => ex.memory.buffer.byteLength,
    ...conv,
    ...gaborApi(core, conv.limits),
    ...hopfieldApi(core),
    ...linalgApi(core),
    ...mlpApi(core),
    ...odeApi(core, ode),
    ...phaseApi(core, ode),
    ...snnApi(core),
  });
}
