// Izhikevich (2003), Fig. 2: every cell-type preset, run through the binding
// at its own input (TC, TC-rebound, RZ: the protocols of the figure's code),
// start state, step and method, shows the behaviour its name promises (the
// paper's section III descriptions, quoted). Periods and currents the text
// does not give come from the model: the rest state's eigenvalues, the
// saddle-node current.
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
    const r = sc.integrate({ system: 'izhikevich', params: p.params, y0: p.y0, t1: p.t1, dt: p.dt, method: p.method,
      input: p.input ?? undefined });
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

  // The input of a step protocol { t: [T, T], v: [0, I] }: 0 before T, I after.
  const stepOf = (p) => {
    assert.ok(p.input && p.input.t.length === 2 && p.input.t[0] === p.input.t[1], `${p.name}: one step`);
    return { at: p.input.t[0], from: p.input.v[0], to: p.input.v[1] };
  };
  const restAt = (p, I) => sc.equilibria({ system: 'izhikevich', params: { ...p.params, I }, x: [-100, 0], y: [-100, 100] })
    .filter((e) => e.type !== 'saddle').sort((x, y) => x.x - y.x)[0];

  test(`${build}: TC "at rest (v around -60 mV) and then depolarized, exhibit tonic firing", spikes standing apart`, () => {
    const { spikes, isi, p } = run('TC');
    const step = stepOf(p);
    assert.equal(step.from, 0);
    assert.equal(p.params.I, step.to, 'the I parameter is the step\'s level');
    const { k1, k2, k0, b } = p.params;
    const sn = (k1 - b) ** 2 / (4 * k2) - k0; // the saddle-node current (docs/models.md)
    assert.ok(step.to > sn, `TC input ${step.to} above I_SN ${sn}`);
    assert.ok(Math.abs(restAt(p, 0).x - p.y0[0]) < 2, 'starts near rest');
    assert.ok(spikes[0] > step.at, `no spike before the step ${spikes}`);
    const late = isi.filter((_, i) => spikes[i] > 100);
    assert.ok(late.length >= 5 && late.every((d) => within(d, late.at(-1), 0.02)), `TC tonic ${late}`);
    const rate = 1000 / late.at(-1);
    assert.ok(rate > 10 && rate < 100, `TC rate ${rate} Hz`);
    assert.ok(isi.every((d) => d > 5), `TC: single spikes, no burst ${isi}`);
  });

  test(`${build}: TC-rebound "if hyperpolarized (v around -90 mV), fire a rebound burst" on release, then fall silent`, () => {
    const { spikes, isi, p } = run('TC-rebound');
    const step = stepOf(p);
    assert.ok(step.from < 0 && step.to === 0, 'held by a negative current, then released');
    // The hold keeps v near v0 <= -85: the rest state under the holding current.
    assert.ok(p.y0[0] <= -85 && Math.abs(restAt(p, step.from).x - p.y0[0]) < 3, `held at ${restAt(p, step.from).x}`);
    assert.ok(spikes.length >= 3 && spikes[0] > step.at && spikes[0] < step.at + 15, `a burst on release ${spikes}`);
    assert.ok(isi.slice(0, 3).every((d) => d < 10), `closely spaced ${isi}`);
    assert.ok(p.t1 - spikes.at(-1) > 50, `then silent ${spikes}`);
    const { spikes: held } = run('TC'); // the same cell fires no burst from near rest
    assert.ok(diffs(held).every((d) => d > 5));
  });

  test(`${build}: RZ "damped subthreshold oscillations" at its holding input (extrema alternate, shrink, at the rest state's period), then the pulse fires it`, () => {
    const { spikes, p, r } = run('RZ');
    const T = p.input.t, V = p.input.v;
    const hold = V[1], pulseOn = T[2], pulseOff = T[4];
    assert.equal(p.params.I, hold, 'the I parameter is the holding level');
    assert.ok(spikes.length >= 1 && spikes.every((s) => s > pulseOn && s < pulseOff + 5), `fires only on the pulse: ${spikes}`);
    const focus = sc.equilibria({ system: 'izhikevich', params: p.params, x: [-100, 0], y: [-100, 100] })
      .find((e) => e.type === 'stable-focus');
    assert.ok(focus, 'the rest state at the holding input is a stable focus');
    const ext = [];
    for (let i = 1; i + 1 < r.t.length; i++) {
      const [a, b, c] = [r.y[2 * i - 2], r.y[2 * i], r.y[2 * i + 2]];
      if (r.t[i] > T[0] && r.t[i] < pulseOn && (b - a) * (c - b) < 0) ext.push({ t: r.t[i], dv: b - focus.x });
    }
    assert.ok(ext.length >= 3, `RZ oscillates: ${ext.length} extrema`);
    const half = Math.PI / Math.abs(focus.eigenvalues[0].im);
    for (let k = 1; k < ext.length; k++) {
      assert.ok(Math.sign(ext[k].dv) !== Math.sign(ext[k - 1].dv), `extrema alternate about rest at ${ext[k].t}`);
      assert.ok(Math.abs(ext[k].dv) < Math.abs(ext[k - 1].dv) || k === 1, `damped at ${ext[k].t}`);
      assert.ok(within(ext[k].t - ext[k - 1].t, half, 0.2), `half period ${ext[k].t - ext[k - 1].t} vs ${half}`);
    }
    assert.ok(Math.max(...ext.map((e) => Math.abs(e.dv))) > 1, 'visible on the trace');
  });
}
