// Web Worker body (bundled by tools/build-web.mjs into a string and started
// from a blob: URL, which works from file://). The page sends the wasm bytes,
// so the bundle embeds them once.
import { loadSimcore } from '../../../bindings/simcore.mjs';
import { runJob } from './jobs.mjs';

let sc = null;

self.onmessage = async (e) => {
  const { seq, job } = e.data;
  try {
    if (job.type === 'init') {
      sc = await loadSimcore({ simd: job.simd, wasm: job.bytes });
      self.postMessage({ seq, result: { simd: sc.simd, version: sc.version } });
      return;
    }
    const { result, transfer } = runJob(sc, job);
    self.postMessage({ seq, result }, transfer);
  } catch (err) {
    // The name travels too, so the page rethrows the same TypeError/RangeError/Error.
    self.postMessage({ seq, error: String(err?.message ?? err), errorName: String(err?.name ?? 'Error') });
  }
};
