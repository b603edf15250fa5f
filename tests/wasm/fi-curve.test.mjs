// sc.fICurve on both wasm builds: I_SN against its closed form, RS silent
// below its onset and firing faster with I above, FS rates against spikes
// counted from a direct sc.integrate run, argument errors naming the argument.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };
const RS = { a: 0.02, b: 0.2, c: -65, d: 8 };
const FS = { a: 0.1, b: 0.2, c: -65, d: 2 };

for (const [name, sc] of Object.entries(builds)) {
  test(`${name}: fICurve I_SN equals (k1 - b)^2 / (4 k2) - k0`, () => {
    for (const b of [0.2, 0.25, 0.26]) {
      const r = sc.fICurve({ params: { ...RS, b }, I: [0, 1, 2], duration: 50, transient: 0 });
      assert.ok(Math.abs(r.iSN - ((5 - b) ** 2 / 0.16 - 140)) < 1e-12, `b ${b}: ${r.iSN}`);
    }
    const r = sc.fICurve({ params: { ...RS, k2: 0.05, k1: 4, k0: 120 }, I: [0, 1, 2], duration: 50 });
    assert.ok(Math.abs(r.iSN - (3.8 ** 2 / 0.2 - 120)) < 1e-12);
  });

  test(`${name}: fICurve RS: silent below onset, rate > 0 and increasing above I_SN`, () => {
    // RS fires from its Andronov-Hopf current 3.7975 (just below I_SN = 4,
    // see tests/native/test_fi.c): silent on [0, 3.7], firing on [5, 25].
    const below = sc.fICurve({ params: RS, I: [0, 3.7, 5], duration: 1000, transient: 200 });
    assert.deepEqual(Array.from(below.rate), [0, 0, 0, 0, 0]);
    const above = sc.fICurve({ params: RS, I: [5, 25, 11], duration: 1000, transient: 200 });
    assert.equal(above.I.length, 11);
    assert.equal(above.I[0], 5);
    assert.equal(above.I[10], 25);
    for (let k = 0; k < 11; k++) {
      assert.ok(above.rate[k] > 0, `I ${above.I[k]}`);
      if (k) assert.ok(above.rate[k] > above.rate[k - 1], `not increasing at I ${above.I[k]}`);
    }
    // RS at I = 10 fires near 20 Hz (native test: 20.14 Hz with dt = 0.1)
    assert.ok(above.rate[2] > 15 && above.rate[2] < 25, `I 9: ${above.rate[2]}`);
  });

  test(`${name}: fICurve FS rate equals the rate of a direct integrate run`, () => {
    const r = sc.fICurve({ params: FS, I: [6, 20, 3], duration: 500, transient: 100, dt: 0.05 });
    r.I.forEach((I, k) => {
      const run = sc.integrate({ system: 'izhikevich', params: { ...FS, I }, y0: [-65, -65 * FS.b], t1: 500, dt: 0.05 });
      const t = run.events.filter((e) => e.kind === 'spike' && e.t >= 100).map((e) => e.t);
      let sum = 0;
      for (let j = 1; j < t.length; j++) sum += t[j] - t[j - 1];
      const want = 1000 / (sum / (t.length - 1));
      // same spike times, summation order differs: 1e-9 relative
      assert.ok(t.length >= 2 && Math.abs(r.rate[k] - want) <= 1e-9 * want, `I ${I}: ${r.rate[k]} vs ${want}`);
    });
    const e = sc.fICurve({ params: FS, I: [10, 11, 2], method: 'izhikevich-euler' });
    assert.ok(e.rate[0] > 0);
  });

  test(`${name}: fICurve bad input`, () => {
    const ok = { params: RS, I: [0, 10, 5] };
    const bad = [
      [{ ...ok, I: undefined }, TypeError, /I is required/],
      [{ ...ok, I: [0, 10] }, TypeError, /I must be \[min, max, n\]/],
      [{ ...ok, I: [10, 0, 5] }, RangeError, /I must have min < max/],
      [{ ...ok, I: [0, NaN, 5] }, RangeError, /I\[1\]/],
      [{ ...ok, I: [0, 10, 5000] }, RangeError, /I\[2\]/],
      [{ ...ok, duration: 0 }, RangeError, /duration/],
      [{ ...ok, duration: 100, transient: 100 }, RangeError, /transient must be < duration/],
      [{ ...ok, transient: -1 }, RangeError, /transient/],
      [{ ...ok, dt: 0 }, RangeError, /dt/],
      [{ ...ok, duration: 1e6, dt: 0.1 }, RangeError, /duration \/ dt/],
      [{ ...ok, method: 'dopri5' }, RangeError, /method/],
      [{ ...ok, params: { a: 0.02, b: 0.2, c: -65 } }, TypeError, /params\.d is missing/],
      [{ ...ok, params: { ...RS, c: 40 } }, RangeError, /vpeak/],
      [{ ...ok, colour: 1 }, RangeError, /colour/],
    ];
    for (const [o, E, re] of bad) assert.throws(() => sc.fICurve(o), (err) => err instanceof E && re.test(err.message) && /^fICurve/.test(err.message), JSON.stringify(o));
  });
}

test('fICurve: SIMD build == scalar build', () => {
  const a = builds.simd.fICurve({ params: RS, I: [0, 20, 9] });
  const b = builds.scalar.fICurve({ params: RS, I: [0, 20, 9] });
  assert.deepEqual(Array.from(a.rate), Array.from(b.rate));
});

test('ode.d.ts FICurve and FICurveOptions list what fICurve takes and returns', async () => {
  const { readFile } = await import('node:fs/promises');
  const dts = await readFile(new URL('../../bindings/ode.d.ts', import.meta.url), 'utf8');
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const members = (name) => [...code.match(new RegExp(`export interface ${name} \\{([^}]*)\\}`))[1]
    .matchAll(/^ {2}(?:readonly )?([A-Za-z_]\w*)\??\s*[(:]/gm)].map((x) => x[1]).sort();
  const r = builds.simd.fICurve({ params: RS, I: [0, 1, 2], duration: 10 });
  assert.deepEqual(members('FICurve'), Object.keys(r).sort());
  assert.deepEqual(members('FICurveOptions'), ['I', 'dt', 'duration', 'method', 'params', 'transient']);
});
