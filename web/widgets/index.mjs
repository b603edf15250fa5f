// Entry of the widget scripts: dist/simcore-widgets.js carries every area,
// dist/simcore-<area>.js one (tools/build-web.mjs chooses the areas behind
// virtual:area-elements from areas.mjs). Defines the custom elements and
// exposes the shared helpers pages need (language, hash, sessions) as `simcoreWidgets`.
import AREA_ELEMENTS from 'virtual:area-elements';
import { LANGS, getLang, onLangChange, setLang, t, translate } from './shared/i18n.mjs';
import { drive, openSession } from './shared/sessions.mjs';
import { createLane } from './shared/compute.mjs';

const ELEMENTS = Object.assign({}, ...AREA_ELEMENTS);
for (const [name, cls] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, cls);
}

export { LANGS, getLang, onLangChange, setLang, t, translate };
// Stateful sessions of the areas in this script (docs/architecture.md, "Sessions").
export { createLane, drive, openSession };
export const elements = Object.keys(ELEMENTS);
