// The wasm core without the binding, to check the C core's own limits and
// statuses (the binding validates first, so through it the core's checks are
// unreachable). Same import stubs as bindings/simcore.mjs.
import { readFile } from 'node:fs/promises';

export async function loadRawCore(kind) {
  const bytes = await readFile(new URL(`../../../dist/wasm/simcore-${kind}.wasm`, import.meta.url));
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === 'function') (imports[imp.module] ??= {})[imp.name] = () => {};
  }
  const ex = (await WebAssembly.instantiate(module, imports)).exports;
  ex._initialize();
  const cString = (ptr) => {
    const b = new Uint8Array(ex.memory.buffer, ptr);
    return new TextDecoder().decode(b.subarray(0, b.indexOf(0)));
  };
  // Calls ex[name](...args) and returns { status, arg } (arg: sc_last_error_arg).
  const call = (name, ...args) => {
    const status = ex[name](...args);
    return { status, arg: status ? cString(ex.sc_last_error_arg()) : '' };
  };
  return { ex, call };
}

// Status codes from core/include/simcore/status.h.
export const STATUS = Object.freeze({
  OK: 0, NULL: 1, SIZE: 2, RANGE: 3, NONFINITE: 4, OPTION: 5, NOMEM: 6, INTERNAL: 7, HANDLE: 8, OVERFLOW: 9,
});
