// The shared plumbing of every area of the binding: typed views of wasm
// memory, reusable scratch blocks, copies in and out, and the translation of
// core status codes into JS errors. Area modules (conv.mjs, ...) receive one
// of these and add their functions to the API.

// C status -> JS error class, by the status's name (core/include/simcore/
// status.h); the codes themselves come from the core (sc_boundary()).
const ERROR_CLASS = Object.freeze({
  SC_ERR_NULL: TypeError,
  SC_ERR_SIZE: RangeError,
  SC_ERR_RANGE: RangeError,
  SC_ERR_NONFINITE: RangeError,
  SC_ERR_OPTION: RangeError,
  SC_ERR_NOMEM: Error,
  SC_ERR_INTERNAL: Error,
  SC_ERR_HANDLE: Error,
  SC_ERR_OVERFLOW: RangeError,
});

// -sMAXIMUM_MEMORY in CMakeLists.txt (2 GiB).
const MAX_BLOCK_BYTES = 2 ** 31;

export function createCore(ex) {
  const f32 = () => new Float32Array(ex.memory.buffer);
  const boundary = readBoundary(ex);
  const errorClass = [];
  for (const [name, code] of Object.entries(boundary.status)) {
    if (code !== 0 && !ERROR_CLASS[name]) throw new Error(`simcore: the core has a status ${name} the binding does not know`);
    errorClass[code] = ERROR_CLASS[name] ?? null;
  }
  const SC_ERR_OVERFLOW = boundary.status.SC_ERR_OVERFLOW;
  /** The core's limit by its C name (core/include/simcore/limits.h). */
  function limit(name) {
    if (!Object.hasOwn(boundary.limits, name)) throw new Error(`simcore: the core has no limit ${name}`);
    return boundary.limits[name];
  }
  const i32 = () => new Int32Array(ex.memory.buffer);

  // One reusable malloc block per role; grows, never shrinks.
  const blocks = new Map();
  function block(role, bytes) {
    // malloc takes a 32-bit size: 2^32 bytes would wrap to malloc(0) and the
    // core would write past the block (heap corruption, then a trap). Nothing
    // above 2 GiB fits the build's MAXIMUM_MEMORY anyway.
    if (bytes > MAX_BLOCK_BYTES) {
      throw new Error(`simcore: out of memory: ${role} needs ${bytes} bytes, more than the ${MAX_BLOCK_BYTES}-byte wasm memory`);
    }
    const b = blocks.get(role);
    if (b && b.bytes >= bytes) return b.ptr;
    if (b) ex.free(b.ptr);
    blocks.delete(role);
    const ptr = ex.malloc(Math.max(bytes, 16));
    if (!ptr) throw new Error(`simcore: out of memory allocating ${bytes} bytes for ${role}`);
    blocks.set(role, { ptr, bytes: Math.max(bytes, 16) });
    return ptr;
  }
  function copyIn(role, array) {
    const ptr = block(role, array.length * 4);
    f32().set(array, ptr >> 2); // views are rebuilt after every malloc
    return ptr;
  }
  const copyOut = (ptr, n) => f32().slice(ptr >> 2, (ptr >> 2) + n);

  function cString(ptr) {
    const bytes = new Uint8Array(ex.memory.buffer, ptr);
    let end = 0;
    while (bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(0, end));
  }

  function check(fn, status) {
    if (status === 0) return;
    const Class = errorClass[status] ?? Error;
    const arg = cString(ex.sc_last_error_arg());
    throw new Class(`${fn}: ${arg ? arg + ': ' : ''}${cString(ex.sc_status_message(status))}`);
  }

  // Finite inputs can still overflow float32 (|image| near 3e38 times a
  // kernel sum, a direction field over a huge box). The core checks every
  // float output and returns SC_ERR_OVERFLOW naming it; only then is the
  // output scanned here, to say which element. outputs: core name ->
  // { ptr, n, message(index, value) } (the output holds the bad values).
  function checkOutputs(fn, status, outputs) {
    if (status === SC_ERR_OVERFLOW) {
      const o = outputs[cString(ex.sc_last_error_arg())];
      if (o) {
        const view = f32().subarray(o.ptr >> 2, (o.ptr >> 2) + o.n);
        const i = view.findIndex((v) => !Number.isFinite(v));
        throw new RangeError(`${fn}: ${o.message(i, view[i])}`);
      }
    }
    check(fn, status);
  }

  // Helpers two areas share (ode's systems table, used by ode and phase), made once per instance.
  const memos = new Map();
  function memo(key, make) {
    if (!memos.has(key)) memos.set(key, make(core));
    return memos.get(key);
  }

  const core = { ex, f32, i32, block, copyIn, copyOut, cString, check, checkOutputs, limit, boundary, memo };
  return core;
}

// The wasm boundary as the C side describes it (core/src/base/boundary.c):
// status codes by name and every limit, read once per instance.
function readBoundary(ex) {
  const ptr = ex.sc_boundary();
  const bytes = new Uint8Array(ex.memory.buffer, ptr);
  let end = 0;
  while (bytes[end] !== 0) end++;
  const d = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
  if (!d.status || !d.limits) throw new Error(`simcore: the core's boundary description is unusable: ${d.error ?? 'no status or limits'}`);
  return d;
}
