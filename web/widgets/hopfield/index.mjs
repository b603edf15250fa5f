// The hopfield area of the widget layer: <simcore-hopfield> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreHopfield } from './hopfield.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-hopfield': SimcoreHopfield };
