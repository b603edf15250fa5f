// <simcore-gabor>'s worker jobs: one filter response, and the orientation bank.
import { timed } from '../shared/timed.mjs';

function zeroMean(data) {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i];
  const mean = sum / data.length;
  return data.map((v) => v - mean);
}

export const JOBS = {
  filter(sc, job, ctx) {
    const img = ctx.image(job.imageId);
    const [r, ms] = timed(() => sc.gaborFilter(img.data, img.w, img.h, job.params));
    return {
      result: { real: r.real, imag: r.imag, magnitude: r.magnitude, ms, w: img.w, h: img.h },
      transfer: [r.real.buffer, r.imag.buffer, r.magnitude.buffer],
    };
  },
  bank(sc, job, ctx) {
    const img = ctx.image(job.imageId);
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
  },
};
