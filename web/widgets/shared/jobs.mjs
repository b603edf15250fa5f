// The heavy computations of the widgets, as messages: run inside a Web Worker
// (worker.mjs) or, where workers are unavailable, on the page thread. Each
// area adds its job types in <area>/jobs.mjs, `export const JOBS = { type:
// (sc, job, ctx) => ({ result, transfer }) }`; the build gathers the areas a
// bundle carries (areas.mjs, tools/build-web.mjs). Images are sent once and
// cached by id; jobs name the image they use and read it with ctx.image(id).
// Stateful sessions (open/step/snapshot/dispose) travel as session.* jobs.
import AREA_JOBS from 'virtual:area-jobs';
import { runSessionJob } from './session-host.mjs';

const images = new Map();
const ctx = {
  image(id) {
    const img = images.get(id);
    if (!img) throw new Error(`no image ${id}`);
    return img;
  },
};

/** Returns { result, transfer }. */
export function runJob(sc, job) {
  if (job.type === 'image') {
    images.clear(); // one image per widget at a time; keeps memory flat
    images.set(job.id, { data: job.data, w: job.w, h: job.h });
    return { result: { ok: true }, transfer: [] };
  }
  if (job.type.startsWith('session.')) return runSessionJob(sc, job); // stateful sessions (sessions.mjs)
  const run = Object.hasOwn(AREA_JOBS, job.type) ? AREA_JOBS[job.type] : null;
  if (!run) throw new Error(`unknown job ${job.type}`);
  return run(sc, job, ctx);
}
