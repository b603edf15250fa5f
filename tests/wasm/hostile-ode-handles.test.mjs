// Hostile arguments to the ODE and phase-plane flat entry points themselves
// (the binding validates first, so these reach the core only from here):
// result and polyline handles that are 0, random, stale, double-freed or of
// the other kind; counts that are wrong by one, negative or huge; NULL
// pointers. Each call returns a status naming the argument, never traps,
// never writes past the counted buffer, and the pools stay bounded (no live
// handle leaks). Through the binding's check() a wrong count is a RangeError
// naming the argument. Both wasm builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRawCore, STATUS } from './helpers/raw-core.mjs';
import { createCore } from '../../bindings/core/wasm-core.mjs';
import { rng, SEED, RUNS } from './helpers/hostile.mjs';

const GUARD = 1.25; // a value no call writes: past-the-count writes show

for (const kind of ['simd', 'scalar']) {
  const setup = async () => {
    const raw = await loadRawCore(kind);
    const { ex } = raw;
    const core = createCore(ex);
    const R = core.boundary.records;
    const f64 = () => new Float64Array(ex.memory.buffer);
    const u32 = () => new Uint32Array(ex.memory.buffer);
    const i32 = () => new Int32Array(ex.memory.buffer);
    const buf = ex.malloc(8 * 4096);
    const put = (values) => { f64().set(values, buf >> 3); return buf; };
    const out = ex.malloc(8 * 4096);
    const hp = ex.malloc(16);
    const info = ex.malloc(64);
    const lin = ex.malloc(64);
    f64().set([0, 1, -1, 0, 1, 0], lin >> 3); // params a b c d, then y0 (x = cos t)
    const integrate = (over = {}) => {
      const a = { params: lin, np: 4, y0: lin + 32, dim: 2, bounds: 0, nb: 0, input: 0, ni: 0, ev: -1, res: hp, ...over };
      return raw.call('sc_flat_ode_integrate', 0, a.params, a.np, a.y0, a.dim, 0, 1, 0.1, 0, 0, 0, a.bounds, a.nb, 0,
        a.input, a.ni, a.ev, 0, a.res);
    };
    const nullcline = (over = {}) => {
      const a = { np: 4, fixed: 0, nf: 0, res: hp, ...over };
      return raw.call('sc_flat_phase_nullcline', 0, lin, a.np, 0, 1, a.fixed, a.nf, 0, -2, 2, 9, -2, 2, 9, a.res);
    };
    return { raw, ex, core, R, f64, u32, i32, buf, put, out, hp, info, integrate, nullcline };
  };

  test(`${kind}: wrong counts name the argument (and are RangeError through the binding)`, async () => {
    const s = await setup();
    const cases = [
      [s.integrate({ np: 3 }), STATUS.SIZE, 'params'],
      [s.integrate({ np: -1 }), STATUS.SIZE, 'params'],
      [s.integrate({ dim: 1 }), STATUS.SIZE, 'y0'],
      [s.integrate({ dim: 2 ** 31 - 1 }), STATUS.SIZE, 'y0'],
      [s.integrate({ bounds: s.put([-9, 9, -9, 9]), nb: 3 }), STATUS.SIZE, 'bounds'],
      [s.integrate({ nb: 4 }), STATUS.SIZE, 'bounds'],
      [s.integrate({ input: s.put([0, 1]), ni: 1 }), STATUS.SIZE, 'input'],
      [s.integrate({ ni: 2 }), STATUS.SIZE, 'input'],
      [s.integrate({ ni: -2 }), STATUS.SIZE, 'input'],
      [s.integrate({ ev: 2 }), STATUS.RANGE, 'event_var'],
      [s.integrate({ res: 0 }), STATUS.NULL, 'result'],
      [s.nullcline({ np: 5 }), STATUS.SIZE, 'params'],
      [s.nullcline({ fixed: s.put([0, 0]), nf: 3 }), STATUS.SIZE, 'fixed'],
      [s.nullcline({ nf: 2 }), STATUS.SIZE, 'fixed'],
      [s.nullcline({ res: 0 }), STATUS.NULL, 'lines'],
      [s.raw.call('sc_flat_ode_preset_data', 0, s.out, s.R.SC_FLAT_PRESET_SIZE - 1), STATUS.SIZE, 'out'],
      [s.raw.call('sc_flat_ode_preset_data', 0, s.out, s.R.SC_FLAT_PRESET_SIZE + 1), STATUS.SIZE, 'out'],
      [s.raw.call('sc_flat_ode_preset_data', -1, s.out, s.R.SC_FLAT_PRESET_SIZE), STATUS.RANGE, 'preset'],
      [s.raw.call('sc_flat_phase_direction_field', 0, s.buf, 4, 0, 1, s.put([0, 0]), 1, -1, 1, 3, -1, 1, 3, s.out), STATUS.SIZE, 'fixed'],
      [s.raw.call('sc_flat_phase_equilibria', 0, s.buf, 4, 0, 1, 0, 2, -1, 1, -1, 1, 0, s.out, 8, s.info), STATUS.SIZE, 'fixed'],
    ];
    cases.forEach(([got, status, arg], i) => assert.deepEqual(got, { status, arg }, `case ${i}`));
    assert.throws(() => s.core.check('integrate', s.integrate({ np: 3 }).status), (e) => e instanceof RangeError && /integrate: params:/.test(e.message));
    assert.throws(() => s.core.check('nullclines', s.nullcline({ nf: 1 }).status), (e) => e instanceof RangeError && /nullclines: fixed:/.test(e.message));
  });

  test(`${kind}: result and polyline handles: reads by exact size, stale, foreign and random handles`, async () => {
    const s = await setup();
    const { raw, R } = s;
    assert.deepEqual(s.integrate(), { status: 0, arg: '' });
    const h = s.u32()[s.hp >> 2];
    assert.ok(h > 0xffff, 'a generation-counted handle');
    assert.deepEqual(raw.call('sc_flat_ode_result_info', h, s.info, R.SC_FLAT_ODE_INFO), { status: 0, arg: '' });
    const samples = s.i32()[s.info >> 2];
    assert.equal(samples, 11);
    assert.deepEqual(raw.call('sc_flat_ode_result_info', h, s.info, R.SC_FLAT_ODE_INFO - 1), { status: STATUS.SIZE, arg: 'info' });
    assert.deepEqual(raw.call('sc_flat_ode_result_info', h, 0, R.SC_FLAT_ODE_INFO), { status: STATUS.NULL, arg: 'info' });
    for (const [part, n] of [[0, samples], [1, 2 * samples], [2, 0], [3, 0]]) {
      s.f64().fill(GUARD, s.out >> 3, (s.out >> 3) + 64);
      for (const wrong of [n - 1, n + 1, -1, 2 ** 31 - 1]) {
        if (wrong < 0 && n === 0) continue;
        assert.deepEqual(raw.call('sc_flat_ode_result_read', h, part, s.out, wrong), { status: STATUS.SIZE, arg: 'out' }, `part ${part} n ${wrong}`);
      }
      assert.equal(s.f64()[s.out >> 3], GUARD, 'a refused read writes nothing');
      assert.deepEqual(raw.call('sc_flat_ode_result_read', h, part, s.out, n), { status: 0, arg: '' });
      assert.equal(s.f64()[(s.out >> 3) + n], GUARD, `part ${part}: nothing past its ${n} values`);
    }
    // x(t) = cos t from the trajectory itself
    raw.call('sc_flat_ode_result_read', h, 1, s.out, 2 * samples);
    assert.ok(Math.abs(s.f64()[(s.out >> 3) + 2 * 10] - Math.cos(1)) < 1e-6, 'x(1) = cos 1');
    assert.deepEqual(raw.call('sc_flat_ode_result_read', h, 4, s.out, 0), { status: STATUS.OPTION, arg: 'part' });
    assert.deepEqual(raw.call('sc_flat_ode_result_read', h, -1, s.out, 0), { status: STATUS.OPTION, arg: 'part' });
    // the other kind's functions do not see it
    assert.deepEqual(raw.call('sc_flat_phase_lines_info', h, s.info, 2), { status: STATUS.HANDLE, arg: 'lines' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_free', h), { status: STATUS.HANDLE, arg: 'lines' });
    assert.deepEqual(raw.call('sc_flat_ode_result_free', h), { status: 0, arg: '' });
    for (const fn of ['sc_flat_ode_result_free']) assert.deepEqual(raw.call(fn, h), { status: STATUS.HANDLE, arg: 'result' }, 'double free');
    assert.deepEqual(raw.call('sc_flat_ode_result_info', h, s.info, R.SC_FLAT_ODE_INFO), { status: STATUS.HANDLE, arg: 'result' }, 'stale');

    assert.deepEqual(s.nullcline(), { status: 0, arg: '' });
    const l = s.u32()[s.hp >> 2];
    assert.deepEqual(raw.call('sc_flat_phase_lines_info', l, s.info, 2), { status: 0, arg: '' });
    const [points, lines] = s.i32().slice(s.info >> 2, (s.info >> 2) + 2);
    assert.ok(points > 2 && lines >= 1, `the nullcline x' = y = 0 (${points} points, ${lines} lines)`);
    const st = s.out + 8 * 2048;
    assert.deepEqual(raw.call('sc_flat_phase_lines_read', l, s.out, 2 * points - 1, st, lines + 1), { status: STATUS.SIZE, arg: 'xy' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_read', l, s.out, 2 * points, st, lines), { status: STATUS.SIZE, arg: 'start' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_read', l, s.out, 2 * points, 0, lines + 1), { status: STATUS.NULL, arg: 'start' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_read', l, s.out, 2 * points, st, lines + 1), { status: 0, arg: '' });
    const ys = Array.from({ length: points }, (_, k) => s.f64()[(s.out >> 3) + 2 * k + 1]);
    assert.ok(ys.every((y) => Math.abs(y) < 1e-9), 'x\' = y vanishes on y = 0');
    assert.deepEqual(raw.call('sc_flat_ode_result_info', l, s.info, R.SC_FLAT_ODE_INFO), { status: STATUS.HANDLE, arg: 'result' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_free', l), { status: 0, arg: '' });
    assert.deepEqual(raw.call('sc_flat_phase_lines_free', l), { status: STATUS.HANDLE, arg: 'lines' });

    const r = rng(SEED);
    for (let i = 0; i < RUNS; i++) {
      const id = r.pick([0, 1, 0xffff, 0x10000, 0xffffffff, h, l, h ^ 0x10000, r.int(0, 2 ** 32 - 1)]);
      const fn = r.pick(['sc_flat_ode_result_info', 'sc_flat_ode_result_read', 'sc_flat_ode_result_free',
        'sc_flat_phase_lines_info', 'sc_flat_phase_lines_read', 'sc_flat_phase_lines_free']);
      const res = raw.call(fn, id, s.info, r.int(-1, 8), s.out, r.int(-1, 8));
      assert.equal(res.status, STATUS.HANDLE, `${fn}(${id})`);
    }
  });

  test(`${kind}: custom systems are handles: compiled side by side, freed once`, async () => {
    const s = await setup();
    const text = (str) => { const p = s.ex.malloc(str.length + 1); new Uint8Array(s.ex.memory.buffer).set([...str].map((c) => c.charCodeAt(0)).concat(0), p); return p; };
    const out = s.ex.malloc(12);
    const compile = (dx, dy) => [s.raw.call('sc_flat_ode_custom_compile', text(dx), text(dy), text(''), 0, 0, out, out + 4, out + 8), s.i32()[(out + 8) >> 2]];
    const [ra, a] = compile('y', '-x');
    const [rb, b] = compile('-y', 'x');
    assert.equal(ra.status, 0);
    assert.equal(rb.status, 0);
    assert.notEqual(a, b);
    assert.ok((a >>> 0) > 0xffff, 'an id past the built-ins');
    // (1, 0): (y, -x) = (0, -1), (-y, x) = (0, 1): each keeps its own program
    const y = s.put([1, 0]);
    for (const [id, want] of [[a, -1], [b, 1]]) {
      assert.equal(s.raw.call('sc_flat_ode_integrate', id, 0, 0, y, 2, 0, 0.001, 0.001, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, s.hp).status, 0);
      const h = s.u32()[s.hp >> 2];
      s.raw.call('sc_flat_ode_result_read', h, 1, s.out, 4);
      assert.ok(Math.abs(s.f64()[(s.out >> 3) + 3] / 0.001 - want) < 1e-3, `system ${id}: y' = ${want}`);
      s.ex.sc_flat_ode_result_free(h);
    }
    const [bad, none] = compile('y', 'x +');
    assert.deepEqual([bad.status, bad.arg, none], [STATUS.RANGE, 'dy', -1]);
    assert.ok(s.core.cString(s.i32()[(out + 4) >> 2]).length > 0, 'a message');
    assert.deepEqual(s.raw.call('sc_flat_ode_custom_free', a), { status: 0, arg: '' });
    assert.deepEqual(s.raw.call('sc_flat_ode_custom_free', a), { status: STATUS.HANDLE, arg: 'system' });
    assert.equal(s.raw.call('sc_flat_ode_integrate', a, 0, 0, y, 2, 0, 1, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, s.hp).status, STATUS.OPTION, 'a freed system is no system');
    for (const id of [-1, 0, 6, 7, 0xffff, 2 ** 31 - 1]) assert.equal(s.raw.call('sc_flat_ode_custom_free', id).status, STATUS.HANDLE, `free ${id}`);
    assert.deepEqual(s.raw.call('sc_flat_ode_custom_free', b), { status: 0, arg: '' });
  });

  test(`${kind}: the pools are bounded and reusable`, async () => {
    const s = await setup();
    const max = s.core.limit('SC_ODE_MAX_RESULTS');
    const hs = [];
    let last;
    for (let k = 0; k <= max; k++) {
      last = s.integrate();
      if (last.status === 0) hs.push(s.u32()[s.hp >> 2]);
    }
    assert.equal(hs.length, max);
    assert.deepEqual(last, { status: STATUS.NOMEM, arg: 'result' });
    assert.equal(s.u32()[s.hp >> 2], 0, 'a refused call writes the 0 handle');
    assert.equal(s.nullcline().status, 0, 'each kind has its own limit');
    s.raw.call('sc_flat_phase_lines_free', s.u32()[s.hp >> 2]);
    for (const h of hs) assert.equal(s.ex.sc_flat_ode_result_free(h), 0);
    for (let k = 0; k < 3 * max; k++) {
      assert.equal(s.integrate().status, 0, `run ${k} after freeing`);
      assert.equal(s.ex.sc_flat_ode_result_free(s.u32()[s.hp >> 2]), 0);
    }
  });
}

test('the binding frees every handle it takes (more calls than the pool holds)', async () => {
  const { loadSimcore } = await import('../../bindings/simcore.mjs');
  const sc = await loadSimcore();
  const n = 3 * sc.odeLimits.maxResults;
  for (let k = 0; k < n; k++) {
    const r = sc.integrate({ system: 'linear2d', params: { a: 0, b: 1, c: -1, d: 0 }, y0: [1, 0], t1: 1, dt: 0.1 });
    assert.ok(Math.abs(r.y[20] - Math.cos(1)) < 1e-6);
    const nc = sc.nullclines({ system: 'linear2d', params: { a: 0, b: 1, c: -1, d: 0 }, x: [-1, 1, 5], y: [-1, 1, 5] });
    assert.ok(nc.x.length >= 1 && nc.y.length >= 1);
  }
  assert.ok(sc.separatrices({ system: 'linear2d', params: { a: 0, b: 1, c: 1, d: 0 }, x: [-1, 1], y: [-1, 1] }).length === 4);
});
