// Layering of the core: an area's internals are its own. No file of
// core/src/<a>/ includes another area's *_internal.h (core/src/<b>/..., b not
// a); an area that needs another uses its public header in core/include, or
// a small documented shared interface there (simcore/ode_float.h for the
// float kernels that ode and phase share).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../core/src/', import.meta.url));

// [area, file, included path] for every #include "..." of core/src/*/*.{c,h}.
async function includes() {
  const out = [];
  for (const area of await readdir(SRC)) {
    for (const file of await readdir(path.join(SRC, area))) {
      if (!/\.[ch]$/.test(file)) continue;
      const text = await readFile(path.join(SRC, area, file), 'utf8');
      for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) out.push([area, file, m[1]]);
    }
  }
  return out;
}

// The area a quoted include resolves to, relative to core/src/<area>/ (null
// for simcore/... public headers and system headers).
function targetArea(area, inc) {
  if (inc.startsWith('simcore/')) return null;
  const resolved = path.posix.normalize(path.posix.join(area, inc));
  return resolved.startsWith('..') ? null : resolved.split('/')[0];
}

export function crossInternal(list) {
  return list.filter(([area, , inc]) => {
    const to = targetArea(area, inc);
    return to !== null && to !== area && /_internal\.h$/.test(inc);
  });
}

test('no area of core/src includes another area\'s internal header', async () => {
  const list = await includes();
  assert.ok(list.length > 100, `the sources parsed (${list.length} includes)`);
  assert.ok(list.some(([a, , i]) => a === 'phase' && i === 'simcore/ode.h'), 'phase uses ode through its public header');
  const bad = crossInternal(list).map(([a, f, i]) => `core/src/${a}/${f}: #include "${i}"`);
  assert.deepEqual(bad, []);
});

test('the check itself catches a cross-area internal include', () => {
  assert.equal(crossInternal([['phase', 'x.c', '../ode/ode_internal.h']]).length, 1);
  assert.equal(crossInternal([['phase', 'x.c', 'phase_internal.h']]).length, 0);
  assert.equal(crossInternal([['phase', 'x.c', '../base/internal.h']]).length, 0);
  assert.equal(crossInternal([['conv', 'x.c', '../fft/fft_internal.h']]).length, 1);
});
