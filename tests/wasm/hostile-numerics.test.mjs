// Hostile and random arguments to the numerics the pages take from the core:
// spectrum2d, gaborKernelPair, gaborTuning, inputSample, hhGates (the property:
// helpers/hostile.mjs), each valid result checked against an independent
// float64 computation written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSimcore } from '../../bindings/simcore.mjs';
import { runSpec, assertFinite, numbers } from './helpers/hostile.mjs';
import { gaborParams } from './helpers/gabor-params.mjs';

// |DFT| at frequency (kx, ky) of the image with its centre pixel at the origin.
function dftMagnitude(re, im, w, h, size, kx, ky) {
  const cx = w >> 1, cy = h >> 1;
  let sr = 0, si = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const a = (-2 * Math.PI * (kx * (x - cx) + ky * (y - cy))) / size;
      const vr = re[y * w + x], vi = im ? im[y * w + x] : 0;
      sr += vr * Math.cos(a) - vi * Math.sin(a);
      si += vr * Math.sin(a) + vi * Math.cos(a);
    }
  }
  return Math.hypot(sr, si);
}

const spectrumSpec = {
  fn: 'spectrum2d',
  names: ['re', 'im', 'width', 'height', 'size'],
  slots: [{ index: 0, kind: 'array', names: ['re'] }, { index: 1, kind: 'array', names: ['im'] },
    { index: 2, names: ['width'] }, { index: 3, names: ['height'] }, { index: 4, names: ['size'] }],
  make(r) {
    const w = r.int(1, 7), h = r.int(1, 7);
    const im = r.floats(w * h); // null (a real image): the test below
    return { args: [r.floats(w * h), im, w, h, r.pick([0, 0, 8, 12, 16, 20])] };
  },
  call: (sc, a) => sc.spectrum2d(...a),
  verify(res, valid, where, a) {
    const [re, im, w, h, size] = a;
    const s = res.size;
    assert.ok((size ?? 0) === 0 ? s >= 64 && (s & (s - 1)) === 0 : s === size, `${where} size ${s}`);
    assert.ok(res.data instanceof Float32Array && res.data.length === s * s, `${where} shape`);
    assertFinite(res.data, 'data', where);
    const R = numbers(re), I = im ? numbers(im) : null;
    const scale = R.reduce((t, v) => t + Math.abs(v), 0) + (I ? I.reduce((t, v) => t + Math.abs(v), 0) : 0) + 1e-6;
    for (const [r, c] of [[0, 0], [s >> 1, s >> 1], [1, s - 1], [s >> 2, (3 * s) >> 2], [s - 1, 3]]) {
      const want = dftMagnitude(R, I, w, h, s, c - (s >> 1), r - (s >> 1));
      assert.ok(Math.abs(res.data[r * s + c] - want) <= 2e-6 * scale + 1e-6, `${where} [${r}][${c}] ${res.data[r * s + c]} vs ${want}`);
    }
  },
};

const gaborNames = ['params', 'sigma', 'theta', 'lambda', 'gamma', 'psi', 'size', 'steps'];

const pairSpec = {
  fn: 'gaborKernelPair',
  names: gaborNames,
  slots: [{ index: 0, kind: 'object', names: ['params'] }],
  make: (r) => ({ args: [gaborParams(r)] }),
  call: (sc, a) => sc.gaborKernelPair(a[0]),
  verify(k, valid, where, a, sc) {
    const re = sc.gaborKernel({ ...a[0], part: 'real' }), im = sc.gaborKernel({ ...a[0], part: 'imag' });
    assert.ok(k.width === re.width && k.height === re.height, `${where} size`);
    assert.deepEqual(k.real, re.data, `${where} real part`);
    assert.deepEqual(k.imag, im.data, `${where} imaginary part`);
  },
};

// The tuning curve the page computed before it came from the core.
function tuningReference(kr, ki, w, h, lambda, steps) {
  const cx = w >> 1, cy = h >> 1, simple = [], complex = [];
  for (let s = 0; s < steps; s++) {
    const phi = (s * Math.PI) / (steps - 1);
    const kx = (2 * Math.PI * Math.cos(phi)) / lambda, ky = (2 * Math.PI * Math.sin(phi)) / lambda;
    let cr = 0, sr = 0, ci = 0, si = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = kx * (x - cx) + ky * (y - cy), i = y * w + x;
        cr += kr[i] * Math.cos(a); sr += kr[i] * Math.sin(a);
        ci += ki[i] * Math.cos(a); si += ki[i] * Math.sin(a);
      }
    }
    simple.push(Math.max(0, cr));
    complex.push(Math.sqrt((cr * cr + sr * sr + ci * ci + si * si) / 2));
  }
  return { simple, complex };
}

const tuningSpec = {
  fn: 'gaborTuning',
  names: gaborNames,
  slots: [{ index: 0, kind: 'object', names: ['params'] }, { index: 1, names: ['steps'] }],
  make: (r) => ({ args: [gaborParams(r), r.pick([2, 5, 19, 91])] }),
  call: (sc, a) => sc.gaborTuning(...a),
  verify(res, valid, where, a, sc) {
    const steps = a[1] ?? 91;
    for (const key of ['angles', 'simple', 'complex']) assert.equal(res[key].length, steps, `${where} ${key}`);
    // The kernel in display layout (the core stores it point-reflected).
    const k = sc.gaborKernelPair(a[0]);
    const want = tuningReference(k.real.reverse(), k.imag.reverse(), k.width, k.height, a[0].lambda, steps);
    const peak = Math.max(...want.complex, 1e-9);
    for (let s = 0; s < steps; s++) {
      assert.ok(Math.abs(res.simple[s] - want.simple[s]) < 1e-4 * peak, `${where} simple[${s}] ${res.simple[s]} vs ${want.simple[s]}`);
      assert.ok(Math.abs(res.complex[s] - want.complex[s]) < 1e-4 * peak, `${where} complex[${s}] ${res.complex[s]} vs ${want.complex[s]}`);
    }
  },
};

