// web/widgets/shared/sessions.d.ts: valid TypeScript (parsed by esbuild, as
// tests/wasm/types.test.mjs does for the bindings), and in step with
// sessions.mjs: the Session interface declares exactly the public members of
// the Session class, and every export is declared. (sessions.mjs imports the
// build's virtual modules, so its source is read, not imported.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

const read = (f) => readFile(new URL(`../../web/widgets/shared/${f}`, import.meta.url), 'utf8');
const dts = await read('sessions.d.ts');
const src = await read('sessions.mjs');

test('sessions.d.ts parses as TypeScript', async () => {
  await transform(dts, { loader: 'ts' });
});

test('the Session interface matches the Session class; every export is declared', () => {
  const iface = dts.match(/export interface Session<[^>]*> \{([\s\S]*?)\n\}/)[1].replace(/\/\*\*[\s\S]*?\*\//g, '');
  const declared = [...iface.matchAll(/^ {2}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:]/gm)].map((m) => m[1]).sort();
  const body = src.slice(src.indexOf('export class Session'), src.indexOf('\n}\n', src.indexOf('export class Session')));
  // Public members: getters and methods at the class indent, minus the constructor and the internals.
  const internal = new Set(['constructor', 'call', 'lost']);
  const defined = [...body.matchAll(/^ {2}(?:get )?([A-Za-z_]\w*)\(/gm)].map((m) => m[1]).filter((m) => !internal.has(m));
  // Plain fields the interface exposes read-only.
  defined.push('name');
  assert.deepEqual(declared, defined.sort());
  const exported = [...src.matchAll(/^export (?:async )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  for (const name of exported) assert.match(dts, new RegExp(`export (?:function|interface) ${name}\\b`), name);
});
