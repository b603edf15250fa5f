// Entry of dist/simcore-widgets.js: defines every simcore custom element and
// exposes the shared helpers pages need (language, hash) as `simcoreWidgets`.
import { SimcoreGabor } from './gabor/gabor.mjs';
import { SimcoreHopfield } from './hopfield/hopfield.mjs';
import { SimcorePhasePlane } from './phase/phase-plane.mjs';
import { SimcoreIzhikevich } from './phase/izhikevich.mjs';
import { SimcoreConv } from './conv/conv.mjs';
import { LANGS, getLang, onLangChange, setLang, t, translate } from './shared/i18n.mjs';

const ELEMENTS = {
  'simcore-gabor': SimcoreGabor,
  'simcore-hopfield': SimcoreHopfield,
  'simcore-phase-plane': SimcorePhasePlane,
  'simcore-izhikevich': SimcoreIzhikevich,
  'simcore-conv': SimcoreConv,
};
for (const [name, cls] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, cls);
}

export { LANGS, getLang, onLangChange, setLang, t, translate };
export const elements = Object.keys(ELEMENTS);
