// Loading the peers the benchmark compares against, in one Node 20 process:
// OpenCV.js, TensorFlow.js (wasm backend), both simcore wasm builds and the
// native bench executables. Each loader returns null plus a reason instead of
// throwing, so a missing peer shows up as "unavailable" in the tables.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSimcore } from '../../bindings/simcore.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(ROOT, 'package.json'));

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return '?';
  }
}

// @techstark/opencv-js is an Emscripten UMD build (SINGLE_FILE: the wasm is
// embedded as base64). require() returns the Module object before its
// runtime is ready. That object has a then() that resolves with itself, so
// `await cv` never settles (the promise keeps adopting the same thenable);
// wait for onRuntimeInitialized instead.
export async function loadOpenCV() {
  try {
    const cv = require('@techstark/opencv-js');
    if (typeof cv.Mat !== 'function') {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('runtime not initialised after 60 s')), 60000);
        cv.onRuntimeInitialized = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const build = cv.getBuildInformation();
    const parallel = /Parallel framework:\s*(.*)/.exec(build)?.[1]?.trim() ?? '?';
    const threads = /USE_PTHREADS=(\d)/.exec(build)?.[1] === '1' ? 'pthreads' : 'no pthreads';
    const simd = /-msimd128/.test(build) ? 'SIMD128' : 'no SIMD128';
    return {
      cv,
      about: `@techstark/opencv-js ${packageVersion('@techstark/opencv-js')} ` +
        `(OpenCV ${cv.getBuildInformation().match(/Version control:\s*(\S+)/)?.[1] ?? '?'}; ${simd}, ${threads}, parallel: ${parallel})`,
    };
  } catch (e) {
    return { cv: null, about: `unavailable: ${e.message}` };
  }
}

// TF.js wasm: the backend's Node entry (CommonJS) with the .wasm files read
// from the package's dist/ on disk (Emscripten uses fs in Node; no network).
// In Node the backend never picks the threaded build (flags_wasm.js disables
// multithreading under IS_NODE), so it runs tfjs-backend-wasm-simd.wasm
// when the engine has SIMD128.
export async function loadTF() {
  try {
    const tf = require('@tensorflow/tfjs-core');
    const wasm = require('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/');
    if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
    await tf.ready();
    if (tf.getBackend() !== 'wasm') throw new Error(`backend is ${tf.getBackend()}, not wasm`);
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    const file = simd && mt ? 'tfjs-backend-wasm-threaded-simd.wasm' : simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
    return {
      tf,
      about: `@tensorflow/tfjs-core ${tf.version_core} + tfjs-backend-wasm ${packageVersion('@tensorflow/tfjs-backend-wasm')} ` +
        `(backend ${tf.getBackend()}, ${file}, SIMD ${simd ? 'yes' : 'no'}, threads ${mt ? wasm.getThreadsCount() : 'no (1)'})`,
    };
  } catch (e) {
    return { tf: null, about: `unavailable: ${e.message ?? e}` };
  }
}

export async function loadSimcoreBuilds() {
  const out = {};
  for (const [name, simd] of [['scalar', false], ['simd', true]]) {
    try {
      const sc = await loadSimcore({ simd });
      if (sc.simd !== simd) throw new Error(`asked for simd: ${simd}, got sc.simd = ${sc.simd}`);
      out[name] = { sc, about: `simcore ${sc.version} wasm ${name} (dist/wasm/simcore-${name}.wasm)` };
    } catch (e) {
      out[name] = { sc: null, about: `unavailable: ${e.message}` };
    }
  }
  return out;
}

// build/native (SIMD through SIMDe -> SSE2, 4 lanes like SIMD128) and
// build/native-scalar (no vectorisation), both from `make build`.
export function loadNative() {
  const out = {};
  for (const [name, dir] of [['scalar', 'native-scalar'], ['simd', 'native']]) {
    const bin = join(ROOT, 'build', dir, 'bench_conv');
    if (!existsSync(bin)) {
      out[name] = { bin: null, about: `unavailable: ${join('build', dir, 'bench_conv')} missing (run make build)` };
      continue;
    }
    const r = spawnSync(bin, ['--info'], { encoding: 'utf8' });
    try {
      const info = JSON.parse(r.stdout);
      out[name] = {
        bin,
        info,
        about: `simcore ${info.version} native ${name} (${join('build', dir)}, ${info.compiler}, Release -O3; ` +
          `direct variants: ${info.variants.join(', ')})`,
      };
    } catch {
      out[name] = { bin: null, about: `unavailable: ${bin} --info failed: ${r.stderr || r.error}` };
    }
  }
  return out;
}

export function runNative(bin, args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench_conv ${args.join(' ')}: ${r.stderr || r.error || 'exit ' + r.status}`);
  return JSON.parse(r.stdout);
}
