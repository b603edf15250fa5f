// A data set of the student's own for <simcore-mlp>: CSV text (pasted or
// read from a file in the page; nothing leaves it) with two feature columns
// and a label column. No DOM, so Node tests it.

export const MAX_ROWS = 4000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;

/** Most classes an own data set may have (the widget's palette). */
export const MAX_CLASSES = 6;

/**
 * Parses `x1, x2, label` rows (separated by commas, semicolons, tabs or
 * spaces). Blank lines, `#` comments and a first line that is not numbers
 * (a header) are skipped quietly; any other line that is not three finite
 * numbers is skipped and counted (`skipped`: how many, `skippedLines`: the
 * first five line numbers, 1-based), so nothing vanishes unsaid. The label
 * takes 2 to MAX_CLASSES distinct values, class c = its rank (two values:
 * the larger is class +1, the smaller −1). Every third row goes to the test
 * set, the rest train. Returns { train: { x, c }, test: { x, c }, rows,
 * labels, classes, skipped, skippedLines } or throws a RangeError that says
 * what is wrong (with a line number where one line is to blame).
 */
export function parseCsv(text) {
  if (typeof text !== 'string') throw new TypeError('csv: the text must be a string');
  const rows = [];
  const skippedLines = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, k) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const f = trimmed.split(/\s*[,;\t]\s*|\s+/).filter((x) => x !== '');
    const numbers = f.length >= 3 && f.slice(0, 3).every((x) => NUMBER.test(x));
    if (!numbers && rows.length === 0 && skipped === 0 && !f.some((x) => NUMBER.test(x))) return; // a header
    const v = numbers ? f.slice(0, 3).map(Number) : null;
    if (!v || !v.every(Number.isFinite) || Math.abs(v[0]) > 1e6 || Math.abs(v[1]) > 1e6) {
      skipped++;
      if (skippedLines.length < 5) skippedLines.push(k + 1);
      return;
    }
    rows.push(v);
    if (rows.length > MAX_ROWS) throw new RangeError(`csv: more than ${MAX_ROWS} rows (line ${k + 1})`);
  });
  if (rows.length < 3) throw new RangeError(`csv: ${rows.length} rows of three numbers found, at least 3 needed`);
  const labels = [...new Set(rows.map((r) => r[2]))].sort((a, b) => a - b);
  if (labels.length < 2 || labels.length > MAX_CLASSES) {
    throw new RangeError(`csv: the label column holds ${labels.length} distinct values, 2 to ${MAX_CLASSES} needed`);
  }
  const rank = new Map(labels.map((l, i) => [l, i]));
  const split = (keep) => {
    const picked = rows.filter((_, i) => keep(i));
    return { x: Float32Array.from(picked.flatMap((r) => [r[0], r[1]])), c: Uint8Array.from(picked, (r) => rank.get(r[2])) };
  };
  return { train: split((i) => i % 3 !== 2), test: split((i) => i % 3 === 2), rows: rows.length, labels, classes: labels.length, skipped, skippedLines };
}
