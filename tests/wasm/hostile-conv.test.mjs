// Hostile and random arguments to the convolution and Gabor functions of
// the binding, on both wasm builds (the property: helpers/hostile.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore, BORDERS, METHODS } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';
import { correlateRef, flip, maxRelErr } from './helpers/reference.mjs';
import { getGaborKernel } from './helpers/opencv.mjs';
import { gaborParams } from './helpers/gabor-params.mjs';


function convSpec(fn, convolve) {
  return {
    fn,
    names: ['image', 'width', 'height', 'kernel', 'kernel width', 'kernel height', 'options', 'border', 'method', 'rankTol', 'option'],
    slots: [
      { index: 0, kind: 'array', names: ['image'] }, { index: 1, names: ['width'] }, { index: 2, names: ['height'] },
      { index: 3, kind: 'array', names: ['kernel'] }, { index: 4, names: ['kernel width'] }, { index: 5, names: ['kernel height'] },
      { index: 6, kind: 'object', names: ['options'] },
    ],
    make(r) {
      const w = r.int(1, 9), h = r.int(1, 9), kw = r.int(1, 5), kh = r.int(1, 5);
      const options = { border: r.pick(BORDERS), method: r.pick(METHODS) };
      if (r.bool()) options.rankTol = r.pick([0, 1e-3]);
      return { args: [r.floats(w * h), w, h, r.floats(kw * kh), kw, kh, options] };
    },
    call: (sc, a) => sc[fn](...a),
    verify(out, valid, where, a) {
      const [image, w, h, kernel, kw, kh, o] = a;
      assert.ok(out instanceof Float32Array && out.length === w * h, `${where} output shape`);
      assertFinite(out, 'out', where);
      const k = numbers(kernel);
      const { out: want, scale } = correlateRef(numbers(image), w, h, convolve ? flip(k) : k, kw, kh, o?.border ?? 'constant');
      const { err, at } = maxRelErr(out, want, Array.from(scale, (s) => s + 1e-6));
      assert.ok(err < 1e-4 * (1 + (o?.rankTol ?? 0) * 1e4), `${where} pixel ${at}: ${out[at]} vs ${want[at]}`);
    },
  };
}

const gaborNames = ['params', 'sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'part', 'border', 'orientations', 'scales', 'scaleFactor', 'option', 'image', 'width', 'height'];


// The kernel the core should produce, from the transcription of OpenCV's.
function gaborReference(p, width, height, part) {
  const psi = (p.psi ?? 0) - (part === 'imag' ? Math.PI / 2 : 0);
  return getGaborKernel(width, height, p.sigma, p.theta ?? 0, p.lambda, p.gamma ?? 0.5, psi).data;
}

const gaborKernelSpec = {
  fn: 'gaborKernel',
  names: gaborNames,
  slots: [{ index: 0, kind: 'object', names: ['params'] }],
  make(r) {
    const p = gaborParams(r);
    if (r.bool()) p.part = r.pick(['real', 'imag']);
    return { args: [p] };
  },
  call: (sc, a) => sc.gaborKernel(a[0]),
  verify(k, valid, where, a) {
    const p = { ...a[0] };
    assert.ok(k.width % 2 === 1 && k.height % 2 === 1 && k.data.length === k.width * k.height, `${where} kernel shape`);
    assertFinite(k.data, 'data', where);
    const want = gaborReference(p, k.width, k.height, p.part);
    for (let i = 0; i < want.length; i++) assert.ok(Math.abs(k.data[i] - want[i]) < 1e-5, `${where} data[${i}] ${k.data[i]} vs ${want[i]}`);
  },
};

const gaborFilterSpec = {
  fn: 'gaborFilter',
  names: gaborNames,
  slots: [{ index: 0, kind: 'array', names: ['image'] }, { index: 1, names: ['width'] }, { index: 2, names: ['height'] },
    { index: 3, kind: 'object', names: ['params'] }],
  make(r) {
    const w = r.int(1, 8), h = r.int(1, 8);
    const p = gaborParams(r);
    if (r.bool()) p.border = r.pick(BORDERS);
    return { args: [r.floats(w * h), w, h, p] };
  },
  call: (sc, a) => sc.gaborFilter(...a),
  verify(res, valid, where, a) {
    const [image, w, h, p] = a;
    for (const part of ['real', 'imag', 'magnitude']) {
      assert.ok(res[part] instanceof Float32Array && res[part].length === w * h, `${where} ${part} shape`);
      assertFinite(res[part], part, where);
    }
    const size = p.size === undefined ? 2 * Math.ceil(3 * Math.max(p.sigma, p.sigma / (p.gamma ?? 0.5))) + 1 : p.size;
    const [kw, kh] = (Array.isArray(size) ? size : [size, size]).map((s) => s | 1);
    const { out: want, scale } = correlateRef(numbers(image), w, h, Float32Array.from(gaborReference(p, kw, kh, 'real')), kw, kh, p.border ?? 'reflect101');
    const { err, at } = maxRelErr(res.real, want, Array.from(scale, (s) => s + 1e-6));
    assert.ok(err < 1e-4, `${where} real pixel ${at}: ${res.real[at]} vs ${want[at]}`);
  },
};

const gaborBankSpec = {
  fn: 'gaborBank',
  names: gaborNames,
  slots: gaborFilterSpec.slots,
  make(r) {
    const w = r.int(1, 8), h = r.int(1, 8);
    const { theta: _theta, ...p } = gaborParams(r); // banks choose their own angles
    p.orientations = r.int(1, 6);
    if (r.bool()) p.scales = r.int(1, 2);
    if (r.bool()) p.border = r.pick(BORDERS);
    return { args: [r.floats(w * h), w, h, p] };
  },
  call: (sc, a) => sc.gaborBank(...a),
  verify(res, valid, where, a) {
    const [, w, h, p] = a;
    const k = p.orientations ?? 8;
    assert.equal(res.energy.length, k, `${where} orientations`);
    res.energy.forEach((e, i) => { assert.equal(e.length, w * h, where); assertFinite(e, `energy[${i}]`, where); });
    for (const d of res.dominant) assert.ok(res.thetas.some((t) => Math.abs(t - d) < 1e-6), `${where} dominant ${d} is no theta`);
  },
};

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  // A re-entrant call from inside a getter: large enough to make the
  // binding grow (free and re-allocate) its scratch blocks.
  let calls = 0;
  const reenter = () => {
    const big = 64 + 32 * (calls++ % 8);
    sc.gaborFilter(new Float32Array(big * big).fill(1), big, big, { sigma: 2, theta: 0.2, lambda: 5 });
    sc.correlate2d(new Float32Array(big * big), big, big, new Float32Array(9), 3, 3);
  };
  for (const spec of [convSpec('convolve2d', true), convSpec('correlate2d', false), gaborKernelSpec, gaborFilterSpec, gaborBankSpec]) {
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, spec, { reenter });
      assert.ok(tally.ok > 10 && tally.threw > 10, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
}
