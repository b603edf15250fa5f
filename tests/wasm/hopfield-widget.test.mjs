// The pure parts of <simcore-hopfield>, in Node: the built-in pattern sets,
// corruption, the schema against hostile text, the label keys, and the
// claim the page's default relies on (a noisy stored digit is recalled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { defaults, fromHash, toHash } from '../../web/widgets/shared/state.mjs';
import { HOPFIELD_SCHEMA } from '../../web/widgets/hopfield/schema.mjs';
import { PATTERN_SETS, SET_SIZES, eraseBlock, flipNoise, glyph, patternSet, resample, rng } from '../../web/widgets/hopfield/patterns.mjs';
import { TABLES } from './helpers/labels.mjs';
import { decodeGrids, encodeGrids, gridTextLength } from '../../web/widgets/shared/grid-bits.mjs';

test('pattern sets: ±1 rows of size², distinct, glyphs centred and scaled', () => {
  for (const set of PATTERN_SETS) {
    for (const size of [8, 16, 32]) {
      const ps = patternSet(set, size, SET_SIZES[set]);
      assert.equal(ps.length, SET_SIZES[set]);
      const seen = new Set();
      for (const p of ps) {
        assert.equal(p.bits.length, size * size);
        assert.ok(p.bits.every((v) => v === 1 || v === -1));
        seen.add(p.bits.join(''));
      }
      assert.equal(seen.size, ps.length, `${set} ${size}: all distinct`);
    }
  }
  // At 8×8 the 5×7 glyph is drawn 1:1: "1" has 10 ink cells (1+2+1+1+1+1+3).
  assert.equal(glyph('..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.', 8).filter((v) => v === 1).length, 10);
  // At 16×16 each glyph cell is 2×2 (glyph 10×14): four times the ink.
  assert.equal(glyph('..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.', 16).filter((v) => v === 1).length, 40);
  // Random patterns: reproducible from the seed, different for another seed, about half +1.
  const a = patternSet('random', 16, 5, 3);
  assert.deepEqual(a, patternSet('random', 16, 5, 3));
  assert.notDeepEqual(a[0].bits, patternSet('random', 16, 5, 4)[0].bits);
  const ones = a.reduce((s, p) => s + p.bits.filter((v) => v === 1).length, 0) / (5 * 256);
  assert.ok(Math.abs(ones - 0.5) < 0.05, `fraction of +1: ${ones}`); // 5σ for 1280 fair coins is 0.07
});

test('noise flips exactly round(f·n) distinct neurons; a block is erased; resampling keeps a pattern', () => {
  const r = rng(5);
  for (const f of [0, 0.1, 0.15, 0.5]) {
    const s = new Int8Array(256).fill(1);
    flipNoise(s, f, r);
    assert.equal(s.filter((v) => v === -1).length, Math.round(f * 256), `f = ${f}`);
  }
  const s = new Int8Array(256).fill(1);
  eraseBlock(s, 16, r);
  assert.equal(s.filter((v) => v === -1).length, 64); // an 8×8 block
  const d = patternSet('digits', 8, 3)[2].bits;
  assert.deepEqual(resample(resample(d, 8, 16), 16, 8), d);
  assert.deepEqual(resample(d, 8, 16), Int8Array.from(resample(d, 8, 16)));
});

test('schema: a hash round-trips; hostile values give nothing', () => {
  const state = { ...defaults(HOPFIELD_SCHEMA), size: 12, rule: 'hebb', temperature: 0.35, set: 'letters', annealSweeps: 120 };
  assert.deepEqual({ ...defaults(HOPFIELD_SCHEMA), ...fromHash(HOPFIELD_SCHEMA, toHash(HOPFIELD_SCHEMA, state)) }, state);
  const hostile = '#size=64&size=16&rule=%3Cscript%3E&temperature=-1&count=1e9&noise=12.5&set=__proto__'
    + '&mode=SYNC&speed=Infinity&seed=0x10&build=wasm&annealTo=0&constructor=1';
  assert.deepEqual(fromHash(HOPFIELD_SCHEMA, hostile), {});
});

/** A ±1 grid of side `size` from a seeded generator. */
const randomGrid = (size, seed) => {
  const r = rng(seed);
  return { size, bits: Int8Array.from({ length: size * size }, () => (r() < 0.5 ? -1 : 1)) };
};

