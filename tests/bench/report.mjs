// Small helpers for the benchmarks: seeded data, statistics, the output
// check and table printing (plain text for the terminal, Markdown for docs).

// mulberry32: a tiny seeded PRNG, so every run filters the same data.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uniform(n, seed, lo = 0, hi = 1) {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * r());
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

// max |a - ref| / max |ref|: relative to the output's scale, because a
// pointwise relative error is meaningless where a filter output cancels to ~0.
export function relDiff(a, ref) {
  if (a.length !== ref.length) return Infinity;
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = Math.abs(a[i] - ref[i]);
    if (!(d <= num)) num = d; // NaN propagates as "worse"
    den = Math.max(den, Math.abs(ref[i]));
  }
  return den > 0 ? num / den : num;
}

export const fmtMs = (ms) => (ms == null ? '' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtRatio = (x) => (x == null || !Number.isFinite(x) ? '' : x >= 100 ? x.toFixed(0) + 'x' : x.toFixed(2) + 'x');
export const fmtSci = (x) => (x == null ? '' : x === 0 ? '0' : x.toExponential(1));

// rows: arrays of cells; align: 'l' | 'r' per column.
export function textTable(header, rows, align) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [line(all[0]), width.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(header, rows, align) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  const sep = align.map((a) => (a === 'r' ? '---:' : ':---'));
  return [header, sep, ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}
