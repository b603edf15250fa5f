// Stateful sessions: a simulation or a training loop that lives in a compute
// lane (a Web Worker, or the page thread where workers are unavailable) and
// that the page advances one frame at a time. The area declares the kind
// (<area>/sessions.mjs, run by session-host.mjs); the page opens, steps,
// snapshots and disposes it:
//
//   const s = await openSession('hopfield', 'net', params);
//   const frame = await s.step(args);   // one frame
//   const all = await s.snapshot();
//   s.dispose();
//
// Calls on one session run in order. `drive()` asks for one frame per
// animation frame with at most one step in flight (backpressure: a slow
// worker lowers the frame rate, it never builds a queue) and stops when its
// element leaves the page. A session dies with its lane: when the worker is
// lost or the lane terminated, its calls reject with Error. Errors thrown by
// the kind arrive as the same TypeError/RangeError/Error with the same
// message. Types: sessions.d.ts; docs/architecture.md, "Sessions".
import { createLane } from './compute.mjs';
import { runJob } from './jobs.mjs';

let nextId = 1; // unique on the page, so inline sessions of several lanes share one table
const sharedLanes = new Map();

/**
 * The lane sessions use unless given one: one per build (and placement),
 * started on first use and ended when its last session closes, so a page
 * whose widgets are gone keeps no worker.
 */
export function sessionLane(simd = true, { inline = false } = {}) {
  const key = `${simd ? 'simd' : 'scalar'}${inline ? '-inline' : ''}`;
  if (!sharedLanes.has(key) || sharedLanes.get(key).lostError) {
    const lane = createLane(simd, { inline });
    lane.shared = { key, open: 0 };
    sharedLanes.set(key, lane);
  }
  return sharedLanes.get(key);
}

function retain(lane) {
  if (lane.shared) lane.shared.open++;
}

function release(lane, after = Promise.resolve()) {
  if (!lane.shared) return;
  lane.shared.open--;
  after.then(() => {
    if (lane.shared.open > 0 || lane.lostError) return;
    if (sharedLanes.get(lane.shared.key) === lane) sharedLanes.delete(lane.shared.key);
    lane.terminate();
  });
}

export class Session {
  constructor(lane, id, name) {
    this.lane = lane;
    this.id = id;
    this.name = name; // 'area.kind', for messages
    this.tail = Promise.resolve(); // calls run one after another
    this.pending = 0;
    this.ended = null; // the Error later calls reject with
    this.offLost = lane.onLost((err) => this.lost(err));
  }

  /** 'worker' or 'inline' (the page thread). */
  get where() {
    return this.lane.where;
  }

  /** Disposed or lost: every later call rejects. */
  get closed() {
    return this.ended !== null;
  }

  /** Calls in flight or queued. */
  get busy() {
    return this.pending > 0;
  }

  call(type, extra = {}, transfer = []) {
    if (this.ended) return Promise.reject(this.ended);
    this.pending++;
    // Calls made before dispose() still run; a lost lane fails them all.
    const run = async () => {
      if (this.lostError) throw this.ended;
      return this.lane.post({ type, id: this.id, ...extra }, transfer);
    };
    const out = this.tail.then(run, run);
    this.tail = out.catch(() => {});
    return out.finally(() => { this.pending--; });
  }

  /** One frame: the kind's step(state, args). Transferables in `transfer` are moved, not copied. */
  step(args, transfer = []) {
    return this.call('session.step', { args }, transfer);
  }

  /** The kind's snapshot(state) (everything the page may want at once, e.g. weights). */
  snapshot() {
    return this.call('session.snapshot');
  }

  /** Frees the session's core objects (after calls already made); idempotent. Later calls reject. */
  dispose() {
    if (this.ended) return Promise.resolve();
    const done = this.call('session.dispose').then(() => {}, () => {});
    this.ended = new Error(`${this.name}: this session was disposed`);
    this.offLost();
    release(this.lane, done);
    return done;
  }

  lost(err) {
    this.lostError = err;
    if (this.ended) return;
    this.ended = new Error(`${this.name}: the session was lost (${err.message})`);
    release(this.lane);
    // On the page thread the state is still here: free it now.
    if (!this.lane.worker && this.lane.sc) {
      try {
        runJob(this.lane.sc, { type: 'session.dispose', id: this.id });
      } catch { /* already gone */ }
    }
  }
}

/**
 * Opens a session of the area's kind with `params` (the kind's create(sc,
 * params)). Options: `lane` (a lane from createLane, shared by default),
 * `simd` (default true), `inline` (the page thread). Rejects with the kind's
 * error if create throws.
 */
export async function openSession(area, kind, params, { lane, simd = true, inline = false, transfer = [] } = {}) {
  const l = lane ?? sessionLane(simd, { inline });
  retain(l); // from now on, so the shared lane does not end while this one opens
  let s = null;
  try {
    await l.ready;
    s = new Session(l, nextId++, `${area}.${kind}`);
    await s.call('session.open', { area, kind, params }, transfer);
  } catch (err) {
    if (s) {
      s.ended = err;
      s.offLost();
    }
    release(l);
    throw err;
  }
  return s;
}

/**
 * Drives a session from requestAnimationFrame: each frame, when no step is
 * in flight, `args(now)` gives the step's arguments (null: nothing this
 * frame) and `frame(result, now)` receives its answer (also the answer to a
 * step in flight when it stopped, unless the element left). Stops (and calls
 * `done`, once) when stop() is called, the element leaves the page, the
 * session closes, or a step or callback throws (`done(err)`). `calls` (a
 * PendingCalls) tracks each step until its frame is delivered.
 */
export function drive(session, { element, args, frame, done = () => {}, calls = null }) {
  let raf = 0;
  let stopped = false;
  let inFlight = false;
  const finish = (err) => {
    if (stopped) return;
    stopped = true;
    cancelAnimationFrame(raf);
    done(err);
  };
  const tick = (now) => {
    raf = 0;
    if (stopped) return;
    if (element && !element.isConnected) return finish();
    if (session.closed) return finish(session.ended);
    if (!inFlight) {
      let a;
      try {
        a = args(now);
      } catch (err) {
        return finish(err);
      }
      if (a !== null && a !== undefined) {
        inFlight = true;
        const delivered = session.step(a).then((result) => {
          inFlight = false;
          // A frame asked for before stop() still arrives: the session's state did advance.
          if (!element || element.isConnected) frame(result, now);
        }).catch((err) => {
          inFlight = false;
          finish(err);
        });
        // Tracked, so the widget's whenIdle() also waits for a frame that was in flight when it paused.
        calls?.track(delivered);
      }
    }
    if (!stopped) raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  return {
    stop: () => finish(),
    get running() { return !stopped; },
    get inFlight() { return inFlight; },
  };
}
