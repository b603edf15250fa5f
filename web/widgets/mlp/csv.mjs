// A data set of the student's own for <simcore-mlp>: CSV text (pasted or
// read from a file in the page; nothing leaves it) with two feature columns
// and a label column. No DOM, so Node tests it.

export const MAX_ROWS = 4000;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;

/**
 * Parses `x1, x2, label` rows (separated by commas, semicolons, tabs or
 * spaces); lines that are not three numbers (a header, blanks, comments) are
 * skipped. The label takes two distinct values: the larger is class +1, the
 * smaller class −1. Every third row goes to the test set, the rest train.
 * Returns { train: { x, c }, test: { x, c }, rows, labels } or throws a
 * RangeError that says what is wrong.
 */
export function parseCsv(text) {
  if (typeof text !== 'string') throw new TypeError('csv: the text must be a string');
  const rows = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s*[,;\t]\s*|\s+/).filter((s) => s !== '');
    if (f.length < 3 || !f.slice(0, 3).every((s) => NUMBER.test(s))) continue;
    const v = f.slice(0, 3).map(Number);
    if (!v.every(Number.isFinite) || Math.abs(v[0]) > 1e6 || Math.abs(v[1]) > 1e6) continue;
    rows.push(v);
    if (rows.length > MAX_ROWS) throw new RangeError(`csv: more than ${MAX_ROWS} rows`);
  }
  if (rows.length < 3) throw new RangeError(`csv: ${rows.length} rows of three numbers found, at least 3 needed`);
  const labels = [...new Set(rows.map((r) => r[2]))].sort((a, b) => a - b);
  if (labels.length !== 2) throw new RangeError(`csv: the label column holds ${labels.length} distinct values, 2 needed`);
  const split = (keep) => {
    const picked = rows.filter((_, i) => keep(i));
    return { x: Float32Array.from(picked.flatMap((r) => [r[0], r[1]])), c: Uint8Array.from(picked, (r) => (r[2] === labels[1] ? 1 : 0)) };
  };
  return { train: split((i) => i % 3 !== 2), test: split((i) => i % 3 === 2), rows: rows.length, labels };
}
