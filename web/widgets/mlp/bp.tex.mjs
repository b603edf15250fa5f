// The BP view's equations (lecture 3's back-propagation, its notation), in
// KaTeX source. The build typesets them (tools/build-web.mjs, the
// typeset-widgets plugin adds HTML and CSS); each \htmlClass{v-name}{…} box
// is where the widget writes that number of the chosen sample and unit.
// Outside a bundle (Node) HTML is null and the widget shows the tables only.
const v = (name) => `\\htmlClass{v-${name}}{\\square}`;

export const TEX = {
  // Output layer L: δ = φ'(S)(y − x).
  deltaOut: `\\delta_{j}^{(L)} = \\varphi'\\big(S_{j}^{(L)}\\big)\\,\\big(y_{j} - x_{j}^{(L)}\\big) = ${v('dphi')} \\times \\big(${v('y')} - ${v('x')}\\big) = ${v('delta')}`,
  // Output layer with cross-entropy (logistic + BCE, softmax + CE): φ' cancels.
  deltaOutCE: `\\delta_{j}^{(L)} = y_{j} - x_{j}^{(L)} = ${v('y')} - ${v('x')} = ${v('delta')}`,
  // Hidden layer l: δ = φ'(S) Σ_k w_kj δ_k of the layer above.
  deltaHidden: `\\delta_{j}^{(l)} = \\varphi'\\big(S_{j}^{(l)}\\big) \\sum_{k} w_{kj}^{(l+1)}\\, \\delta_{k}^{(l+1)} = ${v('dphi')} \\times ${v('sum')} = ${v('delta')}`,
  // The gradient term of the update (momentum adds α Δw(n−1)).
  update: `\\eta\\, \\delta_{j}^{(l)}\\, x_{i}^{(l-1)} = ${v('eta')} \\times ${v('delta')} \\times ${v('xin')} = ${v('dw')}`,
};

export const HTML = null;
export const CSS = '';
