// The flat entry points are declared once, in the public headers: every
// SC_API function declared in core/include/simcore/*.h is exported by both
// wasm builds; every sc_flat_* one is called by a binding (or listed below as
// intentionally unused, with the reason); and a binding calls no export that
// no header declares. Adding a C entry point without wiring it, or a binding
// call to a function that does not exist, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { loadRawCore } from './helpers/raw-core.mjs';

const INCLUDE = new URL('../../core/include/simcore/', import.meta.url);
const BINDINGS = new URL('../../bindings/', import.meta.url);

// Flat functions no binding needs, and why.
const UNUSED = Object.freeze({
  // The binding's network object keeps n and the stored count itself; the
  // query is for other foreign callers (ctypes and the like).
  sc_flat_hopfield_size: 'the JS network knows its size',
  // The first training entry point, kept for foreign callers; the binding's
  // train() and fit() both go through sc_flat_mlp_fit (stopping, schedules).
  sc_flat_mlp_train: 'superseded in the binding by sc_flat_mlp_fit',
});
// Exports of the build itself, not of a header (emscripten's, CMakeLists.txt).
const RUNTIME = new Set(['malloc', 'free', 'memory', '_initialize']);

async function declared() {
  const names = new Set();
  for (const f of await readdir(INCLUDE)) {
    if (!f.endsWith('.h')) continue;
    const text = await readFile(new URL(f, INCLUDE), 'utf8');
    for (const m of text.matchAll(/^SC_API\s[^;(]*?\b(sc_\w+)\s*\(/gm)) names.add(m[1]);
  }
  return names;
}

async function bindingCalls(dir = BINDINGS, out = new Set()) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) await bindingCalls(new URL(`${e.name}/`, dir), out);
    else if (e.name.endsWith('.mjs')) {
      const text = await readFile(new URL(e.name, dir), 'utf8');
      for (const m of text.matchAll(/\bex\.(\w+)/g)) out.add(m[1]);
    }
  }
  return out;
}

test('the headers parse', async () => {
  const d = await declared();
  assert.ok(d.size > 80, `${d.size} declarations`);
  for (const n of ['sc_flat_conv2d', 'sc_flat_ode_integrate', 'sc_flat_phase_lines_read', 'sc_boundary']) assert.ok(d.has(n), n);
});

for (const kind of ['simd', 'scalar']) {
  test(`${kind} build exports every declared entry point`, async () => {
    const { ex } = await loadRawCore(kind);
    const missing = [...await declared()].filter((n) => typeof ex[n] !== 'function');
    assert.deepEqual(missing, []);
  });
}

test('every declared sc_flat_* is used by a binding or listed as unused', async () => {
  const calls = await bindingCalls();
  const flat = [...await declared()].filter((n) => n.startsWith('sc_flat_'));
  assert.deepEqual(flat.filter((n) => !calls.has(n) && !UNUSED[n]), []);
  assert.deepEqual(Object.keys(UNUSED).filter((n) => calls.has(n)), [], 'listed as unused but used');
});

test('no binding calls an export that no header declares', async () => {
  const d = await declared();
  const calls = await bindingCalls();
  assert.ok(calls.has('sc_flat_ode_integrate') && calls.size > 40, 'the bindings parsed');
  assert.deepEqual([...calls].filter((n) => !d.has(n) && !RUNTIME.has(n)), []);
});
