// The loader shared by every build of the binding: instantiate a wasm module
// of the core, read which areas it holds (sc_module_areas, core/areas.txt)
// and attach the binding areas that call them. bindings/simcore.mjs passes
// every binding area; a page's bundle passes only its own (tools/build-web.mjs),
// so it carries neither the JS nor the wasm of areas it does not use.
import { wasmBytes } from './wasm-source.mjs';
import { checkObject, describe } from './validate.mjs';
import { createCore } from './wasm-core.mjs';
import { simdSupported } from './simd-probe.mjs';

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

const MODULE_NAME = /^[a-z][a-z0-9]*$/;

/**
 * loadSimcore for the given binding areas (each a module's AREA, in
 * dependency order). Options: `simd: false` loads the scalar-only build (for
 * comparisons); with `simd: true` (default) the scalar build is loaded anyway
 * when the engine lacks SIMD128, and `sc.simd` tells which one runs.
 * `module` picks a wasm module of one area (dist/wasm/simcore-<module>-*.wasm;
 * default: the full core); `wasm` passes the module's bytes instead.
 */
export function makeLoader(bindingAreas) {
  return async function loadSimcore(options = {}) {
    const fn = 'loadSimcore';
    checkObject(fn, 'options', options, true);
    for (const key of Object.keys(options)) {
      if (!['simd', 'wasm', 'module'].includes(key)) throw new RangeError(`${fn}: unknown option '${key}'`);
    }
    const wantSimd = options.simd ?? true;
    if (typeof wantSimd !== 'boolean') throw new TypeError(`${fn}: simd must be a boolean, got ${describe(wantSimd)}`);
    const wasm = options.wasm;
    if (wasm !== undefined && !(wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm))) {
      throw new TypeError(`${fn}: wasm must be an ArrayBuffer or a typed array of module bytes, got ${describe(wasm)}`);
    }
    const module = options.module;
    if (module !== undefined && (typeof module !== 'string' || !MODULE_NAME.test(module))) {
      throw new TypeError(`${fn}: module must be an area's name like 'gabor', got ${describe(module)}`);
    }
    const simd = wantSimd && simdSupported();
    const bytes = wasm ?? await wasmBytes(simd ? 'simd' : 'scalar', module);
    return createApi(await instantiate(bytes), bindingAreas);
  };
}

function createApi(ex, bindingAreas) {
  const core = createCore(ex);
  const areas = core.cString(ex.sc_module_areas()).split(',');
  const api = {
    version: core.cString(ex.sc_version()),
    simd: ex.sc_has_simd() === 1,
    /** The core areas this module holds (core/areas.txt). */
    areas: Object.freeze(areas),
    memoryBytes: () => ex.memory.buffer.byteLength,
  };
  for (const area of bindingAreas) {
    if (areas.includes(area.core)) Object.assign(api, area.attach(core, api));
  }
  return Object.freeze(api);
}
