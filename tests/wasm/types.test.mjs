// bindings/simcore.d.ts: syntactically valid TypeScript (parsed by esbuild,
// already a devDependency, so no TypeScript install), and in step with the
// binding: every member of Simcore, every border/method name and limit key
// is declared, and nothing declared is missing from the binding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import * as binding from '../../bindings/simcore.mjs';

const read = (file) => readFile(new URL(`../../bindings/${file}`, import.meta.url), 'utf8');
const dts = await read('simcore.d.ts');
// Declarations only: comments contain braces (sum_{j,i}) and quoted names.
const strip = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const code = strip(dts);
// Simcore extends the area interfaces declared beside it, one file per area.
const AREA_FILES = ['conv.d.ts', 'gabor.d.ts', 'ode.d.ts', 'phase.d.ts', 'hopfield.d.ts', 'linalg.d.ts', 'snn.d.ts', 'mlp.d.ts', 'optim.d.ts', 'boltzmann.d.ts', 'lenet.d.ts', 'kernel.d.ts', 'svm.d.ts'];
const areaTexts = await Promise.all(AREA_FILES.map(read));
const areas = strip(areaTexts.join('\n'));
const sc = await binding.loadSimcore();

// Body of `export interface Name { ... }` (interfaces here have no nested
// braces), and the names it extends.
function interfaceDecl(name, text = code) {
  const m = text.match(new RegExp(`export interface ${name}(?: extends ([^{]+))? \\{([^}]*)\\}`));
  assert.ok(m, `interface ${name} declared`);
  return { bases: m[1] ? m[1].split(',').map((b) => b.trim()) : [], body: m[2] };
}
const interfaceBody = (name) => interfaceDecl(name, areas).body;
// Members start at the interface's two-space indent (continuation lines of
// long signatures are indented further).
const members = (body) => [...body.matchAll(/^ {2}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:]/gm)].map((m) => m[1]);
const literals = (type) => {
  const m = areas.match(new RegExp(`export type ${type} =([^;]*);`));
  assert.ok(m, `type ${type} declared`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
};

test('simcore.d.ts and the area declarations parse as TypeScript', async () => {
  for (const [file, text] of [['simcore.d.ts', dts], ...AREA_FILES.map((f, i) => [f, areaTexts[i]])]) {
    const out = await transform(text, { loader: 'ts', sourcefile: file });
    assert.equal(out.warnings.length, 0, `${file}: ${JSON.stringify(out.warnings)}`);
  }
});

test('simcore.d.ts declares exactly what the binding provides', () => {
  const simcore = interfaceDecl('Simcore');
  const inherited = simcore.bases.flatMap((base) => members(interfaceDecl(base, areas).body));
  assert.deepEqual([...members(simcore.body), ...inherited].sort(), Object.keys(sc).sort());
  assert.deepEqual(members(interfaceBody('Limits')).sort(), Object.keys(sc.limits).sort());
  assert.deepEqual(literals('Border'), [...binding.BORDERS]);
  assert.deepEqual(literals('Method'), [...binding.METHODS]);
  assert.deepEqual(members(interfaceBody('ConvOptions')).sort(), ['border', 'method', 'rankTol']);
  assert.deepEqual(members(interfaceBody('BoltzmannLimits')).sort(), Object.keys(sc.boltzmannLimits).sort());
  assert.deepEqual(literals('BoltzmannMethod'), [...binding.BOLTZMANN_METHODS]);
  assert.deepEqual(members(interfaceBody('SvmLimits')).sort(), Object.keys(sc.svmLimits).sort());
  assert.deepEqual(literals('SvmKernel'), [...binding.SVM_KERNELS]);
  assert.deepEqual(members(interfaceBody('KdeLimits')).sort(), Object.keys(sc.kdeLimits).sort());
  assert.deepEqual(literals('KdeKernel'), [...binding.KDE_KERNELS]);
  for (const name of Object.keys(binding)) {
    assert.match(code, new RegExp(`export declare (?:function|const) ${name}\\b`), `export ${name} declared`);
  }
  assert.deepEqual(members(interfaceBody('ConvolutionInfo')).sort(),
    Object.keys(sc.correlate2d(new Float32Array(4), 2, 2, Float32Array.of(1), 1, 1) && sc.lastConvolution()).sort());
});
