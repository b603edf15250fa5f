// <simcore-phase-plane>'s DOM-free parts: its schema (the points field of the
// hash), its presets (each gives the lecture's type, by the core's own
// classification), the trace–determinant drag (the matrix it returns has the
// requested p and q, checked by the core), and its language keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { fromHash, toHash } from '../../web/widgets/shared/state.mjs';
import { MODEL_INFO, PHASE_PLANE_SCHEMA as S, PHASE_PRESETS, matrixForTraceDet } from '../../web/widgets/phase/phase-plane-schema.mjs';
import { TABLES } from './helpers/labels.mjs';
import { Viewport, niceTicks } from '../../web/widgets/phase/plane.mjs';
import { IZHIKEVICH_SCHEMA, IZH_FEATURES, IZH_PRESETS } from '../../web/widgets/phase/izhikevich-schema.mjs';

test('trajectory start points round-trip through the hash; a bad entry rejects the list', () => {
  const state = { ...Object.fromEntries(Object.entries(S).map(([k, f]) => [k, f.default])), traj: [[1, 0], [-2.5, 1e-3]] };
  const back = fromHash(S, toHash(S, state));
  assert.deepEqual(back.traj, [[1, 0], [-2.5, 0.001]]);
  for (const bad of ['1,0;2', '1,0;x,1', '1;0', '1,0,3', `${'1,1;'.repeat(24)}1,1`, '1e999,0', '<b>,1', '0x1,1']) {
    assert.equal(fromHash(S, `traj=${encodeURIComponent(bad)}`).traj, undefined, bad);
  }
  assert.deepEqual(fromHash(S, 'traj=').traj, []);
});

test('typed formulas: the schema lets through the grammar’s characters only, up to 200', () => {
  assert.deepEqual(fromHash(S, `dx=${encodeURIComponent('y')}&dy=${encodeURIComponent('-sin(x) - 0.2*y^2')}`), { dx: 'y', dy: '-sin(x) - 0.2*y^2' });
  for (const bad of ['<script>', 'x;y', 'alert`1`', '"x"', 'x'.repeat(201), 'a=1', '{x}']) {
    assert.equal(fromHash(S, `dx=${encodeURIComponent(bad)}`).dx, undefined, bad);
  }
});

test('each preset gives its type (core classification, the band the widget uses, the model’s default view)', async () => {
  const sc = await loadSimcore();
  for (const p of PHASE_PRESETS) {
    const s = { ...Object.fromEntries(Object.entries(S).map(([k, f]) => [k, f.default])), ...p.state };
    const info = MODEL_INFO[s.model];
    let type;
    if (s.model === 'linear') {
      type = sc.classifyLinear(s.a, s.b, s.c, s.d, { tolerance: 1e-3 }).type;
    } else if (s.model === 'custom') {
      const [cx, cy, span] = info.view;
      type = sc.equilibria({ system: { dx: s.dx, dy: s.dy }, x: [cx - span, cx + span], y: [cy - span, cy + span] })[0]?.type;
    } else {
      const params = info.set ? { ...sc.systems[info.system].presets.find((x) => x.name === `ML-${s[info.set]}`).params } : {};
      for (const [name, field] of Object.entries(info.params)) params[name] = s[field];
      const [cx, cy, span] = info.view;
      const hy = info.yRatio ? span * info.yRatio : span;
      type = sc.equilibria({ system: info.system, params, x: [cx - span, cx + span], y: [cy - hy, cy + hy] })[0]?.type;
    }
    assert.equal(type, p.type, p.name);
  }
  // The six types of the lecture are all there.
  assert.deepEqual(new Set(PHASE_PRESETS.filter((p) => p.state.model === 'linear').map((p) => p.type)),
    new Set(['center', 'stable-focus', 'unstable-focus', 'stable-node', 'unstable-node', 'saddle']));
  // Every model's parameter fields exist in the schema, and every model has a preset.
  for (const [model, info] of Object.entries(MODEL_INFO)) {
    assert.ok(S.model.choices.includes(model));
    for (const field of Object.values(info.params)) assert.ok(S[field], `${model}: ${field}`);
    assert.ok(PHASE_PRESETS.some((p) => p.state.model === model), model);
    assert.ok(model === 'custom' || sc.systems[info.system], info.system);
  }
});

