// Stateful sessions (web/widgets/shared/sessions.mjs) in Chromium, over http
// and from file://, in a Web Worker and on the page thread: the lifecycle
// (open, step, snapshot, dispose), that dispose frees the core's pool handle,
// that a step after dispose is an Error, that a kind's errors keep their class
// and message across the worker, that a lost worker ends its sessions, and
// that drive() keeps at most one step in flight and stops with its element.
// The kind under test is the Hopfield widget's network (hopfield/sessions.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withBrowser, pageUrls } from './harness.mjs';
import { loadSimcore } from '../../bindings/simcore.mjs';

const W = 'simcore-hopfield';

// What the binding throws for the calls the session test makes, called directly.
const sc = await loadSimcore();
const thrown = (f) => {
  try {
    f();
    return null;
  } catch (err) {
    return { cls: err.constructor.name, name: err.name, message: err.message };
  }
};
const net8 = sc.hopfield(8);
const direct = {
  range: thrown(() => sc.hopfield(0)),
  type: thrown(() => net8.setState('not spins')),
  spin: thrown(() => net8.setState(new Int8Array(8).fill(2))),
  option: thrown(() => net8.advance({ mode: 'both', updates: 1 })),
};
net8.dispose();

await withBrowser(async (browser, server) => {
  for (const how of ['http', 'file']) {
    for (const inline of [false, true]) {
      const where = inline ? 'inline' : 'worker';
      test(`session lifecycle over ${how}, ${where}: open, step, snapshot, dispose`, async () => {
        const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'hopfield.html')[how], W, { status: false });
        const r = await p.evaluate(async (inl) => {
          const { createLane, openSession } = window.simcoreWidgets;
          const lane = createLane(true, { inline: inl }); // its own wasm instance: an empty pool
          const n = 64;
          // Two random ±1 patterns (a fixed LCG), the state: pattern 0 with 8 neurons flipped.
          let x = 12345;
          const bit = () => { x = (x * 1103515245 + 12345) % 2147483648; return x < 1073741824 ? -1 : 1; };
          const patterns = Int8Array.from({ length: 2 * n }, bit);
          const state = patterns.slice(0, n);
          for (let i = 0; i < 8; i++) state[i * 7] *= -1;
          const params = { n, seed: 3, patterns, rule: 'hebb', state };
          const s = await openSession('hopfield', 'net', params, { lane });
          const snap0 = await s.snapshot();
          const f = await s.step({ mode: 'async', temperature: 0, updates: 5 * n, recordEvery: 8 });
          const snap = await s.snapshot();
          await s.dispose();
          let after = null;
          try {
            await s.step({ updates: 1 });
          } catch (err) {
            after = { name: err.name, cls: err.constructor.name, message: err.message };
          }
          return {
            where: s.where,
            patterns: Array.from(patterns), state0: Array.from(snap0.state), energy0: snap0.energy,
            weights: Array.from(snap.weights), final: Array.from(snap.state), energy: snap.energy,
            frame: { energies: Array.from(f.energies), sweeps: Array.from(f.sweeps), end: f.end, updates: f.updates, state: Array.from(f.state) },
            closed: s.closed, after,
          };
        }, inline);
        const n = 64;
        assert.equal(r.where, where);
        // Hebb: w_ij = (ξ¹ᵢξ¹ⱼ + ξ²ᵢξ²ⱼ)/n off the diagonal, 0 on it.
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const want = i === j ? 0 : (r.patterns[i] * r.patterns[j] + r.patterns[n + i] * r.patterns[n + j]) / n;
            assert.ok(Math.abs(r.weights[i * n + j] - want) < 1e-6, `w[${i}][${j}] = ${r.weights[i * n + j]}, want ${want}`);
          }
        }
        // E = -1/2 sᵀWs, in double from the snapshot's W and state.
        const energyOf = (s) => {
          let e = 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) e -= 0.5 * s[i] * r.weights[i * n + j] * s[j];
          return e;
        };
        assert.ok(Math.abs(r.energy0 - energyOf(r.state0)) < 1e-5, `E0 ${r.energy0} vs ${energyOf(r.state0)}`);
        assert.ok(Math.abs(r.energy - energyOf(r.final)) < 1e-5, `E ${r.energy} vs ${energyOf(r.final)}`);
        // The step: the frame's state is the network's; E never rises at T = 0; it ends in a fixed point
        // (a quiet sweep) before 5 sweeps, with a point every 8 updates and one at the end.
        assert.deepEqual(r.frame.state, r.final);
        assert.equal(r.frame.end, 'fixed');
        assert.ok(r.frame.updates < 5 * n && r.frame.updates % n === 0, `${r.frame.updates} updates`);
        assert.equal(r.frame.energies.length, r.frame.updates / 8);
        assert.deepEqual(r.frame.sweeps, r.frame.energies.map((_, k) => ((k + 1) * 8) / n));
        for (let k = 1; k < r.frame.energies.length; k++) assert.ok(r.frame.energies[k] <= r.frame.energies[k - 1] + 1e-9);
        assert.ok(r.frame.energies[0] <= r.energy0 + 1e-9 && r.energy < r.energy0);
        // After dispose: closed, and a step is an Error naming the session.
        assert.equal(r.closed, true);
        assert.deepEqual(r.after, { name: 'Error', cls: 'Error', message: 'hopfield.net: this session was disposed' });
        assert.deepEqual(problems.errors, []);
        await ctx.close();
      });

      test(`dispose frees the pool handle, errors keep their class and message (${how}, ${where})`, async () => {
        const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'hopfield.html')[how], W, { status: false });
        const r = await p.evaluate(async (inl) => {
          const { createLane, openSession } = window.simcoreWidgets;
          const lane = createLane(true, { inline: inl });
          const params = (n) => ({ n, seed: 1, patterns: new Int8Array(0), rule: 'hebb', state: new Int8Array(n).fill(1) });
          const caught = async (f) => {
            try {
              await f();
              return null;
            } catch (err) {
              return { cls: err.constructor.name, name: err.name, message: err.message };
            }
          };
          // The pool holds 64 networks: 64 sessions open, the 65th fails.
          const open = [];
          for (let k = 0; k < 64; k++) open.push(await openSession('hopfield', 'net', params(16), { lane }));
          const full = await caught(() => openSession('hopfield', 'net', params(16), { lane }));
          // One disposed: its handle is free again.
          await open.pop().dispose();
          open.push(await openSession('hopfield', 'net', params(16), { lane }));
          for (const s of open) await s.dispose();
          // 200 open/dispose cycles: a leaked handle would fill the pool after 64.
          let cycles = 0;
          for (let k = 0; k < 200; k++) {
            const s = await openSession('hopfield', 'net', params(8), { lane });
            await s.step({ updates: 3 });
            await s.dispose();
            cycles++;
          }
          // The kind's errors, and what the same calls throw on the page thread's own core.
          const s = await openSession('hopfield', 'net', params(8), { lane });
          const errors = {
            range: await caught(() => openSession('hopfield', 'net', params(0), { lane })),
            type: await caught(() => s.step({ set: 'not spins' })),
            spin: await caught(() => s.step({ set: new Int8Array(8).fill(2) })),
            option: await caught(() => s.step({ mode: 'both', updates: 1 })),
            kind: await caught(() => openSession('hopfield', 'nope', {}, { lane })),
            full,
          };
          // The session survives a failed step.
          const ok = (await s.step({ updates: 1 })).updates;
          // A step made before dispose() still runs; one made after is refused.
          const queued = s.step({ updates: 2 });
          const disposing = s.dispose();
          const late = await caught(() => s.step({ updates: 1 }));
          const queuedUpdates = (await queued).updates;
          await disposing;
          return { where: s.where, cycles, errors, ok, queuedUpdates, late };
        }, inline);
        assert.equal(r.where, where);
        assert.equal(r.cycles, 200);
        assert.equal(r.ok, 1);
        assert.equal(r.queuedUpdates, 2);
        assert.deepEqual(r.late, { cls: 'Error', name: 'Error', message: 'hopfield.net: this session was disposed' });
        // The same classes and messages as the binding throws when called directly, in Node.
        assert.deepEqual(r.errors.range, direct.range);
        assert.deepEqual(r.errors.type, direct.type);
        assert.deepEqual(r.errors.spin, direct.spin);
        assert.deepEqual(r.errors.option, direct.option);
        assert.equal(direct.spin.message, 'hopfield.setState: state[0] is 2; values must be -1 or +1');
        assert.deepEqual(r.errors.kind, { cls: 'Error', name: 'Error', message: 'openSession: no session kind hopfield.nope in this build' });
        assert.equal(r.errors.full.cls, 'Error');
        assert.match(r.errors.full.message, /network pool \(64 live networks\)/);
        assert.deepEqual(problems.errors, []);
        await ctx.close();
      });
    }
  }

  test('errors are the same across the worker as on the page thread', async () => {
    const { ctx, p } = await openPage(browser, server, pageUrls(server, 'hopfield.html').http, W, { status: false });
    const r = await p.evaluate(async () => {
      const { createLane, openSession } = window.simcoreWidgets;
      const out = {};
      for (const inline of [false, true]) {
        const lane = createLane(true, { inline });
        const s = await openSession('hopfield', 'net', { n: 8, seed: 1, patterns: new Int8Array(0), rule: 'hebb', state: new Int8Array(8).fill(1) }, { lane });
        const list = [];
        for (const args of [{ set: 'x' }, { set: [1, 1] }, { temperature: -1, updates: 1 }, { updates: 2 ** 30 }, { recordEvery: 0.5, updates: 2 }]) {
          try {
            await s.step(args);
            list.push(null);
          } catch (err) {
            list.push([err.constructor.name, err.message]);
          }
        }
        out[s.where] = list;
        lane.terminate();
      }
      return out;
    });
    assert.equal(r.worker.length, 5);
    assert.ok(r.worker.every((e) => e !== null), JSON.stringify(r.worker));
    assert.deepEqual(r.worker, r.inline);
    await ctx.close();
  });

  test('a lost worker ends its sessions; a removed widget disposes its own', async () => {
    const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'hopfield.html').file, W, { status: false });
    const r = await p.evaluate(async (sel) => {
      const { createLane, openSession } = window.simcoreWidgets;
      const lane = createLane(true);
      const s = await openSession('hopfield', 'net', { n: 8, seed: 1, patterns: new Int8Array(0), rule: 'hebb', state: new Int8Array(8).fill(1) }, { lane });
      const where = s.where;
      lane.terminate();
      let lost = null;
      try {
        await s.step({ updates: 1 });
      } catch (err) {
        lost = [err.constructor.name, err.message];
      }
      const el = document.querySelector(sel);
      const own = await el.sessionReady;
      const before = own.closed;
      el.remove();
      await new Promise((res) => setTimeout(res, 50));
      return { where, lost, closed: s.closed, own: [before, own.closed] };
    }, W);
    assert.equal(r.where, 'worker');
    assert.deepEqual(r.lost, ['Error', 'hopfield.net: the session was lost (the compute lane was terminated)']);
    assert.equal(r.closed, true);
    assert.deepEqual(r.own, [false, true]);
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });

  test('drive(): one frame per animation frame, at most one step in flight, stops when its element leaves', async () => {
    const { ctx, p, problems } = await openPage(browser, server, pageUrls(server, 'hopfield.html').http, W, { status: false });
    const r = await p.evaluate(async () => {
      const { openSession, drive } = window.simcoreWidgets;
      const s = await openSession('hopfield', 'net', { n: 256, seed: 1, patterns: new Int8Array(0), rule: 'hebb', state: new Int8Array(256).fill(1) });
      const host = document.body.appendChild(document.createElement('div'));
      let asked = 0;
      let got = 0;
      let worst = 0;
      let frames = 0;
      const ended = new Promise((resolve) => {
        const d = drive(s, {
          element: host,
          args: () => {
            asked++;
            worst = Math.max(worst, asked - got);
            return { mode: 'async', temperature: 1, updates: 256 };
          },
          frame: () => {
            got++;
          },
          done: (err) => resolve({ err: err ? err.message : null, running: d.running }),
        });
        const count = () => {
          frames++;
          if (frames < 30) requestAnimationFrame(count);
          else host.remove();
        };
        requestAnimationFrame(count);
      });
      const end = await ended;
      const at = asked;
      await new Promise((res) => setTimeout(res, 100));
      await s.dispose();
      return { asked, got, worst, frames, end, more: asked - at };
    });
    // Every request but possibly the last was answered before the next; none after the element left.
    assert.equal(r.worst, 1);
    assert.ok(r.asked >= 5 && r.asked <= r.frames + 1, JSON.stringify(r));
    assert.ok(r.got >= r.asked - 1);
    assert.deepEqual(r.end, { err: null, running: false });
    assert.equal(r.more, 0);
    assert.deepEqual(problems.errors, []);
    await ctx.close();
  });
});
