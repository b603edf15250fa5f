// Entry of dist/simcore-widgets.js: defines every simcore custom element and
// exposes the shared helpers pages need (language, hash) as `simcoreWidgets`.
import { SimcoreGabor } from './gabor.mjs';
// ---- phase plane (issue 5) ----
import { SimcorePhasePlane } from './phase-plane.mjs';
import { SimcoreIzhikevich } from './izhikevich.mjs';
// ---- end phase plane ----
import { LANGS, getLang, onLangChange, setLang, t, translate } from './i18n.mjs';

const ELEMENTS = { 'simcore-gabor': SimcoreGabor };
// ---- phase plane (issue 5) ----
ELEMENTS['simcore-phase-plane'] = SimcorePhasePlane;
ELEMENTS['simcore-izhikevich'] = SimcoreIzhikevich;
// ---- end phase plane ----
for (const [name, cls] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, cls);
}

export { LANGS, getLang, onLangChange, setLang, t, translate };
export const elements = Object.keys(ELEMENTS);
