// The heavy computations of the widgets, as messages: run inside a Web Worker
// (worker.mjs) or, where workers are unavailable, on the page thread. Images
// are sent once and cached by id; jobs name the image they use.
import { Viewport } from '../phase/plane.mjs';
import { streamlines } from '../phase/streamlines.mjs';

const images = new Map();

function timed(fn) {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function zeroMean(data) {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i];
  const mean = sum / data.length;
  return data.map((v) => v - mean);
}

/** Returns { result, transfer }. */
export function runJob(sc, job) {
  if (job.type === 'image') {
    images.clear(); // one image per widget at a time; keeps memory flat
    images.set(job.id, { data: job.data, w: job.w, h: job.h });
    return { result: { ok: true }, transfer: [] };
  }
  if (job.type === 'hopfieldCapacity') {
    // Recall rate against load (docs/hopfield.md, "Capacity experiment").
    const [r, ms] = timed(() => sc.hopfieldCapacity(job.options));
    return { result: { ...r, ms }, transfer: [r.recall.buffer, r.overlap.buffer] };
  }
  if (job.type === 'streamlines') {
    // <simcore-phase-plane>'s streamlines for one view (a plain object: cx, cy, span, w, h, yHalf).
    const v = job.view;
    const vp = new Viewport(v.cx, v.cy, v.span, v.w, v.h, v.yHalf);
    const [lines, ms] = timed(() => streamlines(sc, job.sys, vp, job.options));
    return { result: { lines, ms }, transfer: lines.flatMap((l) => [l.pts.buffer, l.speeds.buffer]) };
  }
  const img = images.get(job.imageId);
  if (!img) throw new Error(`no image ${job.imageId}`);
  if (job.type === 'filter') {
    const [r, ms] = timed(() => sc.gaborFilter(img.data, img.w, img.h, job.params));
    return {
      result: { real: r.real, imag: r.imag, magnitude: r.magnitude, ms, w: img.w, h: img.h },
      transfer: [r.real.buffer, r.imag.buffer, r.magnitude.buffer],
    };
  }
  if (job.type === 'bank') {
    // OpenCV-convention kernels are not zero-mean, so flat regions would get
    // an energy (and a random orientation) from the image's mean brightness
    // alone; the map is about orientation contrast, so remove the mean first.
    img.zeroMean ??= zeroMean(img.data);
    const [r, ms] = timed(() => sc.gaborBank(img.zeroMean, img.w, img.h, job.params));
    // The strongest orientation's energy per pixel: brightness of the map.
    const n = img.w * img.h;
    const strength = new Float32Array(n);
    for (const e of r.energy) for (let i = 0; i < n; i++) if (e[i] > strength[i]) strength[i] = e[i];
    return {
      result: { dominant: r.dominant, strength, ms, w: img.w, h: img.h },
      transfer: [r.dominant.buffer, strength.buffer],
    };
  }
  if (job.type === 'conv') return convJob(sc, img, job);
  throw new Error(`unknown job ${job.type}`);
}

// One 2-D convolution or correlation of the cached image (<simcore-conv>),
// timed, with what the engine did. A refusal by the binding (say, a kernel
// the options do not allow) is the engine's answer, not a failure of the
// lane: it comes back as `error`, with its name, for the widget to show.
function convJob(sc, img, job) {
  const { data, width, height } = job.kernel;
  const run = job.op === 'convolve' ? sc.convolve2d : sc.correlate2d;
  const options = { border: job.border, method: job.method, rankTol: job.rankTol };
  try {
    const [out, ms] = timed(() => run(img.data, img.w, img.h, data, width, height, options));
    return { result: { out, ms, info: { ...sc.lastConvolution() }, w: img.w, h: img.h }, transfer: [out.buffer] };
  } catch (err) {
    return { result: { error: `${err.name}: ${err.message}` }, transfer: [] };
  }
}
