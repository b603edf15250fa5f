// The convolution benchmark (issue 2, "Performance"): the cases, the peers and
// the targets. Every peer computes the same thing: the 'same'-size
// correlation (cv.filter2D's convention) of one float32 image with one kernel,
// zeros outside the image. run.mjs times them interleaved and prints tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNative } from './peers.mjs';
import { uniform } from './report.mjs';

export const SIZES = [
  { n: 256, k: 15 },
  { n: 512, k: 31 },
  { n: 1024, k: 63 },
];
export const KERNELS = ['random', 'gabor'];

// Gabor parameters for a k x k kernel: gamma 0.5 makes the envelope 2 sigma
// wide across the carrier, so sigma = (k - 1) / 12 puts the kernel edge at
// 3 sigma / gamma (simcore's auto size); lambda = sigma / 0.56 is a
// one-octave bandwidth (docs/gabor.md). theta 0.6 rad is off-axis on purpose:
// at theta 0 the kernel is exactly rank 1.
export function gaborParams(k, theta = 0.6) {
  const sigma = (k - 1) / 12;
  return { sigma, theta, lambda: sigma / 0.56, gamma: 0.5, psi: 0, size: k };
}

// One case: image (uniform [0, 1)), the kernel and an alternative kernel of
// the same size (a new seed, or theta + 0.1) for the FFT warm-cache case.
export function makeCase({ n, k }, kernelKind, sc) {
  const image = uniform(n * n, 1000 + n);
  let kernel;
  let alt;
  if (kernelKind === 'gabor') {
    kernel = sc.gaborKernel(gaborParams(k)).data;
    alt = sc.gaborKernel(gaborParams(k, 0.7)).data;
  } else {
    kernel = uniform(k * k, 2000 + k, -1, 1);
    alt = uniform(k * k, 3000 + k, -1, 1);
  }
  return { name: `${n}x${n} * ${k}x${k} ${kernelKind}`, size: n, n, k, kernelKind, image, kernel, alt };
}

// Writes the case for the native executables (raw float32).
export function writeCaseFiles(c, dir) {
  const files = { image: join(dir, 'image.f32'), kernel: join(dir, 'kernel.f32'), alt: join(dir, 'alt.f32'), out: join(dir, 'out.f32') };
  writeFileSync(files.image, c.image);
  writeFileSync(files.kernel, c.kernel);
  writeFileSync(files.alt, c.alt);
  return files;
}

// Plain JavaScript, the fastest direct loops we could write: pad once (3
// spare columns on the right), then four outputs of a row at a time, each
// with its own accumulator, so the adds of one tap do not wait on each other
// and each kernel value is loaded once for four outputs (2-3x faster here than
// one output at a time, which is one long dependent chain of adds). The
// accumulators are JS numbers (float64) summed in the natural order, so this
// is also the reference.
export function correlateJS(img, w, h, k, kw, kh) {
  const ax = kw >> 1;
  const ay = kh >> 1;
  const pw = w + kw - 1 + 3;
  const pad = new Float32Array(pw * (h + kh - 1));
  for (let y = 0; y < h; y++) pad.set(img.subarray(y * w, (y + 1) * w), (y + ay) * pw + ax);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let j = 0; j < kh; j++) {
        const p = (y + j) * pw + x;
        const q = j * kw;
        for (let i = 0; i < kw; i++) {
          const kv = k[q + i], t = p + i;
          a0 += kv * pad[t];
          a1 += kv * pad[t + 1];
          a2 += kv * pad[t + 2];
          a3 += kv * pad[t + 3];
        }
      }
      const o = y * w + x;
      out[o] = a0;
      if (x + 1 < w) out[o + 1] = a1;
      if (x + 2 < w) out[o + 2] = a2;
      if (x + 3 < w) out[o + 3] = a3;
    }
  }
  return out;
}

function describeInfo(i) {
  if (!i) return '';
  let s = i.method;
  if (i.method === 'separable') s += ` rank ${i.rank}`;
  if (i.method === 'fft') s += i.fftWidth ? ` ${i.fftWidth}x${i.fftHeight}${i.cacheHit ? ' cache hit' : ''}` : ' (no FFT size reported)';
  return s;
}

