// The lecture's BP equations under each layer of the BP view, typeset at
// build time (bp.tex.mjs) with the numbers of the chosen sample written into
// their boxes: for the unit j of the layer with the largest |δ|, its δ as
// φ'(S)·(y − x) (output, squared error) or y − x (cross-entropy with its
// matching output, where φ' cancels), or φ'(S)·Σ_k w_kj δ_k (hidden), and
// the update term η δ_j x_i for the input i with the largest |η δ_j x_i|.
import { HTML } from './bp.tex.mjs';

/** φ'(S) from the local field S and the output x = φ(S), as the core differentiates (docs/mlp.md). */
export function dphi(act, S, x) {
  switch (act) {
    case 'logistic': return x * (1 - x);
    case 'tanh': return 1 - x * x;
    case 'relu': return S > 0 ? 1 : 0;
    case 'leaky-relu': return S > 0 ? 1 : 0.01;
    default: return 1; // linear
  }
}

const argmaxAbs = (a) => a.reduce((best, v, i) => (Math.abs(v) > Math.abs(a[best]) ? i : best), 0);

/**
 * The equations of layer l (0-based) of `bp` (a session's bpView), as an
 * element, with `fmt` formatting the numbers; null outside a bundle.
 */
export function bpEquations(bp, l, fmt) {
  if (!HTML) return null;
  const layer = bp.layers[l];
  const out = l === bp.layers.length - 1;
  const j = argmaxAbs(layer.delta);
  const xin = l ? bp.layers[l - 1].x : bp.input;
  const nin = xin.length;
  const i = argmaxAbs(Array.from({ length: nin }, (_, q) => layer.dw[j * nin + q]));
  const values = { delta: layer.delta[j], eta: bp.eta, xin: xin[i], dw: layer.dw[j * nin + i] };
  let key;
  if (!out) {
    key = 'deltaHidden';
    Object.assign(values, { dphi: dphi(layer.act, layer.S[j], layer.x[j]), sum: layer.sum[j] });
  } else {
    // Targets: ±1 or 0/1 for one output; a class index for softmax.
    const y = bp.loss === 'ce' ? Number(bp.target[0] === j) : bp.target[0];
    key = bp.loss === 'mse' ? 'deltaOut' : 'deltaOutCE';
    Object.assign(values, { dphi: dphi(layer.act, layer.S[j], layer.x[j]), y, x: layer.x[j] });
  }
  const box = document.createElement('div');
  box.className = 'bpMath';
  box.dataset.unit = String(j + 1);
  box.dataset.input = String(i + 1);
  for (const k of [key, 'update']) {
    const line = document.createElement('div');
    line.innerHTML = HTML[k]; // typeset by the build from bp.tex.mjs, no user text
    for (const [name, v] of Object.entries(values)) {
      for (const el of line.querySelectorAll(`.v-${name}`)) {
        el.textContent = fmt(v);
        el.dataset.value = String(v);
      }
    }
    box.append(line);
  }
  return box;
}
