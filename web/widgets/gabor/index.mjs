// The gabor area of the widget layer: <simcore-gabor> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreGabor } from './gabor.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-gabor': SimcoreGabor };