test('dragging in the trace–determinant plane gives a matrix with that trace and determinant', async () => {
  const sc = await loadSimcore();
  const starts = [{ a: 0, b: 1, c: -1, d: -0.25 }, { a: 1, b: 1, c: 4, d: -2 }, { a: -3, b: 0, c: 0, d: -1 }, { a: 2, b: 0.5, c: 0.5, d: 2 }];
  const targets = [[0, 1], [-1, 2], [2, 0.5], [-3, 1], [1, -2], [0.5, 0.0625], [0, 0]];
  for (const m of starts) {
    for (const [p, q] of targets) {
      const next = matrixForTraceDet(m, p, q);
      assert.ok(next, `${JSON.stringify(m)} → (${p}, ${q})`);
      const r = sc.classifyLinear(next.a, next.b, next.c, next.d);
      // Entries are rounded to 4 significant digits: p and q agree to that.
      const scale = Math.max(1, ...Object.values(next).map(Math.abs)) ** 2;
      assert.ok(Math.abs(r.trace - p) <= 1e-3 * Math.sqrt(scale), `trace ${r.trace} vs ${p} from ${JSON.stringify(m)}`);
      assert.ok(Math.abs(r.det - q) <= 1e-3 * scale, `det ${r.det} vs ${q} from ${JSON.stringify(m)}`);
    }
  }
  // Out of the sliders' range: no change.
  assert.equal(matrixForTraceDet({ a: 0, b: 1, c: -1, d: 0 }, 30, -200), null);
});

test('viewport: model ↔ pixel round trip, zoom keeps the point under the cursor, ticks are round', () => {
  const vp = new Viewport(1, -2, 3, 400, 300);
  const [px, py] = vp.toPx(2.5, -1);
  assert.deepEqual(vp.toModel(px, py).map((v) => Number(v.toFixed(12))), [2.5, -1]);
  vp.zoomAt(2, 100, 50);
  const before = vp.toModel(100, 50);
  vp.zoomAt(1.7, 100, 50);
  const after = vp.toModel(100, 50);
  assert.ok(Math.abs(before[0] - after[0]) < 1e-12 && Math.abs(before[1] - after[1]) < 1e-12);
  assert.deepEqual(niceTicks(-3, 3, 6).ticks, [-3, -2, -1, 0, 1, 2, 3]);
  assert.deepEqual(niceTicks(0.01, 0.09, 4).ticks.map((v) => Number(v.toFixed(6))), [0.02, 0.04, 0.06, 0.08]);
});

test('every label key the phase-plane widget builds from names is in both tables', async () => {
  const keys = ['pp.title', 'pp.model', 'pp.presets', 'pp.noEquilibrium', 'pp.time', 'pp.trajCount', 'pp.td', 'pp.td.center'];
  for (const c of S.model.choices) keys.push(`pp.model.${c}`);
  for (const p of PHASE_PRESETS) keys.push(`pp.preset.${p.name}`);
  for (const info of Object.values(MODEL_INFO)) for (const n of Object.values(info.params)) keys.push(`pp.${n}`);
  for (const c of S.ml_set.choices) keys.push(`pp.ml_set.${c}`);
  for (const n of ['field', 'nullclines', 'eigen']) keys.push(`pp.show.${n}`);
  const bindingTypes = (await readFile(new URL('../../bindings/phase.d.ts', import.meta.url), 'utf8'))
    .match(/export type EquilibriumType = ([^;]+);/)[1].match(/'([a-z-]+)'/g).map((x) => x.slice(1, -1));
  assert.equal(bindingTypes.length, 11);
  for (const ty of bindingTypes) keys.push(`pp.type.${ty}`);
  for (const k of keys) for (const lang of ['en', 'zh']) assert.ok(TABLES[lang][k], `${lang}: ${k}`);
});

test('Izhikevich widget: its presets are the engine’s, inside the schema, with labels in both languages', async () => {
  const sc = await loadSimcore();
  const engine = sc.systems.izhikevich.presets;
  for (const name of [...IZH_PRESETS, ...IZH_FEATURES]) {
    const p = engine.find((x) => x.name === name);
    assert.ok(p, name);
    for (const k of ['a', 'b', 'c', 'd', 'I']) {
      const f = IZHIKEVICH_SCHEMA[k];
      assert.ok(p.params[k] >= f.min && p.params[k] <= f.max, `${name}.${k} = ${p.params[k]}`);
    }
    assert.ok(p.y0[0] >= IZHIKEVICH_SCHEMA.v0.min && p.y0[1] <= IZHIKEVICH_SCHEMA.u0.max, `${name} y0`);
    assert.ok(p.t1 >= IZHIKEVICH_SCHEMA.t1.min && p.t1 <= IZHIKEVICH_SCHEMA.t1.max, `${name} t1`);
    // The 2004 panels carry their protocol (the widget replays it).
    if (IZH_FEATURES.includes(name)) assert.ok(p.input && p.method === 'izhikevich-euler', `${name} protocol`);
    for (const lang of ['en', 'zh']) {
      assert.ok(TABLES[lang][`izh.preset.${name}`] && TABLES[lang][`izh.desc.${name}`], `${lang} ${name}`);
    }
  }
  // The schema's defaults are the RS cell.
  const rs = engine.find((x) => x.name === 'RS');
  for (const k of ['a', 'b', 'c', 'd', 'I']) assert.equal(IZHIKEVICH_SCHEMA[k].default, rs.params[k], k);
  assert.deepEqual([IZHIKEVICH_SCHEMA.v0.default, IZHIKEVICH_SCHEMA.u0.default], rs.y0);
});
