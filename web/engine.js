// The convolution engine playground (engine.html). Owns no numerics: images
// and small kernels come from lib/, Gabor kernels and every convolution from
// the core through the binding. Updates are coalesced with
// requestAnimationFrame: inputs only mark what changed, and one frame runs at
// most one convolution with the latest state.
(function () {
  'use strict';
  const { images, colormap, kernels } = globalThis.simcoreWeb;
  const $ = (id) => document.getElementById(id);
  const app = $('app');

  const TIMING_WINDOW = 7; // median over the last calls with the same configuration

  const state = {
    builds: {}, // 'simd' | 'scalar' -> loaded instance
    image: null, // { key, n, data }
    kernel: null, // { key, width, height, data }
    randomSeed: 1,
    timings: [],
    timingKey: '',
    renders: 0,
    frame: 0,
  };

  const radio = (name) => document.querySelector(`input[name="${name}"]:checked`).value;
  const num = (id) => Number($(id).value);

  function settings() {
    return {
      image: $('image').value,
      size: num('size'),
      kernelType: $('kernel-type').value,
      theta: num('theta'),
      lambda: num('lambda'),
      sigma: num('sigma'),
      gamma: num('gamma'),
      psi: num('psi'),
      gaussSigma: num('g-sigma'),
      ksize: num('ksize'),
      autoSize: $('auto-size').checked,
      border: $('border').value,
      method: $('method').value,
      build: radio('build'),
      op: radio('op'),
    };
  }

  // --- slider labels and which controls belong to which kernel ---------------

  const FORMAT = {
    theta: (v) => `${v}°`,
    lambda: (v) => `${v} px`,
    sigma: (v) => `${v} px`,
    gamma: (v) => v.toFixed(2),
    psi: (v) => `${v}°`,
    'g-sigma': (v) => `${v} px`,
    ksize: (v) => `${v} px`,
  };

  function syncControls(s) {
    for (const el of document.querySelectorAll('[data-kernels]')) {
      el.hidden = !el.dataset.kernels.split(' ').includes(s.kernelType);
    }
    const ksize = $('ksize');
    ksize.disabled = s.kernelType === 'gabor' && s.autoSize;
    // Even sizes are allowed (the anchor rounds down) except where the
    // kernel's formula is centred on a pixel.
    ksize.step = s.kernelType === 'gabor' ? 2 : 1;
    for (const out of document.querySelectorAll('output[for]')) {
      const id = out.htmlFor.value;
      out.textContent = FORMAT[id](Number($(id).value));
    }
  }

  // --- the pieces of a frame -----------------------------------------------

  function currentImage(s) {
    const key = `${s.image}@${s.size}`;
    if (state.image?.key !== key) {
      state.image = { key, n: s.size, data: images.generate(s.image, s.size) };
      colormap.draw($('input'), state.image.data, s.size, s.size, { map: 'gray', min: 0, max: 1 });
    }
    return state.image;
  }

  function makeKernel(sc, s) {
    switch (s.kernelType) {
      case 'gabor': {
        const p = {
          sigma: s.sigma, theta: (s.theta * Math.PI) / 180, lambda: s.lambda, gamma: s.gamma,
          psi: (s.psi * Math.PI) / 180,
        };
        if (!s.autoSize) p.size = s.ksize;
        return sc.gaborKernel(p);
      }
      case 'gaussian': return kernels.gaussian(s.gaussSigma);
      case 'box': return kernels.box(s.ksize);
      case 'sobel-x': return kernels.sobelX();
      case 'random': return kernels.random(s.ksize, state.randomSeed);
      default: throw new RangeError(`unknown kernel '${s.kernelType}'`);
    }
  }

  function currentKernel(sc, s) {
    const key = JSON.stringify([s.kernelType, s.theta, s.lambda, s.sigma, s.gamma, s.psi, s.gaussSigma,
      s.kernelType === 'gabor' && s.autoSize ? 0 : s.ksize, s.autoSize, state.randomSeed]);
    if (state.kernel?.key !== key) {
      const k = makeKernel(sc, s);
      state.kernel = { key, ...k };
      const r = colormap.range(k.data);
      const m = r.absMax || 1;
      colormap.draw($('kernel'), k.data, k.width, k.height, { map: 'diverging', min: -m, max: m });
      $('kernel-size').textContent = `${k.width} × ${k.height}`;
      $('kernel-min').textContent = fmt(-m);
      $('kernel-max').textContent = fmt(m);
    }
    return state.kernel;
  }

  function fmt(v) {
    if (v === 0) return '0';
    const a = Math.abs(v);
    if (a >= 100 || a < 0.01) return v.toExponential(1);
    return v.toPrecision(2);
  }

  function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  function timeText(ms) {
    return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
  }

  function showError(message) {
    const el = $('error');
    el.hidden = !message;
    el.textContent = message || '';
  }

  function render() {
    state.frame = 0;
    const s = settings();
    syncControls(s);
    const sc = state.builds[s.build];
    try {
      const img = currentImage(s);
      const k = currentKernel(sc, s);
      if (s.kernelType === 'gabor' && s.autoSize) {
        // Show the size the core chose; unticking "auto" starts from it.
        $('ksize').value = String(k.width);
        document.querySelector('output[for="ksize"]').textContent = `${k.width} px`;
      }
      const run = s.op === 'convolve' ? sc.convolve2d : sc.correlate2d;
      const t0 = performance.now();
      const out = run(img.data, img.n, img.n, k.data, k.width, k.height, { border: s.border, method: s.method });
      const ms = performance.now() - t0;
      const info = sc.lastConvolution();

      // Timings of different regimes do not mix: start a new window when
      // anything but the kernel's values changes.
      const timingKey = [s.build, s.method, info.method, img.n, k.width, k.height, s.border, s.op].join();
      if (timingKey !== state.timingKey) { state.timings = []; state.timingKey = timingKey; }
      state.timings.push(ms);
      if (state.timings.length > TIMING_WINDOW) state.timings.shift();

      const scale = colormap.autoScale(out);
      colormap.draw($('output'), out, img.n, img.n, scale);
      $('output-legend').dataset.map = scale.map;
      $('out-min').textContent = fmt(scale.min);
      $('out-max').textContent = fmt(scale.max);

      $('time').textContent = `${timeText(median(state.timings))} (median of ${state.timings.length})`;
      $('method-used').textContent = info.method;
      $('rank').textContent = info.method === 'separable' ? String(info.rank) : '–';
      $('fft-size').textContent = info.method === 'fft' && info.fftWidth ? `${info.fftWidth} × ${info.fftHeight}` : '–';
      $('cache').textContent = info.method === 'fft' ? (info.cacheHit ? 'hit (image spectrum reused)' : 'miss') : '–';
      showError('');
    } catch (e) {
      // Bad combinations (say, method 'separable' forced on a kernel that is
      // not) are the engine's answer, not a page bug: show them.
      showError(`${e.name}: ${e.message}`);
      $('method-used').textContent = '–';
    }
    state.renders++;
    app.dataset.renders = String(state.renders);
    app.dataset.state = 'ready';
  }

  // data-state on #app: 'pending' while a frame is scheduled, 'ready' when
  // the canvases show the current controls (tests wait on it).
  function schedule() {
    app.dataset.state = 'pending';
    if (!state.frame) state.frame = requestAnimationFrame(render);
  }

  function showStatus() {
    const sc = state.builds[radio('build')];
    const simdOk = state.builds.simd.simd;
    $('status').textContent = `simcore ${sc.version} · ${sc.simd ? 'SIMD active (WebAssembly SIMD128)'
      : simdOk ? 'scalar build (SIMD off)' : 'scalar build: this browser has no WebAssembly SIMD'}`;
  }

  async function start() {
    for (const [id, label] of images.list) {
      const o = document.createElement('option');
      o.value = id;
      o.textContent = label;
      $('image').append(o);
    }
    $('image').value = 'siemens';
    syncControls(settings());
    try {
      // Two instances, so switching builds is instant and each keeps its own cache.
      const [simd, scalar] = await Promise.all([
        simcore.loadSimcore({ simd: true }), simcore.loadSimcore({ simd: false }),
      ]);
      state.builds = { simd, scalar };
    } catch (e) {
      $('status').textContent = `could not load simcore: ${e.message}`;
      app.dataset.state = 'failed';
      throw e;
    }
    if (!state.builds.simd.simd) {
      // The SIMD radio would load the scalar build anyway: say so instead.
      const simdRadio = document.querySelector('input[name="build"][value="simd"]');
      simdRadio.disabled = true;
      document.querySelector('input[name="build"][value="scalar"]').checked = true;
    }
    $('reroll').addEventListener('click', () => { state.randomSeed++; schedule(); });
    document.addEventListener('input', schedule);
    document.addEventListener('change', () => { showStatus(); schedule(); });
    showStatus();
    render();
  }

  start();
})();
