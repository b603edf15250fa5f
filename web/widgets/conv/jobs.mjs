// <simcore-conv>'s worker job: one 2-D convolution or correlation of the
// cached image, timed, with what the engine did. A refusal by the binding
// (say, a kernel the options do not allow) is the engine's answer, not a
// failure of the lane: it comes back as `error`, with its name, for the
// widget to show.
import { timed } from '../shared/timed.mjs';

export const JOBS = {
  conv(sc, job, ctx) {
    const img = ctx.image(job.imageId);
    const { data, width, height } = job.kernel;
    const run = job.op === 'convolve' ? sc.convolve2d : sc.correlate2d;
    const options = { border: job.border, method: job.method, rankTol: job.rankTol };
    try {
      const [out, ms] = timed(() => run(img.data, img.w, img.h, data, width, height, options));
      return { result: { out, ms, info: { ...sc.lastConvolution() }, w: img.w, h: img.h }, transfer: [out.buffer] };
    } catch (err) {
      return { result: { error: `${err.name}: ${err.message}` }, transfer: [] };
    }
  },
};
