// `make bench`: the convolution benchmark of issue 2 in one Node process.
//
// For each case (image size x kernel size x kernel kind) every peer first makes
// one untimed probe call, whose output is checked against the reference (plain
// JS, float64 accumulation) and whose time decides whether an optional peer
// runs and how many calls make one sample. Then rounds:
// each round runs every peer once, starting one peer later than the previous
// round, so slow drift of a shared, noisy machine spreads over all peers. A
// sample is one call, or the median of a few calls when one call is under
// --min-sample-ms. Reported: the median over rounds and ratios of medians.
// Benchmarks are not tests: a missed target prints MISS and the exit code
// stays 0. Options: node tests/bench/run.mjs --help.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { KERNELS, SIZES, TARGETS, convPeers, makeCase, writeCaseFiles } from './conv.bench.mjs';
import { loadNative, loadOpenCV, loadSimcoreBuilds, loadTF } from './peers.mjs';
import { fmtMs, fmtRatio, fmtSci, markdownTable, median, relDiff, textTable } from './report.mjs';

const HELP = `usage: node tests/bench/run.mjs [options]   (or BENCH_ARGS="..." make bench)
  --quick              256 and 512 only, 3 rounds, skip optional calls over 500 ms
  --sizes 256,512,1024 image sizes to run (kernels 15, 31, 63)
  --kernels random,gabor
  --rounds N           rounds for every size (default 11, 9, 5 for 256, 512, 1024)
  --slow-ms MS         a peer whose median is above this stops after --slow-rounds samples (1000)
  --slow-rounds N      (3)
  --skip-ms MS         optional peers (forced methods) slower than this are skipped (2000)
  --min-sample-ms MS   calls faster than this are repeated (up to 5) within one sample (20)
  --peers REGEX        only peers whose id matches (ids: see "what is timed" at the end)
  --variants           also time each native direct kernel variant alone
  --markdown FILE      also write the tables as Markdown
  --json FILE          also write the raw results as JSON
  --check-tol X        largest accepted max|out - ref| / max|ref| (1e-4)`;

class UsageError extends Error {}

