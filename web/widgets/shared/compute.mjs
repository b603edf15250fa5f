// Where the heavy work runs. A compute lane is one Web Worker (from a blob:
// URL, so it works from file://) holding its own wasm instance; a slider drag
// never waits for it. Requests on a channel are "latest wins": while a job
// runs, newer requests replace the queued one, so the worker never falls
// behind the slider. Without Worker support the same jobs run on the page
// thread, one per task, still latest-wins.
import { loadSimcore } from '../../../bindings/simcore.mjs';
import { wasmBytes } from '../../../bindings/core/wasm-source.mjs';
import workerSource from 'virtual:worker-source';
import { runJob } from './jobs.mjs';
import { Superseded } from './channel.mjs';

export { Channel, Superseded } from './channel.mjs';

let workerUrl = null;

// A worker's error as the page sees it: the same class (TypeError, RangeError,
// Error) and message as where it was thrown.
const ERROR_CLASSES = { TypeError, RangeError, Error };
function rebuildError(name, message) {
  const Cls = Object.hasOwn(ERROR_CLASSES, name) ? ERROR_CLASSES[name] : Error;
  const err = new Cls(message);
  if (err.name !== name) err.name = name;
  return err;
}

function startWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

/** A worker-backed (or inline) executor with sequence-numbered messages. */
class Lane {
  constructor(simd, inline) {
    this.simd = simd;
    this.inline = inline;
    this.seq = 0;
    this.waiting = new Map();
    this.lostListeners = new Set(); // sessions.mjs: told when the worker dies or the lane ends
    this.ready = this.start();
  }

  async start() {
    const bytes = await wasmBytes(this.simd ? 'simd' : 'scalar');
    try {
      this.worker = this.inline ? null : startWorker();
    } catch {
      this.worker = null; // e.g. a Content-Security-Policy without blob: workers
    }
    if (this.worker) {
      try {
        return await this.startWorker(bytes);
      } catch {
        // A worker that cannot start (a Content-Security-Policy may forbid
        // blob: workers or wasm in workers) leaves the page thread.
        this.worker.terminate();
        this.worker = null;
      }
    }
    this.sc = await loadSimcore({ simd: this.simd, wasm: bytes });
    return { simd: this.sc.simd, version: this.sc.version };
  }

  startWorker(bytes) {
    this.worker.onmessage = (e) => {
      const { seq, result, error, errorName } = e.data;
      const w = this.waiting.get(seq);
      this.waiting.delete(seq);
      if (error !== undefined) w?.reject(rebuildError(errorName ?? 'Error', error));
      else w?.resolve(result);
    };
    this.worker.onerror = (e) => {
      const err = new Error(e.message || 'worker failed');
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
      this.lose(err);
    };
    return this.rawPost({ type: 'init', simd: this.simd, bytes });
  }

  /** The image later jobs refer to by id; sent (copied) to the worker once, lazily. */
  setImage(id, data, w, h) {
    this.image = { type: 'image', id, data, w, h };
  }

  post(job, transfer = []) {
    if (job.imageId !== undefined && this.image && this.sentImage !== this.image.id) {
      if (this.image.id !== job.imageId) return Promise.reject(new Superseded());
      this.sentImage = this.image.id;
      this.rawPost(this.image).catch(() => {});
    }
    return this.rawPost(job, transfer);
  }

  rawPost(job, transfer = []) {
    if (!this.worker) {
      return new Promise((resolve, reject) => setTimeout(() => {
        try {
          resolve(runJob(this.sc, job).result);
        } catch (err) {
          reject(err);
        }
      }, 0));
    }
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, job }, transfer);
    });
  }

  get where() {
    return this.worker ? 'worker' : 'inline';
  }

  /** Calls fn(err) once when the lane's worker dies or the lane is terminated; returns the unsubscriber. */
  onLost(fn) {
    if (this.lostError) {
      queueMicrotask(() => fn(this.lostError));
      return () => {};
    }
    this.lostListeners.add(fn);
    return () => this.lostListeners.delete(fn);
  }

  lose(err) {
    if (this.lostError) return;
    this.lostError = err;
    const fns = [...this.lostListeners];
    this.lostListeners.clear();
    for (const fn of fns) fn(err);
  }

  terminate() {
    this.worker?.terminate();
    for (const w of this.waiting.values()) w.reject(new Superseded());
    this.waiting.clear();
    this.lose(new Error('the compute lane was terminated'));
  }
}

export function createLane(simd, { inline = false } = {}) {
  return new Lane(simd, inline);
}
