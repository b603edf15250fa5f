// The kernels page's CSV reader and default data (web/widgets/kernels/csv.mjs,
// data.mjs): columns by name in English and Chinese, every separator, sex
// codes, and every unreadable row listed with its line number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCsv, splitLine, toCsv } from '../../web/widgets/kernels/csv.mjs';
import { SOURCE, syntheticData } from '../../web/widgets/kernels/data.mjs';

const six = (sep, head = ['sex', 'height', 'weight']) => [head.join(sep),
  ...[['male', '180', '80'], ['M', '175.5', '70'], ['1', '170', '65'], ['female', '160', '55'], ['F', '165', '60'], ['0', '158', '50']]
    .map((r) => r.join(sep))].join('\n');

test('comma, semicolon and tab separators give the same rows', () => {
  const ref = parseCsv(six(','));
  assert.equal(ref.rows.length, 6);
  assert.deepEqual(ref.counts, { m: 3, f: 3 });
  assert.deepEqual(ref.rows[1], { sex: 'm', height: 175.5, weight: 70, line: 3 });
  for (const sep of [';', '\t']) {
    const r = parseCsv(six(sep));
    assert.equal(r.separator, sep);
    assert.deepEqual(r.rows, ref.rows);
  }
});

test('Chinese headers and sex values, units in the header, any case, CRLF and a BOM', () => {
  const text = '\uFEFF性别,身高(cm),体重(kg)\r\n男,181,79\r\n男,172,68\r\n男,169,71\r\n女,158,49\r\n女,162,56\r\n女,166,58\r\n';
  const r = parseCsv(text);
  assert.deepEqual(r.counts, { m: 3, f: 3 });
  assert.equal(r.rows[3].height, 158);
  const en = parseCsv(six(',', ['Weight (kg)', 'Gender', 'HEIGHT_cm']).replace('Weight (kg),Gender,HEIGHT_cm', 'Gender,HEIGHT_cm,Weight (kg)'));
  assert.equal(en.rows.length, 6);
  assert.equal(parseCsv('SEX;Height;Weight\nMALE;180;80\nMale;170;70\nmale;175;75\nFEMALE;160;50\nFemale;161;51\nfemale;162;52').rows.length, 6);
});

test('a semicolon file may use decimal commas; quoted fields are read', () => {
  const r = parseCsv('sex;height;weight\nm;175,5;70,2\nm;170;65\nm;180;80\nf;160;50\nf;161;51\nf;162;52');
  assert.equal(r.rows[0].height, 175.5);
  assert.equal(r.rows[0].weight, 70.2);
  assert.deepEqual(splitLine('"a, b",c,"say ""hi"""', ','), ['a, b', 'c', 'say "hi"']);
});

test('unreadable rows are listed with their line and reason, never dropped silently', () => {
  const text = `${six(',')}\nmale,abc,70\nunknown,170,60\nfemale,1.62,55\nmale,180\n\n# a comment\nfemale,160,700`;
  const r = parseCsv(text);
  assert.equal(r.rows.length, 6);
  assert.deepEqual(r.bad.map((b) => b.line), [8, 9, 10, 11, 14]);
  assert.match(r.bad[0].reason, /height "abc" is not a number/);
  assert.match(r.bad[1].reason, /sex "unknown"/);
  assert.match(r.bad[2].reason, /height 1\.62 is outside 50–272 cm/);
  assert.match(r.bad[3].reason, /2 fields/);
  assert.match(r.bad[4].reason, /weight 700/);
});

test('data that cannot be used throws, naming the line', () => {
  assert.throws(() => parseCsv('name,height,weight\na,170,60'), /line 1: no sex column/);
  assert.throws(() => parseCsv('sex,height\nm,170'), /no weight column/);
  assert.throws(() => parseCsv(''), /no header/);
  assert.throws(() => parseCsv('sex,height,weight\nm,170,60\nm,171,61\nm,172,62\nf,abc,50'), /0 readable female rows.*line 5: height "abc"/);
  assert.throws(() => parseCsv(42), TypeError);
});

test('the synthetic set has the stated size, means, SDs and correlation (within sampling error)', () => {
  const rows = syntheticData(7, 2000);
  for (const sex of ['m', 'f']) {
    const a = rows.filter((r) => r.sex === sex);
    assert.equal(a.length, 2000);
    const mean = (k) => a.reduce((t, r) => t + r[k], 0) / a.length;
    const mh = mean('height');
    const mw = mean('weight');
    const sd = (k, m) => Math.sqrt(a.reduce((t, r) => t + (r[k] - m) ** 2, 0) / (a.length - 1));
    const sh = sd('height', mh);
    const p = SOURCE[sex];
    assert.ok(Math.abs(mh - p.height[0]) < 4 * p.height[1] / Math.sqrt(2000), `${sex} height mean ${mh}`);
    assert.ok(Math.abs(sh / p.height[1] - 1) < 0.08, `${sex} height sd ${sh}`);
    // Weight is truncated at 40 kg, so its mean and correlation are checked loosely.
    assert.ok(Math.abs(mw - p.weight[0]) < 3, `${sex} weight mean ${mw}`);
    const cov = a.reduce((t, r) => t + (r.height - mh) * (r.weight - mw), 0) / (a.length - 1);
    const r = cov / (sh * sd('weight', mw));
    assert.ok(Math.abs(r - p.r) < 0.1, `${sex} r ${r}`);
  }
  assert.deepEqual(syntheticData(7), syntheticData(7));
  assert.notDeepEqual(syntheticData(8), syntheticData(7));
});

test('examples/height-weight.csv is the default set in the expected format', () => {
  const text = readFileSync(new URL('../../examples/height-weight.csv', import.meta.url), 'utf8');
  const r = parseCsv(text);
  assert.equal(r.bad.length, 0);
  assert.deepEqual(r.counts, { m: 100, f: 100 });
  assert.deepEqual(r.rows.map(({ line: _line, ...x }) => x), syntheticData(7));
  assert.match(text, /^# Synthetic/);
  assert.equal(toCsv(syntheticData(7)).split('\n')[0], 'sex,height_cm,weight_kg');
});
