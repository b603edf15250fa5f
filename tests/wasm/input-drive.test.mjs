// sc.inputSample (sc_ode_input_sample): the input drive the integrators
// apply, on a time grid, against the protocols the Izhikevich papers define:
// figure1.m's stimuli (2004, Fig. 1) on every step of each panel's grid, the
// 2003 cells' steps and pulses, and the piecewise-linear rule written out
// independently (helpers/protocols.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { FIGURE1, inputAt } from './helpers/protocols.mjs';

const sc = await loadSimcore();
const presets = sc.systems.izhikevich.presets;

test('every 2004 panel: the core drive is figure1.m\'s stimulus at every step start of its grid', () => {
  for (const n of Object.keys(FIGURE1)) {
    const p = presets.find((x) => x.name === n);
    const steps = Math.round(p.t1 / p.dt);
    const times = Float64Array.from({ length: steps }, (_, k) => k * p.dt);
    const got = sc.inputSample(p.input, times);
    for (let k = 0; k < steps; k++) {
      const want = FIGURE1[n](times[k]);
      assert.ok(Math.abs(got[k] - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${n} at ${times[k]}: ${got[k]} vs figure1.m ${want}`);
    }
  }
});

test('2003 cells: TC is a step from 0 at its onset, TC-rebound and RZ hold, then pulse', () => {
  const tc = presets.find((x) => x.name === 'TC');
  const [T] = tc.input.t;
  const [before, at, after] = sc.inputSample(tc.input, [T - 1e-9, T, T + 5]);
  assert.equal(before, tc.input.v[0]);
  assert.equal(at, tc.input.v[1], 'a repeated time takes the later value');
  assert.equal(after, tc.input.v[1]);
  for (const name of ['TC-rebound', 'RZ']) {
    const p = presets.find((x) => x.name === name);
    const grid = Float64Array.from({ length: 2001 }, (_, k) => (k * p.t1) / 2000);
    const got = sc.inputSample(p.input, grid);
    grid.forEach((t, k) => assert.equal(got[k], inputAt(p.input, t), `${name} at ${t}`));
    // Each protocol starts at its holding value and leaves it at least once.
    assert.equal(got[0], p.input.v[0]);
    assert.ok(got.some((v) => v !== got[0]), `${name}: the input changes`);
  }
});

test('piecewise-linear rule: ramps interpolate, constant outside, breakpoints exact, any order of times', () => {
  const input = { t: [0, 100, 100, 200], v: [0, 5, -2, -2] };
  const times = [150, -5, 0, 25, 99.999, 100, 250];
  const got = sc.inputSample(input, times);
  assert.deepEqual(Array.from(got), times.map((t) => inputAt(input, t)));
  assert.equal(got[3], 1.25);
  assert.equal(got[5], -2, 'the later piece at the jump');
});

test('inputSample: hostile arguments name the argument', () => {
  const ok = { t: [1, 2], v: [0, 1] };
  assert.throws(() => sc.inputSample(null, [0]), /inputSample: input/);
  assert.throws(() => sc.inputSample({ t: 3, v: [1] }, [0]), TypeError);
  assert.throws(() => sc.inputSample({ t: [], v: [] }, [0]), RangeError);
  assert.throws(() => sc.inputSample({ t: [2, 1], v: [0, 1] }, [0]), /input.t must be nondecreasing/);
  assert.throws(() => sc.inputSample({ t: [1, NaN], v: [0, 1] }, [0]), /input/);
  assert.throws(() => sc.inputSample({ t: [1, 2], v: [0] }, [0]), RangeError);
  assert.throws(() => sc.inputSample(ok, 'abc'), TypeError);
  assert.throws(() => sc.inputSample(ok, []), /times has 0 entries/);
  assert.throws(() => sc.inputSample(ok, [0, Infinity]), /times/);
  assert.throws(() => sc.inputSample({ t: new Array(sc.odeLimits.maxInput + 1).fill(0), v: new Array(sc.odeLimits.maxInput + 1).fill(0) }, [0]), RangeError);
  assert.deepEqual(Array.from(sc.inputSample(ok, [0, 3])), [0, 1], 'still works after the errors');
});
