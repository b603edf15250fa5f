// The worker side of stateful sessions (sessions.mjs is the page side). An
// area declares session kinds in <area>/sessions.mjs,
//   export const SESSIONS = { kind: { create(sc, params), step(state, args),
//                                     snapshot(state), dispose(state) } }
// (the contract: sessions.d.ts); the build gathers them per area
// (virtual:area-sessions, tools/build-web.mjs). The live sessions of one
// wasm instance are kept here by id; the same code runs inside a worker and,
// where workers are unavailable, on the page thread (jobs.mjs routes the
// session.* messages here in both cases).
import AREA_SESSIONS from 'virtual:area-sessions';

const live = new Map(); // id -> { kind, state }

function kindOf(area, kind) {
  const table = Object.hasOwn(AREA_SESSIONS, area) ? AREA_SESSIONS[area] : null;
  const k = table && Object.hasOwn(table, kind) ? table[kind] : null;
  if (!k) throw new Error(`openSession: no session kind ${area}.${kind} in this build`);
  return k;
}

function session(id, method) {
  const s = live.get(id);
  if (!s) throw new Error(`session.${method}: this session was disposed`);
  return s;
}

/** Normalises a kind's answer: a plain value or { frame, transfer }. */
function reply(out) {
  if (out && typeof out === 'object' && Object.hasOwn(out, 'frame')) return { result: out.frame, transfer: out.transfer ?? [] };
  return { result: out, transfer: [] };
}

/** One session.* message; returns { result, transfer } like a job. */
export function runSessionJob(sc, job) {
  switch (job.type) {
    case 'session.open': {
      if (live.has(job.id)) throw new Error(`openSession: session ${job.id} already open`);
      const kind = kindOf(job.area, job.kind);
      const state = kind.create(sc, job.params);
      live.set(job.id, { kind, state });
      return { result: { ok: true }, transfer: [] };
    }
    case 'session.step': {
      const s = session(job.id, 'step');
      return reply(s.kind.step(s.state, job.args));
    }
    case 'session.snapshot': {
      const s = session(job.id, 'snapshot');
      return reply(s.kind.snapshot ? s.kind.snapshot(s.state) : null);
    }
    case 'session.dispose': {
      const s = live.get(job.id);
      if (!s) return { result: { ok: true }, transfer: [] }; // idempotent
      live.delete(job.id);
      s.kind.dispose?.(s.state);
      return { result: { ok: true }, transfer: [] };
    }
    default:
      throw new Error(`unknown job ${job.type}`);
  }
}

/** Sessions open in this instance (tests and leak checks). */
export function liveSessions() {
  return live.size;
}
