// One Chinese term per concept across the pages, widgets, lang tables,
// slides and docs. Each rule names the term in use and the variants that
// must not come back (they were in use side by side before):
//   nullcline     零倾线   (not 零斜率线, a literal "zero-slope line")
//   core build    计算核心 (not 内核 / 内核版本: 核 alone is the convolution kernel here)
//   aspect ratio  纵横比   (not 长宽比; γ is the Gabor envelope's spatial aspect ratio)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RULES = [
  { term: '零倾线', forbidden: ['零斜率线', '零斜线', '零等倾线'] },
  { term: '计算核心', forbidden: ['内核'] },
  { term: '纵横比', forbidden: ['长宽比'] },
];
const DIRS = ['web', 'examples', 'docs'];
const TEXT = /\.(mjs|js|html|css|md|json|svg)$/;

async function* textFiles(dir) {
  for (const entry of await readdir(root + dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* textFiles(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

const files = [];
for (const dir of DIRS) for await (const path of textFiles(dir)) files.push({ path, text: await readFile(root + path, 'utf8') });

test('the scan sees the lang tables, the pages and the slides', () => {
  const paths = files.map((f) => f.path);
  for (const p of ['web/widgets/phase/lang.zh.mjs', 'web/widgets/gabor/lang.zh.mjs', 'web/gabor.html', 'examples/slides/index.html', 'docs/gabor.md']) assert.ok(paths.includes(p), p);
});

for (const { term, forbidden } of RULES) {
  test(`${term}: no variant (${forbidden.join(', ')}) anywhere in ${DIRS.join('/, ')}/`, () => {
    const hits = [];
    for (const { path, text } of files) {
      text.split('\n').forEach((line, i) => {
        for (const f of forbidden) if (line.includes(f)) hits.push(`${path}:${i + 1}: ${f}`);
      });
    }
    assert.deepEqual(hits, []);
  });

  test(`${term} is the term the Chinese lang table uses`, async () => {
    const { TABLES } = await import('./helpers/labels.mjs');
    assert.ok(Object.values(TABLES.zh).some((v) => v.includes(term)), term);
  });
}
