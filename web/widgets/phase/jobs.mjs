// The phase area's worker jobs: <simcore-phase-plane>'s streamlines for one
// view (a plain object: cx, cy, span, w, h, yHalf), and <simcore-hh>'s
// experiment (hh-run.mjs: the 4-D model and Rinzel's reduction under a protocol).
import { timed } from '../shared/timed.mjs';
import { Viewport } from './plane.mjs';
import { streamlines } from './streamlines.mjs';
import { hhRun } from './hh-run.mjs';

export const JOBS = {
  streamlines(sc, job) {
    const v = job.view;
    const vp = new Viewport(v.cx, v.cy, v.span, v.w, v.h, v.yHalf);
    const [lines, ms] = timed(() => streamlines(sc, job.sys, vp, job.options));
    return { result: { lines, ms }, transfer: lines.flatMap((l) => [l.pts.buffer, l.speeds.buffer]) };
  },
  hh(sc, job) {
    const [run, ms] = timed(() => hhRun(sc, job.state));
    return { result: { ...run, ms }, transfer: [run.t.buffer, run.y.buffer, run.I.buffer, run.reduced.t.buffer, run.reduced.y.buffer] };
  },
};
