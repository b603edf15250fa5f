// Height and weight of men and women from CSV text (pasted or opened): no
// DOM, so Node tests it (tests/wasm/kernels-csv.test.mjs). Columns are found
// by name (sex/gender/性别, height/身高 in cm, weight/体重 in kg, any case,
// with or without a unit: "height (cm)", "身高cm"); the separator is a comma,
// a semicolon or a tab, whichever the header holds most of. Lines starting
// with # are comments. A row that cannot be read is never dropped silently:
// it is listed in `bad` with its line number and the reason.

export const SEX_VALUES = Object.freeze({
  male: 'm', m: 'm', 男: 'm', 1: 'm', man: 'm',
  female: 'f', f: 'f', 女: 'f', 0: 'f', woman: 'f',
});
const COLUMNS = {
  sex: ['sex', 'gender', '性别'],
  height: ['height', '身高'],
  weight: ['weight', '体重'],
};
// Plausible adult values; outside them the unit is most likely wrong (m, lb).
export const RANGES = Object.freeze({ height: [50, 272], weight: [2, 650] });
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;
export const MIN_PER_SEX = 3; // the 2-D bandwidth rule needs a covariance of 3 points

function pickSeparator(line) {
  const counts = [',', ';', '\t'].map((s) => [s, line.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** Split one line at `sep`, honouring "double quoted" fields ("" inside is a quote). */
export function splitLine(line, sep) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function findColumn(names, aliases) {
  return names.findIndex((n) => aliases.some((a) => n === a || (n.startsWith(a) && !/[a-z]/.test(n[a.length]))));
}

function readNumber(text, name, unit) {
  const s = text.replace(',', '.'); // a decimal comma (only when the separator is not a comma)
  if (!NUMBER.test(s)) return { error: `${name} "${text}" is not a number` };
  const v = Number(s);
  const [lo, hi] = RANGES[name];
  if (!(v >= lo && v <= hi)) return { error: `${name} ${text} is outside ${lo}–${hi} ${unit} (${name} in ${unit})` };
  return { value: v };
}

/**
 * Parse CSV text. Returns { rows: [{ sex: 'm'|'f', height, weight, line }],
 * bad: [{ line, reason }], separator, counts: { m, f } }. Throws an Error
 * (message naming the line) when the data cannot be used at all: no header
 * with the three columns, or fewer than MIN_PER_SEX readable rows of a sex.
 */
export function parseCsv(text) {
  if (typeof text !== 'string') throw new TypeError('csv: the text must be a string');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let k = 0;
  while (k < lines.length && (lines[k].trim() === '' || lines[k].trim().startsWith('#'))) k++;
  if (k === lines.length) throw new Error('csv: no header line (sex, height, weight)');
  const separator = pickSeparator(lines[k]);
  const names = splitLine(lines[k], separator).map((n) => n.toLowerCase());
  const col = {};
  for (const [key, aliases] of Object.entries(COLUMNS)) {
    col[key] = findColumn(names, aliases);
    if (col[key] < 0) throw new Error(`csv: line ${k + 1}: no ${key} column (looked for ${aliases.join(', ')})`);
  }
  const rows = [];
  const bad = [];
  for (let i = k + 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const line = i + 1;
    const f = splitLine(lines[i], separator);
    const need = Math.max(col.sex, col.height, col.weight);
    if (f.length <= need) {
      bad.push({ line, reason: `${f.length} fields, the header has ${names.length}` });
      continue;
    }
    const sex = SEX_VALUES[f[col.sex].toLowerCase()];
    if (!sex) {
      bad.push({ line, reason: `sex "${f[col.sex]}" is not one of male/female/男/女/M/F/1/0` });
      continue;
    }
    const hgt = readNumber(f[col.height], 'height', 'cm');
    const wgt = readNumber(f[col.weight], 'weight', 'kg');
    const err = hgt.error ?? wgt.error;
    if (err) {
      bad.push({ line, reason: err });
      continue;
    }
    rows.push({ sex, height: hgt.value, weight: wgt.value, line });
  }
  const counts = { m: 0, f: 0 };
  for (const r of rows) counts[r.sex]++;
  for (const s of ['m', 'f']) {
    if (counts[s] < MIN_PER_SEX) {
      const first = bad.length ? `; first unreadable: line ${bad[0].line}: ${bad[0].reason}` : '';
      throw new Error(`csv: ${counts[s]} readable ${s === 'm' ? 'male' : 'female'} rows, at least ${MIN_PER_SEX} needed (${bad.length} rows not read${first})`);
    }
  }
  return { rows, bad, separator, counts };
}

/** CSV text of rows (the format parseCsv reads), with optional # comment lines first. */
export function toCsv(rows, comments = []) {
  const out = comments.map((c) => `# ${c}`);
  out.push('sex,height_cm,weight_kg');
  for (const r of rows) out.push(`${r.sex === 'm' ? 'male' : 'female'},${r.height},${r.weight}`);
  return `${out.join('\n')}\n`;
}