// The drive as ode.h defines it: piecewise linear, constant outside, the
// later value at a repeated time.
function driveReference(t, v, at) {
  if (at < t[0]) return v[0];
  let i = t.length - 1;
  while (i > 0 && t[i] > at) i--;
  while (i + 1 < t.length && t[i + 1] === at) i++;
  if (i === t.length - 1 || t[i + 1] === t[i]) return v[i];
  return v[i] + ((v[i + 1] - v[i]) * (at - t[i])) / (t[i + 1] - t[i]);
}

const inputSpec = {
  fn: 'inputSample',
  names: ['input', 't', 'v', 'times', 'input.t', 'input.v'],
  slots: [{ index: 0, kind: 'object', names: ['input'] }, { index: 1, kind: 'array', names: ['times'] }],
  make(r) {
    const n = r.int(1, 6);
    const t = [r.float() * 10];
    for (let i = 1; i < n; i++) t.push(t[i - 1] + (r.bool(0.2) ? 0 : r.float() * 5));
    const v = Array.from({ length: n }, () => r.float() * 20 - 10);
    const times = Array.from({ length: r.int(1, 8) }, () => r.float() * 40 - 10);
    return { args: [{ t, v }, times] };
  },
  call: (sc, a) => sc.inputSample(...a),
  verify(out, valid, where, a) {
    const { t, v } = a[0];
    const times = Float64Array.from(a[1]); // its own elements in double (a length property may lie)
    assert.ok(out instanceof Float64Array && out.length === times.length, `${where} shape`);
    times.forEach((at, i) => {
      const want = driveReference(t, v, at);
      assert.ok(Math.abs(out[i] - want) < 1e-9 * (1 + Math.abs(want)), `${where} I(${at}) = ${out[i]} vs ${want}`);
    });
  },
};

// Hodgkin–Huxley's closed-form rates, written out (docs/models.md).
function gatesReference(V) {
  const lin = (x) => (Math.abs(x) < 1e-9 ? 1 : x / (1 - Math.exp(-x)));
  const a = [lin((V + 40) / 10), 0.07 * Math.exp(-(V + 65) / 20), 0.1 * lin((V + 55) / 10)];
  const b = [4 * Math.exp(-(V + 65) / 18), 1 / (1 + Math.exp(-(V + 35) / 10)), 0.125 * Math.exp(-(V + 65) / 80)];
  return [0, 1, 2].map((g) => [a[g] / (a[g] + b[g]), 1 / (a[g] + b[g])]);
}

const gatesSpec = {
  fn: 'hhGates',
  names: ['V'],
  slots: [{ index: 0, kind: 'array', names: ['V'] }],
  make(r) {
    return { args: [Array.from({ length: r.int(1, 9) }, () => r.float() * 200 - 120)] };
  },
  call: (sc, a) => sc.hhGates(...a),
  verify(out, valid, where, a) {
    const V = Float64Array.from(a[0]);
    assert.equal(out.mInf.length, V.length, `${where} shape`);
    V.forEach((v, i) => {
      const want = gatesReference(v);
      const got = [[out.mInf[i], out.tauM[i]], [out.hInf[i], out.tauH[i]], [out.nInf[i], out.tauN[i]]];
      for (let g = 0; g < 3; g++) {
        for (let k = 0; k < 2; k++) {
          assert.ok(Math.abs(got[g][k] - want[g][k]) <= 1e-9 * Math.abs(want[g][k]), `${where} gate ${g} at V = ${v}: ${got[g][k]} vs ${want[g][k]}`);
        }
      }
    });
  },
};

for (const simd of [true, false]) {
  const sc = await loadSimcore({ simd });
  for (const spec of [spectrumSpec, pairSpec, tuningSpec, inputSpec, gatesSpec]) {
    const withSc = { ...spec, verify: (res, valid, where, a) => spec.verify(res, valid, where, a, sc) };
    test(`${simd ? 'simd' : 'scalar'}: ${spec.fn} with hostile arguments`, () => {
      const tally = runSpec(sc, withSc, { reenter: () => sc.gaborTuning({ sigma: 2, theta: 0.3, lambda: 5 }) });
      assert.ok(tally.ok > 10 && tally.threw > 10, `both outcomes exercised: ${JSON.stringify(tally)}`);
    });
  }
}

test('spectrum2d of a real image equals the spectrum with a zero imaginary part', async () => {
  const sc = await loadSimcore({ simd: true });
  const re = Float32Array.from({ length: 35 }, (_, i) => Math.sin(i * 1.7));
  const a = sc.spectrum2d(re, null, 7, 5), b = sc.spectrum2d(re, new Float32Array(35), 7, 5);
  assert.equal(a.size, 64);
  assert.deepEqual(a.data, b.data);
  const want = dftMagnitude(re, null, 7, 5, 64, 3, -2);
  assert.ok(Math.abs(a.data[(32 - 2) * 64 + 32 + 3] - want) < 1e-5, `${a.data[(32 - 2) * 64 + 35]} vs ${want}`);
});