function parseArgs(argv) {
  const o = {
    sizes: SIZES.map((s) => s.n), kernels: KERNELS, rounds: null, roundsBySize: { 256: 11, 512: 9, 1024: 5 },
    slowMs: 1000, slowRounds: 3, skipMs: 2000, minSampleMs: 20, maxInner: 5, peers: null, variants: false,
    markdown: null, json: null, checkTol: 1e-4, quick: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    const num = () => {
      const v = Number(val());
      if (!Number.isFinite(v) || v < 0) throw new UsageError(`${a} needs a non-negative number`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (a === '--quick') {
      Object.assign(o, { quick: true, sizes: [256, 512], rounds: 3, slowRounds: 1, skipMs: 500 });
    } else if (a === '--sizes') {
      o.sizes = val().split(',').map(Number);
      for (const s of o.sizes) if (!SIZES.some((c) => c.n === s)) throw new UsageError(`--sizes: ${s} is not one of ${SIZES.map((c) => c.n)}`);
    } else if (a === '--kernels') {
      o.kernels = val().split(',');
      for (const k of o.kernels) if (!KERNELS.includes(k)) throw new UsageError(`--kernels: ${k} is not one of ${KERNELS}`);
    } else if (a === '--rounds') o.rounds = Math.max(1, Math.round(num()));
    else if (a === '--slow-ms') o.slowMs = num();
    else if (a === '--slow-rounds') o.slowRounds = Math.max(1, Math.round(num()));
    else if (a === '--skip-ms') o.skipMs = num();
    else if (a === '--min-sample-ms') o.minSampleMs = num();
    else if (a === '--peers') o.peers = new RegExp(val());
    else if (a === '--variants') o.variants = true;
    else if (a === '--markdown') o.markdown = val();
    else if (a === '--json') o.json = val();
    else if (a === '--check-tol') o.checkTol = num();
    else throw new UsageError(`unknown option ${a} (try --help)`);
  }
  return o;
}

const work = (c) => c.n * c.n * c.k * c.k;

function runCase(c, libs, opt, files, history) {
  const rounds = opt.rounds ?? opt.roundsBySize[c.n] ?? 5;
  const all = convPeers(c, libs, files).filter((p) => !opt.peers || opt.peers.test(p.id));
  const results = [];
  let ref = null;
  const live = [];
  for (const p of all) {
    const res = { id: p.id, label: p.label, group: p.group, required: p.required, timed: p.timed, samples: [], check: null };
    results.push(res);
    // Optional peers: predict from the previous size (direct work ratio, an
    // upper bound for the faster methods) before paying for a slow probe.
    const prev = history.get(p.id);
    if (!p.required && prev) {
      const est = prev.ms * (work(c) / prev.work);
      if (est > opt.skipMs) {
        res.skipped = `est. ${fmtMs(est)} ms/call from the previous size > ${opt.skipMs} ms`;
        continue;
      }
    }
    let prepared;
    let probe;
    try {
      prepared = p.prepare();
      probe = prepared.sample(1, true, 0);
    } catch (e) {
      res.skipped = `failed: ${e.message}`;
      continue;
    }
    const out = probe.out.slice();
    res.probeMs = probe.ms;
    res.info = probe.info;
    if (!ref) {
      ref = out;
      res.check = 'reference';
    } else {
      res.rel = relDiff(out, ref);
      res.check = res.rel <= opt.checkTol ? `ok ${fmtSci(res.rel)}` : `BAD ${fmtSci(res.rel)}`;
    }
    history.set(p.id, { ms: probe.ms, work: work(c) });
    if (res.rel > opt.checkTol) {
      // Timing a wrong answer means nothing; the probe time is still shown.
      res.bad = true;
      res.skipped = `not timed: wrong output (probe ${fmtMs(probe.ms)} ms)`;
      prepared.dispose?.();
      continue;
    }
    if (!p.required && probe.ms > opt.skipMs) {
      res.skipped = `${fmtMs(probe.ms)} ms/call > ${opt.skipMs} ms`;
      prepared.dispose?.();
      continue;
    }
    res.want = rounds;
    res.inner = Math.max(1, Math.min(opt.maxInner, Math.floor(opt.minSampleMs / Math.max(probe.ms, 1e-3))));
    res.warmup = probe.ms < 300 ? 1 : 0; // native: one untimed call first unless calls are long
    live.push({ res, prepared });
  }
  for (let r = 0; r < rounds; r++) {
    // Slow peers stop after --slow-rounds samples. Decided on the samples, not
    // on the probe: a first call can be much slower (TF.js sets up on it).
    const active = live.filter(({ res }) => res.samples.length < res.want &&
      !(res.samples.length >= opt.slowRounds && median(res.samples) > opt.slowMs));
    if (!active.length) break;
    for (let i = 0; i < active.length; i++) {
      const { res, prepared } = active[(i + r) % active.length];
      try {
        const s = prepared.sample(res.inner, false, res.warmup);
        res.samples.push(s.ms);
        res.info = s.info || res.info;
      } catch (e) {
        res.skipped = `failed: ${e.message}`;
        res.want = 0;
      }
    }
  }
  for (const { res, prepared } of live) {
    prepared.dispose?.();
    if (res.samples.length) {
      res.median = median(res.samples);
      res.min = Math.min(...res.samples);
    }
    history.set(res.id, { ms: res.median ?? res.probeMs, work: work(c) });
  }
  return results;
}

function caseTable(c, results) {
  const subject = results.find((r) => r.id === 'wasm-simd-auto')?.median;
  const header = ['peer', 'median ms', 'min ms', 'n', 'SIMD auto faster by', 'check vs ref', 'method used'];
  const rows = results.map((r) => [
    r.label,
    r.bad ? 'wrong' : r.skipped ? 'skipped' : fmtMs(r.median),
    r.skipped ? '' : fmtMs(r.min),
    r.skipped ? '' : r.inner > 1 ? `${r.samples.length}x${r.inner}` : String(r.samples.length),
    r.skipped || !subject ? '' : fmtRatio(r.median / subject),
    [r.check, r.skipped].filter(Boolean).join('; '),
    r.info ?? '',
  ]);
  return { header, rows, align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] };
}

function targetRows(cases) {
  const rows = [];
  for (const { c, results } of cases) {
    const get = (id) => results.find((r) => r.id === id && r.median != null);
    for (const t of TARGETS) {
      const s = get(t.subject);
      const p = get(t.peer);
      const ratio = s && p ? p.median / s.median : null;
      const result = results.find((r) => r.id === t.subject)?.bad ? 'MISS (simcore output wrong)'
        : results.find((r) => r.id === t.peer)?.bad ? 'n/a (peer output wrong)'
          : ratio == null ? 'n/a' : ratio >= t.min ? 'PASS' : 'MISS';
      rows.push([c.name, t.label, s ? fmtMs(s.median) : 'n/a', p ? fmtMs(p.median) : 'n/a', fmtRatio(ratio), `>= ${t.min}x`, result]);
    }
  }
  return { header: ['case', 'target', 'subject ms', 'peer ms', 'ratio', 'goal', 'result'], rows, align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'] };
}

// Each distinct "what is timed" text with the peer ids it applies to.
function timedNotes(cases) {
  const notes = new Map();
  for (const { results } of cases) {
    for (const r of results) {
      const ids = notes.get(r.timed) ?? [];
      if (!ids.includes(r.id)) ids.push(r.id);
      notes.set(r.timed, ids);
    }
  }
  return notes;
}

async function main() {
  const opt = parseArgs([...(process.env.BENCH_ARGS ?? '').split(/\s+/).filter(Boolean), ...process.argv.slice(2)]);
  const t0 = performance.now();
  const [cvLib, tfLib, simcore] = [await loadOpenCV(), await loadTF(), await loadSimcoreBuilds()];
  const native = loadNative();
  const libs = { cv: cvLib.cv, tf: tfLib.tf, simcore, native, variants: opt.variants };
  const sc = simcore.simd.sc ?? simcore.scalar.sc;
  if (!sc) throw new UsageError(`simcore did not load (${simcore.simd.about}); run make build`);

  const env = [
    `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
    `OpenCV.js: ${cvLib.about}`,
    `TF.js: ${tfLib.about}`,
    `wasm: ${simcore.scalar.about}; ${simcore.simd.about}`,
    `native: ${native.scalar.about}; ${native.simd.about}`,
    `options: sizes ${opt.sizes.join(',')}, kernels ${opt.kernels.join(',')}, rounds ${opt.rounds ?? JSON.stringify(opt.roundsBySize)}, ` +
      `slow > ${opt.slowMs} ms -> ${opt.slowRounds} samples, optional peers skipped > ${opt.skipMs} ms`,
  ];
  console.log(env.join('\n') + '\n');

  const dir = mkdtempSync(join(tmpdir(), 'simcore-bench-'));
  const cases = [];
  const history = new Map();
  try {
    for (const size of SIZES.filter((s) => opt.sizes.includes(s.n))) {
      for (const kind of opt.kernels) {
        const c = makeCase(size, kind, sc);
        const files = writeCaseFiles(c, dir);
        const tc = performance.now();
        const results = runCase(c, libs, opt, files, history);
        cases.push({ c, results });
        const t = caseTable(c, results);
        console.log(`== ${c.name}  (${((performance.now() - tc) / 1000).toFixed(1)} s, load ${loadavg()[0].toFixed(2)})`);
        console.log(textTable(t.header, t.rows, t.align) + '\n');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const tt = targetRows(cases);
  console.log('== targets (ratio = peer median / subject median; higher is better for simcore)');
  console.log(textTable(tt.header, tt.rows, tt.align));
  const notes = timedNotes(cases);
  console.log('\nwhat is timed:');
  for (const [timed, ids] of notes) console.log(`  ${ids.join(', ')}: ${timed}`);
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(0)} s; load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  if (opt.markdown) {
    const md = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`, '', ...env.map((l) => `- ${l}`), ''];
    for (const { c, results } of cases) {
      const t = caseTable(c, results);
      md.push(`#### ${c.name.replace(' * ', ' ⊛ ')}`, '', markdownTable(t.header, t.rows, t.align), '');
    }
    const targetsMd = tt.rows.map((r) => [r[0].replace(' * ', ' ⊛ '), ...r.slice(1)]);
    md.push('#### Targets', '', markdownTable(tt.header, targetsMd, tt.align), '', 'What is timed:', '');
    for (const [timed, ids] of timedNotes(cases)) md.push(`- ${ids.map((i) => `\`${i}\``).join(', ')}: ${timed}`);
    md.push('');
    writeFileSync(opt.markdown, md.join('\n'));
  }
  if (opt.json) {
    writeFileSync(opt.json, JSON.stringify({ env, options: { ...opt, peers: opt.peers?.source ?? null },
      cases: cases.map(({ c, results }) => ({ name: c.name, n: c.n, k: c.k, kernel: c.kernelKind, results })) }, null, 1));
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof UsageError ? e.message : e.stack ?? e}`);
  process.exitCode = 1;
});
