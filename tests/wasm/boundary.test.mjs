// The wasm boundary is described once, by the C side (sc_boundary(),
// core/src/base/boundary.c), and the binding reads it: here the description
// is checked against the headers themselves, parsed independently, in both
// builds. A limit added to limits.h or a status added to status.h without
// reaching the description fails this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadRawCore } from './helpers/raw-core.mjs';

const header = (name) => readFile(new URL(`../../core/include/simcore/${name}`, import.meta.url), 'utf8');

async function headerLimits() {
  const out = {};
  for (const m of (await header('limits.h')).matchAll(/^#define (SC_\w+)\s+([^/\n]+?)\s*(?:\/\*.*)?$/gm)) {
    if (m[1] === 'SIMCORE_LIMITS_H') continue;
    assert.match(m[2], /^[\d\s()<e.+-]+$/, `${m[1]}: a plain number or shift`);
    out[m[1]] = Function(`return ${m[2]};`)(); // digits, shifts and parentheses only (checked above)
  }
  return out;
}

// The #defines SC_FLAT_PRESET_* and SC_FLAT_ODE_INFO of ode.h, evaluated
// with the limits they refer to (digits, + and limit names only).
async function headerRecords(limits) {
  const out = {};
  const text = (await header('ode.h')) + (await header('phase.h'));
  for (const m of text.matchAll(/^#define (SC_FLAT_(?:PRESET_\w+|ODE_INFO|CLASS_\w+|CLASS3_\w+|EQ_\w+))\s+([^/\n]+?)\s*(?:\/\*.*)?$/gm)) {
    const expr = m[2].replace(/SC_\w+/g, (n) => {
      const v = out[n] ?? limits[n] ?? { SC_ODE_PRESET_INPUT: presetInput }[n];
      assert.ok(v !== undefined, `${m[1]}: unknown name ${n}`);
      return String(v);
    });
    assert.match(expr, /^[\d\s()+]+$/, `${m[1]}: sums of numbers only`);
    out[m[1]] = Function(`return ${expr};`)();
  }
  return out;
}
let presetInput;

async function headerStatuses() {
  const body = (await header('status.h')).match(/typedef enum sc_status \{([\s\S]*?)\} sc_status;/)[1];
  const names = [...body.matchAll(/^\s*(SC_\w+)/gm)].map((m) => m[1]).filter((n) => n !== 'SC_STATUS_COUNT');
  return Object.fromEntries(names.map((n, i) => [n, i]));
}

for (const kind of ['simd', 'scalar']) {
  test(`${kind} core: sc_boundary() describes every limit and status of the headers`, async () => {
    const { ex } = await loadRawCore(kind);
    const b = new Uint8Array(ex.memory.buffer, ex.sc_boundary());
    const d = JSON.parse(new TextDecoder().decode(b.subarray(0, b.indexOf(0))));
    const limits = await headerLimits();
    assert.ok(Object.keys(limits).length >= 20, 'the header parsed');
    assert.deepEqual(d.limits, limits);
    assert.deepEqual(d.status, await headerStatuses());
    presetInput = Number((await header('ode.h')).match(/^#define SC_ODE_PRESET_INPUT (\d+)/m)[1]);
    const records = await headerRecords(limits);
    assert.equal(records.SC_FLAT_PRESET_SIZE, 57, 'the preset record parsed');
    assert.equal(records.SC_FLAT_EQ_SIZE, 22, 'the equilibrium record parsed');
    assert.deepEqual(d.records, records);
  });
}

test('the binding reads the preset record by the exported layout', async () => {
  const { loadSimcore } = await import('../../bindings/simcore.mjs');
  const sc = await loadSimcore();
  const presets = sc.systems.izhikevich.presets;
  // Izhikevich 2003 Fig. 2, regular spiking: a = 0.02, b = 0.2, c = -65, d = 8 (docs/models.md)
  const rs = presets.find((p) => p.name === 'RS');
  assert.deepEqual([rs.params.a, rs.params.b, rs.params.c, rs.params.d], [0.02, 0.2, -65, 8]);
  assert.equal(rs.y0.length, 2);
  assert.ok(rs.t1 > 0 && rs.dt > 0 && ['rk4', 'euler', 'dopri5', 'izhikevich-euler'].includes(rs.method));
  const withInput = presets.filter((p) => p.input);
  assert.ok(withInput.length > 0, 'some presets carry a protocol');
  for (const p of withInput) {
    assert.equal(p.input.t.length, p.input.v.length, `${p.name}: protocol lengths`);
    for (let i = 1; i < p.input.t.length; i++) assert.ok(p.input.t[i] >= p.input.t[i - 1], `${p.name}: times nondecreasing`);
  }
});

test('the binding takes its limits from the core', async () => {
  const { loadSimcore } = await import('../../bindings/simcore.mjs');
  const sc = await loadSimcore();
  const limits = await headerLimits();
  assert.equal(sc.limits.maxImageDim, limits.SC_CONV_MAX_DIM);
  assert.equal(sc.limits.maxBankValues, limits.SC_GABOR_MAX_BANK_VALUES);
  assert.equal(sc.hopfieldLimits.maxLoads, limits.SC_HOPFIELD_MAX_LOADS);
  assert.equal(sc.hopfieldLimits.maxNetworks, limits.SC_HOPFIELD_MAX_NETWORKS);
});
