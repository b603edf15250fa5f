// Entry of dist/simcore-labels.js, for pages that show labels but no widget
// (the gallery): the language helpers with every area's labels (the same
// tables the widgets use; virtual:area-labels registers them, from
// areas.mjs), the SIMD probe and the core's version (fixed at build time),
// without the widgets or the wasm.
import 'virtual:area-labels';

export { LANGS, getLang, onLangChange, setLang, t, translate } from './shared/i18n.mjs';
export { simdSupported } from '../../bindings/core/simd-probe.mjs';
export { default as version } from 'virtual:core-version';