test('grids as text: round trip at every side, ⌈n/6⌉ characters, one canonical text', () => {
  const limits = HOPFIELD_SCHEMA.drawn;
  for (let size = 8; size <= 32; size++) {
    const g = randomGrid(size, size);
    const text = encodeGrids([g]);
    assert.equal(text.length, gridTextLength(size));
    assert.equal(text.length, String(size).length + 1 + Math.ceil((size * size) / 6));
    assert.match(text, /^\d+\*[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeGrids(text, limits), [g]);
    // Every cell matters: flipping one changes the text.
    const flipped = Int8Array.from(g.bits);
    flipped[size * size - 1] *= -1;
    assert.notEqual(encodeGrids([{ size, bits: flipped }]), text);
  }
  // 16×16: 256 = 42·6 + 4 bits; all ink is '_' (63) 42 times, then 1111 and two zero pad bits = 60 = '8'.
  const ink = encodeGrids([{ size: 16, bits: new Int8Array(256).fill(1) }]);
  assert.equal(ink, `16*${'_'.repeat(42)}8`);
  const list = [randomGrid(16, 1), randomGrid(12, 2), randomGrid(32, 3)];
  assert.deepEqual(decodeGrids(encodeGrids(list), limits), list);
  assert.deepEqual(decodeGrids('', limits), []);
});

test('grids as text: wrong length, bad characters, bad sides, nonzero padding and too many grids are rejected whole', () => {
  const limits = HOPFIELD_SCHEMA.drawn;
  const good = encodeGrids([randomGrid(16, 7)]);
  const body = good.slice(3);
  const bad = [
    `16*${body.slice(1)}`, `16*${body}A`, `16*${body.slice(1)}=`, `16*${body.slice(1)}+`, `16*${body.slice(1)}/`,
    `16*${body.slice(1)}%`, `16*${body.slice(0, -1)}x`, // 'x' = 110001: a padding bit set
    `016*${body}`, `+16*${body}`, `16 *${body}`, `16*`, '16', `*${body}`, `7*${'A'.repeat(9)}`, `33*${'A'.repeat(182)}`,
    `16*${body}.`, `.16*${body}`, `16*${body}..16*${body}`, `16*${body};16*${body}`,
    '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', null, undefined, 16, ['16', body], { size: 16 },
  ];
  for (const text of bad) assert.equal(decodeGrids(text, limits), undefined, String(text));
  // Twenty 16×16 drawings fit, a 21st does not; eight 32×32 fit the 1400 characters, a ninth does not.
  const many = (k, size) => encodeGrids(Array.from({ length: k }, (_, i) => randomGrid(size, i + 1)));
  assert.equal(decodeGrids(many(20, 16), limits).length, 20);
  assert.equal(decodeGrids(many(21, 16), limits), undefined);
  assert.equal(decodeGrids(many(8, 32), limits).length, 8);
  assert.equal(decodeGrids(many(9, 32), limits), undefined);
  // The state field holds exactly one grid.
  assert.equal(decodeGrids(many(2, 8), HOPFIELD_SCHEMA.neurons), undefined);
  assert.equal(decodeGrids(many(1, 32), HOPFIELD_SCHEMA.neurons).length, 1);
  // Through the schema: a bad value is dropped, the good fields stay.
  const hash = `size=12&drawn=${encodeURIComponent(`16*${body}.<b>`)}&neurons=${many(1, 12)}`;
  assert.deepEqual(fromHash(HOPFIELD_SCHEMA, hash), { size: 12, neurons: many(1, 12) });
});

test('the longest Hopfield link (every field at its longest) stays under the 2000-character hash cap', () => {
  const longest = {};
  for (const [name, f] of Object.entries(HOPFIELD_SCHEMA)) {
    if (f.type === 'choice') longest[name] = f.choices.reduce((a, b) => (b.length > a.length ? b : a));
    else if (f.type === 'int') longest[name] = f.max;
    else if (f.type === 'number') longest[name] = -0.123456 + f.max; // 6 significant digits, as the sliders write them
    else if (f.type === 'grids') {
      // As many 32×32 grids as the field holds.
      const k = Math.min(f.maxCount, Math.floor((f.maxLength + 1) / (gridTextLength(32) + 1)));
      longest[name] = encodeGrids(Array.from({ length: k }, (_, i) => randomGrid(32, i + 1)));
    }
  }
  const text = toHash(HOPFIELD_SCHEMA, longest);
  assert.ok(text.length <= 2000, `${text.length} characters`);
  assert.equal(decodeGrids(longest.drawn, HOPFIELD_SCHEMA.drawn).length, 8);
  // And it reads back whole.
  assert.deepEqual(fromHash(HOPFIELD_SCHEMA, text), Object.fromEntries(Object.entries(longest).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(6)) : v])));
});

test('every label key the Hopfield widget and page use exists in both languages', async () => {
  // The element's parts (hopfield.mjs mixes them in).
  const parts = ['hopfield.mjs', 'dom.mjs', 'dynamics.mjs', 'panels.mjs', 'capacity.mjs'];
  const src = (await Promise.all(parts.map((f) => readFile(new URL(`../../web/widgets/hopfield/${f}`, import.meta.url), 'utf8')))).join('\n');
  const keys = new Set([...src.matchAll(/(?:\bt|button|i18n:|setCapButton|showCapNote)\(?\s*'(hopfield\.[^']+)'/g)].map((m) => m[1]));
  // Keys built from the schema: hopfield.<field> and hopfield.<field>.<choice>.
  for (const [name, f] of Object.entries(HOPFIELD_SCHEMA)) {
    // These have no labelled control: the seed, the weight view (a caption menu), the drawings and the state.
    if (!['seed', 'weights', 'drawn', 'neurons'].includes(name)) keys.add(`hopfield.${name}`);
    if (name === 'capacityN') continue; // its choices are numbers, shown as they are
    for (const c of f.choices ?? []) keys.add(`hopfield.${name}.${c}`);
  }
  assert.ok(keys.size > 60, `${keys.size} keys`);
  for (const k of keys) for (const lang of Object.keys(TABLES)) assert.ok(k in TABLES[lang], `${lang}: ${k}`);
});

test('the page default recalls: 4 digits at 16×16, pseudo-inverse, 15 % noise, asynchronous T = 0', async () => {
  const sc = await loadSimcore();
  const s = defaults(HOPFIELD_SCHEMA);
  const n = s.size * s.size;
  const ps = patternSet(s.set, s.size, s.count);
  const net = sc.hopfield(n);
  net.store(ps.map((p) => p.bits), { rule: s.rule });
  const r = rng(11);
  for (const p of ps) {
    for (let trial = 0; trial < 10; trial++) {
      net.setState(flipNoise(Int8Array.from(p.bits), s.noise / 100, r));
      const out = net.run({ seed: trial + 1 });
      assert.ok(out.converged);
      assert.deepEqual(net.state, p.bits, `digit ${p.label}, trial ${trial}`);
    }
  }
  net.dispose();
});
