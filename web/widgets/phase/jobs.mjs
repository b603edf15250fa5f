// The phase area's worker job: <simcore-phase-plane>'s streamlines for one
// view (a plain object: cx, cy, span, w, h, yHalf).
import { timed } from '../shared/timed.mjs';
import { Viewport } from './plane.mjs';
import { streamlines } from './streamlines.mjs';

export const JOBS = {
  streamlines(sc, job) {
    const v = job.view;
    const vp = new Viewport(v.cx, v.cy, v.span, v.w, v.h, v.yHalf);
    const [lines, ms] = timed(() => streamlines(sc, job.sys, vp, job.options));
    return { result: { lines, ms }, transfer: lines.flatMap((l) => [l.pts.buffer, l.speeds.buffer]) };
  },
};
