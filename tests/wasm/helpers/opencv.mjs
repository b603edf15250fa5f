// OpenCV.js (@techstark/opencv-js, the official 4.10 build) as an independent
// reference in Node. The package is an Emscripten UMD bundle: require() it
// through createRequire and wait for Module.then. Two traps:
//  - Module.then(cb) returns the module itself, which is a thenable, so
//    resolving a promise with it (or returning it from an async function)
//    re-adopts it forever: everything here passes { cv } instead.
//  - it installs process-wide 'uncaughtException'/'unhandledRejection'
//    handlers that rethrow or abort (printing its 10 MB source line); remove
//    them so node:test reports failures normally.
import { createRequire } from 'node:module';

let loading = null;

// Resolves to { cv } (a wrapper: see above). Usage: const { cv } = await loadOpenCV();
export function loadOpenCV() {
  loading ??= (async () => {
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    const mod = createRequire(import.meta.url)('@techstark/opencv-js');
    const { cv } = await new Promise((resolve) => mod.then((m) => resolve({ cv: m })));
    for (const [event, kept] of Object.entries(before)) {
      for (const l of process.listeners(event)) if (!kept.includes(l)) process.off(event, l);
    }
    return { cv };
  })();
  return loading;
}

// Our border names -> OpenCV constants. filter2D has no BORDER_WRAP.
export function cvBorder(cv, border) {
  return {
    constant: cv.BORDER_CONSTANT,
    replicate: cv.BORDER_REPLICATE,
    reflect: cv.BORDER_REFLECT,
    reflect101: cv.BORDER_REFLECT_101,
  }[border];
}

function withMats(cv, fn) {
  const mats = [];
  const track = (m) => (mats.push(m), m);
  try {
    return fn(track);
  } finally {
    for (const m of mats) m.delete();
  }
}

// cv.filter2D(image, kernel, anchor (-1,-1), delta 0, border) in float64,
// so the reference itself adds no float32 rounding. flip: filter with
// cv.flip(kernel, -1), i.e. convolution.
export function filter2D(cv, image, width, height, kernel, kw, kh, border, { flip = false } = {}) {
  return withMats(cv, (track) => {
    const src = track(cv.matFromArray(height, width, cv.CV_64F, Array.from(image)));
    let k = track(cv.matFromArray(kh, kw, cv.CV_64F, Array.from(kernel)));
    if (flip) {
      const f = track(new cv.Mat());
      cv.flip(k, f, -1);
      k = f;
    }
    const dst = track(new cv.Mat());
    cv.filter2D(src, dst, cv.CV_64F, k, new cv.Point(-1, -1), 0, cvBorder(cv, border));
    return Float64Array.from(dst.data64F);
  });
}

// The prebuilt opencv.js does not export getGaborKernel, so this is a line-
// by-line transcription of cv::getGaborKernel (modules/imgproc/src/gabor.cpp,
// 4.x) for explicit sizes, CV_64F: the reference the C core claims to match.
export function getGaborKernel(width, height, sigma, theta, lambd, gamma, psi) {
  const sigmaX = sigma, sigmaY = sigma / gamma;
  const c = Math.cos(theta), s = Math.sin(theta);
  const xmax = Math.trunc(width / 2), ymax = Math.trunc(height / 2);
  const cols = 2 * xmax + 1, rows = 2 * ymax + 1;
  const out = new Float64Array(rows * cols);
  const ex = -0.5 / (sigmaX * sigmaX), ey = -0.5 / (sigmaY * sigmaY);
  const cscale = (Math.PI * 2) / lambd;
  for (let y = -ymax; y <= ymax; y++) {
    for (let x = -xmax; x <= xmax; x++) {
      const xr = x * c + y * s, yr = -x * s + y * c;
      out[(ymax - y) * cols + (xmax - x)] = Math.exp(ex * xr * xr + ey * yr * yr) * Math.cos(cscale * xr + psi);
    }
  }
  return { width: cols, height: rows, data: out };
}
