// Izhikevich (2003), Fig. 2: every cell-type preset, run through the binding
// at its own input, start state, step and method, shows the behaviour its
// name promises (the paper's section III descriptions, quoted). Periods and
// currents the text does not give come from the model: the rest state's
// eigenvalues, the saddle-node and Hopf currents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';

const builds = { simd: await loadSimcore(), scalar: await loadSimcore({ simd: false }) };
const diffs = (x) => x.slice(1).map((v, i) => v - x[i]);
const within = (x, y, rel) => Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));

for (const [build, sc] of Object.entries(builds)) {
  const iz = sc.systems.izhikevich;
  const run = (name) => {
    const p = iz.presets.find((x) => x.name === name);
    assert.ok(p, name);
    assert.equal(p.input, null, `${name}: a constant input`);
    const r = sc.integrate({ system: 'izhikevich', params: p.params, y0: p.y0, t1: p.t1, dt: p.dt, method: p.method });
    assert.equal(r.stop, 'end', name);
    const spikes = r.events.filter((e) => e.kind === 'spike').map((e) => e.t);
    return { p, r, spikes, isi: diffs(spikes) };
  };
  // Spikes split into bursts at ISIs longer than `gap` ms.
  const bursts = (spikes, gap) => {
    const out = [[spikes[0]]];
    diffs(spikes).forEach((d, i) => (d > gap ? out.push([spikes[i + 1]]) : out.at(-1).push(spikes[i + 1])));
    return out;
  };

  test(`${build}: RS "fire a few spikes with short interspike period and then the period increases" (adaptation), at I = 10`, () => {
    const { spikes, isi, p } = run('RS');
    assert.equal(p.params.I, 10);
    assert.ok(spikes.length >= 5 && spikes.at(-1) > p.t1 - 60, `RS ${spikes}`);
    assert.ok(isi.at(-1) > 1.5 * isi[0] && isi.every((d, i) => i === 0 || d >= isi[i - 1] - 0.05), `RS ISIs ${isi}`);
    assert.ok(isi[0] > 10, 'RS does not burst');
  });

  test(`${build}: IB "fire a stereotypical burst of spikes followed by repetitive single spikes", at I = 10`, () => {
    const { isi } = run('IB');
    const late = isi.slice(-4);
    assert.ok(isi[0] < late[0] / 4 && isi[1] < late[0] / 4, `IB opening burst ${isi.slice(0, 3)}`);
    assert.ok(late.every((d) => within(d, late[0], 0.01)), `IB then regular single spikes ${late}`);
  });

  test(`${build}: CH "fire stereotypical bursts of closely spaced spikes", repeatedly, at I = 10`, () => {
    const { spikes } = run('CH');
    const b = bursts(spikes, 20).slice(0, -1); // the last one may be cut off by the end of the run
    assert.ok(b.length >= 4 && b.every((g) => g.length >= 3), `CH bursts ${b.map((g) => g.length)}`);
    const starts = b.map((g) => g[0]);
    assert.ok(diffs(starts).slice(1).every((d) => d > 30 && d < 80), `CH burst period ${diffs(starts)} ${b.map((g) => g.length)}`);
  });

  test(`${build}: FS "fire periodic trains of action potentials with extremely high frequency practically without any adaptation", at I = 10`, () => {
    const { spikes, isi } = run('FS');
    const late = isi.filter((_, i) => spikes[i] > 30);
    assert.ok(1000 / late[0] > 100, `FS rate ${1000 / late[0]} Hz`);
    assert.ok(late.every((d) => within(d, late[0], 0.002)), `FS no adaptation ${late.slice(0, 5)}`);
  });

  test(`${build}: LTS "fire high-frequency trains of spikes", with adaptation, at I = 10`, () => {
    const { isi } = run('LTS');
    assert.ok(1000 / isi[0] > 200 && isi.at(-1) > 3 * isi[0], `LTS ISIs ${isi.slice(0, 8)}`);
  });

  test(`${build}: TC "at rest (v around -60 mV) and then depolarized, exhibit tonic firing" at a rate whose spikes stand apart`, () => {
    const { spikes, isi, p, r } = run('TC');
    assert.equal(p.y0[0], -63);
    const { k1, k2, k0, b } = p.params;
    const sn = (k1 - b) ** 2 / (4 * k2) - k0; // the saddle-node current (docs/models.md)
    assert.ok(p.params.I > sn, `TC input ${p.params.I} above I_SN ${sn}`);
    // Depolarised from rest: the start is within 2 mV of the rest state at I = 0.
    const rest = sc.equilibria({ system: 'izhikevich', params: { ...p.params, I: 0 }, x: [-100, 0], y: [-100, 100] })
      .find((e) => e.type !== 'saddle');
    assert.ok(Math.abs(rest.x - p.y0[0]) < 2, `rest at I = 0: ${rest.x}`);
    const late = isi.filter((_, i) => spikes[i] > 100);
    assert.ok(late.length >= 5 && late.every((d) => within(d, late.at(-1), 0.02)), `TC tonic ${late}`);
    const rate = 1000 / late.at(-1);
    assert.ok(rate > 10 && rate < 100, `TC rate ${rate} Hz`);
    assert.ok(isi.every((d) => d > 5), `TC: single spikes, no burst ${isi}`);
    assert.ok(r.t.length > 0);
  });

  test(`${build}: TC-rebound "if hyperpolarized (v around -90 mV), fire a rebound burst", then fall silent`, () => {
    const { spikes, isi, p } = run('TC-rebound');
    assert.equal(p.params.I, 0);
    assert.ok(p.y0[0] <= -85, 'released from a hyperpolarised state');
    // u0 = b v0: (v0, u0) is the rest state under the holding current that puts rest at v0.
    assert.ok(within(p.y0[1], p.params.b * p.y0[0], 1e-12));
    assert.ok(spikes.length >= 3 && spikes[0] < 20, `a burst on release ${spikes}`);
    assert.ok(isi.slice(0, 3).every((d) => d < 10), `closely spaced ${isi}`);
    assert.ok(spikes.at(-1) < 100 && p.t1 - spikes.at(-1) > 150, `then silent ${spikes}`);
  });

  test(`${build}: RZ "damped subthreshold oscillations": no spike; extrema alternate, shrink, at the period of the rest state's eigenvalues`, () => {
    const { spikes, p, r } = run('RZ');
    assert.equal(spikes.length, 0, `RZ fires at ${spikes}`);
    const eq = sc.equilibria({ system: 'izhikevich', params: p.params, x: [-100, 0], y: [-100, 100] });
    const focus = eq.find((e) => e.type === 'stable-focus');
    assert.ok(focus, 'the rest state at the preset input is a stable focus');
    // The start is the rest state at I = 0: the preset is a step of input from rest.
    const rest0 = sc.equilibria({ system: 'izhikevich', params: { ...p.params, I: 0 }, x: [-100, 0], y: [-100, 100] })
      .find((e) => e.type !== 'saddle');
    assert.ok(Math.abs(rest0.x - p.y0[0]) < 1e-9 && Math.abs(rest0.y - p.y0[1]) < 1e-9, `start ${p.y0} vs rest ${rest0.x}, ${rest0.y}`);
    const ext = [];
    for (let i = 1; i + 1 < r.t.length; i++) {
      const [a, b, c] = [r.y[2 * i - 2], r.y[2 * i], r.y[2 * i + 2]];
      if ((b - a) * (c - b) < 0) ext.push({ t: r.t[i], dv: b - focus.x });
    }
    assert.ok(ext.length >= 8, `RZ oscillates: ${ext.length} extrema`);
    for (let k = 1; k < ext.length; k++) {
      assert.ok(Math.sign(ext[k].dv) !== Math.sign(ext[k - 1].dv), `extrema alternate about rest at ${ext[k].t}`);
      if (k >= 2) assert.ok(Math.abs(ext[k].dv) < Math.abs(ext[k - 2].dv), `damped at ${ext[k].t}`);
    }
    const period = 2 * Math.PI / Math.abs(focus.eigenvalues[0].im);
    const maxima = ext.filter((e) => e.dv > 0).map((e) => e.t);
    for (const d of diffs(maxima)) assert.ok(within(d, period, 0.1), `period ${d} vs ${period}`);
    const amp = Math.max(...ext.map((e) => Math.abs(e.dv)));
    assert.ok(amp > 1, `visible on the trace: ${amp} mV`);
  });
}