// A JS-side peer: before() is untimed (cache clearing, warm-up of the cache),
// call() is timed and returns the output.
function jsSampler({ call, before, info }) {
  return {
    sample(inner) {
      const times = [];
      let out;
      for (let r = 0; r < inner; r++) {
        before?.();
        const t0 = performance.now();
        out = call();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { ms: times[times.length >> 1], out, info: info?.() ?? '' };
    },
  };
}

// cache 'cold': before each timed call, an untimed call with another kernel
// on a small other image, then clearCache(): the core may cache per image (the
// FFT spectrum) or per kernel (an SVD), and repeating one call would let it
// skip work no other peer can skip. 'warm': the untimed call uses another
// kernel on the same image, the case of a student dragging theta.
const METHOD_LIST = (kernelKind, build) => [
  { method: 'auto', what: 'auto', cache: 'cold' },
  ...(build === 'simd' ? [{ method: 'auto', what: 'auto warm', cache: 'warm' }] : []),
  { method: 'direct', what: 'direct', cache: 'cold' },
  // A random kernel is full rank: forcing the low-rank path on it is not a
  // meaningful case (min(kw, kh) rank-1 terms cost more than direct).
  ...(kernelKind === 'gabor' ? [{ method: 'separable', what: 'separable', cache: 'cold' }] : []),
  { method: 'fft', what: 'fft cold', cache: 'cold' },
  { method: 'fft', what: 'fft warm', cache: 'warm' },
];

const SMALL = 16;
const SMALL_IMAGE = Float32Array.from({ length: SMALL * SMALL }, (_, i) => (i % 7) / 7);
const CACHE_NOTE = {
  cold: 'before each call, untimed: a call with another kernel on a 16x16 image, then clearCache()',
  warm: 'before each call, untimed: a call with another kernel on the same image',
};

/**
 * All peers for one case. `required` peers always run (slow ones with fewer
 * samples): they are the baselines and the subjects of the targets. Optional
 * peers (forced methods) are skipped when a call would take too long.
 */
export function convPeers(c, libs, files) {
  const { n, k, image, kernel, alt } = c;
  const peers = [];

  peers.push({
    id: 'js', group: 'JS', label: 'plain JS loops (direct)', required: true,
    timed: 'pad + direct correlation, four outputs per pass, Float32Array in and out',
    prepare: () => jsSampler({ call: () => correlateJS(image, n, n, kernel, k, k) }),
  });

  if (libs.cv) {
    const cv = libs.cv;
    // Each OpenCV.js peer owns its Mats, so skipping one cannot free the other's.
    const mats = () => {
      const src = new cv.Mat(n, n, cv.CV_32F);
      src.data32F.set(image);
      const kmat = new cv.Mat(k, k, cv.CV_32F);
      kmat.data32F.set(kernel);
      const dst = new cv.Mat();
      const anchor = new cv.Point(-1, -1);
      return {
        src,
        dst,
        filter: () => cv.filter2D(src, dst, cv.CV_32F, kmat, anchor, 0, cv.BORDER_CONSTANT),
        dispose: () => [src, kmat, dst].forEach((m) => m.isDeleted() || m.delete()),
      };
    };
    peers.push({
      id: 'opencv', group: 'OpenCV.js', label: 'OpenCV.js filter2D', required: true,
      timed: 'cv.filter2D only; Mats allocated and filled before timing (opencv-copy adds the copies)',
      prepare: () => {
        const m = mats();
        // Returns a view of dst; the harness copies it outside the timing.
        return { ...jsSampler({ call: () => (m.filter(), m.dst.data32F) }), dispose: m.dispose };
      },
    });
    peers.push({
      id: 'opencv-copy', group: 'OpenCV.js', label: 'OpenCV.js filter2D + copy in/out', required: false,
      timed: 'copy image into the src Mat + cv.filter2D + copy dst out to a new Float32Array',
      prepare: () => {
        const m = mats();
        const call = () => {
          m.src.data32F.set(image);
          m.filter();
          return m.dst.data32F.slice();
        };
        return { ...jsSampler({ call }), dispose: m.dispose };
      },
    });
  }

  if (libs.tf) {
    const tf = libs.tf;
    peers.push({
      id: 'tf', group: 'TF.js', label: 'TF.js wasm conv2d', required: true,
      timed: 'tensor4d(image) + tensor4d(kernel) + conv2d(same) + dataSync + dispose',
      prepare: () => jsSampler({
        call: () => {
          const x = tf.tensor4d(image, [1, n, n, 1]);
          const w = tf.tensor4d(kernel, [k, k, 1, 1]);
          const y = tf.conv2d(x, w, 1, 'same');
          const out = y.dataSync();
          tf.dispose([x, w, y]);
          return out;
        },
      }),
    });
  }

  for (const build of ['scalar', 'simd']) {
    const sc = libs.simcore[build]?.sc;
    if (!sc) continue;
    for (const m of METHOD_LIST(c.kernelKind, build)) {
      const opts = { border: 'constant', method: m.method };
      peers.push({
        id: `wasm-${build}-${m.what.replace(' ', '-')}`, group: `simcore wasm ${build}`,
        label: `simcore wasm ${build} ${m.what}`,
        required: (m.method === 'auto' && m.cache === 'cold') || (build === 'simd' && m.method === 'direct'),
        timed: `sc.correlate2d (checks, copy in, core, copy out); ${CACHE_NOTE[m.cache]}`,
        prepare: () => jsSampler({
          before: m.cache === 'warm' ? () => sc.correlate2d(image, n, n, alt, k, k, opts) : () => {
            sc.correlate2d(SMALL_IMAGE, SMALL, SMALL, alt, k, k, opts);
            sc.clearCache();
          },
          call: () => sc.correlate2d(image, n, n, kernel, k, k, opts),
          info: () => describeInfo(sc.lastConvolution()),
        }),
      });
    }
  }

  for (const build of ['scalar', 'simd']) {
    const nat = libs.native[build];
    if (!nat?.bin) continue;
    const variants = libs.variants ? nat.info.variants.map((v) => ({ method: `variant:${v}`, what: `kernel ${v} only` })) : [];
    for (const m of [...METHOD_LIST(c.kernelKind, build), ...variants]) {
      const base = ['--image', files.image, '--width', String(n), '--height', String(n), '--kernel', files.kernel,
        '--alt-kernel', files.alt, '--kw', String(k), '--kh', String(k), '--method', m.method];
      if (m.cache) base.push('--cache', m.cache);
      peers.push({
        id: `native-${build}-${m.what.replace(/ /g, '-')}`, group: `native ${build}`, label: `native C ${build} ${m.what}`,
        required: (m.method === 'auto' && m.cache === 'cold') || (build === 'simd' && m.method === 'direct'),
        native: true,
        timed: m.method.startsWith('variant:')
          ? 'measured in-process in C (clock_gettime) around the inner direct kernel on an image padded beforehand'
          : 'measured in-process in C (clock_gettime) around sc_conv2d (checks, padding, scratch, method); ' +
            `process start and file I/O excluded; ${CACHE_NOTE[m.cache].replace('clearCache()', 'sc_conv_cache_clear()')}`,
        prepare: () => ({
          sample(inner, withOut, warmup) {
            const args = [...base, '--reps', String(inner), '--warmup', String(warmup)];
            if (withOut) args.push('--out', files.out);
            const r = runNative(nat.bin, args);
            return {
              ms: r.median_ms,
              out: withOut ? new Float32Array(readFileSync(files.out).buffer.slice(0)) : null,
              info: describeInfo({
                method: r.used, rank: r.rank, fftWidth: r.fft_width, fftHeight: r.fft_height, cacheHit: r.cache_hit === 1,
              }),
            };
          },
        }),
      });
    }
  }
  return peers;
}

// The targets. speedup(a, b) = time(b) / time(a).
export const TARGETS = [
  { id: 'vs-js', subject: 'wasm-simd-auto', peer: 'js', min: 10, label: 'simcore SIMD auto vs plain JS' },
  { id: 'vs-opencv', subject: 'wasm-simd-auto', peer: 'opencv', min: 2, label: 'simcore SIMD auto vs OpenCV.js filter2D' },
  { id: 'vs-tf', subject: 'wasm-simd-auto', peer: 'tf', min: 5, label: 'simcore SIMD auto vs TF.js wasm' },
  { id: 'vs-native', subject: 'wasm-simd-direct', peer: 'native-simd-direct', min: 0.75, label: 'wasm SIMD direct vs native C SIMD direct' },
];
